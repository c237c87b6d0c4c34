"""The small-count rule of the public copy (pure: no Streamlit). `lib.audience.Audience` applies it per reader.

In the public copy (and only there):
- a count below THRESHOLD (0, 1 or 2) is shown as "<3", in text, tables, downloads and charts;
- a figure derived from such a count is not shown as a number either: a change on a year earlier whose
  current or prior count is below 3, a share or rate whose part or whole is below 3, a money sum over fewer
  than 3 cases (one case's loss could identify its victim);
- in charts a suppressed count is a gap: no bar, no point, no cell colour, its label and hover say "<3".
Zero is "below 3" too, so a 0 in a table cannot be told apart from 1 or 2.
- complementary suppression: in a group of counts whose total is shown or can be added up (a table's column, a
  chart's bars), once a count is withheld at least two are, adding up to at least 3 (`suppression_mask`), and a
  figure derived from a withheld count is withheld too; a table drawn whole (a heat map) is protected along its
  rows and its columns (`suppression_mask_2d`);
- places: no hot-spot cell, area, label or list row built on fewer than 3 incidents; no coordinates finer than
  the published grid (PUBLISHED_GRID_M) in any download; posts are not public, and nothing is centred on them.
"""
from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

THRESHOLD = 3
SUPPRESSED = f"<{THRESHOLD}"
HIDDEN = "—"  # a derived figure (change, share, rate, money) that would reveal a suppressed count
PUBLISHED_GRID_M = 500  # the public copy's finest grid: hot-spot cells of at least this size, no finer place


def is_small(count: float | None) -> bool:
    """True for a count below THRESHOLD (including 0); a missing count is not small (it is simply missing)."""
    return count is not None and not pd.isna(count) and count < THRESHOLD


def any_small(*counts: float | None) -> bool:
    return any(is_small(c) for c in counts)


def small_mask(values: Iterable[float | None]) -> np.ndarray:
    """A boolean array: True where a count is below THRESHOLD."""
    return np.array([is_small(v) for v in values], dtype=bool)


def suppression_mask(counts: Iterable[float | None]) -> np.ndarray:
    """The cells of one group of counts (a table column, a chart's bars) to withhold: the small ones (primary), and
    as many of the smallest others as it takes (complementary) so that no withheld count can be worked out from the
    group's total, which the page shows or a reader can add up.

    Once anything in a group is withheld, at least two cells are, and the withheld cells add up to at least
    THRESHOLD: the total minus the shown cells then gives neither one cell nor a small sum. Missing counts are
    neither withheld nor used."""
    values = np.array([np.nan if v is None or pd.isna(v) else float(v) for v in counts], dtype=float)
    return _complete(values, small_mask(values))


def _complete(values: np.ndarray, hidden: np.ndarray, preferred: np.ndarray | None = None) -> np.ndarray:
    """`hidden` plus the smallest shown cells (those `preferred` first) until the group is protected."""
    hidden = hidden.copy()
    if not hidden.any():
        return hidden
    missing = np.isnan(values)
    first = np.zeros(len(values), dtype=bool) if preferred is None else preferred
    order = np.lexsort((np.where(missing, np.inf, values), ~first))  # preferred cells first, then the smallest
    for position in order:
        if hidden.sum() >= 2 and np.nansum(values[hidden]) >= THRESHOLD:
            break
        if not hidden[position] and not missing[position]:
            hidden[position] = True
    return hidden


def suppression_mask_2d(counts: np.ndarray) -> np.ndarray:
    """The cells of a table of counts (rows x columns, each row and each column a group with a total) to withhold:
    the rule of `suppression_mask` in every row and every column, until no group needs another cell withheld.
    A complementary cell is sought first where its other group already has a withheld cell, so that one cell
    protects two groups."""
    values = np.asarray(counts, dtype=float)
    hidden = small_mask(values.ravel()).reshape(values.shape)
    while True:
        before = hidden.copy()
        for i in range(values.shape[0]):
            hidden[i] = _complete(values[i], hidden[i], preferred=hidden.any(axis=0))
        for j in range(values.shape[1]):
            hidden[:, j] = _complete(values[:, j], hidden[:, j], preferred=hidden.any(axis=1))
        if (hidden == before).all():
            return hidden
