"""Every figure of the patrol coverage page for one filter state, computed from the data bundle and the incidents'
points (lib/data/incident_points.py): the page never reads the incident records.

`build_base` does the slow, filter-independent work once per data set (routes sampled in a metric
CRS, incidents projected, areas measured); `patrol_figures` answers a filter state from it.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from pyproj import Transformer

from lib.data.incident_points import IncidentPoints
from lib.data.store import DataBundle
from lib.metrics import hotspots as hs, patrol, patrol_reach as reach, patrol_time as pt
from lib.metrics.periods import Change, prior_period

METRIC_CRS = "EPSG:32648"  # UTM 48N: metres in Sichuan
MEASURES = ("incidents_per_10k", "patrol_hours_per_km2", "assistant", "hotspot_coverage")
CELL_SIZES_M = (250, 500, 1000)
DOSAGES_MIN = (5, 10, 15, 30, 60)
PER_RESIDENTS = 10_000
MAX_ROUTES = 300  # routes drawn on the map: the latest ones of the filter state
HEAT_STEP_DEG = 0.001  # incidents are summed on a ~100 m lon/lat grid for the heat layer...
MAX_HEAT_POINTS = 6000  # ...coarsened until this few points remain (map payload and draw time)
REACH_MODES = ("foot", "vehicle")


@dataclass(frozen=True)
class PatrolFilters:
    start: date
    end: date
    shift: str = "all"
    modes: tuple[str, ...] = ()  # empty = all
    teams: tuple[str, ...] = ()
    towns: tuple[str, ...] = ()
    measure: str = MEASURES[0]
    cell_m: int = hs.DEFAULT_CELL_M
    dosage_min: int = hs.DEFAULT_DOSAGE_MIN
    reach_min: int = reach.DEFAULT_REACH_MIN
    least_cell_incidents: int = 1  # a cell with fewer incidents is never a hot spot (3 in the public copy)

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


@dataclass(frozen=True)
class PatrolBase:
    """Filter-independent arrays (read-only; shared across sessions)."""

    samples: pt.RouteSamples
    sample_town: np.ndarray  # position in bundle["towns"] of each sample, -1 outside every town
    sample_village: np.ndarray  # position in bundle["villages"], -1 outside every village
    sample_day: np.ndarray  # the day (days since 1970-01-01) each sample is walked on, at an even pace
    session_minutes: np.ndarray
    incident_town: np.ndarray  # position in bundle["towns"] of each incident (-1 for none): the areas
    incident_village: np.ndarray  # position in bundle["villages"]
    heat_cells: HeatCells  # each incident's cell of the heat layer's finest grid
    incident_x: np.ndarray
    incident_y: np.ndarray
    town_area_m2: np.ndarray
    village_area_m2: np.ndarray
    towns_metric: np.ndarray  # shapely geometries, aligned with bundle["towns"]
    town_label_points: np.ndarray  # (towns, 2) lon/lat of a point inside each town, where the map writes its name
    villages_metric: np.ndarray
    post_x: np.ndarray
    post_y: np.ndarray
    incidents: IncidentKeys  # what the filters select incidents by, per incident
    stops: IncidentKeys  # the same of the incidents found by a patrol stop (with their fugitives caught)


@dataclass(frozen=True)
class HeatCells:
    """Each incident's cell on a lon/lat grid of HEAT_STEP_DEG (~100 m), as one small integer per incident (the
    lon/lat themselves are not kept: 16 bytes an incident, 160 MB at ten million)."""

    cell: np.ndarray  # int32: row * columns + column, rows counted from first_row and columns from first_column
    first_row: int  # round(lat / HEAT_STEP_DEG) of row 0
    first_column: int  # round(lon / HEAT_STEP_DEG) of column 0
    columns: int


def heat_cells(lon: np.ndarray, lat: np.ndarray, chunk: int = 1 << 20) -> HeatCells:
    """Each incident's cell of the heat layer's finest grid (the grid point nearest to it), worked out a chunk of
    incidents at a time: ten million would otherwise need some 400 MB of intermediate arrays."""
    if not len(lat):
        return HeatCells(np.zeros(0, np.int32), 0, 0, 1)

    def grid(degrees: np.ndarray) -> np.ndarray:
        return np.round(degrees / HEAT_STEP_DEG).astype(np.int64)

    first_row, first_column = int(grid(lat.min())), int(grid(lon.min()))  # rounding keeps the order
    width = int(grid(lon.max())) - first_column + 1
    height = int(grid(lat.max())) - first_row + 1
    cell = np.empty(len(lat), np.int32 if height * width < 2**31 else np.int64)
    for start in range(0, len(lat), chunk):
        part = slice(start, start + chunk)
        cell[part] = (grid(lat[part]) - first_row) * width + (grid(lon[part]) - first_column)
    return HeatCells(cell, first_row, first_column, width)


@dataclass(frozen=True)
class IncidentKeys:
    """Incidents by what the patrol filters choose them by, read once at load: no timestamps scanned per filter."""

    day: np.ndarray  # days since 1970-01-01 of the report
    night: np.ndarray  # reported in the night shift (lib/metrics/patrol_time.py)
    town: np.ndarray  # position in bundle["towns"] (-1 for none)
    fugitives: np.ndarray  # fugitives caught (0 when not recorded)
    days_ascending: bool  # the incidents are in the order they were reported (as a file usually is)

    def chosen(self, start: date, end: date, shift: str, towns: np.ndarray | None) -> np.ndarray:
        """Positions, ascending, of the incidents reported from `start` to `end` (both included), in `shift`, in the
        towns at `towns` (positions; None = every town).

        Only the rows that may fall in the period are looked at: those of its days when the incidents are in the order
        they were reported (a year of ten is a tenth of the work), else all."""
        # as the days' own type: searched for as a Python int, the whole array would be copied to int64 first
        first, last = self.day.dtype.type(_day_number(start)), self.day.dtype.type(_day_number(end))
        low, high = (int(np.searchsorted(self.day, first, "left")), int(np.searchsorted(self.day, last, "right"))) \
            if self.days_ascending else (0, len(self.day))
        day = self.day[low:high]
        wanted = (day >= first) & (day <= last)
        if shift != "all":
            night = self.night[low:high]
            wanted &= night if shift == "night" else ~night
        if towns is not None:
            wanted &= np.isin(self.town[low:high], np.asarray(towns, dtype=np.intp), kind="table")
        return low + np.flatnonzero(wanted)

    def subset(self, rows: np.ndarray) -> "IncidentKeys":
        """The keys of the incidents at `rows` (ascending positions)."""
        return IncidentKeys(self.day[rows], self.night[rows], self.town[rows], self.fugitives[rows], self.days_ascending)


def _day_number(day: date) -> int:
    return (day - date(1970, 1, 1)).days


def incident_keys(points: IncidentPoints) -> IncidentKeys:
    """The keys of every incident; only the night flag is a new array, the rest are the points' own."""
    return IncidentKeys(day=points.day, night=pt.night_hours(points.hour), town=points.town, fugitives=points.fugitives,
                        days_ascending=bool(np.all(points.day[1:] >= points.day[:-1])))


def _to_metric(lon: np.ndarray, lat: np.ndarray, chunk: int = 1 << 20) -> tuple[np.ndarray, np.ndarray]:
    """Metres in METRIC_CRS, projected a chunk at a time (pyproj copies what it is given: ten million points at once
    would cost 160 MB more)."""
    transformer = Transformer.from_crs("EPSG:4326", METRIC_CRS, always_xy=True)
    lon, lat = np.asarray(lon, dtype=float), np.asarray(lat, dtype=float)
    x, y = np.empty(len(lon)), np.empty(len(lon))
    for start in range(0, len(lon), chunk):
        part = slice(start, start + chunk)
        x[part], y[part] = transformer.transform(lon[part], lat[part])
    return x, y


def _locate(geometries: np.ndarray, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Position of the polygon containing each point, -1 for none."""
    tree = shapely.STRtree(geometries)
    point_idx, geom_idx = tree.query(shapely.points(x, y), predicate="intersects")
    out = np.full(len(x), -1, dtype=np.int32)
    out[point_idx] = geom_idx  # a point on a shared border takes one of its polygons
    return out


def town_label_points(towns: gpd.GeoDataFrame) -> np.ndarray:
    """(towns, 2) lon/lat of a point inside each town, where the map writes its name."""
    return shapely.get_coordinates(towns.geometry.representative_point().to_numpy())


def build_base(bundle: DataBundle, points: IncidentPoints) -> PatrolBase:
    """The filter-independent arrays of the patrol page, from the bundle's sessions, posts, towns and villages and
    the incidents' points (positions into the same towns and villages)."""
    sessions, posts = bundle["patrol_sessions"], bundle["posts"]
    routes = gpd.GeoSeries.from_wkt(sessions["route_wkt"].to_numpy(), crs="EPSG:4326").to_crs(METRIC_CRS).to_numpy()
    samples = pt.sample_routes(routes)
    towns = bundle["towns"].to_crs(METRIC_CRS).geometry.to_numpy()
    villages = bundle["villages"].to_crs(METRIC_CRS).geometry.to_numpy()
    ix, iy = _to_metric(points.lon, points.lat)
    px, py = _to_metric(posts["lon"].to_numpy(), posts["lat"].to_numpy())
    sample_village = _locate(villages, samples.x, samples.y)
    town_of_village = pd.Index(bundle["towns"]["town_code"].astype(str)).get_indexer(
        bundle["villages"]["town_code"].astype(str))  # villages nest in their towns
    sample_town = np.where(sample_village >= 0, town_of_village[np.maximum(sample_village, 0)], -1).astype(np.int32)
    minutes = pt.session_minutes(sessions)
    keys = incident_keys(points)
    return PatrolBase(
        samples=samples, sample_town=sample_town, sample_village=sample_village,
        sample_day=pt.sample_days(samples, sessions["start_at"].to_numpy(), minutes), session_minutes=minutes,
        incident_town=points.town, incident_village=points.village, heat_cells=heat_cells(points.lon, points.lat),
        incident_x=ix, incident_y=iy,
        town_area_m2=shapely.area(towns), village_area_m2=shapely.area(villages),
        towns_metric=towns, villages_metric=villages, post_x=px, post_y=py,
        town_label_points=town_label_points(bundle["towns"]),
        incidents=keys, stops=keys.subset(np.flatnonzero(points.patrol_stop)),
    )


@dataclass(frozen=True)
class Reach:
    """Per mode: the reach area (metric) of every post in N minutes, and which incidents lie in it."""

    minutes: int
    areas: dict[str, shapely.Geometry]
    areas_wgs84: dict[str, shapely.Geometry]  # simplified to ~20 m, for drawing
    incident_inside: dict[str, np.ndarray]


def post_reach(base: PatrolBase, minutes: int) -> Reach:
    areas = {m: reach.reach_area(base.post_x, base.post_y, reach.reach_distance_m(m, minutes)) for m in REACH_MODES}
    inside = {m: reach.within(area, base.incident_x, base.incident_y) for m, area in areas.items()}
    drawn = gpd.GeoSeries(list(areas.values()), crs=METRIC_CRS).simplify(20).to_crs("EPSG:4326").to_numpy()
    return Reach(minutes, areas, dict(zip(areas, drawn)), inside)


@dataclass(frozen=True)
class PatrolFigures:
    filters: PatrolFilters
    level: str  # "town" or "village": the areas of the choropleth
    patrol_hours: float
    hours: pd.DataFrame  # team_kind, mode, shift, hours
    incidents: int  # incidents in the filter state
    hotspots: pd.DataFrame  # rank, ix, iy, incidents, visits, visit_days, day_share, covered, lon, lat, town_code,
    # village_code (lib/metrics/hotspots.py: dosage by visit)
    covered_share: float | None
    visited_day_share: float | None  # % of hot-spot days with a counting visit
    pai: hs.Pai
    reach_share: dict[str, float | None]  # mode -> % of incidents within reach of a post
    patrol_stops: Change  # the period, and the same period a year earlier
    patrol_fugitives: Change
    assistants: patrol.Coverage  # on the as-of date, villages of the chosen towns
    assistants_complete_on: date | None
    assistant_timeline: pd.DataFrame
    areas: pd.DataFrame  # code, name columns left to the caller; the measures of each area
    heat: pd.DataFrame  # lat, lon, weight
    route_rows: np.ndarray  # positions in the sessions frame of the routes to draw
    routes_total: int
    no_assistant: pd.DataFrame


def _town_positions(towns: pd.DataFrame, chosen: tuple[str, ...]) -> np.ndarray | None:
    """Positions in `towns` of the chosen town codes; None when no town is chosen (every town)."""
    if not chosen:
        return None
    return np.flatnonzero(towns["town_code"].astype(str).isin(chosen).to_numpy())


def _results(stops: IncidentKeys, f: PatrolFilters, towns: np.ndarray | None) -> tuple[Change, Change]:
    """Incidents found by a patrol stop (lib.metrics.crime.RESULTS "patrol_stops") and the fugitives they caught,
    in the filter state and in the same period a year earlier."""
    now = stops.chosen(f.start, f.end, f.shift, towns)
    before = stops.chosen(*prior_period(f.start, f.end), f.shift, towns)
    return (Change(float(len(now)), float(len(before))),
            Change(float(stops.fugitives[now].sum()), float(stops.fugitives[before].sum())))


def _heat(cells: HeatCells, rows: np.ndarray, max_points: int = MAX_HEAT_POINTS) -> pd.DataFrame:
    """The incidents at `rows` summed on their lon/lat grid of HEAT_STEP_DEG (~100 m), its cells merged 2 x 2 until
    at most `max_points` remain; each point at its cell's grid point (of merged cells, their south-west one's)."""
    chosen = cells.cell[rows].astype(np.int64)
    grid_rows, columns = np.divmod(chosen, cells.columns)
    merged = 1
    while True:
        keys, counts = np.unique((grid_rows // merged) * cells.columns + columns // merged, return_counts=True)
        if len(keys) <= max_points:
            break
        merged *= 2
    row, column = np.divmod(keys, cells.columns)
    return pd.DataFrame({"lat": np.round((cells.first_row + row * merged) * HEAT_STEP_DEG, 5),
                         "lon": np.round((cells.first_column + column * merged) * HEAT_STEP_DEG, 5), "weight": counts})


def _place_cells(base: PatrolBase, bundle: DataBundle, cells: pd.DataFrame, cell_m: int) -> pd.DataFrame:
    """Cell centres in lon/lat and the town and village they fall in (the nearest one at the edge)."""
    cx = (cells["ix"].to_numpy() + 0.5) * cell_m
    cy = (cells["iy"].to_numpy() + 0.5) * cell_m
    lon, lat = Transformer.from_crs(METRIC_CRS, "EPSG:4326", always_xy=True).transform(cx, cy)
    village_pos = shapely.STRtree(base.villages_metric).nearest(shapely.points(cx, cy)) if len(cells) else np.array([], int)
    villages = bundle["villages"]
    return cells.assign(lon=np.round(lon, 5), lat=np.round(lat, 5),
                        village_code=villages["village_code"].astype(str).to_numpy()[village_pos],
                        town_code=villages["town_code"].astype(str).to_numpy()[village_pos])


def _areas(bundle: DataBundle, base: PatrolBase, f: PatrolFilters, incident_rows: np.ndarray,
           sample_minutes: np.ndarray, dosed: pd.DataFrame, on: date) -> tuple[str, pd.DataFrame]:
    """The choropleth's areas (towns, or the villages of the chosen towns) with every measure."""
    level = "village" if f.towns else "town"
    frame = bundle["villages" if level == "village" else "towns"]
    codes = frame[f"{level}_code"].astype(str).to_numpy()
    owner = base.sample_village if level == "village" else base.sample_town
    inside = owner >= 0
    minutes = np.bincount(owner[inside], weights=sample_minutes[inside], minlength=len(codes))
    area_km2 = (base.village_area_m2 if level == "village" else base.town_area_m2) / 1e6
    located = (base.incident_village if level == "village" else base.incident_town)[incident_rows]
    incidents = np.bincount(located[located >= 0], minlength=len(codes))
    villages = bundle["villages"]
    with_assistant = bundle["police_assistants"].loc[bundle["police_assistants"]["appointed_on"] <= pd.Timestamp(on), "village_code"]
    has = villages["village_code"].astype(str).isin(set(with_assistant.astype(str)))
    if level == "village":
        assistant_share = has.to_numpy().astype(float) * 100
    else:
        assistant_share = has.groupby(villages["town_code"].astype(str).to_numpy()).mean().reindex(codes).to_numpy() * 100
    spots = dosed.groupby(f"{level}_code")["covered"].agg(["size", "sum"]).reindex(codes)
    table = pd.DataFrame({
        "code": codes, "town_code": frame["town_code"].astype(str).to_numpy(),
        "population": frame["population"].astype(int).to_numpy(),
        "incidents": incidents,
        "patrol_hours": minutes / 60, "area_km2": area_km2, "assistant": assistant_share,
        "hotspots": spots["size"].fillna(0).astype(int).to_numpy(), "hotspots_covered": spots["sum"].fillna(0).astype(int).to_numpy(),
    })
    table["incidents_per_10k"] = table["incidents"] / table["population"] * PER_RESIDENTS
    table["patrol_hours_per_km2"] = table["patrol_hours"] / table["area_km2"]
    table["hotspot_coverage"] = (table["hotspots_covered"] / table["hotspots"].where(table["hotspots"] > 0)) * 100
    if f.towns:
        table = table[table["town_code"].isin(f.towns)].reset_index(drop=True)
    return level, table


def patrol_figures(bundle: DataBundle, base: PatrolBase, reach_of_posts: Reach, f: PatrolFilters) -> PatrolFigures:
    sessions = bundle["patrol_sessions"]
    towns, villages = bundle["towns"], bundle["villages"]

    # patrol time: each sample carries its share of its session's minutes, if the session is chosen
    chosen = pt.chosen_sessions(sessions, f.start, f.end, f.shift, list(f.modes), list(f.teams))
    sample_minutes = base.samples.share * np.where(chosen, base.session_minutes, 0.0)[base.samples.session]
    town_positions = _town_positions(towns, f.towns)
    in_towns = base.sample_town >= 0 if town_positions is None else np.isin(base.sample_town, town_positions)
    minutes_in_area = np.bincount(base.samples.session[in_towns], weights=sample_minutes[in_towns], minlength=len(sessions))

    # incidents and hot spots
    rows = base.incidents.chosen(f.start, f.end, f.shift, town_positions)
    stops, fugitives = _results(base.stops, f, town_positions)
    counts = hs.incidents_by_cell(base.incident_x[rows], base.incident_y[rows], f.cell_m)
    ranked = hs.rank_hotspots(counts[counts["incidents"] >= f.least_cell_incidents])
    cell_x, cell_y = hs.cell_of(base.samples.x, base.samples.y, f.cell_m)
    on_hot = np.flatnonzero(hs.among(hs.cell_keys(cell_x, cell_y), hs.cell_keys(ranked["ix"], ranked["iy"]))
                            & (sample_minutes > 0))
    stays = hs.visits(cell_x[on_hot], cell_y[on_hot], base.samples.session[on_hot], on_hot, sample_minutes[on_hot],
                      base.sample_day[on_hot])
    dosed = _place_cells(base, bundle, hs.dose_hotspots(ranked, stays, f.days, f.dosage_min), f.cell_m)
    study_m2 = float(base.town_area_m2.sum() if town_positions is None else base.town_area_m2[town_positions].sum())
    index = hs.pai(int(dosed["incidents"].sum()), len(rows), len(dosed) * f.cell_m**2, study_m2)

    # police assistants, on the data's as-of date, in the chosen towns
    chosen_villages = villages[villages["town_code"].astype(str).isin(f.towns)] if f.towns else villages
    assistants = bundle["police_assistants"]
    level, areas = _areas(bundle, base, f, rows, sample_minutes, dosed, bundle.as_of)

    drawn = np.flatnonzero(chosen & (minutes_in_area > 0))
    return PatrolFigures(
        filters=f, level=level, patrol_hours=float(minutes_in_area.sum() / 60),
        hours=pt.hours_by_kind(sessions, minutes_in_area), incidents=len(rows),
        hotspots=dosed, covered_share=hs.covered_share(dosed), visited_day_share=hs.visited_day_share(dosed), pai=index,
        reach_share={m: reach.share_within(inside[rows]) for m, inside in reach_of_posts.incident_inside.items()},
        patrol_stops=stops, patrol_fugitives=fugitives,
        assistants=patrol.assistant_coverage(assistants, chosen_villages, bundle.as_of),
        assistants_complete_on=patrol.assistants_complete_on(assistants, chosen_villages),
        assistant_timeline=patrol.assistant_timeline(assistants, chosen_villages),
        areas=areas, heat=_heat(base.heat_cells, rows),
        route_rows=drawn[np.argsort(sessions["start_at"].to_numpy()[drawn], kind="stable")][-MAX_ROUTES:],
        routes_total=len(drawn),
        no_assistant=patrol.villages_without_assistant(assistants, chosen_villages, bundle.as_of),
    )
