"""Illustrative towns and villages inside the district's real outline.

No public town or village boundaries exist for the district, so the demo draws them: Voronoi cells
around seed points, clipped to the real outline, so that neighbours share their borders exactly.
Names and codes of the 16 towns are real; their shapes, the villages and all populations are not.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from shapely.geometry import MultiPoint, Point
from shapely.geometry.base import BaseGeometry

from lib.data.demo.allocate import split_total
from lib.data.demo.settings import rng_for

if TYPE_CHECKING:
    from lib.data.demo.counties import CountyProfile

METRIC_CRS = "EPSG:32648"  # UTM zone 48N: metres, for distances and areas in Sichuan
CITY_CENTRE = (103.840, 30.060)  # WGS84; the urban core of the district
DONGPO_ISLAND = (103.852, 30.043)  # the riverside night-time tourist spot
GRID = 1e-5  # coordinates are written to 5 decimals (about 1 m)


@dataclass(frozen=True)
class TownSeed:
    code: str
    zh: str
    en: str
    kind: str  # subdistrict | town
    population_share: float
    crime_risk: float  # relative incident rate per resident
    villages: int


TOWNS: tuple[TownSeed, ...] = (
    TownSeed("511402001", "通惠街道", "Tonghui Subdistrict", "subdistrict", 0.150, 1.9, 9),
    TownSeed("511402002", "大石桥街道", "Dashiqiao Subdistrict", "subdistrict", 0.135, 1.7, 9),
    TownSeed("511402003", "苏祠街道", "Suci Subdistrict", "subdistrict", 0.125, 2.2, 8),
    TownSeed("511402100", "太和镇", "Taihe Town", "town", 0.052, 0.9, 17+2),
    TownSeed("511402101", "尚义镇", "Shangyi Town", "town", 0.043, 0.8, 16+2),
    TownSeed("511402102", "多悦镇", "Duoyue Town", "town", 0.040, 0.7, 15+2),
    TownSeed("511402103", "秦家镇", "Qinjia Town", "town", 0.035, 0.75, 14+2),
    TownSeed("511402104", "万胜镇", "Wansheng Town", "town", 0.038, 0.85, 15+2),
    TownSeed("511402105", "思蒙镇", "Simeng Town", "town", 0.036, 0.6, 14+2),
    TownSeed("511402106", "修文镇", "Xiuwen Town", "town", 0.044, 1.0, 16+2),
    TownSeed("511402107", "松江镇", "Songjiang Town", "town", 0.041, 0.95, 15+2),
    TownSeed("511402108", "崇礼镇", "Chongli Town", "town", 0.039, 0.8, 15+2),
    TownSeed("511402109", "富牛镇", "Funiu Town", "town", 0.033, 0.65, 13+2),
    TownSeed("511402110", "永寿镇", "Yongshou Town", "town", 0.036, 0.7, 14+2),
    TownSeed("511402111", "三苏镇", "Sansu Town", "town", 0.034, 0.9, 14+2),
    TownSeed("511402112", "复兴镇", "Fuxing Town", "town", 0.039, 0.75, 15+2),
)

_NAME_HEADS = "青白金石新双红长高永太安福兴龙凤松柏竹桂花水岷鸿华宝清乐和平顺"
_NAME_TAILS = ("桥", "林", "山", "河", "坝", "湾", "堰", "岗", "田", "塘", "园", "庙", "井", "坪", "沟", "嘴")
_PINYIN = dict(zip(_NAME_HEADS + "".join(_NAME_TAILS),
                   "qing bai jin shi xin shuang hong chang gao yong tai an fu xing long feng song bai zhu gui hua "
                   "shui min hong hua bao qing le he ping shun qiao lin shan he ba wan yan gang tian tang yuan miao "
                   "jing ping gou zui".split()))


def _random_points_in(rng: np.random.Generator, polygon: BaseGeometry, n: int) -> np.ndarray:
    minx, miny, maxx, maxy = polygon.bounds
    points = np.empty((0, 2))
    while len(points) < n:
        xy = rng.uniform((minx, miny), (maxx, maxy), size=(4 * n, 2))
        points = np.vstack([points, xy[shapely.contains_xy(polygon, xy[:, 0], xy[:, 1])]])
    return points[:n]


def _farthest_points(candidates: np.ndarray, fixed: np.ndarray, n: int) -> np.ndarray:
    """Greedily pick `n` candidates each as far as possible from the fixed and already picked points."""
    chosen = list(fixed)
    distance = np.min(np.linalg.norm(candidates[:, None, :] - np.array(chosen)[None], axis=2), axis=1)
    picked = []
    for _ in range(n):
        best = int(np.argmax(distance))
        picked.append(candidates[best])
        distance = np.minimum(distance, np.linalg.norm(candidates - candidates[best], axis=1))
    return np.array(picked)


def _voronoi_cells(points: np.ndarray, region: BaseGeometry) -> list[BaseGeometry]:
    """The Voronoi cell of each point (in the points' order), clipped to `region`."""
    cells = shapely.voronoi_polygons(MultiPoint(points), extend_to=region, ordered=True)
    return [cell.intersection(region) for cell in cells.geoms]


def _relaxed_cells(rng: np.random.Generator, region: BaseGeometry, n: int, rounds: int = 3) -> list[BaseGeometry]:
    """`n` cells of similar size covering `region` (Lloyd's relaxation of random seeds)."""
    points = _random_points_in(rng, region, n)
    for _ in range(rounds):
        cells = _voronoi_cells(points, region)
        points = np.array([(c.centroid if c.contains(c.centroid) else c.representative_point()).coords[0] for c in cells])
    return _voronoi_cells(points, region)


def _to_metric(lon: float, lat: float) -> np.ndarray:
    return np.array(gpd.GeoSeries([Point(lon, lat)], crs="EPSG:4326").to_crs(METRIC_CRS).iloc[0].coords[0])


def _village_names(rng: np.random.Generator, count: int) -> list[tuple[str, str]]:
    pairs = [(h, t) for h in _NAME_HEADS for t in _NAME_TAILS]
    chosen = rng.choice(len(pairs), size=count, replace=False)
    return [(pairs[i][0] + pairs[i][1], (_PINYIN[pairs[i][0]] + _PINYIN[pairs[i][1]]).capitalize()) for i in chosen]


def _snap(geometries: gpd.GeoSeries) -> gpd.GeoSeries:
    wgs = geometries.to_crs("EPSG:4326")
    return gpd.GeoSeries(shapely.make_valid(shapely.set_precision(wgs.values, GRID)), crs="EPSG:4326")


@dataclass(frozen=True)
class Geography:
    towns: gpd.GeoDataFrame  # WGS84, plus the generator-only columns crime_risk and seat (metric point)
    villages: gpd.GeoDataFrame  # WGS84
    outline_metric: BaseGeometry
    county: CountyProfile


def build(outline: gpd.GeoDataFrame, county: CountyProfile) -> Geography:
    rng = rng_for("geography")
    region = outline.to_crs(METRIC_CRS).geometry.union_all()
    centre = _to_metric(*county.centre)
    towns = county.towns
    urban_seeds = centre + np.array([[-1800.0, 1500.0], [2200.0, 1200.0], [300.0, -1800.0]])
    candidates = _random_points_in(rng, region.buffer(-2500), 4000)
    town_seeds = _farthest_points(candidates, np.vstack([urban_seeds, [centre]]), len(towns) - 3)
    seeds = np.vstack([urban_seeds, town_seeds])
    town_cells = _voronoi_cells(seeds, region)

    populations = split_total(rng, county.population, len(towns), minimum=1,
                              weights=np.array([t.population_share for t in towns]) * 1000)
    town_rows, village_rows, village_cells = [], [], []
    names = iter(_village_names(rng, sum(t.villages for t in towns)))
    for town, cell, population, seat in zip(towns, town_cells, populations, seeds):
        town_rows.append({"town_code": town.code, "town_zh": town.zh, "town_en": town.en, "kind": town.kind,
                          "population": int(population), "illustrative": True,
                          "crime_risk": town.crime_risk, "seat_x": seat[0], "seat_y": seat[1]})
        village_pops = split_total(rng, int(population), town.villages, minimum=800)
        suffix_zh, suffix_en, kind = ("社区", "Community", "community") if town.kind == "subdistrict" else ("村", "Village", "village")
        for number, (village_cell, village_pop) in enumerate(zip(_relaxed_cells(rng, cell, town.villages), village_pops), 1):
            zh, en = next(names)
            village_rows.append({"village_code": f"{town.code}{number:03d}", "town_code": town.code,
                                 "village_zh": zh + suffix_zh, "village_en": f"{en} {suffix_en}", "kind": kind,
                                 "population": int(village_pop), "illustrative": True})
            village_cells.append(village_cell)
    town_frame = gpd.GeoDataFrame(town_rows, geometry=_snap(gpd.GeoSeries(town_cells, crs=METRIC_CRS)))
    villages = gpd.GeoDataFrame(village_rows, geometry=_snap(gpd.GeoSeries(village_cells, crs=METRIC_CRS)))
    return Geography(town_frame, villages, region, county)


def public_towns(towns: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """The towns as written to data/: without the generator's own columns."""
    return towns.drop(columns=["crime_risk", "seat_x", "seat_y"])


def as_frame(geo: gpd.GeoDataFrame) -> pd.DataFrame:
    return pd.DataFrame(geo.drop(columns="geometry"))
