"""The checked-data snapshot: used when the files are unchanged, rebuilt when they change."""
import os
import shutil

import pytest

from lib.data import snapshot
from lib.data.case_facts import COLUMNS as CASE_FACT_TABLES
from lib.data.problems import DataLoadError
from lib.data.store import BUNDLED_DATA_DIR


@pytest.fixture
def folders(tmp_path, monkeypatch):
    data = tmp_path / "data"
    shutil.copytree(BUNDLED_DATA_DIR, data)
    return data, tmp_path / "cache"


def test_second_load_comes_from_the_snapshot(folders, monkeypatch):
    data, cache = folders
    first = snapshot.load_bundle_cached(data, cache)
    assert len(list(cache.glob("*.snapshot"))) == 1

    def must_not_read(store):
        raise AssertionError("read the files again")
    monkeypatch.setattr(snapshot, "load_bundle", must_not_read)
    again = snapshot.load_bundle_cached(data, cache)
    assert again.incidents.count() == first.incidents.count() == 31_045


def test_a_changed_file_is_read_and_checked_again(folders):
    data, cache = folders
    snapshot.load_bundle_cached(data, cache)
    events = data / "events.csv"
    events.write_text(events.read_text(encoding="utf-8") + "bad,2020-01-01,case,x,y,nonsense\n", encoding="utf-8")
    os.utime(events, ns=(1, 1))
    with pytest.raises(DataLoadError):
        snapshot.load_bundle_cached(data, cache)


def test_a_damaged_snapshot_is_rebuilt(folders):
    data, cache = folders
    snapshot.load_bundle_cached(data, cache)
    damaged = next(cache.glob("*.snapshot")) / "incidents.parquet"
    damaged.write_bytes(b"not parquet")
    assert len(snapshot.load_bundle_cached(data, cache)["towns"]) == 16


def test_a_cold_load_tells_its_progress_dataset_by_dataset(folders):
    from lib.data.contracts import DATASETS

    data, cache = folders
    told = []
    snapshot.load_bundle_cached(data, cache, lambda done, total, name: told.append((done, total, name)))
    assert told == [(i, len(DATASETS), spec.name) for i, spec in enumerate(DATASETS)]
    assert snapshot.snapshot_path(data, cache).exists()
    told.clear()
    snapshot.load_bundle_cached(data, cache, lambda *step: told.append(step))
    assert told == []  # from the snapshot: nothing to tell


def test_the_snapshot_is_parquet_and_gives_back_the_checked_frames_exactly(folders):
    import geopandas as gpd
    import pandas as pd

    data, cache = folders
    checked = snapshot.load_bundle_cached(data, cache)
    again = snapshot.load_bundle_cached(data, cache)
    assert {p.name for p in next(cache.glob("*.snapshot")).glob("*.parquet")} == \
        {f"{n}.parquet" for n in [*checked.frames, "incidents"]} | \
        {f"case_facts.{n}.parquet" for n in CASE_FACT_TABLES}  # the incidents' records stay in their file
    assert (again.as_of, again.first_days, again.manifest) == (checked.as_of, checked.first_days, checked.manifest)
    for name, frame in checked.frames.items():
        pd.testing.assert_frame_equal(again[name], frame, check_exact=True)
        assert type(again[name]) is type(frame)
        if isinstance(frame, gpd.GeoDataFrame):
            assert again[name].crs == frame.crs
