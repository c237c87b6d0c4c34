"""Where the app's data is, and the version of what it holds (pure: no Streamlit, no environment writes).

With PINGAN_DATABASE_URL the data is in that database, one county's rows at a time, and its version is the
database's data-version number (lib/data/db). Otherwise it is a folder: the one the deployment names
(PINGAN_DATA_DIR); else the work copy that the first upload made (<PINGAN_WORK_DIR>/data); else the bundled demo
data, which is never written. A city deployment on files (PINGAN_DISTRICTS) keeps one such folder per county,
named by its adcode, in PINGAN_DATA_DIR. The version changes whenever a dataset file or the manifest changes, by
this process or any other: caches keyed by it follow every write.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from lib.data.contracts import DATASETS
from lib.settings import DATA_DIR_SETTING, DISTRICTS_SETTING, HOME_DISTRICT_SETTING, PROJECT_ROOT, Settings, SettingsError

BUNDLED_DATA_DIR = PROJECT_ROOT / "data"
MANIFEST_FILE = "manifest.json"


@dataclass(frozen=True)
class DataSource:
    """Where the data is, at one version: the key of every cache of data read from it."""

    folder: str  # the data folder; for a database, its address (password hidden)
    version: str
    county: str | None = None  # the county whose data is read; None: the folder's own county
    database: bool = False  # whether the data is in the database of PINGAN_DATABASE_URL

    @property
    def path(self) -> Path:
        return Path(self.folder)


def work_copy_dir(settings: Settings) -> Path:
    return settings.work_dir / "data"


def data_folder(settings: Settings) -> Path:
    """The folder the app reads."""
    if settings.data_dir is not None:
        return settings.data_dir
    work_copy = work_copy_dir(settings)
    return work_copy if (work_copy / MANIFEST_FILE).is_file() else BUNDLED_DATA_DIR


def is_bundled(folder: Path) -> bool:
    return Path(folder).resolve() == BUNDLED_DATA_DIR.resolve()


def data_version(folder: Path) -> str:
    """A short digest of every dataset file's and the manifest's size and modification time."""
    digest = hashlib.sha256()
    files = {spec.file for spec in DATASETS} | {spec.former_file for spec in DATASETS if spec.former_file}
    for name in sorted(files | {MANIFEST_FILE}):
        path = Path(folder) / name
        try:
            stat = path.stat()
        except FileNotFoundError:
            digest.update(f"{name}|missing\n".encode())
            continue
        digest.update(f"{name}|{stat.st_size}|{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()[:16]


def county_folder(settings: Settings, county: str | None) -> Path:
    """The folder of one county's data: its adcode's folder in PINGAN_DATA_DIR for a city deployment on files."""
    if not settings.districts:
        return data_folder(settings)
    if settings.data_dir is None:
        raise SettingsError(DISTRICTS_SETTING, ",".join(settings.districts),
                            f"在文件上切换区县时,{DATA_DIR_SETTING} 应指向按区县代码分子目录存放数据的目录",
                            f"on files, switching counties needs {DATA_DIR_SETTING} naming a folder with one "
                            "folder of data per county, named by its adcode")
    return settings.data_dir / (county or settings.districts[0])


def _database_county(county: str | None, loaded: list[str]) -> str:
    """The county a database source reads: the one asked for, else the only one the database holds."""
    if county:
        return county
    if len(loaded) == 1:
        return loaded[0]
    raise SettingsError(HOME_DISTRICT_SETTING, "", "数据库中有多个区县(或没有),请设置本区县代码",
                        f"the database holds {len(loaded)} counties: set the home district's adcode")


def data_source(settings: Settings, county: str | None = None) -> DataSource:
    """The data the app reads now for `county` (an adcode; None: the deployment's default county)."""
    county = county or settings.default_district
    if settings.database_url is not None:
        from lib.data.db.connect import database_state  # imported only by deployments that use a database

        address, version, loaded = database_state(settings.database_url)
        return DataSource(address, f"db-{version}", _database_county(county, loaded), database=True)
    folder = county_folder(settings, county).resolve()
    return DataSource(str(folder), data_version(folder), county if settings.districts else None)
