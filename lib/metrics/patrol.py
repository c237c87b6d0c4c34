"""Patrol and prevention measures: village police-assistant coverage."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd


@dataclass(frozen=True)
class Coverage:
    covered: int
    total: int

    @property
    def share(self) -> float:
        return self.covered / self.total * 100 if self.total else 0.0


def assistant_coverage(assistants: pd.DataFrame, villages: pd.DataFrame, on: date) -> Coverage:
    """Villages and communities with a police assistant appointed on or before `on`."""
    appointed = assistants.loc[assistants["appointed_on"] <= pd.Timestamp(on), "village_code"].astype(str)
    known = set(villages["village_code"].astype(str))
    return Coverage(len(known & set(appointed)), len(known))


def assistants_complete_on(assistants: pd.DataFrame, villages: pd.DataFrame) -> date | None:
    """The day the last village gets its assistant (planned days included); None if some have no date."""
    dates = assistants.set_index(assistants["village_code"].astype(str))["appointed_on"]
    dates = dates.reindex(villages["village_code"].astype(str))
    return None if dates.isna().any() else dates.max().date()
