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


def assistant_timeline(assistants: pd.DataFrame, villages: pd.DataFrame) -> pd.DataFrame:
    """date, covered: villages (of `villages`) with an assistant by each appointment day, planned days included."""
    known = villages["village_code"].astype(str)
    days = assistants.loc[assistants["village_code"].astype(str).isin(known), "appointed_on"]
    per_day = days.value_counts().sort_index()
    return pd.DataFrame({"date": per_day.index, "covered": per_day.cumsum().to_numpy()})


def villages_without_assistant(assistants: pd.DataFrame, villages: pd.DataFrame, on: date) -> pd.DataFrame:
    """The villages with no assistant appointed by `on`, with their planned day (NaT when none is planned)."""
    planned = assistants.set_index(assistants["village_code"].astype(str))["appointed_on"]
    table = pd.DataFrame({"village_code": villages["village_code"].astype(str).to_numpy(),
                          "town_code": villages["town_code"].astype(str).to_numpy(),
                          "population": villages["population"].astype(int).to_numpy()})
    table["planned_on"] = table["village_code"].map(planned)
    missing = table["planned_on"].isna() | (table["planned_on"] > pd.Timestamp(on))
    return table[missing].sort_values(["planned_on", "village_code"], na_position="last", ignore_index=True)
