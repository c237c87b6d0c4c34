"""Every figure of the overview page for one year, computed from the data bundle.

The year's period is the calendar year, or, for the year the data reach into, the year to date (1 January to the
as-of date). Each figure is set against the same days a year earlier; the headline figures also get the same
days of every earlier year with data (their trend line), and every change beyond ±40% gets what explains it
(lib/metrics/swings.py).
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

import pandas as pd

from lib.data.case_facts import CaseFacts
from lib.data.codes import CRIME_GROUPS, CRIME_TYPES, MEDIATION_CHANNELS, crime_types_in_group
from lib.data.store import DataBundle
from lib.metrics import context, crime, mediation, patrol, satisfaction
from lib.metrics.periods import Change, Comparison, full_years, year_earlier
from lib.metrics.satisfaction import TOP_RANK_TARGET  # the overview says whether the district reached it
from lib.metrics.swings import Swing, swings

HEADLINE_TRENDS = ("rank", "incidents", "solved_rate", "disputes", "patrol_stops")
STREET_TYPES = ("vehicle_theft", "pickpocket", "other_theft", "robbery", "assault")  # what patrols stop
ALL_TYPES = tuple(c.code for c in CRIME_TYPES)
PROPERTY = tuple(crime_types_in_group("property"))
# the crime types whose named events (campaigns, big cases) can explain a swing of a figure
RELATED_TYPES: dict[str, tuple[str, ...]] = {
    "incidents": ALL_TYPES, "recovered_yuan": PROPERTY, "property_gangs": PROPERTY, "property_suspects": PROPERTY,
    "vice_cases": ("vice",), "vice_gangs": ("vice",), "vice_suspects": ("vice",),
    "gang_cases_judged": ("gang",), "gang_suspects": ("gang",), "gang_arrests_approved": ("gang",),
    "gang_assets_yuan": ("gang",), "card_trafficking_suspects": ("card_trafficking", "telecom_fraud"),
    "cold_case_fugitives": ("homicide",), "patrol_stops": STREET_TYPES, "patrol_fugitives": STREET_TYPES,
    "admin_transfers": ("other", "drugs"),
    **{f"group:{g.code}": tuple(crime_types_in_group(g.code)) for g in CRIME_GROUPS},
}
NOT_COUNTS = {"recovered_yuan", "gang_assets_yuan", "solved_rate"}  # money and a share


@dataclass(frozen=True)
class AssistantFigures:
    as_of: patrol.Coverage
    year_end: patrol.Coverage
    prior_year_end: patrol.Coverage
    year_end_date: date
    complete_on: date | None


@dataclass(frozen=True)
class OverviewFigures:
    year: int
    period: Comparison  # the calendar year, or the year to date
    as_of: date
    rank: satisfaction.RankChange
    standing: satisfaction.Standing | None  # the rank's noise and the chance of the target rank (overall score)
    survey_year: int | None  # the survey the rank comes from: the year's, or the latest before it
    first_year_in_target: int | None
    incidents: Change
    incidents_by_group: pd.DataFrame
    solved_rate: Change
    results: dict[str, Change]
    assistants: AssistantFigures
    disputes: Change
    channels: pd.DataFrame
    context: pd.DataFrame
    context_year: int | None  # the year of the context indicators shown: the year's, or the latest before it
    trends: dict[str, tuple[float, ...]]  # HEADLINE_TRENDS key -> the same days of every year with data, oldest first
    swings: dict[str, Swing]  # the figures (keys of changes()) that moved more than ±40%, with what explains it

    @property
    def is_year_to_date(self) -> bool:
        return not self.period.is_calendar_year

    def changes(self) -> dict[str, Change]:
        """Every count, share and sum of the overview with its change, by key: the headline figures, the results, the
        crime groups ('group:<code>') and the channels' settled disputes ('channel:<code>'). The rank's change is
        judged by its own noise (`standing`)."""
        figures = {"incidents": self.incidents, "solved_rate": self.solved_rate, "disputes": self.disputes,
                   **self.results}
        figures.update({f"group:{r.group}": Change(r.current, r.previous) for r in self.incidents_by_group.itertuples()})
        figures.update({f"channel:{r.channel}": Change(r.settled, r.prev_settled) for r in self.channels.itertuples()})
        return figures


def available_years(bundle: DataBundle) -> list[int]:
    """The years the overview can show, oldest first: the full years of data and the year the data reach into."""
    first = bundle.first_day("incidents")
    years = full_years(first, bundle.as_of)
    return years + [bundle.as_of.year] if not years or years[-1] < bundle.as_of.year else years


def period_of(year: int, as_of: date) -> Comparison:
    """The calendar year, or, for the as-of date's year while it runs, the year to date."""
    return Comparison.year_to_date(as_of) if year == as_of.year and as_of < date(year, 12, 31) \
        else Comparison.calendar_year(year)


def _assistants(bundle: DataBundle, year: int) -> AssistantFigures:
    assistants, villages = bundle["police_assistants"], bundle["villages"]
    year_end = min(date(year, 12, 31), bundle.as_of)
    return AssistantFigures(
        as_of=patrol.assistant_coverage(assistants, villages, bundle.as_of),
        year_end=patrol.assistant_coverage(assistants, villages, year_end),
        prior_year_end=patrol.assistant_coverage(assistants, villages, date(year - 1, 12, 31)),
        year_end_date=year_end,
        complete_on=patrol.assistants_complete_on(assistants, villages),
    )


def _latest_year(years: "pd.Series", year: int) -> int | None:
    """The latest of `years` up to `year`."""
    up_to = years[years <= year]
    return int(up_to.max()) if len(up_to) else None


def _trends(bundle: DataBundle, period: Comparison, district: str,
            facts: CaseFacts) -> dict[str, tuple[float, ...]]:
    """The headline figures for the same days of every year from the first year of data to the period's."""
    disputes, survey = bundle["disputes"], bundle["county_survey"]
    first = bundle.first_day("incidents")
    back = [period.years_back(k) for k in range(period.start.year - first.year, -1, -1)]
    shown = [p for p in back if p.start >= first]
    solved_by = [year_earlier(bundle.as_of, period.start.year - p.start.year) for p in shown]
    counts = [crime.period_counts(facts, p.start, p.end, by) for p, by in zip(shown, solved_by)]
    ranked = satisfaction.ranks_by_year(survey, district)
    ranks = [ranked.get(int(y)) for y in satisfaction.survey_years(survey) if int(y) <= period.start.year]
    return {
        "rank": tuple(float(-r) for r in ranks if r is not None),  # drawn upwards as the rank improves
        "incidents": tuple(float(c.incidents) for c in counts),
        "solved_rate": tuple(c.solved_share or 0.0 for c in counts),
        "disputes": tuple(float(mediation.disputes_screened(disputes, p).current) for p in shown),
        "patrol_stops": tuple(float(c.patrol_stops) for c in counts),
    }


def province_rankings(bundle: DataBundle) -> dict[int, pd.DataFrame]:
    """The province's county ranking on the overall score (with its simulated noise) for every survey year: what the
    overview's rank and standing read, computed once per data version."""
    survey = bundle["county_survey"]
    return {year: satisfaction.county_ranking(survey, bundle["counties"], year, "overall", TOP_RANK_TARGET)
            for year in satisfaction.survey_years(survey)}


def overview(bundle: DataBundle, year: int, district: str, facts: CaseFacts | None = None,
             rankings: dict[int, pd.DataFrame] | None = None) -> OverviewFigures:
    """The overview of `year` (to date, while it runs) for the home district `district` (its adcode). `facts` are
    the case facts of the incidents and `rankings` province_rankings, both kept once per data version (found here
    when not given); the incidents themselves are read only to find the facts."""
    survey, indicators = bundle["county_survey"], bundle["indicators"]
    facts = facts if facts is not None else bundle.incidents.case_facts()
    period = period_of(year, bundle.as_of)
    current = crime.period_facts(facts, period.start, period.end)
    previous = crime.period_facts(facts, period.prior_start, period.prior_end)
    survey_year = _latest_year(survey["year"], year)
    context_year = _latest_year(indicators["year"], year)
    ranking = None
    if survey_year:
        ranking = rankings[survey_year] if rankings is not None and survey_year in rankings else \
            satisfaction.county_ranking(survey, bundle["counties"], survey_year, "overall", TOP_RANK_TARGET)
    figures = OverviewFigures(
        year=year,
        period=period,
        as_of=bundle.as_of,
        rank=satisfaction.county_rank(survey, district, survey_year) if survey_year else
        satisfaction.RankChange(None, None, 0),
        standing=satisfaction.standing(ranking, district, TOP_RANK_TARGET) if ranking is not None else None,
        survey_year=survey_year,
        first_year_in_target=satisfaction.first_year_within(survey, district, TOP_RANK_TARGET),
        incidents=crime.incidents_reported(current, previous),
        incidents_by_group=crime.counts_by_group(current, previous),
        solved_rate=crime.solved_rate(current, previous, bundle.as_of, year_earlier(bundle.as_of)),
        results=crime.results(current, previous),
        assistants=_assistants(bundle, year),
        disputes=mediation.disputes_screened(bundle["disputes"], period),
        channels=mediation.channel_results(bundle["disputes"], period),
        context=context.context_indicators(indicators, context_year) if context_year else indicators.iloc[0:0],
        context_year=context_year,
        trends=_trends(bundle, period, district, facts),
        swings={},
    )
    changes = figures.changes()
    counts = [key for key in changes if key not in NOT_COUNTS]
    related = {**RELATED_TYPES, **{f"channel:{c.code}": () for c in MEDIATION_CHANNELS}}
    return replace(figures, swings=swings(changes, counts, related, bundle["events"], period))
