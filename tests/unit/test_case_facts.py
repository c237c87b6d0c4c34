"""The case facts give every incident figure of the overview exactly as counted from the records, for any period and
any "solved by" day; the database counts the same facts with GROUP BY."""
from __future__ import annotations

from dataclasses import fields
from datetime import date, timedelta

import pandas as pd
import pytest
import sqlalchemy as sa
from hypothesis import given, settings
from hypothesis import strategies as st

from lib.data.case_facts import COLD_CASE_DAYS, CaseFacts, case_facts_of
from lib.data.db import aggregates
from lib.data.db.connect import engine_for
from lib.metrics import crime
from lib.metrics.periods import in_period, year_earlier

DONGPO = "511402"


# The figures counted from the records, as lib.metrics.crime counted them before the case facts: the specification.
def _reported(frame: pd.DataFrame, start: date, end: date) -> pd.DataFrame:
    return frame[in_period(frame["reported_at"], start, end)]


def _solved(frame: pd.DataFrame, start: date, end: date) -> pd.DataFrame:
    solved = frame[in_period(frame["solved_on"], start, end)]
    return solved[solved["status"] != "reported"]


def _of(frame: pd.DataFrame, types: list[str]) -> pd.DataFrame:
    return frame[frame["crime_type"].isin(types)]


def _cold(solved: pd.DataFrame) -> pd.DataFrame:
    homicides = _of(solved, ["homicide"])
    return homicides[(homicides["solved_on"] - homicides["reported_at"].dt.floor("D")).dt.days >= COLD_CASE_DAYS]


PROPERTY = crime.PROPERTY_TYPES
FROM_RECORDS = {  # name -> the figure from (the period's reported records, its solved records)
    "recovered_yuan": lambda r, s: s["recovered_yuan"].sum(),
    "property_gangs": lambda r, s: _of(s, PROPERTY)["gang_id"].nunique(),
    "property_suspects": lambda r, s: _of(s, PROPERTY)["suspects_caught"].sum(),
    "vice_cases": lambda r, s: len(_of(s, ["vice"])),
    "vice_gangs": lambda r, s: _of(s, ["vice"])["gang_id"].nunique(),
    "vice_suspects": lambda r, s: _of(s, ["vice"])["suspects_caught"].sum(),
    "gang_cases_judged": lambda r, s: int((_of(s, ["gang"])["status"] == "judged").sum()),
    "gang_suspects": lambda r, s: _of(s, ["gang"])["suspects_caught"].sum(),
    "gang_arrests_approved": lambda r, s: _of(s, ["gang"])["arrests_approved"].sum(),
    "gang_assets_yuan": lambda r, s: _of(s, ["gang"])["assets_seized_yuan"].sum(),
    "card_trafficking_suspects": lambda r, s: _of(s, ["card_trafficking"])["suspects_caught"].sum(),
    "cold_case_fugitives": lambda r, s: _cold(s)["fugitives_caught"].sum(),
    "patrol_stops": lambda r, s: int((r["discovery"] == "patrol_stop").sum()),
    "patrol_fugitives": lambda r, s: r.loc[r["discovery"] == "patrol_stop", "fugitives_caught"].sum(),
    "admin_transfers": lambda r, s: int((r["discovery"] == "admin_transfer").sum()),
}


def _share(reported: pd.DataFrame, solved_by: date | None) -> float | None:
    if reported.empty:
        return None
    solved = reported["status"] != "reported"
    if solved_by is not None:
        solved &= reported["solved_on"] < pd.Timestamp(solved_by) + pd.Timedelta(days=1)
    return float(solved.mean() * 100)


def _by_group(reported: pd.DataFrame) -> dict[str, int]:
    per_type = reported["crime_type"].astype(str).map(crime.GROUP_OF_TYPE).value_counts()
    return {str(group): int(n) for group, n in per_type.items() if n}


@pytest.fixture(scope="module")
def records(bundle) -> pd.DataFrame:
    """The demo incidents shuffled, with what the contract forbids but the counting rules still define: solved cases
    on no known day, open cases with a solved day, and solved days with a time of day."""
    frame = bundle["incidents"].sample(frac=1.0, random_state=18).reset_index(drop=True)
    solved = frame.index[frame["status"] != "reported"]
    frame.loc[solved[:50], "solved_on"] = pd.NaT
    frame.loc[solved[50:90], "solved_on"] += pd.Timedelta(hours=15)
    still_open = frame.index[frame["status"] == "reported"][:30]
    frame.loc[still_open, ["solved_on", "suspects_caught"]] = [pd.Timestamp("2020-06-30"), 2]
    return frame


@pytest.fixture(scope="module")
def facts(records) -> CaseFacts:
    return case_facts_of(records)


def _assert_figures_as_from_records(records: pd.DataFrame, facts: CaseFacts, start: date, end: date,
                                    solved_by: date | None) -> None:
    reported, solved = _reported(records, start, end), _solved(records, start, end)
    period = crime.period_facts(facts, start, end)
    for name, compute in crime.RESULTS.items():
        assert compute(period) == FROM_RECORDS[name](reported, solved), name
    assert crime.solved_share(period, solved_by) == _share(reported, solved_by)
    assert crime.solved_share(period) == _share(reported, None)
    counts = crime.period_counts(facts, start, end, solved_by)
    assert (counts.incidents, counts.solved_share, counts.patrol_stops) == \
        (len(reported), _share(reported, solved_by), FROM_RECORDS["patrol_stops"](reported, solved))
    prior = crime.period_facts(facts, year_earlier(start), year_earlier(end))
    table = crime.counts_by_group(period, prior).set_index("group")
    assert {g: n for g, n in table["current"].items() if n} == _by_group(reported)
    assert {g: n for g, n in table["previous"].items() if n} == \
        _by_group(_reported(records, year_earlier(start), year_earlier(end)))
    assert crime.incidents_reported(period, prior).current == len(reported)


@pytest.mark.parametrize("start, end, solved_by", [
    *[(date(y, 1, 1), date(y, 12, 31), None) for y in range(2015, 2022)],
    (date(2021, 1, 1), date(2021, 3, 11), date(2021, 3, 11)),  # the year to date, and its prior period
    (date(2020, 1, 1), date(2020, 3, 11), date(2020, 3, 11)),
    (date(2020, 6, 30), date(2020, 6, 30), date(2020, 6, 29)),  # one day, solved by the day before
    (date(2016, 2, 29), date(2019, 2, 28), date(2019, 12, 31)),
    (date(2030, 1, 1), date(2030, 1, 2), None),  # no incidents
])
def test_the_facts_give_the_figures_of_the_records_for_these_periods(records, facts, start, end, solved_by):
    _assert_figures_as_from_records(records, facts, start, end, solved_by)


@settings(max_examples=60, deadline=None, derandomize=True, database=None)
@given(start=st.dates(date(2015, 10, 1), date(2021, 6, 1)), days=st.integers(0, 900),
       cutoff=st.one_of(st.none(), st.integers(-60, 500)))
def test_the_facts_give_the_figures_of_the_records_for_any_period(records, facts, start, days, cutoff):
    end = start + timedelta(days=days)
    _assert_figures_as_from_records(records, facts, start, end, None if cutoff is None else end + timedelta(cutoff))


def test_the_published_2020_results_come_from_the_facts(bundle):
    from tests.unit.test_seed_figures import CASE_RESULTS_2020

    facts = case_facts_of(bundle["incidents"])
    assert {name: crime.result(facts, name, 2020).current for name in CASE_RESULTS_2020} == CASE_RESULTS_2020


def test_the_facts_are_small(bundle, facts):
    incidents = len(bundle["incidents"])
    assert all(len(getattr(facts, f.name)) < incidents / 2 for f in fields(CaseFacts))


def test_no_incidents_give_empty_facts_and_no_share(bundle):
    facts = case_facts_of(bundle["incidents"].iloc[0:0])
    period = crime.period_facts(facts, date(2020, 1, 1), date(2020, 12, 31))
    assert all(float(compute(period)) == 0.0 for compute in crime.RESULTS.values())
    assert crime.solved_share(period, date(2020, 12, 31)) is None


def test_the_database_counts_the_same_facts(bundle, database_url):
    with engine_for(database_url).connect() as connection:
        counted = aggregates.case_facts(connection, DONGPO)
    of_records = case_facts_of(bundle["incidents"])
    for table in fields(CaseFacts):
        pd.testing.assert_frame_equal(getattr(counted, table.name), getattr(of_records, table.name), obj=table.name)


@pytest.mark.parametrize("table", [f.name for f in fields(CaseFacts)])
def test_each_facts_query_reads_one_county_and_groups_by_it(table):
    query = aggregates.case_facts_queries(DONGPO)[table]
    sql = str(query.compile(compile_kwargs={"literal_binds": True}))
    assert "WHERE incidents.county_adcode = '511402'" in sql
    assert "GROUP BY incidents.county_adcode," in sql  # the distribution column: Citus pushes it down whole
    assert isinstance(query, sa.Select)
