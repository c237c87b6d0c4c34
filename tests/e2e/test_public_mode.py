"""Public mode in a real browser, on a server started with PINGAN_PUBLIC=1: small counts read "<3" on screen and in
downloads, no URL parameter turns it off, the patrol map draws areas only, and data management is not reachable."""
from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import pandas as pd
import pytest
from playwright.sync_api import expect

from lib.i18n import t

pytestmark = pytest.mark.e2e
SMALL = "/crime?crime_type=homicide&town=511402111&period=2020-01-01~2020-12-31"  # 2 homicides in 2020
SHAPES_JS = "() => Object.values(window.map._layers).filter(l => l instanceof L.Path).length"


@pytest.fixture(scope="module")
def public_base(start_app) -> str:
    return start_app({"PINGAN_PUBLIC": "1"})


def incidents_card(opened):
    return opened.page.locator("[data-testid='stMetric']").filter(has_text="案件数").first


def assert_public(opened) -> None:
    main = opened.page.locator("[data-testid='stMain']")
    expect(main.get_by_text(t("pub.caption", "zh"))).to_be_visible()
    assert opened.outside_requests == [], opened.outside_requests
    assert not opened.page.locator("[data-testid='stException']").count()


def test_small_counts_read_below_three_on_screen_and_in_the_download(public_base, open_page):
    opened = open_page(SMALL, base_url=public_base)
    opened.screenshot("public-crime-small")
    assert_public(opened)
    expect(incidents_card(opened).locator("[data-testid='stMetricValue']")).to_have_text("<3起")
    expect(opened.page.get_by_text(t("pub.records_off", "zh"))).to_be_visible()
    assert not opened.page.get_by_text(t("cr.records_prepare", "zh")).count()
    button = opened.page.locator("[data-testid='stDownloadButton']").get_by_role("button", name=t("download.csv", "zh")).first
    with opened.page.expect_download() as info:
        button.click()
    text = open(info.value.path(), encoding="utf-8-sig").read()
    assert "<3" in text


@pytest.mark.parametrize("tamper", ["public=0", "public=off", "mode=internal", "present=0", "public=false&present=1"])
def test_no_url_parameter_turns_public_mode_off(public_base, open_page, tamper):
    opened = open_page(f"{SMALL}&{tamper}", base_url=public_base)
    assert_public(opened)
    expect(incidents_card(opened).locator("[data-testid='stMetricValue']")).to_have_text("<3起")


def test_the_patrol_map_draws_areas_only(public_base, open_page):
    opened = open_page("/patrol", base_url=public_base)
    opened.page.wait_for_selector("iframe[title*='streamlit_folium']", timeout=60_000)
    frame = next(f for f in opened.page.frames if "streamlit_folium" in f.url)
    frame.wait_for_function("() => window.map && window.L && Object.keys(window.map._layers).length > 20", timeout=60_000)
    opened.screenshot("public-patrol")
    assert_public(opened)
    assert frame.locator(".leaflet-heatmap-layer").count() == 0
    # town outlines 16, town choropleth 16, hot-spot cells 20: no posts (24 more internally), nothing centred on a
    # post (the reach areas), no routes
    assert frame.evaluate(SHAPES_JS) == 16 + 16 + 20
    assert not frame.evaluate("() => Object.values(window.map._layers).some(l => l instanceof L.Polyline"
                              " && !(l instanceof L.Polygon))")
    assert "heatLayer" not in frame.content()
    expect(opened.page.get_by_text(t("pub.map_note", "zh"))).to_be_visible()


def test_data_management_is_not_reachable(public_base, open_page):
    opened = open_page("/data", base_url=public_base)
    opened.screenshot("public-data")
    assert not opened.page.locator("[data-testid='stFileUploader']").count()
    sidebar = opened.page.locator("[data-testid='stSidebarNav']")
    expect(sidebar.get_by_text(t("page.overview", "zh"), exact=True)).to_be_visible()
    assert not sidebar.get_by_text(t("page.data", "zh"), exact=True).count()


SMALL_TOWN_PATROL = "/patrol?town=511402101&period=2020-01-01~2020-06-30"  # 17 of its top 20 cells hold 1 or 2 incidents


def test_hot_spots_need_three_incidents_and_the_uncovered_list_names_no_finer_place(public_base, open_page):
    opened = open_page(SMALL_TOWN_PATROL + "&cell_m=250", base_url=public_base)
    page = opened.page
    assert parse_qs(urlparse(page.url).query).get("cell_m") in (None, ["500"]), page.url  # the public grid: >= 500 m
    page.wait_for_selector("iframe[title*='streamlit_folium']", timeout=60_000)
    frame = next(f for f in page.frames if "streamlit_folium" in f.url)
    frame.wait_for_function("() => window.map && window.L && Object.keys(window.map._layers).length > 5", timeout=60_000)
    opened.screenshot("public-patrol-small-town")
    layers = frame.locator(".leaflet-control-layers").text_content()  # (the control is collapsed)
    assert t("pt.layer_hotspots", "zh", n=3) in layers, layers  # not the internal copy's 20
    assert t("pt.layer_reach", "zh", minutes=10, mode="步巡") not in layers
    with page.expect_download() as info:
        page.locator(".st-key-pt-uncovered-csv button").click()
    table = pd.read_csv(info.value.path(), encoding="utf-8-sig", comment="#", dtype=str)  # `#` lines: the context
    assert t("pt.col_village", "zh") not in table.columns and t("pt.col_lon", "zh") not in table.columns
    assert t("pt.col_lat", "zh") not in table.columns and t("pt.col_town", "zh") in table.columns
    assert len(table) and (table[t("pt.col_incidents", "zh")].astype(int) >= 3).all(), table
