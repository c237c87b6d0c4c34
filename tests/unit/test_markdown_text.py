"""Text from the data shown through Streamlit's Markdown (captions, notes, notices, problem lists) stays text.
The browser suite (tests/e2e/test_poisoned_names.py) checks what Streamlit then draws."""
import re

import pytest

from lib.ui.notices import WORD_JOINER, escape_markdown

POISONED = ["- 列表", "1. 编号", "# 标题", '<a href="http://evil.example/x">官方通知:请点此核对</a>', "<b>粗</b>", "&amp;", "**粗**",
            "[点此](http://evil.example)", "见 https://evil.example/x 或 www.evil.example 或 admin@evil.example"]


def test_bare_addresses_are_not_links():
    shown = escape_markdown("见 https://evil.example/x 或 WWW.evil.example 或 admin@evil.example")
    assert "://" not in shown and "WWW." not in shown and "n@" not in shown
    assert shown.replace(WORD_JOINER, "").replace("\\", "") == "见 https://evil.example/x 或 WWW.evil.example 或 admin@evil.example"


@pytest.mark.parametrize("text", POISONED)
def test_every_markup_character_is_escaped_and_the_text_reads_the_same(text):
    shown = escape_markdown(text)
    assert not re.search(r"(?<!\\)[<>\[\]*_`&~$|]", shown)
    assert re.sub(r"\\(.)", r"\1", shown).replace(WORD_JOINER, "") == text


def test_line_starts_are_escaped_and_the_rest_stays_readable():
    assert escape_markdown("- a\n1. b\n# c") == "\\- a\n1\\. b\n\\# c"
    assert escape_markdown("得分 89.66 分,95%区间 87.7–91.6 分(样本 916 份),-44 至 +73 位") == \
        "得分 89.66 分,95%区间 87.7–91.6 分(样本 916 份),-44 至 +73 位"
