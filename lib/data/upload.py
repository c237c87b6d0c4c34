"""An uploaded table file checked before anything is written, and the change it would make.

    read_upload(spec, filename, data, places, progress) -> UploadCheck   every problem at once, or the typed rows
    plan_change(spec, current, incoming, mode)          -> ChangePlan    rows added, replaced, removed, duplicates

Accepted: CSV in UTF-8 (with or without BOM) or GBK/GB18030, and XLSX (its first sheet; formula cells read as their
saved values), within the limits of lib/data/upload_file.py. Headers may be the column names, or their Chinese or
English labels. Cells are made plain first (lib/data/cells.py: invisible characters, full-width digits, the names of
codes). Dates may be written 2020-03-05, 2020/3/5, 2020.3.5, 2020年3月5日 or as Excel serial numbers
(lib/data/dates.py). A town or village may be given by its code or its name, a village only within its row's town
(lib/data/places.py). Then every rule of the data contract is checked, part by part, and the keys once at the end.
A problem names the column as the file's header does, and quotes the cell as the file holds it.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

import pandas as pd

from lib.data.cells import name_key, plain_cells
from lib.data.contracts import DatasetSpec
from lib.data.dates import normalize_dates
from lib.data.places import Places, resolve_places, suggest_codes
from lib.data.problems import MAX_PROBLEMS, DataLoadError, DataProblem, duplicate_key_problems, short
from lib.data.store import DataBundle, compact, parse_frame
from lib.data.templates import key_text
from lib.data.upload_file import MAX_UPLOAD_BYTES, TableFile, decode_text, open_table

__all__ = ["MAX_UPLOAD_BYTES", "ChangePlan", "Mode", "Places", "UploadCheck", "decode_text", "header_map",
           "map_headers", "plan_change", "read_upload", "suggest_codes"]

Mode = Literal["replace", "append"]
Progress = Callable[[float], None]


@dataclass(frozen=True)
class UploadCheck:
    """The upload read and checked: `frame` is the typed rows when there are no problems."""

    problems: list[DataProblem]
    frame: pd.DataFrame | None = None
    sheet: str | None = None  # the sheet read, for a workbook
    other_sheets: list[str] = field(default_factory=list)  # sheets of the workbook that were not read

    @property
    def ok(self) -> bool:
        return not self.problems and self.frame is not None


@dataclass(frozen=True)
class ChangePlan:
    """What a confirmed upload would do to the dataset as it is now (an append is planned again when written)."""

    mode: Mode
    added: int
    replaced: int
    removed: int
    duplicates: list[str] = field(default_factory=list)
    rows_after: int = 0


def _problem(spec: DatasetSpec, filename: str, zh: str, en: str, row: int | None = None,
             column: str | None = None, value: str | None = None) -> DataProblem:
    return DataProblem(spec.name, filename, row, column, value, zh, en)


# ---------------------------------------------------------------- headers

def header_map(spec: DatasetSpec) -> dict[str, str]:
    """Every accepted header (column name, Chinese label, English label; compared by name_key) -> column name."""
    mapping: dict[str, str] = {}
    for col in spec.columns:
        for header in (col.name, col.zh, col.en):
            mapping.setdefault(name_key(header), col.name)
    return mapping


def columns_of_headers(spec: DatasetSpec, filename: str, headers: list[str]) -> tuple[dict[str, str], list[DataProblem]]:
    """The file's headers -> column names; extra, repeated and missing columns are problems."""
    mapping = header_map(spec)
    renamed: dict[str, str] = {}
    problems: list[DataProblem] = []
    expected = ", ".join(f"{c.zh}/{c.name}" for c in spec.columns)
    expected_en = ", ".join(f"{c.en}/{c.name}" for c in spec.columns)
    for header in headers:
        name = mapping.get(name_key(header))
        if name is None:
            problems.append(_problem(spec, filename, f"多出的或无法识别的列;应为:{expected}",
                                     f"an extra or unrecognised column; expected: {expected_en}", column=short(header)))
        elif name in renamed.values():
            problems.append(_problem(spec, filename, f"与另一列重复(都对应 {name})", f"repeats another column (both are {name})",
                                     column=short(header)))
        else:
            renamed[header] = name
    for col in spec.columns:
        if col.name not in renamed.values():
            problems.append(_problem(spec, filename, f"缺少此列(表头“{col.zh}”)", f"this column is missing (header '{col.en}')",
                                     column=col.name))
    return renamed, problems


def map_headers(spec: DatasetSpec, filename: str, raw: pd.DataFrame) -> tuple[pd.DataFrame, list[DataProblem]]:
    """`raw` with its headers renamed to column names; extra and repeated columns are problems."""
    renamed, problems = columns_of_headers(spec, filename, [str(h) for h in raw.columns])
    return raw[list(renamed)].rename(columns=renamed), problems


# ---------------------------------------------------------------- the whole check

def _as_written(problem: DataProblem, written: pd.DataFrame) -> DataProblem:
    """The problem quoting its cell as the file holds it (not as it was made plain or typed)."""
    if problem.row is None or problem.column not in written or problem.row - 2 not in written.index:
        return problem
    return DataProblem(problem.dataset, problem.file, problem.row, problem.column,
                       short(written.at[problem.row - 2, problem.column]), problem.expected_zh, problem.expected_en)


def _check_part(spec: DatasetSpec, filename: str, written: pd.DataFrame,
                places: Places) -> tuple[pd.DataFrame | None, list[DataProblem]]:
    """One part of the file (cells as written, contract column names) typed and checked, or its problems."""
    dates = [(c.name, c.kind == "datetime") for c in spec.columns if c.kind in ("date", "datetime")]
    cells = normalize_dates(dates, plain_cells(spec, written))
    cells, problems = resolve_places(spec, filename, cells, places)
    try:
        typed = parse_frame(spec, cells, first_row=2, keys=False)
    except DataLoadError as err:
        reported = {(p.row, p.column) for p in problems}
        problems += [DataProblem(p.dataset, filename, p.row, p.column, p.value, p.expected_zh, p.expected_en)
                     for p in err.problems if (p.row, p.column) not in reported]
        typed = None
    return (None if problems else typed), [_as_written(p, written) for p in problems]


def _refused(problems: list[DataProblem], table: TableFile | None, headers: dict[str, str]) -> UploadCheck:
    """The problems in the order of the file, columns named by the file's headers, and which sheet was read."""
    named = [DataProblem(p.dataset, p.file, p.row, headers.get(p.column or "", p.column), p.value, p.expected_zh,
                         p.expected_en) for p in problems]
    named.sort(key=lambda p: (p.row or 0, p.column or ""))
    named = named[:MAX_PROBLEMS]
    if table is not None and table.other_sheets:
        others = "、".join(table.other_sheets)
        named.append(DataProblem(named[0].dataset, table.name, None, None, None,
                                 f"只读取第一个工作表“{table.sheet}”;本工作簿另有工作表 {others} 未读取。请把数据放在第一个工作表",
                                 f"only the first sheet, '{table.sheet}', is read; the workbook's other sheets "
                                 f"({', '.join(table.other_sheets)}) are not: put the data on the first sheet"))
    return UploadCheck(named, None, table.sheet if table else None, table.other_sheets if table else [])


def read_upload(spec: DatasetSpec, filename: str, data: bytes, places: Places,
                progress: Progress | None = None) -> UploadCheck:
    """Read and check an uploaded file of `spec`: every problem found (up to MAX_PROBLEMS), or the typed rows.

    `progress(fraction)` is told how far the check has gone, part by part."""
    if spec.geometry:
        raise ValueError(f"{spec.name} is a boundary dataset; uploads take table datasets only")
    try:
        table = open_table(spec, filename, data)
    except DataLoadError as err:
        return UploadCheck(err.problems)
    columns, problems = columns_of_headers(spec, table.name, table.header)
    headers = {column: header for header, column in columns.items() if header != column}
    if problems:
        return _refused(problems, table, headers)
    typed_parts: list[pd.DataFrame] = []
    done = 0
    try:
        for part in table.parts:
            if part.empty:
                continue
            typed, found = _check_part(spec, table.name, part[list(columns)].rename(columns=columns), places)
            problems += found
            if problems:
                typed_parts.clear()  # refused: the rows are no longer needed
                if len(problems) >= MAX_PROBLEMS:
                    break
            elif typed is not None:
                typed_parts.append(typed)
            done += len(part)
            if progress:
                progress(min(done / max(table.expected_rows, 1), 1.0))
    except DataLoadError as err:
        problems += err.problems
    if not problems and not typed_parts:
        problems = [_problem(spec, table.name, "文件没有数据行", "the file has no data rows")]
    if problems:
        return _refused(problems, table, headers)
    frame = compact(spec, pd.concat(typed_parts) if len(typed_parts) > 1 else typed_parts[0])
    if duplicates := duplicate_key_problems(spec, table.name, frame, key_text(spec, frame), first_row=2):
        return _refused(duplicates, table, headers)
    return UploadCheck([], frame.reset_index(drop=True), table.sheet, table.other_sheets)


# ---------------------------------------------------------------- the plan

def plan_change(spec: DatasetSpec, current: DataBundle, incoming: pd.DataFrame, mode: Mode) -> ChangePlan:
    """What replacing the dataset (as `current` holds it) with `incoming`, or appending `incoming` to it, would change.

    Append adds only rows whose key is new; rows whose key is already there are reported as duplicates. Keys are
    unique within a dataset (the contract checks it), so the rows a replace removes are those whose key it lacks."""
    new_keys = key_text(spec, incoming)
    held, rows_before = current.existing_keys(spec, new_keys), current.rows(spec.name)
    if mode == "replace":
        new_set = set(new_keys)
        return ChangePlan("replace", added=len(new_set - held), replaced=len(new_set & held),
                          removed=rows_before - len(new_set & held), rows_after=len(incoming))
    fresh = ~new_keys.isin(held)
    duplicates = sorted(new_keys[~fresh].tolist())
    return ChangePlan("append", added=int(fresh.sum()), replaced=0, removed=0, duplicates=duplicates,
                      rows_after=rows_before + int(fresh.sum()))
