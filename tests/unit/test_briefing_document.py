"""The briefing PDF as a document: a cover with the summary, page numbers, headings kept with what follows, long
tables in full with their header repeated (capped, the rest attached as XLSX), wide tables landscape or split,
no '<NA>' or 'None'. Rendered by the local Chromium; the pages are looked at as PNGs too."""
from __future__ import annotations

import io
import unicodedata
from datetime import date, datetime

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest
from openpyxl import load_workbook
from PIL import Image
from pypdf import PdfReader

from lib.briefing.content import ChartItem, HeadingItem, KpiItem, NoteItem, PageContent, TableItem
from lib.briefing.document import BriefingInfo, briefing_html, briefing_pdf, css_string
from lib.briefing.tables import LANDSCAPE_MM, PORTRAIT_MM, ROW_CAP, key_columns, lay_out, split_columns
from lib.headline import Kpi
from tests.office import pdf_pages_png
from tests.png_glyphs import open_png

SECTIONS = 6
LONG_ROWS = ROW_CAP + 50


def chart_png() -> bytes:
    image = Image.new("RGB", (1200, 675), "white")
    image.paste((70, 110, 180), (100, 100, 1100, 575))
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def long_table() -> pd.DataFrame:
    return pd.DataFrame({"长表编号": [f"L-{i:04d}" for i in range(LONG_ROWS)],
                         "件数": pd.array([i if i % 7 else None for i in range(LONG_ROWS)], dtype="Int64"),
                         "比率": [float("nan") if i % 5 == 0 else i / 3 for i in range(LONG_ROWS)]})


def wide_table(columns: int) -> pd.DataFrame:
    frame = pd.DataFrame({"镇(街道)": ["通惠街道", "太和镇"]})
    for i in range(columns):
        frame[f"近28天·去年同期{i}"] = [i, i + 1]
    return frame


def page_content() -> PageContent:
    page = PageContent(as_of=date(2021, 3, 11), demo=True, district="东坡区")
    page.add_filter("period", "统计期", "2020-01-01 ~ 2020-12-31")
    page.add_filter("town", "镇(街道)", "苏祠街道")
    page.summary = ("2020年,全区排查非涉稳矛盾纠纷2,780件,较2019年下降15.2%。", "巡逻防控及时制止街面违法犯罪123起。")
    page.add("kpi:a", KpiItem((Kpi("案件数", "7,287起", "+4.2% 较上年同期"),)))
    for n in range(SECTIONS):
        page.add(f"heading:{n}", HeadingItem(f"第{n}节标题"))
        page.add(f"note:{n}", NoteItem(f"第{n}节说明:" + "这一节的图表说明。" * (n + 1)))
        page.add(f"chart:{n}", ChartItem(f"第{n}节图表", go.Figure()))
    page.add("heading:wide", HeadingItem("宽表一节"))
    page.add("table:wide", TableItem("较宽的表", wide_table(14)))
    page.add("table:wider", TableItem("很宽的表", wide_table(30)))
    page.add("heading:long", HeadingItem("长表一节"))
    page.add("table:long", TableItem("长表", long_table()))
    return page


def info() -> BriefingInfo:
    return BriefingInfo("犯罪趋势", "zh", "http://localhost:8501/crime?town=511402003", datetime(2021, 3, 12, 9, 30))


# Chromium's PDFs map some CJK glyphs to radicals: Kangxi radicals (⽰ for 示) NFKC maps back, the supplement's
# simplified radicals (⻓ for 长) it does not
RADICALS = str.maketrans({"\u2ed3": "长", "\u2ec5": "见", "\u2eda": "页", "\u2ee9": "黄"})


def nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text).translate(RADICALS).replace("\u2015", "\u2014")


@pytest.fixture(scope="module")
def built():
    page = page_content()
    images = {f"chart:{n}": chart_png() for n in range(SECTIONS)}
    return page, briefing_pdf(info(), page, images=images)


@pytest.fixture(scope="module")
def pages(built) -> list[str]:
    reader = PdfReader(io.BytesIO(built[1].pdf))
    return [nfkc(p.extract_text()) for p in reader.pages]


def test_a_long_table_is_capped_and_a_wide_one_turns_or_splits():
    long = lay_out("长表", long_table())
    assert (long.shown_rows, long.total_rows, long.capped) == (ROW_CAP, LONG_ROWS, True)
    assert long.parts[0].rows[0] == ["L-0000", "—", "—"] and long.parts[0].numeric == [False, True, True]
    assert not long.parts[0].landscape
    assert lay_out("较宽的表", wide_table(14)).parts[0].landscape
    split = lay_out("很宽的表", wide_table(30)).parts
    assert len(split) > 1 and all(p.landscape and p.columns[0] == "镇(街道)" for p in split)
    assert sum(len(p.columns) - 1 for p in split) == 30
    assert key_columns([True, False, False, True]) == 3 and key_columns([False, True]) == 1
    assert split_columns([10, 50, 50, 50], 1, 120) == [[0, 1, 2], [0, 3]]
    assert PORTRAIT_MM < LANDSCAPE_MM


def test_the_cover_holds_the_title_period_filters_demo_flag_and_summary(pages):
    cover = pages[0]
    for expected in ("犯罪趋势", "情况简报", "2020-01-01 ~ 2020-12-31", "苏祠街道", "2021-03-11", "【演示数据】",
                     "2020年,全区排查非涉稳矛盾纠纷2,780件,较2019年下降15.2%。", "巡逻防控及时制止街面违法犯罪123起。"):
        assert nfkc(expected) in cover, expected
    assert f"1 / {len(pages)}" not in cover  # no page number on the cover
    assert "第0节标题" not in cover  # the sections start on a page of their own


def test_every_page_after_the_cover_is_numbered(pages):
    for number, text in enumerate(pages[1:], start=2):
        assert f"{number} / {len(pages)}" in text, number


def test_headings_stay_with_what_follows(pages):
    for n in range(SECTIONS):
        on = [i for i, text in enumerate(pages) if f"第{n}节标题" in text]
        assert len(on) == 1 and f"第{n}节说明" in pages[on[0]], f"heading {n} left alone on page {on}"
    wide = next(i for i, text in enumerate(pages) if "宽表一节" in text)
    assert "较宽的表" in pages[wide]  # the heading turns to the landscape page with its table


def test_long_tables_run_on_with_their_header_and_say_where_the_rest_is(built, pages):
    on = [i for i, text in enumerate(pages) if "L-0" in text]
    assert len(on) >= 3, on
    assert all("长表编号" in pages[i] for i in on), "the header is repeated on every page of the table"
    text = "\n".join(pages)
    assert "L-0199" in text and "L-0200" not in text
    name, data = built[1].workbook
    assert name == "犯罪趋势_2020-01-01_2020-12-31_完整表格.xlsx"
    assert f"表格共 {LONG_ROWS} 行,简报列出前 {ROW_CAP} 行;完整表格见本 PDF 的附件 {name}" in text.replace("\n", "")
    for missing in ("<NA>", "None", "nan", "NaN"):
        assert missing not in text, missing


def test_the_full_table_is_attached_with_its_context(built):
    reader = PdfReader(io.BytesIO(built[1].pdf))
    name, data = built[1].workbook
    assert reader.attachments == {name: [data]}
    assert reader.metadata.title == "犯罪趋势 情况简报"
    book = load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["说明", "长表"]
    about = {row[0]: row[1] for row in book["说明"].iter_rows(min_row=2, values_only=True)}
    assert about["统计期"] == "2020-01-01 ~ 2020-12-31" and about["镇(街道)"] == "苏祠街道"
    assert about["数据截至"] == "2021-03-11" and about["演示数据"].startswith("是")
    assert about["本页链接"] == "http://localhost:8501/crime?town=511402003"
    assert book["长表"].max_row == LONG_ROWS + 1


def test_wide_tables_are_printed_landscape_and_split(built, pages):
    reader = PdfReader(io.BytesIO(built[1].pdf))
    for title in ("较宽的表", "很宽的表(第 1/2 部分)", "很宽的表(第 2/2 部分)"):
        page = next(i for i, text in enumerate(pages) if nfkc(title) in text)
        box = reader.pages[page].mediabox
        assert box.width > box.height, f"{title} on a portrait page"
    assert reader.pages[0].mediabox.width < reader.pages[0].mediabox.height


def test_the_pages_render_as_pictures_with_ink(built):
    pngs = pdf_pages_png(built[1].pdf, dpi=30)
    assert len(pngs) == len(PdfReader(io.BytesIO(built[1].pdf)).pages)
    for png in pngs:
        grey = np.asarray(open_png(png).convert("L"))
        assert (grey < 128).mean() > 0.002  # every page has text or a figure on it


def test_the_footer_text_is_escaped_for_css():
    assert css_string('a"b\\c</style>') == "a\\22 b\\5C c\\3C /style\\3E "
    html = briefing_html(info(), page_content(), {})
    assert "</style>" in html and html.count("</style>") == 1
