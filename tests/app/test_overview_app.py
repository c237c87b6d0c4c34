"""The overview page through Streamlit's AppTest: default view, other URL states, bad URL values; each on the files
and on the database (`each_store`)."""
import pytest

from apptest import metric_values as metrics
from apptest import open_app


def run_app(**params):
    return open_app(None, **params)


@pytest.mark.usefixtures("each_store")
def test_default_view_is_this_year_so_far_against_the_same_days_a_year_earlier():
    app = run_app()
    assert app.title[0].value == "2021年平安建设总览(截至3月11日)"
    assert app.selectbox(key="year").value == 2021 and dict(app.query_params) == {}
    shown = {m.label: m for m in app.metric}
    band = ["满意度排名(2020年测评)", "刑事治安案件", "破案率", "排查非涉稳矛盾纠纷", "巡逻制止街面违法犯罪"]
    assert [m.label for m in app.metric][:5] == band  # the first screen answers "how are we doing"
    assert (shown["刑事治安案件"].value, shown["刑事治安案件"].delta) == ("1,122起", "+5.7% 较上年同期")
    assert all(shown[label].proto.chart_data for label in band)  # each with its trend line
    assert any("与2020年同期(1月1日—3月11日)比较" in c.value for c in app.caption)


@pytest.mark.usefixtures("each_store")
def test_the_full_year_2020_with_the_seed_figures():
    app = run_app(year="2020")
    assert app.title[0].value == "2020年平安建设总览"
    summary = "\n".join(m.value for m in app.markdown).replace("\\", "")  # markdown escapes
    assert "情况简报" in summary and "全年排查非涉稳矛盾纠纷2,780件,较2019年下降15.2%。" in summary
    shown = metrics(app)
    assert shown["全省满意度排名"] == "第76名"
    assert shown["巡逻制止街面违法犯罪"] == "123起"
    assert shown["巡逻抓获各类逃犯"] == "14名"
    assert shown["打掉侵财犯罪团伙"] == "28个"
    assert shown["抓获侵财犯罪嫌疑人"] == "470人"
    assert shown["破获黄赌案件"] == "216起"
    assert shown["打掉黄赌团伙"] == "21个"
    assert shown["抓获黄赌违法犯罪人员"] == "810人"
    assert shown["涉恶案件判决"] == "2件"
    assert shown["涉黑涉恶抓获嫌疑人"] == "32人"
    assert shown["涉黑涉恶批准逮捕"] == "12人"
    assert shown["查扣涉黑涉恶资产"] == "1260万元"
    assert shown["抓获贩卡组织嫌疑人"] == "6人"
    assert shown["抓获命案积案逃犯"] == "2名"
    assert shown["挽回各类财产损失"] == "7000万元"
    assert shown["警务助理覆盖村(社区)"] == "97 / 245"
    assert shown["排查非涉稳矛盾纠纷"] == "2,780件"
    assert shown["诉前委派 调成"] == "576件"
    assert shown["公调对接 调成"] == "595件"
    assert shown["个人调解室 调成"] == "49件"
    deltas = {m.label: m.delta for m in app.metric}
    assert deltas["排查非涉稳矛盾纠纷"] == "-15.2% 较2019年"
    assert any("2020年首次进入全省前80名" in s.value for s in app.success)
    assert any("演示数据" in c.value for c in app.caption)
    assert any("抓获命案积案逃犯 +100.0% 较2019年:数量小,属随机波动" in c.value for c in app.caption)


@pytest.mark.usefixtures("each_store")
def test_english_and_another_year_from_the_url():
    app = run_app(lang="en", year="2019")
    assert app.title[0].value == "Public safety overview, 2019"
    assert metrics(app)["Province satisfaction rank"] == "No. 93"
    assert metrics(app)["Disputes screened"] == "3,278"


@pytest.mark.usefixtures("each_store")
@pytest.mark.parametrize("params", [{"year": "1999"}, {"year": "<script>"}, {"lang": "fr"}])
def test_bad_url_values_fall_back_to_the_defaults(params):
    app = run_app(**params)
    assert app.title[0].value == "2021年平安建设总览(截至3月11日)"
    if "year" in params:
        assert any("无效" in toast.value for toast in app.toast)


def test_broken_data_shows_a_clear_message_not_a_traceback(tmp_path, monkeypatch):
    import shutil
    from lib.data.store import BUNDLED_DATA_DIR
    from lib.settings import DATA_DIR_SETTING
    shutil.copytree(BUNDLED_DATA_DIR, tmp_path / "data")
    (tmp_path / "data" / "events.csv").write_text("event_id,date\nx,not-a-date\n", encoding="utf-8")
    monkeypatch.setenv(DATA_DIR_SETTING, str(tmp_path / "data"))
    app = run_app()
    message = app.error[0].value.replace("\\", "")  # the Markdown escapes
    assert "数据未能载入" in message and "events.csv" in message and "列 kind" in message
