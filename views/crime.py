"""犯罪趋势 Crime trends: each crime type over time with the prior year, the CompStat comparison, and where,
when, how many solved and what was lost, for the period, towns and crime types chosen in the URL."""
from datetime import date
from functools import partial

import streamlit as st

from lib.data.codes import CRIME_GROUPS, CRIME_TYPES, codes_of, label_of
from lib.data.labels import town_labels
from lib.headline import Versus, kpi
from lib.measures import incidents_key, measure
from lib.metrics.compstat import comparison_windows
from lib.metrics.crime_cube import Selection
from lib.metrics.crime_trends import (GRAINS, by_town, by_type, chosen_types, events_in, hour_weekday,
                                      summary, trend)
from lib.metrics.periods import latest_full_year
from lib.ui.cached.crime import compstat_table, crime_cube
from lib.ui.filters import code_multiselect, code_select, period_input
from lib.ui.page import open_page
from lib.summary.crime import crime_summary, scope_words
from lib.ui.show import ClickFilter, note, section, show_chart, show_kpis, show_summary, show_table, show_title
from lib.viz.crime_charts import (LAYOUTS, heatmap_figure, losses_figure, numbered_events, solved_figure, town_figure,
                                  trend_figure)
from lib.viz.crime_tables import (compstat_frame, compstat_help, compstat_styler, hours_table, records_table,
                                  town_table, trend_table, types_table)

RECORDS_CAP = 100_000

page = open_page()
audience = page.audience
cube = crime_cube(page.source)

# filters, all in the URL
period = period_input(page, page.t("cr.period"), cube.first_day, page.as_of,
                      (date(latest_full_year(cube.first_day, page.as_of), 1, 1), page.as_of))
towns_shown = town_labels(page.data["towns"], page.lang)
towns = code_multiselect(page, page.t("cr.town"), cube.towns, towns_shown, "town")
groups = code_multiselect(page, page.t("cr.crime_group"), codes_of(CRIME_GROUPS),
                          {g.code: g.label(page.lang) for g in CRIME_GROUPS}, "crime_group")
type_names = {c.code: c.label(page.lang) for c in CRIME_TYPES}
picked = code_multiselect(page, page.t("cr.crime_type"), codes_of(CRIME_TYPES),
                          {c.code: f"{label_of(CRIME_GROUPS, c.group, page.lang)} · {c.label(page.lang)}" for c in CRIME_TYPES},
                          "crime_type")
grain = code_select(page, page.t("cr.grain"), GRAINS, {g: page.t(f"cr.grain_{g}") for g in GRAINS}, "grain", "week")
layout = code_select(page, page.t("cr.layout"), LAYOUTS, {v: page.t(f"cr.layout_{v}") for v in LAYOUTS}, "layout",
                     "stacked")
by_type_click = ClickFilter("crime_type", codes_of(CRIME_TYPES))

show_title(page, page.t("page.crime"), caption=page.t("cr.intro"))
types = chosen_types(groups, picked)
sel = Selection(period[0], period[1], tuple(towns), types)
head = summary(cube, sel) if types else None
if head is None or head.incidents.current == 0:
    st.info(page.t("empty.selection"), icon=":material/filter_alt_off:")
    st.stop()

note(page, page.t("cr.period_caption", start=sel.start.isoformat(), end=sel.end.isoformat(),
                  prior_start=head.prior_start.isoformat(), prior_end=head.prior_end.isoformat()))
yoy = page.t("cr.delta_help", prior_start=head.prior_start.isoformat(), prior_end=head.prior_end.isoformat())
same_days = Versus()
show_kpis(page, [
    kpi(measure(incidents_key(types), page.t("cr.kpi_incidents"), audience, help=yoy), head.incidents, audience,
        same_days),
    kpi(measure("incident_rate", page.t("cr.kpi_rate"), audience, help=page.t("cr.rate_help") + "\n\n" + yoy),
        head.rate, audience, same_days, basis=head.incidents),
    kpi(measure("solved_rate", page.t("cr.kpi_solved_rate"), audience, help=page.t("cr.solved_help") + "\n\n" + yoy),
        head.solved_rate, audience, same_days, basis=head.incidents),
    kpi(measure("loss_yuan", page.t("cr.kpi_loss"), audience, help=yoy), head.loss_yuan, audience, same_days,
        basis=head.incidents),
    kpi(measure("recovered_yuan", page.t("cr.kpi_recovered"), audience, help=yoy), head.recovered_yuan, audience,
        same_days, basis=head.incidents),
], per_row=5)

section(page, page.t("cr.section_trend"), caption=page.t("cr.trend_note"))
trends = trend(cube, sel, grain)
events = events_in(page.data["events"], sel)
show_chart(page, trend_figure(trends, events, layout, type_names, audience), name="crime_trend_chart",
           title=page.t("cr.section_trend"), click=by_type_click)
if not events.empty:
    note(page, page.t("cr.events_listed", events=numbered_events(events, page.lang)))

windows = {w.key: f"{w.start.isoformat()} – {w.end.isoformat()}" for w in comparison_windows(page.as_of)}
section(page, page.t("cr.section_compstat"), caption=page.t("cr.compstat_note", as_of=page.as_of.isoformat(), **windows))
comp = compstat_table(page.source, page.as_of, sel.towns, sel.types)
comp_frame = compstat_frame(comp, type_names, audience)
show_table(page, comp_frame, name="crime-compstat", title=page.t("cr.section_compstat"), downloads=False,
           styled=compstat_styler(comp_frame, comp, audience), height="content",
           column_config={name: st.column_config.Column(help=text) for name, text in compstat_help(page.lang).items()})

towns_table = by_town(cube, sel)
hours = hour_weekday(cube, sel)
scope = scope_words([[towns_shown[c] for c in towns], [label_of(CRIME_GROUPS, g, page.lang) for g in groups],
                     [type_names[c] for c in picked]], audience)
show_summary(page, partial(crime_summary, sel.start, sel.end, scope, head, towns_table, towns_shown, comp,
                           comparison_windows(page.as_of), page.as_of, type_names, audience), on_screen=False)
left, right = st.columns(2)
with left:
    section(page, page.t("cr.section_towns"), caption=page.t("cr.towns_note"))
    show_chart(page, town_figure(towns_table, towns_shown, audience), name="crime_town_chart",
               title=page.t("cr.section_towns"), click=ClickFilter("town", cube.towns))
with right:
    section(page, page.t("cr.section_hours"))
    show_chart(page, heatmap_figure(hours, audience), name="crime_hours_chart", title=page.t("cr.section_hours"))

per_type = by_type(cube, sel)
left, right = st.columns(2)
with left:
    section(page, page.t("cr.section_solved"), caption=page.t("cr.solved_help"))
    show_chart(page, solved_figure(per_type, type_names, audience), name="crime_solved_chart",
               title=page.t("cr.section_solved"), click=by_type_click)
with right:
    section(page, page.t("cr.section_losses"), caption=page.t("cr.losses_note"))
    if per_type["loss_yuan"].sum() > 0:
        show_chart(page, losses_figure(per_type, type_names, audience), name="crime_losses_chart",
                   title=page.t("cr.section_losses"), click=by_type_click)
    else:
        st.info(page.t("cr.no_losses"))

section(page, page.t("cr.section_downloads"))
left, right = st.columns(2)
with left:
    for name, label_key, frame in [
        ("trend", "cr.download_trend", trend_table(trends, type_names, audience)),
        ("compstat", "cr.download_compstat", comp_frame),
        ("towns", "cr.download_towns", town_table(towns_table, towns_shown, audience)),
        ("types", "cr.download_types", types_table(per_type, type_names, audience)),
        ("hours", "cr.download_hours", hours_table(hours, audience)),
    ]:
        show_table(page, frame, name=f"crime-{name}", title=page.t(label_key), drawn=False)
if page.public:  # record-level incidents (places, times) never leave the public copy
    right.caption(page.t("pub.records_off"))
elif right.toggle(page.t("cr.records_prepare"), key="crime_records_prepare"):
    records, matched = page.data.incidents.records(sel.start, sel.end, sel.towns, sel.types, RECORDS_CAP)
    with right:
        show_table(page, records_table(records, towns_shown, audience), name="crime-records",
                   title=page.t("cr.download_records"), drawn=False)
        st.caption(page.t("cr.records_capped", count=f"{matched:,}", cap=f"{RECORDS_CAP:,}") if matched > RECORDS_CAP
                   else page.t("cr.records_count", count=f"{matched:,}"))
