"""The overview of now: the year to date against the same days a year earlier, the headline band with its trend
lines, and one meaning per colour."""
from datetime import date

import pytest

from lib.audience import Audience
from lib.metrics.overview import available_years, overview, period_of
from lib.metrics.periods import Comparison
from lib.viz import overview as ov

ZH, EN = Audience.internal("zh"), Audience.internal("en")


@pytest.fixture(scope="module")
def now(bundle):
    return overview(bundle, 2021, "511402")


@pytest.fixture(scope="module")
def last_year(bundle):
    return overview(bundle, 2020, "511402")


def test_the_running_year_is_the_year_to_date_against_the_same_days(bundle, now):
    assert available_years(bundle)[-1] == 2021
    assert now.period == Comparison(date(2021, 1, 1), date(2021, 3, 11))
    assert (now.period.prior_start, now.period.prior_end) == (date(2020, 1, 1), date(2020, 3, 11))
    assert period_of(2020, date(2021, 3, 11)) == Comparison.calendar_year(2020)
    assert period_of(2020, date(2020, 12, 31)) == Comparison.calendar_year(2020)  # a year that just ended is whole
    assert ov.heading(now, ZH) == "2021年平安建设总览(截至3月11日)"
    assert ov.heading(now, EN) == "Public safety overview, 2021 to 11 Mar"
    assert "与2020年同期(1月1日—3月11日)比较" in ov.period_note(now, ZH)
    assert ov.year_label(2021, [2020, 2021], date(2021, 3, 11), ZH) == "2021(年初至今)"


def test_the_headline_band_answers_how_we_are_doing(now):
    cards = ov.headline_cards(now, ZH)
    assert [c.label for c in cards] == ["满意度排名(2020年测评)", "刑事治安案件", "破案率", "排查非涉稳矛盾纠纷",
                                        "巡逻制止街面违法犯罪"]
    assert [c.value for c in cards] == ["第76名", "1,122起", "34.0%", "480件", "20起"]
    # +5.7% is within the noise (E-test p = 0.19), as the summary says: an arrow, but no red
    assert cards[1].delta == "+5.7% 较上年同期" and (cards[1].arrow, cards[1].tone) == ("up", "neutral")
    assert cards[2].tone == "good" and cards[3].tone == "good"  # solved rate up, disputes down
    # each trend is the same days of every year with data, ending with the card's two figures
    incidents = cards[1].trend
    assert len(incidents) == 6 and incidents[-2:] == (now.incidents.previous, now.incidents.current)
    assert cards[0].trend == (-131.0, -118.0, -104.0, -93.0, -76.0)  # the rank drawn upwards as it improves
    assert all(card.trend for card in cards)


def test_the_public_copy_draws_no_trend_line_through_a_small_count(now):
    from dataclasses import replace
    few = replace(now, trends={**now.trends, "patrol_stops": (4.0, 2.0, 5.0)})
    public = {c.label: c for c in ov.headline_cards(few, Audience.public_copy("zh"))}
    assert public["巡逻制止街面违法犯罪"].trend is None and public["刑事治安案件"].trend == now.trends["incidents"]
    assert {c.label: c for c in ov.headline_cards(few, ZH)}["巡逻制止街面违法犯罪"].trend == (4.0, 2.0, 5.0)


def test_the_rank_is_coloured_only_beyond_the_noise_as_on_the_satisfaction_page(last_year):
    rank = ov.rank_card(last_year, ZH)
    assert (rank.value, rank.delta) == ("第76名", "+17位 较2019年第93名")
    assert last_year.standing.within_noise and (rank.arrow, rank.tone) == ("up", "neutral")
    assert "名次95%区间 第37–120名" in rank.help and "2020年首次进入全省前80名" in rank.help


def test_vice_cases_are_never_green_on_one_card_and_red_on_the_next(last_year):
    groups = {c.label: c for c in ov.group_cards(last_year, ZH)}
    results = {key: ov.result_card(last_year, key, ZH) for key in ov.CRACKDOWN}
    assert groups["黄赌"].value == results["vice_cases"].value == "216起"
    assert groups["黄赌"].tone == "neutral" and groups["涉黑涉恶"].tone == "neutral"
    assert groups["侵财"].tone == "bad"  # 4,522 against 4,290 (+5.4%, beyond chance): more property crime is bad news
    assert groups["暴力"].tone == "neutral" and groups["暴力"].arrow == "up"  # 494 against 455: within the noise


def test_a_change_that_is_no_change_has_no_arrow(now):
    judged = ov.result_card(now, "gang_cases_judged", ZH)
    assert (judged.value, judged.delta, judged.arrow, judged.tone) == ("0件", "±0 较上年同期", None, "neutral")


def test_the_assistants_card_counts_since_the_last_year_end(now, last_year):
    for fig in (now, last_year):
        card = ov.assistants_card(fig, ZH)
        assert (card.value, card.delta, card.arrow) == ("97 / 245", "+30 较2020-12-31", "up")
        assert "2020-12-31 为 67 个" in ov.assistants_note(fig, ZH)


def test_the_channel_table_names_its_periods(now, last_year):
    assert ov.period_names(now, ZH) == ("本期成功率", "上年同期成功率")
    assert ov.period_names(last_year, EN) == ("Success rate 2020", "Success rate 2019")


def test_the_rankings_kept_once_give_the_overview_of_every_year_as_computed_alone(bundle):
    from lib.data.case_facts import case_facts_of
    from lib.metrics.overview import province_rankings

    rankings, facts = province_rankings(bundle), case_facts_of(bundle["incidents"])
    for year in available_years(bundle):
        kept, alone = overview(bundle, year, "511402", facts, rankings), overview(bundle, year, "511402")
        assert (kept.rank, kept.standing, kept.trends, kept.incidents, kept.results) == \
            (alone.rank, alone.standing, alone.trends, alone.incidents, alone.results)
