"""CompStat windows, % change and the exact significance mark, on hand-made cases checked by hand."""
from datetime import date

import pandas as pd
import pytest

from lib.metrics.compstat import comparison_windows, compstat
from lib.metrics.exact_test import poisson_change_p
from lib.metrics.periods import year_earlier
from tests.unit.crime_frames import TOWN_A, TOWN_B, cube_of


def windows(as_of: date) -> dict[str, tuple[date, date, date, date]]:
    return {w.key: (w.start, w.end, w.prior_start, w.prior_end) for w in comparison_windows(as_of)}


def test_windows_across_a_year_boundary():
    # 2021-01-03 is a Sunday: this week began on Monday 2020-12-28, in the year before.
    assert windows(date(2021, 1, 3)) == {
        "week": (date(2020, 12, 28), date(2021, 1, 3), date(2019, 12, 30), date(2020, 1, 5)),  # 52 weeks back, Mon-Sun
        "d28": (date(2020, 12, 7), date(2021, 1, 3), date(2019, 12, 7), date(2020, 1, 3)),
        "ytd": (date(2021, 1, 1), date(2021, 1, 3), date(2020, 1, 1), date(2020, 1, 3)),
    }


def test_windows_ending_on_a_leap_day_compare_with_28_february():
    # 2020-02-29 is a Saturday; a year earlier there is no 29 February.
    assert windows(date(2020, 2, 29)) == {
        "week": (date(2020, 2, 24), date(2020, 2, 29), date(2019, 2, 25), date(2019, 3, 2)),  # Monday..Saturday both
        "d28": (date(2020, 2, 2), date(2020, 2, 29), date(2019, 2, 1), date(2019, 2, 28)),
        "ytd": (date(2020, 1, 1), date(2020, 2, 29), date(2019, 1, 1), date(2019, 2, 28)),
    }
    assert year_earlier(date(2020, 2, 29)) == date(2019, 2, 28)
    assert year_earlier(date(2021, 3, 1)) == date(2020, 3, 1)


def test_weeks_start_on_monday():
    for as_of in (date(2021, 3, 8), date(2021, 3, 11), date(2021, 3, 14)):  # Monday, Thursday, Sunday
        week = comparison_windows(as_of)[0]
        assert week.start == date(2021, 3, 8) and week.start.weekday() == 0 and week.prior_start.weekday() == 0


# as of Sunday 2021-01-03. In the windows: burglary x3 on 2021-01-02 (town A), x1 on 2020-12-20 (28 days only),
# telecom fraud x2 on 2021-01-03 (town B, none a year earlier). A year earlier: burglary x2 on 2020-01-02 (town A).
# 2019-12-01 "other" (town B) only makes the data reach back before every prior window.
ROWS = [
    ("2019-12-01 10:00", TOWN_B, "other"),
    ("2020-01-02 09:00", TOWN_A, "burglary"), ("2020-01-02 21:00", TOWN_A, "burglary"),
    ("2020-12-20 12:00", TOWN_A, "burglary"),
    ("2021-01-02 01:00", TOWN_A, "burglary"), ("2021-01-02 02:00", TOWN_A, "burglary"), ("2021-01-02 03:00", TOWN_A, "burglary"),
    ("2021-01-03 08:00", TOWN_B, "telecom_fraud"), ("2021-01-03 09:00", TOWN_B, "telecom_fraud"),
]
AS_OF = date(2021, 1, 3)


def row(table: pd.DataFrame, code: str) -> pd.Series:
    return table.set_index("code").loc[code]


def test_compstat_counts_changes_and_marks():
    table = compstat(cube_of(ROWS), AS_OF)
    burglary = row(table, "burglary")
    assert (burglary["week_current"], burglary["week_prior"], burglary["week_delta"]) == (3, 2, 1)
    assert burglary["week_pct"] == pytest.approx(50.0)
    assert (burglary["d28_current"], burglary["d28_prior"], burglary["d28_pct"]) == (4, 2, pytest.approx(100.0))
    assert (burglary["ytd_current"], burglary["ytd_prior"]) == (3, 2)
    assert not burglary["week_significant"] and burglary["week_p"] == pytest.approx(poisson_change_p(3, 2, 7, 7))
    fraud = row(table, "telecom_fraud")
    assert (fraud["week_current"], fraud["week_prior"]) == (2, 0)
    assert pd.isna(fraud["week_pct"])  # a zero prior: "new", never a division error or infinity
    assert fraud["week_p"] == pytest.approx(0.1973, abs=1e-4) and not fraud["week_significant"]  # 2 against 0: chance
    property_group = row(table, "property")
    assert (property_group["level"], property_group["week_current"], property_group["week_prior"]) == ("group", 5, 2)
    assert property_group["week_pct"] == pytest.approx(150.0)
    total = row(table, "total")
    assert (total["week_current"], total["week_prior"], total["d28_current"], total["d28_prior"]) == (5, 2, 6, 2)
    assault = row(table, "assault")
    assert (assault["week_current"], assault["week_prior"], assault["week_significant"]) == (0, 0, False)
    assert pd.isna(assault["week_pct"])


def test_a_window_of_many_cases_is_marked_by_the_exact_test():
    rows = [("2019-12-01 10:00", TOWN_B, "other")] + [("2020-01-02 09:00", TOWN_A, "burglary")] * 4 \
        + [("2021-01-02 01:00", TOWN_A, "burglary")] * 16 + [("2021-01-03 08:00", TOWN_B, "other")]
    burglary = row(compstat(cube_of(rows), AS_OF), "burglary")
    assert (burglary["week_current"], burglary["week_prior"]) == (16, 4)
    assert burglary["week_p"] < 0.05 and burglary["week_significant"]


def test_a_ytd_window_over_a_leap_day_compares_daily_rates():
    window = comparison_windows(date(2020, 3, 1))[2]
    assert (window.days, window.prior_days) == (61, 60)  # 1 Jan to 1 Mar 2020 holds 29 February


def test_compstat_rows_are_the_total_then_each_group_with_its_types():
    table = compstat(cube_of(ROWS), AS_OF)
    assert list(table["code"][:3]) == ["total", "property", "telecom_fraud"]
    assert table["level"].value_counts().to_dict() == {"type": 13, "group": 5, "total": 1}


def test_compstat_for_a_single_town_and_chosen_types():
    only_a = compstat(cube_of(ROWS), AS_OF, towns=(TOWN_A,))
    assert row(only_a, "total")["week_current"] == 3 and row(only_a, "telecom_fraud")["week_current"] == 0
    burglary_only = compstat(cube_of(ROWS), AS_OF, types=("burglary",))
    assert list(burglary_only["code"]) == ["total", "property", "burglary"]
    assert row(burglary_only, "total")["d28_current"] == 4


def test_no_prior_figures_when_the_data_start_after_the_prior_windows():
    table = compstat(cube_of([r for r in ROWS if r[0] >= "2020-06"]), AS_OF)
    burglary = row(table, "burglary")
    assert burglary["week_current"] == 3
    assert pd.isna(burglary["week_prior"]) and pd.isna(burglary["week_pct"]) and not burglary["week_significant"]
