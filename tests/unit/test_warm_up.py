"""The warm-up thread (lib/ui/warm_up.py) fills the first page's shared caches on a warm start, and only then; it
starts once per process and never raises."""
import asyncio
import logging
import threading

import pytest

from lib.data.location import data_source
from lib.data.snapshot import load_bundle_cached
from lib.settings import CACHE_DIR_SETTING, DATABASE_URL_SETTING, read_settings
from lib.ui import data as ui_data
from lib.ui import warm_up
from lib.ui.cached import overview as cached_overview


@pytest.fixture
def fresh_caches(tmp_path, monkeypatch, data_copy):
    monkeypatch.setenv(CACHE_DIR_SETTING, str(tmp_path / "cache"))
    for cached in (ui_data.bundle_at, cached_overview.case_facts, cached_overview.rankings):
        cached.clear()
    yield
    for cached in (ui_data.bundle_at, cached_overview.case_facts, cached_overview.rankings):
        cached.clear()


def must_not(what: str):
    def fail(*args, **kwargs):
        raise AssertionError(f"{what} was called")
    return fail


@pytest.mark.usefixtures("fresh_caches")
def test_a_warm_start_finds_the_data_the_facts_and_the_rankings_computed(monkeypatch):
    settings = read_settings()
    load_bundle_cached(data_copy_path(), settings.cache_dir)  # the snapshot a previous start left
    warm_up.warm_first_page()
    source = data_source(settings)
    monkeypatch.setattr(ui_data, "load_bundle_cached", must_not("reading the snapshot"))
    monkeypatch.setattr(cached_overview, "province_rankings", must_not("ranking the province"))
    bundle = ui_data.bundle_at(source)
    assert len(cached_overview.rankings(source)) > 0 and cached_overview.case_facts(source) is not None
    assert bundle.incidents.count() > 0


@pytest.mark.usefixtures("fresh_caches")
def test_a_cold_start_is_left_to_the_page_and_its_progress_bar(monkeypatch):
    calls = []
    monkeypatch.setattr(ui_data, "load_bundle_cached", lambda *args, **kwargs: calls.append(args))
    warm_up.warm_first_page()  # no snapshot yet: nothing read
    assert calls == []


@pytest.mark.usefixtures("fresh_caches")
def test_a_database_deployment_is_not_warmed(monkeypatch):
    monkeypatch.setenv(DATABASE_URL_SETTING, "postgresql+psycopg://nobody@127.0.0.1:1/none")
    calls = []
    monkeypatch.setattr("lib.data.location.data_source", lambda *args, **kwargs: calls.append(args))
    warm_up.warm_first_page()
    assert calls == []


@pytest.mark.usefixtures("fresh_caches")
def test_a_failure_is_logged_and_never_raised(monkeypatch, caplog):
    load_bundle_cached(data_copy_path(), read_settings().cache_dir)
    monkeypatch.setattr(ui_data, "load_bundle_cached", lambda *a, **k: 1 / 0)
    with caplog.at_level(logging.WARNING, logger=warm_up.__name__):
        warm_up.warm_first_page()
    assert "warming the first page failed" in caplog.text


def test_the_thread_starts_once_per_process_from_the_servers_lifespan(monkeypatch):
    ran = []
    monkeypatch.setattr(warm_up, "_started", False)
    monkeypatch.setattr(warm_up, "warm_first_page", lambda: ran.append(threading.current_thread().name))

    async def serve() -> None:
        async with warm_up.lifespan(object()):
            pass

    server = threading.Thread(target=asyncio.run, args=(serve(),))  # a thread of its own: no other test's event loop
    server.start()
    server.join()
    assert warm_up.start_warm_up() is False  # a second start does nothing
    for thread in threading.enumerate():
        if thread.name == warm_up.THREAD_NAME:
            thread.join(timeout=10)
    assert ran == [warm_up.THREAD_NAME]


def test_the_session_warning_of_the_warm_up_thread_alone_is_dropped():
    record = logging.LogRecord("x", logging.WARNING, "", 0, "missing ScriptRunContext", None, None)
    record.threadName = warm_up.THREAD_NAME
    assert not warm_up._NotFromWarmUp().filter(record)
    record.threadName = "ScriptRunner.scriptThread"
    assert warm_up._NotFromWarmUp().filter(record)


def data_copy_path():
    return read_settings().data_dir
