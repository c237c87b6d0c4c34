"""The database store on the machine's real PostgreSQL, in a fresh database per run: the schema is the contract's,
every dataset reads back exactly as from the files, loads are whole or not at all, and the crime cube's GROUP BY
equals the cube built from every record."""
from __future__ import annotations

import shutil

import numpy as np
import pandas as pd
import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from lib.data.contracts import DATASETS, INCIDENTS
from lib.data.db import copy as db_copy
from lib.data.db.__main__ import main as db_command
from lib.data.db.aggregates import crime_cells_query
from lib.data.db.connect import database_state, engine_for
from lib.data.db.load import load_folder
from lib.data.db.schema import in_migrations, metadata
from lib.data.db.store import load_county
from lib.data.problems import DataLoadError
from lib.data.store import BUNDLED_DATA_DIR
from lib.metrics.crime_cube import build_cube, cube_from_cells
from tests.database import every_incident, fresh_database

DONGPO, PENGSHAN = "511402", "511403"


@pytest.fixture(scope="module")
def db_bundle(database_url):
    return load_county(database_url, DONGPO)


def test_the_migrations_make_exactly_the_schema_of_the_contract(database_url):
    with engine_for(database_url).connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_name": in_migrations})
        assert compare_metadata(context, metadata) == []


@pytest.mark.parametrize("spec", DATASETS, ids=lambda spec: spec.name)
def test_every_dataset_reads_back_as_from_the_files(bundle, db_bundle, spec):
    if spec.name == INCIDENTS.name:  # never read whole: asked of the database (tests/unit/test_db_incidents.py)
        assert INCIDENTS.name not in db_bundle.frames
        pd.testing.assert_frame_equal(every_incident(db_bundle), bundle[spec.name], check_categorical=False)
        return
    files, database = bundle[spec.name], db_bundle[spec.name]
    if spec.geometry:
        pd.testing.assert_frame_equal(pd.DataFrame(files.drop(columns="geometry")),
                                      pd.DataFrame(database.drop(columns="geometry")))
        assert files.geometry.geom_equals_exact(database.geometry, tolerance=0).all()
        assert database.crs == files.crs
    else:
        pd.testing.assert_frame_equal(files, database)  # values, order, dtypes (categories included)


def test_the_manifest_and_as_of_date_come_from_the_database(bundle, db_bundle):
    assert db_bundle.manifest == bundle.manifest
    assert db_bundle.as_of == bundle.as_of


def test_incidents_and_disputes_are_partitioned_by_month(database_url, bundle):
    query = sa.text("SELECT parent.relname, count(*) FROM pg_inherits "
                    "JOIN pg_class parent ON parent.oid = inhparent GROUP BY parent.relname")
    strategy = sa.text("SELECT c.relname, p.partstrat FROM pg_partitioned_table p JOIN pg_class c ON c.oid = p.partrelid")
    with engine_for(database_url).connect() as connection:
        partitions = dict(connection.execute(query).all())
        strategies = dict(connection.execute(strategy).all())
    assert strategies == {"incidents": "r", "disputes": "r"}  # range partitions
    assert partitions["incidents"] == bundle["incidents"]["reported_at"].dt.to_period("M").nunique()
    assert partitions["disputes"] == bundle["disputes"]["received_on"].dt.to_period("M").nunique()


@pytest.mark.parametrize("batch_bytes", [None, 1 << 14])  # one batch of cells, or dozens
def test_the_crime_cube_from_group_by_equals_the_cube_from_records(bundle, db_bundle, monkeypatch, batch_bytes):
    if batch_bytes:
        monkeypatch.setattr(db_copy, "BATCH_BYTES", batch_bytes)
    batches = list(db_bundle.incidents.crime_cells())
    assert (len(batches) > 20) == bool(batch_bytes)
    assert sum(map(len, batches)) < len(bundle["incidents"])  # counted in the database, not one row per incident
    from_records = build_cube(bundle["incidents"], bundle["towns"])
    from_database = cube_from_cells(batches, bundle["towns"], db_bundle.incidents.span())
    assert (from_database.first_day, from_database.towns, from_database.types) == \
        (from_records.first_day, from_records.towns, from_records.types)
    for name in ("population", "counts", "solved", "loss", "recovered", "hourly"):
        ours, theirs = getattr(from_database, name), getattr(from_records, name)
        assert ours.dtype == theirs.dtype and ours.shape == theirs.shape, name
        assert np.array_equal(ours, theirs), name


def test_the_crime_cube_query_reads_one_county_and_groups_by_it():
    sql = str(crime_cells_query(DONGPO).compile(compile_kwargs={"literal_binds": True}))
    assert "WHERE incidents.county_adcode = '511402'" in sql
    assert "GROUP BY incidents.county_adcode," in sql  # the distribution column: Citus pushes it down whole


def test_load_reports_rows_per_dataset_and_raises_the_version(capsys, pengshan_folder):
    with fresh_database("cli") as url:
        assert db_command(["load", "--url", url]) == 0
        first = capsys.readouterr().out
        assert db_command(["load", "--url", url, str(pengshan_folder)]) == 0
        second = capsys.readouterr().out
        address, version, counties = database_state(url)
    assert "county 511402, data version 1" in first and "county 511403, data version 2" in second
    assert "password" not in address and version == 2 and counties == [DONGPO, PENGSHAN]
    rows = {line.split()[0]: int(line.split()[1].replace(",", "")) for line in first.splitlines()[1:]}
    assert set(rows) == {spec.name for spec in DATASETS}
    assert rows["incidents"] == 31_045 and rows["villages"] == 245


def test_two_counties_live_side_by_side(city_database_url, bundle, pengshan_folder):
    engine = engine_for(city_database_url)
    dongpo, pengshan = load_county(city_database_url, DONGPO), load_county(city_database_url, PENGSHAN)
    pd.testing.assert_frame_equal(every_incident(dongpo), bundle["incidents"], check_categorical=False)
    assert set(pengshan["towns"]["town_code"].str[:6]) == {PENGSHAN}
    assert pengshan["district_outline"]["adcode"].tolist() == [PENGSHAN]
    pd.testing.assert_frame_equal(pengshan["county_survey"], dongpo["county_survey"])  # one province survey
    assert pengshan["events"].empty and not dongpo["events"].empty
    before = database_state(city_database_url)[1]
    load_folder(engine, pengshan_folder)  # a reload replaces the county's rows, never adds to them
    assert database_state(city_database_url)[1] == before + 1
    assert load_county(city_database_url, PENGSHAN).incidents.count() == pengshan.incidents.count()
    assert load_county(city_database_url, DONGPO).incidents.count() == len(bundle["incidents"])


def test_a_broken_folder_is_not_loaded_and_the_database_keeps_its_data(tmp_path, database_url):
    broken = tmp_path / "data"
    shutil.copytree(BUNDLED_DATA_DIR, broken)
    (broken / INCIDENTS.file).write_text("incident_id,reported_at\nx,yesterday\n", encoding="utf-8")
    before = database_state(database_url)
    with pytest.raises(DataLoadError) as caught:
        load_folder(engine_for(database_url), broken)
    assert any("incidents.csv" in problem.message("en") for problem in caught.value.problems)
    assert database_state(database_url) == before


def test_a_county_not_in_the_database_is_named_not_a_traceback(database_url):
    with pytest.raises(DataLoadError) as caught:
        load_county(database_url, "510104")
    assert "510104" in caught.value.problems[0].message("zh") and "make db-load" in caught.value.problems[0].message("en")


def test_an_unreachable_database_is_a_clear_problem():
    with pytest.raises(DataLoadError) as caught:
        database_state("postgresql+psycopg://nobody:secret@127.0.0.1:1/nowhere")
    message = caught.value.problems[0].message("en")
    assert "cannot be read" in message and "secret" not in message
