"""The password gate and the deployment's pages in AppTest: settings come from the environment, never the URL."""
from __future__ import annotations

import pytest

from lib.i18n import t
from lib.ui.auth import SIGNED_IN
from tests.app.apptest import open_app

PASSWORD = "东坡 密码"


@pytest.fixture
def password(monkeypatch) -> str:
    monkeypatch.setenv("PINGAN_PASSWORD", PASSWORD)
    return PASSWORD


def _gated(app) -> bool:
    return (any(box.label == t("auth.password", "zh") for box in app.text_input)
            and not app.metric and not app.get("plotly_chart") and not app.get("download_button")
            and not app.dataframe)


def test_without_a_password_pages_open_and_data_management_is_not_offered(monkeypatch):
    monkeypatch.delenv("PINGAN_PASSWORD", raising=False)
    app = open_app()
    assert app.metric and not app.text_input
    assert not any(b.label == t("auth.sign_out", "zh") for b in app.sidebar.button)
    with pytest.raises(ValueError, match="views/data_admin.py"):  # the data page's script is not registered at all
        app.switch_page("views/data_admin.py")


def test_with_the_password_given_data_management_is_offered(password):
    app = open_app()
    app.session_state[SIGNED_IN] = True
    app.run()
    app.switch_page("views/data_admin.py")
    app.run()
    assert not app.exception
    assert app.title[0].value == t("page.data", "zh")
    assert app.get("file_uploader")


@pytest.mark.parametrize("page", [None, "views/crime.py", "views/patrol.py"])
def test_a_password_gates_the_page(password, page):
    app = open_app(page, year="2019", town="511402003")
    assert _gated(app)
    assert app.query_params["town"] in ("511402003", ["511402003"])  # the link's view waits behind the form


def test_a_wrong_password_is_refused_and_the_right_one_opens_the_page(password):
    app = open_app(None, year="2019")
    app.text_input(key="auth-password").input("wrong")
    app.get("form_submit_button")[0].click()
    app.run()
    assert _gated(app)
    assert any(e.value == t("auth.wrong", "zh") for e in app.error)
    app.text_input(key="auth-password").input(password)
    app.get("form_submit_button")[0].click()
    app.run()
    assert not app.exception
    assert app.session_state[SIGNED_IN]
    assert app.title[0].value == t("ov.heading", "zh", year=2019)
    assert app.metric


def test_a_url_cannot_sign_in(password):
    app = open_app(None, **{SIGNED_IN: "1", "signed_in": "true", "password": password, "auth": "1"})
    assert _gated(app)
