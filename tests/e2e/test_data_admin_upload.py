"""A full upload in a real browser: download the template, fill in a new incident, upload, confirm,
and the overview shows one more incident without a restart."""
from __future__ import annotations

import io

import pandas as pd
from playwright.sync_api import expect

from tests.e2e.conftest import ADMIN_PASSWORD

LABEL = "刑事治安案件"


def _incidents_value(opened) -> str:
    metric = opened.page.locator("[data-testid='stMetric']").filter(has_text=LABEL).first
    return metric.locator("[data-testid='stMetricValue']").inner_text()


def test_template_upload_confirm_then_overview_shows_new_figures(admin_on_a_copy, open_page, tmp_path):
    base, data = admin_on_a_copy
    overview = open_page("/?year=2020", base_url=base, password=ADMIN_PASSWORD)  # the year of the new incident
    before = _incidents_value(overview)

    admin = open_page("/data", base_url=base, password=ADMIN_PASSWORD)
    page = admin.page
    with page.expect_download() as info:
        page.get_by_role("button", name="CSV 模板").click()
    template = pd.read_csv(io.BytesIO(open(info.value.path(), "rb").read()), dtype=str, keep_default_na=False,
                           encoding="utf-8-sig")
    assert template.columns[0] == "案件编号" and len(template) == 1
    template.loc[0, "案件编号"] = "AJ2099E2E001"
    template.loc[0, "报案时间"] = "2020年6月1日 10:00"
    template.loc[0, ["办理状态", "破案日期", "抓获嫌疑人", "批准逮捕"]] = ["reported", "", "0", "0"]
    upload = tmp_path / "new-month.csv"
    upload.write_bytes(template.to_csv(index=False).encode("gbk"))

    page.get_by_text("追加(如新一个月)").click()
    admin.wait_idle()
    page.locator("[data-testid='stFileUploader'] input[type='file']").set_input_files(str(upload))
    admin.wait_idle()
    metrics = page.locator("[data-testid='stMetric']").filter(has_text="新增行")
    expect(metrics.locator("[data-testid='stMetricValue']")).to_have_text("1", timeout=30_000)
    page.get_by_role("button", name="确认写入").click()
    admin.wait_idle()
    # the write is followed by a second rerun (st.rerun) that shows the notice: wait for it
    expect(page.get_by_text("已写入 警情案件")).to_be_visible(timeout=30_000)
    admin.screenshot("data-admin-after-upload")
    assert "AJ2099E2E001" in (data / "incidents.csv").read_text(encoding="utf-8")
    assert not admin.page_errors and not admin.outside_requests

    after_page = open_page("/?year=2020", base_url=base, password=ADMIN_PASSWORD)
    after = _incidents_value(after_page)
    to_int = lambda text: int("".join(ch for ch in text if ch.isdigit()))  # noqa: E731
    assert to_int(after) == to_int(before) + 1, (before, after)
