"""The patrol page through AppTest: the default view, shared links (night view of Dongpo Island), bad URL values."""
import pytest

from apptest import metric_values as metrics
from apptest import chart_downloads, open_app, table_downloads

SUCI = "511402003"  # 苏祠街道, where Dongpo Island lies


def run_patrol(**params):
    return open_app("views/patrol.py", **params)


def test_default_view_shows_the_published_figures():
    app = run_patrol()
    assert "巡逻防控" in app.title[0].value
    shown = metrics(app)
    assert shown["巡逻制止违法犯罪"] == "123起"
    assert shown["巡逻抓获逃犯"] == "14名"
    assert shown["警务助理覆盖"] == "97 / 245"
    assert any("2020-01-01 至 2020-12-31" in c.value for c in app.caption)
    assert any("演示数据" in c.value for c in app.caption)
    assert dict(app.query_params) == {}
    assert len(table_downloads(app)) == 4
    assert [b.key for b in chart_downloads(app)] == ["pt_hours_chart-png", "pt_assistants_chart-png"]


def test_the_map_is_in_the_briefing():
    items = run_patrol().session_state["_briefing_content"].items
    maps = [item for key, item in items.items() if key.startswith("map:")]
    assert [m.title for m in maps] == ["巡逻、岗亭与热点地图"]


def test_the_map_shown_loads_its_assets_from_the_app():
    from lib.viz.offline_assets import asset_urls
    recorded = next(item for key, item in run_patrol().session_state["_briefing_content"].items.items()
                    if key.startswith("map:"))
    urls = asset_urls(recorded.map)
    assert urls and all(url.startswith(recorded.asset_base.rstrip("/") + "/") for url in urls), urls


def test_night_view_of_dongpo_island_from_one_link():
    app = run_patrol(shift="night", town=SUCI, lang="en")
    assert "Patrol coverage" in app.title[0].value
    assert app.query_params["shift"] == "night" and app.query_params["town"] == SUCI
    assert app.selectbox(key="shift").value == "night"
    assert app.multiselect(key="town").value == [SUCI]
    assert any("Night (19:00–07:00)" in c.value and "Suci Subdistrict" in c.value for c in app.caption)
    night = metrics(app)["Incidents"]
    day = metrics(run_patrol(shift="day", town=SUCI, lang="en"))["Incidents"]
    assert night != day


def test_settings_from_the_url_change_the_figures():
    default = run_patrol()
    strict = run_patrol(dosage_min="60", cell_m="1000", measure="assistant", reach_min="15", mode="foot", team="police")
    assert strict.selectbox(key="dosage_min").value == "60" and strict.selectbox(key="cell_m").value == "1000"
    assert strict.multiselect(key="mode").value == ["foot"] and strict.multiselect(key="team").value == ["police"]
    assert metrics(strict)["巡逻时长(小时)"] != metrics(default)["巡逻时长(小时)"]
    assert metrics(strict)["热点覆盖率"] != metrics(default)["热点覆盖率"]


def test_a_widget_change_writes_codes_to_the_url():
    app = run_patrol()
    app.selectbox(key="shift").set_value("night").run()
    app.multiselect(key="town").set_value([SUCI]).run()
    assert not app.exception
    assert app.query_params["shift"] == "night" and app.query_params["town"] == SUCI


@pytest.mark.parametrize("params", [
    {"shift": "midnight"}, {"cell_m": "7"}, {"dosage_min": "<script>"}, {"measure": "x"}, {"town": "999"},
    {"period": "2030-01-01~2030-12-31"},
])
def test_bad_values_fall_back_to_defaults_with_a_notice(params):
    app = run_patrol(**params)
    assert len(app.toast) == 1
    assert metrics(app)["巡逻制止违法犯罪"] == "123起"
    assert dict(app.query_params) == {}
