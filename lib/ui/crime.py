"""Streamlit glue of the crime page: the cached cube, and chart clicks routed into URL-bound filters."""
from __future__ import annotations

from collections.abc import Sequence

import plotly.graph_objects as go
import streamlit as st

from lib.metrics.crime_cube import CrimeCube, build_cube
from lib.ui.charts import show_chart
from lib.ui.loaders import bundle_at


@st.cache_resource(max_entries=2, show_spinner=False)
def crime_cube(data_dir: str) -> CrimeCube:
    """The day x town x crime-type cube of the data folder's incidents, built once per process (read-only)."""
    bundle = bundle_at(data_dir)
    return build_cube(bundle["incidents"], bundle["towns"])


def clicked_codes(points: Sequence[dict], allowed: Sequence[str]) -> list[str]:
    """The codes carried in `customdata` by the clicked points, in the allowed order (points without one are ignored)."""
    given = set()
    for point in points:
        data = point.get("customdata")
        given.update(data if isinstance(data, list) else [data])
    return [code for code in allowed if code in given]


def filter_chart(fig: go.Figure, key: str, param: str, allowed: Sequence[str], title: str) -> None:
    """Show `fig`; a click on a bar or line sets the URL-bound multiselect `param` to the codes it carries."""
    def narrow() -> None:
        codes = clicked_codes(st.session_state[key].selection.points, allowed)
        if codes:
            st.session_state[param] = codes

    show_chart(fig, name=key, title=title, key=key, on_select=narrow, selection_mode="points",
               config={"displaylogo": False})
