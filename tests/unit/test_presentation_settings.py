"""Presentation-mode settings from a link: theme, playlist and seconds per page."""
from __future__ import annotations

import pytest

from lib.page_registry import PAGES
from lib.presentation import (CARRIED_PARAMS, EVERY_DEFAULT_S, carried_params, next_page, parse_every, parse_playlist,
                              parse_theme)

BY_PATH = {spec.url_path: spec for spec in PAGES}


@pytest.mark.parametrize(("value", "theme"), [(None, "light"), ("light", "light"), ("dark", "dark"),
                                              ("Dark", None), ("", None), ("black", None), (" dark", None)])
def test_theme(value, theme):
    assert parse_theme(value) == theme


@pytest.mark.parametrize(("value", "seconds"), [
    (None, EVERY_DEFAULT_S), ("10", 10), ("30", 30), ("600", 600), (" 45 ", 45), ("010", 10),
    ("9", None), ("601", None), ("0", None), ("-30", None), ("30.5", None), ("1e2", None), ("", None),
    ("abc", None), ("３０", None),  # full-width digits are digits to str.isdigit, not to a link
])
def test_every(value, seconds):
    assert parse_every(value) == seconds


def test_playlist_keeps_the_order_written_and_the_valid_entries():
    playlist = parse_playlist("crime,satisfaction,patrol")
    assert [spec.url_path for spec in playlist.pages] == ["crime", "satisfaction", "patrol"]
    assert playlist.dropped == ()
    assert playlist.value == "crime,satisfaction,patrol"


def test_overview_is_named_overview_and_blanks_and_repeats_are_ignored():
    playlist = parse_playlist(" overview, ,crime,,overview,")
    assert [spec.url_path for spec in playlist.pages] == ["", "crime"]
    assert playlist.dropped == ()
    assert playlist.value == "overview,crime"
    assert BY_PATH[""].playlist_name == "overview"


def test_unknown_pages_and_data_management_are_dropped():
    playlist = parse_playlist("crime,nowhere,data,/patrol,Crime,patrol")
    assert [spec.url_path for spec in playlist.pages] == ["crime", "patrol"]
    assert playlist.dropped == ("nowhere", "data", "/patrol", "Crime")


@pytest.mark.parametrize("value", [None, "", ",", "data", "x,y"])
def test_a_playlist_without_a_valid_page_is_empty(value):
    assert parse_playlist(value).pages == ()


def test_only_the_offered_pages_can_be_played():
    offered = [spec for spec in PAGES if spec.url_path != "patrol"]
    playlist = parse_playlist("crime,patrol", offered)
    assert [spec.url_path for spec in playlist.pages] == ["crime"]
    assert playlist.dropped == ("patrol",)


def test_next_page_loops_and_starts_from_the_first_page_elsewhere():
    loop = parse_playlist("crime,satisfaction,patrol").pages
    assert next_page(loop, "crime").url_path == "satisfaction"
    assert next_page(loop, "satisfaction").url_path == "patrol"
    assert next_page(loop, "patrol").url_path == "crime"
    assert next_page(loop, "").url_path == "crime"  # the overview is not in this playlist
    assert next_page(loop, "data").url_path == "crime"


def test_next_page_has_nowhere_to_go_in_an_empty_or_one_page_playlist():
    assert next_page((), "crime") is None
    one = parse_playlist("crime").pages
    assert next_page(one, "crime") is None
    assert next_page(one, "").url_path == "crime"


def test_carried_params_are_presentation_modes_own():
    query = {"lang": ["en"], "present": ["1"], "theme": ["dark"], "playlist": ["crime,patrol"], "every": ["10"],
             "year": ["2019"], "town": ["511402001", "511402003"], "period": ["2020-01-01~2020-12-31"],
             "grain": ["month"], "crime_type": ["burglary"], "shift": ["night"], "empty": []}
    assert carried_params(query) == {"present": ["1"], "theme": ["dark"], "playlist": ["crime,patrol"], "every": ["10"]}
    assert "lang" not in CARRIED_PARAMS, "lang is bound to the language switch: switch_page may not set it"
    assert carried_params({"grain": ["week"], "every": []}) == {}
