"""A table laid out for print: every cell as text, long tables capped, wide ones turned landscape or split.

A4 leaves 186 mm across in portrait and 273 mm in landscape (12 mm margins); a table is laid out to a little less. Column widths are estimated from
the text (a Chinese character is about one em, a digit or Latin letter about half), headers may wrap onto
HEADER_LINES lines, cells do not wrap below TEXT_WRAP_MM. A table wider than a landscape page is split into parts
that each repeat its key columns (the leading text columns that say what a row is).
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date, datetime

import numpy as np
import pandas as pd

from lib.formatting import trimmed

MISSING = "—"
ROW_CAP = 200  # rows printed of one table; the complete table is attached to the briefing as XLSX
PORTRAIT_MM, LANDSCAPE_MM = 180.0, 265.0  # A4 less its margins, and a little room to spare
FONT_PT = 8.5
EM_MM = FONT_PT * 25.4 / 72
PAD_MM = 3.4  # cell padding and borders
HEADER_LINES = 3
TEXT_WRAP_MM = 55.0  # a longer cell wraps (names, lists); shorter ones keep to one line
MAX_KEY_COLUMNS = 3


def cell_text(value: object) -> str:
    """A cell as the briefing prints it: missing values read '—', never '<NA>', 'None' or 'nan'."""
    if value is None or value is pd.NA or value is pd.NaT:
        return MISSING
    if isinstance(value, (float, np.floating)):
        return MISSING if np.isnan(value) else trimmed(float(value), 2)
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat() if value == value.normalize() else value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    text = str(value)
    return MISSING if text.strip() in ("", "<NA>", "None", "nan", "NaT") else text


def text_mm(text: str) -> float:
    """The width of `text` on one line at the table's font size."""
    ems = sum(1.0 if unicodedata.east_asian_width(ch) in ("W", "F") else 0.6 for ch in text)
    return ems * EM_MM


def _longest_unbreakable_mm(text: str) -> float:
    """A header wraps between words, and anywhere in Chinese: its widest piece that cannot be broken."""
    pieces = [p for chunk in text.split() for p in ([chunk] if chunk.isascii() else list(chunk))]
    return max((text_mm(p) for p in pieces), default=0.0)


def column_mm(header: str, cells: list[str]) -> float:
    widest = max((text_mm(c) for c in cells), default=0.0)
    header_need = max(text_mm(header) / HEADER_LINES, _longest_unbreakable_mm(header))
    return max(min(widest, TEXT_WRAP_MM), header_need) + PAD_MM


def _numeric(cells: list[str]) -> bool:
    """Right-aligned: every cell is a number (or '<3', '—')."""
    def number(text: str) -> bool:
        stripped = text.replace(",", "").replace("%", "").replace("+", "").replace("¥", "")
        try:
            float(stripped)
            return True
        except ValueError:
            return text in (MISSING, "<3") or text.startswith("<")
    return bool(cells) and all(number(c) for c in cells)


@dataclass(frozen=True)
class TablePart:
    columns: list[str]
    rows: list[list[str]]
    numeric: list[bool]  # per column: right-aligned
    wrap: list[bool]  # per column: long text that wraps (other cells keep to one line)
    landscape: bool


@dataclass(frozen=True)
class LaidOutTable:
    title: str
    parts: list[TablePart]
    shown_rows: int
    total_rows: int

    @property
    def capped(self) -> bool:
        return self.shown_rows < self.total_rows


def key_columns(numeric: list[bool]) -> int:
    """How many leading columns say what a row is: up to and including the leading text columns (at most 3)."""
    keys = 0
    for position, is_number in enumerate(numeric[:MAX_KEY_COLUMNS]):
        if not is_number:
            keys = position + 1
        elif keys:
            break
    return max(keys, 1)


def split_columns(widths: list[float], keys: int, page_mm: float) -> list[list[int]]:
    """Column positions of each part: the key columns, then as many others as fit across `page_mm`."""
    groups: list[list[int]] = []
    room = page_mm - sum(widths[:keys])
    current: list[int] = []
    used = 0.0
    for position in range(keys, len(widths)):
        if current and used + widths[position] > room:
            groups.append(current)
            current, used = [], 0.0
        current.append(position)
        used += widths[position]
    if current or not groups:
        groups.append(current)
    return [list(range(keys)) + group for group in groups]


def lay_out(title: str, frame: pd.DataFrame, cap: int = ROW_CAP, across_mm: float | None = None) -> LaidOutTable:
    """`frame` (headers as the reader sees them) for print: at most `cap` rows, in one part or several.

    On A4 a table goes portrait, else landscape, else split; with `across_mm` (a slide's width, in this module's
    type size) it is split to that width, with no page turned."""
    shown = frame.head(cap)
    columns = [str(c) for c in frame.columns]
    cells = [[cell_text(v) for v in shown.iloc[:, i]] for i in range(len(columns))]
    numeric = [_numeric([c for c in col if c != MISSING]) for col in cells]
    widths = [column_mm(header, col) for header, col in zip(columns, cells)]
    total = sum(widths)
    if across_mm is not None:
        groups = split_columns(widths, key_columns(numeric), across_mm) if total > across_mm else [list(range(len(columns)))]
        landscape = False
    elif total <= PORTRAIT_MM or len(columns) <= 1:
        groups, landscape = [list(range(len(columns)))], False
    elif total <= LANDSCAPE_MM:
        groups, landscape = [list(range(len(columns)))], True
    else:
        groups, landscape = split_columns(widths, key_columns(numeric), LANDSCAPE_MM), True
    wrap = [max((text_mm(c) for c in col), default=0.0) > TEXT_WRAP_MM for col in cells]
    parts = [TablePart([columns[i] for i in group], [[cells[i][r] for i in group] for r in range(len(shown))],
                       [numeric[i] for i in group], [wrap[i] for i in group], landscape) for group in groups]
    return LaidOutTable(title, parts, len(shown), len(frame))
