"""In the browser: a chart's PNG download, and the briefing PDF of the crime and patrol pages."""
from __future__ import annotations

import io
import time
import unicodedata
from pathlib import Path

import pytest
from playwright.sync_api import expect
from pptx import Presentation
from pypdf import PdfReader

from lib.briefing.images import HEIGHT, SCALE, WIDTH
from lib.i18n import t
from tests.png_glyphs import distinct_shapes, glyph_shapes, open_png

pytestmark = pytest.mark.e2e
AS_OF = "2021-03-11"
TITLE_BAND_PX = 110  # the chart's title, drawn at the top of the PNG (2x)


def download(page, button, timeout_ms: int = 120_000) -> tuple[bytes, str, float]:
    started = time.perf_counter()
    with page.expect_download(timeout=timeout_ms) as info:
        button.click()
    made = info.value
    return Path(made.path()).read_bytes(), made.suggested_filename, time.perf_counter() - started


def nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def pdf_text(data: bytes) -> str:
    # Chromium's PDFs map some CJK glyphs to Kangxi radicals (⽰ for 示): NFKC maps them back (and （ to ();
    # the font's dash reads back as a horizontal bar
    return nfkc("\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)).replace("\u2015", "\u2014")


def test_a_chart_downloads_as_a_png_with_chinese_glyphs(open_page):
    opened = open_page("/crime")
    page = opened.page
    button = page.locator(".st-key-crime_hours_chart-png button")
    button.scroll_into_view_if_needed()
    data, name, seconds = download(page, button)
    print(f"PNG export of the crime hours chart: {seconds:.1f} s")
    image = open_png(data)
    assert image.size == (WIDTH * SCALE, HEIGHT * SCALE)
    assert name.startswith("犯罪趋势_2020-01-01_2021-03-11_发案时段") and name.endswith(".png")  # page, period, chart
    title = glyph_shapes(image, 0, TITLE_BAND_PX)
    # 发案时段(星期 × 小时): a dozen marks, all different; tofu would draw the same box again and again
    assert len(title) >= 8 and distinct_shapes(title) >= len(title) - 1, [s.shape for s in title]
    assert opened.outside_requests == []
    assert page.locator("[data-testid='stException']").count() == 0


@pytest.mark.parametrize("path, title, shown", [
    ("/crime?grain=month&town=511402003", "page.crime", [("cr.town", None), ("cr.grain", "cr.grain_month")]),
    ("/patrol?shift=night", "page.patrol", [("pt.shift", "pt.shift.night"), ("pt.town", "url.all")]),
])
def test_the_briefing_pdf_of_a_page(open_page, path, title, shown):
    opened = open_page(path)
    page = opened.page
    sidebar = page.locator("[data-testid='stSidebar']")
    sidebar.get_by_role("button", name=t("export.briefing", "zh")).click()
    # the steps show while it builds
    expect(sidebar.get_by_text(t("export.building", "zh"))).to_be_visible(timeout=30_000)
    expect(sidebar.get_by_text(t("export.step_pdf", "zh"))).to_be_attached(timeout=120_000)
    opened.screenshot(f"briefing-building-{title}")
    button = sidebar.locator(".st-key-briefing_pdf button")
    expect(button).to_be_visible(timeout=120_000)
    data, name, _ = download(page, button)
    assert name.endswith(".pdf") and data.startswith(b"%PDF")
    slides, slides_name, _ = download(page, sidebar.locator(".st-key-briefing_pptx button"))
    assert slides_name.endswith(".pptx") and slides.startswith(b"PK")
    deck_text = "\n".join(shape.text_frame.text for slide in Presentation(io.BytesIO(slides)).slides
                          for shape in slide.shapes if shape.has_text_frame)
    assert t(title, "zh") in deck_text and AS_OF in deck_text and t("sum.heading", "zh") in deck_text
    text = pdf_text(data)
    assert nfkc(t(title, "zh")) in text
    assert AS_OF in text
    assert nfkc(t("export.demo_flag", "zh")) in text
    assert path in text.replace("\n", "")  # the link of the view
    for label_key, value_key in shown:
        assert nfkc(t(label_key, "zh")) in text
        if value_key:
            assert nfkc(t(value_key, "zh")) in text
    if "town=511402003" in path:
        assert "苏祠街道" in text  # the town's name, not its code
    assert opened.outside_requests == []
    assert page.locator("[data-testid='stException']").count() == 0
