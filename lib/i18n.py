"""Every user-visible string, in Chinese (the default) and English.

Strings are looked up by key; `t` fills `{placeholders}` with str.format. Data-derived values passed
to `t` are plain text: the caller escapes them where they reach HTML.
"""
from __future__ import annotations

from typing import Literal, get_args

Lang = Literal["zh", "en"]
LANGS: tuple[Lang, ...] = get_args(Lang)
DEFAULT_LANG: Lang = "zh"

STRINGS: dict[str, dict[Lang, str]] = {
    # app shell
    "app.title": {"zh": "东坡区平安建设数据看板", "en": "Dongpo District Public Safety Dashboard"},
    "page.overview": {"zh": "总览", "en": "Overview"},
    "shell.language": {"zh": "语言 / Language", "en": "Language / 语言"},
    "shell.as_of": {"zh": "数据截至 {date}", "en": "Data as of {date}"},
    "shell.demo_badge": {
        "zh": "演示数据:以下数字由程序生成,仅 2020 年公开数字与通报一致;镇(街道)、村(社区)边界为示意",
        "en": "Demo data: generated figures; only the published 2020 figures match the report; "
        "town and village boundaries are illustrative",
    },
    "shell.data_error": {
        "zh": "数据未能载入,页面无法显示。请把下列问题交给数据管理员:",
        "en": "The data could not be loaded, so the page cannot be shown. Please pass these problems to the data administrator:",
    },
    "shell.url_fallback": {
        "zh": "链接中的 {param}={value} 无效,已改用默认值 {default}。",
        "en": "The link's {param}={value} is not valid; the default {default} is shown instead.",
    },
}


def t(key: str, lang: Lang = DEFAULT_LANG, **fmt: object) -> str:
    """The string for `key` in `lang`, with placeholders filled from `fmt`."""
    text = STRINGS[key][lang]
    return text.format(**fmt) if fmt else text


def parse_lang(value: object) -> Lang:
    """A language code from a URL value; anything unknown falls back to the default."""
    return value if value in LANGS else DEFAULT_LANG  # type: ignore[return-value]
