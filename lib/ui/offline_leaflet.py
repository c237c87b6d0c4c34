"""Leaflet and plugin files served by the app (Streamlit static serving), so maps work offline.

At the first map of a process the files listed in lib.viz.offline_assets are copied into
./static/vendor/ (served at <baseUrlPath>/app/static/vendor/ when `server.enableStaticServing` is on;
see .streamlit/config.toml). The copy is idempotent and atomic, so concurrent servers can share it.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

import streamlit as st

from lib.settings import PROJECT_ROOT
from lib.viz.offline_assets import ASSET_FILES

VENDOR_DIR = PROJECT_ROOT / "static" / "vendor"
VENDOR_PATH = "app/static/vendor"


def install_assets(target: Path = VENDOR_DIR) -> list[Path]:
    """Copy every asset into `target` unless an identical copy is there; the copied paths."""
    copied = []
    for relative, source in ASSET_FILES.items():
        destination = target / relative
        content = source.read_bytes()
        if destination.exists() and destination.read_bytes() == content:
            continue
        destination.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=destination.parent, delete=False) as tmp:
            tmp.write(content)
        os.replace(tmp.name, destination)
        os.chmod(destination, 0o644)
        copied.append(destination)
    return copied


@st.cache_resource(show_spinner=False)
def _installed() -> bool:
    install_assets()
    return True


def asset_base_url() -> str:
    """The URL path the map's frame loads Leaflet from (the assets are installed on first use)."""
    _installed()
    base = (st.get_option("server.baseUrlPath") or "").strip("/")
    return "/" + "/".join(part for part in (base, VENDOR_PATH) if part)
