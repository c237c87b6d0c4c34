"""The dispute-mediation page's figures for any period and selection of towns, dispute types and channels.

Counting rules (data/README.md): a dispute counts in the period it was received; a channel's success rate
is settled / received (open disputes stay in the base). Durations are whole days from received_on to
closed_on (closed the day it was received = 0 days). A dispute is open on a day when it was received on
or before that day and not closed by then; it is overdue on that day when its due_on is before the day.
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import pandas as pd

from lib.data.codes import DISPUTE_TYPES, codes_of
from lib.data.store import DataBundle
from lib.metrics.mediation import ordered_channels
from lib.metrics.periods import Change, full_years, prior_period

PER_RESIDENTS = 10_000  # rates per 10,000 residents
WILSON_Z = 1.959964  # 95% two-sided


# ---------------------------------------------------------------- selection and periods

def select(disputes: pd.DataFrame, towns: Sequence[str] = (), types: Sequence[str] = (),
           channels: Sequence[str] = ()) -> pd.DataFrame:
    """The disputes of the chosen towns, dispute types and channels (an empty choice means all)."""
    keep = pd.Series(True, index=disputes.index)
    for column, chosen in (("town_code", towns), ("dispute_type", types), ("channel", channels)):
        if chosen:
            keep &= disputes[column].astype(str).isin(list(chosen))
    return disputes[keep]


def between(values: pd.Series, start: date, end: date) -> pd.Series:
    """Dates from `start` to `end`, both included (NaT never is)."""
    return (values >= pd.Timestamp(start)) & (values <= pd.Timestamp(end))


def received_in(disputes: pd.DataFrame, start: date, end: date) -> pd.DataFrame:
    return disputes[between(disputes["received_on"], start, end)]


# ---------------------------------------------------------------- disputes screened

def screened(disputes: pd.DataFrame, start: date, end: date) -> Change:
    """Disputes received in the period, and in the same period a year earlier."""
    before = prior_period(start, end)
    return Change(int(between(disputes["received_on"], start, end).sum()),
                  int(between(disputes["received_on"], *before).sum()))


def yearly_screened(disputes: pd.DataFrame, years: Sequence[int]) -> pd.DataFrame:
    """Per year: disputes received and the change (%) on the year before (None for the first or after a zero)."""
    counts = disputes["received_on"].dt.year.value_counts()
    rows = []
    for year in years:
        change = Change(int(counts.get(year, 0)), int(counts[year - 1]) if year - 1 in counts else None)
        rows.append({"year": year, "received": int(change.current), "change_pct": change.pct})
    return pd.DataFrame(rows, columns=["year", "received", "change_pct"])


def monthly_screened(disputes: pd.DataFrame, start: date, end: date) -> pd.DataFrame:
    """Per calendar month of the period: disputes received, and in the same month's days a year earlier."""
    months = pd.period_range(pd.Timestamp(start), pd.Timestamp(end), freq="M")

    def per_month(rows: pd.Series, shift_years: int) -> pd.Series:
        shifted = rows.dt.to_period("M") + 12 * shift_years
        return shifted.value_counts().reindex(months, fill_value=0)

    current = disputes.loc[between(disputes["received_on"], start, end), "received_on"]
    previous = disputes.loc[between(disputes["received_on"], *prior_period(start, end)), "received_on"]
    return pd.DataFrame({"month": months.to_timestamp(), "received": per_month(current, 0).to_numpy(),
                         "prior_received": per_month(previous, 1).to_numpy()})


def screened_by_type(disputes: pd.DataFrame, types: Sequence[str], start: date, end: date) -> pd.DataFrame:
    """Per dispute type (in the order of `types`): received, a year earlier, change (%) and share (%) of the period."""
    current = received_in(disputes, start, end)["dispute_type"].astype(str).value_counts()
    previous = received_in(disputes, *prior_period(start, end))["dispute_type"].astype(str).value_counts()
    table = pd.DataFrame({"dispute_type": list(types),
                          "received": [int(current.get(c, 0)) for c in types],
                          "prev_received": [int(previous.get(c, 0)) for c in types]})
    table["change_pct"] = [Change(r, p).pct for r, p in zip(table["received"], table["prev_received"])]
    total = table["received"].sum()
    table["share"] = table["received"] / total * 100 if total else 0.0
    return table


def screened_by_town(disputes: pd.DataFrame, towns: pd.DataFrame, start: date, end: date) -> pd.DataFrame:
    """Per town of `towns` (town_code, population): received, per 10,000 residents, and both a year earlier."""
    current = received_in(disputes, start, end)["town_code"].astype(str).value_counts()
    previous = received_in(disputes, *prior_period(start, end))["town_code"].astype(str).value_counts()
    codes = towns["town_code"].astype(str).tolist()
    population = towns["population"].astype("int64").to_numpy()
    table = pd.DataFrame({"town_code": codes, "population": population,
                          "received": [int(current.get(c, 0)) for c in codes],
                          "prev_received": [int(previous.get(c, 0)) for c in codes]})
    table["per_10k"] = table["received"] / table["population"] * PER_RESIDENTS
    table["prev_per_10k"] = table["prev_received"] / table["population"] * PER_RESIDENTS
    return table


# ---------------------------------------------------------------- channels and success rates

def wilson_interval(successes: int, trials: int, z: float = WILSON_Z) -> tuple[float, float]:
    """Wilson score interval of a success rate, in percent; (nan, nan) when there are no trials."""
    if trials <= 0:
        return math.nan, math.nan
    p = successes / trials
    denominator = 1 + z * z / trials
    centre = (p + z * z / (2 * trials)) / denominator
    half = z / denominator * math.sqrt(p * (1 - p) / trials + z * z / (4 * trials * trials))
    return max(0.0, centre - half) * 100, min(1.0, centre + half) * 100


def channel_rates(disputes: pd.DataFrame, start: date, end: date) -> pd.DataFrame:
    """Per channel with disputes received in the period: received, settled, failed, open (outcome now),
    success rate (%) = settled / received, and its Wilson 95% interval (%)."""
    rows = received_in(disputes, start, end)
    counts = pd.crosstab(rows["channel"].astype(str), rows["outcome"].astype(str))
    counts = counts.reindex(columns=["settled", "failed", "open"], fill_value=0)
    counts = counts.reindex(ordered_channels(counts.index))
    table = pd.DataFrame({"channel": counts.index.astype(str), "received": counts.sum(axis=1).to_numpy(),
                          "settled": counts["settled"].to_numpy(), "failed": counts["failed"].to_numpy(),
                          "open": counts["open"].to_numpy()}).astype({k: "int64" for k in ("received", "settled", "failed", "open")})
    table["rate"] = table["settled"] / table["received"] * 100
    bounds = [wilson_interval(s, n) for s, n in zip(table["settled"], table["received"])]
    table["ci_low"] = [b[0] for b in bounds]
    table["ci_high"] = [b[1] for b in bounds]
    return table


def settled_rate(disputes: pd.DataFrame, start: date, end: date) -> float | None:
    """Settled / received (%) over every channel; None when nothing was received."""
    rows = received_in(disputes, start, end)
    return None if rows.empty else float((rows["outcome"] == "settled").mean() * 100)


# ---------------------------------------------------------------- durations and backlog

@dataclass(frozen=True)
class CloseTimes:
    """Days from received to closed, over the period's disputes that are closed (by the data's date)."""

    closed: int
    not_closed: int
    median_days: float | None
    p90_days: float | None


def days_to_close(disputes: pd.DataFrame) -> pd.Series:
    """Whole days from received to closed, for the closed disputes only."""
    closed = disputes[disputes["closed_on"].notna()]
    return (closed["closed_on"] - closed["received_on"]).dt.days


def time_to_close(disputes: pd.DataFrame, start: date, end: date) -> CloseTimes:
    """Median and 90th percentile (linear interpolation, as Excel's MEDIAN and PERCENTILE.INC) of the
    days to close of the disputes received in the period and closed."""
    rows = received_in(disputes, start, end)
    days = days_to_close(rows)
    if days.empty:
        return CloseTimes(0, len(rows), None, None)
    return CloseTimes(len(days), len(rows) - len(days), float(days.median()), float(days.quantile(0.9)))


def open_on(disputes: pd.DataFrame, day: date) -> pd.Series:
    """Received on or before `day` and not closed by the end of it."""
    stamp = pd.Timestamp(day)
    return (disputes["received_on"] <= stamp) & ~(disputes["closed_on"] <= stamp)


def overdue_on(disputes: pd.DataFrame, day: date) -> pd.Series:
    """Open on `day` with its time limit (due_on) already past."""
    return open_on(disputes, day) & (disputes["due_on"] < pd.Timestamp(day))


@dataclass(frozen=True)
class Backlog:
    day: date
    open: int
    overdue: int


def backlog_at(disputes: pd.DataFrame, day: date) -> Backlog:
    """Disputes still open at the end of `day`, and those of them past their time limit."""
    return Backlog(day, int(open_on(disputes, day).sum()), int(overdue_on(disputes, day).sum()))


# ---------------------------------------------------------------- the quarterly overdue list (清单制+责任制)

@dataclass(frozen=True)
class Quarter:
    year: int
    quarter: int
    as_at: date  # the quarter's last day, or the period's end when that comes first

    @property
    def code(self) -> str:
        return f"{self.year}Q{self.quarter}"


def quarters_of(start: date, end: date) -> list[Quarter]:
    """Every calendar quarter that overlaps the period, each taken at its last day within the period."""
    quarters = []
    for period in pd.period_range(pd.Timestamp(start), pd.Timestamp(end), freq="Q"):
        last_day = period.end_time.date()
        quarters.append(Quarter(period.year, period.quarter, min(last_day, end)))
    return quarters


OVERDUE_COLUMNS = ["quarter", "as_at", "town_code", "dispute_id", "dispute_type", "channel",
                   "received_on", "due_on", "days_overdue", "closed_on", "outcome"]


def overdue_list(disputes: pd.DataFrame, start: date, end: date) -> pd.DataFrame:
    """Per quarter of the period: each dispute open and past its due_on at the quarter's end, with the days
    overdue by then and what became of it later (closed_on, outcome as in the data). Sorted by quarter,
    town, most overdue first."""
    quarters = quarters_of(start, end)
    # only disputes due before the period's end and not closed by the first quarter's end can be listed
    pool = disputes[(disputes["due_on"] < pd.Timestamp(end)) & ~(disputes["closed_on"] <= pd.Timestamp(quarters[0].as_at))]
    pool = pool[["town_code", "dispute_id", "dispute_type", "channel", "received_on", "due_on", "closed_on", "outcome"]]
    pool = pool.astype({c: str for c in ("town_code", "dispute_id", "dispute_type", "channel", "outcome")})
    parts = []
    for quarter in quarters:
        as_at = pd.Timestamp(quarter.as_at)
        rows = pool[overdue_on(pool, quarter.as_at)]
        parts.append(rows.assign(quarter=quarter.code, as_at=as_at, days_overdue=(as_at - rows["due_on"]).dt.days))
    listing = pd.concat(parts, ignore_index=True)[OVERDUE_COLUMNS]
    listing = listing.sort_values(["quarter", "town_code", "days_overdue", "dispute_id"],
                                  ascending=[True, True, False, True], kind="stable")
    return listing.reset_index(drop=True)


def overdue_counts(listing: pd.DataFrame, town_codes: Sequence[str], quarters: Sequence[Quarter]) -> pd.DataFrame:
    """Towns x quarters: how many disputes of the list each town had overdue at each quarter's end."""
    counts = listing.groupby(["town_code", "quarter"]).size().unstack(fill_value=0) if len(listing) else pd.DataFrame()
    table = counts.reindex(index=list(town_codes), columns=[q.code for q in quarters], fill_value=0).fillna(0)
    table.index.name = "town_code"
    return table.astype("int64")


# ---------------------------------------------------------------- the page's figures together

@dataclass(frozen=True)
class MediationFigures:
    start: date
    end: date
    prior: tuple[date, date]
    screened: Change
    settled: int  # disputes of the period settled (by the data's date)
    settled_rate: Change  # percent; previous None when nothing was received a year earlier
    yearly: pd.DataFrame
    monthly: pd.DataFrame
    by_type: pd.DataFrame
    by_town: pd.DataFrame
    channels: pd.DataFrame
    close_times: CloseTimes
    prior_close_times: CloseTimes
    backlog: Backlog
    prior_backlog: Backlog
    quarters: list[Quarter]
    overdue: pd.DataFrame
    overdue_by_town: pd.DataFrame


def data_dates(bundle: DataBundle) -> tuple[date, date]:
    """First day with a dispute received, and the data's as-of date."""
    return bundle.first_day("disputes"), bundle.as_of


def default_period(bundle: DataBundle) -> tuple[date, date]:
    """The latest full calendar year in the data (the as-of year when no year is complete)."""
    first, as_of = data_dates(bundle)
    years = full_years(first, as_of)
    year = years[-1] if years else as_of.year
    return date(year, 1, 1), min(date(year, 12, 31), as_of)


def mediation_figures(bundle: DataBundle, start: date, end: date, towns: Sequence[str] = (),
                      types: Sequence[str] = (), channels: Sequence[str] = ()) -> MediationFigures:
    """Every figure of the mediation page for the period and the chosen towns, types and channels (empty = all)."""
    disputes = select(bundle["disputes"], towns, types, channels)
    town_frame = bundle["towns"]
    if towns:
        town_frame = town_frame[town_frame["town_code"].astype(str).isin(list(towns))]
    prior = prior_period(start, end)
    rate_now, rate_before = settled_rate(disputes, start, end), settled_rate(disputes, *prior)
    quarters = quarters_of(start, end)
    listing = overdue_list(disputes, start, end)
    first, as_of = data_dates(bundle)
    shown_types = list(types) or codes_of(DISPUTE_TYPES)
    return MediationFigures(
        start=start, end=end, prior=prior,
        screened=screened(disputes, start, end),
        settled=int((received_in(disputes, start, end)["outcome"] == "settled").sum()),
        settled_rate=Change(rate_now if rate_now is not None else 0.0, rate_before),
        yearly=yearly_screened(disputes, full_years(first, as_of)),
        monthly=monthly_screened(disputes, start, end),
        by_type=screened_by_type(disputes, shown_types, start, end),
        by_town=screened_by_town(disputes, town_frame, start, end),
        channels=channel_rates(disputes, start, end),
        close_times=time_to_close(disputes, start, end),
        prior_close_times=time_to_close(disputes, *prior),
        backlog=backlog_at(disputes, end),
        prior_backlog=backlog_at(disputes, prior[1]),
        quarters=quarters,
        overdue=listing,
        overdue_by_town=overdue_counts(listing, town_frame["town_code"].astype(str).tolist(), quarters),
    )
