from lib.formatting import fmt_count, fmt_pct, fmt_yuan, short_yuan, signed


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


def test_short_yuan_for_cards():
    assert short_yuan(70_184_335, "zh") == "7018万元"
    assert short_yuan(122_398_990, "zh") == "1.22亿元"
    assert short_yuan(70_184_335, "en") == "¥70.2M"
    assert short_yuan(9_500, "zh") == "9,500元"


def test_signs_and_percentages():
    assert signed(5.44, 1) == "+5.4" and signed(-3, 0) == "-3" and signed(0, 1) == "±0.0"
    assert signed(14.0, 1, trim=True) == "+14" and signed(-2.5, 1, trim=True) == "-2.5"
    assert fmt_pct(94.1456) == "94.15%" and fmt_pct(None) == "—"


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
