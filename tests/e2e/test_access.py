"""The optional password, in a real browser: it gates every page and every download, and data management
exists only behind it."""
from __future__ import annotations

import urllib.error
import urllib.request
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import expect

from lib.i18n import t
from lib.page_registry import PAGES
from tests.e2e.conftest import ADMIN_PASSWORD, sign_in

pytestmark = pytest.mark.e2e

# Anything that would show data: figures, charts, tables, maps, downloads, uploads, the menu of pages.
_DATA_ELEMENTS = ", ".join(f"[data-testid='{name}']" for name in (
    "stMetric", "stPlotlyChart", "stDataFrame", "stTable", "stDownloadButton", "stFileUploader", "stIFrame",
    "stCustomComponentV1", "stSidebarNav", "stCode"))


def _name(spec) -> str:
    return spec.url_path or "root"


def _assert_gated(opened, what: str) -> None:
    page = opened.page
    shot = opened.screenshot(what)
    expect(page.locator("[data-testid='stForm'] input[type='password']"), f"no sign-in form; see {shot}").to_be_visible()
    assert page.locator(_DATA_ELEMENTS).count() == 0, f"data shown before the password was given; see {shot}"
    assert page.locator("[data-testid='stException']").count() == 0
    assert opened.outside_requests == [] and opened.page_errors == []


@pytest.mark.parametrize("spec", PAGES, ids=_name)
def test_the_password_gates_every_page(spec, admin_server, open_page):
    opened = open_page(spec.url + "?lang=zh", base_url=admin_server)
    _assert_gated(opened, f"gated-{_name(spec)}")
    expect(opened.page.locator("[data-testid='stMain']")).to_contain_text(t("auth.heading", "zh"))


def test_a_wrong_password_is_refused_and_a_shared_link_shows_its_view_after_signing_in(admin_server, open_page):
    link = "/crime?lang=en&grain=month&town=511402003"
    opened = open_page(link, base_url=admin_server)
    page = opened.page
    sign_in(page, "not the password", accepted=False)
    expect(page.get_by_text(t("auth.wrong", "en"))).to_be_visible()
    _assert_gated(opened, "gated-wrong-password")

    sign_in(page, ADMIN_PASSWORD)
    shot = opened.screenshot("signed-in-crime")
    main = page.locator("[data-testid='stMain']")
    expect(main.locator("h1")).to_contain_text(t("page.crime", "en"))
    assert urlparse(page.url).path == "/crime"
    query = parse_qs(urlparse(page.url).query)
    assert query["grain"] == ["month"] and query["town"] == ["511402003"], page.url
    assert page.locator("[data-testid='stDownloadButton']").count() > 0, f"no downloads after signing in; see {shot}"
    expect(page.locator("[data-testid='stSidebarNav']")).to_contain_text(t("page.data", "en"))

    page.locator("[data-testid='stSidebar']").get_by_role("button", name=t("auth.sign_out", "en")).click()
    opened.wait_idle()
    _assert_gated(opened, "signed-out")


def test_a_download_needs_a_signed_in_session(admin_server, open_page, browser):
    """The download's address, taken from a signed-in tab, gives nothing to a client that has not signed in."""
    opened = open_page("/mediation", base_url=admin_server, password=ADMIN_PASSWORD)
    page = opened.page
    with page.expect_download() as info:
        page.locator("[data-testid='stDownloadButton']").first.get_by_role("button").click()
    download = info.value
    assert download.path() and open(download.path(), "rb").read(), "the signed-in download is empty"
    url = download.url
    assert url.startswith(admin_server), url
    page.locator("[data-testid='stSidebar']").get_by_role("button", name=t("auth.sign_out", "zh")).click()
    opened.wait_idle()
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            status = response.status
    except urllib.error.HTTPError as err:
        status = err.code
    assert status >= 400, f"{url} still served ({status}) after signing out"


def test_data_management_is_offered_only_behind_the_password(open_page, admin_server):
    open_server = open_page("/data?lang=en")
    page = open_server.page
    shot = open_server.screenshot("data-without-password")
    main = page.locator("[data-testid='stMain']")
    expect(main).to_contain_text(t("access.not_offered", "en")[:40])
    assert page.locator("[data-testid='stFileUploader'], [data-testid='stDownloadButton']").count() == 0, shot
    expect(page.locator("[data-testid='stSidebarNav']")).not_to_contain_text(t("page.data", "en"))
    assert page.locator("[data-testid='stForm']").count() == 0, "no password is set: nobody is asked for one"

    behind = open_page("/data?lang=en", base_url=admin_server, password=ADMIN_PASSWORD)
    shot = behind.screenshot("data-behind-password")
    expect(behind.page.locator("[data-testid='stFileUploader']"), f"no uploader; see {shot}").to_have_count(1)
