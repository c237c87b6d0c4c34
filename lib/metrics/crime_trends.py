"""The crime page's figures for a selection (period, towns, crime types), all summed from the cube.

"The same period a year earlier" is the same calendar dates (lib.metrics.periods.year_earlier). In the
trend chart, day and week buckets are set against the buckets 52 weeks before (same weekdays), month
buckets against the same months a year before.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

import numpy as np
import pandas as pd

from lib.data.codes import CRIME_TYPES
from lib.metrics.compstat import WEEKS_52
from lib.metrics.periods import year_earlier
from lib.metrics.crime_cube import CrimeCube, Selection, block, population, type_totals
from lib.metrics.periods import Change

Grain = Literal["day", "week", "month"]
GRAINS: tuple[Grain, ...] = ("day", "week", "month")
PER_RESIDENTS = 10_000
GROUP_OF = {c.code: c.group for c in CRIME_TYPES}


def bucket_start(days: pd.DatetimeIndex, grain: Grain) -> pd.DatetimeIndex:
    """The first day of each day's bucket: the day, its week's Monday, or its month's first day."""
    if grain == "week":
        return days - pd.to_timedelta(days.day_of_week, unit="D")
    if grain == "month":
        return days.to_period("M").to_timestamp()
    return days


def _daily(cube: CrimeCube, start: date, end: date, sel: Selection) -> np.ndarray:
    """[day, type] counts for start..end; days outside the data are NaN."""
    out = np.full(((end - start).days + 1, len(sel.types) or len(cube.types)), np.nan)
    inside_start, inside_end = max(start, cube.first_day), min(end, cube.last_day)
    if inside_start <= inside_end:
        offset = (inside_start - start).days
        counts = block(cube, cube.counts, inside_start, inside_end, sel.towns, sel.types).sum(axis=1)
        out[offset:offset + len(counts)] = counts
    return out


def _by_bucket(daily: np.ndarray, start: date, grain: Grain) -> tuple[pd.DatetimeIndex, np.ndarray]:
    days = pd.date_range(start, periods=len(daily), freq="D")
    keys = bucket_start(days, grain)
    first_of_bucket = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
    return keys[first_of_bucket], np.add.reduceat(daily, first_of_bucket, axis=0)


def trend(cube: CrimeCube, sel: Selection, grain: Grain) -> pd.DataFrame:
    """Per bucket and crime type: `count`, and `prior` (the aligned bucket a year earlier; NaN where the data
    do not cover all of it). Columns bucket (first day), crime_type, count, prior; rows bucket by bucket, the types
    in the same order within each bucket."""
    types = list(sel.types or cube.types)
    buckets, counts = _by_bucket(_daily(cube, sel.start, sel.end, sel), sel.start, grain)
    if grain == "month":
        prior_start, prior_end, shift = year_earlier(sel.start), year_earlier(sel.end), pd.DateOffset(years=1)
    else:
        prior_start, prior_end, shift = sel.start - WEEKS_52, sel.end - WEEKS_52, pd.Timedelta(WEEKS_52)
    prior_buckets, prior = _by_bucket(_daily(cube, prior_start, prior_end, sel), prior_start, grain)
    prior_aligned = pd.DataFrame(prior, index=prior_buckets + shift, columns=types).reindex(buckets)
    return pd.DataFrame({
        "bucket": np.repeat(buckets, len(types)),
        "crime_type": types * len(buckets),
        "count": counts.reshape(-1).astype(np.int64),
        "prior": prior_aligned.to_numpy(dtype=float).reshape(-1),
    })


def by_town(cube: CrimeCube, sel: Selection) -> pd.DataFrame:
    """Per chosen town: incidents, population, incidents per 10,000 residents and its rank (1 = highest rate)."""
    chosen = sel.towns or cube.towns
    counts = block(cube, cube.counts, sel.start, sel.end, tuple(chosen), sel.types).sum(axis=(0, 2))
    pops = np.array([population(cube, (town,)) for town in chosen], dtype=np.int64)
    table = pd.DataFrame({"town_code": list(chosen), "count": counts.astype(np.int64), "population": pops,
                          "rate": counts / pops * PER_RESIDENTS})
    table = table.sort_values(["rate", "count"], ascending=False, kind="stable").reset_index(drop=True)
    table["rank"] = table["rate"].rank(ascending=False, method="min").astype(int)
    return table


def hour_weekday(cube: CrimeCube, sel: Selection) -> pd.DataFrame:
    """Incidents by weekday (rows 0 = Monday .. 6 = Sunday) and hour of the day (columns 0..23)."""
    per_day_hour = block(cube, cube.hourly, sel.start, sel.end, sel.towns, sel.types).sum(axis=(2, 3))
    weekdays = pd.date_range(sel.start, periods=len(per_day_hour), freq="D").day_of_week
    table = np.zeros((7, per_day_hour.shape[1]), dtype=np.int64)
    np.add.at(table, weekdays.to_numpy(), per_day_hour)
    return pd.DataFrame(table, index=pd.RangeIndex(7, name="weekday"), columns=range(per_day_hour.shape[1]))


def by_type(cube: CrimeCube, sel: Selection) -> pd.DataFrame:
    """Per chosen crime type: incidents, solved (by the as-of date), solved rate %, loss, recovered, recovery %."""
    def totals(array: np.ndarray) -> np.ndarray:
        return block(cube, array, sel.start, sel.end, sel.towns, sel.types).sum(axis=(0, 1))

    types = list(sel.types or cube.types)
    table = pd.DataFrame({"crime_type": types, "group": [GROUP_OF[t] for t in types],
                          "count": totals(cube.counts).astype(np.int64), "solved": totals(cube.solved).astype(np.int64),
                          "loss_yuan": totals(cube.loss), "recovered_yuan": totals(cube.recovered)})
    table["solved_rate"] = (table["solved"] / table["count"].where(table["count"] > 0) * 100).astype("Float64")
    table["recovery_rate"] = (table["recovered_yuan"] / table["loss_yuan"].where(table["loss_yuan"] > 0) * 100).astype("Float64")
    return table


@dataclass(frozen=True)
class PeriodSummary:
    """The selection's headline figures, each against the same dates a year earlier (previous None when the
    data do not reach back that far)."""

    incidents: Change
    rate: Change  # incidents per 10,000 residents of the chosen towns
    solved_rate: Change  # % of the period's incidents solved by the as-of date
    loss_yuan: Change
    recovered_yuan: Change
    prior_start: date
    prior_end: date


def _ratio(part: float, whole: float) -> float | None:
    return part / whole * 100 if whole else None


def summary(cube: CrimeCube, sel: Selection) -> PeriodSummary:
    prior_start, prior_end = year_earlier(sel.start), year_earlier(sel.end)
    figures = {}
    for name, array in (("count", cube.counts), ("solved", cube.solved), ("loss", cube.loss), ("recovered", cube.recovered)):
        now = type_totals(cube, sel.start, sel.end, sel.towns, array)
        before = type_totals(cube, prior_start, prior_end, sel.towns, array)
        pick = [cube.types.index(t) for t in sel.types] if sel.types else slice(None)
        figures[name] = (float(now[pick].sum()) if now is not None else 0.0,
                         float(before[pick].sum()) if before is not None else None)
    residents = population(cube, sel.towns)
    (count, prior_count), (solved, prior_solved) = figures["count"], figures["solved"]
    current_rate = _ratio(solved, count)
    return PeriodSummary(
        incidents=Change(*figures["count"]),
        rate=Change(count / residents * PER_RESIDENTS,
                    None if prior_count is None else prior_count / residents * PER_RESIDENTS),
        solved_rate=Change(current_rate if current_rate is not None else 0.0,
                           None if prior_solved is None else _ratio(prior_solved, prior_count)),
        loss_yuan=Change(*figures["loss"]),
        recovered_yuan=Change(*figures["recovered"]),
        prior_start=prior_start,
        prior_end=prior_end,
    )


def events_in(events: pd.DataFrame, sel: Selection) -> pd.DataFrame:
    """Named cases, campaigns and measures dated inside the period that concern a chosen crime type (or none in particular)."""
    dates = events["date"].dt.date
    related = events["crime_type"].isna() | (events["crime_type"].astype(str).isin(sel.types) if sel.types else True)
    return events[(dates >= sel.start) & (dates <= sel.end) & related].sort_values("date")


def chosen_types(groups: list[str], types: list[str]) -> tuple[str, ...]:
    """The crime types the filters pick, in the code list's order: those in the chosen groups and among the chosen
    types (an empty filter picks all). Empty when the two filters have nothing in common."""
    return tuple(c.code for c in CRIME_TYPES if (not groups or c.group in groups) and (not types or c.code in types))
