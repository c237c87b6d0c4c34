"""Every user-visible string, in Chinese (the default) and English.

Strings are looked up by key; `t` fills `{placeholders}` with str.format. Data-derived values passed
to `t` are plain text: the caller escapes them where they reach HTML.
"""
from __future__ import annotations

from typing import Literal, get_args

Lang = Literal["zh", "en"]
LANGS: tuple[Lang, ...] = get_args(Lang)
DEFAULT_LANG: Lang = "zh"

STRINGS: dict[str, dict[Lang, str]] = {
    # app shell
    "app.title": {"zh": "东坡区平安建设数据看板", "en": "Dongpo District Public Safety Dashboard"},
    "page.overview": {"zh": "总览", "en": "Overview"},
    "shell.language": {"zh": "语言 / Language", "en": "Language / 语言"},
    "shell.as_of": {"zh": "数据截至 {date}", "en": "Data as of {date}"},
    "shell.demo_badge": {
        "zh": "演示数据:以下数字由程序生成,仅 2020 年公开数字与通报一致;镇(街道)、村(社区)边界为示意",
        "en": "Demo data: generated figures; only the published 2020 figures match the report; "
        "town and village boundaries are illustrative",
    },
    "shell.data_error": {
        "zh": "数据未能载入,页面无法显示。请把下列问题交给数据管理员:",
        "en": "The data could not be loaded, so the page cannot be shown. Please pass these problems to the data administrator:",
    },
    "shell.url_fallback": {
        "zh": "链接中的 {param}={value} 无效,已改用默认值 {default}。",
        "en": "The link's {param}={value} is not valid; the default {default} is shown instead.",
    },
    "shell.demo_label": {"zh": "演示数据", "en": "Demo data"},
    "shell.no_prior": {"zh": "{year}年无可比数据", "en": "no {year} figure to compare"},
    # overview page
    "ov.year": {"zh": "年度", "en": "Year"},
    "ov.heading": {"zh": "{year}年平安建设总览", "en": "Public safety overview, {year}"},
    "ov.period_note": {
        "zh": "统计期 {year}年1月1日—12月31日,均与上年同期比较。案件数按立案时间计,破案、抓获、挽回损失等战果按破案时间计。",
        "en": "Period: 1 Jan – 31 Dec {year}, each compared with the year before. Incidents count by the day reported; "
        "case results (solved, caught, recovered) by the day solved.",
    },
    "ov.rank": {"zh": "全省群众满意度排名", "en": "Provincial satisfaction rank"},
    "ov.rank_value": {"zh": "第{rank}名 / {counties}", "en": "{rank} of {counties}"},
    "ov.rank_delta": {"zh": "{sign}{places}位 较{year}年第{previous}名", "en": "{sign}{places} places vs {previous} in {year}"},
    "ov.rank_target": {"zh": "{year}年首次进入全省前{target}名", "en": "First year in the province's top {target}: {year}"},
    "ov.rank_not_target": {"zh": "尚未进入全省前{target}名", "en": "Not yet in the province's top {target}"},
    "ov.incidents": {"zh": "刑事治安案件", "en": "Incidents reported"},
    "ov.solved_rate": {"zh": "破案率", "en": "Solved rate"},
    "ov.solved_rate_help": {"zh": "当年立案的案件中,截至数据日期已破案的比例", "en": "Share of the year's incidents solved by the as-of date"},
    "ov.recovered_yuan": {"zh": "挽回各类财产损失", "en": "Losses recovered"},
    "ov.section_types": {"zh": "案件类别", "en": "Incidents by type"},
    "ov.section_crackdown": {"zh": "打击犯罪战果", "en": "Crackdown results"},
    "ov.section_patrol": {"zh": "巡逻防控", "en": "Patrol and prevention"},
    "ov.section_mediation": {"zh": "矛盾纠纷排查化解", "en": "Dispute screening and mediation"},
    "ov.section_context": {"zh": "其他工作指标", "en": "Other work indicators"},
    "ov.property_gangs": {"zh": "打掉侵财犯罪团伙", "en": "Property-crime gangs broken up"},
    "ov.property_suspects": {"zh": "抓获侵财犯罪嫌疑人", "en": "Property-crime suspects caught"},
    "ov.vice_cases": {"zh": "破获黄赌案件", "en": "Vice cases solved"},
    "ov.vice_gangs": {"zh": "打掉黄赌团伙", "en": "Vice gangs broken up"},
    "ov.vice_suspects": {"zh": "抓获黄赌违法犯罪人员", "en": "Vice suspects caught"},
    "ov.gang_cases_judged": {"zh": "涉恶案件判决", "en": "Gang cases judged"},
    "ov.gang_suspects": {"zh": "涉黑涉恶抓获嫌疑人", "en": "Gang suspects caught"},
    "ov.gang_arrests_approved": {"zh": "涉黑涉恶批准逮捕", "en": "Gang arrests approved"},
    "ov.gang_assets_yuan": {"zh": "查扣涉黑涉恶资产", "en": "Gang assets seized"},
    "ov.card_trafficking_suspects": {"zh": "抓获贩卡组织嫌疑人", "en": "Card-trafficking suspects caught"},
    "ov.cold_case_fugitives": {"zh": "抓获命案积案逃犯", "en": "Murder cold-case fugitives caught"},
    "ov.admin_transfers": {"zh": "行政机关移送涉嫌犯罪案件", "en": "Cases transferred by agencies"},
    "ov.patrol_stops": {"zh": "巡逻制止街面违法犯罪", "en": "Street crimes stopped by patrols"},
    "ov.patrol_fugitives": {"zh": "巡逻抓获各类逃犯", "en": "Fugitives caught by patrols"},
    "ov.assistants": {"zh": "警务助理覆盖村(社区)", "en": "Villages with a police assistant"},
    "ov.assistants_value": {"zh": "{covered} / {total}", "en": "{covered} of {total}"},
    "ov.assistants_delta": {"zh": "+{added} 较{since}", "en": "+{added} since {since}"},
    "ov.assistants_note": {
        "zh": "截至 {as_of}:{covered} 个,占 {share};{year_end} 为 {year_end_covered} 个。计划 {complete} 前全部选配。",
        "en": "On {as_of}: {covered} ({share}); on {year_end}: {year_end_covered}. All villages planned by {complete}.",
    },
    "ov.disputes": {"zh": "排查非涉稳矛盾纠纷", "en": "Disputes screened"},
    "ov.channel_settled": {"zh": "{channel} 调成", "en": "{channel}: settled"},
    "ov.channel_rate": {"zh": "成功率 {rate}(受理 {received} 件)", "en": "success {rate} (of {received} received)"},
    "ov.context_none": {"zh": "{year}年无背景指标", "en": "No context indicators for {year}"},
    "ov.col_indicator": {"zh": "指标", "en": "Indicator"},
    "ov.col_year": {"zh": "{year}年", "en": "{year}"},
    "ov.col_channel": {"zh": "化解渠道", "en": "Channel"},
    "ov.col_received": {"zh": "受理(件)", "en": "Received"},
    "ov.col_settled": {"zh": "调成(件)", "en": "Settled"},
    "ov.col_rate": {"zh": "{year}年成功率", "en": "Success rate {year}"},
    "ov.more_than": {"zh": "余", "en": "more than "},
    "ov.yes": {"zh": "是", "en": "yes"},
    "unit.case": {"zh": "起", "en": ""},
    "unit.item": {"zh": "件", "en": ""},
    "unit.person": {"zh": "人", "en": ""},
    "unit.gang": {"zh": "个", "en": ""},
    "unit.fugitive": {"zh": "名", "en": ""},
}


def t(key: str, lang: Lang = DEFAULT_LANG, **fmt: object) -> str:
    """The string for `key` in `lang`, with placeholders filled from `fmt`."""
    text = STRINGS[key][lang]
    return text.format(**fmt) if fmt else text


def parse_lang(value: object) -> Lang:
    """A language code from a URL value; anything unknown falls back to the default."""
    return value if value in LANGS else DEFAULT_LANG  # type: ignore[return-value]
