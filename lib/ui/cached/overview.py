"""The overview's cached figures."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from lib.data.case_facts import CaseFacts
from lib.data.location import DataSource
from lib.metrics.overview import OverviewFigures, overview, province_rankings
from lib.ui.data import bundle_at


@st.cache_resource(max_entries=2, show_spinner=False)
def case_facts(source: DataSource) -> CaseFacts:
    """The incidents counted by day (lib.data.case_facts), once per data version. Shared read-only."""
    return bundle_at(source).incidents.case_facts()


@st.cache_resource(max_entries=2, show_spinner=False)
def rankings(source: DataSource) -> dict[int, pd.DataFrame]:
    """The county ranking of every survey year (its 2,000 simulated draws), once per data version. Shared read-only."""
    return province_rankings(bundle_at(source))


@st.cache_data(max_entries=32, show_spinner=False)
def overview_figures(source: DataSource, year: int, district: str) -> OverviewFigures:
    return overview(bundle_at(source), year, district, case_facts(source), rankings(source))
