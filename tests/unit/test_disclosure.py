"""Small-count suppression: the rule (lib/disclosure.py), the Audience that applies it, and the builders that use it."""
import inspect
import pkgutil
import importlib

import numpy as np
import pandas as pd
import pytest

import lib
from lib import disclosure as d
from lib.audience import Audience
from lib.i18n import t
from lib.metrics.periods import Change
from lib.viz import crime_charts, crime_tables, mediation, tables

PUBLIC, INTERNAL = Audience.public_copy("zh"), Audience.internal("zh")
PUBLIC_EN = Audience.public_copy("en")


@pytest.mark.parametrize("count, small", [(0, True), (1, True), (2, True), (2.0, True), (3, False), (1000, False),
                                          (None, False), (float("nan"), False)])
def test_below_three_is_small_and_zero_counts_too(count, small):
    assert d.THRESHOLD == 3 and d.SUPPRESSED == "<3"
    assert d.is_small(count) is small


def test_count_text():
    assert PUBLIC.count(2, "起") == "<3起"
    assert PUBLIC_EN.count(0) == "<3"
    assert PUBLIC.count(3, "起") == "3起"
    assert INTERNAL.count(2, "起") == "2起"
    assert PUBLIC.count(123456) == "12.35万"  # large counts keep their usual form


def test_a_change_from_or_to_a_small_count_is_not_shown():
    assert PUBLIC.compares(Change(10, 12))
    assert not PUBLIC.compares(Change(2, 12))
    assert not PUBLIC.compares(Change(12, 0))
    assert PUBLIC.compares(Change(12, None))  # no prior year: nothing to hide (nothing is shown either)
    assert INTERNAL.compares(Change(0, 1))


def test_shares_need_their_whole_and_their_part():
    assert PUBLIC.shares(50.0, 10)  # 5 of 10
    assert not PUBLIC.shares(20.0, 10)  # 2 of 10: the part is small
    assert not PUBLIC.shares(100.0, 2)  # the whole is small
    assert not PUBLIC.shares(None, 2) and PUBLIC.shares(None, 5)
    assert INTERNAL.shares(20.0, 2)
    assert PUBLIC.shows(3, 4) and not PUBLIC.shows(3, 2) and INTERNAL.shows(1)


def test_count_columns_become_text_with_the_small_ones_masked_and_their_complements_withheld():
    frame = pd.DataFrame({"name": ["a", "b", "c", "d"], "n": [0, 2, 3, 1500], "prior": [np.nan, 5.0, 1.0, 7.0]})
    out = PUBLIC.count_cells(frame, ["n", "prior"])
    assert out["n"].tolist() == ["<3", "<3", "—", "1500"]  # 0 + 2 < 3: the total would give their sum; 3 hides it
    assert out["prior"].tolist() == [None, "—", "<3", "7"]  # one small cell alone would be total minus the others
    assert out["name"].tolist() == ["a", "b", "c", "d"] and frame["n"].tolist() == [0, 2, 3, 1500]  # a copy
    assert INTERNAL.count_cells(frame, ["n"]) is frame


def test_derived_columns_hidden_in_chosen_rows():
    frame = pd.DataFrame({"rate": [1.5, 2.5], "n": [1, 9]})
    out = PUBLIC.withhold(frame, ["rate"], d.small_mask(frame["n"]))
    assert out["rate"].tolist() == ["—", 2.5]
    assert INTERNAL.withhold(frame, ["rate"], [True, True]) is frame


def test_chart_values_and_labels():
    assert PUBLIC.chart_values([0, 1, 2, 3, 40]) == [None, None, None, 3, 40]
    assert PUBLIC.chart_values([0.5, 9.1], basis=[2, 30]) == [None, None]  # 30 would give the 2 away
    assert PUBLIC.chart_values([0.5, 9.1, 7.7], basis=[2, 30, 40]) == [None, None, 7.7]
    assert INTERNAL.chart_values([1, 2]) == [1, 2]
    assert PUBLIC.chart_labels([1, 5, 9], ["1", "5", "9"]) == ["<3", "—", "9"]


def _lib_functions():
    for module in pkgutil.walk_packages(lib.__path__, "lib."):
        if module.name.startswith("lib.data.demo"):
            continue
        loaded = importlib.import_module(module.name)
        for name, member in inspect.getmembers(loaded, inspect.isfunction):
            if member.__module__ == module.name:
                yield f"{module.name}.{name}", inspect.signature(member)


def test_no_lib_signature_lets_a_count_reach_the_screen_without_an_audience():
    """No lib function takes a loose `public` flag, and none gives its audience a default: forgetting to say for
    whom a count is shown is a TypeError, not a small count in the public copy."""
    flags = [name for name, sig in _lib_functions() if "public" in sig.parameters]
    defaulted = [name for name, sig in _lib_functions()
                 if "audience" in sig.parameters and sig.parameters["audience"].default is not inspect.Parameter.empty]
    assert flags == [] and defaulted == []


def _strings(fig) -> str:
    """Everything a reader can get from a figure: its whole JSON (labels, hover texts, values)."""
    return fig.to_json()


def test_crime_town_chart_in_public_mode_has_no_bar_and_no_number_for_two_incidents():
    towns = pd.DataFrame({"town_code": ["A", "B"], "count": [2, 40], "population": [20000, 40000],
                          "rate": [1.0, 10.0], "rank": [2, 1]})
    public = crime_charts.town_figure(towns, {"A": "甲", "B": "乙"}, PUBLIC)
    bar = public.data[0]
    assert bar.x[0] is None and bar.x[1] is None  # B's 40 is withheld with A's 2: the district's 42 would give it
    assert bar.text[0] == "<3" and "<3" in bar.hovertext[0] and "2" not in bar.hovertext[0]
    assert bar.text[1] == "—" and "40" not in bar.hovertext[1]
    assert crime_charts.town_figure(towns, {"A": "甲", "B": "乙"}, INTERNAL).data[0].x[0] == 1.0
    table = crime_tables.town_table(towns, {"A": "甲", "B": "乙"}, PUBLIC)
    assert table[t("cr.col_count", "zh")].tolist() == ["<3", "—"]
    assert table.iloc[0].tolist().count("—") == 1  # the rate of the masked town


def test_crime_heatmap_blanks_small_cells_and_hovers_them_as_below_three():
    hours = pd.DataFrame([[0, 1, 7], [2, 3, 9]], index=[0, 1], columns=[0, 1, 2])
    cells = crime_charts.heatmap_figure(hours, PUBLIC_EN).data[0]
    # 0, 1 and 2 small; 7 hides the first row's sum of 1, 3 protects the 2, and 9 then protects the 7
    assert [list(row) for row in cells.z] == [[None, None, None], [None, None, None]]
    assert [list(row) for row in cells.text] == [["<3", "<3", "—"], ["<3", "—", "—"]]
    assert "%{text}" in cells.hovertemplate and "%{z" not in cells.hovertemplate
    assert crime_tables.hours_table(hours, PUBLIC_EN).iloc[0, 1:].tolist() == ["<3", "<3", "7"]


def test_crime_trend_in_public_mode_draws_small_counts_as_gaps():
    data = pd.DataFrame({"bucket": pd.to_datetime(["2020-01-06"] * 2 + ["2020-01-13"] * 2),
                         "crime_type": ["homicide", "burglary"] * 2, "count": [1, 30, 0, 25], "prior": [2.0, 28.0, 1.0, 20.0]})
    labels = {"homicide": "命案", "burglary": "入室盗窃"}
    fig = crime_charts.trend_figure(data, pd.DataFrame(columns=["date", "name_zh", "name_en"]), "stacked", labels, PUBLIC)
    homicide, burglary, prior = fig.data
    assert list(homicide.y) == [None, None] and list(burglary.y) == [30, 25] and list(prior.y) == [30.0, 21.0]
    table = crime_tables.trend_table(data, labels, PUBLIC)
    assert "<3" in table.iloc[:, 2].tolist() and "1" not in table.iloc[:, 2].tolist()


def test_mediation_type_chart_and_tables_in_public_mode():
    by_type = pd.DataFrame({"dispute_type": ["medical", "family"], "received": [2, 50], "prev_received": [3, 40],
                            "change_pct": [-33.3, 25.0], "share": [3.8, 96.2]})
    fig = mediation.type_figure(by_type, PUBLIC)
    text = _strings(fig)
    assert "-33.3%" not in text and "+25.0%" not in text  # family's 50 is withheld with medical's 2
    bar = fig.data[0]
    assert bar.x[list(bar.customdata).index("medical")] is None
    assert "<3" in bar.text[list(bar.customdata).index("medical")]
    table = mediation.type_table(by_type, PUBLIC)
    assert table.iloc[0].tolist()[1:] == ["<3", "3", "—", "—"]
    assert table.iloc[1].tolist()[1:] == ["—", "40", "—", "—"]  # its change and share would give the 50 away


def test_overview_channel_table_in_public_mode():
    channels = pd.DataFrame({"channel": ["individual_room"], "received": [2], "settled": [1], "rate": [50.0],
                             "prev_rate": [40.0]})
    table = tables.channel_table(channels, ("2020", "2019"), PUBLIC)
    assert table.iloc[0].tolist()[1:4] == ["<3", "<3", "—"]
    assert tables.channel_table(channels, ("2020", "2019"), INTERNAL).iloc[0].tolist()[1:4] == [2, 1, "50.00%"]


def test_a_masked_bar_does_not_set_the_axis_range():
    by_type = pd.DataFrame({"dispute_type": ["medical"], "received": [2], "prev_received": [3],
                            "change_pct": [-33.3], "share": [100.0]})
    assert mediation.type_figure(by_type, INTERNAL).layout.xaxis.range[1] == pytest.approx(2.6)
    assert mediation.type_figure(by_type, PUBLIC).layout.xaxis.range[1] == pytest.approx(1.3)


@pytest.mark.parametrize("counts, hidden", [
    ([10, 20, 30], [False, False, False]),  # nothing small: nothing withheld
    ([10, 1, 20, 30], [True, True, False, False]),  # 1 alone = total - 60: the smallest other cell joins it
    ([2, 2, 9, 30], [True, True, False, False]),  # two small cells adding up to 4: protected as they are
    ([1, 0, 20, 30], [True, True, True, False]),  # two small cells adding up to 1: one more, the smallest
    ([5, 1], [True, True]),  # a group of two: both
    ([1, None, 5], [True, False, True]),  # a missing count is neither withheld nor used
    ([0, 0, 0], [True, True, True]),
])
def test_complementary_suppression_leaves_no_withheld_count_derivable_from_the_total(counts, hidden):
    mask = d.suppression_mask(counts)
    assert mask.tolist() == hidden
    values = np.array([np.nan if c is None else c for c in counts], dtype=float)
    if mask.any() and not mask[~np.isnan(values)].all():  # (a group that is all withheld has nothing to add up)
        assert mask.sum() >= 2 and np.nansum(values[mask]) >= d.THRESHOLD


def test_a_table_of_counts_is_protected_along_rows_and_columns():
    counts = np.array([[10, 1, 20], [8, 9, 30], [7, 12, 4]])
    mask = d.suppression_mask_2d(counts)
    assert mask[0, 1]  # the small cell
    for group_values, group_mask in [*zip(counts, mask), *zip(counts.T, mask.T)]:
        if group_mask.any():
            assert group_mask.sum() >= 2 and group_values[group_mask].sum() >= d.THRESHOLD
    assert mask.sum() < counts.size  # and not everything: complements are shared between a row and a column
    drawn = PUBLIC.chart_matrix(counts)
    assert [[v is None for v in row] for row in drawn] == mask.tolist()
    assert INTERNAL.chart_matrix(counts) == counts.tolist()
