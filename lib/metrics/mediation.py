"""Dispute screening and mediation. A dispute counts in the year it was received; a channel's
success rate is disputes settled / disputes received through it."""
from __future__ import annotations

import pandas as pd

from lib.data.codes import MEDIATION_CHANNELS
from lib.metrics.periods import Change, in_year


def disputes_screened(disputes: pd.DataFrame, year: int) -> Change:
    return Change(int(in_year(disputes["received_on"], year).sum()), int(in_year(disputes["received_on"], year - 1).sum()))


def channel_results(disputes: pd.DataFrame, year: int) -> pd.DataFrame:
    """Per channel: received, settled and success rate (%) in `year` and the year before.

    Channels in the code list come first in its order; any other channel in the data follows.
    """
    def one_year(y: int) -> pd.DataFrame:
        rows = disputes[in_year(disputes["received_on"], y)]
        grouped = rows.groupby(rows["channel"].astype(str))["outcome"]
        return pd.DataFrame({"received": grouped.size(), "settled": grouped.agg(lambda o: int((o == "settled").sum()))})

    current, previous = one_year(year), one_year(year - 1).add_prefix("prev_")
    table = current.join(previous, how="outer").fillna(0).astype(int)
    order = [c.code for c in MEDIATION_CHANNELS] + sorted(set(table.index) - {c.code for c in MEDIATION_CHANNELS})
    table = table.reindex([c for c in order if c in table.index])
    table["rate"] = (table["settled"] / table["received"].where(table["received"] > 0)) * 100
    table["prev_rate"] = (table["prev_settled"] / table["prev_received"].where(table["prev_received"] > 0)) * 100
    table.index.name = "channel"
    return table.reset_index()
