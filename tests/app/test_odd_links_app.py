"""Odd values in every URL parameter of every page: never an exception or a failed page, always the page with a
notice; and a path the app does not know shows the page it was sent to with a "page not found" notice."""
import pytest

from apptest import open_app, sign_in_as
from lib.page_registry import PAGES

SHELL = ("lang", "present", "theme", "playlist", "every", "county", "not_found")
PARAMS = {
    "views/overview.py": SHELL + ("year",),
    "views/satisfaction.py": SHELL + ("year", "indicator", "city", "peers", "target_rank"),
    "views/mediation.py": SHELL + ("period", "town", "dispute_type", "mediation_channel"),
    "views/crime.py": SHELL + ("period", "town", "crime_group", "crime_type", "grain", "layout"),
    "views/patrol.py": SHELL + ("period", "shift", "mode", "team", "town", "measure", "cell_m", "dosage_min", "reach_min"),
    "views/data_admin.py": SHELL + ("dataset",),
}
# a one-county deployment ignores `county`; a playlist's notice names its entries; `not_found` has its own notice
QUIET = ("county", "playlist", "not_found")
ODD = {"inf": "inf", "minus_inf": "-inf", "nan": "nan", "huge": "1e309", "huger": "1e400", "negative": "-5",
       "large": "99999", "true": "true", "empty": "",
       "long": "9" * 5000, "unicode": "东坡\u202e区\U0001F600", "script": "<script>alert(1)</script>"}


@pytest.fixture(autouse=True)
def _signed_in_with_its_own_audit_trail(monkeypatch, tmp_path):
    monkeypatch.setenv("PINGAN_AUDIT_LOG", str(tmp_path / "audit.jsonl"))
    sign_in_as(monkeypatch)  # an administrator: every page is offered


def test_every_page_and_parameter_is_listed():
    assert set(PARAMS) == {spec.script for spec in PAGES}


@pytest.mark.parametrize("odd", list(ODD), ids=list(ODD))
@pytest.mark.parametrize("script", list(PARAMS))
def test_odd_values_in_every_parameter_show_the_page_with_a_notice(script, odd):
    value = ODD[odd]
    app = open_app(script, timeout=240, **{param: value for param in PARAMS[script]})  # fails on any exception
    assert app.title, "the page drew nothing"
    toasts = " ".join(t.value for t in app.toast)
    if value:  # (an empty list means "all": a valid value, without a notice)
        unnoticed = [p for p in PARAMS[script] if p not in QUIET and f"{p}=" not in toasts.replace("\\_", "_")]
        assert not unnoticed, f"no notice for {unnoticed} = {value[:20]!r}: {toasts[:300]}"
    assert any("页面不存在" in w.value or "Page not found" in w.value for w in app.warning)
    if value:
        assert app.query_params.get("lang") is None and app.query_params.get("present") is None  # dropped


def test_an_unknown_path_shows_its_page_with_a_notice_that_names_it():
    app = open_app("views/crime.py", not_found="/crime/<b>extra</b>", lang="en")
    assert app.title[0].value == "Crime trends"
    assert [w.value for w in app.warning if "Page not found" in w.value] == [
        "Page not found: /crime/\\<b\\>extra\\</b\\> in the link is not a page of this dashboard; “Crime trends” is "
        "shown instead."]
    assert "not_found" not in app.query_params  # the link of the view is the page's own
    app.run()
    assert any("Page not found" in w.value for w in app.warning)  # still there after a rerun on the same page
