"""The province's satisfaction survey: ranks are derived here, never stored.

Ranking rule: higher score ranks higher; counties with equal scores share the best rank of the
tie and the next rank is skipped (standard competition ranking, "1224"), as the survey publishes.
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd


def rank_counties(survey: pd.DataFrame, year: int, indicator: str = "overall") -> pd.DataFrame:
    """Every county's score and rank for one year and indicator, best first."""
    rows = survey.loc[survey["year"] == year, ["adcode", indicator]].rename(columns={indicator: "score"})
    rows = rows.assign(rank=rows["score"].rank(method="min", ascending=False).astype(int))
    return rows.sort_values(["rank", "adcode"], ignore_index=True)


@dataclass(frozen=True)
class RankChange:
    rank: int | None
    previous: int | None
    counties: int  # how many counties were ranked

    @property
    def places_up(self) -> int | None:
        """Places gained since the prior year (positive is better)."""
        return None if self.rank is None or self.previous is None else self.previous - self.rank


def _rank_of(survey: pd.DataFrame, adcode: str, year: int, indicator: str) -> tuple[int | None, int]:
    ranked = rank_counties(survey, year, indicator)
    found = ranked.loc[ranked["adcode"].astype(str) == adcode, "rank"]
    return (int(found.iloc[0]) if len(found) else None), len(ranked)


def county_rank(survey: pd.DataFrame, adcode: str, year: int, indicator: str = "overall") -> RankChange:
    rank, counties = _rank_of(survey, adcode, year, indicator)
    previous, _ = _rank_of(survey, adcode, year - 1, indicator)
    return RankChange(rank, previous, counties)


def first_year_within(survey: pd.DataFrame, adcode: str, target_rank: int, indicator: str = "overall") -> int | None:
    """The first survey year the county ranked `target_rank` or better."""
    for year in sorted(survey["year"].unique()):
        rank, _ = _rank_of(survey, adcode, int(year), indicator)
        if rank is not None and rank <= target_rank:
            return int(year)
    return None
