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
from pathlib import Path
from typing import Protocol

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from lib.data import case_facts, incident_points
from lib.data.case_facts import CaseFacts, case_facts_of
from lib.data.contracts import INCIDENTS
from lib.data.incident_points import IncidentPoints, points_of

CRIME_CELL_COLUMNS = ("day", "hour", "town_code", "crime_type", "incidents", "solved", "loss_yuan", "recovered_yuan")
CELL_INPUT_COLUMNS = ("reported_at", "town_code", "crime_type", "status", "loss_yuan", "recovered_yuan")  # crime_cells_of


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


def case_facts_files(folder: Path) -> dict[str, Path]:
    """Where a snapshot folder keeps the tables of its incidents' case facts."""
    return {name: Path(folder) / f"case_facts.{name}.parquet" for name in case_facts.COLUMNS}


def save_case_facts(facts: CaseFacts, folder: Path) -> None:
    for name, path in case_facts_files(folder).items():
        getattr(facts, name).to_parquet(path)


def _bounds_from_statistics(metadata: pq.FileMetaData, name: str) -> tuple | None:
    """The least and greatest value of column `name` (nulls left out), from the row groups' statistics: a start reads
    no incidents for the period they cover. None when a row group has no statistics to tell (then read the column)."""
    lows, highs = [], []
    for group in range(metadata.num_row_groups):
        row_group = metadata.row_group(group)
        column = next(row_group.column(i) for i in range(row_group.num_columns)
                      if row_group.column(i).path_in_schema == name)
        stats = column.statistics
        if stats is None or not stats.has_min_max:
            return None
        lows.append(stats.min)
        highs.append(stats.max)
    return (min(lows), max(highs)) if lows else None


class ParquetIncidents:
    """The incidents of a checked-data snapshot (lib/data/snapshot.py), answered from their Parquet file: each question
    reads only the columns it needs (a records question only the row groups of its days), so a server started from
    the snapshot holds the incidents' figures, never their records. Answers equal FrameIncidents' on the same rows."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self._file = pa.memory_map(str(self.path))  # open for good: readable even once a newer snapshot replaces it
        metadata = pq.ParquetFile(self._file).metadata
        self._count = metadata.num_rows
        first, last = _bounds_from_statistics(metadata, "reported_at") or self._bounds_read("reported_at")
        self._span = (None, None) if first is None else (first.date(), last.date())

    def _bounds_read(self, name: str) -> tuple:
        values = self._table([name])[name]
        return pc.min(values).as_py(), pc.max(values).as_py()

    def _table(self, names: Sequence[str], filters: list | None = None) -> pa.Table:
        return pq.read_table(self._file, columns=list(names), filters=filters)

    def _columns(self, names: Sequence[str], filters: list | None = None) -> pd.DataFrame:
        return self._table(names, filters).to_pandas()

    def count(self) -> int:
        return self._count

    def span(self) -> tuple[date | None, date | None]:
        return self._span

    def crime_cells(self) -> Iterator[pd.DataFrame]:
        yield crime_cells_of(self._columns(CELL_INPUT_COLUMNS))

    def case_facts(self) -> CaseFacts:
        """Counted when the snapshot was made (case_facts_files): the overview, the first page of a warm start,
        reads a few megabytes, not the incidents."""
        saved = case_facts_files(self.path.parent)
        if all(path.exists() for path in saved.values()):
            return case_facts.facts_from_tables({name: pd.read_parquet(path) for name, path in saved.items()})
        return case_facts_of(self._columns(case_facts.INPUT_COLUMNS))

    def points(self, towns: pd.DataFrame, villages: pd.DataFrame) -> IncidentPoints:
        return points_of(self._columns(incident_points.INPUT_COLUMNS), towns, villages)

    def records(self, start: date, end: date, towns: Sequence[str], types: Sequence[str],
                cap: int) -> tuple[pd.DataFrame, int]:
        days = [("reported_at", ">=", pd.Timestamp(start)), ("reported_at", "<", pd.Timestamp(end) + pd.Timedelta(days=1))]
        chosen = self._columns(INCIDENTS.column_names, days)
        return FrameIncidents(chosen).records(start, end, towns, types, cap)

    def existing_keys(self, keys: Sequence[str]) -> set[str]:
        return FrameIncidents(self._columns(INCIDENTS.key_columns)).existing_keys(keys)

    def code_counts(self, column: str) -> pd.Series:
        return FrameIncidents(self._columns([column])).code_counts(column)

    def head(self, rows: int) -> pd.DataFrame:
        file = pq.ParquetFile(self._file)
        first = next(file.iter_batches(batch_size=max(rows, 1)), None)
        table = pa.Table.from_batches([first] if first is not None else [], schema=file.schema_arrow)
        return table.to_pandas().head(rows)
