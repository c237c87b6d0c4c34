"""Presentation-mode settings read from a link: the big-screen theme and the playlist of pages (pure, no Streamlit).

`?present=1&theme=dark&playlist=crime,satisfaction,patrol&every=30` shows the listed pages one after another,
every 30 seconds, looping, in the dark theme. Playlist entries are the pages' URL paths; `overview` names the
overview (its path is "/"). The data-management page is never played.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from lib.page_registry import PAGES, PageSpec
from lib.url_numbers import whole_number

THEMES: tuple[str, ...] = ("light", "dark")
DEFAULT_THEME = "light"

EVERY_DEFAULT_S = 30
EVERY_MIN_S = 10
EVERY_MAX_S = 600

# Parameters a playlist passes to the next page: presentation mode's own. The language and the filters go along as
# on any page switch, through the session: `lang` (like `year`) is bound to a widget, which st.switch_page may not set.
CARRIED_PARAMS: tuple[str, ...] = ("present", "theme", "playlist", "every")


def parse_theme(value: str | None) -> str | None:
    """The theme a `theme` value names; None when the value is not a theme (absent means the default)."""
    if value is None:
        return DEFAULT_THEME
    return value if value in THEMES else None


def parse_every(value: str | None) -> int | None:
    """Seconds per page from an `every` value: a whole number from 10 to 600; None when the value is not one."""
    if value is None:
        return EVERY_DEFAULT_S
    return whole_number(value, EVERY_MIN_S, EVERY_MAX_S)


@dataclass(frozen=True)
class Playlist:
    pages: tuple[PageSpec, ...]  # in playing order, each page once
    dropped: tuple[str, ...]  # entries that name no page a playlist can show, as written

    @property
    def value(self) -> str:
        """The playlist as it should stand in the link: the valid entries only."""
        return ",".join(spec.playlist_name for spec in self.pages)


def parse_playlist(value: str | None, pages: Sequence[PageSpec] = PAGES) -> Playlist:
    """The pages a `playlist` value lists, out of `pages` (those the deployment offers).

    Entries are separated by commas; blanks around them and empty entries are ignored; a page listed
    twice plays once; unknown names and pages that are not playable (data management) are dropped."""
    playable = {spec.playlist_name: spec for spec in pages if spec.playable}
    chosen: list[PageSpec] = []
    dropped: list[str] = []
    for entry in (value or "").split(","):
        name = entry.strip()
        if not name:
            continue
        spec = playable.get(name)
        if spec is None:
            dropped.append(name)
        elif spec not in chosen:
            chosen.append(spec)
    return Playlist(tuple(chosen), tuple(dropped))


def next_page(playlist: Sequence[PageSpec], current_url_path: str) -> PageSpec | None:
    """The page after the current one, looping; the first page when the current one is not in the playlist.

    None when there is nowhere else to go (an empty playlist, or one page that is already on screen)."""
    if not playlist:
        return None
    paths = [spec.url_path for spec in playlist]
    if current_url_path not in paths:
        return playlist[0]
    following = playlist[(paths.index(current_url_path) + 1) % len(playlist)]
    return None if following.url_path == current_url_path else following


def carried_params(query: Mapping[str, Sequence[str]]) -> dict[str, list[str]]:
    """The parameters of the link (name -> all its values) that the next page of a playlist keeps."""
    return {name: list(query[name]) for name in CARRIED_PARAMS if name in query and list(query[name])}
