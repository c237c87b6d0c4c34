"""The data as the app reads it: checked once per data version and shared by every session (never mutate it)."""
from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

import streamlit as st

from lib.data.contracts import DATASETS
from lib.data.location import DataSource
from lib.data.snapshot import load_bundle_cached, snapshot_path
from lib.data.store import DataBundle
from lib.data.writes import sweep_leftovers
from lib.i18n import Lang, t
from lib.settings import read_settings

if TYPE_CHECKING:  # the database modules are imported by deployments that use one (SQLAlchemy costs every start)
    from lib.data.db.writes import DbWrites

_COLD_LOAD = threading.Lock()  # one cold load at a time: a second session waits for the first's snapshot
_loaded: dict[Path, DataBundle] = {}  # snapshot path -> the bundle prepare() loaded, until bundle_at takes it
_prepared: set[Path] = set()  # loaded here already (its snapshot may not have been writable: never load it twice)


def prepare(source: DataSource, lang: Lang) -> None:
    """Before bundle_at: when the data folder has no snapshot yet (a cold start, or changed files), read and check
    it here with a progress bar, and hand the bundle to bundle_at (a cached function should draw nothing)."""
    if source.database:
        return
    settings = read_settings()
    with _COLD_LOAD:
        snapshot = snapshot_path(source.path, settings.cache_dir)
        if snapshot in _prepared or snapshot.exists():
            return
        sweep_leftovers(source.path)
        names = {spec.name: spec.zh if lang == "zh" else spec.en for spec in DATASETS}
        bar = st.progress(0.0)

        def progress(done: int, total: int, name: str) -> None:
            bar.progress(done / total, text=t("shell.loading_dataset", lang, dataset=names[name], done=done + 1,
                                              total=total))
        try:
            _loaded[snapshot] = load_bundle_cached(source.path, settings.cache_dir, progress)
            _prepared.add(snapshot)
        finally:
            bar.empty()


@st.cache_resource(max_entries=2, show_spinner="正在载入数据 / Loading data…")
def bundle_at(source: DataSource) -> DataBundle:
    """The checked data of one data folder, or one county of the database, at one version (raises DataLoadError
    when it is broken).

    Keyed by the version, so a write by this process or another (or another replica) is read on the next rerun. The
    temp files of file writes killed before (this process's start, or another's) are swept first."""
    settings = read_settings()
    if source.database:
        from lib.data.db.store import load_county

        return load_county(settings.database_url, source.county)
    with _COLD_LOAD:
        loaded = _loaded.pop(snapshot_path(source.path, settings.cache_dir), None)
    if loaded is not None:
        return loaded
    sweep_leftovers(source.path)
    bundle = load_bundle_cached(source.path, settings.cache_dir)
    _prepared.add(snapshot_path(source.path, settings.cache_dir))  # in memory now: prepare() need not load it
    return bundle


def database_writes(source: DataSource) -> DbWrites:
    """The uploads and rollbacks of a database source's county (PINGAN_DATABASE_URL)."""
    from lib.data.db.connect import engine_for
    from lib.data.db.writes import DbWrites

    return DbWrites(engine_for(read_settings().database_url), source.county)
