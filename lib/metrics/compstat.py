"""The CompStat comparison: this week, the last 28 days and the year to date, each against a year earlier.

The windows end at the data's as-of date. Weeks start on Monday. "A year earlier" is the same calendar
dates a year before (29 February becomes 28 February), except for the week, which is the same weekdays
52 weeks before, so that both windows hold the same days of the week.

A change is called significant when the exact E-test for two Poisson means (lib/metrics/exact_test.py) gives
p < 0.05, the two windows' lengths in days as their exposures: it holds for small counts, where no normal
approximation does (2 against 0 is not significant, p = 0.20).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pandas as pd

from lib.data.codes import CRIME_GROUPS, CRIME_TYPES
from lib.metrics.crime_cube import CrimeCube, type_totals
from lib.metrics.exact_test import is_significant, poisson_change_p
from lib.metrics.periods import Change, year_earlier

WEEKS_52 = timedelta(weeks=52)
WINDOW_KEYS = ("week", "d28", "ytd")


@dataclass(frozen=True)
class Window:
    key: str  # one of WINDOW_KEYS
    start: date
    end: date
    prior_start: date
    prior_end: date

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def prior_days(self) -> int:
        return (self.prior_end - self.prior_start).days + 1


def comparison_windows(as_of: date) -> tuple[Window, Window, Window]:
    """This week (Monday to the as-of date), the last 28 days, and the year to date, with their prior-year windows."""
    monday = as_of - timedelta(days=as_of.weekday())
    prior_end = year_earlier(as_of)
    return (
        Window("week", monday, as_of, monday - WEEKS_52, as_of - WEEKS_52),
        Window("d28", as_of - timedelta(days=27), as_of, prior_end - timedelta(days=27), prior_end),
        Window("ytd", date(as_of.year, 1, 1), as_of, date(as_of.year - 1, 1, 1), prior_end),
    )


def _rows(types: tuple[str, ...]) -> list[tuple[str, str, str, list[int]]]:
    """(level, code, group, positions of its types in the code list) for the total, each group and each type."""
    chosen = [i for i, c in enumerate(CRIME_TYPES) if not types or c.code in types]
    rows = [("total", "total", "", chosen)]
    for group in CRIME_GROUPS:
        members = [i for i in chosen if CRIME_TYPES[i].group == group.code]
        if members:
            rows.append(("group", group.code, group.code, members))
            rows += [("type", CRIME_TYPES[i].code, group.code, [i]) for i in members]
    return rows


def compstat(cube: CrimeCube, as_of: date, towns: tuple[str, ...] = (), types: tuple[str, ...] = ()) -> pd.DataFrame:
    """One row for all chosen types, each group and each type; per window `<key>_current`, `_prior`, `_delta`,
    `_pct` (None when the prior is zero: "new"), `_p` (the exact test's p-value) and `_significant`. Prior figures are None (and so are
    their change, z and mark) when the data do not reach back to the prior window."""
    rows = _rows(types)
    columns: dict[str, object] = {"level": [r[0] for r in rows], "code": [r[1] for r in rows],
                                  "group": [r[2] for r in rows]}  # one frame at the end: no column inserted one by one
    for window in comparison_windows(as_of):
        current = type_totals(cube, window.start, window.end, towns)
        prior = type_totals(cube, window.prior_start, window.prior_end, towns)
        changes = [Change(float(current[members].sum()) if current is not None else 0.0,
                          float(prior[members].sum()) if prior is not None else None) for *_, members in rows]
        p = [None if c.previous is None else poisson_change_p(int(c.current), int(c.previous), window.days,
                                                             window.prior_days) for c in changes]
        key = window.key
        columns[f"{key}_current"] = [int(c.current) for c in changes]
        columns[f"{key}_prior"] = pd.array([None if c.previous is None else int(c.previous) for c in changes], dtype="Int64")
        columns[f"{key}_delta"] = pd.array([None if c.delta is None else int(c.delta) for c in changes], dtype="Int64")
        columns[f"{key}_pct"] = pd.array([c.pct for c in changes], dtype="Float64")
        columns[f"{key}_p"] = pd.array(p, dtype="Float64")
        columns[f"{key}_significant"] = [is_significant(v) for v in p]
    return pd.DataFrame(columns)
