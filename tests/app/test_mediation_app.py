"""The dispute-mediation page through Streamlit's AppTest: default view, other URL states, an empty selection,
bad URL values."""
import pytest
from streamlit.testing.v1 import AppTest

from apptest import chart_downloads, open_app, table_downloads

PAGE = "views/mediation.py"


def open_mediation(**params) -> AppTest:
    return open_app(PAGE, timeout=120, **params)


def metrics(app: AppTest) -> dict[str, tuple[str, str | None]]:
    return {m.label: (m.value, m.delta) for m in app.metric}


def table_with(app: AppTest, column: str):
    return next(d.value for d in app.dataframe if column in d.value.columns)


def test_default_view_is_2020_with_the_seed_figures():
    app = open_mediation()
    assert app.title[0].value == "矛盾纠纷化解 · 2020年"
    shown = metrics(app)
    assert shown["排查矛盾纠纷"] == ("2,780件", "-15.2% 较2019年")
    assert shown["办结用时(中位数)"][0] == "14天"
    assert shown["办结用时(90%分位)"][0] == "37天"
    assert shown["期末未办结"][0] == "291件"
    assert shown["其中超过化解时限"][0] == "168件"
    channels = table_with(app, "化解渠道").set_index("化解渠道")
    assert channels.loc["诉前委派", ["受理(件)", "调解成功(件)", "成功率"]].tolist() == [944, 576, "61.02%"]
    assert channels.loc["公调对接", ["受理(件)", "调解成功(件)", "成功率"]].tolist() == [632, 595, "94.15%"]
    assert channels.loc["个人调解室", ["受理(件)", "调解成功(件)", "成功率"]].tolist() == [65, 49, "75.38%"]
    assert channels.loc["个人调解室", "95%区间"] == "63.7%–84.2%"
    overdue = table_with(app, "超期天数")
    assert set(overdue["季度"]) == {"2020年第1季度", "2020年第2季度", "2020年第3季度", "2020年第4季度"}
    assert len(table_downloads(app)) == 2 * 5  # a CSV and an XLSX under each of the five tables
    assert len(chart_downloads(app)) == 5  # a PNG under every chart
    assert any("演示数据" in c.value for c in app.caption)
    assert dict(app.query_params) == {}  # the defaults leave the URL clean


def test_english_part_year_and_towns_from_the_url(bundle):
    app = open_mediation(lang="en", period="2021-01-01~2021-03-11", town="511402001,511402100")
    assert app.title[0].value == "Dispute mediation · 2021-01-01 to 2021-03-11"
    raw = bundle["disputes"]
    mine = raw[raw["town_code"].isin(["511402001", "511402100"])]
    expected = int(mine["received_on"].between("2021-01-01", "2021-03-11").sum())
    before = int(mine["received_on"].between("2020-01-01", "2020-03-11").sum())
    value, delta = metrics(app)["Disputes screened"]
    assert value == f"{expected:,}"
    assert delta == f"{(expected - before) / before * 100:+.1f}% vs a year earlier"
    towns = table_with(app, "Per 10,000")
    assert towns["Town"].tolist() == ["Tonghui Subdistrict", "Taihe Town"]
    assert app.multiselect[0].value == ["511402001", "511402100"]
    assert {q for q in table_with(app, "Days overdue")["Quarter"]} == {"2021 Q1"}


def test_dispute_types_and_channels_from_the_url(bundle):
    app = open_mediation(dispute_type="family,labour", mediation_channel="individual_room", period="2020-01-01~2020-12-31")
    raw = bundle["disputes"]
    mine = raw[raw["dispute_type"].isin(["family", "labour"]) & (raw["channel"] == "individual_room")
               & (raw["received_on"].dt.year == 2020)]
    assert metrics(app)["排查矛盾纠纷"][0] == f"{len(mine):,}件"
    channels = table_with(app, "化解渠道")
    assert channels["化解渠道"].tolist() == ["个人调解室"]
    assert channels["受理(件)"].tolist() == [len(mine)]
    assert table_with(app, "纠纷类别")["纠纷类别"].tolist() == ["婚姻家庭", "劳资纠纷"]
    assert any("已按筛选条件限定" in c.value and "个人调解室" in c.value for c in app.caption)


def test_an_empty_selection_gives_a_clear_message(bundle):
    raw = bundle["disputes"]
    day = raw[(raw["dispute_type"] == "medical") & (raw["received_on"] == "2016-01-01")]
    assert day.empty  # the precondition of this URL
    app = open_mediation(period="2016-01-01~2016-01-01", dispute_type="medical")
    assert any("所选条件下没有数据" in i.value for i in app.info)
    assert not app.metric and not app.dataframe


@pytest.mark.parametrize("params,param", [
    ({"period": "2020-13-01~2020-12-31"}, "period"),
    ({"period": "2030-01-01~2030-12-31"}, "period"),
    ({"town": "999999999"}, "town"),
    ({"dispute_type": "<script>alert(1)</script>"}, "dispute_type"),
    ({"mediation_channel": "online_court"}, "mediation_channel"),
])
def test_bad_url_values_fall_back_to_the_defaults_with_a_notice(params, param):
    app = open_mediation(**params)
    assert app.title[0].value == "矛盾纠纷化解 · 2020年"
    assert metrics(app)["排查矛盾纠纷"][0] == "2,780件"
    assert any("无效" in toast.value and param in toast.value for toast in app.toast)
