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

import numpy as np
import pandas as pd

DRAWS = 2000  # the brief asks at least 2,000; the 2.5% tail then holds 50 draws
SEED = 20210311
LOW, HIGH = 0.025, 0.975  # a 95% interval


def simulated_ranks(scores: np.ndarray, standard_errors: np.ndarray, seed: int | tuple[int, ...],
                    draws: int = DRAWS) -> np.ndarray:
    """(draws, units) ranks, 1 = the highest simulated score, from Normal(score, standard error) per unit."""
    scores = np.asarray(scores, dtype=float)
    spread = np.nan_to_num(np.asarray(standard_errors, dtype=float))
    rng = np.random.default_rng(np.atleast_1d(seed).tolist())
    simulated = scores + rng.standard_normal((draws, len(scores))) * spread
    order = np.argsort(-simulated, axis=1, kind="stable")
    ranks = np.empty_like(order)
    np.put_along_axis(ranks, order, np.arange(1, len(scores) + 1), axis=1)
    return ranks


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
