"""The patrol coverage map (folium): choropleth of towns or villages, post reach, incident heat,
hot-spot cells, patrol routes and posts, each a layer in the layer control.

Every data-derived string goes through `inert` before it reaches a tooltip or label. Coordinates are
rounded to 5 decimals (about 1 m) and shifted to GCJ-02 when the configured tiles need it. The map names folium's
own asset URLs: whoever shows it points them at the app's served copies (lib.viz.offline_assets.localize).
"""
from __future__ import annotations

import json
from collections.abc import Mapping, Sequence

import folium
import geopandas as gpd
import jinja2
import numpy as np
import pandas as pd
import shapely
from branca.element import MacroElement
from folium.plugins import HeatMap

from lib.audience import Audience
from lib.data.codes import PATROL_MODES, POST_KINDS, TEAM_KINDS, label_of
from lib.i18n import Lang, t
from lib.metrics.hotspots import cell_bounds
from lib.metrics.patrol_view import METRIC_CRS, PatrolFigures, Reach, town_label_points
from lib.viz.basemap import TileConfig
from lib.viz.escape import inert
from lib.viz.literal_templates import compile_folium_templates_once, use_literal_templates

use_literal_templates()  # map text is not compiled again as a template: names show as written, and it is faster
compile_folium_templates_once()

MAP_HEIGHT = 620
COORD_DECIMALS = 5
PALETTES = {  # ColorBrewer, 5 classes, light to dark
    "incidents_per_10k": ("#fee5d9", "#fcae91", "#fb6a4a", "#de2d26", "#a50f15"),
    "patrol_hours_per_km2": ("#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c"),
    "assistant": ("#edf8e9", "#bae4b3", "#74c476", "#31a354", "#006d2c"),
    "hotspot_coverage": ("#edf8e9", "#bae4b3", "#74c476", "#31a354", "#006d2c"),
}
NO_VALUE_COLOR = "#d9d9d9"
TEAM_COLORS = {"police": "#1f4e9c", "volunteer_police": "#c0392b", "grid_worker": "#7b3294",
               "security_guard": "#e08214", "taxi_driver": "#2c7f6f", "red_armband": "#d6604d"}
POST_COLORS = {"city_gov_post": "#8b0000", "district_gov_post": "#8b0000", "quick_reaction": "#e6550d",
               "police_station": "#08306b"}


def _bins(values: pd.Series, measure: str) -> np.ndarray:
    """Five class edges: fixed 0-100 for the percentage measures, quantiles for the rates."""
    if measure in ("assistant", "hotspot_coverage"):
        return np.array([0, 20, 40, 60, 80, 100.0])
    known = values.dropna()
    if known.empty:  # no classes: every area is drawn and listed as "no value"
        return np.array([])
    return np.unique(np.quantile(known, np.linspace(0, 1, 6)))


def _color(value: float, edges: np.ndarray, palette: Sequence[str]) -> str:
    if pd.isna(value) or len(edges) < 2:
        return NO_VALUE_COLOR
    k = int(np.clip(np.searchsorted(edges, value, side="right") - 1, 0, len(edges) - 2))
    return palette[min(k, len(palette) - 1)] if len(edges) == 6 else palette[int(k * 4 / max(len(edges) - 2, 1))]


def _geojson(geoms: np.ndarray, tiles: TileConfig, **props: Sequence) -> dict:
    """A GeoJSON FeatureCollection of WGS84 shapely geometries (projected for the tiles) with properties."""
    drawn = shapely.transform(np.asarray(geoms, dtype=object), lambda xy: np.round(tiles.project(xy), COORD_DECIMALS))
    shapes = json.loads("[" + ",".join(shapely.to_geojson(drawn)) + "]")
    columns = {name: list(values) for name, values in props.items()}
    return {"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": shape, "properties": {name: values[i] for name, values in columns.items()}}
        for i, shape in enumerate(shapes)]}


def _latlon(lon: np.ndarray, lat: np.ndarray, tiles: TileConfig) -> np.ndarray:
    """(N, 2) lat/lon pairs for Leaflet."""
    xy = np.round(tiles.project(np.column_stack([lon, lat])), COORD_DECIMALS)
    return xy[:, ::-1]


def _fmt(value: float, decimals: int = 1) -> str:
    return "—" if pd.isna(value) else f"{value:,.{decimals}f}"


class Legend(MacroElement):
    """A legend box in the map's corner. `html` must already be escaped: it is set as innerHTML."""

    _template = jinja2.Template("""
        {% macro script(this, kwargs) %}
        (function() {
            var legend = L.control({position: 'bottomright'});
            legend.onAdd = function() {
                var div = L.DomUtil.create('div', 'pingan-legend');
                div.style.cssText = 'background:rgba(255,255,255,.92);padding:6px 8px;font:12px sans-serif;'
                    + 'line-height:18px;border-radius:4px;box-shadow:0 0 4px rgba(0,0,0,.3)';
                div.innerHTML = {{ this.html|tojson }};
                return div;
            };
            legend.addTo({{ this._parent.get_name() }});
        })();
        {% endmacro %}
    """)

    def __init__(self, html: str):
        super().__init__()
        self._name = "Legend"
        self.html = html


def _legend_html(title: str, edges: np.ndarray, palette: Sequence[str], audience: Audience) -> str:
    rows = [f"<b>{inert(title)}</b>"]
    for k in range(len(edges) - 1):
        color = palette[min(k, len(palette) - 1)] if len(edges) == 6 else palette[int(k * 4 / max(len(edges) - 2, 1))]
        rows.append(f'<i style="display:inline-block;width:14px;height:10px;background:{color};margin-right:4px"></i>'
                    f"{inert(_fmt(edges[k]))} – {inert(_fmt(edges[k + 1]))}")
    rows.append(f'<i style="display:inline-block;width:14px;height:10px;background:{NO_VALUE_COLOR};margin-right:4px"></i>'
                f"{inert(audience.t('pub.map_no_value' if audience.public else 'pt.map_no_value'))}")
    return "<br>".join(rows)


def _choropleth(fig: PatrolFigures, areas_geo: gpd.GeoDataFrame, names: Mapping[str, str], town_names: Mapping[str, str],
                audience: Audience, tiles: TileConfig) -> tuple[folium.GeoJson, str]:
    """The areas shaded by the chosen measure, and the legend's HTML. Public copy: an incident rate built on
    fewer than 3 incidents is left uncoloured (the rate times the population would give the count)."""
    lang = audience.lang
    measure = fig.filters.measure
    table = fig.areas.set_index("code")
    if measure == "incidents_per_10k":
        rates = audience.chart_values(table[measure].to_numpy(), basis=table["incidents"])
        table = table.assign(**{measure: pd.Series(rates, index=table.index, dtype=float)})
    geo = areas_geo[areas_geo["code"].isin(table.index)].copy()
    values = table[measure]
    edges = _bins(values, measure)
    palette = PALETTES[measure]
    unit = t(f"pt.measure_unit.{measure}", lang)
    tips, colors = [], []
    incidents = dict(zip(table.index, audience.counts(table["incidents"])))  # the areas are one group
    for code in geo["code"]:
        row = table.loc[code]
        place = inert(names.get(code, code)) + ("" if fig.level == "town" else f" · {inert(town_names.get(row['town_code'], ''))}")
        tips.append(
            f"<b>{place}</b><br>{inert(t(f'pt.measure.{measure}', lang))}: {inert(_fmt(row[measure]))}{inert(unit)}"
            f"<br>{inert(t('pt.tip_incidents', lang, n=incidents[code]))}"
            f"<br>{inert(t('pt.tip_hours', lang, hours=_fmt(row['patrol_hours'], 0)))}"
            f"<br>{inert(t('pt.tip_hotspots', lang, covered=int(row['hotspots_covered']), total=int(row['hotspots'])))}"
            f"<br><i>{inert(t('pt.tip_click', lang))}</i>")
        colors.append(_color(row[measure], edges, palette))
    data = _geojson(geo.geometry.to_numpy(), tiles, town_code=table.loc[geo["code"], "town_code"].tolist(), tip=tips, color=colors)
    layer = folium.GeoJson(
        data, name=t("pt.layer_choropleth", lang, measure=t(f"pt.measure.{measure}", lang)),
        style_function=lambda f: {"fillColor": f["properties"]["color"], "color": "#555", "weight": 0.8, "fillOpacity": 0.7},
        highlight_function=lambda f: {"weight": 2.5, "color": "#111"},
        tooltip=folium.GeoJsonTooltip(fields=["tip"], labels=False, sticky=True),
    )
    return layer, _legend_html(t(f"pt.measure.{measure}", lang) + (f" ({unit})" if unit else ""), edges, palette, audience)


class TextLabels(MacroElement):
    """Text labels at points, set with textContent: the text is never parsed as HTML."""

    _template = jinja2.Template("""
        {% macro script(this, kwargs) %}
        {{ this.labels|tojson }}.forEach(function(item) {
            var el = document.createElement('div');
            el.textContent = item[2];
            L.marker([item[0], item[1]], {interactive: false, keyboard: false,
                icon: L.divIcon({html: el, className: {{ this.class_name|tojson }}, iconSize: null})
            }).addTo({{ this._parent.get_name() }});
        });
        {% endmacro %}
    """)

    def __init__(self, labels: list[tuple[float, float, str]], class_name: str):
        super().__init__()
        self._name = "TextLabels"
        self.labels = [list(item) for item in labels]
        self.class_name = class_name


def _town_outlines(towns: gpd.GeoDataFrame, names: Mapping[str, str], chosen: Sequence[str], lang: Lang,
                   tiles: TileConfig, label_points: np.ndarray) -> folium.FeatureGroup:
    """Town outlines, clickable (a click selects the town), and their names at `label_points`."""
    group = folium.FeatureGroup(name=t("pt.layer_towns", lang))
    codes = towns["town_code"].astype(str).to_numpy()
    data = _geojson(towns.geometry.to_numpy(), tiles, town_code=codes.tolist(),
                    tip=[f"<b>{inert(names.get(c, c))}</b><br><i>{inert(t('pt.tip_click', lang))}</i>" for c in codes])
    folium.GeoJson(
        data, style_function=lambda f: {"fill": True, "fillOpacity": 0.0, "color": "#333",
                                        "weight": 2.5 if f["properties"]["town_code"] in chosen else 1.2},
        tooltip=folium.GeoJsonTooltip(fields=["tip"], labels=False, sticky=True),
    ).add_to(group)
    latlon = _latlon(label_points[:, 0], label_points[:, 1], tiles)
    TextLabels([(lat, lon, names.get(c, c)) for (lat, lon), c in zip(latlon.tolist(), codes)], "pingan-town-label").add_to(group)
    return group


def _reach_layer(reach_of_posts: Reach, mode: str, lang: Lang, tiles: TileConfig) -> folium.FeatureGroup:
    label = t("pt.layer_reach", lang, minutes=reach_of_posts.minutes, mode=label_of(PATROL_MODES, mode, lang))
    group = folium.FeatureGroup(name=label, show=mode == "foot")
    color = "#2b8cbe" if mode == "foot" else "#756bb1"
    folium.GeoJson(_geojson(np.array([reach_of_posts.areas_wgs84[mode]]), tiles, tip=[inert(label)]),
                   style_function=lambda f, c=color: {"color": c, "weight": 1, "fillColor": c, "fillOpacity": 0.12,
                                                      "dashArray": "4 4"},
                   tooltip=folium.GeoJsonTooltip(fields=["tip"], labels=False)).add_to(group)
    return group


def _heat_layer(fig: PatrolFigures, lang: Lang, tiles: TileConfig) -> folium.FeatureGroup:
    group = folium.FeatureGroup(name=t("pt.layer_heat", lang), show=True)
    heat = fig.heat
    if len(heat):
        latlon = _latlon(heat["lon"].to_numpy(), heat["lat"].to_numpy(), tiles)
        weight = np.round(heat["weight"].to_numpy() / heat["weight"].max(), 3)
        layer = HeatMap(np.column_stack([latlon[:1], weight[:1]]).tolist(), radius=14, blur=14, min_opacity=0.05)
        layer.data = np.column_stack([latlon, weight]).tolist()  # already valid numbers: skip folium's per-point check
        layer.add_to(group)
    return group


def _hotspot_layer(fig: PatrolFigures, names: Mapping[str, str], audience: Audience,
                   tiles: TileConfig) -> folium.FeatureGroup:
    lang = audience.lang
    spots = fig.hotspots
    group = folium.FeatureGroup(name=t("pt.layer_hotspots", lang, n=len(spots)))
    if spots.empty:
        return group
    cell_m = fig.filters.cell_m
    boxes = shapely.box(*cell_bounds(spots["ix"], spots["iy"], cell_m).T)
    wgs = gpd.GeoSeries(boxes, crs=METRIC_CRS).to_crs("EPSG:4326")
    tips = [
        f"<b>{inert(t('pt.tip_hotspot', lang, rank=r.rank))}</b> · {inert(names.get(r.town_code, r.town_code))}"
        f"<br>{inert(t('pt.tip_incidents', lang, n=audience.count(r.incidents)))}"
        f"<br>{inert(t('pt.tip_dosage', lang, visits=r.visits, days=r.visit_days, total=fig.filters.days, dosage=fig.filters.dosage_min))}"
        f"<br>{inert(t('pt.covered' if r.covered else 'pt.uncovered', lang))}"
        for r in spots.itertuples()
    ]
    data = _geojson(wgs.to_numpy(), tiles, covered=spots["covered"].astype(bool).tolist(), tip=tips)
    folium.GeoJson(
        data, style_function=lambda f: {
            "color": "#1a9641" if f["properties"]["covered"] else "#d7191c", "weight": 2,
            "fillColor": "#1a9641" if f["properties"]["covered"] else "#d7191c", "fillOpacity": 0.25},
        tooltip=folium.GeoJsonTooltip(fields=["tip"], labels=False)).add_to(group)
    return group


def _route_layer(fig: PatrolFigures, sessions: pd.DataFrame, lang: Lang, tiles: TileConfig) -> folium.FeatureGroup:
    rows = sessions.iloc[fig.route_rows]
    group = folium.FeatureGroup(name=t("pt.layer_routes", lang, shown=len(rows), total=fig.routes_total), show=False)
    if rows.empty:
        return group
    team, mode = rows["team_kind"].astype(str).to_numpy(), rows["mode"].astype(str).to_numpy()
    tips = [f"{inert(label_of(TEAM_KINDS, k, lang))} · {inert(label_of(PATROL_MODES, m, lang))}<br>{start:%Y-%m-%d %H:%M}"
            for k, m, start in zip(team, mode, rows["start_at"])]
    data = _geojson(shapely.from_wkt(rows["route_wkt"].to_numpy()), tiles, team=team.tolist(), mode=mode.tolist(), tip=tips)
    folium.GeoJson(
        data, style_function=lambda f: {
            "color": TEAM_COLORS.get(f["properties"]["team"], "#444"), "opacity": 0.7,
            "weight": 2.5 if f["properties"]["mode"] == "vehicle" else 1.5,
            "dashArray": None if f["properties"]["mode"] == "vehicle" else "4 3"},
        tooltip=folium.GeoJsonTooltip(fields=["tip"], labels=False)).add_to(group)
    return group


def _post_layer(posts: pd.DataFrame, lang: Lang, tiles: TileConfig) -> folium.FeatureGroup:
    group = folium.FeatureGroup(name=t("pt.layer_posts", lang, n=len(posts)))
    names = posts["name_zh" if lang == "zh" else "name_en"].astype(str).to_numpy()
    kinds = posts["kind"].astype(str).to_numpy()
    data = _geojson(shapely.points(posts[["lon", "lat"]].to_numpy(dtype=float)), tiles, kind=kinds.tolist(),
                    tip=[f"<b>{inert(n)}</b><br>{inert(label_of(POST_KINDS, k, lang))}" for n, k in zip(names, kinds)])
    folium.GeoJson(
        data, marker=folium.CircleMarker(radius=6, fill=True),
        style_function=lambda f: {"color": "#fff", "weight": 1.5, "fillOpacity": 0.95,
                                  "fillColor": POST_COLORS.get(f["properties"]["kind"], "#333"),
                                  "radius": 4 if f["properties"]["kind"] == "police_station" else 6},
        tooltip=folium.GeoJsonTooltip(fields=["tip"], labels=False)).add_to(group)
    return group


LABEL_CSS = """<style>.pingan-town-label div{transform:translate(-50%,-50%);white-space:nowrap;font:600 11px sans-serif;
color:#222;text-shadow:0 0 3px #fff,0 0 3px #fff,0 0 3px #fff;pointer-events:none}
.leaflet-container{background:#f4f1ea}
.leaflet-heatmap-layer{pointer-events:none}</style>"""


def patrol_map(fig: PatrolFigures, towns: gpd.GeoDataFrame, villages: gpd.GeoDataFrame, posts: pd.DataFrame,
               sessions: pd.DataFrame, reach_of_posts: Reach, audience: Audience, tiles: TileConfig,
               label_points: np.ndarray | None = None) -> folium.Map:
    """The whole map for one filter state, in the audience's language. `label_points` are town_label_points(towns),
    when already at hand (they take a tenth of building the map).

    Public copy: areas only. No incident heat, no patrol routes, no post markers and nothing centred on a post (the
    reach areas) reach the map's HTML; area tooltips show incident counts below 3 as "<3" (and withhold a second one
    that would give it away), and an incident rate built on a withheld count is left uncoloured."""
    lang, public = audience.lang, audience.public
    town_names = dict(zip(towns["town_code"].astype(str), towns["town_zh" if lang == "zh" else "town_en"].astype(str)))
    if fig.level == "town":
        areas_geo = gpd.GeoDataFrame({"code": towns["town_code"].astype(str).to_numpy()}, geometry=towns.geometry.to_numpy(), crs="EPSG:4326")
        names = town_names
    else:
        areas_geo = gpd.GeoDataFrame({"code": villages["village_code"].astype(str).to_numpy()}, geometry=villages.geometry.to_numpy(), crs="EPSG:4326")
        names = dict(zip(villages["village_code"].astype(str), villages["village_zh" if lang == "zh" else "village_en"].astype(str)))
    focus = towns[towns["town_code"].astype(str).isin(fig.filters.towns)] if fig.filters.towns else towns
    minx, miny, maxx, maxy = focus.total_bounds
    corners = _latlon(np.array([minx, maxx]), np.array([miny, maxy]), tiles)

    m = folium.Map(location=corners.mean(axis=0).tolist(), zoom_start=10, tiles=None, prefer_canvas=True,
                   control_scale=True, attribution_control=tiles.url is not None)
    if tiles.url:
        folium.TileLayer(tiles.url, attr=inert(tiles.attribution), name=t("pt.layer_tiles", lang), overlay=False).add_to(m)
    m.get_root().header.add_child(folium.Element(LABEL_CSS))
    # town outlines first: the choropleth above them takes hover and clicks where it has areas
    _town_outlines(towns, town_names, fig.filters.towns, lang, tiles,
                   town_label_points(towns) if label_points is None else label_points).add_to(m)
    choropleth, legend = _choropleth(fig, areas_geo, names, town_names, audience, tiles)
    choropleth.add_to(m)
    if not public:  # posts are not public: neither their points nor the areas drawn around them
        for mode in ("foot", "vehicle"):
            _reach_layer(reach_of_posts, mode, lang, tiles).add_to(m)
        _heat_layer(fig, lang, tiles).add_to(m)
    _hotspot_layer(fig, town_names, audience, tiles).add_to(m)
    if not public:
        _route_layer(fig, sessions, lang, tiles).add_to(m)
        _post_layer(posts, lang, tiles).add_to(m)
    Legend(legend).add_to(m)
    folium.LayerControl(collapsed=True).add_to(m)
    m.fit_bounds(corners.tolist())
    return m


def town_from_click(value: Mapping | None) -> str | None:
    """The town code of the feature clicked on the map (streamlit-folium's state: its last_active_drawing), if any.

    Whether it names a known town is the filter's to check (lib.ui.show.ClickFilter)."""
    if not isinstance(value, Mapping):
        return None
    drawing = value.get("last_active_drawing")
    properties = drawing.get("properties") if isinstance(drawing, Mapping) else None
    code = properties.get("town_code") if isinstance(properties, Mapping) else None
    return None if code is None else str(code)
