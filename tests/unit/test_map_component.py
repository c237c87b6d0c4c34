"""The map component gets from a rendering made once exactly what st_folium would send for the same map."""
import folium
import pytest
import streamlit_folium

from lib.ui import map_component
from lib.ui.map_component import draw_map, render_map


def a_map() -> folium.Map:
    m = folium.Map(location=[30.05, 103.85], zoom_start=11, tiles=None, prefer_canvas=True)
    shapes = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"code": "511402001", "name": "<b>苏祠</b>"},
         "geometry": {"type": "Polygon", "coordinates": [[[103.8, 30.0], [103.9, 30.0], [103.9, 30.1], [103.8, 30.0]]]}}]}
    folium.GeoJson(shapes, tooltip=folium.GeoJsonTooltip(["name"])).add_to(m)
    folium.CircleMarker([30.05, 103.85], radius=4).add_to(m)
    return m


@pytest.fixture
def sent(monkeypatch):
    calls = []

    def record(**kwargs):
        calls.append({k: v for k, v in kwargs.items() if k != "on_change"})

    monkeypatch.setattr(streamlit_folium, "_component_func", record)
    monkeypatch.setattr(map_component, "_component_func", record)
    return calls


@pytest.mark.parametrize("returned", [[], ["last_active_drawing"], ["bounds", "zoom"]])
def test_the_component_receives_what_st_folium_sends(sent, returned):
    m = a_map()
    rendered = render_map(m, with_bounds="bounds" in returned)
    streamlit_folium.st_folium(m, key="the_map", height=500, use_container_width=True, returned_objects=returned)
    draw_map(rendered, key="the_map", height=500, returned_objects=returned)
    assert sent[0] == sent[1]
    assert "苏祠" in rendered.script or "\\u82cf" in rendered.script


def test_bounds_are_returned_only_from_a_map_rendered_with_them(sent):
    with pytest.raises(ValueError, match="with_bounds"):
        draw_map(render_map(a_map()), key="the_map", height=500, returned_objects=["bounds"])


def test_rendering_leaves_the_map_as_it_was_and_gives_the_same_each_time():
    m = a_map()
    first = render_map(m)
    assert render_map(m) == first
    assert first.size > 1000


def test_the_patrol_map_renders_for_the_component_as_st_folium_renders_it(bundle, sent):
    """The real map (choropleth, villages, heat, routes, reach areas, posts, legend) in the dark theme."""
    from datetime import date

    from lib.audience import Audience
    from lib.data.incident_points import bundle_points
    from lib.metrics.patrol_view import PatrolFilters, build_base, patrol_figures, post_reach
    from lib.viz.basemap import TileConfig
    from lib.viz.offline_assets import localize
    from lib.viz.patrol_map import patrol_map
    from lib.viz.theme import dark_folium

    base = build_base(bundle, bundle_points(bundle))
    reach = post_reach(base, 10)
    fig = patrol_figures(bundle, base, reach, PatrolFilters(date(2020, 1, 1), date(2020, 12, 31), towns=("511402003",)))
    m = dark_folium(localize(patrol_map(fig, bundle["towns"], bundle["villages"], bundle["posts"],
                                        bundle["patrol_sessions"], reach, Audience.internal("zh"), TileConfig()), "/v"))
    rendered = render_map(m)
    streamlit_folium.st_folium(m, key="patrol_map", height=600, use_container_width=True,
                               returned_objects=["last_active_drawing"])
    draw_map(rendered, key="patrol_map", height=600, returned_objects=["last_active_drawing"])
    assert sent[0] == sent[1]
