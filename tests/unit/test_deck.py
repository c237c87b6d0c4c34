"""The briefing as slides: read back with python-pptx (16:9, editable text, pictures, native tables, a Chinese
font on every run and in the theme), and rendered by LibreOffice to PNG to see that the Chinese is drawn."""
from __future__ import annotations

import io
from datetime import date, datetime

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest
from pptx import Presentation
from pptx.oxml.ns import qn
from pptx.util import Inches
from pypdf import PdfReader

from lib.briefing.content import ChartItem, HeadingItem, KpiItem, NoteItem, PageContent, TableItem
from lib.briefing.deck import FONT, SLIDE_ROWS, briefing_pptx, summary_pages
from lib.briefing.document import BriefingInfo
from lib.headline import Kpi
from tests.office import pdf_pages_png, pptx_to_pdf
from tests.png_glyphs import distinct_shapes, glyph_shapes, ink_mask, open_png
from tests.unit.test_briefing_document import chart_png

SUMMARY = ("2020年,全区排查非涉稳矛盾纠纷2,780件,较2019年下降15.2%。", "巡逻防控及时制止街面违法犯罪123起,抓获各类逃犯14名。")


def page_content() -> PageContent:
    page = PageContent(as_of=date(2021, 3, 11), demo=True, district="东坡区")
    page.add_filter("period", "统计期", "2020-01-01 ~ 2020-12-31")
    page.add_filter("town", "镇(街道)", "苏祠街道")
    page.summary = SUMMARY
    page.add("kpi:head", KpiItem((Kpi("排查矛盾纠纷", "2,780件", "-15.2% 较2019年"), Kpi("调解成功率", "80.07%"))))
    page.add("heading:trend", HeadingItem("纠纷走势"))
    page.add("note:trend", NoteItem("按受理日期统计。"))
    page.add("chart:yearly", ChartItem("逐年受理", go.Figure()))
    page.add("heading:channels", HeadingItem("化解渠道"))
    page.add("kpi:channels", KpiItem(tuple(Kpi(f"渠道{i}", f"{i * 100}件") for i in range(14))))
    page.add("table:channels", TableItem("各渠道受理与调成", pd.DataFrame(
        {"化解渠道": [f"渠道{i}" for i in range(20)], "受理(件)": range(20), "成功率": [None] + [61.02] * 19})))
    page.add("table:data", TableItem("走势数据", pd.DataFrame({"月份": ["2020-01"], "件数": [3]}), on_screen=False))
    return page


@pytest.fixture(scope="module")
def deck_bytes() -> bytes:
    info = BriefingInfo("矛盾纠纷化解", "zh", "http://localhost:8501/mediation", datetime(2021, 3, 12, 9, 30))
    return briefing_pptx(info, page_content(), images={"chart:yearly": chart_png()})


@pytest.fixture(scope="module")
def deck(deck_bytes):
    return Presentation(io.BytesIO(deck_bytes))


def slide_text(slide) -> str:
    texts = [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]
    texts += [cell.text for shape in slide.shapes if shape.has_table for row in shape.table.rows for cell in row.cells]
    return "\n".join(texts)


def test_the_deck_is_16_to_9_with_a_title_slide_and_the_summary(deck):
    assert (deck.slide_width, deck.slide_height) == (Inches(13.333), Inches(7.5))
    title = slide_text(deck.slides[0])
    for expected in ("矛盾纠纷化解", "情况简报 · 2020-01-01 ~ 2020-12-31", "统计期", "镇(街道)", "苏祠街道", "数据截至",
                     "2021-03-11", "【演示数据】", "http://localhost:8501/mediation"):
        assert expected in title, expected
    summary = slide_text(deck.slides[1])
    assert "情况简报" in summary and all(sentence in summary for sentence in SUMMARY)


def test_a_slide_per_section_with_editable_figures_pictures_and_tables(deck):
    titles = [slide_text(s).split("\n")[0] for s in deck.slides]
    assert titles == ["东坡区平安建设数据看板", "情况简报", "主要指标", "纠纷走势", "化解渠道", "化解渠道(续)", "化解渠道"]
    head = slide_text(deck.slides[2])
    assert "排查矛盾纠纷" in head and "2,780件" in head and "-15.2% 较2019年" in head
    trend = deck.slides[3]
    assert [s.shape_type for s in trend.shapes].count(13) == 1  # MSO_SHAPE_TYPE.PICTURE: the chart
    assert "按受理日期统计。" in slide_text(trend)
    assert "渠道11" in slide_text(deck.slides[4]) and "渠道13" in slide_text(deck.slides[5])  # 12 cards a slide
    table = next(s for s in deck.slides[6].shapes if s.has_table).table
    assert len(table.rows) == SLIDE_ROWS + 1 and table.cell(0, 0).text == "化解渠道"
    assert table.cell(1, 2).text == "—"
    assert "共 20 行,此处列出前 12 行" in slide_text(deck.slides[6])
    assert "走势数据" not in "\n".join(slide_text(s) for s in deck.slides)  # a download-only table has no slide
    assert f"\n{len(deck.slides)} / {len(deck.slides)}\n" in slide_text(deck.slides[-1])  # the slide number


def test_every_run_names_a_chinese_font_and_so_does_the_theme(deck):
    runs = [run for slide in deck.slides for shape in slide.shapes if shape.has_text_frame
            for paragraph in shape.text_frame.paragraphs for run in paragraph.runs]
    assert runs
    for run in runs:
        props = run._r.find(qn("a:rPr"))
        assert props.find(qn("a:ea")).get("typeface") == FONT and props.find(qn("a:latin")).get("typeface") == FONT
        assert [child.tag for child in props if child.tag in (qn("a:latin"), qn("a:ea"), qn("a:cs"))] == \
            [qn("a:latin"), qn("a:ea"), qn("a:cs")]
    from pptx.opc.constants import RELATIONSHIP_TYPE as RT
    theme = deck.slide_master.part.part_related_by(RT.THEME).blob.decode()
    assert f'<a:ea typeface="{FONT}"/>' in theme and 'script="Hans" typeface="微软雅黑"' in theme


def test_a_long_summary_runs_onto_a_second_slide():
    pages = summary_pages(["很长的一句话。" * 40] * 6)
    assert len(pages) > 1 and sum(len(p) for p in pages) == 6


def test_libreoffice_draws_the_slides_with_chinese_glyphs(deck_bytes, deck):
    pdf = pptx_to_pdf(deck_bytes)
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == len(deck.slides)
    box = reader.pages[0].mediabox
    assert float(box.width) / float(box.height) == pytest.approx(16 / 9, rel=0.01)
    first = open_png(pdf_pages_png(pdf, dpi=100)[0])
    ink = ink_mask(first)
    rows = np.flatnonzero(ink[int(1.2 * 100):int(2.1 * 100)].any(axis=1)) + int(1.2 * 100)  # the title's band
    title = glyph_shapes(first, int(rows[0]), int(rows[-1]) + 1)
    # 矛盾纠纷化解: six characters, all different; tofu would draw the same box six times
    assert len(title) >= 6 and distinct_shapes(title) >= 6, [s.shape for s in title]
