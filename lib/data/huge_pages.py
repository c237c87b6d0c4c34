"""NumPy's requests for transparent huge pages, turned off for this process.

NumPy advises Linux to back every array of 4 MB or more with huge pages (madvise). Where the kernel then compacts
memory at once to find them (the `defrag` setting `madvise`, the default of Debian and RHEL), each large array made
after the first load has fragmented memory costs far more in the kernel than huge pages save: at ten million
incidents an 80 MB column took 0.17 s of system time to type, 0.03 s without, and the whole cold load 10.3 s of CPU,
9.0 s without; filter changes took as long either way. NumPy reads its NUMPY_MADVISE_HUGEPAGE setting only when it is
first imported, before any code of ours runs; `_set_madvise_hugepage` is its switch for a running process.
"""
from __future__ import annotations

from numpy._core import multiarray


def stop_huge_page_requests() -> None:
    """New NumPy arrays are made without asking for huge pages (nothing happens on a NumPy without the switch)."""
    switch = getattr(multiarray, "_set_madvise_hugepage", None)
    if switch is not None:
        switch(False)
