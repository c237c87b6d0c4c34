"""矛盾纠纷化解 Dispute mediation: disputes screened, the channels and their success rates, time to close,
the open backlog, and the quarterly list of overdue disputes by town."""
import streamlit as st

from lib.data.codes import DISPUTE_TYPES, MEDIATION_CHANNELS
from lib.data.labels import town_labels
from lib.data.store import data_dir_from_env
from lib.disclosure import HIDDEN, change_shown, count_text, derived_shown, share_shown
from lib.formatting import fmt_pct
from lib.i18n import t
from lib.metrics.mediation_detail import data_dates, default_period
from lib.metrics.periods import Change
from lib.ui.access import public_mode
from lib.ui.downloads import download_buttons
from lib.ui.kpi import Kpi, kpi_row
from lib.ui.mediation import chart, filtering_chart, mediation_page_figures
from lib.ui.shell import current_lang, data_status, escape_markdown, load_or_explain
from lib.ui.url_state import code_multiselect, period_input
from lib.viz import mediation as viz

lang = current_lang()
public = public_mode()  # counts below 3 shown as "<3" (lib/disclosure.py)
bundle = load_or_explain(lang)
if bundle is None:
    st.stop()

town_names = town_labels(bundle["towns"], lang)
type_names = {c.code: c.label(lang) for c in DISPUTE_TYPES}
channel_names = {c.code: c.label(lang) for c in MEDIATION_CHANNELS}
first, last = data_dates(bundle)
start, end = period_input(t("med.filter_period", lang), first, last, default_period(bundle), lang)
towns = code_multiselect(t("med.filter_towns", lang), list(town_names), town_names, "town", lang)
types = code_multiselect(t("med.filter_types", lang), list(type_names), type_names, "dispute_type", lang)
channels = code_multiselect(t("med.filter_channels", lang), list(channel_names), channel_names, "mediation_channel", lang)

st.title(t("med.heading", lang, period=viz.period_text(start, end, lang)))
data_status(bundle, lang, ["disputes", "towns"])
fig = mediation_page_figures(start, end, tuple(towns), tuple(types), tuple(channels), str(data_dir_from_env()))
st.caption(t("med.period_note", lang, start=start.isoformat(), end=end.isoformat(),
             prior_start=fig.prior[0].isoformat(), prior_end=fig.prior[1].isoformat()))
chosen = [(t("med.filter_towns", lang), towns, town_names), (t("med.filter_types", lang), types, type_names),
          (t("med.filter_channels", lang), channels, channel_names)]
filters = "; ".join(f"{name}: {', '.join(labels[c] for c in codes)}" for name, codes, labels in chosen if codes)
if filters:
    st.caption(escape_markdown(t("med.filtered_note", lang, filters=filters)))

if fig.screened.current == 0:
    st.info(t("empty.selection", lang), icon=":material/filter_alt_off:")
    st.stop()


def change(value: Change, kind: str = "pct", basis: Change | None = None) -> str | None:
    """The change on a year earlier; not in public mode when it, or the counts it is built on, is below 3."""
    return viz.change_text(value, start, end, lang, kind=kind) if change_shown(basis or value, public) else None


def count(value: float) -> str:
    return count_text(value, lang, public, t("unit.item", lang))


closed = Change(fig.close_times.closed, fig.prior_close_times.closed)  # the disputes the days to close are taken over
rate_shown = share_shown(fig.settled_rate.current, fig.screened.current, public)
rate_compared = rate_shown and share_shown(fig.settled_rate.previous, fig.screened.previous, public)
close_help = t("med.kpi_close_help", lang, closed=count_text(closed.current, lang, public),
               not_closed=count_text(fig.close_times.not_closed, lang, public))
median = viz.close_change(fig.close_times, fig.prior_close_times, "median_days")
p90 = viz.close_change(fig.close_times, fig.prior_close_times, "p90_days")
backlog = Change(fig.backlog.open, fig.prior_backlog.open)
overdue = Change(fig.backlog.overdue, fig.prior_backlog.overdue)
kpi_row([
    Kpi(t("med.kpi_screened", lang), count(fig.screened.current), change(fig.screened), delta_color="inverse"),
    Kpi(t("med.kpi_rate", lang), fmt_pct(fig.settled_rate.current) if rate_shown else HIDDEN,
        change(fig.settled_rate, "points") if rate_compared else None,
        help=t("med.kpi_rate_help", lang, settled=count_text(fig.settled, lang, public),
               received=count_text(fig.screened.current, lang, public))),
    Kpi(t("med.kpi_median", lang), viz.fmt_days(fig.close_times.median_days, lang) if derived_shown(public, closed.current)
        else HIDDEN, change(median, "days", closed), help=close_help, delta_color="inverse"),
    Kpi(t("med.kpi_p90", lang), viz.fmt_days(fig.close_times.p90_days, lang) if derived_shown(public, closed.current)
        else HIDDEN, change(p90, "days", closed), help=close_help, delta_color="inverse"),
    Kpi(t("med.kpi_backlog", lang), count(backlog.current), change(backlog),
        help=t("med.kpi_backlog_help", lang, day=end.isoformat()), delta_color="inverse"),
    Kpi(t("med.kpi_overdue", lang), count(overdue.current), change(overdue),
        help=t("med.kpi_overdue_help", lang, day=end.isoformat()), delta_color="inverse"),
], per_row=3)

st.subheader(t("med.section_trend", lang))
left, right = st.columns(2)
with left:
    chart(viz.yearly_figure(fig.yearly, lang, public=public), "med_yearly_chart")
    st.caption(t("med.yearly_note", lang))
with right:
    chart(viz.monthly_figure(fig.monthly, lang, public=public), "med_monthly_chart")

st.subheader(t("med.section_breakdown", lang))
left, right = st.columns(2)
with left:
    filtering_chart(viz.type_figure(fig.by_type, lang, public=public), "med_type_chart", "dispute_type")
    st.dataframe(viz.type_table(fig.by_type, lang, public=public), hide_index=True)
with right:
    filtering_chart(viz.town_figure(fig.by_town, town_names, lang, public=public), "med_town_chart", "town")
    st.caption(t("med.town_note", lang))
    st.dataframe(viz.town_table(fig.by_town, town_names, lang, public=public), hide_index=True, height="content")

st.subheader(t("med.section_channels", lang))
filtering_chart(viz.channel_figure(fig.channels, lang, public=public), "med_channel_chart", "mediation_channel")
st.caption(t("med.channel_note", lang))
st.dataframe(viz.channel_table(fig.channels, lang, public=public), hide_index=True)

st.subheader(t("med.section_overdue", lang))
st.caption(t("med.overdue_note", lang))
if fig.overdue.empty:
    st.info(t("med.overdue_none", lang))
else:
    st.markdown(f"**{t('med.overdue_counts', lang)}**")
    overdue_counts = viz.overdue_counts_table(fig.overdue_by_town, fig.quarters, town_names, lang, public=public)
    st.dataframe(overdue_counts, hide_index=True, height="content")
    if public:  # no dispute-by-dispute list leaves the public copy: its download is the counts table
        st.caption(t("pub.overdue_list_off", lang))
        download_buttons(overdue_counts, f"{t('med.file_overdue', lang)}_{start.isoformat()}_{end.isoformat()}", lang,
                         key="med-overdue")
    else:
        listing = viz.overdue_export(fig.overdue, fig.quarters, town_names, lang)
        st.markdown(f"**{t('med.overdue_detail', lang, rows=len(listing))}**")
        st.dataframe(listing, hide_index=True, height=360)
        download_buttons(listing, f"{t('med.file_overdue', lang)}_{start.isoformat()}_{end.isoformat()}", lang,
                         key="med-overdue")
