"""The patrol figures from IncidentPoints are those the incident records give, in several filter states: the
incidents chosen, the areas' counts, the heat layer, the hot spots' counts and the patrol-stop results."""
from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import pytest

from lib.data.incident_points import bundle_points
from lib.metrics import hotspots as hs, patrol_time as pt
from lib.metrics.patrol_view import (PatrolFilters, _heat, _to_metric, build_base, heat_cells, patrol_figures,
                                     post_reach)
from lib.metrics.periods import prior_period

YEAR_2020 = (date(2020, 1, 1), date(2020, 12, 31))
STATES = [
    PatrolFilters(*YEAR_2020),
    PatrolFilters(*YEAR_2020, shift="night", towns=("511402003",)),
    PatrolFilters(*YEAR_2020, shift="day", towns=("511402003", "511402001"), cell_m=250, least_cell_incidents=3),
    PatrolFilters(date(2021, 1, 1), date(2021, 3, 11), modes=("foot",), cell_m=1000, reach_min=5),
    PatrolFilters(date(2019, 6, 1), date(2021, 12, 31), teams=("police",), shift="night", dosage_min=30),
]


@pytest.fixture(scope="module")
def base(bundle):
    return build_base(bundle, bundle_points(bundle))


def chosen_records(incidents: pd.DataFrame, start: date, end: date, f: PatrolFilters) -> np.ndarray:
    """The incident records the filter state chooses, by their timestamps and codes."""
    reported = incidents["reported_at"]
    mask = pt.in_period(reported, start, end) & pt.in_shift(reported, f.shift)
    return mask & incidents["town_code"].astype(str).isin(f.towns).to_numpy() if f.towns else mask


@pytest.mark.parametrize("f", STATES, ids=range(len(STATES)))
def test_figures_from_points_are_those_of_the_records(bundle, base, f):
    incidents = bundle["incidents"]
    fig = patrol_figures(bundle, base, post_reach(base, f.reach_min), f)
    mask = chosen_records(incidents, f.start, f.end, f)
    assert fig.incidents == mask.sum() > 0

    counted = incidents[f"{fig.level}_code"][mask].astype(str).value_counts()
    assert fig.areas["incidents"].tolist() == [int(counted.get(code, 0)) for code in fig.areas["code"]]
    assert fig.areas["incidents"].sum() == mask.sum()

    records_cells = heat_cells(incidents["lon"].to_numpy(), incidents["lat"].to_numpy())
    pd.testing.assert_frame_equal(fig.heat, _heat(records_cells, mask))

    x, y = _to_metric(incidents["lon"].to_numpy()[mask], incidents["lat"].to_numpy()[mask])
    cells = hs.incidents_by_cell(x, y, f.cell_m).set_index(["ix", "iy"])["incidents"]
    spots = zip(fig.hotspots["ix"], fig.hotspots["iy"])
    assert len(fig.hotspots) and fig.hotspots["incidents"].tolist() == [cells[(ix, iy)] for ix, iy in spots]

    stops = (incidents["discovery"] == "patrol_stop").to_numpy()
    before = chosen_records(incidents, *prior_period(f.start, f.end), f)
    assert (fig.patrol_stops.current, fig.patrol_stops.previous) == ((mask & stops).sum(), (before & stops).sum())
    fugitives = incidents["fugitives_caught"].to_numpy()
    assert (fig.patrol_fugitives.current, fig.patrol_fugitives.previous) == (
        fugitives[mask & stops].sum(), fugitives[before & stops].sum())
