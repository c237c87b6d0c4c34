"""The plain reader gives exactly the careful reader's frame for a clean file, and nothing for any other: a load
accepts, rejects and words every problem as the careful reader (read_csv_fast + parse_frame) does."""
from pathlib import Path
from unittest.mock import patch

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

from lib.data.contracts import DATASETS, INCIDENTS, POSTS, DatasetSpec, schema_of
from lib.data.plain_csv import (all_distinct, finite_numbers, plain_categories, plain_dates, plain_times,
                                read_plain_csv, time_shaped, whole_numbers)
from lib.data.problems import DataLoadError
from lib.data.rules import PATTERN_EXPECTED, pattern_expect
from lib.data import store
from lib.data.store import BUNDLED_DATA_DIR, FileStore, _categories, _dates

TABLES = [spec for spec in DATASETS if not spec.geometry]


def loaded(path: Path, spec: DatasetSpec) -> pd.DataFrame | list[str]:
    """What a load reads from the file: the typed frame, or every problem in both languages."""
    try:
        return FileStore(path.parent).read(spec)
    except DataLoadError as err:
        return [p.message(lang) for p in err.problems for lang in ("zh", "en")]


def careful(path: Path, spec: DatasetSpec) -> pd.DataFrame | list[str]:
    """What a load read before there was a plain reader (read_csv_fast + parse_frame)."""
    with patch.object(store, "read_plain_csv", lambda path, spec: None):
        return loaded(path, spec)


def assert_same_frame(fast: pd.DataFrame, expected: pd.DataFrame) -> None:
    pd.testing.assert_frame_equal(fast, expected, check_exact=True)
    for name in expected:
        assert fast[name].dtype == expected[name].dtype, name
        assert type(fast[name].array) is type(expected[name].array), name
        if isinstance(expected[name].dtype, pd.CategoricalDtype):
            assert fast[name].cat.categories.equals(expected[name].cat.categories), name
            assert fast[name].cat.codes.dtype == expected[name].cat.codes.dtype, name


@pytest.mark.parametrize("spec", TABLES, ids=lambda s: s.name)
def test_each_bundled_table_reads_plainly_as_the_careful_reader_reads_it(spec):
    path = Path(BUNDLED_DATA_DIR) / spec.file
    fast = read_plain_csv(path, spec)
    assert fast is not None, "the bundled data is clean: it must take the plain way"
    assert_same_frame(fast, careful(path, spec))


def _incidents(rows: int = 40) -> pd.DataFrame:
    return pd.read_csv(Path(BUNDLED_DATA_DIR) / INCIDENTS.file, dtype=str, keep_default_na=False, nrows=rows)


def _set(column: str, row: int, value: str):
    def change(frame: pd.DataFrame) -> pd.DataFrame:
        frame.loc[row, column] = value
        return frame
    return change


def _solved(value: str):
    """A solved case's solved date (so that the row keeps its rules but for the date itself)."""
    def change(frame: pd.DataFrame) -> pd.DataFrame:
        row = frame.index[frame["solved_on"] != ""][0]
        frame.loc[row, "solved_on"] = value
        return frame
    return change


def _swap_ids(frame: pd.DataFrame) -> pd.DataFrame:
    frame.loc[[3, 20], "incident_id"] = frame.loc[[20, 3], "incident_id"].to_numpy()
    return frame


def _repeat_id(apart: int):
    def change(frame: pd.DataFrame) -> pd.DataFrame:
        frame.loc[5 + apart, "incident_id"] = frame.loc[5, "incident_id"]
        return frame
    return change


# (edit of a clean incidents file, whether the careful reader still takes it)
EDITS = {
    "clean": (lambda f: f, True),
    "ids out of order": (_swap_ids, True),
    "an extra column": (lambda f: f.assign(note="x"), True),
    "an extra column without a name": (lambda f: f.assign(**{"": "x"}), True),
    "columns in another order": (lambda f: f[f.columns[::-1]], True),
    "space around a code": (_set("crime_type", 2, " burglary "), True),
    "space around an id": (_set("incident_id", 2, " AJX1 "), True),
    "space-only optional id": (_set("gang_id", 2, "  "), True),
    "time not zero-padded": (_set("reported_at", 2, "2016-1-1 3:12"), True),
    "space around a time": (_set("reported_at", 2, " 2016-01-01 03:12 "), True),
    "space around a date": (_solved(" 2020-01-05 "), True),
    "impossible day in a time": (_set("reported_at", 2, "2021-02-29 08:05"), False),
    "hour 24": (_set("reported_at", 2, "2020-01-05 24:00"), False),
    "a time with seconds": (_set("reported_at", 2, "2020-01-05 08:05:00"), False),
    "a time with a T": (_set("reported_at", 2, "2020-01-05T08:05"), False),
    "a time with a zone": (_set("reported_at", 2, "2020-01-05 08:05Z"), False),
    "a date for a time": (_set("reported_at", 2, "2020-01-05"), False),
    "a year a timestamp cannot hold": (_set("reported_at", 2, "2300-01-05 08:05"), False),
    "a year before the data": (_set("reported_at", 2, "1999-01-05 08:05"), False),
    "an empty time": (_set("reported_at", 2, ""), False),
    "impossible date": (_solved("2021-02-29"), False),
    "repeated id, next row": (_repeat_id(1), False),
    "repeated id, far apart": (_repeat_id(30), False),
    "whole number too large for a float": (_set("loss_yuan", 2, "9007199254740993"), False),
    "a word in a whole number": (_set("loss_yuan", 2, "x"), False),
    "a fraction in a whole number": (_set("loss_yuan", 2, "1.5"), False),
    "true in a whole number": (_set("loss_yuan", 2, "true"), False),
    "NaN longitude": (_set("lon", 2, "nan"), False),
    "infinite latitude": (_set("lat", 2, "inf"), False),
    "an unknown code": (_set("status", 2, "lost"), False),
    "an empty required code": (_set("discovery", 2, ""), False),
    "a bad id": (_set("incident_id", 2, "AJ/1"), False),
    "a rule between cells": (_set("arrests_approved", 2, "9999"), False),
}


PLAIN = {"clean", "ids out of order", "an extra column", "columns in another order"}


@pytest.mark.parametrize("name", sorted(EDITS))
def test_a_file_is_read_plainly_only_when_the_careful_reader_would_give_the_same(name, tmp_path):
    edit, accepted = EDITS[name]
    path = tmp_path / INCIDENTS.file
    edit(_incidents()).to_csv(path, index=False)
    expected, fast = careful(path, INCIDENTS), read_plain_csv(path, INCIDENTS)
    assert isinstance(expected, pd.DataFrame) == accepted
    assert (fast is not None) == (name in PLAIN)
    if fast is not None:
        assert_same_frame(fast, expected)
    if not accepted:
        assert fast is None
        assert loaded(path, INCIDENTS) == expected  # every problem, worded as before
    else:
        assert_same_frame(loaded(path, INCIDENTS), expected)


@pytest.mark.parametrize("text, plain", [("岗亭", True), (" 岗亭", False), ("岗亭\u3000", False), ("\u00a0岗亭", False)])
def test_free_text_is_read_plainly_only_when_nothing_is_to_trim(text, plain, tmp_path):
    frame = pd.read_csv(Path(BUNDLED_DATA_DIR) / POSTS.file, dtype=str, keep_default_na=False)
    frame.loc[1, "name_zh"] = text
    path = tmp_path / POSTS.file
    frame.to_csv(path, index=False)
    fast = read_plain_csv(path, POSTS)
    assert (fast is not None) == plain
    assert_same_frame(loaded(path, POSTS), careful(path, POSTS))


@pytest.mark.parametrize("encode", [lambda text: "\ufeff".encode() + text.encode(),
                                    lambda text: text.replace("\n", "\r\n").encode(),
                                    lambda text: text.replace(",burglary,", ',"burglary",').encode()],
                         ids=["byte order mark", "crlf", "quoted cells"])
def test_a_clean_file_written_another_way_loads_as_the_careful_reader_reads_it(encode, tmp_path):
    path = tmp_path / INCIDENTS.file
    path.write_bytes(encode(_incidents().to_csv(index=False)))
    assert_same_frame(loaded(path, INCIDENTS), careful(path, INCIDENTS))


def test_a_file_with_bad_text_in_another_column_is_refused_as_before(tmp_path):
    path = tmp_path / INCIDENTS.file
    path.write_bytes(_incidents().assign(note="x").to_csv(index=False).encode().replace(b",x\n", b",\xff\n", 1))
    assert read_plain_csv(path, INCIDENTS) is None
    assert loaded(path, INCIDENTS) == careful(path, INCIDENTS)


@pytest.mark.parametrize("content", [b"", b"incident_id,reported_at\n", b"incident_id,incident_id\nA,B\n",
                                     "\ufeff".encode() + b"x\n1\n", b"\xff\xfe\x00bad"])
def test_an_unusual_file_is_left_to_the_careful_reader(content, tmp_path):
    path = tmp_path / INCIDENTS.file
    path.write_bytes(content)
    assert read_plain_csv(path, INCIDENTS) is None


@pytest.mark.parametrize("pattern", sorted(PATTERN_EXPECTED))
def test_no_pattern_takes_a_space_so_patterned_cells_need_no_trimming_check(pattern):
    cells = pd.Series([" 510101", "510101 ", "\u3000510101", "510101\t", " "], dtype="str")
    assert not pattern_expect(pattern).test(cells).any()


def _large(values: list) -> pa.ChunkedArray:
    return pa.chunked_array([pa.array(values[:2], pa.large_string()), pa.array(values[2:], pa.large_string())])


def test_times_of_the_contract_shape_read_as_pandas_reads_them():
    values = ["2020-01-05 08:05", "2020-02-29 23:59", "1678-01-01 00:00", "2261-12-31 23:59"]
    expected = pd.to_datetime(pd.Series(values), format="%Y-%m-%d %H:%M").astype("datetime64[ns]")
    pd.testing.assert_series_equal(plain_times(_large(values)), expected)


@pytest.mark.parametrize("bad", ["2020-1-05 08:05", "2020-01-05 8:05", "2020-01-05T08:05", "2020-01-05 08:05:00",
                                 "2020/01/05 08:05", "2020-01-05 08:0x", "２０２０-01-05 08:05", "2020-01-0508:05 ",
                                 None])
def test_a_time_of_another_shape_is_not_time_shaped(bad):
    assert time_shaped(_large(["2020-01-05 08:05", "2020-01-06 08:05"]))
    assert not time_shaped(_large(["2020-01-05 08:05", "2020-01-06 08:05", bad]))
    assert plain_times(_large(["2020-01-05 08:05", "2020-01-06 08:05", bad])) is None


@pytest.mark.parametrize("bad", ["2021-02-29 08:05", "2020-04-31 08:05", "2020-01-05 24:00", "2020-01-05 23:60",
                                 "2020-13-05 08:05", "1677-12-31 23:59", "2262-01-01 00:00", "1600-01-01 00:00"])
def test_an_impossible_or_unheld_time_is_not_read_plainly(bad):
    assert time_shaped(_large(["2020-01-05 08:05", bad]))
    assert plain_times(_large(["2020-01-05 08:05", bad])) is None


def _dictionary(values: list) -> pa.ChunkedArray:
    kind = pa.dictionary(pa.int32(), pa.string())
    return pa.chunked_array([pa.array(values[:3]).dictionary_encode().cast(kind),
                             pa.array(values[3:], pa.string()).dictionary_encode().cast(kind)])


CODES = ["theft", "drugs", None, "fraud", "theft", "arson", None, "drugs"]


def test_codes_read_as_the_careful_reader_reads_them():
    expected = _categories(pd.Series(CODES, dtype="str"))
    got = plain_categories(_dictionary(CODES))
    pd.testing.assert_series_equal(got, expected, check_names=False)
    assert got.cat.codes.dtype == expected.cat.codes.dtype


@pytest.mark.parametrize("bad", [" theft", "theft ", "\u3000theft", "  "])
def test_codes_to_trim_are_not_read_plainly(bad):
    assert plain_categories(_dictionary([*CODES, bad])) is None


DAYS = ["2020-01-05", None, "2020-02-29", "2020-01-05", None, "2021-12-31"]


def test_dates_read_as_the_careful_reader_reads_them():
    expected = _dates(pd.Series(DAYS, dtype="str"))
    pd.testing.assert_series_equal(plain_dates(_dictionary(DAYS)), expected, check_names=False)


@pytest.mark.parametrize("bad", ["2021-02-29", "2020-1-5x", " 2020-01-05", "1600-01-01", "2020-01-05 08:00"])
def test_dates_not_plainly_written_are_not_read_plainly(bad):
    assert plain_dates(_dictionary([*DAYS, bad])) is None
    assert pd.isna(_dates(pd.Series([bad.strip()], dtype="str"))[0]) or bad != bad.strip()


@pytest.mark.parametrize("values, distinct", [
    (["a1", "a2", "a3", "b1"], True), (["b1", "a2", "a3", "a1"], True), (["a1", "a1", "a2", "a3"], False),
    (["a1", "a2", "a3", "a1"], False), (["a1", None, "a2", "a3"], False), (["a1"], True), ([], True),
    (["A8", "A9", "A10", "A11", "B1", "B12"], True), (["A8", "A9", "A10", "A11", "B1", "A10"], False),
    (["A8", "A9", "A10", "A11", "A9"], False), (["A8", "A10", "A9"], True), (["a", "bbbbbbbbbb", "ab"], True),
    (["a", "bbbbbbbbbb", "ab", "a"], False),
])
def test_all_distinct(values, distinct):
    assert all_distinct(pa.chunked_array([pa.array(values, pa.large_string())])) == distinct
    assert all_distinct(pa.chunked_array([pa.array(values, pa.string()).dictionary_encode()])) == distinct


def test_whole_numbers_only_when_none_is_missing_and_each_is_held_exactly():
    assert whole_numbers(pa.chunked_array([[1, 2], [2**53]])).tolist() == [1, 2, 2**53]
    assert whole_numbers(pa.chunked_array([[1, 2], [2**53]])).dtype == "int64"
    assert whole_numbers(pa.chunked_array([[1, None]])) is None
    assert whole_numbers(pa.chunked_array([[1, 2**53 + 1]])) is None
    assert whole_numbers(pa.chunked_array([[-(2**53) - 1, 1]])) is None
    assert whole_numbers(pa.chunked_array([[1.0]])) is None


def test_finite_numbers_keep_an_empty_cell_missing_and_refuse_nan_and_infinity():
    got = finite_numbers(pa.chunked_array([[1.5, None], [2.0]]))
    assert got.dtype == "float64" and np.isnan(got[1]) and got[[0, 2]].tolist() == [1.5, 2.0]
    assert finite_numbers(pa.chunked_array([[1.5, float("nan")]])) is None
    assert finite_numbers(pa.chunked_array([[float("-inf")]])) is None


def test_the_plain_schema_leaves_out_only_the_unique_columns_and_the_text_type():
    frame = careful(Path(BUNDLED_DATA_DIR) / INCIDENTS.file, INCIDENTS).head(10).copy()
    frame.loc[1, "incident_id"] = frame.loc[0, "incident_id"]
    frame["gang_id"] = frame["gang_id"].astype("object")
    schema_of(INCIDENTS, plain=True).validate(frame)
    with pytest.raises(Exception, match="field_uniqueness|dtype"):
        schema_of(INCIDENTS).validate(frame, lazy=True)
    frame.loc[2, "loss_yuan"] = -1
    with pytest.raises(Exception, match=">=0"):
        schema_of(INCIDENTS, plain=True).validate(frame)


def test_each_plain_column_is_an_array_of_its_own_that_can_be_written():
    frame = read_plain_csv(Path(BUNDLED_DATA_DIR) / "posts.csv", POSTS)  # one chunk: arrow's memory is not lent out
    for name in frame:
        values = frame[name].array
        assert not isinstance(values, pd.arrays.NumpyExtensionArray) or values._ndarray.flags.writeable, name
