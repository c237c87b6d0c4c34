"""Incident counts pre-aggregated once into arrays, so every figure of the crime page is a small sum.

The cube holds, for each day x town x crime type: incidents reported, those solved by the as-of date,
losses and recoveries (yuan, of the incidents reported that day), and incidents by hour of the day.
A `Selection` (period, towns, crime types) picks a block of it. Incidents count by the day reported.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np
import pandas as pd

from lib.data.codes import CRIME_TYPES, codes_of

HOURS = 24


@dataclass(frozen=True, eq=False)
class CrimeCube:
    first_day: date
    towns: tuple[str, ...]  # town codes, in the boundaries' order
    population: np.ndarray  # [town]
    types: tuple[str, ...]  # crime type codes, in the code list's order
    counts: np.ndarray  # [day, town, type] incidents reported
    solved: np.ndarray  # [day, town, type] of those, solved by the as-of date
    loss: np.ndarray  # [day, town, type] yuan lost
    recovered: np.ndarray  # [day, town, type] yuan recovered
    hourly: np.ndarray  # [day, hour, town, type] incidents reported

    @property
    def last_day(self) -> date:
        return self.first_day + timedelta(days=self.counts.shape[0] - 1)

    def covers(self, start: date, end: date) -> bool:
        return self.first_day <= start and end <= self.last_day


@dataclass(frozen=True)
class Selection:
    """What the page's filters pick: a period (both days included), towns and crime types (empty = all)."""

    start: date
    end: date
    towns: tuple[str, ...] = ()
    types: tuple[str, ...] = ()


def _positions(values: pd.Series, order: Sequence[str]) -> np.ndarray:
    """Each row's position in `order` (-1 when not in it), through the categories, without a string per row."""
    category = values.astype("category")
    where = {code: i for i, code in enumerate(order)}
    lookup = np.array([where.get(str(c), -1) for c in category.cat.categories] + [-1], dtype=np.int64)
    return lookup[category.cat.codes.to_numpy()]  # code -1 (missing) picks the trailing -1


def build_cube(incidents: pd.DataFrame, towns: pd.DataFrame) -> CrimeCube:
    """The cube of `incidents`, from the first day with an incident to the last (the as-of date)."""
    town_codes = tuple(towns["town_code"].astype(str))
    types = tuple(codes_of(CRIME_TYPES))
    day_numbers = incidents["reported_at"].to_numpy().astype("datetime64[D]").astype(np.int64)
    first = int(day_numbers.min()) if len(day_numbers) else 0
    n_days = (int(day_numbers.max()) - first + 1) if len(day_numbers) else 1
    town = _positions(incidents["town_code"], town_codes)
    kind = _positions(incidents["crime_type"], types)
    keep = (town >= 0) & (kind >= 0)
    day, town, kind = day_numbers[keep] - first, town[keep], kind[keep]
    hour = incidents["reported_at"].dt.hour.to_numpy()[keep]
    n_towns, n_types = len(town_codes), len(types)
    cell = (day * n_towns + town) * n_types + kind
    size = n_days * n_towns * n_types

    def total(weights: np.ndarray | None, dtype: type) -> np.ndarray:
        return np.bincount(cell, weights, minlength=size).astype(dtype).reshape(n_days, n_towns, n_types)

    hourly = np.bincount((day * HOURS + hour) * n_towns * n_types + town * n_types + kind,
                         minlength=size * HOURS).astype(np.uint16).reshape(n_days, HOURS, n_towns, n_types)
    solved = (incidents["status"].astype(str) != "reported").to_numpy()[keep]
    return CrimeCube(
        first_day=(np.datetime64(first, "D").astype(object)),
        towns=town_codes,
        population=towns["population"].to_numpy(dtype=np.int64),
        types=types,
        counts=hourly.sum(axis=1, dtype=np.int32),
        solved=total(solved.astype(np.float64), np.int32),
        loss=total(incidents["loss_yuan"].to_numpy(dtype=np.float64)[keep], np.int64),
        recovered=total(incidents["recovered_yuan"].to_numpy(dtype=np.float64)[keep], np.int64),
        hourly=hourly,
    )


def _index(order: tuple[str, ...], chosen: tuple[str, ...]) -> np.ndarray | slice:
    if not chosen:
        return slice(None)
    return np.array([order.index(c) for c in chosen if c in order], dtype=np.int64)


def block(cube: CrimeCube, array: np.ndarray, start: date, end: date,
          towns: tuple[str, ...] = (), types: tuple[str, ...] = ()) -> np.ndarray:
    """The days `start`..`end` (inside the cube) of a [day, (hour,) town, type] array, for the chosen towns and types."""
    first = (start - cube.first_day).days
    days = array[max(first, 0):(end - cube.first_day).days + 1]
    town_index, type_index = _index(cube.towns, towns), _index(cube.types, types)
    return days[..., town_index, :][..., type_index]


def type_totals(cube: CrimeCube, start: date, end: date, towns: tuple[str, ...] = (),
                array: np.ndarray | None = None) -> np.ndarray | None:
    """Per crime type (cube order), the sum over `start`..`end` and the towns; None when the data do not cover it."""
    if not cube.covers(start, end):
        return None
    return block(cube, cube.counts if array is None else array, start, end, towns).sum(axis=(0, 1))


def reported_by_town(cube: CrimeCube, start: date, end: date) -> pd.Series:
    """Incidents reported from `start` to `end` per town code, in the cube's town order (none outside its days)."""
    start, end = max(start, cube.first_day), min(end, cube.last_day)
    counts = block(cube, cube.counts, start, end).sum(axis=(0, 2)) if start <= end else np.zeros(len(cube.towns))
    return pd.Series(counts.astype(np.int64), index=pd.Index(cube.towns, name="town_code"), name="incidents")


def population(cube: CrimeCube, towns: tuple[str, ...]) -> int:
    return int(cube.population[_index(cube.towns, towns)].sum())


def cube_from_cells(batches: Iterable[pd.DataFrame], towns: pd.DataFrame,
                    span: tuple[date | None, date | None]) -> CrimeCube:
    """The same cube as `build_cube`, from incidents already counted by day x hour x town x crime type (IncidentSource
    .crime_cells: a database's GROUP BY rather than every record), added in a batch of cells at a time. `span` is
    the first and last day reported (IncidentSource.span)."""
    town_codes, types = tuple(towns["town_code"].astype(str)), tuple(codes_of(CRIME_TYPES))
    first = int(np.datetime64(span[0], "D").astype(np.int64)) if span[0] else 0
    n_days = (int(np.datetime64(span[1], "D").astype(np.int64)) - first + 1) if span[0] else 1
    shape = (n_days, len(town_codes), len(types))
    sums = {column: np.zeros(shape, dtype=np.int64) for column in ("incidents", "solved", "loss_yuan", "recovered_yuan")}
    hourly = np.zeros((n_days, HOURS, *shape[1:]), dtype=np.uint16)
    for cells in batches:
        town, kind = _positions(cells["town_code"], town_codes), _positions(cells["crime_type"], types)
        keep = (town >= 0) & (kind >= 0)
        day = cells["day"].to_numpy().astype("datetime64[D]").astype(np.int64)[keep] - first
        at = (day, town[keep], kind[keep])
        for column, summed in sums.items():
            np.add.at(summed, at, cells[column].to_numpy(dtype=np.int64)[keep])
        np.add.at(hourly, (day, cells["hour"].to_numpy()[keep], at[1], at[2]),
                  cells["incidents"].to_numpy(dtype=np.uint16)[keep])
    return CrimeCube(
        first_day=np.datetime64(first, "D").astype(object), towns=town_codes,
        population=towns["population"].to_numpy(dtype=np.int64), types=types,
        counts=sums["incidents"].astype(np.int32), solved=sums["solved"].astype(np.int32),
        loss=sums["loss_yuan"], recovered=sums["recovered_yuan"], hourly=hourly,
    )
