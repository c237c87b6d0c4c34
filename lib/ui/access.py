"""What this deployment allows. Settings come from the environment or .streamlit/secrets.toml, never from a URL."""
from __future__ import annotations

import os

import streamlit as st

UPLOADS_SETTING = "PINGAN_UPLOADS"
OFF_VALUES = {"0", "off", "false", "no"}


def _setting(name: str, default: str) -> str:
    if name in os.environ:
        return os.environ[name]
    try:
        return str(st.secrets.get(name, default))
    except Exception:  # no secrets file: the default holds
        return default


def uploads_allowed() -> bool:
    """Uploads and rollbacks on the data page: on by default (a local run); PINGAN_UPLOADS=off turns them off."""
    return _setting(UPLOADS_SETTING, "on").strip().lower() not in OFF_VALUES
