"""巡逻防控 Patrol coverage: where patrols, posts and village police assistants reach, and the hot spots they miss."""
from datetime import date
from functools import partial

import streamlit as st
from streamlit_folium import st_folium

from lib.data.codes import PATROL_MODES, TEAM_KINDS, codes_of
from lib.data.labels import town_labels, village_labels
from lib.data.store import data_dir_from_env
from lib.disclosure import HIDDEN, change_shown, count_text, derived_shown
from lib.formatting import fmt_change, fmt_count, fmt_pct, join_list
from lib.i18n import t
from lib.metrics.patrol_reach import REACH_MINUTES
from lib.metrics.patrol_time import SHIFTS
from lib.metrics.patrol_view import CELL_SIZES_M, DOSAGES_MIN, MEASURES, PatrolFilters
from lib.metrics.periods import full_years
from lib.ui import briefing
from lib.ui.charts import show_chart
from lib.ui.access import public_mode
from lib.ui.downloads import download_buttons
from lib.ui.kpi import Kpi, kpi_row
from lib.ui.offline_leaflet import asset_base_url
from lib.ui.patrol import patrol_reach, patrol_view, route_town_click, tiles
from lib.ui.present import style_map
from lib.ui.shell import current_lang, data_status, load_or_explain
from lib.ui.url_state import code_multiselect, code_select, period_input
from lib.viz.patrol_charts import assistant_chart, hours_chart, no_assistant_table, uncovered_table
from lib.viz.patrol_map import MAP_HEIGHT, patrol_map

MAP_KEY = "patrol_map"

lang = current_lang()
public = public_mode()  # counts below 3 as "<3", areas only on the map (lib/disclosure.py)
bundle = load_or_explain(lang)
if bundle is None:
    st.stop()
data_dir = str(data_dir_from_env())
towns_geo, villages_geo = bundle["towns"], bundle["villages"]
town_names, village_names = town_labels(towns_geo, lang), village_labels(villages_geo, lang)

st.title(t("page.patrol", lang))
data_status(bundle, lang, ["patrol_sessions", "posts", "police_assistants", "incidents", "towns", "villages"])

first = bundle["patrol_sessions"]["start_at"].min().date()
year = (full_years(first, bundle.as_of) or [bundle.as_of.year])[-1]
start, end = period_input(t("pt.period", lang), first, bundle.as_of,
                          (max(date(year, 1, 1), first), min(date(year, 12, 31), bundle.as_of)), lang)
shift = code_select(t("pt.shift", lang), SHIFTS, {s: t(f"pt.shift.{s}", lang) for s in SHIFTS}, "shift", lang, "all")
modes = code_multiselect(t("pt.mode", lang), codes_of(PATROL_MODES), {c.code: c.label(lang) for c in PATROL_MODES}, "mode", lang)
teams = code_multiselect(t("pt.team", lang), codes_of(TEAM_KINDS), {c.code: c.label(lang) for c in TEAM_KINDS}, "team", lang)
towns = code_multiselect(t("pt.town", lang), list(town_names), town_names, "town", lang)
measure = code_select(t("pt.measure", lang), MEASURES, {m: t(f"pt.measure.{m}", lang) for m in MEASURES}, "measure", lang, MEASURES[0])
settings = st.sidebar.expander(t("pt.settings", lang), expanded=False)
cell_m = code_select(t("pt.cell_m", lang), [str(c) for c in CELL_SIZES_M], {str(c): t("pt.metres", lang, n=c) for c in CELL_SIZES_M},
                     "cell_m", lang, "500", container=settings)
dosage = code_select(t("pt.dosage_min", lang), [str(d) for d in DOSAGES_MIN], {str(d): t("pt.minutes", lang, n=d) for d in DOSAGES_MIN},
                     "dosage_min", lang, "15", container=settings)
reach_min = code_select(t("pt.reach_min", lang), [str(r) for r in REACH_MINUTES], {str(r): t("pt.minutes", lang, n=r) for r in REACH_MINUTES},
                        "reach_min", lang, "10", container=settings)

filters = PatrolFilters(start, end, shift, tuple(modes), tuple(teams), tuple(towns), measure, int(cell_m), int(dosage), int(reach_min))
fig = patrol_view(filters, data_dir)
place = join_list((town_names[c] for c in towns), lang)
st.caption(t("pt.scope", lang, start=start.isoformat(), end=end.isoformat(), days=filters.days,
             shift=t(f"pt.shift.{shift}", lang), place=place or t("pt.whole_district", lang)))

incident_shares = derived_shown(public, fig.incidents)  # shares of fewer than 3 incidents are withheld in public mode
kpi_row([
    Kpi(t("pt.kpi_hours", lang), fmt_count(round(fig.patrol_hours), lang),
        help=t("pt.kpi_hours_help", lang)),
    Kpi(t("pt.kpi_hotspots", lang), fmt_pct(fig.covered_share, 0),
        t("pt.kpi_hotspots_delta", lang, covered=int(fig.hotspots["covered"].sum()), total=len(fig.hotspots)), delta_color="off",
        help=t("pt.kpi_hotspots_help", lang, n=len(fig.hotspots), cell=filters.cell_m, dosage=filters.dosage_min)),
    Kpi(t("pt.kpi_reach", lang, minutes=filters.reach_min), fmt_pct(fig.reach_share["foot"], 1) if incident_shares else HIDDEN,
        t("pt.kpi_reach_delta", lang, share=fmt_pct(fig.reach_share["vehicle"], 1)) if incident_shares else None,
        delta_color="off", help=t("pt.kpi_reach_help", lang, minutes=filters.reach_min, n=count_text(fig.incidents, lang, public))),
    Kpi(t("pt.kpi_pai", lang), "—" if fig.pai.value is None or not incident_shares else f"{fig.pai.value:.1f}",
        t("pt.kpi_pai_delta", lang, incidents=fmt_pct(fig.pai.incident_share, 1), area=fmt_pct(fig.pai.area_share, 2))
        if incident_shares else None,
        delta_color="off", help=t("pt.kpi_pai_help", lang)),
])
kpi_row([
    Kpi(t("pt.kpi_stops", lang), count_text(fig.patrol_stops.current, lang, public, t("unit.case", lang)),
        fmt_change(fig.patrol_stops, start.year - 1, lang) if change_shown(fig.patrol_stops, public) else None,
        help=t("pt.kpi_results_help", lang)),
    Kpi(t("pt.kpi_fugitives", lang), count_text(fig.patrol_fugitives.current, lang, public, t("unit.fugitive", lang)),
        fmt_change(fig.patrol_fugitives, start.year - 1, lang) if change_shown(fig.patrol_fugitives, public) else None,
        help=t("pt.kpi_results_help", lang)),
    Kpi(t("pt.kpi_assistants", lang), t("pt.kpi_assistants_value", lang, covered=fig.assistants.covered, total=fig.assistants.total),
        t("pt.kpi_assistants_delta", lang, date=fig.assistants_complete_on.isoformat()) if fig.assistants_complete_on else None,
        delta_color="off", help=t("pt.kpi_assistants_help", lang, date=bundle.as_of.isoformat())),
    Kpi(t("pt.kpi_incidents", lang), count_text(fig.incidents, lang, public, t("unit.case", lang)), help=t("pt.kpi_incidents_help", lang)),
])

st.subheader(t("pt.section_map", lang))
tile_settings = tiles()
folium_map = patrol_map(fig, towns_geo, villages_geo, bundle["posts"], bundle["patrol_sessions"],
                        patrol_reach(filters.reach_min, data_dir), lang, tile_settings, asset_base_url(), public=public)
briefing.add_map("pt_map", t("pt.section_map", lang), folium_map, asset_base_url())
st_folium(style_map(folium_map), key=MAP_KEY, height=MAP_HEIGHT, use_container_width=True, returned_objects=["last_active_drawing"],
          on_change=partial(route_town_click, MAP_KEY, list(town_names)))
if public:
    st.caption(t("pub.map_note", lang))
else:
    st.caption(t("pt.map_note", lang, shown=len(fig.route_rows), total=fig.routes_total,
                 tiles=t("pt.tiles_none", lang) if tile_settings.url is None else t("pt.tiles_on", lang, crs=tile_settings.crs.upper())))

left, right = st.columns(2)
with left:
    st.subheader(t("pt.section_hours", lang))
    if fig.hours.empty:
        st.info(t("empty.selection", lang))
    else:
        show_chart(hours_chart(fig.hours, lang), name="pt_hours_chart", title=t("pt.section_hours", lang), lang=lang,
                   config={"displayModeBar": False})
with right:
    st.subheader(t("pt.section_assistants", lang))
    show_chart(assistant_chart(fig.assistant_timeline, fig.assistants.total, bundle.as_of, fig.assistants_complete_on,
                               fig.assistants.covered, lang), name="pt_assistants_chart",
               title=t("pt.section_assistants", lang), lang=lang, config={"displayModeBar": False})

st.subheader(t("pt.section_gaps", lang))
gap_left, gap_right = st.columns(2)
with gap_left:
    st.markdown(f"**{t('pt.gap_uncovered', lang, n=int((~fig.hotspots['covered']).sum()), dosage=filters.dosage_min)}**")
    uncovered = uncovered_table(fig.hotspots, town_names, village_names, filters.dosage_min, lang, public=public)
    st.dataframe(uncovered, hide_index=True, height=300)
    download_buttons(uncovered, t("pt.file_uncovered", lang), lang, key="pt-uncovered")
with gap_right:
    st.markdown(f"**{t('pt.gap_assistants', lang, n=len(fig.no_assistant), date=bundle.as_of.isoformat())}**")
    missing = no_assistant_table(fig.no_assistant, town_names, village_names, lang)
    st.dataframe(missing, hide_index=True, height=300)
    download_buttons(missing, t("pt.file_assistants", lang), lang, key="pt-assistants")
st.caption(t("pt.method_note", lang))
