"""Short notices about the link, and data-derived text made literal for Markdown."""
from __future__ import annotations

import re
from collections.abc import Sequence

import streamlit as st
from streamlit.errors import StreamlitAPIException

from lib.i18n import Lang, t
from lib.server.unknown_paths import NOT_FOUND_PARAM

_NOT_FOUND_KEY = "_not_found"  # session state: (the page that was opened instead, the path asked for)


WORD_JOINER = "\u2060"  # invisible, and keeps a bare address from being read as a link
_BARE_LINK = re.compile(r"(?i)(?<=http:)(?=//)|(?<=https:)(?=//)|(?<=www)(?=\.)|(?=@)")  # what GFM links by itself


_INLINE = re.compile(r"([\\`*_\[\]<>~$|&])")  # emphasis, code, links, HTML, strike, maths, tables, entities
_LINE_START = re.compile(r"^(\s*)([#>+=-]|\d+[.)])", re.MULTILINE)  # headings, quotes, lists, rules


def escape_markdown(text: str) -> str:
    """Data-derived text shown through Markdown stays literal: no emphasis, HTML, entity or link, not even a bare
    address (GitHub-flavoured Markdown links `http://…`, `www.…` and `name@host` by themselves; a word joiner inside
    `http://`, after `www` and before `@` stops that and shows nothing). Characters that matter only at the start of a
    line (`#`, `-`, `1.`) are escaped there only, so that the text stays readable in tests and logs."""
    escaped = _INLINE.sub(r"\\\1", _BARE_LINK.sub(WORD_JOINER, text))
    return _LINE_START.sub(lambda m: m.group(1) + "".join("\\" + c if not c.isdigit() else c for c in m.group(2)),
                           escaped)


def link_notice(param: str, value: str, default_text: str, lang: Lang) -> None:
    """The toast that says a link's value was not used and what is shown instead (the value shown literally)."""
    st.toast(t("shell.url_fallback", lang, param=param, value=escape_markdown(value[:60]),
               default=escape_markdown(default_text)), icon=":material/link_off:")


def url_fallback_notice(param: str, valid: Sequence[str], default: str, lang: Lang) -> None:
    """When the link's `param` is not one of `valid`: a notice, and the parameter dropped (the default is shown)."""
    value = st.query_params.get(param)
    if value is not None and value not in valid:
        link_notice(param, value, default, lang)
        try:
            del st.query_params[param]
        except StreamlitAPIException:  # bound to a widget that exists already (`lang` after a first run): Streamlit
            pass  # drops a value the widget cannot take itself, and may not be asked to



def not_found_notice(url_path: str, title: str, lang: Lang) -> None:
    """On the page an unknown path was sent to (lib/server/unknown_paths.py): a notice naming the path asked for and
    the page shown instead, until another page is opened. The parameter leaves the link at once."""
    asked = st.query_params.get(NOT_FOUND_PARAM)
    if asked is not None:
        st.session_state[_NOT_FOUND_KEY] = (url_path, asked[:200])
        del st.query_params[NOT_FOUND_PARAM]
    shown = st.session_state.get(_NOT_FOUND_KEY)
    if shown is None:
        return
    if shown[0] != url_path:
        del st.session_state[_NOT_FOUND_KEY]
        return
    st.warning(t("shell.not_found", lang, path=escape_markdown(shown[1]), page=escape_markdown(title)),
               icon=":material/link_off:")
