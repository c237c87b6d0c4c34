"""Data-derived text made literal before plotly draws it.

Plotly reads a small HTML subset in every text it draws (trace and legend names, tick labels, hover text,
annotations, titles): `<a href>` becomes a live link, `<b>`, `<i>`, `<br>` take effect, and entities such as `&amp;`
or `&#60;` are decoded. With `&`, `<` and `>` written as entities, plotly decodes them back to the characters and
shows the name exactly as the file holds it. Quotes stay as they are: plotly decodes only a few named entities, and
`&quot;` would show as itself. A name set into a hover template could also hold `%{...}`, which plotly would fill
in with a value: an invisible word joiner after the `%` keeps it as written.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping

_MARKUP = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
WORD_JOINER = "\u2060"


def plot_text(value: object) -> str:
    """`value` as text plotly shows literally (no link, no bold, no line break, no entity decoded, no template
    field filled in)."""
    return str(value).translate(_MARKUP).replace("%{", "%" + WORD_JOINER + "{")


def plot_texts(values: Iterable[object]) -> list[str]:
    return [plot_text(v) for v in values]


def plot_labels(labels: Mapping[str, object]) -> dict[str, str]:
    """A code -> name mapping with every name made literal for plotly (the codes are left as they are)."""
    return {code: plot_text(name) for code, name in labels.items()}
