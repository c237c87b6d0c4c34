"""Strings of changes on an earlier period, shared by every page's headline figures."""
from lib.i18n import Lang

STRINGS: dict[str, dict[Lang, str]] = {
    "chg.vs_year": {"zh": "较{year}年", "en": "vs {year}"},
    "chg.vs_prior": {"zh": "较上年同期", "en": "vs a year earlier"},
    "chg.zero_year": {"zh": "{year}年为0", "en": "0 in {year}"},
    "chg.zero_prior": {"zh": "上年同期为0", "en": "0 a year earlier"},
    "chg.new": {"zh": "新增({zero})", "en": "new ({zero})"},
    "chg.same": {"zh": "±0 {versus}", "en": "±0 {versus}"},
    "chg.pct": {"zh": "{change}% {versus}", "en": "{change}% {versus}"},
    "chg.points": {"zh": "{change}个百分点 {versus}", "en": "{change} pts {versus}"},
    "chg.days": {"zh": "{change}天 {versus}", "en": "{change} days {versus}"},
    "chg.score": {"zh": "{change}分 {versus}", "en": "{change} {versus}"},
    "unit.days": {"zh": "{days}天", "en": "{days} days"},
    "chg.places": {"zh": "{change}位 {versus}", "en": "{change} places {versus}"},
}
