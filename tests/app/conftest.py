"""Fixtures of the page tests."""
import pytest

from lib.settings import DATABASE_URL_SETTING


@pytest.fixture(params=["files", "database"])
def each_store(request, monkeypatch) -> str:
    """The test runs twice: on the bundled files, and on this run's database holding the same demo data (the page
    tests that use it pass on both stores, with the same expectations)."""
    if request.param == "database":
        monkeypatch.setenv(DATABASE_URL_SETTING, request.getfixturevalue("database_url"))
    return request.param
