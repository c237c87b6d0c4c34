"""`IncidentPoints`: what the patrol page reads of each incident, as compact arrays instead of the records frame.

One entry per incident, in the source order of the incidents dataset, from the files (`points_of`) or from the
database (lib/data/db/points.py): the same arrays either way.
"""
from __future__ import annotations

from dataclasses import dataclass, fields
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from lib.data.contracts import MAX_COUNT

if TYPE_CHECKING:
    from lib.data.store import DataBundle

PATROL_STOP = "patrol_stop"  # the discovery channel (lib/data/codes.py DISCOVERY_CHANNELS) of a patrol stop
INPUT_COLUMNS = ("reported_at", "lon", "lat", "town_code", "village_code", "discovery", "fugitives_caught")  # points_of
DAY = np.dtype(np.int32)  # days since 1970-01-01
HOUR = np.dtype(np.int8)
FUGITIVES = np.dtype(np.uint16)
assert MAX_COUNT <= np.iinfo(FUGITIVES).max


@dataclass(frozen=True)
class IncidentPoints:
    """Per incident: where, when, in which town and village, whether a patrol stop found it, and the fugitives it
    caught. Read-only: shared by every session."""

    lon: np.ndarray  # float64, as read (every figure from it stays the same as from the records)
    lat: np.ndarray  # float64
    day: np.ndarray  # int32: days since 1970-01-01 of the report
    hour: np.ndarray  # int8: hour of the day of the report, 0-23
    town: np.ndarray  # position in the towns frame (int8, int16 or int32), -1 for a code not in it
    village: np.ndarray  # position in the villages frame (int8, int16 or int32), -1 for a code not in it
    patrol_stop: np.ndarray  # bool: came to notice through a patrol stop
    fugitives: np.ndarray  # uint16: fugitives caught (0 when not recorded)

    def __len__(self) -> int:
        return len(self.lon)

    @property
    def nbytes(self) -> int:
        return sum(getattr(self, f.name).nbytes for f in fields(self))


def position_type(frame_rows: int) -> np.dtype:
    """The narrowest signed integer holding every position in a frame of `frame_rows` rows, and -1."""
    return next(np.dtype(t) for t in (np.int8, np.int16, np.int32) if frame_rows <= np.iinfo(t).max)


def positions(categories: np.ndarray | pd.Index, codes: np.ndarray, frame_codes: pd.Series) -> np.ndarray:
    """Position in a frame (whose codes are `frame_codes`) of each incident's code, given as `categories[codes]`
    (code -1 = none); -1 for a code not in the frame."""
    lookup = pd.Index(frame_codes.astype(str)).get_indexer(pd.Index(categories).astype(str))
    lookup = np.append(lookup, -1).astype(position_type(len(frame_codes)))  # lookup[-1]: no code
    return lookup[codes]


def points_of(incidents: pd.DataFrame, towns: pd.DataFrame, villages: pd.DataFrame) -> IncidentPoints:
    """The points of an incidents frame (lib/data/contracts.py INCIDENTS, as the store reads it)."""
    minutes = incidents["reported_at"].to_numpy("datetime64[m]").astype(np.int64)
    day = np.floor_divide(minutes, 24 * 60)

    def located(column: str, frame: pd.DataFrame) -> np.ndarray:
        codes = pd.Categorical(incidents[column])
        return positions(codes.categories, codes.codes, frame[column])

    return IncidentPoints(
        lon=incidents["lon"].to_numpy(dtype=np.float64),
        lat=incidents["lat"].to_numpy(dtype=np.float64),
        day=day.astype(DAY),
        hour=((minutes - day * 24 * 60) // 60).astype(HOUR),
        town=located("town_code", towns),
        village=located("village_code", villages),
        patrol_stop=(incidents["discovery"] == PATROL_STOP).to_numpy(dtype=bool),
        fugitives=pd.to_numeric(incidents["fugitives_caught"]).fillna(0).to_numpy().astype(FUGITIVES),
    )


def bundle_points(bundle: DataBundle) -> IncidentPoints:
    """The points of a bundle's incidents, positioned in its towns and villages, asked of the incidents' source."""
    return bundle.incidents.points(bundle["towns"], bundle["villages"])
