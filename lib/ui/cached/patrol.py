"""The patrol page's cached figures: the filter-independent base once per data version, post reach per reach
time, every figure of one filter state, and its map rendered."""
from __future__ import annotations

import streamlit as st

from lib.audience import Audience
from lib.data.incident_points import bundle_points
from lib.data.location import DataSource
from lib.metrics.patrol_view import PatrolBase, PatrolFigures, PatrolFilters, Reach, build_base, patrol_figures, post_reach
from lib.ui.data import bundle_at
from lib.ui.present import Presentation
from lib.ui.show import MapView, map_view
from lib.viz.basemap import TileConfig
from lib.viz.patrol_map import patrol_map


@st.cache_resource(show_spinner="正在准备巡逻轨迹 / Preparing patrol routes…", max_entries=2)
def patrol_base(source: DataSource) -> PatrolBase:
    """Routes sampled in a metric CRS, incidents projected, areas measured. Shared read-only by every session."""
    bundle = bundle_at(source)
    return build_base(bundle, bundle_points(bundle))  # the points are kept by the base: not cached on their own


@st.cache_resource(show_spinner=False, max_entries=12)
def patrol_reach(source: DataSource, minutes: int) -> Reach:
    """The areas within `minutes` of a post, on foot and by vehicle. Shared read-only by every session."""
    return post_reach(patrol_base(source), minutes)


@st.cache_data(max_entries=32, show_spinner=False)
def patrol_view(source: DataSource, filters: PatrolFilters) -> PatrolFigures:
    """Every figure of one filter state."""
    return patrol_figures(bundle_at(source), patrol_base(source), patrol_reach(source, filters.reach_min), filters)


@st.cache_resource(show_spinner=False, max_entries=16)
def patrol_map_view(source: DataSource, filters: PatrolFilters, audience: Audience, tiles: TileConfig,
                    presentation: Presentation) -> MapView:
    """The map of one filter state, rendered once (about 200 ms at 1M incidents). Shared read-only by every
    session; the same state redrawn sends the browser no map again."""
    bundle = bundle_at(source)
    folium_map = patrol_map(patrol_view(source, filters), bundle["towns"], bundle["villages"], bundle["posts"],
                            bundle["patrol_sessions"], patrol_reach(source, filters.reach_min), audience, tiles,
                            patrol_base(source).town_label_points)
    return map_view(folium_map, presentation)
