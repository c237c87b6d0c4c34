"""Sign-in, roles and the audit trail as a page run sees them (AppTest): the server's gate is tested in tests/e2e;
here a run checks the same cookie again, offers each role what it may do, and writes its audit lines."""
from __future__ import annotations

import pytest

from lib.audit import AuditLog
from lib.i18n import t
from lib.settings import read_settings
from lib.ui import auth
from tests.app.apptest import open_app, sign_in_as

PASSWORD = "东坡 密码"



@pytest.fixture(autouse=True)
def _own_audit_trail(monkeypatch, tmp_path):
    monkeypatch.setenv("PINGAN_AUDIT_LOG", str(tmp_path / "audit.jsonl"))

def _locked(app) -> bool:
    return (any("/-/signin" in w.value for w in app.warning)
            and not app.metric and not app.get("plotly_chart") and not app.get("download_button")
            and not app.dataframe)


def _trail() -> list[dict]:
    return AuditLog(read_settings().audit_path).read().to_dict("records")


def test_without_access_control_pages_open_and_data_management_is_not_offered(monkeypatch):
    monkeypatch.delenv("PINGAN_PASSWORD", raising=False)
    app = open_app()
    assert app.metric and not app.warning
    assert not any(b.label == t("auth.sign_out", "zh") for b in app.sidebar.button)
    with pytest.raises(ValueError, match="views/data_admin.py"):  # the data page's script is not registered at all
        app.switch_page("views/data_admin.py")


@pytest.mark.parametrize("page", [None, "views/crime.py", "views/patrol.py"])
def test_a_run_without_a_sign_in_cookie_shows_nothing(monkeypatch, page):
    monkeypatch.setenv("PINGAN_PASSWORD", PASSWORD)
    monkeypatch.setattr(auth, "request_cookies", dict)
    app = open_app(page, year="2019", town="511402003")
    assert _locked(app)
    assert any("next=%2F" in w.value and "511402003" in w.value for w in app.warning)  # back to the same view


@pytest.mark.parametrize("cookie", ["", "forged.value.sig", "eyJzaWQiOiJ4In0.AAAA.BBBB"])
def test_a_forged_cookie_opens_nothing(monkeypatch, cookie):
    sign_in_as(monkeypatch, "administrator", cookie=cookie)
    assert _locked(open_app())


def test_a_revoked_cookie_opens_nothing_in_a_tab_that_is_still_open(monkeypatch):
    cookie = sign_in_as(monkeypatch, "viewer")
    assert open_app().metric
    auth.identifier_for(read_settings()).revocations.revoke(cookie)  # signed out in another tab
    assert _locked(open_app())


def test_a_url_cannot_sign_in(monkeypatch):
    monkeypatch.setenv("PINGAN_PASSWORD", PASSWORD)
    monkeypatch.setattr(auth, "request_cookies", dict)
    app = open_app(None, **{"pingan_session": "1", "signed_in": "true", "password": PASSWORD, "role": "administrator"})
    assert _locked(app)


def test_a_viewer_reads_pages_but_is_not_offered_data_management(monkeypatch):
    sign_in_as(monkeypatch, "viewer")
    app = open_app("views/crime.py")
    assert app.get("download_button")
    assert any(c.value == t("auth.signed_in_as", "zh", user=t("auth.password_user", "zh"), role=t("role.viewer", "zh"))
               for c in app.sidebar.caption)
    with pytest.raises(ValueError, match="views/data_admin.py"):  # the data page's script is not registered for them
        app.switch_page("views/data_admin.py")



def test_an_analyst_uploads_but_neither_rolls_back_nor_reads_the_audit_trail(monkeypatch, store):
    sign_in_as(monkeypatch, "analyst")
    app = open_app()
    app.switch_page("views/data_admin.py")
    app.run()
    app.selectbox(key="dataset").set_value("posts").run()
    app.radio(key="da-mode").set_value("append").run()
    body = "点位编号,点位类别,名称,英文名称,镇(街道)代码,经度,纬度\nP900,city_gov_post,新岗亭,New post,511402001,103.85,30.07\n"
    app.file_uploader[0].upload("posts.csv", body.encode(), "text/csv").run()
    app.button(key="da-confirm").click().run()
    assert not app.exception
    assert "P900" in store.read("posts")["post_id"].tolist()
    assert store.audit()[["action", "role", "outcome"]].values.tolist()[-1] == ["upload", "analyst", "ok"]
    assert app.button(key="da-rollback").disabled
    assert t("da.section_audit", "zh") not in [h.value for h in app.subheader]


def test_an_administrator_reads_the_audit_trail(monkeypatch):
    """(The administrator's rollback: tests/app/test_data_admin_app.py.)"""
    sign_in_as(monkeypatch, "administrator")
    app = open_app()
    app.switch_page("views/data_admin.py")
    app.run()
    assert t("da.section_audit", "zh") in [h.value for h in app.subheader]
    trail = app.dataframe[-1].value
    assert list(trail.columns) == [t(f"audit.{c}", "zh") for c in ("time", "user", "role", "action", "detail",
                                                                       "outcome", "address")]
    assert {b.key for b in app.get("download_button")} >= {"da-audit-csv", "da-audit-xlsx"}


def test_each_page_view_writes_one_line_with_its_filters(monkeypatch):
    sign_in_as(monkeypatch, "viewer")
    app = open_app("views/crime.py", grain="month", town="511402003")
    app.run()  # a rerun of the same view writes nothing more
    views = [r for r in _trail() if r["action"] == "page-view"]
    assert len(views) == 1
    assert views[0]["user"] == "password" and views[0]["role"] == "viewer" and views[0]["outcome"] == "ok"
    assert views[0]["detail"].startswith("/crime?") and "grain=month" in views[0]["detail"]
    assert "town=511402003" in views[0]["detail"]
