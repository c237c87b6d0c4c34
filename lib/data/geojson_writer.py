"""Deterministic GeoJSON: one feature a line, coordinates rounded, keys in a fixed order."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import shapely
from shapely.geometry import MultiPolygon, Polygon

DECIMALS = 5  # about 1 m


def _ring(ring: shapely.LinearRing) -> list[list[float]]:
    return [[round(x, DECIMALS), round(y, DECIMALS)] for x, y in ring.coords]


def _polygon(polygon: Polygon) -> list[list[list[float]]]:
    return [_ring(polygon.exterior), *map(_ring, polygon.interiors)]


def geometry_json(geometry: Polygon | MultiPolygon) -> dict[str, Any]:
    if isinstance(geometry, Polygon):
        return {"type": "Polygon", "coordinates": _polygon(geometry)}
    return {"type": "MultiPolygon", "coordinates": [_polygon(p) for p in geometry.geoms]}


def feature_line(properties: dict[str, Any], geometry: Polygon | MultiPolygon) -> str:
    feature = {"type": "Feature", "properties": properties, "geometry": geometry_json(geometry)}
    return json.dumps(feature, ensure_ascii=False, separators=(",", ":"))


def write_collection(path: Path, lines: list[str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    body = ",\n".join(lines)
    path.write_text(f'{{"type":"FeatureCollection","features":[\n{body}\n]}}\n', encoding="utf-8")
