"""Rendered folium output kept as text instead of being compiled again as a Jinja template.

When branca renders a map, every element's rendered header, HTML and script is wrapped in a new `Element(text)`,
whose constructor compiles `text` as a Jinja template, to be rendered once more later. That second pass is wrong
for data: a town name holding `{{ 7 * 7 }}` showed as 49, and one holding `{%` stopped the map from rendering. It
is also slow: it lexes the whole text, a layer's GeoJSON included (a third of building the patrol map).
`use_literal_templates()` makes branca keep such text as text. For text with no Jinja delimiter the output is byte
for byte what the second pass gave (line ends normalised, one trailing newline dropped, as Jinja does), so every
map without such names renders as it did (tests/unit/test_literal_templates.py).

Folium and branca build their own templates from `jinja2.Template` directly (class attributes and `Template(...)`
in folium's modules); the name patched here is reached only by `Element(text)` and by unpickling an element, and
this project passes `Element` plain CSS only.

`compile_folium_templates_once()` is the other half: folium's GeoJSON tooltips compile the same style template
each time they render (seven times a patrol map, 2–3 ms each); it makes them reuse one compiled template per text.
"""
from __future__ import annotations

import functools
import re
from typing import Any

import branca.element
import folium.features

NEWLINE = re.compile(r"(\r\n|\r|\n)")  # jinja2.lexer.newline_re


class LiteralTemplate:
    """A template that renders to its own text, as Jinja's default environment renders text without Jinja syntax
    (line ends made "\\n", one trailing newline dropped: jinja2.lexer.Lexer.tokeniter)."""

    def __init__(self, source: str):
        lines = NEWLINE.split(source)[::2]
        if lines[-1] == "":
            del lines[-1]
        self.text = "\n".join(lines)

    def render(self, *args: Any, **kwargs: Any) -> str:
        return self.text


def use_literal_templates() -> None:
    """Make branca's elements keep the text they are given as text (idempotent; for every thread alike)."""
    branca.element.Template = LiteralTemplate


def compile_folium_templates_once() -> None:
    """Make folium.features compile each template text once (idempotent; a compiled template renders in any thread)."""
    if not hasattr(folium.features.Template, "cache_info"):  # not wrapped yet
        folium.features.Template = functools.lru_cache(maxsize=64)(folium.features.Template)
