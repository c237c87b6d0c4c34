"""How sure is a rank? Every unit's score is drawn again from its own sampling distribution, many times over.

A rank depends on every unit's sampling error, not only on one's own: holding the others still (moving one
county's score within its interval) makes a rank look surer than it is. Here each draw gives every unit a score
from Normal(score, standard error), all units are ranked within the draw (higher first), and the spread of a
unit's ranks over the draws is its uncertainty: the 95% rank interval (2.5th to 97.5th percentile), the share of
draws in which it reaches a target rank, and, with an independent set of draws for the year before, the 95%
interval of its places gained. A rank change is beyond the noise when that interval leaves out zero.

The draws are seeded by the year, so a page shows the same figures on every run; units are drawn in the order of
their codes, so the figures do not depend on how a table happens to be sorted.
"""
from __future__ import annotations

import functools

import numpy as np
import pandas as pd

DRAWS = 2000  # the brief asks at least 2,000; the 2.5% tail then holds 50 draws
SEED = 20210311
LOW, HIGH = 0.025, 0.975  # a 95% interval


def simulated_ranks(scores: np.ndarray, standard_errors: np.ndarray, seed: int | tuple[int, ...],
                    draws: int = DRAWS) -> np.ndarray:
    """(draws, units) ranks, 1 = the highest simulated score, from Normal(score, standard error) per unit.

    Read-only int32, kept for the same scores, errors and seed: the year before's draws of one year's ranking are
    that year's own draws when it is ranked in turn, so the years of a page share them."""
    scores = np.asarray(scores, dtype=float)
    spread = np.nan_to_num(np.asarray(standard_errors, dtype=float))
    return _kept_ranks(tuple(scores.tolist()), tuple(spread.tolist()), tuple(np.atleast_1d(seed).tolist()), draws)


@functools.lru_cache(maxsize=16)  # a few MB: 2,000 draws of some 200 units each
def _kept_ranks(scores: tuple[float, ...], spread: tuple[float, ...], seed: tuple[int, ...], draws: int) -> np.ndarray:
    rng = np.random.default_rng(list(seed))
    simulated = np.asarray(scores) + rng.standard_normal((draws, len(scores))) * np.asarray(spread)
    order = descending_order(simulated)
    ranks = np.empty(order.shape, dtype=np.int32)
    np.put_along_axis(ranks, order, np.arange(1, len(scores) + 1, dtype=np.int32), axis=1)
    ranks.flags.writeable = False
    return ranks


def descending_order(values: np.ndarray) -> np.ndarray:
    """Per row, the column positions from the highest value down, ties (and NaN, last) in column order: a stable
    sort's answer. The faster unstable sort is kept for the rows where every value differs, where the order is
    the same whichever sort finds it."""
    negated = -values
    order = np.argsort(negated, axis=1)
    ordered = np.take_along_axis(negated, order, axis=1)
    tied = ~(ordered[:, 1:] > ordered[:, :-1]).all(axis=1)  # equal neighbours, or NaN (which compares false)
    if tied.any():
        order[tied] = np.argsort(negated[tied], axis=1, kind="stable")
    return order


def _interval(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    low, high = np.quantile(values, [LOW, HIGH], axis=0, method="inverted_cdf")
    return low.astype(int), high.astype(int)


def rank_noise(now: pd.DataFrame, before: pd.DataFrame | None, year: int, target_rank: int | None = None,
               draws: int = DRAWS) -> pd.DataFrame:
    """Per unit of `now` (index: unit code; columns score, se), in the order of `now`: rank_low and rank_high (the
    95% rank interval); p_target (the share of draws ranked `target_rank` or better; NaN without a target); and,
    for units also in `before` (the year before, same columns), gain_low and gain_high (the 95% interval of places
    gained) and within_noise (that interval holds zero), NaN for the others."""
    current = now.sort_index()
    ranks = simulated_ranks(current["score"].to_numpy(), current["se"].to_numpy(), (SEED, year), draws)
    out = pd.DataFrame(index=current.index)
    out["rank_low"], out["rank_high"] = _interval(ranks)
    out["p_target"] = (ranks <= target_rank).mean(axis=0) if target_rank is not None else np.nan
    gain_low, gain_high = np.full(len(current), np.nan), np.full(len(current), np.nan)
    if before is not None and len(before):
        earlier = before.sort_index()
        prior_ranks = simulated_ranks(earlier["score"].to_numpy(), earlier["se"].to_numpy(), (SEED, year - 1), draws)
        both = current.index.intersection(earlier.index)
        at = current.index.get_indexer(both)
        gain_low[at], gain_high[at] = _interval(prior_ranks[:, earlier.index.get_indexer(both)] - ranks[:, at])
    out["gain_low"], out["gain_high"] = gain_low, gain_high
    within = pd.array((gain_low <= 0) & (gain_high >= 0), dtype="boolean")
    within[np.isnan(gain_low)] = pd.NA
    out["within_noise"] = within
    return out.reindex(now.index)
