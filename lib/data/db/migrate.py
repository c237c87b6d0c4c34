"""The database schema brought to the current version with Alembic (lib/data/db/migrations/versions/)."""
from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def alembic_config(connection: sa.Connection) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def upgrade(engine: sa.Engine) -> None:
    """Create or bring up to date every table (each migration once; safe to run on every start or load)."""
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "head")
