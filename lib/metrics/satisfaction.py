"""The province's satisfaction survey: ranks are derived here, never stored.

Ranking rule: higher score ranks higher; counties with equal scores share the best rank of the
tie and the next rank is skipped (standard competition ranking, "1224"), as the survey publishes.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from pandas.core.groupby import SeriesGroupBy

from lib.metrics.rank_noise import rank_noise


def rank_counties(survey: pd.DataFrame, year: int, indicator: str = "overall") -> pd.DataFrame:
    """Every county's score and rank for one year and indicator, best first."""
    rows = survey.loc[survey["year"] == year, ["adcode", indicator]].rename(columns={indicator: "score"})
    rows = rows.assign(rank=competition_rank(rows["score"]).astype(int))
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


def ranks_by_year(survey: pd.DataFrame, adcode: str, indicator: str = "overall") -> dict[int, int]:
    """The county's rank (as rank_counties ranks) in every survey year that ranked it, all years at once."""
    ranks = competition_rank(survey[indicator].groupby(survey["year"]))
    mine = (survey["adcode"].astype(str) == adcode).to_numpy()
    return {int(year): int(rank) for year, rank in zip(survey["year"][mine], ranks[mine])}


def county_rank(survey: pd.DataFrame, adcode: str, year: int, indicator: str = "overall") -> RankChange:
    ranks = ranks_by_year(survey, adcode, indicator)
    return RankChange(ranks.get(year), ranks.get(year - 1), int((survey["year"] == year).sum()))


def first_year_within(survey: pd.DataFrame, adcode: str, target_rank: int, indicator: str = "overall") -> int | None:
    """The first survey year the county ranked `target_rank` or better."""
    ranks = survey.groupby("year")[indicator].rank(method="min", ascending=False)
    years = survey.loc[(survey["adcode"].astype(str) == adcode) & (ranks <= target_rank), "year"]
    return int(years.min()) if len(years) else None


# ---------------------------------------------------------------- the satisfaction page's figures
#
# Uncertainty. The survey publishes a county's score and its sample size, not the answers. We treat a
# score as the percentage of satisfied answers, p = score / 100, from a simple random sample of n
# residents: its standard error is sqrt(p (1 - p) / n) (x 100 in points) and its 95% interval is
# score +/- 1.96 standard errors. Weighting or clustering in the real survey would widen it.
# A score change between two years is "within the noise" when it is smaller than the 95% half-width of the
# difference, 1.96 * sqrt(se1^2 + se0^2). A rank depends on every county's sampling error: its 95% interval,
# the chance of reaching the target rank and whether a rank change is beyond the noise come from drawing
# every county's score again, thousands of times (lib/metrics/rank_noise.py).

Z_95 = 1.96
TOP_GROUP = 10  # the province's top counties, whose average each indicator is compared with
TOP_RANK_TARGET = 80  # the province's "top 80" mark the district aims for (the default target rank)


def competition_rank(scores: pd.Series | SeriesGroupBy) -> pd.Series:
    """Ranks of `scores` (within each group), higher first, ties sharing the best rank and the next rank skipped
    (1224)."""
    return scores.rank(method="min", ascending=False)


def standard_error(score: float | pd.Series, sample_size: float | pd.Series) -> float | pd.Series:
    """Standard error of a score in points, the score read as the percentage of satisfied answers."""
    p = score / 100
    return 100 * np.sqrt(p * (1 - p) / sample_size)


def half_width(score: float | pd.Series, sample_size: float | pd.Series) -> float | pd.Series:
    """Half-width of the score's 95% interval, in points."""
    return Z_95 * standard_error(score, sample_size)


def change_half_width(score: float | pd.Series, sample_size: float | pd.Series,
                      previous: float | pd.Series, previous_size: float | pd.Series) -> float | pd.Series:
    """Half-width of the 95% interval of the change between two independent survey years, in points."""
    return Z_95 * np.sqrt(standard_error(score, sample_size) ** 2 + standard_error(previous, previous_size) ** 2)


def rank_if(others: pd.Series, score: float) -> int:
    """The rank a score would take among `others` (1224 ranking): one more than the count of higher scores."""
    return int((others > score).sum()) + 1


def score_needed(others: pd.Series, target_rank: int) -> float | None:
    """The lowest score that ranks `target_rank` or better among `others` (the other counties unchanged).

    With 1224 ranking a county ranks `target_rank` or better when fewer than `target_rank` others score
    higher, so equalling the `target_rank`-th best other score is enough. None when any score will do.
    """
    ordered = others.dropna().sort_values(ascending=False, ignore_index=True)
    return float(ordered.iloc[target_rank - 1]) if target_rank <= len(ordered) else None


def _ranked_with_change(survey: pd.DataFrame, key: str, year: int, indicator: str,
                        target_rank: int | None = None) -> pd.DataFrame:
    """One year's units (key column) with score, rank, 95% intervals of score and rank, the chance of reaching
    `target_rank` (p_target), and the change on the prior year: places gained with their 95% interval and whether
    that rank change is within the noise (within_noise), the score change and whether it is (score_within_noise)."""
    def one(y: int) -> pd.DataFrame:
        rows = survey.loc[survey["year"] == y, [key, "sample_size", indicator]].rename(columns={indicator: "score"})
        rows[key] = rows[key].astype(str)
        return rows.assign(rank=competition_rank(rows["score"])).set_index(key)

    now, before = one(year), one(year - 1)
    table = now.join(before.add_prefix("prev_"), how="left")
    width = half_width(table["score"], table["sample_size"])
    table["low"], table["high"] = (table["score"] - width).clip(0, 100), (table["score"] + width).clip(0, 100)
    table["places_up"] = table["prev_rank"] - table["rank"]
    table["score_change"] = table["score"] - table["prev_score"]
    noise = change_half_width(table["score"], table["sample_size"], table["prev_score"], table["prev_sample_size"])
    table["noise"] = noise
    table["score_within_noise"] = (table["score_change"].abs() < noise).where(table["prev_score"].notna())

    def spread(rows: pd.DataFrame) -> pd.DataFrame:
        return pd.DataFrame({"score": rows["score"], "se": standard_error(rows["score"], rows["sample_size"])})

    table = table.join(rank_noise(spread(now), spread(before), year, target_rank))
    table.index.name = key
    return table.reset_index().sort_values(["rank", key], ignore_index=True)


def county_ranking(survey: pd.DataFrame, counties: pd.DataFrame, year: int, indicator: str = "overall",
                   target_rank: int | None = None) -> pd.DataFrame:
    """Every county of one year, best first: names, city, score, province rank, intervals, change on the prior year.

    Columns: adcode, county_zh, city_adcode, city_zh, sample_size, score, rank, low, high, prev_sample_size,
    prev_score, prev_rank, places_up, score_change, noise, score_within_noise, rank_low, rank_high, p_target,
    gain_low, gain_high, within_noise.
    """
    table = _ranked_with_change(survey, "adcode", year, indicator, target_rank)
    names = pd.DataFrame(counties[["adcode", "county_zh", "city_adcode", "city_zh"]]).astype(str)
    table = table.merge(names, on="adcode", how="left")
    table = table[["adcode", "county_zh", "city_adcode", "city_zh", *[c for c in table.columns if c not in names.columns]]]
    table.attrs["target_rank"] = target_rank  # what its p_target is the chance of
    return table


def town_ranking(town_survey: pd.DataFrame, year: int, indicator: str = "overall") -> pd.DataFrame:
    """The district's towns in one year, best first, with the same columns as county_ranking (town_code for adcode)."""
    return _ranked_with_change(town_survey, "town_code", year, indicator)


def rank_history(survey: pd.DataFrame, adcodes: list[str], indicator: str = "overall") -> pd.DataFrame:
    """Each chosen county's score and province rank in every survey year (adcode, year, score, rank)."""
    frames = [rank_counties(survey, int(y), indicator).assign(year=int(y)) for y in sorted(survey["year"].unique())]
    history = pd.concat(frames, ignore_index=True)
    history["adcode"] = history["adcode"].astype(str)
    return history[history["adcode"].isin(adcodes)].sort_values(["adcode", "year"], ignore_index=True)[
        ["adcode", "year", "score", "rank"]]


@dataclass(frozen=True)
class Standing:
    """A county's standing on one indicator in one year: score, interval, rank, and what the target asks."""

    score: float
    sample_size: int
    low: float
    high: float
    rank: int
    counties: int
    best_rank: int  # the 95% rank interval, every county's sampling error drawn (lib/metrics/rank_noise.py)
    worst_rank: int
    previous_rank: int | None
    score_change: float | None
    noise: float | None  # 95% half-width of the score change on the prior year, in points
    score_within_noise: bool | None  # the score change is smaller than its noise
    gain_low: int | None  # the 95% interval of places gained on the prior year
    gain_high: int | None
    within_noise: bool | None  # the rank change's interval holds zero: not a real change
    target_rank: int
    target_chance: float | None  # the share of draws ranked target_rank or better
    needed: float | None  # the lowest score reaching target_rank; None when any score does

    @property
    def places_up(self) -> int | None:
        return None if self.previous_rank is None else self.previous_rank - self.rank

    @property
    def gap(self) -> float | None:
        """Points still to gain to reach the target rank (zero or less: reached)."""
        return None if self.needed is None else self.needed - self.score


def standing(ranking: pd.DataFrame, adcode: str, target_rank: int) -> Standing | None:
    """The county's standing from a county_ranking table; None when the county was not surveyed that year. The
    chance of the target rank is known when the table was made for the same target."""
    found = ranking[ranking["adcode"] == adcode]
    if found.empty:
        return None
    row = found.iloc[0]
    others = ranking.loc[ranking["adcode"] != adcode, "score"]
    has_prior = pd.notna(row["prev_rank"])
    return Standing(
        score=float(row["score"]), sample_size=int(row["sample_size"]), low=float(row["low"]), high=float(row["high"]),
        rank=int(row["rank"]), counties=len(ranking), best_rank=int(row["rank_low"]), worst_rank=int(row["rank_high"]),
        previous_rank=int(row["prev_rank"]) if has_prior else None,
        score_change=float(row["score_change"]) if has_prior else None,
        noise=float(row["noise"]) if has_prior else None,
        score_within_noise=bool(row["score_within_noise"]) if has_prior else None,
        gain_low=int(row["gain_low"]) if has_prior else None, gain_high=int(row["gain_high"]) if has_prior else None,
        within_noise=bool(row["within_noise"]) if has_prior else None,
        target_rank=target_rank,
        target_chance=float(row["p_target"]) if ranking.attrs.get("target_rank") == target_rank else None,
        needed=score_needed(others, target_rank),
    )


def indicator_profile(survey: pd.DataFrame, adcode: str, year: int, target_rank: int,
                      indicators: list[str], top: int = TOP_GROUP) -> pd.DataFrame:
    """The county on each indicator against the province: one row per indicator, in the given order.

    Columns: indicator, score, low, high, sample_size, province_mean, top_mean (the mean of the counties
    ranked `top` or better on the overall score, ties included), rank, rank_low, rank_high, target_chance,
    previous_rank, places_up, score_change, within_noise (of the rank change), needed, gap.
    """
    rows = []
    year_rows = survey[survey["year"] == year]
    leaders = year_rows[competition_rank(year_rows["overall"]) <= top]
    for indicator in indicators:
        ranking = _ranked_with_change(survey, "adcode", year, indicator, target_rank)
        found = standing(ranking, adcode, target_rank)
        if found is None:
            continue
        rows.append({
            "indicator": indicator, "score": found.score, "low": found.low, "high": found.high,
            "sample_size": found.sample_size, "province_mean": float(year_rows[indicator].mean()),
            "top_mean": float(leaders[indicator].mean()), "rank": found.rank, "rank_low": found.best_rank,
            "rank_high": found.worst_rank, "target_chance": found.target_chance, "previous_rank": found.previous_rank,
            "places_up": found.places_up, "score_change": found.score_change, "within_noise": found.within_noise,
            "needed": found.needed, "gap": found.gap,
        })
    return pd.DataFrame(rows, columns=["indicator", "score", "low", "high", "sample_size", "province_mean", "top_mean",
                                       "rank", "rank_low", "rank_high", "target_chance", "previous_rank", "places_up",
                                       "score_change", "within_noise", "needed", "gap"])


def survey_years(survey: pd.DataFrame) -> list[int]:
    """The years the survey covers, oldest first."""
    return sorted(int(y) for y in survey["year"].unique())


def rank_movers(profile: pd.DataFrame) -> pd.DataFrame:
    """The indicator_profile rows ordered by how far the rank moved since the prior year, largest first."""
    order = profile["places_up"].astype("Float64").abs().sort_values(ascending=False, na_position="last").index
    return profile.loc[order].reset_index(drop=True)
