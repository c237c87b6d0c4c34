"""IncidentPoints: what the patrol page reads of each incident, from the records (`points_of`) and from the real
PostgreSQL (`lib/data/db/points.py`), the same arrays either way."""
from __future__ import annotations

from dataclasses import fields

import numpy as np
import pandas as pd
import pytest

from lib.data.db.connect import engine_for
from lib.data.db.copy import row_batches
from lib.data.db.points import incident_points
from lib.data.incident_points import bundle_points, points_of

DONGPO = "511402"


def test_points_of_hand_made_incidents():
    incidents = pd.DataFrame({
        "reported_at": pd.to_datetime(["1970-01-02 23:59", "1969-12-31 05:00", "2020-03-01 00:00"]),
        "town_code": pd.Categorical(["t2", "t1", "t9"]),
        "village_code": pd.Categorical(["v1", "v3", "v1"]),
        "lon": [103.1234567890123, 103.0, 103.5], "lat": [30.0, 30.1, 29.9],
        "discovery": pd.Categorical(["patrol_stop", "call_110", "patrol_stop"]),
        "fugitives_caught": [2, 0, 1],
    })
    towns = pd.DataFrame({"town_code": ["t1", "t2"]})
    villages = pd.DataFrame({"village_code": ["v1", "v2", "v3"]})
    points = points_of(incidents, towns, villages)
    assert points.lon.tolist() == [103.1234567890123, 103.0, 103.5] and points.lat.tolist() == [30.0, 30.1, 29.9]
    assert points.day.tolist() == [1, -1, 18322] and points.hour.tolist() == [23, 5, 0]
    assert points.town.tolist() == [1, 0, -1] and points.village.tolist() == [0, 2, 0]  # t9 is no known town
    assert points.patrol_stop.tolist() == [True, False, True] and points.fugitives.tolist() == [2, 0, 1]
    assert len(points) == 3 and points.nbytes == 3 * 8 * 2 + 3 * (4 + 1 + 1 + 1 + 1 + 2)


def test_points_of_the_demo_are_compact_and_complete(bundle):
    incidents = bundle["incidents"]
    points = bundle_points(bundle)
    assert len(points) == len(incidents) and points.nbytes / len(points) <= 27
    assert (points.town >= 0).all() and (points.village >= 0).all()  # every code is checked against the boundaries
    towns, villages = bundle["towns"]["town_code"].astype(str), bundle["villages"]["village_code"].astype(str)
    assert (towns.to_numpy()[points.town] == incidents["town_code"].astype(str).to_numpy()).all()
    assert (villages.to_numpy()[points.village] == incidents["village_code"].astype(str).to_numpy()).all()
    assert (points.hour == incidents["reported_at"].dt.hour.to_numpy()).all()
    assert int(points.patrol_stop.sum()) == int((incidents["discovery"] == "patrol_stop").sum())
    assert int(points.fugitives.sum()) == int(incidents["fugitives_caught"].sum())


def test_the_copy_stream_is_cut_at_row_ends():
    rows = [b"1,2\n", b"33,4\n", b"5,66\n", b"7,8\n"]
    assert list(row_batches(rows, size=8)) == [b"1,2\n33,4\n", b"5,66\n7,8\n"]
    assert b"".join(row_batches(rows, size=1)) == b"".join(rows)


def test_database_points_equal_the_points_of_the_files(bundle, database_url):
    towns, villages = bundle["towns"], bundle["villages"]
    with engine_for(database_url).connect() as connection:
        read = incident_points(connection, DONGPO, towns, villages)
        none = incident_points(connection, "999999", towns, villages)
    expected = bundle_points(bundle)
    for field in fields(expected):
        want, got = getattr(expected, field.name), getattr(read, field.name)
        assert got.dtype == want.dtype and np.array_equal(got, want), field.name
        assert len(getattr(none, field.name)) == 0 and getattr(none, field.name).dtype == want.dtype


@pytest.mark.parametrize("batch", [1 << 10, 1 << 16])
def test_database_points_read_in_small_batches(bundle, database_url, monkeypatch, batch):
    import lib.data.db.points as db_points
    monkeypatch.setattr(db_points, "BATCH_BYTES", batch)
    with engine_for(database_url).connect() as connection:
        read = incident_points(connection, DONGPO, bundle["towns"], bundle["villages"])
    expected = bundle_points(bundle)
    assert all(np.array_equal(getattr(read, f.name), getattr(expected, f.name)) for f in fields(expected))


@pytest.mark.parametrize("counted", [10, 40_000], ids=["rows added after the count", "rows removed after the count"])
def test_database_points_when_the_rows_change_between_count_and_copy(bundle, database_url, monkeypatch, counted):
    import lib.data.db.points as db_points
    monkeypatch.setattr(db_points, "BATCH_BYTES", 1 << 16)
    with engine_for(database_url).connect() as connection:
        read = incident_points(connection, DONGPO, bundle["towns"], bundle["villages"], expected_rows=counted)
    expected = bundle_points(bundle)
    assert all(np.array_equal(getattr(read, f.name), getattr(expected, f.name)) for f in fields(expected))
