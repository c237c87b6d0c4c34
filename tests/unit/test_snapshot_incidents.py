"""A server started from the checked-data snapshot answers the incidents from their Parquet file
(lib/data/incidents.ParquetIncidents) exactly as from the checked frame (FrameIncidents), without holding them."""
from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import pytest

from lib.data.contracts import INCIDENTS
from lib.data import incidents as incidents_module
from lib.data.incidents import FrameIncidents, ParquetIncidents, case_facts_files
from lib.data.location import BUNDLED_DATA_DIR
from lib.data.snapshot import load_bundle_cached, snapshot_path
from lib.data.templates import key_text


@pytest.fixture(scope="module")
def both(bundle, tmp_path_factory) -> tuple[FrameIncidents, ParquetIncidents]:
    cached = load_bundle_cached(BUNDLED_DATA_DIR, tmp_path_factory.mktemp("cache"))
    assert isinstance(cached.incidents, ParquetIncidents) and INCIDENTS.name not in cached.frames
    return FrameIncidents(bundle["incidents"]), cached.incidents


def test_a_fresh_load_also_leaves_the_records_on_disk(tmp_path):
    first = load_bundle_cached(BUNDLED_DATA_DIR, tmp_path)  # read, checked, saved: then answered from the copy
    assert isinstance(first.incidents, ParquetIncidents)
    assert first.incidents.path.parent == snapshot_path(BUNDLED_DATA_DIR, tmp_path)


def test_the_case_facts_are_counted_once_when_the_snapshot_is_made(both, monkeypatch):
    snapshot = both[1]
    assert all(path.exists() for path in case_facts_files(snapshot.path.parent).values())
    monkeypatch.setattr(incidents_module, "case_facts_of", lambda frame: pytest.fail("counted again"))
    for name, table in vars(snapshot.case_facts()).items():  # read back, equal to the frame's (the test below)
        assert len(table) > 0, name


def test_counts_span_cells_facts_and_points(both, bundle):
    files, snapshot = both
    assert snapshot.count() == files.count() and snapshot.span() == files.span()
    pd.testing.assert_frame_equal(pd.concat(list(snapshot.crime_cells())), pd.concat(list(files.crime_cells())))
    for name, table in vars(files.case_facts()).items():
        pd.testing.assert_frame_equal(getattr(snapshot.case_facts(), name), table)
    ours, theirs = snapshot.points(bundle["towns"], bundle["villages"]), files.points(bundle["towns"], bundle["villages"])
    for name, values in vars(theirs).items():
        assert np.array_equal(getattr(ours, name), values) and getattr(ours, name).dtype == values.dtype, name


@pytest.mark.parametrize("start, end, towns, types, cap", [
    (date(2020, 1, 1), date(2020, 12, 31), (), (), 500),
    (date(2020, 3, 1), date(2020, 3, 31), ("511402107", "511402105"), ("burglary", "telecom_fraud"), 10_000),
    (date(2016, 1, 1), date(2016, 1, 1), (), (), 5),  # the first day
    (date(2030, 1, 1), date(2030, 12, 31), (), (), 50),  # nothing matches
])
def test_records_read_only_their_days_and_come_out_as_the_frames(both, start, end, towns, types, cap):
    files, snapshot = both
    expected, matched = files.records(start, end, towns, types, cap)
    got, counted = snapshot.records(start, end, towns, types, cap)
    assert counted == matched
    if not matched:  # no row tells a category column its categories: only the columns to compare
        assert got.empty and list(got.columns) == list(expected.columns)
        return
    pd.testing.assert_frame_equal(got.reset_index(drop=True), expected.reset_index(drop=True))


def test_keys_code_counts_and_the_first_row(both, bundle):
    files, snapshot = both
    asked = [*key_text(INCIDENTS, bundle["incidents"].iloc[[0, 9, 31_000]]), "NOT-AN-ID"]
    assert snapshot.existing_keys(asked) == files.existing_keys(asked) == set(asked[:3])
    for column in ("town_code", "village_code"):
        pd.testing.assert_series_equal(snapshot.code_counts(column), files.code_counts(column))
    pd.testing.assert_frame_equal(snapshot.head(1), files.head(1))


def test_the_span_is_read_from_the_row_group_statistics_not_the_records(both, monkeypatch):
    files, snapshot = both
    monkeypatch.setattr(ParquetIncidents, "_bounds_read", lambda self, name: pytest.fail("the column was read"))
    assert ParquetIncidents(snapshot.path).span() == files.span()


@pytest.mark.parametrize("statistics", [True, False])
def test_the_span_over_row_groups_with_missing_times_equals_the_columns(tmp_path, statistics):
    import pyarrow as pa
    import pyarrow.parquet as pq

    times = pd.to_datetime(["2019-05-02 10:00", None, "2017-01-31 23:59", "2021-03-11 08:00", None, "2018-07-01 00:00"])
    path = tmp_path / "incidents.parquet"
    pq.write_table(pa.table({"reported_at": times}), path, row_group_size=2, write_statistics=statistics)
    assert ParquetIncidents(path).span() == (date(2017, 1, 31), date(2021, 3, 11))
    pq.write_table(pa.table({"reported_at": pd.to_datetime([None, None])}), path, write_statistics=statistics)
    assert ParquetIncidents(path).span() == (None, None)
