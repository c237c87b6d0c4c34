"""Every page on the database store shows exactly what it shows on the files; another county as the home district;
a city deployment switching between its counties by the URL, on files and on the database."""
from __future__ import annotations

import shutil

import pytest
from streamlit.testing.v1 import AppTest

from lib.data.store import BUNDLED_DATA_DIR
from lib.settings import DATA_DIR_SETTING, DATABASE_URL_SETTING, DISTRICTS_SETTING, HOME_DISTRICT_SETTING
from tests.app.apptest import open_app, sign_in_as
from tests.app.test_data_admin_app import open_app as open_data_page

PAGES = [None, "views/satisfaction.py", "views/mediation.py", "views/crime.py", "views/patrol.py"]
ALL_PAGES = [*PAGES, "views/data_admin.py"]


def open_any(page: str | None, **params: str) -> AppTest:
    """The app on `page`; the data page signed in, as its own tests open it."""
    return open_data_page(page, **params) if page == "views/data_admin.py" else open_app(page, **params)


def what_it_shows(app: AppTest) -> dict:
    """Every title, figure, table and caption on the page, as the reader sees them."""
    return {
        "titles": [t.value for t in app.title],
        "metrics": [(m.label, m.value, m.delta) for m in app.metric],
        "tables": [d.value.to_csv() for d in app.dataframe],
        "captions": [c.value for c in app.caption],
        "notes": [m.value for m in app.markdown],
    }


def texts(app: AppTest) -> str:
    """The page's own words (not its tables and charts, which may list other counties)."""
    parts = [e.value for kind in (app.title, app.caption, app.markdown, app.info, app.success, app.warning, app.subheader)
             for e in kind]
    return "\n".join([*parts, *(m.label for m in app.metric)])


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page or "views/overview.py")
def test_every_page_shows_the_same_on_the_database_as_on_the_files(page, database_url, monkeypatch):
    on_files = what_it_shows(open_app(page))
    monkeypatch.setenv(DATABASE_URL_SETTING, database_url)
    on_database = what_it_shows(open_app(page))
    assert on_database == on_files
    assert on_database["metrics"] or on_database["tables"]


def test_data_page_on_the_database_shows_the_status_and_offers_uploads(database_url, monkeypatch):
    sign_in_as(monkeypatch, "analyst")  # data management is offered behind a sign-in, uploads from the analyst up
    monkeypatch.setenv(DATABASE_URL_SETTING, database_url)
    app = open_any("views/data_admin.py", lang="en")
    shown = app.info[0].value.replace("\\", "").replace("\u2060", "")  # Markdown escapes; no address made a link
    assert "The data is in the database postgresql+psycopg://postgres@127.0.0.1" in shown
    status = app.dataframe[0].value.set_index("File")
    assert status.loc["incidents.csv", "Rows"] == 31_045 and status.loc["incidents.csv", "Data"] == "Demo"
    assert status.loc["incidents.csv", "Last updated"] != "—"  # when the database was loaded
    assert [uploader.disabled for uploader in app.get("file_uploader")] == [False]


@pytest.mark.parametrize("page", ALL_PAGES, ids=lambda page: page or "views/overview.py")
def test_another_county_as_the_home_district(page, pengshan_folder, monkeypatch):
    if page == "views/data_admin.py":
        sign_in_as(monkeypatch, "administrator")
    monkeypatch.setenv(DATA_DIR_SETTING, str(pengshan_folder))
    monkeypatch.setenv(HOME_DISTRICT_SETTING, "511403")
    app = open_any(page)
    shown = texts(app)
    assert any(c.value.startswith("彭山区 · 数据截至 2021") for c in app.sidebar.caption)
    assert "东坡" not in shown, shown
    if page == "views/satisfaction.py":
        assert "彭山区在全省 183 个县(市、区)中的位置" in shown


def test_overview_of_another_county_has_its_own_figures(pengshan_folder, monkeypatch):
    monkeypatch.setenv(DATA_DIR_SETTING, str(pengshan_folder))
    figures = {m.label: m.value for m in open_app(None, year="2020").metric}  # the county's 2020 results
    assert figures["巡逻制止街面违法犯罪"] == "47起" and figures["破获黄赌案件"] == "83起"
    assert figures["警务助理覆盖村(社区)"] == "40 / 87"


@pytest.fixture
def city_on_files(tmp_path, pengshan_folder, monkeypatch):
    """A city deployment on files: one folder per county, named by its adcode."""
    shutil.copytree(BUNDLED_DATA_DIR, tmp_path / "511402")
    shutil.copytree(pengshan_folder, tmp_path / "511403")
    monkeypatch.setenv(DATA_DIR_SETTING, str(tmp_path))


@pytest.fixture
def city_on_database(city_database_url, monkeypatch):
    monkeypatch.setenv(DATABASE_URL_SETTING, city_database_url)


@pytest.mark.parametrize("city", ["city_on_files", "city_on_database"])
def test_a_city_deployment_switches_county_by_the_url(city, request, monkeypatch):
    request.getfixturevalue(city)
    monkeypatch.setenv(DISTRICTS_SETTING, "511402,511403")
    app = open_app(None, year="2020")
    assert any(c.value.startswith("东坡区 · ") for c in app.sidebar.caption)
    assert {m.label: m.value for m in app.metric}["全省满意度排名"] == "第76名"
    assert "county" not in app.query_params  # the default county stays out of the link
    app.selectbox(key="county").set_value("511403").run()
    assert not app.exception
    assert any(c.value.startswith("彭山区 · ") for c in app.sidebar.caption)
    assert app.query_params["county"] == "511403"
    assert {m.label: m.value for m in app.metric}["巡逻制止街面违法犯罪"] == "47起"

    shared = open_app("views/crime.py", county="511403", lang="en")
    assert any(c.value.startswith("彭山区 · ") for c in shared.sidebar.caption)
    assert shared.selectbox(key="county").value == "511403"


def test_a_county_outside_the_deployment_falls_back_with_a_notice(city_database_url, monkeypatch):
    monkeypatch.setenv(DATABASE_URL_SETTING, city_database_url)
    monkeypatch.setenv(DISTRICTS_SETTING, "511402,511403")
    app = open_app(None, county="510104")
    assert any(c.value.startswith("东坡区 · ") for c in app.sidebar.caption)
    assert any("county=510104" in toast.value for toast in app.toast)


def test_a_database_of_several_counties_needs_the_home_district(city_database_url, monkeypatch):
    monkeypatch.setenv(DATABASE_URL_SETTING, city_database_url)
    app = open_app(None)
    assert "PINGAN_HOME_DISTRICT" in app.error[0].value and not app.metric
    monkeypatch.setenv(HOME_DISTRICT_SETTING, "511403")
    assert any(c.value.startswith("彭山区 · ") for c in open_app(None).sidebar.caption)
