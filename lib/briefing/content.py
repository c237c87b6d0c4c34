"""What a briefing holds: the page's items in the order it shows them (pure data, no Streamlit)."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import folium
import pandas as pd
import plotly.graph_objects as go

from lib.headline import Kpi


@dataclass(frozen=True)
class HeadingItem:
    """A section heading of the page (level 2), or a sub-heading inside a section (level 3)."""
    text: str
    level: int = 2


@dataclass(frozen=True)
class KpiItem:
    cards: tuple[Kpi, ...]


@dataclass(frozen=True)
class ChartItem:
    title: str
    figure: go.Figure


@dataclass(frozen=True)
class TableItem:
    title: str
    frame: pd.DataFrame


@dataclass(frozen=True)
class MapItem:
    """A folium map as the page draws it; `asset_base` is the URL its Leaflet files are served from."""
    title: str
    map: folium.Map
    asset_base: str


@dataclass(frozen=True)
class NoteItem:
    """A sentence the page shows beside its figures (what a figure means, what it leaves out)."""
    text: str


Item = HeadingItem | KpiItem | ChartItem | TableItem | MapItem | NoteItem


@dataclass
class PageContent:
    """Filled while a page runs; keyed so that a part drawn twice (a fragment's rerun) replaces itself."""
    items: dict[str, Item] = field(default_factory=dict)
    as_of: date | None = None
    demo: bool = False
    filters: dict[str, tuple[str, str]] = field(default_factory=dict)  # URL parameter -> (label, value shown)

    def add(self, key: str, item: Item) -> None:
        self.items[key] = item

    def add_filter(self, param: str, label: str, value: str) -> None:
        self.filters[param] = (label, value)
