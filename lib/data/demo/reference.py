"""The context indicators and the named events: published facts from the seed report, as tables.

The day of each named case is its name ("5.15" is 15 May); the report does not give the year of
every case, so the years here are the demo's choice and events.csv says so in its source column.
"""
from __future__ import annotations

import pandas as pd

SOURCE = "四川法制网 2021-03-11《眉山市东坡区多措并举提升平安建设群众满意度》"

# year, code, value, unit_zh, unit_en, qualifier, label_zh, label_en
_INDICATORS: list[tuple[int, str, float | None, str, str, str, str, str]] = [
    (2020, "advanced_county_award", None, "", "", "exact", "获评省平安建设先进区县", "Named a provincial advanced county for public safety"),
    (2020, "publicity_fund_yuan", 400_000, "元", "yuan", "more_than", "满意度宣传专项资金", "Publicity fund for the satisfaction work"),
    (2020, "umbrella_clues", 9, "条", "clues", "exact", "移送涉黑涉恶腐败和“保护伞”线索", "Corruption and 'umbrella' clues sent to the discipline commission"),
    (2020, "safe_industry_units", 351, "家", "units", "exact", "确认平安行业单位", "Units confirmed as safe-industry units"),
    (2020, "enforcement_certificates", 864, "个", "certificates", "exact", "执法证件年审通过", "Enforcement certificates passing the annual review"),
    (2020, "law_exam_passed", 279, "人", "staff", "exact", "通过通用法律知识考试", "Enforcement staff passing the general-law exam"),
    (2020, "sms_fund_yuan", 600_000, "元/年", "yuan a year", "exact", "短信宣传费用", "SMS campaign budget"),
    (2020, "sms_messages", 3_400_000, "条", "messages", "exact", "宣传短信", "Publicity text messages"),
    (2020, "police_bulletins", 5, "期", "bulletins", "exact", "主流媒体警情通报", "Police bulletins in mainstream media"),
]

# event_id, date, kind, name_zh, name_en, crime_type
_EVENTS: list[tuple[str, str, str, str, str, str | None]] = [
    ("anti_gang_campaign", "2018-01-24", "campaign", "扫黑除恶专项斗争启动", "Anti-gang campaign begins", "gang"),
    ("case_3_20", "2019-03-20", "case", "“3.20”黑社会性质组织案", "'3.20' mafia-type organisation case", "gang"),
    ("case_4_20", "2020-04-20", "case", "“4.20”入室盗窃团伙案", "'4.20' burglary gang case", "burglary"),
    ("case_5_15", "2020-05-15", "case", "“5.15”电信网络诈骗案", "'5.15' telecom fraud case", "telecom_fraud"),
    ("fraud_vehicle_campaign", "2020-03-01", "campaign", "电诈和“两车”被盗专项整治", "Campaign on telecom fraud and e-bike theft", "telecom_fraud"),
    ("assistant_rollout", "2020-06-01", "policy", "一村(社区)一警务助理", "One police assistant per village", None),
    ("case_12_5", "2020-12-05", "case", "“12.5”团伙扒窃案", "'12.5' pickpocket gang case", "pickpocket"),
]


def indicators(own_report: bool = True) -> pd.DataFrame:
    """The report's context indicators; none for a county the report is not about."""
    columns = ["year", "code", "value", "unit_zh", "unit_en", "qualifier", "label_zh", "label_en"]
    frame = pd.DataFrame(_INDICATORS if own_report else [], columns=columns)
    frame["source"] = SOURCE
    return frame


def events(own_report: bool = True) -> pd.DataFrame:
    """The report's named cases and campaigns; none for a county the report is not about."""
    frame = pd.DataFrame(_EVENTS if own_report else [], columns=["event_id", "date", "kind", "name_zh", "name_en", "crime_type"])
    return frame.sort_values(["date", "event_id"], ignore_index=True)
