"""总览 Overview: the year's headline figures, each with its change on the prior year."""
import streamlit as st

from lib.data.codes import CRIME_GROUPS, MEDIATION_CHANNELS, label_of
from lib.formatting import fmt_pct
from lib.headline import Kpi, Versus, kpi
from lib.measures import measure
from lib.metrics.overview import TOP_RANK_TARGET, available_years
from lib.metrics.periods import Change
from lib.ui.cached.overview import overview_figures
from lib.ui.filters import number_select
from lib.ui.page import open_page
from lib.summary.overview import overview_summary
from lib.ui.show import note, section, show_kpis, show_summary, show_table, show_title
from lib.viz.tables import channel_table, context_table

page = open_page()
audience = page.audience
years = available_years(page.data)
year = number_select(page, page.t("ov.year"), years, "year", years[-1])
fig = overview_figures(page.source, year, page.home.adcode)
versus = Versus(year - 1)


def result(key: str, *, basis: Change | None = None) -> Kpi:
    """The card of one result figure of the year (fig.results[key]), labelled as the overview labels it."""
    return kpi(measure(key, page.t(f"ov.{key}"), audience), fig.results[key], audience, versus, basis=basis)


show_title(page, page.t("ov.heading", year=year), caption=page.t("ov.period_note", year=year))
show_summary(page, overview_summary(fig, page.home.name, audience))
rank = fig.rank
in_target = fig.first_year_in_target is not None and fig.first_year_in_target <= year
target_text = (page.t("ov.rank_target", year=fig.first_year_in_target, target=TOP_RANK_TARGET) if in_target
               else page.t("ov.rank_not_target", target=TOP_RANK_TARGET))
show_kpis(page, [
    Kpi(page.t("ov.rank"), page.t("ov.rank_value", rank=rank.rank or "—", counties=rank.counties),
        None if rank.places_up is None else page.t("ov.rank_delta", sign="+" if rank.places_up >= 0 else "-",
                                                   places=abs(rank.places_up), previous=rank.previous, year=year - 1),
        help=target_text, good="up"),
    kpi(measure("incidents", page.t("ov.incidents"), audience), fig.incidents, audience, versus),
    kpi(measure("solved_rate", page.t("ov.solved_rate"), audience, help=page.t("ov.solved_rate_help")),
        fig.solved_rate, audience, versus, basis=fig.incidents),
    result("recovered_yuan", basis=fig.incidents),
])
if in_target:
    st.success(target_text, icon=":material/emoji_events:")

section(page, page.t("ov.section_types"))
show_kpis(page, [kpi(measure("incidents", label_of(CRIME_GROUPS, row.group, page.lang), audience),
                     Change(row.current, row.previous), audience, versus)
                 for row in fig.incidents_by_group.itertuples()], per_row=5)

section(page, page.t("ov.section_crackdown"))
show_kpis(page, [
    result("property_gangs"), result("property_suspects"), result("vice_cases"), result("vice_gangs"),
    result("vice_suspects"), result("gang_cases_judged"), result("gang_suspects"), result("gang_arrests_approved"),
    result("gang_assets_yuan", basis=fig.results["gang_cases_judged"]), result("card_trafficking_suspects"),
    result("cold_case_fugitives"), result("admin_transfers"),
])

section(page, page.t("ov.section_patrol"))
assistants = fig.assistants
show_kpis(page, [
    result("patrol_stops"),
    result("patrol_fugitives"),
    Kpi(page.t("ov.assistants"), page.t("ov.assistants_value", covered=assistants.as_of.covered, total=assistants.as_of.total),
        page.t("ov.assistants_delta", added=assistants.as_of.covered - assistants.year_end.covered,
               since=assistants.year_end_date.isoformat()), good="up"),
])
note(page, page.t("ov.assistants_note", as_of=fig.as_of.isoformat(), covered=assistants.as_of.covered,
                  share=fmt_pct(assistants.as_of.share, 1), year_end=assistants.year_end_date.isoformat(),
                  year_end_covered=assistants.year_end.covered,
                  complete=assistants.complete_on.isoformat() if assistants.complete_on else "—"))

section(page, page.t("ov.section_mediation"))
channel_cards = [kpi(measure("disputes", page.t("ov.disputes"), audience), fig.disputes, audience, versus)]
for row in fig.channels.itertuples():
    channel = label_of(MEDIATION_CHANNELS, row.channel, page.lang)
    rate = fmt_pct(row.rate) if audience.shows(row.settled, row.received) else "—"
    channel_cards.append(kpi(measure("settled", page.t("ov.channel_settled", channel=channel), audience,
                                     help=page.t("ov.channel_rate", rate=rate, received=audience.count(row.received))),
                             Change(row.settled, row.prev_settled), audience, versus))
show_kpis(page, channel_cards, per_row=3)
show_table(page, channel_table(fig.channels, year, audience), name="ov-channels", title=page.t("ov.section_mediation"))

section(page, page.t("ov.section_context"))
if fig.context.empty:
    st.info(page.t("ov.context_none", year=year))
else:
    show_table(page, context_table(fig.context, year, audience), name="ov-context", title=page.t("ov.section_context"))
