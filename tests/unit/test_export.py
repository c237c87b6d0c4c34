import io

import pandas as pd
from openpyxl import load_workbook

from lib.data.contracts import DISPUTES
from lib.export import localized_headers, to_csv_bytes, to_xlsx_bytes


def test_csv_has_a_bom_chinese_headers_and_inert_formulas():
    frame = localized_headers(pd.DataFrame({"dispute_id": ["=cmd|' /C calc'!A0"], "town_code": ["511402001"]}), DISPUTES, "zh")
    data = to_csv_bytes(frame)
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert text.splitlines()[0] == "纠纷编号,镇(街道)代码"
    assert text.splitlines()[1].startswith("'=cmd")


def test_xlsx_round_trips():
    frame = pd.DataFrame({"镇(街道)": ["通惠街道"], "件数": [3]})
    sheet = load_workbook(io.BytesIO(to_xlsx_bytes(frame))).active
    assert [c.value for c in sheet[1]] == ["镇(街道)", "件数"]
    assert [c.value for c in sheet[2]] == ["通惠街道", 3]
