"""Dates as people write them in exports, read into the contract's format, or a hint when they cannot be.

Read: 2020-03-05, 2020/3/5, 2020.3.5, 2020年3月5日, 20200305, an Excel serial number of the plausible years, each
with a time where the column has one (8:05, 8时05分). Not read, with a hint: a year alone (2020), a year and month
(202003, 2020-03), a day and month in an order that cannot be told (03/05/2020), and dates outside the years data
can hold.
"""
from __future__ import annotations

import re
from datetime import datetime, timedelta

import pandas as pd

from lib.data.rules import FIRST_YEAR, PLANNED_YEARS, today

DATETIME_FORMAT = "%Y-%m-%d %H:%M"
DATE_FORMAT = "%Y-%m-%d"
EXCEL_EPOCH = datetime(1899, 12, 30)

_DATE_RE = re.compile(
    r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
    r"(?:[\sT]*(\d{1,2})\s*[:时]\s*(\d{1,2})(?:\s*[:分]\s*(\d{1,2}(?:\.\d+)?)\s*秒?)?\s*分?)?$"
)
_CONTRACT = {False: re.compile(r"^\d{4}-\d{2}-\d{2}$"), True: re.compile(r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$")}
_YEAR = re.compile(r"^\d{4}\s*年?$")
_YEAR_MONTH = re.compile(r"^(\d{4})(?:\s*[-/.年]\s*)?(\d{1,2})\s*月?$")
_DAY_FIRST_OR_MONTH_FIRST = re.compile(r"^\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}")


FIRST_YEAR_HELD, LAST_YEAR_HELD = 1678, 2261  # the whole years a datetime64[ns] holds


def parse_datetimes(text: pd.Series, pattern: str) -> pd.Series:
    """Dates and times written in the contract's format; a year a timestamp cannot hold becomes missing."""
    when = pd.to_datetime(text, format=pattern, errors="coerce")
    years = when.dt.year
    return when.where((years >= FIRST_YEAR_HELD) & (years <= LAST_YEAR_HELD)).astype("datetime64[ns]")


def serial_range() -> tuple[float, float]:
    """The Excel serial numbers read as dates: from FIRST_YEAR to PLANNED_YEARS after today (others are numbers)."""
    first = (datetime(FIRST_YEAR, 1, 1) - EXCEL_EPOCH).days
    last = (datetime.combine(today(), datetime.min.time()) - EXCEL_EPOCH).days + 366 * PLANNED_YEARS
    return float(first), float(last)


def parse_date_text(value: str, with_time: bool) -> str | None:
    """A date (or time) written in a common Chinese way, in the contract's format; None when not a date.

    >>> parse_date_text("2020年3月5日", False), parse_date_text("2020/3/5 8:05", True), parse_date_text("43895", False)
    ('2020-03-05', '2020-03-05 08:05', '2020-03-05')
    """
    text = str(value).strip()
    when: datetime | None = None
    low, high = serial_range()
    if m := _DATE_RE.match(text):
        y, mo, d, h, mi = (int(g) if g else 0 for g in m.groups()[:5])
        try:
            when = datetime(y, mo, d, h, mi)
        except ValueError:
            return None
        if with_time and m.group(4) is None:
            return None  # a time column needs a time
    elif re.fullmatch(r"\d{8}", text):
        try:
            when = datetime.strptime(text, "%Y%m%d")
        except ValueError:
            return None
    elif re.fullmatch(r"\d+(\.\d+)?", text) and low <= float(text) <= high:
        when = EXCEL_EPOCH + timedelta(days=float(text))
        when = when.replace(second=0, microsecond=0) + timedelta(minutes=round(when.second / 60))
        if not with_time and (when.hour, when.minute) != (0, 0):
            return None  # a fractional serial in a date column is a time, not a date
    if when is None:
        return None
    return when.strftime(DATETIME_FORMAT if with_time else DATE_FORMAT)


def date_hint(text: str, with_time: bool) -> tuple[str, str] | None:
    """Why `text` is not a date the contract can take, when that can be told; None for plain nonsense."""
    text = str(text).strip()
    if _YEAR.match(text):
        return ("只有年份,不是日期:请写出年、月、日,如 2020-03-05",
                "a year alone is not a date: write the year, month and day, e.g. 2020-03-05")
    if (m := _YEAR_MONTH.match(text)) and 1 <= int(m[2]) <= 12:
        return ("只有年和月,不是日期:请写出日,如 2020-03-05", "a year and month are not a date: give the day too, "
                "e.g. 2020-03-05")
    if _DAY_FIRST_OR_MONTH_FIRST.match(text):
        return ("无法确定日与月的顺序:请按 年-月-日 书写,如 2020-03-05",
                "the order of day and month cannot be told: write year-month-day, e.g. 2020-03-05")
    if with_time and parse_date_text(text, False):
        return ("应为时间,格式 YYYY-MM-DD HH:MM:此格只有日期,缺少时刻",
                "expected a time as YYYY-MM-DD HH:MM: this cell has a date but no time")
    written = parse_date_text(text, with_time) if not _CONTRACT[with_time].match(text) else text
    if written and not FIRST_YEAR <= int(written[:4]) <= today().year + PLANNED_YEARS:
        return (f"日期不在合理范围内(应在 {FIRST_YEAR} 年到今天之间)",
                f"the date is out of range (expected {FIRST_YEAR} to today)")
    return None


def normalize_dates(columns: list[tuple[str, bool]], frame: pd.DataFrame) -> pd.DataFrame:
    """Date (False) and time (True) columns rewritten in the contract's format where they can be read; the rest
    left as written, for the checks to report. Cells already in the contract's format are not looked at again."""
    out = frame.copy()
    for name, with_time in columns:
        cells = out[name]
        text = cells.astype("object")
        filled = text.notna()
        written = text[filled].astype(str)
        other = ~written.str.match(_CONTRACT[with_time].pattern)
        if other.any():
            rewritten = written[other].map(lambda v: parse_date_text(v, with_time) or v)
            out.loc[rewritten.index, name] = rewritten
    return out
