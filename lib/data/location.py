"""Which data folder the app reads, and the version of what it holds (pure: no Streamlit, no environment writes).

The folder is the one the deployment names (PINGAN_DATA_DIR); else the work copy that the first upload made
(<PINGAN_WORK_DIR>/data); else the bundled demo data, which is never written. The version changes whenever a
dataset file or the manifest changes, by this process or any other: caches keyed by it follow every write.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from lib.data.contracts import DATASETS
from lib.settings import PROJECT_ROOT, Settings

BUNDLED_DATA_DIR = PROJECT_ROOT / "data"
MANIFEST_FILE = "manifest.json"


@dataclass(frozen=True)
class DataSource:
    """A data folder at one version: the key of every cache of data read from it."""

    folder: str
    version: str

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
    for name in sorted({spec.file for spec in DATASETS} | {MANIFEST_FILE}):
        path = Path(folder) / name
        try:
            stat = path.stat()
        except FileNotFoundError:
            digest.update(f"{name}|missing\n".encode())
            continue
        digest.update(f"{name}|{stat.st_size}|{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()[:16]


def data_source(settings: Settings) -> DataSource:
    folder = data_folder(settings).resolve()
    return DataSource(str(folder), data_version(folder))
