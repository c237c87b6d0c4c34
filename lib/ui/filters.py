"""The page's filters, each living in the URL so that a link reproduces the view.

Bound parameters are global: one name means the same thing on every page (`town` is always a list of town codes).
URLs carry codes, never labels: Streamlit's own `bind="query-params"` writes a widget's displayed label into the
URL, so widgets that show labels for codes are synced here instead.

The value of record is kept in session state under `url::<param>`; it survives page switches (when Streamlit drops
a widget's own state) and is written back to the URL on every run. A value that the data no longer allows (a
period past a new as-of date, a town removed from the boundaries) is brought back into range with the usual notice,
so a data change never breaks an open page. Every filter is recorded, as shown, for the page's briefing.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date
from typing import Protocol, TypeVar

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from lib.briefing.content import PageContent
from lib.formatting import join_list
from lib.i18n import Lang, t
from lib.ui.notices import link_notice
from lib.url_numbers import whole_number

T = TypeVar("T")


class FilterHost(Protocol):
    """What a filter needs of its page: the language, and the briefing to record itself in (a PageContext)."""

    @property
    def lang(self) -> Lang: ...

    @property
    def briefing(self) -> PageContent: ...


def _truth(param: str) -> str:
    return f"url::{param}"


def _restore(page: FilterHost, param: str, parse: Callable[[list[str]], tuple[T, list[str]]], default: T,
             default_text: str, allowed: Callable[[T], T | None]) -> None:
    """Before the widget: the value of record from the URL (first run), then the widget's state from it.

    `allowed(value)` gives the value brought into the data's range, or None when nothing of it is left (the
    default is used); either way a notice says so."""
    if _truth(param) not in st.session_state:
        raw = st.query_params.get_all(param)
        value, bad = parse(raw) if raw else (default, [])
        if bad:
            link_notice(param, ", ".join(bad), default_text, page.lang)
        st.session_state[_truth(param)] = value
    refitted = False
    for key in (_truth(param), param):
        if key not in st.session_state:
            st.session_state[key] = st.session_state[_truth(param)]
        current = st.session_state[key]
        fitted = allowed(current)
        if fitted != current:
            st.session_state[key] = default if fitted is None else fitted
            refitted = True
    if refitted:
        st.toast(t("shell.data_range", page.lang, param=param), icon=":material/update:")


def _remember(param: str, value: T, default: T, to_url: Callable[[T], str | list[str]]) -> T:
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


def code_multiselect(page: FilterHost, label: str, codes: Sequence[str], labels: Mapping[str, str], param: str, *,
                     default: Sequence[str] = (), placeholder: str | None = None,
                     container: DeltaGenerator | None = None) -> list[str]:
    """A multiselect showing labels, with the chosen codes in the URL (`?town=511402001,511402002`).

    With no `default`, an empty choice means all. With a `default` (a set of codes, left out of the URL), an empty
    choice means none (`?peers=`), and a link with only unknown codes falls back to the default."""
    default = [c for c in codes if c in default]
    everything = t("url.all", page.lang)

    def parse(raw: list[str]) -> tuple[list[str], list[str]]:
        known, unknown = parse_codes(raw, codes)
        return (default if unknown and not known and default else known), unknown

    def known(value: list[str]) -> list[str] | None:
        kept = [c for c in value if c in codes]
        return kept if kept or not value else None

    _restore(page, param, parse, default, join_list((labels.get(c, c) for c in default), page.lang) or everything, known)
    chosen = (container or st.sidebar).multiselect(label, list(codes), format_func=lambda c: labels.get(c, c), key=param,
                                                   placeholder=placeholder or everything)
    page.briefing.add_filter(param, label, join_list((labels.get(c, c) for c in chosen), page.lang) if chosen
                             else (placeholder or everything))
    return _remember(param, list(chosen), default, ",".join)


def code_select(page: FilterHost, label: str, codes: Sequence[str], labels: Mapping[str, str], param: str,
                default: str, *, container: DeltaGenerator | None = None) -> str:
    """A single choice of code, shown by label, with the code in the URL."""
    def parse(raw: list[str]) -> tuple[str, list[str]]:
        return (raw[0], []) if raw[0] in codes else (default, [raw[0]])

    _restore(page, param, parse, default, labels.get(default, default), lambda v: v if v in codes else None)
    chosen = (container or st.sidebar).selectbox(label, list(codes), format_func=lambda c: labels.get(c, c), key=param)
    page.briefing.add_filter(param, label, labels.get(chosen, chosen))
    return _remember(param, chosen, default, str)


def settled_code(param: str, codes: Sequence[str], default: str) -> str:
    """The code a `code_select` of `param` will show on this run, known before it is drawn (to load what its labels
    come from): the widget's new value, else the value of record, else the link's, else `default`."""
    for value in (st.session_state.get(param), st.session_state.get(_truth(param)), st.query_params.get(param)):
        if value in codes:
            return value
    return default


def number_select(page: FilterHost, label: str, choices: Sequence[int], param: str, default: int, *,
                  help: str | None = None, container: DeltaGenerator | None = None,
                  labels: Mapping[int, str] | None = None) -> int:
    """A whole number from `choices` (years, ranks), in the URL as itself (shown as `labels` names it, if given);
    anything else (not a plain whole number, or not one of the choices) falls back with a notice."""
    def parse(raw: list[str]) -> tuple[int, list[str]]:
        number = whole_number(raw[0], min(choices), max(choices)) if len(choices) else None
        return (number, []) if number in choices else (default, [raw[0]])

    _restore(page, param, parse, default, str(default), lambda v: v if v in choices else None)
    shown = labels or {}
    chosen = (container or st.sidebar).selectbox(label, list(choices), key=param, help=help,
                                                 format_func=lambda c: shown.get(c, str(c)))
    page.briefing.add_filter(param, label, shown.get(chosen, str(chosen)))
    return _remember(param, int(chosen), default, str)


def period_input(page: FilterHost, label: str, first: date, last: date, default: tuple[date, date], *,
                 container: DeltaGenerator | None = None) -> tuple[date, date]:
    """A date range, in the URL as `?period=2020-01-01~2020-12-31`, clamped to the data's dates."""
    def parse(raw: list[str]) -> tuple[tuple[date, date], list[str]]:
        try:
            start, end = (date.fromisoformat(part) for part in raw[0].split("~"))
        except ValueError:
            return default, [raw[0]]
        fitted = within(start, end)
        return (default, [raw[0]]) if fitted is None else (fitted, [])

    def within(start: date, end: date) -> tuple[date, date] | None:
        if start > end or end < first or start > last:
            return None
        return max(start, first), min(end, last)

    def clamp(value: tuple[date, ...] | date) -> tuple[date, ...] | date | None:
        days = tuple(value) if isinstance(value, (tuple, list)) else (value,)
        fitted = within(days[0], days[-1]) if days else None
        if fitted is None or fitted == (days[0], days[-1]):
            return fitted and value  # unchanged: a range being picked keeps its one day
        return fitted

    text = f"{default[0].isoformat()}~{default[1].isoformat()}"
    _restore(page, "period", parse, default, text, clamp)
    chosen = (container or st.sidebar).date_input(label, min_value=first, max_value=last, key="period",
                                                  format="YYYY-MM-DD")
    period = tuple(chosen) if isinstance(chosen, (tuple, list)) else (chosen, chosen)
    if len(period) == 1:  # the second day is not picked yet
        period = (period[0], period[0])
    page.briefing.add_filter("period", label, f"{period[0].isoformat()} ~ {period[1].isoformat()}")
    return _remember("period", period, default, lambda p: f"{p[0].isoformat()}~{p[1].isoformat()}")
