"""Disputes screened and mediated, one row per dispute, with 2020's published channel results exact."""
from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pandas as pd

from lib.data import codes as C
from lib.data.demo.allocate import pick
from lib.data.demo.counties import CountyProfile
from lib.data.demo.settings import AS_OF, DEMO_START, rng_for

# Other years: channel shares of the year's disputes and each channel's success rate.
CHANNEL_SHARES = {"pretrial_delegated": 0.33, "police_mediation": 0.22, "individual_room": 0.025,
                  "peoples_mediation": 0.36, "industry_committee": 0.065}
SUCCESS = {"pretrial_delegated": 0.58, "police_mediation": 0.92, "individual_room": 0.72,
           "peoples_mediation": 0.9, "industry_committee": 0.8}
TYPE_SHARES = {"neighbour": 0.24, "family": 0.18, "land": 0.14, "labour": 0.1, "debt": 0.12,
               "traffic": 0.08, "property_mgmt": 0.06, "medical": 0.02, "other": 0.06}
TIME_LIMIT_DAYS = 30  # the quarterly list's default time limit for a dispute
MONTH_WEIGHT = np.array([1.25, 1.15, 1.0, 0.95, 0.9, 0.9, 0.95, 0.95, 0.95, 1.0, 1.0, 1.0])  # New Year peaks


def _days_of(year: int) -> list[date]:
    end = min(date(year, 12, 31), AS_OF)
    first = max(date(year, 1, 1), DEMO_START)
    return [first + timedelta(days=i) for i in range((end - first).days + 1)]


def _channel_counts(rng: np.random.Generator, year: int, total: int,
                    channels_2020: dict[str, tuple[int, int]]) -> dict[str, tuple[int, int]]:
    if year == 2020:
        fixed = dict(channels_2020)
        rest = total - sum(received for received, _ in fixed.values())
        industry = round(rest * 0.16)
        for channel, received in (("industry_committee", industry), ("peoples_mediation", rest - industry)):
            fixed[channel] = (received, int(rng.binomial(received, SUCCESS[channel])))
        return fixed
    received = rng.multinomial(total, list(CHANNEL_SHARES.values()))
    return {ch: (int(n), int(rng.binomial(n, SUCCESS[ch]))) for ch, n in zip(CHANNEL_SHARES, received)}


def disputes(towns: pd.DataFrame, county: CountyProfile) -> pd.DataFrame:
    rng = rng_for("disputes")
    totals = dict(county.disputes_by_year)
    totals[AS_OF.year] = round(totals[2020] * 0.9 * len(_days_of(AS_OF.year)) / 365)
    town_weights = towns["population"].to_numpy() / towns["population"].sum()
    frames = []
    for year, total in totals.items():
        days = _days_of(year)
        day_weights = MONTH_WEIGHT[[d.month - 1 for d in days]]
        for channel, (received, settled) in _channel_counts(rng, year, total, county.channels_2020).items():
            received_on = np.array(days)[np.sort(rng.choice(len(days), received, p=day_weights / day_weights.sum()))]
            outcome = np.full(received, "failed", dtype=object)
            outcome[pick(rng, received, settled)] = "settled"
            duration = np.maximum(0, rng.lognormal(2.6, 0.8, received).round()).astype(int)
            closed_on = np.array([r + timedelta(days=int(d)) for r, d in zip(received_on, duration)])
            unfinished = (closed_on > AS_OF) & (outcome == "failed")
            still_open = unfinished | ((outcome == "failed") & (rng.random(received) < 0.04))
            outcome[still_open] = "open"
            closed_on = np.where(closed_on > AS_OF, AS_OF, closed_on)
            frames.append(pd.DataFrame({
                "received_on": received_on,
                "town_code": rng.choice(towns["town_code"].to_numpy(), received, p=town_weights),
                "dispute_type": rng.choice(list(TYPE_SHARES), received, p=list(TYPE_SHARES.values())),
                "channel": channel,
                "outcome": outcome,
                "closed_on": np.where(outcome == "open", None, closed_on),
                "due_on": [r + timedelta(days=TIME_LIMIT_DAYS) for r in received_on],
            }))
    frame = pd.concat(frames, ignore_index=True).sort_values(["received_on", "channel"], kind="stable", ignore_index=True)
    frame.insert(0, "dispute_id", [f"JF{d.year}{i:06d}" for i, d in enumerate(frame["received_on"], start=1)])
    assert set(frame["channel"]) <= set(C.codes_of(C.MEDIATION_CHANNELS))
    return frame
