"""The written summary: how a change is worded (rise, fall, noise, zeros, suppressed counts), and the 2020 overview
stating the published figures in sentences."""
from __future__ import annotations

import pytest

from lib.audience import Audience
from lib.headline import Versus
from lib.metrics.overview import overview
from lib.metrics.periods import Change
from lib.summary.crime import scope_words
from lib.summary.overview import overview_summary
from lib.summary.wording import change_words, clause, count_words, reading

ZH, EN, PUBLIC = Audience.internal("zh"), Audience.internal("en"), Audience.public_copy("zh")
YEAR = Versus(2019)


def test_the_summary_calls_a_change_real_by_the_same_exact_test_as_the_compstat_marks():
    assert reading(Change(12, 5)) == "noise"  # E-test p = 0.097
    assert reading(Change(2780, 3278)) == "fall"  # the published fall of disputes, 15.2%
    assert reading(Change(4, 0)) == "from_zero" and reading(Change(3, 0)) == "from_zero_noise"  # p = 0.041, 0.088
    assert reading(Change(0, 4)) == "fall" and reading(Change(0, 3)) == "noise"
    assert reading(Change(0, 0)) == "both_zero" and reading(Change(7, 7)) == "same"
    # the same daily rate over a period twice as long is no rise at all
    assert reading(Change(20, 10), exposure_ratio=2.0) == "noise" and reading(Change(20, 10)) == "noise"
    assert reading(Change(30, 10), exposure_ratio=1.0) == "rise"


@pytest.mark.parametrize("change, zh, en", [
    (Change(2780, 3278), "较2019年下降15.2%", "down 15.2% on 2019"),
    (Change(6165, 5934), "较2019年上升3.9%", "up 3.9% on 2019"),
    (Change(494, 455), "较2019年变化+8.6%,在正常波动范围内,无明显升降",
     "no clear change on 2019 (+8.6%, within normal variation)"),
    (Change(12, 5), "较2019年变化+140.0%,在正常波动范围内,无明显升降",
     "no clear change on 2019 (+140.0%, within normal variation)"),
    (Change(40, 40), "与2019年持平", "the same as in 2019"),
    (Change(0, 0), "与2019年均为零", "none, as in 2019"),
    (Change(9, 0), "2019年为零,增加明显", "none in 2019: a clear rise"),
    (Change(3, 0), "2019年为零,增加在正常波动范围内", "none in 2019; the rise is within normal variation"),
    (Change(0, 9), "较2019年下降100.0%", "down 100.0% on 2019"),
    (Change(0, 3), "较2019年变化-100.0%,在正常波动范围内,无明显升降",
     "no clear change on 2019 (-100.0%, within normal variation)"),
])
def test_a_change_is_worded_by_its_significance(change, zh, en):
    assert change_words(change, ZH, YEAR) == zh
    assert change_words(change, EN, YEAR) == en


def test_a_change_within_the_noise_is_never_called_a_rise_or_a_fall():
    for current, prior in [(494, 455), (12, 5), (7, 12), (15, 26), (100, 90), (3, 0), (0, 3)]:
        words = change_words(Change(current, prior), ZH, YEAR)
        assert "上升" not in words and "下降" not in words, words
        assert reading(Change(current, prior)) in ("noise", "from_zero_noise")


def test_a_period_is_compared_with_the_same_dates_a_year_earlier():
    assert change_words(Change(2780, 3278), ZH, Versus()) == "较上年同期下降15.2%"
    assert change_words(Change(2780, 3278), EN, Versus()) == "down 15.2% on the same period a year earlier"


def test_no_change_is_stated_without_a_prior_figure_or_on_a_suppressed_count():
    assert change_words(Change(40, None), ZH, YEAR) is None
    assert change_words(Change(2, 40), PUBLIC, YEAR) is None  # "<3" now
    assert change_words(Change(40, 1), PUBLIC, YEAR) is None  # "<3" a year earlier
    assert change_words(Change(2, 40), ZH, YEAR) == "较2019年下降95.0%"  # the internal copy states it
    assert clause(None, ZH) == "" and clause("较2019年下降15.2%", ZH) == ",较2019年下降15.2%"
    assert clause("down 15.2% on 2019", EN) == ", down 15.2% on 2019"


def test_counts_are_stated_as_the_audience_may_see_them():
    assert count_words(2780, ZH, "unit.item") == "2,780件"
    assert count_words(2, PUBLIC, "unit.item") == "<3件"
    assert count_words(0, PUBLIC, "unit.item") == "<3件"
    assert count_words(2, ZH, "unit.item") == "2件"


def test_the_scope_names_the_chosen_filters_or_the_whole_district():
    assert scope_words([[], []], ZH) == "全区"
    assert scope_words([["苏祠街道", "太和镇"], [], ["暴力"]], ZH) == "所选范围(苏祠街道、太和镇;暴力)"


@pytest.fixture(scope="module")
def figures_2020(bundle):
    return overview(bundle, 2020, "511402")


def test_the_2020_overview_states_the_published_figures(figures_2020):
    text = "\n".join(overview_summary(figures_2020, "东坡区", ZH))
    for published in ("2020年,东坡区在全省183个县(市、区)平安建设群众满意度测评中列第76名,较上年上升17位(名次变化在抽样误差范围内),"
                      "首次进入全省前80名。",
                      "全年排查非涉稳矛盾纠纷2,780件,较2019年下降15.2%。",
                      "诉前委派调成576件,调解成功率61.02%", "公调对接调成595件,调解成功率94.15%",
                      "个人调解室调成49件,调解成功率75.38%",
                      "打掉侵财犯罪团伙28个,抓获侵财犯罪嫌疑人470人", "破获“黄赌”违法犯罪案件216起,打掉团伙21个,抓获违法犯罪人员810人",
                      "挽回各类财产损失7000万元", "判决涉恶案件2件,抓获涉黑涉恶犯罪嫌疑人32人,批准逮捕12人,查扣涉案资产1260万元",
                      "巡逻防控及时制止街面违法犯罪123起,抓获各类逃犯14名。",
                      "截至2021-03-11,97个村(社区)已选配警务助理(共245个),计划于2021-05-31前全部选配。"):
        assert published in text, published
    # incidents rose beyond chance (6,165 against 5,934: p = 0.037); of the types only property crime did
    solved = f"{figures_2020.solved_rate.current:.1f}%"  # the overview's own solved rate (not a published figure)
    assert f"全区共发生刑事治安案件6,165起,较2019年上升3.9%;破案率{solved}。" in text
    assert "分类别看,侵财案件4,522起,较2019年上升5.4%。" in text
    assert "暴力" not in text  # 494 against 455 is within the noise: not named


def test_the_2020_overview_in_english(figures_2020):
    text = "\n".join(overview_summary(figures_2020, "Dongpo District", EN))
    assert "2,780 disputes were screened, down 15.2% on 2019." in text
    assert "In 2020, Dongpo District ranked 76 of the province's 183 counties" in text
    assert "Patrols stopped 123 street crimes and caught 14 fugitives." in text


def test_the_public_summary_withholds_small_counts_and_what_is_built_on_them(figures_2020):
    text = "\n".join(overview_summary(figures_2020, "东坡区", PUBLIC))
    assert "判决涉恶案件<3件" in text
    assert "1260万元" not in text  # assets seized over 2 judged cases: withheld
    assert "2,780件,较2019年下降15.2%" in text  # large counts and their changes stay


def standing(score_change: float | None, within_noise: bool | None, needed: float | None):
    """A standing whose score change is (or is not) within the noise; its rank change is beyond the noise."""
    from lib.metrics.satisfaction import Standing
    return Standing(score=89.66, sample_size=1200, low=88.9, high=90.4, rank=76, counties=183, best_rank=35,
                    worst_rank=122, previous_rank=93, score_change=score_change, noise=1.21,
                    score_within_noise=within_noise, gain_low=5, gain_high=30, within_noise=False, target_rank=80,
                    target_chance=0.6, needed=needed)


def test_the_satisfaction_summary_words_a_score_change_by_the_survey_margin():
    from lib.summary.satisfaction import satisfaction_summary
    noise = satisfaction_summary(standing(0.8, True, 89.5), 2020, "东坡区", "总体满意度", ZH)
    assert noise == ["2020年,东坡区总体满意度得分89.66分,在全省183个县(市、区)中列第76名,较上年上升17位。",
                     "得分较上年变化+0.80分,在抽样误差范围内(±1.21分)。", "已达到全省前80名的目标。"]
    real = satisfaction_summary(standing(-2.5, False, 90.1), 2020, "东坡区", "总体满意度", ZH)
    assert real[1] == "得分较上年降低2.50分,超出抽样误差(±1.21分)。"
    assert real[2] == "距全省前80名还差0.44分(需90.10分)。"
    assert satisfaction_summary(standing(None, None, None), 2020, "东坡区", "总体满意度", ZH)[1:] == []
