"""Town-level figures that sit beside the towns' satisfaction scores: crime rate and mediation success.

Crime rate: incidents reported in the year in the town per 10,000 residents (the towns' population
in the boundaries data). Mediation success: disputes received in the year in the town that were
settled, as a percentage of those received (the same rule as the channels' success rate).
"""
from __future__ import annotations

import pandas as pd

from lib.metrics.periods import in_year

PER_RESIDENTS = 10_000


def crime_rate_by_town(reported: pd.Series, towns: pd.DataFrame) -> pd.DataFrame:
    """Per town: population, incidents reported (`reported`: a count per town code, crime_cube.reported_by_town),
    and incidents per 10,000 residents."""
    table = pd.DataFrame({"town_code": towns["town_code"].astype(str).to_numpy(),
                          "population": towns["population"].astype(int).to_numpy()})
    table["incidents"] = table["town_code"].map(reported).fillna(0).astype(int)
    table["crime_rate"] = table["incidents"] / table["population"] * PER_RESIDENTS
    return table


def mediation_rate_by_town(disputes: pd.DataFrame, year: int) -> pd.DataFrame:
    """Per town with disputes received in `year`: received, settled, and success rate (%)."""
    rows = disputes[in_year(disputes["received_on"], year)]
    grouped = rows.assign(town_code=rows["town_code"].astype(str), settled=rows["outcome"] == "settled") \
        .groupby("town_code")["settled"]
    table = pd.DataFrame({"received": grouped.size(), "settled": grouped.sum().astype(int)}).reset_index()
    table["mediation_rate"] = table["settled"] / table["received"] * 100
    return table


def town_factors(town_scores: pd.DataFrame, reported: pd.Series, disputes: pd.DataFrame,
                 towns: pd.DataFrame, year: int) -> pd.DataFrame:
    """The towns' scores (town_code, score, ...) with their crime rate (from `reported`, the incidents reported in
    `year` per town code) and mediation success rate in `year`.

    Towns without disputes in the year have no mediation rate (NaN), never 0%.
    """
    table = town_scores.merge(crime_rate_by_town(reported, towns), on="town_code", how="left")
    return table.merge(mediation_rate_by_town(disputes, year), on="town_code", how="left")


def correlation(x: pd.Series, y: pd.Series) -> float | None:
    """Pearson's r over the pairs where both are known; None with fewer than three pairs or no spread."""
    pairs = pd.DataFrame({"x": x, "y": y}).dropna()
    if len(pairs) < 3 or pairs["x"].std() == 0 or pairs["y"].std() == 0:
        return None
    return float(pairs["x"].corr(pairs["y"]))
