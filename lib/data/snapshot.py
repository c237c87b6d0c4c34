"""A checked copy of a data folder, kept on disk so the next server start skips parsing and checking.

Reading and checking a million incidents takes seconds; unpickling the checked bundle takes a tenth
of one. The copy is keyed by every data file's name, size and modification time, and by the code
that reads and checks them, so any change to either makes a fresh copy. It lives outside the data
folder (the deployment's cache folder, PINGAN_CACHE_DIR) and is written atomically.
"""
from __future__ import annotations

import functools
import hashlib
import os
import pickle
import tempfile
from pathlib import Path

from lib.data.location import data_version
from lib.data.store import DataBundle, FileStore, Progress, load_bundle
from lib.settings import PROJECT_ROOT

CODE_FILES = ("lib/data/contracts.py", "lib/data/rules.py", "lib/data/dates.py", "lib/data/store.py", "lib/data/codes.py",
              "lib/data/problems.py")


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
    return Path(cache_dir) / f"{fingerprint(Path(root).resolve())}.pickle"


def load_bundle_cached(root: Path, cache_dir: Path, progress: Progress | None = None) -> DataBundle:
    """The checked bundle of `root`, from the snapshot in `cache_dir` when one matches, else read, checked (telling
    `progress` of each dataset) and saved."""
    root = Path(root).resolve()
    snapshot = snapshot_path(root, cache_dir)
    if snapshot.exists():
        try:
            with snapshot.open("rb") as handle:
                return pickle.load(handle)
        except Exception:  # a damaged or foreign snapshot is rebuilt, never trusted
            snapshot.unlink(missing_ok=True)
    bundle = load_bundle(FileStore(root), progress)
    _save(snapshot, bundle)
    return bundle


KEEP_SNAPSHOTS = 4


def _save(snapshot: Path, bundle: DataBundle) -> None:
    temporary: str | None = None
    try:
        snapshot.parent.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(dir=snapshot.parent, suffix=".tmp")
        with os.fdopen(descriptor, "wb") as handle:
            pickle.dump(bundle, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, snapshot)
    except OSError:  # a cache that cannot be written only costs speed
        if temporary:
            Path(temporary).unlink(missing_ok=True)
        return
    older = sorted(snapshot.parent.glob("*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)[KEEP_SNAPSHOTS:]
    for stale in older:
        stale.unlink(missing_ok=True)
