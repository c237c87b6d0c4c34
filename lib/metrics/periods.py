"""Periods and changes on the prior period, the arithmetic every headline figure shares."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd


@dataclass(frozen=True)
class Change:
    """A figure for a period and the same figure for the prior period (None when there is none)."""

    current: float
    previous: float | None

    @property
    def delta(self) -> float | None:
        return None if self.previous is None else self.current - self.previous

    @property
    def pct(self) -> float | None:
        """Change in percent; None when the prior figure is missing or zero (shown as "new", never infinity)."""
        if self.previous is None or self.previous == 0:
            return None
        return (self.current - self.previous) / self.previous * 100


def in_period(values: pd.Series, start: date, end: date) -> np.ndarray:
    """Rows whose date falls from `start` to `end`, both days included (NaT never does), as a boolean mask."""
    stamps = values.to_numpy(dtype="datetime64[ns]")
    return (stamps >= np.datetime64(start, "ns")) & (stamps < np.datetime64(end, "ns") + np.timedelta64(1, "D"))


def in_year(values: pd.Series, year: int) -> np.ndarray:
    """Rows whose date falls in `year` (NaT never does), as a boolean mask."""
    return in_period(values, date(year, 1, 1), date(year, 12, 31))


def full_years(first: date, as_of: date) -> list[int]:
    """Calendar years wholly inside the data, oldest first."""
    last = as_of.year if as_of == date(as_of.year, 12, 31) else as_of.year - 1
    start = first.year if first == date(first.year, 1, 1) else first.year + 1
    return list(range(start, last + 1))


def latest_full_year(first: date, as_of: date) -> int:
    years = full_years(first, as_of)
    return years[-1] if years else as_of.year


def year_earlier(day: date, years: int = 1) -> date:
    """The same calendar date `years` years before; 29 February becomes 28 February."""
    if day.month == 2 and day.day == 29:
        return date(day.year - years, 2, 28)
    return day.replace(year=day.year - years)


@dataclass(frozen=True)
class Comparison:
    """A period, first and last day included, set against the same days a year earlier."""

    start: date
    end: date

    @classmethod
    def calendar_year(cls, year: int) -> Comparison:
        return cls(date(year, 1, 1), date(year, 12, 31))

    @classmethod
    def year_to_date(cls, as_of: date) -> Comparison:
        return cls(date(as_of.year, 1, 1), as_of)

    @property
    def prior_start(self) -> date:
        return year_earlier(self.start)

    @property
    def prior_end(self) -> date:
        return year_earlier(self.end)

    @property
    def prior(self) -> Comparison:
        return self.years_back(1)

    @property
    def is_calendar_year(self) -> bool:
        return is_calendar_year(self.start, self.end)

    def years_back(self, years: int) -> Comparison:
        """The same days `years` years earlier (a calendar year stays a calendar year)."""
        end = date(self.end.year - years, 12, 31) if self.is_calendar_year else year_earlier(self.end, years)
        return Comparison(year_earlier(self.start, years), end)


def prior_period(start: date, end: date) -> tuple[date, date]:
    """The same dates one year earlier: what a period's changes are measured against."""
    return year_earlier(start), year_earlier(end)


def is_calendar_year(start: date, end: date) -> bool:
    return start == date(start.year, 1, 1) and end == date(start.year, 12, 31)
