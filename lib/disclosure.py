"""Small-count suppression for the public copy of the dashboard (pure: no Streamlit).

The policy, applied only when `public` is true:
- a count below THRESHOLD (0, 1 or 2) is shown as "<3", in text, tables, downloads and charts;
- a figure derived from such a count is not shown as a number either: a change on a year earlier whose
  current or prior count is below 3, a share or rate whose part or whole is below 3, a money sum over fewer
  than 3 cases (one case's loss could identify its victim);
- in charts a suppressed count is a gap: no bar, no point, no cell colour, its label and hover say "<3".
Zero is "below 3" too, so a 0 in a table cannot be told apart from 1 or 2. This is primary suppression
only: a total and all but one of its parts can still be subtracted, which counts of this size tolerate.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

from lib.formatting import fmt_count
from lib.i18n import Lang
from lib.metrics.periods import Change

THRESHOLD = 3
SUPPRESSED = f"<{THRESHOLD}"
HIDDEN = "—"  # a derived figure (change, share, rate, money) that would reveal a suppressed count


def is_small(count: float | None) -> bool:
    """True for a count below THRESHOLD (including 0); a missing count is not small (it is simply missing)."""
    return count is not None and not pd.isna(count) and count < THRESHOLD


def any_small(*counts: float | None) -> bool:
    return any(is_small(c) for c in counts)


def count_text(count: float, lang: Lang, public: bool, unit: str = "") -> str:
    """A count as shown on screen: '<3' plus its unit when suppressed, else formatted as usual."""
    return (SUPPRESSED if public and is_small(count) else fmt_count(count, lang)) + unit


def change_shown(change: Change, public: bool) -> bool:
    """Whether a change of a count may be shown: not when its current or prior count is below 3."""
    return not public or not any_small(change.current, change.previous)


def derived_shown(public: bool, *counts: float | None) -> bool:
    """Whether a share, rate or money sum built on `counts` may be shown: not when any of them is below 3."""
    return not public or not any_small(*counts)


def share_shown(pct: float | None, whole: float | None, public: bool) -> bool:
    """Whether a percentage share of `whole` may be shown: its whole and its part (pct x whole) are both 3 or more."""
    if not public:
        return True
    if pct is None or whole is None or pd.isna(pct) or pd.isna(whole):
        return not is_small(whole)
    return not any_small(whole, round(pct * whole / 100))


def small_mask(values: Iterable[float | None]) -> np.ndarray:
    """A boolean array: True where a count is below THRESHOLD."""
    return np.array([is_small(v) for v in values], dtype=bool)


def _cell(value: object) -> object:
    if value is None or pd.isna(value):
        return None
    if is_small(value):  # type: ignore[arg-type]
        return SUPPRESSED
    return str(int(value)) if float(value).is_integer() else str(value)  # type: ignore[arg-type]


def mask_count_columns(frame: pd.DataFrame, columns: Sequence[str], public: bool) -> pd.DataFrame:
    """A copy of `frame` whose count `columns` read '<3' below THRESHOLD; those columns become text so that a
    table and its CSV/XLSX download show the same thing. Missing values stay missing. Unchanged when not public."""
    if not public:
        return frame
    out = frame.copy()
    for column in columns:
        out[column] = pd.Series([_cell(v) for v in out[column]], index=out.index, dtype=object)
    return out


def hide_where(frame: pd.DataFrame, columns: Sequence[str], hidden: Sequence[bool] | np.ndarray,
               public: bool) -> pd.DataFrame:
    """A copy of `frame` with derived `columns` (changes, shares, rates, money) set to '—' in the `hidden` rows."""
    if not public:
        return frame
    rows = np.asarray(hidden, dtype=bool)
    out = frame.copy()
    for column in columns:
        values = out[column].astype(object).to_numpy(copy=True)
        values[rows] = HIDDEN
        out[column] = pd.Series(values, index=out.index, dtype=object)
    return out


def chart_values(values: Iterable[float | None], public: bool, *,
                 basis: Iterable[float | None] | None = None) -> Iterable[float | None]:
    """Values for a chart trace: None (a gap) where the count, or the count in `basis` it derives from, is below 3.
    Not public: `values` itself, untouched (plotly encodes a numpy array much faster than a list)."""
    if not public:
        return values
    shown = list(values)
    small = small_mask(shown if basis is None else basis)
    return [None if s else v for v, s in zip(shown, small)]


def chart_labels(counts: Iterable[float], labels: Iterable[str], public: bool) -> list[str]:
    """Bar or hover labels: '<3' in place of the label where its count is below 3."""
    return [SUPPRESSED if public and is_small(c) else label for c, label in zip(counts, labels)]
