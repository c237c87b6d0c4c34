"""For whom a figure is shown: the reader's language, and whether this is the public copy (pure: no Streamlit).

Every lib function that formats, tabulates or draws a count takes an `Audience`, and none gives it a default:
forgetting to say for whom cannot silently show a small count in the public copy. The disclosure rule itself
(what counts as small, what is withheld) is lib/disclosure.py; this object applies it for one reader.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from lib.disclosure import HIDDEN, PUBLISHED_GRID_M, SUPPRESSED, THRESHOLD, any_small, is_small, suppression_mask, suppression_mask_2d
from lib.formatting import fmt_count
from lib.i18n import DEFAULT_LANG, Lang, t
from lib.metrics.periods import Change


@dataclass(frozen=True)
class Audience:
    lang: Lang
    public: bool  # the public copy: counts below the threshold and figures built on them are withheld

    @classmethod
    def internal(cls, lang: Lang = DEFAULT_LANG) -> Audience:
        return cls(lang, public=False)

    @classmethod
    def public_copy(cls, lang: Lang = DEFAULT_LANG) -> Audience:
        return cls(lang, public=True)

    def t(self, key: str, **fmt: object) -> str:
        """The UI string `key` in this reader's language."""
        return t(key, self.lang, **fmt)

    # ------------------------------------------------------------ what may be shown

    def shows(self, *counts: float | None) -> bool:
        """Whether a figure built on `counts` (a share, a rate, a money sum) may be shown as a number."""
        return not self.public or not any_small(*counts)

    def compares(self, change: Change) -> bool:
        """Whether a change may be shown: not when the count now, or the count it is compared with, is small."""
        return self.shows(change.current, change.previous)

    def shares(self, pct: float | None, whole: float | None) -> bool:
        """Whether `pct` percent of `whole` may be shown: the whole and the part it implies are both not small."""
        if not self.public:
            return True
        if pct is None or whole is None or pd.isna(pct) or pd.isna(whole):
            return not is_small(whole)
        return not any_small(whole, round(pct * whole / 100))

    @property
    def least_cell_count(self) -> int:
        """The fewest incidents a place (a hot-spot cell, a listed area) may be drawn or listed on."""
        return THRESHOLD if self.public else 1

    @property
    def least_cell_m(self) -> int:
        """The finest grid (metres) a map of places may be drawn on: the published grid in the public copy."""
        return PUBLISHED_GRID_M if self.public else 0

    def hidden(self, counts: Iterable[float | None]) -> np.ndarray:
        """Which counts of one group (a column, a chart's bars) are withheld: the small ones and their complements
        (lib/disclosure.py); none in the internal copy. Figures derived from a count are withheld where it is."""
        shown = list(counts)
        return suppression_mask(shown) if self.public else np.zeros(len(shown), dtype=bool)

    # ------------------------------------------------------------ counts as text, tables and chart values

    def count(self, value: float, unit: str = "") -> str:
        """A count as shown: '<3' plus its unit when withheld, else formatted for the language."""
        return (SUPPRESSED if self.public and is_small(value) else fmt_count(value, self.lang)) + unit

    def counts(self, values: Iterable[float], unit: str = "") -> list[str]:
        """The counts of one group as text: '<3' where small, '—' where withheld to protect a small one."""
        shown = list(values)
        return [HIDDEN + unit if w and not (self.public and is_small(v)) else self.count(v, unit)
                for v, w in zip(shown, self.hidden(shown))]

    def count_cells(self, frame: pd.DataFrame, columns: Sequence[str]) -> pd.DataFrame:
        """`frame` with its count `columns` reading '<3' where small and '—' where withheld to protect a small one
        (each column is a group whose total is known), as text, so a table and its download agree.

        Missing values stay missing. The internal copy gets `frame` itself."""
        if not self.public:
            return frame
        out = frame.copy()
        for column in columns:
            withheld = self.hidden(out[column])
            out[column] = pd.Series([_count_cell(v, w) for v, w in zip(out[column], withheld)], index=out.index,
                                    dtype=object)
        return out

    def withhold(self, frame: pd.DataFrame, columns: Sequence[str], rows: Sequence[bool] | np.ndarray) -> pd.DataFrame:
        """`frame` with derived `columns` (changes, shares, rates, money) reading '—' in `rows`, in the public copy."""
        if not self.public:
            return frame
        hidden = np.asarray(rows, dtype=bool)
        out = frame.copy()
        for column in columns:
            values = out[column].astype(object).to_numpy(copy=True)
            values[hidden] = HIDDEN
            out[column] = pd.Series(values, index=out.index, dtype=object)
        return out

    def chart_values(self, values: Iterable[float | None], *,
                     basis: Iterable[float | None] | None = None) -> Iterable[float | None]:
        """A chart trace's values: a gap (None) where the count, or the count in `basis` it derives from, is small.

        The internal copy gets `values` untouched (plotly encodes a numpy array much faster than a list)."""
        if not self.public:
            return values
        shown = list(values)
        withheld = self.hidden(shown if basis is None else basis)
        return [None if w else v for v, w in zip(shown, withheld)]

    def _matrix_hidden(self, counts: np.ndarray) -> np.ndarray:
        values = np.asarray(counts, dtype=float)
        return suppression_mask_2d(values) if self.public else np.zeros(values.shape, dtype=bool)

    def chart_matrix(self, counts: np.ndarray) -> list[list[float | None]]:
        """A table of counts drawn whole (a heat map): gaps where withheld, every row and every column counted as a
        group with a total. The internal copy gets the values as they are."""
        withheld = self._matrix_hidden(counts)
        return [[None if w else v for v, w in zip(row, hidden_row)]
                for row, hidden_row in zip(np.asarray(counts).tolist(), withheld)]

    def count_matrix(self, counts: np.ndarray) -> list[list[str]]:
        """The text of each cell of `chart_matrix`: '<3' where small, '—' where withheld to protect a small one."""
        withheld = self._matrix_hidden(counts)
        return [[HIDDEN if w and not (self.public and is_small(v)) else self.count(v) for v, w in zip(row, hidden_row)]
                for row, hidden_row in zip(np.asarray(counts).tolist(), withheld)]

    def chart_labels(self, counts: Iterable[float], labels: Iterable[str]) -> list[str]:
        """Bar or hover labels of one group: '<3' in place of the label where its count is small, '—' where it is
        withheld to protect a small one."""
        shown = list(counts)
        return [SUPPRESSED if self.public and is_small(c) else HIDDEN if w else label
                for c, w, label in zip(shown, self.hidden(shown), labels)]


def _count_cell(value: object, withheld: bool) -> object:
    if value is None or pd.isna(value):
        return None
    if is_small(value):  # type: ignore[arg-type]
        return SUPPRESSED
    if withheld:
        return HIDDEN
    return str(int(value)) if float(value).is_integer() else str(value)  # type: ignore[arg-type]
