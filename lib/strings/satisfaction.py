"""Strings of the satisfaction-ranking page (keys prefixed `sat.`, and its page title)."""
from lib.i18n import Lang

STRINGS: dict[str, dict[Lang, str]] = {
    "page.satisfaction": {"zh": "满意度排名", "en": "Satisfaction ranking"},
    "sat.heading": {"zh": "{year}年满意度排名", "en": "Satisfaction ranking, {year}"},
    "sat.intro": {
        "zh": "全省平安建设群众满意度测评:{district}在全省 {counties} 个县(市、区)中的位置、历年走势、各分项指标,以及区内各镇(街道)的情况。",
        "en": "The province's public-safety satisfaction survey: where {district} stands among {counties} counties, "
        "its path over the years, the indicators behind it, and the towns within it.",
    },
    "sat.year": {"zh": "测评年度", "en": "Survey year"},
    "sat.indicator": {"zh": "指标", "en": "Indicator"},
    "sat.city": {"zh": "市州(排名表与地图)", "en": "City (ranking and map)"},
    "sat.peers": {"zh": "对比区县(历年名次)", "en": "Peer counties (rank over the years)"},
    "sat.peers_placeholder": {"zh": "仅本区", "en": "The district only"},
    "sat.target": {"zh": "目标名次(前N名)", "en": "Target rank (top N)"},
    "sat.target_help": {"zh": "全省排名目标,默认前{target}名", "en": "The rank aimed for in the province; {target} by default"},
    "sat.names_note": {
        "zh": "区县、市州名称取自边界数据。",
        "en": "County and city names are shown in Chinese, as the boundary data has them.",
    },
    "sat.no_district": {"zh": "{year}年测评中没有本区的数据。", "en": "The {year} survey has no figures for the district."},
    "sat.kpi_rank": {"zh": "全省排名 · {indicator}", "en": "Province rank · {indicator}"},
    "sat.kpi_rank_value": {"zh": "第{rank}名 / {counties}", "en": "{rank} of {counties}"},
    "sat.kpi_rank_noise": {
        "zh": "名次变化 {change} 位,其95%区间 {low} 至 {high} 位包含0:在各区县抽样误差范围内,不宜视为真实变化。",
        "en": "The rank moved {change} places; its 95% interval, {low} to {high}, includes 0: within the sampling noise "
        "of every county's survey, not a real change.",
    },
    "sat.kpi_rank_real": {
        "zh": "名次变化 {change} 位,其95%区间 {low} 至 {high} 位不含0:超出各区县的抽样误差,是真实变化。",
        "en": "The rank moved {change} places; its 95% interval, {low} to {high}, leaves out 0: beyond the sampling "
        "noise of every county's survey, a real change.",
    },
    "sat.kpi_score": {"zh": "得分", "en": "Score"},
    "sat.kpi_score_value": {"zh": "{score}分", "en": "{score}"},
    "sat.interval_line": {
        "zh": "{district}“{indicator}”得分 {score} 分,95%区间 {low}–{high} 分(样本 {n} 份)。",
        "en": "{district}'s {indicator} score: {score}, 95% interval {low}–{high} (sample of {n}).",
    },
    "sat.kpi_rank_range": {"zh": "名次95%区间", "en": "95% rank interval"},
    "sat.kpi_rank_range_value": {"zh": "第{best}–{worst}名", "en": "{best} to {worst}"},
    "sat.kpi_rank_range_help": {
        "zh": "按每个区县各自的抽样误差,把全省所有区县的得分同时重新抽取2000次并排名:本区名次在95%的抽取中落在此区间内。",
        "en": "Every county's score drawn again 2,000 times from its own sampling error, all counties ranked in each "
        "draw: the district's rank falls in this interval in 95% of the draws.",
    },
    "sat.kpi_gap": {"zh": "进入前{target}名", "en": "Reaching the top {target}"},
    "sat.kpi_gap_reached": {"zh": "已进入", "en": "Reached"},
    "sat.kpi_gap_short": {"zh": "未进入", "en": "Not yet"},
    "sat.kpi_gap_delta": {"zh": "{margin}分(需{needed}分)", "en": "{margin} points (needs {needed})"},
    "sat.kpi_gap_any": {"zh": "任何得分均可", "en": "any score will do"},
    "sat.kpi_gap_chance": {"zh": "进入的概率 {chance}", "en": "chance {chance}"},
    "sat.kpi_gap_help": {
        "zh": "概率:全省得分按各自抽样误差重新抽取2000次,本区排进前{target}名的比例。所需得分:其他区县得分不变时,"
        "进入前{target}名的最低得分 {needed} 分(同分并列)。",
        "en": "Chance: the share of 2,000 draws of every county's score, each from its own sampling error, in which the "
        "district ranks in the top {target}. Needed: the lowest score reaching the top {target} with the other counties "
        "as they are, {needed} (equal scores tie).",
    },
    "sat.noise_note": {
        "zh": "误差说明:测评只公布得分和样本量。这里把得分看作“满意”回答的百分比 p,按简单随机抽样估计标准误 √(p(1−p)/n),"
        "95%区间为得分 ±1.96 个标准误;实际测评如有加权或整群抽样,区间会更宽。得分之差小于其误差(1.96×√(标准误₁²+标准误₂²))时"
        "不着色。名次的区间与变化:每个区县的得分按各自标准误同时重新抽取2000次(两年各自独立)并排名,"
        "名次升降的95%区间包含0时标为“误差范围内”。",
        "en": "About the noise: the survey publishes only a score and its sample size. The score is read as the percentage p of "
        "satisfied answers from a simple random sample, with standard error √(p(1−p)/n); the 95% interval is the score ±1.96 "
        "standard errors (weighting or clustering in the real survey would widen it). A score change smaller than "
        "1.96×√(se₁²+se₂²) is not coloured. Ranks: every county's score is drawn again 2,000 times from its own standard "
        "error (the two years independently) and ranked; a rank change whose 95% interval of places gained includes 0 "
        "is marked within the noise.",
    },
    "sat.section_map": {"zh": "全省分布", "en": "The province"},
    "sat.map_caption": {
        "zh": "颜色为“{indicator}”得分,红框为{district}。点击地图或排名图中的区县,可加入下方“历年名次”的对比。",
        "en": "Colour: the {indicator} score; {district} is outlined in red. Click a county on the map or the ranking chart "
        "to add it to the rank-over-the-years comparison below.",
    },
    "sat.section_ranking": {"zh": "全省排名", "en": "Province ranking"},
    "sat.ranking_rule": {
        "zh": "排名规则:得分高者在前;得分相同者并列,取并列中的最好名次,下一名次顺延(1、2、2、4)。按市州筛选时仍显示全省名次。",
        "en": "Ranking rule: higher scores rank higher; equal scores share the best rank of the tie and the next rank is "
        "skipped (1, 2, 2, 4). Filtering by city keeps the province ranks.",
    },
    "sat.target_line": {"zh": "前{target}名", "en": "Top {target}"},
    "sat.needed_line": {"zh": "进入前{target}名需 {needed} 分", "en": "Top {target} needs {needed}"},
    "sat.section_trajectory": {"zh": "历年名次", "en": "Rank over the years"},
    "sat.first_in_target": {"zh": "{year}年首次进入前{target}名", "en": "{year}: first year in the top {target}"},
    "sat.never_in_target": {"zh": "历年均未进入前{target}名。", "en": "Never in the top {target} so far."},
    "sat.section_indicators": {"zh": "分项指标", "en": "Indicators"},
    "sat.province_mean": {"zh": "全省平均", "en": "Province average"},
    "sat.top_mean": {"zh": "总体前{top}名平均", "en": "Overall top-{top} average"},
    "sat.top_note": {
        "zh": "“总体前{top}名平均”为当年总体满意度排名前{top}的区县(含并列)在各指标上的平均分。",
        "en": "“Overall top-{top} average”: the mean, on each indicator, of the counties ranked {top} or better on overall satisfaction that year (ties included).",
    },
    "sat.movers": {"zh": "较{year}年名次变化最大的指标:{movers}", "en": "Indicators whose rank moved most since {year}: {movers}"},
    "sat.mover_item": {"zh": "{indicator}({places}位)", "en": "{indicator} ({places} places)"},
    "sat.no_prior_year": {"zh": "没有{year}年的数据可比较。", "en": "No {year} figures to compare with."},
    "sat.section_towns": {"zh": "区内各镇(街道)", "en": "Towns within the district"},
    "sat.towns_indicator_note": {
        "zh": "镇(街道)调查只有总体满意度和安全感,此处显示“{indicator}”。",
        "en": "The town survey has only overall satisfaction and the sense of security; shown here: {indicator}.",
    },
    "sat.towns_note": {
        "zh": "每万人案件数 = 当年立案的警情案件数 ÷ 常住人口 × 10000;调解成功率 = 当年受理的矛盾纠纷中调解成功的比例。",
        "en": "Incidents per 10,000 residents: incidents reported in the year ÷ population × 10,000. Mediation success: "
        "the share of disputes received in the year that were settled.",
    },
    "sat.scatter_r": {"zh": "相关系数 r = {r}({n} 个镇街)", "en": "Correlation r = {r} ({n} towns)"},
    "sat.scatter_r_none": {"zh": "镇街太少,无法计算相关系数", "en": "Too few towns for a correlation"},
    "sat.crime_rate": {"zh": "每万人案件数", "en": "Incidents per 10,000 residents"},
    "sat.mediation_rate": {"zh": "调解成功率(%)", "en": "Mediation success (%)"},
    "sat.within_noise": {"zh": "误差范围内", "en": "within the noise"},
    "sat.beyond_noise": {"zh": "超出误差", "en": "beyond the noise"},
    "sat.col_rank": {"zh": "名次", "en": "Rank"},
    "sat.col_county": {"zh": "区县", "en": "County"},
    "sat.col_city": {"zh": "市州", "en": "City"},
    "sat.col_code": {"zh": "区县代码", "en": "Adcode"},
    "sat.col_score": {"zh": "得分", "en": "Score"},
    "sat.col_interval": {"zh": "95%区间", "en": "95% interval"},
    "sat.col_rank_interval": {"zh": "名次95%区间", "en": "Rank, 95% interval"},
    "sat.col_chance": {"zh": "进入前{target}名概率", "en": "Chance of the top {target}"},
    "sat.col_sample": {"zh": "样本量", "en": "Sample size"},
    "sat.col_prev_rank": {"zh": "上年名次", "en": "Prior rank"},
    "sat.col_places": {"zh": "名次升降", "en": "Places gained"},
    "sat.col_score_change": {"zh": "得分变化", "en": "Score change"},
    "sat.col_noise": {"zh": "名次变化与误差", "en": "Rank change vs noise"},
    "sat.col_indicator": {"zh": "指标", "en": "Indicator"},
    "sat.col_needed": {"zh": "目标所需得分", "en": "Needed for target"},
    "sat.col_gap": {"zh": "差距(分)", "en": "Gap (points)"},
    "sat.gap_note": {
        "zh": "“目标所需得分”:其他区县得分不变时,该指标进入目标名次的最低得分;“差距”为所需得分减实际得分,负数表示已达到。",
        "en": "“Needed for target”: the lowest score on that indicator that reaches the target rank, the other counties unchanged; "
        "“Gap”: needed minus actual, negative when reached.",
    },
    "sat.col_town": {"zh": "镇(街道)", "en": "Town"},
}
