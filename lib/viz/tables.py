"""Display tables with headers in the UI language (no Streamlit here: pages show what these return)."""
from __future__ import annotations

import pandas as pd

from lib.audience import Audience
from lib.data.codes import MEDIATION_CHANNELS, label_of
from lib.formatting import fmt_count, fmt_pct, fmt_yuan
from lib.i18n import Lang, t


def channel_table(channels: pd.DataFrame, rate_names: tuple[str, str], audience: Audience) -> pd.DataFrame:
    """Each mediation channel's received, settled and success rate, with the year-earlier rate beside it; the two
    rate columns named `rate_names`.

    Public copy: counts below 3 read "<3" and this period's rate built on them is withheld (lib/disclosure.py)."""
    lang = audience.lang
    received, settled = t("ov.col_received", lang), t("ov.col_settled", lang)
    rate, prior_rate = rate_names
    table = pd.DataFrame({
        t("ov.col_channel", lang): [label_of(MEDIATION_CHANNELS, c, lang) for c in channels["channel"]],
        received: channels["received"].to_numpy(),
        settled: channels["settled"].to_numpy(),
        rate: [fmt_pct(r) for r in channels["rate"]],
        prior_rate: [fmt_pct(None if pd.isna(r) else r) for r in channels["prev_rate"]],
    })
    small = audience.hidden(channels["received"]) | audience.hidden(channels["settled"])
    return audience.count_cells(audience.withhold(table, [rate], small), [received, settled])


def fmt_indicator(value: float, unit: str, qualifier: str, lang: Lang) -> str:
    """A context figure with its unit: 400000 yuan 'more than' -> '40余万元'; a title with no value -> 'yes'."""
    if pd.isna(value):
        return t("ov.yes", lang)
    more = qualifier == "more_than"
    if unit.startswith(("元", "yuan")):
        text = fmt_yuan(value, lang) + unit.removeprefix("元").removeprefix("yuan")
        if more:
            text = text.replace("万元", "余万元", 1) if lang == "zh" else t("ov.more_than", lang) + text
        return text
    number = fmt_count(value, lang)
    return (number + ("余" if more else "") + unit) if lang == "zh" else ((t("ov.more_than", lang) if more else "") + f"{number} {unit}".strip())


def context_table(context: pd.DataFrame, year: int, audience: Audience) -> pd.DataFrame:
    """The year's context indicators (published aggregates: never small counts), with the year before beside them."""
    lang = audience.lang
    unit = context["unit_zh" if lang == "zh" else "unit_en"].fillna("")
    return pd.DataFrame({
        t("ov.col_indicator", lang): context["label_zh" if lang == "zh" else "label_en"].to_numpy(),
        t("ov.col_year", lang, year=year): [fmt_indicator(v, u, q, lang) for v, u, q in zip(context["value"], unit, context["qualifier"])],
        t("ov.col_year", lang, year=year - 1): [t("shell.no_prior", lang, year=year - 1) if pd.isna(p) else fmt_indicator(p, u, "exact", lang)
                                               for p, u in zip(context["prev_value"], unit)],
    })
