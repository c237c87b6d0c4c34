"""The deployment's Streamlit settings that the product relies on."""
from __future__ import annotations

import tomllib
from pathlib import Path

from lib.data.upload_file import MAX_UPLOAD_BYTES

CONFIG = tomllib.loads((Path(__file__).resolve().parents[2] / ".streamlit" / "config.toml").read_text(encoding="utf-8"))


def test_the_uploader_states_the_limit_the_checks_apply():
    assert CONFIG["server"]["maxUploadSize"] * 1024 * 1024 == MAX_UPLOAD_BYTES


def test_no_telemetry_and_no_error_details_for_viewers():
    assert CONFIG["browser"]["gatherUsageStats"] is False
    assert CONFIG["client"]["showErrorDetails"] == "none"
    assert CONFIG["client"]["showErrorLinks"] is False  # no "Ask Google / Ask ChatGPT" links on an error
    assert CONFIG["client"]["toolbarMode"] == "viewer"
