"""The dark theme of a plotly figure keeps every text readable on the dark page and leaves the original alone."""
from __future__ import annotations

import folium
import plotly.graph_objects as go
import pytest

from lib.viz.theme import (DARK_BG, DARK_BOX, DARK_FOLIUM_CSS, DARK_GRID, DARK_MAP_STYLE, DARK_TEXT, MIN_TEXT_LUMINANCE,
                           dark_figure, dark_folium, luminance, readable_on_dark)


def _contrast(a: str, b: str) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def _light_figure() -> go.Figure:
    fig = go.Figure(go.Bar(x=["a", "b"], y=[1, 2], textfont={"color": "#A61B1B"},
                           error_y={"array": [0.1, 0.2], "color": "#222"}))
    fig.add_scatter(x=["a", "b"], y=[2, 1], xaxis="x2", yaxis="y2")
    fig.add_annotation(x="a", y=1, text="东坡区", font={"color": "#A61B1B"}, bgcolor="rgba(255,255,255,0.85)")
    fig.add_annotation(x="b", y=2, text="note")
    fig.update_layout(plot_bgcolor="white", title={"text": "标题", "font": {"color": "#1F2933"}},
                      xaxis2={"anchor": "y2"}, yaxis2={"anchor": "x2"})
    fig.update_xaxes(gridcolor="#e6e9ee")
    return fig


@pytest.mark.parametrize(("color", "expected"), [("#000000", 0.0), ("#ffffff", 1.0), ("rgb(255,255,255)", 1.0),
                                                 ("rgba(0, 0, 0, 0.5)", 0.0),
                                                 ("#fff", 1.0)])
def test_luminance_of_known_colours(color, expected):
    assert luminance(color) == pytest.approx(expected)


@pytest.mark.parametrize("color", ["white", None, ["#000", "#fff"], "#abcd", "hsl(0,0%,0%)"])
def test_luminance_of_anything_else_is_unknown(color):
    assert luminance(color) is None


def test_dark_text_colours_are_lightened_and_keep_their_hue():
    red = readable_on_dark("#A61B1B")
    assert luminance(red) >= MIN_TEXT_LUMINANCE
    assert _contrast(red, DARK_BG) >= 5
    r, g, b = (int(red[i:i + 2], 16) for i in (1, 3, 5))
    assert r > g and r > b, f"still a red: {red}"
    assert luminance(readable_on_dark("#222")) >= MIN_TEXT_LUMINANCE
    assert readable_on_dark("hsl(0,0%,0%)") == "hsl(0,0%,0%)"  # not a colour this module reads: left alone
    assert readable_on_dark("#f2f5fa") == "#f2f5fa"  # already light
    assert readable_on_dark("white") == "white"


def test_dark_figure_has_dark_backgrounds_and_light_text():
    dark = dark_figure(_light_figure())
    layout = dark.layout
    assert layout.paper_bgcolor == DARK_BG and layout.plot_bgcolor == DARK_BG
    assert layout.template.layout.paper_bgcolor == DARK_BG
    assert layout.font.color == DARK_TEXT and layout.legend.font.color == DARK_TEXT
    assert _contrast(DARK_TEXT, DARK_BG) >= 7
    assert layout.xaxis.gridcolor == DARK_GRID and layout.xaxis2.gridcolor == DARK_GRID
    assert layout.yaxis2.gridcolor == DARK_GRID
    assert luminance(layout.title.font.color) >= MIN_TEXT_LUMINANCE
    assert [a.bgcolor for a in layout.annotations] == [DARK_BOX, None]
    assert all(luminance(a.font.color) >= MIN_TEXT_LUMINANCE for a in layout.annotations)
    assert luminance(dark.data[0].textfont.color) >= MIN_TEXT_LUMINANCE
    assert luminance(dark.data[0].error_y.color) >= MIN_TEXT_LUMINANCE


def test_dark_figure_leaves_the_original_and_the_data_alone():
    light = _light_figure()
    before = light.to_json()
    dark = dark_figure(light)
    assert light.to_json() == before
    assert [list(trace.y) for trace in dark.data] == [list(trace.y) for trace in light.data]
    assert [a.text for a in dark.layout.annotations] == ["东坡区", "note"]


def test_a_blank_map_gets_a_dark_blank_background_and_other_map_styles_stay():
    blank = go.Figure(go.Scattermap(lat=[30], lon=[104]))
    blank.update_layout(map={"style": "white-bg"})
    style = dark_figure(blank).layout.map.style
    assert style == DARK_MAP_STYLE and style["sources"] == {}, "a dark map fetches nothing either"
    tiled = go.Figure(go.Scattermap(lat=[30], lon=[104]))
    tiled.update_layout(map={"style": "open-street-map"})
    assert dark_figure(tiled).layout.map.style == "open-street-map"


def test_a_dark_folium_map_gets_a_dark_ground_once():
    m = folium.Map(location=[30, 104], zoom_start=10, tiles=None)
    assert DARK_BG not in m.get_root().render()
    dark_folium(m)
    dark_folium(m)  # a second call replaces the first
    html = m.get_root().render()
    assert html.count(DARK_FOLIUM_CSS) == 1
    assert f".leaflet-container{{background:{DARK_BG} !important}}" in html
