"""Access control at the server, from outside: no URL answers with data to a client without a valid sign-in, the
sign-in survives a reload, signing out ends it everywhere, the throttle holds, and every action leaves its audit line.

A browser signs in and uses the app while every request it makes is recorded; then each of those URLs is asked for
again by a client that never signed in, by the browser after it signed out, and with the cookie it had before."""
from __future__ import annotations

import base64
import json
import os
import urllib.error
import urllib.request
from http.client import HTTPConnection
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlparse

import pytest
from playwright.sync_api import expect

from lib.i18n import t
from lib.page_registry import PAGES
from tests.e2e.conftest import ADMIN_PASSWORD, sign_in, wait_idle

pytestmark = pytest.mark.e2e

OPEN_PATHS = ("/-/signin", "/-/sso", "/_stcore/health")  # what the gate answers without a sign-in (no data)
SESSION_COOKIE = "pingan_session"


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


_OPENER = urllib.request.build_opener(_NoRedirect)


def fetch(url: str, *, cookie: str | None = None, data: bytes | None = None, method: str | None = None,
          headers: dict | None = None) -> tuple[int, dict, bytes]:
    """(status, headers, body) of one request, redirects not followed."""
    request = urllib.request.Request(url, data=data, method=method, headers=dict(headers or {}))
    if cookie:
        request.add_header("Cookie", cookie)
    try:
        with _OPENER.open(request, timeout=30) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as err:
        return err.code, dict(err.headers), err.read()


def websocket_status(base: str, cookie: str | None = None) -> int:
    """The HTTP status of a websocket handshake on Streamlit's stream (101 means it was accepted)."""
    parts = urlparse(base)
    connection = HTTPConnection(parts.hostname, parts.port, timeout=30)
    headers = {"Upgrade": "websocket", "Connection": "Upgrade", "Sec-WebSocket-Version": "13",
               "Sec-WebSocket-Key": base64.b64encode(os.urandom(16)).decode(), "Origin": base}
    if cookie:
        headers["Cookie"] = cookie
    connection.request("GET", "/_stcore/stream", headers=headers)
    status = connection.getresponse().status
    connection.close()
    return status


def post_password(base: str, password: str, forwarded_for: str | None = None) -> int:
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    if forwarded_for:
        headers["X-Forwarded-For"] = forwarded_for
    status, _, _ = fetch(base + "/-/signin", data=urlencode({"password": password, "next": "/"}).encode(),
                         headers=headers)
    return status


def refuses(status: int, headers: dict, body: bytes) -> bool:
    """Nothing but a refusal or the way to the sign-in page."""
    to_signin = status in (302, 303, 307) and urlparse(headers.get("location", "")).path == "/-/signin"
    return to_signin or (status in (401, 403) and len(body) < 200)


def audit_lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()] if path.is_file() else []


@pytest.fixture(scope="module")
def gated(start_app, tmp_path_factory) -> tuple[str, Path]:
    """A server behind ADMIN_PASSWORD with an audit trail of its own; (base URL, audit file)."""
    audit = tmp_path_factory.mktemp("gated") / "audit.jsonl"
    return start_app({"PINGAN_PASSWORD": ADMIN_PASSWORD, "PINGAN_AUDIT_LOG": str(audit)}), audit


def _name(spec) -> str:
    return spec.url_path or "root"


@pytest.mark.parametrize("spec", PAGES, ids=_name)
def test_every_page_address_leads_to_the_sign_in_page_and_nothing_else(spec, gated, browser):
    base, _ = gated
    status, headers, _ = fetch(f"{base}{spec.url}?lang=en&town=511402003")
    assert status == 303 and headers["location"].startswith("/-/signin?next=%2F"), (status, headers)
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{base}{spec.url}?lang=en")
    expect(page.locator("form#signin input[type='password']")).to_be_visible()
    expect(page.locator("h2")).to_have_text(t("auth.heading", "en"))
    assert page.locator("[data-testid='stApp']").count() == 0  # no part of the app loads before a sign-in
    context.close()


def test_a_wrong_password_is_refused_a_shared_link_opens_after_signing_in_and_a_reload_keeps_the_sign_in(
        gated, fresh_tab):
    base, _ = gated
    link = "/crime?lang=en&grain=month&town=511402003"
    page = fresh_tab(base + link)
    sign_in(page, "not the password", accepted=False)
    expect(page.locator("p.error")).to_have_text(t("auth.wrong", "en"))
    assert page.locator("[data-testid='stApp']").count() == 0

    sign_in(page, ADMIN_PASSWORD)
    main = page.locator("[data-testid='stMain']")
    expect(main.locator("h1")).to_contain_text(t("page.crime", "en"))
    assert urlparse(page.url).path == "/crime"
    query = parse_qs(urlparse(page.url).query)
    assert query["grain"] == ["month"] and query["town"] == ["511402003"], page.url
    expect(page.locator("[data-testid='stDownloadButton']").first).to_be_visible()  # drawn once the run gets there
    expect(page.locator("[data-testid='stSidebarNav']")).to_contain_text(t("page.data", "en"))

    page.reload()  # the sign-in is a cookie: a reload keeps it
    wait_idle(page)
    expect(main.locator("h1")).to_contain_text(t("page.crime", "en"))

    page.locator("[data-testid='stSidebar']").get_by_role("button", name=t("auth.sign_out", "en")).click()
    page.wait_for_url("**/-/signin**")
    expect(page.locator("form#signin")).to_be_visible()
    page.goto(base + link)
    expect(page.locator("form#signin")).to_be_visible()  # signed out: the link asks again


def _use_the_app(page, base: str) -> None:
    """Sign in, then open every page and download files: a table's CSV, a chart's PNG, a data template."""
    sign_in(page, ADMIN_PASSWORD)
    for path in ("/", "/satisfaction", "/mediation", "/patrol", "/crime"):
        page.goto(base + path)
        wait_idle(page)
    with page.expect_download() as csv:
        page.locator("[data-testid='stDownloadButton']").filter(has_text=t("download.csv", "zh")).first \
            .get_by_role("button").click()
    assert Path(csv.value.path()).stat().st_size > 0
    with page.expect_download(timeout=120_000) as png:
        page.locator(".st-key-crime_hours_chart-png button").click()
    assert Path(png.value.path()).read_bytes()[:4] == b"\x89PNG"
    page.goto(base + "/data")
    wait_idle(page)
    with page.expect_download() as template:
        page.locator(".st-key-da-template-csv button").click()
    assert Path(template.value.path()).stat().st_size > 0


def test_no_url_seen_in_a_signed_in_session_answers_without_a_valid_sign_in(gated, fresh_tab):
    base, audit = gated
    page = fresh_tab(base + "/")
    seen: set[str] = set()
    page.context.on("request", lambda r: seen.add(r.url) if r.url.startswith(base) else None)
    _use_the_app(page, base)
    cookie = next(c for c in page.context.cookies() if c["name"] == SESSION_COOKIE)
    signed_in = f"{SESSION_COOKIE}={cookie['value']}"
    urls = sorted(u for u in seen if urlparse(u).path not in OPEN_PATHS)
    media = [u for u in urls if urlparse(u).path.startswith("/media/")]
    assert len(media) >= 3, f"expected the three downloads among {urls}"
    assert any("/_stcore/" in u for u in urls) and any("/static/" in u for u in urls)

    # the same URLs with the signed-in cookie answer (so a refusal below is the gate's doing)
    for url in media:
        status, _, body = fetch(url, cookie=signed_in)
        assert status == 200 and body, url
    assert fetch(base + "/_stcore/metrics", cookie=signed_in)[0] == 200  # the administrator's role
    assert websocket_status(base, signed_in) == 101

    never = {url: fetch(url) for url in urls}
    assert [u for u, answer in never.items() if not refuses(*answer)] == [], "served to a client that never signed in"
    for path in ("/_stcore/metrics", "/_stcore/host-config", "/_stcore/upload_file/x/y", "/_stcore/agent/openapi.json",
                 "/media/" + urlparse(media[0]).path.rsplit("/", 1)[-1], "/component/streamlit_folium.st_folium/index.html"):
        assert refuses(*fetch(base + path)), path
    assert refuses(*fetch(base + "/_stcore/upload_file/x/y", method="PUT", data=b"x"))
    assert websocket_status(base) != 101

    page.locator("[data-testid='stSidebar']").get_by_role("button", name=t("auth.sign_out", "zh")).click()
    page.wait_for_url("**/-/signin**")
    after = {url: page.context.request.get(url, max_redirects=0) for url in urls}
    assert [u for u, r in after.items() if not refuses(r.status, r.headers, r.body())] == [], \
        "served to the browser after it signed out"
    replayed = {url: fetch(url, cookie=signed_in) for url in urls}
    assert [u for u, answer in replayed.items() if not refuses(*answer)] == [], \
        "served to a copy of the cookie taken before the sign-out"
    assert websocket_status(base, signed_in) != 101

    lines = audit_lines(audit)
    actions = [(line["action"], line["outcome"]) for line in lines]
    assert ("sign-in", "ok") in actions and ("sign-out", "ok") in actions
    views = [line["detail"] for line in lines if line["action"] == "page-view"]
    assert {urlparse(v).path for v in views} >= {"/", "/satisfaction", "/mediation", "/patrol", "/crime", "/data"}
    downloads = [line["detail"] for line in lines if line["action"] == "download"]
    assert any(d.endswith(".csv") for d in downloads) and any(d.endswith(".png") for d in downloads), downloads
    assert all(line["user"] == "password" and line["role"] == "administrator" for line in lines
               if line["action"] in ("page-view", "download", "sign-out"))
    assert ADMIN_PASSWORD not in audit.read_text(encoding="utf-8") and cookie["value"] not in audit.read_text()


def test_the_metrics_endpoint_is_closed_without_access_control_too(app_server):
    status, _, body = fetch(app_server + "/_stcore/metrics")
    assert status == 404 and b"session" not in body


def test_data_management_is_offered_only_behind_access_control(open_page, gated):
    open_server = open_page("/data?lang=en")
    page = open_server.page
    shot = open_server.screenshot("data-without-password")
    main = page.locator("[data-testid='stMain']")
    expect(main).to_contain_text(t("access.not_offered", "en")[:40])
    assert page.locator("[data-testid='stFileUploader'], [data-testid='stDownloadButton']").count() == 0, shot
    expect(page.locator("[data-testid='stSidebarNav']")).not_to_contain_text(t("page.data", "en"))

    behind = open_page("/data?lang=en", base_url=gated[0], password=ADMIN_PASSWORD)
    shot = behind.screenshot("data-behind-password")
    expect(behind.page.locator("[data-testid='stFileUploader']"), f"no uploader; see {shot}").to_have_count(1)


def test_a_new_forwarded_for_on_each_try_does_not_escape_the_lock(start_app, tmp_path):
    """No trusted proxy: X-Forwarded-For is the client's own word and is not believed."""
    base = start_app({"PINGAN_PASSWORD": ADMIN_PASSWORD, "PINGAN_AUDIT_LOG": str(tmp_path / "audit.jsonl")})
    for n in range(5):
        assert post_password(base, "guess", forwarded_for=f"198.51.100.{n}") == 401
    assert post_password(base, ADMIN_PASSWORD, forwarded_for="198.51.100.99") == 429
    outcomes = [line["outcome"] for line in audit_lines(tmp_path / "audit.jsonl") if line["action"] == "sign-in"]
    assert outcomes == ["refused"] * 5 + ["locked"]


def test_behind_a_trusted_proxy_one_guesser_locks_only_themselves(start_app, tmp_path):
    base = start_app({"PINGAN_PASSWORD": ADMIN_PASSWORD, "PINGAN_TRUSTED_PROXIES": "127.0.0.1",
                      "PINGAN_AUDIT_LOG": str(tmp_path / "audit.jsonl")})
    for _ in range(5):
        assert post_password(base, "guess", forwarded_for="203.0.113.7") == 401
    assert post_password(base, ADMIN_PASSWORD, forwarded_for="203.0.113.7") == 429
    assert post_password(base, ADMIN_PASSWORD, forwarded_for="10.9.9.9, 203.0.113.7") == 429  # prepending: no way out
    assert post_password(base, ADMIN_PASSWORD, forwarded_for="203.0.113.8") == 303  # a colleague signs in
    addresses = {line["address"] for line in audit_lines(tmp_path / "audit.jsonl")}
    assert addresses == {"203.0.113.7", "203.0.113.8"}
