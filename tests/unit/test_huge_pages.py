"""The process that reads the data asks the kernel for no huge pages (lib/data/huge_pages.py says why)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

# In a fresh interpreter: NumPy asked to advise huge pages, then the data layer imported; the switch's answer is the
# setting it replaces, so "False" means the data layer had already turned the advice off.
SCRIPT = """
from numpy._core import multiarray
multiarray._set_madvise_hugepage(True)
import lib.data.store
print(multiarray._set_madvise_hugepage(False))
"""


def test_reading_the_data_turns_numpys_huge_page_advice_off():
    out = subprocess.run([sys.executable, "-c", SCRIPT], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip() == "False"

