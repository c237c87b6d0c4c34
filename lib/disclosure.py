"""The small-count rule of the public copy (pure: no Streamlit). `lib.audience.Audience` applies it per reader.

In the public copy (and only there):
- a count below THRESHOLD (0, 1 or 2) is shown as "<3", in text, tables, downloads and charts;
- a figure derived from such a count is not shown as a number either: a change on a year earlier whose
  current or prior count is below 3, a share or rate whose part or whole is below 3, a money sum over fewer
  than 3 cases (one case's loss could identify its victim);
- in charts a suppressed count is a gap: no bar, no point, no cell colour, its label and hover say "<3".
Zero is "below 3" too, so a 0 in a table cannot be told apart from 1 or 2.
"""
from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

THRESHOLD = 3
SUPPRESSED = f"<{THRESHOLD}"
HIDDEN = "—"  # a derived figure (change, share, rate, money) that would reveal a suppressed count


def is_small(count: float | None) -> bool:
    """True for a count below THRESHOLD (including 0); a missing count is not small (it is simply missing)."""
    return count is not None and not pd.isna(count) and count < THRESHOLD


def any_small(*counts: float | None) -> bool:
    return any(is_small(c) for c in counts)


def small_mask(values: Iterable[float | None]) -> np.ndarray:
    """A boolean array: True where a count is below THRESHOLD."""
    return np.array([is_small(v) for v in values], dtype=bool)
