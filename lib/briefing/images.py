"""Plotly figures as PNG images, drawn offline by kaleido in the local Chromium with a CJK font."""
from __future__ import annotations

import asyncio
import concurrent.futures
from collections.abc import Sequence
from pathlib import Path

import kaleido
import plotly
import plotly.graph_objects as go

from lib.briefing.system import CJK_FONT, chromium_path
from lib.viz.plot_text import plot_text

WIDTH, HEIGHT, SCALE = 1200, 675, 2  # a 16:9 slide, sharp on a projector
FONT_FAMILY = f"{CJK_FONT}, Noto Sans CJK, sans-serif"
# plotly.py's own copy of plotly.js; with mathjax off, kaleido's page loads nothing from the internet
PLOTLY_JS = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"


def export_copy(fig: go.Figure, width: int = WIDTH, height: int = HEIGHT, title: str | None = None,
                subtitle: str | None = None) -> go.Figure:
    """A copy of `fig` for a file: an explicit CJK font, the slide's size, `title` when it has none of its own, and
    `subtitle` under the title (what the figure covers: period, as-of date, demo flag). Both are plain text (they may
    name towns chosen in a filter): plotly shows them literally."""
    out = go.Figure(fig)
    out.update_layout(font_family=FONT_FAMILY, width=width, height=height, template="plotly_white",
                      paper_bgcolor="white")
    if title and not out.layout.title.text:
        top = max(out.layout.margin.t or 0, 60)
        out.update_layout(title={"text": plot_text(title), "x": 0.01, "font": {"size": 20}}, margin_t=top)
    if subtitle and out.layout.title.text:
        out.update_layout(title={"subtitle": {"text": plot_text(subtitle), "font": {"size": 13, "color": "#52606D"}},
                                 "yref": "container", "y": 0.975, "yanchor": "top"},
                          margin_t=max(out.layout.margin.t or 0, 95))
    return out


async def _render(figs: Sequence[go.Figure], opts: dict) -> list[bytes]:
    async with kaleido.Kaleido(n=1, plotlyjs=str(PLOTLY_JS), mathjax=False, path=chromium_path()) as k:
        return [await k.calc_fig(fig, opts=opts) for fig in figs]


def figures_png(figs: Sequence[go.Figure], titles: Sequence[str | None] | None = None, width: int = WIDTH,
                height: int = HEIGHT, scale: int = SCALE, subtitle: str | None = None) -> list[bytes]:
    """PNG bytes of each figure, all drawn in one browser session (starting Chromium is the slow part).

    `titles` are drawn on the figures that have no title of their own; `subtitle` under every title."""
    if not figs:
        return []
    titles = list(titles) if titles is not None else [None] * len(figs)
    copies = [export_copy(fig, width, height, title, subtitle) for fig, title in zip(figs, titles)]
    opts = {"format": "png", "width": width, "height": height, "scale": scale}
    # in a thread of its own: the caller may already be inside an event loop
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, _render(copies, opts)).result()


def figure_png(fig: go.Figure, title: str | None = None, width: int = WIDTH, height: int = HEIGHT,
               scale: int = SCALE, subtitle: str | None = None) -> bytes:
    return figures_png([fig], [title], width, height, scale, subtitle)[0]
