"""Which datasets hold demo data: what manifest.json says, checked against the files themselves.

The manifest marks a dataset demo. In a folder that uploads write, it also records the size and SHA-256 of each
demo file, taken before the first write (`fingerprint_demo_files`). A dataset is demo while its file is still
that file: a write changes the file and with it, at the same instant, what the dataset is; a rollback to the demo
version makes it demo again. A write never touches the manifest, so no crash can leave the two disagreeing.
A manifest without fingerprints (the bundled data, which is never written) is taken at its word.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

from lib.data.contracts import DATASETS_BY_NAME
from lib.data.location import MANIFEST_FILE


def read_manifest(root: Path) -> dict:
    path = Path(root) / MANIFEST_FILE
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {"schema_version": 1, "datasets": {}}


def file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while block := handle.read(4 * 1024 * 1024):
            digest.update(block)
    return digest.hexdigest()


def _still_the_demo_file(root: Path, dataset: str, info: dict) -> bool:
    if "sha256" not in info:
        return True  # not fingerprinted: a folder never written
    spec = DATASETS_BY_NAME.get(dataset)
    path = Path(root) / spec.file if spec else None
    if path is None or not path.is_file() or path.stat().st_size != info.get("size"):
        return False
    return file_digest(path) == info["sha256"]


def demo_flags(root: Path) -> dict[str, bool]:
    """Each dataset the manifest names -> whether its file holds demo data now."""
    content = read_manifest(root)
    return {name: bool(info.get("demo", False)) and _still_the_demo_file(root, name, info)
            for name, info in content.get("datasets", {}).items()}


def fingerprinted(root: Path) -> bytes | None:
    """The manifest with a fingerprint for every demo file that has none yet, or None when nothing is missing.

    Taken while the files are still the demo files: before the first write, under the write lock."""
    content = read_manifest(root)
    missing = False
    for name, info in content.get("datasets", {}).items():
        spec = DATASETS_BY_NAME.get(name)
        path = Path(root) / spec.file if spec else None
        if info.get("demo") and "sha256" not in info and path is not None and path.is_file():
            info.update(size=path.stat().st_size, sha256=file_digest(path))
            missing = True
    return (json.dumps(content, ensure_ascii=False, indent=2) + "\n").encode("utf-8") if missing else None
