"""The satisfaction page's headline cards, map payload and display tables (no browser)."""
import math

import geopandas as gpd
import pandas as pd
import pytest
from shapely.geometry import box

from lib.audience import Audience
from lib.headline import Versus
from lib.metrics import satisfaction as s
from lib.viz import satisfaction as viz
from lib.viz.geo import bounds_zoom, light_geojson

INTERNAL, PUBLIC = Audience.internal("zh"), Audience.public_copy("zh")


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
    table = viz.ranking_table(s.county_ranking(survey, counties, 2020), INTERNAL)
    assert table["区县"].tolist() == ["<b>甲</b>", "乙"]  # st.dataframe shows text as text
    assert table["名次变化与误差"].tolist() == ["误差范围内", "误差范围内"]  # A +30 points, but 1st both years
    assert table["名次95%区间"].tolist() == ["1–1", "2–2"]
    assert table["名次"].tolist() == [1, 2]
    assert table["95%区间"].iloc[0] == "84.1–95.9"  # 90 +/- 1.96 * 3


def test_map_hover_names_are_escaped():
    ranking = pd.DataFrame({"adcode": ["A"], "county_zh": ["<img src=x>"], "city_adcode": ["X"], "city_zh": ["X市"],
                            "score": [90.0], "rank": [1]})
    fig = viz.province_map({"type": "FeatureCollection", "features": []}, (100.0, 28.0, 105.0, 32.0), ranking, "A", [], "总体",
                           INTERNAL)
    names = [row[1] for row in fig.data[0].customdata]
    assert names == ["&lt;img src=x&gt;"]


# Two counties, two years: A 60 -> 70 (n=100 both years: +10 points within the noise of 13.15), B 65 -> 50.
SURVEY = pd.DataFrame({"adcode": ["A", "B", "A", "B"], "year": [2020, 2020, 2019, 2019], "sample_size": [100] * 4,
                       "overall": [70.0, 50.0, 60.0, 65.0]})
COUNTIES = pd.DataFrame({"adcode": ["A", "B"], "county_zh": ["甲", "乙"], "city_adcode": ["X", "X"], "city_zh": ["X市"] * 2})


def cards_of(adcode: str, target: int, audience: Audience = INTERNAL) -> dict:
    standing = s.standing(s.county_ranking(SURVEY, COUNTIES, 2020, target_rank=target), adcode, target)
    return {card.label: card for card in viz.standing_cards(standing, "总体", Versus(2019), audience)}


def test_cards_word_the_changes_as_every_page_does_and_grey_a_change_within_the_noise():
    cards = cards_of("A", target=1)  # A climbed from 2nd to 1st on +10 points: within the noise
    rank, score, reach = cards["全省排名 · 总体"], cards["得分"], cards["进入前1名"]
    assert (rank.value, rank.delta, rank.good) == ("第1名 / 2", "+1位 较2019年", "neither")
    assert (score.value, score.delta, score.good) == ("70.00分", "+10.00分 较2019年", "neither")
    assert "误差范围内" in rank.help
    assert (reach.value, reach.delta, reach.is_change) == ("已进入", "进入的概率 100% · +20.00分(需50.00分)", False)
    interval = cards["名次95%区间"]
    assert (interval.value, interval.delta, interval.arrow, interval.tone) == ("第1–1名", None, None, "neutral")
    assert (rank.arrow, rank.tone) == ("up", "neutral")  # it rose, but within the noise: no colour


def test_places_gained_beyond_the_noise_are_good_news_and_lost_ones_read_negative():
    survey = SURVEY.assign(sample_size=10_000)  # the same scores from large samples: every change is real
    standing = s.standing(s.county_ranking(survey, COUNTIES, 2020, target_rank=1), "B", 1)
    rank, score, _, reach = viz.standing_cards(standing, "总体", Versus(2019), INTERNAL)
    assert (rank.delta, rank.good, rank.arrow, rank.tone) == ("-1位 较2019年", "up", "down", "bad")  # 1st to 2nd
    assert (score.delta, score.good, score.tone) == ("-15.00分 较2019年", "up", "bad")
    assert "超出各区县的抽样误差" in rank.help
    assert (reach.value, reach.delta, reach.arrow) == ("未进入", "进入的概率 0% · -20.00分(需70.00分)", None)


def test_cards_of_a_first_survey_year_have_no_change_and_the_public_copy_shows_survey_figures():
    first = s.standing(s.county_ranking(SURVEY, COUNTIES, 2019), "A", 80)
    rank, score, _, reach = viz.standing_cards(first, "总体", Versus(2018), INTERNAL)
    assert rank.delta is None and score.delta is None and rank.help is None
    assert (reach.value, reach.delta, reach.tone) == ("任何得分均可", None, "neutral")
    # survey scores and ranks are published figures, not small counts: the public copy shows them too
    assert [c.delta for c in cards_of("A", 1, PUBLIC).values()] == [c.delta for c in cards_of("A", 1).values()]


def test_movers_name_the_indicators_whose_rank_moved_most():
    profile = pd.DataFrame({"indicator": ["overall", "security", "law"], "places_up": [0, -5, None]})
    assert viz.movers_text(profile, {"overall": "总体", "security": "安全感"}, 2019, INTERNAL) == \
        "较2019年名次变化最大的指标:安全感(-5位); 总体(±0位)"
    assert viz.movers_text(profile.iloc[[2]], {}, 2019, INTERNAL) is None


FACTORS = pd.DataFrame({"town_code": ["T1", "T2", "T3"], "rank": [1, 2, 3], "score": [90.0, 80.0, 70.0],
                        "low": [88.0, 78.0, 68.0], "high": [92.0, 82.0, 72.0], "sample_size": [300] * 3,
                        "prev_rank": [2, 1, None], "places_up": [1, -1, None], "score_change": [1.0, -2.0, None],
                        "within_noise": [True, False, None], "rank_low": [1, 1, 2], "rank_high": [2, 3, 3],
                        "incidents": [2, 30, 40],
                        "crime_rate": [1.0, 15.0, 20.0], "received": [10.0, 2.0, None], "settled": [8.0, 2.0, None],
                        "mediation_rate": [80.0, 100.0, None]})


def test_town_rates_built_on_a_small_count_are_withheld_in_the_public_copy():
    names = {"T1": "甲镇", "T2": "乙镇", "T3": "丙镇"}
    internal = viz.town_table(FACTORS, names, INTERNAL)
    assert internal["每万人案件数"].tolist() == [1.0, 15.0, 20.0]
    public = viz.town_table(FACTORS, names, PUBLIC)
    # T1: 2 incidents; T2's rate is withheld with it, else the district total minus T2 and T3 would give T1's 2
    assert public["每万人案件数"].tolist() == ["—", "—", 20.0]
    assert public["调解成功率(%)"].iloc[:2].tolist() == ["—", "—"]  # T2: 2 disputes received, T1 its complement
    assert pd.isna(public["调解成功率(%)"].iloc[2])  # no disputes: missing, not withheld
    assert public.drop(columns=["每万人案件数", "调解成功率(%)"]).equals(internal.drop(columns=["每万人案件数", "调解成功率(%)"]))


def test_town_scatter_leaves_a_gap_for_a_withheld_rate():
    fig = viz.town_scatter(FACTORS, "crime_rate", "每万人案件数", "总体", {}, PUBLIC)
    assert list(fig.data[0].x) == [None, None, 20.0]
    assert list(viz.town_scatter(FACTORS, "crime_rate", "x", "y", {}, INTERNAL).data[0].x) == [1.0, 15.0, 20.0]
    assert list(viz.town_scatter(FACTORS, "mediation_rate", "x", "y", {}, PUBLIC).data[0].x) == [None, None]
