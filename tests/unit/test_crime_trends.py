"""The crime page's figures from the cube, on hand-made incidents whose answers were worked out by hand."""
from datetime import date

import numpy as np
import pandas as pd
import pytest

from lib.data.codes import CRIME_TYPES
from lib.data.incidents import FrameIncidents
from lib.metrics.crime_cube import Selection, build_cube
from lib.metrics.crime_trends import (by_town, by_type, chosen_types, events_in, hour_weekday,
                                      summary, trend)
from tests.unit.crime_frames import TOWN_A, TOWN_B, cube_of, incidents_frame, towns_frame

# Mondays: 2021-01-04, 2021-01-11; 52 weeks earlier: 2020-01-06, 2020-01-13.
WEEKLY = [
    ("2019-12-01 10:00", TOWN_B, "other"),  # the data reach back before January 2020
    ("2020-01-06 08:00", TOWN_A, "burglary"),
    ("2020-01-13 08:00", TOWN_A, "burglary"), ("2020-01-13 09:00", TOWN_B, "burglary"), ("2020-01-14 09:00", TOWN_B, "burglary"),
    ("2021-01-04 08:00", TOWN_A, "burglary"), ("2021-01-04 23:00", TOWN_A, "burglary"),
    ("2021-01-10 23:30", TOWN_B, "burglary"),  # a Sunday
    ("2021-01-11 08:00", TOWN_B, "burglary"),
]


def burglary_trend(sel: Selection, grain: str, rows=WEEKLY) -> list[tuple[str, int, float]]:
    table = trend(cube_of(rows), sel, grain)
    table = table[table["crime_type"] == "burglary"]
    return [(b.strftime("%Y-%m-%d"), c, p) for b, c, p in zip(table["bucket"], table["count"], table["prior"])]


def test_the_cube_holds_every_incident_once():
    cube = cube_of(WEEKLY)
    assert cube.first_day == date(2019, 12, 1) and cube.last_day == date(2021, 1, 11)
    assert cube.counts.sum() == len(WEEKLY) == cube.hourly.sum()
    assert cube.counts[(date(2021, 1, 4) - cube.first_day).days, 0, [c.code for c in CRIME_TYPES].index("burglary")] == 2


def test_weekly_trend_starts_weeks_on_monday_with_the_prior_year_52_weeks_back():
    # the data end on Monday 2021-01-11, so the second week is that Monday, against Monday 2020-01-13 (2 burglaries)
    sel = Selection(date(2021, 1, 4), date(2021, 1, 11))
    assert burglary_trend(sel, "week") == [("2021-01-04", 3, 1.0), ("2021-01-11", 1, 2.0)]


def test_a_partial_first_week_is_compared_with_the_same_days():
    # 9-11 January 2021 (Sat-Mon) against 11-13 January 2020 (Sat-Mon): only the Monday 2020-01-13 had burglaries.
    sel = Selection(date(2021, 1, 9), date(2021, 1, 11))
    assert burglary_trend(sel, "week") == [("2021-01-04", 1, 0.0), ("2021-01-11", 1, 2.0)]
    assert burglary_trend(sel, "day") == [("2021-01-09", 0, 0.0), ("2021-01-10", 1, 0.0), ("2021-01-11", 1, 2.0)]


def test_monthly_trend_compares_the_same_month_a_year_earlier():
    # 1-11 January 2021 against 1-11 January 2020 (only 2020-01-06 falls in it)
    sel = Selection(date(2021, 1, 1), date(2021, 1, 11))
    assert burglary_trend(sel, "month") == [("2021-01-01", 4, 1.0)]


def test_prior_buckets_the_data_do_not_cover_are_missing_not_zero():
    rows = [r for r in WEEKLY if r[0] >= "2020-01-06"]  # the data now start on 2020-01-06
    assert np.isnan(burglary_trend(Selection(date(2021, 1, 1), date(2021, 1, 11)), "month", rows)[0][2])
    by_week = burglary_trend(Selection(date(2021, 1, 4), date(2021, 1, 10)), "week", rows)
    assert by_week == [("2021-01-04", 3, 1.0)]  # 2020-01-06.. is covered


def test_by_town_rates_per_10000_and_ranks():
    sel = Selection(date(2021, 1, 1), date(2021, 1, 11))
    table = by_town(cube_of(WEEKLY), sel)  # A: 2 of 10,000 residents; B: 2 of 20,000
    assert list(table["town_code"]) == [TOWN_A, TOWN_B]
    assert list(table["count"]) == [2, 2] and list(table["rate"]) == [2.0, 1.0] and list(table["rank"]) == [1, 2]
    single = by_town(cube_of(WEEKLY), Selection(sel.start, sel.end, towns=(TOWN_B,)))
    assert single[["town_code", "count", "population", "rate", "rank"]].values.tolist() == [[TOWN_B, 2, 20_000, 1.0, 1]]


def test_hour_by_weekday():
    table = hour_weekday(cube_of(WEEKLY), Selection(date(2021, 1, 1), date(2021, 1, 11)))
    assert table.shape == (7, 24) and int(table.to_numpy().sum()) == 4
    assert table.loc[0, 8] == 2 and table.loc[0, 23] == 1 and table.loc[6, 23] == 1  # Mondays 08h x2, 23h; Sunday 23h


ROWS_WITH_RESULTS = [
    ("2020-03-01 10:00", TOWN_A, "burglary", "solved", 1000, 200),
    ("2020-03-02 10:00", TOWN_A, "burglary", "judged", 500, 0),
    ("2020-03-03 10:00", TOWN_B, "burglary", "reported", 0, 0),
    ("2020-03-03 11:00", TOWN_B, "assault", "reported", 0, 0),
]


def test_solved_rate_losses_and_recoveries_by_type():
    table = by_type(cube_of(ROWS_WITH_RESULTS), Selection(date(2020, 3, 1), date(2020, 3, 3), types=("burglary", "assault", "homicide")))
    rows = table.set_index("crime_type")
    assert (rows.loc["burglary", "count"], rows.loc["burglary", "solved"]) == (3, 2)
    assert rows.loc["burglary", "solved_rate"] == pytest.approx(200 / 3)
    assert (rows.loc["burglary", "loss_yuan"], rows.loc["burglary", "recovered_yuan"], rows.loc["burglary", "recovery_rate"]) == (1500, 200, pytest.approx(200 / 15))
    assert rows.loc["assault", "solved_rate"] == 0 and pd.isna(rows.loc["assault", "recovery_rate"])
    assert pd.isna(rows.loc["homicide", "solved_rate"])  # no incidents: no rate, not 0% and not an error


def test_summary_over_a_year_boundary_against_the_same_dates_a_year_earlier():
    rows = [("2019-12-31 10:00", TOWN_A, "burglary", "solved", 100, 50),
            ("2020-01-01 10:00", TOWN_A, "burglary", "reported", 300, 0),
            ("2020-12-31 10:00", TOWN_A, "burglary", "solved", 0, 0),
            ("2021-01-01 10:00", TOWN_B, "assault", "solved", 0, 0),
            ("2021-01-02 10:00", TOWN_B, "burglary", "reported", 400, 100)]
    head = summary(cube_of(rows), Selection(date(2020, 12, 31), date(2021, 1, 2)))
    assert (head.prior_start, head.prior_end) == (date(2019, 12, 31), date(2020, 1, 2))
    assert (head.incidents.current, head.incidents.previous) == (3, 2)
    assert head.incidents.pct == pytest.approx(50.0)
    assert head.rate.current == pytest.approx(3 / 30_000 * 10_000)
    assert (head.solved_rate.current, head.solved_rate.previous) == (pytest.approx(200 / 3), 50.0)
    assert (head.loss_yuan.current, head.loss_yuan.previous, head.recovered_yuan.current) == (400, 400, 100)
    single = summary(cube_of(rows), Selection(date(2020, 12, 31), date(2021, 1, 2), towns=(TOWN_B,)))
    assert (single.incidents.current, single.incidents.previous, single.incidents.pct) == (2, 0, None)  # "new"
    assert single.rate.current == pytest.approx(1.0)


def test_summary_of_a_leap_day_compares_with_28_february():
    rows = [("2019-02-28 10:00", TOWN_A, "burglary"), ("2019-03-01 10:00", TOWN_A, "burglary"),
            ("2020-02-29 10:00", TOWN_A, "burglary"), ("2020-02-29 11:00", TOWN_A, "burglary")]
    head = summary(cube_of(rows), Selection(date(2020, 2, 29), date(2020, 2, 29)))
    assert (head.prior_start, head.prior_end) == (date(2019, 2, 28), date(2019, 2, 28))
    assert (head.incidents.current, head.incidents.previous) == (2, 1)


def test_no_prior_figure_when_the_data_start_later():
    head = summary(cube_of([("2020-06-01 10:00", TOWN_A, "burglary")]), Selection(date(2020, 6, 1), date(2020, 6, 1)))
    assert head.incidents.previous is None and head.incidents.pct is None


def test_chosen_types_intersect_groups_and_types():
    assert chosen_types([], []) == tuple(c.code for c in CRIME_TYPES)
    assert chosen_types(["violent"], []) == ("assault", "homicide")
    assert chosen_types(["violent", "property"], ["homicide", "burglary"]) == ("burglary", "homicide")
    assert chosen_types(["violent"], ["burglary"]) == ()


def test_records_newest_first_capped():
    incidents = FrameIncidents(incidents_frame(WEEKLY))
    records, matched = incidents.records(date(2021, 1, 4), date(2021, 1, 10), (TOWN_A, TOWN_B), ("burglary",), cap=2)
    assert matched == 3
    assert list(records["reported_at"].dt.strftime("%m-%d %H:%M")) == ["01-10 23:30", "01-04 23:00"]
    only_b, matched_b = incidents.records(date(2021, 1, 4), date(2021, 1, 11), (TOWN_B,), (), cap=10)
    assert matched_b == 2 and set(only_b["town_code"]) == {TOWN_B}


def test_events_in_the_period_and_related_to_the_chosen_types():
    events = pd.DataFrame({"date": pd.to_datetime(["2020-04-20", "2020-05-15", "2020-06-01", "2021-01-01"]),
                           "name_zh": list("abcd"), "crime_type": ["burglary", "telecom_fraud", None, "burglary"]})
    sel = Selection(date(2020, 1, 1), date(2020, 12, 31), types=("burglary",))
    assert list(events_in(events, sel)["name_zh"]) == ["a", "c"]
    assert list(events_in(events, Selection(sel.start, sel.end))["name_zh"]) == ["a", "b", "c"]


def test_build_cube_ignores_codes_not_in_the_boundaries():
    frame = incidents_frame(WEEKLY)
    towns = towns_frame().iloc[:1]  # town B unknown
    cube = build_cube(frame, towns)
    assert cube.towns == (TOWN_A,) and cube.counts.sum() == sum(r[1] == TOWN_A for r in WEEKLY)
