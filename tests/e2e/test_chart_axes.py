"""In a real browser, offline: the crime trend's dates read in Chinese (2020年1月), in English on ?lang=en, its
count axis ticks in whole numbers, and the overview's headline cards draw their trend lines."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e


def _ticks(opened, axis: str) -> list[str]:
    chart = opened.page.locator(".st-key-crime_trend_chart")
    chart.scroll_into_view_if_needed()
    ticks = chart.locator(f"g.{axis}tick text")
    expect(ticks.first).to_be_visible(timeout=30_000)
    return ticks.all_text_contents()  # SVG text has no innerText


def test_trend_dates_read_in_chinese_and_counts_in_whole_numbers(open_page):
    opened = open_page("/crime?grain=month&crime_type=homicide")
    dates = _ticks(opened, "x")
    assert dates and all(re.fullmatch(r"\d{4}年\d{1,2}月", d) for d in dates), dates
    counts = _ticks(opened, "y")
    assert counts and all(re.fullmatch(r"\d+", c) for c in counts), counts  # never 0.5 of a murder
    assert opened.outside_requests == []


def test_trend_dates_stay_english_in_the_english_ui(open_page):
    dates = _ticks(open_page("/crime?grain=month&lang=en"), "x")
    assert any(re.search(r"[A-Z][a-z]{2}", d) for d in dates) and not any("年" in d for d in dates), dates


def test_the_headline_band_draws_its_trend_lines(open_page):
    opened = open_page("/")
    # every card of the band has a line as wide as the card under its figure (icons and arrows are small)
    opened.page.wait_for_function("""() => {
        const band = Array.from(document.querySelectorAll("[data-testid='stMetric']")).slice(0, 5);
        return band.length === 5 && band.every(card => Array.from(card.querySelectorAll("svg path"))
            .some(path => path.getBoundingClientRect().width > 100));
    }""", timeout=30_000)
    assert opened.outside_requests == []
