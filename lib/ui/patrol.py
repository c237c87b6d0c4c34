"""The patrol page's cached computations, map settings and map-click routing (Streamlit-aware)."""
from __future__ import annotations

import os

import streamlit as st

from lib.metrics.patrol_view import PatrolBase, PatrolFigures, PatrolFilters, Reach, build_base, patrol_figures, post_reach
from lib.ui.loaders import bundle_at
from lib.viz.basemap import TileConfig, tile_config
from lib.viz.patrol_map import town_from_click

TILE_KEYS = ("PINGAN_TILES", "PINGAN_TILES_ATTR", "PINGAN_TILES_CRS")


@st.cache_resource(show_spinner="正在准备巡逻轨迹 / Preparing patrol routes…", max_entries=4)
def patrol_base(data_dir: str) -> PatrolBase:
    """Routes sampled in a metric CRS, incidents projected, areas measured: once per data folder."""
    return build_base(bundle_at(data_dir))


@st.cache_resource(show_spinner=False, max_entries=12)
def patrol_reach(minutes: int, data_dir: str) -> Reach:
    return post_reach(patrol_base(data_dir), minutes)


@st.cache_data(max_entries=32, show_spinner=False)
def patrol_view(filters: PatrolFilters, data_dir: str) -> PatrolFigures:
    """Every figure of one filter state (cached per filter state)."""
    return patrol_figures(bundle_at(data_dir), patrol_base(data_dir), patrol_reach(filters.reach_min, data_dir), filters)


def tiles() -> TileConfig:
    """Base tiles from the environment, else from .streamlit/secrets.toml; none by default."""
    settings = {key: os.environ.get(key, "") for key in TILE_KEYS}
    if not settings["PINGAN_TILES"]:
        try:
            settings = {key: str(st.secrets.get(key, "")) for key in TILE_KEYS}
        except (FileNotFoundError, st.errors.StreamlitSecretNotFoundError):  # no secrets file: no tiles
            pass
    return tile_config(settings)


def route_town_click(map_key: str, towns: list[str], param: str = "town") -> None:
    """st_folium on_change: a click on a town (or its village) selects that town in the URL-bound filter."""
    code = town_from_click(st.session_state.get(map_key), towns)
    if code is not None and st.session_state.get(param) != [code]:
        st.session_state[param] = [code]
