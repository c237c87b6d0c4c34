"""Every page is readable on a phone (390 px wide): nothing wider than the screen, headline figures not cut off,
charts within the screen, Chinese drawn. A full-page screenshot of each page is kept for a person to look at."""
from __future__ import annotations

from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

from lib.page_registry import PAGES
from tests.e2e.conftest import ADMIN_PASSWORD, wait_drawn

pytestmark = pytest.mark.e2e

PHONE_W, PHONE_H = 390, 844
# An iPhone-like context (Playwright's "iPhone 13" sizes) in Debian's chromium: touch, mobile viewport, 3x pixels.
PHONE = {"is_mobile": True, "has_touch": True, "device_scale_factor": 3}

_MEASURE_JS = """
(width) => {
  const main = document.querySelector("[data-testid='stMainBlockContainer']")
    || document.querySelector("[data-testid='stMain'] .block-container");
  const box = (el) => el.getBoundingClientRect();
  const outside = (el) => { const r = box(el); return r.width > 0 && (r.left < -1 || r.right > width + 1); };
  const label = (el) => (el.innerText || el.getAttribute('data-testid') || el.tagName).trim().slice(0, 60);
  const clipped = [];
  for (const el of document.querySelectorAll("[data-testid='stMain'] :is([data-testid='stMetricLabel'], "
                                             + "[data-testid='stMetricValue'], [data-testid='stMetricDelta'])")) {
    for (const node of [el, ...el.querySelectorAll('*')]) {
      const style = getComputedStyle(node);
      const hides = style.overflowX !== 'visible' || style.textOverflow === 'ellipsis';
      if (hides && node.scrollWidth > node.clientWidth + 1) { clipped.push(label(el)); break; }
    }
    if (outside(el)) clipped.push(label(el) + ' (off screen)');
  }
  const charts = [...document.querySelectorAll("[data-testid='stMain'] :is([data-testid='stPlotlyChart'], .js-plotly-plot .main-svg, iframe)")];
  return {
    documentWidth: document.documentElement.scrollWidth,
    mainScroll: main ? main.scrollWidth : null, mainClient: main ? main.clientWidth : null,
    mainRight: main ? box(main).right : null,
    metrics: document.querySelectorAll("[data-testid='stMain'] [data-testid='stMetric']").length,
    clipped,
    charts: charts.length,
    chartsOutside: charts.filter(outside).map((el) => `${label(el.closest("[data-testid='stElementContainer']") || el)}: `
                                                      + `${Math.round(box(el).left)}..${Math.round(box(el).right)}`),
  };
}
"""

# Streamlit scrolls inside its own container: the page's full height, for a screenshot of all of it.
_CONTENT_HEIGHT_JS = """
() => Math.max(...[...document.querySelectorAll("[data-testid='stAppViewContainer'], [data-testid='stMain'], "
                                                + "[data-testid='stMainBlockContainer'], body")].map((el) => el.scrollHeight))
"""


def _name(spec) -> str:
    return spec.url_path or "root"


def _full_page_screenshot(opened, name: str):
    """A screenshot of the whole page at phone width (the window made as tall as the page, then restored)."""
    page = opened.page
    height = min(int(page.evaluate(_CONTENT_HEIGHT_JS)), 12_000)
    page.set_viewport_size({"width": PHONE_W, "height": max(PHONE_H, height)})
    wait_drawn(page)  # the page as tall as its content: any element now in view has drawn
    path = opened.shots / f"{name}.png"
    page.screenshot(path=str(path), full_page=True, scale="css")
    page.set_viewport_size({"width": PHONE_W, "height": PHONE_H})
    return path


@pytest.mark.parametrize("spec", PAGES, ids=_name)
def test_a_page_is_readable_on_a_phone(spec, open_page, admin_server, wait_idle, cjk_glyphs_render):
    # data management is offered only behind the password: opened there, signed in
    behind_password = spec.manages_data
    opened = open_page(spec.url, viewport=(PHONE_W, PHONE_H), device=PHONE, settle_ms=1500,
                       base_url=admin_server if behind_password else None,
                       password=ADMIN_PASSWORD if behind_password else None)
    page = opened.page
    if not spec.manages_data:  # a figures page: measured once its headline figures are drawn
        expect(page.locator("[data-testid='stMain'] [data-testid='stMetric']").first).to_be_visible(timeout=60_000)
    wait_drawn(page)
    wait_idle(page)
    assert page.evaluate("window.innerWidth") == PHONE_W and page.evaluate("navigator.maxTouchPoints") > 0
    measured = page.evaluate(_MEASURE_JS, PHONE_W)
    shot = _full_page_screenshot(opened, f"phone-{_name(spec)}")

    assert urlparse(page.url).path == spec.url, f"'Page not found'; see {shot}"
    errors = page.locator("[data-testid='stException']").all_inner_texts()
    assert not errors, f"exception shown; see {shot}:\n" + "\n---\n".join(errors)
    assert measured["documentWidth"] <= PHONE_W + 1, f"the page is wider than the phone: {measured}; see {shot}"
    assert measured["mainScroll"] is not None, "no main block found"
    assert measured["mainScroll"] <= measured["mainClient"] + 1 and measured["mainRight"] <= PHONE_W + 1, \
        f"the main block overflows the phone's width: {measured}; see {shot}"
    assert measured["clipped"] == [], f"headline figures or their labels cut off: {measured['clipped']}; see {shot}"
    assert measured["chartsOutside"] == [], f"charts reach past the screen: {measured['chartsOutside']}; see {shot}"
    if not spec.manages_data:
        assert measured["metrics"] > 0, f"a figures page shows no headline figures: {measured}; see {shot}"
    assert cjk_glyphs_render(page), f"Chinese text draws as boxes or nothing; see {shot}"
    assert opened.outside_requests == [], "requests left localhost"
    assert opened.page_errors == [], "uncaught errors in the page"
