"""The rules of the data contract, each with what a person is told when a value breaks it (zh and en).

lib/data/contracts.py puts them on its columns and datasets; the pandera schema built from the contract checks
them on every load and every upload, and reports a failure under the rule's name, which finds the words again.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING
from datetime import date, datetime, timedelta, timezone

import numpy as np
import pandas as pd
import shapely

from lib.data.codes import Code

if TYPE_CHECKING:  # pandera is imported where a check runs: a start from the checked snapshot never needs it
    import pandera.pandas as pa

SICHUAN_LON = (97.0, 109.0)
SICHUAN_LAT = (26.0, 35.0)
ID_PATTERN = r"^[A-Za-z0-9_.\-]{1,40}$"
CODE_PATTERN = r"^[0-9]{6,15}$"
ADCODE_PATTERN = r"^51[0-9]{4}$"
INDICATOR_PATTERN = r"^[a-z0-9_]{1,40}$"
PATTERN_EXPECTED: dict[str, tuple[str, str]] = {
    ID_PATTERN: ("格式不对:编号只能含字母、数字和 _ . -,最长 40 个字符",
                 "wrong format: an id has letters, digits and _ . - only, at most 40 characters"),
    CODE_PATTERN: ("格式不对:代码应为 6–15 位数字", "wrong format: a code is 6–15 digits"),
    ADCODE_PATTERN: ("格式不对:应为四川的 6 位区县代码(51 开头)", "wrong format: a Sichuan county code is 6 digits starting 51"),
    INDICATOR_PATTERN: ("格式不对:指标代码只能含小写字母、数字和 _", "wrong format: an indicator code has lower-case letters, "
                        "digits and _ only"),
}

FIRST_YEAR = 2000  # no dataset holds a date or a year before this
PLANNED_YEARS = 5  # a planned date (an appointment, a deadline) may lie this far ahead of today
BEIJING = timezone(timedelta(hours=8))


def today() -> date:
    """Today in Beijing: no date on record lies after it, except planned dates."""
    return datetime.now(BEIJING).date()


@dataclass(frozen=True)
class Expect:
    """A rule every value of a column keeps, and what a person is told where one does not.

    `test` gets the column and is True where the rule holds (missing values are not tested); `explain`, when given,
    words the problem for the one value that broke it (which part of a route is wrong, for instance)."""

    name: str
    test: Callable[[pd.Series], pd.Series]
    zh: str
    en: str
    explain: Callable[[object], tuple[str, str]] | None = None

    def check(self) -> pa.Check:
        import pandera.pandas as pa

        return pa.Check(self.test, error=self.name, ignore_na=True)

    def expected(self, value: object) -> tuple[str, str]:
        return self.explain(value) if self.explain else (self.zh, self.en)


@dataclass(frozen=True)
class RowRule:
    """A rule between the cells of one row (closed on or after received); `columns[0]` is the cell it points at."""

    name: str
    columns: tuple[str, ...]
    test: Callable[[pd.DataFrame], pd.Series]
    zh: str
    en: str

    def check(self) -> pa.Check:
        import pandera.pandas as pa

        return pa.Check(self.test, error=self.name, ignore_na=False)


def _number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:g}"


def at_least(low: float) -> Expect:
    return Expect(f">={low}", lambda s: s >= low, f"应不小于 {_number(low)}", f"expected a value of at least {_number(low)}")


def greater_than(low: float) -> Expect:
    return Expect(f">{low}", lambda s: s > low, f"应大于 {_number(low)}", f"expected a value above {_number(low)}")


def at_most(high: float) -> Expect:
    return Expect(f"<={high}", lambda s: s <= high, f"数值过大:应不超过 {_number(high)}",
                  f"too large: expected at most {_number(high)}")


def within(low: float, high: float) -> Expect:
    return Expect(f"in[{low},{high}]", lambda s: (s >= low) & (s <= high), f"应在 {low:g} 到 {high:g} 之间",
                  f"expected a value between {low:g} and {high:g}")


def not_fraction() -> Expect:
    """Scores are on the 0–100 scale: 0.89 is a share written for 89."""
    return Expect("score_scale", lambda s: ~((s > 0) & (s <= 1)),
                  "应为百分制分数(0–100):像是写成了比例,例如 0.89 应写作 89",
                  "expected a score on the 0–100 scale: this looks like a share; write 0.89 as 89")


def year_window() -> Expect:
    return Expect("year_window", lambda s: (s >= FIRST_YEAR) & (s <= today().year),
                  f"年度应在 {FIRST_YEAR} 年到今年之间", f"expected a year from {FIRST_YEAR} to this year")


def date_window(planned: bool) -> tuple[Expect, ...]:
    """Not before FIRST_YEAR; not after today (a planned date: not more than PLANNED_YEARS ahead)."""
    earliest = Expect("date>=first_year", lambda s: s >= pd.Timestamp(FIRST_YEAR, 1, 1),
                      f"日期不能早于 {FIRST_YEAR} 年", f"the date must not be before {FIRST_YEAR}")
    if planned:
        latest = Expect("date<=planned", lambda s: s < pd.Timestamp(today() + timedelta(days=365 * PLANNED_YEARS + 1)),
                        f"日期不能晚于今天之后 {PLANNED_YEARS} 年", f"the date must not be more than {PLANNED_YEARS} years ahead")
    else:
        latest = Expect("date<=today", lambda s: s < pd.Timestamp(today() + timedelta(days=1)),
                        "日期不能晚于今天", "the date must not be after today")
    return earliest, latest


def _text(values: pd.Series) -> pd.Series:
    """The values as text (a number in a GeoJSON property, say, as it is written)."""
    return values if values.dtype == "str" else values.astype("object").astype("str")


def per_value(test: Callable[[pd.Series], pd.Series]) -> Callable[[pd.Series], pd.Series]:
    """`test` run once per distinct value of a category column (each row gets its value's result), else on each
    filled cell. A missing cell gets False (pandera passes it where the column may be empty): a column that is mostly
    empty, such as the gangs broken up by a few incidents in a million, costs only its filled cells."""
    def run(values: pd.Series) -> pd.Series:
        if isinstance(values.dtype, pd.CategoricalDtype):
            held = np.asarray(test(pd.Series(values.cat.categories)), dtype=bool)
            return pd.Series(np.append(held, False)[values.cat.codes.to_numpy()], index=values.index)  # -1: False
        filled = values.notna().to_numpy()
        if filled.all():
            return test(values)
        held = np.zeros(len(values), dtype=bool)
        held[filled] = np.asarray(test(values[filled]), dtype=bool)
        return pd.Series(held, index=values.index)
    return run


def codes_expect(column: str, codes: tuple[Code, ...]) -> Expect:
    allowed = [c.code for c in codes]
    zh = "、".join(f"{c.code}({c.zh})" if c.zh else c.code for c in codes)
    en = ", ".join(f"{c.code} ({c.en})" if c.en else c.code for c in codes)
    return Expect(f"codes:{column}", per_value(lambda s: (s if s.dtype == "str" else s.astype("object")).isin(allowed)),
                  f"应为以下代码或其名称之一:{zh}", f"expected one of these codes or their names: {en}")


def pattern_expect(pattern: str) -> Expect:
    zh, en = PATTERN_EXPECTED[pattern]
    return Expect(f"pattern:{pattern}", per_value(lambda s: _text(s).str.fullmatch(pattern.strip("^$"))), zh, en)


def _inside(bounds: np.ndarray, lon: tuple[float, float], lat: tuple[float, float]) -> np.ndarray:
    minx, miny, maxx, maxy = bounds.T
    return (minx >= lon[0]) & (maxx <= lon[1]) & (miny >= lat[0]) & (maxy <= lat[1])


def _routes(values: pd.Series) -> np.ndarray:
    text = values.astype("object")
    return shapely.from_wkt(text.where(text.map(lambda v: isinstance(v, str)), None).to_numpy(), on_invalid="ignore")


def _routes_ok(values: pd.Series) -> pd.Series:
    routes = _routes(values)
    ok = (shapely.get_type_id(routes) == 1) & ~shapely.has_z(routes) & shapely.is_valid(routes)
    ok &= _inside(shapely.bounds(routes), SICHUAN_LON, SICHUAN_LAT)
    return pd.Series(ok, index=values.index)


def _route_problem(value: object) -> tuple[str, str]:
    route = _routes(pd.Series([value]))[0]
    if route is None:
        return ("不是可读的 WKT 线:应写作 LINESTRING (经度 纬度, 经度 纬度, …)",
                "not readable WKT: write LINESTRING (lon lat, lon lat, …)")
    if route.geom_type != "LineString":
        return f"应为线(LINESTRING),而不是 {route.geom_type}", f"expected a LINESTRING, not a {route.geom_type}"
    if route.has_z:
        return "应为二维坐标(经度 纬度),不含高程", "expected 2-D coordinates (lon lat), without a height"
    if route.is_empty or not route.is_valid:
        return "路线无效:至少需要两个不同的点", "not a valid route: it needs at least two different points"
    bounds = np.array([route.bounds])
    if _inside(bounds, SICHUAN_LAT, SICHUAN_LON)[0]:
        return ("经纬度写反了:WKT 中应先写经度、后写纬度", "longitude and latitude are swapped: WKT gives the longitude first")
    return (f"不在四川省范围内(经度 {SICHUAN_LON[0]:g}–{SICHUAN_LON[1]:g},纬度 {SICHUAN_LAT[0]:g}–{SICHUAN_LAT[1]:g})",
            f"outside Sichuan (longitude {SICHUAN_LON[0]:g}–{SICHUAN_LON[1]:g}, latitude "
            f"{SICHUAN_LAT[0]:g}–{SICHUAN_LAT[1]:g})")


def route_expect() -> Expect:
    """A patrol route: a readable 2-D WKT LINESTRING of at least two points, inside Sichuan, longitude first."""
    zh, en = _route_problem(None)
    return Expect("route", _routes_ok, zh, en, explain=_route_problem)


def lon_lat_swapped() -> RowRule:
    """A point whose longitude reads as a Sichuan latitude and whose latitude as a longitude was written the wrong way."""
    def holds(df: pd.DataFrame) -> pd.Series:
        return ~(df["lon"].between(*SICHUAN_LAT) & df["lat"].between(*SICHUAN_LON))
    return RowRule("lon_lat_swapped", ("lon", "lat"), holds,
                   f"经度与纬度不能互换(经度 {SICHUAN_LON[0]:g}–{SICHUAN_LON[1]:g},纬度 {SICHUAN_LAT[0]:g}–{SICHUAN_LAT[1]:g})",
                   f"longitude and latitude must not be swapped (longitude {SICHUAN_LON[0]:g}–{SICHUAN_LON[1]:g}, "
                   f"latitude {SICHUAN_LAT[0]:g}–{SICHUAN_LAT[1]:g})")
