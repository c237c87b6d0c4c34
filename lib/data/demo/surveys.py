"""The province's satisfaction survey of its counties, and the district's own survey of its towns.

Scores are demo values; the district's rank path is set so that 2020 is its first year in the top 80,
as published. Ranks are never stored: lib.metrics.satisfaction derives them.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from lib.data.demo.settings import DISTRICT_ADCODE, SURVEY_YEARS, rng_for

# The district's rank in each survey year (2020: inside the top 80 for the first time).
DISTRICT_RANK_PATH = {2016: 131, 2017: 118, 2018: 104, 2019: 93, 2020: 76}

INDICATOR_WEIGHTS = {"security": 0.25, "public_order": 0.25, "political_legal": 0.2,
                     "awareness": 0.1, "participation": 0.1, "anti_gang": 0.1}
# How each indicator sits against the overall level (awareness and participation lag behind).
INDICATOR_OFFSETS = {"security": 2.0, "public_order": 1.0, "political_legal": 0.5,
                     "awareness": -5.0, "participation": -7.0, "anti_gang": 1.5}


def _place_at_rank(others: np.ndarray, rank: int) -> float:
    """A score that ranks exactly `rank` among `others` (higher is better, scores to 2 decimals)."""
    ordered = np.sort(others)[::-1]
    above, below = ordered[rank - 2], ordered[rank - 1]
    middle = round(float(above + below) / 2, 2)
    if not below < middle < above:
        raise ValueError(f"no room at rank {rank}: {above} vs {below}")
    return middle


def county_survey(counties: pd.DataFrame) -> pd.DataFrame:
    """One row per county and year with sample size, overall score and six indicator scores."""
    rng = rng_for("county_survey")
    adcodes = counties["adcode"].to_numpy()
    level = rng.normal(86.0, 2.6, len(adcodes))
    rows = []
    for year in SURVEY_YEARS:
        level = level + rng.normal(0.6, 0.5, len(adcodes))  # the province improves year on year
        overall = np.round(np.clip(level + rng.normal(0, 0.4, len(adcodes)), 60, 99.5), 2)
        is_district = adcodes == DISTRICT_ADCODE
        while True:
            try:
                overall[is_district] = _place_at_rank(overall[~is_district], DISTRICT_RANK_PATH[year])
                break
            except ValueError:  # two neighbours too close: move the lower one down a little
                ordered = np.argsort(-np.where(is_district, -np.inf, overall), kind="stable")
                overall[ordered[DISTRICT_RANK_PATH[year] - 1]] -= 0.02
        frame = pd.DataFrame({"adcode": adcodes, "year": year,
                              "sample_size": rng.integers(600, 1201, len(adcodes)), "overall": overall})
        for code, offset in INDICATOR_OFFSETS.items():
            lift = 3.0 * (year - SURVEY_YEARS[0]) / len(SURVEY_YEARS) if code in ("awareness", "participation") else 0.0
            frame[code] = np.round(np.clip(overall + offset + lift + rng.normal(0, 1.2, len(adcodes)), 40, 100), 2)
        rows.append(frame)
    return pd.concat(rows, ignore_index=True).sort_values(["year", "adcode"], ignore_index=True)


def town_survey(towns: pd.DataFrame) -> pd.DataFrame:
    """The district's own survey of its towns: overall satisfaction and sense of security.

    A town's score leans on its crime risk (higher risk, lower score), so the page's scatter against
    the crime rate has something real to show.
    """
    rng = rng_for("town_survey")
    risk = towns["crime_risk"].to_numpy()
    base = 90.0 - 4.0 * (risk - risk.mean()) / risk.std() + rng.normal(0, 1.0, len(towns))
    rows = []
    for i, year in enumerate(SURVEY_YEARS):
        overall = np.round(np.clip(base + 0.9 * i + rng.normal(0, 0.6, len(towns)), 60, 99.5), 2)
        rows.append(pd.DataFrame({
            "town_code": towns["town_code"].to_numpy(), "year": year,
            "sample_size": rng.integers(250, 601, len(towns)), "overall": overall,
            "security": np.round(np.clip(overall + 1.5 + rng.normal(0, 0.8, len(towns)), 60, 100), 2),
        }))
    return pd.concat(rows, ignore_index=True)
