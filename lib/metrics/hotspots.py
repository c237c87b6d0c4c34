"""Hot spots: square grid cells in a metric CRS ranked by incidents, and whether patrols dose them.

Cells are anchored at the CRS origin, so a cell of a given size is the same cell in every filter
state: cell (ix, iy) spans x in [ix*size, (ix+1)*size) and y likewise.

Dosage by visit (Koper 1995): what deters is a patrol that stays at a hot spot for about 10 to 15 minutes, at
unpredictable times, not minutes spread thin over the day. A *visit* is one patrol's continuous stay in a cell
(its route entering and leaving it); a visit *counts* when it lasts at least the dosage (15 minutes by default). A
day *has a visit* when at least one counting visit began on it, and a hot spot is *covered* when at least half the
days of the period had one.
The Predictive Accuracy Index (PAI) of a set of cells is its share of incidents ÷ its share of the area.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

DEFAULT_CELL_M = 500
DEFAULT_DOSAGE_MIN = 15  # Koper (1995): the ideal stop at a hot spot is about 15 minutes
HOTSPOT_COUNT = 20  # the hot-spot set: the 20 cells with the most incidents
COVERED_DAY_SHARE = 50.0  # % of the period's days with a counting visit that make a hot spot covered


def cell_of(x: np.ndarray, y: np.ndarray, cell_m: float) -> tuple[np.ndarray, np.ndarray]:
    """The grid cell (ix, iy) of each metric point."""
    return np.floor(np.asarray(x) / cell_m).astype(np.int64), np.floor(np.asarray(y) / cell_m).astype(np.int64)


def _sum_by_cell(x: np.ndarray, y: np.ndarray, cell_m: float, weights: np.ndarray | None, name: str) -> pd.DataFrame:
    ix, iy = cell_of(x, y, cell_m)
    frame = pd.DataFrame({"ix": ix, "iy": iy, name: np.ones(len(ix)) if weights is None else weights})
    return frame.groupby(["ix", "iy"], as_index=False, sort=True)[name].sum()


def incidents_by_cell(x: np.ndarray, y: np.ndarray, cell_m: float) -> pd.DataFrame:
    """ix, iy, incidents: the incidents (metric points) counted per cell; empty cells are left out."""
    table = _sum_by_cell(x, y, cell_m, None, "incidents")
    table["incidents"] = table["incidents"].astype(int)
    return table


def cell_keys(ix: np.ndarray, iy: np.ndarray) -> np.ndarray:
    """One integer per cell, to test membership of (ix, iy) pairs at once."""
    return np.asarray(ix, dtype=np.int64) * 2**32 + np.asarray(iy, dtype=np.int64)


def among(keys: np.ndarray, chosen: np.ndarray) -> np.ndarray:
    """Whether each of `keys` is one of `chosen` (np.isin's answer): a binary search in the few chosen keys, where
    np.isin would sort the million keys of every route sample along with them."""
    chosen = np.sort(np.asarray(chosen, dtype=keys.dtype))
    if not len(chosen):
        return np.zeros(len(keys), dtype=bool)
    at = np.minimum(np.searchsorted(chosen, keys), len(chosen) - 1)
    return chosen[at] == keys


def visits(ix: np.ndarray, iy: np.ndarray, session: np.ndarray, position: np.ndarray, minutes: np.ndarray,
           day: np.ndarray) -> pd.DataFrame:
    """ix, iy, minutes, day: one row per visit, a patrol's continuous stay in a cell.

    The inputs are route samples in route order (`position`: each sample's place in the sequence of all samples,
    so that a gap means the route left the cell): their cell, patrol session, minutes and the day each falls on.
    Consecutive samples of one session in one cell are one visit; it lasts their minutes and falls on the day
    it began."""
    position = np.asarray(position)
    if len(position) == 0:
        return pd.DataFrame({"ix": [], "iy": [], "minutes": [], "day": []})
    begins = np.r_[True, (np.diff(position) != 1) | (session[1:] != session[:-1]) | (ix[1:] != ix[:-1])
                   | (iy[1:] != iy[:-1])]
    first = np.flatnonzero(begins)
    return pd.DataFrame({"ix": ix[first], "iy": iy[first],
                         "minutes": np.add.reduceat(np.asarray(minutes, dtype=float), first), "day": day[first]})


def rank_hotspots(counts: pd.DataFrame, count: int = HOTSPOT_COUNT) -> pd.DataFrame:
    """The `count` cells with the most incidents, ranked 1.. (ties broken by cell, so the order is stable)."""
    ranked = counts[counts["incidents"] > 0].sort_values(["incidents", "ix", "iy"], ascending=[False, True, True])
    ranked = ranked.head(count).reset_index(drop=True)
    ranked.insert(0, "rank", np.arange(1, len(ranked) + 1))
    return ranked


def dose_hotspots(hotspots: pd.DataFrame, stays: pd.DataFrame, days: int, dosage_min: float) -> pd.DataFrame:
    """The hot spots with their counting `visits` (stays of at least `dosage_min`), the `visit_days` (days with one),
    `day_share` (% of the period's `days`) and `covered` (day_share at least COVERED_DAY_SHARE)."""
    counting = stays[stays["minutes"].to_numpy() >= dosage_min]
    spot = pd.Index(cell_keys(hotspots["ix"], hotspots["iy"])).get_indexer(cell_keys(counting["ix"], counting["iy"]))
    days_of = counting["day"].to_numpy(dtype=np.int64)[spot >= 0]
    spot = spot[spot >= 0]
    distinct = np.unique(spot * 2**32 + days_of) // 2**32  # one entry per hot spot and day with a counting visit
    merged = hotspots.copy()
    merged["visits"] = np.bincount(spot, minlength=len(hotspots))
    merged["visit_days"] = np.bincount(distinct, minlength=len(hotspots))
    merged["day_share"] = merged["visit_days"] / max(days, 1) * 100
    merged["covered"] = merged["day_share"] >= COVERED_DAY_SHARE
    return merged


def covered_share(dosed: pd.DataFrame) -> float | None:
    """Share (%) of the hot spots that are covered; None when there is no hot spot."""
    return float(dosed["covered"].mean() * 100) if len(dosed) else None


def visited_day_share(dosed: pd.DataFrame) -> float | None:
    """Share (%) of all hot-spot days with a counting visit; None when there is no hot spot."""
    return float(dosed["day_share"].mean()) if len(dosed) else None


@dataclass(frozen=True)
class Pai:
    incident_share: float  # % of the incidents that fall in the hot spots
    area_share: float  # % of the study area the hot spots take up
    value: float | None  # incident share ÷ area share; None without incidents or area


def pai(hotspot_incidents: int, total_incidents: int, hotspot_area_m2: float, study_area_m2: float) -> Pai:
    """Predictive Accuracy Index (Chainey et al. 2008): (n/N) ÷ (a/A)."""
    incident_share = hotspot_incidents / total_incidents * 100 if total_incidents else 0.0
    area_share = hotspot_area_m2 / study_area_m2 * 100 if study_area_m2 else 0.0
    value = incident_share / area_share if total_incidents and area_share else None
    return Pai(incident_share, area_share, value)


def cell_bounds(ix: np.ndarray, iy: np.ndarray, cell_m: float) -> np.ndarray:
    """(N, 4) metric bounds (minx, miny, maxx, maxy) of cells."""
    ix, iy = np.asarray(ix, dtype=float), np.asarray(iy, dtype=float)
    return np.column_stack([ix * cell_m, iy * cell_m, (ix + 1) * cell_m, (iy + 1) * cell_m])
