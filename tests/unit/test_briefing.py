"""Chart PNGs and the briefing PDF, rendered by the local Chromium (needs chromium and fonts-noto-cjk)."""
from __future__ import annotations

import io
import unicodedata
from datetime import date, datetime

import folium
import pandas as pd
import plotly.graph_objects as go
from pypdf import PdfReader

from lib.briefing.content import ChartItem, KpiItem, MapItem, PageContent, TableItem
from lib.headline import Kpi
from lib.briefing.document import VENDOR_DIR, BriefingInfo, briefing_html, briefing_pdf, cell_text, map_still_html
from lib.briefing.images import HEIGHT, SCALE, WIDTH, export_copy, figures_png
from lib.briefing.system import missing_for_rendering
from lib.viz.offline_assets import localize
from tests.png_glyphs import glyphs_differ, open_png

TOWN = '<b onmouseover="x()">太和镇</b>'


def one_character(char: str) -> go.Figure:
    fig = go.Figure()
    fig.add_annotation(text=char, x=0.5, y=0.5, xref="paper", yref="paper", showarrow=False, font_size=300)
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return fig


def page_content() -> PageContent:
    page = PageContent(as_of=date(2021, 3, 11), demo=True, district="东坡区")
    page.add_filter("town", "镇(街道)", TOWN)
    page.add_filter("period", "统计期", "2020-01-01 ~ 2020-12-31")
    page.add("kpi:a", KpiItem((Kpi("案件数", "7,287起", "+4.2% 较上年同期", good="down", direction="up"),
                               Kpi("热点覆盖率", "40%", "8 / 20个", is_change=False),
                               Kpi("办结天数", "14天", "±0天 较上年同期", good="down", direction="flat"))))
    fig = go.Figure(go.Bar(x=["太和镇", "苏祠街道"], y=[3, 5]))
    page.add("chart:towns", ChartItem("各镇案件数", fig))
    page.add("table:towns", TableItem("各镇案件表", pd.DataFrame({"镇(街道)": [TOWN, "苏祠街道"], "案件数": [3, 5]})))
    return page


def info() -> BriefingInfo:
    return BriefingInfo("犯罪趋势", "zh", "http://localhost:8501/crime?town=511402100", datetime(2021, 3, 12, 9, 30))


def test_the_rendering_tools_are_installed():
    assert missing_for_rendering() == ()


def test_a_png_of_two_chinese_characters_draws_two_different_glyphs():
    zong, lan = figures_png([one_character("总"), one_character("览")])
    a, b = open_png(zong), open_png(lan)
    assert a.size == b.size == (WIDTH * SCALE, HEIGHT * SCALE)
    assert glyphs_differ(a, b)


def test_the_exported_copy_names_a_cjk_font_and_keeps_the_page_figure_as_it_was():
    fig = go.Figure(go.Bar(x=["a"], y=[1]))
    copy = export_copy(fig, title="各镇案件数")
    assert "Noto Sans CJK SC" in copy.layout.font.family
    assert copy.layout.title.text == "各镇案件数"
    assert fig.layout.title.text is None and fig.layout.font.family is None
    assert export_copy(go.Figure(layout={"title": "自有标题"}), title="另一个").layout.title.text == "自有标题"


def test_the_briefing_html_escapes_data():
    html = briefing_html(info(), page_content(), {"chart:towns": b"\x89PNG"})
    assert TOWN not in html
    assert "&lt;b onmouseover=&#34;x()&#34;&gt;太和镇&lt;/b&gt;" in html
    assert "data:image/png;base64," in html


def test_the_briefing_colours_and_arrows_changes_as_the_page_does():
    html = briefing_html(info(), page_content(), {"chart:towns": b"\x89PNG"})
    assert '<div class="delta bad">▲ +4.2% 较上年同期</div>' in html  # more incidents: bad news, a rise
    assert '<div class="delta neutral">8 / 20个</div>' in html  # not a change: no arrow, no colour
    assert '<div class="delta neutral">±0天 较上年同期</div>' in html


def test_cells_read_as_on_the_page_and_missing_ones_as_a_dash():
    assert [cell_text(v) for v in (1.5, 2.0, 1234.567, None, float("nan"), "61.02%", 7, pd.NA, pd.NaT, "<NA>")] == \
        ["1.5", "2", "1,234.57", "—", "—", "61.02%", "7", "—", "—", "—"]


def test_the_briefing_pdf_holds_the_title_date_filters_demo_flag_and_a_cjk_font():
    steps: list[str] = []
    pdf = PdfReader(io.BytesIO(briefing_pdf(info(), page_content(), steps.append).pdf))
    # Chromium's PDFs map some CJK glyphs to Kangxi radicals (⽰ for 示): NFKC maps them back
    text = unicodedata.normalize("NFKC", "\n".join(p.extract_text() for p in pdf.pages))
    for expected in ("犯罪趋势", "2021-03-11", "镇(街道)", TOWN, "统计期", "2020-01-01 ~ 2020-12-31",
                     "【演示数据】", "7,287起", "各镇案件数", "各镇案件表", "苏祠街道",
                     "http://localhost:8501/crime?town=511402100"):
        assert unicodedata.normalize("NFKC", expected) in text, expected
    fonts = {str(font.get_object()["/FontDescriptor"].get_object()["/FontName"])
             for p in pdf.pages for font in p["/Resources"]["/Font"].values()
             if "/FontDescriptor" in font.get_object()}
    assert any("CJK" in name for name in fonts), fonts
    assert steps == ["绘制 1 张图表", "排版 PDF"]


def test_no_demo_flag_on_real_data():
    page = page_content()
    page.demo = False
    html = briefing_html(info(), page, {})
    assert "【演示数据】" not in html and "2021-03-11" in html


def test_the_map_still_reads_leaflet_from_the_local_copy_and_hides_its_buttons():
    base = "/app/static/vendor"
    fmap = localize(folium.Map(location=[30.05, 103.83], zoom_start=10, tiles=None), base)
    assert base + "/" in fmap.get_root().render()
    still = map_still_html(MapItem("地图", fmap, base))
    assert base + "/" not in still and VENDOR_DIR.as_uri() + "/" in still
    assert ".leaflet-control-zoom, .leaflet-control-layers { display: none" in still.split("</head>")[0]


def test_a_summary_given_as_a_function_is_written_once_when_first_read():
    calls = []

    def write() -> list[str]:
        calls.append(1)
        return ["全区刑事案件同比下降。"]

    page = PageContent()
    page.summary = write
    assert calls == []  # a page that does not show it spends nothing on it
    assert page.summary == ("全区刑事案件同比下降。",) and page.summary == ("全区刑事案件同比下降。",)
    assert calls == [1]
