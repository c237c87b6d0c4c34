"""A checked copy of a data folder, kept on disk so the next server start skips parsing and checking.

Reading and checking a million incidents takes seconds; reading the checked frames back takes a tenth of one. The
copy is a folder with one Parquet file per dataset (typed: categories, nullable integers and geometries come back
as they were; a quarter of a pickle's size) and bundle.json (the manifest). It is keyed by every data file's name,
size and modification time, and by the code that reads and checks them, so any change to either makes a fresh
copy. It lives outside the data folder (the deployment's cache folder, PINGAN_CACHE_DIR) and is written to a
temporary folder first, then renamed into place (a reader never sees half a copy).
"""
from __future__ import annotations

import functools
import hashlib
import json
import os
import shutil
import tempfile
from pathlib import Path

import geopandas as gpd
import pandas as pd

from lib.data.contracts import INCIDENTS
from lib.data.incidents import ParquetIncidents, save_case_facts
from lib.data.location import data_version
from lib.data.store import DataBundle, FileStore, Manifest, Progress, load_bundle
from lib.settings import PROJECT_ROOT

CODE_FILES = ("lib/data/contracts.py", "lib/data/rules.py", "lib/data/dates.py", "lib/data/store.py", "lib/data/codes.py",
              "lib/data/problems.py", "lib/data/case_facts.py")


@functools.lru_cache(maxsize=1)
def _code_version() -> str:
    digest = hashlib.sha256()
    for name in CODE_FILES:
        digest.update((PROJECT_ROOT / name).read_bytes())
    return digest.hexdigest()[:16]


def fingerprint(root: Path) -> str:
    """The snapshot's key: the data files' version and the version of the code that checks them."""
    return f"{_code_version()}-{data_version(root)}"


def snapshot_path(root: Path, cache_dir: Path) -> Path:
    """Where the snapshot of `root` as it is now lives (whether made yet or not)."""
    return Path(cache_dir) / f"{fingerprint(Path(root).resolve())}{SUFFIX}"


def load_bundle_cached(root: Path, cache_dir: Path, progress: Progress | None = None) -> DataBundle:
    """The checked bundle of `root`, from the snapshot in `cache_dir` when one matches, else read, checked (telling
    `progress` of each dataset) and saved."""
    root = Path(root).resolve()
    snapshot = snapshot_path(root, cache_dir)
    if snapshot.exists():
        try:
            return _read(snapshot)
        except Exception:  # a damaged or foreign snapshot is rebuilt, never trusted
            _remove(snapshot)
    bundle = load_bundle(FileStore(root), progress)
    if _save(snapshot, bundle):
        return _read(snapshot)  # the incidents' records left on disk, not held in memory
    return bundle


KEEP_SNAPSHOTS = 4
SUFFIX = ".snapshot"
INDEX_FILE = "bundle.json"


def _read(snapshot: Path) -> DataBundle:
    """Every dataset read back, but the incidents: those are answered from their file (ParquetIncidents)."""
    index = json.loads((snapshot / INDEX_FILE).read_text(encoding="utf-8"))
    frames = {name: (gpd.read_parquet if name in index["geo"] else pd.read_parquet)(snapshot / f"{name}.parquet")
              for name in index["frames"] if name != INCIDENTS.name}
    incidents = ParquetIncidents(snapshot / f"{INCIDENTS.name}.parquet")
    return DataBundle(frames, Manifest(index["schema_version"], index["demo"]), incidents)


def _remove(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def _save(snapshot: Path, bundle: DataBundle) -> bool:
    """The bundle written as the snapshot; whether the snapshot is there now (this one, or another process's)."""
    temporary: str | None = None
    try:
        snapshot.parent.mkdir(parents=True, exist_ok=True)
        temporary = tempfile.mkdtemp(dir=snapshot.parent, suffix=".tmp")
        for name, frame in bundle.frames.items():
            frame.to_parquet(Path(temporary) / f"{name}.parquet")
        save_case_facts(bundle.incidents.case_facts(), Path(temporary))  # what the first page of a start reads
        index = {"frames": list(bundle.frames), "schema_version": bundle.manifest.schema_version,
                 "demo": bundle.manifest.demo,
                 "geo": [name for name, frame in bundle.frames.items() if isinstance(frame, gpd.GeoDataFrame)]}
        (Path(temporary) / INDEX_FILE).write_text(json.dumps(index), encoding="utf-8")
        os.replace(temporary, snapshot)  # a folder renamed into place: whole or not at all
    except OSError:  # a cache that cannot be written only costs speed (or another process wrote it first)
        if temporary:
            shutil.rmtree(temporary, ignore_errors=True)
        return snapshot.exists()
    older = sorted((p for p in snapshot.parent.glob("*" + SUFFIX)), key=lambda p: p.stat().st_mtime,
                   reverse=True)[KEEP_SNAPSHOTS:]
    for stale in older:
        _remove(stale)
    for pickled in snapshot.parent.glob("*.pickle"):  # the snapshots of earlier releases
        pickled.unlink(missing_ok=True)
    return True
