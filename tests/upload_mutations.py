"""Hypothesis strategies: uploads of every table dataset made from real rows with some cells changed.

`uploads(bundle, values)` draws (dataset, file name, bytes): rows of the current data, given new ids, with cells
replaced by `values` (hostile ones, or plausible ones that should pass), written as CSV (UTF-8 or GBK, headers in
Chinese, English or column names) or XLSX.
"""
from __future__ import annotations

import csv
import io

import openpyxl
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from hypothesis import strategies as st

from lib.data.contracts import DatasetSpec
from lib.data.store import DataBundle
from lib.data.templates import TABLE_DATASETS, contract_text

HOSTILE = [
    "", " ", "NaN", "nan", "inf", "-inf", "1e308", "-1", "0", "0.89", "1.5", "2.5", "true", "1,234", "<script>", "99991231",
    "2099-03-05", "2099-03-05 08:00", "202003", "2020", "2020-03", "03/05/2020", "1999-12-31", "2020年2月30日",
    "２０２０年３月５日", "43895", "43895.5", "入室盗窃", "已立案", "Burglary", "burglary (入室盗窃)", "drugs\u200b",
    "\ufeffsolved", "\u00a0511402001\u00a0", "通惠街道", "Baiba Village", "511402104001", "511402999",
    "LINESTRING (30 103.8, 30.01 103.81)", "LINESTRING (103.8 30.0, ", "LINESTRING Z (103.8 30 1, 103.9 30.1 2)",
    "POINT (103.8 30)", "LINESTRING (103.8 30.0, 103.8 30.0)", "LINESTRING EMPTY", "x" * 300, "=1/0", "0x10", "１２",
]
PLAUSIBLE = [
    "2000-01-01", "2000-01-01 00:00", "2021-03-10", "2021-03-10 23:59", "2020/6/1", "2020年6月1日 8时05分", "1000000000000",
    "0", "100", "10000", "1", "入室盗窃", "已破案", "Reported", "drugs\u200b", "\u00a0511402003", "１", "2020",
]


def _rows(spec: DatasetSpec, bundle: DataBundle, picks: list[int]) -> list[dict[str, str]]:
    frame = bundle[spec.name]
    chosen = frame.iloc[[p % len(frame) for p in picks]]
    return contract_text(spec, chosen).to_dict("records")


@st.composite
def uploads(draw, bundle: DataBundle, values: list[str], max_changes: int = 3):
    spec: DatasetSpec = draw(st.sampled_from(TABLE_DATASETS))
    rows = _rows(spec, bundle, draw(st.lists(st.integers(0, 10**6), min_size=1, max_size=4)))
    for number, row in enumerate(rows):
        if spec.columns[0].name.endswith("_id"):  # a new id, so that an append adds the row
            row[spec.column_names[0]] = f"HX{draw(st.integers(0, 10**6))}N{number}"
        for _ in range(draw(st.integers(0, max_changes))):
            column = draw(st.sampled_from(spec.column_names))
            source = draw(st.sampled_from(["listed", "other_row", "text"]))
            if source == "listed":
                row[column] = draw(st.sampled_from(values))
            elif source == "other_row":
                row[column] = _rows(spec, bundle, [draw(st.integers(0, 10**6))])[0][column]
            else:
                row[column] = draw(st.text(max_size=10))
    headers = draw(st.sampled_from(["zh", "en", "name"]))
    named = [{"zh": c.zh, "en": c.en, "name": c.name}[headers] for c in spec.columns]
    table = [[row[c.name] for c in spec.columns] for row in rows]
    if draw(st.booleans()) and draw(st.booleans()):  # a quarter of the files are workbooks
        book = openpyxl.Workbook()
        book.active.append(named)
        for line in table:
            book.active.append([ILLEGAL_CHARACTERS_RE.sub("", cell) for cell in line])
        buffer = io.BytesIO()
        book.save(buffer)
        return spec, "upload.xlsx", buffer.getvalue()
    text = io.StringIO()
    csv.writer(text, lineterminator="\n").writerows([named, *table])
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "gbk"]))
    return spec, "upload.csv", text.getvalue().encode(encoding, errors="replace")
