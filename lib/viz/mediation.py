"""Charts, tables and texts of the dispute-mediation page (no Streamlit here: the page shows what these return).

Bars carry their code in `customdata`, so a click on a bar can be turned into a filter by the page.
"""
from __future__ import annotations

from collections.abc import Mapping
from datetime import date

import pandas as pd
import plotly.graph_objects as go

from lib.data.codes import DISPUTE_OUTCOMES, DISPUTE_TYPES, MEDIATION_CHANNELS, label_of
from lib.data.contracts import DISPUTES
from lib.disclosure import (HIDDEN, any_small, chart_values, count_text, hide_where, is_small,
                             mask_count_columns, share_shown, small_mask)
from lib.export import localized_headers
from lib.formatting import fmt_pct
from lib.i18n import Lang, t
from lib.metrics.mediation_detail import CloseTimes, Quarter, is_calendar_year
from lib.metrics.periods import Change

BLUE, GREY = "#1f6fb2", "#9aa5b1"
BAR_HEIGHT = 34  # px per bar of a horizontal bar chart


# ---------------------------------------------------------------- texts

def _trimmed(value: float) -> str:
    """One decimal at most: 14.0 -> '14', 14.5 -> '14.5'."""
    return f"{value:,.1f}".rstrip("0").rstrip(".")


def fmt_days(value: float | None, lang: Lang) -> str:
    """14.0 -> '14天'; 14.5 -> '14.5天'; None -> '—'."""
    return "—" if value is None else t("med.days", lang, days=_trimmed(value))


def period_text(start: date, end: date, lang: Lang) -> str:
    if is_calendar_year(start, end):
        return t("med.period_year", lang, year=start.year)
    return t("med.period_range", lang, start=start.isoformat(), end=end.isoformat())


def versus(start: date, end: date, lang: Lang) -> str:
    """'较2019年' for a calendar year, else '较上年同期'."""
    return t("med.vs_year", lang, year=start.year - 1) if is_calendar_year(start, end) else t("med.vs_prior", lang)


def signed(value: float, decimals: int) -> str:
    sign = "+" if value > 0 else ("-" if value < 0 else "±")
    return f"{sign}{abs(value):,.{decimals}f}"


def change_text(change: Change, start: date, end: date, lang: Lang, *, kind: str = "pct") -> str | None:
    """The change on the same period a year earlier, for st.metric: kind 'pct' (counts), 'points' (rates), 'days'."""
    if change.previous is None:
        return None
    tail = versus(start, end, lang)
    delta = change.delta or 0.0
    if kind == "points":
        return f"{signed(delta, 1)}{t('med.points', lang)} {tail}"
    if kind == "days":
        sign = "+" if delta > 0 else ("-" if delta < 0 else "±")
        return f"{t('med.days', lang, days=sign + _trimmed(abs(delta)))} {tail}"
    if change.pct is None:
        return f"±0 {tail}" if change.current == 0 else t("med.change_new", lang)
    return f"{signed(change.pct, 1)}% {tail}"


def close_change(now: CloseTimes, before: CloseTimes, attribute: str) -> Change:
    value, prior = getattr(now, attribute), getattr(before, attribute)
    return Change(value if value is not None else 0.0, prior if value is not None else None)


def quarter_label(quarter: Quarter, lang: Lang) -> str:
    return t("med.quarter", lang, year=quarter.year, quarter=quarter.quarter)


# ---------------------------------------------------------------- charts

def _whole_counts(fig: go.Figure, largest: float) -> None:
    """A count axis with whole-number ticks even when the counts are small."""
    fig.update_yaxes(rangemode="tozero", tickformat=",d", dtick=1 if largest < 8 else None)


def _layout(fig: go.Figure, title: str, height: int) -> go.Figure:
    fig.update_layout(title={"text": title, "x": 0, "font": {"size": 16}}, height=height, showlegend=False,
                      margin={"l": 10, "r": 10, "t": 48, "b": 10}, plot_bgcolor="white",
                      font={"size": 13}, hoverlabel={"font_size": 13}, dragmode=False)
    fig.update_xaxes(gridcolor="#e6e9ee", zeroline=False)
    fig.update_yaxes(gridcolor="#e6e9ee", zeroline=False)
    return fig


def yearly_figure(yearly: pd.DataFrame, lang: Lang, *, public: bool = False) -> go.Figure:
    """Bars of the disputes received in each full year, labelled with the count and the change on the year before.
    `public`: a year below 3 is a gap labelled "<3", and a change from or to such a year is not shown."""
    before = yearly["received"].shift(1)
    texts = [count_text(n, lang, public) + ("" if pd.isna(p) or (public and any_small(n, b)) else f"<br>{signed(p, 1)}%")
             for n, p, b in zip(yearly["received"], yearly["change_pct"], before)]
    fig = go.Figure(go.Bar(x=yearly["year"].astype(str), y=chart_values(yearly["received"], public), text=texts,
                           textposition="outside",
                           marker_color=BLUE, cliponaxis=False, hovertemplate="%{x}: %{y:,}<extra></extra>"))
    _whole_counts(fig, yearly["received"].max())
    fig.update_yaxes(title=t("med.axis_count", lang))
    fig.update_xaxes(type="category")
    return _layout(fig, t("med.chart_yearly", lang), 360)


def monthly_figure(monthly: pd.DataFrame, lang: Lang, *, public: bool = False) -> go.Figure:
    """This period's disputes per month, and the same months a year earlier (dashed). `public`: months below 3 are gaps."""
    fig = go.Figure()
    fig.add_scatter(x=monthly["month"], y=chart_values(monthly["prior_received"], public), name=t("med.series_prior", lang), mode="lines+markers",
                    line={"color": GREY, "dash": "dash"}, hovertemplate="%{x|%Y-%m}: %{y:,}<extra>%{fullData.name}</extra>")
    fig.add_scatter(x=monthly["month"], y=chart_values(monthly["received"], public), name=t("med.series_current", lang), mode="lines+markers",
                    line={"color": BLUE, "width": 3}, hovertemplate="%{x|%Y-%m}: %{y:,}<extra>%{fullData.name}</extra>")
    _whole_counts(fig, max(monthly["received"].max(), monthly["prior_received"].max()))
    fig.update_yaxes(title=t("med.axis_count", lang))
    fig.update_xaxes(tickformat="%Y-%m", nticks=7, tickangle=0)
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


def type_figure(by_type: pd.DataFrame, lang: Lang, *, public: bool = False) -> go.Figure:
    """Disputes received by type, most first, each labelled with the change on a year earlier.
    `public`: a type below 3 is a gap labelled "<3"; a change from or to a count below 3 is not shown."""
    rows = by_type.sort_values("received", ascending=False, kind="stable")
    labels = [label_of(DISPUTE_TYPES, c, lang) for c in rows["dispute_type"]]
    changes = ["" if pd.isna(p) or (public and any_small(n, b)) else f"{signed(p, 1)}%"
               for p, n, b in zip(rows["change_pct"], rows["received"], rows["prev_received"])]
    texts = [t("med.type_text", lang, received=count_text(n, lang, public), change=c) for n, c in zip(rows["received"], changes)]
    hover = [f"{label}: {count_text(n, lang, public)} ({t('med.series_prior', lang)} {count_text(p, lang, public)})"
             for label, n, p in zip(labels, rows["received"], rows["prev_received"])]
    return _hbar(labels, rows["received"], rows["dispute_type"].tolist(), texts, hover,
                 t("med.chart_types", lang), t("med.axis_count", lang), chart_values(rows["received"], public))


def town_figure(by_town: pd.DataFrame, town_names: Mapping[str, str], lang: Lang, *, public: bool = False) -> go.Figure:
    """Disputes per 10,000 residents by town, highest first, each labelled with its count.
    `public`: a town below 3 is a gap labelled "<3" (its rate times its population is its count)."""
    rows = by_town.sort_values("per_10k", ascending=False, kind="stable")
    labels = [town_names.get(c, c) for c in rows["town_code"]]
    small = [public and is_small(n) for n in rows["received"]]
    rates = [HIDDEN if hide else f"{r:.1f}" for r, hide in zip(rows["per_10k"], small)]
    texts = [t("med.town_text", lang, rate=r, received=count_text(n, lang, public)) for r, n in zip(rates, rows["received"])]
    hover = [f"{label}: {r} ({count_text(n, lang, public)} / {p:,})" for label, r, n, p in
             zip(labels, rates, rows["received"], rows["population"])]
    return _hbar(labels, rows["per_10k"], rows["town_code"].tolist(), texts, hover, t("med.chart_towns", lang),
                 t("med.axis_per_10k", lang), chart_values(rows["per_10k"], public, basis=rows["received"]))


def channel_figure(channels: pd.DataFrame, lang: Lang, *, public: bool = False) -> go.Figure:
    """Each channel's success rate as a bar, its Wilson 95% interval as a line, its base (received) in its label.
    `public`: a channel whose received or settled count is below 3 has no bar, no interval and "<3" counts."""
    names = [label_of(MEDIATION_CHANNELS, c, lang) for c in channels["channel"]]
    shown = [share_shown(r, n, public) for r, n in zip(channels["rate"], channels["received"])]
    labels = [t("med.channel_label", lang, channel=n, received=count_text(r, lang, public))
              for n, r in zip(names, channels["received"])]
    texts = [t("med.channel_text", lang, rate=fmt_pct(r, 1) if ok else HIDDEN, settled=count_text(s, lang, public),
               received=count_text(n, lang, public))
             for r, s, n, ok in zip(channels["rate"], channels["settled"], channels["received"], shown)]
    hover = [f"{name}: {fmt_pct(r)} — {t('med.hover_interval', lang)} {fmt_pct(lo, 1)}–{fmt_pct(hi, 1)}" if ok else f"{name}: {HIDDEN}"
             for name, r, lo, hi, ok in zip(names, channels["rate"], channels["ci_low"], channels["ci_high"], shown)]
    rates = [r if ok else None for r, ok in zip(channels["rate"], shown)]
    fig = go.Figure(go.Bar(
        y=labels, x=rates, orientation="h", text=texts, textposition="inside", insidetextanchor="start",
        textfont={"color": "white"}, customdata=channels["channel"].tolist(), hovertext=hover,
        hovertemplate="%{hovertext}<extra></extra>", marker_color=BLUE,
        error_x={"type": "data", "symmetric": False,
                 "array": [v if ok else None for v, ok in zip(channels["ci_high"] - channels["rate"], shown)],
                 "arrayminus": [v if ok else None for v, ok in zip(channels["rate"] - channels["ci_low"], shown)], "color": "#222", "thickness": 2, "width": 6},
    ))
    fig.update_yaxes(autorange="reversed", type="category")
    fig.update_xaxes(title=t("med.axis_rate", lang), range=[0, 100], dtick=10)
    return _layout(fig, t("med.chart_channels", lang), 90 + 52 * max(len(labels), 2))


# ---------------------------------------------------------------- tables (headers in the UI language)

def _interval(low: float, high: float) -> str:
    return "—" if pd.isna(low) else f"{low:.1f}%–{high:.1f}%"


def channel_table(channels: pd.DataFrame, lang: Lang, *, public: bool = False) -> pd.DataFrame:
    """`public`: counts below 3 read "<3"; the rate and interval of a channel with such a count read "—"."""
    table = pd.DataFrame({
        t("med.col_channel", lang): [label_of(MEDIATION_CHANNELS, c, lang) for c in channels["channel"]],
        t("med.col_received", lang): channels["received"].to_numpy(),
        t("med.col_settled", lang): channels["settled"].to_numpy(),
        t("med.col_failed", lang): channels["failed"].to_numpy(),
        t("med.col_open", lang): channels["open"].to_numpy(),
        t("med.col_rate", lang): [fmt_pct(r) for r in channels["rate"]],
        t("med.col_interval", lang): [_interval(lo, hi) for lo, hi in zip(channels["ci_low"], channels["ci_high"])],
    })
    small = small_mask(channels["received"]) | small_mask(channels["settled"])
    table = hide_where(table, [t("med.col_rate", lang), t("med.col_interval", lang)], small, public)
    return mask_count_columns(table, [t(f"med.col_{c}", lang) for c in ("received", "settled", "failed", "open")], public)


def type_table(by_type: pd.DataFrame, lang: Lang, *, public: bool = False) -> pd.DataFrame:
    """`public`: counts below 3 read "<3"; a change or share built on one reads "—"."""
    table = pd.DataFrame({
        t("med.col_type", lang): [label_of(DISPUTE_TYPES, c, lang) for c in by_type["dispute_type"]],
        t("med.col_received", lang): by_type["received"].to_numpy(),
        t("med.col_prior", lang): by_type["prev_received"].to_numpy(),
        t("med.col_change", lang): ["—" if pd.isna(p) else f"{signed(p, 1)}%" for p in by_type["change_pct"]],
        t("med.col_share", lang): [fmt_pct(s, 1) for s in by_type["share"]],
    })
    table = hide_where(table, [t("med.col_change", lang)],
                       small_mask(by_type["received"]) | small_mask(by_type["prev_received"]), public)
    table = hide_where(table, [t("med.col_share", lang)], small_mask(by_type["received"]), public)
    return mask_count_columns(table, [t("med.col_received", lang), t("med.col_prior", lang)], public)


def town_table(by_town: pd.DataFrame, town_names: Mapping[str, str], lang: Lang, *, public: bool = False) -> pd.DataFrame:
    """`public`: counts below 3 read "<3" and their rate per 10,000 "—" (rate times population is the count)."""
    table = pd.DataFrame({
        t("med.col_town", lang): [town_names.get(c, c) for c in by_town["town_code"]],
        t("med.col_population", lang): by_town["population"].to_numpy(),
        t("med.col_received", lang): by_town["received"].to_numpy(),
        t("med.col_per_10k", lang): [f"{v:.1f}" for v in by_town["per_10k"]],
        t("med.col_prior", lang): by_town["prev_received"].to_numpy(),
        t("med.col_prior_per_10k", lang): [f"{v:.1f}" for v in by_town["prev_per_10k"]],
    })
    table = hide_where(table, [t("med.col_per_10k", lang)], small_mask(by_town["received"]), public)
    table = hide_where(table, [t("med.col_prior_per_10k", lang)], small_mask(by_town["prev_received"]), public)
    return mask_count_columns(table, [t("med.col_received", lang), t("med.col_prior", lang)], public)


def overdue_counts_table(counts: pd.DataFrame, quarters: list[Quarter], town_names: Mapping[str, str],
                         lang: Lang, *, public: bool = False) -> pd.DataFrame:
    """Towns x quarters of overdue counts, with a total row, headed by quarter labels. `public`: below 3 reads "<3"."""
    table = counts.copy()
    table.loc["__total__"] = table.sum()
    table.columns = [quarter_label(q, lang) for q in quarters]
    names = [t("med.col_total", lang) if c == "__total__" else town_names.get(c, c) for c in table.index]
    table = mask_count_columns(table, list(table.columns), public)
    table.insert(0, t("med.col_town", lang), names)
    return table.reset_index(drop=True)


def overdue_export(listing: pd.DataFrame, quarters: list[Quarter], town_names: Mapping[str, str],
                   lang: Lang) -> pd.DataFrame:
    """The overdue list as people open it in Excel: labels instead of codes, dates as text, headers in the UI language."""
    quarter_names = {q.code: quarter_label(q, lang) for q in quarters}
    extra = {"quarter": t("med.col_quarter", lang), "as_at": t("med.col_as_at", lang),
             "town_name": t("med.col_town", lang), "days_overdue": t("med.col_days_overdue", lang),
             "outcome": t("med.col_outcome_now", lang)}

    def day(column: str) -> pd.Series:
        return listing[column].dt.strftime("%Y-%m-%d").fillna("")

    frame = pd.DataFrame({
        "quarter": listing["quarter"].map(quarter_names), "as_at": day("as_at"),
        "town_code": listing["town_code"], "town_name": listing["town_code"].map(lambda c: town_names.get(c, c)),
        "dispute_id": listing["dispute_id"],
        "dispute_type": [label_of(DISPUTE_TYPES, c, lang) for c in listing["dispute_type"]],
        "channel": [label_of(MEDIATION_CHANNELS, c, lang) for c in listing["channel"]],
        "received_on": day("received_on"), "due_on": day("due_on"),
        "days_overdue": listing["days_overdue"].astype("int64"),
        "closed_on": day("closed_on"),
        "outcome": [label_of(DISPUTE_OUTCOMES, c, lang) for c in listing["outcome"]],
    })
    return localized_headers(frame.rename(columns=extra), DISPUTES, lang)
