"""Exports through AppTest: the PNG buttons and the briefing control, and what shows when rendering is impossible."""
from __future__ import annotations

import pytest
from apptest import APP, chart_downloads, open_app, sign_in_as
from streamlit.testing.v1 import AppTest

from lib.briefing import system


@pytest.fixture
def no_chromium(monkeypatch):
    monkeypatch.setenv("CHROMIUM", "/nonexistent/chromium")
    system.missing_for_rendering.cache_clear()
    yield
    system.missing_for_rendering.cache_clear()


def test_every_chart_has_a_png_button_and_the_page_a_briefing_button():
    app = open_app("views/crime.py")
    assert len(chart_downloads(app)) == 5
    assert [b.key for b in app.button if b.key == "briefing_build"] == ["briefing_build"]


def test_data_management_has_no_briefing(monkeypatch):
    sign_in_as(monkeypatch, "administrator")  # data management is offered only behind a sign-in
    app = AppTest.from_file(APP, default_timeout=180)
    app.run()
    app.switch_page("views/data_admin.py")
    app.run()
    assert not app.exception
    assert app.selectbox(key="dataset")  # the data management page it is
    assert not [b for b in app.button if b.key == "briefing_build"]


def test_without_chromium_the_buttons_say_what_to_install(no_chromium):
    app = open_app("views/crime.py")
    assert not chart_downloads(app)
    assert not [b for b in app.button if b.key == "briefing_build"]
    notes = [c.value for c in app.caption if "chromium" in c.value]
    assert notes and all("apt-get install chromium fonts-noto-cjk" in n for n in notes)
    assert len(notes) == 5 + 1  # under each chart, and in the sidebar instead of the briefing button
