"""The app's frame around every page: settings, language, sign-in, presentation mode, and what follows a page.

app.py reads as: `shell = open_shell()`, then `st.navigation(shell.navigation())`, then `run_page(shell, page)`.
What a page needs of the shell reaches it through lib/ui/page.py's `open_page()`.
"""
from __future__ import annotations

import logging
import secrets
import sys
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import quote, urlencode

import streamlit as st

from lib.audience import Audience
from lib.audit import BRIEFING
from lib.i18n import DEFAULT_LANG, LANGS, Lang, parse_lang, t
from lib.page_registry import PAGES, PageSpec
from lib.roles import Identity
from lib.settings import Settings, SettingsError, read_settings
from lib.ui import auth, briefing
from lib.ui.notices import not_found_notice, url_fallback_notice
from lib.ui.present import OFF, Presentation, advance_playlist, read_presentation

_SHELL_KEY = "_shell"  # session state: this run's Shell, for open_page()
PAGE_LOG = logging.getLogger("pingan.pages")  # where a page's unexpected errors go, with their reference
if not PAGE_LOG.handlers:
    _handler = logging.StreamHandler(sys.stderr)
    _handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    PAGE_LOG.addHandler(_handler)


@dataclass(frozen=True)
class Shell:
    settings: Settings
    audience: Audience
    presentation: Presentation
    locked: bool  # a sign-in is required and not yet given: no page runs
    page: PageSpec | None = None  # the page being run, once navigation has chosen it
    visitor: auth.Visitor = auth.Visitor(None)  # who this tab is signed in as

    @property
    def identity(self) -> Identity | None:
        return self.visitor.identity

    @property
    def lang(self) -> Lang:
        return self.audience.lang

    def offers(self, spec: PageSpec) -> bool:
        """Whether this deployment offers the page to this user (a link to one it does not gets a notice instead)."""
        if self.identity is not None and self.identity.role < spec.needs:
            return False  # (without a sign-in no page runs at all: run_page stops first)
        return not spec.manages_data or self.settings.data_management

    def navigation(self) -> list[st.Page]:
        """The pages for st.navigation: each offered page, and for the others a page that explains why not."""
        return [st.Page(spec.script, title=t(spec.title_key, self.lang), icon=spec.icon, url_path=spec.url_path,
                        default=spec.url_path == "") if self.offers(spec) else self._not_offered(spec)
                for spec in PAGES]

    def _not_offered(self, spec: PageSpec) -> st.Page:
        lang = self.lang
        why = ("access.not_offered_public" if self.settings.public else
               "access.not_offered_role" if self.settings.data_management else "access.not_offered")

        def explain() -> None:
            st.title(t(spec.title_key, lang))
            st.warning(t(why, lang), icon=":material/lock:")

        return st.Page(explain, title=t(spec.title_key, lang), url_path=spec.url_path, visibility="hidden")


def language_switch() -> Lang:
    """The UI language, bound to the URL as ?lang=zh|en (an unknown value falls back to Chinese, with a notice).

    The buttons show the codes themselves: a bound widget writes its displayed label into the URL, and the URL
    contract carries codes."""
    url_fallback_notice("lang", LANGS, DEFAULT_LANG, DEFAULT_LANG)
    label_lang = parse_lang(st.session_state.get("lang", st.query_params.get("lang", DEFAULT_LANG)))
    choice = st.sidebar.segmented_control(t("shell.language", label_lang), options=list(LANGS), default=DEFAULT_LANG,
                                          key="lang", bind="query-params", required=True)
    return parse_lang(choice)


def open_shell() -> Shell:
    """The first step of every run: the language, the deployment's settings (a bad one stops the app with a
    message naming it), whether a sign-in is pending, and presentation mode."""
    page_layout()
    lang = language_switch()
    try:
        settings = read_settings()
    except SettingsError as err:
        st.error(err.message(lang), icon=":material/settings:")
        st.stop()
    visitor = auth.visitor(settings)
    locked = visitor.identity is None
    shell = Shell(settings, Audience(lang, settings.public), OFF, locked, visitor=visitor)
    if not locked:
        shell = Shell(settings, shell.audience, read_presentation(lang, [p for p in PAGES if shell.offers(p)]), locked,
                      visitor=visitor)
    return shell


def current_shell() -> Shell:
    """The shell of this run (set by run_page before the page script runs)."""
    return st.session_state[_SHELL_KEY]


def run_page(shell: Shell, page: st.Page) -> None:
    """The sign-in gate, then the page, then what follows every page: the playlist timer, the link of the view,
    the briefing control and the sign-out button."""
    auth.require_sign_in(shell.settings, shell.visitor, current_link(page.url_path), shell.lang)  # stops when locked
    spec = next(s for s in PAGES if s.url_path == page.url_path)
    st.session_state[_SHELL_KEY] = Shell(shell.settings, shell.audience, shell.presentation, shell.locked, spec,
                                         shell.visitor)
    briefing.begin_page()
    not_found_notice(page.url_path, page.title, shell.lang)  # when an unknown path was sent here
    try:
        page.run()
    except Exception:  # Streamlit's own stop and rerun are not Exceptions, and pass through
        page_failed(page.url_path, shell.lang)
    auth.record_page_view(shell.settings, shell.identity, current_link(page.url_path))
    advance_playlist(shell.presentation, page.url_path, shell.lang)
    share_link(page.url_path, shell.lang)  # after the page: its filters are in the URL by now
    if spec.briefed and shell.offers(spec):
        briefing.briefing_control(current_link(page.url_path), page.title, shell.lang,
                                  lambda outcome, detail: auth.record(shell.settings, shell.identity, BRIEFING,
                                                                      outcome, detail))
    auth.sign_out_button(shell.settings, shell.identity, shell.lang)


def page_failed(url_path: str, lang: Lang) -> None:
    """An unexpected error on a page: the traceback to the log under a short reference, and to the person a short
    message with that reference (never the traceback, never Streamlit's error box with its outside links)."""
    reference = f"{datetime.now():%Y%m%d-%H%M%S}-{secrets.token_hex(3)}"
    PAGE_LOG.exception("page /%s failed; reference %s", url_path, reference)
    st.error(t("shell.page_failed", lang, reference=reference), icon=":material/error:")


def current_link(url_path: str) -> str:
    """The link to the view on screen: the page's path and every parameter now in the URL (codes, not labels).

    Absolute (scheme, host, port) when the browser told the server its address; else from the path on."""
    query = urlencode([(name, value) for name in st.query_params for value in st.query_params.get_all(name)],
                      quote_via=quote, safe=",~")
    base = (st.context.url or "").rstrip("/")
    if url_path and base.endswith("/" + url_path):  # the browser's address may still end in the page's path
        base = base[: -len(url_path) - 1]
    return f"{base}/{url_path}" + (f"?{query}" if query else "")


def share_link(url_path: str, lang: Lang) -> None:
    """The "copy link" control at the foot of the sidebar: the current view's link, with a copy button."""
    st.sidebar.caption(t("shell.share_link", lang), help=t("shell.share_help", lang))
    st.sidebar.code(current_link(url_path), language=None, wrap_lines=True)


# Every page, every mode: constant CSS only. Headline figures and their labels wrap instead of being cut off
# (the full label was only in each card's help). On a phone (Streamlit stacks columns below 640 px) the figures
# stand two to a row, type and margins shrink; `.stApp` outranks presentation mode's large type there.
_LAYOUT_CSS = """<style>
[data-testid="stMetric"] .stMarkdownEllipsis, [data-testid="stMetric"] .stMarkdownEllipsis * {
  white-space: normal !important; overflow: visible !important; text-overflow: clip !important; }
[data-testid="stMetricLabel"] { height: auto !important; min-height: 1.5rem; }
@media (max-width: 640px) {
  .stApp [data-testid="stMain"] .block-container { padding: 3.5rem 0.9rem 4rem; }
  .stApp [data-testid="stMain"] h1 { font-size: 1.85rem; }
  .stApp [data-testid="stMain"] h2 { font-size: 1.45rem; }
  .stApp [data-testid="stMain"] h3 { font-size: 1.3rem; }
  .stApp [data-testid="stMain"] :is(p, li, td, th, [data-testid="stCaptionContainer"]) { font-size: 0.95rem; }
  [data-testid="stMain"] [data-testid="stHorizontalBlock"]:has(> [data-testid="stColumn"] [data-testid="stMetric"])
    > [data-testid="stColumn"] { min-width: calc(50% - 0.5rem) !important; flex: 1 1 calc(50% - 0.5rem) !important; }
  [data-testid="stMain"] [data-testid="stHorizontalBlock"]:has(> [data-testid="stColumn"] [data-testid="stMetric"])
    > [data-testid="stColumn"]:not(:has([data-testid="stMetric"])) { display: none; }
  .stApp [data-testid="stMain"] [data-testid="stMetricLabel"] :is(p, div) { font-size: 0.85rem; line-height: 1.3; }
  .stApp [data-testid="stMain"] [data-testid="stMetricValue"],
  .stApp [data-testid="stMain"] [data-testid="stMetricValue"] * { font-size: 1.6rem; line-height: 1.25; }
  .stApp [data-testid="stMain"] [data-testid="stMetricDelta"] :is(p, div) { font-size: 0.8rem; }
  /* a table's toolbar stays shown on touch screens: room for it above the table */
  [data-testid="stMain"] [data-testid="stElementContainer"]:has([data-testid="stDataFrame"]) { margin-top: 1.75rem; }
}
</style>"""


def page_layout() -> None:
    """The CSS every page gets: figures that wrap rather than clip, and a phone layout for narrow screens."""
    st.html(_LAYOUT_CSS)
