"""总览 Overview: how we are doing this year so far (or in a chosen full year), against the same days a year earlier.

First the headline band (rank, incidents, solved rate, disputes, patrol results, each with its trend line), then the
sections. Every change beyond ±40% is explained under its section.
"""
import streamlit as st

from lib.metrics.overview import available_years
from lib.summary.overview import overview_summary
from lib.ui.cached.overview import overview_figures
from lib.ui.filters import number_select
from lib.ui.page import open_page
from lib.ui.show import note, section, show_kpis, show_summary, show_table, show_title
from lib.viz import overview as ov
from lib.viz.tables import channel_table, context_table

page = open_page()
audience = page.audience
years = available_years(page.data)
year = number_select(page, page.t("ov.year"), years, "year", years[-1],
                     labels={y: ov.year_label(y, years, page.as_of, audience) for y in years})
fig = overview_figures(page.source, year, page.home.adcode)


def explain(keys: list[str]) -> None:
    """The note under a section that explains its changes beyond ±40%."""
    text = ov.swing_note(fig, keys, audience)
    if text:
        note(page, text)


show_title(page, ov.heading(fig, audience), caption=ov.period_note(fig, audience))
show_kpis(page, ov.headline_cards(fig, audience), per_row=5)
show_summary(page, overview_summary(fig, page.home.name, audience))
explain(["incidents", "solved_rate", "disputes", "patrol_stops"])
if fig.first_year_in_target is not None and fig.survey_year is not None and fig.first_year_in_target <= fig.survey_year:
    st.success(ov.target_text(fig, audience), icon=":material/emoji_events:")

section(page, page.t("ov.section_types"), caption=page.t("ov.found_note"))
show_kpis(page, ov.group_cards(fig, audience), per_row=5)
explain(ov.group_keys(fig))

section(page, page.t("ov.section_crackdown"))
show_kpis(page, [ov.result_card(fig, key, audience) for key in ov.CRACKDOWN], per_row=4)
explain(list(ov.CRACKDOWN))

section(page, page.t("ov.section_patrol"))
show_kpis(page, [ov.result_card(fig, "patrol_fugitives", audience), ov.assistants_card(fig, audience)], per_row=4)
note(page, ov.assistants_note(fig, audience))
explain(["patrol_fugitives"])

section(page, page.t("ov.section_mediation"))
show_kpis(page, ov.channel_cards(fig, audience), per_row=5)
explain(ov.channel_keys(fig))
show_table(page, channel_table(fig.channels, ov.period_names(fig, audience), audience), name="ov-channels",
           title=page.t("ov.section_mediation"))

context_title = page.t("ov.context_of", year=fig.context_year) if fig.context_year else page.t("ov.section_context")
section(page, context_title)
if fig.context.empty:
    st.info(page.t("ov.context_none", year=year))
else:
    show_table(page, context_table(fig.context, fig.context_year, audience), name="ov-context", title=context_title)
