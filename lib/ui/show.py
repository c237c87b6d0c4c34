"""One call per kind of output: each draws it, records it for the page's briefing and offers its downloads.

    show_title(page, title)        the page title, the demo and public-copy badges
    show_summary(page, sentences)  the written summary (情况简报) at the head of the briefing, and on the page
    section(page, title)           a section heading (the briefing keeps the page's sections)
    show_kpis(page, cards)         headline cards, coloured by which way is good news
    show_chart(page, fig, ...)     a plotly chart with its PNG; `click=ClickFilter(...)` routes a click into a filter
    show_table(page, frame, ...)   a table with its CSV and XLSX, each carrying the view's context (lib/export.py About)
    show_map(page, m, ...)         a folium map (with its click routed like a chart's); map_view(m) for a cache
    note(page, text)               a caption the briefing keeps too
"""
from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

import pandas as pd
import streamlit as st

from lib.briefing.content import ChartItem, HeadingItem, KpiItem, MapItem, NoteItem, TableItem
from lib.briefing.system import missing_for_rendering
from lib.export import About, to_csv_bytes, to_xlsx_bytes
from lib.headline import Kpi
from lib.ui import briefing
from lib.ui.notices import escape_markdown
from lib.ui.page import PageContext
from lib.ui.present import Presentation, style_figure
from lib.ui.shell import current_link

if TYPE_CHECKING:  # folium, its component and the image renderer load with the first map or PNG, not the first page
    import folium
    import plotly.graph_objects as go
    from pandas.io.formats.style import Styler

    from lib.ui.map_component import RenderedMap

_TONE_COLOR = {"good": "green", "bad": "red", "neutral": "gray"}


def show_title(page: PageContext, title: str, *, caption: str | None = None) -> None:
    """The page's title; under it the demo-data badge (when the page's data is demo data) and the public-copy badge."""
    st.title(title)
    if page.demo:
        st.badge(page.t("shell.demo_label"), icon=":material/science:", color="orange")
        st.caption(page.t("shell.demo_badge"))
    if page.public:
        st.badge(page.t("pub.badge"), icon=":material/public:", color="blue")
        st.caption(page.t("pub.caption"))
    if caption:
        note(page, caption)


def show_summary(page: PageContext, sentences: Sequence[str] | Callable[[], Sequence[str]], *,
                 on_screen: bool = True) -> None:
    """The written summary (lib/summary): at the head of the page's briefing and slides, and (`on_screen`) in a box
    on the page where it is called. Given as a function, it is written only when it is read (off screen: when a
    briefing is made)."""
    page.briefing.summary = sentences
    written = page.briefing.summary if on_screen else ()
    if written:
        with st.container(border=True, key="page_summary"):
            st.markdown(f"**{page.t('sum.heading')}**")
            st.markdown("\n\n".join(escape_markdown(s) for s in written))


def about(page: PageContext) -> About:
    """What a file made from the page says of itself: the page, its filters and period, the data's date, demo data
    or not, when it was made (now) and the link of the view."""
    return page.briefing.about(page.t(page.spec.title_key), page.lang, current_link(page.spec.url_path), datetime.now())


def section(page: PageContext, title: str, *, caption: str | None = None, level: int = 2) -> None:
    """A section heading (level 2; level 3 for a part inside a section), and its caption."""
    (st.subheader if level == 2 else st.markdown)(title if level == 2 else f"**{title}**")
    page.briefing.add(f"heading:{title}", HeadingItem(title, level))
    if caption:
        note(page, caption)


def note(page: PageContext, text: str) -> None:
    """A caption under a figure, shown as plain text (it may carry names from the data); the briefing keeps it too."""
    st.caption(escape_markdown(text))
    page.briefing.add(f"note:{text}", NoteItem(text))


def show_kpis(page: PageContext, cards: Sequence[Kpi], per_row: int = 4) -> None:
    """Headline cards, `per_row` to a row. A change has the arrow of the way it went and the colour of its tone
    (good or bad news by its measure's declared direction); a line that is not a change, or no change, has neither."""
    page.briefing.add("kpi:" + "|".join(card.label for card in cards), KpiItem(tuple(cards)))
    for start in range(0, len(cards), per_row):
        for column, card in zip(st.columns(per_row), cards[start:start + per_row]):
            column.metric(card.label, card.value, card.delta, help=card.help, border=True,
                          delta_color=_TONE_COLOR[card.tone], delta_arrow=card.arrow or "off",
                          chart_data=list(card.trend) if card.trend else None, chart_type="line")


@dataclass(frozen=True)
class ClickFilter:
    """A click on a bar, a point or a map area sets the URL-bound filter `param` to the codes clicked.

    The chart carries each mark's code in `customdata` (or first in a customdata list). `add=True` adds the clicked
    codes to the filter's choice instead of replacing it."""
    param: str
    allowed: Sequence[str]
    add: bool = False

    def apply(self, clicked: Sequence[object]) -> None:
        """Set the filter from clicked codes (unknown ones are ignored; nothing known clicked: nothing changes)."""
        chosen = filter_after_click(st.session_state.get(self.param, []), clicked, self.allowed, add=self.add)
        if chosen is not None and st.session_state.get(self.param) != chosen:
            st.session_state[self.param] = chosen

    def chart_callback(self, key: str) -> Callable[[], None]:
        def on_select() -> None:
            points = st.session_state[key]["selection"]["points"]
            self.apply([_first(point.get("customdata")) for point in points])
        return on_select


def filter_after_click(current: Sequence[str], clicked: Sequence[object], allowed: Sequence[str], *,
                       add: bool = False) -> list[str] | None:
    """The filter's choice after a click on marks carrying `clicked` codes: those codes (in the allowed order), or
    the current choice plus them (`add`); None when no allowed code was clicked (the filter stays as it is)."""
    given = {str(code) for code in clicked if code is not None}
    codes = [code for code in allowed if code in given]
    if not codes:
        return None
    return list(current) + [code for code in codes if code not in current] if add else codes


def _first(data: object) -> object:
    return data[0] if isinstance(data, (list, tuple)) and data else data


def show_chart(page: PageContext, fig: go.Figure, *, name: str, title: str, click: ClickFilter | None = None,
               config: Mapping[str, Any] | None = None) -> None:
    """A plotly chart, a PNG of it under it (drawn only when clicked), and the chart in the briefing.

    `name` is unique on the page; `title` names the PNG and the chart in the briefing."""
    shown, chart_theme = style_figure(fig, page.presentation)  # dark on a wall screen; PNG and briefing stay light
    options = {"displaylogo": False, **(config or {})}
    if click is None:
        st.plotly_chart(shown, theme=chart_theme, key=name, config=options)
    else:
        st.plotly_chart(shown, theme=chart_theme, key=name, config=options, on_select=click.chart_callback(name),
                        selection_mode="points")
    page.briefing.add(f"chart:{name}", ChartItem(title, fig))
    if missing_for_rendering():
        st.caption(briefing.missing_note(page.lang))  # what the server lacks to draw images, and how to install it
    else:
        context = about(page)
        st.download_button(page.t("export.png"), lambda: _png(fig, title, context.caption()),
                           context.file_name(title, "png"), "image/png", key=f"{name}-png", icon=":material/image:",
                           on_click="ignore", type="tertiary")


def _png(fig: go.Figure, title: str, subtitle: str) -> bytes:
    from lib.briefing.images import figure_png

    return figure_png(fig, title=title, subtitle=subtitle)


def show_table(page: PageContext, frame: pd.DataFrame, *, name: str, title: str, downloads: bool = True,
               drawn: bool = True, styled: Styler | None = None, height: int | str = "auto",
               column_config: Mapping[str, Any] | None = None) -> None:
    """A table, recorded for the briefing, with its CSV and XLSX downloads (built only when clicked).

    `frame` is what the reader gets (headers in the UI language); `styled` an optional styled view of it for the
    screen. `drawn=False` offers the table as files only (the data behind a chart). The files are named by the
    page, its period and `title`, and carry the view's context."""
    if drawn:
        st.dataframe(styled if styled is not None else frame, hide_index=True, height=height,
                     column_config=dict(column_config) if column_config else None)
    else:
        st.markdown(f"**{title}**")
    shown_before = page.briefing.items.get(f"table:{name}")  # the same table drawn above, offered again as files
    on_screen = drawn or (isinstance(shown_before, TableItem) and shown_before.on_screen)
    page.briefing.add(f"table:{name}", TableItem(title, frame, on_screen=on_screen))
    if downloads:
        download_buttons(page, frame, title, key=name)


def download_buttons(page: PageContext, frame: pd.DataFrame, title: str, *, key: str) -> None:
    """CSV and XLSX buttons side by side, named by the page, its period and `title`; each file carries the view's
    context (an XLSX on its "说明" sheet, a CSV on its first lines). Built only when a button is clicked."""
    context = about(page)
    left, right = st.columns(2)
    left.download_button(page.t("download.csv"), lambda: to_csv_bytes(frame, context.now(), title),
                         context.file_name(title, "csv"), "text/csv", key=f"{key}-csv", icon=":material/download:",
                         on_click="ignore")
    right.download_button(page.t("download.xlsx"), lambda: to_xlsx_bytes(frame, title, context.now()),
                          context.file_name(title, "xlsx"),
                          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                          key=f"{key}-xlsx", icon=":material/download:", on_click="ignore")


@dataclass(frozen=True)
class MapView:
    """A folium map ready to draw: its Leaflet files pointed at the app's own copies, themed, and rendered once.

    A page's cached function may build it per filter state (lib/ui/cached/<page>.py): redrawing then costs no
    rendering, and an unchanged map is not sent again. Read-only once made (it may be shared by every session)."""

    map: folium.Map
    rendered: RenderedMap
    asset_base: str


def map_view(folium_map: folium.Map, presentation: Presentation) -> MapView:
    """`folium_map` localized (works offline), in the presentation's theme, and rendered."""
    from lib.ui.map_component import render_map
    from lib.ui.offline_leaflet import asset_base_url
    from lib.ui.present import style_map
    from lib.viz.offline_assets import localize

    base = asset_base_url()
    styled = style_map(localize(folium_map, base), presentation)
    return MapView(styled, render_map(styled), base)


def show_map(page: PageContext, shown: folium.Map | MapView, *, name: str, title: str, height: int,
             click: ClickFilter | None = None, clicked_code: Callable[[Mapping | None], str | None] | None = None) -> None:
    """A folium map (its Leaflet files served locally), recorded for the briefing.

    `shown` is a map, or a MapView a page's cached function made of one. With `click`, a click on an area sets the
    filter to the code `clicked_code` reads from the map's state."""
    from lib.ui.map_component import draw_map

    view = shown if isinstance(shown, MapView) else map_view(shown, page.presentation)
    page.briefing.add(f"map:{name}", MapItem(title, view.map, view.asset_base))

    def on_change() -> None:
        code = clicked_code(st.session_state.get(name)) if clicked_code else None
        if click is not None and code is not None:
            click.apply([code])

    draw_map(view.rendered, key=name, height=height, returned_objects=["last_active_drawing"] if click else [],
             on_change=on_change if click else None)
