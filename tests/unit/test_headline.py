"""Headline cards: one change formatter, values withheld for the public copy, colours from the measure's declaration."""
import pytest

from lib.audience import Audience
from lib.headline import Kpi, Measure, Versus, change_text, kpi
from lib.measures import MEASURES, measure
from lib.metrics.periods import Change

ZH, EN, PUBLIC = Audience.internal("zh"), Audience.internal("en"), Audience.public_copy("zh")


@pytest.mark.parametrize("change, versus, kind, audience, text", [
    (Change(2780, 3278), Versus(2019), "pct", ZH, "-15.2% 较2019年"),
    (Change(2, 0), Versus(2019), "pct", EN, "new (0 in 2019)"),
    (Change(3, 0), Versus(), "pct", ZH, "新增(上年同期为0)"),
    (Change(0, 0), Versus(2019), "pct", ZH, "±0 较2019年"),
    (Change(15, 10), Versus(), "pct", EN, "+50.0% vs a year earlier"),
    (Change(42.3, 43.2), Versus(2019), "points", ZH, "-0.9个百分点 较2019年"),
    (Change(40.5, 42.9), Versus(), "points", EN, "-2.4 pts vs a year earlier"),
    (Change(14.0, 14.0), Versus(2019), "days", ZH, "±0天 较2019年"),
    (Change(16.5, 14.0), Versus(), "days", EN, "+2.5 days vs a year earlier"),
    (Change(5, None), Versus(2019), "pct", ZH, None),  # no earlier figure: no change shown
])
def test_one_change_formatter(change, versus, kind, audience, text):
    assert change_text(change, versus, audience, kind=kind) == text


def test_the_public_copy_withholds_changes_of_and_on_small_counts():
    assert change_text(Change(10, 12), Versus(2019), PUBLIC) == "-16.7% 较2019年"
    assert change_text(Change(2, 12), Versus(2019), PUBLIC) is None
    assert change_text(Change(12, 0), Versus(2019), PUBLIC) is None
    rate = Change(40.0, 50.0)
    assert change_text(rate, Versus(2019), PUBLIC, kind="points", basis=Change(5, 2)) is None  # built on 2 cases
    assert change_text(Change(2, 12), Versus(2019), ZH) == "-83.3% 较2019年"


def test_a_count_card_and_its_colour():
    card = kpi(measure("incidents", "案件数", ZH), Change(6181, 6500), ZH, Versus(2019))
    assert card == Kpi("案件数", "6,181起", "-4.9% 较2019年", None, "down", direction="down")
    assert (card.arrow, card.tone) == ("down", "good")
    small = kpi(measure("incidents", "案件数", PUBLIC), Change(2, 9), PUBLIC, Versus(2019))
    assert (small.value, small.delta) == ("<3起", None)


def test_figures_built_on_a_count_follow_it_in_the_public_copy():
    cases = Change(2, 40)
    money = kpi(measure("recovered_yuan", "挽回损失", PUBLIC), Change(70_000_000, 2_000_000), PUBLIC, Versus(2019),
                basis=cases)
    assert (money.value, money.delta, money.good) == ("—", None, "up")
    share = kpi(measure("solved_rate", "破案率", PUBLIC), Change(50.0, 40.0), PUBLIC, Versus(2019), basis=Change(10, 10))
    assert (share.value, share.delta) == ("50.0%", "+10.0个百分点 较2019年")
    few = kpi(measure("solved_rate", "破案率", PUBLIC), Change(20.0, 40.0), PUBLIC, Versus(2019), basis=Change(10, 10))
    assert few.value == "—"  # 2 of 10 solved: the part is small
    with pytest.raises(ValueError):
        kpi(Measure("x", "money", "up"), Change(1, 1), ZH, Versus(2019))  # a money card must name its count


@pytest.mark.parametrize("card, arrow, tone", [
    (Kpi("x", "1", "+3.0% 较2019年", good="down", direction="up"), "up", "bad"),
    (Kpi("x", "1", "-3.0% 较2019年", good="up", direction="down"), "down", "bad"),
    (Kpi("x", "1", "±0天 较2019年", good="down", direction="flat"), None, "neutral"),  # no change: no arrow, no colour
    (Kpi("x", "1", "+3", good="up", direction="up", is_change=False), None, "neutral"),  # a note: no arrow
    (Kpi("x", "1", "8 / 20个", good="up"), None, "neutral"),  # a line without a direction is not a change
    (Kpi("x", "216起", "+5.3% 较2019年", good="neither", direction="up"), "up", "neutral"),
])
def test_arrows_follow_the_change_and_colours_its_declared_direction(card, arrow, tone):
    assert (card.arrow, card.tone) == (arrow, tone)


def test_zero_change_cards_have_no_arrow():
    card = kpi(measure("close_days", "办结天数", ZH), Change(14.0, 14.0), ZH, Versus(2019), basis=Change(40, 40))
    assert (card.delta, card.arrow, card.tone) == ("±0天 较2019年", None, "neutral")


def test_vice_cases_have_one_meaning_as_incidents_and_as_results():
    from lib.measures import incidents_key
    assert incidents_key(["vice"]) == "incidents_found" and incidents_key(["gang", "drugs"]) == "incidents_found"
    assert incidents_key(["vice", "burglary"]) == "incidents" and incidents_key([]) == "incidents"
    as_incidents = kpi(measure(incidents_key(["vice"]), "黄赌", ZH), Change(216, 300), ZH, Versus(2019))
    as_results = kpi(measure("vice_cases", "破获黄赌案件", ZH), Change(216, 300), ZH, Versus(2019))
    assert as_incidents.tone == "neutral" and as_results.tone == "bad"  # never green on one card and red on the next


def test_every_measure_declares_its_good_direction():
    assert all(spec.good in ("up", "down", "neither") for spec in MEASURES.values())
    assert MEASURES["incidents"].good == "down" and MEASURES["recovered_yuan"].good == "up"


def test_a_count_change_within_the_noise_keeps_its_arrow_but_not_a_colour():
    # 1,122 against 1,061 (+5.7%): E-test p = 0.19, the summary says "no clear change", so no red card beside it
    card = kpi(measure("incidents", "案件数", ZH), Change(1122, 1061), ZH, Versus())
    assert (card.arrow, card.tone, card.within_noise) == ("up", "neutral", True)
    assert kpi(measure("incidents", "案件数", ZH), Change(6, 0), ZH, Versus()).tone == "bad"  # p = 0.01
    assert kpi(measure("incidents", "案件数", ZH), Change(2, 0), ZH, Versus()).tone == "neutral"  # p = 0.20
    rate = kpi(measure("solved_rate", "破案率", ZH), Change(34.0, 31.4), ZH, Versus(), basis=Change(1122, 1061))
    assert rate.tone == "good"  # not a count: coloured by its declared direction


def test_a_rate_per_head_follows_the_noise_of_the_count_it_is_built_on():
    incidents = Change(212, 193)  # +9.8%: E-test p = 0.35
    rate = kpi(measure("incident_rate", "每万人案件数", ZH), Change(17.3, 15.8), ZH, Versus(), basis=incidents)
    assert (rate.arrow, rate.tone) == ("up", "neutral")
    more = kpi(measure("incident_rate", "每万人案件数", ZH), Change(17.3, 12.0), ZH, Versus(), basis=Change(212, 147))
    assert more.tone == "bad"
