"""Problems found in a data file, named the way a person can find and fix them."""
from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd
import pandera.pandas as pa

from lib.data.contracts import DATASETS_BY_NAME, DatasetSpec
from lib.i18n import Lang

MAX_PROBLEMS = 50


@dataclass(frozen=True)
class DataProblem:
    dataset: str  # dataset name, e.g. "incidents"
    file: str
    row: int | None  # the line in a CSV (header = line 1) or the feature number in a GeoJSON
    column: str | None
    value: str | None
    expected_zh: str
    expected_en: str

    def message(self, lang: Lang) -> str:
        """Where the problem is and what was expected, e.g. '警情案件 (incidents.csv),第 6 行,列 crime_type,值 “x”:…'."""
        spec = DATASETS_BY_NAME.get(self.dataset)
        dataset = (spec.zh if lang == "zh" else spec.en) if spec else self.dataset
        row, column, value, comma, colon = _WORDS[lang]
        where = [f"{dataset} ({self.file})"]
        where += [row.format(self.row)] if self.row is not None else []
        where += [column.format(self.column)] if self.column else []
        where += [value.format(self.value)] if self.value is not None else []
        return comma.join(where) + colon + (self.expected_zh if lang == "zh" else self.expected_en)


_WORDS: dict[str, tuple[str, str, str, str, str]] = {
    "zh": ("第 {} 行", "列 {}", "值 “{}”", ",", ":"),
    "en": ("row {}", "column {}", "value '{}'", ", ", ": "),
}


class DataLoadError(Exception):
    """Raised with every problem found, so the whole list can be shown at once."""

    def __init__(self, problems: list[DataProblem]):
        super().__init__(f"{len(problems)} data problem(s); first: {problems[0].message('en') if problems else ''}")
        self.problems = problems


def _short(value: object, limit: int = 60) -> str:
    text = str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _expected_from_check(check: str) -> tuple[str, str]:
    """Turn a pandera check description into what was expected, in both languages."""
    if check.startswith("isin("):
        allowed = ", ".join(re.findall(r"'([^']*)'", check))
        return f"应为以下代码之一:{allowed}", f"expected one of: {allowed}"
    if m := re.match(r"greater_than_or_equal_to\((.+)\)", check):
        return f"应不小于 {m[1]}", f"expected a value of at least {m[1]}"
    if m := re.match(r"greater_than\((.+)\)", check):
        return f"应大于 {m[1]}", f"expected a value above {m[1]}"
    if m := re.match(r"in_range\((.+), (.+)\)", check):
        return f"应在 {m[1]} 到 {m[2]} 之间", f"expected a value between {m[1]} and {m[2]}"
    if check.startswith("str_matches"):
        return "格式不对:只能含字母、数字和 _ . -,代码应为数字", "wrong format: letters, digits and _ . - only; codes are digits"
    if check == "field_uniqueness":
        return "与其他行重复,应唯一", "duplicates another row; it must be unique"
    if check == "not_nullable":
        return "不能为空", "must not be empty"
    if check == "column_in_dataframe":
        return "缺少此列", "this column is missing"
    return f"未通过检查:{check}", f"failed the check: {check}"


def problems_from_schema_errors(spec: DatasetSpec, err: pa.errors.SchemaErrors, first_row: int) -> list[DataProblem]:
    """One problem per failing cell (row number counted from `first_row` for index 0)."""
    problems: list[DataProblem] = []
    cases: pd.DataFrame = err.failure_cases
    for case in cases.itertuples(index=False):
        index = getattr(case, "index")
        column = getattr(case, "column")
        check = str(getattr(case, "check"))
        value = getattr(case, "failure_case")
        if check == "column_in_dataframe":
            column, value = value, None
        zh, en = _expected_from_check(check)
        if column is None or (isinstance(column, float) and pd.isna(column)):
            column = None
            zh, en = f"未通过整表检查:{check}", f"failed the table check: {check}"
        row = None if index is None or pd.isna(index) else int(index) + first_row
        problems.append(DataProblem(spec.name, spec.file, row, column, None if value is None else _short(value), zh, en))
        if len(problems) >= MAX_PROBLEMS:
            break
    return problems
