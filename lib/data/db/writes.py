"""Uploads and rollback in the database: each change one transaction, its earlier version kept, its audit row written.

A change (replace, append or rollback of one dataset, from one county's data page) runs, in one transaction and
holding the database's write lock (load.WRITE_LOCK, so changes from every replica queue one after the other):
  1. the rows about to change are copied whole into a table of their own, `kept_<id>`, and `dataset_versions` says
     what that version is (dataset, county, who, when, kind, rows kept and after, demo or real);
  2. the dataset's rows are written (COPY), numbered on from the rows already there for an append;
  3. `dataset_loads` records the dataset's new state (rows, demo or real, source);
  4. the audit row goes into `audit_trail` (the columns of lib/audit.py);
  5. the data version goes up by one, so every replica reads the new data on its next run.
Any failure rolls all of it back: no rows, no version kept, no audit row, no new data version. A rollback puts the
rows of a kept version back exactly (`INSERT ... SELECT *` from its table) and keeps the rows it replaces too, so a
rollback can itself be undone. An append reads the keys under the lock, so two appends at once both land.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import datetime

import pandas as pd
import sqlalchemy as sa

from lib.audit import COLUMNS, MAX_DETAIL, AuditEvent
from lib.data.contracts import DatasetSpec
from lib.data.db import migrate
from lib.data.db.keys import keys_held, rows_held
from lib.data.db.load import WRITE_LOCK, bump_version, copy_rows, ensure_month_partitions
from lib.data.db.schema import (COUNTY, KEPT_PREFIX, MONTHLY, POSITION, TABLES, audit_trail, dataset_loads,
                                dataset_versions, per_county)
from lib.data.templates import key_text
from lib.data.writes import Appended

REPLACE, APPEND, ROLLBACK = "replace", "append", "rollback"


@dataclass(frozen=True)
class DbVersion:
    """A kept earlier version of one dataset: the rows it held before a change."""

    id: int
    dataset: str
    kind: str  # the change that replaced it: replace, append or rollback
    user: str
    saved_at: datetime  # when it was replaced
    rows: int
    demo: bool  # it held demo data


_upgraded: set[sa.Engine] = set()
_upgrading = threading.Lock()  # Alembic's context is global to the process: one upgrade at a time


def _schema_ready(engine: sa.Engine) -> None:
    """The tables of the versions and the audit rows exist (a database loaded before they did gets them once)."""
    with _upgrading:
        if engine not in _upgraded:
            migrate.upgrade(engine)
            _upgraded.add(engine)


class DbWrites:
    """The changes one county's data page makes to the database."""

    def __init__(self, engine: sa.Engine, county: str):
        self.engine, self.county = engine, county
        _schema_ready(engine)

    # ------------------------------------------------------------ reading

    def versions(self, spec: DatasetSpec) -> list[DbVersion]:
        """The kept versions of the dataset, newest first."""
        v = dataset_versions.c
        query = (sa.select(v.id, v.dataset, v.kind, v.user, v.saved_at, v.rows_kept, v.demo)
                 .where(v.dataset == spec.name, *self._county_of(spec, v[COUNTY])).order_by(v.id.desc()))
        with self.engine.connect() as connection:
            return [DbVersion(int(r.id), r.dataset, r.kind, r.user, r.saved_at, int(r.rows_kept), bool(r.demo))
                    for r in connection.execute(query)]

    def updated(self) -> dict[str, datetime]:
        """When each dataset of the county was last written (loaded, uploaded or rolled back)."""
        loads = dataset_loads.c
        with self.engine.connect() as connection:
            return dict(connection.execute(sa.select(loads.dataset, loads.loaded_at).where(loads[COUNTY] == self.county))
                        .all())

    def audit_rows(self) -> pd.DataFrame:
        """The audit rows of every change made in the database (any county, any replica), oldest first."""
        query = sa.select(*(audit_trail.c[name] for name in COLUMNS)).order_by(audit_trail.c.id)
        with self.engine.connect() as connection:
            return pd.DataFrame(connection.execute(query).all(), columns=list(COLUMNS)).astype(str)

    # ------------------------------------------------------------ changing

    def replace(self, spec: DatasetSpec, frame: pd.DataFrame, source: str, event: AuditEvent) -> int:
        """The dataset replaced by the checked rows of `frame`; the data version after the change."""
        with self.engine.begin() as connection:
            self._lock(connection)
            version = self._keep(connection, spec, REPLACE, event.user)
            self._delete(connection, spec)
            self._insert(connection, spec, frame, 0)
            return self._finish(connection, spec, version, len(frame), False, source, event)

    def append(self, spec: DatasetSpec, frame: pd.DataFrame, source: str, event: AuditEvent) -> Appended:
        """The rows of `frame` whose key the dataset does not hold yet, added after its rows as they are now.
        With no new row nothing is written (no version, no audit row, the same data version)."""
        table = TABLES[spec.name]
        with self.engine.begin() as connection:
            self._lock(connection)
            incoming = key_text(spec, frame)
            fresh = ~incoming.isin(keys_held(connection, spec, self.county, incoming.tolist()))
            duplicates = sorted(incoming[~fresh].tolist())
            if not fresh.any():
                return Appended(0, duplicates)
            next_position = connection.execute(sa.select(sa.func.coalesce(sa.func.max(table.c[POSITION]) + 1, 0))
                                               .where(*self._county_of(spec, table.c[COUNTY]))).scalar_one()
            version = self._keep(connection, spec, APPEND, event.user)
            self._insert(connection, spec, frame[fresh.to_numpy()], int(next_position))
            rows_after = rows_held(connection, spec, self.county)
            self._finish(connection, spec, version, rows_after, False, source, event)
        return Appended(int(fresh.sum()), duplicates)

    def rollback(self, spec: DatasetSpec, version_id: int, event: AuditEvent) -> DbVersion:
        """The rows of a kept version put back exactly; the rows they replace are kept in turn. The version put back."""
        v = dataset_versions.c
        with self.engine.begin() as connection:
            self._lock(connection)
            row = connection.execute(sa.select(v.id, v.dataset, v.kind, v.user, v.saved_at, v.rows_kept, v.demo, v.source)
                                     .where(v.id == version_id, v.dataset == spec.name,
                                            *self._county_of(spec, v[COUNTY]))).first()
            if row is None:
                raise LookupError(f"version {version_id} is not a kept version of {spec.name} for county {self.county}")
            chosen = DbVersion(int(row.id), row.dataset, row.kind, row.user, row.saved_at, int(row.rows_kept),
                               bool(row.demo))
            version = self._keep(connection, spec, ROLLBACK, event.user)
            self._delete(connection, spec)
            connection.execute(sa.text(f"INSERT INTO {spec.name} SELECT * FROM {KEPT_PREFIX}{chosen.id}"))
            self._finish(connection, spec, version, chosen.rows, chosen.demo, row.source, event)
        return chosen

    # ------------------------------------------------------------ the steps of a change

    def _county_of(self, spec: DatasetSpec, column: sa.ColumnElement) -> list[sa.ColumnElement]:
        """The condition on the county: none for the province-wide datasets, which every county shares."""
        return [column == self.county] if per_county(spec) else []

    @staticmethod
    def _lock(connection: sa.Connection) -> None:
        connection.execute(sa.select(sa.func.pg_advisory_xact_lock(WRITE_LOCK)))

    def _keep(self, connection: sa.Connection, spec: DatasetSpec, kind: str, user: str) -> int:
        """The dataset's rows as they are now copied to a table of their own; the id of the version kept."""
        loads = dataset_loads.c
        state = connection.execute(sa.select(loads.demo, loads.source).where(
            loads[COUNTY] == self.county, loads.dataset == spec.name)).first()
        version = connection.execute(dataset_versions.insert().values(
            {COUNTY: self.county, "dataset": spec.name, "kind": kind, "user": user, "saved_at": sa.func.now(),
             "rows_kept": 0, "rows_after": 0, "demo": bool(state.demo) if state else False,
             "source": state.source if state else "", "data_version": 0}).returning(dataset_versions.c.id)).scalar_one()
        table = TABLES[spec.name]
        where = f" WHERE {COUNTY} = :county" if per_county(spec) else ""
        connection.execute(sa.text(f"CREATE TABLE {KEPT_PREFIX}{version} AS SELECT * FROM {table.name}{where}"),
                           {"county": self.county})
        kept = connection.execute(sa.text(f"SELECT count(*) FROM {KEPT_PREFIX}{version}")).scalar_one()
        connection.execute(dataset_versions.update().where(dataset_versions.c.id == version).values(rows_kept=kept))
        return int(version)

    def _delete(self, connection: sa.Connection, spec: DatasetSpec) -> None:
        table = TABLES[spec.name]
        connection.execute(table.delete().where(*self._county_of(spec, table.c[COUNTY])))

    def _insert(self, connection: sa.Connection, spec: DatasetSpec, frame: pd.DataFrame, first_position: int) -> None:
        if spec.name in MONTHLY:
            ensure_month_partitions(connection, spec.name, frame[MONTHLY[spec.name]])
        copy_rows(connection, spec, frame, self.county, first_position)

    def _finish(self, connection: sa.Connection, spec: DatasetSpec, version: int, rows: int, demo: bool,
                source: str, event: AuditEvent) -> int:
        """The dataset's new state, the audit row and the new data version, in the change's transaction."""
        data_version = bump_version(connection)
        connection.execute(dataset_versions.update().where(dataset_versions.c.id == version)
                           .values(rows_after=rows, data_version=data_version))
        loads = dataset_loads.c
        counties = [self.county] if per_county(spec) else [
            county for (county,) in connection.execute(sa.select(sa.distinct(loads[COUNTY])))] or [self.county]
        schema_version = connection.execute(sa.select(sa.func.coalesce(sa.func.max(loads.schema_version), 1))
                                            .where(loads[COUNTY] == self.county)).scalar_one()
        for county in counties:  # a province-wide dataset changes for every county that reads it
            connection.execute(dataset_loads.delete().where(loads[COUNTY] == county, loads.dataset == spec.name))
            connection.execute(dataset_loads.insert().values(
                {COUNTY: county, "dataset": spec.name, "demo": demo, "rows": rows, "schema_version": schema_version,
                 "loaded_at": sa.func.now(), "source": source}))
        record = {name: str(getattr(event, name)) for name in COLUMNS}
        record["detail"] = record["detail"][:MAX_DETAIL]
        connection.execute(audit_trail.insert().values({**record, COUNTY: self.county}))
        return data_version
