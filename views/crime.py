"""犯罪趋势 Crime trends: each crime type over time with the prior year, the CompStat comparison, and where,
when, how many solved and what was lost, for the period, towns and crime types chosen in the URL."""
from datetime import date

import streamlit as st

from lib.data.codes import CRIME_GROUPS, CRIME_TYPES, codes_of, label_of
from lib.data.labels import town_labels
from lib.data.store import data_dir_from_env
from lib.disclosure import HIDDEN, change_shown, count_text, derived_shown, share_shown
from lib.formatting import fmt_pct
from lib.i18n import t
from lib.metrics.compstat import comparison_windows, compstat
from lib.metrics.crime_cube import Selection
from lib.metrics.crime_trends import (GRAINS, by_town, by_type, chosen_types, events_in, hour_weekday,
                                      select_records, summary, trend)
from lib.metrics.periods import latest_full_year
from lib.ui.charts import show_chart
from lib.ui.crime import crime_cube, filter_chart
from lib.ui.downloads import download_buttons
from lib.ui.access import public_mode
from lib.ui.kpi import Kpi, kpi_row
from lib.ui.shell import current_lang, data_status, load_or_explain
from lib.ui.url_state import code_multiselect, code_select, period_input
from lib.viz.crime_charts import (LAYOUTS, event_label, heatmap_figure, losses_figure, solved_figure, town_figure,
                                  trend_figure)
from lib.viz.crime_tables import (compstat_frame, compstat_help, compstat_styler, hours_table, period_delta,
                                  records_table, short_yuan, town_table, trend_table, types_table)

RECORDS_CAP = 100_000

lang = current_lang()
public = public_mode()  # counts below 3 shown as "<3" (lib/disclosure.py)
bundle = load_or_explain(lang)
if bundle is None:
    st.stop()
cube = crime_cube(str(data_dir_from_env()))
as_of = bundle.as_of

# filters, all in the URL
period = period_input(t("cr.period", lang), cube.first_day, as_of,
                      (date(latest_full_year(cube.first_day, as_of), 1, 1), as_of), lang)
towns_shown = town_labels(bundle["towns"], lang)
towns = code_multiselect(t("cr.town", lang), cube.towns, towns_shown, "town", lang)
groups = code_multiselect(t("cr.crime_group", lang), codes_of(CRIME_GROUPS),
                          {g.code: g.label(lang) for g in CRIME_GROUPS}, "crime_group", lang)
type_names = {c.code: c.label(lang) for c in CRIME_TYPES}
picked = code_multiselect(t("cr.crime_type", lang), codes_of(CRIME_TYPES),
                          {c.code: f"{label_of(CRIME_GROUPS, c.group, lang)} · {c.label(lang)}" for c in CRIME_TYPES},
                          "crime_type", lang)
grain = code_select(t("cr.grain", lang), GRAINS, {g: t(f"cr.grain_{g}", lang) for g in GRAINS}, "grain", lang, "week")
layout = code_select(t("cr.layout", lang), LAYOUTS, {v: t(f"cr.layout_{v}", lang) for v in LAYOUTS}, "layout", lang,
                     "stacked")

st.title(t("page.crime", lang))
data_status(bundle, lang, ["incidents", "towns", "events"])
st.caption(t("cr.intro", lang))

types = chosen_types(groups, picked)
sel = Selection(period[0], period[1], tuple(towns), types)
head = summary(cube, sel) if types else None
if head is None or head.incidents.current == 0:
    st.info(t("empty.selection", lang), icon=":material/filter_alt_off:")
    st.stop()

st.caption(t("cr.period_caption", lang, start=sel.start.isoformat(), end=sel.end.isoformat(),
             prior_start=head.prior_start.isoformat(), prior_end=head.prior_end.isoformat()))
yoy = t("cr.delta_help", lang, prior_start=head.prior_start.isoformat(), prior_end=head.prior_end.isoformat())
# public mode: the rate and the money follow the incident count they are built on; the solved rate its cases too
counted, compared = derived_shown(public, head.incidents.current), change_shown(head.incidents, public)
solved = share_shown(head.solved_rate.current, head.incidents.current, public)
solved_compared = compared and solved and share_shown(head.solved_rate.previous, head.incidents.previous, public)
kpi_row([
    Kpi(t("cr.kpi_incidents", lang), count_text(head.incidents.current, lang, public, t("unit.case", lang)),
        period_delta(head.incidents, lang) if compared else None, help=yoy, delta_color="inverse"),
    Kpi(t("cr.kpi_rate", lang), f"{head.rate.current:.1f}" if counted else HIDDEN,
        period_delta(head.rate, lang) if compared else None, delta_color="inverse",
        help=t("cr.rate_help", lang) + "\n\n" + yoy),
    Kpi(t("cr.kpi_solved_rate", lang), fmt_pct(head.solved_rate.current, 1) if solved else HIDDEN,
        period_delta(head.solved_rate, lang, points=True) if solved_compared else None,
        help=t("cr.solved_help", lang) + "\n\n" + yoy),
    Kpi(t("cr.kpi_loss", lang), short_yuan(head.loss_yuan.current, lang) if counted else HIDDEN,
        period_delta(head.loss_yuan, lang) if compared else None, help=yoy, delta_color="inverse"),
    Kpi(t("cr.kpi_recovered", lang), short_yuan(head.recovered_yuan.current, lang) if counted else HIDDEN,
        period_delta(head.recovered_yuan, lang) if compared else None, help=yoy),
], per_row=5)

st.subheader(t("cr.section_trend", lang))
st.caption(t("cr.trend_note", lang))
trends = trend(cube, sel, grain)
events = events_in(bundle["events"], sel)
filter_chart(trend_figure(trends, events, layout, type_names, lang, public=public), "crime_trend_chart", "crime_type",
             codes_of(CRIME_TYPES), t("cr.section_trend", lang))
if not events.empty:
    st.caption(t("cr.events_listed", lang, events="; ".join(event_label(e, lang) for _, e in events.iterrows())))

st.subheader(t("cr.section_compstat", lang))
windows = {w.key: f"{w.start.isoformat()} – {w.end.isoformat()}" for w in comparison_windows(as_of)}
st.caption(t("cr.compstat_note", lang, as_of=as_of.isoformat(), **windows))
comp = compstat(cube, as_of, sel.towns, sel.types)
comp_frame = compstat_frame(comp, type_names, lang, public=public)
st.dataframe(compstat_styler(comp_frame, comp, lang, public=public), hide_index=True, height="content",
             column_config={name: st.column_config.Column(help=text) for name, text in compstat_help(lang).items()})

towns_table = by_town(cube, sel)
hours = hour_weekday(cube, sel)
left, right = st.columns(2)
with left:
    st.subheader(t("cr.section_towns", lang))
    st.caption(t("cr.towns_note", lang))
    filter_chart(town_figure(towns_table, towns_shown, lang, public=public), "crime_town_chart", "town", cube.towns,
                 t("cr.section_towns", lang))
with right:
    st.subheader(t("cr.section_hours", lang))
    show_chart(heatmap_figure(hours, lang, public=public), name="crime_hours_chart", title=t("cr.section_hours", lang), lang=lang,
               key="crime_hours_chart", config={"displaylogo": False})

per_type = by_type(cube, sel)
left, right = st.columns(2)
with left:
    st.subheader(t("cr.section_solved", lang))
    st.caption(t("cr.solved_help", lang))
    filter_chart(solved_figure(per_type, type_names, lang, public=public), "crime_solved_chart", "crime_type", codes_of(CRIME_TYPES),
                 t("cr.section_solved", lang))
with right:
    st.subheader(t("cr.section_losses", lang))
    st.caption(t("cr.losses_note", lang))
    if per_type["loss_yuan"].sum() > 0:
        filter_chart(losses_figure(per_type, type_names, lang, public=public), "crime_losses_chart", "crime_type",
                     codes_of(CRIME_TYPES), t("cr.section_losses", lang))
    else:
        st.info(t("cr.no_losses", lang))

st.subheader(t("cr.section_downloads", lang))
stem = f"crime_{sel.start:%Y%m%d}-{sel.end:%Y%m%d}"
left, right = st.columns(2)
with left:
    for name, label_key, frame in [
        ("trend", "cr.download_trend", trend_table(trends, type_names, lang, public=public)),
        ("compstat", "cr.download_compstat", comp_frame),
        ("towns", "cr.download_towns", town_table(towns_table, towns_shown, lang, public=public)),
        ("types", "cr.download_types", types_table(per_type, type_names, lang, public=public)),
        ("hours", "cr.download_hours", hours_table(hours, lang, public=public)),
    ]:
        st.markdown(f"**{t(label_key, lang)}**")
        download_buttons(frame, f"{stem}_{name}", lang, key=f"crime-{name}")
if public:  # record-level incidents (places, times) never leave the public copy
    right.caption(t("pub.records_off", lang))
elif right.toggle(t("cr.records_prepare", lang), key="crime_records_prepare"):
    records, matched = select_records(bundle["incidents"], sel, RECORDS_CAP)
    with right:
        st.markdown(f"**{t('cr.download_records', lang)}**")
        st.caption(t("cr.records_capped", lang, count=f"{matched:,}", cap=f"{RECORDS_CAP:,}") if matched > RECORDS_CAP
                   else t("cr.records_count", lang, count=f"{matched:,}"))
        download_buttons(records_table(records, type_names, towns_shown, lang), f"{stem}_records", lang,
                         key="crime-records")
