"""Which of an upload's row keys a dataset holds already, asked of the database: an upload may bring two million
keys, and the dataset may hold ten million, so neither side is read into the app."""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa

from lib.data.contracts import DatasetSpec
from lib.data.db.copy import as_contract_text
from lib.data.db.schema import COUNTY, TABLES, per_county

_INCOMING = sa.table("incoming_keys", sa.column("key", sa.Text))


def _copy_text(value: str) -> str:
    """A value in COPY's text format (backslash, tab and line breaks escaped)."""
    return str(value).replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def key_expression(spec: DatasetSpec) -> sa.ColumnElement:
    """A row's key as lib/data/templates.key_text writes it: its id, or its one-row-per columns joined by '|'."""
    table = TABLES[spec.name]
    parts = [sa.cast(as_contract_text(table.c[name], spec.column(name)), sa.Text) for name in spec.key_columns]
    if len(parts) == 1 and spec.column(spec.key_columns[0]).kind == "str":
        return table.c[spec.key_columns[0]]  # the column itself: its index finds each key
    return parts[0] if len(parts) == 1 else sa.func.concat_ws("|", *parts)


def keys_held(connection: sa.Connection, spec: DatasetSpec, county: str, keys: Sequence[str]) -> set[str]:
    """Those of `keys` that dataset `spec` holds for `county` (the province-wide datasets: for every county), in the
    connection's transaction (an append asks under the write lock)."""
    connection.execute(sa.text("CREATE TEMPORARY TABLE IF NOT EXISTS incoming_keys (key text) ON COMMIT DROP"))
    connection.execute(sa.text("TRUNCATE incoming_keys"))
    cursor = connection.connection.driver_connection.cursor()
    with cursor.copy("COPY incoming_keys (key) FROM STDIN") as copy:
        copy.write("".join(f"{_copy_text(key)}\n" for key in keys).encode("utf-8"))
    table = TABLES[spec.name]
    query = (sa.select(_INCOMING.c.key).distinct()
             .select_from(_INCOMING.join(table, key_expression(spec) == _INCOMING.c.key)))
    if per_county(spec):
        query = query.where(table.c[COUNTY] == county)
    return set(connection.execute(query).scalars().all())


def rows_held(connection: sa.Connection, spec: DatasetSpec, county: str) -> int:
    """How many rows dataset `spec` holds for `county`."""
    table = TABLES[spec.name]
    query = sa.select(sa.func.count()).select_from(table)
    return int(connection.execute(query.where(table.c[COUNTY] == county) if per_county(spec) else query).scalar_one())
