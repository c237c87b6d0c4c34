"""The patrol page's figures on the committed demo data: the published figures, and filters that narrow them."""
from datetime import date, timedelta

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings, strategies as st

from lib.data.incident_points import bundle_points
from lib.metrics.patrol_view import IncidentKeys, PatrolFilters, build_base, patrol_figures, post_reach
from lib.metrics.periods import prior_period

YEAR_2020 = (date(2020, 1, 1), date(2020, 12, 31))
SUCI = "511402003"  # 苏祠街道, where Dongpo Island lies


@pytest.fixture(scope="module")
def base_and_reach(bundle):
    base = build_base(bundle, bundle_points(bundle))
    return base, post_reach(base, 10)


@pytest.fixture(scope="module")
def view(bundle, base_and_reach):
    return lambda **kw: patrol_figures(bundle, *base_and_reach, PatrolFilters(*YEAR_2020, **kw))


def test_published_patrol_figures(view):
    fig = view()
    assert (fig.patrol_stops.current, fig.patrol_fugitives.current) == (123, 14)
    assert (fig.assistants.covered, fig.assistants.total) == (97, 245)
    assert fig.assistants_complete_on == date(2021, 5, 31)
    timeline = fig.assistant_timeline.set_index("date")["covered"]
    assert timeline[:"2021-03-11"].iloc[-1] == 97 and timeline.iloc[-1] == 245
    assert len(fig.no_assistant) == 245 - 97


def test_hotspots_and_coverage_are_consistent(view):
    fig = view()
    assert len(fig.hotspots) == 20 and fig.hotspots["rank"].tolist() == list(range(1, 21))
    assert fig.hotspots["incidents"].is_monotonic_decreasing
    assert fig.covered_share == pytest.approx(fig.hotspots["covered"].mean() * 100)
    assert (fig.hotspots["covered"] == (fig.hotspots["day_share"] >= 50)).all()
    assert (fig.hotspots["visit_days"] <= 366).all() and (fig.hotspots["visits"] >= fig.hotspots["visit_days"]).all()
    assert fig.pai.value == pytest.approx(fig.pai.incident_share / fig.pai.area_share)
    assert fig.pai.value > 1  # incidents concentrate in the hot spots
    assert 0 < fig.reach_share["foot"] < fig.reach_share["vehicle"] <= 100  # driving reaches further
    assert fig.patrol_hours == pytest.approx(fig.hours["hours"].sum())


def test_night_view_of_dongpo_island(view):
    night = view(shift="night", towns=(SUCI,))
    assert night.level == "village" and set(night.areas["town_code"]) == {SUCI}
    assert set(night.hours["shift"]) == {"night"}
    assert set(night.hotspots["town_code"]) == {SUCI}
    assert night.incidents < view(towns=(SUCI,)).incidents
    # the island's night patrols stay long enough at its busiest cell on most nights
    assert bool(night.hotspots.iloc[0]["covered"])


def test_a_larger_dosage_covers_fewer_hot_spots(view):
    assert view(dosage_min=60).covered_share < view(dosage_min=5).covered_share


def test_mode_and_team_filters_narrow_patrol_time(view):
    everyone = view()
    foot = view(modes=("foot",))
    police = view(teams=("police",))
    assert set(foot.hours["mode"]) == {"foot"} and set(police.hours["team_kind"]) == {"police"}
    assert foot.patrol_hours < everyone.patrol_hours and police.patrol_hours < everyone.patrol_hours


@pytest.mark.parametrize("start, end, shift, towns", [
    (*YEAR_2020, "all", ()), (*YEAR_2020, "night", (SUCI,)), (date(2019, 3, 5), date(2021, 2, 17), "day", ()),
    (date(2020, 6, 1), date(2020, 6, 30), "all", (SUCI, "511402100")),
])
def test_keys_read_at_load_choose_what_the_records_do(bundle, base_and_reach, start, end, shift, towns):
    """Incidents and patrol-stop results chosen by the keys kept in the base agree with the records filtered
    one by one (the period by day reported, the shift by hour, the towns by code)."""
    incidents = bundle["incidents"]

    def record_level(first, last):
        when = incidents["reported_at"]
        mask = (when >= pd.Timestamp(first)) & (when < pd.Timestamp(last) + pd.Timedelta(days=1))
        hour = when.dt.hour
        night = (hour >= 19) | (hour < 7)
        mask &= night if shift == "night" else ~night if shift == "day" else True
        if towns:
            mask &= incidents["town_code"].astype(str).isin(towns)
        stops = incidents[mask & (incidents["discovery"] == "patrol_stop")]
        return int(mask.sum()), len(stops), float(stops["fugitives_caught"].sum())

    fig = patrol_figures(bundle, *base_and_reach, PatrolFilters(start, end, shift=shift, towns=towns))
    count, stops, fugitives = record_level(start, end)
    _, stops_before, fugitives_before = record_level(*prior_period(start, end))
    base = base_and_reach[0]
    positions = np.flatnonzero(bundle["towns"]["town_code"].astype(str).isin(towns)) if towns else None
    assert len(base.incidents.chosen(start, end, shift, positions)) == fig.incidents == count
    assert len(base.stops.chosen(start, end, shift, positions)) == stops
    assert (fig.patrol_stops.current, fig.patrol_stops.previous) == (stops, stops_before)
    assert (fig.patrol_fugitives.current, fig.patrol_fugitives.previous) == (fugitives, fugitives_before)


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_incidents_are_chosen_alike_in_report_order_and_in_any_order(data):
    """The period's rows found by searching the ordered days equal those found by scanning every row."""
    days = np.sort(data.draw(st.lists(st.integers(18_000, 18_030), min_size=0, max_size=60)))
    n = len(days)
    night = np.array(data.draw(st.lists(st.booleans(), min_size=n, max_size=n)), dtype=bool)
    town = np.array(data.draw(st.lists(st.integers(-1, 4), min_size=n, max_size=n)), dtype=np.int8)
    first = date(2019, 4, 14) + timedelta(days=data.draw(st.integers(-3, 33)))
    last = first + timedelta(days=data.draw(st.integers(0, 20)))
    shift = data.draw(st.sampled_from(["all", "day", "night"]))
    towns = data.draw(st.one_of(st.none(), st.lists(st.integers(0, 4), max_size=3).map(np.array)))
    keys = IncidentKeys(days.astype(np.int32), night, town, np.zeros(n, np.uint16), days_ascending=True)
    order = np.random.default_rng(n).permutation(n)
    shuffled = IncidentKeys(keys.day[order], night[order], town[order], keys.fugitives, days_ascending=False)

    day_numbers = days - (first - date(1970, 1, 1)).days
    expected = (day_numbers >= 0) & (days <= (last - date(1970, 1, 1)).days)
    expected &= {"all": True, "day": ~night, "night": night}[shift]
    expected &= np.isin(town, towns) if towns is not None else True
    assert keys.chosen(first, last, shift, towns).tolist() == np.flatnonzero(expected).tolist()
    assert sorted(order[shuffled.chosen(first, last, shift, towns)].tolist()) == np.flatnonzero(expected).tolist()
