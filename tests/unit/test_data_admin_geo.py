"""Boundary uploads: GeoJSON and zipped Shapefiles, CRS and GCJ-02 conversion, checks, writes and rollback.

The bad boundary files are in tests/data_admin_corpus (geo_*), checked by test_data_admin.py's corpus test.
"""
from __future__ import annotations

import io
import json
import warnings
import zipfile
from datetime import datetime, timezone
from pathlib import Path

import geopandas as gpd
import numpy as np
import pytest
import shapely

from lib.data.contracts import DATASETS_BY_NAME
from lib.data.geo_upload import plan_geo_change, read_geo_upload, untruncate_headers
from lib.data.store import BUNDLED_DATA_DIR, FileStore, load_bundle
from lib.data.writes import geojson_bytes, list_versions, rollback, save_boundaries
from lib.data.gcj02 import gcj02_to_wgs84, wgs84_to_gcj02

TOWNS = DATASETS_BY_NAME["towns"]
VILLAGES = DATASETS_BY_NAME["villages"]
TOWNS_BYTES = (BUNDLED_DATA_DIR / TOWNS.file).read_bytes()


def metres_apart(a: shapely.Geometry, b: shapely.Geometry) -> float:
    """The largest distance between matching vertices, in metres (lon/lat near 30° N)."""
    pa, pb = shapely.get_coordinates(a), shapely.get_coordinates(b)
    assert pa.shape == pb.shape
    scale = np.array([111_320 * np.cos(np.radians(30.0)), 110_574])
    return float(np.max(np.hypot(*((pa - pb) * scale).T)))


def problems(check) -> list[str]:
    return [p.message("en") for p in check.problems]


# ---------------------------------------------------------------- GCJ-02

def test_gcj02_inverse_undoes_the_forward_formula():
    wgs = np.array([[103.83, 30.05], [104.06, 30.67], [97.5, 26.5], [108.9, 34.9]])
    gcj = wgs84_to_gcj02(wgs)
    assert np.abs(gcj - wgs).max() > 1e-3  # the offset is hundreds of metres
    assert np.abs(gcj02_to_wgs84(gcj) - wgs).max() < 1e-9
    outside = np.array([[2.35, 48.85]])
    assert np.array_equal(gcj02_to_wgs84(outside), outside)


# ---------------------------------------------------------------- good uploads

def test_geojson_in_wgs84_reads_and_writes_back_the_same_bytes(bundle):
    check = read_geo_upload(TOWNS, "towns.geojson", TOWNS_BYTES, bundle)
    assert check.ok, problems(check)
    assert check.crs == "EPSG:4326" and len(check.frame) == len(bundle["towns"])
    assert geojson_bytes(TOWNS, check.frame) == TOWNS_BYTES
    plan = plan_geo_change(TOWNS, bundle["towns"], check.frame)
    assert (plan.added, plan.removed, len(plan.replaced)) == ([], [], len(bundle["towns"]))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_chinese_and_english_property_names(bundle, lang):
    content = json.loads(TOWNS_BYTES)
    label = {c.name: (c.zh if lang == "zh" else c.en) for c in TOWNS.columns}
    for feature in content["features"]:
        feature["properties"] = {label[k]: v for k, v in feature["properties"].items()}
    check = read_geo_upload(TOWNS, "t.json", json.dumps(content, ensure_ascii=False).encode(), bundle)
    assert check.ok, problems(check)
    assert geojson_bytes(TOWNS, check.frame) == TOWNS_BYTES


def test_villages_may_name_their_town(bundle):
    content = json.loads((BUNDLED_DATA_DIR / VILLAGES.file).read_bytes())
    first = content["features"][0]["properties"]
    town = bundle["towns"].set_index("town_code").loc[first["town_code"], "town_zh"]
    first["town_code"] = town
    check = read_geo_upload(VILLAGES, "v.geojson", json.dumps(content, ensure_ascii=False).encode(), bundle)
    assert check.ok, problems(check)
    assert str(check.frame.iloc[0]["town_code"]) == str(bundle["villages"].iloc[0]["town_code"])


def _zip_shapefile(frame: gpd.GeoDataFrame, folder: Path, prj: bool = True) -> bytes:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # column names cut to 10 characters, as every Shapefile does
        frame.to_file(folder / "towns.shp", encoding="utf-8")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for part in sorted(folder.iterdir()):
            if prj or part.suffix != ".prj":
                archive.write(part, f"export/{part.name}")
    return buffer.getvalue()


def test_zipped_shapefile_in_utm_is_converted_to_wgs84(bundle, tmp_path):
    original = bundle["towns"]
    utm = gpd.GeoDataFrame(original.drop(columns="geometry").astype({"illustrative": int}),
                           geometry=original.geometry, crs="EPSG:4326").to_crs("EPSG:32648")
    assert utm.total_bounds[0] > 1000  # metres
    check = read_geo_upload(TOWNS, "towns.zip", _zip_shapefile(utm, tmp_path), bundle)
    assert check.ok, problems(check)
    assert "32648" in check.crs
    for got, want in zip(check.frame.geometry, original.geometry):
        assert metres_apart(got, want) < 0.01
    assert check.frame["town_code"].astype(str).tolist() == original["town_code"].astype(str).tolist()
    assert check.frame["illustrative"].tolist() == original["illustrative"].tolist()


def test_shapefile_field_names_cut_to_ten_bytes_are_recognised():
    renamed = untruncate_headers(TOWNS, ["illustrati", "population", "town_zh", "town_c"])
    assert renamed == {"illustrati": "illustrative"}


def test_gcj02_file_is_converted_within_a_metre(bundle):
    content = json.loads(TOWNS_BYTES)
    for feature in content["features"]:
        geometry = shapely.geometry.shape(feature["geometry"])
        shifted = shapely.transform(geometry, wgs84_to_gcj02)
        feature["geometry"] = shapely.geometry.mapping(shifted)
    data = json.dumps(content, ensure_ascii=False).encode()
    as_is = read_geo_upload(TOWNS, "gcj.geojson", data, bundle)
    converted = read_geo_upload(TOWNS, "gcj.geojson", data, bundle, gcj02=True)
    assert as_is.ok and converted.ok, problems(converted)
    for got, raw, want in zip(converted.frame.geometry, as_is.frame.geometry, bundle["towns"].geometry):
        assert metres_apart(got, want) < 1.0
        assert metres_apart(raw, want) > 100  # without the option the offset stays
    assert geojson_bytes(TOWNS, converted.frame) == TOWNS_BYTES  # exact at the written precision


def test_all_problems_of_a_file_at_once(bundle):
    content = json.loads(TOWNS_BYTES)
    content["features"][2]["properties"]["population"] = -5
    content["features"][4]["geometry"]["coordinates"] = [[[103.80, 30.05], [103.85, 30.10], [103.85, 30.05],
                                                          [103.80, 30.10], [103.80, 30.05]]]
    content["features"][6]["geometry"] = {"type": "Polygon", "coordinates": [[[116.3, 39.9], [116.4, 39.9], [116.4, 40.0],
                                                                               [116.3, 39.9]]]}
    check = read_geo_upload(TOWNS, "t.geojson", json.dumps(content).encode(), bundle)
    rows = sorted((p.row, p.column) for p in check.problems)
    assert rows == [(3, "population"), (5, "geometry"), (7, "geometry")], problems(check)
    assert "第 5 行,列 geometry" in check.problems[1].message("zh")


# ---------------------------------------------------------------- writes and rollback

def test_upload_write_read_back_and_roll_back(bundle, data_copy):
    content = json.loads(TOWNS_BYTES)
    content["features"][0]["properties"]["population"] = 150000
    new_town = json.loads(json.dumps(content["features"][1]))
    new_town["properties"].update(town_code="511402999", town_zh="新镇", town_en="New Town")
    new_town["geometry"] = {"type": "Polygon", "coordinates": [[[103.60, 29.90], [103.62, 29.90], [103.62, 29.92],
                                                                 [103.60, 29.90]]]}
    content["features"].append(new_town)
    check = read_geo_upload(TOWNS, "towns.geojson", json.dumps(content, ensure_ascii=False).encode(), bundle)
    assert check.ok, problems(check)
    plan = plan_geo_change(TOWNS, bundle["towns"], check.frame)
    assert plan.added == ["511402999"] and plan.removed == [] and len(plan.replaced) == len(bundle["towns"])
    kept = save_boundaries(TOWNS, plan.result, data_copy, now=datetime(2026, 1, 2, tzinfo=timezone.utc))
    assert kept is not None and kept.name.endswith("-demo.geojson") and kept.read_bytes() == TOWNS_BYTES
    read = FileStore(data_copy).read(TOWNS)
    assert len(read) == len(bundle["towns"]) + 1 and read.iloc[0]["population"] == 150000
    assert FileStore(data_copy).manifest().is_demo("towns") is False
    load_bundle(FileStore(data_copy))  # every dataset still reads, with every town code known
    versions = list_versions(TOWNS, data_copy)
    assert len(versions) == 1 and versions[0].demo
    rollback(TOWNS, versions[0].path, data_copy)
    assert (data_copy / TOWNS.file).read_bytes() == TOWNS_BYTES
    assert FileStore(data_copy).manifest().is_demo("towns") is True


def test_save_boundaries_refuses_a_table_dataset(data_copy):
    with pytest.raises(ValueError):
        save_boundaries(DATASETS_BY_NAME["posts"], gpd.GeoDataFrame(), data_copy)


def test_gbk_shapefile_without_cpg_with_chinese_field_names(bundle, tmp_path):
    original = bundle["towns"]
    frame = gpd.GeoDataFrame(original.drop(columns="geometry").astype({"illustrative": int}),
                             geometry=original.geometry, crs="EPSG:4326")
    frame = frame.rename(columns={"town_zh": "镇(街道)", "kind": "类别"})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        frame.to_file(tmp_path / "towns.shp", encoding="gbk")
    (tmp_path / "towns.cpg").unlink(missing_ok=True)  # as older Chinese Windows tools save it
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for part in tmp_path.iterdir():
            archive.write(part, part.name)
    check = read_geo_upload(TOWNS, "towns.zip", buffer.getvalue(), bundle)
    assert check.ok, problems(check)
    assert check.frame["town_zh"].tolist() == original["town_zh"].tolist()


def test_shapefile_without_prj_in_metres_is_refused(bundle, tmp_path):
    utm = gpd.GeoDataFrame(bundle["towns"].drop(columns="geometry").astype({"illustrative": int}),
                           geometry=bundle["towns"].geometry, crs="EPSG:4326").to_crs("EPSG:32648")
    check = read_geo_upload(TOWNS, "towns.zip", _zip_shapefile(utm, tmp_path, prj=False), bundle)
    assert not check.ok
    assert "they look like metres), yet the file declares no CRS" in problems(check)[0]


def test_geojson_with_a_projected_crs_member_is_converted(bundle):
    utm = bundle["towns"].set_crs("EPSG:4326", allow_override=True).to_crs("EPSG:32648")
    data = utm.to_json(drop_id=True).encode()
    content = json.loads(data)
    content["crs"] = {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::32648"}}
    check = read_geo_upload(TOWNS, "utm.geojson", json.dumps(content, ensure_ascii=False).encode(), bundle)
    assert check.ok, problems(check)
    assert "32648" in check.crs
    for got, want in zip(check.frame.geometry, bundle["towns"].geometry):
        assert metres_apart(got, want) < 0.01


def test_villages_upload_that_drops_used_villages_is_refused(bundle):
    content = json.loads((BUNDLED_DATA_DIR / VILLAGES.file).read_bytes())
    content["features"] = content["features"][:1]
    check = read_geo_upload(VILLAGES, "v.geojson", json.dumps(content, ensure_ascii=False).encode(), bundle)
    assert not check.ok and all(p.column == "village_code" for p in check.problems)
    assert "the other data still use it: Incidents (" in problems(check)[0]
    assert "村(社区)警务助理 1 行" in check.problems[0].message("zh")
