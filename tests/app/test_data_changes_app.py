"""Data that changes under an open session never breaks a page, and a page that fails anyway says so briefly.

One session keeps every page open while an append moves the as-of date forward and a rollback moves it back: each
page reruns after each change without an exception, its filters brought into the new range."""
from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from lib.data.contracts import DATASETS_BY_NAME
from lib.data.upload import Places, read_upload
from lib.data.store import FileStore, load_bundle
from lib.data.writes import append_rows, list_versions, rollback
from tests.app.apptest import APP, sign_in_as

INC = DATASETS_BY_NAME["incidents"]
PAGES = ["views/overview.py", "views/satisfaction.py", "views/mediation.py", "views/crime.py", "views/patrol.py",
         "views/data_admin.py"]
LATER = "AJ2021999001,2021-03-15 10:00,511402107,511402107017,103.78552,30.16127,drugs,reported,,0,0,,0,0,0,call_110,0"


@pytest.fixture(autouse=True)
def _behind_the_password(monkeypatch):
    sign_in_as(monkeypatch, "administrator")  # data management is offered behind a sign-in


def _session() -> AppTest:
    app = AppTest.from_file(APP, default_timeout=240)
    app.run()
    return app


def _every_page(app: AppTest, when: str, **params: str) -> dict[str, str]:
    as_of = {}
    for page in PAGES:
        app.switch_page(page)
        for key, value in params.items():
            app.query_params[key] = value
        app.run()
        assert not app.exception, (when, page, [e.value for e in app.exception])
        caption = next(c.value for c in app.sidebar.caption if "数据截至" in c.value)  # "东坡区 · 数据截至 …"
        as_of[page] = "数据截至" + caption.replace("\\", "").split("数据截至", 1)[1]  # Markdown escapes dropped
    return as_of


def test_an_append_and_a_rollback_never_break_an_open_page(data_copy):
    app = _session()
    assert set(_every_page(app, "before", period="2021-01-01~2021-03-11").values()) == {"数据截至 2021-03-11"}
    bundle = load_bundle(FileStore(data_copy))
    header = (data_copy / "incidents.csv").read_text(encoding="utf-8").splitlines()[0]
    check = read_upload(INC, "later.csv", f"{header}\n{LATER}\n".encode(), Places.from_frames(bundle["towns"], bundle["villages"]))
    assert check.ok, [p.message("en") for p in check.problems]
    assert append_rows(INC, check.frame, data_copy).added == 1
    assert set(_every_page(app, "after the append").values()) == {"数据截至 2021-03-15"}
    app.switch_page("views/crime.py")
    app.query_params["period"] = "2021-03-01~2021-03-15"  # a period that ends on the new as-of date
    app.run()
    assert not app.exception
    rollback(INC, list_versions(INC, data_copy)[0].path, data_copy)
    assert set(_every_page(app, "after the rollback").values()) == {"数据截至 2021-03-11"}
    app.switch_page("views/crime.py")
    app.run()
    assert not app.exception and app.date_input(key="period").value[-1].isoformat() == "2021-03-11"


@pytest.mark.page_failure_expected
def test_an_unexpected_error_shows_a_short_message_and_a_reference(data_copy, monkeypatch, caplog):
    import lib.metrics.overview

    def broken(*args, **kwargs):
        raise RuntimeError("a bug in a figure")

    monkeypatch.setattr(lib.metrics.overview, "available_years", broken)
    app = _session()
    assert not app.exception  # no error box (with its links to search engines), no traceback
    message = app.error[0].value
    assert message.startswith("抱歉,本页出现意外错误") and "a bug" not in message and "Traceback" not in message
    reference = message.split("参考编号 ")[1].split(" ")[0]
    logged = [r for r in caplog.records if r.name == "pingan.pages"]
    assert logged and reference in logged[0].getMessage() and "a bug in a figure" in str(logged[0].exc_info[1])
