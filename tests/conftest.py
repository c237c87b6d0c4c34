from pathlib import Path

import pytest

from lib.data.store import BUNDLED_DATA_DIR, DataBundle, FileStore, load_bundle


@pytest.fixture(scope="session")
def bundle() -> DataBundle:
    """The committed demo data, read and checked the way the app reads it."""
    return load_bundle(FileStore(BUNDLED_DATA_DIR))


@pytest.fixture
def project_root() -> Path:
    return Path(__file__).resolve().parents[1]
