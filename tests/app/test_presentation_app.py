"""Presentation mode's link parameters in AppTest: bad values get a notice and leave the link; good ones stay."""
from __future__ import annotations

import pytest

from lib.i18n import t
from tests.app.apptest import open_app


def _css(app) -> str:
    return "\n".join(str(getattr(el, "proto", "")) for el in app.get("html"))


@pytest.mark.parametrize(("params", "notice", "gone"), [
    ({"theme": "blue"}, "theme=blue", "theme"),
    ({"every": "5", "playlist": "crime"}, "every=5", "every"),
    ({"every": "abc", "playlist": "crime"}, "every=abc", "every"),
    ({"playlist": "data"}, "playlist=data", "playlist"),
    ({"playlist": "x,,y"}, "playlist=x,,y", "playlist"),
])
def test_a_bad_value_gets_a_notice_and_leaves_the_link(params, notice, gone):
    app = open_app(present="1", **params)
    assert any(notice in toast.value for toast in app.toast), [toast.value for toast in app.toast]
    assert gone not in app.query_params
    assert app.title[0].value == t("ov.heading_ytd", "zh", year=2021, until="3月11日")


def test_unplayable_entries_are_dropped_and_the_rest_kept():
    app = open_app("views/crime.py", present="1", playlist="crime,nowhere,data,patrol", every="600")
    toasts = [toast.value for toast in app.toast]
    assert len(toasts) == 1 and "nowhere" in toasts[0] and "data" in toasts[0], toasts
    assert app.query_params["playlist"] == "crime,patrol"
    assert app.query_params["every"] == "600"


def test_good_values_stay_and_show_no_notice():
    app = open_app(present="1", theme="dark", playlist="overview,crime", every="45", lang="en")
    assert not app.toast
    assert app.query_params["theme"] == "dark" and app.query_params["playlist"] == "overview,crime"
    assert any(t("present.next", "en", page=t("page.crime", "en"), every=45) in c.value for c in app.caption)


def test_the_dark_theme_css_needs_presentation_mode():
    assert "0e1117" in _css(open_app(present="1", theme="dark"))
    assert "0e1117" not in _css(open_app(theme="dark"))
    assert "0e1117" not in _css(open_app(present="1"))
