"""Every page in a real browser on the database store; a city deployment on the database switched by its link."""
from __future__ import annotations

from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

from lib.i18n import t
from lib.page_registry import PAGES
from lib.settings import DATABASE_URL_SETTING, DISTRICTS_SETTING
from tests.e2e.conftest import ADMIN_PASSWORD

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def database_server(start_app, database_url) -> str:
    return start_app({DATABASE_URL_SETTING: database_url, "PINGAN_PASSWORD": ADMIN_PASSWORD})


def _assert_clean(opened) -> None:
    errors = opened.page.locator("[data-testid='stException'], [data-testid='stAlertContentError']").all_inner_texts()
    assert not errors, f"error shown on the page (log in {opened.shots}):\n" + "\n---\n".join(errors)
    assert opened.outside_requests == [] and opened.page_errors == []


@pytest.mark.parametrize("spec", PAGES, ids=lambda spec: spec.url_path or "root")
def test_every_page_renders_on_the_database(spec, database_server, open_page):
    opened = open_page(spec.url, base_url=database_server, password=ADMIN_PASSWORD)
    shot = opened.screenshot(f"database-{spec.url_path or 'root'}")
    assert urlparse(opened.page.url).path == spec.url, shot
    _assert_clean(opened)
    main = opened.page.locator("[data-testid='stMain']")
    expect(main.get_by_text(t(spec.title_key, "zh")).filter(visible=True).first).to_be_visible()
    sidebar = opened.page.locator("[data-testid='stSidebar']")
    expect(sidebar.get_by_text("东坡区 · 数据截至 2021-03-11")).to_be_visible()
    expect(opened.page).to_have_title("东坡区平安建设数据看板")


def test_the_overview_on_the_database_shows_the_published_figures(database_server, open_page):
    opened = open_page("/?lang=en&year=2020", base_url=database_server, password=ADMIN_PASSWORD)
    main = opened.page.locator("[data-testid='stMain']")
    expect(main.get_by_text("No. 76", exact=True)).to_be_visible()  # the province rank of the 2020 survey
    expect(main.get_by_text("2,780", exact=True)).to_be_visible()  # disputes screened in 2020


def test_a_city_deployment_on_the_database_follows_the_county_in_the_link(start_app, city_database_url, open_page):
    base = start_app({DATABASE_URL_SETTING: city_database_url, DISTRICTS_SETTING: "511402,511403"})
    opened = open_page("/crime?county=511403", base_url=base)
    opened.screenshot("database-city-pengshan-crime")
    _assert_clean(opened)
    sidebar = opened.page.locator("[data-testid='stSidebar']")
    expect(sidebar.get_by_text("彭山区 · 数据截至 2021-03-11")).to_be_visible()
    expect(opened.page).to_have_title("彭山区平安建设数据看板")
    assert "county=511403" in opened.page.url
