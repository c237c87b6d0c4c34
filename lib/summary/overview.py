"""The overview's written summary: the year's figures in the order the report of a year states them."""
from __future__ import annotations

from lib.audience import Audience
from lib.data.codes import CRIME_GROUPS, MEDIATION_CHANNELS, label_of
from lib.headline import Versus
from lib.measures import MEASURES
from lib.metrics.overview import TOP_RANK_TARGET, OverviewFigures
from lib.metrics.periods import Change
from lib.summary.wording import (change_words, clause, count_words, money_words, rank_move_words, reading,
                                 share_words)


def _rank(fig: OverviewFigures, district: str, audience: Audience) -> list[str]:
    rank = fig.rank
    if rank.rank is None:
        return []
    places = rank.places_up
    move = rank_move_words(places, audience, within_noise=fig.standing.within_noise if fig.standing else None)
    first, survey_year = fig.first_year_in_target, fig.survey_year or fig.year  # the survey the rank comes from
    target = ("" if first is None or first > survey_year or rank.rank > TOP_RANK_TARGET
              else audience.t("sum.ov_target_first" if first == survey_year else "sum.ov_target_kept", target=TOP_RANK_TARGET))
    return [audience.t("sum.ov_rank", year=survey_year, district=district, counties=rank.counties, rank=rank.rank,
                       move=move, target=target)]


def _period(fig: OverviewFigures, audience: Audience) -> list[str]:
    """For the year to date, the sentence that says which days the figures that follow cover."""
    if not fig.is_year_to_date:
        return []
    return [audience.t("sum.ov_period_ytd", start=fig.period.start.isoformat(), end=fig.period.end.isoformat())]


def _incidents(fig: OverviewFigures, audience: Audience, versus: Versus) -> list[str]:
    incidents = fig.incidents
    change = clause(change_words(incidents, audience, versus), audience)
    count = count_words(incidents.current, audience, MEASURES["incidents"].unit_key)
    rate = share_words(fig.solved_rate.current, incidents.current, audience, decimals=1)
    first = (audience.t("sum.ov_incidents", count=count, change=change, rate=rate) if incidents.current
             else audience.t("sum.ov_incidents_no_rate", count=count, change=change))
    items = []
    for row in fig.incidents_by_group.itertuples():
        group = Change(row.current, row.previous)
        words = change_words(group, audience, versus)
        if words is not None and reading(group) in ("rise", "fall"):  # only changes beyond chance are named
            items.append(audience.t("sum.ov_group_item", group=label_of(CRIME_GROUPS, row.group, audience.lang),
                                    count=count_words(row.current, audience, MEASURES["incidents"].unit_key),
                                    change=clause(words, audience)))
    groups = (audience.t("sum.ov_groups", items=(";" if audience.lang == "zh" else "; ").join(items)) if items
              else audience.t("sum.ov_groups_none"))
    return [first, groups]


def _results(fig: OverviewFigures, audience: Audience) -> list[str]:
    r = fig.results

    def n(key: str) -> str:  # a result as its card counts it, in the measure's declared unit
        return count_words(r[key].current, audience, MEASURES[key].unit_key)

    recovered = money_words(r["recovered_yuan"].current, fig.incidents.current, audience)
    assets = money_words(r["gang_assets_yuan"].current, r["gang_cases_judged"].current, audience)
    return [
        audience.t("sum.ov_crackdown", property_gangs=n("property_gangs"),
                   property_suspects=n("property_suspects"), vice_cases=n("vice_cases"),
                   vice_gangs=n("vice_gangs"), vice_suspects=n("vice_suspects"),
                   recovered=recovered or "—"),
        audience.t("sum.ov_gang", cases=n("gang_cases_judged"), suspects=n("gang_suspects"),
                   arrests=n("gang_arrests_approved"),
                   assets=audience.t("sum.ov_gang_assets", assets=assets) if assets else ""),
        audience.t("sum.ov_patrol", stops=n("patrol_stops"), fugitives=n("patrol_fugitives")),
    ]


def _assistants(fig: OverviewFigures, audience: Audience) -> list[str]:
    a = fig.assistants
    plan = audience.t("sum.ov_assistants_plan", date=a.complete_on.isoformat()) if a.complete_on else ""
    return [audience.t("sum.ov_assistants", as_of=fig.as_of.isoformat(), covered=a.as_of.covered, total=a.as_of.total,
                       plan=plan)]


def _mediation(fig: OverviewFigures, audience: Audience, versus: Versus) -> list[str]:
    disputes = fig.disputes
    sentences = [audience.t("sum.ov_disputes", count=count_words(disputes.current, audience, MEASURES["disputes"].unit_key),
                            change=clause(change_words(disputes, audience, versus), audience))]
    items = [audience.t("sum.ov_channel_item", channel=label_of(MEDIATION_CHANNELS, row.channel, audience.lang),
                        settled=count_words(row.settled, audience, MEASURES["settled"].unit_key),
                        rate=share_words(row.rate, row.received, audience))
             for row in fig.channels.itertuples() if row.received > 0]
    if items:
        sentences.append(audience.t("sum.ov_channels", items=(";" if audience.lang == "zh" else "; ").join(items)))
    return sentences


def overview_summary(fig: OverviewFigures, district: str, audience: Audience) -> list[str]:
    """The year's summary: rank, incidents and their types, crackdown results, patrols, assistants, mediation."""
    versus = Versus.of_period(fig.period.start, fig.period.end)
    return [*_rank(fig, district, audience), *_period(fig, audience), *_incidents(fig, audience, versus),
            *_results(fig, audience),
            *_assistants(fig, audience), *_mediation(fig, audience, versus)]
