"""The overview's cards and notes (no Streamlit here): the headline band with its trend lines, each section's
cards, and the notes that explain every change beyond ±40%.

Every card takes its colour from the measure's declared good direction (lib/measures.py); the rank is coloured
only when its change is beyond the sampling noise of every county's survey, as on the satisfaction page.
"""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from lib.audience import Audience
from lib.data.codes import CRIME_GROUPS, MEDIATION_CHANNELS, crime_types_in_group, label_of
from lib.formatting import fmt_pct, join_list
from lib.headline import Kpi, Versus, change_text, kpi
from lib.measures import incidents_key, measure
from lib.metrics.overview import OverviewFigures
from lib.metrics.patrol import Coverage
from lib.metrics.periods import Change
from lib.metrics.satisfaction import TOP_RANK_TARGET

CRACKDOWN = ("recovered_yuan", "property_gangs", "property_suspects", "vice_cases", "vice_gangs", "vice_suspects",
             "gang_cases_judged", "gang_suspects", "gang_arrests_approved", "gang_assets_yuan",
             "card_trafficking_suspects", "cold_case_fugitives", "admin_transfers")
BASIS = {"recovered_yuan": "incidents", "gang_assets_yuan": "gang_cases_judged"}  # the count a money figure rests on


def versus(fig: OverviewFigures) -> Versus:
    return Versus.of_period(fig.period.start, fig.period.end)


def day_month(day: date, audience: Audience) -> str:
    """'3月11日' / '11 Mar'."""
    return audience.t("ov.day_month", month=audience.t("ov.months").split("|")[day.month - 1], day=day.day)


def heading(fig: OverviewFigures, audience: Audience) -> str:
    if not fig.is_year_to_date:
        return audience.t("ov.heading", year=fig.year)
    return audience.t("ov.heading_ytd", year=fig.year, until=day_month(fig.period.end, audience))


def period_note(fig: OverviewFigures, audience: Audience) -> str:
    if not fig.is_year_to_date:
        return audience.t("ov.period_note", year=fig.year)
    return audience.t("ov.period_note_ytd", year=fig.year, prior=fig.period.prior_end.year,
                      until=day_month(fig.period.end, audience), prior_until=day_month(fig.period.prior_end, audience))


def year_label(year: int, years: Sequence[int], as_of: date, audience: Audience) -> str:
    """How the year selector names a year: the running year reads '2021(年初至今)'."""
    running = year == as_of.year and as_of < date(year, 12, 31) and year == max(years)
    return audience.t("ov.year_to_date", year=year) if running else str(year)


def target_text(fig: OverviewFigures, audience: Audience) -> str:
    """Whether, and since when, the district ranks in the province's top TOP_RANK_TARGET."""
    first = fig.first_year_in_target
    if first is not None and fig.survey_year is not None and first <= fig.survey_year:
        return audience.t("ov.rank_target", year=first, target=TOP_RANK_TARGET)
    return audience.t("ov.rank_not_target", target=TOP_RANK_TARGET)


def rank_card(fig: OverviewFigures, audience: Audience) -> Kpi:
    """The province rank of the latest survey up to the year; green or red only beyond the sampling noise."""
    rank, standing, gained = fig.rank, fig.standing, fig.rank.places_up
    label = audience.t("ov.rank_of") if fig.survey_year == fig.year else audience.t("ov.rank_survey", year=fig.survey_year)
    delta = None if gained is None else audience.t(
        "ov.rank_delta", sign="+" if gained > 0 else "-" if gained < 0 else "±", places=abs(gained),
        previous=rank.previous, year=(fig.survey_year or fig.year) - 1)
    help_text = target_text(fig, audience)
    if standing is not None:
        chance = "—" if standing.target_chance is None else f"{standing.target_chance * 100:.0f}%"
        help_text = audience.t("ov.rank_help", counties=rank.counties, target=help_text, low=standing.best_rank,
                               high=standing.worst_rank, top=TOP_RANK_TARGET, chance=chance)
    within_noise = standing is not None and standing.within_noise
    direction = None if gained is None else "up" if gained > 0 else "down" if gained < 0 else "flat"
    return Kpi(label, audience.t("ov.rank_value", rank=rank.rank or "—"), delta, help_text,
               "neither" if within_noise else "up", trend=fig.trends.get("rank") or None, direction=direction)


def headline_cards(fig: OverviewFigures, audience: Audience) -> list[Kpi]:
    """How are we doing: rank, incidents, solved rate, disputes and patrol results, each with its trend line."""
    than = versus(fig)

    def trend(key: str) -> tuple[float, ...] | None:
        """The trend line of a count, unless the public copy withholds one of its counts."""
        values = fig.trends[key]
        return values if key in ("rank", "solved_rate") or audience.shows(*values) else None

    return [
        rank_card(fig, audience),
        kpi(measure("incidents", audience.t("ov.incidents"), audience, help=audience.t("ov.incidents_help")),
            fig.incidents, audience, than, trend=trend("incidents")),
        kpi(measure("solved_rate", audience.t("ov.solved_rate"), audience, help=audience.t("ov.solved_rate_help")),
            fig.solved_rate, audience, than, basis=fig.incidents, trend=trend("solved_rate")),
        kpi(measure("disputes", audience.t("ov.disputes"), audience, help=audience.t("ov.disputes_help")),
            fig.disputes, audience, than, trend=trend("disputes")),
        kpi(measure("patrol_stops", audience.t("ov.patrol_stops"), audience, help=audience.t("ov.patrol_stops_help")),
            fig.results["patrol_stops"], audience, than, trend=trend("patrol_stops")),
    ]


def group_cards(fig: OverviewFigures, audience: Audience) -> list[Kpi]:
    """Incidents by crime group; the groups found by police work (vice, gang) are not coloured."""
    return [kpi(measure(incidents_key(crime_types_in_group(row.group)), label_of(CRIME_GROUPS, row.group, audience.lang),
                        audience), Change(row.current, row.previous), audience, versus(fig))
            for row in fig.incidents_by_group.itertuples()]


def result_card(fig: OverviewFigures, key: str, audience: Audience) -> Kpi:
    """The card of one case result (fig.results[key])."""
    basis = fig.results[BASIS[key]] if BASIS.get(key) in fig.results else fig.incidents if key in BASIS else None
    return kpi(measure(key, audience.t(f"ov.{key}"), audience), fig.results[key], audience, versus(fig), basis=basis)


def _assistants_before(fig: OverviewFigures) -> tuple[date, Coverage]:
    """The last year end before the as-of date the assistants are set against, and the coverage on it."""
    a = fig.assistants
    if a.year_end_date < fig.as_of:
        return a.year_end_date, a.year_end
    return date(fig.period.start.year - 1, 12, 31), a.prior_year_end


def assistants_card(fig: OverviewFigures, audience: Audience) -> Kpi:
    """Villages with a police assistant on the as-of date, and how many were added since the last year end."""
    a = fig.assistants
    since, before = _assistants_before(fig)
    added = a.as_of.covered - before.covered
    return Kpi(audience.t("ov.assistants"), audience.t("ov.assistants_value", covered=a.as_of.covered, total=a.as_of.total),
               audience.t("ov.assistants_delta", added=f"{added:+d}" if added else "±0", since=since.isoformat()),
               good="up", direction="up" if added > 0 else "flat")


def assistants_note(fig: OverviewFigures, audience: Audience) -> str:
    a = fig.assistants
    since, before = _assistants_before(fig)
    return audience.t("ov.assistants_note", as_of=fig.as_of.isoformat(), covered=a.as_of.covered,
                      share=fmt_pct(a.as_of.share, 1), year_end=since.isoformat(), year_end_covered=before.covered,
                      complete=a.complete_on.isoformat() if a.complete_on else "—")


def channel_cards(fig: OverviewFigures, audience: Audience) -> list[Kpi]:
    """Each mediation channel's disputes settled, its success rate in the card's help."""
    cards = []
    for row in fig.channels.itertuples():
        channel = label_of(MEDIATION_CHANNELS, row.channel, audience.lang)
        rate = fmt_pct(row.rate) if audience.shows(row.settled, row.received) else "—"
        cards.append(kpi(measure("settled", audience.t("ov.channel_settled", channel=channel), audience,
                                 help=audience.t("ov.channel_rate", rate=rate, received=audience.count(row.received))),
                         Change(row.settled, row.prev_settled), audience, versus(fig)))
    return cards


def figure_label(key: str, audience: Audience) -> str:
    """The name of an overview figure (a key of OverviewFigures.changes())."""
    if key.startswith("group:"):
        return label_of(CRIME_GROUPS, key.removeprefix("group:"), audience.lang)
    if key.startswith("channel:"):
        return audience.t("ov.channel_settled", channel=label_of(MEDIATION_CHANNELS, key.removeprefix("channel:"),
                                                                 audience.lang))
    return audience.t(f"ov.{key}")


def swing_lines(fig: OverviewFigures, keys: Sequence[str], audience: Audience) -> list[str]:
    """One line per figure among `keys` that moved more than ±40%: the named events that explain it, or that its
    few cases moved by chance. Public copy: a change it may not show is not explained either."""
    lines = []
    for key in keys:
        swing = fig.swings.get(key)
        change = None if swing is None else change_text(swing.change, versus(fig), audience)
        if change is None:  # no swing, or one the public copy may not show
            continue
        words = {"figure": figure_label(key, audience), "change": change}
        if not swing.events.empty:
            names = swing.events["name_zh" if audience.lang == "zh" else "name_en"]
            events = join_list((audience.t("ov.event_item", name=n, date=f"{d:%Y-%m-%d}")
                                for n, d in zip(names, swing.events["date"])), audience.lang)
            lines.append(audience.t("ov.swing_event", events=events, **words))
        elif swing.by_chance:
            lines.append(audience.t("ov.swing_chance", p=f"{swing.p:.2f}", **words))
        else:
            lines.append(audience.t("ov.swing_open", **words))
    return lines


def swing_note(fig: OverviewFigures, keys: Sequence[str], audience: Audience) -> str | None:
    """The note under a section explaining its swings; None when none of its figures swung."""
    lines = swing_lines(fig, keys, audience)
    return audience.t("ov.swings", items="; ".join(lines)) if lines else None


def group_keys(fig: OverviewFigures) -> list[str]:
    return [f"group:{g}" for g in fig.incidents_by_group["group"]]


def channel_keys(fig: OverviewFigures) -> list[str]:
    return [f"channel:{c}" for c in fig.channels["channel"]]


def period_names(fig: OverviewFigures, audience: Audience) -> tuple[str, str]:
    """Column names of this period's and the year-earlier success rate."""
    if fig.is_year_to_date:
        return audience.t("ov.col_rate_now"), audience.t("ov.col_rate_before")
    return audience.t("ov.col_rate", year=fig.year), audience.t("ov.col_rate", year=fig.year - 1)

