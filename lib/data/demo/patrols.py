"""Patrol sessions, posts and village police assistants.

Vehicle and foot patrols fan out from the city- and district-government posts; Dongpo Island gets
night patrols at the tourist peak; volunteer forces patrol their own towns and villages. 97 villages
have a police assistant on the as-of date and every village has one by 2021-05-31, as published.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from lib.data.demo.geography import METRIC_CRS, Geography
from lib.data.demo.settings import AS_OF, ASSISTANTS_ALL_BY, rng_for

PATROL_START = date(2019, 1, 1)
ROLLOUT_START = date(2020, 6, 1)
GOV_POSTS = {  # kind: (name_zh, name_en, metres east and north of the city centre)
    "city_gov_post": ("市政府岗亭", "City-government post", (900.0, 700.0)),
    "district_gov_post": ("区政府岗亭", "District-government post", (-1100.0, -400.0)),
}


@dataclass(frozen=True)
class PatrolPlan:
    team_kind: str
    mode: str
    per_day: float  # sessions a day on average
    start_hours: tuple[int, ...]  # possible start hours
    hours: tuple[float, float]  # duration range
    radius_m: float  # how far the loop reaches from its base
    base: str  # gov_posts | island | urban | village | seat | anywhere


PLANS: tuple[PatrolPlan, ...] = (
    PatrolPlan("police", "vehicle", 4, (8, 14, 20, 2), (2, 4), 3500, "gov_posts"),
    PatrolPlan("police", "foot", 2, (9, 15, 19), (1.5, 3), 900, "gov_posts"),
    PatrolPlan("police", "foot", 0.6, (19, 20), (3, 4), 350, "island"),
    PatrolPlan("volunteer_police", "foot", 1.2, (19, 20), (2, 4), 400, "island"),
    PatrolPlan("volunteer_police", "foot", 2, (9, 14, 19), (2, 3), 1200, "urban"),
    PatrolPlan("volunteer_police", "vehicle", 1, (10, 20), (2, 3), 3000, "urban"),
    PatrolPlan("grid_worker", "foot", 3, (8, 9, 14, 15), (1, 2), 600, "village"),
    PatrolPlan("security_guard", "foot", 1, (8, 20), (2, 4), 500, "seat"),
    PatrolPlan("taxi_driver", "vehicle", 1, (7, 12, 18, 22), (3, 6), 6000, "anywhere"),
    PatrolPlan("red_armband", "foot", 2, (8, 9, 15), (1, 2), 500, "seat"),
)


def _metric(lon: float, lat: float) -> np.ndarray:
    return np.array(gpd.GeoSeries.from_xy([lon], [lat], crs="EPSG:4326").to_crs(METRIC_CRS).iloc[0].coords[0])


def _to_lonlat(xy: np.ndarray) -> np.ndarray:
    points = gpd.GeoSeries.from_xy(xy[:, 0], xy[:, 1], crs=METRIC_CRS).to_crs("EPSG:4326")
    return np.column_stack([points.x, points.y]).round(5)


def posts(geo: Geography) -> pd.DataFrame:
    centre = _metric(*geo.county.centre)
    rows = [(kind, zh, en, centre + offset) for kind, (zh, en, offset) in GOV_POSTS.items()]
    riskiest = geo.towns.sort_values("crime_risk", ascending=False).head(4)
    rows.append(("quick_reaction", *geo.county.night_post, _metric(*geo.county.night_spot) + (120.0, 90.0)))
    rows.append(("quick_reaction", "城区快反屯警点", "City-centre quick-reaction point", centre + (-300.0, 1500.0)))
    for town in riskiest.itertuples():
        rows.append(("quick_reaction", f"{town.town_zh}快反屯警点", f"{town.town_en} quick-reaction point",
                     np.array([town.seat_x, town.seat_y]) + (250.0, -250.0)))
    for town in geo.towns.itertuples():
        rows.append(("police_station", f"{town.town_zh}派出所", f"{town.town_en} police station", np.array([town.seat_x, town.seat_y])))
    lonlat = _to_lonlat(np.array([r[3] for r in rows]))
    frame = pd.DataFrame({"post_id": [f"P{i:03d}" for i in range(1, len(rows) + 1)], "kind": [r[0] for r in rows],
                          "name_zh": [r[1] for r in rows], "name_en": [r[2] for r in rows],
                          "lon": lonlat[:, 0], "lat": lonlat[:, 1]})
    frame.insert(4, "town_code", _town_of(geo, np.array([r[3] for r in rows])))
    return frame


def _town_of(geo: Geography, xy: np.ndarray) -> np.ndarray:
    towns = geo.towns.to_crs(METRIC_CRS)
    tree = shapely.STRtree(towns.geometry.values)
    return towns["town_code"].to_numpy()[tree.nearest(shapely.points(xy))]


def _bases(rng: np.random.Generator, plan: PatrolPlan, geo: Geography, n: int) -> np.ndarray:
    centre = _metric(*geo.county.centre)
    if plan.base == "gov_posts":
        offsets = np.array([offset for _, _, offset in GOV_POSTS.values()])
        return centre + offsets[rng.integers(0, len(offsets), n)]
    if plan.base == "island":
        return np.repeat([_metric(*geo.county.night_spot)], n, axis=0)
    if plan.base == "urban":
        return centre + rng.normal(0, 1500, (n, 2))
    if plan.base == "seat":
        seats = geo.towns[["seat_x", "seat_y"]].to_numpy()
        return seats[rng.integers(0, len(seats), n)]
    region = geo.villages.to_crs(METRIC_CRS) if plan.base == "village" else None
    if region is not None:
        points = region.geometry.representative_point()
        return np.column_stack([points.x, points.y])[rng.integers(0, len(region), n)]
    minx, miny, maxx, maxy = geo.outline_metric.bounds
    xy = rng.uniform((minx, miny), (maxx, maxy), (n * 3, 2))
    inside = xy[shapely.contains_xy(geo.outline_metric, xy[:, 0], xy[:, 1])]
    return inside[:n]


def _loops(rng: np.random.Generator, bases: np.ndarray, radius: float) -> list[str]:
    """A closed loop of 7 vertices around each base, as WKT in WGS84."""
    n, k = len(bases), 7
    angles = np.sort(rng.uniform(0, 2 * np.pi, (n, k)), axis=1)
    reach = radius * rng.uniform(0.35, 1.0, (n, k))
    xy = bases[:, None, :] + np.stack([np.cos(angles) * reach, np.sin(angles) * reach], axis=2)
    xy = np.concatenate([xy, xy[:, :1]], axis=1)
    lonlat = _to_lonlat(xy.reshape(-1, 2)).reshape(n, k + 1, 2)
    return ["LINESTRING (" + ", ".join(f"{x:.5f} {y:.5f}" for x, y in line) + ")" for line in lonlat]


def patrol_sessions(geo: Geography) -> pd.DataFrame:
    rng = rng_for("patrols")
    days = pd.date_range(PATROL_START, AS_OF, freq="D")
    summer = days.month.isin([5, 6, 7, 8, 9, 10])
    frames = []
    for plan in PLANS:
        rate = plan.per_day * (np.where(summer, 1.5, 0.6) if plan.base == "island" else 1.0)
        counts = rng.poisson(rate * np.ones(len(days)))
        starts = np.repeat(days.to_numpy(), counts) + rng.choice(plan.start_hours, counts.sum()) * np.timedelta64(1, "h") \
            + rng.integers(0, 4, counts.sum()) * np.timedelta64(15, "m")
        minutes = np.round(rng.uniform(*plan.hours, counts.sum()) * 4) * 15
        bases = _bases(rng, plan, geo, counts.sum())
        frames.append(pd.DataFrame({
            "team_kind": plan.team_kind, "mode": plan.mode, "town_code": _town_of(geo, bases),
            "start_at": starts, "end_at": starts + minutes.astype(int) * np.timedelta64(1, "m"),
            "route_wkt": _loops(rng, bases, plan.radius_m),
        }))
    frame = pd.concat(frames, ignore_index=True).sort_values(["start_at", "team_kind", "mode"], kind="stable", ignore_index=True)
    frame.insert(0, "session_id", [f"XL{i:07d}" for i in range(1, len(frame) + 1)])
    return frame


def police_assistants(geo: Geography) -> pd.DataFrame:
    """Appointment day of each village's police assistant; the days after the as-of date are the plan."""
    rng = rng_for("assistants")
    villages = geo.villages.merge(geo.towns[["town_code", "crime_risk"]], on="town_code")
    priority = villages["crime_risk"].to_numpy() + rng.uniform(0, 1.5, len(villages))
    order = np.argsort(-priority, kind="stable")
    early = (AS_OF - ROLLOUT_START).days
    late = (ASSISTANTS_ALL_BY - AS_OF).days
    by_as_of = geo.county.assistants_by_as_of
    first = np.sort(rng.integers(0, early, by_as_of))
    first[-1] = early  # the 97th on the as-of day itself
    rest = np.sort(rng.integers(1, late + 1, len(villages) - by_as_of))
    rest[-1] = late  # the last on the planned completion day
    dates = [ROLLOUT_START + timedelta(days=int(d)) for d in first] + [AS_OF + timedelta(days=int(d)) for d in rest]
    frame = pd.DataFrame({"village_code": villages["village_code"].to_numpy()[order], "appointed_on": dates})
    return frame.sort_values(["appointed_on", "village_code"], ignore_index=True)
