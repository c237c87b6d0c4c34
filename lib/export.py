"""Tables as files people open in Excel or WPS: CSV in UTF-8 with BOM, and XLSX; headers in the UI language.

A file downloaded from a page carries its context (`About`): the page, the table, the period, every filter as
shown, the data's as-of date, whether it is demo data or the public copy, when it was made and the link of the
view. An XLSX holds it on a first sheet "说明" / "About"; a CSV on its first lines, each starting with "#" (read
the table with `pandas.read_csv(path, comment="#")`, or skip the lines up to the first without "#").
"""
from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime

import pandas as pd

from lib.data.contracts import DatasetSpec
from lib.i18n import Lang, t

FORMULA_START = ("=", "+", "-", "@")
CONTEXT_MARK = "#"  # the first cell of a CSV's context lines
_UNSAFE_IN_NAME = re.compile(r'[\\/:*?"<>|\s]+')
_DATE_RANGE = re.compile(r"^(\d{4}-\d{2}-\d{2}) ~ (\d{4}-\d{2}-\d{2})$")


@dataclass(frozen=True)
class About:
    """Where a file comes from: enough for a reader to know what its figures cover without the dashboard."""

    page: str  # the page's title
    lang: Lang
    filters: tuple[tuple[str, str], ...]  # (label, value as shown), every filter of the page
    period: str | None  # as the period's filter shows it ('2020-01-01 ~ 2020-12-31', '2020'); None when none
    as_of: date | None
    demo: bool
    public: bool
    generated: datetime
    link: str

    def rows(self, table: str | None = None) -> list[tuple[str, str]]:
        """The context as (label, value) lines, in the reader's language."""
        lang = self.lang
        rows = [(t("export.page", lang), self.page)]
        if table:
            rows.append((t("export.table", lang), table))
        if self.period:
            rows.append((t("export.period", lang), self.period_shown))
        rows += [(label, value) for label, value in self.filters if value != self.period]
        rows += [
            (t("export.as_of", lang), self.as_of.isoformat() if self.as_of else t("export.unknown", lang)),
            (t("export.demo_row", lang), t("export.demo_yes" if self.demo else "export.demo_no", lang)),
            (t("export.copy_row", lang), t("export.copy_public" if self.public else "export.copy_internal", lang)),
            (t("export.generated", lang), self.generated.strftime("%Y-%m-%d %H:%M")),
            (t("export.link", lang), self.link),
        ]
        return rows

    def now(self) -> About:
        """The same context, made now (a download is built when it is clicked, not when its button is drawn)."""
        return replace(self, generated=datetime.now())

    def caption(self) -> str:
        """One line under a chart's title: '统计期 2020-01-01 ~ 2020-12-31 · 数据截至 2021-03-11 · 演示数据'."""
        lang = self.lang
        parts = [f"{t('export.period', lang)} {self.period_shown}"] if self.period else []
        parts.append(f"{t('export.as_of', lang)} {self.as_of.isoformat() if self.as_of else t('export.unknown', lang)}")
        if self.demo:
            parts.append(t("shell.demo_label", lang))
        if self.public:
            parts.append(t("pub.badge", lang))
        return " · ".join(parts)

    def file_name(self, title: str, extension: str) -> str:
        """'犯罪趋势_2020-01-01_2020-12-31_各镇(街道)汇总.xlsx': the page, the period and what the file holds."""
        parts = [self.page, self.period_for_file(), title]
        return "_".join(_UNSAFE_IN_NAME.sub("_", p).strip("_") for p in parts if p) + "." + extension

    @property
    def period_shown(self) -> str | None:
        """The period as a reader says it: '2020-01-01 ~ 2020-12-31', '2020年'."""
        if self.period and self.period.isdigit():
            return t("export.year", self.lang, year=self.period)
        return self.period

    def period_for_file(self) -> str | None:
        if not self.period:
            return None
        span = _DATE_RANGE.match(self.period)
        return f"{span[1]}_{span[2]}" if span else self.period_shown


def localized_headers(frame: pd.DataFrame, spec: DatasetSpec, lang: Lang) -> pd.DataFrame:
    """The dataset's columns renamed to their labels (a column the contract does not know keeps its name)."""
    labels = {c.name: (c.zh if lang == "zh" else c.en) for c in spec.columns}
    return frame.rename(columns=labels)


def with_code_labels(frame: pd.DataFrame, spec: DatasetSpec, lang: Lang) -> pd.DataFrame:
    """Records as people read them: each coded column of the contract shows its label under the column's name,
    and keeps the code itself in a column of its own just after it ('办理状态' 已破案, '办理状态代码' solved)."""
    out = frame.copy()
    for column in spec.columns:
        if not column.codes or column.name not in out.columns:
            continue
        labels = {c.code: (c.zh if lang == "zh" else c.en) for c in column.codes}
        codes = out[column.name].astype("object")
        position = out.columns.get_loc(column.name)
        out[column.name] = codes.map(lambda c: labels.get(c, c))
        out.insert(position + 1, t("export.code_column", lang, column=column.zh if lang == "zh" else column.en), codes)
    return localized_headers(out, spec, lang)


def _inert(frame: pd.DataFrame) -> pd.DataFrame:
    """Text cells that a spreadsheet would run as a formula are prefixed with ' (CSV injection)."""
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column]):
            out[column] = out[column].map(lambda v: "'" + v if isinstance(v, str) and v.startswith(FORMULA_START) else v)
    return out


def _about_frame(about: About, table: str | None) -> pd.DataFrame:
    rows = about.rows(table)
    return pd.DataFrame({t("export.about_item", about.lang): [r[0] for r in rows],
                         t("export.about_value", about.lang): [r[1] for r in rows]})


def to_csv_bytes(frame: pd.DataFrame, about: About | None = None, table: str | None = None) -> bytes:
    """The table as CSV; with `about`, its context first, one '#' line each."""
    head = ""
    if about is not None:
        lines = _inert(_about_frame(about, table))
        head = "".join(pd.DataFrame({"mark": [CONTEXT_MARK] * len(lines), **{c: lines[c] for c in lines.columns}})
                       .to_csv(index=False, header=False))
    return (head + _inert(frame).to_csv(index=False)).encode("utf-8-sig")


def sheet_name(title: str, taken: Sequence[str] = ()) -> str:
    """A worksheet name Excel accepts (at most 31 characters, none of []:*?/\\), unique among `taken`."""
    base = re.sub(r"[\[\]:*?/\\]", "_", title)[:31] or "data"
    name, n = base, 1
    while name in taken:
        n += 1
        suffix = f"({n})"
        name = base[: 31 - len(suffix)] + suffix
    return name


def workbook_bytes(sheets: Sequence[tuple[str, pd.DataFrame]], about: About | None = None) -> bytes:
    """An XLSX: with `about`, a first sheet "说明"/"About" of the context, then one sheet per (title, table)."""
    buffer = io.BytesIO()
    taken: list[str] = []
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        if about is not None:
            name = sheet_name(t("export.about_sheet", about.lang))
            _inert(_about_frame(about, sheets[0][0] if len(sheets) == 1 else None)).to_excel(
                writer, index=False, sheet_name=name)
            writer.sheets[name].column_dimensions["A"].width = 16
            writer.sheets[name].column_dimensions["B"].width = 90
            taken.append(name)
        for title, frame in sheets:
            name = sheet_name(title, taken)
            taken.append(name)
            _inert(frame).to_excel(writer, index=False, sheet_name=name)
    return buffer.getvalue()


def to_xlsx_bytes(frame: pd.DataFrame, sheet: str = "data", about: About | None = None) -> bytes:
    """One table as XLSX, on the sheet `sheet` (with `about`, after the context sheet)."""
    return workbook_bytes([(sheet, frame)], about)
