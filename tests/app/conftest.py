"""Fixtures of the page tests: the same tests on the files and on the database."""
import shutil
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pytest

from lib.audit import AuditLog
from lib.data.contracts import DATASETS_BY_NAME
from lib.data.db.connect import engine_for
from lib.data.db.store import DbStore
from lib.data.db.writes import DbWrites
from lib.data.store import BUNDLED_DATA_DIR, FileStore
from lib.settings import DATA_DIR_SETTING, DATABASE_URL_SETTING, WORK_DIR_SETTING, read_settings
from tests.database import fresh_database


@pytest.fixture(params=["files", "database"])
def each_store(request, monkeypatch) -> str:
    """The test runs twice: on the bundled files, and on this run's database holding the same demo data (the page
    tests that use it pass on both stores, with the same expectations)."""
    if request.param == "database":
        monkeypatch.setenv(DATABASE_URL_SETTING, request.getfixturevalue("database_url"))
    return request.param


@dataclass(frozen=True)
class Store:
    """Where the page reads and writes in a test: a copy of the data folder, or a database of its own."""

    kind: str  # "files" or "database"
    folder: Path | None = None
    url: str | None = None

    def read(self, name: str) -> pd.DataFrame:
        spec = DATASETS_BY_NAME[name]
        return (FileStore(self.folder) if self.folder else DbStore(engine_for(self.url), "511402")).read(spec)

    def audit(self) -> pd.DataFrame:
        """The audit lines of the uploads and rollbacks: the audit file's, or the database's own rows."""
        trail = AuditLog(read_settings().audit_path).read() if self.folder else \
            DbWrites(engine_for(self.url), "511402").audit_rows()
        return trail[trail.action.isin(["upload", "rollback"])]


@pytest.fixture(params=["files", "database"])
def store(request, tmp_path, monkeypatch):
    """The page on a writable copy of the demo data, in a folder or in a fresh database."""
    monkeypatch.setenv(WORK_DIR_SETTING, str(tmp_path / "work"))
    if request.param == "files":
        shutil.copytree(BUNDLED_DATA_DIR, tmp_path / "data")
        monkeypatch.setenv(DATA_DIR_SETTING, str(tmp_path / "data"))
        yield Store("files", folder=tmp_path / "data")
        return
    with fresh_database("page", BUNDLED_DATA_DIR) as url:
        monkeypatch.setenv(DATABASE_URL_SETTING, url)
        yield Store("database", url=url)
