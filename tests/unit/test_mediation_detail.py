"""The mediation page's figures on a hand-made frame whose answers were worked out by hand, and the seed figures."""
from datetime import date

import pandas as pd
import pytest

from lib.metrics import mediation_detail as md
from lib.metrics.periods import is_calendar_year, prior_period, year_earlier

T1, T2 = "511402001", "511402002"
YEAR_2020 = (date(2020, 1, 1), date(2020, 12, 31))


@pytest.fixture
def disputes() -> pd.DataFrame:
    """Six disputes, typed like the loaded data (dates as datetime64, codes as categories).

    A closed the day it was received (0 days); B 10 days; C 74 days, overdue at the end of 2020 Q1 (11 days)
    and settled later; D still open, overdue from 2020-07-21; E (2019) 4 days; F received 2019-12-20,
    open at the end of 2019, overdue from 2020-01-20 and closed 2020-01-25 (36 days)."""
    frame = pd.DataFrame({
        "dispute_id": ["A", "B", "C", "D", "E", "F"],
        "received_on": ["2020-01-10", "2020-02-01", "2020-03-01", "2020-06-20", "2019-03-01", "2019-12-20"],
        "town_code": [T1, T1, T2, T2, T1, T2],
        "dispute_type": ["neighbour", "family", "neighbour", "land", "neighbour", "debt"],
        "channel": ["police_mediation", "police_mediation", "pretrial_delegated", "pretrial_delegated",
                    "police_mediation", "individual_room"],
        "outcome": ["settled", "failed", "settled", "open", "settled", "settled"],
        "closed_on": ["2020-01-10", "2020-02-11", "2020-05-14", None, "2019-03-05", "2020-01-25"],
        "due_on": ["2020-02-09", "2020-03-02", "2020-03-20", "2020-07-20", "2019-03-31", "2020-01-19"],
    })
    for column in ("received_on", "closed_on", "due_on"):
        frame[column] = pd.to_datetime(frame[column])
    for column in ("town_code", "dispute_type", "channel", "outcome"):
        frame[column] = frame[column].astype("category")
    return frame


@pytest.fixture
def towns() -> pd.DataFrame:
    return pd.DataFrame({"town_code": [T1, T2], "population": [20_000, 5_000]})


def test_select_keeps_the_chosen_codes_and_empty_means_all(disputes):
    assert list(md.select(disputes)["dispute_id"]) == ["A", "B", "C", "D", "E", "F"]
    assert list(md.select(disputes, towns=[T1])["dispute_id"]) == ["A", "B", "E"]
    assert list(md.select(disputes, types=["neighbour"], channels=["police_mediation"])["dispute_id"]) == ["A", "E"]
    assert md.select(disputes, towns=[T1], channels=["individual_room"]).empty


def test_prior_period_and_leap_day():
    assert prior_period(*YEAR_2020) == (date(2019, 1, 1), date(2019, 12, 31))
    assert year_earlier(date(2020, 2, 29)) == date(2019, 2, 28)
    assert is_calendar_year(*YEAR_2020)
    assert not is_calendar_year(date(2020, 1, 1), date(2020, 12, 30))


def test_screened_counts_by_day_received_with_both_ends_included(disputes):
    change = md.screened(disputes, *YEAR_2020)
    assert (change.current, change.previous, change.pct) == (4, 2, 100.0)
    assert md.screened(disputes, date(2020, 1, 10), date(2020, 2, 1)).current == 2  # A and B, on the bounds


def test_yearly_and_monthly_screened(disputes):
    yearly = md.yearly_screened(disputes, [2019, 2020])
    assert yearly["received"].tolist() == [2, 4]
    assert pd.isna(yearly.loc[0, "change_pct"]) and yearly.loc[1, "change_pct"] == 100.0
    monthly = md.monthly_screened(disputes, date(2020, 1, 1), date(2020, 3, 31))
    assert monthly["month"].dt.strftime("%Y-%m").tolist() == ["2020-01", "2020-02", "2020-03"]
    assert monthly["received"].tolist() == [1, 1, 1]
    assert monthly["prior_received"].tolist() == [0, 0, 1]  # E, 2019-03-01, drawn against March 2020


def test_screened_by_type_and_by_town_per_10000(disputes, towns):
    by_type = md.screened_by_type(disputes, ["neighbour", "family", "land", "debt"], *YEAR_2020).set_index("dispute_type")
    assert by_type["received"].tolist() == [2, 1, 1, 0]
    assert by_type["prev_received"].tolist() == [1, 0, 0, 1]
    assert by_type.loc["neighbour", "change_pct"] == 100.0
    assert pd.isna(by_type.loc["family", "change_pct"])  # none a year earlier: no percentage
    assert by_type.loc["debt", "change_pct"] == -100.0
    assert by_type.loc["neighbour", "share"] == 50.0
    by_town = md.screened_by_town(disputes, towns, *YEAR_2020).set_index("town_code")
    assert by_town.loc[T1, "per_10k"] == 1.0  # 2 / 20,000 * 10,000
    assert by_town.loc[T2, "per_10k"] == 4.0  # 2 / 5,000 * 10,000
    assert by_town["prev_per_10k"].tolist() == [0.5, 2.0]


def test_wilson_interval_by_hand():
    low, high = md.wilson_interval(0, 10)
    assert low == 0.0 and high == pytest.approx(100 * 3.8415 / 13.8415, abs=0.01)  # z² / (n + z²)
    low, high = md.wilson_interval(1, 2)
    assert (low, high) == (pytest.approx(9.457, abs=0.01), pytest.approx(90.543, abs=0.01))
    low, high = md.wilson_interval(49, 65)  # centre 0.7397 (not 49/65 = 0.7538), half-width 0.1027
    assert (low, high) == (pytest.approx(63.69, abs=0.01), pytest.approx(84.24, abs=0.01))
    low, high = md.wilson_interval(0, 0)
    assert pd.isna(low) and pd.isna(high)


def test_wilson_interval_is_wider_on_a_small_base():
    small, large = md.wilson_interval(49, 65), md.wilson_interval(576, 944)
    assert small[1] - small[0] > 2 * (large[1] - large[0])


def test_channel_rates_count_open_disputes_in_the_base(disputes):
    table = md.channel_rates(disputes, *YEAR_2020).set_index("channel")
    assert list(table.index) == ["pretrial_delegated", "police_mediation"]  # the code list's order
    assert table.loc["pretrial_delegated", ["received", "settled", "failed", "open"]].tolist() == [2, 1, 0, 1]
    assert table.loc["pretrial_delegated", "rate"] == 50.0
    assert table.loc["police_mediation", ["received", "settled", "failed", "open"]].tolist() == [2, 1, 1, 0]
    assert table.loc["police_mediation", "ci_low"] == pytest.approx(9.457, abs=0.01)
    assert md.settled_rate(disputes, *YEAR_2020) == 50.0
    assert md.settled_rate(disputes, date(2018, 1, 1), date(2018, 12, 31)) is None


def test_days_to_close_a_same_day_close_is_zero_and_open_disputes_are_left_out(disputes):
    assert md.days_to_close(disputes[disputes["dispute_id"].isin(["A", "D"])]).tolist() == [0]
    times = md.time_to_close(disputes, *YEAR_2020)  # A 0, B 10, C 74 days; D still open
    assert (times.closed, times.not_closed) == (3, 1)
    assert times.median_days == 10.0
    assert times.p90_days == pytest.approx(61.2)  # 10 + 0.8 * (74 - 10)
    prior = md.time_to_close(disputes, *prior_period(*YEAR_2020))  # E 4, F 36 days
    assert (prior.median_days, prior.p90_days) == (20.0, pytest.approx(32.8))


def test_time_to_close_with_nothing_closed(disputes):
    times = md.time_to_close(disputes, date(2020, 6, 1), date(2020, 6, 30))  # only D, still open
    assert times == md.CloseTimes(0, 1, None, None)


def test_backlog_at_a_date(disputes):
    assert md.backlog_at(disputes, date(2020, 12, 31)) == md.Backlog(date(2020, 12, 31), 1, 1)  # D, overdue
    assert md.backlog_at(disputes, date(2019, 12, 31)) == md.Backlog(date(2019, 12, 31), 1, 0)  # F, not yet due
    # A, received and closed on 2020-01-10, is not open at the end of that day; F is
    assert md.open_on(disputes, date(2020, 1, 10)).tolist() == [False, False, False, False, False, True]
    assert md.backlog_at(disputes, date(2020, 1, 19)).overdue == 0  # F's due day itself is not past it
    assert md.backlog_at(disputes, date(2020, 1, 20)).overdue == 1
    assert md.backlog_at(disputes, date(2020, 1, 25)).open == 0  # F closed that day


def test_quarters_of_a_period_end_within_it():
    quarters = md.quarters_of(date(2020, 2, 15), date(2020, 8, 10))
    assert [(q.code, q.as_at) for q in quarters] == [
        ("2020Q1", date(2020, 3, 31)), ("2020Q2", date(2020, 6, 30)), ("2020Q3", date(2020, 8, 10))]


def test_overdue_list_and_counts_per_quarter(disputes):
    listing = md.overdue_list(disputes, *YEAR_2020)
    rows = listing[["quarter", "town_code", "dispute_id", "days_overdue", "outcome"]].values.tolist()
    assert rows == [["2020Q1", T2, "C", 11, "settled"],  # due 03-20, open on 03-31, settled later
                    ["2020Q3", T2, "D", 72, "open"],  # due 07-20: 11 + 31 + 30 days by 09-30
                    ["2020Q4", T2, "D", 164, "open"]]
    assert listing.loc[0, "closed_on"] == pd.Timestamp("2020-05-14")
    counts = md.overdue_counts(listing, [T1, T2], md.quarters_of(*YEAR_2020))
    assert counts.loc[T1].tolist() == [0, 0, 0, 0]
    assert counts.loc[T2].tolist() == [1, 0, 1, 1]


def test_overdue_list_can_be_empty(disputes):
    listing = md.overdue_list(disputes, date(2020, 4, 1), date(2020, 6, 30))
    assert listing.empty and list(listing.columns) == md.OVERDUE_COLUMNS
    counts = md.overdue_counts(listing, [T1], md.quarters_of(date(2020, 4, 1), date(2020, 6, 30)))
    assert counts.loc[T1].tolist() == [0]


# ---------------------------------------------------------------- the committed demo data

def test_default_period_is_the_latest_full_year(bundle):
    assert md.default_period(bundle) == YEAR_2020


def test_seed_figures_2020(bundle):
    figures = md.mediation_figures(bundle, *YEAR_2020)
    assert figures.screened.current == 2780
    assert round(figures.screened.pct, 1) == -15.2
    channels = figures.channels.set_index("channel")
    assert channels.loc["pretrial_delegated", "settled"] == 576 and round(channels.loc["pretrial_delegated", "rate"], 2) == 61.02
    assert channels.loc["police_mediation", "settled"] == 595 and round(channels.loc["police_mediation", "rate"], 2) == 94.15
    assert channels.loc["individual_room", "settled"] == 49 and round(channels.loc["individual_room", "rate"], 2) == 75.38
    assert channels.loc["individual_room", "received"] == 65


def test_filters_reach_every_figure(bundle):
    raw = bundle["disputes"]
    figures = md.mediation_figures(bundle, *YEAR_2020, towns=[T1], types=["family"], channels=["peoples_mediation"])
    mine = raw[(raw["town_code"] == T1) & (raw["dispute_type"] == "family") & (raw["channel"] == "peoples_mediation")]
    in_2020 = mine[mine["received_on"].dt.year == 2020]
    assert figures.screened.current == len(in_2020)
    assert figures.channels["channel"].tolist() == ["peoples_mediation"]
    assert figures.by_town["town_code"].tolist() == [T1]
    assert figures.by_type["dispute_type"].tolist() == ["family"]
    assert set(figures.overdue["town_code"]) <= {T1}
    assert figures.overdue_by_town.index.tolist() == [T1]
