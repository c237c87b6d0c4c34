"""The demo history holds up: every overview figure moves plausibly year on year, 2016 to 2021 (to date), and a
larger move is either a few cases moving by chance or explained by a named event, which the page names."""
import pytest

from lib.audience import Audience
from lib.metrics.exact_test import LEVEL
from lib.metrics.overview import available_years, overview
from lib.metrics.swings import SWING_PCT
from lib.viz.overview import swing_lines

# The only moves beyond ±40% that are not a few cases moving by chance, and the events that explain them.
EXPLAINED_BY_EVENTS = {
    (2018, "gang_assets_yuan"): "anti_gang_campaign",  # 70万 to 520万 yuan
    (2019, "gang_assets_yuan"): "case_3_20",  # 520万 to 980万 yuan
}
DISTRICT = "511402"


@pytest.fixture(scope="module")
def years(bundle):
    return {year: overview(bundle, year, DISTRICT) for year in available_years(bundle)[1:]}


def test_the_overview_covers_every_year_with_a_year_before(years):
    assert list(years) == [2017, 2018, 2019, 2020, 2021]
    assert years[2021].is_year_to_date and not years[2020].is_year_to_date


def test_every_figure_moves_within_40_percent_or_is_explained(years):
    explained = {}
    for year, fig in years.items():
        for key, change in fig.changes().items():
            assert change.previous is not None, (year, key)
            within = change.pct is not None and abs(change.pct) <= SWING_PCT or change.current == change.previous
            if within:
                assert key not in fig.swings
                continue
            swing = fig.swings[key]
            if swing.p is not None and swing.p >= LEVEL:
                continue  # a few cases: 2 cold cases after 1 is +100% and nothing
            assert not swing.events.empty, (year, key, change)
            explained[(year, key)] = list(swing.events["event_id"])
    assert {k: EXPLAINED_BY_EVENTS[k] in v for k, v in explained.items()} == dict.fromkeys(EXPLAINED_BY_EVENTS, True)


def test_the_rank_climbs_steadily(years):
    ranks = [fig.rank.rank for year, fig in years.items() if not fig.is_year_to_date]
    previous = [fig.rank.previous for year, fig in years.items() if not fig.is_year_to_date]
    assert all(abs(now - before) / before <= SWING_PCT / 100 for now, before in zip(ranks, previous))


@pytest.mark.parametrize("year, key, words", [
    (2018, "gang_assets_yuan", "扫黑除恶专项斗争启动(2018-01-24)"),
    (2019, "gang_assets_yuan", "“3.20”黑社会性质组织案(2019-03-20)"),
    (2020, "cold_case_fugitives", "数量小,属随机波动(精确检验 p = 0.68)"),
])
def test_each_large_move_is_annotated_on_the_page(years, year, key, words):
    fig = years[year]
    lines = swing_lines(fig, [key], Audience.internal("zh"))
    assert len(lines) == 1 and words in lines[0]
