"""Whether a count changed beyond chance: the exact conditional test of two Poisson counts (pure).

Two counts a (this period) and b (the period compared with), from Poisson processes over exposures t_a and t_b,
are compared conditionally on their sum: under "no change in the rate", a ~ Binomial(a + b, t_a / (t_a + t_b)).
The two-sided exact binomial p-value (scipy.stats.binomtest) says how surprising a split this uneven would be.
A change with p < ALPHA is real; any other change is within the noise of counts this size, and the written
summary never calls it a rise or a fall.

This is the function boundary of "is this change real" for the written summary; the CompStat table's own marks
(lib/metrics/compstat.py) may move to the same exact test, and then both should call one function.
"""
from __future__ import annotations

from scipy.stats import binomtest

ALPHA = 0.05


def change_p_value(current: float, prior: float, *, exposure_ratio: float = 1.0) -> float:
    """Two-sided exact p-value of `current` against `prior`; `exposure_ratio` = t_current / t_prior (1 for periods
    of the same length). 1.0 when both counts are zero (nothing to tell apart)."""
    a, b = int(round(current)), int(round(prior))
    if a < 0 or b < 0:
        raise ValueError(f"counts cannot be negative: {current}, {prior}")
    if a + b == 0:
        return 1.0
    share = exposure_ratio / (1.0 + exposure_ratio)
    return float(binomtest(a, a + b, share).pvalue)


def is_real_change(current: float, prior: float, *, exposure_ratio: float = 1.0, alpha: float = ALPHA) -> bool:
    """Whether `current` differs from `prior` by more than chance (exact conditional binomial test at `alpha`)."""
    return change_p_value(current, prior, exposure_ratio=exposure_ratio) < alpha
