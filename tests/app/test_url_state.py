"""URL-bound filters: codes (not labels) in the URL, both ways; bad values fall back with a notice."""
from pathlib import Path

from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).with_name("url_state_app.py"))


def run(**params) -> AppTest:
    app = AppTest.from_file(APP, default_timeout=30)
    for key, value in params.items():
        app.query_params[key] = value
    app.run()
    assert not app.exception
    return app


def test_defaults_leave_the_url_clean():
    app = run()
    assert app.markdown[0].value == "towns=[] mode=vehicle period=2020-01-01~2020-12-31"
    assert dict(app.query_params) == {}


def test_codes_from_the_url_select_the_labels():
    app = run(town="511402002,511402100", mode="foot", period="2019-03-01~2019-06-30")
    assert app.markdown[0].value == "towns=['511402002', '511402100'] mode=foot period=2019-03-01~2019-06-30"
    assert app.multiselect[0].value == ["511402002", "511402100"]


def test_a_widget_change_writes_codes_to_the_url():
    app = run()
    app.multiselect[0].set_value(["511402001"]).run()
    app.selectbox[0].set_value("foot").run()
    assert app.query_params["town"] == "511402001"
    assert app.query_params["mode"] == "foot"


def test_bad_values_fall_back_to_defaults_with_a_notice():
    app = run(town="511402001,999", mode="<b>x</b>", period="2020-13-01~2020-12-31")
    assert app.markdown[0].value == "towns=['511402001'] mode=vehicle period=2020-01-01~2020-12-31"
    assert len(app.toast) == 3


def test_a_period_past_the_data_after_a_data_change_is_brought_back_with_a_notice():
    app = run(period="2021-01-01~2021-03-11")
    app.session_state["test_last_day"] = __import__("datetime").date(2021, 3, 5)  # a rollback moved the as-of date back
    app.run()
    assert not app.exception
    assert app.markdown[0].value.endswith("period=2021-01-01~2021-03-05")
    assert any("超出新数据的范围" in toast.value for toast in app.toast)
