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


def test_a_visit_is_one_patrols_continuous_stay_in_a_cell():
    # a 1000 m route across two 500 m cells walked in 60 minutes: 30 minutes in each, one visit each;
    # a second patrol (800 m in 30 minutes) crosses into cell (1,0) and comes back: its return is a new visit
    routes = np.array([shapely.LineString([(0, 250), (1000, 250)]),
                       shapely.LineString([(0, 250), (400, 250), (600, 250), (400, 250)])])
    samples = sample_routes(routes, step_m=50)
    minutes = samples.share * np.array([60.0, 30.0])[samples.session]
    ix, iy = hs.cell_of(samples.x, samples.y, 500)
    stays = hs.visits(ix, iy, samples.session, np.arange(len(ix)), minutes, np.full(len(ix), 18_000))
    assert stays[["ix", "iy"]].values.tolist() == [[0, 0], [1, 0], [0, 0], [1, 0], [0, 0]]
    assert stays["minutes"].tolist() == pytest.approx([30.0, 30.0, 18.75, 7.5, 3.75])


def _stays(rows: list[tuple[int, int, float, int]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["ix", "iy", "minutes", "day"])


def test_a_hot_spot_is_covered_by_visits_of_the_dosage_on_most_days():
    spots = pd.DataFrame({"rank": [1, 2, 3], "ix": [0, 5, 9], "iy": [0, 5, 9], "incidents": [9, 4, 3]})
    # over 4 days: cell (0,0) has 15-minute visits on days 1, 2 and 3 (two on day 1); cell (5,5) a long visit on
    # day 1 and many short ones (4 x 14 minutes on day 2: 56 minutes, but no single visit of 15); (9,9) none
    stays = _stays([(0, 0, 15.0, 1), (0, 0, 20.0, 1), (0, 0, 16.0, 2), (0, 0, 30.0, 3), (0, 0, 5.0, 4),
                    (5, 5, 40.0, 1)] + [(5, 5, 14.0, 2)] * 4 + [(7, 7, 60.0, 2)])
    dosed = hs.dose_hotspots(spots, stays, days=4, dosage_min=15)
    assert dosed["visits"].tolist() == [4, 1, 0]
    assert dosed["visit_days"].tolist() == [3, 1, 0]
    assert dosed["day_share"].tolist() == pytest.approx([75.0, 25.0, 0.0])
    assert dosed["covered"].tolist() == [True, False, False]
    assert hs.covered_share(dosed) == pytest.approx(100 / 3)
    assert hs.visited_day_share(dosed) == pytest.approx(100 / 3)
    short = hs.dose_hotspots(spots, stays, days=4, dosage_min=5)  # a shorter dosage counts the short visits too
    assert short["visit_days"].tolist() == [4, 2, 0] and short["covered"].tolist() == [True, True, False]
    assert hs.covered_share(dosed.iloc[:0]) is None


def test_a_sample_falls_on_the_day_it_is_walked():
    from lib.metrics.patrol_time import sample_days
    # one patrol from 23:00 for 120 minutes along a straight route: its first half on day 0, its second on day 1
    samples = sample_routes(np.array([shapely.LineString([(0, 0), (1000, 0)])]), step_m=100)
    days = sample_days(samples, np.array(["1970-01-01T23:00"], dtype="datetime64[m]"), np.array([120.0]))
    assert days.tolist() == [0] * 5 + [1] * 5


def test_pai_is_incident_share_over_area_share():
    # 60 of 100 incidents on 1 km² of a 100 km² area: 60% / 1% = 60
    index = hs.pai(60, 100, 1e6, 100e6)
    assert (index.incident_share, index.area_share, index.value) == pytest.approx((60.0, 1.0, 60.0))
    assert hs.pai(0, 0, 1e6, 100e6).value is None


def test_cell_bounds():
    assert hs.cell_bounds(np.array([1]), np.array([-2]), 250).tolist() == [[250.0, -500.0, 500.0, -250.0]]


def test_heat_points_are_summed_and_capped():
    from lib.metrics.patrol_view import _heat, heat_cells
    lat, lon = np.array([30.0001, 30.0002, 30.0101, 30.5]), np.array([103.0001, 103.0004, 103.0, 103.5])
    cells = heat_cells(lon, lat)
    assert cells.cell.dtype == np.int32  # 4 bytes an incident, not the 16 of its lon/lat
    heat = _heat(cells, np.ones(4, dtype=bool))
    assert heat.values.tolist() == [[30.0, 103.0, 2], [30.01, 103.0, 1], [30.5, 103.5, 1]]  # the grid points
    coarse = _heat(cells, np.ones(4, dtype=bool), max_points=2)  # 30.0001 and 30.0101 merge on a coarser grid
    assert coarse.values.tolist() == [[30.0, 103.0, 3], [30.496, 103.496, 1]]
    assert _heat(cells, np.array([False, False, True, False]))["weight"].tolist() == [1]


@pytest.mark.parametrize("chosen_count", [0, 1, 7, 500])
def test_among_answers_as_np_isin(chosen_count):
    rng = np.random.default_rng(chosen_count)
    keys = hs.cell_keys(rng.integers(-50, 50, 20_000), rng.integers(-50, 50, 20_000))
    chosen = hs.cell_keys(rng.integers(-60, 60, chosen_count), rng.integers(-60, 60, chosen_count))
    assert np.array_equal(hs.among(keys, chosen), np.isin(keys, chosen))
