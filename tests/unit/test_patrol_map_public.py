"""The patrol map in public mode: areas only. The map's whole payload (script, header, HTML) carries no incident
heat, no patrol route, no post location and nothing centred on a post; hot spots are cells of 3 incidents or more;
area tooltips show incident counts below 3 as "<3"; the list of hot spots below the dosage names no finer place
than the town."""
import re
from datetime import date

import pandas as pd
import pytest
import shapely
from streamlit_folium import _get_header, _get_html, _get_map_string

from lib.audience import Audience
from lib.data.codes import PATROL_MODES, label_of
from lib.data.incident_points import bundle_points
from lib.i18n import t
from lib.metrics.patrol_view import PatrolFilters, build_base, patrol_figures, post_reach
from lib.viz.basemap import TileConfig
from lib.viz.escape import inert
from lib.viz.patrol_charts import uncovered_table
from lib.viz.patrol_map import patrol_map

TOWN = "511402101"  # in March 2020 its villages have 0, 1 and 2 incidents


def present(text: str, payload: str) -> bool:
    """Whether `text` is in the payload, also where folium wrote it into JSON with \\uXXXX escapes."""
    return text in re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), payload)


@pytest.fixture(scope="module")
def maps(bundle):
    base = build_base(bundle, bundle_points(bundle))
    reach = post_reach(base, 10)
    payload, figs = {}, {}
    for public in (False, True):
        audience = Audience("zh", public)
        figs[public] = fig = patrol_figures(bundle, base, reach, PatrolFilters(
            date(2020, 3, 1), date(2020, 3, 31), towns=(TOWN,), least_cell_incidents=audience.least_cell_count))
        m = patrol_map(fig, bundle["towns"], bundle["villages"], bundle["posts"], bundle["patrol_sessions"], reach,
                       audience, TileConfig())
        payload[public] = _get_map_string(m) + _get_header(m) + _get_html(m)
    return figs[False], payload, figs[True]


def test_public_map_has_no_heat_routes_or_posts_and_nothing_centred_on_a_post(bundle, maps):
    fig, payload, _ = maps
    internal, public = payload[False], payload[True]
    assert len(fig.heat) and len(fig.route_rows)  # there is something to withhold
    assert "heatLayer" in internal and "heatLayer" not in public
    route = shapely.from_wkt(bundle["patrol_sessions"].iloc[fig.route_rows[0]]["route_wkt"])
    lon, lat = (round(v, 5) for v in route.coords[1])
    assert f"[{lon}, {lat}]" in internal and f"[{lon}, {lat}]" not in public
    post = bundle["posts"].iloc[0]
    assert f"[{post['lon']}, {post['lat']}]" in internal and f"[{post['lon']}, {post['lat']}]" not in public
    heat = fig.heat.iloc[0]
    assert f"{round(heat['lat'], 5)}, {round(heat['lon'], 5)}" not in public
    # posts are not public: the reach areas drawn around them are not either
    reach = t("pt.layer_reach", "zh", minutes=10, mode=label_of(PATROL_MODES, "foot", "zh"))
    assert present(reach, internal) and not present(reach, public)


def test_public_hot_spots_are_cells_of_three_incidents_or_more(bundle):
    base = build_base(bundle, bundle_points(bundle))
    reach = post_reach(base, 10)
    figs = {public: patrol_figures(bundle, base, reach, PatrolFilters(
        date(2020, 1, 1), date(2020, 6, 30), towns=(TOWN,), least_cell_incidents=Audience("zh", public).least_cell_count))
        for public in (False, True)}
    internal, public = figs[False].hotspots, figs[True].hotspots
    assert len(internal) == 20 and (internal["incidents"] < 3).sum() == 17  # the top 20 of a small town: mostly 1s
    assert internal["incidents"].head(3).tolist() == public["incidents"].tolist() == [3, 3, 3]
    m = patrol_map(figs[True], bundle["towns"], bundle["villages"], bundle["posts"], bundle["patrol_sessions"], reach,
                   Audience("zh", True), TileConfig())
    payload = _get_map_string(m) + _get_header(m) + _get_html(m)
    assert present(inert(t("pt.tip_hotspot", "zh", rank=3)), payload)
    assert not present(inert(t("pt.tip_hotspot", "zh", rank=4)), payload)


def test_public_area_tooltips_mask_small_counts(maps):
    fig, payload, _ = maps
    small = fig.areas[fig.areas["incidents"].isin([1, 2])]
    assert len(small)  # the data has villages with 1 or 2 incidents
    n = int(small["incidents"].iloc[0])
    shown = inert(t("pt.tip_incidents", "zh", n=n))
    assert present(shown, payload[False]) and not present(shown, payload[True])
    assert present(inert(t("pt.tip_incidents", "zh", n="<3")), payload[True])
    for k in (0, 1, 2):
        assert not present(inert(t("pt.tip_incidents", "zh", n=k)), payload[True])
    assert present(inert(t("pub.map_no_value", "zh")), payload[True])


def test_public_uncovered_hot_spots_name_no_place_finer_than_the_town():
    spots = pd.DataFrame({"rank": [1, 2, 3, 4], "covered": [False, False, False, True], "incidents": [15, 9, 4, 9],
                          "town_code": TOWN, "village_code": "x", "visits": 0, "visit_days": 0, "day_share": 0.0,
                          "lon": 103.81234, "lat": 30.01234})
    internal = uncovered_table(spots, {TOWN: "镇"}, {"x": "村"}, 15, Audience("zh", False))
    public = uncovered_table(spots, {TOWN: "镇"}, {"x": "村"}, 15, Audience("zh", True))
    assert internal[t("pt.col_incidents", "zh")].tolist() == [15, 9, 4]  # the covered hot spot is not listed
    assert {t(c, "zh") for c in ("pt.col_village", "pt.col_lon", "pt.col_lat")} <= set(internal.columns)
    assert list(public.columns) == [t(c, "zh") for c in ("pt.col_rank", "pt.col_town", "pt.col_incidents")] + \
        [t("pt.col_visits", "zh", dosage=15), t("pt.col_visit_days", "zh"), t("pt.col_day_share", "zh")]
    assert "村" not in public.to_csv() and "103.8" not in public.to_csv() and "30.01" not in public.to_csv()


def test_public_uncovered_hot_spots_mask_small_counts():
    spots = pd.DataFrame({"rank": [1, 2, 3, 4], "covered": [False, False, False, True], "incidents": [5, 2, 0, 9],
                          "town_code": TOWN, "village_code": "x", "visits": 0, "visit_days": 0, "day_share": 0.0,
                          "lon": 103.8, "lat": 30.0})
    column = t("pt.col_incidents", "zh")
    internal = uncovered_table(spots, {}, {}, 15, Audience("zh", False))[column]
    public = uncovered_table(spots, {}, {}, 15, Audience("zh", True))[column]
    assert internal.tolist() == [5, 2, 0]  # the covered hot spot is not listed
    assert public.tolist() == ["—", "<3", "<3"]  # 2 and 0 withheld make less than 3: the 5 goes too (complementary)
