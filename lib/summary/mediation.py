"""The mediation page's written summary: disputes screened and settled, time to close, and the open backlog."""
from __future__ import annotations

from lib.audience import Audience
from lib.formatting import trimmed
from lib.headline import Versus
from lib.metrics.mediation_detail import MediationFigures
from lib.summary.wording import change_words, clause, count_words, period_exposure, share_words


def _days(value: float, audience: Audience) -> str:
    return audience.t("unit.days", days=trimmed(value, 1))


def mediation_summary(fig: MediationFigures, scope: str, audience: Audience) -> list[str]:
    """`scope` is lib.summary.crime.scope_words of the page's chosen towns, types and channels."""
    versus = Versus.of_period(fig.start, fig.end)
    exposure = period_exposure(fig.start, fig.end, *fig.prior)
    screened = fig.screened
    sentences = [audience.t("sum.med_screened", start=fig.start.isoformat(), end=fig.end.isoformat(), scope=scope,
                            count=count_words(screened.current, audience, "unit.item"),
                            change=clause(change_words(screened, audience, versus, exposure_ratio=exposure), audience),
                            rate=share_words(fig.settled_rate.current, screened.current, audience))]
    close = fig.close_times
    if close.median_days is not None and close.p90_days is not None and audience.shows(close.closed):
        sentences.append(audience.t("sum.med_close", median=_days(close.median_days, audience),
                                    p90=_days(close.p90_days, audience)))
    sentences.append(audience.t("sum.med_backlog", day=fig.backlog.day.isoformat(),
                                open=count_words(fig.backlog.open, audience, "unit.item"),
                                overdue=count_words(fig.backlog.overdue, audience, "unit.item")))
    return sentences
