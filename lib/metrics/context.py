"""The context indicators table for a year, with the prior year's value where there is one."""
from __future__ import annotations

import pandas as pd


def context_indicators(indicators: pd.DataFrame, year: int) -> pd.DataFrame:
    current = indicators[indicators["year"] == year]
    previous = indicators.loc[indicators["year"] == year - 1, ["code", "value"]].rename(columns={"value": "prev_value"})
    return current.merge(previous, on="code", how="left").reset_index(drop=True)
