"""Data-derived text made inert before it reaches a folium tooltip, popup or label.

Folium puts tooltip text into HTML (innerHTML) and often inside a JavaScript template literal
(`...`), where `${...}` runs as code. So the text is HTML-escaped, and the three characters that
matter in a template literal (backtick, dollar, backslash) become character references too.
"""
from __future__ import annotations

import html

_TEMPLATE_LITERAL = str.maketrans({"`": "&#96;", "$": "&#36;", "\\": "&#92;"})


def inert(value: object) -> str:
    """`value` as text that shows literally in HTML and cannot run in a JS template literal."""
    return html.escape(str(value), quote=True).translate(_TEMPLATE_LITERAL)
