"""The crime page's cached figures: the day x town x crime-type cube, built once per data version."""
from __future__ import annotations

import streamlit as st

from datetime import date

import pandas as pd

from lib.data.location import DataSource
from lib.metrics.compstat import compstat
from lib.metrics.crime_cube import CrimeCube, cube_from_cells
from lib.ui.data import bundle_at


@st.cache_resource(max_entries=2, show_spinner=False)
def crime_cube(source: DataSource) -> CrimeCube:
    """Shared read-only by every session (never mutate it)."""
    bundle = bundle_at(source)
    return cube_from_cells(bundle.incidents.crime_cells(), bundle["towns"], bundle.incidents.span())


@st.cache_data(max_entries=64, show_spinner=False)
def compstat_table(source: DataSource, as_of: date, towns: tuple[str, ...], types: tuple[str, ...]) -> pd.DataFrame:
    """The CompStat comparison (its exact tests cost about 0.1 s): the same for every period chosen."""
    return compstat(crime_cube(source), as_of, towns, types)
