"""Boundaries made light for the browser: simplified along shared borders, rounded, few properties."""
from __future__ import annotations

import json
import math

import geopandas as gpd
import shapely

BROWSER_TOLERANCE_DEG = 0.01  # about 1 km: invisible at province scale
BROWSER_GRID_DEG = 0.001  # coordinates kept to 3 decimals (about 100 m)


def light_geojson(shapes: gpd.GeoDataFrame, id_column: str, tolerance: float = BROWSER_TOLERANCE_DEG,
                  grid: float = BROWSER_GRID_DEG) -> dict:
    """A GeoJSON FeatureCollection of `shapes` with only `id_column` as a property, for plotly maps.

    Neighbouring outlines are simplified together (no gaps or overlaps appear between them).
    """
    geometry = shapely.set_precision(shapes.geometry.simplify_coverage(tolerance).values, grid)
    light = gpd.GeoDataFrame({id_column: shapes[id_column].astype(str).to_numpy()}, geometry=geometry, crs=shapes.crs)
    return json.loads(light.to_json(drop_id=True))


def bounds_zoom(bounds: tuple[float, float, float, float], width_px: int, height_px: int) -> tuple[dict, float]:
    """The centre and the web-map zoom (512-px tiles) that fit lon/lat `bounds` into a map of the given size."""
    west, south, east, north = bounds

    def merc_y(lat: float) -> float:
        return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))

    zoom_x = math.log2(width_px * 360 / (512 * (east - west)))
    zoom_y = math.log2(height_px * 2 * math.pi / (512 * (merc_y(north) - merc_y(south))))
    return {"lon": (west + east) / 2, "lat": (south + north) / 2}, min(zoom_x, zoom_y)
