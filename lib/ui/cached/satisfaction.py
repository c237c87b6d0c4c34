"""The satisfaction page's cached figures."""
from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from lib.data.location import DataSource
from lib.metrics import satisfaction, towns
from lib.metrics.crime_cube import reported_by_town
from lib.ui.cached.crime import crime_cube
from lib.ui.data import bundle_at
from lib.viz.geo import light_geojson


@st.cache_resource(max_entries=2, show_spinner=False)
def county_shapes(source: DataSource) -> dict:
    """The counties as a light GeoJSON dict for the browser (shared: never mutate it)."""
    return light_geojson(bundle_at(source)["counties"], "adcode")


@st.cache_data(max_entries=64, show_spinner=False)
def county_bounds(source: DataSource, cities: tuple[str, ...]) -> tuple[float, float, float, float]:
    """The lon/lat bounds of the chosen cities' counties (all counties when none is chosen): the map's first view."""
    counties = bundle_at(source)["counties"]
    chosen = counties[counties["city_adcode"].astype(str).isin(cities)] if cities else counties
    west, south, east, north = (float(v) for v in (chosen if len(chosen) else counties).total_bounds)
    return west, south, east, north


@st.cache_data(max_entries=64, show_spinner=False)
def county_ranking(source: DataSource, year: int, indicator: str, target_rank: int) -> pd.DataFrame:
    bundle = bundle_at(source)
    return satisfaction.county_ranking(bundle["county_survey"], bundle["counties"], year, indicator, target_rank)


@st.cache_data(max_entries=64, show_spinner=False)
def trajectory(source: DataSource, adcodes: tuple[str, ...], district: str, indicator: str,
               target_rank: int) -> tuple[pd.DataFrame, int | None]:
    """The counties' ranks over the years, and the first year the district ranked `target_rank` or better."""
    survey = bundle_at(source)["county_survey"]
    return (satisfaction.rank_history(survey, list(adcodes), indicator),
            satisfaction.first_year_within(survey, district, target_rank, indicator))


@st.cache_data(max_entries=64, show_spinner=False)
def indicator_profile(source: DataSource, district: str, year: int, target_rank: int,
                      indicators: tuple[str, ...]) -> pd.DataFrame:
    survey = bundle_at(source)["county_survey"]
    return satisfaction.indicator_profile(survey, district, year, target_rank, list(indicators))


@st.cache_data(max_entries=32, show_spinner=False)
def town_factors(source: DataSource, year: int, indicator: str) -> pd.DataFrame:
    bundle = bundle_at(source)
    scores = satisfaction.town_ranking(bundle["town_survey"], year, indicator)
    reported = reported_by_town(crime_cube(source), date(year, 1, 1), date(year, 12, 31))
    return towns.town_factors(scores, reported, bundle["disputes"], bundle["towns"], year)
