"""Patrol time: routes sampled evenly, shifts by start time, hours by team kind, mode and shift."""
from datetime import date

import numpy as np
import pandas as pd
import pytest
import shapely

from lib.metrics import patrol, patrol_time as pt


def test_samples_split_a_route_evenly():
    route = shapely.LineString([(0, 0), (0, 300), (400, 300)])  # 700 m with a corner
    samples = pt.sample_routes(np.array([route]), step_m=100)
    assert len(samples.x) == 7
    assert samples.x.tolist() == pytest.approx([0, 0, 0, 50, 150, 250, 350])
    assert samples.y.tolist() == pytest.approx([50, 150, 250, 300, 300, 300, 300])
    assert samples.share.sum() == pytest.approx(1.0)


def test_each_route_shares_sum_to_one():
    routes = np.array([shapely.LineString([(0, 0), (1000, 0)]), shapely.LineString([(5, 5), (5, 5)]),
                       shapely.LineString([(0, 0), (30, 40)])])
    samples = pt.sample_routes(routes, step_m=100)
    assert np.bincount(samples.session, weights=samples.share).tolist() == pytest.approx([1, 1, 1])
    assert samples.session.tolist() == [0] * 10 + [1, 2]


SESSIONS = pd.DataFrame({
    "team_kind": ["police", "police", "grid_worker", "police"],
    "mode": ["vehicle", "foot", "foot", "vehicle"],
    "start_at": pd.to_datetime(["2020-01-01 20:00", "2020-01-01 09:00", "2020-01-02 06:30", "2020-02-01 08:00"]),
    "end_at": pd.to_datetime(["2020-01-01 22:00", "2020-01-01 10:30", "2020-01-02 07:00", "2020-02-01 09:00"]),
})


def test_shift_goes_by_start_time():
    assert pt.in_shift(SESSIONS["start_at"], "night").tolist() == [True, False, True, False]
    assert pt.in_shift(SESSIONS["start_at"], "day").tolist() == [False, True, False, True]
    assert pt.in_shift(SESSIONS["start_at"], "all").all()


def test_chosen_sessions_and_hours_by_kind():
    chosen = pt.chosen_sessions(SESSIONS, date(2020, 1, 1), date(2020, 1, 31), "all", [], [])
    assert chosen.tolist() == [True, True, True, False]
    assert pt.chosen_sessions(SESSIONS, date(2020, 1, 1), date(2020, 1, 31), "night", ["foot"], []).tolist() == [False, False, True, False]
    minutes = pt.session_minutes(SESSIONS) * chosen
    assert minutes.tolist() == [120, 90, 30, 0]
    table = pt.hours_by_kind(SESSIONS, minutes)
    assert table.values.tolist() == [["grid_worker", "foot", "night", 0.5], ["police", "foot", "day", 1.5],
                                     ["police", "vehicle", "night", 2.0]]


def test_assistant_timeline_and_gaps():
    villages = pd.DataFrame({"village_code": ["1", "2", "3", "4"], "town_code": ["A", "A", "B", "B"],
                             "population": [10, 20, 30, 40]})
    assistants = pd.DataFrame({"village_code": ["1", "2", "3", "9"],
                               "appointed_on": pd.to_datetime(["2020-06-01", "2020-06-01", "2021-05-31", "2020-01-01"])})
    timeline = patrol.assistant_timeline(assistants, villages)
    assert timeline.values.tolist() == [[pd.Timestamp("2020-06-01"), 2], [pd.Timestamp("2021-05-31"), 3]]
    gaps = patrol.villages_without_assistant(assistants, villages, date(2021, 3, 11))
    assert gaps["village_code"].tolist() == ["3", "4"]  # 3 is planned, 4 has no plan
    assert gaps["planned_on"].iloc[0] == pd.Timestamp("2021-05-31") and pd.isna(gaps["planned_on"].iloc[1])
