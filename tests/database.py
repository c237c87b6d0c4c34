"""A fresh PostgreSQL database for a test run: created, loaded, and dropped afterwards.

The server is the machine's PostgreSQL (PINGAN_TEST_DATABASE_ADMIN_URL, default the local server's postgres
database). When it cannot be reached the tests that need it fail, never skip: CI must not pass without it.
"""
from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pandas as pd
import pytest
import sqlalchemy as sa
from sqlalchemy.engine import make_url

from lib.data.db.connect import engine_for
from lib.data.db.load import load_folder
from lib.data.store import DataBundle

ADMIN_URL = os.environ.get("PINGAN_TEST_DATABASE_ADMIN_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")


@contextmanager
def fresh_database(tag: str, *folders: Path) -> Iterator[str]:
    """The URL of a new, empty database (with `folders` loaded, each as its county's data), dropped on exit."""
    admin = sa.create_engine(ADMIN_URL, isolation_level="AUTOCOMMIT")
    name = f"pingan_test_{tag}_{os.getpid()}_{secrets.token_hex(3)}"
    try:
        with admin.connect() as connection:
            connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
    except sa.exc.OperationalError as err:
        admin.dispose()
        pytest.fail(f"PostgreSQL is not reachable at {make_url(ADMIN_URL).render_as_string(hide_password=True)}: "
                    f"the database tests need it and never skip ({err.orig})")
    url = make_url(ADMIN_URL).set(database=name).render_as_string(hide_password=False)
    try:
        for folder in folders:
            load_folder(engine_for(url), folder)
        yield url
    finally:
        engine_for(url).dispose()
        with admin.connect() as connection:
            connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def every_incident(bundle: DataBundle) -> pd.DataFrame:
    """Every incident record of a bundle in source order, asked of its source (a database's is never read whole):
    what a test compares with the files."""
    return bundle.incidents.head(bundle.incidents.count()).reset_index(drop=True)
