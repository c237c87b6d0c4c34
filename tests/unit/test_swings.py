"""A swing beyond ±40% and its explanations: the related events of the period and the year before, and chance."""

import pandas as pd

from lib.metrics.periods import Change, Comparison
from lib.metrics.swings import related_events, swings

PERIOD = Comparison.calendar_year(2020)  # against 2019
EVENTS = pd.DataFrame({
    "event_id": ["before", "first_day", "mid", "last_day_evening", "after", "other_type", "no_type"],
    "date": pd.to_datetime(["2018-12-31", "2019-01-01", "2019-07-01", "2020-12-31 23:59", "2021-01-01",
                            "2020-03-01", "2020-03-02"], format="ISO8601"),
    "crime_type": pd.Categorical(["gang", "gang", "fraud", "gang", "gang", "theft", None]),
})


def test_related_events_are_those_of_the_types_from_the_year_before_to_the_end_of_the_period():
    found = related_events(EVENTS.sample(frac=1, random_state=3), ["gang", "fraud"], PERIOD)
    assert found["event_id"].tolist() == ["first_day", "mid", "last_day_evening"]
    assert related_events(EVENTS, [], PERIOD).empty


def test_a_count_swing_is_tested_and_a_certain_one_carries_no_p():
    changes = {"chance": Change(3.0, 1.0), "certain": Change(900.0, 300.0), "small": Change(110.0, 100.0),
               "money": Change(5e6, 1e6)}
    found = swings(changes, ["chance", "certain", "small"], {"chance": ["gang"]}, EVENTS, PERIOD)
    assert set(found) == {"chance", "certain", "money"}
    assert found["chance"].by_chance and 0.05 <= found["chance"].p < 1
    assert found["chance"].events["event_id"].tolist() == ["first_day", "last_day_evening"]
    assert found["certain"].p is None and not found["certain"].by_chance and not found["certain"].explained
    assert found["money"].p is None and not found["money"].explained
