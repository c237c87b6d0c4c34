"""Where and when patrols spend their time.

A session's route is walked at an even pace, so the time spent in an area is the session's minutes
times the share of the route inside it. Routes are sampled at the midpoints of equal steps: each
sample carries an equal share of its session's time. Shifts go by the session's start time.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd
import shapely

SAMPLE_STEP_M = 100.0  # route sampling step; well under the smallest hot-spot cell
NIGHT_FROM_HOUR, NIGHT_TO_HOUR = 19, 7  # night shift: 19:00 to 07:00
SHIFTS = ("all", "day", "night")


@dataclass(frozen=True)
class RouteSamples:
    """Points along the routes (metric CRS); sample i belongs to session `session[i]`."""

    x: np.ndarray
    y: np.ndarray
    session: np.ndarray  # position of the session in the sessions frame
    share: np.ndarray  # the share of its session's time the sample stands for (shares of a session sum to 1)


def sample_routes(routes: np.ndarray, step_m: float = SAMPLE_STEP_M) -> RouteSamples:
    """Samples at the midpoints of ceil(length / step) equal pieces of each (metric) line string."""
    coords, line_of = shapely.get_coordinates(routes, return_index=True)
    same_line = line_of[:-1] == line_of[1:]
    seg_len = np.where(same_line, np.hypot(*(coords[1:] - coords[:-1]).T), 0.0)
    walked = np.concatenate([[0.0], np.cumsum(seg_len)])  # distance walked at each vertex, all lines end to end
    line_start = walked[np.searchsorted(line_of, np.arange(len(routes)))]
    lengths = np.bincount(line_of[:-1], weights=seg_len, minlength=len(routes))
    pieces = np.maximum(np.ceil(lengths / step_m), 1).astype(np.int64)
    session = np.repeat(np.arange(len(routes)), pieces)
    first = np.repeat(np.cumsum(pieces) - pieces, pieces)
    at = line_start[session] + (np.arange(len(session)) - first + 0.5) / pieces[session] * lengths[session]
    seg = np.clip(np.searchsorted(walked, at, side="right") - 1, 0, len(seg_len) - 1)
    seg = np.where(seg_len[seg] > 0, seg, np.searchsorted(line_of, session))  # zero-length lines: their first vertex
    t = np.where(seg_len[seg] > 0, (at - walked[seg]) / np.where(seg_len[seg] > 0, seg_len[seg], 1.0), 0.0)
    xy = coords[seg] + (coords[np.minimum(seg + 1, len(coords) - 1)] - coords[seg]) * t[:, None]
    return RouteSamples(xy[:, 0], xy[:, 1], session.astype(np.int32), 1.0 / pieces[session])


def sample_days(samples: RouteSamples, starts: np.ndarray, minutes: np.ndarray) -> np.ndarray:
    """The day (days since 1970-01-01) each sample is walked on: its session's start plus its session's minutes up
    to the sample's middle, the route walked at an even pace."""
    taken = np.cumsum(samples.share) - samples.share  # the shares before each sample, all sessions end to end
    first = np.r_[True, samples.session[1:] != samples.session[:-1]]
    before = taken - np.maximum.accumulate(np.where(first, taken, 0.0))  # ... within its own session
    offset = (before + samples.share / 2) * minutes[samples.session]
    begun = starts.astype("datetime64[m]").astype(np.int64)[samples.session]
    return ((begun + offset) // (24 * 60)).astype(np.int32)


def is_night(times: pd.Series) -> np.ndarray:
    return night_hours(times.dt.hour.to_numpy())


def night_hours(hours: np.ndarray) -> np.ndarray:
    """Whether each hour of the day (0-23) is in the night shift."""
    return (hours >= NIGHT_FROM_HOUR) | (hours < NIGHT_TO_HOUR)


def in_shift(times: pd.Series, shift: str) -> np.ndarray:
    """Rows whose time falls in `shift` (all, day or night)."""
    if shift == "all":
        return np.ones(len(times), dtype=bool)
    night = is_night(times)
    return night if shift == "night" else ~night


def in_period(times: pd.Series, start: date, end: date) -> np.ndarray:
    """Rows whose time falls on a day from `start` to `end`, both included."""
    return ((times >= pd.Timestamp(start)) & (times < pd.Timestamp(end) + pd.Timedelta(days=1))).to_numpy()


def session_minutes(sessions: pd.DataFrame) -> np.ndarray:
    return ((sessions["end_at"] - sessions["start_at"]).dt.total_seconds() / 60).to_numpy()


def chosen_sessions(sessions: pd.DataFrame, start: date, end: date, shift: str,
                    modes: list[str], teams: list[str]) -> np.ndarray:
    """Sessions started in the period and shift, of the chosen modes and team kinds (empty list = all)."""
    chosen = in_period(sessions["start_at"], start, end) & in_shift(sessions["start_at"], shift)
    if modes:
        chosen &= sessions["mode"].astype(str).isin(modes).to_numpy()
    if teams:
        chosen &= sessions["team_kind"].astype(str).isin(teams).to_numpy()
    return chosen


def hours_by_kind(sessions: pd.DataFrame, minutes_in_area: np.ndarray) -> pd.DataFrame:
    """team_kind, mode, shift, hours: patrol hours (spent in the area) by team kind, mode and shift."""
    spent = np.flatnonzero(minutes_in_area > 0)  # only these sessions' kinds are read: a town is a few of them
    part = sessions[["team_kind", "mode", "start_at"]].iloc[spent]
    frame = pd.DataFrame({
        "team_kind": part["team_kind"].astype(str).to_numpy(),
        "mode": part["mode"].astype(str).to_numpy(),
        "shift": np.where(is_night(part["start_at"]), "night", "day"),
        "hours": minutes_in_area[spent] / 60,
    })
    return frame.groupby(["team_kind", "mode", "shift"], as_index=False, sort=True)["hours"].sum()
