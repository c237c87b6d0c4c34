"""The patrol map in public mode: areas only. The map's whole payload (script, header, HTML) carries no incident
heat, no patrol route and no post location, and area tooltips show incident counts below 3 as "<3"; so does the list
of hot spots below the dosage."""
import re
from datetime import date

import pandas as pd
import pytest
import shapely
from streamlit_folium import _get_header, _get_html, _get_map_string

from lib.audience import Audience
from lib.data.codes import PATROL_MODES, label_of
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
    base = build_base(bundle)
    reach = post_reach(base, 10)
    fig = patrol_figures(bundle, base, reach, PatrolFilters(date(2020, 3, 1), date(2020, 3, 31), towns=(TOWN,)))
    payload = {}
    for public in (False, True):
        m = patrol_map(fig, bundle["towns"], bundle["villages"], bundle["posts"], bundle["patrol_sessions"], reach,
                       Audience("zh", public), TileConfig())
        payload[public] = _get_map_string(m) + _get_header(m) + _get_html(m)
    return fig, payload


def test_public_map_has_no_heat_routes_or_posts(bundle, maps):
    fig, payload = maps
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
    # the area layers stay: hot-spot cells and post reach (their tooltips)
    assert present(inert(t("pt.tip_hotspot", "zh", rank=1)), public)
    assert present(t("pt.layer_reach", "zh", minutes=10, mode=label_of(PATROL_MODES, "foot", "zh")), public)


def test_public_area_tooltips_mask_small_counts(maps):
    fig, payload = maps
    small = fig.areas[fig.areas["incidents"].isin([1, 2])]
    assert len(small)  # the data has villages with 1 or 2 incidents
    n = int(small["incidents"].iloc[0])
    shown = inert(t("pt.tip_incidents", "zh", n=n))
    assert present(shown, payload[False]) and not present(shown, payload[True])
    assert present(inert(t("pt.tip_incidents", "zh", n="<3")), payload[True])
    for k in (0, 1, 2):
        assert not present(inert(t("pt.tip_incidents", "zh", n=k)), payload[True])
    assert present(inert(t("pub.map_no_value", "zh")), payload[True])


def test_public_uncovered_hot_spots_mask_small_counts():
    spots = pd.DataFrame({"rank": [1, 2, 3, 4], "covered": [False, False, False, True], "incidents": [5, 2, 0, 9],
                          "town_code": TOWN, "village_code": "x", "visits": 0, "visit_days": 0, "day_share": 0.0,
                          "lon": 103.8, "lat": 30.0})
    column = t("pt.col_incidents", "zh")
    internal = uncovered_table(spots, {}, {}, 15, Audience("zh", False))[column]
    public = uncovered_table(spots, {}, {}, 15, Audience("zh", True))[column]
    assert internal.tolist() == [5, 2, 0]  # the covered hot spot is not listed
    assert public.tolist() == ["5", "<3", "<3"]
