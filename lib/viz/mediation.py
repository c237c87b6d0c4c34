"""Charts, tables and texts of the dispute-mediation page (no Streamlit here: the page shows what these return).

Bars carry their code in `customdata`, so a click on a bar can be turned into a filter by the page.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import date

import pandas as pd
import plotly.graph_objects as go

from lib.audience import Audience
from lib.data.codes import DISPUTE_TYPES, MEDIATION_CHANNELS, label_of
from lib.data.contracts import DISPUTES
from lib.disclosure import HIDDEN
from lib.export import with_code_labels
from lib.formatting import fmt_pct, signed  # the sign convention of every change shown
from lib.headline import Kpi, Measure, Versus, kpi
from lib.i18n import Lang, t
from lib.metrics.mediation_detail import CloseTimes, Quarter
from lib.metrics.periods import is_calendar_year
from lib.metrics.periods import Change
from lib.viz.axes import count_axis, month_label
from lib.viz.plot_text import plot_text

BLUE, GREY = "#1f6fb2", "#9aa5b1"
BAR_HEIGHT = 34  # px per bar of a horizontal bar chart
CHART_CONFIG = {"displayModeBar": False}  # the page's charts have no mode bar (their PNG is offered under them)


# ---------------------------------------------------------------- texts and cards

def period_text(start: date, end: date, lang: Lang) -> str:
    if is_calendar_year(start, end):
        return t("med.period_year", lang, year=start.year)
    return t("med.period_range", lang, start=start.isoformat(), end=end.isoformat())


def close_change(now: CloseTimes, before: CloseTimes, attribute: str) -> Change:
    value, prior = getattr(now, attribute), getattr(before, attribute)
    return Change(value if value is not None else 0.0, prior if value is not None else None)


def close_kpi(days: Measure, now: CloseTimes, before: CloseTimes, attribute: str, audience: Audience,
              versus: Versus) -> Kpi:
    """The card of a days-to-close figure (`attribute` of CloseTimes), built on the disputes closed: '—' with no
    change while none of the period's disputes is closed (or, in the public copy, fewer than 3 are)."""
    card = kpi(days, close_change(now, before, attribute), audience, versus,
               basis=Change(now.closed, before.closed))
    return card if getattr(now, attribute) is not None else replace(card, value=HIDDEN, delta=None)


def quarter_label(quarter: Quarter, lang: Lang) -> str:
    return t("med.quarter", lang, year=quarter.year, quarter=quarter.quarter)


# ---------------------------------------------------------------- charts

def _layout(fig: go.Figure, title: str, height: int) -> go.Figure:
    fig.update_layout(title={"text": title, "x": 0, "font": {"size": 16}}, height=height, showlegend=False,
                      margin={"l": 10, "r": 10, "t": 48, "b": 10}, plot_bgcolor="white",
                      font={"size": 13}, hoverlabel={"font_size": 13}, dragmode=False)
    fig.update_xaxes(gridcolor="#e6e9ee", zeroline=False)
    fig.update_yaxes(gridcolor="#e6e9ee", zeroline=False)
    return fig


def yearly_figure(yearly: pd.DataFrame, audience: Audience) -> go.Figure:
    """Bars of the disputes received in each full year, labelled with the count and the change on the year before.
    Public copy: a year below 3 is a gap labelled "<3", and a change from or to such a year is not shown."""
    lang = audience.lang
    before = yearly["received"].shift(1)
    texts = [audience.count(n) + ("" if pd.isna(p) or not audience.shows(n, b) else f"<br>{signed(p, 1)}%")
             for n, p, b in zip(yearly["received"], yearly["change_pct"], before)]
    fig = go.Figure(go.Bar(x=yearly["year"].astype(str), y=audience.chart_values(yearly["received"]), text=texts,
                           textposition="outside",
                           marker_color=BLUE, cliponaxis=False, hovertemplate="%{x}: %{y:,}<extra></extra>"))
    fig.update_yaxes(**count_axis(float(yearly["received"].max())))
    fig.update_yaxes(title=t("med.axis_count", lang))
    fig.update_xaxes(type="category")
    return _layout(fig, t("med.chart_yearly", lang), 360)


def monthly_figure(monthly: pd.DataFrame, audience: Audience) -> go.Figure:
    """This period's disputes per month, and the same months a year earlier (dashed). Public copy: months below 3
    are gaps."""
    lang = audience.lang
    fig = go.Figure()
    fig.add_scatter(x=monthly["month"], y=audience.chart_values(monthly["prior_received"]),
                    name=t("med.series_prior", lang), mode="lines+markers", line={"color": GREY, "dash": "dash"},
                    hovertemplate=f"%{{x|{month_label(lang)}}}: %{{y:,}}<extra>%{{fullData.name}}</extra>")
    fig.add_scatter(x=monthly["month"], y=audience.chart_values(monthly["received"]),
                    name=t("med.series_current", lang), mode="lines+markers", line={"color": BLUE, "width": 3},
                    hovertemplate=f"%{{x|{month_label(lang)}}}: %{{y:,}}<extra>%{{fullData.name}}</extra>")
    fig.update_yaxes(**count_axis(float(max(monthly["received"].max(), monthly["prior_received"].max()))))
    fig.update_yaxes(title=t("med.axis_count", lang))
    fig.update_xaxes(tickformat=month_label(lang), nticks=7, tickangle=0)
    _layout(fig, t("med.chart_monthly", lang), 360)
    fig.update_layout(showlegend=True, legend={"orientation": "h", "y": -0.15, "x": 0})
    return fig


def _hbar(labels: list[str], values: pd.Series, codes: list[str], texts: list[str], hover: list[str],
          title: str, axis: str, shown: list | None = None) -> go.Figure:
    """Horizontal bars, the first row on top, each bar's code in customdata; `shown` the bar lengths (None a gap)."""
    fig = go.Figure(go.Bar(y=labels, x=values if shown is None else shown, orientation="h", text=texts, textposition="outside", cliponaxis=False,
                           customdata=codes, hovertext=hover, hovertemplate="%{hovertext}<extra></extra>",
                           marker_color=BLUE))
    fig.update_yaxes(autorange="reversed", type="category")
    drawn = [v for v in (values if shown is None else shown) if v is not None]  # a gap must not set the axis
    fig.update_xaxes(title=axis, rangemode="tozero", range=[0, float(max(drawn, default=0) or 1) * 1.3])
    return _layout(fig, title, 70 + BAR_HEIGHT * max(len(labels), 3))


def type_figure(by_type: pd.DataFrame, audience: Audience) -> go.Figure:
    """Disputes received by type, most first, each labelled with the change on a year earlier.
    Public copy: a type below 3 is a gap labelled "<3"; a change from or to a count below 3 is not shown."""
    lang = audience.lang
    rows = by_type.sort_values("received", ascending=False, kind="stable")
    labels = [plot_text(label_of(DISPUTE_TYPES, c, lang)) for c in rows["dispute_type"]]
    changes = ["" if pd.isna(p) or not audience.shows(n, b) else f"{signed(p, 1)}%"
               for p, n, b in zip(rows["change_pct"], rows["received"], rows["prev_received"])]
    received, prior = audience.counts(rows["received"]), audience.counts(rows["prev_received"])
    changes = [c if shown_now and shown_then else "" for c, shown_now, shown_then in
               zip(changes, ~audience.hidden(rows["received"]), ~audience.hidden(rows["prev_received"]))]
    texts = [t("med.type_text", lang, received=n, change=c) for n, c in zip(received, changes)]
    hover = [f"{label}: {n} ({t('med.series_prior', lang)} {p})" for label, n, p in zip(labels, received, prior)]
    return _hbar(labels, rows["received"], rows["dispute_type"].tolist(), texts, hover,
                 t("med.chart_types", lang), t("med.axis_count", lang), audience.chart_values(rows["received"]))


def town_figure(by_town: pd.DataFrame, town_names: Mapping[str, str], audience: Audience) -> go.Figure:
    """Disputes per 10,000 residents by town, highest first, each labelled with its count.
    Public copy: a town below 3 is a gap labelled "<3" (its rate times its population is its count)."""
    lang = audience.lang
    rows = by_town.sort_values("per_10k", ascending=False, kind="stable")
    labels = [plot_text(town_names.get(c, c)) for c in rows["town_code"]]
    received = audience.counts(rows["received"])
    rates = [HIDDEN if hide else f"{r:.1f}" for r, hide in zip(rows["per_10k"], audience.hidden(rows["received"]))]
    texts = [t("med.town_text", lang, rate=r, received=n) for r, n in zip(rates, received)]
    hover = [f"{label}: {r} ({n} / {p:,})" for label, r, n, p in zip(labels, rates, received, rows["population"])]
    return _hbar(labels, rows["per_10k"], rows["town_code"].tolist(), texts, hover, t("med.chart_towns", lang),
                 t("med.axis_per_10k", lang), audience.chart_values(rows["per_10k"], basis=rows["received"]))


def channel_figure(channels: pd.DataFrame, audience: Audience) -> go.Figure:
    """Each channel's success rate as a bar, its Wilson 95% interval as a line, its base (received) in its label.
    Public copy: a channel whose received or settled count is below 3 has no bar, no interval and "<3" counts."""
    lang = audience.lang
    names = [plot_text(label_of(MEDIATION_CHANNELS, c, lang)) for c in channels["channel"]]
    withheld = audience.hidden(channels["received"]) | audience.hidden(channels["settled"])
    shown = [audience.shares(r, n) and not w for r, n, w in zip(channels["rate"], channels["received"], withheld)]
    received, settled = audience.counts(channels["received"]), audience.counts(channels["settled"])
    labels = [t("med.channel_label", lang, channel=n, received=r) for n, r in zip(names, received)]
    texts = [t("med.channel_text", lang, rate=fmt_pct(r, 1) if ok else HIDDEN, settled=s, received=n)
             for r, s, n, ok in zip(channels["rate"], settled, received, shown)]
    hover = [f"{name}: {fmt_pct(r)} — {t('med.hover_interval', lang)} {fmt_pct(lo, 1)}–{fmt_pct(hi, 1)}" if ok
             else f"{name}: {HIDDEN}"
             for name, r, lo, hi, ok in zip(names, channels["rate"], channels["ci_low"], channels["ci_high"], shown)]
    rates = [r if ok else None for r, ok in zip(channels["rate"], shown)]
    fig = go.Figure(go.Bar(
        y=labels, x=rates, orientation="h", text=texts, textposition="inside", insidetextanchor="start",
        textfont={"color": "white"}, customdata=channels["channel"].tolist(), hovertext=hover,
        hovertemplate="%{hovertext}<extra></extra>", marker_color=BLUE,
        error_x={"type": "data", "symmetric": False,
                 "array": [v if ok else None for v, ok in zip(channels["ci_high"] - channels["rate"], shown)],
                 "arrayminus": [v if ok else None for v, ok in zip(channels["rate"] - channels["ci_low"], shown)],
                 "color": "#222", "thickness": 2, "width": 6},
    ))
    fig.update_yaxes(autorange="reversed", type="category")
    fig.update_xaxes(title=t("med.axis_rate", lang), range=[0, 100], dtick=10)
    return _layout(fig, t("med.chart_channels", lang), 90 + 52 * max(len(labels), 2))


# ---------------------------------------------------------------- tables (headers in the UI language)

def _interval(low: float, high: float) -> str:
    return "—" if pd.isna(low) else f"{low:.1f}%–{high:.1f}%"


def channel_table(channels: pd.DataFrame, audience: Audience) -> pd.DataFrame:
    """Public copy: counts below 3 read "<3"; the rate and interval of a channel with such a count read "—"."""
    lang = audience.lang
    table = pd.DataFrame({
        t("med.col_channel", lang): [label_of(MEDIATION_CHANNELS, c, lang) for c in channels["channel"]],
        t("med.col_received", lang): channels["received"].to_numpy(),
        t("med.col_settled", lang): channels["settled"].to_numpy(),
        t("med.col_failed", lang): channels["failed"].to_numpy(),
        t("med.col_open", lang): channels["open"].to_numpy(),
        t("med.col_rate", lang): [fmt_pct(r) for r in channels["rate"]],
        t("med.col_interval", lang): [_interval(lo, hi) for lo, hi in zip(channels["ci_low"], channels["ci_high"])],
    })
    small = audience.hidden(channels["received"]) | audience.hidden(channels["settled"])
    table = audience.withhold(table, [t("med.col_rate", lang), t("med.col_interval", lang)], small)
    return audience.count_cells(table, [t(f"med.col_{c}", lang) for c in ("received", "settled", "failed", "open")])


def type_table(by_type: pd.DataFrame, audience: Audience) -> pd.DataFrame:
    """Public copy: counts below 3 read "<3"; a change or share built on one reads "—"."""
    lang = audience.lang
    table = pd.DataFrame({
        t("med.col_type", lang): [label_of(DISPUTE_TYPES, c, lang) for c in by_type["dispute_type"]],
        t("med.col_received", lang): by_type["received"].to_numpy(),
        t("med.col_prior", lang): by_type["prev_received"].to_numpy(),
        t("med.col_change", lang): [HIDDEN if pd.isna(p) else f"{signed(p, 1)}%" for p in by_type["change_pct"]],
        t("med.col_share", lang): [fmt_pct(s, 1) for s in by_type["share"]],
    })
    table = audience.withhold(table, [t("med.col_change", lang)],
                              audience.hidden(by_type["received"]) | audience.hidden(by_type["prev_received"]))
    table = audience.withhold(table, [t("med.col_share", lang)], audience.hidden(by_type["received"]))
    return audience.count_cells(table, [t("med.col_received", lang), t("med.col_prior", lang)])


def town_table(by_town: pd.DataFrame, town_names: Mapping[str, str], audience: Audience) -> pd.DataFrame:
    """Public copy: counts below 3 read "<3" and their rate per 10,000 "—" (rate times population is the count)."""
    lang = audience.lang
    table = pd.DataFrame({
        t("med.col_town", lang): [town_names.get(c, c) for c in by_town["town_code"]],
        t("med.col_population", lang): by_town["population"].to_numpy(),
        t("med.col_received", lang): by_town["received"].to_numpy(),
        t("med.col_per_10k", lang): [f"{v:.1f}" for v in by_town["per_10k"]],
        t("med.col_prior", lang): by_town["prev_received"].to_numpy(),
        t("med.col_prior_per_10k", lang): [f"{v:.1f}" for v in by_town["prev_per_10k"]],
    })
    table = audience.withhold(table, [t("med.col_per_10k", lang)], audience.hidden(by_town["received"]))
    table = audience.withhold(table, [t("med.col_prior_per_10k", lang)], audience.hidden(by_town["prev_received"]))
    return audience.count_cells(table, [t("med.col_received", lang), t("med.col_prior", lang)])


def overdue_counts_table(counts: pd.DataFrame, quarters: list[Quarter], town_names: Mapping[str, str],
                         audience: Audience) -> pd.DataFrame:
    """Towns x quarters of overdue counts, with a total row, headed by quarter labels. Public copy: below 3 reads "<3"."""
    lang = audience.lang
    table = counts.copy()
    table.loc["__total__"] = table.sum()
    table.columns = [quarter_label(q, lang) for q in quarters]
    names = [t("med.col_total", lang) if c == "__total__" else town_names.get(c, c) for c in table.index]
    table = audience.count_cells(table, list(table.columns))
    table.insert(0, t("med.col_town", lang), names)
    return table.reset_index(drop=True)


def overdue_export(listing: pd.DataFrame, quarters: list[Quarter], town_names: Mapping[str, str],
                   audience: Audience) -> pd.DataFrame:
    """The overdue list as people open it in Excel: labels instead of codes, dates as text, headers in the UI language.

    Only the internal copy has the dispute-by-dispute list: the public copy never offers it."""
    if audience.public:
        raise PermissionError("the dispute-by-dispute overdue list is never part of the public copy")
    lang = audience.lang
    quarter_names = {q.code: quarter_label(q, lang) for q in quarters}
    extra = {"quarter": t("med.col_quarter", lang), "as_at": t("med.col_as_at", lang),
             "town_name": t("med.col_town", lang), "days_overdue": t("med.col_days_overdue", lang),
             "outcome": t("med.col_outcome_now", lang)}
    extra_named = {key: value for key, value in extra.items() if key != "outcome"}

    def day(column: str) -> pd.Series:
        return listing[column].dt.strftime("%Y-%m-%d").fillna("")

    frame = pd.DataFrame({
        "quarter": listing["quarter"].map(quarter_names), "as_at": day("as_at"),
        "town_code": listing["town_code"], "town_name": listing["town_code"].map(lambda c: town_names.get(c, c)),
        "dispute_id": listing["dispute_id"],
        "dispute_type": listing["dispute_type"].astype(str), "channel": listing["channel"].astype(str),
        "received_on": day("received_on"), "due_on": day("due_on"),
        "days_overdue": listing["days_overdue"].astype("int64"),
        "closed_on": day("closed_on"),
        "outcome": listing["outcome"].astype(str),
    })
    # coded columns show their labels and keep their codes beside them; the outcome is the one as of the list's date
    outcome = DISPUTES.column("outcome")
    return with_code_labels(frame.rename(columns=extra_named), DISPUTES, lang).rename(
        columns={outcome.zh if lang == "zh" else outcome.en: extra["outcome"]})
