"""How a summary sentence words a count and its change on an earlier period."""
from __future__ import annotations

from datetime import date
from typing import Literal

from lib.audience import Audience
from lib.disclosure import HIDDEN
from lib.formatting import fmt_pct, short_yuan, signed
from lib.headline import Versus
from lib.metrics.periods import Change
from lib.metrics.exact_test import beyond_chance


def base_words(versus: Versus, audience: Audience) -> str:
    """What a change is measured against, as a sentence names it: '2019年', '上年同期'."""
    return audience.t("sum.base_year", year=versus.year) if versus.year else audience.t("sum.base_prior")


def period_exposure(start: date, end: date, prior_start: date, prior_end: date) -> float:
    """Days of the period over days of the period compared with (a leap day makes them differ)."""
    return ((end - start).days + 1) / ((prior_end - prior_start).days + 1)


Reading = Literal["rise", "fall", "noise", "same", "both_zero", "from_zero", "from_zero_noise"]


def reading(change: Change, *, exposure_ratio: float = 1.0) -> Reading | None:
    """What a count's change on an earlier period is: a rise or fall beyond chance (the E-test that marks the
    CompStat table, lib/metrics/exact_test.py), noise, no change at all, or a start from zero; None when there is
    no earlier figure."""
    if change.previous is None:
        return None
    current, prior = change.current, change.previous
    if current == prior:
        return "both_zero" if current == 0 else "same"
    real = beyond_chance(round(current), round(prior), current_days=exposure_ratio)
    if prior == 0:
        return "from_zero" if real else "from_zero_noise"
    if not real:
        return "noise"
    return "rise" if current > prior else "fall"


def change_words(change: Change, audience: Audience, versus: Versus, *, exposure_ratio: float = 1.0) -> str | None:
    """'较2019年下降15.2%' for a change beyond chance, '较2019年变化+3.1%,在正常波动范围内……' for one within it; None when
    there is no earlier figure or the audience may not see the change (a count below 3 in the public copy)."""
    read = reading(change, exposure_ratio=exposure_ratio)
    if read is None or not audience.compares(change):
        return None
    pct = change.pct or 0.0
    return audience.t(f"sum.{read}", base=base_words(versus, audience),
                      pct=signed(pct, 1) if read == "noise" else f"{abs(pct):.1f}")


def clause(words: str | None, audience: Audience) -> str:
    """A change as the clause after its count (',较2019年下降15.2%'), or nothing when it is not stated."""
    return "" if words is None else ("," if audience.lang == "zh" else ", ") + words


def count_words(value: float, audience: Audience, unit_key: str | None = None) -> str:
    """A count as the sentence states it: '2,780件', or '<3件' where the public copy withholds it."""
    return audience.count(value, audience.t(unit_key) if unit_key else "")


def share_words(pct: float | None, whole: float | None, audience: Audience, decimals: int = 2) -> str:
    """A share of a count ('61.02%'); '—' where the public copy withholds it or there is none."""
    if pct is None or not audience.shares(pct, whole):
        return HIDDEN
    return fmt_pct(pct, decimals)


def money_words(value: float, basis: float, audience: Audience) -> str | None:
    """A money sum ('7000万元'); None where the public copy withholds it (fewer than 3 cases behind it)."""
    return short_yuan(value, audience.lang) if audience.shows(basis) else None


def rank_move_words(places: int | None, audience: Audience, *, within_noise: bool | None = None) -> str:
    """',较上年上升17位' (places gained on the year before), ',较上年下降3位', ',与上年名次相同', or nothing; a move
    the survey's sampling error could make on its own says so."""
    if places is None:
        return ""
    if places == 0:
        return audience.t("sum.ov_rank_same")
    move = audience.t("sum.ov_rank_up" if places > 0 else "sum.ov_rank_down", places=abs(places))
    return move + (audience.t("sum.rank_within_noise") if within_noise else "")
