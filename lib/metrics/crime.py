"""Incident counts and case results. Counts go by the year reported; results by the year solved."""
from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from lib.data.codes import CRIME_GROUPS, CRIME_TYPES, crime_types_in_group
from lib.metrics.periods import Change, in_year

COLD_CASE_DAYS = 365  # a case solved a year or more after it was reported is a cold case (积案)


def _solved_in(incidents: pd.DataFrame, year: int) -> pd.DataFrame:
    return incidents[in_year(incidents["solved_on"], year) & (incidents["status"] != "reported")]


def _of_types(incidents: pd.DataFrame, types: list[str]) -> pd.DataFrame:
    return incidents[incidents["crime_type"].isin(types)]


def counts_by_group(incidents: pd.DataFrame, year: int) -> pd.DataFrame:
    """Incidents reported in `year` and the year before, by crime group, in the code list's order."""
    group_of = {t.code: t.group for t in CRIME_TYPES}
    rows = []
    for y in (year, year - 1):
        reported = incidents.loc[in_year(incidents["reported_at"], y), "crime_type"]
        counts = reported.astype(str).map(group_of).value_counts()
        rows.append(counts.rename(y))
    table = pd.concat(rows, axis=1).reindex([g.code for g in CRIME_GROUPS]).fillna(0).astype(int)
    table.columns = ["current", "previous"]
    table.index.name = "group"
    return table.reset_index()


def incidents_reported(incidents: pd.DataFrame, year: int) -> Change:
    return Change(int(in_year(incidents["reported_at"], year).sum()), int(in_year(incidents["reported_at"], year - 1).sum()))


def solved_rate(incidents: pd.DataFrame, year: int) -> Change:
    """Share (%) of the incidents reported in a year that are solved by the as-of date."""

    def rate(y: int) -> float | None:
        reported = incidents[in_year(incidents["reported_at"], y)]
        return None if reported.empty else float((reported["status"] != "reported").mean() * 100)

    current = rate(year)
    return Change(current if current is not None else 0.0, rate(year - 1))


# name -> how the figure is computed from the incidents of one year
def _property(i: pd.DataFrame, y: int) -> pd.DataFrame:
    return _of_types(_solved_in(i, y), crime_types_in_group("property"))


def _vice(i: pd.DataFrame, y: int) -> pd.DataFrame:
    return _of_types(_solved_in(i, y), crime_types_in_group("vice"))


def _gang(i: pd.DataFrame, y: int) -> pd.DataFrame:
    return _of_types(_solved_in(i, y), crime_types_in_group("gang"))


def _patrol_stops(i: pd.DataFrame, y: int) -> pd.DataFrame:
    return i[in_year(i["reported_at"], y) & (i["discovery"] == "patrol_stop")]


def _cold_homicides(i: pd.DataFrame, y: int) -> pd.DataFrame:
    solved = _of_types(_solved_in(i, y), ["homicide"])
    return solved[(solved["solved_on"] - solved["reported_at"].dt.floor("D")).dt.days >= COLD_CASE_DAYS]


RESULTS: dict[str, Callable[[pd.DataFrame, int], float]] = {
    "recovered_yuan": lambda i, y: _solved_in(i, y)["recovered_yuan"].sum(),
    "property_gangs": lambda i, y: _property(i, y)["gang_id"].nunique(),
    "property_suspects": lambda i, y: _property(i, y)["suspects_caught"].sum(),
    "vice_cases": lambda i, y: len(_vice(i, y)),
    "vice_gangs": lambda i, y: _vice(i, y)["gang_id"].nunique(),
    "vice_suspects": lambda i, y: _vice(i, y)["suspects_caught"].sum(),
    "gang_cases_judged": lambda i, y: int((_gang(i, y)["status"] == "judged").sum()),
    "gang_suspects": lambda i, y: _gang(i, y)["suspects_caught"].sum(),
    "gang_arrests_approved": lambda i, y: _gang(i, y)["arrests_approved"].sum(),
    "gang_assets_yuan": lambda i, y: _gang(i, y)["assets_seized_yuan"].sum(),
    "card_trafficking_suspects": lambda i, y: _of_types(_solved_in(i, y), ["card_trafficking"])["suspects_caught"].sum(),
    "cold_case_fugitives": lambda i, y: _cold_homicides(i, y)["fugitives_caught"].sum(),
    "patrol_stops": lambda i, y: len(_patrol_stops(i, y)),
    "patrol_fugitives": lambda i, y: _patrol_stops(i, y)["fugitives_caught"].sum(),
    "admin_transfers": lambda i, y: int((in_year(i["reported_at"], y) & (i["discovery"] == "admin_transfer")).sum()),
}


def result(incidents: pd.DataFrame, name: str, year: int) -> Change:
    """One named case result (see RESULTS) for `year`, with the year before."""
    compute = RESULTS[name]
    return Change(float(compute(incidents, year)), float(compute(incidents, year - 1)))
