"""The patrol page's written summary: hours patrolled, hot spots covered, patrol results and police assistants."""
from __future__ import annotations

from datetime import date

from lib.audience import Audience
from lib.formatting import fmt_count
from lib.headline import Versus
from lib.metrics.patrol_view import PatrolFigures
from lib.metrics.periods import year_earlier
from lib.summary.wording import change_words, clause, count_words, period_exposure


def patrol_summary(fig: PatrolFigures, shift: str, place: str, as_of: date, audience: Audience) -> list[str]:
    """`shift` and `place` as the page names them (the shift's label; the chosen towns, or the whole district)."""
    f = fig.filters
    versus = Versus.of_period(f.start, f.end)
    exposure = period_exposure(f.start, f.end, year_earlier(f.start), year_earlier(f.end))

    def change(value) -> str:
        return clause(change_words(value, audience, versus, exposure_ratio=exposure), audience)

    hotspots = fig.hotspots
    return [
        audience.t("sum.pt_hours", start=f.start.isoformat(), end=f.end.isoformat(), shift=shift, place=place,
                   hours=fmt_count(round(fig.patrol_hours), audience.lang), total=len(hotspots),
                   covered=int(hotspots["covered"].sum()), dosage=f.dosage_min),
        audience.t("sum.pt_results", stops=count_words(fig.patrol_stops.current, audience, "unit.case"),
                   stops_change=change(fig.patrol_stops),
                   fugitives=count_words(fig.patrol_fugitives.current, audience, "unit.fugitive"),
                   fugitives_change=change(fig.patrol_fugitives)),
        audience.t("sum.pt_assistants", as_of=as_of.isoformat(), place=place, covered=fig.assistants.covered,
                   total=fig.assistants.total),
    ]
