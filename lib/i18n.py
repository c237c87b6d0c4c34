"""Every user-visible string, in Chinese (the default) and English.

Strings are looked up by key; `t` fills `{placeholders}` with str.format. Data-derived values passed
to `t` are plain text: the caller escapes them where they reach HTML.
"""
from __future__ import annotations

import importlib
import pkgutil
from typing import Literal, get_args

Lang = Literal["zh", "en"]
LANGS: tuple[Lang, ...] = get_args(Lang)
DEFAULT_LANG: Lang = "zh"

STRINGS: dict[str, dict[Lang, str]] = {}  # filled from the modules of lib.strings, one per page


def t(key: str, lang: Lang = DEFAULT_LANG, **fmt: object) -> str:
    """The string for `key` in `lang`, with placeholders filled from `fmt`."""
    text = STRINGS[key][lang]
    return text.format(**fmt) if fmt else text


def parse_lang(value: object) -> Lang:
    """A language code from a URL value; anything unknown falls back to the default."""
    return value if value in LANGS else DEFAULT_LANG  # type: ignore[return-value]


def _merge_page_strings() -> None:
    import lib.strings

    for module in pkgutil.iter_modules(lib.strings.__path__):
        strings = importlib.import_module(f"lib.strings.{module.name}").STRINGS
        clash = STRINGS.keys() & strings.keys()
        if clash:
            raise KeyError(f"lib.strings.{module.name} redefines {sorted(clash)}")
        STRINGS.update(strings)


_merge_page_strings()
