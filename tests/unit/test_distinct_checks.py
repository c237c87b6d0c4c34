"""Checks run once per distinct value (codes, places, days) say exactly what checking each row says."""
import numpy as np
import pandas as pd
import pytest

from lib.data.codes import CRIME_TYPES
from lib.data.contracts import INCIDENTS
from lib.data.dates import DATE_FORMAT
from lib.data.rules import CODE_PATTERN, codes_expect, pattern_expect
from lib.data.dates import parse_datetimes
from lib.data.store import _categories, _dates, _reference_problems, village_town_problems

CELLS = ["burglary", " burglary", "burglary ", "", "  ", None, "x", "511402002", "5114020021", "51140200a",
         "other_theft", "Burglary", "\u3000burglary"]


@pytest.mark.parametrize("dtype", ["str", "object"])
def test_a_category_column_holds_the_trimmed_text_of_each_cell(dtype):
    raw = pd.Series(CELLS * 3, dtype=dtype, index=range(5, 5 + 3 * len(CELLS)))
    text = raw.astype("str").str.strip()
    expected = text.where(raw.notna() & (text != "")).astype("category")
    pd.testing.assert_series_equal(_categories(raw), expected, check_names=False)


@pytest.mark.parametrize("expect", [codes_expect("crime_type", CRIME_TYPES), pattern_expect(CODE_PATTERN)])
def test_code_and_pattern_rules_hold_for_a_category_as_for_its_rows(expect):
    cells = [c for c in CELLS if c] * 2
    text = pd.Series(cells, dtype="str", index=range(100, 100 + len(cells)))
    per_row = expect.test(text)
    assert expect.test(text.astype("category")).tolist() == per_row.tolist()
    assert expect.test(text.astype("category")).index.equals(per_row.index)


def test_dates_read_once_per_day_are_read_as_each_row_is():
    days = ["2016-01-01", "2016-02-29", "2015-02-29", "2016-13-01", "1677-12-31", "1678-01-01", "2261-12-31",
            "2262-01-01", "0001-01-01", "2020-1-5", "2020/01/05", "x", None, "2016-01-01 00:01"]
    text = pd.Series(days * 2, dtype="str").sample(frac=1.0, random_state=1)
    pd.testing.assert_series_equal(_dates(text), parse_datetimes(text, DATE_FORMAT))


def _villages_towns_per_row(frame, villages):
    """The rule as it read every row (the reference)."""
    town_of = dict(zip(villages["village_code"].astype(str), villages["town_code"].astype(str)))
    village = frame["village_code"].astype("object")
    their_town = village.astype(str).map(town_of).where(village.notna())
    elsewhere = their_town.notna() & (their_town != frame["town_code"].astype("object").astype(str))
    return list(elsewhere[elsewhere].index[:10])


@pytest.mark.parametrize("category", [True, False])
def test_a_village_outside_its_town_is_found_per_distinct_code_as_per_row(category):
    villages = pd.DataFrame({"village_code": ["v1", "v2", "v3", "v4"], "town_code": ["t1", "t1", "t2", "t9"]})
    rng = np.random.default_rng(3)
    for _ in range(50):
        n = int(rng.integers(0, 40))
        frame = pd.DataFrame({"village_code": pd.Series(rng.choice(["v1", "v2", "v3", "v4", "v5", None], n), dtype="str"),
                              "town_code": pd.Series(rng.choice(["t1", "t2", "t3", "t9", None], n), dtype="str")})
        if category:
            frame = frame.astype("category")
        problems = village_town_problems(INCIDENTS, frame, villages)
        assert [p.row - 2 for p in problems] == _villages_towns_per_row(frame, villages)
        for p in problems:
            assert p.value == frame.at[p.row - 2, "village_code"]
            assert f"in town {villages.set_index('village_code').at[p.value, 'town_code']}," in p.expected_en


def test_unknown_place_codes_are_found_per_distinct_code():
    frames = {"towns": pd.DataFrame({"town_code": ["t1", "t2"]}),
              "villages": pd.DataFrame({"village_code": ["v1"], "town_code": ["t1"]}).astype("category"),
              "incidents": pd.DataFrame({"town_code": ["t1", "t3", None, "t2"],
                                         "village_code": ["v1", "v1", "v1", "v9"]}).astype("category")}
    found = [(p.row, p.column, p.value) for p in _reference_problems(frames)]
    assert found == [(3, "town_code", "t3"), (4, "town_code", "nan"), (5, "village_code", "v9")]
