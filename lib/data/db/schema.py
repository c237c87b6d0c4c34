"""The database tables, built from the data contract (lib/data/contracts.py): one table per dataset.

Every dataset of one county carries `county_adcode`, so one database holds a whole city's or province's counties
(the province-wide datasets, counties and county_survey, are shared and have none). `position` keeps each row's
place in its source, so the frames read back are row for row those of the files. Geometry is stored as WKB
(`bytea`): exact, read by shapely on the app side, and turned into a PostGIS geometry by `ST_GeomFromWKB` where
a deployment has PostGIS.

Incidents and disputes are partitioned by month (`PARTITION BY RANGE` on their date) and keyed by county first:
on Citus the same tables are distributed by `county_adcode` unchanged (docs/deployment.md).
"""
from __future__ import annotations

import re

import sqlalchemy as sa

from lib.data.contracts import COUNTIES, COUNTY_SURVEY, DATASETS, DISPUTES, INCIDENTS, ColumnSpec, DatasetSpec

COUNTY = "county_adcode"
POSITION = "position"
GEOMETRY = "geometry"
SHARED = frozenset({COUNTIES.name, COUNTY_SURVEY.name})  # province-wide: one copy for every county
MONTHLY = {INCIDENTS.name: "reported_at", DISPUTES.name: "received_on"}  # partitioned by month on this column

_TYPES: dict[str, type[sa.types.TypeEngine]] = {
    "str": sa.Text, "wkt": sa.Text, "int": sa.BigInteger, "float": sa.Double, "datetime": sa.DateTime,
    "date": sa.Date, "bool": sa.Boolean,
}

metadata = sa.MetaData()
MONTH_PARTITION = re.compile(r"^(?:" + "|".join(MONTHLY) + r")_[0-9]{4}_[0-9]{2}$")  # made by lib/data/db/load.py


def in_migrations(name: str | None, type_: str, parent_names: dict) -> bool:
    """What Alembic compares with the metadata: everything but the month partitions a load creates and the tables
    of kept versions an upload creates."""
    return not (type_ == "table" and name is not None and (MONTH_PARTITION.match(name) or KEPT_TABLE.match(name)))


def per_county(spec: DatasetSpec) -> bool:
    return spec.name not in SHARED


def _column(col: ColumnSpec) -> sa.Column:
    return sa.Column(col.name, _TYPES[col.kind](), nullable=col.nullable)


def _key(spec: DatasetSpec) -> list[str]:
    """The primary key: county, the dataset's own id (else the row's position), and the partition column."""
    own = [c.name for c in spec.columns if c.unique] or [POSITION]
    return ([COUNTY] if per_county(spec) else []) + own + ([MONTHLY[spec.name]] if spec.name in MONTHLY else [])


def _table(spec: DatasetSpec) -> sa.Table:
    columns = [sa.Column(COUNTY, sa.Text, nullable=False)] if per_county(spec) else []
    columns += [sa.Column(POSITION, sa.Integer, nullable=False, autoincrement=False), *map(_column, spec.columns)]
    columns += [sa.Column(GEOMETRY, sa.LargeBinary, nullable=False)] if spec.geometry else []
    options = {"postgresql_partition_by": f"RANGE ({MONTHLY[spec.name]})"} if spec.name in MONTHLY else {}
    return sa.Table(spec.name, metadata, *columns, sa.PrimaryKeyConstraint(*_key(spec), name=f"pk_{spec.name}"),
                    **options)


TABLES: dict[str, sa.Table] = {spec.name: _table(spec) for spec in DATASETS}

# What was loaded, for each county and dataset: the manifest of the database.
dataset_loads = sa.Table(
    "dataset_loads", metadata,
    sa.Column(COUNTY, sa.Text, nullable=False),
    sa.Column("dataset", sa.Text, nullable=False),
    sa.Column("demo", sa.Boolean, nullable=False),
    sa.Column("rows", sa.Integer, nullable=False),
    sa.Column("schema_version", sa.Integer, nullable=False),
    sa.Column("loaded_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("source", sa.Text, nullable=False),
    sa.PrimaryKeyConstraint(COUNTY, "dataset", name="pk_dataset_loads"),
)

# One number that every write raises: every app replica keys its caches by it.
data_version = sa.Table(
    "data_version", metadata,
    sa.Column("id", sa.SmallInteger, nullable=False, autoincrement=False),
    sa.Column("version", sa.BigInteger, nullable=False),
    sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint("id", name="pk_data_version"),
    sa.CheckConstraint("id = 1", name="ck_data_version_one_row"),
)

# Every upload and rollback keeps the rows it replaces in a table of their own, `kept_<id>` (the same columns as the
# dataset's table), and says here what it did: a rollback to a version puts those rows back exactly.
KEPT_PREFIX = "kept_"
KEPT_TABLE = re.compile(r"^kept_[0-9]+$")
dataset_versions = sa.Table(
    "dataset_versions", metadata,
    sa.Column("id", sa.BigInteger, sa.Identity(), nullable=False),
    sa.Column(COUNTY, sa.Text, nullable=False),  # the county whose page made the change
    sa.Column("dataset", sa.Text, nullable=False),
    sa.Column("kind", sa.Text, nullable=False),  # replace, append or rollback
    sa.Column("user", sa.Text, nullable=False),
    sa.Column("saved_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("rows_kept", sa.BigInteger, nullable=False),  # rows of the version kept (those before the change)
    sa.Column("rows_after", sa.BigInteger, nullable=False),
    sa.Column("demo", sa.Boolean, nullable=False),  # whether the rows kept were demo data
    sa.Column("source", sa.Text, nullable=False),  # where the rows kept came from (as dataset_loads said)
    sa.Column("data_version", sa.BigInteger, nullable=False),  # the data version the change made
    sa.PrimaryKeyConstraint("id", name="pk_dataset_versions"),
)
sa.Index("ix_dataset_versions_county_dataset", dataset_versions.c[COUNTY], dataset_versions.c.dataset)

# The audit rows of the changes made in the database, written in the change's own transaction (lib/audit.py COLUMNS).
audit_trail = sa.Table(
    "audit_trail", metadata,
    sa.Column("id", sa.BigInteger, sa.Identity(), nullable=False),
    sa.Column("time", sa.Text, nullable=False),
    sa.Column("user", sa.Text, nullable=False),
    sa.Column("role", sa.Text, nullable=False),
    sa.Column("action", sa.Text, nullable=False),
    sa.Column("detail", sa.Text, nullable=False),
    sa.Column("outcome", sa.Text, nullable=False),
    sa.Column("address", sa.Text, nullable=False),
    sa.Column(COUNTY, sa.Text, nullable=False),
    sa.PrimaryKeyConstraint("id", name="pk_audit_trail"),
)
