"""Plotly figures built in one go from plain dicts, without plotly's validation.

Validating every property was most of the cost of building a figure (about 10 ms of 12 for the crime trend): each
page draws several on every filter change. The dicts are the modules' own, and tests/unit/test_figures_valid.py
builds every such figure again with validation: plotly must accept it as it is and send the same JSON."""
from __future__ import annotations

import plotly.graph_objects as go


def unvalidated_figure(traces: list[dict], layout: dict) -> go.Figure:
    return go.Figure({"data": traces, "layout": layout}, _validate=False)
