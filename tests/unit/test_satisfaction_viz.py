"""The satisfaction page's map payload and display tables (no browser)."""
import math

import geopandas as gpd
import pandas as pd
import pytest
from shapely.geometry import box

from lib.metrics import satisfaction as s
from lib.viz import satisfaction as viz
from lib.viz.geo import bounds_zoom, light_geojson


def test_light_geojson_keeps_only_the_id_and_rounds_coordinates():
    shapes = gpd.GeoDataFrame({"adcode": ["511402", "511403"], "county_zh": ["东坡区", "彭山区"]},
                              geometry=[box(103.0, 30.0, 103.123456, 30.5), box(103.123456, 30.0, 103.3, 30.5)], crs="EPSG:4326")
    light = light_geojson(shapes, "adcode")
    assert [f["properties"] for f in light["features"]] == [{"adcode": "511402"}, {"adcode": "511403"}]
    coords = [c for f in light["features"] for ring in f["geometry"]["coordinates"] for c in ring]
    assert all(round(v, 3) == pytest.approx(v) for c in coords for v in c)
    assert "id" not in light["features"][0]


def test_bounds_zoom_fits_the_wider_side():
    centre, zoom = bounds_zoom((0.0, 0.0, 45.0, 0.001), 512, 512)  # 45° of longitude is 512 px at zoom 3
    assert centre == {"lon": 22.5, "lat": 0.0005}
    assert zoom == pytest.approx(3.0)
    _, tall = bounds_zoom((0.0, -1.0, 0.001, 1.0), 512, 256)  # 2° of latitude at the equator in 256 px
    assert tall == pytest.approx(math.log2(256 * 2 * math.pi / (512 * 2 * math.log(math.tan(math.pi / 4 + math.radians(1) / 2)))))


def test_tables_escape_nothing_and_mark_the_noise():
    survey = pd.DataFrame({"adcode": ["A", "B", "A", "B"], "year": [2020, 2020, 2019, 2019], "sample_size": [100] * 4,
                           "overall": [90.0, 50.0, 60.0, 50.5]})
    counties = pd.DataFrame({"adcode": ["A", "B"], "county_zh": ["<b>甲</b>", "乙"], "city_adcode": ["X", "X"], "city_zh": ["X市"] * 2})
    table = viz.ranking_table(s.county_ranking(survey, counties, 2020), "zh")
    assert table["区县"].tolist() == ["<b>甲</b>", "乙"]  # st.dataframe shows text as text
    assert table["变化与误差"].tolist() == ["超出误差", "误差范围内"]  # A +30 points; B -0.5 points
    assert table["名次"].tolist() == [1, 2]
    assert table["95%区间"].iloc[0] == "84.1–95.9"  # 90 +/- 1.96 * 3


def test_map_hover_names_are_escaped():
    ranking = pd.DataFrame({"adcode": ["A"], "county_zh": ["<img src=x>"], "city_adcode": ["X"], "city_zh": ["X市"],
                            "score": [90.0], "rank": [1]})
    fig = viz.province_map({"type": "FeatureCollection", "features": []}, (100.0, 28.0, 105.0, 32.0), ranking, "A", [], "总体", "zh")
    names = [row[1] for row in fig.data[0].customdata]
    assert names == ["&lt;img src=x&gt;"]
