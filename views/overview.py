"""总览 Overview: the year's headline figures, each with its change on the prior year."""
import streamlit as st

from lib.data.codes import CRIME_GROUPS, MEDIATION_CHANNELS, label_of
from lib.data.store import data_dir_from_env
from lib.disclosure import change_shown, count_text, derived_shown
from lib.formatting import fmt_change, fmt_pct, fmt_yuan
from lib.i18n import t
from lib.metrics.overview import TOP_RANK_TARGET, available_years
from lib.metrics.periods import Change
from lib.ui.access import public_mode
from lib.ui import briefing
from lib.ui.kpi import Kpi, kpi_row
from lib.viz.tables import channel_table, context_table
from lib.ui.loaders import overview_figures
from lib.ui.shell import current_lang, data_status, load_or_explain, url_fallback_notice

lang = current_lang()
public = public_mode()  # counts below 3 shown as "<3" (lib/disclosure.py)
bundle = load_or_explain(lang)
if bundle is None:
    st.stop()

years = available_years(bundle)
url_fallback_notice("year", [str(y) for y in years], str(years[-1]), lang)
year = st.sidebar.selectbox(t("ov.year", lang), years, index=len(years) - 1, key="year", bind="query-params")
briefing.add_filter("year", t("ov.year", lang), str(year))
fig = overview_figures(int(year), str(data_dir_from_env()))
prior = fig.year - 1

st.title(t("ov.heading", lang, year=fig.year))
data_status(bundle, lang, ["incidents", "county_survey", "disputes", "police_assistants"])
st.caption(t("ov.period_note", lang, year=fig.year))


def count_change(change: Change, *, points: bool = False, basis: Change | None = None) -> str | None:
    """The change on the prior year, unless it (or the count it is a share of) would reveal a count below 3."""
    return fmt_change(change, prior, lang, points=points) if change_shown(basis or change, public) else None


def count_kpi(key: str, unit_key: str, *, rise_is_bad: bool = False) -> Kpi:
    change = fig.results[key]
    return Kpi(t(f"ov.{key}", lang), count_text(change.current, lang, public, t(unit_key, lang)), count_change(change),
               delta_color="inverse" if rise_is_bad else "normal")


def yuan_kpi(key: str, cases: Change) -> Kpi:
    """A money sum, withheld in public mode when it is the sum over fewer than 3 cases."""
    change = fig.results[key]
    shown = derived_shown(public, cases.current)
    return Kpi(t(f"ov.{key}", lang), fmt_yuan(change.current, lang) if shown else "—",
               count_change(change, basis=cases) if shown else None)


rank = fig.rank
rank_delta = None
if rank.places_up is not None:
    rank_delta = t("ov.rank_delta", lang, sign="+" if rank.places_up >= 0 else "-", places=abs(rank.places_up),
                   previous=rank.previous, year=prior)
in_target = fig.first_year_in_target is not None and fig.first_year_in_target <= fig.year
kpi_row([
    Kpi(t("ov.rank", lang), t("ov.rank_value", lang, rank=rank.rank or "—", counties=rank.counties), rank_delta,
        help=t("ov.rank_target", lang, year=fig.first_year_in_target, target=TOP_RANK_TARGET) if in_target
        else t("ov.rank_not_target", lang, target=TOP_RANK_TARGET)),
    Kpi(t("ov.incidents", lang), count_text(fig.incidents.current, lang, public, t("unit.case", lang)),
        count_change(fig.incidents), delta_color="inverse"),
    Kpi(t("ov.solved_rate", lang), fmt_pct(fig.solved_rate.current, 1) if derived_shown(public, fig.incidents.current) else "—",
        count_change(fig.solved_rate, points=True, basis=fig.incidents), help=t("ov.solved_rate_help", lang)),
    yuan_kpi("recovered_yuan", fig.incidents),
])
if in_target:
    st.success(t("ov.rank_target", lang, year=fig.first_year_in_target, target=TOP_RANK_TARGET), icon=":material/emoji_events:")

st.subheader(t("ov.section_types", lang))
kpi_row([
    Kpi(label_of(CRIME_GROUPS, row.group, lang), count_text(row.current, lang, public, t("unit.case", lang)),
        count_change(Change(row.current, row.previous)), delta_color="inverse")
    for row in fig.incidents_by_group.itertuples()
], per_row=5)

st.subheader(t("ov.section_crackdown", lang))
kpi_row([
    count_kpi("property_gangs", "unit.gang"), count_kpi("property_suspects", "unit.person"),
    count_kpi("vice_cases", "unit.case"), count_kpi("vice_gangs", "unit.gang"),
    count_kpi("vice_suspects", "unit.person"), count_kpi("gang_cases_judged", "unit.item"),
    count_kpi("gang_suspects", "unit.person"), count_kpi("gang_arrests_approved", "unit.person"),
    yuan_kpi("gang_assets_yuan", fig.results["gang_cases_judged"]), count_kpi("card_trafficking_suspects", "unit.person"),
    count_kpi("cold_case_fugitives", "unit.fugitive"), count_kpi("admin_transfers", "unit.item"),
])

st.subheader(t("ov.section_patrol", lang))
assistants = fig.assistants
kpi_row([
    count_kpi("patrol_stops", "unit.case"),
    count_kpi("patrol_fugitives", "unit.fugitive"),
    Kpi(t("ov.assistants", lang), t("ov.assistants_value", lang, covered=assistants.as_of.covered, total=assistants.as_of.total),
        t("ov.assistants_delta", lang, added=assistants.as_of.covered - assistants.year_end.covered,
          since=assistants.year_end_date.isoformat())),
])
st.caption(t("ov.assistants_note", lang, as_of=fig.as_of.isoformat(), covered=assistants.as_of.covered,
             share=fmt_pct(assistants.as_of.share, 1), year_end=assistants.year_end_date.isoformat(),
             year_end_covered=assistants.year_end.covered,
             complete=assistants.complete_on.isoformat() if assistants.complete_on else "—"))

st.subheader(t("ov.section_mediation", lang))
channel_cards = [Kpi(t("ov.disputes", lang), count_text(fig.disputes.current, lang, public, t("unit.item", lang)),
                     count_change(fig.disputes), delta_color="inverse")]
for row in fig.channels.itertuples():
    settled = Change(row.settled, row.prev_settled)
    channel_cards.append(Kpi(
        t("ov.channel_settled", lang, channel=label_of(MEDIATION_CHANNELS, row.channel, lang)),
        count_text(row.settled, lang, public, t("unit.item", lang)), count_change(settled),
        help=t("ov.channel_rate", lang, rate=fmt_pct(row.rate) if derived_shown(public, row.settled, row.received) else "—",
               received=count_text(row.received, lang, public))))
kpi_row(channel_cards, per_row=3)
st.dataframe(channel_table(fig.channels, fig.year, lang, public=public), hide_index=True)

st.subheader(t("ov.section_context", lang))
if fig.context.empty:
    st.info(t("ov.context_none", lang, year=fig.year))
else:
    st.dataframe(context_table(fig.context, fig.year, lang), hide_index=True)
