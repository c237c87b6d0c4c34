"""The data-management lib: templates, upload checks (with the bad-file corpus), change plans, safe writes, status."""
from __future__ import annotations

import csv
import io
import os
import re
import signal
import subprocess
import sys
import time
from datetime import date, datetime, timezone
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from lib.data.contracts import DATASETS_BY_NAME
from lib.data.geo_upload import read_geo_upload
from lib.data.problems import MAX_PROBLEMS
from lib.data.status import dataset_status, status_table
from lib.data.location import data_folder
from lib.data.store import BUNDLED_DATA_DIR, FileStore, load_bundle
from lib.data.templates import (TABLE_DATASETS, contract_table, contract_text, template_csv, template_frame,
                                template_xlsx)
from lib.data.dates import parse_date_text
from lib.data.upload import MAX_UPLOAD_BYTES, Places, decode_text, header_map, plan_change, read_upload, suggest_codes
from lib.data.writes import (append_rows, atomic_write, data_lock, list_versions, rollback, save_dataset,
                             writable_data_dir)
from lib.settings import DATA_DIR_SETTING, WORK_DIR_SETTING, read_settings

CORPUS = Path(__file__).resolve().parents[1] / "data_admin_corpus"
REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(CORPUS))
from make_corpus import POST_H, with_cached_value, xlsx  # noqa: E402

INC = DATASETS_BY_NAME["incidents"]
POSTS = DATASETS_BY_NAME["posts"]


@pytest.fixture(scope="module")
def places(bundle) -> Places:
    return Places.from_frames(bundle["towns"], bundle["villages"])


def corpus_cases(outcome: str) -> list[dict[str, str]]:
    with open(CORPUS / "manifest.csv", encoding="utf-8") as handle:
        return [case for case in csv.DictReader(handle) if case["outcome"] == outcome]


def test_corpus_has_at_least_80_files_each_present():
    cases = corpus_cases("refused") + corpus_cases("accepted")
    assert len(cases) >= 80 and len(corpus_cases("accepted")) >= 5
    assert all((CORPUS / c["file"]).is_file() for c in cases)


def _check(case: dict[str, str], places: Places, bundle):
    spec = DATASETS_BY_NAME[case["dataset"]]
    data = (CORPUS / case["file"]).read_bytes()
    started = time.monotonic()
    check = read_geo_upload(spec, case["file"], data, bundle) if spec.geometry \
        else read_upload(spec, case["file"], data, places)
    assert time.monotonic() - started < 10, "a file of the corpus took more than 10 s to be checked"
    return spec, check


@pytest.mark.parametrize("case", corpus_cases("refused"), ids=lambda c: c["file"])
def test_corpus_file_is_refused_with_its_message(case, places, bundle):
    spec, check = _check(case, places, bundle)
    assert not check.ok and check.frame is None
    english = [p.message("en") for p in check.problems]
    assert any(case["expected"] in m for m in english), english
    chinese = [p.message("zh") for p in check.problems]
    assert all(m.startswith(spec.zh) and case["file"] in m for m in chinese)
    for message in english + chinese:  # a cell is quoted as the file holds it, never as pandas typed it
        assert not re.search(r"'nan'|“nan”|<NA>|NaT|dtype|float64|int64|object", message), message


@pytest.mark.parametrize("case", corpus_cases("accepted"), ids=lambda c: c["file"])
def test_corpus_file_is_read_as_meant(case, places, bundle):
    spec, check = _check(case, places, bundle)
    assert check.ok, [p.message("en") for p in check.problems]
    column, value = case["expected"].split("=")
    assert contract_text(spec, check.frame).iloc[0][column] == value


def test_oversized_file_is_refused_before_reading(places):
    data = b"x" * (MAX_UPLOAD_BYTES + 1)
    check = read_upload(INC, "big.csv", data, places)
    assert [p.message("en") for p in check.problems] == [
        "Incidents (big.csv): the file is too large (200.0 MB); the limit is 200 MB"]
    assert "文件过大" in check.problems[0].message("zh")


def test_problems_are_capped_and_all_listed_at_once(places, bundle):
    frame = template_frame(INC, bundle["incidents"], "zh")
    rows = pd.concat([frame] * 80, ignore_index=True)
    rows[rows.columns[0]] = [f"X{i}" for i in range(80)]
    rows[rows.columns[9]] = "-1"  # suspects_caught
    data = rows.to_csv(index=False).encode()
    check = read_upload(INC, "many.csv", data, places)
    assert len(check.problems) == MAX_PROBLEMS
    assert {p.row for p in check.problems} == set(range(2, 2 + MAX_PROBLEMS))


@pytest.mark.parametrize("spec", TABLE_DATASETS, ids=lambda s: s.name)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_templates_carry_labels_and_pass_the_upload_check(spec, lang, bundle, places):
    csv_bytes = template_csv(spec, bundle[spec.name], lang)
    assert csv_bytes.startswith(b"\xef\xbb\xbf")
    header = csv_bytes.decode("utf-8-sig").splitlines()[0].split(",")
    assert header == [c.zh if lang == "zh" else c.en for c in spec.columns]
    book = openpyxl.load_workbook(io.BytesIO(template_xlsx(spec, bundle[spec.name], lang)))
    sheet = book.active
    assert [c.value for c in sheet[1]] == header and sheet.max_row == 2
    for name, data in (("t.csv", csv_bytes), ("t.xlsx", template_xlsx(spec, bundle[spec.name], lang))):
        check = read_upload(spec, name, data, places)
        assert check.ok, [p.message("en") for p in check.problems]
        assert len(check.frame) == 1
        first = bundle[spec.name].iloc[0]
        for col in spec.columns:
            got, want = check.frame.iloc[0][col.name], first[col.name]
            assert (pd.isna(got) and pd.isna(want)) or str(got) == str(want), col.name


def test_contract_table_in_each_language():
    zh, en = contract_table(INC, "zh"), contract_table(INC, "en")
    assert list(zh.columns) == ["表头", "列名", "类型", "单位", "允许的代码", "是否必填"]
    assert list(en.columns)[0] == "Header" and len(en) == len(INC.columns)
    assert zh.iloc[0].tolist()[:3] == ["案件编号", "incident_id", "文本"] and zh.iloc[0, 5] == "必填,唯一"
    assert "drugs (毒品犯罪)" in zh.iloc[6, 4] or "drugs (" in zh.iloc[6, 4]
    assert en.iloc[8, 5] == "optional"


@pytest.mark.parametrize("spec", TABLE_DATASETS, ids=lambda s: s.name)
def test_every_header_maps_to_one_column(spec):
    mapping = header_map(spec)
    for col in spec.columns:
        assert mapping[col.name.casefold()] == col.name
        assert mapping[col.en.replace(" ", "").casefold()] == col.name
        assert mapping[col.zh.replace(" ", "").casefold()] == col.name


@pytest.mark.parametrize("text,with_time,expected", [
    ("2020年3月5日", False, "2020-03-05"), ("2020/3/5", False, "2020-03-05"), ("2020-03-05", False, "2020-03-05"),
    ("2020.3.5", False, "2020-03-05"), ("20200305", False, "2020-03-05"), ("43895", False, "2020-03-05"),
    ("2020年3月5日 8时05分", True, "2020-03-05 08:05"), ("2020/3/5 8:05", True, "2020-03-05 08:05"),
    ("2020-03-05 08:05:59", True, "2020-03-05 08:05"), ("43895.5", True, "2020-03-05 12:00"),
    ("2020-03-05", True, None), ("43895.5", False, None), ("2020年2月30日", False, None), ("明天", False, None),
    ("", False, None), ("2020", False, None), ("202003", False, None), ("1000", False, None),  # never Excel serials
])
def test_parse_date_text(text, with_time, expected):
    assert parse_date_text(text, with_time) == expected


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030"])
def test_decode_text_reads_the_common_chinese_encodings(encoding):
    text = "名称,镇(街道)\n岗亭,通惠街道\n"
    assert decode_text(text.encode(encoding)) == text


def test_decode_text_refuses_binary():
    assert decode_text(b"\x00\x01\x02abc") is None
    assert decode_text(bytes([0xff, 0xfe, 0x41, 0x00])) is None


def test_gbk_upload_with_chinese_dates_and_town_name(places):
    data = (POST_H + "\nP901,city_gov_post,新岗亭,New post,通惠街道,103.8,30.0\n").encode("gbk")
    check = read_upload(POSTS, "gbk.csv", data, places)
    assert check.ok and check.frame["town_code"].astype(str).tolist() == ["511402001"]


def test_suggest_codes_by_name_and_by_code(places):
    assert suggest_codes("通惠", places.towns)[0] == "511402001 通惠街道"
    assert suggest_codes("511402001x", places.towns)[0].startswith("511402001 ")


def test_formula_cell_reads_as_its_saved_value(places):
    data = xlsx([POST_H.split(","), ["P901", "city_gov_post", "岗", "Post", "511402002", "=100+3.8", "30.0"]])
    check = read_upload(POSTS, "f.xlsx", with_cached_value(data, "F2", "103.8"), places)
    assert check.ok and check.frame["lon"].tolist() == [103.8]


def test_xlsx_dates_and_english_headers(places):
    rows = [["Dispute id", "Received on", "Town code", "Dispute type", "Channel", "Outcome", "Closed on", "Due by"],
            ["JF9000001", datetime(2020, 3, 5), "511402001", "neighbour", "police_mediation", "open", None, 43925]]
    check = read_upload(DATASETS_BY_NAME["disputes"], "d.xlsx", xlsx(rows), places)
    assert check.ok, [p.message("en") for p in check.problems]
    assert check.frame.iloc[0]["received_on"] == pd.Timestamp("2020-03-05")
    assert check.frame.iloc[0]["due_on"] == pd.Timestamp("2020-04-04") and pd.isna(check.frame.iloc[0]["closed_on"])


def test_plan_replace_and_append(bundle, places, data_copy):
    current = bundle["posts"]
    frame = template_frame(POSTS, current.iloc[[0, 1]], "zh")
    frame = pd.concat([template_frame(POSTS, current.iloc[[0]], "zh"), template_frame(POSTS, current.iloc[[1]], "zh")])
    frame.iloc[1, 0] = "P999"
    check = read_upload(POSTS, "p.csv", frame.to_csv(index=False).encode(), places)
    assert check.ok
    append = plan_change(POSTS, bundle, check.frame, "append")
    assert (append.added, append.replaced, append.removed, append.duplicates) == (1, 0, 0, ["P001"])
    assert append.rows_after == len(current) + 1
    replace = plan_change(POSTS, bundle, check.frame, "replace")
    assert (replace.added, replace.replaced, replace.removed, replace.rows_after) == (1, 1, len(current) - 1, 2)
    done = append_rows(POSTS, check.frame, data_copy)
    assert (done.added, done.duplicates) == (1, ["P001"])
    reread = pd.read_csv(data_copy / "posts.csv", dtype=str, keep_default_na=False)
    assert list(reread.columns) == POSTS.column_names and reread.iloc[-1]["post_id"] == "P999"
    assert len(reread) == len(current) + 1 and reread["post_id"].is_unique


def test_plan_keys_survey_by_town_and_year(bundle):
    current = bundle["town_survey"]
    incoming = current.head(3).copy()
    plan = plan_change(DATASETS_BY_NAME["town_survey"], bundle, incoming, "append")
    assert plan.added == 0 and len(plan.duplicates) == 3 and "|" in plan.duplicates[0]


# ---------------------------------------------------------------- writes

def test_atomic_write_replaces_whole_and_leaves_no_temp(tmp_path):
    target = tmp_path / "x.csv"
    target.write_bytes(b"old")
    atomic_write(target, b"new")
    assert target.read_bytes() == b"new" and [p.name for p in tmp_path.iterdir()] == ["x.csv"]


def test_save_keeps_version_marks_real_and_rolls_back(data_copy):
    old = (data_copy / "posts.csv").read_bytes()
    first = datetime(2026, 1, 2, 3, 4, 5, tzinfo=timezone.utc)
    kept = save_dataset(POSTS, old.replace(b"P001,", b"P777,"), data_copy, now=first)
    assert kept is not None and kept.read_bytes() == old and kept.name.endswith("-demo.csv")
    assert b"P777," in (data_copy / "posts.csv").read_bytes()
    assert FileStore(data_copy).manifest().is_demo("posts") is False
    versions = list_versions(POSTS, data_copy)
    assert [v.saved_at for v in versions] == [first] and versions[0].demo
    rollback(POSTS, versions[0].path, data_copy, now=datetime(2026, 1, 3, tzinfo=timezone.utc))
    assert (data_copy / "posts.csv").read_bytes() == old
    assert FileStore(data_copy).manifest().is_demo("posts") is True
    assert len(list_versions(POSTS, data_copy)) == 2 and not list_versions(POSTS, data_copy)[0].demo
    load_bundle(FileStore(data_copy))  # the folder still reads and checks whole


def test_rollback_refuses_a_foreign_file(data_copy, tmp_path):
    other = tmp_path / "other.csv"
    other.write_text("x")
    with pytest.raises(FileNotFoundError):
        rollback(POSTS, other, data_copy)


def test_bundled_data_is_never_written(tmp_path, monkeypatch):
    monkeypatch.delenv(DATA_DIR_SETTING, raising=False)
    monkeypatch.setenv(WORK_DIR_SETTING, str(tmp_path / "work"))
    before = (BUNDLED_DATA_DIR / "posts.csv").stat().st_mtime_ns
    with pytest.raises(PermissionError):
        save_dataset(POSTS, b"x", BUNDLED_DATA_DIR)
    root = writable_data_dir(read_settings())
    assert root == tmp_path / "work" / "data" and DATA_DIR_SETTING not in os.environ  # nothing writes settings
    assert (root / "incidents.csv").read_bytes() == (BUNDLED_DATA_DIR / "incidents.csv").read_bytes()
    save_dataset(POSTS, (BUNDLED_DATA_DIR / "posts.csv").read_bytes().replace(b"P001,", b"P778,"), root)
    assert b"P778," in (root / "posts.csv").read_bytes()
    assert (BUNDLED_DATA_DIR / "posts.csv").stat().st_mtime_ns == before
    assert not (BUNDLED_DATA_DIR / ".versions").exists()


def test_the_work_copy_is_read_once_it_exists(tmp_path, monkeypatch):
    monkeypatch.delenv(DATA_DIR_SETTING, raising=False)
    monkeypatch.setenv(WORK_DIR_SETTING, str(tmp_path / "work"))
    assert data_folder(read_settings()) == BUNDLED_DATA_DIR  # no copy yet: the bundled data
    writable_data_dir(read_settings())
    assert data_folder(read_settings()) == tmp_path / "work" / "data"  # in this process and at the next start
    monkeypatch.setenv(DATA_DIR_SETTING, str(BUNDLED_DATA_DIR))
    assert data_folder(read_settings()) == BUNDLED_DATA_DIR  # a folder named by the deployment comes first


_SLOW_SAVE = """
import os, sys, time
from pathlib import Path
from lib.data import writes
from lib.data.contracts import DATASETS_BY_NAME
from lib.data.geo_upload import read_geo_upload
real_fsync = os.fsync
def stall(fd):
    print("writing", flush=True)
    time.sleep(60)
os.fsync = stall
writes.save_dataset(DATASETS_BY_NAME["posts"], b"post_id,kind\\nhalf-written", Path(sys.argv[1]))
"""


def test_a_kill_during_a_write_leaves_the_old_file_whole(data_copy):
    old = (data_copy / "posts.csv").read_bytes()
    proc = subprocess.Popen([sys.executable, "-c", _SLOW_SAVE, str(data_copy)], cwd=REPO, stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "writing"  # the new file is written, not yet renamed
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
    finally:
        proc.kill()
    assert (data_copy / "posts.csv").read_bytes() == old
    FileStore(data_copy).read(POSTS)
    # the killed writer's lock died with it: the next write goes through
    save_dataset(POSTS, old.replace(b"P001,", b"P779,"), data_copy)
    assert b"P779," in (data_copy / "posts.csv").read_bytes()


def test_two_writers_never_interleave(data_copy):
    old = (data_copy / "posts.csv").read_bytes()
    script = ("import sys; from pathlib import Path; from lib.data import writes; from lib.data.contracts import "
              "DATASETS_BY_NAME as D; writes.save_dataset(D['posts'], sys.argv[2].encode(), Path(sys.argv[1]))")
    with data_lock(data_copy):
        proc = subprocess.Popen([sys.executable, "-c", script, str(data_copy), "second"], cwd=REPO)
        time.sleep(1.5)
        assert proc.poll() is None  # waiting for the lock
        assert (data_copy / "posts.csv").read_bytes() == old
    assert proc.wait(30) == 0
    assert (data_copy / "posts.csv").read_bytes() == b"second"


# ---------------------------------------------------------------- status

def test_dataset_status(bundle):
    statuses = {s.name: s for s in dataset_status(bundle, BUNDLED_DATA_DIR)}
    inc = statuses["incidents"]
    assert inc.rows == len(bundle["incidents"]) and inc.demo and inc.schema_version == 1
    assert inc.first == bundle["incidents"]["reported_at"].min().date() and inc.last == bundle.as_of
    assert statuses["county_survey"].first == date(int(bundle["county_survey"]["year"].min()), 1, 1)
    assert statuses["posts"].first is None and not statuses["counties"].demo
    expected = datetime.fromtimestamp((BUNDLED_DATA_DIR / "incidents.csv").stat().st_mtime, tz=timezone.utc)
    assert inc.updated == expected
    table = status_table(list(statuses.values()), "en")
    row = table[table["File"] == "incidents.csv"].iloc[0]
    assert row["Data"] == "Demo" and row["Rows"] == len(bundle["incidents"])
    assert status_table(list(statuses.values()), "zh").columns[0] == "数据集"
