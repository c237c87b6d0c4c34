"""Uploads and rollback on the machine's real PostgreSQL, in a fresh database per run: each change is one
transaction that keeps the version it replaces, writes its audit row and raises the data version; a rollback gives
back the published figures exactly; a change that fails half-way leaves nothing; two appends at once both land."""
from __future__ import annotations

import threading

import pandas as pd
import pytest
import sqlalchemy as sa

from lib.audit import ROLLBACK, UPLOAD, AuditEvent
from lib.data.contracts import DATASETS, DATASETS_BY_NAME, INCIDENTS
from lib.data.db import writes as db_writes
from lib.data.db.connect import database_state, engine_for
from lib.data.db.store import load_county
from lib.data.db.writes import DbWrites
from lib.data.store import BUNDLED_DATA_DIR
from lib.metrics import crime
from tests.database import every_incident, fresh_database
from tests.unit.test_seed_figures import CASE_RESULTS_2020

DONGPO = "511402"
POSTS = DATASETS_BY_NAME["posts"]


@pytest.fixture
def url():
    """A database of its own for each test: the tests change the data."""
    with fresh_database("writes", BUNDLED_DATA_DIR) as address:
        yield address


def _event(action: str, detail: str, user: str = "analyst@dongpo") -> AuditEvent:
    return AuditEvent(action, "ok", user, "analyst", detail, "10.0.0.7")


def _version(url: str) -> int:
    return database_state(url)[1]


def _kept_tables(url: str) -> list[str]:
    with engine_for(url).connect() as connection:
        return sorted(connection.execute(sa.text("SELECT tablename FROM pg_tables WHERE tablename LIKE 'kept\\_%'"))
                      .scalars())


def _new_posts(bundle, *ids: str) -> pd.DataFrame:
    rows = pd.concat([bundle["posts"].iloc[[0]]] * len(ids), ignore_index=True)
    rows["post_id"] = list(ids)
    return rows


def test_a_replace_then_its_rollback_gives_back_the_published_2020_figures(url, bundle):
    writes = DbWrites(engine_for(url), DONGPO)
    first = _version(url)
    only_2021 = bundle["incidents"][bundle["incidents"]["reported_at"].dt.year == 2021].reset_index(drop=True)
    after = writes.replace(INCIDENTS, only_2021, "upload: incidents-2021.csv", _event(UPLOAD, "incidents: 2021.csv"))
    assert after == first + 1 == _version(url)
    changed = load_county(url, DONGPO)
    pd.testing.assert_frame_equal(every_incident(changed), only_2021, check_categorical=False)
    assert crime.result(changed.incidents.case_facts(), "vice_cases", 2020).current == 0  # counted by the database
    assert not changed.manifest.is_demo("incidents") and changed.manifest.is_demo("posts")

    [kept] = writes.versions(INCIDENTS)
    assert (kept.kind, kept.user, kept.rows, kept.demo) == ("replace", "analyst@dongpo", 31_045, True)
    put_back = writes.rollback(INCIDENTS, kept.id, _event(ROLLBACK, "incidents: the demo"))
    assert put_back == kept and _version(url) == first + 2

    restored = load_county(url, DONGPO)
    for spec in DATASETS:  # every dataset, row for row, as the files hold it
        if spec.name == INCIDENTS.name:
            pd.testing.assert_frame_equal(every_incident(restored), bundle[spec.name], check_categorical=False)
        elif not spec.geometry:
            pd.testing.assert_frame_equal(restored[spec.name], bundle[spec.name])
    assert restored.manifest == bundle.manifest and restored.as_of == bundle.as_of
    facts = restored.incidents.case_facts()
    assert {name: crime.result(facts, name, 2020).current for name in CASE_RESULTS_2020} == \
        CASE_RESULTS_2020
    # the rollback kept what it replaced, so it can be undone in turn
    newest = writes.versions(INCIDENTS)[0]
    assert (newest.kind, newest.rows, newest.demo) == ("rollback", len(only_2021), False)
    trail = writes.audit_rows()
    assert trail[["action", "user", "role", "detail", "outcome", "address"]].values.tolist() == [
        ["upload", "analyst@dongpo", "analyst", "incidents: 2021.csv", "ok", "10.0.0.7"],
        ["rollback", "analyst@dongpo", "analyst", "incidents: the demo", "ok", "10.0.0.7"]]


def test_an_append_adds_only_new_keys_after_the_rows_there_and_rolls_back(url, bundle):
    writes = DbWrites(engine_for(url), DONGPO)
    first = _version(url)
    done = writes.append(POSTS, _new_posts(bundle, "P001", "P900"), "upload: posts.csv", _event(UPLOAD, "posts"))
    assert (done.added, done.duplicates) == (1, ["P001"])
    posts = load_county(url, DONGPO)["posts"]
    assert posts["post_id"].tolist() == [*bundle["posts"]["post_id"], "P900"]  # after the rows there, in order
    assert _version(url) == first + 1

    nothing = writes.append(POSTS, _new_posts(bundle, "P900"), "upload: again.csv", _event(UPLOAD, "posts"))
    assert (nothing.added, nothing.duplicates) == (0, ["P900"])
    assert _version(url) == first + 1 and len(writes.versions(POSTS)) == 1 and len(writes.audit_rows()) == 1

    writes.rollback(POSTS, writes.versions(POSTS)[0].id, _event(ROLLBACK, "posts"))
    back = load_county(url, DONGPO)
    pd.testing.assert_frame_equal(back["posts"], bundle["posts"])
    assert back.manifest.is_demo("posts")


def test_an_upload_that_fails_half_way_leaves_nothing_written(url, bundle, monkeypatch):
    writes = DbWrites(engine_for(url), DONGPO)
    before = database_state(url)

    def copy_then_fail(connection, spec, frame, county, first_position=0):
        connection.execute(sa.text("INSERT INTO audit_trail (time, \"user\", role, action, detail, outcome, address, "
                                   "county_adcode) VALUES ('', '', '', 'half-way', '', '', '', '')"))
        raise RuntimeError("the connection dropped half-way")

    monkeypatch.setattr(db_writes, "copy_rows", copy_then_fail)
    with pytest.raises(RuntimeError):
        writes.replace(INCIDENTS, bundle["incidents"].head(10), "upload: x.csv", _event(UPLOAD, "incidents"))
    with pytest.raises(RuntimeError):
        writes.append(POSTS, _new_posts(bundle, "P901"), "upload: y.csv", _event(UPLOAD, "posts"))
    assert database_state(url) == before  # the same data version
    assert writes.versions(INCIDENTS) == [] and writes.versions(POSTS) == [] and _kept_tables(url) == []
    assert writes.audit_rows().empty
    after = load_county(url, DONGPO)
    pd.testing.assert_frame_equal(every_incident(after), bundle["incidents"], check_categorical=False)
    pd.testing.assert_frame_equal(after["posts"], bundle["posts"])
    assert after.manifest == bundle.manifest


def test_two_appends_at_the_same_moment_both_land(url, bundle):
    start = threading.Barrier(2, timeout=60)
    results, errors = {}, []

    def append(post_id: str) -> None:
        try:
            writes = DbWrites(engine_for(url), DONGPO)
            start.wait()
            results[post_id] = writes.append(POSTS, _new_posts(bundle, post_id), f"upload: {post_id}.csv",
                                             _event(UPLOAD, f"posts: {post_id}", user=post_id))
        except Exception as err:  # noqa: BLE001 - reported below with the thread's own error
            errors.append(err)

    first = _version(url)
    threads = [threading.Thread(target=append, args=(post_id,)) for post_id in ("P910", "P911")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    assert {post_id: done.added for post_id, done in results.items()} == {"P910": 1, "P911": 1}
    posts = load_county(url, DONGPO)["posts"]
    assert len(posts) == len(bundle["posts"]) + 2 and {"P910", "P911"} <= set(posts["post_id"])
    assert _version(url) == first + 2
    writes = DbWrites(engine_for(url), DONGPO)
    assert sorted(v.rows for v in writes.versions(POSTS)) == [len(bundle["posts"]), len(bundle["posts"]) + 1]


def test_a_version_of_another_dataset_or_county_cannot_be_put_back(url, bundle):
    writes = DbWrites(engine_for(url), DONGPO)
    writes.append(POSTS, _new_posts(bundle, "P920"), "upload: posts.csv", _event(UPLOAD, "posts"))
    kept = writes.versions(POSTS)[0].id
    with pytest.raises(LookupError):
        writes.rollback(INCIDENTS, kept, _event(ROLLBACK, "incidents"))
    with pytest.raises(LookupError):
        DbWrites(engine_for(url), "511403").rollback(POSTS, kept, _event(ROLLBACK, "posts"))
