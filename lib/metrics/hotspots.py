"""Hot spots: square grid cells in a metric CRS ranked by incidents, and whether patrols dose them.

Cells are anchored at the CRS origin, so a cell of a given size is the same cell in every filter
state: cell (ix, iy) spans x in [ix*size, (ix+1)*size) and y likewise. A hot spot is *covered* when
patrols spent at least the dosage there per day of the period (Koper: about 15 minutes).
The Predictive Accuracy Index (PAI) of a set of cells is its share of incidents ÷ its share of the area.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

DEFAULT_CELL_M = 500
DEFAULT_DOSAGE_MIN = 15  # Koper (1995): the ideal stop at a hot spot is about 15 minutes
HOTSPOT_COUNT = 20  # the hot-spot set: the 20 cells with the most incidents


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


def minutes_by_cell(x: np.ndarray, y: np.ndarray, minutes: np.ndarray, cell_m: float) -> pd.DataFrame:
    """ix, iy, minutes: patrol minutes per cell, from route samples (metric points) and their minutes."""
    return _sum_by_cell(x, y, cell_m, np.asarray(minutes, dtype=float), "minutes")


def rank_hotspots(counts: pd.DataFrame, count: int = HOTSPOT_COUNT) -> pd.DataFrame:
    """The `count` cells with the most incidents, ranked 1.. (ties broken by cell, so the order is stable)."""
    ranked = counts[counts["incidents"] > 0].sort_values(["incidents", "ix", "iy"], ascending=[False, True, True])
    ranked = ranked.head(count).reset_index(drop=True)
    ranked.insert(0, "rank", np.arange(1, len(ranked) + 1))
    return ranked


def dose_hotspots(hotspots: pd.DataFrame, minutes: pd.DataFrame, days: int, dosage_min: float) -> pd.DataFrame:
    """The hot spots with patrol minutes per day in them and `covered` (at least `dosage_min` a day)."""
    merged = hotspots.merge(minutes, on=["ix", "iy"], how="left")
    merged["minutes"] = merged["minutes"].fillna(0.0)
    merged["minutes_per_day"] = merged["minutes"] / max(days, 1)
    merged["covered"] = merged["minutes_per_day"] >= dosage_min
    return merged


def covered_share(dosed: pd.DataFrame) -> float | None:
    """Share (%) of the hot spots that are covered; None when there is no hot spot."""
    return float(dosed["covered"].mean() * 100) if len(dosed) else None


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
