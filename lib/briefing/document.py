"""The briefing of a page: an HTML document (Jinja2, autoescaped) printed to PDF by Chromium."""
from __future__ import annotations

import base64
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import jinja2
import pandas as pd

from lib.briefing.chromium import html_screenshot, html_to_pdf
from lib.briefing.content import ChartItem, HeadingItem, KpiItem, MapItem, NoteItem, PageContent, TableItem
from lib.briefing.images import figures_png
from lib.i18n import Lang, t

TABLE_ROWS = 15  # the first rows of each table; the full tables are the page's CSV/XLSX downloads
MAP_PX = (1200, 800)
VENDOR_DIR = Path(__file__).resolve().parents[2] / "static" / "vendor"

_ENV = jinja2.Environment(loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
                          autoescape=True, undefined=jinja2.StrictUndefined)


@dataclass(frozen=True)
class BriefingInfo:
    title: str  # the page's title
    lang: Lang
    link: str  # the link that reproduces the view
    generated: datetime


def cell_text(value: object) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    if isinstance(value, float):
        return f"{value:,.2f}".rstrip("0").rstrip(".")
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat() if value == value.normalize() else value.isoformat(sep=" ")
    return str(value)


def _table_block(item: TableItem, lang: Lang) -> dict:
    frame = item.frame
    shown = frame.head(TABLE_ROWS)
    return {"kind": "table", "title": item.title, "columns": [str(c) for c in frame.columns],
            "rows": [[cell_text(v) for v in row] for row in shown.itertuples(index=False)],
            "more": t("export.rows_shown", lang, shown=len(shown), total=len(frame)) if len(frame) > len(shown) else ""}


def briefing_html(info: BriefingInfo, page: PageContent, images: Mapping[str, bytes]) -> str:
    """The document; `images` holds the PNG of each chart and map item, by its key in `page.items`."""
    lang = info.lang
    blocks = []
    for key, item in page.items.items():
        if isinstance(item, HeadingItem):
            blocks.append({"kind": "heading", "text": item.text, "level": item.level})
        elif isinstance(item, NoteItem):
            blocks.append({"kind": "note", "text": item.text})
        elif isinstance(item, KpiItem):
            blocks.append({"kind": "kpis", "cards": item.cards})
        elif isinstance(item, (ChartItem, MapItem)) and key in images:
            blocks.append({"kind": "image", "title": item.title, "png": base64.b64encode(images[key]).decode()})
        elif isinstance(item, TableItem):
            blocks.append(_table_block(item, lang))
    filters = list(page.filters.values()) or [(t("export.filters", lang), t("export.no_filters", lang))]
    return _ENV.get_template("briefing.html").render(
        html_lang="zh-CN" if lang == "zh" else "en", title=info.title, app_title=t("app.title", lang),
        demo=page.demo, demo_text=t("export.demo_flag", lang) + " " + t("shell.demo_badge", lang),
        as_of=page.as_of.isoformat() if page.as_of else t("export.unknown", lang),
        generated=info.generated.strftime("%Y-%m-%d %H:%M"), language=t("export.language_name", lang),
        link=info.link, filters=filters, blocks=blocks,
        words={"as_of": t("export.as_of", lang), "generated": t("export.generated", lang),
               "language": t("export.language", lang), "link": t("export.link", lang)})


# a still has no use for the map's buttons (zoom, layer switcher); the legend and attribution stay
_STILL_CSS = "<style>.leaflet-control-zoom, .leaflet-control-layers { display: none !important; }</style>"


def map_still_html(item: MapItem) -> str:
    """The folium map's page for a still: Leaflet files read from the local copy (nothing from the internet)."""
    html = item.map.get_root().render().replace(item.asset_base.rstrip("/") + "/", VENDOR_DIR.as_uri() + "/")
    return html.replace("</head>", _STILL_CSS + "</head>", 1)


def map_png(item: MapItem) -> bytes:
    """A still of the folium map."""
    return html_screenshot(map_still_html(item), *MAP_PX)


def briefing_pdf(info: BriefingInfo, page: PageContent, step: Callable[[str], None] = lambda _: None) -> bytes:
    """The PDF of the page; `step` is told what is being done (a text in the UI language) before each stage."""
    images: dict[str, bytes] = {}
    charts = {key: item for key, item in page.items.items() if isinstance(item, ChartItem)}
    if charts:
        step(t("export.step_charts", info.lang, n=len(charts)))
        pngs = figures_png([c.figure for c in charts.values()])  # the document captions them
        images.update(zip(charts, pngs))
    for key, item in page.items.items():
        if isinstance(item, MapItem):
            step(t("export.step_map", info.lang, title=item.title))
            images[key] = map_png(item)
    step(t("export.step_pdf", info.lang))
    return html_to_pdf(briefing_html(info, page, images))
