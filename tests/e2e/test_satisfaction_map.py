"""The satisfaction page's province map draws offline in a real browser, and a click on it reaches the URL."""
from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import pytest

from lib.data.store import BUNDLED_DATA_DIR, FileStore, load_bundle

pytestmark = pytest.mark.e2e

# The county outlines MapLibre drew (one fill feature per county and trace), where a lon/lat falls on the
# screen, and the map's blank style (no tile, glyph or sprite source).
_MAP_JS = """
([lon, lat]) => {
  const gd = [...document.querySelectorAll('.js-plotly-plot')].find(g => g._fullLayout && g._fullLayout.map);
  if (!gd) return null;
  const map = gd._fullLayout.map._subplot.map;
  const fills = map.queryRenderedFeatures().filter(f => f.layer.type === 'fill');
  const box = map.getContainer().getBoundingClientRect();
  const at = map.project([lon, lat]);
  const style = map.getStyle();
  return {ids: [...new Set(fills.map(f => String(f.id)))], x: box.left + at.x, y: box.top + at.y,
          sources: Object.values(style.sources).map(s => s.type + ':' + (s.url || (s.tiles || []).join(',')))};
}
"""
_READY_JS = """
(count) => {
  const gd = [...document.querySelectorAll('.js-plotly-plot')].find(g => g._fullLayout && g._fullLayout.map);
  const map = gd && gd._fullLayout.map._subplot && gd._fullLayout.map._subplot.map;
  if (!map || !map.loaded()) return false;
  const fills = map.queryRenderedFeatures().filter(f => f.layer.type === 'fill');
  return new Set(fills.map(f => String(f.id))).size >= count;
}
"""
DRAW_TIMEOUT_MS = 30_000
DONGPO_CENTRE = (103.83, 30.05)  # inside the district's outline
LITANG = (100.27, 30.0)  # 理塘县 (513334), far from Meishan's counties


def _counties() -> set[str]:
    return set(load_bundle(FileStore(BUNDLED_DATA_DIR))["counties"]["adcode"].astype(str))


def _drawn_map(opened, lon_lat: tuple[float, float]) -> dict:
    """The map's drawn counties and the screen point of `lon_lat`, once MapLibre has drawn every county."""
    counties = _counties()
    try:
        opened.page.wait_for_function(_READY_JS, arg=len(counties), timeout=DRAW_TIMEOUT_MS)
    except Exception:  # noqa: BLE001 - the assertions below say what is missing
        pass
    return opened.page.evaluate(_MAP_JS, list(lon_lat))


def test_map_draws_every_county_offline_and_hover_names_it(open_page, wait_idle):
    opened = open_page("/satisfaction", viewport=(1440, 1400), settle_ms=1000)
    page = opened.page
    drawn = _drawn_map(opened, DONGPO_CENTRE)
    shot = opened.screenshot("satisfaction-map")
    assert drawn is not None, f"no plotly map on the page; see {shot}"
    assert _counties() <= set(drawn["ids"]), f"county outlines missing from the drawn map; see {shot}"
    assert all(not s.split(":", 1)[1] for s in drawn["sources"]), drawn["sources"]  # only inline GeoJSON
    page.mouse.move(drawn["x"], drawn["y"])
    page.wait_for_function("() => document.querySelectorAll('.hoverlayer text').length > 0", timeout=DRAW_TIMEOUT_MS)
    hover = " ".join(page.evaluate("() => [...document.querySelectorAll('.hoverlayer text')].map(t => t.textContent)"))
    assert "东坡区" in hover and "76 / 183" in hover, hover
    assert opened.outside_requests == [], "requests left localhost"
    assert opened.page_errors == []


def test_clicking_a_county_adds_it_to_the_peers_in_the_url(open_page, wait_idle):
    opened = open_page("/satisfaction", viewport=(1440, 1400), settle_ms=1000)
    page = opened.page
    at = _drawn_map(opened, LITANG)
    page.mouse.click(at["x"], at["y"])
    try:  # the click reruns the script, which writes the peers into the URL
        page.wait_for_function("() => location.search.includes('peers=')", timeout=DRAW_TIMEOUT_MS)
    except Exception:  # noqa: BLE001 - the assertion below shows the URL
        pass
    wait_idle(page, settle_ms=500)
    peers = parse_qs(urlparse(page.url).query).get("peers", [""])[0].split(",")
    assert "513334" in peers and "511402" in peers, page.url
    assert opened.outside_requests == []
