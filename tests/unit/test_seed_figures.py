"""Every figure marked *computed* in seed-facts.md, computed from the committed demo data by the
same lib functions the pages call: read from the files, and read from the database they were loaded into."""
from datetime import date

import pytest

from lib.data.db.store import load_county
from lib.data.home import home_district
from lib.metrics import crime, mediation, patrol, satisfaction
from lib.metrics.overview import overview
from lib.metrics.periods import Comparison

CASE_RESULTS_2020 = {
    "patrol_stops": 123,
    "patrol_fugitives": 14,
    "gang_cases_judged": 2,
    "gang_suspects": 32,
    "gang_arrests_approved": 12,
    "gang_assets_yuan": 12_600_000,
    "property_gangs": 28,
    "property_suspects": 470,
    "card_trafficking_suspects": 6,
    "cold_case_fugitives": 2,
    "recovered_yuan": 70_000_000,
    "vice_cases": 216,
    "vice_gangs": 21,
    "vice_suspects": 810,
    "admin_transfers": 25,
}


@pytest.fixture(scope="module")
def database_bundle(database_url):
    return load_county(database_url, "511402")


@pytest.fixture(params=["files", "database"])
def bundle(request):
    """The demo data from either store: the files (the session's bundle), or this run's own database."""
    return request.getfixturevalue("bundle" if request.param == "files" else "database_bundle")


@pytest.mark.parametrize("name,published", CASE_RESULTS_2020.items())
def test_case_results_2020(bundle, name, published):
    assert crime.result(bundle.incidents.case_facts(), name, 2020).current == published


def test_district_enters_top_80_in_2020(bundle):
    survey = bundle["county_survey"]
    assert satisfaction.county_rank(survey, "511402", 2020).rank <= 80
    assert satisfaction.county_rank(survey, "511402", 2020).counties == 183
    assert satisfaction.first_year_within(survey, "511402", 80) == 2020


def test_police_assistants(bundle):
    assistants, villages = bundle["police_assistants"], bundle["villages"]
    assert patrol.assistant_coverage(assistants, villages, date(2021, 3, 11)).covered == 97
    assert patrol.assistant_coverage(assistants, villages, date(2021, 5, 31)).covered == len(villages)
    assert patrol.assistant_coverage(assistants, villages, date(2021, 5, 30)).covered < len(villages)
    assert patrol.assistants_complete_on(assistants, villages) == date(2021, 5, 31)


def test_disputes_screened_2020(bundle):
    change = mediation.disputes_screened(bundle["disputes"], Comparison.calendar_year(2020))
    assert change.current == 2780
    assert round(change.pct, 1) == -15.2


@pytest.mark.parametrize("channel,settled,rate,decimals", [
    ("pretrial_delegated", 576, 61, 0),
    ("police_mediation", 595, 94.15, 2),
    ("individual_room", 49, 75, 0),
])
def test_mediation_channels_2020(bundle, channel, settled, rate, decimals):
    row = mediation.channel_results(bundle["disputes"], Comparison.calendar_year(2020)).set_index("channel").loc[channel]
    assert row["settled"] == settled
    assert round(row["rate"], decimals) == rate


def test_overview_gathers_the_seed_figures(bundle):
    home = home_district(bundle, None)
    assert (home.adcode, home.name, home.city_name) == ("511402", "东坡区", "眉山市")  # taken from the data
    figures = overview(bundle, 2020, home.adcode)
    assert figures.as_of == date(2021, 3, 11)
    assert figures.assistants.as_of.covered == 97
    assert figures.disputes.current == 2780
    assert {name: figures.results[name].current for name in CASE_RESULTS_2020} == CASE_RESULTS_2020
