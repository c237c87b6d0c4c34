"""`DbIncidents`: one county's incidents answered by the database (lib/data/incidents.IncidentSource).

Counts are GROUP BY queries and records are bounded queries, so the app holds the cells of the crime cube and the
rows a table shows, never every incident: a county of ten million incidents is served in well under a gigabyte.
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date

import pandas as pd
import sqlalchemy as sa

from lib.data.case_facts import CaseFacts
from lib.data.contracts import INCIDENTS
from lib.data.incident_points import IncidentPoints
from lib.data.db import aggregates
from lib.data.db.copy import as_contract_text, copy_csv
from lib.data.db.keys import keys_held
from lib.data.db.points import incident_points
from lib.data.db.schema import COUNTY, POSITION, TABLES
from lib.data.store import parse_frame, read_csv_fast

_TABLE = TABLES[INCIDENTS.name]


class DbIncidents:
    """The incidents of one county (its adcode) in a database made by lib/data/db/load.py."""

    def __init__(self, engine: sa.Engine, county: str):
        """Counts the incidents and finds their first and last day at once (one scan): a source stands for one data
        version, so they never change while it is used."""
        self.engine, self.county = engine, county
        reported = _TABLE.c.reported_at
        with self.engine.connect() as connection:
            rows, first, last = connection.execute(
                sa.select(sa.func.count(), sa.func.min(reported), sa.func.max(reported)).where(self._of_county())).one()
        self._count = int(rows)
        self._span = (None, None) if first is None else (first.date(), last.date())

    def _of_county(self) -> sa.ColumnElement:
        return _TABLE.c[COUNTY] == self.county

    def count(self) -> int:
        return self._count

    def span(self) -> tuple[date | None, date | None]:
        return self._span

    def crime_cells(self) -> Iterator[pd.DataFrame]:
        with self.engine.connect() as connection:
            yield from aggregates.crime_cells(connection, self.county)

    def case_facts(self) -> CaseFacts:
        with self.engine.connect() as connection:
            return aggregates.case_facts(connection, self.county)

    def points(self, towns: pd.DataFrame, villages: pd.DataFrame) -> IncidentPoints:
        with self.engine.connect() as connection:
            return incident_points(connection, self.county, towns, villages, expected_rows=self._count)

    def _frame(self, query: sa.Select) -> pd.DataFrame:
        """The rows of a query of contract columns, read and typed exactly as a file's rows."""
        with self.engine.connect() as connection:
            text = copy_csv(connection, query)
        return parse_frame(INCIDENTS, read_csv_fast(text, INCIDENTS), first_row=2, keys=False)

    def _columns(self) -> list[sa.ColumnElement]:
        return [as_contract_text(_TABLE.c[col.name], col).label(col.name) for col in INCIDENTS.columns]

    def records(self, start: date, end: date, towns: Sequence[str], types: Sequence[str],
                cap: int) -> tuple[pd.DataFrame, int]:
        reported = _TABLE.c.reported_at
        chosen = [self._of_county(), reported >= start, reported < pd.Timestamp(end) + pd.Timedelta(days=1)]
        if towns:
            chosen.append(_TABLE.c.town_code.in_(list(towns)))
        if types:
            chosen.append(_TABLE.c.crime_type.in_(list(types)))
        with self.engine.connect() as connection:
            matched = int(connection.execute(sa.select(sa.func.count()).where(*chosen)).scalar_one())
        newest = sa.select(*self._columns()).where(*chosen).order_by(reported.desc(), _TABLE.c[POSITION]).limit(cap)
        return self._frame(newest), matched

    def existing_keys(self, keys: Sequence[str]) -> set[str]:
        with self.engine.begin() as connection:
            return keys_held(connection, INCIDENTS, self.county, keys)

    def code_counts(self, column: str) -> pd.Series:
        code = _TABLE.c[column]
        with self.engine.connect() as connection:
            rows = connection.execute(sa.select(code, sa.func.count()).where(self._of_county(), code.is_not(None))
                                      .group_by(code)).all()
        return pd.Series({str(value): int(n) for value, n in rows}, dtype="int64", name="count")

    def head(self, rows: int) -> pd.DataFrame:
        return self._frame(sa.select(*self._columns()).where(self._of_county())
                           .order_by(_TABLE.c[POSITION]).limit(rows))

