"""Numbers the way leaders read them: 万 and 亿 in Chinese, separators in English."""
from __future__ import annotations

from collections.abc import Iterable

from lib.i18n import Lang


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


def short_yuan(value: float, lang: Lang) -> str:
    """A money figure short enough for a card: '7018万元' / '1.22亿元' (zh), '¥70.2M' (en); files keep exact yuan."""
    if lang == "zh":
        return fmt_yuan(round(value, -4) if 1e6 <= abs(value) < 1e8 else value, lang)
    return f"¥{value / 1e6:,.1f}M" if abs(value) >= 1e6 else fmt_yuan(value, lang)


def fmt_pct(value: float | None, decimals: int = 2) -> str:
    return "—" if value is None else f"{value:.{decimals}f}%"


def trimmed(value: float, decimals: int) -> str:
    """At most `decimals` decimals, trailing zeros dropped: 14.0 -> '14', 14.5 -> '14.5'."""
    return _trim(value, decimals)


def signed(value: float, decimals: int, *, trim: bool = False) -> str:
    """A change with its sign first ('+5.4', '-3', '±0'): st.metric draws the arrow from the sign."""
    sign = "+" if value > 0 else ("-" if value < 0 else "±")
    return sign + (_trim(abs(value), decimals) if trim else f"{abs(value):,.{decimals}f}")
