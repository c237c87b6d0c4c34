"""docs/urls.md is the URL contract. Its examples are opened in a real browser and must show what the document
says, and the sidebar's "copy link" shows a link that reproduces the view on screen."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlparse

import pytest
from playwright.sync_api import expect

from lib.i18n import t
from lib.page_registry import PAGES
from tests.e2e.conftest import ADMIN_PASSWORD, wait_drawn

pytestmark = pytest.mark.e2e

DOC = Path(__file__).resolve().parents[2] / "docs" / "urls.md"

# Records the text of every notice (toast) shown, since a toast leaves the screen after a few seconds.
_TOASTS_JS = """
window.__toasts = [];
new MutationObserver(() => {
  for (const el of document.querySelectorAll("[data-testid='stToast']")) {
    const text = el.innerText;
    if (text && !window.__toasts.includes(text)) window.__toasts.push(text);
  }
}).observe(document, {subtree: true, childList: true, characterData: true});
"""


@dataclass(frozen=True)
class Example:
    link: str
    shows: tuple[str, ...]
    notices: tuple[str, ...]


def _section(text: str, heading: str) -> str:
    match = re.search(rf"^## {re.escape(heading)}\n(.*?)(?=^## |\Z)", text, flags=re.M | re.S)
    assert match, f"docs/urls.md has no '## {heading}' section"
    return match.group(1)


def _table_rows(section: str) -> list[list[str]]:
    """The body rows of the first Markdown table of a section, as lists of cells."""
    rows = [line.strip() for line in section.splitlines() if line.strip().startswith("|")]
    return [[cell.strip() for cell in row.strip("|").split("|")] for row in rows[2:]]


def _code_spans(cell: str) -> tuple[str, ...]:
    return tuple(re.findall(r"`([^`]+)`", cell))


def contract_examples() -> list[Example]:
    examples = []
    for cells in _table_rows(_section(DOC.read_text(encoding="utf-8"), "Examples")):
        assert len(cells) == 3, f"an example row needs link | the page shows | notice: {cells}"
        (link,) = _code_spans(cells[0])
        examples.append(Example(link, _code_spans(cells[1]), _code_spans(cells[2])))
    return examples


EXAMPLES = contract_examples()


def test_the_contract_lists_every_page_and_enough_examples():
    paths = [_code_spans(cells[0])[0] for cells in _table_rows(_section(DOC.read_text(encoding="utf-8"), "Pages"))]
    assert paths == [spec.url for spec in PAGES], "the Pages table of docs/urls.md differs from lib/page_registry.py"
    assert len(EXAMPLES) >= 8
    assert all(example.shows for example in EXAMPLES), "every example states what the page shows"
    assert any(example.notices for example in EXAMPLES), "the fallback rule has examples"
    for example in EXAMPLES:
        assert urlparse(example.link).path in paths, f"{example.link}: not a page of the app"


def _open_watching_notices(open_page, app_server, wait_idle, link: str):
    """Open `link` in a fresh browser session whose notices are recorded in window.__toasts."""
    opened = open_page("/")  # a fresh session; the recorder applies to the next document
    opened.page.context.add_init_script(_TOASTS_JS)
    opened.page.goto(app_server + link)
    wait_idle(opened.page, settle_ms=1000)
    return opened


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda e: e.link)
def test_a_documented_link_shows_the_documented_view(example, open_page, app_server, wait_idle):
    opened = _open_watching_notices(open_page, app_server, wait_idle, example.link)
    page = opened.page
    shot = opened.screenshot("url-contract-" + example.link)
    assert urlparse(page.url).path == urlparse(example.link).path, f"'Page not found' for {example.link}; see {shot}"
    errors = page.locator("[data-testid='stException']").all_inner_texts()
    assert not errors, f"exception shown for {example.link}; see {shot}:\n" + "\n---\n".join(errors)
    main = page.locator("[data-testid='stMain']")
    for text in example.shows:
        expect(main, f"{example.link} should show {text!r}; see {shot}").to_contain_text(text, use_inner_text=True)
    if example.notices:
        for text in example.notices:  # a notice is drawn after the run that raised it: wait for it to be recorded
            page.wait_for_function("(text) => window.__toasts.some((toast) => toast.includes(text))", arg=text,
                                   timeout=60_000)
            assert text not in unquote(page.url), f"{example.link}: the bad value stayed in the URL {page.url}"
    else:
        toasts = page.evaluate("window.__toasts")
        assert toasts == [], f"{example.link} is valid, yet a notice was shown: {toasts}"
    assert opened.outside_requests == [], "requests left localhost"
    assert opened.page_errors == [], "uncaught errors in the page"


# ---------------------------------------------------------------- the "copy link" control

def _link_block(page):
    return page.locator("[data-testid='stSidebar'] [data-testid='stCode']")


def _shown_link(page, expected: str | None = None) -> str:
    """The link in the sidebar's copy-link control, once it is drawn (and, given `expected`, once it reads so)."""
    block = _link_block(page)
    expect(block).to_have_count(1, timeout=60_000)
    if expected is not None:
        expect(block).to_have_text(expected, timeout=60_000)
    return block.inner_text().strip()


def _choose(page, wait_idle, label: str, option: str) -> None:
    """Pick `option` in the sidebar's select box labelled `label`."""
    box = page.locator("[data-testid='stSidebar'] [data-testid='stSelectbox']").filter(has_text=label)
    box.get_by_role("combobox").click()
    page.get_by_role("option", name=option, exact=True).click()
    wait_idle(page)


@pytest.mark.parametrize("spec", PAGES, ids=lambda s: s.url_path or "root")
def test_every_page_shows_its_link(spec, open_page, app_server):
    opened = open_page(spec.url + "?lang=en")
    sidebar = opened.page.locator("[data-testid='stSidebar']")
    expect(sidebar.get_by_text(t("shell.share_link", "en").split(" ", 1)[1])).to_be_visible()
    assert _shown_link(opened.page, f"{app_server}{spec.url}?lang=en") == f"{app_server}{spec.url}?lang=en"


def test_a_changed_filter_is_in_the_link_and_the_link_reproduces_the_view(open_page, app_server, wait_idle):
    opened = open_page("/")
    page = opened.page
    assert _shown_link(page, app_server + "/") == app_server + "/", "the default view's link carries no parameters"
    _choose(page, wait_idle, t("ov.year", "zh"), "2018")
    page.locator("[data-testid='stSidebar'] button").filter(has_text=re.compile(r"^en$")).click()
    wait_idle(page)
    main = page.locator("[data-testid='stMain']")
    expect(main).to_contain_text(t("ov.heading", "en", year=2018), timeout=60_000)
    expect(_link_block(page)).to_contain_text("lang=en", timeout=60_000)
    link = _shown_link(page)
    assert link.startswith(app_server + "/?")
    assert parse_qs(urlparse(link).query) == {"year": ["2018"], "lang": ["en"]}, link
    wait_drawn(page)
    view = main.inner_text()

    again = open_page(link.removeprefix(app_server))
    # the reopened view draws in its own time: compare once it has drawn the same text (or time out showing the diff)
    expect(again.page.locator("[data-testid='stMain']")).to_have_text(view, timeout=60_000, use_inner_text=True)
    again.screenshot("copy-link-reopened")
    assert _shown_link(again.page, link) == link
    assert again.outside_requests == [] and again.page_errors == []


def test_a_code_filter_of_a_page_is_in_its_link(open_page, app_server, wait_idle):
    opened = open_page("/crime?lang=en")
    page = opened.page
    _choose(page, wait_idle, t("cr.grain", "en"), t("cr.grain_month", "en"))
    expect(_link_block(page)).to_contain_text("grain=month", timeout=60_000)
    link = _shown_link(page)
    assert urlparse(link).path == "/crime"
    assert parse_qs(urlparse(link).query) == {"lang": ["en"], "grain": ["month"]}, link

    again = open_page(link.removeprefix(app_server))
    box = again.page.locator("[data-testid='stSidebar'] [data-testid='stSelectbox']").filter(has_text=t("cr.grain", "en"))
    expect(box.get_by_role("combobox")).to_have_value(t("cr.grain_month", "en"), timeout=60_000)
    assert _shown_link(again.page, link) == link


# ---------------------------------------------------------------- presentation mode (?present=1)

_WIDGETS = ", ".join(f"[data-testid='stMain'] [data-testid='{w}']" for w in (
    "stButton", "stDownloadButton", "stCheckbox", "stRadio", "stSelectbox", "stMultiSelect", "stDateInput",
    "stNumberInput", "stTextInput", "stFileUploader", "stButtonGroup", "stSlider", "stPopover"))

_LOOK_JS = """
(widgets) => {
  const shown = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  const size = (sel) => { const el = document.querySelector(sel); return el ? parseFloat(getComputedStyle(el).fontSize) : 0; };
  return {
    widgets: [...document.querySelectorAll(widgets)].filter(shown).length,
    sidebar: [...document.querySelectorAll("[data-testid='stSidebar']")].filter(shown).length,
    h1: size("[data-testid='stMain'] h1"),
    metric: size("[data-testid='stMain'] [data-testid='stMetricValue'] *") || size("[data-testid='stMain'] [data-testid='stMetricValue']"),
  };
}
"""


@pytest.mark.parametrize(("path", "has_figures"), [("/crime?lang=en", True), ("/data?lang=en", False)])
def test_presentation_mode_hides_the_controls_and_enlarges_the_type(path, has_figures, open_page, app_server,
                                                                      admin_server):
    # data management is offered only behind the password
    where = dict(base_url=admin_server, password=ADMIN_PASSWORD) if path.startswith("/data") else {}
    normal = open_page(path, **where)
    expect(normal.page.locator("[data-testid='stSidebar']")).to_be_visible()
    wait_drawn(normal.page)
    before = normal.page.evaluate(_LOOK_JS, _WIDGETS)
    assert before["widgets"] > 0 and before["sidebar"] == 1, f"the page has controls to hide: {before}"
    assert bool(before["metric"]) == has_figures, f"headline figures expected: {has_figures}; {before}"

    presented = open_page(path + "&present=1", **where)
    shot = presented.screenshot("present-" + path)
    page = presented.page
    expect(page.locator("[data-testid='stSidebar']")).to_be_hidden()
    expect(page.locator("[data-testid='stMain'] h1")).to_be_visible()
    wait_drawn(page)
    after = page.evaluate(_LOOK_JS, _WIDGETS)
    assert after["sidebar"] == 0 and after["widgets"] == 0, f"controls still shown in presentation mode: {after}; see {shot}"
    assert after["h1"] > 1.2 * before["h1"], f"title type not enlarged: {before} -> {after}; see {shot}"
    if has_figures:
        assert after["metric"] > 1.2 * before["metric"], f"figures not enlarged: {before} -> {after}; see {shot}"
    assert "present=1" in page.url, "presentation mode left the URL"
    assert presented.outside_requests == [] and presented.page_errors == []
