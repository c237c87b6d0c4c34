"""Presentation mode in a real browser: no controls on any page, the big-screen dark theme, and the playlist that
moves from page to page by itself, keeping presentation mode and the language."""
from __future__ import annotations

import time
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import expect

from lib.i18n import t
from lib.page_registry import PAGES
from lib.viz.theme import DARK_BG
from tests.e2e.conftest import ADMIN_PASSWORD, wait_drawn
from tests.e2e.test_url_contract import _LOOK_JS, _WIDGETS

pytestmark = pytest.mark.e2e

PLAYLIST_GRACE_S = 12  # a page's run and the switch, on a slow shared machine

_CLIPPED_METRICS_JS = """
() => [...document.querySelectorAll("[data-testid='stMain'] :is([data-testid='stMetricLabel'], [data-testid='stMetricValue'])")]
  .filter((el) => [el, ...el.querySelectorAll('*')].some((n) => {
    const s = getComputedStyle(n);
    return (s.overflowX !== 'visible' || s.textOverflow === 'ellipsis') && n.scrollWidth > n.clientWidth + 1;
  })).map((el) => el.innerText)
"""

# The colours a person sees: the page behind the text, the title, a headline figure's card, and the plotly charts.
_COLOURS_JS = """
() => {
  const style = (sel, prop) => { const el = document.querySelector(sel); return el ? getComputedStyle(el)[prop] : null; };
  const behind = (sel) => {  // the background a person sees behind an element: the first one not transparent
    for (let el = document.querySelector(sel); el; el = el.parentElement) {
      const bg = getComputedStyle(el).backgroundColor;
      if (bg !== 'rgba(0, 0, 0, 0)' && bg !== 'transparent') return bg;
    }
    return 'rgb(255, 255, 255)';
  };
  const charts = [...document.querySelectorAll("[data-testid='stMain'] .js-plotly-plot")];
  return {
    page: behind("[data-testid='stMain'] h1"),
    app: style(".stApp", 'backgroundColor'),
    title: style("[data-testid='stMain'] h1", 'color'),
    caption: style("[data-testid='stMain'] [data-testid='stCaptionContainer']", 'color'),
    card: behind("[data-testid='stMain'] [data-testid='stMetricValue']"),
    metric: style("[data-testid='stMain'] [data-testid='stMetricValue'] p", 'color'),
    chartPapers: charts.map((c) => getComputedStyle(c.querySelector('.main-svg')).backgroundColor
                                   || c.querySelector('.main-svg').style.background),
    chartTicks: charts.map((c) => { const tick = c.querySelector('.xtick text, .ytick text');
                                    return tick ? getComputedStyle(tick).fill : null; }),
  };
}
"""

# Every chart's tick labels drawn light (the charts redraw in the dark theme after the page turns dark).
_CHARTS_REDRAWN_DARK_JS = """
() => {
  const ticks = [...document.querySelectorAll("[data-testid='stMain'] .js-plotly-plot")]
    .map((chart) => chart.querySelector('.xtick text, .ytick text')).filter(Boolean);  // a pie has none
  const light = (tick) => { const [r, g, b] = (getComputedStyle(tick).fill.match(/[0-9.]+/g) || [0, 0, 0]).map(Number);
                            return r + g + b > 3 * 128; };
  return ticks.length > 0 && ticks.every(light);
}
"""


def _luminance(css_colour: str) -> float:
    """Relative luminance of a computed CSS colour: 'rgb(r, g, b)' or 'rgba(r, g, b, a)'."""
    from lib.viz.theme import luminance

    return luminance(css_colour.replace(" ", ""))


def _name(spec) -> str:
    return spec.url_path or "root"


@pytest.mark.parametrize("spec", PAGES, ids=_name)
def test_presentation_mode_hides_the_sidebar_and_every_widget(spec, open_page, admin_server):
    behind_password = spec.manages_data
    base = admin_server if behind_password else None
    password = ADMIN_PASSWORD if behind_password else None
    normal = open_page(spec.url + "?lang=en", base_url=base, password=password)
    wait_drawn(normal.page)
    before = normal.page.evaluate(_LOOK_JS, _WIDGETS)
    assert before["sidebar"] == 1, f"{spec.url} has a sidebar to hide: {before}"

    presented = open_page(spec.url + "?lang=en&present=1", base_url=base, password=password)
    page = presented.page
    expect(page.locator("[data-testid='stMain'] h1")).to_be_visible()
    wait_drawn(page)
    shot = presented.screenshot(f"present-{_name(spec)}")
    after = page.evaluate(_LOOK_JS, _WIDGETS)
    assert after["sidebar"] == 0 and after["widgets"] == 0, f"controls shown in presentation mode: {after}; see {shot}"
    assert page.evaluate(_CLIPPED_METRICS_JS) == [], f"headline figures cut off in large type; see {shot}"
    assert page.locator("[data-testid='stException']").count() == 0, f"exception; see {shot}"
    assert "present=1" in page.url
    assert presented.outside_requests == [] and presented.page_errors == []


def test_the_dark_theme_darkens_the_page_and_its_charts(open_page):
    light = open_page("/crime?present=1&lang=en")
    wait_drawn(light.page)
    light.page.wait_for_selector("[data-testid='stMain'] .js-plotly-plot .xtick text")
    before = light.page.evaluate(_COLOURS_JS)

    dark = open_page("/crime?present=1&theme=dark&lang=en")
    page = dark.page
    wait_drawn(page)
    page.wait_for_function(_CHARTS_REDRAWN_DARK_JS)
    after = page.evaluate(_COLOURS_JS)
    shot = dark.screenshot("present-dark-crime")

    assert _luminance(before["page"]) > 0.8 and _luminance(before["title"]) < 0.1, f"the light page: {before}"
    assert _luminance(after["page"]) < 0.02 and _luminance(after["app"]) < 0.02, f"page not dark: {after}; see {shot}"
    for part in ("title", "caption", "metric"):
        assert _luminance(after[part]) > 0.35, f"{part} text not light on the dark page: {after}; see {shot}"
    assert _luminance(after["card"]) < 0.05, f"headline figure cards not dark: {after}; see {shot}"
    assert after["chartPapers"] and len(after["chartPapers"]) == len(before["chartPapers"])
    assert all(_luminance(c) > 0.8 for c in before["chartPapers"]), f"light charts first: {before}"
    assert all(_luminance(c) < 0.02 for c in after["chartPapers"]), f"charts not dark: {after}; see {shot}"
    assert all(_luminance(c) > 0.35 for c in after["chartTicks"] if c), f"chart labels not light: {after}; see {shot}"
    assert _luminance(DARK_BG) < 0.02
    assert page.locator("[data-testid='stException']").count() == 0
    assert dark.outside_requests == [] and dark.page_errors == []


def test_the_dark_theme_darkens_the_patrol_map(open_page):
    opened = open_page("/patrol?present=1&theme=dark", settle_ms=2500)
    frame = opened.page.frame_locator("[data-testid='stMain'] iframe").first
    ground = frame.locator(".leaflet-container").first
    expect(ground).to_be_visible(timeout=30_000)
    colour = ground.evaluate("(el) => getComputedStyle(el).backgroundColor")
    shot = opened.screenshot("present-dark-patrol")
    assert _luminance(colour) < 0.02, f"the map's ground is not dark: {colour}; see {shot}"
    assert opened.outside_requests == [] and opened.page_errors == []


def test_the_dark_theme_needs_presentation_mode(open_page):
    opened = open_page("/crime?theme=dark")
    colours = opened.page.evaluate(_COLOURS_JS)
    assert _luminance(colours["page"]) > 0.8, f"theme=dark without present=1 is documented to change nothing: {colours}"
    assert "theme=dark" in opened.page.url, "a valid theme stays in the link"


def _wait_for_path(page, path: str, timeout_s: float) -> float:
    """Seconds until the browser's address shows `path`; fails after `timeout_s`."""
    t0 = time.monotonic()
    # the app changes the address with the history API (no page load): poll it
    page.wait_for_function("(path) => window.location.pathname === path", arg=path, timeout=timeout_s * 1000)
    return time.monotonic() - t0


_SCREEN_JS = "() => { const a = document.querySelector(\"[data-testid='stApp']\"); " \
             "return a && a.dataset.pinganScreen ? [a.dataset.pinganScreen, Number(a.dataset.pinganScreenSince)] : null; }"
_DRAWN_JS = """() => [...document.querySelectorAll("[data-testid='stPlotlyChart']")].every((c) => c.querySelector('.main-svg'))
  && document.querySelector("[data-testid='stApp']").getAttribute('data-test-script-state') === 'notRunning'"""


def _screen(page) -> tuple[str, float] | None:
    return page.evaluate(_SCREEN_JS)


def test_the_playlist_shows_each_page_screen_by_screen_then_moves_on_keeping_presentation_mode(open_page, wait_idle):
    every = 10
    opened = open_page(f"/?present=1&lang=en&playlist=overview,satisfaction&every={every}",
                       viewport=(1600, 2400))  # tall: few screens to wait through, still more than one
    page = opened.page
    expect(page.get_by_text(t("present.next", "en", page=t("page.satisfaction", "en"), every=every))).to_be_visible()
    # the first screen is counted only once the page has finished drawing, and stays for the whole interval
    page.wait_for_function("() => document.querySelector(\"[data-testid='stApp']\").dataset.pinganScreen",
                           timeout=60_000)
    first, since = _screen(page)
    assert page.evaluate(_DRAWN_JS), "a screen was counted before the page had finished drawing"
    screens = int(first.split("/")[1])
    assert first == f"1/{screens}" and screens >= 2, f"the overview is more than a screen tall: {first}"
    page.wait_for_function(f"() => document.querySelector(\"[data-testid='stApp']\").dataset.pinganScreen === '2/{screens}'",
                           timeout=(every + PLAYLIST_GRACE_S) * 1000)
    _, since_second = _screen(page)
    assert since_second - since >= every * 1000, f"the first screen was up {since_second - since} ms, not {every} s"
    shot = opened.screenshot("playlist-second-screen")
    assert page.evaluate("() => Math.max(document.querySelector(\"[data-testid='stMain']\").scrollTop, "
                         "document.scrollingElement.scrollTop)") > 0, f"the page did not scroll; see {shot}"
    # after the last screen: the next page, with presentation mode and the language
    _wait_for_path(page, "/satisfaction", (screens - 1) * (every + PLAYLIST_GRACE_S))
    wait_idle(page)
    query = parse_qs(urlparse(page.url).query)
    assert query == {"present": ["1"], "lang": ["en"], "playlist": ["overview,satisfaction"], "every": [str(every)]}, \
        f"the next page's link: {page.url}"
    expect(page.locator("[data-testid='stMain'] h1")).to_contain_text(t("page.satisfaction", "en"))
    assert page.evaluate(_LOOK_JS, _WIDGETS)["sidebar"] == 0, "presentation mode lost on the second page"
    # the next page is shown screen by screen in its turn
    page.wait_for_function("() => document.querySelector(\"[data-testid='stApp']\").dataset.pinganScreen",
                           timeout=60_000)
    assert _screen(page)[0].startswith("1/")
    assert page.locator("[data-testid='stException']").count() == 0
    assert opened.outside_requests == [] and opened.page_errors == []
