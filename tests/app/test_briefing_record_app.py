"""Every page records what it shows for its briefing: each table (with its downloads), chart and section heading,
and its written summary."""
import pytest

from apptest import assert_every_table_is_recorded, briefing_items, open_app

PAGES = {
    None: {"table:ov-channels", "table:ov-context"},
    "views/crime.py": {"table:crime-compstat", "table:crime-trend", "table:crime-towns", "table:crime-types",
                       "table:crime-hours"},
    "views/mediation.py": {"table:med-types", "table:med-towns", "table:med-channels", "table:med-overdue-counts",
                           "table:med-overdue"},
    "views/patrol.py": {"table:pt-uncovered", "table:pt-assistants"},
    "views/satisfaction.py": {"table:sat-ranking", "table:sat-indicators", "table:sat-towns"},
}


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p or "overview")
def test_every_table_chart_and_heading_is_recorded(page):
    app = open_app(page)
    assert set(assert_every_table_is_recorded(app)) == PAGES[page]
    headings = [item.text for item in briefing_items(app, "heading").values()]
    assert [h.value for h in app.subheader] == [h for h in headings if h in {s.value for s in app.subheader}]
    assert len(briefing_items(app, "chart")) == len([c for c in app.get("plotly_chart")])


SUMMARY_STARTS = {None: "2020年,东坡区在全省183个县(市、区)",  # the 2021 overview's rank is the 2020 survey's
                  "views/crime.py": "2020-01-01至2021-03-11,全区共发生案件",
                  "views/mediation.py": "2020-01-01至2020-12-31,全区排查矛盾纠纷",
                  "views/patrol.py": "2020-01-01至2020-12-31(全天),全区各类巡防力量共巡逻",
                  "views/satisfaction.py": "2020年,东坡区总体满意度得分"}


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p or "overview")
def test_every_page_records_its_written_summary(page):
    app = open_app(page)
    summary = app.session_state["_briefing_content"].summary
    assert summary and summary[0].startswith(SUMMARY_STARTS[page]), summary
