"""Plotly figures of the crime page (no Streamlit here). Every bar or line a click may filter on carries the
code it stands for in `customdata`. Names (towns, events, crime types) go through `plot_text` before plotly draws them:
plotly reads tags and entities in every text."""
from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.colors import make_colorscale, sequential
from lib.audience import Audience
from lib.disclosure import HIDDEN, THRESHOLD
from lib.i18n import Lang, t
from lib.viz.axes import count_axis, date_axis, date_label
from lib.viz.figures import unvalidated_figure
from lib.viz.plot_text import plot_labels, plot_text

Layout = Literal["stacked", "multiples"]
LAYOUTS: tuple[Layout, ...] = ("stacked", "multiples")
# One colour per crime type, picked from Paul Tol's and Okabe & Ito's palettes so that any two differ by at least
# 11 CAM02-UCS units for normal vision and for each full colour-vision deficiency (tests/unit/test_crime_viz.py).
TYPE_COLORS = {
    "telecom_fraud": "#0077BB", "vehicle_theft": "#99DDFF", "burglary": "#332288", "pickpocket": "#77AADD",
    "other_theft": "#225555", "robbery": "#BBCC33", "assault": "#CC6677", "homicide": "#663333", "vice": "#AA3377",
    "gang": "#000000", "card_trafficking": "#FFAABB", "drugs": "#999933", "other": "#666633",
}
HEAT_SCALE = make_colorscale(sequential.Reds)  # plotly.py's "Reds" spelled out: plotly.js has its own of that name
PRIOR_COLOR = "#7f7f7f"
EVENT_COLOR = "#b22222"
MULTIPLES_COLUMNS = 3
EVENT_LANE = 22  # px between two rows of event numbers above the plot
EVENT_MARK_PX = 26  # room one event number takes, with a gap
NARROWEST_PLOT_PX = 320  # event numbers are spread for a plot this narrow (a phone): wider plots only add room


def _figure(traces: list[dict], layout: dict, height: int) -> go.Figure:
    base = {"height": height, "margin": {"l": 10, "r": 10, "t": 30, "b": 10}, "hoverlabel": {"namelength": -1},
            "legend": {"orientation": "h", "yanchor": "top", "y": -0.12, "x": 0}}
    return unvalidated_figure(traces, {**base, **layout})


def event_label(event: pd.Series, lang: Lang) -> str:
    name = event["name_zh"] if lang == "zh" else event["name_en"]
    return f"{event['date']:%Y-%m-%d} {name}"


def event_lanes(dates: pd.Series, start: pd.Timestamp, end: pd.Timestamp,
                plot_px: float = NARROWEST_PLOT_PX) -> list[int]:
    """The row above the plot each event's number sits in (0 nearest the plot), so that no two numbers overlap on
    a plot `plot_px` wide: an event goes to the first row whose last number ends before its own begins."""
    span = max((end - start).total_seconds(), 1.0)
    room = EVENT_MARK_PX / plot_px * span
    ends: list[float] = []
    lanes = []
    for day in dates:
        at = (pd.Timestamp(day) - start).total_seconds()
        lane = next((i for i, last in enumerate(ends) if at - last >= room), len(ends))
        if lane == len(ends):
            ends.append(at)
        ends[lane] = at
        lanes.append(lane)
    return lanes


def numbered_events(events: pd.DataFrame, lang: Lang) -> str:
    """The events as the note under the trend chart lists them, each after the number the chart marks it with."""
    return "; ".join(f"{number} {event_label(event, lang)}" for number, (_, event) in enumerate(events.iterrows(), 1))


def _event_marks(events: pd.DataFrame, lang: Lang, panels: int, start: pd.Timestamp,
                 end: pd.Timestamp, lift: int = 4) -> tuple[list[dict], list[dict], int]:
    """A dotted line at each event's date in every panel, and its number in a box above the first panel, in rows
    that never overlap (the note under the chart lists the numbers with their names; hovering a number shows its
    name), `lift` px above the plot's top. Also the pixels the rows need above the plot."""
    shapes, notes = [], []
    lanes = event_lanes(events["date"], start, end)
    for number, ((_, event), lane) in enumerate(zip(events.iterrows(), lanes), start=1):
        for i in range(1, panels + 1):
            axis = "" if i == 1 else str(i)
            shapes.append({"type": "line", "x0": event["date"], "x1": event["date"], "xref": f"x{axis}",
                           "y0": 0, "y1": 1, "yref": f"y{axis} domain", "line": {"color": EVENT_COLOR, "dash": "dot", "width": 1}})
        notes.append({"x": event["date"], "y": 1, "xref": "x", "yref": "paper", "yanchor": "bottom", "xanchor": "center",
                      "yshift": lift + lane * EVENT_LANE, "text": str(number), "showarrow": False,
                      "hovertext": plot_text(event_label(event, lang)), "font": {"size": 11, "color": EVENT_COLOR},
                      "bordercolor": EVENT_COLOR, "borderwidth": 1, "borderpad": 2, "bgcolor": "rgba(255,255,255,0.9)"})
    return shapes, notes, (max(lanes) + 1) * EVENT_LANE + lift + 4 if lanes else 0


def _hover(series: str, lang: Lang) -> str:
    """A trend point's hover; `series` is plot text already (plot_text)."""
    return f"%{{x|{date_label(lang)}}}<br>{series}: %{{y:,.0f}}<extra></extra>"


@dataclass(frozen=True)
class _Series:
    """The trend frame as arrays: buckets, the types in order, and [bucket, type] counts and prior counts."""

    buckets: np.ndarray
    types: list[str]
    counts: np.ndarray
    prior: np.ndarray

    @classmethod
    def of(cls, data: pd.DataFrame) -> _Series:  # rows are bucket-major, types in the same order in every bucket
        types = list(data["crime_type"].unique())
        shape = (-1, len(types))
        return cls(data["bucket"].unique().to_numpy(), types, data["count"].to_numpy().reshape(shape),
                   data["prior"].to_numpy(dtype=float).reshape(shape))

    def code_of_each_point(self, j: int) -> np.ndarray:
        return np.full(len(self.buckets), self.types[j])


def _stacked(series: _Series, labels: Mapping[str, str], audience: Audience) -> tuple[list[dict], dict]:
    lang = audience.lang
    traces = [{"type": "bar", "x": series.buckets, "y": audience.chart_values(series.counts[:, j]), "name": labels[code],
               "marker": {"color": TYPE_COLORS[code]}, "customdata": series.code_of_each_point(j),
               "hovertemplate": _hover(labels[code], lang)} for j, code in enumerate(series.types)]
    traces.append({"type": "scatter", "x": series.buckets, "y": audience.chart_values(series.prior.sum(axis=1)), "mode": "lines",
                   "name": t("cr.prior_total", lang), "line": {"color": PRIOR_COLOR, "dash": "dash", "width": 2},
                   "hovertemplate": _hover(t("cr.prior_total", lang), lang)})
    largest = float(np.nanmax([series.counts.sum(axis=1).max(initial=0), np.nansum(series.prior, axis=1).max(initial=0)]))
    return traces, {"barmode": "stack", "bargap": 0.15, "height": 480, "xaxis": date_axis(lang),
                    "yaxis": {"title": {"text": t("cr.axis_count", lang)}, **count_axis(largest)}}


def _multiples(series: _Series, labels: Mapping[str, str], audience: Audience) -> tuple[list[dict], dict]:
    """One panel per crime type (own y scale, shared dates), laid out on a grid of MULTIPLES_COLUMNS."""
    lang = audience.lang
    n = len(series.types)
    columns = min(MULTIPLES_COLUMNS, n)
    rows_n = math.ceil(n / columns)
    gap_x, gap_y = 0.05, 0.35 / rows_n
    width, height = (1 - gap_x * (columns - 1)) / columns, (1 - gap_y * (rows_n - 1)) / rows_n
    traces, layout = [], {"height": 190 * rows_n + 90, "annotations": []}
    for i, code in enumerate(series.types):
        row, col, axis = i // columns, i % columns, "" if i == 0 else str(i + 1)
        left, top = col * (width + gap_x), 1 - row * (height + gap_y)
        layout[f"xaxis{axis}"] = {"domain": [left, left + width], "anchor": f"y{axis}", **({"matches": "x"} if i else {}),
                                  "showticklabels": row == rows_n - 1 or i + columns >= n, **date_axis(lang)}
        largest = float(np.nanmax([series.counts[:, i].max(initial=0), np.nanmax(series.prior[:, i], initial=0)]))
        layout[f"yaxis{axis}"] = {"domain": [top - height, top], "anchor": f"x{axis}", **count_axis(largest)}
        layout["annotations"].append({"text": labels[code], "x": left + width / 2, "y": top, "xref": "paper",
                                      "yref": "paper", "yanchor": "bottom", "showarrow": False, "font": {"size": 13}})
        common = {"type": "scatter", "mode": "lines", "x": series.buckets, "xaxis": f"x{axis}", "yaxis": f"y{axis}"}
        traces.append({**common, "y": audience.chart_values(series.counts[:, i]), "name": t("cr.kpi_incidents", lang), "legendgroup": "now",
                       "showlegend": i == 0, "line": {"color": TYPE_COLORS[code], "width": 2},
                       "customdata": series.code_of_each_point(i), "hovertemplate": _hover(labels[code], lang)})
        traces.append({**common, "y": audience.chart_values(series.prior[:, i]), "name": t("cr.prior", lang), "legendgroup": "prior",
                       "showlegend": i == 0, "line": {"color": PRIOR_COLOR, "dash": "dash", "width": 1},
                       "hovertemplate": _hover(labels[code] + " · " + t("cr.prior", lang), lang)})
    return traces, layout


def trend_figure(data: pd.DataFrame, events: pd.DataFrame, layout: Layout, labels: Mapping[str, str],
                 audience: Audience) -> go.Figure:
    """Each crime type over time (bucket, crime_type, count, prior): stacked bars with the prior-year total as a
    dashed line, or one small panel per type with its prior-year line. Built from plain dicts in one go: plotly's
    per-call helpers (make_subplots, add_vline) cost a second for 13 panels.
    Public copy: counts below 3 are gaps (lib/disclosure.py)."""
    series = _Series.of(data)
    traces, spec = (_stacked if layout == "stacked" else _multiples)(series, plot_labels(labels), audience)
    first, last = pd.Timestamp(series.buckets[0]), pd.Timestamp(series.buckets[-1])
    panels = 1 if layout == "stacked" else len(series.types)
    shapes, notes, above = _event_marks(events, audience.lang, panels, first, last, lift=4 if panels == 1 else 24)
    height = spec.pop("height") + above
    return _figure(traces, {**spec, "shapes": shapes, "annotations": spec.get("annotations", []) + notes,
                            "margin": {"l": 10, "r": 10, "t": 30 + above, "b": 10}}, height)


def town_figure(towns: pd.DataFrame, labels: Mapping[str, str], audience: Audience) -> go.Figure:
    """Horizontal bars of incidents per 10,000 residents, highest rate on top (by_town's order).
    Public copy: a town with fewer than 3 incidents has no bar (its rate times its population is its count)."""
    lang = audience.lang
    counts = audience.counts(towns["count"])
    bars = {"type": "bar", "x": audience.chart_values(towns["rate"], basis=towns["count"]),
            "y": [plot_text(labels.get(c, c)) for c in towns["town_code"]],
            "orientation": "h", "customdata": towns["town_code"].to_numpy(), "marker": {"color": "#2E91E5"},
            "text": audience.chart_labels(towns["count"], [f"{r:.1f}" for r in towns["rate"]]), "textposition": "auto",
            "hovertext": [f"{t('cr.col_count', lang)}: {c}" for c in counts],
            "hovertemplate": "%{y}: %{text}<br>%{hovertext}<extra></extra>"}
    return _figure([bars], {"xaxis": {"title": {"text": t("cr.col_rate", lang)}}, "yaxis": {"autorange": "reversed"}},
                   max(200, 26 * len(towns) + 110))


def heatmap_figure(hours: pd.DataFrame, audience: Audience) -> go.Figure:
    """Incidents by weekday and hour. Public copy: a cell with fewer than 3 is blank and its hover reads "<3"."""
    lang = audience.lang
    days = t("cr.weekdays", lang).split("|")
    counts = hours.to_numpy()
    z, text = audience.chart_matrix(counts), audience.count_matrix(counts)
    cells = {"type": "heatmap", "z": z, "x": list(hours.columns), "y": [days[d] for d in hours.index], "text": text,
             "colorscale": HEAT_SCALE, "hovertemplate": "%{y} %{x}:00 — %{text}<extra></extra>",
             "colorbar": {"title": {"text": t("cr.axis_count", lang)},
                          **{k: v for k, v in count_axis(float(counts.max(initial=0))).items() if k != "rangemode"}}}
    return _figure([cells], {"xaxis": {"title": {"text": t("cr.axis_hour", lang)}, "dtick": 2},
                             "yaxis": {"autorange": "reversed"}}, 320)


def _type_bars(types: pd.DataFrame, labels: Mapping[str, str]) -> dict:
    return {"type": "bar", "y": [plot_text(labels[c]) for c in types["crime_type"]], "orientation": "h",
            "customdata": types["crime_type"].to_numpy()}


def solved_figure(types: pd.DataFrame, labels: Mapping[str, str], audience: Audience) -> go.Figure:
    """Each type's solved rate. Public copy: no bar ("—") where the type's incidents or solved cases are below 3."""
    lang = audience.lang
    shown = types[types["count"] > 0]
    rates = shown["solved_rate"].astype(float)
    visible = [audience.shares(r, n) for r, n in zip(rates, shown["count"])]
    bars = {**_type_bars(shown, labels), "x": [r if v else None for r, v in zip(rates, visible)],
            "marker": {"color": [TYPE_COLORS[c] for c in shown["crime_type"]]},
            "text": [f"{r:.1f}%" if v else HIDDEN for r, v in zip(rates, visible)], "textposition": "auto",
            "hovertemplate": "%{y}: %{text}<extra></extra>"}
    return _figure([bars], {"xaxis": {"title": {"text": t("cr.kpi_solved_rate", lang) + " %"}, "range": [0, 100]},
                            "yaxis": {"autorange": "reversed"}}, max(200, 26 * len(shown) + 110))


def losses_figure(types: pd.DataFrame, labels: Mapping[str, str], audience: Audience) -> go.Figure:
    """Losses and recoveries per crime type that has losses: in 万元 (zh) or yuan (en).
    Public copy: a type with fewer than 3 incidents is left out (one case's loss could identify its victim)."""
    lang = audience.lang
    shown = types[(types["loss_yuan"] > 0) & ~(audience.public & (types["count"] < THRESHOLD))]
    scale = 1e4 if lang == "zh" else 1.0
    unit = t("cr.axis_yuan", lang)
    bars = [{**_type_bars(shown, labels), "x": (shown[column] / scale).to_numpy(), "name": name, "marker": {"color": color},
             "hovertemplate": f"%{{y}} · {name}: %{{x:,.1f}} {unit}<extra></extra>"}
            for column, name, color in (("loss_yuan", t("cr.kpi_loss", lang), "#d62728"),
                                        ("recovered_yuan", t("cr.kpi_recovered", lang), "#2ca02c"))]
    return _figure(bars, {"barmode": "group", "yaxis": {"autorange": "reversed"},
                          "xaxis": {"title": {"text": unit}, "tickformat": ",.0f" if lang == "zh" else "~s"},
                          "legend": {"orientation": "h", "x": 0, "y": 1.02, "yanchor": "bottom"}},
                   40 * len(shown) + 110)
