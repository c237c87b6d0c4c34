"""The page's briefing: the record of what a run of the page shows (filled by lib/ui/show.py and the filters),
and a sidebar control that builds the briefing on request: the PDF, the slides (PPTX) and, when the PDF cuts a
long table short, the full tables (XLSX, attached inside the PDF too)."""
from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

import streamlit as st

from lib.briefing.content import PageContent
from lib.briefing.system import INSTALL_HINT, missing_for_rendering
from lib.i18n import Lang, t

if TYPE_CHECKING:
    from lib.briefing.document import BriefingInfo

_STATE = "_briefing_content"
_MADE = "_briefing_files"  # (link of the view, [(key, label, file name, MIME type, bytes)]) of the last briefing built
_PPTX_MIME = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
_XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_log = logging.getLogger(__name__)


def missing_note(lang: Lang) -> str:
    """What the server lacks to render PNGs and PDFs, and how to install it (only meaningful when something is missing)."""
    return t("export.missing", lang, missing=", ".join(missing_for_rendering()), hint=INSTALL_HINT)


def begin_page() -> None:
    """A fresh record for this run of the page (called by app.py before the page runs)."""
    st.session_state[_STATE] = PageContent()


def content() -> PageContent:
    """The record of this run of the page."""
    if _STATE not in st.session_state:
        begin_page()
    return st.session_state[_STATE]


def briefing_control(link: str, title: str, lang: Lang, record: Callable[[str, str], None] = lambda *_: None) -> None:
    """Sidebar: a button that builds the page's briefing (with its steps shown), then its downloads: the PDF, the
    slides and, when the PDF cuts a table short, the full tables.

    Nothing is rendered until the button is clicked; the files are offered while the view stays the same.
    `record(outcome, detail)` writes the audit line of each briefing built (or failed)."""
    page = content()
    if not page.items:
        return
    if missing_for_rendering():
        st.sidebar.caption(missing_note(lang))
        return
    if st.sidebar.button(t("export.briefing", lang), key="briefing_build", icon=":material/picture_as_pdf:",
                         help=t("export.briefing_help", lang)):
        from lib.briefing.document import BriefingInfo  # the renderers (pptx, pypdf, jinja2) load on the first click

        info = BriefingInfo(title, lang, link, datetime.now())
        with st.sidebar.status(t("export.building", lang), expanded=True) as status:
            started = time.perf_counter()
            try:
                files = _build(info, page, status.write)
            except Exception as err:  # noqa: BLE001 - any failure of the renderer is told, never shown as a traceback
                _log.exception("briefing of %s failed", link)
                status.update(label=t("export.failed", lang, reason=type(err).__name__), state="error")
                st.session_state.pop(_MADE, None)
                record("failed", link)
            else:
                status.update(label=t("export.built", lang, seconds=time.perf_counter() - started),
                              state="complete", expanded=False)
                st.session_state[_MADE] = (link, files)
                record("ok", link)
    made = st.session_state.get(_MADE)
    if made and made[0] == link:
        for key, label, name, mime, data in made[1]:
            st.sidebar.download_button(label, data, name, mime, key=key, icon=":material/download:", on_click="ignore",
                                       type="primary" if key == "briefing_pdf" else "secondary")


def _build(info: BriefingInfo, page: PageContent, step) -> list[tuple[str, str, str, str, bytes]]:
    """The briefing's files, the charts and maps drawn once for both documents."""
    from lib.briefing.deck import briefing_pptx
    from lib.briefing.document import briefing_pdf, page_images

    lang, day = info.lang, info.generated.date().isoformat()
    images = page_images(page, lang, step)
    briefing = briefing_pdf(info, page, step, images)
    slides = briefing_pptx(info, page, step, images)
    files = [("briefing_pdf", t("export.download_pdf", lang),
              t("export.file_briefing", lang, title=info.title, date=day) + ".pdf", "application/pdf", briefing.pdf),
             ("briefing_pptx", t("export.download_pptx", lang),
              t("export.file_slides", lang, title=info.title, date=day) + ".pptx", _PPTX_MIME, slides)]
    if briefing.workbook is not None:
        name, data = briefing.workbook
        files.append(("briefing_tables", t("export.download_tables", lang), name, _XLSX_MIME, data))
    return files
