"""The incidents asked of the database (lib/data/db/incidents.DbIncidents) answer exactly as the files' frame does
(lib/data/incidents.FrameIncidents), on the bundled demo data in the machine's real PostgreSQL."""
from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from lib.data.contracts import INCIDENTS
from lib.data.db.connect import engine_for
from lib.data.db.incidents import DbIncidents
from lib.data.incidents import FrameIncidents
from lib.data.templates import key_text

DONGPO = "511402"


@pytest.fixture(scope="module")
def both(bundle, database_url) -> tuple[FrameIncidents, DbIncidents]:
    return FrameIncidents(bundle["incidents"]), DbIncidents(engine_for(database_url), DONGPO)


def test_count_and_span(both):
    files, database = both
    assert database.count() == files.count() == 31_045
    assert database.span() == files.span()


def test_crime_cells_are_the_same_counts(both):
    files, database = both
    keys = ["day", "hour", "town_code", "crime_type"]

    def ordered(cells: pd.DataFrame) -> pd.DataFrame:
        cells = cells.astype({"day": "datetime64[ns]", "town_code": str, "crime_type": str})
        return cells.sort_values(keys).reset_index(drop=True)

    cells = pd.concat(list(database.crime_cells()))
    assert len(cells) < database.count()  # counted there, not a row per incident
    pd.testing.assert_frame_equal(ordered(cells), ordered(pd.concat(list(files.crime_cells()))))


@pytest.mark.parametrize("start, end, towns, types, cap", [
    (date(2020, 1, 1), date(2020, 12, 31), (), (), 500),
    (date(2020, 3, 1), date(2020, 3, 31), ("511402107", "511402105"), ("burglary", "fraud"), 10_000),
    (date(2021, 6, 1), date(2021, 6, 1), (), ("homicide",), 5),
    (date(2030, 1, 1), date(2030, 12, 31), (), (), 50),  # nothing matches
])
def test_records_newest_first_capped_as_the_frame_gives_them(both, start, end, towns, types, cap):
    files, database = both
    expected, matched = files.records(start, end, towns, types, cap)
    got, counted = database.records(start, end, towns, types, cap)
    assert counted == matched and len(got) == min(cap, matched)
    pd.testing.assert_frame_equal(got.reset_index(drop=True), expected.reset_index(drop=True), check_categorical=False)


def test_existing_keys_code_counts_and_the_first_row(bundle, both):
    files, database = both
    ids = key_text(INCIDENTS, bundle["incidents"].iloc[[0, 5, 30_000]]).tolist()
    asked = [*ids, "NOT-AN-ID", "A\tB\\C"]
    assert database.existing_keys(asked) == files.existing_keys(asked) == set(ids)
    for column in ("town_code", "village_code"):
        pd.testing.assert_series_equal(database.code_counts(column).sort_index(),
                                       files.code_counts(column).sort_index(), check_names=False)
    pd.testing.assert_frame_equal(database.head(1), files.head(1), check_categorical=False)
