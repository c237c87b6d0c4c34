"""Open the app in AppTest the way a shared link does: a page, its URL parameters, and no exception."""
from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from lib.page_registry import PAGES
from lib.roles import Identity, Role
from lib.server.identity import identifier_for
from lib.sessions import SESSION_COOKIE
from lib.settings import read_settings
from lib.ui import auth

APP = str(Path(__file__).resolve().parents[2] / "app.py")
TEST_PASSWORD = "test-password"
PAGES_BY_SCRIPT = {spec.script: spec for spec in PAGES}


def sign_in_as(monkeypatch, role: str = "administrator", *, cookie: str | None = None) -> str:
    """Behind the access password, the tab signed in with the role `role`: the browser's cookie (AppTest has no
    browser) is the one the server's sign-in would have set. Returns the cookie value."""
    monkeypatch.setenv("PINGAN_PASSWORD", TEST_PASSWORD)
    monkeypatch.setenv("PINGAN_PASSWORD_ROLE", role)
    monkeypatch.setenv("PINGAN_SESSION_SECRET", "apptest-secret")
    if cookie is None:
        cookie = identifier_for(read_settings()).passwords.issue(Identity("password", Role.named(role), "password"))
    monkeypatch.setattr(auth, "request_cookies", lambda: {SESSION_COOKIE: cookie})
    return cookie


def open_app(page: str | None = None, *, timeout: float = 180, **params: str) -> AppTest:
    """The app at `page` (a views/ script; None for the overview) with `params` in the URL, run once. A page whose
    script is not named as its URL (data_admin.py answers at /data) is found by AppTest only after a first run has
    registered the navigation: that run opens the overview with the same parameters (a language chosen there stays)."""
    app = AppTest.from_file(APP, default_timeout=timeout)
    for key, value in params.items():
        app.query_params[key] = value
    if page and PAGES_BY_SCRIPT[page].url_path not in ("", Path(page).stem):
        app.run()
    if page:
        app.switch_page(page)
        for key, value in params.items():  # switching pages clears the link's parameters
            app.query_params[key] = value
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def metric_values(app: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in app.metric}


def table_downloads(app: AppTest) -> list:
    """The CSV and Excel buttons of the page's tables (not the charts' PNG buttons)."""
    return [b for b in app.get("download_button") if not b.key.endswith("-png")]


def chart_downloads(app: AppTest) -> list:
    return [b for b in app.get("download_button") if b.key.endswith("-png")]


def briefing_items(app: AppTest, kind: str) -> dict:
    """What the page recorded for its briefing, of one kind ("table", "chart", "map", "kpi", "heading")."""
    return {key: item for key, item in app.session_state["_briefing_content"].items.items()
            if key.startswith(kind + ":")}


def assert_every_table_is_recorded(app: AppTest) -> dict:
    """Every table drawn is in the briefing, in the order drawn, as the reader sees it, and every recorded table
    can be downloaded as CSV and XLSX. Returns the recorded tables."""
    recorded = briefing_items(app, "table")
    drawn = [d.value for d in app.dataframe]
    frames = [item.frame for item in recorded.values()]
    position = 0
    for frame in drawn:  # each drawn table is recorded, in order (tables offered as files only may sit between)
        while position < len(frames) and not (list(frames[position].columns) == list(frame.columns)
                                              and len(frames[position]) == len(frame)):
            position += 1
        assert position < len(frames), f"a table shown is not in the briefing: {list(frame.columns)}"
        position += 1
    buttons = {b.key for b in table_downloads(app)}
    assert {f"{key.removeprefix('table:')}-{kind}" for key in recorded for kind in ("csv", "xlsx")} <= buttons
    return recorded
