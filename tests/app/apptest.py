"""Open the app in AppTest the way a shared link does: a page, its URL parameters, and no exception."""
from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parents[2] / "app.py")


def open_app(page: str | None = None, *, timeout: float = 180, **params: str) -> AppTest:
    """The app at `page` (a views/ script; None for the overview) with `params` in the URL, run once."""
    app = AppTest.from_file(APP, default_timeout=timeout)
    for key, value in params.items():
        app.query_params[key] = value
    if page:
        app.switch_page(page)
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
