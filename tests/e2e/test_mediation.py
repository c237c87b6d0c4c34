"""The dispute-mediation page in a real browser: it draws, a link restores the view, a click on a chart filters,
the overdue list downloads."""
from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e

PLOTS = "[data-testid='stMain'] .js-plotly-plot"


def _main(opened):
    return opened.page.locator("[data-testid='stMain']")


def _assert_clean(opened) -> None:
    assert not opened.page.locator("[data-testid='stException']").all_inner_texts(), "exception shown"
    assert opened.outside_requests == [], "requests left localhost"
    assert opened.page_errors == [], "uncaught errors in the page"


def _metric(opened, label: str) -> str:
    card = opened.page.locator("[data-testid='stMetric']").filter(has_text=label).first
    return card.locator("[data-testid='stMetricValue']").inner_text()


def _query(opened) -> dict[str, list[str]]:
    return parse_qs(urlparse(opened.page.url).query)


def test_default_view_draws_every_chart_in_chinese(open_page, cjk_glyphs_render):
    opened = open_page("/mediation", viewport=(1440, 5200))
    shot = opened.screenshot("mediation-default")
    _assert_clean(opened)
    expect(_main(opened).get_by_text("矛盾纠纷化解 · 2020年"), f"see {shot}").to_be_visible()
    assert _metric(opened, "排查矛盾纠纷") == "2,780件"
    expect(opened.page.locator(PLOTS)).to_have_count(5)
    bars = opened.page.locator(f"{PLOTS} .trace.bars .point path")
    expect(bars.first).to_be_visible()
    assert bars.count() >= 9 + 16 + 5 + 5  # types, towns, channels, years
    expect(opened.page.locator(PLOTS).get_by_text("受理65件")).to_be_visible()  # the small channel's base
    assert cjk_glyphs_render(opened.page, chars=("矛", "盾"))


def test_a_link_restores_the_view_in_english(open_page):
    opened = open_page("/mediation?lang=en&period=2021-01-01~2021-03-11&town=511402100&mediation_channel=police_mediation")
    _assert_clean(opened)
    expect(_main(opened).get_by_text("Dispute mediation · 2021-01-01 to 2021-03-11")).to_be_visible()
    sidebar = opened.page.locator("[data-testid='stSidebar']")
    expect(sidebar.get_by_text("Taihe Town")).to_be_visible()
    expect(sidebar.get_by_text("Police–mediation linkage")).to_be_visible()
    query = _query(opened)
    assert query["town"] == ["511402100"] and query["mediation_channel"] == ["police_mediation"]


def test_clicking_a_channel_bar_filters_the_page_by_that_channel(open_page, wait_idle):
    opened = open_page("/mediation", viewport=(1440, 5200))
    channel_chart = opened.page.locator(PLOTS).filter(has_text="受理65件")
    bar = channel_chart.locator(".trace.bars .point path").nth(2)  # the third channel: individual rooms
    bar.click(force=True)  # plotly takes clicks through its drag layer, which covers the bars
    wait_idle(opened.page)
    expect(opened.page.locator("[data-testid='stSidebar']").get_by_text("个人调解室")).to_be_visible()
    assert _query(opened)["mediation_channel"] == ["individual_room"]
    assert _metric(opened, "排查矛盾纠纷") == "65件"
    _assert_clean(opened)


def test_the_overdue_list_downloads_as_csv_with_chinese_headers(open_page):
    opened = open_page("/mediation", viewport=(1440, 5200))
    with opened.page.expect_download() as info:
        _main(opened).locator(".st-key-med-overdue-csv").get_by_role("button", name="下载 CSV").click()
    download = info.value
    assert download.suggested_filename == "矛盾纠纷化解_2020-01-01_2020-12-31_逐件清单(666条).csv"
    lines = open(download.path(), encoding="utf-8-sig").read().splitlines()
    context = [line for line in lines if line.startswith("#,")]  # the view's context, then the table
    assert "#,统计期,2020-01-01 ~ 2020-12-31" in context and "#,数据截至,2021-03-11" in context
    assert any(line.startswith("#,本页链接,") and line.endswith("/mediation") for line in context), context
    header, first = lines[len(context):len(context) + 2]
    assert header.split(",")[:5] == ["季度", "清单截至", "镇(街道)代码", "镇(街道)", "纠纷编号"]
    assert first.startswith("2020年第1季度,2020-03-31,")
    _assert_clean(opened)
