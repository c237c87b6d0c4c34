"""The fast CSV reader gives exactly the frame pandas' pyarrow reader gives, or reads the file that way itself."""
from pathlib import Path

import pandas as pd
import pytest

from lib.data.contracts import INCIDENTS
from lib.data.problems import DataLoadError
from lib.data.store import BUNDLED_DATA_DIR, FileStore, read_csv_fast

FILES = {
    "plain": b"incident_id,loss_yuan,lon\nA,1,103.5\nB,2,\n",
    "crlf_and_an_empty_whole_number": b"incident_id,loss_yuan\r\nA,1\r\nB,\r\n",
    "blank_lines": b"incident_id,loss_yuan\n\nA,1\n\n",
    "a_fraction_in_a_whole_number": b"incident_id,loss_yuan\nA,1.0\nB,1.5\n",
    "a_word_in_a_whole_number": b"incident_id,loss_yuan\nA,true\n",
    "a_space_before_a_number": b"incident_id,loss_yuan\nA, 1\n",
    "infinities": b"incident_id,lon\nA,NaN\nB,inf\nC,1e400\n",
    "repeated_header": b"incident_id,incident_id,status\na,b,c\n",
    "empty_header": b",status\n1,x\n",
    "byte_order_mark": "\ufeffincident_id,status\nA,x\n".encode(),
    "header_only": b"incident_id,status\n",
    "quoted_empty": b'incident_id,loss_yuan\n"",1\n',
}


PLAIN = ("plain", "blank_lines", "byte_order_mark", "quoted_empty", "a_space_before_a_number", "infinities")
TEXT_READ = {name for name in FILES if name not in PLAIN}  # numbers the strict reader refuses, or an odd header


def _as_pandas_reads(data: bytes, as_text: bool = False) -> pd.DataFrame:
    """What pandas' pyarrow reader gives: the numbers typed by it, the rest text; or every column as text."""
    import io

    text = {"dtype": str, "keep_default_na": False, "na_values": [""], "engine": "pyarrow"}
    if as_text:
        return pd.read_csv(io.BytesIO(data), **text)
    numbers = {c.name: "float64" if c.kind == "float" or c.nullable else "int64"
               for c in INCIDENTS.columns if c.kind in ("int", "float")}
    header = pd.read_csv(io.BytesIO(data), nrows=0).columns
    return pd.read_csv(io.BytesIO(data), **{**text, "dtype": {n: numbers.get(n, str) for n in header}})


@pytest.mark.parametrize("name", sorted(FILES))
def test_a_plain_file_has_its_numbers_typed_and_any_other_is_read_as_text(name):
    fast, expected = read_csv_fast(FILES[name], INCIDENTS), _as_pandas_reads(FILES[name], as_text=name in TEXT_READ)
    pd.testing.assert_frame_equal(fast, expected, check_exact=True)
    assert [str(d) for d in fast.dtypes] == [str(d) for d in expected.dtypes]


@pytest.mark.parametrize("cell, reason", [("1.5", "without a fraction"), ("true", "expected a whole number"),
                                          ("0.5", "without a fraction")])
def test_a_fraction_or_a_word_in_a_whole_number_column_is_named_not_read_as_a_number(tmp_path, cell, reason):
    bundled = (Path(BUNDLED_DATA_DIR) / INCIDENTS.file).read_text(encoding="utf-8").splitlines()
    header = bundled[0].split(",")
    row = bundled[5].split(",")
    row[header.index("loss_yuan")] = cell
    path = tmp_path / INCIDENTS.file
    path.write_text("\n".join([bundled[0], *bundled[1:5], ",".join(row), *bundled[6:40]]) + "\n", encoding="utf-8")
    with pytest.raises(DataLoadError) as caught:
        FileStore(tmp_path).read(INCIDENTS)
    problems = [(p.row, p.column, p.value) for p in caught.value.problems]
    assert problems == [(6, "loss_yuan", cell)]
    assert reason in caught.value.problems[0].expected_en


def test_the_bundled_incidents_read_as_pandas_reads_them():
    data = (Path(BUNDLED_DATA_DIR) / INCIDENTS.file).read_bytes()
    pd.testing.assert_frame_equal(read_csv_fast(data, INCIDENTS), _as_pandas_reads(data), check_exact=True)
