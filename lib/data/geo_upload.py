"""An uploaded boundary file (towns, villages, counties, the district outline) checked before anything is written.

    read_geo_upload(spec, filename, data, current, gcj02) -> GeoUploadCheck   every problem at once, or the features
    plan_geo_change(spec, current, incoming)             -> GeoChangePlan    features added, replaced, removed by code

Accepted: GeoJSON (.geojson/.json) and a zipped Shapefile (.zip with .shp, .shx, .dbf and ideally .prj).
Properties are checked like table uploads (Chinese or English headers, parse_frame); "row" in a problem is
the feature number, from 1. Geometries must be valid Polygons or MultiPolygons (invalid ones are reported,
never silently repaired), are converted to WGS84 from the file's CRS (GeoJSON "crs", the Shapefile's .prj;
none means WGS84), optionally from GCJ-02 (高德/腾讯), and must lie inside Sichuan. A file that declares
degrees but holds metres is refused.

Referential check: a towns (villages) upload that drops a code the other datasets still use is REFUSED, not
warned about, because the app checks every town and village code on load and would stop reading the data.
"""
from __future__ import annotations

import io
import json
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Mapping

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from lib.data.contracts import DATASETS, SICHUAN_LAT, SICHUAN_LON, DatasetSpec
from lib.data.problems import MAX_PROBLEMS, DataLoadError, DataProblem
from lib.data.store import DataBundle, parse_frame
from lib.data.cells import name_key
from lib.data.places import Places, resolve_places
from lib.data.upload import _problem, header_map, map_headers
from lib.data.upload_file import cell_text
from lib.data.gcj02 import gcj02_to_wgs84

GEO_SUFFIXES = ("geojson", "json", "zip")
MAX_GEO_BYTES = 50 * 1024 * 1024
MAX_UNZIPPED_BYTES = 4 * MAX_GEO_BYTES
DECIMALS = 5  # as lib/data/geojson_writer.py writes them
# the code column each boundary dataset gives to the others
OWN_CODE = {"towns": "town_code", "villages": "village_code"}


@dataclass(frozen=True)
class GeoUploadCheck:
    """The boundary upload read and checked: `frame` is a GeoDataFrame in WGS84 when there are no problems."""

    problems: list[DataProblem]
    frame: gpd.GeoDataFrame | None = None
    crs: str | None = None  # the CRS the file declared (None: none declared, read as WGS84)
    flattened: bool = False  # the file had heights (3-D coordinates), dropped: the boundaries are 2-D

    @property
    def ok(self) -> bool:
        return not self.problems and self.frame is not None


@dataclass(frozen=True)
class GeoChangePlan:
    """What replacing the boundaries would do, by code; `result` is the dataset afterwards."""

    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    result: gpd.GeoDataFrame | None = None


# ---------------------------------------------------------------- reading the bytes

def _geo_problem(spec: DatasetSpec, filename: str, zh: str, en: str, **kw: object) -> DataLoadError:
    return DataLoadError([_problem(spec, filename, zh, en, **kw)])  # type: ignore[arg-type]


def _read_geojson(spec: DatasetSpec, filename: str, data: bytes) -> gpd.GeoDataFrame:
    try:
        content = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise _geo_problem(spec, filename, "不是有效的 GeoJSON 文件(内容不是 UTF-8 JSON)",
                           "not a valid GeoJSON file (the content is not UTF-8 JSON)") from exc
    if not isinstance(content, dict) or content.get("type") not in ("FeatureCollection", "Feature"):
        raise _geo_problem(spec, filename, "不是 GeoJSON 要素集合(缺少 \"type\": \"FeatureCollection\")",
                           "not a GeoJSON FeatureCollection (no \"type\": \"FeatureCollection\")")
    if content.get("type") == "FeatureCollection" and not content.get("features"):
        raise _geo_problem(spec, filename, "文件没有要素", "the file has no features")
    try:
        return gpd.read_file(io.BytesIO(data))
    except Exception as exc:
        raise _geo_problem(spec, filename, f"无法读取为 GeoJSON:{type(exc).__name__}",
                           f"cannot be read as GeoJSON: {type(exc).__name__}") from exc


def _read_zipped_shapefile(spec: DatasetSpec, filename: str, data: bytes) -> gpd.GeoDataFrame:
    if not data.startswith(b"PK\x03\x04") or not zipfile.is_zipfile(io.BytesIO(data)):
        raise _geo_problem(spec, filename, "不是有效的 ZIP 文件", "not a valid ZIP file")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        members = [i for i in archive.infolist() if not i.is_dir() and not i.filename.startswith("__MACOSX/")]
        if sum(i.file_size for i in members) > MAX_UNZIPPED_BYTES:
            raise _geo_problem(spec, filename, f"解压后超过 {MAX_UNZIPPED_BYTES // 1024 // 1024} MB",
                               f"more than {MAX_UNZIPPED_BYTES // 1024 // 1024} MB once unzipped")
        names = [i.filename for i in members]
    shps = [n for n in names if n.lower().endswith(".shp")]
    if not shps:
        raise _geo_problem(spec, filename, "ZIP 中没有 Shapefile(.shp 文件)", "the ZIP holds no Shapefile (.shp file)")
    if len(shps) > 1:
        raise _geo_problem(spec, filename, f"ZIP 中有多个 Shapefile({', '.join(shps)}),每次只能上传一个",
                           f"the ZIP holds more than one Shapefile ({', '.join(shps)}); upload one at a time")
    stem = shps[0][:-4]
    lower = {n.lower() for n in names}
    missing = [ext for ext in (".shx", ".dbf") if (stem + ext).lower() not in lower]
    if missing:
        raise _geo_problem(spec, filename, f"Shapefile 缺少 {'、'.join(missing)} 文件", f"the Shapefile lacks its {', '.join(missing)} file")
    has_cpg = (stem + ".cpg").lower() in lower
    with tempfile.TemporaryDirectory(prefix="geo-upload-") as folder:
        path = Path(folder) / "upload.zip"
        path.write_bytes(data)
        try:
            if has_cpg:
                return gpd.read_file(f"/vsizip/{path}/{PurePosixPath(shps[0])}")
            # no .cpg: the text's bytes as read, then UTF-8 or else GB18030 (GBK), as Chinese Windows saves it
            geo = gpd.read_file(f"/vsizip/{path}/{PurePosixPath(shps[0])}", encoding="latin1")
            geo.columns = [_dbf_text(c) if c != geo.geometry.name else c for c in geo.columns]
            for column in geo.columns.drop(geo.geometry.name):
                geo[column] = geo[column].astype(object).map(lambda v: _dbf_text(v) if isinstance(v, str) else v)
            return geo
        except Exception as exc:
            raise _geo_problem(spec, filename, f"Shapefile 已损坏,无法读取:{type(exc).__name__}",
                               f"the Shapefile is damaged and cannot be read: {type(exc).__name__}") from exc


def _dbf_text(text: str) -> str:
    raw = text.encode("latin1")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("gb18030", errors="replace")


def read_geo_raw(spec: DatasetSpec, filename: str, data: bytes) -> gpd.GeoDataFrame:
    """The file's features as read (in its own CRS); raise DataLoadError when too big, empty or not what it claims."""
    size_mb = len(data) / 1024 / 1024
    if len(data) > MAX_GEO_BYTES:
        raise _geo_problem(spec, filename, f"文件过大({size_mb:.1f} MB),上限 {MAX_GEO_BYTES // 1024 // 1024} MB",
                           f"the file is too large ({size_mb:.1f} MB); the limit is {MAX_GEO_BYTES // 1024 // 1024} MB")
    if not data.strip():
        raise _geo_problem(spec, filename, "文件为空", "the file is empty")
    suffix = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    if suffix in ("geojson", "json"):
        geo = _read_geojson(spec, filename, data)
    elif suffix == "zip":
        geo = _read_zipped_shapefile(spec, filename, data)
    else:
        raise _geo_problem(spec, filename, "边界数据只接受 .geojson、.json 或 .zip(压缩的 Shapefile)文件",
                           "boundaries accept only .geojson, .json or .zip (a zipped Shapefile) files")
    if geo.empty:
        raise _geo_problem(spec, filename, "文件没有要素", "the file has no features")
    return geo.reset_index(drop=True)


# ---------------------------------------------------------------- geometries

def _round(geometry: shapely.Geometry) -> shapely.Geometry:
    return shapely.transform(geometry, lambda xy: np.round(xy, DECIMALS))


def _shape_problems(spec: DatasetSpec, filename: str, geo: gpd.GeoSeries) -> tuple[list[DataProblem], pd.Series]:
    """Missing, non-polygon and invalid geometries, by feature number; and the mask of the good ones."""
    problems: list[DataProblem] = []
    good = pd.Series(True, index=geo.index)
    for index, geometry in geo.items():
        number = int(index) + 1
        if geometry is None or geometry.is_empty:
            problems.append(_problem(spec, filename, "几何图形为空", "the geometry is empty", row=number, column="geometry"))
        elif geometry.geom_type not in ("Polygon", "MultiPolygon"):
            problems.append(_problem(spec, filename, "应为面(Polygon 或 MultiPolygon)", "expected a Polygon or MultiPolygon",
                                     row=number, column="geometry", value=geometry.geom_type))
        elif not geometry.is_valid:
            reason = shapely.is_valid_reason(geometry)
            problems.append(_problem(spec, filename, "几何图形无效(如自相交),请在 GIS 软件中修复后再上传",
                                     "invalid geometry (e.g. self-intersecting); repair it in a GIS tool and upload again",
                                     row=number, column="geometry", value=reason[:60]))
        else:
            continue
        good[index] = False
    return problems, good


def _declared_degrees_hold_metres(geo: gpd.GeoSeries, good: pd.Series) -> tuple[float, float] | None:
    """A coordinate that cannot be degrees in a file read as longitude/latitude, or None."""
    bounds = geo[good].bounds
    if bounds.empty:
        return None
    x = bounds[["minx", "maxx"]].abs().max(axis=1)
    y = bounds[["miny", "maxy"]].abs().max(axis=1)
    too_big = ~(((x <= 180) & (y <= 90)) | ((x <= 90) & (y <= 180)))  # neither lon/lat nor lat/lon (swapped) degrees
    if not too_big.any():
        return None
    first = bounds[too_big].iloc[0]
    return float(first["minx"]), float(first["miny"])


def to_wgs84(spec: DatasetSpec, filename: str, geo: gpd.GeoDataFrame, good: pd.Series,
             gcj02: bool) -> tuple[gpd.GeoSeries | None, list[DataProblem]]:
    """The geometries in WGS84 lon/lat; or None and the problem when the CRS is wrong."""
    crs = geo.crs
    series = geo.geometry
    if crs is None or crs.is_geographic:
        declared_zh = f"文件声明的坐标系是 {crs.to_string()}" if crs is not None else "文件未声明坐标系(视为 WGS84)"
        declared_en = f"the file declares {crs.to_string()}" if crs is not None else "the file declares no CRS (read as WGS84)"
        if (xy := _declared_degrees_hold_metres(series, good)) is not None:
            value = f"{xy[0]:.0f}, {xy[1]:.0f}"
            return None, [_problem(
                spec, filename,
                f"坐标不是经纬度(数值像是米),但{declared_zh}。请提供正确的坐标系(.prj 或 GeoJSON 的 crs),或导出为 WGS84 经纬度",
                f"the coordinates are not degrees (they look like metres), yet {declared_en}; "
                "give its real CRS (.prj, or the GeoJSON crs) or export it as WGS84 longitude/latitude",
                column="geometry", value=value)]
        if crs is not None and not crs.equals("EPSG:4326") and not crs.equals("OGC:CRS84"):
            series = series.to_crs("EPSG:4326")
    else:
        try:
            series = series.to_crs("EPSG:4326")
        except Exception:
            return None, [_problem(spec, filename, f"无法从坐标系 {crs.to_string()} 转换为 WGS84",
                                   f"cannot convert from the CRS {crs.to_string()} to WGS84", column="geometry")]
    if gcj02:
        series = series.copy()
        series[good] = shapely.transform(series[good].to_numpy(), gcj02_to_wgs84)
    return gpd.GeoSeries(series.to_numpy(), index=geo.index, crs="EPSG:4326"), []


def _place_problems(spec: DatasetSpec, filename: str, geo: gpd.GeoSeries, good: pd.Series) -> list[DataProblem]:
    """Features outside Sichuan, and features that stop being valid at the written precision (~1 m)."""
    problems: list[DataProblem] = []
    bounds = geo.bounds
    for index in geo[good].index:
        minx, miny, maxx, maxy = bounds.loc[index]
        number = int(index) + 1
        if SICHUAN_LAT[0] <= minx and maxx <= SICHUAN_LAT[1] and SICHUAN_LON[0] <= miny and maxy <= SICHUAN_LON[1]:
            problems.append(_problem(spec, filename, "经纬度顺序写反了:GeoJSON 坐标应先写经度、后写纬度",
                                     "longitude and latitude are swapped: GeoJSON gives the longitude first",
                                     row=number, column="geometry", value=f"{minx:.4f}, {miny:.4f}"))
        elif not (SICHUAN_LON[0] <= minx and maxx <= SICHUAN_LON[1] and SICHUAN_LAT[0] <= miny and maxy <= SICHUAN_LAT[1]):
            problems.append(_problem(
                spec, filename,
                f"不在四川省范围内(经度 {SICHUAN_LON[0]:g}–{SICHUAN_LON[1]:g},纬度 {SICHUAN_LAT[0]:g}–{SICHUAN_LAT[1]:g});请检查坐标系",
                f"outside Sichuan (longitude {SICHUAN_LON[0]:g}–{SICHUAN_LON[1]:g}, latitude "
                f"{SICHUAN_LAT[0]:g}–{SICHUAN_LAT[1]:g}); check the CRS",
                row=number, column="geometry", value=f"{minx:.4f}–{maxx:.4f}, {miny:.4f}–{maxy:.4f}"))
        elif not _round(geo[index]).is_valid:
            problems.append(_problem(spec, filename, "保留 5 位小数(约 1 米)后几何图形无效,请简化或修复",
                                     "the geometry becomes invalid at 5 decimals (about 1 m); simplify or repair it",
                                     row=number, column="geometry"))
    return problems


# ---------------------------------------------------------------- properties and references

DBF_NAME_BYTES = 10


def untruncate_headers(spec: DatasetSpec, columns: list[str]) -> dict[str, str]:
    """Shapefile (.dbf) field names cut to 10 bytes ('illustrati'), mapped back to the one column they can be."""
    mapping = header_map(spec)
    renamed: dict[str, str] = {}
    for header in columns:
        key = name_key(header)
        if key in mapping or len(key.encode("utf-8")) < DBF_NAME_BYTES - 2:
            continue
        candidates = {name for accepted, name in mapping.items() if accepted.startswith(key)}
        if len(candidates) == 1:
            renamed[header] = candidates.pop()
    return renamed

def _properties(spec: DatasetSpec, filename: str, geo: gpd.GeoDataFrame, towns: Mapping[str, tuple[str, str]]
                ) -> tuple[pd.DataFrame | None, list[DataProblem]]:
    raw = pd.DataFrame(geo.drop(columns=geo.geometry.name)).astype("object")
    raw = raw.map(lambda v: None if v is None or (not isinstance(v, str) and pd.isna(v)) else cell_text(v))
    raw = raw.map(lambda v: v.strip() if isinstance(v, str) else v)
    raw = raw.rename(columns=untruncate_headers(spec, [str(c) for c in raw.columns]))
    frame, problems = map_headers(spec, filename, raw)
    if any(p.row is None for p in problems):
        return None, problems
    frame = frame.reset_index(drop=True)
    cleared: set[tuple[int | None, str | None]] = set()
    if spec.name != "towns" and "town_code" in frame:  # villages name their town by code or by name
        resolved, problems = resolve_places(spec, filename, frame[["town_code"]], Places(dict(towns), {}), first_row=1)
        frame["town_code"] = resolved["town_code"]
        cleared = {(p.row, p.column) for p in problems}
    try:
        typed = parse_frame(spec, frame.astype("object").where(frame.notna(), None), first_row=1)
    except DataLoadError as err:
        problems += [DataProblem(p.dataset, filename, p.row, p.column, p.value, p.expected_zh, p.expected_en)
                     for p in err.problems if (p.row, p.column) not in cleared]
        return None, problems
    return typed, problems


def reference_problems(spec: DatasetSpec, filename: str, codes: set[str], current: DataBundle) -> list[DataProblem]:
    """Codes the other datasets use that the new boundaries no longer hold: one problem per code."""
    column = OWN_CODE.get(spec.name)
    if column is None:
        return []
    users: dict[str, list[tuple[DatasetSpec, int]]] = {}
    for other in DATASETS:
        counts = None if other.name == spec.name else current.code_counts(other.name, column)
        if counts is None:
            continue
        for code, count in counts[~counts.index.isin(codes)].items():
            users.setdefault(str(code), []).append((other, int(count)))
    problems = []
    for code, uses in sorted(users.items()):
        zh = "、".join(f"{o.zh} {n} 行" for o, n in uses)
        en = ", ".join(f"{o.en} ({n} rows)" for o, n in uses)
        problems.append(_problem(spec, filename, f"上传的边界中没有此代码,但其他数据仍在使用:{zh}。请先更新这些数据,或保留此要素",
                                 f"this code is missing from the upload but the other data still use it: {en}; "
                                 "update those first, or keep this feature", column=column, value=code))
    return problems


# ---------------------------------------------------------------- the whole check, and the plan

def read_geo_upload(spec: DatasetSpec, filename: str, data: bytes, current: DataBundle,
                    gcj02: bool = False) -> GeoUploadCheck:
    """Read and check an uploaded boundary file of `spec` against the `current` data."""
    if not spec.geometry:
        raise ValueError(f"{spec.name} is a table dataset; use lib.data.upload.read_upload")
    try:
        geo = read_geo_raw(spec, filename, data)
    except DataLoadError as err:
        return GeoUploadCheck(err.problems)
    declared = geo.crs.to_string() if geo.crs is not None else None
    flattened = bool(shapely.has_z(geo.geometry.to_numpy()).any())
    if flattened:
        geo = geo.set_geometry(shapely.force_2d(geo.geometry.to_numpy()), crs=geo.crs)
    towns = {str(r.town_code): (str(r.town_zh), str(r.town_en)) for r in current["towns"].itertuples()}
    props, problems = _properties(spec, filename, geo, towns)
    shape_problems, good = _shape_problems(spec, filename, geo.geometry)
    problems += shape_problems
    wgs, crs_problems = to_wgs84(spec, filename, geo, good, gcj02)
    problems += crs_problems
    if wgs is not None:
        problems += _place_problems(spec, filename, wgs, good)
    if not problems and props is not None and wgs is not None:
        codes = set(props[spec.key_columns[0]].astype(str))
        problems += reference_problems(spec, filename, codes, current)
    if problems:
        problems.sort(key=lambda p: (p.row or 0, p.column or ""))
        return GeoUploadCheck(problems[:MAX_PROBLEMS], crs=declared, flattened=flattened)
    assert props is not None and wgs is not None
    result = gpd.GeoDataFrame(props.reset_index(drop=True), geometry=wgs.reset_index(drop=True).to_numpy(), crs="EPSG:4326")
    return GeoUploadCheck([], result, declared, flattened)


def plan_geo_change(spec: DatasetSpec, current: pd.DataFrame, incoming: gpd.GeoDataFrame) -> GeoChangePlan:
    """Replacing the boundaries with `incoming`: codes added, replaced (present before and after), removed."""
    key = spec.key_columns[0]
    old, new = set(current[key].astype(str)), set(incoming[key].astype(str))
    return GeoChangePlan(sorted(new - old), sorted(new & old), sorted(old - new), incoming.reset_index(drop=True))
