"""Cached access to the data. The bundle is read once per process and shared (never mutate it)."""
from __future__ import annotations

from pathlib import Path

import streamlit as st

from lib.data.snapshot import load_bundle_cached
from lib.data.store import DataBundle, data_dir_from_env
from lib.data.writes import adopt_work_copy
from lib.metrics.overview import OverviewFigures, overview


@st.cache_resource(show_spinner="正在载入数据 / Loading data…")
def bundle_at(data_dir: str) -> DataBundle:
    """The checked data of one data folder, read once per process (shared: never mutate it)."""
    return load_bundle_cached(Path(data_dir))


def data_bundle() -> DataBundle:
    """The checked data of the configured data folder; raises DataLoadError when it is broken.

    A work copy made by an earlier upload (lib.data.writes) is read when no folder is configured."""
    adopt_work_copy()
    return bundle_at(str(data_dir_from_env()))


def reload_data() -> None:
    """Forget every cached frame and figure, so that every page reads the data again after a write."""
    bundle_at.clear()
    st.cache_data.clear()


@st.cache_data(max_entries=32, show_spinner=False)
def overview_figures(year: int, data_dir: str) -> OverviewFigures:
    return overview(bundle_at(data_dir), year)
