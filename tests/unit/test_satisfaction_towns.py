"""Town figures beside the town survey: crime rate per 10,000 residents and mediation success, by hand."""
from datetime import date

import pandas as pd
import pytest

from lib.metrics import towns as tw
from lib.metrics.crime_cube import build_cube, reported_by_town

TOWNS = pd.DataFrame({"town_code": ["T1", "T2"], "population": [20_000, 5_000]})
INCIDENTS = pd.DataFrame({
    "reported_at": pd.to_datetime(["2020-01-01 00:10", "2020-06-01 12:00", "2020-12-31 23:59", "2019-12-31 23:59",
                                   "2021-01-01 00:00"]),
    "town_code": pd.Categorical(["T1", "T1", "T1", "T2", "T2"]),
    "crime_type": "burglary", "status": "reported", "loss_yuan": 0, "recovered_yuan": 0,
})
CUBE = build_cube(INCIDENTS, TOWNS)
DISPUTES = pd.DataFrame({
    "received_on": pd.to_datetime(["2020-02-01", "2020-03-01", "2020-04-01", "2020-05-01", "2019-05-01"]),
    "town_code": pd.Categorical(["T1", "T1", "T1", "T1", "T2"]),
    "outcome": ["settled", "settled", "failed", "open", "settled"],
})


def test_crime_rate_per_10000_residents_by_year_reported():
    rates = tw.crime_rate_by_town(reported_by_town(CUBE, date(2020, 1, 1), date(2020, 12, 31)), TOWNS).set_index("town_code")
    assert rates.loc["T1", "incidents"] == 3 and rates.loc["T1", "crime_rate"] == pytest.approx(1.5)  # 3 / 20,000 * 10,000
    assert rates.loc["T2", "incidents"] == 0 and rates.loc["T2", "crime_rate"] == 0.0  # its cases fall in 2019 and 2021


def test_mediation_success_is_settled_over_received():
    rates = tw.mediation_rate_by_town(DISPUTES, 2020).set_index("town_code")
    assert (rates.loc["T1", "received"], rates.loc["T1", "settled"]) == (4, 2)
    assert rates.loc["T1", "mediation_rate"] == pytest.approx(50.0)  # open and failed count as received, not settled
    assert "T2" not in rates.index


def test_town_factors_leave_a_town_without_disputes_unknown_not_zero():
    scores = pd.DataFrame({"town_code": ["T1", "T2"], "score": [90.0, 80.0]})
    reported = reported_by_town(CUBE, date(2020, 1, 1), date(2020, 12, 31))
    factors = tw.town_factors(scores, reported, DISPUTES, TOWNS, 2020).set_index("town_code")
    assert factors.loc["T1", "mediation_rate"] == pytest.approx(50.0)
    assert pd.isna(factors.loc["T2", "mediation_rate"])
    assert factors.loc["T2", "crime_rate"] == 0.0


def test_correlation():
    assert tw.correlation(pd.Series([1.0, 2.0, 3.0, None]), pd.Series([2.0, 4.0, 6.0, 1.0])) == pytest.approx(1.0)
    assert tw.correlation(pd.Series([1.0, 2.0, 3.0]), pd.Series([3.0, 2.0, 1.0])) == pytest.approx(-1.0)
    assert tw.correlation(pd.Series([1.0, 2.0]), pd.Series([1.0, 2.0])) is None  # fewer than three towns
    assert tw.correlation(pd.Series([1.0, 1.0, 1.0]), pd.Series([1.0, 2.0, 3.0])) is None  # no spread


@pytest.mark.parametrize("start, end, expected", [
    (date(2018, 1, 1), date(2018, 12, 31), [0, 0]),  # before the first incident
    (date(2022, 1, 1), date(2022, 12, 31), [0, 0]),  # after the last
    (date(2019, 1, 1), date(2021, 12, 31), [3, 2]),  # beyond both ends: what the cube holds
    (date(2020, 12, 31), date(2021, 1, 1), [1, 1]),
])
def test_reported_by_town_counts_the_days_the_cube_covers(start, end, expected):
    assert reported_by_town(CUBE, start, end).tolist() == expected
