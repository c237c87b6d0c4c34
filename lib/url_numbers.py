"""The one reader of numbers in a link (pure, no Streamlit): a whole number written plainly, finite and in range.

A link's number is text anyone can type: `1e309`, `inf`, `nan`, `-5`, `80.0`, `８０` (full-width digits) or five
thousand nines. Python would read some of them as floats that cannot become integers, and the last one makes `int()`
raise. Here only plain ASCII digits of reasonable length are read, and the number must lie in the allowed range;
anything else is None, and the caller falls back to its default with a notice.
"""
from __future__ import annotations

MAX_DIGITS = 12  # more than any count, year or rank a link carries


def whole_number(text: str | None, low: int, high: int) -> int | None:
    """The whole number `text` writes (spaces around it allowed), when it is from `low` to `high`; else None."""
    if text is None:
        return None
    digits = text.strip()
    if not digits or len(digits) > MAX_DIGITS or not (digits.isascii() and digits.isdigit()):
        return None
    number = int(digits)
    return number if low <= number <= high else None
