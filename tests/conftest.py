import logging
import os
import shutil
from pathlib import Path

import pytest

from lib.data.store import BUNDLED_DATA_DIR, DataBundle, FileStore, load_bundle
from lib.settings import CACHE_DIR_SETTING, DATA_DIR_SETTING, WORK_DIR_SETTING
from tests.database import fresh_database


@pytest.fixture(scope="session")
def bundle() -> DataBundle:
    """The committed demo data, read and checked the way the app reads it."""
    return load_bundle(FileStore(BUNDLED_DATA_DIR))


@pytest.fixture
def project_root() -> Path:
    return Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session", autouse=True)
def isolated_folders(tmp_path_factory):
    """Tests never read a work copy or snapshot this machine's own app runs left in the home folder."""
    for name, folder in ((WORK_DIR_SETTING, "work"), (CACHE_DIR_SETTING, "cache")):
        os.environ[name] = str(tmp_path_factory.mktemp(folder))
    os.environ.pop(DATA_DIR_SETTING, None)


@pytest.fixture
def data_copy(tmp_path, monkeypatch) -> Path:
    """A writable copy of the bundled data, set as the app's data folder, with its own work folder."""
    root = tmp_path / "data"
    shutil.copytree(BUNDLED_DATA_DIR, root)
    monkeypatch.setenv(DATA_DIR_SETTING, str(root))
    monkeypatch.setenv(WORK_DIR_SETTING, str(tmp_path / "work"))
    return root


@pytest.fixture(autouse=True)
def no_page_failed(request, caplog):
    """A page that fails shows a short message, not an exception (lib/ui/shell.py run_page): the failure is logged,
    and any test in which a page failed fails, unless it is marked page_failure_expected."""
    yield
    if request.node.get_closest_marker("page_failure_expected"):
        return
    failed = [r for r in caplog.get_records("call") if r.name == "pingan.pages" and r.levelno >= logging.ERROR]
    assert not failed, "a page failed: " + "\n".join(r.getMessage() + "\n" + (r.exc_text or "") for r in failed)


@pytest.fixture(scope="session")
def pengshan_folder(tmp_path_factory) -> Path:
    """Another county's data: the generator's illustrative Pengshan (511403), small."""
    from lib.data.demo.__main__ import generate
    from lib.data.demo.counties import PENGSHAN

    folder = tmp_path_factory.mktemp("pengshan") / "data"
    generate(folder, county=PENGSHAN)
    return folder


@pytest.fixture(scope="session")
def database_url() -> str:
    """A fresh database holding the bundled demo data (Dongpo), for this test run only."""
    with fresh_database("dongpo", BUNDLED_DATA_DIR) as url:
        yield url


@pytest.fixture(scope="session")
def city_database_url(pengshan_folder) -> str:
    """A fresh database holding two counties: the demo's Dongpo and the generated Pengshan."""
    with fresh_database("city", BUNDLED_DATA_DIR, pengshan_folder) as url:
        yield url
