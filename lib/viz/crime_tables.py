"""Tables of the crime page with headers in the UI language, for display and download (no Streamlit here)."""
from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd
from pandas.io.formats.style import Styler

from lib.audience import Audience
from lib.data.codes import CRIME_GROUPS, CRIME_TYPES, label_of
from lib.data.contracts import INCIDENTS
from lib.export import with_code_labels
from lib.formatting import signed  # the sign convention of every change shown
from lib.headline import Direction, Tone, tone_of
from lib.i18n import Lang, t
from lib.measures import good_of, incidents_key
from lib.metrics.compstat import WINDOW_KEYS

TONE_STYLE = {"bad": "color: #b03a2e", "good": "color: #1e8449", "neutral": ""}  # more crime is bad news
SIGNIFICANT_STYLE = "font-weight: bold"
TONE_BACKGROUND = {"bad": ";background-color: #fdecea", "good": ";background-color: #e9f7ef", "neutral": ""}


def verdict(current: int, prior: int | None, significant: bool, lang: Lang) -> str:
    """The reading of one comparison: a significant rise or fall, an unmarked swing, no change, or new."""
    if prior is None or pd.isna(prior):
        return t("cr.mark_no_prior", lang)
    if prior == 0 and current > 0:
        return t("cr.mark_new_sig" if significant else "cr.mark_new", lang)
    if current == prior:
        return t("cr.mark_flat", lang)
    rising = current > prior
    if significant:
        return t("cr.mark_up_sig" if rising else "cr.mark_down_sig", lang)
    return t("cr.mark_up" if rising else "cr.mark_down", lang)


def pct_text(pct: float | None, current: int, prior: int | None, lang: Lang) -> str:
    """A change in percent as the table shows it: '+12.3%', '±0.0%', '新增' against a prior of zero, '—' without one."""
    if prior is None or pd.isna(prior):
        return "—"
    if pct is None or pd.isna(pct):
        return t("cr.pct_new", lang) if current > 0 else signed(0.0, 1) + "%"
    return signed(round(float(pct), 1), 1) + "%"


def row_tones(table: pd.DataFrame, key: str) -> list[Tone]:
    """Per CompStat row, whether its change in window `key` is good or bad news: a rise is bad for crime, except
    the kinds found by police work (lib/measures.py), whose rows are neutral."""
    types_of = {"total": [c.code for c in CRIME_TYPES]}
    types_of.update({g.code: [c.code for c in CRIME_TYPES if c.group == g.code] for g in CRIME_GROUPS})
    tones = []
    for level, code, delta in zip(table["level"], table["code"], table[f"{key}_delta"].fillna(0)):
        types = [code] if level == "type" else types_of[code]
        direction: Direction = "up" if delta > 0 else "down" if delta < 0 else "flat"
        tones.append(tone_of(direction, good_of(incidents_key(types))))
    return tones


def window_label(key: str, lang: Lang) -> str:
    return t(f"cr.window_{key}", lang)


def _row_label(level: str, code: str, type_labels: Mapping[str, str], lang: Lang) -> str:
    if level == "total":
        return t("cr.all_types", lang)
    if level == "group":
        return "【" + label_of(CRIME_GROUPS, code, lang) + "】"
    return type_labels[code]


def compstat_hidden(table: pd.DataFrame, key: str, audience: Audience) -> np.ndarray:
    """Rows of one window whose change the audience may not see: its count or a year earlier is below 3."""
    if not audience.public:
        return np.zeros(len(table), dtype=bool)
    return audience.hidden(table[f"{key}_current"]) | audience.hidden(table[f"{key}_prior"])


def compstat_frame(table: pd.DataFrame, type_labels: Mapping[str, str], audience: Audience) -> pd.DataFrame:
    """The CompStat rows with localized headers: per window the count, a year earlier, change, change % and verdict.
    Public copy: counts below 3 read "<3", and a window's change, change % and verdict built on one read "—"."""
    lang = audience.lang
    columns: dict[str, object] = {  # one frame at the end: no column inserted one by one
        t("cr.col_level", lang): [t(f"cr.level_{level}", lang) for level in table["level"]],
        t("cr.col_group", lang): [label_of(CRIME_GROUPS, g, lang) if g else "" for g in table["group"]],
        t("cr.col_type", lang): [_row_label(lv, c, type_labels, lang) for lv, c in zip(table["level"], table["code"])],
    }
    for key in WINDOW_KEYS:
        name = window_label(key, lang)
        columns[t("cr.col_current", lang, window=name)] = table[f"{key}_current"].to_numpy()
        columns[t("cr.col_window_prior", lang, window=name)] = table[f"{key}_prior"].array
        columns[t("cr.col_window_delta", lang, window=name)] = table[f"{key}_delta"].array
        columns[t("cr.col_window_pct", lang, window=name)] = [
            pct_text(pct, c, None if pd.isna(p) else int(p), lang)
            for pct, c, p in zip(table[f"{key}_pct"], table[f"{key}_current"], table[f"{key}_prior"])]
        columns[t("cr.col_window_mark", lang, window=name)] = [
            verdict(c, p if not pd.isna(p) else None, s, lang)
            for c, p, s in zip(table[f"{key}_current"], table[f"{key}_prior"], table[f"{key}_significant"])]
    out = pd.DataFrame(columns)
    for key in WINDOW_KEYS:
        name = window_label(key, lang)
        out = audience.withhold(out, [t(f"cr.col_window_{part}", lang, window=name) for part in ("delta", "pct", "mark")],
                                compstat_hidden(table, key, audience))
        out = audience.count_cells(out, [t("cr.col_current", lang, window=name), t("cr.col_window_prior", lang, window=name)])
    return out


def compstat_styler(frame: pd.DataFrame, table: pd.DataFrame, audience: Audience) -> Styler:
    """`frame` (compstat_frame of `table`) with bad news in red and good news in green (row_tones), significant
    changes bold and shaded. Public copy: a change withheld in the frame has no colour either (it would tell its sign)."""
    lang = audience.lang
    styles = pd.DataFrame("", index=frame.index, columns=frame.columns)
    for key in WINDOW_KEYS:
        name = window_label(key, lang)
        hidden = compstat_hidden(table, key, audience)
        tones = ["neutral" if h else tone for tone, h in zip(row_tones(table, key), hidden)]
        significant = table[f"{key}_significant"].to_numpy() & ~hidden
        for column in (t("cr.col_window_pct", lang, window=name), t("cr.col_window_mark", lang, window=name),
                       t("cr.col_window_delta", lang, window=name)):
            styles[column] = [TONE_STYLE[tone] + (";" + SIGNIFICANT_STYLE + TONE_BACKGROUND[tone] if s else "")
                              for tone, s in zip(tones, significant)]
    delta_columns = [t("cr.col_window_delta", lang, window=window_label(k, lang)) for k in WINDOW_KEYS]
    return (frame.style.apply(lambda _: styles, axis=None)
            .format(lambda v: v if isinstance(v, str) else signed(v, 0), subset=delta_columns, na_rep="—"))


def compstat_help(lang: Lang) -> dict[str, str]:
    """Tooltips of the CompStat headers: the significance test on each verdict column."""
    return {t("cr.col_window_mark", lang, window=window_label(k, lang)): t("cr.sig_help", lang) for k in WINDOW_KEYS}


def trend_table(data: pd.DataFrame, type_labels: Mapping[str, str], audience: Audience) -> pd.DataFrame:
    lang = audience.lang
    table = pd.DataFrame({
        t("cr.col_bucket", lang): data["bucket"].dt.strftime("%Y-%m-%d").to_numpy(),
        t("cr.col_type", lang): [type_labels[c] for c in data["crime_type"]],
        t("cr.col_count", lang): data["count"].to_numpy(),
        t("cr.col_prior", lang): pd.array(data["prior"], dtype="Float64").astype("Int64"),
    })
    return audience.count_cells(table, [t("cr.col_count", lang), t("cr.col_prior", lang)])


def town_table(towns: pd.DataFrame, town_labels: Mapping[str, str], audience: Audience) -> pd.DataFrame:
    """Public copy: counts below 3 read "<3" and their rate "—" (rate times population is the count)."""
    lang = audience.lang
    table = pd.DataFrame({
        t("cr.col_rank", lang): towns["rank"].to_numpy(),
        t("cr.col_town", lang): [town_labels.get(c, c) for c in towns["town_code"]],
        t("cr.col_town_code", lang): towns["town_code"].to_numpy(),
        t("cr.col_count", lang): towns["count"].to_numpy(),
        t("cr.col_population", lang): towns["population"].to_numpy(),
        t("cr.col_rate", lang): towns["rate"].round(2).to_numpy(),
    })
    table = audience.withhold(table, [t("cr.col_rate", lang)], audience.hidden(towns["count"]))
    return audience.count_cells(table, [t("cr.col_count", lang)])


def types_table(types: pd.DataFrame, type_labels: Mapping[str, str], audience: Audience) -> pd.DataFrame:
    """Public copy: counts below 3 read "<3"; a solved rate on fewer than 3 incidents or solved cases, and money over
    fewer than 3 incidents, read "—"."""
    lang = audience.lang
    table = pd.DataFrame({
        t("cr.col_group", lang): [label_of(CRIME_GROUPS, g, lang) for g in types["group"]],
        t("cr.col_type", lang): [type_labels[c] for c in types["crime_type"]],
        t("cr.col_count", lang): types["count"].to_numpy(),
        t("cr.col_solved", lang): types["solved"].to_numpy(),
        t("cr.col_solved_rate", lang): types["solved_rate"].round(1).array,
        t("cr.col_loss", lang): types["loss_yuan"].to_numpy(),
        t("cr.col_recovered", lang): types["recovered_yuan"].to_numpy(),
        t("cr.col_recovery_rate", lang): types["recovery_rate"].round(1).array,
    })
    few_cases = audience.hidden(types["count"])
    table = audience.withhold(table, [t("cr.col_solved_rate", lang)], few_cases | audience.hidden(types["solved"]))
    table = audience.withhold(table, [t(f"cr.col_{c}", lang) for c in ("loss", "recovered", "recovery_rate")], few_cases)
    return audience.count_cells(table, [t("cr.col_count", lang), t("cr.col_solved", lang)])


def hours_table(hours: pd.DataFrame, audience: Audience) -> pd.DataFrame:
    lang = audience.lang
    days = t("cr.weekdays", lang).split("|")
    table = hours.rename(columns=lambda h: f"{h:02d}")
    table = audience.count_cells(table, list(table.columns))
    table.insert(0, t("cr.col_weekday", lang), [days[d] for d in hours.index])
    return table.reset_index(drop=True)


def records_table(records: pd.DataFrame, town_labels: Mapping[str, str], audience: Audience) -> pd.DataFrame:
    """Incident records as people read them: every coded column (crime type, status, how it came to notice) shows
    its label and keeps its code in a column of its own, the town's name stands beside its code, dates are text,
    headers localized.

    Only the internal copy has records: the public copy never offers them."""
    if audience.public:
        raise PermissionError("incident records are never part of the public copy")
    lang = audience.lang
    out = records.copy()
    out.insert(out.columns.get_loc("town_code") + 1, t("cr.col_town_label", lang),
               out["town_code"].astype(str).map(town_labels))
    out["crime_type"] = out["crime_type"].astype(str)
    for column in ("reported_at", "solved_on"):
        out[column] = out[column].dt.strftime("%Y-%m-%d %H:%M" if column == "reported_at" else "%Y-%m-%d")
    return with_code_labels(out, INCIDENTS, lang)
