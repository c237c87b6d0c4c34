"""Incident counts and case results. Counts go by the day reported; results by the day solved.

Every figure is read from the case facts (lib.data.case_facts): small tables of the incidents counted by day, which
the file store or the database computes once per data version. A period's figures read the rows of its days
(`PeriodFacts`), never the incidents themselves.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from lib.data.case_facts import CaseFacts
from lib.data.codes import CRIME_GROUPS, CRIME_TYPES, crime_types_in_group
from lib.metrics.periods import Change

PROPERTY_TYPES = crime_types_in_group("property")
GROUP_OF_TYPE = {t.code: t.group for t in CRIME_TYPES}


@dataclass(frozen=True)
class PeriodFacts:
    """The case facts of the days of one period: the rows of each CaseFacts table whose day falls in it."""

    reported: pd.DataFrame  # the incidents reported in the period, by day x crime type
    solved: pd.DataFrame  # the incidents solved in the period (whenever reported), by day x crime type
    gangs: pd.DataFrame  # the gangs of the incidents solved in the period
    cold_homicides: pd.DataFrame  # the cold homicides solved in the period
    solving: pd.DataFrame  # the incidents reported in the period, by whether and when they were solved


def _days(frame: pd.DataFrame, column: str, start: date, end: date) -> pd.DataFrame:
    """The rows of a frame sorted by its day `column` whose day falls from `start` to `end`, both included."""
    days = frame[column].to_numpy()
    return frame.iloc[int(np.searchsorted(days, np.datetime64(start, "ns"), "left")):
                      int(np.searchsorted(days, np.datetime64(end, "ns"), "right"))]


def period_facts(facts: CaseFacts, start: date, end: date) -> PeriodFacts:
    """The case facts of the incidents reported from `start` to `end`, and of those solved in it."""
    return PeriodFacts(_days(facts.reported, "day", start, end), _days(facts.solved, "day", start, end),
                       _days(facts.gangs, "day", start, end), _days(facts.cold_homicides, "day", start, end),
                       _days(facts.solving, "reported_day", start, end))


def year_facts(facts: CaseFacts, year: int) -> PeriodFacts:
    return period_facts(facts, date(year, 1, 1), date(year, 12, 31))


def _of_types(frame: pd.DataFrame, types: list[str], column: str) -> pd.Series:
    """The `column` of the rows of `frame` whose crime type is one of `types`."""
    return frame[column][frame["crime_type"].isin(types).to_numpy()]


# name -> how the figure is computed from one period's facts
RESULTS: dict[str, Callable[[PeriodFacts], float]] = {
    "recovered_yuan": lambda s: s.solved["recovered_yuan"].sum(),
    "property_gangs": lambda s: _of_types(s.gangs, PROPERTY_TYPES, "gang_id").nunique(),
    "property_suspects": lambda s: _of_types(s.solved, PROPERTY_TYPES, "suspects_caught").sum(),
    "vice_cases": lambda s: _of_types(s.solved, ["vice"], "cases").sum(),
    "vice_gangs": lambda s: _of_types(s.gangs, ["vice"], "gang_id").nunique(),
    "vice_suspects": lambda s: _of_types(s.solved, ["vice"], "suspects_caught").sum(),
    "gang_cases_judged": lambda s: _of_types(s.solved, ["gang"], "judged").sum(),
    "gang_suspects": lambda s: _of_types(s.solved, ["gang"], "suspects_caught").sum(),
    "gang_arrests_approved": lambda s: _of_types(s.solved, ["gang"], "arrests_approved").sum(),
    "gang_assets_yuan": lambda s: _of_types(s.solved, ["gang"], "assets_seized_yuan").sum(),
    "card_trafficking_suspects": lambda s: _of_types(s.solved, ["card_trafficking"], "suspects_caught").sum(),
    "cold_case_fugitives": lambda s: s.cold_homicides["fugitives_caught"].sum(),
    "patrol_stops": lambda s: s.reported["patrol_stops"].sum(),
    "patrol_fugitives": lambda s: s.reported["patrol_fugitives"].sum(),
    "admin_transfers": lambda s: s.reported["admin_transfers"].sum(),
}


def results(current: PeriodFacts, previous: PeriodFacts) -> dict[str, Change]:
    """Every named case result (see RESULTS) for a period, with the period before."""
    return {name: Change(float(compute(current)), float(compute(previous))) for name, compute in RESULTS.items()}


def result(facts: CaseFacts, name: str, year: int) -> Change:
    """One named case result for `year`, with the year before."""
    compute = RESULTS[name]
    return Change(float(compute(year_facts(facts, year))), float(compute(year_facts(facts, year - 1))))


def counts_by_group(current: PeriodFacts, previous: PeriodFacts) -> pd.DataFrame:
    """Incidents reported in the period and the period before, by crime group, in the code list's order."""
    def by_group(s: PeriodFacts) -> pd.Series:
        reported = s.reported
        return reported["incidents"].groupby(reported["crime_type"].map(GROUP_OF_TYPE)).sum()

    table = pd.concat([by_group(current).rename("current"), by_group(previous).rename("previous")], axis=1)
    table = table.reindex([g.code for g in CRIME_GROUPS]).fillna(0).astype(int)
    table.index.name = "group"
    return table.reset_index()


def incidents_reported(current: PeriodFacts, previous: PeriodFacts) -> Change:
    return Change(int(current.reported["incidents"].sum()), int(previous.reported["incidents"].sum()))


def solved_share(s: PeriodFacts, solved_by: date | None = None) -> float | None:
    """Share (%) of the incidents reported in a period that were solved by the day `solved_by` (by the as-of date
    when None); None without incidents."""
    return _solved_share(s.solving, solved_by)


def _solved_share(solving: pd.DataFrame, solved_by: date | None) -> float | None:
    """solved_share() of the `solving` facts of a period's days."""
    count = int(solving["incidents"].sum())
    if not count:
        return None
    solved = solving["solved"].to_numpy()
    if solved_by is not None:
        solved = solved & (solving["solved_day"].to_numpy() <= np.datetime64(solved_by, "ns"))  # NaT: never
    return float(int(solving["incidents"].to_numpy()[solved].sum()) / count * 100)


def solved_rate(current: PeriodFacts, previous: PeriodFacts, solved_by: date | None = None,
                prior_solved_by: date | None = None) -> Change:
    """Share (%) of the incidents reported in a period that are solved by `solved_by`, and of the prior period's by
    `prior_solved_by` (by the as-of date when None). Set a year apart, the two periods' cases have had the same time
    to be solved: the year to date is not set against a period whose cases had a year longer."""
    return Change(solved_share(current, solved_by) or 0.0, solved_share(previous, prior_solved_by))


@dataclass(frozen=True)
class PeriodCounts:
    incidents: int
    solved_share: float | None  # as solved_share()
    patrol_stops: int  # as RESULTS["patrol_stops"]


def period_counts(facts: CaseFacts, start: date, end: date, solved_by: date | None) -> PeriodCounts:
    """The incidents reported from `start` to `end`, the share solved by `solved_by` (by now when None) and those found
    by a patrol stop."""
    reported = _days(facts.reported, "day", start, end)
    return PeriodCounts(int(reported["incidents"].sum()),
                        _solved_share(_days(facts.solving, "reported_day", start, end), solved_by),
                        int(reported["patrol_stops"].sum()))
