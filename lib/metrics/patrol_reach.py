"""The reach of posts: the area a foot or vehicle patrol gets to from a post in N minutes.

Straight-line reach at a typical speed, as a buffer in a metric CRS (no road network is at hand):
on foot 5 km/h, by vehicle 30 km/h in town traffic.
"""
from __future__ import annotations

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

SPEED_M_PER_MIN = {"foot": 5000 / 60, "vehicle": 30000 / 60}
DEFAULT_REACH_MIN = 10
REACH_MINUTES = (5, 10, 15)


def reach_distance_m(mode: str, minutes: float) -> float:
    return SPEED_M_PER_MIN[mode] * minutes


def reach_area(x: np.ndarray, y: np.ndarray, distance_m: float) -> BaseGeometry:
    """The union of discs of `distance_m` around the (metric) posts."""
    discs = shapely.buffer(shapely.points(np.column_stack([x, y])), distance_m, quad_segs=16)
    return shapely.union_all(discs)


def within(area: BaseGeometry, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Which (metric) points lie inside `area` (its edge included)."""
    shapely.prepare(area)
    return shapely.intersects_xy(area, x, y)


def share_within(inside: np.ndarray) -> float | None:
    """Share (%) of the points inside; None when there are none."""
    return float(np.mean(inside) * 100) if len(inside) else None
