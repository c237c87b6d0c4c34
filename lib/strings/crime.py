"""Strings of the crime-trends page (犯罪趋势)."""
from lib.i18n import Lang

STRINGS: dict[str, dict[Lang, str]] = {
    "page.crime": {"zh": "犯罪趋势", "en": "Crime trends"},
    "cr.intro": {"zh": "哪些案件类别在上升或下降、发生在哪里、变化是真实趋势还是偶然波动。",
                 "en": "Which crime types are rising or falling, where, and whether a change is real or noise."},
    "cr.period_caption": {
        "zh": "统计期 {start} 至 {end},对比去年同期 {prior_start} 至 {prior_end}。案件按立案时间计。",
        "en": "Period {start} to {end}, against the same dates a year earlier ({prior_start} to {prior_end}). "
              "Incidents count by the day reported.",
    },
    # filters
    "cr.period": {"zh": "统计期", "en": "Period"},
    "cr.town": {"zh": "镇(街道)", "en": "Towns"},
    "cr.crime_group": {"zh": "案件大类", "en": "Crime groups"},
    "cr.crime_type": {"zh": "案件类别", "en": "Crime types"},
    "cr.grain": {"zh": "时间粒度", "en": "Granularity"},
    "cr.grain_day": {"zh": "日", "en": "Day"},
    "cr.grain_week": {"zh": "周", "en": "Week"},
    "cr.grain_month": {"zh": "月", "en": "Month"},
    "cr.layout": {"zh": "图形", "en": "Chart layout"},
    "cr.layout_stacked": {"zh": "堆叠", "en": "Stacked"},
    "cr.layout_multiples": {"zh": "分类小图", "en": "Small multiples"},
    # headline figures
    "cr.kpi_incidents": {"zh": "案件数", "en": "Incidents"},
    "cr.kpi_rate": {"zh": "每万人案件数", "en": "Per 10,000 residents"},
    "cr.kpi_solved_rate": {"zh": "破案率", "en": "Solved rate"},
    "cr.kpi_loss": {"zh": "损失金额", "en": "Losses"},
    "cr.kpi_recovered": {"zh": "挽回损失", "en": "Recovered"},
    "cr.delta_help": {"zh": "同比:与去年同期({prior_start} 至 {prior_end})比较", "en": "y/y: against the same dates a year earlier ({prior_start} to {prior_end})"},
    "cr.solved_help": {"zh": "本期立案的案件中,截至数据日期已破案(含已判决)的比例",
                       "en": "Share of the period's incidents solved (or judged) by the as-of date"},
    "cr.rate_help": {"zh": "本期案件数 ÷ 所选镇(街道)常住人口 × 10000(未折算为年率)",
                     "en": "The period's incidents ÷ residents of the chosen towns × 10,000 (not annualised)"},
    # trends
    "cr.section_trend": {"zh": "各类案件走势", "en": "Trends by crime type"},
    "cr.trend_note": {
        "zh": "柱或实线为本期,虚线为去年同期(按日、周时前推52周以对齐星期,按月时为上年同月)。"
              "竖线标注大案要案与专项行动。点击图中的柱或线,可把案件类别筛选为该类。",
        "en": "Bars or solid lines: this period; dashed: a year earlier (52 weeks back for days and weeks, so weekdays "
              "line up; the same month a year back for months). Vertical lines mark named cases and campaigns. "
              "Click a bar or line to filter to that crime type.",
    },
    "cr.prior": {"zh": "去年同期", "en": "A year earlier"},
    "cr.prior_total": {"zh": "去年同期合计", "en": "A year earlier, all chosen types"},
    "cr.axis_count": {"zh": "案件数(起)", "en": "Incidents"},
    "cr.events_listed": {"zh": "图中竖线编号:{events}", "en": "Numbered lines on the chart: {events}"},
    # CompStat
    "cr.section_compstat": {"zh": "同比研判(CompStat)", "en": "Period comparison (CompStat)"},
    "cr.compstat_note": {
        "zh": "截至数据日期 {as_of}。本周 {week};近28天 {d28};年初至今 {ytd}。周从周一开始,本周与52周前的同一周比较,"
              "其余与上年相同日期比较。此表不受“统计期”筛选影响,受镇(街道)和案件类别筛选影响。点击列名可排序。",
        "en": "Up to the as-of date {as_of}. This week {week}; last 28 days {d28}; year to date {ytd}. Weeks start on "
              "Monday; this week is set against the same week 52 weeks earlier, the others against the same dates a year "
              "earlier. The period filter does not apply here; the town and crime-type filters do. Click a header to sort.",
    },
    "cr.window_week": {"zh": "本周", "en": "This week"},
    "cr.window_d28": {"zh": "近28天", "en": "Last 28 days"},
    "cr.window_ytd": {"zh": "年初至今", "en": "Year to date"},
    "cr.col_current": {"zh": "{window}", "en": "{window}"},
    "cr.col_window_prior": {"zh": "{window}·去年同期", "en": "{window}: a year earlier"},
    "cr.col_window_delta": {"zh": "{window}·增减", "en": "{window}: change"},
    "cr.col_window_pct": {"zh": "{window}·增减%", "en": "{window}: change %"},
    "cr.col_window_mark": {"zh": "{window}·研判", "en": "{window}: verdict"},
    "cr.sig_help": {
        "zh": "显著性:精确检验(两泊松均值的E检验,Krishnamoorthy & Thomson 2004)。假定本期与去年同期的日均发案率相同,"
              "算出出现至少这么大差异的概率 p;p < 0.05(显著性水平5%)时标为“显著”。小数字的起伏不标显著:"
              "2起对0起 p = 0.20,8起对15起 p = 0.15。红色为坏消息(案件上升),绿色为好消息;黄赌、涉黑涉恶、毒品、贩卡"
              "多由公安主动侦查发现,升降反映打击力度,不标红绿。",
        "en": "Significance: the exact test for two Poisson means (E-test, Krishnamoorthy & Thomson 2004). Taking the daily "
              "rate as the same in both windows, p is the chance of a difference at least this large; marked significant "
              "when p < 0.05 (the 5% level). Swings on small counts are not: 2 against 0 has p = 0.20, 8 against 15 "
              "p = 0.15. Red is bad news (more crime), green good news; vice, gang, drug and card-trafficking cases are "
              "mostly found by police work, so their rise or fall reflects enforcement and is not coloured.",
    },
    "cr.mark_up_sig": {"zh": "▲ 显著上升", "en": "▲ significant rise"},
    "cr.mark_down_sig": {"zh": "▼ 显著下降", "en": "▼ significant fall"},
    "cr.mark_up": {"zh": "↑ 上升(不显著)", "en": "↑ up (not significant)"},
    "cr.mark_down": {"zh": "↓ 下降(不显著)", "en": "↓ down (not significant)"},
    "cr.mark_flat": {"zh": "持平", "en": "no change"},
    "cr.mark_new": {"zh": "新增", "en": "new"},
    "cr.mark_new_sig": {"zh": "▲ 新增(显著)", "en": "▲ new (significant)"},
    "cr.mark_no_prior": {"zh": "无可比数据", "en": "no prior data"},
    "cr.pct_new": {"zh": "新增", "en": "new"},
    "cr.col_level": {"zh": "层级", "en": "Level"},
    "cr.col_type": {"zh": "案件类别", "en": "Crime type"},
    "cr.col_group": {"zh": "案件大类", "en": "Crime group"},
    "cr.level_total": {"zh": "合计", "en": "Total"},
    "cr.level_group": {"zh": "大类", "en": "Group"},
    "cr.level_type": {"zh": "类别", "en": "Type"},
    "cr.all_types": {"zh": "所选全部类别", "en": "All chosen types"},
    # breakdowns
    "cr.section_towns": {"zh": "各镇(街道)", "en": "By town"},
    "cr.towns_note": {"zh": "按每万人案件数排名(本期,未折算为年率)。点击柱可把镇(街道)筛选为该地。",
                      "en": "Ranked by incidents per 10,000 residents (this period, not annualised). "
                            "Click a bar to filter to that town."},
    "cr.col_town": {"zh": "镇(街道)", "en": "Town"},
    "cr.col_town_code": {"zh": "镇(街道)代码", "en": "Town code"},
    "cr.col_count": {"zh": "案件数", "en": "Incidents"},
    "cr.col_population": {"zh": "常住人口", "en": "Population"},
    "cr.col_rate": {"zh": "每万人案件数", "en": "Per 10,000 residents"},
    "cr.col_rank": {"zh": "排名", "en": "Rank"},
    "cr.section_hours": {"zh": "发案时段(星期 × 小时)", "en": "When: weekday × hour of day"},
    "cr.axis_hour": {"zh": "时", "en": "Hour of day"},
    "cr.weekdays": {"zh": "周一|周二|周三|周四|周五|周六|周日", "en": "Mon|Tue|Wed|Thu|Fri|Sat|Sun"},
    "cr.section_solved": {"zh": "破案率(按类别)", "en": "Solved rate by crime type"},
    "cr.section_losses": {"zh": "损失与挽回(按类别)", "en": "Losses and recoveries by crime type"},
    "cr.losses_note": {"zh": "本期立案案件的损失金额与截至数据日期已挽回的金额。",
                       "en": "Losses of the period's incidents and what was recovered by the as-of date."},
    "cr.no_losses": {"zh": "所选案件没有登记损失金额。", "en": "No losses recorded for the chosen incidents."},
    "cr.axis_yuan": {"zh": "万元", "en": "yuan"},
    "cr.col_solved": {"zh": "已破案", "en": "Solved"},
    "cr.col_solved_rate": {"zh": "破案率%", "en": "Solved rate %"},
    "cr.col_loss": {"zh": "损失金额(元)", "en": "Losses (yuan)"},
    "cr.col_recovered": {"zh": "挽回损失(元)", "en": "Recovered (yuan)"},
    "cr.col_recovery_rate": {"zh": "挽回率%", "en": "Recovered %"},
    "cr.col_bucket": {"zh": "时段起始日", "en": "Period starting"},
    "cr.col_prior": {"zh": "去年同期", "en": "A year earlier"},
    "cr.col_weekday": {"zh": "星期", "en": "Weekday"},
    # downloads
    "cr.section_downloads": {"zh": "数据下载", "en": "Downloads"},
    "cr.download_trend": {"zh": "走势数据", "en": "Trend data"},
    "cr.download_compstat": {"zh": "同比研判表", "en": "CompStat table"},
    "cr.download_towns": {"zh": "各镇(街道)汇总", "en": "By town"},
    "cr.download_types": {"zh": "各类别破案与损失", "en": "Solved and losses by type"},
    "cr.download_hours": {"zh": "发案时段", "en": "Weekday × hour"},
    "cr.download_records": {"zh": "案件明细(所选条件)", "en": "Incident records (this selection)"},
    "cr.records_prepare": {"zh": "生成案件明细下载(CSV / Excel)", "en": "Prepare the incident records (CSV / Excel)"},
    "cr.records_count": {"zh": "共 {count} 条", "en": "{count} records"},
    "cr.records_capped": {"zh": "所选明细共 {count} 条,只导出最近的 {cap} 条;请缩小筛选范围以导出全部。",
                          "en": "{count} records match; only the latest {cap} are exported. Narrow the filters to export all."},
    "cr.col_town_label": {"zh": "镇(街道)名称", "en": "Town name"},
}
