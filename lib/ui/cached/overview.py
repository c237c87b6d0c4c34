"""The overview's cached figures."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from lib.data.location import DataSource
from lib.metrics.crime import ReportOrder, report_order
from lib.metrics.overview import OverviewFigures, overview, province_rankings
from lib.ui.data import bundle_at


@st.cache_resource(max_entries=2, show_spinner=False)
def incident_order(source: DataSource) -> ReportOrder:
    """The incidents sorted by day reported and by day solved, once per data version. Shared read-only."""
    return report_order(bundle_at(source)["incidents"])


@st.cache_resource(max_entries=2, show_spinner=False)
def rankings(source: DataSource) -> dict[int, pd.DataFrame]:
    """The county ranking of every survey year (its 2,000 simulated draws), once per data version. Shared read-only."""
    return province_rankings(bundle_at(source))


@st.cache_data(max_entries=32, show_spinner=False)
def overview_figures(source: DataSource, year: int, district: str) -> OverviewFigures:
    return overview(bundle_at(source), year, district, incident_order(source), rankings(source))
