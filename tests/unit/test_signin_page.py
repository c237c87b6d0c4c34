"""The server's sign-in page: where it returns to (never another site), and everything it shows escaped."""
from __future__ import annotations

import pytest

from lib.i18n import t
from lib.server.signin_page import lang_of, message_html, safe_next, signin_html


@pytest.mark.parametrize("given, kept", [
    ("/crime?grain=month&town=511402003", "/crime?grain=month&town=511402003"),
    ("//evil.example/x", "/"), ("/\t/evil.example", "/"), ("/\\evil.example", "/"), ("https://evil.example/", "/"),
    ("javascript:alert(1)", "/"), ("", "/"), (None, "/"),
])
def test_after_signing_in_the_browser_returns_only_to_a_path_of_this_server(given, kept):
    assert safe_next(given) == kept


def test_the_page_escapes_the_link_and_speaks_the_links_language():
    link = '/crime?lang=en&x="><script>alert(1)</script>'
    page = signin_html(link, lang_of(link), sso=False, hours=12)
    assert "<script>" not in page and "&quot;&gt;&lt;script&gt;" in page
    assert t("auth.heading", "en") in page and 'name="password"' in page and "<script" not in page
    assert lang_of("/?lang=zh") == "zh" and lang_of("/", "en") == "en" and lang_of("/?lang=xx") == "zh"
    sso = signin_html("/", "zh", sso=True, hours=12)
    assert 'id="sso"' in sso and 'name="password"' not in sso
    assert "&lt;img" in message_html(t("auth.not_authorised", "en", user="<img src=x onerror=alert(1)>"), "en")
