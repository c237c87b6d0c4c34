"""Exact integer allocation: spread a published total over records so the sum is exact."""
from __future__ import annotations

import numpy as np


def split_total(rng: np.random.Generator, total: int, n: int, minimum: int = 0,
                weights: np.ndarray | None = None) -> np.ndarray:
    """`n` non-negative integers, each at least `minimum`, that add up to exactly `total`."""
    if n == 0:
        if total:
            raise ValueError(f"cannot spread {total} over no records")
        return np.zeros(0, dtype=np.int64)
    spare = total - minimum * n
    if spare < 0:
        raise ValueError(f"{total} is less than {minimum} for each of {n} records")
    p = np.full(n, 1.0 / n) if weights is None else np.asarray(weights, float) / np.sum(weights)
    return minimum + rng.multinomial(spare, p).astype(np.int64)


def split_capped(rng: np.random.Generator, total: int, caps: np.ndarray) -> np.ndarray:
    """Integers 0 <= x_i <= caps_i adding up to exactly `total`, roughly proportional to the caps."""
    caps = np.asarray(caps, dtype=np.int64)
    if total > caps.sum():
        raise ValueError(f"{total} exceeds the sum of the caps {caps.sum()}")
    share = rng.uniform(0.5, 1.0, len(caps)) * caps
    result = np.minimum(np.floor(share / share.sum() * total).astype(np.int64), caps) if share.sum() else np.zeros_like(caps)
    remaining = total - result.sum()
    order = rng.permutation(len(caps))
    while remaining > 0:  # top up in random order, never past a cap
        room = caps[order] - result[order]
        give = np.minimum(room, remaining)
        take = np.cumsum(give) <= remaining
        give = np.where(take, give, 0)
        if not give.any():
            first = np.flatnonzero(room > 0)[0]
            give[first] = remaining
        result[order] += give
        remaining = total - result.sum()
    return result


def pick(rng: np.random.Generator, n_total: int, n: int) -> np.ndarray:
    """`n` distinct positions out of `n_total`, sorted."""
    return np.sort(rng.choice(n_total, size=n, replace=False))
