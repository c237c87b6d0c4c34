"""Numbers the way leaders read them: 万 and 亿 in Chinese, separators in English."""
from __future__ import annotations

from collections.abc import Iterable

from lib.i18n import Lang
from lib.metrics.periods import Change


def join_list(items: Iterable[str], lang: Lang) -> str:
    """Names in a sentence: 苏祠街道、太和镇 in Chinese, "a, b" in English."""
    return ("、" if lang == "zh" else ", ").join(items)


def _trim(value: float, decimals: int) -> str:
    text = f"{value:,.{decimals}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def fmt_count(value: float, lang: Lang) -> str:
    """6181 -> '6,181'; 34000000 -> '3400万' (zh) or '34,000,000' (en)."""
    if lang == "zh" and abs(value) >= 1e8:
        return _trim(value / 1e8, 2) + "亿"
    if lang == "zh" and abs(value) >= 1e5:
        return _trim(value / 1e4, 2).replace(",", "") + "万"
    return f"{value:,.0f}"


def fmt_yuan(value: float, lang: Lang) -> str:
    """12600000 -> '1260万元' (zh) or '¥12.6 million' (en)."""
    if lang == "zh":
        if abs(value) >= 1e8:
            return _trim(value / 1e8, 2) + "亿元"
        if abs(value) >= 1e4:
            return _trim(value / 1e4, 2).replace(",", "") + "万元"
        return f"{value:,.0f}元"
    if abs(value) >= 1e6:
        return f"¥{_trim(value / 1e6, 2)} million"
    return f"¥{value:,.0f}"


def fmt_pct(value: float | None, decimals: int = 2) -> str:
    return "—" if value is None else f"{value:.{decimals}f}%"


def signed(value: float, decimals: int) -> str:
    sign = "+" if value > 0 else ("-" if value < 0 else "±")
    return f"{sign}{abs(value):,.{decimals}f}"


def fmt_change(change: Change, prior_year: int, lang: Lang, *, points: bool = False) -> str | None:
    """The change on the prior year as a signed delta text for st.metric ('-15.2% 较2019年').

    `points=True` for figures that are themselves percentages: the change is in percentage points.
    None when there is no prior figure; 'new' when the prior figure is zero.
    """
    versus = f"较{prior_year}年" if lang == "zh" else f"vs {prior_year}"
    if change.previous is None:
        return None
    if points:
        unit = "个百分点" if lang == "zh" else " pts"
        return f"{signed(change.delta or 0.0, 1)}{unit} {versus}"
    if change.pct is None:
        if change.current == 0:
            return f"±0 {versus}"
        return f"新增({prior_year}年为0)" if lang == "zh" else f"new (0 in {prior_year})"
    return f"{signed(change.pct, 1)}% {versus}"
