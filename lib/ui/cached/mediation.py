"""The dispute-mediation page's cached figures."""
from __future__ import annotations

from datetime import date

import streamlit as st

from lib.data.location import DataSource
from lib.metrics.mediation_detail import MediationFigures, mediation_figures
from lib.ui.data import bundle_at


@st.cache_data(max_entries=64, show_spinner=False)
def mediation_page_figures(source: DataSource, start: date, end: date, towns: tuple[str, ...],
                           types: tuple[str, ...], channels: tuple[str, ...]) -> MediationFigures:
    return mediation_figures(bundle_at(source), start, end, towns, types, channels)
