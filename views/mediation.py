"""矛盾纠纷化解 Dispute mediation: disputes screened, the channels and their success rates, time to close,
the open backlog, and the quarterly list of overdue disputes by town."""
import streamlit as st

from lib.data.codes import DISPUTE_TYPES, MEDIATION_CHANNELS
from lib.data.labels import town_labels
from lib.headline import Versus, kpi
from lib.measures import measure
from lib.metrics.mediation_detail import data_dates, default_period
from lib.metrics.periods import Change
from lib.ui.cached.mediation import mediation_page_figures
from lib.ui.filters import code_multiselect, period_input
from lib.ui.notices import escape_markdown
from lib.ui.page import open_page
from lib.summary.crime import scope_words
from lib.summary.mediation import mediation_summary
from lib.ui.show import ClickFilter, note, section, show_chart, show_kpis, show_summary, show_table, show_title
from lib.viz.mediation import (CHART_CONFIG, channel_figure, channel_table, close_kpi, monthly_figure,
                               overdue_counts_table, overdue_export, period_text, town_figure, town_table,
                               type_figure, type_table, yearly_figure)

page = open_page()
audience = page.audience

# filters, all in the URL
town_names = town_labels(page.data["towns"], page.lang)
type_names = {c.code: c.label(page.lang) for c in DISPUTE_TYPES}
channel_names = {c.code: c.label(page.lang) for c in MEDIATION_CHANNELS}
first, last = data_dates(page.data)
start, end = period_input(page, page.t("med.filter_period"), first, last, default_period(page.data))
towns = code_multiselect(page, page.t("med.filter_towns"), list(town_names), town_names, "town")
types = code_multiselect(page, page.t("med.filter_types"), list(type_names), type_names, "dispute_type")
channels = code_multiselect(page, page.t("med.filter_channels"), list(channel_names), channel_names,
                            "mediation_channel")

show_title(page, page.t("med.heading", period=period_text(start, end, page.lang)))
fig = mediation_page_figures(page.source, start, end, tuple(towns), tuple(types), tuple(channels))
note(page, page.t("med.period_note", start=start.isoformat(), end=end.isoformat(),
                  prior_start=fig.prior[0].isoformat(), prior_end=fig.prior[1].isoformat()))
chosen = [(page.t("med.filter_towns"), towns, town_names), (page.t("med.filter_types"), types, type_names),
          (page.t("med.filter_channels"), channels, channel_names)]
filters = "; ".join(f"{name}: {', '.join(labels[c] for c in codes)}" for name, codes, labels in chosen if codes)
if filters:  # on screen only: the briefing lists the filters itself
    st.caption(escape_markdown(page.t("med.filtered_note", filters=filters)))

if fig.screened.current == 0:
    st.info(page.t("empty.selection"), icon=":material/filter_alt_off:")
    st.stop()

show_summary(page, mediation_summary(fig, scope_words([[labels[c] for c in codes] for _, codes, labels in chosen], audience),
                                     audience), on_screen=False)
versus = Versus.of_period(start, end)
closed = Change(fig.close_times.closed, fig.prior_close_times.closed)  # the disputes the days to close are taken over
close_help = page.t("med.kpi_close_help", closed=audience.count(closed.current),
                    not_closed=audience.count(fig.close_times.not_closed))
show_kpis(page, [
    kpi(measure("disputes", page.t("med.kpi_screened"), audience), fig.screened, audience, versus),
    kpi(measure("settled_rate", page.t("med.kpi_rate"), audience, decimals=2,
                help=page.t("med.kpi_rate_help", settled=audience.count(fig.settled),
                            received=audience.count(fig.screened.current))),
        fig.settled_rate, audience, versus, basis=fig.screened),
    close_kpi(measure("close_days", page.t("med.kpi_median"), audience, help=close_help),
              fig.close_times, fig.prior_close_times, "median_days", audience, versus),
    close_kpi(measure("close_days", page.t("med.kpi_p90"), audience, help=close_help),
              fig.close_times, fig.prior_close_times, "p90_days", audience, versus),
    kpi(measure("backlog", page.t("med.kpi_backlog"), audience,
                help=page.t("med.kpi_backlog_help", day=end.isoformat())),
        Change(fig.backlog.open, fig.prior_backlog.open), audience, versus),
    kpi(measure("overdue", page.t("med.kpi_overdue"), audience,
                help=page.t("med.kpi_overdue_help", day=end.isoformat())),
        Change(fig.backlog.overdue, fig.prior_backlog.overdue), audience, versus),
], per_row=3)

section(page, page.t("med.section_trend"))
left, right = st.columns(2)
with left:
    show_chart(page, yearly_figure(fig.yearly, audience), name="med_yearly_chart", title=page.t("med.chart_yearly"),
               config=CHART_CONFIG)
    note(page, page.t("med.yearly_note"))
with right:
    show_chart(page, monthly_figure(fig.monthly, audience), name="med_monthly_chart",
               title=page.t("med.chart_monthly"), config=CHART_CONFIG)

section(page, page.t("med.section_breakdown"))
left, right = st.columns(2)
with left:
    show_chart(page, type_figure(fig.by_type, audience), name="med_type_chart", title=page.t("med.chart_types"),
               click=ClickFilter("dispute_type", list(type_names)), config=CHART_CONFIG)
    show_table(page, type_table(fig.by_type, audience), name="med-types", title=page.t("med.table_types"))
with right:
    show_chart(page, town_figure(fig.by_town, town_names, audience), name="med_town_chart",
               title=page.t("med.chart_towns"), click=ClickFilter("town", list(town_names)), config=CHART_CONFIG)
    note(page, page.t("med.town_note"))
    show_table(page, town_table(fig.by_town, town_names, audience), name="med-towns", title=page.t("med.table_towns"),
               height="content")

section(page, page.t("med.section_channels"))
show_chart(page, channel_figure(fig.channels, audience), name="med_channel_chart", title=page.t("med.chart_channels"),
           click=ClickFilter("mediation_channel", list(channel_names)), config=CHART_CONFIG)
note(page, page.t("med.channel_note"))
show_table(page, channel_table(fig.channels, audience), name="med-channels", title=page.t("med.table_channels"))

section(page, page.t("med.section_overdue"), caption=page.t("med.overdue_note"))
if fig.overdue.empty:
    st.info(page.t("med.overdue_none"))
else:
    section(page, page.t("med.overdue_counts"), level=3)
    show_table(page, overdue_counts_table(fig.overdue_by_town, fig.quarters, town_names, audience),
               name="med-overdue-counts", title=page.t("med.overdue_counts"), height="content")
    if page.public:  # no dispute-by-dispute list leaves the public copy
        note(page, page.t("pub.overdue_list_off"))
    else:
        listing = overdue_export(fig.overdue, fig.quarters, town_names, audience)
        detail = page.t("med.overdue_detail", rows=len(listing))
        section(page, detail, level=3)
        show_table(page, listing, name="med-overdue", title=detail, height=360)
