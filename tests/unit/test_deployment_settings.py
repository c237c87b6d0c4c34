"""The database and city-deployment settings: read, checked, and where the data then comes from."""
from __future__ import annotations

import pytest

from lib.data.location import county_folder, data_source
from lib.settings import SettingsError, read_settings


def settings(**environ: str):
    return read_settings(environ, lambda: {})


def test_a_database_url_is_kept_as_given_and_a_plain_postgresql_url_is_accepted():
    assert settings(PINGAN_DATABASE_URL="postgresql+psycopg://pingan@db/pingan").database_url == \
        "postgresql+psycopg://pingan@db/pingan"
    assert settings(PINGAN_DATABASE_URL=" postgresql://pingan@db/pingan ").database_url == "postgresql://pingan@db/pingan"
    assert settings().database_url is None and settings(PINGAN_DATABASE_URL="").database_url is None


@pytest.mark.parametrize("value", ["mysql://pingan:secret@db/pingan", "postgresql://pingan:secret@db", "not a url"])
def test_a_database_url_that_is_not_postgresql_stops_the_app_without_showing_its_password(value):
    with pytest.raises(SettingsError) as caught:
        settings(PINGAN_DATABASE_URL=value)
    assert caught.value.name == "PINGAN_DATABASE_URL" and "secret" not in caught.value.message("en")


def test_districts_are_adcodes_each_once_and_the_default_is_the_home_district():
    city = settings(PINGAN_DISTRICTS="511402, 511403,511402")
    assert city.districts == ("511402", "511403") and city.default_district == "511402"
    assert settings(PINGAN_DISTRICTS="511402,511403", PINGAN_HOME_DISTRICT="511403").default_district == "511403"
    assert settings().districts == () and settings().default_district is None


@pytest.mark.parametrize("environ", [{"PINGAN_DISTRICTS": "511402,5114"},
                                     {"PINGAN_DISTRICTS": "511403", "PINGAN_HOME_DISTRICT": "511402"}])
def test_bad_districts_stop_the_app(environ):
    with pytest.raises(SettingsError) as caught:
        settings(**environ)
    assert caught.value.name == "PINGAN_DISTRICTS"


def test_a_city_on_files_reads_one_folder_per_county(tmp_path):
    city = settings(PINGAN_DATA_DIR=str(tmp_path), PINGAN_DISTRICTS="511402,511403")
    assert county_folder(city, "511403") == tmp_path / "511403"
    assert county_folder(city, None) == tmp_path / "511402"
    source = data_source(city, "511403")
    assert (source.folder, source.county, source.database) == (str((tmp_path / "511403").resolve()), "511403", False)
    with pytest.raises(SettingsError):  # a city on files needs its folder of county folders
        county_folder(settings(PINGAN_DISTRICTS="511402,511403"), "511403")


def test_one_county_on_files_reads_the_data_folder(tmp_path):
    one = settings(PINGAN_DATA_DIR=str(tmp_path))
    assert county_folder(one, "511403") == tmp_path and data_source(one).county is None


def test_the_database_source_names_the_county_and_the_version(database_url):
    source = data_source(settings(PINGAN_DATABASE_URL=database_url))
    assert source.database and source.county == "511402" and source.version.startswith("db-")
    assert source.folder == database_url  # no password here to hide


def test_a_database_of_several_counties_needs_to_be_told_which(city_database_url):
    with pytest.raises(SettingsError) as caught:
        data_source(settings(PINGAN_DATABASE_URL=city_database_url))
    assert caught.value.name == "PINGAN_HOME_DISTRICT"
    assert data_source(settings(PINGAN_DATABASE_URL=city_database_url, PINGAN_HOME_DISTRICT="511403")).county == "511403"
