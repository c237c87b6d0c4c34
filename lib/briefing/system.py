"""What server-side rendering needs on this machine: a Chromium browser and a Chinese (CJK) font."""
from __future__ import annotations

import functools
import os
import shutil
import subprocess

from lib.settings import read_settings

CJK_FONT = "Noto Sans CJK SC"
INSTALL_HINT = "sudo apt-get install chromium fonts-noto-cjk"


def chromium_path() -> str | None:
    """The browser kaleido and the PDF printer use: the CHROMIUM setting, else chromium on PATH."""
    given = read_settings().chromium
    if given:
        return given if os.access(given, os.X_OK) else None
    return shutil.which("chromium") or shutil.which("chromium-browser")


def has_cjk_font() -> bool:
    if not shutil.which("fc-list"):
        return False
    try:
        found = subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True, text=True, timeout=20).stdout
    except (OSError, subprocess.SubprocessError):
        return False
    return bool(found.strip())


@functools.lru_cache(maxsize=1)
def missing_for_rendering() -> tuple[str, ...]:
    """Debian packages that server-side rendering still lacks (checked once per process)."""
    missing = []
    if chromium_path() is None:
        missing.append("chromium")
    if not has_cjk_font():
        missing.append("fonts-noto-cjk")
    return tuple(missing)
