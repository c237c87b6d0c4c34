"""The data as the app reads it: checked once per data version and shared by every session (never mutate it)."""
from __future__ import annotations

import streamlit as st

from lib.data.db.connect import engine_for
from lib.data.db.store import load_county
from lib.data.db.writes import DbWrites
from lib.data.location import DataSource
from lib.data.snapshot import load_bundle_cached
from lib.data.store import DataBundle
from lib.data.writes import sweep_leftovers
from lib.settings import read_settings


@st.cache_resource(max_entries=2, show_spinner="正在载入数据 / Loading data…")
def bundle_at(source: DataSource) -> DataBundle:
    """The checked data of one data folder, or one county of the database, at one version (raises DataLoadError
    when it is broken).

    Keyed by the version, so a write by this process or another (or another replica) is read on the next rerun. The
    temp files of file writes killed before (this process's start, or another's) are swept first."""
    settings = read_settings()
    if source.database:
        return load_county(settings.database_url, source.county)
    sweep_leftovers(source.path)
    return load_bundle_cached(source.path, settings.cache_dir)


def database_writes(source: DataSource) -> DbWrites:
    """The uploads and rollbacks of a database source's county (PINGAN_DATABASE_URL)."""
    return DbWrites(engine_for(read_settings().database_url), source.county)
