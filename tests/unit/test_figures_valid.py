"""The crime and patrol pages build their figures without plotly's validation (lib/viz/figures.py): each one, for
either copy, layout and language, must still be a figure plotly accepts as it is, and send the same JSON."""
from datetime import date

import pandas as pd

import json

import plotly.graph_objects as go
import plotly.io as pio
import pytest

from lib.audience import Audience
from lib.data.codes import CRIME_TYPES
from lib.metrics.crime_cube import Selection
from lib.metrics.crime_trends import by_town, by_type, hour_weekday, trend
from lib.viz.crime_charts import heatmap_figure, losses_figure, solved_figure, town_figure, trend_figure
from lib.viz.patrol_charts import assistant_chart, hours_chart
from tests.unit.crime_frames import TOWN_A, TOWN_B, cube_of
from tests.unit.test_crime_compstat import AS_OF, ROWS
from tests.unit.test_crime_viz import EVENTS

LOSSES = ROWS + [("2020-12-30 08:00", TOWN_A, "telecom_fraud", "reported", 52_000, 10_000),
                 ("2021-01-02 08:00", TOWN_B, "burglary", "solved", 3_000, 3_000)]


def crime_figures(audience: Audience, layout: str) -> dict[str, go.Figure]:
    cube = cube_of(LOSSES)
    sel = Selection(date(2020, 12, 1), AS_OF)
    labels = {c.code: c.label(audience.lang) for c in CRIME_TYPES}
    towns = {TOWN_A: "<b>A镇</b>", TOWN_B: "B & C"}
    per_type = by_type(cube, sel)
    return {"trend": trend_figure(trend(cube, sel, "day"), EVENTS, layout, labels, audience),
            "town": town_figure(by_town(cube, sel), towns, audience),
            "hours": heatmap_figure(hour_weekday(cube, sel), audience),
            "solved": solved_figure(per_type, labels, audience),
            "losses": losses_figure(per_type, labels, audience)}


def patrol_figures(audience: Audience) -> dict[str, go.Figure]:
    timeline = pd.DataFrame({"date": pd.to_datetime(["2020-01-05", "2020-06-01", "2021-05-31"]), "covered": [10, 97, 245]})
    hours = pd.DataFrame({"team_kind": ["police", "police", "joint"], "mode": ["vehicle", "foot", "foot"],
                          "shift": ["day", "night", "day"], "hours": [10.4, 3.3, 5.0]})
    return {"assistants": assistant_chart(timeline, 245, date(2021, 3, 11), date(2021, 5, 31), 97, audience),
            "assistants_open": assistant_chart(timeline, 245, date(2021, 3, 11), None, 97, audience),
            "hours": hours_chart(hours, audience)}


def assert_valid_as_built(built: dict[str, go.Figure]) -> None:
    for name, unchecked in built.items():
        checked = go.Figure(unchecked.to_dict())  # validates every property: raises on a wrong name or value
        assert checked.data, name
        assert json.loads(pio.to_json(checked, validate=False)) == json.loads(pio.to_json(unchecked, validate=False)), name


@pytest.mark.parametrize("layout", ["stacked", "multiples"])
@pytest.mark.parametrize("audience", [Audience.internal("zh"), Audience.internal("en"), Audience.public_copy("zh")],
                         ids=["internal-zh", "internal-en", "public-zh"])
def test_each_crime_figure_is_one_plotly_accepts_unchanged(audience, layout):
    assert_valid_as_built(crime_figures(audience, layout))


@pytest.mark.parametrize("audience", [Audience.internal("zh"), Audience.internal("en"), Audience.public_copy("zh")],
                         ids=["internal-zh", "internal-en", "public-zh"])
def test_each_patrol_figure_is_one_plotly_accepts_unchanged(audience):
    assert_valid_as_built(patrol_figures(audience))
