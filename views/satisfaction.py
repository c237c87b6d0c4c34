"""满意度排名 Satisfaction ranking: the district among the province's counties, its path, its indicators, its towns."""
import streamlit as st

from lib.data.codes import SURVEY_INDICATORS, codes_of, label_of
from lib.data.labels import town_labels
from lib.data.store import data_dir_from_env
from lib.i18n import t
from lib.metrics import satisfaction
from lib.metrics.towns import correlation
from lib.ui import satisfaction as sat
from lib.ui import briefing
from lib.ui.charts import show_chart
from lib.ui.downloads import download_buttons
from lib.ui.kpi import Kpi, kpi_row
from lib.ui.shell import current_lang, data_status, load_or_explain, url_fallback_notice
from lib.ui.url_state import code_multiselect, code_select
from lib.viz import satisfaction as viz

DEFAULT_TARGET_RANK = 80  # the province's "top 80" mark the district aims for
TOWN_INDICATORS = ("overall", "security")  # what the district's own town survey asks
ROW_PX = 35  # st.dataframe's row height: the town table is shown whole
RANKING_TABLE_PX = 360  # the province table scrolls inside this height

lang = current_lang()
bundle = load_or_explain(lang)
if bundle is None:
    st.stop()
data_dir = str(data_dir_from_env())
outline = bundle["district_outline"].iloc[0]
district, district_name = str(outline["adcode"]), str(outline["county_zh"])
counties = bundle["counties"]
county_names = dict(zip(counties["adcode"].astype(str), counties["county_zh"].astype(str)))
cities = counties.drop_duplicates("city_adcode").sort_values("city_adcode")
indicator_labels = {c.code: c.label(lang) for c in SURVEY_INDICATORS}

# ---------------------------------------------------------------- filters (all in the URL)
years = satisfaction.survey_years(bundle["county_survey"])
url_fallback_notice("year", [str(y) for y in years], str(years[-1]), lang)
year = int(st.sidebar.selectbox(t("sat.year", lang), years, index=len(years) - 1, key="year", bind="query-params"))
briefing.add_filter("year", t("sat.year", lang), str(year))
indicator = code_select(t("sat.indicator", lang), codes_of(SURVEY_INDICATORS), indicator_labels, "indicator", lang, "overall")
chosen_cities = code_multiselect(t("sat.city", lang), cities["city_adcode"].astype(str).tolist(),
                                 dict(zip(cities["city_adcode"].astype(str), cities["city_zh"].astype(str))), "city", lang)
own_city = str(outline["city_adcode"])
peers = sat.peers_multiselect(t("sat.peers", lang), sorted(county_names), county_names,
                              counties.loc[counties["city_adcode"] == own_city, "adcode"].astype(str).tolist(), lang,
                              placeholder=t("sat.peers_placeholder", lang))
url_fallback_notice("target_rank", [str(r) for r in range(1, len(counties) + 1)], str(DEFAULT_TARGET_RANK), lang)
target = int(st.sidebar.number_input(t("sat.target", lang), min_value=1, max_value=len(counties), value=DEFAULT_TARGET_RANK,
                                     step=1, key="target_rank", bind="query-params", help=t("sat.target_help", lang)))
briefing.add_filter("target_rank", t("sat.target", lang), str(target))
indicator_label = indicator_labels[indicator]

st.title(t("sat.heading", lang, year=year))
data_status(bundle, lang, ["county_survey", "town_survey", "incidents", "disputes"])
ranking = sat.county_ranking(year, indicator, data_dir)
st.caption(t("sat.intro", lang, district=district_name, counties=len(ranking)) + " " + t("sat.names_note", lang))

# ---------------------------------------------------------------- headline: rank, score with its interval, target
standing = satisfaction.standing(ranking, district, target)
if standing is None:
    st.warning(t("sat.no_district", lang, year=year))
else:
    places = standing.places_up
    rank_delta = None if places is None else t("sat.kpi_rank_delta", lang, sign="+" if places >= 0 else "-",
                                               places=abs(places), year=year - 1)
    noise_text = None if standing.within_noise is None else t(
        "sat.kpi_rank_noise" if standing.within_noise else "sat.kpi_rank_real", lang,
        change=f"{standing.score_change:+.2f}", noise=f"{standing.noise:.2f}")
    gap = standing.gap
    change = standing.score_change
    kpi_row([
        Kpi(t("sat.kpi_rank", lang, indicator=indicator_label),
            t("sat.kpi_rank_value", lang, rank=standing.rank, counties=standing.counties), rank_delta, help=noise_text,
            delta_color="off" if standing.within_noise else "normal"),
        Kpi(t("sat.kpi_score", lang), t("sat.kpi_score_value", lang, score=f"{standing.score:.2f}"),
            None if change is None else t("sat.kpi_score_delta", lang, change=f"{change:+.2f}", year=year - 1),
            help=t("sat.noise_note", lang), delta_color="off" if standing.within_noise else "normal"),
        Kpi(t("sat.kpi_rank_range", lang), t("sat.kpi_rank_range_value", lang, best=standing.best_rank, worst=standing.worst_rank),
            help=t("sat.kpi_rank_range_help", lang)),
        Kpi(t("sat.kpi_gap", lang, target=target),
            t("sat.kpi_gap_any", lang) if gap is None else t("sat.kpi_gap_reached" if gap <= 0 else "sat.kpi_gap_short", lang),
            None if gap is None else t("sat.kpi_gap_delta", lang, margin=f"{-gap:+.2f}", needed=f"{standing.needed:.2f}"),
            help=None if standing.needed is None else t("sat.kpi_gap_help", lang, target=target, needed=f"{standing.needed:.2f}"),
            delta_color="off" if gap is None else "normal"),
    ])
    interval = t("sat.interval_line", lang, district=district_name, indicator=indicator_label, score=f"{standing.score:.2f}",
                 low=f"{standing.low:.1f}", high=f"{standing.high:.1f}", n=f"{standing.sample_size:,}")
    (st.success if standing.within_noise is False else st.info)(f"{interval} {noise_text or ''}", icon=":material/troubleshoot:")

# ---------------------------------------------------------------- the province: map and ranking
shown = ranking[ranking["city_adcode"].isin(chosen_cities)] if chosen_cities else ranking
st.subheader(t("sat.section_map", lang))
st.caption(t("sat.map_caption", lang, indicator=indicator_label, district=district_name))
map_view = sat.county_bounds(tuple(chosen_cities), data_dir)
show_chart(viz.province_map(sat.county_shapes(data_dir), map_view, ranking, district, chosen_cities, indicator_label, lang),
           name="sat_map", title=t("sat.section_map", lang), lang=lang, key="sat_map", on_select=lambda: sat.add_clicked_county_to_peers("sat_map"),
           selection_mode="points", config={"displaylogo": False, "scrollZoom": False})
st.subheader(t("sat.section_ranking", lang))
if shown.empty:
    st.info(t("empty.selection", lang))
else:
    needed = standing.needed if standing else None
    show_chart(viz.ranking_chart(shown, district, target, needed, indicator_label, lang),
               name="sat_ranking_chart", title=t("sat.section_ranking", lang), lang=lang, key="sat_ranking_chart", on_select=lambda: sat.add_clicked_county_to_peers("sat_ranking_chart"),
               selection_mode="points", config={"displaylogo": False})
st.caption(t("sat.ranking_rule", lang))
if not shown.empty:
    table = viz.ranking_table(shown, lang)
    st.dataframe(viz.highlight_rows(table, (shown["adcode"] == district).to_numpy()), hide_index=True,
                 height=min(RANKING_TABLE_PX, ROW_PX * (len(table) + 1) + 3))
    download_buttons(table, t("sat.file_ranking", lang, year=year, indicator=indicator_label), lang, key="sat-ranking")

# ---------------------------------------------------------------- trajectory
st.subheader(t("sat.section_trajectory", lang))
followed = tuple(dict.fromkeys([district, *peers]))
history, first_year = sat.trajectory(followed, district, indicator, target, data_dir)
if history.empty:
    st.info(t("empty.selection", lang))
else:
    show_chart(viz.bump_chart(history, district, county_names, target, first_year, lang), name="sat_bump",
               title=t("sat.section_trajectory", lang), lang=lang, key="sat_bump", config={"displaylogo": False})
    st.caption(t("sat.first_in_target", lang, year=first_year, target=target) if first_year
               else t("sat.never_in_target", lang, target=target))

# ---------------------------------------------------------------- indicators
st.subheader(t("sat.section_indicators", lang))
profile = sat.indicator_profile(district, year, target, tuple(codes_of(SURVEY_INDICATORS)), data_dir)
if profile.empty:
    st.info(t("sat.no_district", lang, year=year))
else:
    top = satisfaction.TOP_GROUP
    show_chart(viz.indicator_chart(profile, indicator_labels, district_name, top, lang), name="sat_indicators",
               title=t("sat.section_indicators", lang), lang=lang, key="sat_indicators", config={"displaylogo": False})
    movers = satisfaction.rank_movers(profile).dropna(subset=["places_up"]).head(3)
    if movers.empty:
        st.caption(t("sat.no_prior_year", lang, year=year - 1))
    else:
        st.markdown(t("sat.movers", lang, year=year - 1, movers="; ".join(
            t("sat.mover_item", lang, indicator=indicator_labels[m.indicator], sign="+" if m.places_up >= 0 else "-",
              places=abs(int(m.places_up))) for m in movers.itertuples())))
    indicator_rows = viz.indicator_table(profile, indicator_labels, top, lang)
    st.dataframe(indicator_rows, hide_index=True)
    download_buttons(indicator_rows, t("sat.file_indicators", lang, year=year), lang, key="sat-indicators")
    st.caption(t("sat.top_note", lang, top=top) + " " + t("sat.gap_note", lang) + " " + t("sat.noise_note", lang))

# ---------------------------------------------------------------- towns within the district
st.subheader(t("sat.section_towns", lang))
town_indicator = indicator if indicator in TOWN_INDICATORS else "overall"
if town_indicator != indicator:
    st.caption(t("sat.towns_indicator_note", lang, indicator=indicator_labels[town_indicator]))
factors = sat.town_factors(year, town_indicator, data_dir)
if factors.empty:
    st.info(t("empty.selection", lang))
else:
    names = town_labels(bundle["towns"], lang)
    town_rows = viz.town_table(factors, names, lang)
    st.dataframe(town_rows, hide_index=True, height=ROW_PX * (len(town_rows) + 1) + 3)
    download_buttons(town_rows, t("sat.file_towns", lang, year=year), lang, key="sat-towns")
    score_label = indicator_labels[town_indicator]
    for column, (x, x_key) in zip(st.columns(2), (("crime_rate", "sat.crime_rate"), ("mediation_rate", "sat.mediation_rate"))):
        with column:
            show_chart(viz.town_scatter(factors, x, t(x_key, lang), score_label, names), name=f"sat_towns_{x}",
                       title=f'{t("sat.section_towns", lang)} · {t(x_key, lang)}', lang=lang, key=f"sat_towns_{x}",
                       config={"displaylogo": False})
            r = correlation(factors[x], factors["score"])
            st.caption(t("sat.scatter_r_none", lang) if r is None else
                       t("sat.scatter_r", lang, r=f"{r:+.2f}", n=int(factors[[x, 'score']].dropna().shape[0])))
    st.caption(t("sat.towns_note", lang))
