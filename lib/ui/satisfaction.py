"""The satisfaction page's cached figures, its peer filter and its chart clicks (Streamlit-aware).

Cached results are keyed on plain parameters and the data folder, like lib.ui.loaders.overview_figures.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd
import streamlit as st

from lib.i18n import Lang
from lib.metrics import satisfaction, towns
from lib.ui.loaders import bundle_at
from lib.ui.url_state import parse_codes, remember_in_url, restore_from_url
from lib.viz.geo import light_geojson

PEERS_PARAM = "peers"


@st.cache_resource(show_spinner=False)
def county_shapes(data_dir: str) -> dict:
    """The counties as a light GeoJSON dict for the browser (shared: never mutate it)."""
    return light_geojson(bundle_at(data_dir)["counties"], "adcode")


@st.cache_data(max_entries=64, show_spinner=False)
def county_bounds(cities: tuple[str, ...], data_dir: str) -> tuple[float, float, float, float]:
    """The lon/lat bounds of the chosen cities' counties (all counties when none is chosen): the map's first view."""
    counties = bundle_at(data_dir)["counties"]
    chosen = counties[counties["city_adcode"].astype(str).isin(cities)] if cities else counties
    west, south, east, north = (float(v) for v in (chosen if len(chosen) else counties).total_bounds)
    return west, south, east, north


@st.cache_data(max_entries=64, show_spinner=False)
def county_ranking(year: int, indicator: str, data_dir: str) -> pd.DataFrame:
    bundle = bundle_at(data_dir)
    return satisfaction.county_ranking(bundle["county_survey"], bundle["counties"], year, indicator)


@st.cache_data(max_entries=64, show_spinner=False)
def trajectory(adcodes: tuple[str, ...], district: str, indicator: str, target_rank: int,
               data_dir: str) -> tuple[pd.DataFrame, int | None]:
    """The counties' ranks over the years, and the first year the district ranked `target_rank` or better."""
    survey = bundle_at(data_dir)["county_survey"]
    return (satisfaction.rank_history(survey, list(adcodes), indicator),
            satisfaction.first_year_within(survey, district, target_rank, indicator))


@st.cache_data(max_entries=64, show_spinner=False)
def indicator_profile(district: str, year: int, target_rank: int, indicators: tuple[str, ...],
                      data_dir: str) -> pd.DataFrame:
    survey = bundle_at(data_dir)["county_survey"]
    return satisfaction.indicator_profile(survey, district, year, target_rank, list(indicators))


@st.cache_data(max_entries=32, show_spinner=False)
def town_factors(year: int, indicator: str, data_dir: str) -> pd.DataFrame:
    bundle = bundle_at(data_dir)
    scores = satisfaction.town_ranking(bundle["town_survey"], year, indicator)
    return towns.town_factors(scores, bundle["incidents"], bundle["disputes"], bundle["towns"], year)


def peers_multiselect(label: str, codes: Sequence[str], labels: Mapping[str, str], default: list[str], lang: Lang,
                      *, placeholder: str) -> list[str]:
    """Counties to follow over the years, as codes in the URL (`?peers=511402,511403`).

    Unlike lib.ui.url_state.code_multiselect, the default is a set of codes (left out of the URL), an
    empty choice means none (`?peers=`), not all, and a link with only unknown codes falls back to the default.
    """
    default = [c for c in codes if c in default]

    def parse(raw: list[str]) -> tuple[list[str], list[str]]:
        known, unknown = parse_codes(raw, codes)
        return (default if unknown and not known else known), unknown

    restore_from_url(PEERS_PARAM, parse, default, ", ".join(labels.get(c, c) for c in default), lang)
    chosen = st.sidebar.multiselect(label, list(codes), format_func=lambda c: labels.get(c, c), key=PEERS_PARAM,
                                    placeholder=placeholder)
    return remember_in_url(PEERS_PARAM, list(chosen), default, ",".join)


def add_clicked_county_to_peers(chart_key: str) -> None:
    """on_select callback of the map and the ranking chart: a clicked county joins the peers filter.

    Plotly selections cannot be restored from a URL; the peers filter can, so the click lands there.
    Each chart puts the county's adcode first in its points' customdata.
    """
    points = st.session_state[chart_key]["selection"]["points"]
    clicked = [str(p["customdata"][0]) for p in points if p.get("customdata")]
    current = list(st.session_state.get(PEERS_PARAM, []))
    added = current + [c for c in clicked if c not in current]
    if added != current:
        st.session_state[PEERS_PARAM] = added

