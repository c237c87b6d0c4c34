"""The big-screen dark theme of a plotly figure (presentation mode, `theme=dark`).

The figure builders draw for a white page and set some light colours of their own (white plot areas, light
grid lines, half-white label boxes) and some dark ones (red names, black error bars): those are replaced here,
so every builder stays as it is and a figure shown on the dark page keeps readable text.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

import plotly.graph_objects as go
import plotly.io as pio

if TYPE_CHECKING:
    import folium

DARK_BG = "#0e1117"  # the page's background in the dark theme (lib/ui/present.py uses the same)
DARK_TEXT = "#e8eaed"
DARK_GRID = "#2b3340"
DARK_BOX = "rgba(14,17,23,0.85)"  # behind annotation text
MIN_TEXT_LUMINANCE = 0.25  # text colours darker than this are lightened (contrast ratio >= 5 on DARK_BG)

# A MapLibre style with nothing but a dark background: like plotly's "white-bg", it fetches nothing.
DARK_MAP_STYLE = {"version": 8, "sources": {}, "layers": [
    {"id": "background", "type": "background", "paint": {"background-color": DARK_BG}}]}

# A folium map without tiles on the dark page: dark ground, light place names. Legend and tooltips keep their
# white boxes (dark text on white reads on any page).
DARK_FOLIUM_CSS = f"""<style>.leaflet-container{{background:{DARK_BG} !important}}
.pingan-town-label div{{color:{DARK_TEXT} !important;text-shadow:0 0 3px #000,0 0 3px #000,0 0 3px #000 !important}}
.leaflet-control-scale-line{{background:rgba(255,255,255,.85)}}</style>"""

_HEX = re.compile(r"^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")
_RGB = re.compile(r"^rgba?\(\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)\s*(?:,\s*([\d.]+)\s*)?\)$")


def _rgb(color: object) -> tuple[float, float, float] | None:
    """(r, g, b) in 0..255 of a hex or rgb()/rgba() colour; None for anything else (names, lists, None)."""
    if not isinstance(color, str):
        return None
    text = color.strip()
    if match := _HEX.match(text):
        value = match.group(1)
        if len(value) == 3:
            value = "".join(c * 2 for c in value)
        return tuple(int(value[i:i + 2], 16) for i in (0, 2, 4))  # type: ignore[return-value]
    if match := _RGB.match(text):
        return float(match.group(1)), float(match.group(2)), float(match.group(3))
    return None


def luminance(color: str) -> float | None:
    """WCAG relative luminance (0 black .. 1 white) of a hex or rgb colour; None when not one of those."""
    rgb = _rgb(color)
    if rgb is None:
        return None
    linear = [(c / 255 / 12.92) if c / 255 <= 0.04045 else ((c / 255 + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def readable_on_dark(color: object) -> object:
    """`color` lightened (mixed with white, hue kept) until it reads on the dark page; other values unchanged."""
    lum = luminance(color) if isinstance(color, str) else None
    if lum is None or lum >= MIN_TEXT_LUMINANCE:
        return color
    r, g, b = _rgb(color)  # type: ignore[misc]
    for share in (0.3, 0.45, 0.6, 0.75, 0.9):
        mixed = tuple(round(c + (255 - c) * share) for c in (r, g, b))
        candidate = "#{:02x}{:02x}{:02x}".format(*mixed)
        if luminance(candidate) >= MIN_TEXT_LUMINANCE:  # type: ignore[operator]
            return candidate
    return DARK_TEXT


def _dark_template() -> go.layout.Template:
    template = go.layout.Template(pio.templates["plotly_dark"])
    template.layout.update(paper_bgcolor=DARK_BG, plot_bgcolor=DARK_BG, font_color=DARK_TEXT)
    return template


def dark_figure(fig: go.Figure) -> go.Figure:
    """A copy of `fig` for the dark page: dark template and backgrounds, light text, grid and label boxes."""
    dark = go.Figure(fig)
    dark.update_layout(template=_dark_template(), paper_bgcolor=DARK_BG, plot_bgcolor=DARK_BG,
                       font_color=DARK_TEXT, legend_font_color=DARK_TEXT, legend_bgcolor="rgba(0,0,0,0)",
                       hoverlabel_bgcolor=DARK_BG, hoverlabel_font_color=DARK_TEXT)
    dark.update_xaxes(gridcolor=DARK_GRID, zerolinecolor=DARK_GRID, linecolor=DARK_GRID, color=DARK_TEXT)
    dark.update_yaxes(gridcolor=DARK_GRID, zerolinecolor=DARK_GRID, linecolor=DARK_GRID, color=DARK_TEXT)
    if dark.layout.title.font.color is not None:
        dark.layout.title.font.color = readable_on_dark(dark.layout.title.font.color)
    for note in dark.layout.annotations:
        if note.bgcolor is not None:
            note.bgcolor = DARK_BOX
        note.font.color = readable_on_dark(note.font.color) if note.font.color is not None else DARK_TEXT
    if dark.layout.map.style == "white-bg":
        dark.layout.map.style = DARK_MAP_STYLE
    for trace in dark.data:
        if trace.type in ("choroplethmap", "choropleth") and isinstance(trace.marker.line.color, str):
            trace.marker.line.color = readable_on_dark(trace.marker.line.color)  # the district's red outline
        textfont = getattr(trace, "textfont", None)
        if textfont is not None and textfont.color is not None:
            textfont.color = readable_on_dark(textfont.color)
        for bars in ("error_x", "error_y"):
            error = getattr(trace, bars, None)
            if error is not None and error.color is not None:
                error.color = readable_on_dark(error.color)
    return dark


def dark_folium(m: folium.Map) -> folium.Map:
    """`m` with the dark map CSS added to its page header (constant CSS, nothing else changes); returns `m`."""
    import folium  # here, not above: pages without a map never load it

    m.get_root().header.add_child(folium.Element(DARK_FOLIUM_CSS), name="pingan_dark_theme")
    return m
