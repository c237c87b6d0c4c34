"""Names from the data reach plotly as text: no link, no bold, no entity decoded, in every chart that shows them."""
from datetime import date

import pandas as pd
import pytest

from lib.audience import Audience
from lib.briefing.images import export_copy
from lib.data.codes import CRIME_TYPES
from lib.metrics.crime_cube import Selection
from lib.metrics.crime_trends import by_town, trend
from lib.viz import crime_charts, mediation, satisfaction
from lib.viz.plot_text import plot_labels, plot_text
from tests.unit.crime_frames import TOWN_A, TOWN_B, cube_of
from tests.unit.test_crime_compstat import AS_OF, ROWS

LINK = '<a href="http://evil.example/x">官方通知:请点此核对</a>'
BOLD = "<b>粗</b>"
ENTITY = "A&amp;B"
POISONED = (LINK, BOLD, ENTITY)
ZH = Audience.internal("zh")


def test_plot_text_writes_markup_characters_as_entities():
    assert plot_text(LINK) == '&lt;a href="http://evil.example/x"&gt;官方通知:请点此核对&lt;/a&gt;'
    assert plot_text(BOLD) == "&lt;b&gt;粗&lt;/b&gt;"
    assert plot_text(ENTITY) == "A&amp;amp;B"  # plotly decodes once: "A&amp;B" is shown, as the file holds it
    assert plot_text("东坡区 \"O'Brien\"") == "东坡区 \"O'Brien\""  # &quot; would show as itself in plotly
    assert plot_labels({"x<": "<b>"}) == {"x<": "&lt;b&gt;"}
    assert plot_text("镇%{x}") == "镇%\u2060{x}"  # not a hover template's field


def _strings(value: object) -> list[str]:
    """Every text of a figure's JSON (codes in customdata included: they never hold markup here)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, (list, tuple)):
        return [s for v in value for s in _strings(v)]
    if hasattr(value, "tolist"):
        return _strings(value.tolist())
    return []


def assert_literal(fig, names=POISONED) -> None:
    """No poisoned name reaches plotly as markup, and each is there, written so that plotly shows it literally."""
    texts = _strings(fig.to_plotly_json())
    for name in names:
        assert not any(name in text for text in texts), name
        assert any(plot_text(name) in text for text in texts), name
    assert not any("<a " in text or "<b>粗" in text for text in texts)


@pytest.mark.parametrize("layout", ["stacked", "multiples"])
def test_crime_trend_shows_type_and_event_names_literally(layout):
    labels = {c.code: c.label("zh") for c in CRIME_TYPES} | {"burglary": LINK, "telecom_fraud": BOLD}
    events = pd.DataFrame({"date": pd.to_datetime(["2021-01-02"]), "name_zh": [ENTITY], "name_en": ["x"],
                           "crime_type": ["burglary"]})
    data = trend(cube_of(ROWS), Selection(date(2020, 12, 28), AS_OF, types=("telecom_fraud", "burglary")), "day")
    assert_literal(crime_charts.trend_figure(data, events, layout, labels, ZH))


def test_crime_towns_and_types_show_names_literally():
    towns = by_town(cube_of(ROWS), Selection(date(2020, 1, 1), AS_OF))
    assert_literal(crime_charts.town_figure(towns, {TOWN_A: LINK, TOWN_B: BOLD + ENTITY}, ZH))
    types = pd.DataFrame({"crime_type": ["burglary", "telecom_fraud", "other"], "count": [5, 4, 3],
                          "solved_rate": [40.0, 50.0, 60.0], "loss_yuan": [100, 200, 300],
                          "recovered_yuan": [10, 20, 30]})
    labels = {"burglary": LINK, "telecom_fraud": BOLD, "other": ENTITY}
    assert_literal(crime_charts.solved_figure(types, labels, ZH))
    assert_literal(crime_charts.losses_figure(types, labels, ZH))


def test_mediation_towns_show_names_literally():
    by_town = pd.DataFrame({"town_code": ["T1", "T2", "T3"], "per_10k": [3.0, 2.0, 1.0], "received": [30, 20, 10],
                            "population": [100_000, 100_000, 100_000]})
    assert_literal(mediation.town_figure(by_town, {"T1": LINK, "T2": BOLD, "T3": ENTITY}, ZH))


def test_satisfaction_charts_show_county_and_town_names_literally():
    history = pd.DataFrame({"adcode": ["A", "A", "B", "B", "C", "C"], "year": [2019, 2020] * 3, "rank": [1, 2, 2, 1, 3, 3],
                            "score": [90.0, 85.0, 85.0, 90.0, 70.0, 70.0]})
    assert_literal(satisfaction.bump_chart(history, "A", {"A": LINK, "B": BOLD, "C": ENTITY}, 2, None, ZH))
    factors = pd.DataFrame({"town_code": ["T1", "T2", "T3"], "score": [70.0, 80.0, 90.0], "crime_rate": [1.0, 2.0, 3.0],
                            "incidents": [10, 20, 30]})
    assert_literal(satisfaction.town_scatter(factors, "crime_rate", "x", "y", {"T1": LINK, "T2": BOLD, "T3": ENTITY}, ZH))
    ranking = pd.DataFrame({"adcode": ["A", "B", "C"], "county_zh": [LINK, BOLD, ENTITY], "city_zh": ["X市"] * 3,
                            "score": [90.0, 80.0, 70.0], "rank": [1, 2, 3]})
    assert_literal(satisfaction.ranking_chart(ranking, "A", 2, None, "总体", ZH))


def test_a_chart_file_shows_its_title_and_subtitle_literally():
    fig = crime_charts.town_figure(by_town(cube_of(ROWS), Selection(date(2020, 1, 1), AS_OF)), {}, ZH)
    assert_literal(export_copy(fig, title=BOLD, subtitle=f"镇街: {LINK}; {ENTITY}"))
