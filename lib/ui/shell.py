"""The app's frame around every page: language, as-of date, demo badge, data errors, URL notices."""
from __future__ import annotations

import re
from urllib.parse import quote, urlencode

import streamlit as st

from lib.data.problems import DataLoadError
from lib.i18n import DEFAULT_LANG, LANGS, Lang, parse_lang, t
from lib.ui import briefing
from lib.ui.loaders import data_bundle
from lib.ui.public import public_badge
from lib.data.store import DataBundle


def language_switch() -> Lang:
    """The UI language, bound to the URL as ?lang=zh|en (an unknown value falls back to Chinese, with a notice).

    The buttons show the codes themselves: a bound widget writes its displayed label into the URL,
    and the URL contract carries codes.
    """
    bad = st.query_params.get("lang")
    if bad not in (None, *LANGS):
        st.toast(t("shell.url_fallback", DEFAULT_LANG, param="lang", value=escape_markdown(bad[:40]), default=DEFAULT_LANG),
                 icon=":material/link_off:")
        del st.query_params["lang"]
    choice = st.sidebar.segmented_control(
        t("shell.language", current_lang()), options=list(LANGS),
        default=DEFAULT_LANG, key="lang", bind="query-params", required=True,
    )
    return parse_lang(choice)


def current_lang() -> Lang:
    return parse_lang(st.session_state.get("lang", st.query_params.get("lang", DEFAULT_LANG)))


def escape_markdown(text: str) -> str:
    """Data-derived text shown through Markdown stays literal (no links, emphasis or HTML)."""
    return re.sub(r"([\\`*_{}\[\]()#+\-.!|<>~$])", r"\\\1", text)


def load_or_explain(lang: Lang) -> DataBundle | None:
    """The data bundle, or None after showing every problem in the data (no traceback)."""
    try:
        return data_bundle()
    except DataLoadError as err:
        lines = "\n".join(f"- {escape_markdown(p.message(lang))}" for p in err.problems)
        st.error(t("shell.data_error", lang) + "\n\n" + lines)
        return None


def data_status(bundle: DataBundle, lang: Lang, datasets: list[str]) -> None:
    """The as-of date, the demo badge when any of `datasets` is demo data, and the public-copy badge."""
    st.sidebar.caption(t("shell.as_of", lang, date=bundle.as_of.isoformat()))
    demo = any(bundle.manifest.is_demo(name) for name in datasets)
    briefing.set_data_status(bundle.as_of, demo)
    if demo:
        st.badge(t("shell.demo_label", lang), icon=":material/science:", color="orange")
        st.caption(t("shell.demo_badge", lang))
    public_badge(lang)  # the public copy says so on every page


def url_fallback_notice(param: str, valid: list[str], default: str, lang: Lang) -> None:
    """A short notice, and the default restored, when the link carries a value the page cannot show."""
    value = st.query_params.get(param)
    if value is not None and value not in valid:
        st.toast(t("shell.url_fallback", lang, param=param, value=escape_markdown(value[:40]),
                   default=default), icon=":material/link_off:")
        del st.query_params[param]


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
    """The "copy link" control at the foot of the sidebar: the current view's link, with a copy button.

    Called by app.py after the page has run, so the page's filters are already in the URL."""
    st.sidebar.caption(t("shell.share_link", lang), help=t("shell.share_help", lang))
    st.sidebar.code(current_link(url_path), language=None, wrap_lines=True)


# Presentation mode: constant CSS only (no data ever reaches it). The sidebar and its filters still run (the
# URL sets them), hidden; widgets in the page body are hidden; type is larger for a projector.
_PRESENT_CSS = """<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stExpandSidebarButton"],
[data-testid="stHeader"], [data-testid="stToolbar"] { display: none !important; }
[data-testid="stMain"] :is([data-testid="stButton"], [data-testid="stDownloadButton"], [data-testid="stCheckbox"],
  [data-testid="stRadio"], [data-testid="stSelectbox"], [data-testid="stMultiSelect"], [data-testid="stDateInput"],
  [data-testid="stNumberInput"], [data-testid="stTextInput"], [data-testid="stFileUploader"],
  [data-testid="stButtonGroup"], [data-testid="stSlider"], [data-testid="stPopover"]) { display: none !important; }
[data-testid="stMain"] .block-container { max-width: 100%; padding: 1.5rem 2.5rem; }
[data-testid="stMain"] :is(p, li, td, th, [data-testid="stCaptionContainer"]) { font-size: 1.35rem; }
[data-testid="stMain"] h1 { font-size: 3.4rem; }
[data-testid="stMain"] h2, [data-testid="stMain"] h3 { font-size: 2.3rem; }
[data-testid="stMain"] [data-testid="stMetricLabel"] :is(p, div) { font-size: 1.5rem; }
[data-testid="stMain"] [data-testid="stMetricValue"], [data-testid="stMain"] [data-testid="stMetricValue"] * { font-size: 3.6rem; }
</style>"""


def presentation_mode(lang: Lang) -> bool:
    """`?present=1`: a projector view of the page (no sidebar, no widgets, large type). `0` or absent: off."""
    value = st.query_params.get("present")
    if value not in (None, "0", "1"):
        st.toast(t("shell.url_fallback", lang, param="present", value=escape_markdown(value[:40]), default="0"),
                 icon=":material/link_off:")
        del st.query_params["present"]
        return False
    if value == "1":
        st.html(_PRESENT_CSS)
        return True
    return False


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
