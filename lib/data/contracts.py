"""The data contract: every dataset, its file, and its columns with types, units, codes and labels.

One source of truth: the pandera schemas that check files on load, the data/README.md column tables
and the upload templates are all built from the specs below.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

import pandera.pandas as pa

from lib.data import codes as C

Kind = Literal["str", "int", "float", "datetime", "date", "bool", "wkt"]
SCHEMA_VERSION = 1

SICHUAN_LON = (97.0, 109.0)
SICHUAN_LAT = (26.0, 35.0)
ID_PATTERN = r"^[A-Za-z0-9_.\-]{1,40}$"
CODE_PATTERN = r"^[0-9]{6,15}$"


@dataclass(frozen=True)
class ColumnSpec:
    name: str
    kind: Kind
    zh: str
    en: str
    unit: str = ""
    codes: tuple[C.Code, ...] | None = None
    nullable: bool = False
    unique: bool = False
    checks: tuple[pa.Check, ...] = ()
    pattern: str | None = None

    def allowed(self) -> list[str] | None:
        return C.codes_of(self.codes) if self.codes else None


@dataclass(frozen=True)
class DatasetSpec:
    name: str
    file: str  # path relative to the data folder
    zh: str
    en: str
    columns: tuple[ColumnSpec, ...]
    geometry: bool = False  # a GeoJSON file: the columns are its feature properties
    former_file: str | None = None  # the file's earlier name, still read when a data folder has only that
    frame_checks: tuple[pa.Check, ...] = field(default=())

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    def column(self, name: str) -> ColumnSpec:
        return next(c for c in self.columns if c.name == name)


def _count(name: str, zh: str, en: str, unit: str = "人", **kw: object) -> ColumnSpec:
    return ColumnSpec(name, "int", zh, en, unit, checks=(pa.Check.ge(0),), **kw)  # type: ignore[arg-type]


def _yuan(name: str, zh: str, en: str) -> ColumnSpec:
    return ColumnSpec(name, "int", zh, en, "元", checks=(pa.Check.ge(0),))


def _score(name: str, zh: str, en: str) -> ColumnSpec:
    return ColumnSpec(name, "float", zh, en, "分", checks=(pa.Check.in_range(0, 100),))


def _lon() -> ColumnSpec:
    return ColumnSpec("lon", "float", "经度", "Longitude", "° WGS84", checks=(pa.Check.in_range(*SICHUAN_LON),))


def _lat() -> ColumnSpec:
    return ColumnSpec("lat", "float", "纬度", "Latitude", "° WGS84", checks=(pa.Check.in_range(*SICHUAN_LAT),))


TOWN_CODE = ColumnSpec("town_code", "str", "镇(街道)代码", "Town code", pattern=CODE_PATTERN)
VILLAGE_CODE = ColumnSpec("village_code", "str", "村(社区)代码", "Village code", pattern=CODE_PATTERN)

INCIDENTS = DatasetSpec(
    "incidents", "incidents.csv", "警情案件", "Incidents",
    (
        ColumnSpec("incident_id", "str", "案件编号", "Incident id", unique=True, pattern=ID_PATTERN),
        ColumnSpec("reported_at", "datetime", "报案时间", "Reported at", "YYYY-MM-DD HH:MM"),
        TOWN_CODE,
        VILLAGE_CODE,
        _lon(),
        _lat(),
        ColumnSpec("crime_type", "str", "案件类别", "Crime type", codes=C.CRIME_TYPES),
        ColumnSpec("status", "str", "办理状态", "Status", codes=C.INCIDENT_STATUSES),
        ColumnSpec("solved_on", "date", "破案日期", "Solved on", "YYYY-MM-DD", nullable=True),
        _count("suspects_caught", "抓获嫌疑人", "Suspects caught"),
        _count("arrests_approved", "批准逮捕", "Arrests approved"),
        ColumnSpec("gang_id", "str", "打掉团伙编号", "Gang broken up", nullable=True, pattern=ID_PATTERN),
        _yuan("loss_yuan", "损失金额", "Loss"),
        _yuan("recovered_yuan", "挽回损失", "Recovered"),
        _yuan("assets_seized_yuan", "查扣涉案资产", "Assets seized"),
        ColumnSpec("discovery", "str", "发现途径", "How it came to notice", codes=C.DISCOVERY_CHANNELS),
        _count("fugitives_caught", "抓获逃犯", "Fugitives caught"),
    ),
)

PATROL_SESSIONS = DatasetSpec(
    "patrol_sessions", "patrol_sessions.csv", "巡逻记录", "Patrol sessions",
    (
        ColumnSpec("session_id", "str", "巡逻编号", "Session id", unique=True, pattern=ID_PATTERN),
        ColumnSpec("team_kind", "str", "巡防力量", "Team kind", codes=C.TEAM_KINDS),
        ColumnSpec("mode", "str", "巡逻方式", "Mode", codes=C.PATROL_MODES),
        TOWN_CODE,
        ColumnSpec("start_at", "datetime", "开始时间", "Start", "YYYY-MM-DD HH:MM"),
        ColumnSpec("end_at", "datetime", "结束时间", "End", "YYYY-MM-DD HH:MM"),
        ColumnSpec("route_wkt", "wkt", "巡逻路线", "Route", "WKT LINESTRING, WGS84"),
    ),
    frame_checks=(pa.Check(lambda df: df["end_at"] > df["start_at"], error="end_at after start_at"),),
)

POSTS = DatasetSpec(
    "posts", "posts.csv", "巡逻岗亭与屯警点", "Posts",
    (
        ColumnSpec("post_id", "str", "点位编号", "Post id", unique=True, pattern=ID_PATTERN),
        ColumnSpec("kind", "str", "点位类别", "Kind", codes=C.POST_KINDS),
        ColumnSpec("name_zh", "str", "名称", "Name (Chinese)"),
        ColumnSpec("name_en", "str", "英文名称", "Name (English)"),
        TOWN_CODE,
        _lon(),
        _lat(),
    ),
)

POLICE_ASSISTANTS = DatasetSpec(
    "police_assistants", "police_assistants.csv", "村(社区)警务助理", "Village police assistants",
    (
        ColumnSpec("village_code", "str", "村(社区)代码", "Village code", unique=True, pattern=CODE_PATTERN),
        ColumnSpec("appointed_on", "date", "选配日期(晚于数据日期为计划)", "Appointed on (planned when after the as-of date)", "YYYY-MM-DD"),
    ),
)

_SURVEY_SCORES = tuple(
    _score(i.code, i.zh, i.en) for i in C.SURVEY_INDICATORS
)

COUNTY_SURVEY = DatasetSpec(
    "county_survey", "county_survey.csv", "全省平安建设群众满意度测评(县级)", "Provincial satisfaction survey (counties)",
    (
        ColumnSpec("adcode", "str", "区县代码", "County adcode", pattern=r"^51[0-9]{4}$"),
        ColumnSpec("year", "int", "年度", "Year", checks=(pa.Check.in_range(2000, 2100),)),
        ColumnSpec("sample_size", "int", "样本量", "Sample size", "份", checks=(pa.Check.gt(0),)),
        *_SURVEY_SCORES,
    ),
    frame_checks=(pa.Check(lambda df: ~df.duplicated(["adcode", "year"]), error="one row per county and year"),),
)

TOWN_SURVEY = DatasetSpec(
    "town_survey", "town_survey.csv", "镇(街道)满意度调查", "Town satisfaction survey",
    (
        TOWN_CODE,
        ColumnSpec("year", "int", "年度", "Year", checks=(pa.Check.in_range(2000, 2100),)),
        ColumnSpec("sample_size", "int", "样本量", "Sample size", "份", checks=(pa.Check.gt(0),)),
        _score("overall", "总体满意度", "Overall satisfaction"),
        _score("security", "安全感", "Sense of security"),
    ),
    frame_checks=(pa.Check(lambda df: ~df.duplicated(["town_code", "year"]), error="one row per town and year"),),
)

DISPUTES = DatasetSpec(
    "disputes", "disputes.csv", "矛盾纠纷", "Disputes",
    (
        ColumnSpec("dispute_id", "str", "纠纷编号", "Dispute id", unique=True, pattern=ID_PATTERN),
        ColumnSpec("received_on", "date", "受理日期", "Received on", "YYYY-MM-DD"),
        TOWN_CODE,
        ColumnSpec("dispute_type", "str", "纠纷类别", "Dispute type", codes=C.DISPUTE_TYPES),
        ColumnSpec("channel", "str", "化解渠道", "Channel", codes=C.MEDIATION_CHANNELS),
        ColumnSpec("outcome", "str", "调处结果", "Outcome", codes=C.DISPUTE_OUTCOMES),
        ColumnSpec("closed_on", "date", "办结日期", "Closed on", "YYYY-MM-DD", nullable=True),
        ColumnSpec("due_on", "date", "化解时限", "Due by", "YYYY-MM-DD"),
    ),
)

INDICATORS = DatasetSpec(
    "indicators", "indicators.csv", "背景指标", "Context indicators",
    (
        ColumnSpec("year", "int", "年度", "Year", checks=(pa.Check.in_range(2000, 2100),)),
        ColumnSpec("code", "str", "指标代码", "Indicator code", pattern=r"^[a-z0-9_]{1,40}$"),
        ColumnSpec("value", "float", "数值", "Value", nullable=True),
        ColumnSpec("unit_zh", "str", "单位", "Unit (Chinese)", nullable=True),
        ColumnSpec("unit_en", "str", "英文单位", "Unit (English)", nullable=True),
        ColumnSpec("qualifier", "str", "限定", "Qualifier", codes=(C.Code("exact", "", ""), C.Code("more_than", "余", "more than"))),
        ColumnSpec("label_zh", "str", "指标名称", "Label (Chinese)"),
        ColumnSpec("label_en", "str", "英文名称", "Label (English)"),
        ColumnSpec("source", "str", "来源", "Source"),
    ),
    frame_checks=(pa.Check(lambda df: ~df.duplicated(["year", "code"]), error="one row per year and indicator"),),
)

EVENTS = DatasetSpec(
    "events", "events.csv", "大案要案与专项行动", "Named cases and campaigns",
    (
        ColumnSpec("event_id", "str", "事件编号", "Event id", unique=True, pattern=ID_PATTERN),
        ColumnSpec("date", "date", "日期", "Date", "YYYY-MM-DD"),
        ColumnSpec("kind", "str", "类别", "Kind", codes=C.EVENT_KINDS),
        ColumnSpec("name_zh", "str", "名称", "Name (Chinese)"),
        ColumnSpec("name_en", "str", "英文名称", "Name (English)"),
        ColumnSpec("crime_type", "str", "相关案件类别", "Related crime type", codes=C.CRIME_TYPES, nullable=True),
    ),
)

TOWNS = DatasetSpec(
    "towns", "boundaries/towns.geojson", "镇(街道)边界(示意)", "Towns (illustrative boundaries)",
    (
        ColumnSpec("town_code", "str", "镇(街道)代码", "Town code", unique=True, pattern=CODE_PATTERN),
        ColumnSpec("town_zh", "str", "镇(街道)", "Town (Chinese)"),
        ColumnSpec("town_en", "str", "英文名称", "Town (English)"),
        ColumnSpec("kind", "str", "类别", "Kind", codes=C.TOWN_KINDS),
        ColumnSpec("population", "int", "常住人口", "Population", "人", checks=(pa.Check.gt(0),)),
        ColumnSpec("illustrative", "bool", "边界为示意", "Boundary is illustrative"),
    ),
    geometry=True,
)

VILLAGES = DatasetSpec(
    "villages", "boundaries/villages.geojson", "村(社区)边界(示意)", "Villages and communities (illustrative boundaries)",
    (
        ColumnSpec("village_code", "str", "村(社区)代码", "Village code", unique=True, pattern=CODE_PATTERN),
        TOWN_CODE,
        ColumnSpec("village_zh", "str", "村(社区)", "Village (Chinese)"),
        ColumnSpec("village_en", "str", "英文名称", "Village (English)"),
        ColumnSpec("kind", "str", "类别", "Kind", codes=(C.Code("village", "村", "Village"), C.Code("community", "社区", "Community"))),
        ColumnSpec("population", "int", "常住人口", "Population", "人", checks=(pa.Check.gt(0),)),
        ColumnSpec("illustrative", "bool", "边界为示意", "Boundary is illustrative"),
    ),
    geometry=True,
)

COUNTIES = DatasetSpec(
    "counties", "boundaries/sichuan_counties.geojson", "四川省县级行政区划", "Sichuan county-level units",
    (
        ColumnSpec("adcode", "str", "区县代码", "County adcode", unique=True, pattern=r"^51[0-9]{4}$"),
        ColumnSpec("county_zh", "str", "区县", "County"),
        ColumnSpec("city_adcode", "str", "市州代码", "City adcode", pattern=r"^51[0-9]{4}$"),
        ColumnSpec("city_zh", "str", "市州", "City"),
    ),
    geometry=True,
)

DISTRICT_OUTLINE = DatasetSpec(
    "district_outline", "boundaries/district_outline.geojson", "本区县行政边界", "Home county outline",
    COUNTIES.columns,
    geometry=True,
    former_file="boundaries/dongpo_outline.geojson",
)

DATASETS: tuple[DatasetSpec, ...] = (
    COUNTIES, DISTRICT_OUTLINE, TOWNS, VILLAGES, INCIDENTS, PATROL_SESSIONS, POSTS, POLICE_ASSISTANTS,
    COUNTY_SURVEY, TOWN_SURVEY, DISPUTES, INDICATORS, EVENTS,
)
DATASETS_BY_NAME: dict[str, DatasetSpec] = {d.name: d for d in DATASETS}


def _column_schema(col: ColumnSpec) -> pa.Column:
    checks = list(col.checks)
    if col.codes:
        checks.append(pa.Check.isin(col.allowed()))
    if col.pattern:
        checks.append(pa.Check.str_matches(col.pattern))
    dtype = {"str": str, "int": "int64", "float": "float64", "datetime": "datetime64[ns]",
             "date": "datetime64[ns]", "bool": bool, "wkt": str}[col.kind]
    return pa.Column(dtype, checks=checks, nullable=col.nullable, unique=col.unique, coerce=False)


def schema_of(spec: DatasetSpec) -> pa.DataFrameSchema:
    """The pandera schema a parsed frame of `spec` must pass (columns already typed by the reader)."""
    return pa.DataFrameSchema(
        {c.name: _column_schema(c) for c in spec.columns},
        checks=list(spec.frame_checks),
        strict=False,
        name=spec.name,
    )
