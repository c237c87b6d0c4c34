"""Incident counts and case results. Counts go by the day reported; results by the day solved.

Each period (a year, or the year to date) is cut once into the incidents reported in it and those solved in it
(`YearSlices`); every figure is then computed on those small slices, so a period's figures cost two scans of the data.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from lib.data.codes import CRIME_GROUPS, CRIME_TYPES, crime_types_in_group
from lib.metrics.periods import Change, in_period

COLD_CASE_DAYS = 365  # a case solved a year or more after it was reported is a cold case (积案)
PROPERTY_TYPES = crime_types_in_group("property")
GROUP_OF_TYPE = {t.code: t.group for t in CRIME_TYPES}


@dataclass(frozen=True)
class YearSlices:
    reported: pd.DataFrame  # incidents reported in the year
    solved: pd.DataFrame  # incidents solved in the year (whenever reported)


SLICE_COLUMNS = ["reported_at", "solved_on", "crime_type", "status", "discovery", "suspects_caught",
                 "arrests_approved", "gang_id", "recovered_yuan", "assets_seized_yuan", "fugitives_caught"]


@dataclass(frozen=True)
class ReportOrder:
    """The incidents in the order they were reported, and the solved ones in the order they were solved, found once
    per data version: a period's slices then cost the period's own rows, not a scan of every incident."""

    reported_at: np.ndarray  # datetime64[ns], ascending (a missing time last: it falls in no period)
    reported_rows: np.ndarray  # positions in the frame, in that order
    solved_on: np.ndarray  # datetime64[ns], ascending: the incidents solved (status not "reported") on a known day
    solved_rows: np.ndarray
    # in report order, what the overview's trend lines count: solved or not, the day solved, found by a patrol stop
    report_solved: np.ndarray
    report_solved_on: np.ndarray
    report_patrol_stop: np.ndarray

    def period_range(self, start: date, end: date) -> slice:
        """Where the incidents reported from `start` to `end` lie in report order."""
        first = np.datetime64(start, "ns")
        after = np.datetime64(end, "ns") + np.timedelta64(1, "D")
        return slice(int(np.searchsorted(self.reported_at, first, "left")),
                     int(np.searchsorted(self.reported_at, after, "left")))  # NaT sorts last: in no period


def report_order(incidents: pd.DataFrame) -> ReportOrder:
    position = np.int32 if len(incidents) < 2**31 else np.int64
    reported_at = incidents["reported_at"].to_numpy(dtype="datetime64[ns]")
    by_report = np.argsort(reported_at, kind="stable").astype(position)
    solved_on = incidents["solved_on"].to_numpy(dtype="datetime64[ns]")
    solved = np.flatnonzero((incidents["status"] != "reported").to_numpy() & ~np.isnat(solved_on)).astype(position)
    by_solving = solved[np.argsort(solved_on[solved], kind="stable")]
    return ReportOrder(reported_at[by_report], by_report, solved_on[by_solving], by_solving,
                       report_solved=(incidents["status"] != "reported").to_numpy()[by_report],
                       report_solved_on=solved_on[by_report],
                       report_patrol_stop=(incidents["discovery"] == "patrol_stop").to_numpy()[by_report])


def _rows_in(stamps: np.ndarray, rows: np.ndarray, start: date, end: date) -> np.ndarray:
    """Positions (in the frame's order) of the rows whose sorted `stamps` fall on a day from `start` to `end`."""
    first = np.datetime64(start, "ns")
    after = np.datetime64(end, "ns") + np.timedelta64(1, "D")
    lo, hi = np.searchsorted(stamps, first, "left"), np.searchsorted(stamps, after, "left")  # NaT sorts last
    return np.sort(rows[lo:hi])


@dataclass(frozen=True)
class PeriodCounts:
    incidents: int
    solved_share: float | None  # as solved_share() of the period's slices
    patrol_stops: int  # as RESULTS["patrol_stops"]


def period_counts(order: ReportOrder, start: date, end: date, solved_by: date | None) -> PeriodCounts:
    """The incidents reported from `start` to `end`, the share solved by `solved_by` (by now when None) and those found
    by a patrol stop, counted on the report order alone (no rows copied)."""
    span = order.period_range(start, end)
    solved = order.report_solved[span]
    if solved_by is not None:
        solved = solved & (order.report_solved_on[span] < np.datetime64(solved_by, "ns") + np.timedelta64(1, "D"))
    count = span.stop - span.start
    return PeriodCounts(count, float(solved.mean() * 100) if count else None, int(order.report_patrol_stop[span].sum()))


def period_slices(incidents: pd.DataFrame, start: date, end: date, order: ReportOrder | None = None) -> YearSlices:
    """The incidents reported from `start` to `end`, and those solved in it. With the frame's `order` (report_order),
    only the period's rows are read."""
    if order is None:
        reported = incidents.loc[in_period(incidents["reported_at"], start, end), SLICE_COLUMNS]
        solved_then = incidents.loc[in_period(incidents["solved_on"], start, end), SLICE_COLUMNS]
        return YearSlices(reported, solved_then[solved_then["status"] != "reported"])
    columns = [incidents.columns.get_loc(c) for c in SLICE_COLUMNS]
    return YearSlices(incidents.iloc[_rows_in(order.reported_at, order.reported_rows, start, end), columns],
                      incidents.iloc[_rows_in(order.solved_on, order.solved_rows, start, end), columns])


def year_slices(incidents: pd.DataFrame, year: int) -> YearSlices:
    return period_slices(incidents, date(year, 1, 1), date(year, 12, 31))


def _of_types(frame: pd.DataFrame, types: list[str]) -> pd.DataFrame:
    return frame[frame["crime_type"].isin(types)]


def _patrol_stops(s: YearSlices) -> pd.DataFrame:
    return s.reported[s.reported["discovery"] == "patrol_stop"]


def _cold_homicides(s: YearSlices) -> pd.DataFrame:
    solved = _of_types(s.solved, ["homicide"])
    return solved[(solved["solved_on"] - solved["reported_at"].dt.floor("D")).dt.days >= COLD_CASE_DAYS]


# name -> how the figure is computed from one year's slices
RESULTS: dict[str, Callable[[YearSlices], float]] = {
    "recovered_yuan": lambda s: s.solved["recovered_yuan"].sum(),
    "property_gangs": lambda s: _of_types(s.solved, PROPERTY_TYPES)["gang_id"].nunique(),
    "property_suspects": lambda s: _of_types(s.solved, PROPERTY_TYPES)["suspects_caught"].sum(),
    "vice_cases": lambda s: len(_of_types(s.solved, ["vice"])),
    "vice_gangs": lambda s: _of_types(s.solved, ["vice"])["gang_id"].nunique(),
    "vice_suspects": lambda s: _of_types(s.solved, ["vice"])["suspects_caught"].sum(),
    "gang_cases_judged": lambda s: int((_of_types(s.solved, ["gang"])["status"] == "judged").sum()),
    "gang_suspects": lambda s: _of_types(s.solved, ["gang"])["suspects_caught"].sum(),
    "gang_arrests_approved": lambda s: _of_types(s.solved, ["gang"])["arrests_approved"].sum(),
    "gang_assets_yuan": lambda s: _of_types(s.solved, ["gang"])["assets_seized_yuan"].sum(),
    "card_trafficking_suspects": lambda s: _of_types(s.solved, ["card_trafficking"])["suspects_caught"].sum(),
    "cold_case_fugitives": lambda s: _cold_homicides(s)["fugitives_caught"].sum(),
    "patrol_stops": lambda s: len(_patrol_stops(s)),
    "patrol_fugitives": lambda s: _patrol_stops(s)["fugitives_caught"].sum(),
    "admin_transfers": lambda s: int((s.reported["discovery"] == "admin_transfer").sum()),
}


def results(current: YearSlices, previous: YearSlices) -> dict[str, Change]:
    """Every named case result (see RESULTS) for a year, with the year before."""
    return {name: Change(float(compute(current)), float(compute(previous))) for name, compute in RESULTS.items()}


def result(incidents: pd.DataFrame, name: str, year: int) -> Change:
    """One named case result for `year`, with the year before."""
    compute = RESULTS[name]
    return Change(float(compute(year_slices(incidents, year))), float(compute(year_slices(incidents, year - 1))))


def counts_by_group(current: YearSlices, previous: YearSlices) -> pd.DataFrame:
    """Incidents reported in the year and the year before, by crime group, in the code list's order."""
    def by_group(s: YearSlices) -> pd.Series:
        per_type = s.reported["crime_type"].value_counts()
        return per_type.groupby(per_type.index.astype(str).map(GROUP_OF_TYPE)).sum()

    table = pd.concat([by_group(current).rename("current"), by_group(previous).rename("previous")], axis=1)
    table = table.reindex([g.code for g in CRIME_GROUPS]).fillna(0).astype(int)
    table.index.name = "group"
    return table.reset_index()


def incidents_reported(current: YearSlices, previous: YearSlices) -> Change:
    return Change(len(current.reported), len(previous.reported))


def solved_share(s: YearSlices, solved_by: date | None = None) -> float | None:
    """Share (%) of the incidents reported in a period that were solved by the day `solved_by` (by the as-of date
    when None); None without incidents."""
    if s.reported.empty:
        return None
    solved = s.reported["status"] != "reported"
    if solved_by is not None:
        solved &= s.reported["solved_on"] < pd.Timestamp(solved_by) + pd.Timedelta(days=1)
    return float(solved.mean() * 100)


def solved_rate(current: YearSlices, previous: YearSlices, solved_by: date | None = None,
                prior_solved_by: date | None = None) -> Change:
    """Share (%) of the incidents reported in a period that are solved by `solved_by`, and of the prior period's by
    `prior_solved_by` (by the as-of date when None). Set a year apart, the two periods' cases have had the same time
    to be solved: the year to date is not set against a period whose cases had a year longer."""
    return Change(solved_share(current, solved_by) or 0.0, solved_share(previous, prior_solved_by))
