"""满意度排名 Satisfaction ranking: the district among the province's counties, its path, its indicators, its towns."""
import streamlit as st

from lib.data.codes import SURVEY_INDICATORS, codes_of
from lib.data.labels import town_labels
from lib.headline import Versus
from lib.metrics.satisfaction import TOP_GROUP, TOP_RANK_TARGET, standing as standing_of, survey_years
from lib.metrics.towns import correlation
from lib.ui.cached.satisfaction import (county_bounds, county_ranking, county_shapes, indicator_profile,
                                        town_factors, trajectory)
from lib.ui.filters import code_multiselect, code_select, number_select
from lib.ui.notices import escape_markdown
from lib.ui.page import open_page
from lib.summary.satisfaction import satisfaction_summary
from lib.ui.show import ClickFilter, note, section, show_chart, show_kpis, show_summary, show_table, show_title
from lib.viz import satisfaction as viz

TOWN_INDICATORS = ("overall", "security")  # what the district's own town survey asks
ROW_PX = 35  # st.dataframe's row height: the town table is shown whole
RANKING_TABLE_PX = 360  # the province table scrolls inside this height

page = open_page()
audience = page.audience
home = page.home
counties = page.data["counties"]
county_names = dict(zip(counties["adcode"].astype(str), counties["county_zh"].astype(str)))
county_codes = sorted(county_names)
cities = counties.drop_duplicates("city_adcode").sort_values("city_adcode")
indicator_labels = {c.code: c.label(page.lang) for c in SURVEY_INDICATORS}

# ---------------------------------------------------------------- filters (all in the URL)
years = survey_years(page.data["county_survey"])
year = number_select(page, page.t("sat.year"), years, "year", years[-1])
indicator = code_select(page, page.t("sat.indicator"), codes_of(SURVEY_INDICATORS), indicator_labels, "indicator",
                        "overall")
chosen_cities = code_multiselect(page, page.t("sat.city"), cities["city_adcode"].astype(str).tolist(),
                                 dict(zip(cities["city_adcode"].astype(str), cities["city_zh"].astype(str))), "city")
peers = code_multiselect(page, page.t("sat.peers"), county_codes, county_names, "peers",
                         default=counties.loc[counties["city_adcode"].astype(str) == home.city_adcode, "adcode"]
                         .astype(str).tolist(), placeholder=page.t("sat.peers_placeholder"))
default_target = min(TOP_RANK_TARGET, len(counties))
target = number_select(page, page.t("sat.target"), range(1, len(counties) + 1), "target_rank", default_target,
                       help=page.t("sat.target_help", target=default_target))
indicator_label = indicator_labels[indicator]
to_peers = ClickFilter("peers", county_codes, add=True)  # a county clicked on the map or the ranking joins the peers

ranking = county_ranking(page.source, year, indicator, target)
show_title(page, page.t("sat.heading", year=year),
           caption=page.t("sat.intro", district=home.name, counties=len(ranking)) + " " + page.t("sat.names_note"))

# ---------------------------------------------------------------- headline: rank, score with its interval, target
standing = standing_of(ranking, home.adcode, target)
if standing is None:
    st.warning(page.t("sat.no_district", year=year))
else:
    show_summary(page, satisfaction_summary(standing, year, home.name, indicator_label, audience), on_screen=False)
    show_kpis(page, viz.standing_cards(standing, indicator_label, Versus(year - 1), audience))
    interval = page.t("sat.interval_line", district=home.name, indicator=indicator_label, score=f"{standing.score:.2f}",
                      low=f"{standing.low:.1f}", high=f"{standing.high:.1f}", n=f"{standing.sample_size:,}")
    (st.success if standing.within_noise is False else st.info)(
        escape_markdown(f"{interval} {viz.noise_text(standing, audience) or ''}"), icon=":material/troubleshoot:")

# ---------------------------------------------------------------- the province: map and ranking
shown = ranking[ranking["city_adcode"].isin(chosen_cities)] if chosen_cities else ranking
section(page, page.t("sat.section_map"),
        caption=page.t("sat.map_caption", indicator=indicator_label, district=home.name))
show_chart(page, viz.province_map(county_shapes(page.source), county_bounds(page.source, tuple(chosen_cities)), ranking,
                                  home.adcode, chosen_cities, indicator_label, audience),
           name="sat_map", title=page.t("sat.section_map"), click=to_peers, config={"scrollZoom": False})
section(page, page.t("sat.section_ranking"))
if shown.empty:
    st.info(page.t("empty.selection"))
else:
    show_chart(page, viz.ranking_chart(shown, home.adcode, target, standing.needed if standing else None,
                                       indicator_label, audience),
               name="sat_ranking_chart", title=page.t("sat.section_ranking"), click=to_peers)
note(page, page.t("sat.ranking_rule"))
if not shown.empty:
    table = viz.ranking_table(shown, audience)
    show_table(page, table, name="sat-ranking", title=page.t("sat.section_ranking"),
               styled=viz.highlight_rows(table, (shown["adcode"] == home.adcode).to_numpy()),
               height=min(RANKING_TABLE_PX, ROW_PX * (len(table) + 1) + 3))

# ---------------------------------------------------------------- trajectory
section(page, page.t("sat.section_trajectory"))
history, first_year = trajectory(page.source, tuple(dict.fromkeys([home.adcode, *peers])), home.adcode, indicator,
                                 target)
if history.empty:
    st.info(page.t("empty.selection"))
else:
    show_chart(page, viz.bump_chart(history, home.adcode, county_names, target, first_year, audience), name="sat_bump",
               title=page.t("sat.section_trajectory"))
    note(page, page.t("sat.first_in_target", year=first_year, target=target) if first_year
         else page.t("sat.never_in_target", target=target))

# ---------------------------------------------------------------- indicators
section(page, page.t("sat.section_indicators"))
profile = indicator_profile(page.source, home.adcode, year, target, tuple(codes_of(SURVEY_INDICATORS)))
if profile.empty:
    st.info(page.t("sat.no_district", year=year))
else:
    show_chart(page, viz.indicator_chart(profile, indicator_labels, home.name, TOP_GROUP, audience),
               name="sat_indicators", title=page.t("sat.section_indicators"))
    movers = viz.movers_text(profile, indicator_labels, year - 1, audience)
    if movers is None:
        note(page, page.t("sat.no_prior_year", year=year - 1))
    else:
        st.markdown(movers)
    show_table(page, viz.indicator_table(profile, indicator_labels, TOP_GROUP, target, audience), name="sat-indicators",
               title=page.t("sat.section_indicators"))
    note(page, page.t("sat.top_note", top=TOP_GROUP) + " " + page.t("sat.gap_note") + " " + page.t("sat.noise_note"))

# ---------------------------------------------------------------- towns within the district
section(page, page.t("sat.section_towns"))
town_indicator = indicator if indicator in TOWN_INDICATORS else "overall"
if town_indicator != indicator:
    note(page, page.t("sat.towns_indicator_note", indicator=indicator_labels[town_indicator]))
factors = town_factors(page.source, year, town_indicator)
if factors.empty:
    st.info(page.t("empty.selection"))
else:
    names = town_labels(page.data["towns"], page.lang)
    town_rows = viz.town_table(factors, names, audience)
    show_table(page, town_rows, name="sat-towns", title=page.t("sat.section_towns"),
               height=ROW_PX * (len(town_rows) + 1) + 3)
    for column, (x, x_key) in zip(st.columns(2), (("crime_rate", "sat.crime_rate"),
                                                  ("mediation_rate", "sat.mediation_rate"))):
        with column:
            show_chart(page, viz.town_scatter(factors, x, page.t(x_key), indicator_labels[town_indicator], names,
                                              audience),
                       name=f"sat_towns_{x}", title=f'{page.t("sat.section_towns")} · {page.t(x_key)}')
            r = correlation(factors[x], factors["score"])
            note(page, page.t("sat.scatter_r_none") if r is None else
                 page.t("sat.scatter_r", r=f"{r:+.2f}", n=int(factors[[x, "score"]].dropna().shape[0])))
    note(page, page.t("sat.towns_note"))
