"""Incidents, one row per case: seasonal, clustered at night on Dongpo Island, with telecom fraud rising,
towns that differ, the district's published 2020 results reproduced exactly and the years before calibrated to
lead up to them (lib/data/demo/history.py).

Counting rules the published figures follow (and lib.metrics.crime computes):
incident counts and patrol results go by the year reported; case results (solved cases, suspects,
gangs broken up, losses recovered, assets seized) go by the year solved.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from lib.data import codes as C
from lib.data.demo.allocate import pick, split_capped, split_total
from lib.data.demo.geography import Geography, METRIC_CRS
from lib.data.demo.history import History, history_of
from lib.data.demo.settings import AS_OF, DEMO_START, PUBLISHED_2020, rng_for

DAY = np.timedelta64(1, "D")
HOUR_PROFILES = {  # relative frequency by hour of day, 0..23
    "day": np.array([1, 1, 1, 1, 1, 2, 3, 5, 7, 9, 10, 10, 9, 9, 10, 10, 9, 8, 7, 6, 5, 4, 2, 1], float),
    "night": np.array([8, 7, 5, 3, 2, 1, 1, 2, 3, 3, 3, 3, 3, 3, 3, 4, 4, 5, 7, 9, 10, 11, 11, 10], float),
    "flat": np.ones(24),
}


@dataclass(frozen=True)
class TypeModel:
    share: float  # share of the 2016 volume
    yearly: float  # growth factor per year
    hours: str  # HOUR_PROFILES key
    summer: float  # extra July-August weight
    solve_rate: float
    mean_delay_days: float  # reported to solved
    hot_share: float  # share near the urban hot spots (the rest spread by population)
    loss_median: float  # yuan; 0 when no loss


MODELS: dict[str, TypeModel] = {
    "telecom_fraud": TypeModel(0.090, 1.32, "day", 0.0, 0.18, 45, 0.05, 12_000),
    "vehicle_theft": TypeModel(0.170, 0.86, "night", 0.25, 0.35, 20, 0.35, 2_500),
    "burglary": TypeModel(0.120, 0.93, "night", 0.15, 0.32, 30, 0.20, 5_000),
    "pickpocket": TypeModel(0.070, 0.95, "day", 0.30, 0.40, 10, 0.70, 1_200),
    "other_theft": TypeModel(0.220, 0.97, "day", 0.20, 0.30, 15, 0.45, 1_500),
    "robbery": TypeModel(0.030, 0.85, "night", 0.10, 0.75, 12, 0.50, 3_000),
    "assault": TypeModel(0.080, 0.98, "night", 0.25, 0.85, 6, 0.45, 0),
    "homicide": TypeModel(0.003, 1.00, "night", 0.00, 0.97, 8, 0.20, 0),
    "drugs": TypeModel(0.030, 1.00, "night", 0.05, 1.00, 0, 0.50, 0),
    "other": TypeModel(0.130, 1.00, "flat", 0.05, 0.55, 20, 0.25, 800),
}
# Types found by investigation, filed when solved: a fixed number of cases per year.
FIXED_PER_YEAR = {
    "vice": {2016: 190, 2017: 205, 2018: 240, 2019: 228, 2020: PUBLISHED_2020["vice_cases_solved"], 2021: 41},
    "gang": {2016: 1, 2017: 2, 2018: 7, 2019: 9, 2020: 6, 2021: 1},
    "card_trafficking": {2019: 2, 2020: 3, 2021: 2},
}
STREET_TYPES = ["vehicle_theft", "pickpocket", "other_theft", "robbery", "assault"]
NIGHT_ISLAND_TYPES = ["pickpocket", "other_theft", "assault", "robbery"]
SPRING_FESTIVAL_DIP = np.array([0.9, 0.85, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1.05])
BIG_FRAUD_FROM = {2020: date(2020, 5, 15)}  # the "5.15" case; the other years' network cases from 1 March
PROPERTY_TYPES = C.crime_types_in_group("property")


def _fixed_per_year(P: dict[str, int]) -> dict[str, dict[int, int]]:
    """The cases filed when solved, each year: vice scaled to the county's 2020 figure (exact in 2020)."""
    scale = P["vice_cases_solved"] / PUBLISHED_2020["vice_cases_solved"]
    vice = {year: P["vice_cases_solved"] if year == 2020 else round(n * scale) for year, n in FIXED_PER_YEAR["vice"].items()}
    return {**FIXED_PER_YEAR, "vice": vice}


def _days() -> np.ndarray:
    return np.arange(np.datetime64(DEMO_START), np.datetime64(AS_OF) + DAY, DAY)


def _daily_rate(days: np.ndarray, model: TypeModel, base_per_day: float) -> np.ndarray:
    years = days.astype("datetime64[Y]").astype(int) + 1970
    months = days.astype("datetime64[M]").astype(int) % 12
    weekday = (days.astype("datetime64[D]").astype(int) + 3) % 7  # 0 = Monday
    season = SPRING_FESTIVAL_DIP[months] * (1 + model.summer * np.isin(months, [6, 7]))
    weekend = np.where(weekday >= 5, 1.1, 1.0)
    return base_per_day * model.share * model.yearly ** (years - DEMO_START.year) * season * weekend


def _fixed_days(rng: np.random.Generator, days: np.ndarray, per_year: dict[int, int]) -> np.ndarray:
    years = days.astype("datetime64[Y]").astype(int) + 1970
    chosen = [np.sort(rng.choice(days[years == y], n)) for y, n in per_year.items()]
    return np.concatenate(chosen) if chosen else np.array([], dtype="datetime64[D]")


def _skeleton(rng: np.random.Generator, size: int, fixed_per_year: dict[str, dict[int, int]]) -> pd.DataFrame:
    """Report day and crime type of every incident: at least `size` in all (the Poisson draw's expected
    total is set 4 standard deviations above `size`)."""
    days = _days()
    fixed = sum(sum(per_year.values()) for per_year in fixed_per_year.values())
    unit_total = sum(_daily_rate(days, model, 1.0).sum() for model in MODELS.values())
    wanted = max(size - fixed, 0)
    base_per_day = (wanted + 4 * np.sqrt(wanted)) / unit_total
    parts = []
    for code, model in MODELS.items():
        counts = rng.poisson(_daily_rate(days, model, base_per_day))
        parts.append(pd.DataFrame({"day": np.repeat(days, counts), "crime_type": code}))
    for code, per_year in fixed_per_year.items():
        parts.append(pd.DataFrame({"day": _fixed_days(rng, days, per_year), "crime_type": code}))
    return pd.concat(parts, ignore_index=True)


def _times(rng: np.random.Generator, frame: pd.DataFrame) -> np.ndarray:
    hours = np.zeros(len(frame), dtype=int)
    for code in frame["crime_type"].unique():
        rows = np.flatnonzero(frame["crime_type"].to_numpy() == code)
        profile = HOUR_PROFILES[MODELS[code].hours if code in MODELS else "flat"]
        hours[rows] = rng.choice(24, len(rows), p=profile / profile.sum())
    minutes = rng.integers(0, 60, len(frame))
    return frame["day"].to_numpy().astype("datetime64[m]") + hours * np.timedelta64(60, "m") + minutes * np.timedelta64(1, "m")


def _locations(rng: np.random.Generator, frame: pd.DataFrame, geo: Geography) -> np.ndarray:
    """Metric x, y of each incident: hot spots for street crime, Dongpo Island at summer nights, else by population."""
    n = len(frame)
    types = frame["crime_type"].to_numpy()
    hot_share = np.array([MODELS[t].hot_share if t in MODELS else 0.3 for t in types])
    hours = frame["reported_at"].dt.hour.to_numpy()
    months = frame["reported_at"].dt.month.to_numpy()
    island_night = np.isin(types, NIGHT_ISLAND_TYPES) & ((hours >= 19) | (hours <= 1)) & np.isin(months, [5, 6, 7, 8, 9, 10])
    on_island = island_night & (rng.random(n) < 0.45)
    hot = ~on_island & (rng.random(n) < hot_share)

    night_spot, city_centre = geo.county.night_spot, geo.county.centre
    metric = gpd.GeoSeries.from_xy([night_spot[0], city_centre[0]], [night_spot[1], city_centre[1]], crs="EPSG:4326").to_crs(METRIC_CRS)
    island, centre = np.array(metric.iloc[0].coords[0]), np.array(metric.iloc[1].coords[0])
    towns = geo.towns
    seats = towns[["seat_x", "seat_y"]].to_numpy()
    hot_centres = np.vstack([centre, seats])
    hot_weights = np.concatenate([[6.0], towns["crime_risk"].to_numpy() * towns["population"].to_numpy() / 1e5])
    xy = np.empty((n, 2))
    xy[on_island] = island + rng.normal(0, 220, (on_island.sum(), 2))
    which = rng.choice(len(hot_centres), hot.sum(), p=hot_weights / hot_weights.sum())
    xy[hot] = hot_centres[which] + rng.normal(0, 900, (hot.sum(), 2))

    spread = ~(on_island | hot)
    villages = geo.villages.to_crs(METRIC_CRS)
    risk = villages["town_code"].map(towns.set_index("town_code")["crime_risk"]).to_numpy()
    weights = villages["population"].to_numpy() * risk
    chosen = rng.choice(len(villages), spread.sum(), p=weights / weights.sum())
    spread_rows = np.flatnonzero(spread)
    for v in np.unique(chosen):
        rows = spread_rows[chosen == v]
        xy[rows] = _points_in(rng, villages.geometry.iloc[v], len(rows))
    outside = ~shapely.contains_xy(geo.outline_metric, xy[:, 0], xy[:, 1])
    if outside.any():  # a hot-spot scatter that fell outside the district: move it to the urban core
        xy[outside] = _points_in(rng, geo.towns.to_crs(METRIC_CRS).geometry.iloc[0], outside.sum())
    return xy


def _points_in(rng: np.random.Generator, polygon: shapely.Geometry, n: int) -> np.ndarray:
    minx, miny, maxx, maxy = polygon.bounds
    found = np.empty((0, 2))
    while len(found) < n:
        xy = rng.uniform((minx, miny), (maxx, maxy), (max(2 * n, 16), 2))
        found = np.vstack([found, xy[shapely.contains_xy(polygon, xy[:, 0], xy[:, 1])]])
    return found[:n]


def _place(frame: pd.DataFrame, xy: np.ndarray, geo: Geography) -> pd.DataFrame:
    """Village and town of each point, and its WGS84 coordinates."""
    villages = geo.villages.to_crs(METRIC_CRS)
    tree = shapely.STRtree(villages.geometry.values)
    points = shapely.points(xy)
    point_idx, village_idx = tree.query(points, predicate="intersects")
    first = pd.Series(village_idx).groupby(point_idx).first()
    nearest = tree.nearest(points)  # on a border gap after rounding: the nearest village
    owner = nearest.copy()
    owner[first.index.to_numpy()] = first.to_numpy()
    frame["village_code"] = villages["village_code"].to_numpy()[owner]
    frame["town_code"] = villages["town_code"].to_numpy()[owner]
    lonlat = gpd.GeoSeries(points, crs=METRIC_CRS).to_crs("EPSG:4326")
    frame["lon"] = lonlat.x.round(5).to_numpy()
    frame["lat"] = lonlat.y.round(5).to_numpy()
    return frame


def _year(values: pd.Series) -> np.ndarray:
    return values.dt.year.to_numpy()


def _rate_2021(history: History, figure: str, cases: np.ndarray, years: np.ndarray) -> int:
    """The 2021 (year to date) total of `figure`: 2020's total at 2020's rate per case, over 2021's cases."""
    in_2020 = int((cases & (years == 2020)).sum())
    return round(history.results[figure][2020] * int((cases & (years == AS_OF.year)).sum()) / max(in_2020, 1))


def _targets(history: History, figure: str, cases: np.ndarray, years: np.ndarray) -> dict[int, int]:
    """Every year's exact total of `figure` over the `cases` (a mask) of each year."""
    return {**history.results[figure], AS_OF.year: _rate_2021(history, figure, cases, years)}


def _resolve(rng: np.random.Generator, frame: pd.DataFrame, history: History) -> pd.DataFrame:
    """Status, solve day, discovery channel; every year's patrol stops and transfers exact."""
    n = len(frame)
    types = frame["crime_type"].to_numpy()
    reported_year = _year(frame["reported_at"])
    solve_rate = np.array([MODELS[t].solve_rate if t in MODELS else 1.0 for t in types])
    mean_delay = np.array([MODELS[t].mean_delay_days if t in MODELS else 0.0 for t in types])
    discovery = np.where(types == "telecom_fraud", rng.choice(["call_110", "walk_in", "online"], n, p=[0.4, 0.3, 0.3]),
                         rng.choice(["call_110", "walk_in", "online"], n, p=[0.62, 0.3, 0.08]))
    discovery = np.where(np.isin(types, ["vice", "gang", "card_trafficking", "drugs"]), "investigation", discovery).astype(object)

    for kind, pool in (("patrol_stop", np.isin(types, STREET_TYPES)), ("admin_transfer", np.isin(types, ["other", "drugs"]))):
        figure = "patrol_stops" if kind == "patrol_stop" else "admin_transfers"
        for year, total in _targets(history, figure, pool, reported_year).items():
            rows = np.flatnonzero(pool & (reported_year == year))
            discovery[rows[pick(rng, len(rows), total)]] = kind

    solved = (rng.random(n) < solve_rate) | (discovery == "patrol_stop")
    delay = np.where(discovery == "patrol_stop", 0, np.round(rng.exponential(np.maximum(mean_delay, 1e-9))))
    delay = np.where(types == "homicide", np.minimum(delay, 60), delay)
    solved_on = frame["reported_at"].dt.floor("D").to_numpy() + delay.astype(int) * DAY
    solved &= solved_on <= np.datetime64(AS_OF)

    # Murders from the early years, solved as cold cases years later (the earliest of their year first).
    taken: set[int] = set()
    for year, day in history.cold_cases:
        case = next(i for i in np.flatnonzero((types == "homicide") & (reported_year == year)) if i not in taken)
        taken.add(case)
        solved[case] = True
        solved_on[case] = np.datetime64(day)
    frame["discovery"] = discovery
    frame["status"] = np.where(solved, "solved", "reported")
    frame["solved_on"] = pd.Series(np.where(solved, solved_on, np.datetime64("NaT")), index=frame.index).astype("datetime64[ns]")
    return frame


def _losses(rng: np.random.Generator, frame: pd.DataFrame, history: History) -> tuple[np.ndarray, dict[int, int]]:
    """Each incident's loss, and each year's telecom-fraud network case (year -> its row)."""
    medians = np.array([MODELS[t].loss_median if t in MODELS else 0 for t in frame["crime_type"]])
    loss = np.where(medians > 0, np.round(rng.lognormal(np.log(np.maximum(medians, 1)), 1.0) / 10) * 10, 0)
    fraud = (frame["crime_type"] == "telecom_fraud").to_numpy()
    solved_year = frame["solved_on"].dt.year.to_numpy()
    big = {}
    for year, (amount, _) in history.big_fraud.items():
        since = BIG_FRAUD_FROM.get(year, date(year, 3, 1))
        big[year] = int(np.flatnonzero(fraud & (solved_year == year) & (frame["reported_at"] >= datetime.combine(since, datetime.min.time())).to_numpy())[0])
        loss[big[year]] = amount
    return loss.astype(np.int64), big


def _results(rng: np.random.Generator, frame: pd.DataFrame, history: History) -> pd.DataFrame:
    """Suspects, arrests, gangs, recoveries, seized assets and fugitives: every year's totals exact."""
    n = len(frame)
    types = frame["crime_type"].to_numpy()
    solved = frame["status"].to_numpy() != "reported"
    solved_year = np.where(solved, frame["solved_on"].dt.year.fillna(0).to_numpy(dtype=int), 0)
    reported_year = _year(frame["reported_at"])
    property_case, vice, gang, card = (np.isin(types, PROPERTY_TYPES), types == "vice", types == "gang",
                                       types == "card_trafficking")
    suspects = np.where(solved & ~np.isin(types, ["vice", "gang", "card_trafficking"]) & ~property_case,
                        rng.poisson(1.2, n), 0)
    arrests = rng.binomial(suspects, 0.4)
    gang_id = np.full(n, None, dtype=object)
    seized = np.zeros(n, dtype=np.int64)
    fugitives = np.zeros(n, dtype=np.int64)
    recovered = np.zeros(n, dtype=np.int64)
    status = frame["status"].to_numpy().copy()
    loss, big = _losses(rng, frame, history)

    def gangs(rows: np.ndarray, count: int, tag: str, year: int) -> None:
        """`count` gangs of three or so cases each, of cases solved close together."""
        count = min(count, len(rows))
        members = rows[pick(rng, len(rows), min(len(rows), count * 3))]
        sizes = split_total(rng, len(members), count, minimum=1)
        gang_id[members] = np.repeat([f"G{year}{tag}{i:02d}" for i in range(1, count + 1)], sizes)

    def each_year(figure: str, cases: np.ndarray):
        """(year, the rows of `cases` solved in it, its exact total of `figure`) for every year."""
        for year, total in _targets(history, figure, cases, solved_year).items():
            yield year, np.flatnonzero(cases & (solved_year == year)), total

    for year, rows, total in each_year("property_suspects", solved & property_case):
        suspects[rows] = split_total(rng, total, len(rows))
    for year, rows, total in each_year("property_gangs", solved & property_case):
        gangs(rows, total, "P", year)
    for year, rows, total in each_year("vice_suspects", solved & vice):
        suspects[rows] = split_total(rng, total, len(rows), minimum=1)
    for year, rows, total in each_year("vice_gangs", solved & vice):
        gangs(rows, total, "V", year)
    for year, rows, total in each_year("gang_suspects", solved & gang):
        suspects[rows] = split_total(rng, total, len(rows), minimum=1)
        gang_id[rows] = [f"G{year}H{i:02d}" for i in range(1, len(rows) + 1)]
    for year, rows, total in each_year("gang_arrests_approved", solved & gang):
        arrests[rows] = split_capped(rng, total, suspects[rows])
    for year, rows, total in each_year("gang_assets_yuan", solved & gang):
        seized[rows] = split_total(rng, total, len(rows), weights=suspects[rows])
    for year, rows, total in each_year("gang_cases_judged", solved & gang):
        status[rows[pick(rng, len(rows), total)]] = "judged"
    for year, rows, total in each_year("card_trafficking_suspects", solved & card):
        suspects[rows] = split_total(rng, total, len(rows), minimum=1)

    patrol_stop = (frame["discovery"] == "patrol_stop").to_numpy()
    for year, total in _targets(history, "patrol_fugitives", patrol_stop, reported_year).items():
        rows = np.flatnonzero(patrol_stop & (reported_year == year))
        fugitives[rows] = split_total(rng, total, len(rows))
    waited = (frame["solved_on"] - frame["reported_at"].dt.floor("D")).dt.days.fillna(0).to_numpy()
    fugitives[solved & (types == "homicide") & (waited >= 365)] = 1  # the cold cases' fugitives

    # recoveries: each year's fraud network case, then the year's other solved cases share the rest
    others = solved & ~np.isin(np.arange(n), list(big.values()))
    small_targets = {y: total - history.big_fraud[y][1] for y, total in history.results["recovered_yuan"].items()}
    in_2020 = int((others & (solved_year == 2020)).sum())
    small_targets[AS_OF.year] = round(small_targets[2020] * int((others & (solved_year == AS_OF.year)).sum()) / in_2020)
    for year, total in small_targets.items():
        rows = np.flatnonzero(others & (solved_year == year))
        recovered[rows] = split_capped(rng, total, loss[rows])
    for year, row in big.items():
        recovered[row] = history.big_fraud[year][1]
    arrests = np.minimum(arrests, suspects)

    frame["status"] = status
    frame["suspects_caught"] = suspects
    frame["arrests_approved"] = arrests
    frame["gang_id"] = gang_id
    frame["loss_yuan"] = loss
    frame["recovered_yuan"] = recovered
    frame["assets_seized_yuan"] = seized
    frame["fugitives_caught"] = fugitives
    return frame


def incidents(geo: Geography, size: int) -> pd.DataFrame:
    """At least `size` incidents (a little more) from the demo start to the as-of date, with the county's results
    year by year (lib/data/demo/history.py; 2020 exact)."""
    rng = rng_for("incidents", size)
    history = history_of(geo.county.results_2020)
    frame = _skeleton(rng, size, _fixed_per_year(geo.county.results_2020))
    frame["reported_at"] = pd.to_datetime(_times(rng, frame))
    frame = frame.sort_values(["reported_at", "crime_type"], kind="stable", ignore_index=True)
    frame = _place(frame, _locations(rng, frame, geo), geo)
    frame = _resolve(rng, frame, history)
    frame = _results(rng, frame, history)
    year = frame["reported_at"].dt.year
    frame.insert(0, "incident_id", "AJ" + year.astype(str) + (frame.groupby(year).cumcount() + 1).map("{:06d}".format))
    return frame.drop(columns="day")
