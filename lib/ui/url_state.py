"""Filters that live in the URL, so a link reproduces the view.

Bound parameters are global: one name means the same thing on every page (`town` is always a list
of town codes). URLs carry codes, never labels: Streamlit's own `bind="query-params"` writes a
widget's displayed label into the URL, so widgets that show labels for codes are synced here instead.

The value of record is kept in session state under `url::<param>`; it survives page switches (when
Streamlit drops a widget's own state) and is written back to the URL on every run.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date
from typing import TypeVar

import streamlit as st

from lib.formatting import join_list
from lib.i18n import Lang, t
from lib.ui import briefing
from lib.ui.shell import escape_markdown

T = TypeVar("T")


def _truth(param: str) -> str:
    return f"url::{param}"


def _notice_bad(param: str, bad: Sequence[str], default_text: str, lang: Lang) -> None:
    if bad:
        st.toast(t("shell.url_fallback", lang, param=param, value=escape_markdown(", ".join(bad)[:60]),
                   default=escape_markdown(default_text)),
                 icon=":material/link_off:")


def restore_from_url(param: str, parse: Callable[[list[str]], tuple[T, list[str]]], default: T, default_text: str,
                     lang: Lang) -> None:
    """Before the widget: the value of record from the URL (first run) and the widget's state from it."""
    if _truth(param) not in st.session_state:
        raw = st.query_params.get_all(param)
        value, bad = parse(raw) if raw else (default, [])
        _notice_bad(param, bad, default_text, lang)
        st.session_state[_truth(param)] = value
    if param not in st.session_state:
        st.session_state[param] = st.session_state[_truth(param)]


def remember_in_url(param: str, value: T, default: T, to_url: Callable[[T], str | list[str]]) -> T:
    """After the widget: remember the value and show it in the URL (the default is left out of the URL)."""
    st.session_state[_truth(param)] = value
    if value == default:
        st.query_params.pop(param, None)
    else:
        st.query_params[param] = to_url(value)
    return value


def parse_codes(raw: list[str], allowed: Sequence[str]) -> tuple[list[str], list[str]]:
    """The known codes of a URL list (comma-separated or repeated), in the allowed order, and the unknown ones."""
    given = [code for item in raw for code in item.split(",") if code]
    return [c for c in allowed if c in given], [c for c in given if c not in allowed]


def code_multiselect(label: str, codes: Sequence[str], labels: Mapping[str, str], param: str, lang: Lang,
                     *, placeholder: str | None = None, container=st.sidebar) -> list[str]:
    """A multiselect showing labels, with the chosen codes in the URL (`?town=511402001,511402002`). Empty = all."""
    restore_from_url(param, lambda raw: parse_codes(raw, codes), [], t("url.all", lang), lang)
    chosen = container.multiselect(label, list(codes), format_func=lambda c: labels.get(c, c), key=param,
                                   placeholder=placeholder or t("url.all", lang))
    briefing.add_filter(param, label, join_list((labels.get(c, c) for c in chosen), lang) if chosen
                        else t("url.all", lang))
    return remember_in_url(param, list(chosen), [], ",".join)


def code_select(label: str, codes: Sequence[str], labels: Mapping[str, str], param: str, lang: Lang, default: str,
                *, container=st.sidebar) -> str:
    """A single choice of code, shown by label, with the code in the URL."""
    def parse(raw: list[str]) -> tuple[str, list[str]]:
        return (raw[0], []) if raw[0] in codes else (default, [raw[0]])

    restore_from_url(param, parse, default, labels.get(default, default), lang)
    chosen = container.selectbox(label, list(codes), format_func=lambda c: labels.get(c, c), key=param)
    briefing.add_filter(param, label, labels.get(chosen, chosen))
    return remember_in_url(param, chosen, default, str)


def period_input(label: str, first: date, last: date, default: tuple[date, date], lang: Lang,
                 *, container=st.sidebar) -> tuple[date, date]:
    """A date range, in the URL as `?period=2020-01-01~2020-12-31`, clamped to the data's dates."""
    def parse(raw: list[str]) -> tuple[tuple[date, date], list[str]]:
        try:
            start, end = (date.fromisoformat(part) for part in raw[0].split("~"))
        except ValueError:
            return default, [raw[0]]
        if start > end or end < first or start > last:
            return default, [raw[0]]
        return (max(start, first), min(end, last)), []

    text = f"{default[0].isoformat()}~{default[1].isoformat()}"
    restore_from_url("period", parse, default, text, lang)
    chosen = container.date_input(label, min_value=first, max_value=last, key="period", format="YYYY-MM-DD")
    period = tuple(chosen) if isinstance(chosen, (tuple, list)) else (chosen, chosen)
    if len(period) == 1:  # the second day is not picked yet
        period = (period[0], period[0])
    briefing.add_filter("period", label, f"{period[0].isoformat()} ~ {period[1].isoformat()}")
    return remember_in_url("period", period, default, lambda p: f"{p[0].isoformat()}~{p[1].isoformat()}")
