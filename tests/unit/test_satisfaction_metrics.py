"""The satisfaction page's figures on small hand-made surveys whose answers were worked out by hand."""
import pandas as pd
import pytest

from lib.metrics import satisfaction as s

# Five counties, two years. 2020 overall: A 90, B 85, C 85 (tie), D 80, E 70.
SURVEY = pd.DataFrame(
    [
        ("A", 2020, 100, 90.0, 95.0), ("B", 2020, 100, 85.0, 80.0), ("C", 2020, 100, 85.0, 75.0),
        ("D", 2020, 10_000, 80.0, 70.0), ("E", 2020, 100, 70.0, 90.0),
        ("A", 2019, 100, 88.0, 94.0), ("B", 2019, 100, 86.0, 81.0), ("C", 2019, 100, 84.0, 76.0),
        ("D", 2019, 10_000, 82.0, 71.0), ("E", 2019, 100, 60.0, 60.0),
    ],
    columns=["adcode", "year", "sample_size", "overall", "security"],
)
COUNTIES = pd.DataFrame({"adcode": list("ABCDE"), "county_zh": ["甲", "乙", "丙", "丁", "戊"],
                         "city_adcode": ["X", "X", "Y", "Y", "Y"], "city_zh": ["X市", "X市", "Y市", "Y市", "Y市"]})


def test_ties_share_the_best_rank_and_the_next_rank_is_skipped():
    ranking = s.county_ranking(SURVEY, COUNTIES, 2020)
    assert ranking["adcode"].tolist() == list("ABCDE")
    assert ranking["rank"].tolist() == [1, 2, 2, 4, 5]  # 1224: no county is 3rd
    assert ranking["county_zh"].tolist() == ["甲", "乙", "丙", "丁", "戊"]
    assert ranking.set_index("adcode").loc["C", "prev_rank"] == 3
    assert ranking.set_index("adcode").loc["C", "places_up"] == 1
    assert s.rank_counties(SURVEY, 2020)["rank"].tolist() == [1, 2, 2, 4, 5]  # the older helper agrees


@pytest.mark.parametrize("target,needed", [
    (1, 90.0),   # equal A's 90 and tie for first
    (2, 85.0),   # 85 ties B and C at rank 2
    (3, 85.0),   # there is no 3rd place: 84.99 would rank 4th behind A, B and C
    (4, 80.0),
    (5, None),   # four others: any score ranks 5th or better
])
def test_score_needed_for_a_target_rank_with_ties(target, needed):
    others = SURVEY.loc[(SURVEY["year"] == 2020) & (SURVEY["adcode"] != "E"), "overall"]
    assert s.score_needed(others, target) == needed
    if needed is not None:
        assert s.rank_if(others, needed) <= target < s.rank_if(others, needed - 0.01)


def test_rank_if_counts_the_higher_scores():
    others = pd.Series([90.0, 85.0, 85.0, 80.0])
    assert [s.rank_if(others, x) for x in (95, 90, 86, 85, 84.99, 10)] == [1, 1, 2, 2, 4, 5]


def test_interval_of_a_score_read_as_a_proportion():
    assert s.standard_error(80.0, 100) == pytest.approx(4.0)  # 100 * sqrt(0.8 * 0.2 / 100)
    assert s.half_width(80.0, 100) == pytest.approx(7.84)  # 1.96 * 4
    assert s.half_width(90.0, 400) == pytest.approx(2.94)  # 1.96 * 100 * sqrt(0.09 / 400) = 1.96 * 1.5
    assert s.half_width(100.0, 50) == 0.0
    # the change between 80 (n=100) and 90 (n=400): 1.96 * sqrt(4^2 + 1.5^2) = 1.96 * 4.272
    assert s.change_half_width(80.0, 100, 90.0, 400) == pytest.approx(1.96 * 18.25 ** 0.5)


def test_standing_with_interval_rank_range_noise_and_target():
    ranking = s.county_ranking(SURVEY, COUNTIES, 2020)
    b = s.standing(s.county_ranking(SURVEY, COUNTIES, 2020, target_rank=1), "B", target_rank=1)
    # 85 with n=100: se = 100 * sqrt(.85 * .15 / 100) = 3.571, half-width 7.0 -> 78.0 to 92.0
    assert (b.low, b.high) == pytest.approx((85 - 7.0, 85 + 7.0), abs=0.01)
    # the rank interval draws every county's score: B can pass A and C (se 3.0, 3.6) or fall below D (80, se 0.4)
    assert (b.best_rank, b.worst_rank) == (1, 4)
    assert b.target_chance is not None and 0.05 < b.target_chance < 0.5  # first place: B must beat A and C
    assert b.needed == 90.0 and b.gap == pytest.approx(5.0)
    assert s.standing(ranking, "B", target_rank=1).target_chance is None  # a table made for no target: not known
    assert (b.rank, b.previous_rank, b.places_up) == (2, 2, 0)
    # E: 60 -> 70 with n=100 both years: 10 points < 1.96 * sqrt(21 + 24) = 13.15: within the noise
    e = s.standing(ranking, "E", target_rank=4)
    assert e.score_change == pytest.approx(10.0) and e.noise == pytest.approx(13.148, abs=0.001)
    assert e.score_within_noise is True and e.within_noise is True  # and 5th both years
    assert e.gap == pytest.approx(10.0)  # needs D's 80
    # D: 82 -> 80 with n=10,000: 2 points > 1.96 * sqrt(.1476 + .16) = 1.087: a real change of score, not of rank
    d = s.standing(ranking, "D", target_rank=4)
    assert d.score_within_noise is False and d.previous_rank == d.rank == 4 and d.within_noise is True
    assert d.needed == 70.0 and d.gap == pytest.approx(-10.0)  # 4th best of A 90, B 85, C 85, E 70
    assert s.standing(ranking, "Z", 80) is None


def test_standing_in_a_first_year_has_no_change():
    ranking = s.county_ranking(SURVEY, COUNTIES, 2019)
    a = s.standing(ranking, "A", target_rank=80)
    assert a.previous_rank is None and a.within_noise is None and a.places_up is None
    assert a.needed is None and a.gap is None  # 80th place among 4 others: any score


def test_indicator_profile_against_province_and_top_group():
    profile = s.indicator_profile(SURVEY, "E", 2020, target_rank=2, indicators=["overall", "security"], top=2).set_index("indicator")
    overall, security = profile.loc["overall"], profile.loc["security"]
    assert overall["province_mean"] == pytest.approx(82.0)  # (90 + 85 + 85 + 80 + 70) / 5
    assert overall["top_mean"] == pytest.approx((90 + 85 + 85) / 3)  # ranks 1, 2, 2: ties at 2 included
    assert (overall["rank"], overall["places_up"], overall["needed"], overall["gap"]) == (5, 0, 85.0, 15.0)
    assert security["top_mean"] == pytest.approx((95 + 80 + 75) / 3)  # the same top counties, on security
    assert security["province_mean"] == pytest.approx(82.0)
    assert (security["rank"], security["previous_rank"], security["places_up"]) == (2, 5, 3)
    assert security["needed"] == 80.0 and security["gap"] == pytest.approx(-10.0)
    assert bool(security["within_noise"]) is False  # 5th to 2nd, 30 points up with se 3.0 and 4.9: beyond the noise
    assert s.rank_movers(profile.reset_index())["indicator"].tolist() == ["security", "overall"]


def test_rank_history_and_survey_years():
    history = s.rank_history(SURVEY, ["E", "C"], "overall")
    assert history.values.tolist() == [["C", 2019, 84.0, 3], ["C", 2020, 85.0, 2], ["E", 2019, 60.0, 5], ["E", 2020, 70.0, 5]]
    assert s.survey_years(SURVEY) == [2019, 2020]


def test_town_ranking_uses_the_same_rule():
    towns = pd.DataFrame({"town_code": pd.Categorical(["T1", "T2", "T3"] * 2), "year": [2020] * 3 + [2019] * 3,
                          "sample_size": [300] * 6, "overall": [90.0, 90.0, 80.0, 70.0, 90.0, 95.0],
                          "security": [1.0] * 6})
    ranking = s.town_ranking(towns, 2020)
    assert ranking["town_code"].tolist() == ["T1", "T2", "T3"]
    assert ranking["rank"].tolist() == [1, 1, 3]
    assert ranking["places_up"].tolist() == [2, 1, -2]  # T1 was 3rd, T2 2nd, T3 1st


def test_one_target_rank_for_the_satisfaction_page_and_the_overview():
    from lib.metrics import overview

    assert s.TOP_RANK_TARGET == 80  # the province's "top 80" mark
    assert overview.TOP_RANK_TARGET is s.TOP_RANK_TARGET
