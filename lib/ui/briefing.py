"""The page's briefing: the record of what a run of the page shows (filled by lib/ui/show.py and the filters),
and a sidebar control that builds the PDF on request."""
from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import datetime

import streamlit as st

from lib.briefing.content import PageContent
from lib.briefing.document import BriefingInfo, briefing_pdf
from lib.briefing.system import INSTALL_HINT, missing_for_rendering
from lib.i18n import Lang, t

_STATE = "_briefing_content"
_PDF = "_briefing_pdf"  # (link of the view, PDF bytes, file name) of the last briefing built
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
    """Sidebar: a button that builds the page's briefing PDF (with its steps shown), then its download.

    Nothing is rendered until the button is clicked; the PDF is offered while the view stays the same.
    `record(outcome, detail)` writes the audit line of each briefing built (or failed)."""
    page = content()
    if not page.items:
        return
    if missing_for_rendering():
        st.sidebar.caption(missing_note(lang))
        return
    if st.sidebar.button(t("export.briefing", lang), key="briefing_build", icon=":material/picture_as_pdf:",
                         help=t("export.briefing_help", lang)):
        info = BriefingInfo(title, lang, link, datetime.now())
        with st.sidebar.status(t("export.building", lang), expanded=True) as status:
            started = time.perf_counter()
            try:
                pdf = briefing_pdf(info, page, step=status.write)
            except Exception as err:  # noqa: BLE001 - any failure of the renderer is told, never shown as a traceback
                _log.exception("briefing of %s failed", link)
                status.update(label=t("export.failed", lang, reason=type(err).__name__), state="error")
                st.session_state.pop(_PDF, None)
                record("failed", link)
            else:
                status.update(label=t("export.built", lang, seconds=time.perf_counter() - started),
                              state="complete", expanded=False)
                name = t("export.file_briefing", lang, title=title, date=info.generated.date().isoformat())
                st.session_state[_PDF] = (link, pdf, f"{name}.pdf")
                record("ok", link)
    made = st.session_state.get(_PDF)
    if made and made[0] == link:
        st.sidebar.download_button(t("export.download_pdf", lang), made[1], made[2], "application/pdf",
                                   key="briefing_pdf", icon=":material/download:", on_click="ignore", type="primary")
