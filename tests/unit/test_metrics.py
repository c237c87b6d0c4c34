"""The metric functions on small hand-made frames whose answers are checked by hand."""
from datetime import date

import pandas as pd
import pytest

from lib.data.case_facts import case_facts_of
from lib.metrics import crime, mediation, patrol, satisfaction
from lib.metrics.periods import Change, Comparison, full_years, latest_full_year


def incidents(rows):
    columns = ["reported_at", "crime_type", "status", "solved_on", "suspects_caught", "arrests_approved", "gang_id",
               "recovered_yuan", "assets_seized_yuan", "discovery", "fugitives_caught"]
    frame = pd.DataFrame(rows, columns=columns)
    frame["reported_at"] = pd.to_datetime(frame["reported_at"])
    frame["solved_on"] = pd.to_datetime(frame["solved_on"])
    return frame


CASES = incidents([
    # reported, type, status, solved, suspects, arrests, gang, recovered, seized, discovery, fugitives
    ("2019-12-30 22:00", "burglary", "solved", "2020-01-03", 2, 1, "G1", 500, 0, "call_110", 0),
    ("2020-03-01 10:00", "burglary", "solved", "2020-03-02", 1, 0, "G1", 300, 0, "call_110", 0),
    ("2020-04-01 10:00", "pickpocket", "solved", "2020-04-01", 1, 0, None, 100, 0, "patrol_stop", 1),
    ("2020-05-01 10:00", "vice", "solved", "2020-05-01", 5, 0, "V1", 0, 0, "investigation", 0),
    ("2020-06-01 10:00", "gang", "judged", "2020-06-01", 9, 4, "H1", 0, 800_000, "investigation", 0),
    ("2020-12-31 23:59", "telecom_fraud", "reported", None, 0, 0, None, 0, 0, "online", 0),
    ("2016-02-01 01:00", "homicide", "solved", "2020-02-01", 1, 1, None, 0, 0, "call_110", 1),
    ("2020-02-10 01:00", "homicide", "solved", "2020-02-20", 1, 1, None, 0, 0, "call_110", 1),
    ("2021-01-01 00:00", "other", "reported", None, 0, 0, None, 0, 0, "admin_transfer", 0),
])
FACTS = case_facts_of(CASES)


@pytest.mark.parametrize("name,expected", [
    ("recovered_yuan", 900),          # solved in 2020 (the 2019 burglary counts: it was solved in 2020)
    ("property_gangs", 1),            # G1 once, though it has two cases
    ("property_suspects", 4),
    ("vice_cases", 1), ("vice_gangs", 1), ("vice_suspects", 5),
    ("gang_cases_judged", 1), ("gang_suspects", 9), ("gang_arrests_approved", 4), ("gang_assets_yuan", 800_000),
    ("cold_case_fugitives", 1),       # only the 2016 murder is a cold case
    ("patrol_stops", 1), ("patrol_fugitives", 1),
    ("admin_transfers", 0),           # the transfer was reported in 2021
])
def test_case_results_follow_the_counting_rules(name, expected):
    assert crime.result(FACTS, name, 2020).current == expected


def test_counts_by_group_by_year_reported():
    table = crime.counts_by_group(crime.year_facts(FACTS, 2020), crime.year_facts(FACTS, 2019)).set_index("group")
    assert table.loc["property", "current"] == 3  # two 2020 burglaries/pickpockets + the fraud on 31 Dec
    assert table.loc["property", "previous"] == 1  # the burglary reported on 30 Dec 2019
    assert table.loc["violent", "current"] == 1


def test_solved_rate():
    rate = crime.solved_rate(crime.year_facts(FACTS, 2020), crime.year_facts(FACTS, 2019))
    assert rate.current == pytest.approx(5 / 6 * 100)  # 6 reported in 2020, the fraud unsolved
    assert rate.previous == 100.0


def test_change_of_a_zero_prior_is_new_not_infinite():
    assert Change(5, 0).pct is None
    assert Change(5, None).delta is None
    assert Change(2780, 3278).pct == pytest.approx(-15.19, abs=0.01)


def test_full_years():
    assert full_years(date(2016, 1, 1), date(2021, 3, 11)) == [2016, 2017, 2018, 2019, 2020]
    assert full_years(date(2016, 1, 2), date(2020, 12, 31)) == [2017, 2018, 2019, 2020]
    assert latest_full_year(date(2016, 1, 1), date(2021, 3, 11)) == 2020


def test_rank_ties_share_the_best_rank_and_skip_the_next():
    survey = pd.DataFrame({"adcode": ["510101", "510102", "510103", "510104"], "year": 2020,
                           "overall": [90.0, 88.5, 88.5, 80.0]})
    ranked = satisfaction.rank_counties(survey, 2020).set_index("adcode")["rank"]
    assert ranked.to_dict() == {"510101": 1, "510102": 2, "510103": 2, "510104": 4}


def test_rank_change_and_first_year_in_target():
    survey = pd.DataFrame({"adcode": ["A1", "B2", "A1", "B2"], "year": [2019, 2019, 2020, 2020],
                           "overall": [80.0, 85.0, 90.0, 85.0]})
    change = satisfaction.county_rank(survey, "A1", 2020)
    assert (change.rank, change.previous, change.places_up, change.counties) == (1, 2, 1, 2)
    assert satisfaction.first_year_within(survey, "A1", 1) == 2020
    assert satisfaction.county_rank(survey, "ZZ", 2020).rank is None


def test_assistant_coverage_counts_known_villages_up_to_the_day():
    villages = pd.DataFrame({"village_code": ["1", "2", "3", "4"]})
    assistants = pd.DataFrame({"village_code": ["1", "2", "3", "9"],
                               "appointed_on": pd.to_datetime(["2020-06-01", "2021-03-11", "2021-05-31", "2020-01-01"])})
    assert patrol.assistant_coverage(assistants, villages, date(2021, 3, 11)).covered == 2
    assert patrol.assistant_coverage(assistants, villages, date(2021, 3, 10)).share == 25.0
    assert patrol.assistants_complete_on(assistants, villages) is None  # village 4 has no date


def test_channel_results_rates_and_order():
    disputes = pd.DataFrame({
        "received_on": pd.to_datetime(["2020-01-05", "2020-02-01", "2020-12-31", "2019-06-01", "2020-03-03"]),
        "channel": ["police_mediation", "police_mediation", "police_mediation", "police_mediation", "online_court"],
        "outcome": ["settled", "failed", "open", "settled", "settled"],
    })
    table = mediation.channel_results(disputes, Comparison.calendar_year(2020)).set_index("channel")
    assert list(table.index) == ["police_mediation", "online_court"]  # known channels first, then others
    assert table.loc["police_mediation", "received"] == 3
    assert table.loc["police_mediation", "rate"] == pytest.approx(100 / 3)
    assert table.loc["police_mediation", "prev_rate"] == 100.0
    assert pd.isna(table.loc["online_court", "prev_rate"])
