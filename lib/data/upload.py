"""An uploaded table file checked before anything is written, and the change it would make.

    read_upload(spec, filename, data, towns, villages) -> UploadCheck   every problem at once, or the typed rows
    plan_change(spec, current, incoming, mode)          -> ChangePlan   rows added, replaced, removed, duplicates

Accepted: CSV in UTF-8 (with or without BOM) or GBK/GB18030, and XLSX (formula cells read as their saved
values). Headers may be the column names, or their Chinese or English labels. Dates may be written
2020-03-05, 2020/3/5, 2020.3.5, 2020年3月5日 or as Excel serial numbers. A town or village may be given by
its code or its exact name; an unknown one gets the closest known codes suggested.
"""
from __future__ import annotations

import difflib
import io
import re
import zipfile
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Literal

import pandas as pd

from lib.data.contracts import DatasetSpec
from lib.data.problems import MAX_PROBLEMS, DataLoadError, DataProblem
from lib.data.store import parse_frame
from lib.data.templates import DATE_FORMAT, DATETIME_FORMAT, contract_text

MAX_UPLOAD_BYTES = 50 * 1024 * 1024
Mode = Literal["replace", "append"]
ENCODINGS = ("utf-8-sig", "gb18030")  # utf-8-sig also reads UTF-8 without a BOM; GB18030 is a superset of GBK
EXCEL_EPOCH = datetime(1899, 12, 30)
SERIAL_RANGE = (1.0, 2958465.0)  # 1900-01-01 .. 9999-12-31
# datasets without a single unique column are keyed by the columns of their one-row-per check
KEYS: dict[str, tuple[str, ...]] = {
    "county_survey": ("adcode", "year"),
    "town_survey": ("town_code", "year"),
    "indicators": ("year", "code"),
}


@dataclass(frozen=True)
class UploadCheck:
    """The upload read and checked: `frame` is the typed rows when there are no problems."""

    problems: list[DataProblem]
    frame: pd.DataFrame | None = None

    @property
    def ok(self) -> bool:
        return not self.problems and self.frame is not None


@dataclass(frozen=True)
class ChangePlan:
    """What a confirmed upload would do to the dataset; `result` is the whole dataset afterwards."""

    mode: Mode
    added: int
    replaced: int
    removed: int
    duplicates: list[str] = field(default_factory=list)
    result: pd.DataFrame | None = None


def key_columns(spec: DatasetSpec) -> tuple[str, ...]:
    """The columns that identify a row: the unique column, else the dataset's one-row-per columns."""
    unique = [c.name for c in spec.columns if c.unique]
    return tuple(unique[:1]) if unique else KEYS[spec.name]


def _problem(spec: DatasetSpec, filename: str, zh: str, en: str, row: int | None = None,
             column: str | None = None, value: str | None = None) -> DataProblem:
    return DataProblem(spec.name, filename, row, column, value, zh, en)


# ---------------------------------------------------------------- reading the bytes

def decode_text(data: bytes) -> str | None:
    """The text of a CSV file in UTF-8 (BOM or not) or GB18030/GBK; None when it is not text in those."""
    if b"\x00" in data[:65536]:
        return None
    for encoding in ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        controls = sum(1 for ch in text[:65536] if ord(ch) < 32 and ch not in "\r\n\t")
        return None if controls else text
    return None


def _cell_text(value: object) -> object:
    """An XLSX cell as text the contract reader understands; dates and times keep their meaning."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.strftime(DATETIME_FORMAT) if (value.hour, value.minute, value.second) != (0, 0, 0) \
            else value.strftime(DATE_FORMAT)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _read_xlsx(data: bytes) -> pd.DataFrame:
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    try:
        rows = [[_cell_text(v) for v in row] for row in book.worksheets[0].iter_rows(values_only=True)]
    finally:
        book.close()
    while rows and all(v is None or str(v).strip() == "" for v in rows[-1]):
        rows.pop()
    if not rows:
        return pd.DataFrame()
    header = [("" if h is None else str(h)) for h in rows[0]]
    while header and header[-1] == "":
        header.pop()
    body = [row[: len(header)] + [None] * (len(header) - len(row)) for row in rows[1:]]
    return pd.DataFrame(body, columns=header, dtype="object")


def read_raw(spec: DatasetSpec, filename: str, data: bytes) -> pd.DataFrame:
    """The file's header and cells as text; raise DataLoadError when it is too big, empty or not what it claims."""
    size_mb = len(data) / 1024 / 1024
    if len(data) > MAX_UPLOAD_BYTES:
        raise DataLoadError([_problem(spec, filename, f"文件过大({size_mb:.1f} MB),上限 {MAX_UPLOAD_BYTES // 1024 // 1024} MB",
                                      f"the file is too large ({size_mb:.1f} MB); the limit is {MAX_UPLOAD_BYTES // 1024 // 1024} MB")])
    if not data.strip():
        raise DataLoadError([_problem(spec, filename, "文件为空", "the file is empty")])
    suffix = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    if suffix == "xlsx":
        if not data.startswith(b"PK\x03\x04") or not zipfile.is_zipfile(io.BytesIO(data)):
            raise DataLoadError([_problem(spec, filename, "不是有效的 XLSX 文件(文件内容不是 Excel 工作簿)",
                                          "not a valid XLSX file (the content is not an Excel workbook)")])
        try:
            raw = _read_xlsx(data)
        except Exception as exc:  # a damaged workbook is one clear problem
            raise DataLoadError([_problem(spec, filename, f"XLSX 文件已损坏,无法读取:{type(exc).__name__}",
                                          f"the XLSX file is damaged and cannot be read: {type(exc).__name__}")]) from exc
    elif suffix == "csv":
        text = decode_text(data)
        if text is None:
            raise DataLoadError([_problem(spec, filename, "不是文本 CSV 文件,或编码不是 UTF-8/GBK/GB18030",
                                          "not a text CSV file, or not encoded in UTF-8/GBK/GB18030")])
        try:
            raw = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False, na_values=[""], skip_blank_lines=True)
        except Exception as exc:
            raise DataLoadError([_problem(spec, filename, f"无法读取为 CSV:{exc}", f"cannot be read as a CSV: {exc}")]) from exc
    else:
        raise DataLoadError([_problem(spec, filename, "只接受 .csv 或 .xlsx 文件", "only .csv or .xlsx files are accepted")])
    if raw.empty:
        raise DataLoadError([_problem(spec, filename, "文件没有数据行", "the file has no data rows")])
    return raw


# ---------------------------------------------------------------- headers, dates, places

def _norm(text: str) -> str:
    return re.sub(r"\s+", "", str(text)).replace("(", "(").replace(")", ")").casefold()


def header_map(spec: DatasetSpec) -> dict[str, str]:
    """Every accepted header (column name, Chinese label, English label; spaces and case ignored) -> column name."""
    mapping: dict[str, str] = {}
    for col in spec.columns:
        for header in (col.name, col.zh, col.en):
            mapping.setdefault(_norm(header), col.name)
    return mapping


def map_headers(spec: DatasetSpec, filename: str, raw: pd.DataFrame) -> tuple[pd.DataFrame, list[DataProblem]]:
    """`raw` with its headers renamed to column names; extra and repeated columns are problems."""
    mapping = header_map(spec)
    renamed: dict[str, str] = {}
    problems: list[DataProblem] = []
    expected = ", ".join(f"{c.zh}/{c.name}" for c in spec.columns)
    expected_en = ", ".join(f"{c.en}/{c.name}" for c in spec.columns)
    for header in raw.columns:
        name = mapping.get(_norm(header))
        if name is None:
            problems.append(_problem(spec, filename, f"多出的或无法识别的列;应为:{expected}",
                                     f"an extra or unrecognised column; expected: {expected_en}", column=str(header)[:60]))
        elif name in renamed.values():
            problems.append(_problem(spec, filename, f"与另一列重复(都对应 {name})", f"repeats another column (both are {name})",
                                     column=str(header)[:60]))
        else:
            renamed[header] = name
    missing = [c for c in spec.columns if c.name not in renamed.values()]
    for col in missing:
        problems.append(_problem(spec, filename, f"缺少此列(表头“{col.zh}”)", f"this column is missing (header '{col.en}')",
                                 column=col.name))
    frame = raw[list(renamed)].rename(columns=renamed)
    return frame, problems


_DATE_RE = re.compile(
    r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
    r"(?:[\sT]*(\d{1,2})\s*[:时]\s*(\d{1,2})(?:\s*[:分]\s*(\d{1,2}(?:\.\d+)?)\s*秒?)?\s*分?)?$"
)


def parse_date_text(value: str, with_time: bool) -> str | None:
    """A date (or time) written in a common Chinese way, in the contract's format; None when not a date.

    >>> parse_date_text("2020年3月5日", False), parse_date_text("2020/3/5 8:05", True), parse_date_text("43895", False)
    ('2020-03-05', '2020-03-05 08:05', '2020-03-05')
    """
    text = str(value).strip()
    when: datetime | None = None
    if m := _DATE_RE.match(text):
        y, mo, d, h, mi = (int(g) if g else 0 for g in m.groups()[:5])
        try:
            when = datetime(y, mo, d, h, mi)
        except ValueError:
            return None
        has_time = m.group(4) is not None
        if with_time and not has_time:
            return None  # a time column needs a time
    elif re.fullmatch(r"\d+(\.\d+)?", text) and SERIAL_RANGE[0] <= float(text) <= SERIAL_RANGE[1] and len(text) != 8:
        when = EXCEL_EPOCH + timedelta(days=float(text))
        when = when.replace(second=0, microsecond=0) + timedelta(minutes=round(when.second / 60))
    elif re.fullmatch(r"\d{8}", text):
        try:
            when = datetime.strptime(text, "%Y%m%d")
        except ValueError:
            return None
    if when is None:
        return None
    if not with_time and (when.hour, when.minute) != (0, 0) and not _DATE_RE.match(text):
        return None  # a fractional serial in a date column is a time, not a date
    return when.strftime(DATETIME_FORMAT if with_time else DATE_FORMAT)


def normalize_dates(spec: DatasetSpec, frame: pd.DataFrame) -> pd.DataFrame:
    """Date and time cells rewritten in the contract's format where they can be read; the rest left for the checks."""
    out = frame.copy()
    for col in spec.columns:
        if col.kind not in ("date", "datetime") or col.name not in out:
            continue
        out[col.name] = out[col.name].map(
            lambda v: v if v is None or (isinstance(v, float) and pd.isna(v))
            else (parse_date_text(v, col.kind == "datetime") or v))
    return out


@dataclass(frozen=True)
class Places:
    """The known towns and villages: code -> (Chinese name, English name)."""

    towns: dict[str, tuple[str, str]]
    villages: dict[str, tuple[str, str]]

    @classmethod
    def from_frames(cls, towns: pd.DataFrame, villages: pd.DataFrame) -> "Places":
        return cls({str(r.town_code): (str(r.town_zh), str(r.town_en)) for r in towns.itertuples()},
                   {str(r.village_code): (str(r.village_zh), str(r.village_en)) for r in villages.itertuples()})


def suggest_codes(value: str, known: dict[str, tuple[str, str]], n: int = 3) -> list[str]:
    """The known codes closest to `value`, compared with the codes and with the names: 'code 名称' each."""
    text = str(value).strip()
    scored: dict[str, float] = {}
    for code, names in known.items():
        score = max(difflib.SequenceMatcher(None, text.casefold(), candidate.casefold()).ratio()
                    for candidate in (code, *names))
        scored[code] = score
    best = sorted(scored, key=lambda c: (-scored[c], c))[:n]
    return [f"{code} {known[code][0]}" for code in best if scored[code] > 0.4]


def resolve_places(spec: DatasetSpec, filename: str, frame: pd.DataFrame, places: Places,
                   first_row: int = 2) -> tuple[pd.DataFrame, list[DataProblem]]:
    """Town and village names replaced by their codes; unknown ones reported with the closest codes."""
    out = frame.copy()
    problems: list[DataProblem] = []
    for column, known in (("town_code", places.towns), ("village_code", places.villages)):
        if column not in out:
            continue
        by_name = {_norm(name): code for code, names in known.items() for name in names}
        values = out[column]
        for index, value in values.items():
            if value is None or (isinstance(value, float) and pd.isna(value)) or str(value).strip() == "":
                continue
            text = str(value).strip()
            if text in known:
                out.at[index, column] = text
                continue
            code = by_name.get(_norm(text))
            if code is not None:
                out.at[index, column] = code
                continue
            hints = suggest_codes(text, known)
            hint_zh = ";最接近的已知代码:" + "、".join(hints) if hints else ""
            hint_en = "; closest known codes: " + ", ".join(hints) if hints else ""
            kind_zh, kind_en = ("镇(街道)", "town") if column == "town_code" else ("村(社区)", "village")
            problems.append(_problem(spec, filename, f"不是已知的{kind_zh}代码或名称{hint_zh}",
                                     f"not a known {kind_en} code or name{hint_en}",
                                     row=int(index) + first_row, column=column, value=text[:60]))
            out.at[index, column] = None  # reported here, not again by the format check
    return out, problems


# ---------------------------------------------------------------- the whole check, and the plan

def read_upload(spec: DatasetSpec, filename: str, data: bytes, places: Places) -> UploadCheck:
    """Read and check an uploaded file of `spec`; every problem found (up to MAX_PROBLEMS), or the typed rows."""
    if spec.geometry:
        raise ValueError(f"{spec.name} is a boundary dataset; uploads take table datasets only")
    try:
        raw = read_raw(spec, filename, data)
    except DataLoadError as err:
        return UploadCheck(err.problems)
    frame, problems = map_headers(spec, filename, raw)
    if any(p.row is None for p in problems):
        return UploadCheck(problems[:MAX_PROBLEMS])  # without the right columns the cells cannot be checked
    frame = frame.reset_index(drop=True)
    frame = frame.map(lambda v: v.strip() if isinstance(v, str) else v)
    frame = normalize_dates(spec, frame)
    frame, problems = resolve_places(spec, filename, frame, places)
    cleared = {(p.row, p.column) for p in problems}
    try:
        typed = parse_frame(spec, frame.astype("object").where(frame.notna(), None), first_row=2)
    except DataLoadError as err:
        for p in err.problems:
            if (p.row, p.column) not in cleared and not (p.column in ("town_code", "village_code") and p.row in
                                                          {q.row for q in problems if q.column == p.column}):
                problems.append(DataProblem(p.dataset, filename, p.row, p.column, p.value, p.expected_zh, p.expected_en))
        typed = None
    if problems:
        problems.sort(key=lambda p: (p.row or 0, p.column or ""))
        return UploadCheck(problems[:MAX_PROBLEMS])
    return UploadCheck([], typed)


def _keys(frame: pd.DataFrame, columns: tuple[str, ...]) -> pd.Series:
    parts = [frame[c].astype("object").map(lambda v: "" if pd.isna(v) else str(v)) for c in columns]
    key = parts[0]
    for part in parts[1:]:
        key = key + "|" + part
    return key


def plan_change(spec: DatasetSpec, current: pd.DataFrame, incoming: pd.DataFrame, mode: Mode) -> ChangePlan:
    """What replacing the dataset with `incoming`, or appending `incoming` to it, would change.

    Append adds only rows whose key is new; rows whose key is already there are reported as duplicates.
    """
    columns = key_columns(spec)
    old_keys = _keys(current, columns)
    new_keys = _keys(incoming, columns)
    old_set, new_set = set(old_keys), set(new_keys)
    cur = contract_text(spec, current)
    inc = contract_text(spec, incoming)
    if mode == "replace":
        return ChangePlan("replace", added=len(new_set - old_set), replaced=len(new_set & old_set),
                          removed=len(old_set - new_set), result=inc.reset_index(drop=True))
    fresh = ~new_keys.isin(old_set)
    duplicates = sorted(new_keys[~fresh].tolist())
    result = pd.concat([cur, inc[fresh.to_numpy()]], ignore_index=True)
    return ChangePlan("append", added=int(fresh.sum()), replaced=0, removed=0, duplicates=duplicates, result=result)


def result_csv(plan: ChangePlan) -> bytes:
    """The dataset after the change as the contract's CSV (UTF-8, header row, contract formats)."""
    assert plan.result is not None
    return plan.result.to_csv(index=False, lineterminator="\n").encode("utf-8")
