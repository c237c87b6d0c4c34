"""The first page's data made ready while the browser is still loading the app.

A warm start's server answers in a second or two, then waits about as long again for the browser to load the app and
open its session; only then does the overview's first run begin: import its modules, read the data snapshot, count
the case facts and rank the province. `lifespan` starts a thread at server start that does those steps in that
wait, into the same shared caches (lib.ui.data.bundle_at, lib.ui.cached.overview): the first run then finds them
done, or waits for the step under way (Streamlit computes a cached value once, whoever asks first).

Only a warm start is warmed: without a snapshot (a cold start) the page reads and checks the data itself with its
progress bar, and a database deployment reads its county when a page opens. Nothing here can stop the server: any
failure is logged and the page does the step itself, as it would without this thread.
"""
from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import AsyncIterator
from typing import Any

_log = logging.getLogger(__name__)
_start = threading.Lock()
_started = False
THREAD_NAME = "pingan-warm-up"
# Streamlit warns of a missing session when a cached function is called outside a page run: expected in this thread
_SESSION_WARNINGS = "streamlit.runtime.scriptrunner_utils.script_run_context"


class _NotFromWarmUp(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return record.threadName != THREAD_NAME


@contextlib.asynccontextmanager
async def lifespan(_app: Any) -> AsyncIterator[None]:
    """The server's lifespan hook (streamlit.starlette.App): the warm-up starts as the server does."""
    start_warm_up()
    yield


def start_warm_up() -> bool:
    """Start the warm-up thread, once per process; False when it was started already."""
    global _started
    with _start:
        if _started:
            return False
        _started = True
    logging.getLogger(_SESSION_WARNINGS).addFilter(_NotFromWarmUp())
    threading.Thread(target=warm_first_page, name=THREAD_NAME, daemon=True).start()
    return True


def warm_first_page() -> None:
    """The overview's modules imported, and its shared data computed, when this is a warm start of a data folder."""
    try:
        from lib.data.location import data_source
        from lib.data.snapshot import snapshot_path
        from lib.settings import read_settings

        settings = read_settings()
        if settings.database_url is not None or len(settings.districts) > 1:
            return  # the county (and its data) is known only when a page opens
        source = data_source(settings)
        if not snapshot_path(source.path, settings.cache_dir).exists():
            return  # a cold start: the page loads the data itself, showing its progress
        from lib.ui.cached.overview import case_facts, rankings
        from lib.ui.data import bundle_at

        bundle_at(source)
        case_facts(source)
        rankings(source)
    except Exception:  # noqa: BLE001 - a failed warm-up costs nothing: the page does the same work itself
        _log.warning("warming the first page failed; the page computes its data itself", exc_info=True)

