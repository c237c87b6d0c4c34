"""The satisfaction-ranking page through AppTest: default view, URL states, bad URL values."""
import json
import pytest
from streamlit.testing.v1 import AppTest

from apptest import open_app

MEISHAN = {"511402", "511403", "511421", "511423", "511424", "511425"}


def run_page(**params) -> AppTest:
    return open_app("views/satisfaction.py", timeout=120, **params)


def metrics(app: AppTest) -> dict[str, tuple[str, str | None]]:
    return {m.label: (m.value, m.delta) for m in app.metric}


def figures(app: AppTest) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in app.get("plotly_chart")]


def bump(app: AppTest) -> dict:
    """The rank-over-the-years chart: the one figure drawn with lines."""
    return next(f for f in figures(app) if f["data"] and all("lines" in trace.get("mode", "") for trace in f["data"]))


def table(app: AppTest, first_header: str, second_header: str):
    return next(df.value for df in app.dataframe if list(df.value.columns[:2]) == [first_header, second_header])


def test_default_is_2020_overall_with_rank_76_in_the_top_80():
    app = run_page()
    assert app.title[0].value == "2020年满意度排名"
    shown = metrics(app)
    assert shown["全省排名 · 总体满意度"] == ("第76名 / 183", "+17位 较2019年")
    assert shown["得分"] == ("89.66分", "+1.38分 较2019年")
    assert shown["进入前80名"] == ("已进入", "进入的概率 54% · +0.14分(需89.52分)")
    assert shown["名次95%区间"][0] == "第37–120名"  # every county's score drawn again, not only the district's
    notice = app.info[0].value
    assert "95%区间 87.7–91.6" in notice and "样本 916 份" in notice and "误差范围内" in notice
    ranking = table(app, "名次", "区县")
    assert len(ranking) == 183 and ranking["名次"].iloc[0] == 1
    assert ranking.loc[ranking["区县代码"] == "511402", "名次"].item() == 76
    assert any("2020年首次进入前80名" in c.value for c in app.caption)
    assert len(bump(app)["data"]) == 6  # the district and Meishan's five other counties
    towns = table(app, "名次", "镇(街道)")
    assert len(towns) == 16
    assert dict(app.query_params) == {}


def test_english_2019_from_the_url():
    app = run_page(lang="en", year="2019")
    assert app.title[0].value == "Satisfaction ranking, 2019"
    shown = metrics(app)
    assert shown["Province rank · Overall satisfaction"][0] == "93 of 183"
    assert shown["Reaching the top 80"][0] == "Not yet"
    assert any(c.value == "2020: first year in the top 80" for c in app.caption)


def test_indicator_target_city_and_peers_from_the_url():
    app = run_page(indicator="security", target_rank="100", city="511400", peers="511402,510104")
    shown = metrics(app)
    assert shown["全省排名 · 安全感"][0] == "第92名 / 183"
    assert shown["进入前100名"][0] == "已进入"
    ranking = table(app, "名次", "区县")
    assert set(ranking["区县代码"]) == MEISHAN and set(ranking["市州"]) == {"眉山市"}
    assert {trace["name"] for trace in bump(app)["data"]} == {"东坡区", "锦江区"}
    assert app.query_params["peers"] == "510104,511402"  # codes in the URL, in the list's order
    assert app.query_params["indicator"] == "security"


def test_an_indicator_the_town_survey_lacks_shows_overall_for_towns():
    app = run_page(indicator="participation")
    assert any("镇(街道)调查只有总体满意度和安全感" in c.value for c in app.caption)
    assert metrics(app)["全省排名 · 平安建设参与率"][0] == "第53名 / 183"


def test_no_peers_follows_the_district_alone():
    app = run_page(peers="")
    assert [trace["name"] for trace in bump(app)["data"]] == ["东坡区"]


@pytest.mark.parametrize("param,value", [("year", "1999"), ("indicator", "<script>"), ("target_rank", "0"),
                                         ("target_rank", "abc"), ("city", "999999"), ("peers", "nope")])
def test_bad_url_values_fall_back_to_the_defaults_with_a_notice(param, value):
    app = run_page(**{param: value})
    assert app.title[0].value == "2020年满意度排名"
    assert any("无效" in toast.value for toast in app.toast), param
    shown = metrics(app)
    assert shown["全省排名 · 总体满意度"][0] == "第76名 / 183"
    assert "进入前80名" in shown
    assert len(table(app, "名次", "区县")) == 183


@pytest.mark.parametrize("value", ["1e309", "inf", "-inf", "0", "500", "-1", "80.0", "nan"])
def test_a_target_rank_out_of_range_or_not_a_whole_number_falls_back_to_80(value):
    app = run_page(target_rank=value)  # open_app fails on any exception
    assert any("无效" in toast.value and "target_rank" in toast.value for toast in app.toast), value
    shown = metrics(app)
    assert "进入前80名" in shown and shown["进入前80名"][0] == "已进入"
    assert any("2020年首次进入前80名" in c.value for c in app.caption)
    assert "target_rank" not in app.query_params


def test_the_kpis_colour_places_gained_but_not_a_change_within_the_noise():
    app = run_page()  # 2020: +17 places on +1.38 points, within the noise of every county's survey
    items = app.session_state["_briefing_content"].items
    cards = {card.label: card for key, item in items.items() if key.startswith("kpi:") for card in item.cards}
    rank = cards["全省排名 · 总体满意度"]
    assert rank.good == cards["得分"].good == "neither" and (rank.arrow, rank.tone) == ("up", "neutral")
    assert "-44 至 +73" in rank.help
    assert cards["进入前80名"].arrow is None and cards["名次95%区间"].arrow is None  # not changes: no arrow
