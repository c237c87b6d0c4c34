"""KPI cards: a label, a big value, and its change on the prior year."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import streamlit as st

from lib.briefing.content import KpiCard
from lib.ui import briefing


@dataclass(frozen=True)
class Kpi:
    label: str
    value: str
    delta: str | None = None
    help: str | None = None
    # "inverse" where a rise is bad news (incidents), "normal" where it is good (results)
    delta_color: Literal["normal", "inverse", "off"] = "normal"


def kpi_row(cards: Sequence[Kpi], per_row: int = 4) -> None:
    briefing.add_kpis([KpiCard(card.label, card.value, card.delta) for card in cards])
    for start in range(0, len(cards), per_row):
        columns = st.columns(per_row)
        for column, card in zip(columns, cards[start:start + per_row]):
            column.metric(card.label, card.value, card.delta, help=card.help, delta_color=card.delta_color, border=True)
