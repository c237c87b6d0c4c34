import os
import shutil
from pathlib import Path

import pytest

from lib.data.store import BUNDLED_DATA_DIR, DATA_DIR_ENV, DataBundle, FileStore, load_bundle
from lib.data.writes import WORK_DIR_ENV


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
    for name, folder in (("PINGAN_WORK_DIR", "work"), ("PINGAN_CACHE_DIR", "cache")):
        os.environ[name] = str(tmp_path_factory.mktemp(folder))
    os.environ.pop("PINGAN_DATA_DIR", None)


@pytest.fixture
def data_copy(tmp_path, monkeypatch) -> Path:
    """A writable copy of the bundled data, set as the app's data folder, with its own work folder."""
    root = tmp_path / "data"
    shutil.copytree(BUNDLED_DATA_DIR, root)
    monkeypatch.setenv(DATA_DIR_ENV, str(root))
    monkeypatch.setenv(WORK_DIR_ENV, str(tmp_path / "work"))
    return root
