"""The crime page's written summary: the selection's incidents against a year earlier, the worst town, and the
CompStat windows to the as-of date with the types that are clearly up."""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

import pandas as pd

from lib.audience import Audience
from lib.formatting import join_list
from lib.headline import Versus
from lib.metrics.compstat import Window
from lib.metrics.crime_trends import PeriodSummary
from lib.metrics.periods import Change
from lib.summary.wording import (change_words, clause, count_words, money_words, period_exposure, reading,
                                 share_words)


def scope_words(chosen: Sequence[Sequence[str]], audience: Audience) -> str:
    """'全区', or '所选范围(苏祠街道;暴力)' when filters narrow the page; `chosen` holds each filter's chosen labels
    (empty for a filter left at "all")."""
    parts = [join_list(labels, audience.lang) for labels in chosen if labels]
    return (audience.t("sum.scope", filters=(";" if audience.lang == "zh" else "; ").join(parts)) if parts
            else audience.t("sum.whole_district"))


def _window_change(row: pd.Series, window: Window, audience: Audience) -> tuple[str, str]:
    prior = row[f"{window.key}_prior"]
    change = Change(float(row[f"{window.key}_current"]), None if pd.isna(prior) else float(prior))
    words = change_words(change, audience, Versus(),
                         exposure_ratio=period_exposure(window.start, window.end, window.prior_start, window.prior_end))
    return count_words(change.current, audience, "unit.case"), clause(words, audience)


def crime_summary(start: date, end: date, scope: str, head: PeriodSummary, towns: pd.DataFrame,
                  town_names: Mapping[str, str], comp: pd.DataFrame, windows: tuple[Window, ...], as_of: date,
                  type_names: Mapping[str, str], audience: Audience) -> list[str]:
    """`head` the selection's figures, `towns` lib.metrics.crime_trends.by_town, `comp` lib.metrics.compstat.compstat
    over `windows` (week, 28 days, year to date) ending on `as_of`."""
    incidents = head.incidents
    exposure = period_exposure(start, end, head.prior_start, head.prior_end)
    sentences = [audience.t("sum.cr_total", start=start.isoformat(), end=end.isoformat(), scope=scope,
                            count=count_words(incidents.current, audience, "unit.case"),
                            change=clause(change_words(incidents, audience, Versus(), exposure_ratio=exposure), audience))]
    if incidents.current:
        recovered = money_words(head.recovered_yuan.current, incidents.current, audience)
        sentences.append(audience.t("sum.cr_solved", rate=share_words(head.solved_rate.current, incidents.current,
                                                                       audience, decimals=1),
                                    recovered=recovered or "—"))
    if len(towns) > 1:
        top = towns.iloc[0]
        if top["count"] > 0 and audience.shows(top["count"]):
            sentences.append(audience.t("sum.cr_top_town", town=town_names.get(top["town_code"], top["town_code"]),
                                        rate=f"{top['rate']:.1f}", count=count_words(top["count"], audience, "unit.case")))
    by_key = {w.key: w for w in windows}
    total = comp[comp["level"] == "total"].iloc[0]
    d28, d28_change = _window_change(total, by_key["d28"], audience)
    ytd, ytd_change = _window_change(total, by_key["ytd"], audience)
    sentences.append(audience.t("sum.cr_compstat", as_of=as_of.isoformat(), d28=d28, d28_change=d28_change, ytd=ytd,
                                ytd_change=ytd_change))
    ytd_window = by_key["ytd"]
    exposure = period_exposure(ytd_window.start, ytd_window.end, ytd_window.prior_start, ytd_window.prior_end)
    rising = []
    for _, row in comp[comp["level"] == "type"].iterrows():
        prior = row["ytd_prior"]
        change = Change(float(row["ytd_current"]), None if pd.isna(prior) else float(prior))
        if audience.compares(change) and reading(change, exposure_ratio=exposure) in ("rise", "from_zero"):
            count, words = _window_change(row, ytd_window, audience)
            rising.append(audience.t("sum.cr_rising_item", type=type_names.get(row["code"], row["code"]), count=count,
                                     change=words))
    sentences.append(audience.t("sum.cr_rising", items=("、" if audience.lang == "zh" else "; ").join(rising)) if rising
                     else audience.t("sum.cr_rising_none"))
    return sentences
