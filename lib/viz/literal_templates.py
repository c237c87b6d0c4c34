"""Rendered folium output kept as text instead of being compiled again as a Jinja template.

When branca renders a map, every element's rendered header, HTML and script is wrapped in a new `Element(text)`,
whose constructor compiles `text` as a Jinja template, to be rendered once more later. For text holding no Jinja
delimiter that second pass only normalizes line ends and drops one trailing newline, yet it lexes the whole text: a
layer's GeoJSON included, it was about a third of building the patrol map. `use_literal_templates()` makes branca
skip the compilation for such text and apply those two rules itself; text holding a delimiter is compiled as before,
so every map renders byte for byte as it did (tests/unit/test_literal_templates.py).
"""
from __future__ import annotations

import re
from typing import Any

import branca.element
from jinja2 import Template

JINJA_DELIMITERS = ("{{", "{%", "{#")
NEWLINE = re.compile(r"(\r\n|\r|\n)")  # jinja2.lexer.newline_re


class LiteralTemplate:
    """A template of text with no Jinja syntax: it renders to that text as Jinja's default environment would
    (line ends made "\\n", one trailing newline dropped: jinja2.lexer.Lexer.tokeniter)."""

    def __init__(self, source: str):
        lines = NEWLINE.split(source)[::2]
        if lines[-1] == "":
            del lines[-1]
        self.text = "\n".join(lines)

    def render(self, *args: Any, **kwargs: Any) -> str:
        return self.text


def template_of(source: str) -> Template | LiteralTemplate:
    """What `jinja2.Template(source)` renders, compiled only when `source` has Jinja syntax in it."""
    if any(delimiter in source for delimiter in JINJA_DELIMITERS):
        return Template(source)
    return LiteralTemplate(source)


def use_literal_templates() -> None:
    """Make branca's elements take their templates from `template_of` (idempotent; for every thread alike)."""
    branca.element.Template = template_of
