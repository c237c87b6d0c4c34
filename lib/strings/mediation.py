"""Strings of the dispute-mediation page (矛盾纠纷化解)."""
from lib.i18n import Lang

STRINGS: dict[str, dict[Lang, str]] = {
    "page.mediation": {"zh": "矛盾纠纷化解", "en": "Dispute mediation"},
    "med.heading": {"zh": "矛盾纠纷化解 · {period}", "en": "Dispute mediation · {period}"},
    "med.period_year": {"zh": "{year}年", "en": "{year}"},
    "med.period_range": {"zh": "{start} 至 {end}", "en": "{start} to {end}"},
    # filters
    "med.filter_period": {"zh": "统计时段(按受理日期)", "en": "Period (by date received)"},
    "med.filter_towns": {"zh": "镇(街道)", "en": "Towns"},
    "med.filter_types": {"zh": "纠纷类别", "en": "Dispute types"},
    "med.filter_channels": {"zh": "化解渠道", "en": "Mediation channels"},
    "med.period_note": {
        "zh": "统计时段 {start} 至 {end},与上年同期({prior_start} 至 {prior_end})比较。纠纷按受理日期计;"
        "调解成功率 = 调解成功件数 ÷ 受理件数(办理中的纠纷计入受理)。",
        "en": "Period {start} to {end}, compared with the same dates a year earlier ({prior_start} to {prior_end}). "
        "Disputes count by the day received; success rate = settled ÷ received (open disputes count as received).",
    },
    "med.filtered_note": {"zh": "已按筛选条件限定:{filters}", "en": "Filtered: {filters}"},
    # headline cards
    "med.kpi_screened": {"zh": "排查矛盾纠纷", "en": "Disputes screened"},
    "med.kpi_rate": {"zh": "调解成功率", "en": "Success rate"},
    "med.kpi_rate_help": {"zh": "调解成功 {settled} 件 ÷ 受理 {received} 件", "en": "{settled} settled of {received} received"},
    "med.kpi_median": {"zh": "办结用时(中位数)", "en": "Days to close (median)"},
    "med.kpi_p90": {"zh": "办结用时(90%分位)", "en": "Days to close (90th percentile)"},
    "med.kpi_close_help": {
        "zh": "受理至办结的天数(当日办结计0天),只计本时段受理、截至数据日期已办结的 {closed} 件;另有 {not_closed} 件尚未办结。",
        "en": "Days from received to closed (closed the same day = 0), over the {closed} disputes received in the period "
        "and closed by the data's date; {not_closed} are not closed yet.",
    },
    "med.kpi_backlog": {"zh": "期末未办结", "en": "Open at period end"},
    "med.kpi_backlog_help": {
        "zh": "截至 {day}:此前受理、当日仍未办结的纠纷(不论何时受理)。",
        "en": "On {day}: disputes received by then and not yet closed (whenever received).",
    },
    "med.kpi_overdue": {"zh": "其中超过化解时限", "en": "Of which past the time limit"},
    "med.kpi_overdue_help": {"zh": "截至 {day} 仍未办结且已过化解时限的纠纷。", "en": "Open on {day} with the time limit already past."},
    # sections
    "med.section_trend": {"zh": "纠纷排查趋势", "en": "Disputes screened over time"},
    "med.section_breakdown": {"zh": "按纠纷类别与镇(街道)", "en": "By dispute type and by town"},
    "med.section_channels": {"zh": "化解渠道与调解成功率", "en": "Channels and their success rates"},
    "med.section_overdue": {"zh": "超期未化解纠纷季度清单(清单制+责任制)", "en": "Quarterly list of overdue disputes by town"},
    # charts
    "med.chart_yearly": {"zh": "历年受理纠纷(完整年度)", "en": "Disputes received per full year"},
    "med.chart_monthly": {"zh": "逐月受理:本期与上年同期", "en": "Received per month: this period and a year earlier"},
    "med.chart_types": {"zh": "各类纠纷受理件数", "en": "Disputes received by type"},
    "med.chart_towns": {"zh": "每万常住人口受理纠纷", "en": "Disputes received per 10,000 residents"},
    "med.chart_channels": {"zh": "各渠道调解成功率(细线为95%区间)", "en": "Success rate by channel (line: 95% interval)"},
    "med.series_current": {"zh": "本期", "en": "This period"},
    "med.series_prior": {"zh": "上年同期", "en": "A year earlier"},
    "med.axis_count": {"zh": "件数", "en": "Disputes"},
    "med.axis_rate": {"zh": "调解成功率(%)", "en": "Success rate (%)"},
    "med.axis_per_10k": {"zh": "每万人件数", "en": "Per 10,000 residents"},
    "med.channel_label": {"zh": "{channel}<br>受理{received}件", "en": "{channel}<br>{received} received"},
    "med.channel_text": {"zh": "{rate}({settled}/{received})", "en": "{rate} ({settled}/{received})"},
    "med.town_text": {"zh": "{rate}({received}件)", "en": "{rate} ({received})"},
    "med.type_text": {"zh": "{received}件 {change}", "en": "{received} {change}"},
    "med.hover_interval": {"zh": "95%区间", "en": "95% interval"},
    "med.yearly_note": {
        "zh": "历年图只含完整年度,不受时段筛选影响(镇、类别、渠道筛选适用)。",
        "en": "Full years only; the period filter does not apply here (town, type and channel filters do).",
    },
    "med.town_note": {
        "zh": "每万人 = 本时段受理件数 ÷ 常住人口 × 10000,未按时段长短折算。",
        "en": "Per 10,000 = disputes received in the period ÷ residents × 10,000, not scaled to a year.",
    },
    "med.channel_note": {
        "zh": "横条为调解成功率,细线为95%置信区间(Wilson法)。受理件数越少,区间越宽,成功率越不宜细比。"
        "点击横条、镇(街道)或类别可按其筛选。",
        "en": "Bars: success rate; lines: 95% confidence interval (Wilson). The fewer disputes received, the wider "
        "the interval and the less a rate should be read into. Click a bar, town or type to filter by it.",
    },
    # tables
    "med.col_channel": {"zh": "化解渠道", "en": "Channel"},
    "med.col_received": {"zh": "受理(件)", "en": "Received"},
    "med.col_settled": {"zh": "调解成功(件)", "en": "Settled"},
    "med.col_failed": {"zh": "调解不成(件)", "en": "Not settled"},
    "med.col_open": {"zh": "办理中(件)", "en": "Open"},
    "med.col_rate": {"zh": "成功率", "en": "Success rate"},
    "med.col_interval": {"zh": "95%区间", "en": "95% interval"},
    "med.col_type": {"zh": "纠纷类别", "en": "Dispute type"},
    "med.col_prior": {"zh": "上年同期(件)", "en": "A year earlier"},
    "med.col_change": {"zh": "同比", "en": "Change"},
    "med.col_share": {"zh": "占比", "en": "Share"},
    "med.col_town": {"zh": "镇(街道)", "en": "Town"},
    "med.col_population": {"zh": "常住人口", "en": "Residents"},
    "med.col_per_10k": {"zh": "每万人", "en": "Per 10,000"},
    "med.col_prior_per_10k": {"zh": "上年同期每万人", "en": "Per 10,000 a year earlier"},
    "med.col_quarter": {"zh": "季度", "en": "Quarter"},
    "med.col_as_at": {"zh": "清单截至", "en": "Listed on"},
    "med.col_days_overdue": {"zh": "超期天数", "en": "Days overdue"},
    "med.col_outcome_now": {"zh": "目前调处结果", "en": "Outcome now"},
    "med.col_total": {"zh": "合计", "en": "Total"},
    "med.quarter": {"zh": "{year}年第{quarter}季度", "en": "{year} Q{quarter}"},
    "med.table_types": {"zh": "各类纠纷受理件数与同比", "en": "Disputes received by type, with the change"},
    "med.table_towns": {"zh": "各镇(街道)受理纠纷与每万人件数", "en": "Disputes received by town, per 10,000 residents"},
    "med.table_channels": {"zh": "各渠道受理与调解结果", "en": "Disputes received and their outcome by channel"},
    # the overdue list
    "med.overdue_note": {
        "zh": "每季度末(时段在季度中结束时为时段末)仍未办结、且已过化解时限的纠纷,按镇(街道)逐件列出,"
        "供逐件落实责任。同一纠纷跨季度仍未化解,会在每个季度的清单中出现。",
        "en": "Disputes still open at each quarter's end (or the period's end, within a quarter) and past their time "
        "limit, listed one by one per town so each has an owner. A dispute still open a quarter later is listed again.",
    },
    "med.overdue_counts": {"zh": "各镇(街道)季度末超期未化解件数", "en": "Overdue disputes per town at each quarter's end"},
    "med.overdue_detail": {"zh": "逐件清单({rows}条)", "en": "The list, one row per dispute and quarter ({rows} rows)"},
    "med.overdue_none": {"zh": "所选时段各季度末都没有超期未化解的纠纷。", "en": "No dispute was open past its time limit at any quarter's end of the period."},
}
