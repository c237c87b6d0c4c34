"""Presentation mode, read from the link once per run: `present=1` (a projector view: no sidebar, no widgets, large
type), the big-screen dark theme (`theme=dark`) and the playlist (`playlist`, `every`).

The theme and the playlist take effect only in presentation mode; without it they are checked (a bad value gets
the usual notice) but change nothing. Constant CSS only: no data ever reaches it.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

import streamlit as st

from lib.formatting import join_list
from lib.i18n import Lang, t
from lib.page_registry import PageSpec
from lib.presentation import (DEFAULT_THEME, EVERY_DEFAULT_S, THEMES, Playlist, carried_params, next_page,
                              parse_every, parse_playlist, parse_theme)
from lib.ui.notices import escape_markdown, url_fallback_notice
from lib.viz.theme import DARK_BG, DARK_GRID, DARK_TEXT, dark_figure, dark_folium

if TYPE_CHECKING:
    import folium
    import plotly.graph_objects as go

# The projector view: the sidebar and its filters still run (the URL sets them), hidden; widgets in the page body
# are hidden; type is larger.
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

_ADVANCE_KEY = "present_advance"  # the hidden button the playlist driver presses when a page has been shown

_MUTED = "#aab2bf"
_CARD = "#161b24"
_INVERT = "invert(0.9) hue-rotate(180deg)"  # light-themed boxes turned dark, their hues kept
_DARK_CSS = f"""<style>
.stApp, [data-testid="stAppViewContainer"], [data-testid="stMain"] {{ background-color: {DARK_BG}; color: {DARK_TEXT}; }}
[data-testid="stMain"] :is(h1, h2, h3, h4, h5, h6, p, li, label, strong, em, td, th, summary, span:not([role="img"])) {{
  color: {DARK_TEXT}; }}
[data-testid="stMain"] :is([data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] *) {{ color: {_MUTED}; }}
[data-testid="stMain"] [data-testid="stMetric"] {{ background-color: {_CARD}; border-color: {DARK_GRID}; }}
/* a card's trend line (a Vega chart) draws on the card, not on a white box */
[data-testid="stMain"] [data-testid="stMetric"] svg.marks {{ background-color: transparent !important; }}
[data-testid="stMain"] [data-testid="stVerticalBlockBorderWrapper"] {{ border-color: {DARK_GRID}; }}
[data-testid="stMain"] [data-testid="stTooltipIcon"] :is(button, svg) {{ color: {_MUTED} !important; opacity: 1; }}
/* boxes drawn in the light theme's colours (change pills, notices, badges, canvas-drawn tables): inverted */
[data-testid="stMain"] :is([data-testid="stMetricDelta"], [data-testid="stAlertContainer"], .stMarkdownBadge,
  [data-testid="stDataFrame"], [data-testid="stTable"]) {{ filter: {_INVERT}; }}
[data-testid="stMain"] :is([data-testid="stMetricDelta"], [data-testid="stAlertContainer"], .stMarkdownBadge)
  :is(p, li, span, strong, em, a, div) {{ color: inherit !important; }}
[data-testid="stMain"] iframe {{ border-radius: 0.5rem; background-color: {DARK_BG}; }}
.stApp {{ --pingan-next-bg: rgba(14, 17, 23, 0.92); }}
</style>"""

# The playlist's "next page" line: small, in the top corner (beside the title), over the page (the container is keyed, the CSS constant).
_NEXT_KEY = "present_next"
_NEXT_CSS = f"""<style>
.st-key-{_NEXT_KEY} {{ position: fixed; right: 1.2rem; top: 0.8rem; z-index: 1000; width: auto !important;
  padding: 0.2rem 0.7rem; border-radius: 0.5rem; background: rgba(255, 255, 255, 0.92);
  box-shadow: 0 0 0 1px rgba(128, 128, 128, 0.35); pointer-events: none; }}
.stApp:has(.st-key-{_NEXT_KEY}) .st-key-{_NEXT_KEY} {{ background: var(--pingan-next-bg, rgba(255, 255, 255, 0.92)); }}
.st-key-{_NEXT_KEY}, .st-key-{_NEXT_KEY} * {{ height: auto !important; min-height: 0 !important; margin: 0 !important;
  gap: 0 !important; }}
.st-key-{_NEXT_KEY} p {{ font-size: 1rem !important; line-height: 1.6; }}
.st-key-{_ADVANCE_KEY} {{ display: none !important; }}
</style>"""

# The playlist's driver, in the browser (constant script; its settings arrive as JSON of numbers and codes). It waits
# until the page has finished drawing (the script run is over, every chart has drawn, every map frame has loaded,
# and nothing has changed for a moment), then shows the page screen by screen: each section that does not fit on the
# screen starts a new one. Each screen stays `every` seconds counted from the moment it has been drawn; after the
# last, it presses the hidden button that moves to the next page. The screen shown is written on the app's root
# element (data-pingan-screen = "2/5") for browser tests.
_DRIVER_JS = """<script>
(() => {
  const cfg = PLAYLIST_SETTINGS;
  const state = window.__pinganPlaylist || (window.__pinganPlaylist = {});
  if (state.page === cfg.page && state.running) return;  // this page is being shown already
  const token = {};
  Object.assign(state, {page: cfg.page, running: true, token});
  const doc = document, sleep = (ms) => new Promise((done) => setTimeout(done, ms));
  const alive = () => state.token === token;
  const root = () => doc.querySelector("[data-testid='stApp']");
  const drawn = () => {
    if (!root() || root().getAttribute('data-test-script-state') !== 'notRunning') return false;
    if ([...doc.querySelectorAll("[data-testid='stPlotlyChart']")].some((c) => !c.querySelector('.main-svg'))) return false;
    for (const frame of doc.querySelectorAll("[data-testid='stMain'] iframe")) {
      try { if (frame.contentDocument && frame.contentDocument.readyState !== 'complete') return false; } catch (e) {}
    }
    return !doc.querySelector("[data-testid='stSkeleton'], [data-testid='stSpinner']");
  };
  const settled = async () => {  // drawn, and no change for 750 ms
    let changed = true;
    const watch = new MutationObserver(() => { changed = true; });
    watch.observe(doc.body, {subtree: true, childList: true, attributes: true});
    try {
      let quiet = 0;
      while (alive() && quiet < 3) {
        quiet = drawn() && !changed ? quiet + 1 : 0;
        changed = false;
        await sleep(250);
      }
    } finally { watch.disconnect(); }
  };
  const scroller = () => {
    const main = doc.querySelector("[data-testid='stMain']");
    const candidates = [main, main && main.parentElement, doc.querySelector("[data-testid='stAppViewContainer']"),
                        doc.scrollingElement].filter(Boolean);
    return candidates.find((el) => el.scrollHeight > el.clientHeight + 2 &&
      (el === doc.scrollingElement || ['auto', 'scroll'].includes(getComputedStyle(el).overflowY))) || doc.scrollingElement;
  };
  const screens = (box) => {  // scroll offsets: one screen per run of sections that fits
    const height = box.clientHeight, total = box.scrollHeight, last = Math.max(0, total - height);
    const origin = box === doc.scrollingElement ? 0 : box.getBoundingClientRect().top;
    const tops = [...doc.querySelectorAll("[data-testid='stMain'] :is(h2, h3)")]
      .map((h) => (h.closest("[data-testid='stElementContainer']") || h).getBoundingClientRect().top - origin + box.scrollTop)
      .filter((top) => top > 0).sort((a, b) => a - b);
    const starts = [0, ...tops];  // the page's head (title, summary, headline figures), then each section
    const ends = starts.map((top, i) => [top, i + 1 < starts.length ? starts[i + 1] : total]);
    const stops = [0];
    while (stops[stops.length - 1] < last) {
      const at = stops[stops.length - 1], bottom = at + height;
      const cut = ends.find(([top, end]) => end > bottom + 1);
      // the next screen starts at the section cut off; a section that starts high on this screen is taller than
      // what is left of it, and goes on a screen further down instead
      let next = cut && cut[0] - 8 > at + height / 3 ? cut[0] - 8 : at + Math.round(height * 0.9);
      next = Math.min(next, last);
      if (next <= at) break;
      stops.push(next);
    }
    return stops;
  };
  (async () => {
    if (root()) { delete root().dataset.pinganScreen; delete root().dataset.pinganScreenSince; }
    await settled();
    const box = scroller(), stops = screens(box);
    for (let i = 0; i < stops.length && alive(); i++) {
      box.scrollTo({top: stops[i], behavior: 'instant'});
      await settled();
      if (!alive()) return;
      Object.assign(root().dataset, {pinganScreen: `${i + 1}/${stops.length}`, pinganScreenSince: String(Date.now())});
      await sleep(cfg.every * 1000);
    }
    if (!alive()) return;
    state.running = false;
    const next = doc.querySelector(`.st-key-${cfg.button} button`);
    if (next) next.click();
  })();
})();
</script>"""


@dataclass(frozen=True)
class Presentation:
    on: bool  # present=1
    theme: str
    playlist: Playlist
    every: int  # seconds per page

    @property
    def dark(self) -> bool:
        """The big-screen dark theme: presentation mode with `theme=dark`."""
        return self.on and self.theme == "dark"


OFF = Presentation(False, DEFAULT_THEME, Playlist((), ()), EVERY_DEFAULT_S)


def _playlist_notice(value: str, playlist: Playlist, lang: Lang) -> None:
    """Notice for unplayable entries; the link keeps only the playable ones (or loses `playlist` when none is)."""
    if not playlist.dropped:
        return
    if playlist.pages:
        entries = join_list(playlist.dropped, lang)
        st.toast(t("present.playlist_dropped", lang, entries=escape_markdown(entries[:80])), icon=":material/link_off:")
        st.query_params["playlist"] = playlist.value
    else:
        st.toast(t("present.playlist_empty", lang, value=escape_markdown(value[:40])), icon=":material/link_off:")
        del st.query_params["playlist"]


def read_presentation(lang: Lang, offered: list[PageSpec]) -> Presentation:
    """Presentation mode as the link sets it (bad values: a notice, then the default), with its CSS drawn.

    `offered`: the pages this deployment offers, out of which a playlist is made."""
    url_fallback_notice("present", ["0", "1"], "0", lang)
    present = st.query_params.get("present") == "1"
    url_fallback_notice("theme", list(THEMES), DEFAULT_THEME, lang)
    theme = parse_theme(st.query_params.get("theme")) or DEFAULT_THEME
    every = parse_every(st.query_params.get("every"))
    if every is None:
        url_fallback_notice("every", [], str(EVERY_DEFAULT_S), lang)
        every = EVERY_DEFAULT_S
    value = st.query_params.get("playlist")
    playlist = parse_playlist(value, offered)
    if value is not None:
        _playlist_notice(value, playlist, lang)
    settings = Presentation(present, theme, playlist, every)
    if settings.on:
        st.html(_PRESENT_CSS)
    if settings.dark:
        st.html(_DARK_CSS)
    return settings


def style_figure(fig: go.Figure, presentation: Presentation) -> tuple[go.Figure, str | None]:
    """The figure and the `theme` argument of st.plotly_chart for the page's theme.

    In the dark theme the figure carries its own dark template, so Streamlit's (light) chart theme is left out."""
    if presentation.dark:
        return dark_figure(fig), None
    return fig, "streamlit"


def style_map(m: folium.Map, presentation: Presentation) -> folium.Map:
    """The folium map for the page's theme: a dark map background in the dark theme."""
    return dark_folium(m) if presentation.dark else m


def _title(spec: PageSpec, lang: Lang) -> str:
    return t(spec.title_key, lang)


def _keep_language() -> None:
    """Before the run that moves on: switch_page may not set the bound `lang`; set programmatically (here, before
    the widget exists in that run), the language switch writes it into the next page's link itself."""
    if "lang" in st.session_state:
        st.session_state["lang"] = st.session_state["lang"]


def advance_playlist(settings: Presentation, url_path: str, lang: Lang) -> None:
    """In presentation mode with a playlist: the page is shown screen by screen, each screen `every` seconds from
    the moment it has finished drawing (a driver in the browser), then the next page of the playlist, with the
    link's presentation settings and the language; a small "next page" line in a corner meanwhile."""
    if not settings.on:
        return
    following = next_page(settings.playlist.pages, url_path)
    if following is None:
        return
    st.html(_NEXT_CSS)
    with st.container(key=_NEXT_KEY):
        st.caption(t("present.next", lang, page=_title(following, lang), every=settings.every))
    if st.button(t("present.next_now", lang), key=_ADVANCE_KEY, on_click=_keep_language):
        st.switch_page(following.script, query_params=carried_params(
            {name: st.query_params.get_all(name) for name in st.query_params}))
    config = json.dumps({"page": url_path or "/", "every": int(settings.every), "button": _ADVANCE_KEY})
    st.html(_DRIVER_JS.replace("PLAYLIST_SETTINGS", config, 1), unsafe_allow_javascript=True)
