"""The briefing of a page as an A4 document: an HTML document (Jinja2, autoescaped) printed to PDF by Chromium.

A cover (the page, its period, filters, as-of date, demo flag and the written summary), then the page's sections
in order: headings kept with what follows, headline cards, charts and maps as images, every table titled as on
screen and printed in full with its header repeated on each page (up to ROW_CAP rows; wide tables landscape or
split), page numbers at the foot.

A table longer than ROW_CAP rows is cut there, and the note under it says so; the complete tables go into one
XLSX (with its "说明" sheet) attached inside the PDF. An attachment keeps the briefing one file that prints as it
is; viewers that hide attachments (a browser's built-in viewer) are covered by the same XLSX offered beside the
PDF download (lib/ui/briefing.py).
"""
from __future__ import annotations

import copy

import base64
import io
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import jinja2
from markupsafe import Markup
from pypdf import PdfReader, PdfWriter

from lib.briefing.chromium import html_screenshot, html_to_pdf
from lib.briefing.content import ChartItem, HeadingItem, KpiItem, MapItem, NoteItem, PageContent, TableItem
from lib.briefing.images import figures_png
from lib.briefing.tables import FONT_PT, ROW_CAP, LaidOutTable, cell_text, lay_out
from lib.export import About, workbook_bytes
from lib.i18n import Lang, t

MAP_PX = (1200, 800)
VENDOR_DIR = Path(__file__).resolve().parents[2] / "static" / "vendor"

_ENV = jinja2.Environment(loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
                          autoescape=True, undefined=jinja2.StrictUndefined)

__all__ = ["Briefing", "BriefingInfo", "briefing_html", "briefing_pdf", "cell_text", "map_png", "map_still_html"]


@dataclass(frozen=True)
class BriefingInfo:
    title: str  # the page's title
    lang: Lang
    link: str  # the link that reproduces the view
    generated: datetime

    def about(self, page: PageContent) -> About:
        return page.about(self.title, self.lang, self.link, self.generated)


@dataclass(frozen=True)
class Briefing:
    pdf: bytes
    workbook: tuple[str, bytes] | None  # (file name, XLSX) of the tables cut short, also attached inside the PDF


def css_string(text: str) -> Markup:
    """`text` as the inside of a CSS string in a <style> element (where HTML entities are not decoded)."""
    escaped = "".join(ch if ch.isalnum() or ch in " -_.:/()·,;" or ord(ch) > 0x2E7F else f"\\{ord(ch):X} "
                      for ch in text)
    return Markup(escaped)  # noqa: S704 - every character outside a known-safe set is a CSS escape


def cut_tables(page: PageContent, cap: int = ROW_CAP) -> list[TableItem]:
    """The page's tables longer than `cap` rows: the briefing prints their first rows and attaches them whole."""
    return [item for item in page.items.values() if isinstance(item, TableItem) and len(item.frame) > cap]


def attachment_name(about: About) -> str:
    return about.file_name(t("export.full_tables", about.lang), "xlsx")


def _table_block(table: LaidOutTable, attachment: str, lang: Lang) -> dict:
    parts = [{"title": table.title if len(table.parts) == 1 else
              t("export.table_part", lang, title=table.title, part=n, parts=len(table.parts)),
              "columns": part.columns, "rows": part.rows, "numeric": part.numeric, "wrap": part.wrap,
              "landscape": part.landscape} for n, part in enumerate(table.parts, start=1)]
    capped = (t("export.rows_capped", lang, total=f"{table.total_rows:,}", shown=f"{table.shown_rows:,}",
                attachment=attachment) if table.capped else "")
    return {"kind": "table", "parts": parts, "capped": capped, "lead": []}


def _blocks(page: PageContent, images: Mapping[str, bytes], attachment: str, lang: Lang) -> list[dict]:
    blocks: list[dict] = []
    for key, item in page.items.items():
        if isinstance(item, HeadingItem):
            blocks.append({"kind": "heading", "text": item.text, "level": item.level})
        elif isinstance(item, NoteItem):
            # a note right under a heading stays with it and with what follows
            keep = bool(blocks) and (blocks[-1]["kind"] == "heading" or blocks[-1].get("keep", False))
            blocks.append({"kind": "note", "text": item.text, "keep": keep})
        elif isinstance(item, KpiItem):
            blocks.append({"kind": "kpis", "cards": item.cards})
        elif isinstance(item, (ChartItem, MapItem)) and key in images:
            blocks.append({"kind": "image", "title": item.title, "png": base64.b64encode(images[key]).decode()})
        elif isinstance(item, TableItem):
            table = _table_block(lay_out(item.title, item.frame), attachment, lang)
            if blocks and blocks[-1]["kind"] == "heading" and blocks[-1]["text"] == item.title:
                table["parts"][0]["title"] = None  # the heading right above already names it
            if table["parts"][0]["landscape"]:  # its heading and notes turn to the landscape page with it
                while blocks and (blocks[-1]["kind"] == "heading" or blocks[-1].get("keep")):
                    table["lead"].insert(0, blocks.pop())
            blocks.append(table)
    return blocks


def briefing_html(info: BriefingInfo, page: PageContent, images: Mapping[str, bytes]) -> str:
    """The document; `images` holds the PNG of each chart and map item, by its key in `page.items`."""
    lang = info.lang
    about = info.about(page)
    meta = [row for row in about.rows() if row[0] != t("export.page", lang)]
    as_of = about.as_of.isoformat() if about.as_of else t("export.unknown", lang)
    footer = f"{page.app_title(lang)} · {info.title} · {t('export.as_of', lang)} {as_of}"
    if page.demo:
        footer += " · " + t("shell.demo_label", lang)
    return _ENV.get_template("briefing.html").render(
        html_lang="zh-CN" if lang == "zh" else "en", title=info.title, app_title=page.app_title(lang),
        subtitle=t("export.briefing_subtitle", lang), period=about.period_shown,
        demo=page.demo, demo_text=t("export.demo_flag", lang) + " " + t("shell.demo_badge", lang),
        public=page.public, public_text=t("pub.caption", lang), meta=meta,
        summary=page.summary, summary_heading=t("sum.heading", lang), footer_css=css_string(footer),
        table_font_pt=FONT_PT, blocks=_blocks(page, images, attachment_name(about), lang))


# a still has no use for the map's buttons (zoom, layer switcher); the legend and attribution stay
_STILL_CSS = "<style>.leaflet-control-zoom, .leaflet-control-layers { display: none !important; }</style>"


def map_still_html(item: MapItem) -> str:
    """The folium map's page for a still: Leaflet files read from the local copy (nothing from the internet).

    Rendered from a copy: the map may be shared by every session (lib/ui/show.py MapView)."""
    html = copy.deepcopy(item.map).get_root().render().replace(item.asset_base.rstrip("/") + "/", VENDOR_DIR.as_uri() + "/")
    return html.replace("</head>", _STILL_CSS + "</head>", 1)


def map_png(item: MapItem) -> bytes:
    """A still of the folium map."""
    return html_screenshot(map_still_html(item), *MAP_PX)


def page_images(page: PageContent, lang: Lang, step: Callable[[str], None] = lambda _: None) -> dict[str, bytes]:
    """A PNG of each chart and map of the page, by its key (charts drawn in one browser session)."""
    images: dict[str, bytes] = {}
    charts = {key: item for key, item in page.items.items() if isinstance(item, ChartItem)}
    if charts:
        step(t("export.step_charts", lang, n=len(charts)))
        images.update(zip(charts, figures_png([c.figure for c in charts.values()])))  # the document captions them
    for key, item in page.items.items():
        if isinstance(item, MapItem):
            step(t("export.step_map", lang, title=item.title))
            images[key] = map_png(item)
    return images


def full_tables_workbook(info: BriefingInfo, page: PageContent) -> tuple[str, bytes] | None:
    """The tables the briefing cuts short, whole, in one XLSX with its "说明" sheet; None when none is cut."""
    cut = cut_tables(page)
    if not cut:
        return None
    about = info.about(page)
    return attachment_name(about), workbook_bytes([(item.title, item.frame) for item in cut], about)


def with_attachment(pdf: bytes, title: str, attachment: tuple[str, bytes] | None) -> bytes:
    """The PDF with its title in the document properties and `attachment` embedded (opened on the attachments
    panel, in viewers that have one)."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.add_metadata({"/Title": title})
    if attachment is not None:
        writer.add_attachment(*attachment)
        writer.page_mode = "/UseAttachments"
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def briefing_pdf(info: BriefingInfo, page: PageContent, step: Callable[[str], None] = lambda _: None,
                 images: Mapping[str, bytes] | None = None) -> Briefing:
    """The PDF of the page; `step` is told what is being done (a text in the UI language) before each stage.
    `images` are the page's chart and map PNGs when already drawn (page_images)."""
    drawn = page_images(page, info.lang, step) if images is None else images
    step(t("export.step_pdf", info.lang))
    workbook = full_tables_workbook(info, page)
    pdf = html_to_pdf(briefing_html(info, page, drawn))
    return Briefing(with_attachment(pdf, f"{info.title} {t('export.briefing_subtitle', info.lang)}", workbook), workbook)
