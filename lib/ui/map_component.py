"""A folium map drawn through streamlit-folium's component, with its rendering kept apart from the drawing.

`st_folium` renders the whole map (Jinja templates compiled anew for each element) on every run: about 200 ms for
the patrol map. `render_map` does that rendering once and gives the arguments the component receives, so a page can
cache them by filter state (lib/ui/cached/<page>.py); `draw_map` sends them. Equal arguments make a byte-equal
element, which Streamlit sends as a reference to the browser's copy instead of the map again.

The arguments are st_folium's own (streamlit_folium 0.27: same helpers, same defaults); tests/unit/test_map_component.py
checks that the element equals the one `st_folium` makes.
"""
from __future__ import annotations

import copy
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import branca
import folium
import folium.elements
import streamlit as st
from streamlit_folium import (_component_func, _get_header, _get_html, _get_map_string, generate_js_hash,
                              get_full_id)


@dataclass(frozen=True)
class RenderedMap:
    """What the map component needs of a folium map, rendered. Read-only: shared by every session."""

    script: str
    header: str
    html: str
    map_id: str
    defaults: dict[str, Any]  # the component's value before the first interaction, every field st_folium knows
    # (the bounds only when measured: render_map)
    css_links: tuple[str, ...]
    js_links: tuple[str, ...]

    @property
    def size(self) -> int:
        """Characters of HTML, CSS and script sent with the map."""
        return len(self.script) + len(self.header) + len(self.html)


def _bounds(bounds: list[list[float | None]]) -> dict[str, dict[str, float | None]]:
    (south, west), (north, east) = bounds
    return {"_southWest": {"lat": south, "lng": west}, "_northEast": {"lat": north, "lng": east}}


def _assets(m: folium.Map) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The stylesheets and scripts the map's elements ask for, in st_folium's order."""
    css: list[str] = []
    js: list[str] = []

    def walk(element: object):
        if isinstance(element, branca.colormap.ColorMap):
            yield element
        if isinstance(element, folium.elements.JSCSSMixin):
            yield element
        for child in getattr(element, "_children", {}).values():
            yield from walk(child)

    for element in walk(m):
        if isinstance(element, branca.colormap.ColorMap):
            js[:0] = ["https://d3js.org/d3.v4.min.js", "https://cdnjs.cloudflare.com/ajax/libs/d3/3.5.5/d3.min.js"]
        css.extend(href for _, href in getattr(element, "default_css", []))
        js.extend(src for _, src in getattr(element, "default_js", []))
    return tuple(dict.fromkeys(css)), tuple(dict.fromkeys(js))


def _read_only_data(element: folium.Element) -> dict[int, object]:
    """A deepcopy memo that shares the layers' data (GeoJSON features, heat points) with the copy: rendering only reads
    it, and copying it is most of the cost of a map of a few hundred kilobytes."""
    memo: dict[int, object] = {}
    for child in [element, *element._children.values()]:
        data = getattr(child, "data", None)
        if isinstance(data, (dict, list)):
            memo[id(data)] = data
        if child is not element:
            memo.update(_read_only_data(child))
    return memo


def render_map(m: folium.Map, *, with_bounds: bool = False) -> RenderedMap:
    """The map rendered as st_folium renders it. Works on a copy: `m` itself is left as it was.

    The component's "bounds" before the first interaction are measured only `with_bounds` (a walk through every
    coordinate of every layer, about a tenth of the patrol map's rendering): none of the app's maps returns them."""
    m = copy.deepcopy(m, _read_only_data(m))  # rendering rewrites element ids: the caller's map (the briefing's)
    # stays untouched
    m.render()  # st_folium renders the whole page first too: nothing it sends comes from that
    html, header = _get_html(m), _get_header(m)  # before _get_map_string, which alters the map
    script = _get_map_string(m)
    defaults = {
        "last_clicked": None, "last_object_clicked": None, "last_object_clicked_count": None,
        "last_object_clicked_tooltip": None, "last_object_clicked_popup": None, "all_drawings": None,
        "last_active_drawing": None, "zoom": m.options.get("zoom"),
        "last_circle_radius": None, "last_circle_polygon": None, "selected_layers": None, "selected_tags": None,
        "last_geocoder_result": None,
    }
    if with_bounds:
        try:
            defaults["bounds"] = _bounds(m.get_bounds())
        except AttributeError:
            defaults["bounds"] = _bounds([[None, None], [None, None]])
    css, js = _assets(m)
    return RenderedMap(script, header, html, get_full_id(m), defaults, css, js)


def draw_map(rendered: RenderedMap, *, key: str, height: int, returned_objects: Iterable[str],
             on_change: Callable[[], None] | None = None) -> Any:
    """The component on the page, full width, as `st_folium(..., use_container_width=True)` draws it."""
    returned = list(returned_objects)
    if "bounds" in returned and "bounds" not in rendered.defaults:
        raise ValueError("the map's bounds are returned only when it is rendered with_bounds=True")
    widget_key = generate_js_hash(rendered.script, key, False)

    def changed() -> None:
        st.session_state[key] = st.session_state.get(widget_key, {})
        if on_change is not None:
            on_change()

    return _component_func(
        script=rendered.script, header=rendered.header, html=rendered.html, id=rendered.map_id, key=widget_key,
        height=height, width=None, returned_objects=returned,
        default={k: v for k, v in rendered.defaults.items() if k in returned},
        zoom=None, center=None, feature_group=None, return_on_hover=False, layer_control=None, pixelated=False,
        css_links=list(rendered.css_links), js_links=list(rendered.js_links), on_change=changed, wrap_longitude=False,
    )
