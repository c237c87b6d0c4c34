"""Tables as files people open in Excel or WPS: CSV in UTF-8 with BOM, and XLSX; headers in the UI language."""
from __future__ import annotations

import io

import pandas as pd

from lib.data.contracts import DatasetSpec
from lib.i18n import Lang

FORMULA_START = ("=", "+", "-", "@")


def localized_headers(frame: pd.DataFrame, spec: DatasetSpec, lang: Lang) -> pd.DataFrame:
    """The dataset's columns renamed to their labels (a column the contract does not know keeps its name)."""
    labels = {c.name: (c.zh if lang == "zh" else c.en) for c in spec.columns}
    return frame.rename(columns=labels)


def _inert(frame: pd.DataFrame) -> pd.DataFrame:
    """Text cells that a spreadsheet would run as a formula are prefixed with ' (CSV injection)."""
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column]):
            out[column] = out[column].map(lambda v: "'" + v if isinstance(v, str) and v.startswith(FORMULA_START) else v)
    return out


def to_csv_bytes(frame: pd.DataFrame) -> bytes:
    return _inert(frame).to_csv(index=False).encode("utf-8-sig")


def to_xlsx_bytes(frame: pd.DataFrame, sheet: str = "data") -> bytes:
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        _inert(frame).to_excel(writer, index=False, sheet_name=sheet[:31])
    return buffer.getvalue()
