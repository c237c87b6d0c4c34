"""Strings of the public copy (PINGAN_PUBLIC): its badge and the notes where it withholds something."""
from lib.i18n import Lang

STRINGS: dict[str, dict[Lang, str]] = {
    "pub.badge": {"zh": "公开版", "en": "Public copy"},
    "pub.caption": {
        "zh": "公开版:少于3的计数显示为“<3”(含0),由它算出的同比、占比、比率和金额不显示(“—”);图中少于3的计数留空。",
        "en": "Public copy: counts below 3 (0 included) are shown as \"<3\"; changes, shares, rates and money sums "
        "built on them are not shown (\"—\"); in charts they are left as gaps.",
    },
    "pub.map_note": {
        "zh": "公开版地图只显示区域:镇(村)分级、热点网格与岗点可达范围;不显示案件热力、巡逻轨迹和岗点位置。",
        "en": "The public map shows areas only: towns (villages), hot-spot cells and post reach; no incident heat, "
        "patrol routes or post locations.",
    },
    "pub.map_no_value": {"zh": "无数据或案件少于3", "en": "No data, or fewer than 3 incidents"},
    "pub.records_off": {
        "zh": "公开版不提供案件明细下载。", "en": "The public copy offers no download of incident records.",
    },
    "pub.overdue_list_off": {
        "zh": "公开版不列出逐件纠纷明细,只给各镇(街道)的超期件数。",
        "en": "The public copy lists no individual disputes, only the overdue counts per town.",
    },
}
