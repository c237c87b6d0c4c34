"""A path the app does not know opens a page of the app with a "page not found" notice, never a blank page."""
from __future__ import annotations

from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("path,page_path,title,notice", [
    ("/crime/extra", "/crime", "犯罪趋势", "页面不存在:链接中的 /crime/extra 不是本看板的页面,现显示「犯罪趋势」。"),
    ("/nope/a/b", "/", "2021年平安建设总览(截至3月11日)", "页面不存在:链接中的 /nope/a/b 不是本看板的页面,现显示「总览」。"),
    ("/nope", "/", "2021年平安建设总览(截至3月11日)", "页面不存在:链接中的 /nope 不是本看板的页面,现显示「总览」。"),
    ("/patrol/a/b/c?lang=en&shift=night", "/patrol", "Patrol coverage",
     "Page not found: /patrol/a/b/c in the link is not a page of this dashboard; “Patrol coverage” is shown instead."),
])
def test_an_unknown_path_shows_a_page_of_the_app_with_a_notice(open_page, path, page_path, title, notice):
    opened = open_page(path)
    main = opened.page.locator("[data-testid='stMain']")
    shot = opened.screenshot(f"unknown{path}")
    expect(main.locator("[data-testid='stAlert']").filter(has_text=notice), f"see {shot}").to_be_visible()
    expect(main.locator("h1").filter(has_text=title).first).to_be_visible()
    expect(opened.page.locator("[data-testid='stSidebarNav']")).to_be_visible()  # inside the app's shell
    url = urlparse(opened.page.url)
    assert url.path == page_path and "not_found" not in url.query  # the link of the view is the page's own
    if "shift=night" in path:
        assert "shift=night" in url.query and "lang=en" in url.query  # the link's parameters are kept
    assert opened.page_errors == [] and opened.outside_requests == []
