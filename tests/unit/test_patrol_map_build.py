"""The patrol map: offline assets, escaping, GCJ-02 shift, tile config, click routing, payload size."""
import json
import re
from datetime import date

import numpy as np
import pytest

from lib.audience import Audience
from lib.data.incident_points import bundle_points
from lib.metrics.patrol_view import PatrolFilters, build_base, patrol_figures, post_reach
from lib.settings import read_settings
from lib.viz.basemap import TileConfig, tile_config
from lib.viz.escape import inert
from lib.data.gcj02 import wgs84_to_gcj02
from lib.viz.offline_assets import ASSET_FILES, UnknownAsset, asset_urls, localize
from lib.viz.patrol_map import patrol_map, town_from_click
from streamlit_folium import _get_header, _get_html, _get_map_string

POISON = '<img src=x onerror="window.__pwned=1">`${window.__pwned=2}`\\'


def test_inert_text_cannot_run_as_html_or_in_a_template_literal():
    text = inert(POISON)
    assert "<" not in text and ">" not in text and "`" not in text and "${" not in text and "\\" not in text
    assert text.startswith("&lt;img src=x onerror=&quot;")


def test_gcj02_matches_the_published_reference_pair():
    out = wgs84_to_gcj02(np.array([[116.404, 39.915], [103.852, 30.043], [2.35, 48.85]]))
    assert out[0].tolist() == pytest.approx([116.41024449916938, 39.91640428150164], abs=1e-12)
    assert out[1].tolist() == pytest.approx([103.85409418453418, 30.0401726569491], abs=1e-12)  # coordTransform's value
    assert out[2].tolist() == [2.35, 48.85]  # outside China: unchanged


def tiles_of(environ: dict) -> TileConfig:
    """The tiles a deployment with these settings draws (no secrets file)."""
    return tile_config(read_settings(environ, secrets=dict).tiles)


def test_tile_config_defaults_to_none_and_detects_gcj02():
    assert tiles_of({}).url is None and not tiles_of({}).shift
    amap = tiles_of({"PINGAN_TILES": "https://webrd01.is.autonavi.com/appmaptile?x={x}&y={y}&z={z}"})
    assert amap.crs == "gcj02" and amap.shift
    osm = tiles_of({"PINGAN_TILES": "https://tile.openstreetmap.org/{z}/{x}/{y}.png", "PINGAN_TILES_ATTR": "© OSM"})
    assert (osm.crs, osm.attribution, osm.shift) == ("wgs84", "© OSM", False)
    forced = tiles_of({"PINGAN_TILES": "http://tiles.local/{z}/{x}/{y}.png", "PINGAN_TILES_CRS": "GCJ02"})
    assert forced.shift


CLICK = {"last_active_drawing": {"type": "Feature", "properties": {"town_code": "511402003"}}}
INTERNAL = Audience.internal("zh")


def test_click_routing_reads_the_town_code_of_the_clicked_feature():
    assert town_from_click(CLICK) == "511402003"
    assert town_from_click({"last_active_drawing": {"type": "Feature", "properties": {}}}) is None
    assert town_from_click({"last_active_drawing": None}) is None
    assert town_from_click(None) is None


def test_a_click_selects_a_known_town_only():
    """The page routes the clicked code through the town filter, which ignores a town it does not offer."""
    import streamlit as st  # bare mode: session state is a plain store
    from lib.ui.show import ClickFilter
    st.session_state.pop("town", None)
    ClickFilter("town", ["511402001"]).apply([town_from_click(CLICK)])
    assert "town" not in st.session_state
    ClickFilter("town", ["511402001", "511402003"]).apply([town_from_click(CLICK)])
    assert st.session_state["town"] == ["511402003"]
    st.session_state.pop("town", None)


@pytest.fixture(scope="module")
def demo(bundle):
    base = build_base(bundle, bundle_points(bundle))
    return bundle, base, post_reach(base, 10)


def _payload(m) -> str:
    return _get_map_string(m) + _get_header(m) + _get_html(m)


def test_the_map_loads_every_asset_from_the_app(demo):
    """Every asset the map asks for has a copy the app serves: pointed at them, it names no outside URL."""
    bundle, base, reach = demo
    fig = patrol_figures(bundle, base, reach, PatrolFilters(date(2020, 1, 1), date(2020, 12, 31)))
    m = localize(patrol_map(fig, bundle["towns"], bundle["villages"], bundle["posts"], bundle["patrol_sessions"], reach,
                            INTERNAL, TileConfig()), "/app/static/vendor")
    urls = asset_urls(m)
    assert "/app/static/vendor/leaflet/leaflet.js" in urls and "/app/static/vendor/folium/leaflet_heat.min.js" in urls
    assert all(u.startswith("/app/static/vendor/") for u in urls), urls
    served = {"/app/static/vendor/" + path for path in ASSET_FILES}
    assert set(urls) <= served and all(p.is_file() for p in ASSET_FILES.values())
    payload = _payload(m)
    assert not re.search(r"https?://", payload), "the map's script or header names an outside URL"
    assert len(payload.encode()) < 2_000_000


def test_unknown_assets_are_refused():
    import folium
    m = folium.Map(tiles=None)
    m.default_js = [("some_plugin", "https://cdn.example.org/plugin.js")]
    with pytest.raises(UnknownAsset):
        localize(m, "/app/static/vendor")


def test_names_are_escaped_and_shifted_for_gcj02_tiles(demo):
    bundle, base, reach = demo
    towns = bundle["towns"].copy()
    towns.loc[towns["town_code"] == "511402003", "town_zh"] = POISON
    fig = patrol_figures(bundle, base, reach, PatrolFilters(date(2020, 1, 1), date(2020, 12, 31), towns=("511402003",)))
    plain = patrol_map(fig, towns, bundle["villages"], bundle["posts"], bundle["patrol_sessions"], reach, INTERNAL,
                       TileConfig())
    payload = _payload(plain)
    assert "onerror" in payload and "<img" not in payload
    # the raw name appears once: as a JSON string handed to textContent (labels), never in HTML or a template literal
    assert payload.count("${window") == 1
    labels_line = next(line for line in payload.splitlines() if "${window" in line)
    assert labels_line.strip().startswith("[[") and labels_line.strip().endswith(".forEach(function(item) {")
    amap = TileConfig("https://webrd01.is.autonavi.com/appmaptile?x={x}&y={y}&z={z}", "Amap", "gcj02")
    shifted = _payload(patrol_map(fig, towns, bundle["villages"], bundle["posts"], bundle["patrol_sessions"], reach,
                                  INTERNAL, amap))
    post = bundle["posts"].iloc[0]
    gcj = np.round(wgs84_to_gcj02(np.array([[post["lon"], post["lat"]]])), 5)[0]
    assert f"[{gcj[0]}, {gcj[1]}]" in shifted and f"[{post['lon']}, {post['lat']}]" not in shifted
    assert f"[{post['lon']}, {post['lat']}]" in payload  # on no tiles the data stays WGS84


@pytest.mark.parametrize("name", ["{{ 7 * 7 }}镇", "{% if %}镇", "{# 镇"])
def test_a_name_holding_template_syntax_draws_as_written(demo, name):
    bundle, base, reach = demo
    towns = bundle["towns"].copy()
    towns.loc[towns["town_code"] == "511402003", "town_zh"] = name
    fig = patrol_figures(bundle, base, reach, PatrolFilters(date(2020, 1, 1), date(2020, 12, 31), towns=("511402003",)))
    payload = _payload(patrol_map(fig, towns, bundle["villages"], bundle["posts"], bundle["patrol_sessions"], reach,
                                  INTERNAL, TileConfig()))
    label = json.dumps(name)  # the town's label, a JSON string
    assert label in payload and json.dumps(inert(name))[1:-1] in payload  # and its tooltip
    assert json.dumps("49镇") not in payload and json.dumps(">49镇")[1:-1] not in payload
