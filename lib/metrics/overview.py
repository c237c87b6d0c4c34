"""Every figure of the overview page for one year, computed from the data bundle."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from lib.data.store import DataBundle
from lib.metrics import context, crime, mediation, patrol, satisfaction
from lib.metrics.periods import Change, full_years
from lib.metrics.satisfaction import TOP_RANK_TARGET  # the overview says whether the district reached it


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
    as_of: date
    rank: satisfaction.RankChange
    first_year_in_target: int | None
    incidents: Change
    incidents_by_group: pd.DataFrame
    solved_rate: Change
    results: dict[str, Change]
    assistants: AssistantFigures
    disputes: Change
    channels: pd.DataFrame
    context: pd.DataFrame


def available_years(bundle: DataBundle) -> list[int]:
    first = bundle["incidents"]["reported_at"].min().date()
    return full_years(first, bundle.as_of)


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


def overview(bundle: DataBundle, year: int, district: str) -> OverviewFigures:
    """The overview of `year` for the home district `district` (its adcode)."""
    incidents, survey = bundle["incidents"], bundle["county_survey"]
    current, previous = crime.year_slices(incidents, year), crime.year_slices(incidents, year - 1)
    return OverviewFigures(
        year=year,
        as_of=bundle.as_of,
        rank=satisfaction.county_rank(survey, district, year),
        first_year_in_target=satisfaction.first_year_within(survey, district, TOP_RANK_TARGET),
        incidents=crime.incidents_reported(current, previous),
        incidents_by_group=crime.counts_by_group(current, previous),
        solved_rate=crime.solved_rate(current, previous),
        results=crime.results(current, previous),
        assistants=_assistants(bundle, year),
        disputes=mediation.disputes_screened(bundle["disputes"], year),
        channels=mediation.channel_results(bundle["disputes"], year),
        context=context.context_indicators(bundle["indicators"], year),
    )
