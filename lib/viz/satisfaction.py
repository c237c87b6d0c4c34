"""Headline cards, charts and tables of the satisfaction page (Kpi cards, plotly figures and display frames; no
Streamlit here). Each takes the `Audience` it is drawn for.

Names that come from the data (counties, cities, towns) go through `plot_text` before they reach a chart:
plotly draws hover labels and annotations as markup.

Survey scores and ranks are published figures, not counts; the towns' crime and mediation rates are built on
counts of incidents and disputes, and the public copy withholds a rate built on a count below 3 (lib/disclosure.py).
"""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from lib.audience import Audience
from lib.formatting import signed  # the sign convention of every change shown
from lib.headline import Kpi, Versus, change_text, direction_of
from lib.i18n import Lang, t
from lib.metrics.periods import Change
from lib.metrics.satisfaction import Standing, rank_movers
from lib.viz.geo import bounds_zoom
from lib.viz.plot_text import plot_text

DISTRICT_COLOUR = "#A61B1B"  # the app's primary colour
OTHER_COLOUR = "#8DA2B5"
MEAN_COLOUR = "#6B7280"
TOP_COLOUR = "#1F6FB2"
OUTSIDE_COLOUR = "#E5E7EB"
HIGHLIGHT = "#FBE3E3"
SCORE_SCALE = "YlGnBu"
PEER_COLOURS = ("#1F6FB2", "#2A9D8F", "#E9A23B", "#7B5EA7", "#4D9DE0", "#6A994E", "#BC4B51", "#5C677D")
MAP_HEIGHT = 560
MAP_FIT = (600, 440)  # the drawing area (px) the initial zoom fits the province into: a centred-layout page too
LABELLED_TOWNS = 3  # the lowest-scoring towns are named on the scatter
MOVERS = 3  # the indicators whose rank moved most, named under the indicator chart


def _layout(fig: go.Figure, height: int) -> go.Figure:
    fig.update_layout(height=height, margin={"l": 10, "r": 10, "t": 30, "b": 10}, hoverlabel={"align": "left"},
                      legend={"orientation": "h", "y": -0.12})
    return fig


def _features(geojson: dict, ids: "pd.Series | list[str]") -> dict:
    """The part of a FeatureCollection whose `adcode` is among `ids`: each trace carries only its own shapes."""
    wanted = set(ids)
    return {"type": "FeatureCollection",
            "features": [f for f in geojson["features"] if f["properties"]["adcode"] in wanted]}


# ---------------------------------------------------------------- headline cards

def noise_text(standing: Standing, audience: Audience) -> str | None:
    """Whether the rank change on the prior year is beyond the noise of every county's survey (None in a first year)."""
    if standing.within_noise is None or standing.gain_low is None or standing.gain_high is None:
        return None
    return audience.t("sat.kpi_rank_noise" if standing.within_noise else "sat.kpi_rank_real",
                      change=signed(standing.places_up or 0, 0), low=signed(standing.gain_low, 0),
                      high=signed(standing.gain_high, 0))


def standing_cards(standing: Standing, indicator_label: str, versus: Versus, audience: Audience) -> list[Kpi]:
    """The district's rank, score, 95% rank interval, and the target: four cards.

    Places gained and a higher score are good news, except a change within the survey's noise: not a real change,
    it is not coloured. The rank interval and the target are not changes: no arrow."""
    previous = standing.score - standing.score_change if standing.score_change is not None else None
    score = Change(standing.score, previous)
    # places gained: the rank counted downwards, so that its rise is the places gained
    places = Change(-standing.rank, None if standing.previous_rank is None else -standing.previous_rank)
    gap, needed = standing.gap, standing.needed
    target_line = None  # any score reaches the target: nothing to say under it
    if gap is not None:
        parts = [] if standing.target_chance is None else [
            audience.t("sat.kpi_gap_chance", chance=f"{standing.target_chance * 100:.0f}%")]
        target_line = " · ".join(parts + [audience.t("sat.kpi_gap_delta", margin=signed(-gap, 2), needed=f"{needed:.2f}")])
    return [
        Kpi(audience.t("sat.kpi_rank", indicator=indicator_label),
            audience.t("sat.kpi_rank_value", rank=standing.rank, counties=standing.counties),
            change_text(places, versus, audience, kind="places"), help=noise_text(standing, audience),
            good="neither" if standing.within_noise else "up", direction=direction_of(places)),
        Kpi(audience.t("sat.kpi_score"), audience.t("sat.kpi_score_value", score=f"{standing.score:.2f}"),
            change_text(score, versus, audience, kind="score"), help=audience.t("sat.noise_note"),
            good="neither" if standing.score_within_noise else "up", direction=direction_of(score)),
        Kpi(audience.t("sat.kpi_rank_range"),
            audience.t("sat.kpi_rank_range_value", best=standing.best_rank, worst=standing.worst_rank),
            help=audience.t("sat.kpi_rank_range_help"), is_change=False),
        Kpi(audience.t("sat.kpi_gap", target=standing.target_rank),
            audience.t("sat.kpi_gap_any") if gap is None
            else audience.t("sat.kpi_gap_reached" if gap <= 0 else "sat.kpi_gap_short"),
            target_line, help=audience.t("sat.kpi_gap_help", target=standing.target_rank,
                                         needed="—" if needed is None else f"{needed:.2f}"),
            is_change=False),
    ]


def movers_text(profile: pd.DataFrame, labels: dict[str, str], previous_year: int, audience: Audience) -> str | None:
    """The indicators whose rank moved most since `previous_year` (an indicator_profile); None with no prior year."""
    movers = rank_movers(profile).dropna(subset=["places_up"]).head(MOVERS)
    if movers.empty:
        return None
    return audience.t("sat.movers", year=previous_year, movers="; ".join(
        audience.t("sat.mover_item", indicator=labels.get(m.indicator, m.indicator), places=signed(int(m.places_up), 0))
        for m in movers.itertuples()))


# ---------------------------------------------------------------- charts

def province_map(geojson: dict, bounds: tuple[float, float, float, float], ranking: pd.DataFrame, district: str,
                 cities: list[str], indicator_label: str, audience: Audience) -> go.Figure:
    """The province's counties coloured by score (counties outside `cities` in grey), the district outlined.

    `ranking` is a county_ranking table; its adcodes must be the `adcode` properties of `geojson`.
    Drawn by MapLibre on a blank background: no tiles, glyphs or anything else fetched.
    """
    lang = audience.lang
    chosen = ranking["city_adcode"].isin(cities) if cities else pd.Series(True, index=ranking.index)
    counties = len(ranking)
    rank_word, score_word = t("sat.col_rank", lang), plot_text(indicator_label)
    fig = go.Figure()
    if (~chosen).any():
        outside = ranking[~chosen]
        fig.add_trace(go.Choroplethmap(
            geojson=_features(geojson, outside["adcode"]), featureidkey="properties.adcode", locations=outside["adcode"],
            z=[0] * len(outside),
            colorscale=[[0, OUTSIDE_COLOUR], [1, OUTSIDE_COLOUR]], showscale=False, marker_line_width=0.4,
            marker_line_color="white", customdata=outside[["adcode", "county_zh", "city_zh"]].map(plot_text),
            hovertemplate="%{customdata[1]} · %{customdata[2]}<extra></extra>", name=""))
    shown = ranking[chosen]
    custom = pd.DataFrame({"adcode": shown["adcode"], "name": shown["county_zh"].map(plot_text),
                           "city": shown["city_zh"].map(plot_text), "rank": shown["rank"].astype(int)})
    fig.add_trace(go.Choroplethmap(
        geojson=_features(geojson, shown["adcode"]), featureidkey="properties.adcode", locations=shown["adcode"],
        z=shown["score"],
        colorscale=SCORE_SCALE, marker_line_width=0.4, marker_line_color="white", customdata=custom,
        colorbar={"title": {"text": score_word, "side": "top"}, "orientation": "h", "thickness": 10, "len": 0.8,
                  "y": -0.02, "yanchor": "top"},
        hovertemplate=(f"<b>%{{customdata[1]}}</b> · %{{customdata[2]}}<br>{score_word}: %{{z:.2f}}"
                       f"<br>{rank_word}: %{{customdata[3]}} / {counties}<extra></extra>"),
        name=""))
    fig.add_trace(go.Choroplethmap(
        geojson=_features(geojson, [district]), featureidkey="properties.adcode", locations=[district], z=[0],
        colorscale=[[0, "rgba(0,0,0,0)"], [1, "rgba(0,0,0,0)"]], showscale=False,
        marker_line_width=3, marker_line_color=DISTRICT_COLOUR, hoverinfo="skip", name=""))
    centre, zoom = bounds_zoom(bounds, *MAP_FIT)
    fig.update_layout(map={"style": "white-bg", "center": centre, "zoom": zoom}, showlegend=False,
                      clickmode="event+select")
    return _layout(fig, MAP_HEIGHT)


def ranking_chart(ranking: pd.DataFrame, district: str, target_rank: int, needed: float | None,
                  indicator_label: str, audience: Audience) -> go.Figure:
    """Every county shown as a dot at its province rank and score, the district in red, the target marked."""
    lang = audience.lang
    is_district = ranking["adcode"] == district
    custom = pd.DataFrame({"adcode": ranking["adcode"], "name": ranking["county_zh"].map(plot_text),
                           "city": ranking["city_zh"].map(plot_text)})
    hover = (f"<b>%{{customdata[1]}}</b> · %{{customdata[2]}}<br>{t('sat.col_rank', lang)}: %{{x}}"
             f"<br>{plot_text(indicator_label)}: %{{y:.2f}}<extra></extra>")
    fig = go.Figure(go.Scatter(
        x=ranking["rank"], y=ranking["score"], mode="markers", customdata=custom, hovertemplate=hover, name="",
        marker={"color": [DISTRICT_COLOUR if d else OTHER_COLOUR for d in is_district],
                "size": [16 if d else 8 for d in is_district], "line": {"width": 0}}))
    fig.add_vline(x=target_rank + 0.5, line_dash="dash", line_color=DISTRICT_COLOUR,
                  annotation_text=t("sat.target_line", lang, target=target_rank), annotation_position="top right")
    if needed is not None:
        fig.add_hline(y=needed, line_dash="dot", line_color=MEAN_COLOUR,
                      annotation_text=t("sat.needed_line", lang, target=target_rank, needed=f"{needed:.2f}"),
                      annotation_position="bottom left")
    for row in ranking[is_district].itertuples():
        fig.add_annotation(x=row.rank, y=row.score, text=plot_text(str(row.county_zh)), showarrow=True, arrowhead=0,
                           ax=40, ay=-40, font={"color": DISTRICT_COLOUR, "size": 14})
    fig.update_xaxes(title=t("sat.col_rank", lang), rangemode="tozero")
    fig.update_yaxes(title=plot_text(indicator_label))
    fig.update_layout(clickmode="event+select", dragmode=False, showlegend=False)
    return _layout(fig, 380)


def bump_chart(history: pd.DataFrame, district: str, names: dict[str, str], target_rank: int,
               first_year: int | None, audience: Audience) -> go.Figure:
    """Rank over the years, one line per county (rank 1 at the top), the district bold, the target rank dashed."""
    lang = audience.lang
    fig = go.Figure()
    order = [a for a in history["adcode"].unique() if a != district] + [district]  # the district drawn on top
    for i, adcode in enumerate(order):
        rows = history[history["adcode"] == adcode]
        own = adcode == district
        name = plot_text(names.get(adcode, adcode))
        colour = DISTRICT_COLOUR if own else PEER_COLOURS[i % len(PEER_COLOURS)]
        fig.add_trace(go.Scatter(
            x=rows["year"], y=rows["rank"], mode="lines+markers+text" if own else "lines+markers", name=name,
            text=[name if own and y == rows["year"].max() else "" for y in rows["year"]], textposition="middle right",
            textfont={"color": colour, "size": 14}, line={"color": colour, "width": 5 if own else 2},
            marker={"size": 11 if own else 7}, customdata=rows["score"],
            hovertemplate=f"{name} %{{x}}<br>{t('sat.col_rank', lang)}: %{{y}}<br>{t('sat.col_score', lang)}: "
                          f"%{{customdata:.2f}}<extra></extra>"))
    fig.add_hline(y=target_rank, line_dash="dash", line_color=MEAN_COLOUR,
                  annotation_text=t("sat.target_line", lang, target=target_rank), annotation_position="bottom left")
    if first_year is not None:
        entered = history[(history["adcode"] == district) & (history["year"] == first_year)]
        for row in entered.itertuples():
            fig.add_annotation(x=row.year, y=row.rank, text=t("sat.first_in_target", lang, year=first_year, target=target_rank),
                               showarrow=True, arrowhead=2, ax=-60, ay=-40, font={"color": DISTRICT_COLOUR, "size": 13},
                               bgcolor="rgba(255,255,255,0.85)")
    years = sorted(history["year"].unique())
    fig.update_xaxes(tickvals=years, ticktext=[str(y) for y in years], range=[years[0] - 0.3, years[-1] + 1.0] if years else None)  # room for the district's name on a phone
    fig.update_yaxes(autorange="reversed", title=t("sat.col_rank", lang))
    fig.update_layout(showlegend=True, legend={"traceorder": "reversed"})
    return _layout(fig, 440)


def indicator_chart(profile: pd.DataFrame, labels: dict[str, str], district_name: str, top: int,
                    audience: Audience) -> go.Figure:
    """Per indicator: the district's score with its 95% interval, the province average and the top counties' average."""
    lang = audience.lang
    y = [plot_text(labels.get(c, c)) for c in profile["indicator"]]
    fig = go.Figure()
    fig.add_trace(go.Scatter(x=profile["province_mean"], y=y, mode="markers", name=t("sat.province_mean", lang),
                             marker={"color": MEAN_COLOUR, "size": 11, "symbol": "line-ns-open", "line": {"width": 3}},
                             hovertemplate="%{y}: %{x:.2f}<extra>" + t("sat.province_mean", lang) + "</extra>"))
    fig.add_trace(go.Scatter(x=profile["top_mean"], y=y, mode="markers", name=t("sat.top_mean", lang, top=top),
                             marker={"color": TOP_COLOUR, "size": 11, "symbol": "diamond"},
                             hovertemplate="%{y}: %{x:.2f}<extra>" + t("sat.top_mean", lang, top=top) + "</extra>"))
    fig.add_trace(go.Scatter(
        x=profile["score"], y=y, mode="markers", name=plot_text(district_name),
        error_x={"type": "data", "symmetric": False, "array": profile["high"] - profile["score"],
                 "arrayminus": profile["score"] - profile["low"], "color": DISTRICT_COLOUR, "thickness": 2},
        marker={"color": DISTRICT_COLOUR, "size": 13},
        customdata=profile[["low", "high"]],
        hovertemplate="%{y}: %{x:.2f} (95%: %{customdata[0]:.1f}–%{customdata[1]:.1f})<extra>"
                      + plot_text(district_name) + "</extra>"))
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(title=t("sat.col_score", lang))
    fig.update_layout(legend={"orientation": "h", "y": 1.12, "x": 0})
    return _layout(fig, 380)


def _rate_basis(factors: pd.DataFrame, rate: str) -> pd.Series:
    """The count a town's rate is built on: its incidents; for mediation the smaller of received and settled."""
    if rate == "crime_rate":
        return factors["incidents"]
    return factors[["received", "settled"]].min(axis=1)


def town_scatter(factors: pd.DataFrame, x: str, x_label: str, y_label: str, names: dict[str, str],
                 audience: Audience, labelled: int = LABELLED_TOWNS) -> go.Figure:
    """Towns' satisfaction against one of their rates (`x`: crime_rate or mediation_rate, a column of `factors`);
    the `labelled` lowest scores named. Public copy: a town whose rate rests on a count below 3 has no point."""
    rows = factors.dropna(subset=[x, "score"])
    labels = [plot_text(names.get(c, c)) for c in rows["town_code"]]
    lowest = set(rows.nsmallest(labelled, "score")["town_code"])
    fig = go.Figure(go.Scatter(
        x=audience.chart_values(rows[x], basis=_rate_basis(rows, x)), y=rows["score"], mode="markers+text", customdata=labels,
        text=[label if code in lowest else "" for label, code in zip(labels, rows["town_code"])],
        textposition="middle left", textfont={"size": 12, "color": DISTRICT_COLOUR},
        marker={"size": 10, "color": [DISTRICT_COLOUR if c in lowest else TOP_COLOUR for c in rows["town_code"]]}, name="",
        hovertemplate=f"%{{customdata}}<br>{plot_text(x_label)}: %{{x:.1f}}<br>{plot_text(y_label)}: %{{y:.2f}}<extra></extra>"))
    fig.update_xaxes(title=plot_text(x_label))
    fig.update_yaxes(title=plot_text(y_label))
    return _layout(fig, 380)


# ---------------------------------------------------------------- tables (headers in the UI language)

def _interval(low: pd.Series, high: pd.Series) -> list[str]:
    return [f"{lo:.1f}–{hi:.1f}" for lo, hi in zip(low, high)]


def _noise_text(flags: pd.Series, lang: Lang) -> list[str]:
    return ["—" if pd.isna(f) else t("sat.within_noise" if f else "sat.beyond_noise", lang) for f in flags]


def _rank_interval(low: pd.Series, high: pd.Series) -> list[str]:
    return [f"{int(lo)}–{int(hi)}" for lo, hi in zip(low, high)]


def _chance(shares: pd.Series) -> list[str]:
    return ["—" if pd.isna(p) else f"{p * 100:.0f}%" for p in shares]


def _int_or_none(values: pd.Series) -> pd.Series:
    return values.astype("Int64")


def ranking_table(ranking: pd.DataFrame, audience: Audience) -> pd.DataFrame:
    """The county ranking as people read (and download) it."""
    lang = audience.lang
    return pd.DataFrame({
        t("sat.col_rank", lang): _int_or_none(ranking["rank"]).to_numpy(),
        t("sat.col_county", lang): ranking["county_zh"].to_numpy(),
        t("sat.col_city", lang): ranking["city_zh"].to_numpy(),
        t("sat.col_score", lang): ranking["score"].round(2).to_numpy(),
        t("sat.col_interval", lang): _interval(ranking["low"], ranking["high"]),
        t("sat.col_rank_interval", lang): _rank_interval(ranking["rank_low"], ranking["rank_high"]),
        t("sat.col_sample", lang): ranking["sample_size"].astype(int).to_numpy(),
        t("sat.col_prev_rank", lang): _int_or_none(ranking["prev_rank"]).to_numpy(),
        t("sat.col_places", lang): _int_or_none(ranking["places_up"]).to_numpy(),
        t("sat.col_noise", lang): _noise_text(ranking["within_noise"], lang),
        t("sat.col_code", lang): ranking["adcode"].to_numpy(),
    })


def indicator_table(profile: pd.DataFrame, labels: dict[str, str], top: int, target_rank: int,
                    audience: Audience) -> pd.DataFrame:
    """The district on each indicator: score and interval, averages, rank with its interval and change, the chance
    of the target rank and what it asks."""
    lang = audience.lang
    return pd.DataFrame({
        t("sat.col_indicator", lang): [labels.get(c, c) for c in profile["indicator"]],
        t("sat.col_score", lang): profile["score"].round(2).to_numpy(),
        t("sat.col_interval", lang): _interval(profile["low"], profile["high"]),
        t("sat.province_mean", lang): profile["province_mean"].round(2).to_numpy(),
        t("sat.top_mean", lang, top=top): profile["top_mean"].round(2).to_numpy(),
        t("sat.col_rank", lang): _int_or_none(profile["rank"]).to_numpy(),
        t("sat.col_rank_interval", lang): _rank_interval(profile["rank_low"], profile["rank_high"]),
        t("sat.col_prev_rank", lang): _int_or_none(profile["previous_rank"]).to_numpy(),
        t("sat.col_places", lang): _int_or_none(profile["places_up"]).to_numpy(),
        t("sat.col_noise", lang): _noise_text(profile["within_noise"], lang),
        t("sat.col_chance", lang, target=target_rank): _chance(profile["target_chance"]),
        t("sat.col_needed", lang): profile["needed"].astype("Float64").round(2).to_numpy(),
        t("sat.col_gap", lang): profile["gap"].astype("Float64").round(2).to_numpy(),
    })


def town_table(factors: pd.DataFrame, names: dict[str, str], audience: Audience) -> pd.DataFrame:
    """The towns' survey ranking with its change, and the two rates the scatters set beside it.

    Public copy: a rate built on a count below 3 (incidents; disputes received or settled) reads "—"."""
    lang = audience.lang
    crime_rate, mediation_rate = t("sat.crime_rate", lang), t("sat.mediation_rate", lang)
    table = pd.DataFrame({
        t("sat.col_rank", lang): _int_or_none(factors["rank"]).to_numpy(),
        t("sat.col_town", lang): [names.get(c, c) for c in factors["town_code"]],
        t("sat.col_score", lang): factors["score"].round(2).to_numpy(),
        t("sat.col_interval", lang): _interval(factors["low"], factors["high"]),
        t("sat.col_rank_interval", lang): _rank_interval(factors["rank_low"], factors["rank_high"]),
        t("sat.col_sample", lang): factors["sample_size"].astype(int).to_numpy(),
        t("sat.col_prev_rank", lang): _int_or_none(factors["prev_rank"]).to_numpy(),
        t("sat.col_places", lang): _int_or_none(factors["places_up"]).to_numpy(),
        t("sat.col_score_change", lang): factors["score_change"].round(2).to_numpy(),
        t("sat.col_noise", lang): _noise_text(factors["within_noise"], lang),
        crime_rate: factors["crime_rate"].round(1).to_numpy(),
        mediation_rate: factors["mediation_rate"].round(1).to_numpy(),
    })
    table = audience.withhold(table, [crime_rate], audience.hidden(_rate_basis(factors, "crime_rate")))
    return audience.withhold(table, [mediation_rate], audience.hidden(_rate_basis(factors, "mediation_rate")))


def highlight_rows(table: pd.DataFrame, rows: "pd.Series | list[bool]"):
    """The table styled with the marked rows (the district) tinted, for st.dataframe."""
    marks = list(rows)
    styled = table.style.apply(lambda row: [f"background-color: {HIGHLIGHT}" if marks[row.name] else ""] * len(row), axis=1)
    return styled.format(precision=2, na_rep="—")
