"""Axes every chart shares: dates that read the reader's way, and counts that tick in whole numbers.

Dates in Chinese. Plotly names months in English ("Jan 2020") unless its zh-CN locale is registered in the browser,
and even then it writes "一月 2020". The axis formats below spell the dates out with d3's number directives
(2020年1月, 3月5日), so they read the same in the browser, offline, and in the PNGs and briefings drawn on the server,
without any locale file. Each zoom level gets its own format (Plotly's tickformatstops).
"""
from __future__ import annotations

from lib.i18n import Lang

DAY_MS = 86_400_000
WEEK_MS = 7 * DAY_MS
SMALL_COUNT = 10  # up to this largest count, ticks go one by one: never 0.5 of a case

_ZH_DATE_STOPS = [
    {"dtickrange": [None, DAY_MS], "value": "%-m月%-d日 %H:%M"},
    {"dtickrange": [DAY_MS, "M1"], "value": "%-m月%-d日"},
    {"dtickrange": ["M1", "M12"], "value": "%Y年%-m月"},
    {"dtickrange": ["M12", None], "value": "%Y年"},
]


def date_axis(lang: Lang) -> dict:
    """A date axis's tick and hover formats for `lang`: '2020年1月' in Chinese; Plotly's own in English."""
    if lang != "zh":
        return {"hoverformat": "%Y-%m-%d"}
    return {"tickformatstops": _ZH_DATE_STOPS, "hoverformat": "%Y年%-m月%-d日"}


def date_label(lang: Lang) -> str:
    """A hover template's date: %{x|…} with this format."""
    return "%Y年%-m月%-d日" if lang == "zh" else "%Y-%m-%d"


def month_label(lang: Lang) -> str:
    return "%Y年%-m月" if lang == "zh" else "%Y-%m"


def count_axis(largest: float) -> dict:
    """A count axis from zero with whole-number ticks, one by one when the counts are small."""
    axis: dict = {"rangemode": "tozero", "tickformat": ",d"}
    if largest <= SMALL_COUNT:
        axis["dtick"] = 1 if largest <= SMALL_COUNT / 2 else 2
    return axis
