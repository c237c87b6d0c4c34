"""Small-count suppression (lib/disclosure.py) and the builders that apply it with public=True."""
import numpy as np
import pandas as pd
import pytest

from lib import disclosure as d
from lib.i18n import t
from lib.metrics.periods import Change
from lib.viz import crime_charts, crime_tables, mediation, tables


@pytest.mark.parametrize("count, small", [(0, True), (1, True), (2, True), (2.0, True), (3, False), (1000, False),
                                          (None, False), (float("nan"), False)])
def test_below_three_is_small_and_zero_counts_too(count, small):
    assert d.THRESHOLD == 3 and d.SUPPRESSED == "<3"
    assert d.is_small(count) is small


def test_count_text():
    assert d.count_text(2, "zh", True, "起") == "<3起"
    assert d.count_text(0, "en", True) == "<3"
    assert d.count_text(3, "zh", True, "起") == "3起"
    assert d.count_text(2, "zh", False, "起") == "2起"
    assert d.count_text(123456, "zh", True) == "12.35万"  # large counts keep their usual form


def test_a_change_from_or_to_a_small_count_is_not_shown():
    assert d.change_shown(Change(10, 12), True)
    assert not d.change_shown(Change(2, 12), True)
    assert not d.change_shown(Change(12, 0), True)
    assert d.change_shown(Change(12, None), True)  # no prior year: nothing to hide (nothing is shown either)
    assert d.change_shown(Change(0, 1), False)


def test_shares_need_their_whole_and_their_part():
    assert d.share_shown(50.0, 10, True)  # 5 of 10
    assert not d.share_shown(20.0, 10, True)  # 2 of 10: the part is small
    assert not d.share_shown(100.0, 2, True)  # the whole is small
    assert not d.share_shown(None, 2, True) and d.share_shown(None, 5, True)
    assert d.share_shown(20.0, 2, False)
    assert d.derived_shown(True, 3, 4) and not d.derived_shown(True, 3, 2) and d.derived_shown(False, 1)


def test_count_columns_become_text_with_the_small_ones_masked():
    frame = pd.DataFrame({"name": ["a", "b", "c", "d"], "n": [0, 2, 3, 1500], "prior": [np.nan, 5.0, 1.0, 7.0]})
    out = d.mask_count_columns(frame, ["n", "prior"], True)
    assert out["n"].tolist() == ["<3", "<3", "3", "1500"]
    assert out["prior"].tolist() == [None, "5", "<3", "7"]
    assert out["name"].tolist() == ["a", "b", "c", "d"] and frame["n"].tolist() == [0, 2, 3, 1500]  # a copy
    assert d.mask_count_columns(frame, ["n"], False) is frame


def test_derived_columns_hidden_in_chosen_rows():
    frame = pd.DataFrame({"rate": [1.5, 2.5], "n": [1, 9]})
    out = d.hide_where(frame, ["rate"], d.small_mask(frame["n"]), True)
    assert out["rate"].tolist() == ["—", 2.5]
    assert d.hide_where(frame, ["rate"], [True, True], False) is frame


def test_chart_values_and_labels():
    assert d.chart_values([0, 1, 2, 3, 40], True) == [None, None, None, 3, 40]
    assert d.chart_values([0.5, 9.1], True, basis=[2, 30]) == [None, 9.1]
    assert d.chart_values([1, 2], False) == [1, 2]
    assert d.chart_labels([1, 5], ["1", "5"], True) == ["<3", "5"]


def _strings(fig) -> str:
    """Everything a reader can get from a figure: its whole JSON (labels, hover texts, values)."""
    return fig.to_json()


def test_crime_town_chart_in_public_mode_has_no_bar_and_no_number_for_two_incidents():
    towns = pd.DataFrame({"town_code": ["A", "B"], "count": [2, 40], "population": [20000, 40000],
                          "rate": [1.0, 10.0], "rank": [2, 1]})
    public = crime_charts.town_figure(towns, {"A": "甲", "B": "乙"}, "zh", public=True)
    bar = public.data[0]
    assert bar.x[0] is None and bar.x[1] == 10.0
    assert bar.text[0] == "<3" and "<3" in bar.hovertext[0] and "2" not in bar.hovertext[0]
    assert crime_charts.town_figure(towns, {"A": "甲", "B": "乙"}, "zh").data[0].x[0] == 1.0
    table = crime_tables.town_table(towns, {"A": "甲", "B": "乙"}, "zh", public=True)
    assert table[t("cr.col_count", "zh")].tolist() == ["<3", "40"]
    assert table.iloc[0].tolist().count("—") == 1  # the rate of the masked town


def test_crime_heatmap_blanks_small_cells_and_hovers_them_as_below_three():
    hours = pd.DataFrame([[0, 1, 7], [2, 3, 9]], index=[0, 1], columns=[0, 1, 2])
    cells = crime_charts.heatmap_figure(hours, "en", public=True).data[0]
    assert [list(row) for row in cells.z] == [[None, None, 7], [None, 3, 9]]
    assert [list(row) for row in cells.text] == [["<3", "<3", "7"], ["<3", "3", "9"]]
    assert "%{text}" in cells.hovertemplate and "%{z" not in cells.hovertemplate
    assert crime_tables.hours_table(hours, "en", public=True).iloc[0, 1:].tolist() == ["<3", "<3", "7"]


def test_crime_trend_in_public_mode_draws_small_counts_as_gaps():
    data = pd.DataFrame({"bucket": pd.to_datetime(["2020-01-06"] * 2 + ["2020-01-13"] * 2),
                         "crime_type": ["homicide", "burglary"] * 2, "count": [1, 30, 0, 25], "prior": [2.0, 28.0, 1.0, 20.0]})
    labels = {"homicide": "命案", "burglary": "入室盗窃"}
    fig = crime_charts.trend_figure(data, pd.DataFrame(columns=["date", "name_zh", "name_en"]), "stacked", labels, "zh",
                                    public=True)
    homicide, burglary, prior = fig.data
    assert list(homicide.y) == [None, None] and list(burglary.y) == [30, 25] and list(prior.y) == [30.0, 21.0]
    table = crime_tables.trend_table(data, labels, "zh", public=True)
    assert "<3" in table.iloc[:, 2].tolist() and "1" not in table.iloc[:, 2].tolist()


def test_mediation_type_chart_and_tables_in_public_mode():
    by_type = pd.DataFrame({"dispute_type": ["medical", "family"], "received": [2, 50], "prev_received": [3, 40],
                            "change_pct": [-33.3, 25.0], "share": [3.8, 96.2]})
    fig = mediation.type_figure(by_type, "zh", public=True)
    text = _strings(fig)
    assert "-33.3%" not in text and "+25.0%" in text
    bar = fig.data[0]
    assert bar.x[list(bar.customdata).index("medical")] is None
    assert "<3" in bar.text[list(bar.customdata).index("medical")]
    table = mediation.type_table(by_type, "zh", public=True)
    assert table.iloc[0].tolist()[1:] == ["<3", "3", "—", "—"]
    assert table.iloc[1].tolist()[1:] == ["50", "40", "+25.0%", "96.2%"]


def test_overview_channel_table_in_public_mode():
    channels = pd.DataFrame({"channel": ["individual_room"], "received": [2], "settled": [1], "rate": [50.0],
                             "prev_rate": [40.0]})
    table = tables.channel_table(channels, 2020, "zh", public=True)
    assert table.iloc[0].tolist()[1:4] == ["<3", "<3", "—"]
    assert tables.channel_table(channels, 2020, "zh").iloc[0].tolist()[1:4] == [2, 1, "50.00%"]


def test_a_masked_bar_does_not_set_the_axis_range():
    by_type = pd.DataFrame({"dispute_type": ["medical"], "received": [2], "prev_received": [3],
                            "change_pct": [-33.3], "share": [100.0]})
    assert mediation.type_figure(by_type, "zh").layout.xaxis.range[1] == pytest.approx(2.6)
    assert mediation.type_figure(by_type, "zh", public=True).layout.xaxis.range[1] == pytest.approx(1.3)
