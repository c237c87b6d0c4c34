"""The fast CSV reader gives exactly the frame pandas' pyarrow reader gives, or reads the file that way itself."""
from pathlib import Path

import pandas as pd
import pytest

from lib.data.contracts import INCIDENTS
from lib.data.store import BUNDLED_DATA_DIR, read_csv_fast

FILES = {
    "plain": b"incident_id,loss_yuan,lon\nA,1,103.5\nB,2,\n",
    "crlf_and_an_empty_whole_number": b"incident_id,loss_yuan\r\nA,1\r\nB,\r\n",
    "blank_lines": b"incident_id,loss_yuan\n\nA,1\n\n",
    "a_fraction_in_a_whole_number": b"incident_id,loss_yuan\nA,1.0\n",
    "a_word_in_a_whole_number": b"incident_id,loss_yuan\nA,true\n",
    "a_space_before_a_number": b"incident_id,loss_yuan\nA, 1\n",
    "infinities": b"incident_id,lon\nA,NaN\nB,inf\nC,1e400\n",
    "repeated_header": b"incident_id,incident_id,status\na,b,c\n",
    "empty_header": b",status\n1,x\n",
    "byte_order_mark": "\ufeffincident_id,status\nA,x\n".encode(),
    "header_only": b"incident_id,status\n",
    "quoted_empty": b'incident_id,loss_yuan\n"",1\n',
}


def _as_pandas_reads(data: bytes) -> pd.DataFrame:
    """read_csv_fast as it was: pandas' pyarrow reader, numbers typed by it, the rest text."""
    import io

    text = {"dtype": str, "keep_default_na": False, "na_values": [""], "engine": "pyarrow"}
    numbers = {c.name: "float64" if c.kind == "float" or c.nullable else "int64"
               for c in INCIDENTS.columns if c.kind in ("int", "float")}
    try:
        header = pd.read_csv(io.BytesIO(data), nrows=0).columns
        return pd.read_csv(io.BytesIO(data), **{**text, "dtype": {n: numbers.get(n, str) for n in header}})
    except Exception:
        return pd.read_csv(io.BytesIO(data), **text)


@pytest.mark.parametrize("name", sorted(FILES))
def test_the_fast_reader_gives_what_pandas_gives(name):
    fast, expected = read_csv_fast(FILES[name], INCIDENTS), _as_pandas_reads(FILES[name])
    pd.testing.assert_frame_equal(fast, expected, check_exact=True)
    assert [str(d) for d in fast.dtypes] == [str(d) for d in expected.dtypes]


def test_the_bundled_incidents_read_as_pandas_reads_them():
    data = (Path(BUNDLED_DATA_DIR) / INCIDENTS.file).read_bytes()
    pd.testing.assert_frame_equal(read_csv_fast(data, INCIDENTS), _as_pandas_reads(data), check_exact=True)
