"""Leaflet and folium plugin assets served by the app itself, never from a CDN.

Folium names every script and stylesheet it needs in `default_js` / `default_css` (name, CDN URL)
on its elements; streamlit-folium loads exactly those URLs into the map's frame. `localize` points
them at files the app serves (copied from pip packages: XStatic-Leaflet, folium's own templates)
and drops what our maps do not use (jQuery, Bootstrap, awesome-markers, Font Awesome).
"""
from __future__ import annotations

from pathlib import Path

import branca.element
import folium
import xstatic.pkg.leaflet as xstatic_leaflet

LEAFLET_DATA = Path(xstatic_leaflet.BASE_DIR)
FOLIUM_TEMPLATES = Path(folium.__file__).parent / "templates"

# the files to serve: path under the app's asset folder -> source file
ASSET_FILES: dict[str, Path] = {
    "leaflet/leaflet.js": LEAFLET_DATA / "leaflet.js",
    "leaflet/leaflet.css": LEAFLET_DATA / "leaflet.css",
    **{f"leaflet/images/{p.name}": p for p in sorted((LEAFLET_DATA / "images").glob("*.png"))},
    "folium/leaflet_heat.min.js": FOLIUM_TEMPLATES / "leaflet_heat.min.js",
}
# folium's asset name -> served path (None: not used by our maps, left out)
LOCAL_ASSETS: dict[str, str | None] = {
    "leaflet": "leaflet/leaflet.js",
    "leaflet_css": "leaflet/leaflet.css",
    "leaflet-heat.js": "folium/leaflet_heat.min.js",
    "jquery": None, "bootstrap": None, "awesome_markers": None,
    "bootstrap_css": None, "glyphicons_css": None, "awesome_markers_font_css": None,
    "awesome_markers_css": None, "awesome_rotate_css": None,
}


class UnknownAsset(ValueError):
    """An element asks for an asset we do not serve locally (it would be fetched from the internet)."""


def _local(assets: list[tuple[str, str]], base_url: str) -> list[tuple[str, str]]:
    out = []
    for name, url in assets:
        if name not in LOCAL_ASSETS:
            raise UnknownAsset(f"no local copy of {name} ({url}); add it to lib.viz.offline_assets")
        if LOCAL_ASSETS[name] is not None:
            out.append((name, f"{base_url.rstrip('/')}/{LOCAL_ASSETS[name]}"))
    return out


def _walk(element: branca.element.Element):
    yield element
    for child in element._children.values():
        yield from _walk(child)


def localize(m: folium.Map, base_url: str) -> folium.Map:
    """Point every asset of the map's elements at `base_url` (the served asset folder); returns `m`."""
    for element in _walk(m):
        for attr in ("default_js", "default_css"):
            assets = getattr(element, attr, None)
            if assets:
                setattr(element, attr, _local(list(assets), base_url))  # on the instance: folium's classes stay as they are
    return m


def asset_urls(m: folium.Map) -> list[str]:
    """Every script and stylesheet URL the map's elements ask for."""
    return [url for element in _walk(m) for attr in ("default_js", "default_css")
            for _, url in (getattr(element, attr, None) or [])]
