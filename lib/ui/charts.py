"""Every chart on a page: drawn, offered as a PNG, and noted for the page's briefing."""
from __future__ import annotations

from typing import Any

import plotly.graph_objects as go
import streamlit as st

from lib.briefing.images import figure_png
from lib.briefing.system import missing_for_rendering
from lib.i18n import Lang, t
from lib.ui import briefing
from lib.ui.present import style_figure
from lib.ui.shell import current_lang


def show_chart(fig: go.Figure, *, name: str, title: str | None = None, lang: Lang | None = None,
               **plotly_chart_kwargs: Any) -> Any:
    """`st.plotly_chart(fig, **plotly_chart_kwargs)` with a PNG download under it; returns the chart's event.

    `name` is unique on the page (the button's key); `title` (default: the figure's own title) names the
    PNG file and the chart in the briefing.
    """
    lang = lang or current_lang()
    title = title or fig.layout.title.text or name
    shown, chart_theme = style_figure(fig)  # the dark big-screen theme on screen; PNG and briefing stay light
    event = st.plotly_chart(shown, theme=chart_theme, **plotly_chart_kwargs)
    briefing.add_chart(name, title, fig)
    if missing_for_rendering():
        st.caption(briefing.missing_note(lang))  # what the server lacks to draw images, and how to install it
    else:
        # the PNG is drawn only when the button is clicked, never on a rerun
        st.download_button(t("export.png", lang), lambda: figure_png(fig, title=title), f"{title}.png", "image/png",
                           key=f"{name}-png", icon=":material/image:", on_click="ignore", type="tertiary")
    return event
