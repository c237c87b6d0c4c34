"""Upload templates and the data contract as a table, both built from lib/data/contracts.py.

A template is the dataset's columns with headers in the UI language (Chinese labels by default) and
one example row: the first row of the data the app reads now, written in the contract's formats, its codes
shown by their names in that language.
"""
from __future__ import annotations

import pandas as pd

from lib.data.contracts import DATASETS, ColumnSpec, DatasetSpec
from lib.data.dates import DATE_FORMAT, DATETIME_FORMAT
from lib.export import to_csv_bytes, to_xlsx_bytes
from lib.i18n import Lang, t


TABLE_DATASETS: tuple[DatasetSpec, ...] = tuple(d for d in DATASETS if not d.geometry)

def header_of(col: ColumnSpec, lang: Lang) -> str:
    return col.zh if lang == "zh" else col.en


def column_text(col: ColumnSpec, values: pd.Series) -> pd.Series:
    """One column's cells as the contract writes them (empty string for a missing value)."""
    if col.kind in ("datetime", "date"):
        text = pd.to_datetime(values).dt.strftime(DATETIME_FORMAT if col.kind == "datetime" else DATE_FORMAT)
    elif col.kind == "bool":
        text = values.map(lambda v: "" if pd.isna(v) else ("true" if v else "false"))
    elif col.kind == "int":
        text = values.astype("Int64").astype("string")
    else:
        text = values.astype("object").astype("string")
    return text.fillna("").astype("object")


def contract_text(spec: DatasetSpec, frame: pd.DataFrame) -> pd.DataFrame:
    """`frame`'s contract columns as text cells in the contract's formats (empty string for a missing value)."""
    return pd.DataFrame({col.name: column_text(col, frame[col.name]) for col in spec.columns}, index=frame.index)


def key_text(spec: DatasetSpec, frame: pd.DataFrame) -> pd.Series:
    """Each row's key (its id, or its one-row-per columns joined by '|') as the contract writes it."""
    parts = [column_text(spec.column(name), frame[name]) for name in spec.key_columns]
    key = parts[0]
    for part in parts[1:]:
        key = key + "|" + part
    return key


def template_frame(spec: DatasetSpec, example: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """The template: headers in `lang`, and the first row of `example` (the current data) as the example row."""
    rows = contract_text(spec, example.head(1))
    for col in spec.columns:  # codes shown by their names, as people write them (the upload takes either)
        if col.codes:
            names = {c.code: c.label(lang) or c.code for c in col.codes}
            rows[col.name] = rows[col.name].map(lambda code: names.get(code, code))
    return rows.rename(columns={c.name: header_of(c, lang) for c in spec.columns}).reset_index(drop=True)


def template_csv(spec: DatasetSpec, example: pd.DataFrame, lang: Lang) -> bytes:
    """The template as CSV in UTF-8 with BOM (so Excel and WPS open the Chinese headers correctly)."""
    return to_csv_bytes(template_frame(spec, example, lang))


def template_xlsx(spec: DatasetSpec, example: pd.DataFrame, lang: Lang) -> bytes:
    """The template as XLSX; every cell is text, so codes keep their leading digits and dates their format."""
    return to_xlsx_bytes(template_frame(spec, example, lang), sheet=spec.name)


def contract_table(spec: DatasetSpec, lang: Lang) -> pd.DataFrame:
    """The dataset's columns, types, units, allowed codes and whether a value is required, in `lang`."""
    rows = []
    for col in spec.columns:
        labels = [(c.code, c.zh if lang == "zh" else c.en) for c in col.codes] if col.codes else []
        required = "da.req.unique" if col.unique else ("da.req.optional" if col.nullable else "da.req.required")
        rows.append({
            t("da.ct.header", lang): header_of(col, lang),
            t("da.ct.column", lang): col.name,
            t("da.ct.type", lang): t(f"da.kind.{col.kind}", lang),
            t("da.ct.unit", lang): col.unit,
            t("da.ct.codes", lang): ", ".join(f"{code} ({label})" if label else code for code, label in labels),
            t("da.ct.required", lang): t(required, lang),
        })
    return pd.DataFrame(rows)
