"""A click on a bar of the crime page's town chart narrows the town filter, and the URL shows it."""
from __future__ import annotations

import re
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e


def test_a_click_on_a_town_bar_sets_town_in_the_url(open_page, wait_idle):
    opened = open_page("/crime?grain=month")
    page = opened.page
    assert "town=" not in page.url
    chart = page.locator(".st-key-crime_town_chart")
    chart.scroll_into_view_if_needed()
    bars = chart.locator("g.point path")
    expect(bars.first).to_be_visible(timeout=30_000)
    towns_shown = bars.count()
    bars.first.scroll_into_view_if_needed()
    box = bars.first.bounding_box()
    # a person's click lands on plotly's drag layer above the bar, which turns it into a point selection
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_url(re.compile(r"[?&]town="), timeout=30_000)
    wait_idle(page)
    shot = opened.screenshot("crime-after-town-click")
    query = parse_qs(urlparse(page.url).query)
    assert query["town"][0] == "511402003", f"the top-ranked town (highest rate) was clicked; see {shot}"
    assert query["grain"] == ["month"]  # the other filters stay
    expect(page.locator(".st-key-crime_town_chart g.point path")).to_have_count(1, timeout=30_000)
    assert towns_shown == 16
    assert page.locator("[data-testid='stException']").count() == 0
    assert opened.outside_requests == []
