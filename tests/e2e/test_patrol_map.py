"""The patrol map in a real browser: it draws with no internet, a click selects a town, injected names stay inert."""
from __future__ import annotations

import json
import shutil
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

from lib.data.store import BUNDLED_DATA_DIR

pytestmark = pytest.mark.e2e
SUCI = "511402003"
PAYLOAD = '<img src=x onerror="window.__pwned=1;parent.__pwned=1">`${window.__pwned=2}`${parent.__pwned=3}'
SHAPES_JS = "() => Object.values(window.map._layers).filter(l => l instanceof L.Path).length"


def map_frame(opened):
    """The streamlit-folium frame, once its Leaflet map has drawn."""
    opened.page.wait_for_selector("iframe[title*='streamlit_folium']", timeout=60_000)
    frame = next(f for f in opened.page.frames if "streamlit_folium" in f.url)
    frame.wait_for_function("() => window.map && window.L && Object.keys(window.map._layers).length > 20",
                            timeout=60_000)
    return frame


def assert_offline_and_clean(opened) -> None:
    assert opened.outside_requests == [], f"requests left localhost: {opened.outside_requests}"
    assert opened.page_errors == [], opened.page_errors
    assert not opened.page.locator("[data-testid='stException']").count()


def test_the_map_draws_its_shapes_with_no_internet(open_page):
    opened = open_page("/patrol")
    frame = map_frame(opened)
    opened.screenshot("patrol-map")
    # town outlines 16, town choropleth 16, hot-spot cells 20, posts 24, foot reach 1 (routes and vehicle reach start hidden)
    assert frame.evaluate(SHAPES_JS) == 16 + 16 + 20 + 24 + 1
    assert frame.locator(".leaflet-overlay-pane canvas").count() >= 1
    assert frame.locator(".leaflet-heatmap-layer").count() == 1
    labels = frame.locator(".pingan-town-label").all_inner_texts()
    assert "苏祠街道" in labels and len(labels) == 16
    scripts = frame.evaluate("() => [...document.scripts].map(s => s.src).filter(Boolean)")
    assert any(s.endswith("/app/static/vendor/leaflet/leaflet.js") for s in scripts), scripts
    assert_offline_and_clean(opened)


def test_the_night_view_of_dongpo_island_is_one_link(open_page):
    opened = open_page(f"/patrol?shift=night&town={SUCI}")
    frame = map_frame(opened)
    opened.screenshot("patrol-night-suci")
    sidebar = opened.page.locator("[data-testid='stSidebar']")
    expect(sidebar.get_by_text("苏祠街道").first).to_be_visible()  # the chosen town in the town filter
    main = opened.page.locator("[data-testid='stMain']")
    expect(main.get_by_text("班次:夜班(19:00—次日7:00);范围:苏祠街道").first).to_be_visible()
    query = parse_qs(urlparse(opened.page.url).query)
    assert query["shift"] == ["night"] and query["town"] == [SUCI]
    assert frame.evaluate(SHAPES_JS) > 20
    assert_offline_and_clean(opened)


def test_a_click_on_a_town_selects_it(open_page, wait_idle):
    opened = open_page("/patrol")
    frame = map_frame(opened)
    # the click lands where Leaflet draws Suci Subdistrict's label (inside the town)
    point = frame.evaluate("""() => {
        const label = [...document.querySelectorAll('.pingan-town-label')].find(e => e.textContent === '苏祠街道');
        const r = label.getBoundingClientRect();
        return [r.left + r.width / 2, r.top + r.height / 2 + 12];
    }""")
    iframe = opened.page.locator("iframe[title*='streamlit_folium']")
    iframe.scroll_into_view_if_needed()
    box = iframe.bounding_box()
    opened.page.mouse.click(box["x"] + point[0], box["y"] + point[1])
    opened.page.wait_for_function("() => location.search.includes('town=')", timeout=30_000)
    wait_idle(opened.page)
    assert parse_qs(urlparse(opened.page.url).query)["town"] == [SUCI]
    assert_offline_and_clean(opened)


@pytest.fixture(scope="module")
def poisoned_data(tmp_path_factory):
    """A copy of the demo data whose town names carry script injections."""
    target = tmp_path_factory.mktemp("poisoned") / "data"
    shutil.copytree(BUNDLED_DATA_DIR, target)
    towns_file = target / "boundaries" / "towns.geojson"
    towns = json.loads(towns_file.read_text(encoding="utf-8"))
    for feature in towns["features"]:
        feature["properties"]["town_zh"] = PAYLOAD + feature["properties"]["town_zh"]
        feature["properties"]["town_en"] = PAYLOAD + feature["properties"]["town_en"]
    towns_file.write_text(json.dumps(towns, ensure_ascii=False), encoding="utf-8")
    return target


def test_injected_names_stay_inert_text(open_page, start_app, poisoned_data):
    base = start_app({"PINGAN_DATA_DIR": str(poisoned_data)})
    opened = open_page(f"/patrol?town={SUCI}", base_url=base)
    frame = map_frame(opened)
    # show tooltips: hover the middle of the map (a village of the chosen town) and the town labels
    iframe = opened.page.locator("iframe[title*='streamlit_folium']")
    iframe.scroll_into_view_if_needed()
    box = iframe.bounding_box()
    tooltip = frame.locator(".leaflet-tooltip").filter(has_text=PAYLOAD)
    for step in range(10):  # the map may still be drawing under a busy machine: hover again until a tooltip shows
        opened.page.mouse.move(box["x"] + box["width"] / 2 + 3 * step, box["y"] + box["height"] / 2 + 2 * step)
        try:
            tooltip.first.wait_for(state="visible", timeout=1500)
            break
        except PlaywrightTimeout:
            continue
    opened.screenshot("patrol-poisoned")
    labels = frame.locator(".pingan-town-label").all_inner_texts()
    assert any(label.startswith(PAYLOAD) for label in labels), labels  # shown literally
    texts = frame.locator(".leaflet-tooltip").all_inner_texts()
    assert any(PAYLOAD in text for text in texts), texts
    assert frame.locator(".leaflet-container img[src='x']").count() == 0
    assert frame.evaluate("() => window.__pwned") is None
    assert opened.page.evaluate("() => window.__pwned") is None
    assert_offline_and_clean(opened)
