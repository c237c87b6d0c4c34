"""The patrol page's assistant chart draws its marks as plotly's line helpers would, without their cost."""
from datetime import date

import pandas as pd
import plotly.graph_objects as go

from lib.audience import Audience
from lib.viz.patrol_charts import assistant_chart


def test_the_assistant_chart_marks_are_the_lines_add_vline_and_add_hline_draw():
    timeline = pd.DataFrame({"date": pd.to_datetime(["2020-01-05", "2020-06-01", "2021-05-31"]), "covered": [10, 97, 245]})
    as_of, complete = date(2021, 3, 11), date(2021, 5, 31)
    fig = assistant_chart(timeline, 245, as_of, complete, 97, Audience.internal("zh"))
    reference = go.Figure()
    for day in (as_of, complete):
        reference.add_vline(x=pd.Timestamp(day).timestamp() * 1000, line={"color": "#555", "dash": "dot", "width": 1})
    reference.add_hline(y=245, line={"color": "#bbb", "width": 1})
    assert fig.to_dict()["layout"]["shapes"] == reference.to_dict()["layout"]["shapes"]
    assert len(fig.to_dict()["layout"]["annotations"]) == 2  # the as-of date and the planned completion
