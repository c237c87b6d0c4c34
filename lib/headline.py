"""Headline figures: a KPI card's value and its change on an earlier period, worded one way everywhere (pure).

A measure declares which way is good news (`Good`): the change's colour follows that declaration on every card,
table and briefing, and a line under a value that is not a change gets no arrow. A card knows which way its change
went (`direction`), so its arrow and colour never depend on how the delta text happens to start ('±0' is no rise).
`kpi()` builds a card from a measure and its `Change`, withholding in the public copy what the audience may not see.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

from lib.audience import Audience
from lib.disclosure import HIDDEN
from lib.formatting import fmt_pct, short_yuan, signed, trimmed
from lib.metrics.exact_test import beyond_chance
from lib.metrics.periods import Change, is_calendar_year

Good = Literal["up", "down", "neither"]  # which way a change is good news
Direction = Literal["up", "down", "flat"]  # which way a change went
Tone = Literal["good", "bad", "neutral"]
ValueKind = Literal["count", "money", "percent", "rate", "days"]


def direction_of(change: Change) -> Direction | None:
    """Which way `change` went; None without an earlier figure."""
    if change.delta is None:
        return None
    return "up" if change.delta > 0 else "down" if change.delta < 0 else "flat"


def tone_of(direction: Direction | None, good: Good) -> Tone:
    """Good or bad news: a rise or fall against the measure's declared good direction; otherwise neutral."""
    if direction not in ("up", "down") or good == "neither":
        return "neutral"
    return "good" if direction == good else "bad"


@dataclass(frozen=True)
class Kpi:
    label: str
    value: str
    delta: str | None = None  # a change (see `direction`) or, with is_change=False, a plain note
    help: str | None = None
    good: Good = "neither"
    is_change: bool = True
    trend: tuple[float, ...] | None = None  # a small trend line under the value, oldest first
    direction: Direction | None = None  # which way the change went: its arrow; None (or flat) draws none
    within_noise: bool = False  # a count's change the exact test cannot tell from chance: its colour is neutral

    @property
    def arrow(self) -> Direction | None:
        """'up' or 'down' when the card's delta line is a rise or a fall; None for no arrow."""
        return self.direction if self.is_change and self.delta and self.direction in ("up", "down") else None

    @property
    def tone(self) -> Tone:
        """Good news, bad news or neither: the colour of the delta line wherever the card is drawn. A change within
        the noise of counts this size is neither, as the written summary says ("无明显升降")."""
        return "neutral" if self.within_noise else tone_of(self.arrow, self.good)


@dataclass(frozen=True)
class Versus:
    """What a change is measured against: a named year, or (year None) the same dates a year earlier."""

    year: int | None = None

    @classmethod
    def of_period(cls, start: date, end: date) -> Versus:
        """A calendar year is compared with the year before ('较2019年'), any other period with the same dates a
        year earlier ('较上年同期')."""
        return cls(start.year - 1) if is_calendar_year(start, end) else cls()

    def phrase(self, audience: Audience) -> str:
        return audience.t("chg.vs_year", year=self.year) if self.year else audience.t("chg.vs_prior")

    def zero(self, audience: Audience) -> str:
        return audience.t("chg.zero_year", year=self.year) if self.year else audience.t("chg.zero_prior")


ChangeKind = Literal["pct", "points", "days", "score", "places"]


def change_text(change: Change, versus: Versus, audience: Audience, *, kind: ChangeKind = "pct",
                basis: Change | None = None) -> str | None:
    """The change on the earlier period as a card's delta line ('-15.2% 较2019年', '+1.3个百分点 较上年同期',
    '新增(2019年为0)'); None when there is no earlier figure, or when the audience may not see it because
    the change, or the counts in `basis` it is built on, rests on a withheld count. Scores and ranks are not counts:
    their changes are withheld only with a `basis` that is."""
    if change.previous is None:
        return None
    counted = basis if kind in ("score", "places") else (basis or change)
    if counted is not None and not audience.compares(counted):
        return None
    words = {"versus": versus.phrase(audience)}
    delta = change.delta or 0.0
    if kind == "points":
        return audience.t("chg.points", change=signed(delta, 1), **words)
    if kind == "days":
        return audience.t("chg.days", change=signed(delta, 1, trim=True), **words)
    if kind == "score":
        return audience.t("chg.score", change=signed(delta, 2), **words)
    if kind == "places":
        return audience.t("chg.places", change=signed(delta, 0), **words)
    if change.pct is None:
        return audience.t("chg.same", **words) if change.current == 0 else audience.t("chg.new", zero=versus.zero(audience))
    return audience.t("chg.pct", change=signed(change.pct, 1), **words)


@dataclass(frozen=True)
class Measure:
    """A headline figure: its label, how its value reads, and which way is good news."""

    label: str
    kind: ValueKind
    good: Good
    unit: str = ""  # after a count ('起', '件')
    help: str | None = None
    decimals: int = 1


def value_text(measure: Measure, value: float | None, audience: Audience) -> str:
    """The value as the card shows it (a count through the audience; other kinds as numbers)."""
    if value is None:
        return HIDDEN
    if measure.kind == "count":
        return audience.count(value, measure.unit)
    if measure.kind == "money":
        return short_yuan(value, audience.lang)
    if measure.kind == "percent":
        return fmt_pct(value, measure.decimals)
    if measure.kind == "days":
        return audience.t("unit.days", days=trimmed(value, 1))
    return f"{value:,.{measure.decimals}f}"


_CHANGE_OF: dict[ValueKind, ChangeKind] = {"count": "pct", "money": "pct", "rate": "pct", "percent": "points",
                                           "days": "days"}


def kpi(measure: Measure, change: Change, audience: Audience, versus: Versus, *, basis: Change | None = None,
        trend: Sequence[float] | None = None) -> Kpi:
    """The card of `measure`. A figure that is not itself a count (money, a rate, a share, days) names in `basis`
    the count it is built on; in the public copy it reads '—', with no change, while that count is withheld."""
    if measure.kind == "count":
        shown, compared = True, True
    else:
        if basis is None:
            raise ValueError(f"{measure.label}: a {measure.kind} figure needs the count it is built on (basis)")
        if measure.kind == "percent":
            shown = audience.shares(change.current, basis.current)
            compared = change.previous is None or audience.shares(change.previous, basis.previous)
        else:
            shown, compared = audience.shows(basis.current), True
    delta = change_text(change, versus, audience, kind=_CHANGE_OF[measure.kind], basis=basis) if shown and compared else None
    return Kpi(measure.label, value_text(measure, change.current if shown else None, audience), delta,
               measure.help, measure.good, trend=tuple(trend) if trend is not None else None,
               direction=direction_of(change) if delta else None,
               within_noise=bool(delta) and _within_noise(measure, change, basis))


def _within_noise(measure: Measure, change: Change, basis: Change | None) -> bool:
    """Whether a count's change, or that of a rate per head of population built on it, is within chance."""
    if measure.kind == "count":
        return not _beyond_chance(change)
    return measure.kind == "rate" and basis is not None and not _beyond_chance(basis)


def _beyond_chance(change: Change) -> bool:
    """Whether a count's change on the period compared with (of the same length) is more than chance: the E-test of
    the CompStat marks and the written summary."""
    if change.previous is None or change.current == change.previous:
        return False
    return beyond_chance(round(change.current), round(change.previous))
