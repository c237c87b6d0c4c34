"""Names from the data are text on every page, in Chinese and English: towns, villages, counties and events that
hold HTML (`<a href>`, `<b>`), entities (`&amp;`), template syntax (`{{ }}`, `{%`) or a bare address never become
a link, bold, a decoded character or an evaluated expression: not in the page, not in a plotly chart's SVG, not in a map's frame. The names show as the files hold them."""
from __future__ import annotations

import csv
import json
import shutil
import time
from pathlib import Path

import pytest

from conftest import REPO

pytestmark = pytest.mark.e2e

LINK = '<a href="http://evil.example/x">官方通知:请点此核对</a>'
BOLD = "<b>粗</b>"
ENTITY = "苏祠&amp;街道"
BARE = "太和镇 http://evil.example/bare"
TEMPLATE = "{{ 7 * 7 }}{% if x %}镇{#"  # template syntax: shown as written, never evaluated
TOWNS = {"511402001": LINK, "511402002": BOLD, "511402003": ENTITY, "511402100": BARE, "511402101": TEMPLATE}
COUNTIES = {"511403": LINK, "511421": BOLD, "511423": ENTITY}  # peers the satisfaction page follows by default
EVENTS = {"case_4_20": LINK, "case_12_5": BOLD + ENTITY}
VILLAGE = ("511402001001", LINK)

# Every <a> in the document and in every frame: its href (xlink:href in SVG). Plotly draws links as SVG <a>.
_LINKS_JS = """() => [...document.querySelectorAll('a')].map(a => a.getAttribute('href') || a.getAttribute('xlink:href')
                                                         || (a.href && a.href.baseVal) || '')"""
_BOLD_JS = """() => [...document.querySelectorAll('b, strong, tspan')].filter(e =>
    e.textContent === '粗' && (e.tagName !== 'tspan' || (e.getAttribute('style') || '').includes('bold'))).length"""
_TEXT_JS = """() => document.body ? document.body.textContent : ''"""
_SVG_TEXT_JS = """() => [...document.querySelectorAll('svg')].map(s => s.textContent).join('\\n')"""
# every plotly chart on the page has drawn its SVG
_CHARTS_DRAWN_JS = """() => [...document.querySelectorAll("[data-testid='stPlotlyChart']")]
                              .every(c => c.querySelector('.js-plotly-plot .main-svg'))"""


def _edit_geojson(path: Path, key: str, names: dict[str, str], fields: tuple[str, ...]) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    for feature in data["features"]:
        props = feature["properties"]
        if str(props[key]) in names:
            for field in fields:
                props[field] = names[str(props[key])]
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


@pytest.fixture(scope="module")
def poisoned_server(start_app, tmp_path_factory) -> str:
    """The app on a copy of the demo data whose names hold markup."""
    root = tmp_path_factory.mktemp("poisoned")
    data = root / "data"
    shutil.copytree(REPO / "data", data)
    _edit_geojson(data / "boundaries" / "towns.geojson", "town_code", TOWNS, ("town_zh", "town_en"))
    _edit_geojson(data / "boundaries" / "villages.geojson", "village_code", dict([VILLAGE]), ("village_zh", "village_en"))
    _edit_geojson(data / "boundaries" / "sichuan_counties.geojson", "adcode", COUNTIES, ("county_zh",))
    with open(data / "events.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    for row in rows:
        if row["event_id"] in EVENTS:
            row["name_zh"] = row["name_en"] = EVENTS[row["event_id"]]
    with open(data / "events.csv", "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return start_app({"PINGAN_DATA_DIR": str(data), "PINGAN_WORK_DIR": str(root / "work"),
                      "PINGAN_CACHE_DIR": str(root / "cache")})


def _drawn_text(opened) -> str:
    """The text the charts (SVG) and the maps (frames) draw: not the sidebar's widgets, which show names as text."""
    frames = [f.evaluate(_TEXT_JS) for f in opened.page.frames if f != opened.page.main_frame and not f.is_detached()]
    return "\n".join([opened.page.evaluate(_SVG_TEXT_JS)] + frames)


def _wait_for_drawing(opened, names, timeout_s: float = 60) -> None:
    """Charts and maps draw after the script run: wait until every chart has drawn, then poll what the charts and
    maps show until every name is there (or the time is up: the assertion then says which is missing)."""
    opened.page.wait_for_function(_CHARTS_DRAWN_JS, timeout=timeout_s * 1000)
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline and not all(name in _drawn_text(opened) for name in names):
        opened.page.wait_for_timeout(250)


def _assert_inert_everywhere(opened) -> None:
    """No data-derived link or bold in the page or any of its frames."""
    for frame in opened.page.frames:
        hrefs = frame.evaluate(_LINKS_JS)
        assert not [h for h in hrefs if "evil.example" in h], f"a link from the data in {frame.url}: {hrefs}"
        assert frame.evaluate(_BOLD_JS) == 0, f"a name drawn bold in {frame.url}"
    assert not opened.page.locator("[data-testid='stException']").all_inner_texts(), "exception shown"
    assert opened.page_errors == [], opened.page_errors


PAGES = [
    ("/", ()),
    ("/satisfaction", (LINK, BOLD, ENTITY)),  # the peers' lines on the rank chart, with their names
    ("/mediation?town=511402001,511402002,511402003,511402100,511402101", (LINK, BOLD, ENTITY, TEMPLATE)),  # town chart
    ("/crime", (LINK, BOLD, ENTITY, TEMPLATE)),  # the town chart and the events under the trend
    ("/crime?layout=multiples&grain=month", (LINK, BOLD, ENTITY, TEMPLATE)),
    ("/patrol", (LINK, BOLD, ENTITY, TEMPLATE)),  # the towns' labels on the map (in the map's frame)
]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("path,shown", PAGES, ids=[p for p, _ in PAGES])
def test_names_from_the_data_are_text_on_every_page(open_page, poisoned_server, path, shown, lang):
    link = path + ("&" if "?" in path else "?") + f"lang={lang}"
    opened = open_page(link, base_url=poisoned_server, viewport=(1440, 4000))
    if path.startswith("/patrol"):
        opened.page.wait_for_selector("iframe[title*='streamlit_folium']", timeout=60_000)
    _wait_for_drawing(opened, shown)
    _assert_inert_everywhere(opened)
    text = _drawn_text(opened)
    missing = [name for name in shown if name not in text]
    shot = opened.screenshot(f"poisoned{link}")
    seen = [text[max(0, i - 40):i + 60] for i in range(len(text)) if text.startswith("evil.example", i)]
    assert not missing, f"not shown literally on {link}: {missing} (see {shot}); around the address: {seen}"
