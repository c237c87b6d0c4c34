"""Headless Chromium as a command: an HTML file printed to PDF, or a page screenshotted to PNG (offline)."""
from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from lib.briefing.system import chromium_path

TIMEOUT_S = 120


class RenderError(RuntimeError):
    """Chromium is missing or did not produce the file."""


def _run(html: str, flag: str, out_name: str, extra: list[str]) -> bytes:
    browser = chromium_path()
    if browser is None:
        raise RenderError("chromium not found")
    with tempfile.TemporaryDirectory(prefix="pingan-render-") as tmp:
        page, out = Path(tmp) / "page.html", Path(tmp) / out_name
        page.write_text(html, encoding="utf-8")
        command = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                   "--no-first-run", "--disable-extensions", "--disable-background-networking",
                   "--disable-component-update", "--disable-sync", "--metrics-recording-only",
                   "--allow-file-access-from-files", f"--user-data-dir={Path(tmp) / 'profile'}",
                   *extra, f"{flag}={out}", page.as_uri()]
        done = subprocess.run(command, capture_output=True, timeout=TIMEOUT_S)
        if not out.exists() or out.stat().st_size == 0:
            raise RenderError(f"chromium exited with {done.returncode}: {done.stderr.decode(errors='replace')[-500:]}")
        return out.read_bytes()


def html_to_pdf(html: str) -> bytes:
    """The document printed by Chromium (page size and margins come from the document's @page rule)."""
    return _run(html, "--print-to-pdf", "out.pdf", ["--no-pdf-header-footer", "--virtual-time-budget=10000"])


def html_screenshot(html: str, width: int, height: int) -> bytes:
    """A PNG of the page at `width` x `height` CSS px, taken after its scripts have run."""
    return _run(html, "--screenshot", "out.png", [f"--window-size={width},{height}", "--hide-scrollbars",
                                                   "--virtual-time-budget=10000"])
