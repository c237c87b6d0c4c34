"""Documents turned into pictures, the way a person would look at them: PDF pages with pdftoppm, slides with
LibreOffice (then pdftoppm). `make test` installs both (scripts/ensure_chromium_and_fonts.sh --with-office);
a test that needs them fails, never skips, when they are missing."""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

INSTALL = "scripts/ensure_chromium_and_fonts.sh --with-office (make test runs it)"


def require(tool: str) -> str:
    found = shutil.which(tool)
    assert found, f"{tool} is missing: install it with {INSTALL}"
    return found


def pdf_pages_png(pdf: bytes, dpi: int = 60) -> list[bytes]:
    """Every page of the PDF as a PNG."""
    with tempfile.TemporaryDirectory(prefix="pingan-pages-") as tmp:
        source = Path(tmp) / "doc.pdf"
        source.write_bytes(pdf)
        subprocess.run([require("pdftoppm"), "-r", str(dpi), "-png", str(source), str(Path(tmp) / "page")],
                       check=True, capture_output=True, timeout=300)
        return [p.read_bytes() for p in sorted(Path(tmp).glob("page-*.png"))]


def pptx_to_pdf(pptx: bytes) -> bytes:
    """The deck printed by LibreOffice Impress (headless, its own profile)."""
    with tempfile.TemporaryDirectory(prefix="pingan-slides-") as tmp:
        source = Path(tmp) / "deck.pptx"
        source.write_bytes(pptx)
        subprocess.run([require("soffice"), f"-env:UserInstallation={Path(tmp, 'profile').as_uri()}", "--headless",
                        "--convert-to", "pdf", "--outdir", tmp, str(source)],
                       check=True, capture_output=True, timeout=300)
        return (Path(tmp) / "deck.pdf").read_bytes()
