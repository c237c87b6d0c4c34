"""The data contract: every dataset, its file, and its columns with types, units, codes and labels.

One source of truth: the pandera schemas that check files on load, the data/README.md column tables
and the upload templates are all built from the specs below.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

import numpy as np
import pandas as pd

from lib.data import codes as C
from lib.data.rules import (ADCODE_PATTERN, CODE_PATTERN, ID_PATTERN, INDICATOR_PATTERN, SICHUAN_LAT, SICHUAN_LON,
                            Expect, RowRule, at_least, at_most, codes_expect, date_window, greater_than, lon_lat_swapped,
                            not_fraction, pattern_expect, route_expect, within, year_window)

if TYPE_CHECKING:  # pandera is imported where a check runs: a start from the checked snapshot never needs it
    import pandera.pandas as pa

Kind = Literal["str", "int", "float", "datetime", "date", "bool", "wkt"]
SCHEMA_VERSION = 1

MAX_COUNT = 10_000  # people or items in one record
MAX_YUAN = 10**12  # money in one record
MAX_POPULATION = 10**8
MAX_SAMPLE = 10**7
MAX_WHOLE = 2**53  # whole numbers beyond this are not held exactly as floats


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
    checks: tuple[Expect, ...] = ()
    pattern: str | None = None
    planned: bool = False  # a date that may lie ahead (an appointment, a deadline), up to rules.PLANNED_YEARS

    def allowed(self) -> list[str] | None:
        return C.codes_of(self.codes) if self.codes else None

    @property
    def categorical(self) -> bool:
        """A code from a short list or a place code: held as a category (few distinct values, many rows)."""
        return self.kind == "str" and (bool(self.codes) or self.name in ("town_code", "village_code"))

    @property
    def free_text(self) -> bool:
        """Text written as people write it (names, sources), not a code, id, number or date."""
        return self.kind == "str" and not self.codes and not self.pattern

    def expects(self) -> tuple[Expect, ...]:
        """Every rule a value of the column keeps: its own, and those that follow from its codes, pattern and kind."""
        derived: list[Expect] = []
        if self.codes:
            derived.append(codes_expect(self.name, self.codes))
        if self.pattern:
            derived.append(pattern_expect(self.pattern))
        if self.kind in ("date", "datetime"):
            derived += date_window(self.planned)
        if self.kind == "wkt":
            derived.append(route_expect())
        return (*self.checks, *derived)


@dataclass(frozen=True)
class DatasetSpec:
    name: str
    file: str  # path relative to the data folder
    zh: str
    en: str
    columns: tuple[ColumnSpec, ...]
    geometry: bool = False  # a GeoJSON file: the columns are its feature properties
    rules: tuple[RowRule, ...] = field(default=())  # rules between the columns of one row
    key: tuple[str, ...] = ()  # one row per these columns, for datasets without a unique column
    former_file: str | None = None  # the file's earlier name, still read when a data folder has only that

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    def column(self, name: str) -> ColumnSpec:
        return next(c for c in self.columns if c.name == name)

    @property
    def key_columns(self) -> tuple[str, ...]:
        """The columns that identify a row: the unique column, else the one-row-per columns."""
        unique = [c.name for c in self.columns if c.unique]
        return tuple(unique[:1]) if unique else self.key

    def rule(self, name: str) -> Expect | RowRule | None:
        """The column rule or row rule of that name (the name pandera reports a failure under)."""
        named: dict[str, Expect | RowRule] = {e.name: e for c in self.columns for e in c.expects()}
        named.update({r.name: r for r in self.rules})
        return named.get(name)


def _count(name: str, zh: str, en: str, unit: str = "人", **kw: object) -> ColumnSpec:
    return ColumnSpec(name, "int", zh, en, unit, checks=(at_least(0), at_most(MAX_COUNT)), **kw)  # type: ignore[arg-type]


def _yuan(name: str, zh: str, en: str) -> ColumnSpec:
    return ColumnSpec(name, "int", zh, en, "元", checks=(at_least(0), at_most(MAX_YUAN)))


def _score(name: str, zh: str, en: str) -> ColumnSpec:
    return ColumnSpec(name, "float", zh, en, "分", checks=(within(0, 100), not_fraction()))


def _year() -> ColumnSpec:
    return ColumnSpec("year", "int", "年度", "Year", checks=(year_window(),))


def _sample() -> ColumnSpec:
    return ColumnSpec("sample_size", "int", "样本量", "Sample size", "份", checks=(greater_than(0), at_most(MAX_SAMPLE)))


def _population() -> ColumnSpec:
    return ColumnSpec("population", "int", "常住人口", "Population", "人",
                      checks=(greater_than(0), at_most(MAX_POPULATION)))


def _lon() -> ColumnSpec:
    return ColumnSpec("lon", "float", "经度", "Longitude", "° WGS84", checks=(within(*SICHUAN_LON),))


def _lat() -> ColumnSpec:
    return ColumnSpec("lat", "float", "纬度", "Latitude", "° WGS84", checks=(within(*SICHUAN_LAT),))


def _not_before(later: str, earlier: str, zh: str, en: str) -> RowRule:
    """`later` (a date or time) on or after `earlier` (compared by day); a missing value keeps the rule."""
    def holds(df: pd.DataFrame) -> pd.Series:
        first, second = df[earlier].to_numpy("datetime64[D]"), df[later].to_numpy("datetime64[D]")
        return pd.Series(np.isnat(first) | np.isnat(second) | (second >= first), index=df.index)
    return RowRule(f"{later}>={earlier}", (later, earlier), holds, zh, en)


def _not_more(smaller: str, larger: str, zh: str, en: str) -> RowRule:
    def holds(df: pd.DataFrame) -> pd.Series:
        return df[smaller].isna() | df[larger].isna() | (df[smaller] <= df[larger])
    return RowRule(f"{smaller}<={larger}", (smaller, larger), holds, zh, en)


def _present_when(column: str, when: Callable[[pd.DataFrame], pd.Series], zh: str, en: str) -> RowRule:
    """`column` filled exactly in the rows where `when` holds (e.g. a solved date only for solved cases)."""
    return RowRule(f"{column}:filled", (column,), lambda df: df[column].notna() == when(df), zh, en)


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
    rules=(
        _not_before("solved_on", "reported_at", "破案日期不能早于报案日期", "the solved date must not be before the day reported"),
        _present_when("solved_on", lambda df: df["status"].isin(["solved", "judged"]),
                      "已破案、已判决的案件须填破案日期,已立案(未破)的不填",
                      "solved and judged cases need a solved date; cases only reported have none"),
        _not_more("arrests_approved", "suspects_caught", "批准逮捕人数不能多于抓获嫌疑人",
                  "arrests approved must not exceed suspects caught"),
        _not_more("recovered_yuan", "loss_yuan", "挽回损失不能多于损失金额", "the amount recovered must not exceed the loss"),
        lon_lat_swapped(),
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
    rules=(
        RowRule("end_at>start_at", ("end_at", "start_at"),
                lambda df: df["end_at"].isna() | df["start_at"].isna() | (df["end_at"] > df["start_at"]),
                "结束时间应晚于开始时间", "the end must be after the start"),
        RowRule("end_at<=start_at+24h", ("end_at", "start_at"),
                lambda df: df["end_at"].isna() | df["start_at"].isna()
                | (df["end_at"] - df["start_at"] <= pd.Timedelta(hours=24)),
                "一次巡逻不能超过 24 小时", "one patrol must not last more than 24 hours"),
    ),
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
    rules=(lon_lat_swapped(),),
)

POLICE_ASSISTANTS = DatasetSpec(
    "police_assistants", "police_assistants.csv", "村(社区)警务助理", "Village police assistants",
    (
        ColumnSpec("village_code", "str", "村(社区)代码", "Village code", unique=True, pattern=CODE_PATTERN),
        ColumnSpec("appointed_on", "date", "选配日期(晚于数据日期为计划)", "Appointed on (planned when after the as-of date)", "YYYY-MM-DD",
                   planned=True),
    ),
)

_SURVEY_SCORES = tuple(
    _score(i.code, i.zh, i.en) for i in C.SURVEY_INDICATORS
)

COUNTY_SURVEY = DatasetSpec(
    "county_survey", "county_survey.csv", "全省平安建设群众满意度测评(县级)", "Provincial satisfaction survey (counties)",
    (
        ColumnSpec("adcode", "str", "区县代码", "County adcode", pattern=ADCODE_PATTERN),
        _year(),
        _sample(),
        *_SURVEY_SCORES,
    ),
    key=("adcode", "year"),
)

TOWN_SURVEY = DatasetSpec(
    "town_survey", "town_survey.csv", "镇(街道)满意度调查", "Town satisfaction survey",
    (
        TOWN_CODE,
        _year(),
        _sample(),
        _score("overall", "总体满意度", "Overall satisfaction"),
        _score("security", "安全感", "Sense of security"),
    ),
    key=("town_code", "year"),
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
        ColumnSpec("due_on", "date", "化解时限", "Due by", "YYYY-MM-DD", planned=True),
    ),
    rules=(
        _not_before("closed_on", "received_on", "办结日期不能早于受理日期", "the closing date must not be before the day received"),
        _not_before("due_on", "received_on", "化解时限不能早于受理日期", "the due date must not be before the day received"),
        _present_when("closed_on", lambda df: df["outcome"].ne("open"),
                      "已办结(调解成功或不成)的纠纷须填办结日期,办理中的不填",
                      "settled and failed disputes need a closing date; open ones have none"),
    ),
)

INDICATORS = DatasetSpec(
    "indicators", "indicators.csv", "背景指标", "Context indicators",
    (
        _year(),
        ColumnSpec("code", "str", "指标代码", "Indicator code", pattern=INDICATOR_PATTERN),
        ColumnSpec("value", "float", "数值", "Value", nullable=True),
        ColumnSpec("unit_zh", "str", "单位", "Unit (Chinese)", nullable=True),
        ColumnSpec("unit_en", "str", "英文单位", "Unit (English)", nullable=True),
        ColumnSpec("qualifier", "str", "限定", "Qualifier", codes=(C.Code("exact", "", ""), C.Code("more_than", "余", "more than"))),
        ColumnSpec("label_zh", "str", "指标名称", "Label (Chinese)"),
        ColumnSpec("label_en", "str", "英文名称", "Label (English)"),
        ColumnSpec("source", "str", "来源", "Source"),
    ),
    key=("year", "code"),
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
        _population(),
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
        _population(),
        ColumnSpec("illustrative", "bool", "边界为示意", "Boundary is illustrative"),
    ),
    geometry=True,
)

COUNTIES = DatasetSpec(
    "counties", "boundaries/sichuan_counties.geojson", "四川省县级行政区划", "Sichuan county-level units",
    (
        ColumnSpec("adcode", "str", "区县代码", "County adcode", unique=True, pattern=ADCODE_PATTERN),
        ColumnSpec("county_zh", "str", "区县", "County"),
        ColumnSpec("city_adcode", "str", "市州代码", "City adcode", pattern=ADCODE_PATTERN),
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


def _column_schema(col: ColumnSpec, keys: bool, plain: bool) -> pa.Column:
    import pandera.pandas as pa

    dtype = "category" if col.categorical else {
        "str": str, "int": "int64", "float": "float64", "datetime": "datetime64[ns]", "date": "datetime64[ns]",
        "bool": bool, "wkt": str}[col.kind]
    if plain and dtype is str:
        dtype = None  # known to be text: pandera would look at each cell's type in Python
    return pa.Column(dtype, checks=[e.check() for e in col.expects()], nullable=col.nullable,
                     unique=col.unique and keys and not plain, coerce=False)


def schema_of(spec: DatasetSpec, keys: bool = True, plain: bool = False) -> pa.DataFrameSchema:
    """The pandera schema a parsed frame of `spec` must pass (columns already typed by the reader).

    Without `keys`, the rules that compare rows with each other (unique ids, one row per key) are left out, so that
    a large file can be checked part by part and its keys once at the end. `plain`: for a frame lib/data/plain_csv.py
    typed, whose unique columns it found distinct and whose text columns it made text; neither is checked again."""
    import pandera.pandas as pa

    return pa.DataFrameSchema(
        {c.name: _column_schema(c, keys, plain) for c in spec.columns},
        checks=[r.check() for r in spec.rules],
        unique=list(spec.key) if keys and spec.key else None,
        strict=False,
        name=spec.name,
    )
