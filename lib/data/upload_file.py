"""An uploaded table file opened for checking: its limits, its encoding or workbook, and its rows in parts.

Limits answer before anything is parsed: the size of the file, its count of lines (CSV), the size of the workbook
once unzipped and the rows its sheet declares (XLSX). The rows then come in parts of PART_ROWS, so a million-row
file is checked in bounded memory. CSV: UTF-8 (with or without BOM) or GB18030/GBK. XLSX: the first sheet, formula
cells read as their saved values; the other sheets are named, never read.
"""
from __future__ import annotations

import codecs
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime

import pandas as pd

from lib.data.contracts import DatasetSpec
from lib.data.dates import DATE_FORMAT, DATETIME_FORMAT
from lib.data.problems import DataLoadError, DataProblem

MB = 1024 * 1024
MAX_UPLOAD_BYTES = 200 * MB  # .streamlit/config.toml server.maxUploadSize states the same (a test keeps them equal)
MAX_ROWS = 2_000_000
MAX_XLSX_ROWS = 300_000  # openpyxl reads about 10,000 rows a second: larger tables come as CSV
MAX_XLSX_UNZIPPED = 300 * MB
PART_ROWS = 100_000
ENCODINGS = ("utf-8-sig", "gb18030")  # utf-8-sig also reads UTF-8 without a BOM; GB18030 is a superset of GBK
_SLICE = 4 * MB


@dataclass
class TableFile:
    """An opened upload: the header as the file writes it, the rows in parts, and for a workbook its sheets."""

    name: str  # the file's name, with the sheet read for a workbook
    header: list[str]
    parts: Iterator[pd.DataFrame]  # text cells (missing when empty), the file's headers, index = data row from 0
    expected_rows: int  # an upper bound, for progress
    sheet: str | None = None
    other_sheets: list[str] = field(default_factory=list)


def _problem(spec: DatasetSpec, filename: str, zh: str, en: str) -> DataLoadError:
    return DataLoadError([DataProblem(spec.name, filename, None, None, None, zh, en)])


def _encoding_of(data: bytes) -> str | None:
    """The encoding of a CSV file (UTF-8 or GB18030); None when it is not text in those. Decodes in slices, keeping
    nothing, so a large file costs no copy."""
    if b"\x00" in data[:65536]:
        return None
    for encoding in ENCODINGS:
        decoder = codecs.getincrementaldecoder(encoding)()
        try:
            head = decoder.decode(data[:65536], final=len(data) <= 65536)
            for start in range(65536, len(data), _SLICE):
                decoder.decode(data[start:start + _SLICE], final=start + _SLICE >= len(data))
        except UnicodeDecodeError:
            continue
        if any(ord(ch) < 32 and ch not in "\r\n\t" for ch in head):
            return None
        return encoding
    return None


def decode_text(data: bytes) -> str | None:
    """The text of a CSV file in UTF-8 (BOM or not) or GB18030/GBK; None when it is not text in those."""
    encoding = _encoding_of(data)
    return data.decode(encoding) if encoding else None


def _csv(spec: DatasetSpec, filename: str, data: bytes) -> TableFile:
    encoding = _encoding_of(data)
    if encoding is None:
        raise _problem(spec, filename, "不是文本 CSV 文件,或编码不是 UTF-8/GBK/GB18030",
                       "not a text CSV file, or not encoded in UTF-8/GBK/GB18030")
    lines = data.count(b"\n") + (0 if data.endswith(b"\n") else 1)
    if lines - 1 > MAX_ROWS:
        raise _problem(spec, filename, f"行数过多(约 {lines - 1:,} 行),上限 {MAX_ROWS:,} 行;请分批上传",
                       f"too many rows (about {lines - 1:,}); the limit is {MAX_ROWS:,} rows: upload it in parts")
    text = {"encoding": encoding, "dtype": str, "keep_default_na": False, "na_values": [""], "skip_blank_lines": True}
    try:
        header = [str(h) for h in pd.read_csv(io.BytesIO(data), nrows=0, **text).columns]
    except Exception as exc:
        raise _problem(spec, filename, f"无法读取为 CSV:{exc}", f"cannot be read as a CSV: {exc}") from exc

    def parts() -> Iterator[pd.DataFrame]:
        try:
            for part in pd.read_csv(io.BytesIO(data), chunksize=PART_ROWS, **text):
                yield part
        except DataLoadError:
            raise
        except Exception as exc:
            raise _problem(spec, filename, f"无法读取为 CSV:{exc}", f"cannot be read as a CSV: {exc}") from exc

    return TableFile(filename, header, parts(), lines)


def cell_text(value: object) -> str | None:
    """An XLSX cell as text the contract reader understands; dates and times keep their meaning."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.strftime(DATETIME_FORMAT) if (value.hour, value.minute, value.second) != (0, 0, 0) \
            else value.strftime(DATE_FORMAT)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _xlsx(spec: DatasetSpec, filename: str, data: bytes) -> TableFile:
    import openpyxl

    bad = ("不是有效的 XLSX 文件(文件内容不是 Excel 工作簿)", "not a valid XLSX file (the content is not an Excel workbook)")
    if not data.startswith(b"PK\x03\x04") or not zipfile.is_zipfile(io.BytesIO(data)):
        raise _problem(spec, filename, *bad)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unzipped = sum(item.file_size for item in archive.infolist())
    except (zipfile.BadZipFile, OSError) as exc:
        raise _problem(spec, filename, *bad) from exc
    if unzipped > MAX_XLSX_UNZIPPED:
        raise _problem(spec, filename, f"工作簿解压后过大({unzipped / MB:,.0f} MB),上限 {MAX_XLSX_UNZIPPED // MB} MB;"
                       "大的表格请另存为 CSV 上传",
                       f"the workbook is too large once unzipped ({unzipped / MB:,.0f} MB); the limit is "
                       f"{MAX_XLSX_UNZIPPED // MB} MB: save a large table as CSV")
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        sheet = book.worksheets[0]
        declared = sheet.max_row or 0
    except Exception as exc:  # a damaged workbook is one clear problem
        raise _problem(spec, filename, f"XLSX 文件已损坏,无法读取:{type(exc).__name__}",
                       f"the XLSX file is damaged and cannot be read: {type(exc).__name__}") from exc
    name = f"{filename} [{sheet.title}]"
    too_many = (f"行数过多,上限 {MAX_XLSX_ROWS:,} 行;大的表格请另存为 CSV 上传(CSV 上限 {MAX_ROWS:,} 行)",
                f"too many rows; the limit is {MAX_XLSX_ROWS:,} rows: save a large table as CSV (up to {MAX_ROWS:,} rows)")
    if declared - 1 > MAX_XLSX_ROWS:
        book.close()
        raise _problem(spec, name, *too_many)
    rows = sheet.iter_rows(values_only=True)
    header: list[str] = []
    try:
        first = next(rows, None)
    except Exception as exc:
        book.close()
        raise _problem(spec, filename, f"XLSX 文件已损坏,无法读取:{type(exc).__name__}",
                       f"the XLSX file is damaged and cannot be read: {type(exc).__name__}") from exc
    if first is not None:
        header = [cell_text(h) or "" for h in first]
        while header and header[-1].strip() == "":
            header.pop()

    def parts() -> Iterator[pd.DataFrame]:
        width = len(header)
        body: list[list[str | None]] = []
        index: list[int] = []
        try:
            for number, row in enumerate(rows):
                if number >= MAX_XLSX_ROWS:
                    raise _problem(spec, name, *too_many)
                cells = [cell_text(v) for v in row[:width]]
                if all(c is None or c.strip() == "" for c in cells):
                    continue  # an empty (perhaps formatted) row
                body.append(cells + [None] * (width - len(cells)))
                index.append(number)
                if len(body) == PART_ROWS:
                    yield pd.DataFrame(body, columns=header, index=index, dtype="object")
                    body, index = [], []
        except DataLoadError:
            raise
        except Exception as exc:
            raise _problem(spec, name, f"XLSX 文件已损坏,无法读取:{type(exc).__name__}",
                           f"the XLSX file is damaged and cannot be read: {type(exc).__name__}") from exc
        finally:
            book.close()
        if body:
            yield pd.DataFrame(body, columns=header, index=index, dtype="object")

    return TableFile(name, header, parts(), max(declared, 1), sheet.title, book.sheetnames[1:])


def open_table(spec: DatasetSpec, filename: str, data: bytes) -> TableFile:
    """The upload opened; raise DataLoadError when it is too big, empty, or not what it claims to be."""
    if len(data) > MAX_UPLOAD_BYTES:
        raise _problem(spec, filename, f"文件过大({len(data) / MB:.1f} MB),上限 {MAX_UPLOAD_BYTES // MB} MB",
                       f"the file is too large ({len(data) / MB:.1f} MB); the limit is {MAX_UPLOAD_BYTES // MB} MB")
    if not data or data.isspace():
        raise _problem(spec, filename, "文件为空", "the file is empty")
    suffix = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    if suffix == "xlsx":
        return _xlsx(spec, filename, data)
    if suffix == "csv":
        return _csv(spec, filename, data)
    raise _problem(spec, filename, "只接受 .csv 或 .xlsx 文件", "only .csv or .xlsx files are accepted")
