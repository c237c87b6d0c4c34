"""Cells of an uploaded table made plain before they are checked, as a person meant them.

Exports carry characters nobody sees: zero-width spaces, byte-order marks, non-breaking and ideographic spaces;
and full-width digits and letters (２０２０, ＡＪ01) typed with a Chinese input method. These are removed or made
plain, so that `drugs\u200b` is `drugs`. A coded column also takes the code's Chinese or English name, or the
"code (name)" the contract table shows: `入室盗窃` is `burglary`. Free text (names, sources) keeps its own
full-width punctuation: only its invisible characters go.
"""
from __future__ import annotations

import re
import unicodedata

import pandas as pd

from lib.data.contracts import ColumnSpec, DatasetSpec

INVISIBLE = "[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]"
SPACES = "[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]"
_THOUSANDS = re.compile(r"^-?\d{1,3}(,\d{3})+(\.\d+)?$")


def plain(text: str) -> str:
    """One piece of text without invisible characters, with plain spaces, trimmed."""
    return re.sub(SPACES, " ", re.sub(INVISIBLE, "", str(text))).strip()


def name_key(text: str) -> str:
    """A name or header as compared: plain, full-width folded (NFKC), without spaces, case ignored.

    >>> name_key("镇(街道) 代码\u200b") == name_key("镇(街道)代码")
    True
    """
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", plain(text))).casefold()


def code_names(col: ColumnSpec) -> dict[str, str]:
    """Every way a code of `col` may be written (its code, its names, "code (name)"), as a name_key, -> the code."""
    mapping: dict[str, str] = {}
    assert col.codes
    for code in col.codes:
        mapping.setdefault(name_key(code.code), code.code)
    for code in col.codes:
        for name in (code.zh, code.en):
            if name:
                mapping.setdefault(name_key(name), code.code)
                mapping.setdefault(name_key(f"{code.code}({name})"), code.code)
    return mapping


def _plain_column(values: pd.Series, fold: bool) -> pd.Series:
    """Cells without invisible characters, with plain spaces (and NFKC-folded when `fold`), trimmed; empty ones
    missing. Only cells with anything but printable ASCII are looked at closely (a million cells are mostly that)."""
    text = values.astype("str").str.strip()
    unusual = ~text.str.isascii().fillna(True).astype(bool)
    if unusual.any():
        fixed = text[unusual].str.replace(INVISIBLE, "", regex=True).str.replace(SPACES, " ", regex=True)
        if fold:
            fixed = fixed.str.normalize("NFKC")
        text = text.mask(unusual, fixed.str.strip())
    return text.where(text != "")


def _codes(values: pd.Series, col: ColumnSpec) -> pd.Series:
    """Names of codes replaced by their codes; anything else left as written, for the checks to report."""
    named = values.notna() & ~values.isin(col.allowed())
    if not named.any():
        return values
    keys = values[named].str.replace(r"\s+", "", regex=True).str.casefold()
    coded = keys.map(code_names(col)).dropna()
    return values.mask(values.index.isin(coded.index), coded)


def _numbers(values: pd.Series) -> pd.Series:
    """Thousands separators dropped (1,234,567 is 1234567)."""
    grouped = values.str.match(_THOUSANDS.pattern, na=False)
    return values.mask(grouped, values[grouped].str.replace(",", "", regex=False)) if grouped.any() else values


def plain_cells(spec: DatasetSpec, frame: pd.DataFrame) -> pd.DataFrame:
    """`frame` (columns named by the contract, cells as text) with every cell made plain; empty cells as None."""
    out = pd.DataFrame(index=frame.index)
    for col in spec.columns:
        if col.name not in frame:
            continue
        values = _plain_column(frame[col.name], fold=not col.free_text)
        if col.codes:
            values = _codes(values, col)
        elif col.kind in ("int", "float"):
            values = _numbers(values)
        out[col.name] = values
    return out
