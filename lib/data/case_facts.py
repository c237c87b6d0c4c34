"""The case facts: the incidents counted and summed by whole day (and crime type), small enough to keep per data
version, and enough to give every incident figure of the overview exactly, for any period and any "solved by" day.

A period's figures read the rows of its days: counts go by the day reported, results by the day solved (an incident
is solved when its status is other than "reported", on its solved day). The file store computes the facts with
pandas (`case_facts_of`); the database computes the same frames with GROUP BY (`lib.data.db.aggregates.case_facts`).
"""
from __future__ import annotations

from dataclasses import dataclass, fields

import numpy as np
import pandas as pd

INPUT_COLUMNS = ("reported_at", "solved_on", "status", "crime_type", "discovery", "fugitives_caught", "suspects_caught",
                 "arrests_approved", "recovered_yuan", "assets_seized_yuan", "gang_id")  # what case_facts_of reads
COLD_CASE_DAYS = 365  # a case solved a year or more after it was reported is a cold case (积案)
DAY = "datetime64[ns]"  # a whole day, at midnight

# Each table's columns and their types; its key (the columns its rows are unique on) comes first, the day first of all.
COLUMNS: dict[str, dict[str, str]] = {
    "reported": {"day": DAY, "crime_type": "str", "incidents": "int64", "patrol_stops": "int64",
                 "patrol_fugitives": "int64", "admin_transfers": "int64"},
    "solved": {"day": DAY, "crime_type": "str", "cases": "int64", "judged": "int64", "suspects_caught": "int64",
               "arrests_approved": "int64", "recovered_yuan": "int64", "assets_seized_yuan": "int64"},
    "gangs": {"day": DAY, "crime_type": "str", "gang_id": "str"},
    "cold_homicides": {"day": DAY, "cases": "int64", "fugitives_caught": "int64"},
    "solving": {"reported_day": DAY, "solved_day": DAY, "solved": "bool", "incidents": "int64"},
}
KEYS: dict[str, tuple[str, ...]] = {
    "reported": ("day", "crime_type"), "solved": ("day", "crime_type"), "gangs": ("day", "crime_type", "gang_id"),
    "cold_homicides": ("day",), "solving": ("reported_day", "solved_day", "solved"),
}


@dataclass(frozen=True)
class CaseFacts:
    """Every frame is sorted by its key (KEYS), day first, and has one row per key that occurs in the data.
    Incidents without a day reported are in none of them but `solved`, `gangs` and `cold_homicides` (by the day
    solved) when solved."""

    # one row per day reported x crime type: the incidents reported; those found by a patrol stop and the fugitives
    # those caught; those transferred by an administrative department
    reported: pd.DataFrame
    # one row per day solved x crime type, over the incidents solved that day: how many, how many judged, and the
    # sums of their suspects caught, arrests approved, losses recovered and assets seized (yuan)
    solved: pd.DataFrame
    # one row per day solved x crime type x gang: the gangs (gang_id not missing) of the incidents solved that day
    gangs: pd.DataFrame
    # one row per day solved: the homicides solved that day at least COLD_CASE_DAYS after the day reported, and the
    # fugitives they caught
    cold_homicides: pd.DataFrame
    # one row per day reported x day solved x solved: the incidents reported that day by whether they are solved and
    # the day they were (missing when unsolved, or solved on no known day)
    solving: pd.DataFrame


def facts_from_tables(tables: dict[str, pd.DataFrame]) -> CaseFacts:
    """The case facts from their tables as computed (any row order, any compatible column types): each in COLUMNS'
    columns and types, sorted by its key."""
    def tidy(name: str) -> pd.DataFrame:
        columns = COLUMNS[name]
        frame = tables[name][list(columns)].astype(columns)
        return frame.sort_values(list(KEYS[name]), na_position="last", kind="stable").reset_index(drop=True)

    return CaseFacts(**{f.name: tidy(f.name) for f in fields(CaseFacts)})


def case_facts_of(incidents: pd.DataFrame) -> CaseFacts:
    """The case facts of an incidents frame (the contract's columns, as the stores give them; only those the facts
    count are read)."""
    reported_day = incidents["reported_at"].dt.floor("D")
    solved = (incidents["status"] != "reported").to_numpy()
    solved_on = incidents["solved_on"].dt.floor("D")
    solved_day = solved_on.where(solved)
    crime_type = incidents["crime_type"]
    patrol = (incidents["discovery"] == "patrol_stop").to_numpy()

    by_report = pd.DataFrame({
        "day": reported_day, "crime_type": crime_type, "incidents": 1, "patrol_stops": patrol.astype("int64"),
        "patrol_fugitives": np.where(patrol, incidents["fugitives_caught"].to_numpy(), 0),
        "admin_transfers": (incidents["discovery"] == "admin_transfer").to_numpy().astype("int64"),
    })
    reported = by_report.groupby(["day", "crime_type"], observed=True, sort=False).sum().reset_index()

    done = solved_day.notna().to_numpy()
    solved_rows = incidents.loc[done, ["crime_type", "status", "suspects_caught", "arrests_approved",
                                       "recovered_yuan", "assets_seized_yuan", "gang_id"]]
    sums = solved_rows.assign(day=solved_day[done], cases=1, judged=(solved_rows["status"] == "judged").astype("int64"))
    solved_table = sums.drop(columns=["status", "gang_id"]).groupby(["day", "crime_type"], observed=True,
                                                                     sort=False).sum().reset_index()
    gangs = sums.loc[sums["gang_id"].notna(), ["day", "crime_type", "gang_id"]].drop_duplicates()

    homicide = done & (crime_type == "homicide").to_numpy()
    waited = (solved_day[homicide] - reported_day[homicide]).dt.days >= COLD_CASE_DAYS
    cold = pd.DataFrame({"day": solved_day[homicide][waited], "cases": 1,
                         "fugitives_caught": incidents["fugitives_caught"][homicide][waited]})
    cold_homicides = cold.groupby("day", sort=False).sum().reset_index()

    counted = pd.DataFrame({"reported_day": reported_day, "solved_day": solved_day, "solved": solved, "incidents": 1})
    solving = (counted[reported_day.notna().to_numpy()]
               .groupby(["reported_day", "solved_day", "solved"], dropna=False, sort=False).sum().reset_index())
    return facts_from_tables({"reported": reported, "solved": solved_table, "gangs": gangs,
                              "cold_homicides": cold_homicides, "solving": solving})
