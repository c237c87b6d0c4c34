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


from datetime import date, datetime

from lib.data.contracts import INCIDENTS
from lib.export import About, with_code_labels, workbook_bytes


def about(period: str | None = "2020-01-01 ~ 2020-12-31", lang="zh", public=False) -> About:
    return About("犯罪趋势", lang, (("统计期", "2020-01-01 ~ 2020-12-31"), ("镇(街道)", "苏祠街道")), period,
                 date(2021, 3, 11), True, public, datetime(2021, 3, 12, 9, 30), "http://localhost:8501/crime?town=1")


def test_files_are_named_by_page_period_and_table():
    assert about().file_name("各镇(街道)汇总", "csv") == "犯罪趋势_2020-01-01_2020-12-31_各镇(街道)汇总.csv"
    assert about("2020").file_name("化解渠道", "xlsx") == "犯罪趋势_2020年_化解渠道.xlsx"
    assert about("2020", "en").file_name("Channels: all/any", "xlsx") == "犯罪趋势_2020_Channels_all_any.xlsx"
    assert about(None).file_name("表", "png") == "犯罪趋势_表.png"


def test_the_context_names_filters_period_date_demo_flag_time_and_link():
    rows = dict(about(public=True).rows("各镇(街道)汇总"))
    assert rows == {"页面": "犯罪趋势", "表格": "各镇(街道)汇总", "统计期": "2020-01-01 ~ 2020-12-31",
                    "镇(街道)": "苏祠街道", "数据截至": "2021-03-11", "演示数据": "是:程序生成的演示数据,不是真实数据",
                    "版本": "公开版:少于3的计数显示为“<3”,由它算出的数字不显示(“—”)", "生成时间": "2021-03-12 09:30",
                    "本页链接": "http://localhost:8501/crime?town=1"}
    assert about().caption() == "统计期 2020-01-01 ~ 2020-12-31 · 数据截至 2021-03-11 · 演示数据"
    assert about("2020", "en").caption() == "Period 2020 · Data as of 2021-03-11 · Demo data"


def test_a_csv_carries_its_context_on_lines_a_reader_can_skip():
    frame = pd.DataFrame({"镇(街道)": ["苏祠街道"], "件数": [3]})
    text = to_csv_bytes(frame, about(), "各镇").decode("utf-8-sig")
    lines = text.splitlines()
    assert lines[0] == "#,页面,犯罪趋势" and lines[1] == "#,表格,各镇" and "#,数据截至,2021-03-11" in lines
    assert lines[-2:] == ["镇(街道),件数", "苏祠街道,3"]
    assert pd.read_csv(io.StringIO(text), comment="#").to_dict("list") == {"镇(街道)": ["苏祠街道"], "件数": [3]}


def test_an_xlsx_has_an_about_sheet_then_the_table():
    book = load_workbook(io.BytesIO(to_xlsx_bytes(pd.DataFrame({"件数": [3]}), "各镇(街道)汇总", about())))
    assert book.sheetnames == ["说明", "各镇(街道)汇总"]
    assert [c.value for c in book["说明"]["A"]][:3] == ["项目", "页面", "表格"]
    assert book["各镇(街道)汇总"]["A2"].value == 3
    long = load_workbook(io.BytesIO(workbook_bytes([("x" * 40, pd.DataFrame({"a": [1]})),
                                                    ("x" * 40, pd.DataFrame({"a": [2]}))])))
    assert long.sheetnames == ["x" * 31, "x" * 28 + "(2)"]


def test_records_show_labels_and_keep_codes_in_their_own_columns():
    records = pd.DataFrame({"incident_id": ["A1"], "status": ["solved"], "discovery": ["call_110"], "town_code": ["511402001"]})
    out = with_code_labels(records, INCIDENTS, "zh")
    assert list(out.columns) == ["案件编号", "办理状态", "办理状态代码", "发现途径", "发现途径代码", "镇(街道)代码"]
    assert out.iloc[0].tolist()[1:5] == ["已破案", "solved", "110报警", "call_110"]
