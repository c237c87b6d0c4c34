"""What a briefing holds: the page's items in the order it shows them (pure data, no Streamlit)."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING

from lib.export import About
from lib.headline import Kpi
from lib.i18n import Lang, t

if TYPE_CHECKING:  # only named in annotations: a page without a map or chart does not import them
    import folium
    import pandas as pd
    import plotly.graph_objects as go


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
    on_screen: bool = True  # False: offered as files only (the data behind a chart); the slides leave it out


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


PERIOD_PARAMS = ("period", "year")  # the filters that set a page's period, in the URL contract

Item = HeadingItem | KpiItem | ChartItem | TableItem | MapItem | NoteItem


@dataclass
class PageContent:
    """Filled while a page runs; keyed so that a part drawn twice (a fragment's rerun) replaces itself."""
    items: dict[str, Item] = field(default_factory=dict)
    as_of: date | None = None
    demo: bool = False
    filters: dict[str, tuple[str, str]] = field(default_factory=dict)  # URL parameter -> (label, value shown)
    public: bool = False  # the public copy (lib/audience.py)
    district: str | None = None  # the home district's name, for the document's title
    _summary: tuple[str, ...] | Callable[[], Sequence[str]] = field(default=(), repr=False)

    @property
    def summary(self) -> tuple[str, ...]:
        """The written summary (情况简报), at the head of the briefing; written when first read if it was given as
        a function (a page that does not show it on screen then spends nothing on it until a briefing is made)."""
        if callable(self._summary):
            self._summary = tuple(self._summary())
        return self._summary

    @summary.setter
    def summary(self, sentences: Sequence[str] | Callable[[], Sequence[str]]) -> None:
        self._summary = sentences if callable(sentences) else tuple(sentences)

    def app_title(self, lang: Lang) -> str:
        """The dashboard's name as the documents give it: '东坡区平安建设数据看板'."""
        return t("app.title_of", lang, district=self.district) if self.district else t("app.title", lang)

    @property
    def period(self) -> str | None:
        """The period the page's figures cover, as its filter shows it ('2020-01-01 ~ 2020-12-31', or a year)."""
        for param in PERIOD_PARAMS:
            if param in self.filters:
                return self.filters[param][1]
        return None

    def add(self, key: str, item: Item) -> None:
        self.items[key] = item

    def add_filter(self, param: str, label: str, value: str) -> None:
        self.filters[param] = (label, value)

    def about(self, page_title: str, lang: Lang, link: str, generated: datetime) -> About:
        """The context a file made from this page carries (lib/export.py)."""
        return About(page_title, lang, tuple(self.filters.values()), self.period, self.as_of, self.demo, self.public,
                     generated, link)
