"""巡逻防控 Patrol coverage: where patrols, posts and village police assistants reach, and the hot spots they miss."""
from datetime import date
from functools import partial

import streamlit as st

from lib.data.codes import PATROL_MODES, TEAM_KINDS, codes_of
from lib.data.labels import town_labels, village_labels
from lib.disclosure import HIDDEN
from lib.formatting import fmt_count, fmt_pct, join_list
from lib.headline import Kpi, Versus, kpi
from lib.measures import measure
from lib.metrics.patrol_reach import REACH_MINUTES
from lib.metrics.patrol_time import SHIFTS
from lib.metrics.patrol_view import CELL_SIZES_M, DOSAGES_MIN, MEASURES, PatrolFilters
from lib.metrics.periods import Change, full_years
from lib.ui.cached.patrol import patrol_map_view, patrol_view
from lib.ui.filters import code_multiselect, code_select, period_input
from lib.ui.page import open_page
from lib.summary.patrol import patrol_summary
from lib.ui.show import (ClickFilter, note, section, show_chart, show_kpis, show_map, show_summary, show_table,
                          show_title)
from lib.viz.basemap import tile_config
from lib.viz.patrol_charts import assistant_chart, hours_chart, no_assistant_table, uncovered_table
from lib.viz.patrol_map import MAP_HEIGHT, town_from_click

page = open_page()
audience = page.audience
towns_geo, villages_geo = page.data["towns"], page.data["villages"]
town_names, village_names = town_labels(towns_geo, page.lang), village_labels(villages_geo, page.lang)

# filters, all in the URL
first = page.data.first_day("patrol_sessions") or page.as_of
year = (full_years(first, page.as_of) or [page.as_of.year])[-1]
start, end = period_input(page, page.t("pt.period"), first, page.as_of,
                          (max(date(year, 1, 1), first), min(date(year, 12, 31), page.as_of)))
shift = code_select(page, page.t("pt.shift"), SHIFTS, {s: page.t(f"pt.shift.{s}") for s in SHIFTS}, "shift", "all")
modes = code_multiselect(page, page.t("pt.mode"), codes_of(PATROL_MODES), {c.code: c.label(page.lang) for c in PATROL_MODES},
                         "mode")
teams = code_multiselect(page, page.t("pt.team"), codes_of(TEAM_KINDS), {c.code: c.label(page.lang) for c in TEAM_KINDS},
                         "team")
towns = code_multiselect(page, page.t("pt.town"), list(town_names), town_names, "town")
shading = code_select(page, page.t("pt.measure"), MEASURES, {m: page.t(f"pt.measure.{m}") for m in MEASURES}, "measure",
                      MEASURES[0])
settings = st.sidebar.expander(page.t("pt.settings"), expanded=False)
cell_m = code_select(page, page.t("pt.cell_m"), [str(c) for c in CELL_SIZES_M if c >= audience.least_cell_m],
                     {str(c): page.t("pt.metres", n=c) for c in CELL_SIZES_M}, "cell_m", "500", container=settings)
dosage = code_select(page, page.t("pt.dosage_min"), [str(d) for d in DOSAGES_MIN],
                     {str(d): page.t("pt.minutes", n=d) for d in DOSAGES_MIN}, "dosage_min", "15", container=settings)
reach_min = code_select(page, page.t("pt.reach_min"), [str(r) for r in REACH_MINUTES],
                        {str(r): page.t("pt.minutes", n=r) for r in REACH_MINUTES}, "reach_min", "10", container=settings)

filters = PatrolFilters(start, end, shift, tuple(modes), tuple(teams), tuple(towns), shading, int(cell_m), int(dosage),
                        int(reach_min), audience.least_cell_count)
fig = patrol_view(page.source, filters)

show_title(page, page.t("page.patrol"))
place = join_list((town_names[c] for c in towns), page.lang) or page.t("pt.whole_district")
note(page, page.t("pt.scope", start=start.isoformat(), end=end.isoformat(), days=filters.days,
                  shift=page.t(f"pt.shift.{shift}"), place=place))
show_summary(page, partial(patrol_summary, fig, page.t(f"pt.shift.{shift}"), place, page.as_of, audience), on_screen=False)

incident_shares = audience.shows(fig.incidents)  # shares of fewer than 3 incidents are withheld in the public copy
show_kpis(page, [
    Kpi(page.t("pt.kpi_hours"), fmt_count(round(fig.patrol_hours), page.lang), help=page.t("pt.kpi_hours_help")),
    Kpi(page.t("pt.kpi_hotspots"), fmt_pct(fig.covered_share, 0),
        page.t("pt.kpi_hotspots_delta", covered=int(fig.hotspots["covered"].sum()), total=len(fig.hotspots),
               days=fmt_pct(fig.visited_day_share, 0)),
        help=page.t("pt.kpi_hotspots_help", n=len(fig.hotspots), cell=filters.cell_m, dosage=filters.dosage_min),
        is_change=False),
    Kpi(page.t("pt.kpi_reach", minutes=filters.reach_min),
        fmt_pct(fig.reach_share["foot"], 1) if incident_shares else HIDDEN,
        page.t("pt.kpi_reach_delta", share=fmt_pct(fig.reach_share["vehicle"], 1)) if incident_shares else None,
        help=page.t("pt.kpi_reach_help", minutes=filters.reach_min, n=audience.count(fig.incidents)), is_change=False),
    Kpi(page.t("pt.kpi_pai"), f"{fig.pai.value:.1f}" if fig.pai.value is not None and incident_shares else HIDDEN,
        page.t("pt.kpi_pai_delta", incidents=fmt_pct(fig.pai.incident_share, 1), area=fmt_pct(fig.pai.area_share, 2))
        if incident_shares else None,
        help=page.t("pt.kpi_pai_help"), is_change=False),
])
versus = Versus.of_period(start, end)
results_help = page.t("pt.kpi_results_help")
show_kpis(page, [
    kpi(measure("patrol_stops", page.t("pt.kpi_stops"), audience, help=results_help), fig.patrol_stops, audience, versus),
    kpi(measure("patrol_fugitives", page.t("pt.kpi_fugitives"), audience, help=results_help), fig.patrol_fugitives,
        audience, versus),
    Kpi(page.t("pt.kpi_assistants"),
        page.t("pt.kpi_assistants_value", covered=fig.assistants.covered, total=fig.assistants.total),
        page.t("pt.kpi_assistants_delta", date=fig.assistants_complete_on.isoformat()) if fig.assistants_complete_on else None,
        help=page.t("pt.kpi_assistants_help", date=page.as_of.isoformat()), is_change=False),
    kpi(measure("incidents", page.t("pt.kpi_incidents"), audience, help=page.t("pt.kpi_incidents_help")),
        Change(fig.incidents, None), audience, versus),
])

section(page, page.t("pt.section_map"))
tiles = tile_config(page.settings.tiles)
show_map(page, patrol_map_view(page.source, filters, audience, tiles, page.presentation),
         name="patrol_map", title=page.t("pt.section_map"), height=MAP_HEIGHT,
         click=ClickFilter("town", list(town_names)), clicked_code=town_from_click)
if page.public:
    note(page, page.t("pub.map_note"))
else:
    note(page, page.t("pt.map_note", shown=len(fig.route_rows), total=fig.routes_total,
                      tiles=page.t("pt.tiles_none") if tiles.url is None else page.t("pt.tiles_on", crs=tiles.crs.upper())))

left, right = st.columns(2)
with left:
    section(page, page.t("pt.section_hours"))
    if fig.hours.empty:
        st.info(page.t("empty.selection"))
    else:
        show_chart(page, hours_chart(fig.hours, audience), name="pt_hours_chart", title=page.t("pt.section_hours"),
                   config={"displayModeBar": False})
with right:
    section(page, page.t("pt.section_assistants"))
    show_chart(page, assistant_chart(fig.assistant_timeline, fig.assistants.total, page.as_of, fig.assistants_complete_on,
                                     fig.assistants.covered, audience),
               name="pt_assistants_chart", title=page.t("pt.section_assistants"), config={"displayModeBar": False})

section(page, page.t("pt.section_gaps"))
left, right = st.columns(2)
with left:
    uncovered = page.t("pt.gap_uncovered", n=int((~fig.hotspots["covered"]).sum()), dosage=filters.dosage_min)
    section(page, uncovered, level=3)
    show_table(page, uncovered_table(fig.hotspots, town_names, village_names, filters.dosage_min, audience),
               name="pt-uncovered", title=uncovered, height=300)
with right:
    missing = page.t("pt.gap_assistants", n=len(fig.no_assistant), date=page.as_of.isoformat())
    section(page, missing, level=3)
    show_table(page, no_assistant_table(fig.no_assistant, town_names, village_names, audience),
               name="pt-assistants", title=missing, height=300)
note(page, page.t("pt.method_note"))
