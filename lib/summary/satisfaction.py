"""The satisfaction page's written summary: the district's score and rank, whether its change is beyond the
survey's margin of error, and the distance to the target rank."""
from __future__ import annotations

from lib.audience import Audience
from lib.formatting import signed
from lib.metrics.satisfaction import Standing
from lib.summary.wording import rank_move_words


def satisfaction_summary(standing: Standing, year: int, district: str, indicator: str,
                         audience: Audience) -> list[str]:
    places = standing.places_up
    move = rank_move_words(places, audience, within_noise=standing.within_noise)
    sentences = [audience.t("sum.sat_standing", year=year, district=district, indicator=indicator,
                            score=f"{standing.score:.2f}", counties=standing.counties, rank=standing.rank, move=move)]
    if standing.score_change is not None and standing.noise is not None:
        change, noise = standing.score_change, f"{standing.noise:.2f}"
        if standing.score_within_noise:
            sentences.append(audience.t("sum.sat_noise", change=signed(change, 2), noise=noise))
        else:
            sentences.append(audience.t("sum.sat_real", direction=audience.t("sum.sat_up" if change > 0 else "sum.sat_down"),
                                        change=f"{abs(change):.2f}", noise=noise))
    gap, target = standing.gap, standing.target_rank
    if gap is not None:
        sentences.append(audience.t("sum.sat_target_reached", target=target) if gap <= 0 else
                         audience.t("sum.sat_target_short", target=target, gap=f"{gap:.2f}", needed=f"{standing.needed:.2f}"))
    return sentences
