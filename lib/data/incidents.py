"""The incidents of one county as the pages use them: counted, or a bounded selection of records.

Incidents are the one dataset that grows to millions of rows. Pages never take its whole frame: they ask an
`IncidentSource` for counts (the crime cube's cells, the case facts), for compact points (the patrol map), or
for the few records a table shows. `FrameIncidents`
answers from the checked frame a data folder gives; `lib.data.db.incidents.DbIncidents` answers with SQL, so a
database deployment never holds every record in the app's memory. Both give equal answers on the same data
(tests/unit/test_db_incidents.py).
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date
from typing import Protocol

import pandas as pd

from lib.data.case_facts import CaseFacts, case_facts_of
from lib.data.contracts import INCIDENTS
from lib.data.incident_points import IncidentPoints, points_of

CRIME_CELL_COLUMNS = ("day", "hour", "town_code", "crime_type", "incidents", "solved", "loss_yuan", "recovered_yuan")


class IncidentSource(Protocol):
    def count(self) -> int:
        """How many incidents there are."""

    def span(self) -> tuple[date | None, date | None]:
        """The first and the last day an incident was reported (None, None without incidents)."""

    def crime_cells(self) -> Iterator[pd.DataFrame]:
        """Incidents by day reported x hour x town x crime type (columns CRIME_CELL_COLUMNS, in no set order), a
        batch of cells at a time: how many, how many solved by now (status other than reported), their losses and
        recoveries in yuan."""

    def case_facts(self) -> CaseFacts:
        """The incidents counted by day reported and by day solved (lib/data/case_facts.py)."""

    def points(self, towns: pd.DataFrame, villages: pd.DataFrame) -> IncidentPoints:
        """Every incident as a point on the map with its day, hour, town and village (positions in `towns` and
        `villages`): compact arrays, in source order (lib/data/incident_points.py)."""

    def records(self, start: date, end: date, towns: Sequence[str], types: Sequence[str],
                cap: int) -> tuple[pd.DataFrame, int]:
        """The incidents reported from `start` to `end` in `towns` of `types` (empty: all), newest first (ties in
        their source order), at most `cap` of them; and how many match in all."""

    def existing_keys(self, keys: Sequence[str]) -> set[str]:
        """Those of `keys` (incident ids) that are already on record."""

    def code_counts(self, column: str) -> pd.Series:
        """How many incidents use each value of a code column (town_code, village_code), indexed by the code."""

    def head(self, rows: int) -> pd.DataFrame:
        """The first `rows` incidents in source order (a template's example row)."""


def crime_cells_of(incidents: pd.DataFrame) -> pd.DataFrame:
    """The crime cells (IncidentSource.crime_cells) of a checked incidents frame."""
    reported = incidents["reported_at"]
    counted = pd.DataFrame({
        "day": reported.dt.floor("D"), "hour": reported.dt.hour, "town_code": incidents["town_code"],
        "crime_type": incidents["crime_type"], "solved": (incidents["status"] != "reported").to_numpy(),
        "loss_yuan": incidents["loss_yuan"], "recovered_yuan": incidents["recovered_yuan"]})
    cells = counted.groupby(["day", "hour", "town_code", "crime_type"], observed=True, sort=False).agg(
        incidents=("solved", "size"), solved=("solved", "sum"), loss_yuan=("loss_yuan", "sum"),
        recovered_yuan=("recovered_yuan", "sum")).reset_index()
    return cells.astype({"hour": "int8", "incidents": "int64", "solved": "int64", "loss_yuan": "int64",
                         "recovered_yuan": "int64"})[list(CRIME_CELL_COLUMNS)]


class FrameIncidents:
    """The incidents of a data folder, answered from its checked frame (shared read-only)."""

    def __init__(self, frame: pd.DataFrame):
        self.frame = frame

    def count(self) -> int:
        return len(self.frame)

    def span(self) -> tuple[date | None, date | None]:
        reported = self.frame["reported_at"]
        first, last = reported.min(), reported.max()
        return (None, None) if pd.isna(first) else (first.date(), last.date())

    def crime_cells(self) -> Iterator[pd.DataFrame]:
        yield crime_cells_of(self.frame)

    def case_facts(self) -> CaseFacts:
        return case_facts_of(self.frame)

    def points(self, towns: pd.DataFrame, villages: pd.DataFrame) -> IncidentPoints:
        return points_of(self.frame, towns, villages)

    def records(self, start: date, end: date, towns: Sequence[str], types: Sequence[str],
                cap: int) -> tuple[pd.DataFrame, int]:
        incidents, reported = self.frame, self.frame["reported_at"]
        mask = (reported >= pd.Timestamp(start)) & (reported < pd.Timestamp(end) + pd.Timedelta(days=1))
        if towns:
            mask &= incidents["town_code"].isin(towns)
        if types:
            mask &= incidents["crime_type"].isin(types)
        chosen = incidents[mask]
        return chosen.sort_values("reported_at", ascending=False, kind="stable").head(cap), len(chosen)

    def existing_keys(self, keys: Sequence[str]) -> set[str]:
        return set(keys) & set(self.frame[INCIDENTS.key_columns[0]].astype(str))

    def code_counts(self, column: str) -> pd.Series:
        counts = self.frame[column].astype(str).value_counts()
        return counts[counts > 0]

    def head(self, rows: int) -> pd.DataFrame:
        return self.frame.head(rows)
