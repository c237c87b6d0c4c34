"""Where the datasets come from. Pages and metrics see only `DataBundle`s; a `DataStore` fills them.

`FileStore` reads the files in one data folder (lib/data/location.py says which); `lib.data.db.store.DbStore`
reads one county's rows of a PostgreSQL-compatible database. Both give the same typed frames through
`parse_frame`, so nothing above this module knows which one it reads.
"""
from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Callable, Protocol

import geopandas as gpd
import numpy as np
import pandas as pd

from lib.data.contracts import DATASETS, INCIDENTS, MAX_WHOLE, ColumnSpec, DatasetSpec, schema_of
from lib.data.huge_pages import stop_huge_page_requests
from lib.data.incidents import FrameIncidents, IncidentSource
from lib.data.location import BUNDLED_DATA_DIR
from lib.data.dates import DATE_FORMAT, DATETIME_FORMAT, date_hint, parse_datetimes
from lib.data.manifest import demo_flags, read_manifest
from lib.data.plain_csv import TEXT, read_plain_csv
from lib.data.templates import key_text
from lib.data.problems import DataLoadError, DataProblem, problems_from_schema_errors, short

__all__ = ["BUNDLED_DATA_DIR", "DataBundle", "DataStore", "FileStore", "Manifest", "load_bundle"]

stop_huge_page_requests()  # every process that reads the data makes its large arrays without kernel stalls


@dataclass(frozen=True)
class Manifest:
    """What the data folder says of itself: which datasets are demo data, and the schema version."""

    schema_version: int
    demo: dict[str, bool] = field(default_factory=dict)

    def is_demo(self, dataset: str) -> bool:
        return self.demo.get(dataset, False)


class DataStore(Protocol):
    def read(self, spec: DatasetSpec) -> pd.DataFrame:
        """The dataset as a typed frame (a GeoDataFrame in WGS84 for geometry datasets)."""

    def manifest(self) -> Manifest: ...

    def incident_source(self) -> IncidentSource | None:
        """The incidents answered where they are kept (a database), never read whole; None: read like the rest."""


def _whole(numbers: pd.Series) -> pd.Series:
    """Whole numbers as Int64; a fraction, an infinity or a number too large to hold exactly becomes missing."""
    numbers = numbers.astype("float64")
    exact = np.isfinite(numbers) & (numbers.abs() <= MAX_WHOLE) & (numbers == np.floor(numbers))
    return numbers.where(exact).astype("Int64")


def _dates(text: pd.Series) -> pd.Series:
    """Dates in the contract's format, each distinct text read once (a column holds few distinct days)."""
    codes, values = pd.factorize(text)
    days = parse_datetimes(pd.Series(values, dtype="str"), DATE_FORMAT).to_numpy("datetime64[ns]")
    return pd.Series(np.append(days, np.datetime64("NaT", "ns"))[codes], index=text.index, name=text.name)


def _numbers(text: pd.Series) -> pd.Series:
    """Text as numbers: at once when every cell is one (a clean file), else cell by cell, the others missing."""
    try:
        return text.astype("float64")
    except (ValueError, TypeError):
        return pd.to_numeric(text, errors="coerce").astype("float64")


def _categories(raw: pd.Series) -> pd.Series:
    """Text as a category, trimmed, an empty cell missing: each distinct value is trimmed once, not each row."""
    codes, values = pd.factorize(raw.astype("str"))
    trimmed = pd.Series(values).str.strip()
    recoded, categories = pd.factorize(trimmed.where(trimmed != ""), sort=True)
    codes = np.append(recoded, -1)[codes]  # -1 (missing) stays missing
    return pd.Series(pd.Categorical.from_codes(codes, categories), index=raw.index, name=raw.name)


def _convert(raw: pd.Series, col: ColumnSpec) -> pd.Series:
    """One column typed by the contract; a cell that cannot be read becomes missing (reported later)."""
    if col.kind in ("int", "float") and pd.api.types.is_numeric_dtype(raw):  # typed by the CSV reader already
        numbers = raw.astype("float64")
        return _whole(numbers) if col.kind == "int" else numbers.where(np.isfinite(numbers))
    if col.categorical:
        return _categories(raw)
    text = raw.astype("str").str.strip()
    text = text.where(raw.notna() & (text != ""))
    if col.kind == "int":
        return _whole(_numbers(text))
    if col.kind == "float":
        numbers = _numbers(text)
        return numbers.where(np.isfinite(numbers))
    if col.kind == "datetime":
        return parse_datetimes(text, DATETIME_FORMAT)
    if col.kind == "date":
        return _dates(text)
    if col.kind == "bool":
        return text.str.lower().map({"true": True, "false": False, "1": True, "0": False})
    return text


TYPE_EXPECTED = {
    "int": ("应为整数", "expected a whole number"),
    "float": ("应为数字", "expected a number"),
    "datetime": ("应为时间,格式 YYYY-MM-DD HH:MM", "expected a time as YYYY-MM-DD HH:MM"),
    "date": ("应为日期,格式 YYYY-MM-DD", "expected a date as YYYY-MM-DD"),
    "bool": ("应为 true 或 false", "expected true or false"),
}


def _unread_reason(kind: str, text: str) -> tuple[str, str]:
    """Why a cell could not be read as its column's type, as specific as the text allows."""
    if kind in ("int", "float"):
        try:
            number = float(text)
        except ValueError:
            return TYPE_EXPECTED[kind]
        if not np.isfinite(number):
            return "应为有限的数字(不能是 NaN 或无穷大)", "expected a finite number (not NaN or infinity)"
        if abs(number) > MAX_WHOLE:
            return "数值过大", "the number is too large"
        return "应为整数,不能有小数", "expected a whole number, without a fraction"
    if kind in ("date", "datetime"):
        return date_hint(text, kind == "datetime") or TYPE_EXPECTED[kind]
    return TYPE_EXPECTED[kind]


def _type_problems(spec: DatasetSpec, raw: pd.DataFrame, typed: pd.DataFrame, first_row: int) -> list[DataProblem]:
    """Cells that hold something but could not be read as their column's type."""
    problems: list[DataProblem] = []
    for col in spec.columns:
        if col.kind not in TYPE_EXPECTED:
            continue
        unread = raw[col.name].notna() & typed[col.name].isna()
        if not unread.any():
            continue
        unread &= raw.loc[unread, col.name].astype("str").str.strip().ne("").reindex(raw.index, fill_value=False)
        for index in unread[unread].index[:20]:
            text = str(raw.at[index, col.name])
            zh, en = _unread_reason(col.kind, text.strip())
            problems.append(DataProblem(spec.name, spec.file, int(index) + first_row, col.name, short(text), zh, en))
    return problems


def parse_frame(spec: DatasetSpec, raw: pd.DataFrame, first_row: int, keys: bool = True) -> pd.DataFrame:
    """Type the text columns of `raw` by the contract and check them; raise DataLoadError listing every problem.

    Without `keys`, rows are not compared with each other (see contracts.schema_of): a part of a large file."""
    missing = [c.name for c in spec.columns if c.name not in raw.columns]
    if missing:
        raise DataLoadError([
            DataProblem(spec.name, spec.file, None, name, None, "缺少此列", "this column is missing") for name in missing
        ])
    # the contract's columns typed into a new frame: no copy of the raw text beside it, none of the typed frame
    checked = pd.DataFrame({col.name: _convert(raw[col.name], col) for col in spec.columns}, index=raw.index,
                           copy=False)
    problems = _type_problems(spec, raw, checked, first_row)
    import pandera.pandas as pa

    try:
        for col in spec.columns:
            if col.kind == "int" and not checked[col.name].isna().any():
                checked[col.name] = checked[col.name].astype("int64")
        schema_of(spec, keys).validate(checked, lazy=True, inplace=True)  # the frame is new: no copy of it
    except pa.errors.SchemaErrors as err:
        problems += [p for p in problems_from_schema_errors(spec, err, first_row, raw)
                     if not any(q.row == p.row and q.column == p.column for q in problems)]
    if problems:
        raise DataLoadError(problems)
    return compact(spec, checked)


def compact(spec: DatasetSpec, frame: pd.DataFrame) -> pd.DataFrame:
    """Code columns as categories: smaller, and much faster to group by at a million rows."""
    for col in spec.columns:
        if col.categorical and not isinstance(frame[col.name].dtype, pd.CategoricalDtype):
            frame[col.name] = frame[col.name].astype("category")
    return frame


def read_csv_fast(source: Path | bytes, spec: DatasetSpec) -> pd.DataFrame:
    """Numbers typed by the CSV reader (fast at a million rows) in a plain file; any other file all as text.

    A file whose numbers do not all parse strictly is read as text, so every bad cell can be named: pandas' own
    typed read would take `true` as 1 and cut 1.5 to 1 in a whole-number column.
    """
    def opened() -> Path | io.BytesIO:
        return io.BytesIO(source) if isinstance(source, bytes) else source

    numbers = {c.name: "float64" if c.kind == "float" or c.nullable else "int64"
               for c in spec.columns if c.kind in ("int", "float")}
    try:
        return _read_arrow(opened(), list(pd.read_csv(opened(), nrows=0).columns), numbers)
    except Exception:  # anything unusual: read as text, which names what is wrong
        return pd.read_csv(opened(), dtype=str, keep_default_na=False, na_values=[""], engine="pyarrow")


def _read_arrow(source: Path | io.BytesIO, header: list[str], numbers: dict[str, str]) -> pd.DataFrame:
    """What `read_csv_fast` gives for a plain file, read by pyarrow in one thread with no copy of the text: about
    half the memory and a third of the CPU of pandas' pyarrow reader at a million rows. Raises for anything else
    (a header pandas renames, no rows, a number that does not parse)."""
    import pyarrow as pa
    import pyarrow.csv as pa_csv

    types = {name: pa.type_for_alias(numbers.get(name, "large_string")) for name in header}
    table = pa_csv.read_csv(source, read_options=pa_csv.ReadOptions(use_threads=False),
                            convert_options=pa_csv.ConvertOptions(column_types=types, null_values=[""],
                                                                  strings_can_be_null=True))
    if table.column_names != header or table.num_rows == 0 or any(
            table.column(name).null_count for name, kind in numbers.items() if kind == "int64" and name in header):
        raise ValueError("not a plain file")
    return table.to_pandas(types_mapper={pa.large_string(): TEXT}.get, self_destruct=True)


def geo_frame(spec: DatasetSpec, properties: pd.DataFrame, geometry: gpd.GeoSeries | np.ndarray,
              source: str) -> gpd.GeoDataFrame:
    """A boundaries dataset: its properties typed and checked like a table's, its shapes valid, in WGS84."""
    props = parse_frame(spec, properties.astype("object"), first_row=1)
    shapes = gpd.GeoSeries(geometry, crs="EPSG:4326")
    invalid = ~shapes.is_valid | shapes.is_empty
    if invalid.any():
        raise DataLoadError([
            DataProblem(spec.name, source, int(i) + 1, "geometry", None, "几何图形无效或为空", "invalid or empty geometry")
            for i in invalid[invalid].index[:20]
        ])
    return gpd.GeoDataFrame(props, geometry=shapes.values, crs="EPSG:4326")


class FileStore:
    """The datasets as files in one folder: CSV tables, GeoJSON boundaries and manifest.json."""

    def __init__(self, root: Path):
        self.root = Path(root)

    def read(self, spec: DatasetSpec) -> pd.DataFrame:
        path = self.root / spec.file
        if not path.exists() and spec.former_file and (self.root / spec.former_file).exists():
            path = self.root / spec.former_file  # a folder made before the file was renamed
        if not path.exists():
            raise DataLoadError([DataProblem(spec.name, spec.file, None, None, None, "文件不存在", "the file is missing")])
        if spec.geometry:
            return self._read_geo(spec, path)
        plain = read_plain_csv(path, spec)  # a clean file at once; any other read carefully, every problem named
        if plain is not None:
            return plain
        try:
            raw = read_csv_fast(path, spec)
        except Exception as exc:  # any unreadable CSV becomes one clear problem
            raise DataLoadError([DataProblem(spec.name, spec.file, None, None, None,
                                             f"无法读取为 UTF-8 CSV:{exc}", f"cannot be read as a UTF-8 CSV: {exc}")]) from exc
        return parse_frame(spec, raw, first_row=2)

    def _read_geo(self, spec: DatasetSpec, path: Path) -> gpd.GeoDataFrame:
        try:
            geo = gpd.read_file(path)
        except Exception as exc:
            raise DataLoadError([DataProblem(spec.name, spec.file, None, None, None,
                                             f"无法读取为 GeoJSON:{exc}", f"cannot be read as GeoJSON: {exc}")]) from exc
        return geo_frame(spec, pd.DataFrame(geo.drop(columns="geometry")), geo.geometry.values, spec.file)

    def manifest(self) -> Manifest:
        """The folder's manifest, each dataset's demo flag checked against its file (lib/data/manifest.py)."""
        content = read_manifest(self.root)
        return Manifest(int(content.get("schema_version", 1)), demo_flags(self.root))

    def incident_source(self) -> None:
        return None


FIRST_DAY_COLUMNS = {"patrol_sessions": "start_at", "disputes": "received_on"}  # and the incidents' (their span)


def _first_day(when: pd.Series) -> date | None:
    first = when.min()
    return None if pd.isna(first) else first.date()


@dataclass(frozen=True)
class DataBundle:
    """Every dataset, read and checked. Treat the frames as read-only: they are shared across sessions.

    The incidents are asked of `incidents` (counts, bounded records); `bundle["incidents"]`, their whole frame, is
    there only when they were read from files."""

    frames: dict[str, pd.DataFrame]
    manifest: Manifest
    incidents: IncidentSource = None  # type: ignore[assignment]  # default: the frames' incidents
    as_of: date = field(init=False)  # the last day with an incident on record, found once at load
    first_days: dict[str, date | None] = field(init=False)  # each dated dataset's first day, found once at load

    def __post_init__(self) -> None:
        if self.incidents is None:
            object.__setattr__(self, "incidents", FrameIncidents(self.frames[INCIDENTS.name]))
        first, last = self.incidents.span()
        object.__setattr__(self, "as_of", last)
        object.__setattr__(self, "first_days", {INCIDENTS.name: first, **{
            name: _first_day(self.frames[name][column]) for name, column in FIRST_DAY_COLUMNS.items()
            if name in self.frames}})

    def first_day(self, name: str) -> date | None:
        """The first day on record in dataset `name` (incidents or one of FIRST_DAY_COLUMNS); None without rows."""
        return self.first_days[name]

    def __getitem__(self, name: str) -> pd.DataFrame:
        return self.frames[name]

    def _asked(self, name: str) -> bool:
        """Whether dataset `name` is asked of its source rather than held whole (a database's incidents)."""
        return name == INCIDENTS.name and name not in self.frames

    def rows(self, name: str) -> int:
        """How many rows dataset `name` has."""
        return self.incidents.count() if self._asked(name) else len(self.frames[name])

    def example(self, name: str) -> pd.DataFrame:
        """The first row of dataset `name` (a template's example)."""
        return self.incidents.head(1) if self._asked(name) else self.frames[name].head(1)

    def code_counts(self, name: str, column: str) -> pd.Series | None:
        """How many rows of dataset `name` use each value of `column`; None when it has no such column."""
        if self._asked(name):
            return self.incidents.code_counts(column) if column in INCIDENTS.column_names else None
        frame = self.frames[name]
        return frame[column].astype(str).value_counts() if column in frame else None

    def existing_keys(self, spec: DatasetSpec, keys: pd.Series) -> set[str]:
        """Those of `keys` (as lib/data/templates.key_text writes them) that dataset `spec` holds already."""
        if self._asked(spec.name):
            return self.incidents.existing_keys(keys.tolist())
        return set(keys) & set(key_text(spec, self.frames[spec.name]))

    def demo_datasets(self) -> list[str]:
        return [name for name in self.frames if self.manifest.is_demo(name)]


def _category(values: pd.Series) -> pd.Series:
    """The column as a category (as it is when read by `parse_frame`)."""
    return values if isinstance(values.dtype, pd.CategoricalDtype) else values.astype("category")


def _per_text(values: pd.Series, test: Callable[[pd.Series], pd.Series]) -> pd.Series:
    """`test` of each value as text (a missing one as "nan"), run once per distinct value."""
    values = _category(values)
    held = np.asarray(test(pd.Series(values.cat.categories.astype(str))), dtype=bool)
    missing = bool(np.asarray(test(pd.Series(["nan"])), dtype=bool)[0])
    return pd.Series(np.append(held, missing)[values.cat.codes.to_numpy()], index=values.index)


def _reference_problems(frames: dict[str, pd.DataFrame]) -> list[DataProblem]:
    """Town and village codes used by the other datasets must exist in the boundaries."""
    known = {"town_code": set(frames["towns"]["town_code"].astype(str)),
             "village_code": set(frames["villages"]["village_code"].astype(str))}
    own_keys = {("towns", "town_code"), ("villages", "village_code")}
    problems: list[DataProblem] = []
    for spec in DATASETS:
        frame = frames.get(spec.name)
        if frame is None:  # answered where it is kept, and checked when it was written there
            continue
        for column, codes in known.items():
            if column not in frame or (spec.name, column) in own_keys:
                continue
            unknown = _per_text(frame[column], lambda text: ~text.isin(codes))
            for index in unknown[unknown].index[:10]:
                problems.append(DataProblem(spec.name, spec.file, int(index) + (1 if spec.geometry else 2), column,
                                            str(frame.at[index, column]), "不是已知的代码(见边界数据)",
                                            "not a known code (see the boundaries)"))
    return problems or [p for spec in DATASETS if spec.name != "villages" and spec.name in frames
                        for p in village_town_problems(spec, frames[spec.name], frames["villages"])]


def village_town_problems(spec: DatasetSpec, frame: pd.DataFrame, villages: pd.DataFrame,
                          first_row: int = 2) -> list[DataProblem]:
    """A row's village must lie in the row's town (the boundaries say which town each village is in)."""
    if "village_code" not in frame or "town_code" not in frame:
        return []
    town_of = dict(zip(villages["village_code"].astype(str), villages["town_code"].astype(str)))
    village, town = _category(frame["village_code"]), _category(frame["town_code"])
    # towns as numbers, once per distinct value: each row's own town (-1: missing), its village's (-2: not known)
    number = {text: i for i, text in reversed(list(enumerate(town.cat.categories.astype(str))))}
    own = np.append([number[text] for text in town.cat.categories.astype(str)], -1)[town.cat.codes.to_numpy()]
    theirs = [number.get(town_of[text], len(number)) if text in town_of else -2
              for text in village.cat.categories.astype(str)]
    their = np.append(np.array(theirs, dtype=np.int64), -2)[village.cat.codes.to_numpy()]
    elsewhere = pd.Series((their != -2) & (their != own), index=frame.index)
    rows = elsewhere[elsewhere].index[:10]
    their_town = {index: town_of[str(village[index])] for index in rows}
    return [DataProblem(spec.name, spec.file, int(index) + first_row, "village_code", str(village[index]),
                        f"此村(社区)属于镇(街道){their_town[index]},与本行的镇(街道)代码 {frame.at[index, 'town_code']} 不符",
                        f"this village is in town {their_town[index]}, not in the row's town {frame.at[index, 'town_code']}")
            for index in rows]


Progress = Callable[[int, int, str], None]  # datasets done, datasets in all, the dataset being read next


def load_bundle(store: DataStore, progress: Progress | None = None) -> DataBundle:
    """Read and check every dataset (but the incidents a store answers itself); raise DataLoadError with all problems of all datasets at once. `progress` is
    told before each dataset is read."""
    frames: dict[str, pd.DataFrame] = {}
    problems: list[DataProblem] = []
    incidents = store.incident_source()
    for done, spec in enumerate(DATASETS):
        if progress is not None:
            progress(done, len(DATASETS), spec.name)
        if spec.name == INCIDENTS.name and incidents is not None:
            continue
        try:
            frames[spec.name] = store.read(spec)
        except DataLoadError as err:
            problems += err.problems
    if not problems:
        problems = _reference_problems(frames)
    if problems:
        raise DataLoadError(problems)
    return DataBundle(frames, store.manifest(), incidents)
