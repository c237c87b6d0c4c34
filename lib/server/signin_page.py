"""The sign-in page the server answers with before any page of the app: plain HTML, no script, nothing from outside.

Nothing of Streamlit loads before a sign-in (its page, its scripts and its websocket all wait behind the gate), so
this page is all an unknown visitor can see: the title, the form (the password, or the single sign-on button) and
the language switch. Every text it shows is escaped.
"""
from __future__ import annotations

from html import escape
from urllib.parse import parse_qs, quote, urlsplit

from lib.i18n import DEFAULT_LANG, Lang, parse_lang, t

_CSS = """
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif; background: #f6f7f9;
       color: #262730; margin: 0; }
main { max-width: 26rem; margin: 12vh auto 0; background: #fff; border: 1px solid #d9dce1; border-radius: .6rem;
       padding: 2rem 2.2rem; }
h1 { font-size: 1.35rem; margin: 0 0 1.2rem; } h2 { font-size: 1.1rem; font-weight: 600; margin: 0 0 1rem; }
label { display: block; margin-bottom: .35rem; font-size: .95rem; }
input[type=password] { width: 100%; box-sizing: border-box; padding: .55rem .7rem; font-size: 1rem;
       border: 1px solid #c4c8d0; border-radius: .4rem; }
button, a.button { display: inline-block; margin-top: 1rem; padding: .55rem 1.3rem; font-size: 1rem; border: 0;
       border-radius: .4rem; background: #c8102e; color: #fff; cursor: pointer; text-decoration: none; }
.error { background: #fde8e8; color: #8a1c1c; border-radius: .4rem; padding: .6rem .8rem; margin: 1rem 0 0; }
.note { color: #6b6f76; font-size: .85rem; margin-top: 1.2rem; line-height: 1.5; }
nav { text-align: right; font-size: .85rem; margin-bottom: .5rem; } nav a { color: #31333f; margin-left: .6rem; }
"""


def safe_next(value: str | None) -> str:
    """Where to go after signing in: a path on this server only (never another site), else the overview."""
    if not value or not value.startswith("/") or value.startswith("//") or "\\" in value:
        return "/"
    if any(ord(c) < 0x21 or ord(c) == 0x7F for c in value):  # browsers drop tabs and newlines: "/\t/x" is "//x"
        return "/"
    parts = urlsplit(value)
    if parts.scheme or parts.netloc:
        return "/"
    return value


def lang_of(next_path: str, asked: str | None = None) -> Lang:
    """The sign-in page's language: asked for explicitly, else the language of the link being opened."""
    if asked:
        return parse_lang(asked)
    return parse_lang(parse_qs(urlsplit(next_path).query).get("lang", [DEFAULT_LANG])[0])


def signin_html(next_path: str, lang: Lang, *, sso: bool, hours: float, error: str = "") -> str:
    """The page: a password form posting to /-/signin, or a link into single sign-on, for `next_path`."""
    nxt = escape(next_path, quote=True)
    switch = " ".join(f'<a href="/-/signin?lang={code}&amp;next={escape(quote(next_path, safe=""), quote=True)}"'
                      f' hreflang="{code}">{label}</a>' for code, label in (("zh", "中文"), ("en", "English")))
    if sso:
        body = (f"<h2>{escape(t('auth.sso_heading', lang))}</h2>"
                f'<a class="button" id="sso" href="/-/sso?next={escape(quote(next_path, safe=""), quote=True)}">'
                f"{escape(t('auth.sso_submit', lang))}</a>"
                f'<p class="note">{escape(t("auth.sso_note", lang))}</p>')
    else:
        body = (f"<h2>{escape(t('auth.heading', lang))}</h2>"
                f'<form id="signin" method="post" action="/-/signin">'
                f'<input type="hidden" name="next" value="{nxt}"><input type="hidden" name="lang" value="{lang}">'
                f'<label for="password">{escape(t("auth.password", lang))}</label>'
                f'<input id="password" name="password" type="password" autocomplete="current-password" required autofocus>'
                f'<button type="submit">{escape(t("auth.submit", lang))}</button></form>'
                f'<p class="note">{escape(t("auth.note", lang, hours=f"{hours:g}"))}</p>')
    alert = f'<p class="error" role="alert">{escape(error)}</p>' if error else ""
    return (f'<!doctype html><html lang="{"zh-CN" if lang == "zh" else "en"}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{escape(t('app.title', lang))}</title><style>{_CSS}</style></head>"
            f"<body><main><nav>{switch}</nav><h1>{escape(t('app.title', lang))}</h1>{body}{alert}</main></body></html>")


def message_html(message: str, lang: Lang, link: tuple[str, str] | None = None) -> str:
    """A page that only says something (not authorised, settings wrong), with an optional link."""
    extra = (f'<a class="button" href="{escape(link[0], quote=True)}">{escape(link[1])}</a>' if link else "")
    return (f'<!doctype html><html lang="{"zh-CN" if lang == "zh" else "en"}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{escape(t('app.title', lang))}</title><style>{_CSS}</style></head>"
            f'<body><main><h1>{escape(t("app.title", lang))}</h1><p class="error" role="alert">{escape(message)}</p>'
            f"{extra}</main></body></html>")
