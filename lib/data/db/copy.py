"""Rows out of the database through `COPY ... TO STDOUT` as CSV: fast at millions of rows, and in the contract's own
text formats, so they go through the same reading and checks as a file."""
from __future__ import annotations

import io
from collections.abc import Iterable, Iterator

import pyarrow as pa
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


BATCH_BYTES = 4 << 20  # CSV text parsed at a time (some 60,000 rows)


def row_batches(chunks: Iterable[bytes | memoryview], size: int = BATCH_BYTES) -> Iterator[bytearray]:
    """A COPY stream cut into pieces of about `size` bytes, each ending at the end of a row."""
    pending = bytearray()
    for chunk in chunks:
        pending += chunk
        if len(pending) >= size:
            cut = pending.rindex(b"\n") + 1
            batch, pending = pending, pending[cut:]  # only the part row after the cut is copied
            del batch[cut:]
            yield batch
    if pending:
        yield pending


def copy_tables(connection: sa.Connection, statement: sa.Executable, types: dict[str, pa.DataType],
                size: int | None = None) -> Iterator[pa.Table]:
    """The statement's rows (its columns named and typed by `types`, in order) a batch at a time, each column read
    straight into its pyarrow type: millions of rows are never held as text, nor as a Python object each."""
    read = pacsv.ReadOptions(column_names=list(types))
    convert = pacsv.ConvertOptions(column_types=types)
    cursor = connection.connection.driver_connection.cursor()
    with cursor.copy(f"COPY ({literal_sql(statement)}) TO STDOUT WITH (FORMAT csv)") as copy:
        for data in row_batches(copy, size or BATCH_BYTES):
            yield pacsv.read_csv(pa.py_buffer(data), read_options=read, convert_options=convert)
