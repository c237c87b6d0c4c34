"""Problems found in a data file, named the way a person can find and fix them."""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pandas as pd

from lib.data.contracts import DATASETS_BY_NAME, DatasetSpec
from lib.data.rules import Expect, RowRule
from lib.i18n import Lang

if TYPE_CHECKING:  # pandera is imported where a check runs: a start from the checked snapshot never needs it
    import pandera.pandas as pa

MAX_PROBLEMS = 50


@dataclass(frozen=True)
class DataProblem:
    dataset: str  # dataset name, e.g. "incidents"
    file: str
    row: int | None  # the line in a CSV (header = line 1) or the feature number in a GeoJSON
    column: str | None  # as the file names it (its header), else the contract's column name
    value: str | None  # the cell as the file holds it; "" for an empty cell
    expected_zh: str
    expected_en: str

    def message(self, lang: Lang) -> str:
        """Where the problem is and what was expected, e.g. '警情案件 (incidents.csv),第 6 行,列 案件类别,值 “x”:…'."""
        spec = DATASETS_BY_NAME.get(self.dataset)
        dataset = (spec.zh if lang == "zh" else spec.en) if spec else self.dataset
        row, column, value, empty, comma, colon = _WORDS[lang]
        where = [f"{dataset} ({self.file})"]
        where += [row.format(self.row)] if self.row is not None else []
        where += [column.format(self.column)] if self.column else []
        where += [empty if self.value == "" else value.format(self.value)] if self.value is not None else []
        return comma.join(where) + colon + (self.expected_zh if lang == "zh" else self.expected_en)


_WORDS: dict[str, tuple[str, str, str, str, str, str]] = {
    "zh": ("第 {} 行", "列 {}", "值 “{}”", "单元格为空", ",", ":"),
    "en": ("row {}", "column {}", "value '{}'", "empty cell", ", ", ": "),
}


class DataLoadError(Exception):
    """Raised with every problem found, so the whole list can be shown at once."""

    def __init__(self, problems: list[DataProblem]):
        super().__init__(f"{len(problems)} data problem(s); first: {problems[0].message('en') if problems else ''}")
        self.problems = problems


def short(value: object, limit: int = 60) -> str:
    """A cell as text for a message: at most `limit` characters, invisible characters shown as codes."""
    text = "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)
    text = "".join(f"<U+{ord(ch):04X}>" if _invisible(ch) else ch for ch in text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _invisible(ch: str) -> bool:
    return unicodedata.category(ch) in ("Cf", "Cc") or ch in "\u00a0\u3000"


_BUILT_IN: dict[str, tuple[str, str]] = {
    "field_uniqueness": ("与其他行重复,应唯一", "duplicates another row; it must be unique"),
    "not_nullable": ("此列必填", "a value is required"),
    "column_in_dataframe": ("缺少此列", "this column is missing"),
}


def _key_words(spec: DatasetSpec) -> tuple[str, str]:
    zh = "、".join(spec.column(c).zh for c in spec.key)
    en = " and ".join(spec.column(c).en.lower() for c in spec.key)
    return f"与其他行重复:同一{zh}只能有一行", f"duplicates another row: one row per {en}"


def problems_from_schema_errors(spec: DatasetSpec, err: pa.errors.SchemaErrors, first_row: int,
                                cells: pd.DataFrame | None = None) -> list[DataProblem]:
    """One problem per failing cell (row number counted from `first_row` for index 0).

    `cells` (same index) holds the cells as the file has them, to quote instead of the typed value. A rule between
    cells is reported once per row, at its first column; a column whose type is wrong as a whole is left to the
    problems its cells already gave."""
    problems: list[DataProblem] = []
    seen: set[tuple[int | None, str | None, str]] = set()
    cases: pd.DataFrame = err.failure_cases
    for case in cases.itertuples(index=False):
        index, column, check = case.index, case.column, str(case.check)
        value = case.failure_case
        if check.startswith("dtype("):
            continue  # the cells that could not be read as the type are problems of their own
        rule = spec.rule(check)
        if isinstance(rule, RowRule):
            column = rule.columns[0]
        elif check == "column_in_dataframe":
            column, value = value, None
        elif check == "multiple_fields_uniqueness":
            column = spec.key[0]
        column = None if column is None or (isinstance(column, float) and pd.isna(column)) else str(column)
        row = None if index is None or pd.isna(index) else int(index) + first_row
        if (row, column, check) in seen:
            continue
        seen.add((row, column, check))
        if cells is not None and row is not None and column in cells:
            value = short(cells.at[index, column])
        if check == "multiple_fields_uniqueness":
            zh, en = _key_words(spec)
        elif rule is not None:
            zh, en = rule.expected(value) if isinstance(rule, Expect) else (rule.zh, rule.en)
        else:
            zh, en = _BUILT_IN.get(check, (f"未通过检查:{check}", f"failed the check: {check}"))
        if check == "not_nullable":
            value = ""
        problems.append(DataProblem(spec.name, spec.file, row, column, None if value is None else short(value), zh, en))
        if len(problems) >= MAX_PROBLEMS:
            break
    return problems


def duplicate_key_problems(spec: DatasetSpec, filename: str, frame: pd.DataFrame, keys: pd.Series,
                           first_row: int) -> list[DataProblem]:
    """Rows whose key (`keys`, aligned with `frame`) another row has too: each of them, up to MAX_PROBLEMS."""
    repeated = keys.duplicated(keep=False)
    column = spec.key_columns[0]
    zh, en = _key_words(spec) if spec.key else _BUILT_IN["field_uniqueness"]
    return [DataProblem(spec.name, filename, int(index) + first_row, column, short(keys[index].replace("|", ", ")), zh, en)
            for index in repeated[repeated].index[:MAX_PROBLEMS]]
