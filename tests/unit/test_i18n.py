import string

from lib.i18n import LANGS, STRINGS, parse_lang, t


def test_every_string_has_both_languages_with_the_same_placeholders():
    for key, texts in STRINGS.items():
        assert set(texts) == set(LANGS), key
        fields = [{f for _, f, _, _ in string.Formatter().parse(texts[lang]) if f} for lang in LANGS]
        assert fields[0] == fields[1], key


def test_lookup_and_language_fallback():
    assert t("page.overview") == "总览"
    assert t("page.overview", "en") == "Overview"
    assert parse_lang("en") == "en"
    assert parse_lang("fr") == "zh"
    assert parse_lang(None) == "zh"
