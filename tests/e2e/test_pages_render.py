"""Every page of the registry opens in a real browser and shows what a person expects to see."""
from __future__ import annotations

from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

from lib.i18n import t
from lib.page_registry import PAGES
from tests.e2e.conftest import ADMIN_PASSWORD

pytestmark = pytest.mark.e2e


def _name(spec) -> str:
    return spec.url_path or "root"


def _assert_clean(opened) -> None:
    errors = opened.page.locator("[data-testid='stException']").all_inner_texts()
    assert not errors, (f"exception shown on the page (traceback in the streamlit log in {opened.shots}):\n"
                        + "\n---\n".join(errors))
    assert opened.outside_requests == [], "requests left localhost"
    assert opened.page_errors == [], "uncaught errors in the page"


@pytest.mark.parametrize("spec", PAGES, ids=_name)
def test_page_renders(spec, open_page, cjk_glyphs_render):
    opened = open_page(spec.url)
    shot = opened.screenshot(f"page-{_name(spec)}")
    assert urlparse(opened.page.url).path == spec.url, f"'Page not found': the app ran its main page; see {shot}"
    _assert_clean(opened)
    title = t(spec.title_key, "zh")
    main = opened.page.locator("[data-testid='stMain']")
    expect(main.get_by_text(title).filter(visible=True).first,
           f"zh title {title!r} not visible in the page body; see {shot}").to_be_visible()
    assert cjk_glyphs_render(opened.page), f"Chinese text draws as boxes or nothing; see {shot}"


def test_english_title(open_page):
    spec = next(s for s in PAGES if s.url == "/")
    opened = open_page("/?lang=en")
    shot = opened.screenshot("page-root-en")
    _assert_clean(opened)
    title = t(spec.title_key, "en")
    main = opened.page.locator("[data-testid='stMain']")
    expect(main.get_by_text(title).filter(visible=True).first,
           f"en title {title!r} not visible in the page body; see {shot}").to_be_visible()


@pytest.mark.parametrize("spec", [p for p in PAGES if p.url_path], ids=_name)
def test_a_shared_link_is_the_first_request_of_a_fresh_server(spec, start_app, open_page):
    """A presenter's link opened right after a restart still gets the app shell (language switch, wide page).

    Data management is offered only behind the password, so its link is opened on a server that has one."""
    behind_password = spec.manages_data
    base = start_app({"PINGAN_PASSWORD": ADMIN_PASSWORD} if behind_password else {})
    opened = open_page(spec.url, base_url=base, password=ADMIN_PASSWORD if behind_password else None)
    shot = opened.screenshot(f"fresh-{_name(spec)}")
    _assert_clean(opened)
    sidebar = opened.page.locator("[data-testid='stSidebar']")
    expect(sidebar.get_by_text("语言 / Language"), f"no language switch: the page ran without app.py; see {shot}").to_be_visible()
    for other in PAGES:
        if not other.manages_data or behind_password:
            expect(sidebar.get_by_text(t(other.title_key, "zh"), exact=True).first).to_be_visible()
