"""A clean CSV file typed and checked in one pass, at a fraction of the careful reader's time and memory.

`read_plain_csv` takes a file only when every cell is plainly of its contract type (no space to trim, a time
written exactly YYYY-MM-DD HH:MM, whole numbers within what a float holds exactly, …) and the whole file keeps its
contract; it then gives the very frame `store.parse_frame` gives. Anything else gives None, and the caller reads the
file the careful way (`store.read_csv_fast` + `parse_frame`), which names every problem. So what a load accepts or
rejects, and every message it gives, is the careful reader's.

The speed comes from pyarrow: code and date columns are read as dictionaries (each distinct text typed once), the
cells are checked with vectorised pyarrow kernels, and each column is handed to pandas as soon as it is typed (a
Series over the typed array, not a copy of it: pandas 3 copies an array it is given unless told not to).
"""
from __future__ import annotations

from datetime import datetime
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pa_csv

from lib.data.contracts import MAX_WHOLE, ColumnSpec, DatasetSpec, schema_of
from lib.data.dates import DATE_FORMAT, FIRST_YEAR_HELD, LAST_YEAR_HELD, parse_datetimes

TIME_LAYOUT = b"0000-00-00 00:00"  # the contract's DATETIME_FORMAT as written: a digit at each 0
SEPARATOR_AT = [i for i, byte in enumerate(TIME_LAYOUT) if byte != ord("0")]
DIGIT_AT = [i for i, byte in enumerate(TIME_LAYOUT) if byte == ord("0")]
FIRST_TIME_HELD, AFTER_LAST_TIME_HELD = datetime(FIRST_YEAR_HELD, 1, 1), datetime(LAST_YEAR_HELD + 1, 1, 1)
MAX_ID_WIDTHS = 4  # ids in order within each of at most this many lengths + 1 are found distinct without hashing
HEADER_READ = pa_csv.ReadOptions(use_threads=False, block_size=1 << 16)  # the header: not a whole 1 MB block typed
TEXT = pd.StringDtype("pyarrow", na_value=np.nan)


def read_plain_csv(path: Path, spec: DatasetSpec) -> pd.DataFrame | None:
    """The file's contract columns typed and checked, as `parse_frame` gives them; None unless the file is plain
    and keeps its contract (the careful reader then reads it and names what is wrong)."""
    table = _read_table(path, spec)
    if table is None:
        return None
    columns = dict(zip(table.column_names, table.columns))
    del table  # each column's text is freed as soon as it is typed
    typed: dict[str, pd.Series] = {}
    for col in spec.columns:
        cells = columns.pop(col.name)
        if col.unique and not all_distinct(cells):
            return None
        series = plain_column(cells, col)
        if series is None:
            return None
        typed[col.name] = series
    frame = pd.DataFrame(typed, copy=False)
    return frame if keeps_contract(spec, frame) else None


def _arrow_type(col: ColumnSpec) -> pa.DataType:
    if col.kind in ("int", "float"):  # as store.read_csv_fast reads them
        return pa.float64() if col.kind == "float" or col.nullable else pa.int64()
    if col.categorical or col.kind == "date":  # few distinct values: each typed once
        return pa.dictionary(pa.int32(), pa.string())
    return pa.large_string()


def _read_table(path: Path, spec: DatasetSpec) -> pa.Table | None:
    """The file's columns, each cell checked as `store.read_csv_fast` checks it (other columns too: any text must
    be UTF-8), read in one thread into memory from the C library's allocator (pyarrow's default, mimalloc, hands
    each of the reader's blocks back and takes it again: at 10M rows 3 s more CPU and 250 MB more at peak).

    None for a file pyarrow cannot read so (the careful reader says why), one without rows, or one whose header
    pandas would read otherwise (a name empty or repeated) or that lacks a column."""
    if any(col.kind not in ("str", "wkt", "int", "float", "date", "datetime") for col in spec.columns):
        return None
    try:
        with pa_csv.open_csv(path, read_options=HEADER_READ) as reader:
            header = reader.schema.names
        if "" in header or len(set(header)) != len(header) or not set(spec.column_names) <= set(header):
            return None
        types = {name: pa.large_string() for name in header} | {c.name: _arrow_type(c) for c in spec.columns}
        table = pa_csv.read_csv(path, read_options=pa_csv.ReadOptions(use_threads=False),
                                convert_options=pa_csv.ConvertOptions(column_types=types, null_values=[""],
                                                                      strings_can_be_null=True),
                                memory_pool=pa.system_memory_pool())
    except (pa.ArrowException, OSError, ValueError):
        return None
    return table.select(spec.column_names) if table.num_rows else None


def plain_column(cells: pa.ChunkedArray, col: ColumnSpec) -> pd.Series | None:
    """One column typed as `parse_frame` types it, when every cell is plainly of the column's type; else None."""
    if col.kind == "int":
        return whole_numbers(cells)
    if col.kind == "float":
        return finite_numbers(cells)
    if col.kind == "datetime":
        return plain_times(cells)
    if col.kind == "date":
        return plain_dates(cells)
    if col.categorical:
        return plain_categories(cells)
    if col.pattern:  # no pattern takes a space: a cell with one fails the contract check, and is read carefully
        return cells.to_pandas(types_mapper={pa.large_string(): TEXT}.get)
    return plain_text(cells)


def whole_numbers(cells: pa.ChunkedArray) -> pd.Series | None:
    """int64 cells, none missing and none too large to hold exactly as a float (else None)."""
    if cells.type != pa.int64() or cells.null_count:
        return None  # a nullable whole-number column is read as floats: the careful reader types it
    low, high = (scalar.as_py() for scalar in pc.min_max(cells).values())
    if low < -MAX_WHOLE or high > MAX_WHOLE:
        return None
    return pd.Series(_numpy(cells), dtype="int64", copy=False)


def finite_numbers(cells: pa.ChunkedArray) -> pd.Series | None:
    """float64 cells, an empty one missing; None when a cell is written NaN or infinite."""
    numbers = _numpy(cells)
    if np.count_nonzero(~np.isfinite(numbers)) != cells.null_count:
        return None
    return pd.Series(numbers, dtype="float64", copy=False)


def _numpy(cells: pa.ChunkedArray) -> np.ndarray:
    """The cells as one new numpy array of pandas' own (writable, an empty cell NaN), however many chunks they are."""
    return np.concatenate([chunk.to_numpy(zero_copy_only=False) for chunk in cells.chunks])


def plain_times(cells: pa.ChunkedArray) -> pd.Series | None:
    """Times written exactly YYYY-MM-DD HH:MM, none missing, as datetime64[ns]; else None.

    The shape is checked on the bytes (`time_shaped`); pyarrow's ISO 8601 cast then refuses an impossible day or time
    (2021-02-29, 24:00). The cast alone would also take other ISO forms (seconds, a T, a zone)."""
    if not time_shaped(cells):
        return None
    try:
        when = pc.cast(cells, pa.timestamp("ns"))
    except pa.ArrowInvalid:  # an impossible day or time, or one a datetime64[ns] cannot hold
        return None
    first, last = (scalar.as_py() for scalar in pc.min_max(when).values())
    if first < FIRST_TIME_HELD or last >= AFTER_LAST_TIME_HELD:
        return None
    return pd.Series(_numpy(when), dtype="datetime64[ns]", copy=False)


def time_shaped(cells: pa.ChunkedArray) -> bool:
    """Whether every cell is filled and written as digits in the shape YYYY-MM-DD HH:MM, looked at as rows of bytes
    (a fifth of the time of a regular expression on each cell)."""
    if cells.type != pa.large_string() or cells.null_count:
        return False
    for chunk in cells.chunks:
        offsets = np.frombuffer(chunk.buffers()[1], np.int64, len(chunk) + 1, chunk.offset * 8)
        if len(chunk) and np.any(np.diff(offsets) != len(TIME_LAYOUT)):
            return False
        rows = np.frombuffer(chunk.buffers()[2] or b"", np.uint8)[offsets[0]:offsets[-1]].reshape(-1, len(TIME_LAYOUT))
        separators = rows[:, SEPARATOR_AT] == np.frombuffer(TIME_LAYOUT, np.uint8)[SEPARATOR_AT]
        digits = rows[:, DIGIT_AT] - ord("0") <= 9  # unsigned: a byte below "0" wraps round above 9
        if not (separators.all() and digits.all()):
            return False
    return True


def _distinct(cells: pa.ChunkedArray) -> tuple[pd.Series, np.ndarray]:
    """A dictionary column's distinct texts and each row's position among them (-1: empty)."""
    whole = pa.chunked_array(cells.unify_dictionaries().chunks, cells.type).combine_chunks()
    positions = whole.indices.fill_null(-1).to_numpy()
    return pd.Series(whole.dictionary.to_pylist(), dtype="str"), positions


def _untrimmed(texts: pd.Series) -> bool:
    """Whether any text has space around it (or is only space): `parse_frame` would trim it."""
    return bool((texts.str.strip() != texts).any() or (texts == "").any())


def plain_dates(cells: pa.ChunkedArray) -> pd.Series | None:
    """Dates as `store._dates` reads them (each distinct text once), when every filled cell is one; else None."""
    texts, positions = _distinct(cells)
    if _untrimmed(texts):
        return None
    days = parse_datetimes(texts, DATE_FORMAT).to_numpy("datetime64[ns]")
    if np.isnat(days).any():
        return None
    return pd.Series(np.append(days, np.datetime64("NaT", "ns"))[positions], copy=False)


def plain_categories(cells: pa.ChunkedArray) -> pd.Series | None:
    """Codes as `store._categories` gives them (sorted categories), when no cell needs trimming; else None."""
    texts, positions = _distinct(cells)
    if _untrimmed(texts):
        return None
    order, categories = pd.factorize(texts, sort=True)
    dtype = pd.CategoricalDtype(categories)
    codes_type = pd.Categorical.from_codes([], dtype=dtype).codes.dtype  # as pandas keeps them: int8 for few codes
    recode = np.append(order, -1).astype(codes_type)  # each row's code made at that width, not as int64 first
    return pd.Series(pd.Categorical.from_codes(recode[positions], dtype=dtype, validate=False), copy=False)


def plain_text(cells: pa.ChunkedArray) -> pd.Series | None:
    """Text as `parse_frame` holds it, when no cell needs trimming (the same pyarrow trim as its); else None."""
    trimmed = pc.utf8_trim_whitespace(cells)
    if pc.any(pc.or_(pc.not_equal(trimmed, cells), pc.equal(trimmed, ""))).as_py():
        return None
    del trimmed
    return cells.to_pandas(types_mapper={pa.large_string(): TEXT}.get)


def all_distinct(cells: pa.ChunkedArray) -> bool:
    """Whether no value repeats and none is missing. Without a hash table when the values ascend, or ascend among
    those of each length (ids numbered past their width: AJ2016999999, AJ20161000000, AJ2017000001); else by
    counting the distinct ones."""
    if cells.null_count:
        return False
    if pa.types.is_dictionary(cells.type):
        cells = cells.cast(cells.type.value_type)
    if _ascending(cells):
        return True
    lengths = pc.binary_length(cells)
    shortest, longest = (scalar.as_py() for scalar in pc.min_max(lengths).values())
    if longest - shortest <= MAX_ID_WIDTHS and all(
            _ascending(cells.filter(pc.equal(lengths, width))) for width in range(shortest, longest + 1)):
        return True
    return pc.count_distinct(cells).as_py() == len(cells)


def _ascending(cells: pa.ChunkedArray) -> bool:
    """Whether each value is greater than the one before it (so none repeats)."""
    return len(cells) < 2 or bool(pc.all(pc.greater(cells[1:], cells[:-1])).as_py())


def keeps_contract(spec: DatasetSpec, frame: pd.DataFrame) -> bool:
    """Whether the typed frame passes the contract's pandera schema (its unique columns already found distinct,
    its text columns checked to be text here, once each rather than cell by cell)."""
    import pandera.pandas as pa_schema

    if any(frame[c.name].dtype != TEXT for c in spec.columns if c.kind in ("str", "wkt") and not c.categorical):
        return False
    try:
        schema_of(spec, plain=True).validate(frame, lazy=True, inplace=True)
    except pa_schema.errors.SchemaErrors:
        return False
    return True
