"""The changes a leader will ask about: a year-on-year change beyond ±40%, and what explains it.

A swing is explained by a named event (a campaign, a big case) of a related crime type dated in the period or the
year before it, or, for a count, by chance: the exact test (lib/metrics/exact_test.py) finds the two counts
compatible with one rate (2 gang cases judged after 1 is +100%, and nothing). A page names the explanation beside
the figure, so no +2,527% stands unexplained.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from lib.metrics.exact_test import LEVEL, clearly_beyond_chance, poisson_change_p
from lib.metrics.periods import Change, Comparison

SWING_PCT = 40.0


@dataclass(frozen=True)
class Swing:
    key: str
    change: Change
    events: pd.DataFrame  # the related events (event_id, date, kind, name_zh, name_en, crime_type), by date
    p: float | None  # the exact test's p-value for a count; None for money, shares, ranks and certain changes

    @property
    def by_chance(self) -> bool:
        return self.p is not None and self.p >= LEVEL

    @property
    def explained(self) -> bool:
        return not self.events.empty or self.by_chance


def is_swing(change: Change) -> bool:
    """A change of more than SWING_PCT percent either way, or a figure new against a zero."""
    if change.previous is None:
        return False
    if change.pct is None:
        return change.current > 0
    return abs(change.pct) > SWING_PCT


def related_events(events: pd.DataFrame, types: Iterable[str], period: Comparison) -> pd.DataFrame:
    """The events of any of `types` dated from the start of the year-earlier period to the end of the period."""
    wanted = set(types)
    of_type = np.fromiter((crime_type in wanted for crime_type in events["crime_type"]), dtype=bool, count=len(events))
    days = events["date"].to_numpy(dtype="datetime64[D]")
    in_period = (days >= np.datetime64(period.prior_start, "D")) & (days <= np.datetime64(period.end, "D"))
    return events[of_type & in_period].sort_values("date")


def swings(changes: Mapping[str, Change], counts: Iterable[str], related: Mapping[str, Iterable[str]],
           events: pd.DataFrame, period: Comparison) -> dict[str, Swing]:
    """The swings among `changes` (key -> Change of `period` on the year before), with their explanations: the
    events of the crime types `related[key]`, and for the keys in `counts` the exact test of the two counts."""
    counted = set(counts)
    days = (period.end - period.start).days + 1
    prior_days = (period.prior_end - period.prior_start).days + 1
    found = {}
    for key, change in changes.items():
        if not is_swing(change):
            continue
        current, previous = int(change.current), int(change.previous or 0)
        p = (poisson_change_p(current, previous, days, prior_days)
             if key in counted and not clearly_beyond_chance(current, previous, days, prior_days) else None)
        found[key] = Swing(key, change, related_events(events, related.get(key, ()), period), p)
    return found
