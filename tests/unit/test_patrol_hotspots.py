"""Hot-spot cells, patrol dosage and the PAI on hand-made points whose answers are known."""
import numpy as np
import pandas as pd
import pytest
import shapely

from lib.metrics import hotspots as hs
from lib.metrics.patrol_time import sample_routes


def test_cells_are_anchored_at_the_origin():
    ix, iy = hs.cell_of(np.array([0.0, 499.9, 500.0, -0.1]), np.array([0.0, 0.0, 999.0, 1000.0]), 500)
    assert ix.tolist() == [0, 0, 1, -1]
    assert iy.tolist() == [0, 0, 1, 2]


def test_hotspots_are_the_busiest_cells_in_a_stable_order():
    # cell (0,0): 3 incidents, (1,0): 1, (2,0): 3 -> ranks: (0,0), (2,0) [tie broken by cell], then (1,0)
    x = np.array([10, 20, 30, 510, 1010, 1020, 1030.0])
    y = np.full(7, 10.0)
    counts = hs.incidents_by_cell(x, y, 500)
    ranked = hs.rank_hotspots(counts, count=2)
    assert ranked[["rank", "ix", "iy", "incidents"]].values.tolist() == [[1, 0, 0, 3], [2, 2, 0, 3]]


def test_a_hot_spot_is_covered_from_the_dosage_up():
    # a 1000 m route across two 500 m cells, patrolled for 60 minutes: 30 minutes in each cell
    samples = sample_routes(np.array([shapely.LineString([(0, 250), (1000, 250)])]), step_m=100)
    minutes = hs.minutes_by_cell(samples.x, samples.y, samples.share * 60.0, 500)
    assert minutes.set_index(["ix", "iy"])["minutes"].to_dict() == pytest.approx({(0, 0): 30.0, (1, 0): 30.0})
    spots = pd.DataFrame({"rank": [1, 2], "ix": [0, 5], "iy": [0, 5], "incidents": [9, 4]})
    over_two_days = hs.dose_hotspots(spots, minutes, days=2, dosage_min=15)  # 15 min a day: just covered
    assert over_two_days["minutes_per_day"].tolist() == pytest.approx([15.0, 0.0])
    assert over_two_days["covered"].tolist() == [True, False]
    over_three_days = hs.dose_hotspots(spots, minutes, days=3, dosage_min=15)  # 10 min a day: not covered
    assert over_three_days["covered"].tolist() == [False, False]
    assert hs.covered_share(over_two_days) == 50.0
    assert hs.covered_share(over_two_days.iloc[:0]) is None


def test_pai_is_incident_share_over_area_share():
    # 60 of 100 incidents on 1 km² of a 100 km² area: 60% / 1% = 60
    index = hs.pai(60, 100, 1e6, 100e6)
    assert (index.incident_share, index.area_share, index.value) == pytest.approx((60.0, 1.0, 60.0))
    assert hs.pai(0, 0, 1e6, 100e6).value is None


def test_cell_bounds():
    assert hs.cell_bounds(np.array([1]), np.array([-2]), 250).tolist() == [[250.0, -500.0, 500.0, -250.0]]


def test_heat_points_are_summed_and_capped():
    from lib.metrics.patrol_view import _heat
    frame = pd.DataFrame({"lat": [30.0001, 30.0002, 30.0101, 30.5], "lon": [103.0001, 103.0004, 103.0, 103.5]})
    heat = _heat(frame, np.ones(4, dtype=bool))
    assert heat["weight"].tolist() == [2, 1, 1] and heat["weight"].sum() == 4
    coarse = _heat(frame, np.ones(4, dtype=bool), max_points=2)  # 30.0001 and 30.0101 merge on a coarser grid
    assert len(coarse) <= 2 and coarse["weight"].sum() == 4
