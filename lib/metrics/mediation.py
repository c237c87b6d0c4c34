"""Dispute screening and mediation. A dispute counts in the year it was received; a channel's
success rate is disputes settled / disputes received through it."""
from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import pandas as pd

from lib.data.codes import MEDIATION_CHANNELS
from lib.metrics.periods import Change, Comparison, in_period


def ordered_channels(present: Iterable[str]) -> list[str]:
    """The channels present, those of the code list first in its order, then any other channel by name."""
    found = set(present)
    known = [c.code for c in MEDIATION_CHANNELS]
    return [c for c in known if c in found] + sorted(found - set(known))


def disputes_screened(disputes: pd.DataFrame, period: Comparison) -> Change:
    """Disputes received in the period, and in the same days a year earlier."""
    received = disputes["received_on"]
    return Change(int(in_period(received, period.start, period.end).sum()),
                  int(in_period(received, period.prior_start, period.prior_end).sum()))


def channel_results(disputes: pd.DataFrame, period: Comparison) -> pd.DataFrame:
    """Per channel: received, settled and success rate (%) in the period and the same days a year earlier.

    Channels in the code list come first in its order; any other channel in the data follows.
    """
    def one_period(start: date, end: date) -> pd.DataFrame:
        rows = disputes[in_period(disputes["received_on"], start, end)]
        settled = (rows["outcome"] == "settled").groupby(rows["channel"].astype(str))
        return pd.DataFrame({"received": settled.size(), "settled": settled.sum()})

    current = one_period(period.start, period.end)
    previous = one_period(period.prior_start, period.prior_end).add_prefix("prev_")
    table = current.join(previous, how="outer").fillna(0).astype(int)
    table = table.reindex(ordered_channels(table.index))
    table["rate"] = (table["settled"] / table["received"].where(table["received"] > 0)) * 100
    table["prev_rate"] = (table["prev_settled"] / table["prev_received"].where(table["prev_received"] > 0)) * 100
    table.index.name = "channel"
    return table.reset_index()
