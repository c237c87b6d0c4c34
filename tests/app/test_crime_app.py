"""The crime-trends page through AppTest: default view, URL states, bad URL values, an empty selection, downloads;
each on the files and on the database (`each_store`)."""
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest
from apptest import table_downloads

APP = str(Path(__file__).resolve().parents[2] / "app.py")
pytestmark = pytest.mark.usefixtures("each_store")


def open_crime(**params) -> AppTest:
    app = AppTest.from_file(APP, default_timeout=120)
    app.query_params["lang"] = params.pop("lang", "zh")  # the language switch reads it on the first run
    app.run()  # st.navigation registers the pages on the first run
    for key, value in params.items():
        app.query_params[key] = value
    app.switch_page("views/crime.py").run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def reported(bundle, start: str, end: str, towns=None, types=None) -> int:
    """Incidents reported from `start` to `end` (both days), counted straight from the records."""
    incidents = bundle["incidents"]
    keep = (incidents["reported_at"] >= start) & (incidents["reported_at"] < pd.Timestamp(end) + pd.Timedelta(days=1))
    if towns:
        keep &= incidents["town_code"].isin(towns)
    if types:
        keep &= incidents["crime_type"].isin(types)
    return int(keep.sum())


def metric(app: AppTest, label: str) -> str:
    return next(m.value for m in app.metric if m.label == label)


def test_default_view(bundle):
    app = open_crime()
    assert app.title[0].value == "犯罪趋势"
    as_of = bundle.as_of.isoformat()
    assert metric(app, "案件数") == f"{reported(bundle, '2020-01-01', as_of):,}起"
    assert any(f"统计期 2020-01-01 至 {as_of}" in c.value for c in app.caption)
    assert any(f"截至数据日期 {as_of}" in c.value for c in app.caption)
    assert any("演示数据" in c.value for c in app.caption)
    assert len(app.dataframe) == 1 and len(app.dataframe[0].value) == 19  # total, 5 groups, 13 types
    assert dict(app.query_params) == {}  # defaults stay out of the URL
    assert not app.info


def test_url_state_is_restored(bundle):
    app = open_crime(lang="en", town="511402001,511402003", crime_group="violent", grain="month",
                     layout="multiples", period="2020-01-01~2020-12-31")
    assert app.title[0].value == "Crime trends"
    count = reported(bundle, "2020-01-01", "2020-12-31", ["511402001", "511402003"], ["assault", "homicide"])
    assert metric(app, "Incidents") == f"{count:,}"
    assert app.multiselect(key="town").value == ["511402001", "511402003"]
    assert app.selectbox(key="grain").value == "month" and app.selectbox(key="layout").value == "multiples"
    assert app.query_params["town"] == "511402001,511402003" and app.query_params["crime_group"] == "violent"
    assert len(app.dataframe[0].value) == 4  # total, the violent group, assault, homicide


def test_crime_type_from_the_url(bundle):
    app = open_crime(crime_type="burglary", period="2020-04-01~2020-04-30", grain="day")
    assert metric(app, "案件数") == f"{reported(bundle, '2020-04-01', '2020-04-30', types=['burglary']):,}起"
    assert app.multiselect(key="crime_type").value == ["burglary"]


@pytest.mark.parametrize("params", [{"grain": "hourly"}, {"crime_type": "<script>"}, {"period": "2020-13-01~2020-12-31"},
                                    {"town": "999"}, {"layout": "pie"}])
def test_bad_url_values_fall_back_to_the_defaults(bundle, params):
    app = open_crime(**params)
    assert app.title[0].value == "犯罪趋势"
    assert any("无效" in toast.value for toast in app.toast)
    assert metric(app, "案件数") == f"{reported(bundle, '2020-01-01', bundle.as_of.isoformat()):,}起"


@pytest.mark.parametrize("params", [
    {"crime_group": "violent", "crime_type": "burglary"},  # the two filters share no type
    {"crime_type": "homicide", "town": "511402112", "period": "2020-07-01~2020-07-01"},  # no incidents there
])
def test_an_empty_selection_says_so(params):
    app = open_crime(**params)
    assert app.title[0].value == "犯罪趋势"
    assert [i.value for i in app.info] == ["所选条件下没有数据,请放宽筛选条件。"]
    assert not app.metric and not app.dataframe


def test_a_filter_change_goes_to_the_url_and_the_figures(bundle):
    app = open_crime()
    app.multiselect(key="town").set_value(["511402100"]).run()
    assert app.query_params["town"] == "511402100"
    assert metric(app, "案件数") == f"{reported(bundle, '2020-01-01', bundle.as_of.isoformat(), ['511402100']):,}起"


def test_aggregates_download_always_and_records_on_request(bundle):
    app = open_crime(crime_type="homicide")
    assert len(table_downloads(app)) == 2 * 5  # five aggregates, CSV and Excel each
    app.toggle(key="crime_records_prepare").set_value(True).run()
    assert not app.exception
    assert len(table_downloads(app)) == 2 * 6  # and the records
    count = reported(bundle, "2020-01-01", bundle.as_of.isoformat(), types=["homicide"])
    assert any(c.value == f"共 {count:,} 条" for c in app.caption)
