"""Write a checked data folder into the database as one county's data, in one transaction.

The folder is read and checked exactly as the app reads files (every problem listed, nothing written when there
is one). Then, holding the database's write lock: the months its incidents and disputes need get their partitions,
the county's rows are replaced (the province-wide datasets are replaced whole), what was loaded is recorded in
`dataset_loads`, and the data version goes up by one, so every app replica reads the new data on its next run.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import shapely
import sqlalchemy as sa

from lib.data.contracts import DATASETS, DatasetSpec
from lib.data.db import migrate
from lib.data.db.schema import (COUNTY, GEOMETRY, MONTHLY, POSITION, TABLES, data_version, dataset_loads,
                                per_county)
from lib.data.store import DataBundle, FileStore, load_bundle

WRITE_LOCK = 18_0001  # pg_advisory_xact_lock key: one writer at a time, across every process and replica
COPY_TIME_FORMAT = "%Y-%m-%d %H:%M:%S"


@dataclass(frozen=True)
class LoadReport:
    county: str  # the adcode whose data was replaced
    rows: dict[str, int]  # rows written per dataset
    version: int  # the data version after the load


def partition_name(table: str, month: pd.Period) -> str:
    """The month's partition, e.g. incidents_2020_05 (schema.MONTH_PARTITION)."""
    return f"{table}_{month.year:04d}_{month.month:02d}"


def ensure_month_partitions(connection: sa.Connection, table: str, days: pd.Series) -> None:
    """A partition for every month in `days` (one month of `table` each, created once)."""
    for month in sorted(set(days.dropna().dt.to_period("M"))):
        start, end = month.start_time.date(), (month + 1).start_time.date()
        connection.execute(sa.text(f"CREATE TABLE IF NOT EXISTS {partition_name(table, month)} PARTITION OF {table} "
                                   f"FOR VALUES FROM ('{start}') TO ('{end}')"))


def copy_rows(connection: sa.Connection, spec: DatasetSpec, frame: pd.DataFrame, county: str,
              first_position: int = 0) -> None:
    """The frame's rows appended to the dataset's table with COPY (fast at millions of rows), numbered in their
    order from `first_position` on."""
    rows = pd.DataFrame(frame[spec.column_names])
    rows.insert(0, POSITION, range(first_position, first_position + len(rows)))
    if per_county(spec):
        rows.insert(0, COUNTY, county)
    if spec.geometry:
        rows[GEOMETRY] = ["\\x" + wkb for wkb in shapely.to_wkb(frame.geometry.values, hex=True)]
    text = rows.to_csv(index=False, header=False, date_format=COPY_TIME_FORMAT, lineterminator="\n")
    columns = ", ".join(f'"{name}"' for name in rows.columns)
    cursor = connection.connection.driver_connection.cursor()
    with cursor.copy(f"COPY {spec.name} ({columns}) FROM STDIN WITH (FORMAT csv)") as copy:
        copy.write(text.encode("utf-8"))


def bump_version(connection: sa.Connection) -> int:
    """The data version raised by one, in the caller's transaction: every replica reads afresh on its next run."""
    return int(connection.execute(data_version.update().values(version=data_version.c.version + 1,
                                                               changed_at=sa.func.now())
                                  .returning(data_version.c.version)).scalar_one())


def write_bundle(engine: sa.Engine, bundle: DataBundle, source: str) -> LoadReport:
    """Replace the county's data (the county of the bundle's district outline) by the bundle, in one transaction."""
    county = str(bundle["district_outline"].iloc[0]["adcode"])
    migrate.upgrade(engine)
    rows: dict[str, int] = {}
    with engine.begin() as connection:
        connection.execute(sa.select(sa.func.pg_advisory_xact_lock(WRITE_LOCK)))
        for spec in DATASETS:
            table, frame = TABLES[spec.name], bundle[spec.name]
            if spec.name in MONTHLY:
                ensure_month_partitions(connection, spec.name, frame[MONTHLY[spec.name]])
            connection.execute(table.delete().where(table.c[COUNTY] == county) if per_county(spec) else table.delete())
            copy_rows(connection, spec, frame, county)
            rows[spec.name] = len(frame)
        connection.execute(dataset_loads.delete().where(dataset_loads.c[COUNTY] == county))
        connection.execute(dataset_loads.insert().values(loaded_at=sa.func.now()), [
            {COUNTY: county, "dataset": name, "demo": bundle.manifest.is_demo(name), "rows": count,
             "schema_version": bundle.manifest.schema_version, "source": source}
            for name, count in rows.items()])
        version = bump_version(connection)
    return LoadReport(county, rows, version)


def load_folder(engine: sa.Engine, folder: Path) -> LoadReport:
    """Check a data folder like the app does (raises DataLoadError with every problem), then write it."""
    folder = Path(folder).resolve()
    return write_bundle(engine, load_bundle(FileStore(folder)), str(folder))
