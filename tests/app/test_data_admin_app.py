"""The data-management page in AppTest: status, templates, a checked upload, confirm, and rollback, the same on
the files and on the database (the `store` fixture)."""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from lib.data.store import BUNDLED_DATA_DIR
from tests.app.apptest import open_app, sign_in_as

PAGE = "views/data_admin.py"


@pytest.fixture(autouse=True)
def _own_audit_trail(monkeypatch, tmp_path):
    monkeypatch.setenv("PINGAN_AUDIT_LOG", str(tmp_path / "audit.jsonl"))


@pytest.fixture(autouse=True)
def _behind_the_password(monkeypatch):
    """Data management is offered only behind the access password."""
    sign_in_as(monkeypatch, "administrator")


POST_H = "点位编号,点位类别,名称,英文名称,镇(街道)代码,经度,纬度"


def test_status_contract_and_templates_in_english(store):
    app = open_app(PAGE, lang="en")
    app.selectbox(key="dataset").set_value("posts").run()
    assert app.title[0].value == "Data management"
    status = app.dataframe[0].value
    assert len(status) == 13 and list(status.columns)[:3] == ["Dataset", "File", "Rows"]
    assert status.set_index("File").loc["incidents.csv", "Data"] == "Demo"
    contract = app.dataframe[1].value
    assert contract["Column"].tolist() == ["post_id", "kind", "name_zh", "name_en", "town_code", "lon", "lat"]
    assert len([b for b in app.get("download_button") if b.key.startswith("da-template")]) == 2


def test_upload_preview_confirm_and_rollback(store):
    before = store.read("posts")
    app = open_app(PAGE)
    app.selectbox(key="dataset").set_value("posts").run()
    assert app.title[0].value == "数据管理"
    app.radio(key="da-mode").set_value("append").run()
    body = f"{POST_H}\nP001,city_gov_post,市政府岗亭,City-government post,511402002,103.84926,30.06640\n" \
           "P900,city_gov_post,新岗亭,New post,通惠街道,103.85,30.07\n"
    app.file_uploader[0].upload("posts.csv", body.encode("gbk"), "text/csv").run()
    assert not app.exception
    metrics = {m.label: m.value for m in app.metric}
    assert metrics == {"新增行": "1", "替换行": "0", "删除行": "0", "重复(不重复追加)": "1"}
    assert "P001" in app.warning[0].value
    pd.testing.assert_frame_equal(store.read("posts"), before)  # nothing written before the confirm
    app.button(key="da-confirm").click().run()
    assert not app.exception
    written = store.read("posts")
    assert len(written) == len(before) + 1
    assert written.iloc[-1][["post_id", "kind", "name_zh", "name_en", "town_code", "lon", "lat"]].astype(str).tolist() \
        == ["P900", "city_gov_post", "新岗亭", "New post", "511402001", "103.85", "30.07"]
    assert "已写入 巡逻岗亭与屯警点:新增 1 行(1 行已存在" in app.success[0].value
    status = app.dataframe[0].value.set_index("文件")
    assert status.loc["posts.csv", "行数"] == 25 and status.loc["posts.csv", "数据性质"] == "真实数据"
    assert len(app.file_uploader) == 1 and not app.metric  # the uploader starts afresh
    app.button(key="da-rollback").click().run()
    assert not app.exception
    pd.testing.assert_frame_equal(store.read("posts"), before)
    assert app.dataframe[0].value.set_index("文件").loc["posts.csv", "数据性质"] == "演示数据"
    assert "已回退到" in app.success[0].value
    done = store.audit()[["action", "detail", "outcome", "role"]].to_dict("records")
    assert done[0] == {"action": "upload", "detail": "posts: posts.csv", "outcome": "ok", "role": "administrator"}
    assert done[1]["action"] == "rollback" and done[1]["detail"].startswith("posts: ") and done[1]["outcome"] == "ok"
    shown = app.dataframe[-1].value  # the audit trail on the page, newest first
    assert shown["操作"].tolist()[:2] == ["rollback", "upload"]


def test_bad_upload_lists_problems_as_text_and_writes_nothing(store):
    before = store.read("posts")
    app = open_app(PAGE)
    app.selectbox(key="dataset").set_value("posts").run()
    body = f"{POST_H}\nP901,city_gov_post,岗,Post,<img src=x onerror=alert(1)>,103.8,39.9\n"
    app.file_uploader[0].upload("bad.csv", body.encode(), "text/csv").run()
    error = app.error[0].value
    assert "发现 2 个问题" in error
    assert r"\<img src=x onerror=alert(1)\>" in error  # escaped: shown as text, never as HTML
    assert "列 纬度" in error and not app.main.get("button")  # the column as the file's header names it
    pd.testing.assert_frame_equal(store.read("posts"), before)



def test_towns_boundary_upload_preview_confirm_and_rollback(store):
    original = store.read("towns")
    content = json.loads((BUNDLED_DATA_DIR / "boundaries" / "towns.geojson").read_bytes())
    content["features"][0]["properties"]["population"] = 150000
    app = open_app(PAGE)
    app.selectbox(key="dataset").set_value("towns").run()
    assert not app.exception and not app.radio  # boundaries are replaced whole: no mode
    assert app.checkbox(key="da-gcj02").label == "坐标为 GCJ-02(高德/腾讯)"
    app.file_uploader[0].upload("towns.geojson", json.dumps(content, ensure_ascii=False).encode(),
                                "application/geo+json").run()
    assert not app.exception and not app.error
    assert "16 个要素" in app.success[0].value
    metrics = {m.label: m.value for m in app.metric}
    assert metrics == {"新增要素": "0", "替换要素": "16", "删除要素": "0"}
    pd.testing.assert_frame_equal(store.read("towns"), original)  # nothing written before the confirm
    app.button(key="da-confirm").click().run()
    assert not app.exception
    changed = store.read("towns")
    assert changed["population"].iloc[0] == 150000 and changed["population"].iloc[1:].equals(original["population"].iloc[1:])
    assert "已写入" in app.success[0].value
    status = app.dataframe[0].value.set_index("文件")
    assert status.loc["boundaries/towns.geojson", "数据性质"] == "真实数据"
    app.button(key="da-rollback").click().run()
    assert not app.exception
    back = store.read("towns")
    pd.testing.assert_frame_equal(pd.DataFrame(back.drop(columns="geometry")), pd.DataFrame(original.drop(columns="geometry")))
    assert back.geometry.geom_equals_exact(original.geometry, tolerance=0).all()


def test_bad_boundary_upload_lists_problems(data_copy):
    app = open_app(PAGE, lang="en")
    app.selectbox(key="dataset").set_value("towns").run()
    bowtie = (Path(__file__).resolve().parents[1] / "data_admin_corpus" / "geo_bowtie.geojson").read_bytes()
    app.file_uploader[0].upload("bowtie.geojson", bowtie, "application/geo+json").run()
    assert "row 1, column geometry" in app.error[0].value and "invalid geometry" in app.error[0].value
    assert not app.main.get("button")


def test_the_dataset_is_a_code_in_the_url(data_copy):
    app = open_app(PAGE, dataset="villages")
    assert app.selectbox(key="dataset").value == "villages" and not app.toast
    app.selectbox(key="dataset").set_value("posts").run()
    assert not app.exception and app.query_params["dataset"] == "posts"  # the code, never the label


def test_a_deployment_can_turn_uploads_off(data_copy, monkeypatch):
    monkeypatch.setenv("PINGAN_UPLOADS", "off")
    app = open_app(PAGE)
    uploaders = app.get("file_uploader")
    assert uploaders and all(uploader.proto.disabled for uploader in uploaders)
    assert any("PINGAN_UPLOADS=off" in info.value for info in app.info)
