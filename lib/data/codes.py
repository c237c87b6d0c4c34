"""Stable codes of the datasets, with their Chinese and English labels.

URLs and files carry codes; screens show labels. Towns and villages are not here: they are data
(the boundaries datasets), so a district can load its own.
"""
from __future__ import annotations

from dataclasses import dataclass

from lib.i18n import Lang


@dataclass(frozen=True)
class Code:
    code: str
    zh: str
    en: str

    def label(self, lang: Lang) -> str:
        return self.zh if lang == "zh" else self.en


@dataclass(frozen=True)
class CrimeType(Code):
    group: str  # a CRIME_GROUPS code


def by_code(codes: tuple[Code, ...]) -> dict[str, Code]:
    return {c.code: c for c in codes}


def label_of(codes: tuple[Code, ...], code: str, lang: Lang) -> str:
    """The label of `code`, or the code itself when the list does not know it."""
    found = by_code(codes).get(code)
    return found.label(lang) if found else code


CRIME_GROUPS: tuple[Code, ...] = (
    Code("property", "侵财", "Property"),
    Code("violent", "暴力", "Violent"),
    Code("vice", "黄赌", "Prostitution & gambling"),
    Code("gang", "涉黑涉恶", "Gang-related"),
    Code("other", "其他", "Other"),
)

CRIME_TYPES: tuple[CrimeType, ...] = (
    CrimeType("telecom_fraud", "电信网络诈骗", "Telecom-network fraud", "property"),
    CrimeType("vehicle_theft", "两车盗窃", "Motorcycle/e-bike theft", "property"),
    CrimeType("burglary", "入室盗窃", "Burglary", "property"),
    CrimeType("pickpocket", "扒窃", "Pickpocketing", "property"),
    CrimeType("other_theft", "其他盗窃", "Other theft", "property"),
    CrimeType("robbery", "抢劫抢夺", "Robbery/snatching", "property"),
    CrimeType("assault", "故意伤害", "Assault", "violent"),
    CrimeType("homicide", "命案", "Homicide", "violent"),
    CrimeType("vice", "黄赌", "Prostitution/gambling", "vice"),
    CrimeType("gang", "涉黑涉恶", "Gang-related", "gang"),
    CrimeType("card_trafficking", "贩卡", "Card trafficking", "other"),
    CrimeType("drugs", "毒品", "Drugs", "other"),
    CrimeType("other", "其他", "Other", "other"),
)

INCIDENT_STATUSES: tuple[Code, ...] = (
    Code("reported", "已立案", "Reported"),
    Code("solved", "已破案", "Solved"),
    Code("judged", "已判决", "Judged"),
)

DISCOVERY_CHANNELS: tuple[Code, ...] = (
    Code("call_110", "110报警", "110 call"),
    Code("walk_in", "群众报案", "Walk-in report"),
    Code("patrol_stop", "巡逻制止", "Stopped by patrol"),
    Code("investigation", "侦查发现", "Investigation"),
    Code("admin_transfer", "行政执法移送", "Transferred by an administrative body"),
    Code("online", "网上报案", "Online report"),
)

TEAM_KINDS: tuple[Code, ...] = (
    Code("police", "民警", "Police"),
    Code("volunteer_police", "义警", "Volunteer police"),
    Code("grid_worker", "网格员", "Grid workers"),
    Code("security_guard", "保安", "Security guards"),
    Code("taxi_driver", "出租车驾驶员", "Taxi drivers"),
    Code("red_armband", "红袖标", "Red-armband teams"),
)

PATROL_MODES: tuple[Code, ...] = (
    Code("vehicle", "车巡", "Vehicle"),
    Code("foot", "步巡", "Foot"),
)

POST_KINDS: tuple[Code, ...] = (
    Code("city_gov_post", "市政府岗亭", "City-government post"),
    Code("district_gov_post", "区政府岗亭", "District-government post"),
    Code("quick_reaction", "街面快反屯警点", "Quick-reaction point"),
    Code("police_station", "派出所", "Police station"),
)

DISPUTE_TYPES: tuple[Code, ...] = (
    Code("neighbour", "邻里纠纷", "Neighbours"),
    Code("family", "婚姻家庭", "Marriage & family"),
    Code("land", "土地山林", "Land & forest"),
    Code("labour", "劳资纠纷", "Labour & wages"),
    Code("debt", "合同债务", "Contracts & debts"),
    Code("traffic", "交通事故", "Traffic accidents"),
    Code("property_mgmt", "物业纠纷", "Property management"),
    Code("medical", "医疗纠纷", "Medical"),
    Code("other", "其他纠纷", "Other"),
)

MEDIATION_CHANNELS: tuple[Code, ...] = (
    Code("pretrial_delegated", "诉前委派", "Pre-litigation delegated"),
    Code("police_mediation", "公调对接", "Police–mediation linkage"),
    Code("individual_room", "个人调解室", "Individual mediation rooms"),
    Code("peoples_mediation", "人民调解", "People's mediation"),
    Code("industry_committee", "行业调委会", "Industry mediation committees"),
)

DISPUTE_OUTCOMES: tuple[Code, ...] = (
    Code("settled", "调解成功", "Settled"),
    Code("failed", "调解不成", "Not settled"),
    Code("open", "办理中", "Open"),
)

SURVEY_INDICATORS: tuple[Code, ...] = (
    Code("overall", "总体满意度", "Overall satisfaction"),
    Code("security", "安全感", "Sense of security"),
    Code("public_order", "社会治安满意度", "Public order"),
    Code("political_legal", "政法队伍满意度", "Political-legal work"),
    Code("awareness", "平安建设知晓率", "Awareness"),
    Code("participation", "平安建设参与率", "Participation"),
    Code("anti_gang", "扫黑除恶满意度", "Anti-gang work"),
)

EVENT_KINDS: tuple[Code, ...] = (
    Code("case", "大案要案", "Named case"),
    Code("campaign", "专项行动", "Campaign"),
    Code("policy", "工作举措", "Measure"),
)

TOWN_KINDS: tuple[Code, ...] = (
    Code("subdistrict", "街道", "Subdistrict"),
    Code("town", "镇", "Town"),
)


def codes_of(codes: tuple[Code, ...]) -> list[str]:
    return [c.code for c in codes]


def crime_types_in_group(group: str) -> list[str]:
    return [c.code for c in CRIME_TYPES if c.group == group]
