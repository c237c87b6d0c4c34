"""Safe writes to the data folder: atomic, locked, versioned, and never into the committed demo data.

The bundled data/ is part of the code and is never written: the first upload while the app reads it copies data/
to the work folder (<PINGAN_WORK_DIR>/data), which lib/data/location.py then names as the folder to read, in this
process and at every later start. To go back to the demo data, delete <work>/data.

Every write takes an exclusive lock on <data>/.lock (fcntl.flock), so writes never interleave; keeps the file it
replaces as <data>/.versions/<dataset>/<UTC timestamp>[-demo].csv (.geojson for boundaries); writes a temp file in
the same folder, fsyncs it, then os.replace()s it over the old file, so a crash leaves the old file whole. An
append reads the keys of the file as it is under the lock, so two appends at the same moment both land. Whether a
dataset is demo data follows from its file (lib/data/manifest.py): a write touches only the dataset's file.
Temp files that a killed write left behind are swept (`sweep_leftovers`) under the lock, when the app starts.
Boundaries are written by `save_boundaries()` as the deterministic GeoJSON of lib/data/geojson_writer.py.
"""
from __future__ import annotations

import csv
import fcntl
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import BinaryIO

import pandas as pd

from lib.data.contracts import DATASETS, DatasetSpec
from lib.data.geojson_writer import feature_line
from lib.data.location import BUNDLED_DATA_DIR, MANIFEST_FILE, data_folder, is_bundled, work_copy_dir
from lib.data.manifest import demo_flags, fingerprinted
from lib.data.store import FileStore
from lib.data.templates import contract_text, key_text
from lib.settings import Settings

LOCK_FILE = ".lock"
VERSIONS_DIR = ".versions"
DEMO_SUFFIX = "-demo"
STAMP_FORMAT = "%Y%m%dT%H%M%S%fZ"
TEMP_SUFFIX = ".tmp"
STAGING_PREFIX = ".data-copy-"
WRITE_ROWS = 100_000  # rows turned into text at a time when a large table is written
Content = bytes | Callable[[BinaryIO], None]  # the bytes, or a function that writes them


def writable_data_dir(settings: Settings, root: Path | None = None) -> Path:
    """The folder uploads write to: the one the app reads (`root`, the page's folder; by default the deployment's
    data folder), or, while that is the bundled data, a work copy of it (made once, whole, under a lock: a copy
    interrupted half-way is swept and made again)."""
    root = data_folder(settings) if root is None else Path(root)
    if not is_bundled(root):
        return root
    target = work_copy_dir(settings)
    target.parent.mkdir(parents=True, exist_ok=True)
    with data_lock(target.parent):
        if (target / MANIFEST_FILE).is_file():
            return target  # another session made it meanwhile
        for stale in target.parent.glob(STAGING_PREFIX + "*"):
            shutil.rmtree(stale, ignore_errors=True)
        staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=target.parent))
        copy = staging / "data"
        shutil.copytree(BUNDLED_DATA_DIR, copy, ignore=shutil.ignore_patterns(VERSIONS_DIR, LOCK_FILE, "*" + TEMP_SUFFIX))
        if manifest := fingerprinted(copy):
            (copy / MANIFEST_FILE).write_bytes(manifest)
        if target.exists():  # a half-made copy from an interrupted start: replaced whole
            shutil.rmtree(target)
        os.replace(copy, target)
        staging.rmdir()
    return target


@contextmanager
def data_lock(root: Path, wait: bool = True) -> Iterator[bool]:
    """An exclusive lock on the data folder for the duration of a write; yields whether it was had (`wait=False`
    gives up at once when another process holds it)."""
    root.mkdir(parents=True, exist_ok=True)
    with open(root / LOCK_FILE, "a+b") as handle:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def atomic_write(path: Path, content: Content) -> None:
    """Replace `path` with `content` so that a reader, or a crash, only ever sees the old or the new file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=TEMP_SUFFIX)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(content) if isinstance(content, bytes) else content(handle)
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


def sweep_leftovers(root: Path) -> list[Path]:
    """Remove the temp files of writes that were killed (under the lock: a write in progress holds it); the paths
    removed. Nothing is swept while another process is writing, nor in the bundled data."""
    root = Path(root)
    if is_bundled(root) or not root.is_dir():
        return []
    removed: list[Path] = []
    with data_lock(root, wait=False) as locked:
        if not locked:
            return []
        folders = {root} | {(root / spec.file).parent for spec in DATASETS} | set((root / VERSIONS_DIR).glob("*"))
        for folder in folders:
            for leftover in folder.glob(".*" + TEMP_SUFFIX):
                leftover.unlink(missing_ok=True)
                removed.append(leftover)
    return removed


@dataclass(frozen=True)
class Version:
    """A kept earlier version of a dataset's file."""

    path: Path
    saved_at: datetime  # UTC, when it was replaced
    demo: bool  # it held demo data
    size: int


def _stamp(now: datetime | None) -> str:
    return (now or datetime.now(timezone.utc)).astimezone(timezone.utc).strftime(STAMP_FORMAT)


def _prepare(root: Path, spec: DatasetSpec, now: datetime | None) -> Path | None:
    """Before a write, under the lock: the demo files fingerprinted (once), and the file about to be replaced kept."""
    if manifest := fingerprinted(root):
        atomic_write(root / MANIFEST_FILE, manifest)
    current = root / spec.file
    if not current.is_file():
        return None
    demo = demo_flags(root).get(spec.name, False)
    folder = root / VERSIONS_DIR / spec.name
    name = _stamp(now)
    while (folder / f"{name}{current.suffix}").exists() or (folder / f"{name}{DEMO_SUFFIX}{current.suffix}").exists():
        name += "_"
    kept = folder / f"{name}{DEMO_SUFFIX if demo else ''}{current.suffix}"
    atomic_write(kept, current.read_bytes())
    return kept


def _writable(root: Path) -> Path:
    root = Path(root)
    if is_bundled(root):
        raise PermissionError(f"the bundled demo data in {root} is never written; use writable_data_dir()")
    return root


def save_dataset(spec: DatasetSpec, content: Content, root: Path, now: datetime | None = None) -> Path | None:
    """Write `content` as the dataset's file in `root` (locked, versioned, atomic); the version kept."""
    root = _writable(root)
    with data_lock(root):
        kept = _prepare(root, spec, now)
        atomic_write(root / spec.file, content)
    return kept


def _rows_csv(spec: DatasetSpec, frame: pd.DataFrame, columns: list[str], header: bool) -> Callable[[BinaryIO], None]:
    """A writer of `frame`'s rows as the contract's CSV text, a part at a time (bounded memory at a million rows)."""
    def write(handle: BinaryIO) -> None:
        for start in range(0, max(len(frame), 1), WRITE_ROWS):
            part = contract_text(spec, frame.iloc[start:start + WRITE_ROWS])[columns]
            handle.write(part.to_csv(index=False, header=header and start == 0, lineterminator="\n").encode("utf-8"))
    return write


def save_table(spec: DatasetSpec, frame: pd.DataFrame, root: Path, now: datetime | None = None) -> Path | None:
    """Replace the dataset with the checked rows of `frame`, whole or not at all; the version kept."""
    return save_dataset(spec, _rows_csv(spec, frame, spec.column_names, header=True), root, now)


@dataclass(frozen=True)
class Appended:
    """What an append did, planned again under the lock against the file as it was then."""

    added: int
    duplicates: list[str] = field(default_factory=list)
    kept: Path | None = None


def _file_header(path: Path) -> list[str]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return next(csv.reader(handle), [])


def _grown(old: bytes, tail: Callable[[BinaryIO], None]) -> Callable[[BinaryIO], None]:
    def write(handle: BinaryIO) -> None:
        handle.write(old if old.endswith(b"\n") else old + b"\n")
        tail(handle)
    return write


def append_rows(spec: DatasetSpec, frame: pd.DataFrame, root: Path, now: datetime | None = None) -> Appended:
    """Add the checked rows of `frame` whose key the dataset does not hold yet, to the dataset as it is now.

    Under the lock the file's keys are read again, so an append made meanwhile by another session is kept, and its
    rows count as duplicates here. The file grows by the new rows, in the order of its own header."""
    root = _writable(root)
    path = root / spec.file
    with data_lock(root):
        header = _file_header(path)
        if sorted(header) == sorted(spec.column_names):
            keys = pd.read_csv(path, usecols=list(spec.key_columns), dtype=str, keep_default_na=False)
            current = keys[list(spec.key_columns)].agg("|".join, axis=1) if len(spec.key_columns) > 1 \
                else keys[spec.key_columns[0]]
        else:  # a folder whose file has other columns: rewritten whole, in the contract's order
            whole = FileStore(root).read(spec)
            current, header = key_text(spec, whole), []
        incoming = key_text(spec, frame)
        fresh = ~incoming.isin(set(current))
        duplicates = sorted(incoming[~fresh].tolist())
        if not fresh.any():
            return Appended(0, duplicates)
        rows = frame[fresh.to_numpy()]
        kept = _prepare(root, spec, now)
        if header:
            atomic_write(path, _grown(path.read_bytes(), _rows_csv(spec, rows, header, header=False)))
        else:
            atomic_write(path, _rows_csv(spec, pd.concat([whole, rows], ignore_index=True), spec.column_names, header=True))
    return Appended(int(fresh.sum()), duplicates, kept)


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
    """Put a kept version back (the file it replaces is kept too, so a rollback can be undone); whether the dataset
    is then demo data follows from the file put back."""
    root = Path(root)
    version = Path(version)
    if version.parent.resolve() != (root / VERSIONS_DIR / spec.name).resolve() or not version.is_file():
        raise FileNotFoundError(f"{version} is not a kept version of {spec.name}")
    return save_dataset(spec, version.read_bytes(), root, now)
