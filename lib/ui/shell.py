"""The app's frame around every page: language, as-of date, demo badge, data errors, URL notices."""
from __future__ import annotations

import re

import streamlit as st

from lib.data.problems import DataLoadError
from lib.i18n import DEFAULT_LANG, LANGS, Lang, parse_lang, t
from lib.ui.loaders import data_bundle
from lib.data.store import DataBundle



def language_switch() -> Lang:
    """The UI language, bound to the URL as ?lang=zh|en (an unknown value falls back to Chinese).

    The buttons show the codes themselves: a bound widget writes its displayed label into the URL,
    and the URL contract carries codes.
    """
    if st.query_params.get("lang") not in (None, *LANGS):
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
    """The as-of date and, when any of `datasets` is demo data, the demo badge."""
    st.sidebar.caption(t("shell.as_of", lang, date=bundle.as_of.isoformat()))
    if any(bundle.manifest.is_demo(name) for name in datasets):
        st.badge(t("shell.demo_label", lang), icon=":material/science:", color="orange")
        st.caption(t("shell.demo_badge", lang))


def url_fallback_notice(param: str, valid: list[str], default: str, lang: Lang) -> None:
    """A short notice, and the default restored, when the link carries a value the page cannot show."""
    value = st.query_params.get(param)
    if value is not None and value not in valid:
        st.toast(t("shell.url_fallback", lang, param=param, value=value[:40], default=default), icon=":material/link_off:")
        del st.query_params[param]
