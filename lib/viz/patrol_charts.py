"""Charts and tables of the patrol page (no Streamlit here); headers and labels in the UI language."""
from __future__ import annotations

from collections.abc import Mapping
from datetime import date

import pandas as pd
import plotly.graph_objects as go

from lib.audience import Audience
from lib.data.codes import PATROL_MODES, TEAM_KINDS, codes_of, label_of
from lib.i18n import t
from lib.viz.axes import count_axis, date_axis
from lib.viz.figures import unvalidated_figure
from lib.viz.plot_text import plot_text

SERIES_COLORS = {("vehicle", "day"): "#1f4e9c", ("vehicle", "night"): "#0b1f44",
                 ("foot", "day"): "#e6550d", ("foot", "night"): "#7f2704"}
ACTUAL_COLOR, PLANNED_COLOR = "#31a354", "#969696"


def hours_chart(hours: pd.DataFrame, audience: Audience) -> go.Figure:
    """Patrol hours by team kind (bars), stacked by mode and shift."""
    lang = audience.lang
    teams = [c for c in codes_of(TEAM_KINDS) if c in set(hours["team_kind"])]
    team_labels = [plot_text(label_of(TEAM_KINDS, c, lang)) for c in teams]
    bars = []
    for (mode, shift), color in SERIES_COLORS.items():
        part = hours[(hours["mode"] == mode) & (hours["shift"] == shift)].set_index("team_kind")["hours"].reindex(teams)
        if part.fillna(0).sum() == 0:
            continue
        name = plot_text(f"{label_of(PATROL_MODES, mode, lang)} · {t(f'pt.shift.{shift}', lang)}")
        bars.append({"type": "bar", "y": team_labels, "x": part.fillna(0).round(0).to_numpy(), "name": name,
                     "orientation": "h", "marker": {"color": color},
                     "hovertemplate": "%{y}: %{x:,.0f} h<extra>" + name + "</extra>"})
    return unvalidated_figure(bars, {
        "barmode": "stack", "height": 320, "margin": {"l": 10, "r": 10, "t": 10, "b": 10},
        "xaxis": {"title": {"text": t("pt.hours_axis", lang)}}, "yaxis": {"autorange": "reversed"},
        # above the bars: on a phone the legend wraps to several lines and would cover the axis title
        "legend": {"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0}})


def assistant_chart(timeline: pd.DataFrame, total: int, as_of: date, complete_on: date | None,
                    covered_as_of: int, audience: Audience) -> go.Figure:
    """Villages with a police assistant over time: appointed (solid) and planned (dashed), the as-of
    date and the planned completion marked with their counts."""
    lang = audience.lang
    actual = timeline[timeline["date"] <= pd.Timestamp(as_of)]
    planned = timeline[timeline["date"] >= (actual["date"].max() if len(actual) else pd.Timestamp.min)]
    lines = [{"type": "scatter", "x": actual["date"].to_numpy(), "y": actual["covered"].to_numpy(), "mode": "lines",
              "line": {"shape": "hv", "color": ACTUAL_COLOR, "width": 3}, "name": t("pt.assist_actual", lang)}]
    if len(planned) > 1:
        lines.append({"type": "scatter", "x": planned["date"].to_numpy(), "y": planned["covered"].to_numpy(),
                      "mode": "lines", "line": {"shape": "hv", "color": PLANNED_COLOR, "width": 2, "dash": "dash"},
                      "name": t("pt.assist_planned", lang)})
    marks = [(as_of, covered_as_of, t("pt.assist_mark_as_of", lang, date=as_of.isoformat(), n=covered_as_of))]
    if complete_on is not None:
        marks.append((complete_on, total, t("pt.assist_mark_complete", lang, date=complete_on.isoformat(), n=total)))
    shapes = [{"type": "line", "x0": pd.Timestamp(day).timestamp() * 1000, "x1": pd.Timestamp(day).timestamp() * 1000,
               "xref": "x", "y0": 0, "y1": 1, "yref": "y domain", "line": {"color": "#555", "dash": "dot", "width": 1}}
              for day, _, _ in marks]
    shapes.append({"type": "line", "x0": 0, "x1": 1, "xref": "x domain", "y0": total, "y1": total, "yref": "y",
                   "line": {"color": "#bbb", "width": 1}})
    notes = [{"x": pd.Timestamp(day), "y": value, "text": text, "showarrow": True, "arrowhead": 2, "ax": -60, "ay": -30,
              "bgcolor": "rgba(255,255,255,.85)"} for day, value, text in marks]
    return unvalidated_figure(lines, {
        "shapes": shapes, "annotations": notes, "height": 320, "margin": {"l": 10, "r": 10, "t": 30, "b": 10},
        "yaxis": {"title": {"text": t("pt.assist_axis", lang)}, **count_axis(float(total))}, "xaxis": date_axis(lang),
        "legend": {"orientation": "h", "yanchor": "top", "y": -0.15, "x": 0}})


def no_assistant_table(gaps: pd.DataFrame, town_names: Mapping[str, str], village_names: Mapping[str, str],
                       audience: Audience) -> pd.DataFrame:
    """Villages without a police assistant on the as-of date, with the day one is planned."""
    lang = audience.lang
    return pd.DataFrame({
        t("pt.col_town", lang): gaps["town_code"].map(town_names).to_numpy(),
        t("pt.col_village", lang): gaps["village_code"].map(village_names).to_numpy(),
        t("pt.col_village_code", lang): gaps["village_code"].to_numpy(),
        t("pt.col_population", lang): gaps["population"].to_numpy(),
        t("pt.col_planned_on", lang): [d.date().isoformat() if pd.notna(d) else t("pt.not_planned", lang) for d in gaps["planned_on"]],
    })


def uncovered_table(hotspots: pd.DataFrame, town_names: Mapping[str, str], village_names: Mapping[str, str],
                    dosage_min: int, audience: Audience) -> pd.DataFrame:
    """Hot spots not covered: their visits of at least the dosage and the days that had one, fewest first, with the
    village and the centre of each cell.

    Public copy: no place finer than the published grid, which the map draws: the town only, no village and no
    coordinates (the hot spots themselves hold at least 3 incidents each there: `Audience.least_cell_count`)."""
    lang = audience.lang
    gaps = hotspots[~hotspots["covered"]].sort_values(["day_share", "rank"], kind="stable")
    columns = {
        t("pt.col_rank", lang): gaps["rank"].to_numpy(),
        t("pt.col_town", lang): gaps["town_code"].map(town_names).to_numpy(),
        t("pt.col_village", lang): gaps["village_code"].map(village_names).to_numpy(),
        t("pt.col_incidents", lang): gaps["incidents"].to_numpy(),
        t("pt.col_visits", lang, dosage=dosage_min): gaps["visits"].to_numpy(),
        t("pt.col_visit_days", lang): gaps["visit_days"].to_numpy(),
        t("pt.col_day_share", lang): gaps["day_share"].round(1).to_numpy(),
        t("pt.col_lon", lang): gaps["lon"].to_numpy(),
        t("pt.col_lat", lang): gaps["lat"].to_numpy(),
    }
    if audience.public:
        for finer in ("pt.col_village", "pt.col_lon", "pt.col_lat"):
            columns.pop(t(finer, lang))
    return audience.count_cells(pd.DataFrame(columns), [t("pt.col_incidents", lang)])
