"""The crime page's cached figures: the day x town x crime-type cube, built once per data version."""
from __future__ import annotations

import streamlit as st

from lib.data.location import DataSource
from lib.metrics.crime_cube import CrimeCube, build_cube
from lib.ui.data import bundle_at


@st.cache_resource(max_entries=2, show_spinner=False)
def crime_cube(source: DataSource) -> CrimeCube:
    """Shared read-only by every session (never mutate it)."""
    bundle = bundle_at(source)
    return build_cube(bundle["incidents"], bundle["towns"])
