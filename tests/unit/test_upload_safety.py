"""Writes that leave nothing behind, appends that never lose a row, limits that answer fast, and problems worded
as a person would write them."""
from __future__ import annotations

import io
import json
import multiprocessing
import signal
import subprocess
import sys
import time
from pathlib import Path

import geopandas as gpd
import openpyxl
import pandas as pd
import pytest
import shapely

from lib.data.contracts import DATASETS_BY_NAME
from lib.data.geo_upload import read_geo_upload
from lib.data.store import BUNDLED_DATA_DIR, FileStore, load_bundle
from lib.data.upload import Places, read_upload
from lib.data.upload_file import MAX_ROWS
from lib.data.writes import append_rows, list_versions, rollback, sweep_leftovers, writable_data_dir
from lib.settings import read_settings

REPO = Path(__file__).resolve().parents[2]
INC = DATASETS_BY_NAME["incidents"]
POSTS = DATASETS_BY_NAME["posts"]
POST_H = "点位编号,点位类别,名称,英文名称,镇(街道)代码,经度,纬度"


@pytest.fixture(scope="module")
def places(bundle) -> Places:
    return Places.from_frames(bundle["towns"], bundle["villages"])


def _posts(*ids: str, places: Places) -> pd.DataFrame:
    rows = "".join(f"{i},city_gov_post,岗{i},Post {i},511402002,103.8{n},30.0{n}\n" for n, i in enumerate(ids))
    check = read_upload(POSTS, "p.csv", (POST_H + "\n" + rows).encode(), places)
    assert check.ok, [p.message("en") for p in check.problems]
    return check.frame


# ---------------------------------------------------------------- kill -9 during a write

def _killed_writer(root: Path, stall_when: str) -> None:
    """A writer of posts.csv killed with SIGKILL at `stall_when`: 'temp' (its temp file written, not yet renamed)
    or 'renamed' (the new file in place, the write not finished)."""
    script = f"""
import os, sys, time
from pathlib import Path
from lib.data import writes
from lib.data.contracts import DATASETS_BY_NAME
real_replace, real_fsync = os.replace, os.fsync
def stall():
    print("stalled", flush=True)
    time.sleep(60)
def replace(src, dst):
    real_replace(src, dst)
    if {stall_when!r} == "renamed" and str(dst).endswith("posts.csv"):
        stall()
def fsync(fd):
    real_fsync(fd)
    if {stall_when!r} == "temp" and os.path.basename(os.readlink(f"/proc/self/fd/{{fd}}")).startswith(".posts.csv."):
        stall()
os.replace, os.fsync = replace, fsync
root = Path(sys.argv[1])
writes.save_dataset(DATASETS_BY_NAME["posts"], (root / "posts.csv").read_bytes().replace(b"P001,", b"P555,"), root)
"""
    proc = subprocess.Popen([sys.executable, "-c", script, str(root)], cwd=REPO, stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "stalled"
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
    finally:
        proc.kill()


def test_temp_files_of_killed_writes_are_swept_at_start(data_copy):
    for _ in range(3):
        _killed_writer(data_copy, "temp")
    leftovers = list(data_copy.rglob("*.tmp"))
    assert len(leftovers) >= 3  # what kill -9 leaves: nothing can clean up after SIGKILL in the process itself
    removed = sweep_leftovers(data_copy)  # the app's start (lib/ui/data.py bundle_at) does this
    assert sorted(removed) == sorted(leftovers) and not list(data_copy.rglob("*.tmp"))
    assert b"P555," not in (data_copy / "posts.csv").read_bytes()
    load_bundle(FileStore(data_copy))


def test_a_kill_after_the_file_is_in_place_leaves_no_demo_badge_on_real_data(data_copy):
    writable = writable_data_dir(read_settings())  # the data folder named by the deployment (data_copy)
    assert writable == data_copy and FileStore(data_copy).manifest().is_demo("posts")
    _killed_writer(data_copy, "renamed")
    assert b"P555," in (data_copy / "posts.csv").read_bytes()  # the upload landed ...
    assert FileStore(data_copy).manifest().is_demo("posts") is False  # ... and is not badged as demo data
    rollback(POSTS, list_versions(POSTS, data_copy)[0].path, data_copy)
    assert FileStore(data_copy).manifest().is_demo("posts") is True  # the demo file back: demo again


def test_sweeping_waits_for_no_writer_and_never_touches_the_bundled_data(data_copy):
    from lib.data.writes import data_lock

    stray = data_copy / ".posts.csv.abc.tmp"
    stray.write_bytes(b"half")
    with data_lock(data_copy):  # a write in progress (here: this process holds the lock)
        assert sweep_leftovers(data_copy) == [] and stray.exists()
    assert sweep_leftovers(BUNDLED_DATA_DIR) == []


# ---------------------------------------------------------------- two appends at the same moment

def _append_at(root: str, ids: tuple[str, ...], start: float, bundle_dir: str) -> int:
    bundle = load_bundle(FileStore(Path(bundle_dir)))
    frame = _posts(*ids, places=Places.from_frames(bundle["towns"], bundle["villages"]))
    time.sleep(max(0.0, start - time.time()))
    return append_rows(POSTS, frame, Path(root)).added


@pytest.mark.parametrize("attempt", range(3))
def test_two_appends_at_the_same_moment_both_land(data_copy, attempt):
    before = pd.read_csv(data_copy / "posts.csv", dtype=str)
    start = time.time() + 8  # both processes have read their files by then, and write together
    context = multiprocessing.get_context("spawn")
    with context.Pool(2) as pool:
        results = [pool.apply_async(_append_at, (str(data_copy), ids, start, str(data_copy)))
                   for ids in (("A1", "A2"), ("B1", "B2", "B3"))]
        added = [r.get(120) for r in results]
    after = pd.read_csv(data_copy / "posts.csv", dtype=str)
    assert added == [2, 3]
    assert len(after) == len(before) + 5 and {"A1", "A2", "B1", "B2", "B3"} <= set(after["post_id"])
    assert after["post_id"].is_unique
    load_bundle(FileStore(data_copy))


def test_an_append_made_meanwhile_is_kept_and_its_rows_count_as_duplicates(data_copy, places):
    first, second = _posts("C1", places=places), _posts("C1", "C2", places=places)
    assert append_rows(POSTS, first, data_copy).added == 1
    done = append_rows(POSTS, second, data_copy)  # planned before the first landed: C1 is there now
    assert (done.added, done.duplicates) == (1, ["C1"])
    assert pd.read_csv(data_copy / "posts.csv", dtype=str)["post_id"].tolist()[-2:] == ["C1", "C2"]


# ---------------------------------------------------------------- limits answer fast

def test_too_many_rows_are_refused_before_parsing(places):
    data = ("incident_id\n" + "x\n" * (MAX_ROWS + 5)).encode()
    started = time.monotonic()
    check = read_upload(INC, "rows.csv", data, places)
    assert time.monotonic() - started < 5
    assert "the limit is 2,000,000 rows" in check.problems[0].message("en")


# ---------------------------------------------------------------- problems worded as a person would

def test_an_empty_cell_is_called_empty_and_a_cell_quoted_as_written(places):
    data = (POST_H + "\nP901,city_gov_post,,Post,511402002,103.8,30.0\nP902,city_gov_post,岗,Post,511402002, 1e3 ,30.0\n").encode()
    messages = {p.row: (p.message("zh"), p.message("en")) for p in read_upload(POSTS, "p.csv", data, places).problems}
    assert messages[2] == ("巡逻岗亭与屯警点 (p.csv),第 2 行,列 名称,单元格为空:此列必填",
                           "Posts (p.csv), row 2, column 名称, empty cell: a value is required")
    assert messages[3][1] == "Posts (p.csv), row 3, column 经度, value ' 1e3 ': expected a value between 97 and 109"


def test_a_wrong_true_false_is_named_plainly(bundle):
    towns = json.loads((BUNDLED_DATA_DIR / "boundaries" / "towns.geojson").read_text(encoding="utf-8"))
    towns["features"][0]["properties"]["illustrative"] = 2.5
    check = read_geo_upload(DATASETS_BY_NAME["towns"], "t.geojson", json.dumps(towns).encode(), bundle)
    english = [p.message("en") for p in check.problems]
    assert english == ["Towns (illustrative boundaries) (t.geojson), row 1, column illustrative, value '2.5': "
                       "expected true or false"]


def test_a_workbook_names_the_sheet_it_read(places):
    book = openpyxl.Workbook()
    book.active.title = "封面"
    sheet = book.create_sheet("数据")
    sheet.append(POST_H.split(","))
    sheet.append(["P901", "city_gov_post", "岗", "Post", "511402002", 103.8, 30.0])
    buffer = io.BytesIO()
    book.save(buffer)
    check = read_upload(POSTS, "p.xlsx", buffer.getvalue(), places)
    zh = [p.message("zh") for p in check.problems]
    assert any("只读取第一个工作表“封面”;本工作簿另有工作表 数据 未读取" in m for m in zh), zh
    assert check.sheet == "封面" and check.other_sheets == ["数据"]


# ---------------------------------------------------------------- boundaries with heights

def test_a_geojson_with_heights_is_read_in_2d(bundle):
    towns = gpd.read_file(BUNDLED_DATA_DIR / "boundaries" / "towns.geojson")
    towns["geometry"] = shapely.force_3d(towns.geometry.to_numpy(), 420.0)
    check = read_geo_upload(DATASETS_BY_NAME["towns"], "t.geojson", towns.to_json(drop_id=True).encode(), bundle)
    assert check.ok, [p.message("en") for p in check.problems]
    assert check.flattened and not shapely.has_z(check.frame.geometry.to_numpy()).any()
