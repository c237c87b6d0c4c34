from lib.formatting import fmt_change, fmt_count, fmt_pct, fmt_yuan
from lib.metrics.periods import Change


def test_yuan_in_wan_and_yi():
    assert fmt_yuan(12_600_000, "zh") == "1260万元"
    assert fmt_yuan(70_000_000, "zh") == "7000万元"
    assert fmt_yuan(250_000_000, "zh") == "2.5亿元"
    assert fmt_yuan(9_500, "zh") == "9,500元"
    assert fmt_yuan(12_600_000, "en") == "¥12.6 million"


def test_counts():
    assert fmt_count(6181, "zh") == "6,181"
    assert fmt_count(3_400_000, "zh") == "340万"
    assert fmt_count(3_400_000, "en") == "3,400,000"


def test_change_texts():
    assert fmt_change(Change(2780, 3278), 2019, "zh") == "-15.2% 较2019年"
    assert fmt_change(Change(2, 0), 2019, "en") == "new (0 in 2019)"
    assert fmt_change(Change(0, 0), 2019, "zh") == "±0 较2019年"
    assert fmt_change(Change(5, None), 2019, "zh") is None
    assert fmt_change(Change(42.3, 43.2), 2019, "zh", points=True) == "-0.9个百分点 较2019年"
    assert fmt_pct(94.1456) == "94.15%"


def test_context_figures_keep_their_units_and_qualifiers():
    from lib.viz.tables import fmt_indicator
    assert fmt_indicator(400_000, "元", "more_than", "zh") == "40余万元"
    assert fmt_indicator(600_000, "元/年", "exact", "zh") == "60万元/年"
    assert fmt_indicator(3_400_000, "条", "exact", "zh") == "340万条"
    assert fmt_indicator(351, "家", "exact", "zh") == "351家"
    assert fmt_indicator(400_000, "yuan", "more_than", "en") == "more than ¥400,000"
    assert fmt_indicator(float("nan"), "", "exact", "zh") == "是"


def test_join_list_uses_each_language_s_list_separator():
    from lib.formatting import join_list

    assert join_list(["苏祠街道", "太和镇"], "zh") == "苏祠街道、太和镇"
    assert join_list(iter(["Suci", "Taihe"]), "en") == "Suci, Taihe"
    assert join_list([], "zh") == ""
