"""What a person sees on the data page: an export with problems is refused with each one in words (the column as the
file names it, the cell as written), never an error box; an export with Chinese names of codes is appended."""
from __future__ import annotations

from pathlib import Path

from playwright.sync_api import expect

from tests.e2e.conftest import ADMIN_PASSWORD

CORPUS = Path(__file__).resolve().parents[1] / "data_admin_corpus"


def test_problems_in_words_then_an_export_with_chinese_names_appended(admin_on_a_copy, open_page):
    base, data = admin_on_a_copy
    admin = open_page("/data", base_url=base, password=ADMIN_PASSWORD)
    page = admin.page
    uploader = page.locator("[data-testid='stFileUploader'] input[type='file']")

    uploader.set_input_files(str(CORPUS / "year_month_date.csv"))
    admin.wait_idle()
    problems = page.locator("[data-testid='stAlertContentError']")
    expect(problems).to_contain_text("第 2 行,列 破案日期,值 “202003”:只有年和月,不是日期", timeout=30_000)
    problems.scroll_into_view_if_needed()
    admin.screenshot("data-admin-problems")
    assert page.locator("[data-testid='stException']").count() == 0

    page.get_by_text("追加(如新一个月)").click()
    admin.wait_idle()
    uploader.set_input_files(str(CORPUS / "ok_chinese_code_names.csv"))
    admin.wait_idle()
    added = page.locator("[data-testid='stMetric']").filter(has_text="新增行").locator("[data-testid='stMetricValue']")
    expect(added).to_have_text("1", timeout=30_000)
    added.scroll_into_view_if_needed()
    admin.screenshot("data-admin-preview")
    page.get_by_role("button", name="确认写入").click()
    admin.wait_idle()
    expect(page.get_by_text("已写入 警情案件:新增 1 行")).to_be_visible(timeout=30_000)
    assert "AJ2099000001,2020-03-05 08:05,511402107,511402107017,103.78552,30.16127,burglary,reported" in \
        (data / "incidents.csv").read_text(encoding="utf-8")
    assert not admin.page_errors and not admin.outside_requests
