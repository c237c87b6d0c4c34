"""Rows out of the database through `COPY ... TO STDOUT` as CSV: fast at millions of rows, and in the contract's own
text formats, so they go through the same reading and checks as a file."""
from __future__ import annotations

import io

import pandas as pd
import pyarrow.csv as pacsv
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

from lib.data.contracts import ColumnSpec


def as_contract_text(column: sa.ColumnElement, col: ColumnSpec) -> sa.ColumnElement:
    """A column in the text format of the contract's files (dates as YYYY-MM-DD, times to the minute)."""
    if col.kind == "datetime":
        return sa.func.to_char(column, "YYYY-MM-DD HH24:MI")
    if col.kind == "date":
        return sa.func.to_char(column, "YYYY-MM-DD")
    if col.kind == "bool":
        return sa.cast(column, sa.Text)
    return column


def literal_sql(statement: sa.Executable) -> str:
    """The statement as PostgreSQL text with its values written in (COPY takes no bound parameters)."""
    return str(statement.compile(dialect=postgresql.dialect(), compile_kwargs={"literal_binds": True}))


def copy_csv(connection: sa.Connection, statement: sa.Executable) -> bytes:
    """The statement's rows as CSV with a header line."""
    buffer = io.BytesIO()
    cursor = connection.connection.driver_connection.cursor()
    with cursor.copy(f"COPY ({literal_sql(statement)}) TO STDOUT WITH (FORMAT csv, HEADER)") as copy:
        for chunk in copy:
            buffer.write(chunk)
    return buffer.getvalue()


def copy_frame(connection: sa.Connection, statement: sa.Executable, types: dict[str, object]) -> pd.DataFrame:
    """The statement's rows as a frame, each column read straight into its pyarrow type (no text per row)."""
    data = copy_csv(connection, statement)
    table = pacsv.read_csv(io.BytesIO(data), convert_options=pacsv.ConvertOptions(column_types=types))
    return table.to_pandas()
