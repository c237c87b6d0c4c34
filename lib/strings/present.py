"""Strings of presentation mode's extras: the big-screen theme and the playlist."""
from lib.i18n import Lang

STRINGS: dict[str, dict[Lang, str]] = {
    "present.next": {"zh": "下一页:{page}(每屏 {every} 秒)", "en": "Next: {page} ({every} s a screen)"},
    "present.next_now": {"zh": "下一页", "en": "Next page"},
    "present.playlist_dropped": {
        "zh": "链接中的 playlist 含不能轮播的页面 {entries},已略过。",
        "en": "The link's playlist names pages that cannot be shown in turn ({entries}); they are skipped.",
    },
    "present.playlist_empty": {
        "zh": "链接中的 playlist={value} 没有可轮播的页面,已忽略。",
        "en": "The link's playlist={value} names no page that can be shown in turn; it is ignored.",
    },
}
