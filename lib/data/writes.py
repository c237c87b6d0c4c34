"""Safe writes to the data folder: atomic, locked, versioned, and never into the committed demo data.

The bundled data/ is part of the code and is never written: the first upload while the app reads it copies data/
to the work folder (<PINGAN_WORK_DIR>/data), which lib/data/location.py then names as the folder to read, in this
process and at every later start. To go back to the demo data, delete <work>/data.

Every write: takes an exclusive lock on <data>/.lock (fcntl.flock), so two uploads never interleave;
keeps the file it replaces as <data>/.versions/<dataset>/<UTC timestamp>[-demo].csv (.geojson for
boundaries); writes a temp file in the same folder, fsyncs it, then os.replace()s it over the old file,
so a crash leaves the old file whole; and marks the dataset real (demo: false) in manifest.json.
Boundaries are written by `save_boundaries()` as the deterministic GeoJSON of lib/data/geojson_writer.py.
"""
from __future__ import annotations

import fcntl
import json
import os
import shutil
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator

import pandas as pd

from lib.data.contracts import DatasetSpec
from lib.data.geojson_writer import feature_line
from lib.data.location import BUNDLED_DATA_DIR, MANIFEST_FILE, data_folder, is_bundled, work_copy_dir
from lib.settings import Settings

LOCK_FILE = ".lock"
VERSIONS_DIR = ".versions"
DEMO_SUFFIX = "-demo"
STAMP_FORMAT = "%Y%m%dT%H%M%S%fZ"


def writable_data_dir(settings: Settings, root: Path | None = None) -> Path:
    """The folder uploads write to: the one the app reads (`root`, the page's folder; by default the deployment's
    data folder), or, while that is the bundled data, a work copy of it (made once, whole: a copy interrupted
    half-way is replaced)."""
    root = data_folder(settings) if root is None else Path(root)
    if not is_bundled(root):
        return root
    target = work_copy_dir(settings)
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".data-copy-", dir=target.parent))
    shutil.copytree(BUNDLED_DATA_DIR, staging / "data", ignore=shutil.ignore_patterns(VERSIONS_DIR, LOCK_FILE))
    if target.exists():  # a half-made copy from an interrupted start: replaced whole
        shutil.rmtree(target)
    os.replace(staging / "data", target)
    staging.rmdir()
    return target


@contextmanager
def data_lock(root: Path) -> Iterator[None]:
    """An exclusive lock on the data folder for the duration of a write (blocks until it is free)."""
    root.mkdir(parents=True, exist_ok=True)
    with open(root / LOCK_FILE, "a+b") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def atomic_write(path: Path, data: bytes) -> None:
    """Replace `path` with `data` so that a reader, or a crash, only ever sees the old or the new file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    folder = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(folder)
    finally:
        os.close(folder)


def _manifest(root: Path) -> dict:
    path = root / MANIFEST_FILE
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {"schema_version": 1, "datasets": {}}


def set_demo_flag(root: Path, dataset: str, demo: bool) -> None:
    content = _manifest(root)
    content.setdefault("datasets", {}).setdefault(dataset, {})["demo"] = demo
    atomic_write(root / MANIFEST_FILE, (json.dumps(content, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))


@dataclass(frozen=True)
class Version:
    """A kept earlier version of a dataset's file."""

    path: Path
    saved_at: datetime  # UTC, when it was replaced
    demo: bool  # it held demo data
    size: int


def _stamp(now: datetime | None) -> str:
    return (now or datetime.now(timezone.utc)).astimezone(timezone.utc).strftime(STAMP_FORMAT)


def _keep_version(root: Path, spec: DatasetSpec, now: datetime | None) -> Path | None:
    current = root / spec.file
    if not current.is_file():
        return None
    demo = bool(_manifest(root).get("datasets", {}).get(spec.name, {}).get("demo", False))
    folder = root / VERSIONS_DIR / spec.name
    name = _stamp(now)
    while (folder / f"{name}{current.suffix}").exists() or (folder / f"{name}{DEMO_SUFFIX}{current.suffix}").exists():
        name += "_"
    kept = folder / f"{name}{DEMO_SUFFIX if demo else ''}{current.suffix}"
    atomic_write(kept, current.read_bytes())
    return kept


def save_dataset(spec: DatasetSpec, content: bytes, root: Path, now: datetime | None = None) -> Path | None:
    """Write `content` as the dataset's file in `root` (locked, versioned, atomic) and mark it real; the version kept."""
    root = Path(root)
    if is_bundled(root):
        raise PermissionError(f"the bundled demo data in {root} is never written; use writable_data_dir()")
    with data_lock(root):
        kept = _keep_version(root, spec, now)
        atomic_write(root / spec.file, content)
        set_demo_flag(root, spec.name, False)
    return kept


def _json_value(value: object, kind: str) -> object:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    if kind == "int":
        return int(value)  # type: ignore[call-overload]
    if kind == "float":
        return float(value)  # type: ignore[arg-type]
    if kind == "bool":
        return bool(value)
    return str(value)


def geojson_bytes(spec: DatasetSpec, frame: pd.DataFrame) -> bytes:
    """A boundary dataset (a GeoDataFrame in WGS84) as the deterministic GeoJSON of lib/data/geojson_writer.py."""
    kinds = [(c.name, c.kind) for c in spec.columns]
    lines = [feature_line({name: _json_value(row[name], kind) for name, kind in kinds}, geometry)
             for (_, row), geometry in zip(frame.iterrows(), frame.geometry)]
    body = ",\n".join(lines)
    return f'{{"type":"FeatureCollection","features":[\n{body}\n]}}\n'.encode("utf-8")


def save_boundaries(spec: DatasetSpec, frame: pd.DataFrame, root: Path, now: datetime | None = None) -> Path | None:
    """Write a boundary dataset as GeoJSON, with the same lock, version and atomic rename as a table."""
    if not spec.geometry:
        raise ValueError(f"{spec.name} is not a boundary dataset")
    return save_dataset(spec, geojson_bytes(spec, frame), root, now)


def list_versions(spec: DatasetSpec, root: Path) -> list[Version]:
    """The kept versions of a dataset, newest first."""
    folder = Path(root) / VERSIONS_DIR / spec.name
    if not folder.is_dir():
        return []
    versions = []
    for path in folder.iterdir():
        stem = path.stem
        demo = stem.endswith(DEMO_SUFFIX)
        try:
            saved = datetime.strptime(stem.removesuffix(DEMO_SUFFIX).rstrip("_"), STAMP_FORMAT).replace(tzinfo=timezone.utc)
        except ValueError:
            continue
        versions.append(Version(path, saved, demo, path.stat().st_size))
    return sorted(versions, key=lambda v: (v.saved_at, v.path.name), reverse=True)


def rollback(spec: DatasetSpec, version: Path, root: Path, now: datetime | None = None) -> Path | None:
    """Put a kept version back (the file it replaces is kept too, so a rollback can be undone)."""
    root = Path(root)
    version = Path(version)
    if version.parent.resolve() != (root / VERSIONS_DIR / spec.name).resolve() or not version.is_file():
        raise FileNotFoundError(f"{version} is not a kept version of {spec.name}")
    with data_lock(root):
        kept = _keep_version(root, spec, now)
        atomic_write(root / spec.file, version.read_bytes())
        set_demo_flag(root, spec.name, version.stem.endswith(DEMO_SUFFIX))
    return kept
