"""Is a change in a count more than chance? The exact E-test for two Poisson means (Krishnamoorthy & Thomson 2004).

Counts of incidents in two periods are read as Poisson counts with rates λ1 and λ2 per day. The E-test asks how
likely a difference at least as large as the one observed would be if the two rates were equal: it estimates the
common rate from both counts and sums, over every pair of counts (x1, x2) such a rate could give, the probability
of the pairs whose statistic T = (x1/n1 − x2/n2) / √(x1/n1² + x2/n2²) is at least as far from zero as the observed
one. Unlike a normal approximation it holds for small counts: 2 against 0 is not significant (p = 0.20).

It is the test `scipy.stats.poisson_means_test` computes. scipy sums a square grid of pairs; here the sum runs
over the total s = x1 + x2 (Poisson with mean k1 + k2 under the null) and, for each total, over the split x1
(binomial with share n1 / (n1 + n2)), where the pairs far enough from zero are the two tails of the split: one
binomial tail per total, so a year-to-date total of thousands costs a few milliseconds. Past some 100,000 incidents
(a county of millions) the totals are taken in blocks, each tail evaluated once at its block's middle and weighted
by the block's Poisson weight: at most 5,000 tails, about 15 ms a pair, within 2e-6 of the full sum (tested).
"""
from __future__ import annotations

import functools
import math

import numpy as np
from scipy import special  # not scipy.stats: its import alone costs a second of every start

LEVEL = 0.05  # a change is marked significant when p < LEVEL
_TAIL = 1e-15  # totals less likely than this under the null are left out of the sum
_MOST_TAILS = 5000  # binomial tails evaluated at most: beyond (a total near 100,000) the sum goes by blocks
_TIES = 1e-12  # relative slack for ties of T in floating point (exposures that are not equal)
_CLEAR_T_SQUARED = 25.0  # a change of five standard errors or more ...
_CLEAR_MIN_COUNT = 30  # ... between counts of at least 30 each ...
_CLEAR_EXPOSURE_RATIO = 2.0  # ... over periods within a factor of two of each other is never chance


def _statistic_squared(x1: np.ndarray, x2: np.ndarray, n1: float, n2: float) -> np.ndarray:
    variance = x1 / n1**2 + x2 / n2**2
    with np.errstate(invalid="ignore", divide="ignore"):
        return (x1 / n1 - x2 / n2) ** 2 / variance


def _far_enough(x1: np.ndarray, totals: np.ndarray, k1: int, k2: int, n1: float, n2: float) -> np.ndarray:
    """Whether the pairs (x1, total − x1) are at least as far from equal rates as (k1, k2). Equal exposures are
    compared in integers, so that ties (2 against 0 and 6 against 2 are equally far) count exactly."""
    x2 = totals - x1
    if n1 == n2:
        return (x1 - x2) ** 2 * (k1 + k2) >= (k1 - k2) ** 2 * (x1 + x2)
    observed = float(_statistic_squared(np.float64(k1), np.float64(k2), n1, n2))
    return _statistic_squared(x1.astype(float), x2.astype(float), n1, n2) >= observed * (1 - _TIES)


def _first_far_split(totals: np.ndarray, k1: int, k2: int, n1: float, n2: float) -> tuple[np.ndarray, np.ndarray]:
    """Per total s: the last x1 of the low tail and the first x1 of the high tail of the pairs at least as far from
    equal rates as the observed one (−1 and s + 1 when a tail is empty). T² ≥ t² is a quadratic inequality in x1
    with a positive leading term, so those pairs lie outside its two roots; the float roots are then settled on
    the exact integer boundaries."""
    t2 = float(_statistic_squared(np.float64(k1), np.float64(k2), n1, n2))
    a, b = 1 / n1 + 1 / n2, totals / n2
    c, e = 1 / n1**2 - 1 / n2**2, totals / n2**2
    qa, qb, qc = a * a, -(2 * a * b + t2 * c), b * b - t2 * e
    root = np.sqrt(np.maximum(qb * qb - 4 * qa * qc, 0.0))
    low = np.clip(np.floor((-qb - root) / (2 * qa)), -1, totals).astype(np.int64)
    high = np.clip(np.ceil((-qb + root) / (2 * qa)), 0, totals + 1).astype(np.int64)
    high = np.maximum(high, low + 1)

    def far(x1: np.ndarray) -> np.ndarray:
        return _far_enough(np.clip(x1, 0, totals), totals, k1, k2, n1, n2)

    for _ in range(4):  # the float roots are most often right already: one round then changes nothing
        settled_low, settled_high = low, high
        low = np.where((low >= 0) & ~far(low), low - 1, low)
        low = np.where((low + 1 < high) & far(low + 1), low + 1, low)
        high = np.where((high <= totals) & ~far(high), high + 1, high)
        high = np.where((high - 1 > low) & far(high - 1), high - 1, high)
        if np.array_equal(low, settled_low) and np.array_equal(high, settled_high):
            break
    return low, high


def _poisson_pmf(k: np.ndarray, mean: float) -> np.ndarray:
    """P(K = k) for K ~ Poisson(mean), as scipy.stats.poisson.pmf computes it."""
    return np.exp(special.xlogy(k, mean) - mean - special.gammaln(k + 1))


def _binomial_cdf(k: np.ndarray, n: np.ndarray, p: float) -> np.ndarray:
    """P(X <= k) for X ~ Binomial(n, p): 0 below the support, 1 above it."""
    inside = special.bdtr(np.clip(k, 0, n), n, p)
    return np.where(k < 0, 0.0, np.where(k >= n, 1.0, inside))


def _binomial_sf(k: np.ndarray, n: np.ndarray, p: float) -> np.ndarray:
    """P(X > k) for X ~ Binomial(n, p)."""
    return np.where(k < 0, 1.0, np.where(k >= n, 0.0, special.bdtrc(np.clip(k, 0, n), n, p)))


@functools.lru_cache(maxsize=4096)  # one page asks some pairs twice (a card and the summary)
def poisson_change_p(current: int, previous: int, current_days: float = 1.0, previous_days: float = 1.0) -> float:
    """Two-sided p-value of the E-test that `current` (over `current_days`) and `previous` (over `previous_days`)
    come from the same daily rate. Two zeros are no evidence of anything: p = 1."""
    k1, k2, n1, n2 = int(current), int(previous), float(current_days), float(previous_days)
    if k1 < 0 or k2 < 0 or n1 <= 0 or n2 <= 0:
        raise ValueError(f"counts must be >= 0 and periods > 0, got {current}, {previous}, {current_days}, {previous_days}")
    if k1 + k2 == 0:
        return 1.0
    mean_total = k1 + k2  # the common rate's estimate times n1 + n2
    lowest = math.floor(special.pdtrik(_TAIL, mean_total)) - 1  # a term or two beyond the tails: weight ~0
    highest = math.ceil(special.pdtrik(1 - _TAIL, mean_total)) + 2
    totals = np.arange(max(lowest, 1), highest + 1, dtype=np.int64)  # a total of 0 has no statistic
    weights = _poisson_pmf(totals, mean_total)
    share = n1 / (n1 + n2)
    if k1 * n2 == k2 * n1:  # equal rates observed: every pair is at least as far
        return float(min(1.0, weights.sum()))
    # Over a standard deviation of totals the tail moves little: past a few hundred terms it is evaluated once per
    # block of totals (at the block's middle), weighted by the block's whole Poisson weight.
    block = max(1, len(totals) // _MOST_TAILS)
    if block > 1:
        starts = np.arange(0, len(totals), block)
        weights = np.add.reduceat(weights, starts)
        totals = totals[np.minimum(starts + block // 2, len(totals) - 1)]
    low, high = _first_far_split(totals, k1, k2, n1, n2)
    tails = _binomial_cdf(low, totals, share) + _binomial_sf(high - 1, totals, share)
    return float(min(1.0, np.dot(weights, tails)))


def clearly_beyond_chance(current: int, previous: int, current_days: float = 1.0, previous_days: float = 1.0) -> bool:
    """Whether the change is certain to be significant without the exact sum: both counts at least 30, periods
    within a factor of two, and T² of at least 25 (five standard errors). The exact p-value there is at most 3e-6
    (tests/unit/test_exact_test.py walks the boundary), so the answer cannot be otherwise; at a county's totals of
    hundreds of thousands it saves a sum of 10 ms."""
    if min(current, previous) < _CLEAR_MIN_COUNT or current_days <= 0 or previous_days <= 0:
        return False
    if max(current_days, previous_days) > _CLEAR_EXPOSURE_RATIO * min(current_days, previous_days):
        return False
    t_squared = _statistic_squared(np.float64(current), np.float64(previous), float(current_days), float(previous_days))
    return bool(t_squared >= _CLEAR_T_SQUARED)


def beyond_chance(current: int, previous: int, current_days: float = 1.0, previous_days: float = 1.0) -> bool:
    """Whether the exact test finds the change significant: `is_significant(poisson_change_p(...))`, with the sum
    left out where the answer is certain (`clearly_beyond_chance`)."""
    return (clearly_beyond_chance(current, previous, current_days, previous_days)
            or is_significant(poisson_change_p(current, previous, current_days, previous_days)))


def is_significant(p: float | None) -> bool:
    """A change the exact test finds unlikely under equal rates (p below LEVEL)."""
    return p is not None and not math.isnan(p) and p < LEVEL
