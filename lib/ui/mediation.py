"""Streamlit helpers of the dispute-mediation page: its cached figures, and chart clicks that set a URL-bound filter."""
from __future__ import annotations

from collections.abc import Callable
from datetime import date

import plotly.graph_objects as go
import streamlit as st

from lib.metrics.mediation_detail import MediationFigures, mediation_figures
from lib.ui.charts import show_chart
from lib.ui.loaders import bundle_at

CHART_CONFIG = {"displayModeBar": False, "displaylogo": False}


@st.cache_data(max_entries=64, show_spinner=False)
def mediation_page_figures(start: date, end: date, towns: tuple[str, ...], types: tuple[str, ...],
                           channels: tuple[str, ...], data_dir: str) -> MediationFigures:
    return mediation_figures(bundle_at(data_dir), start, end, towns, types, channels)


def _codes_clicked(chart_key: str) -> list[str]:
    points = st.session_state[chart_key]["selection"]["points"]
    codes = [p.get("customdata") for p in points]
    codes = [c[0] if isinstance(c, list) else c for c in codes]
    return list(dict.fromkeys(str(c) for c in codes if c))


def _filter_from(chart_key: str, param: str) -> Callable[[], None]:
    """A callback: the codes of the clicked bars become the value of the URL-bound filter `param`."""
    def apply() -> None:
        codes = _codes_clicked(chart_key)
        if codes:
            st.session_state[param] = codes

    return apply


def filtering_chart(fig: go.Figure, chart_key: str, param: str) -> None:
    """A plotly chart whose bars (code in customdata) filter the page by `param` when clicked."""
    show_chart(fig, name=chart_key, key=chart_key, on_select=_filter_from(chart_key, param), selection_mode="points",
               config=CHART_CONFIG)


def chart(fig: go.Figure, name: str) -> None:
    """A chart that does not filter; `name` is unique on the page."""
    show_chart(fig, name=name, config=CHART_CONFIG)
