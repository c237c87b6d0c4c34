"""Broken data files give every problem at once, naming dataset, row, column and value — never a traceback."""
import shutil

import pandas as pd
import pytest

from lib.data.contracts import INCIDENTS
from lib.data.problems import DataLoadError
from lib.data.store import BUNDLED_DATA_DIR, FileStore, load_bundle


@pytest.fixture
def data_copy(tmp_path):
    target = tmp_path / "data"
    shutil.copytree(BUNDLED_DATA_DIR, target)
    return target


def edit_incidents(folder, change):
    path = folder / INCIDENTS.file
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    change(frame)
    frame.to_csv(path, index=False)


def problems_of(folder):
    with pytest.raises(DataLoadError) as caught:
        load_bundle(FileStore(folder))
    return caught.value.problems


def test_bundled_data_loads_and_is_marked_demo(bundle):
    assert len(bundle["incidents"]) > 25_000
    assert bundle.manifest.is_demo("incidents")
    assert not bundle.manifest.is_demo("counties")


def test_every_bad_cell_is_named(data_copy):
    def damage(frame):
        frame.loc[4, "crime_type"] = "jaywalking"
        frame.loc[9, "reported_at"] = "2020/13/45"
        frame.loc[11, "suspects_caught"] = "-3"
        frame.loc[12, "incident_id"] = "<img src=x onerror=alert(1)>"
    edit_incidents(data_copy, damage)
    found = {(p.row, p.column): p for p in problems_of(data_copy)}
    assert found[(6, "crime_type")].value == "jaywalking"  # index 4 is CSV line 6 (header is line 1)
    assert "expected one of" in found[(6, "crime_type")].message("en")
    assert "应为日期" in found[(11, "reported_at")].message("zh") or "应为时间" in found[(11, "reported_at")].message("zh")
    assert found[(13, "suspects_caught")].value == "-3"
    assert "不小于 0" in found[(13, "suspects_caught")].message("zh")
    assert found[(14, "incident_id")].message("zh").startswith("警情案件 (incidents.csv),第 14 行")


def test_missing_column_and_missing_file(data_copy):
    edit_incidents(data_copy, lambda frame: frame.pop("loss_yuan"))
    (data_copy / "disputes.csv").unlink()
    messages = [p.message("en") for p in problems_of(data_copy)]
    assert any("column loss_yuan: this column is missing" in m for m in messages)
    assert any("disputes.csv" in m and "missing" in m for m in messages)


def test_unknown_town_code_is_reported(data_copy):
    edit_incidents(data_copy, lambda frame: frame.__setitem__("town_code", frame["town_code"].where(frame.index != 0, "511499999")))
    problem = next(p for p in problems_of(data_copy) if p.column == "town_code")
    assert (problem.row, problem.value) == (2, "511499999")


def test_unreadable_file(data_copy):
    (data_copy / INCIDENTS.file).write_bytes("案件编号,时间\n".encode("gb18030") + b"\x00\xff\xfe garbage")
    assert problems_of(data_copy)


def test_data_wide_dates_are_found_once_at_load_and_agree_with_the_records(bundle):
    frames = {**bundle.frames, "disputes": bundle["disputes"].iloc[0:0]}
    emptied = type(bundle)(frames, bundle.manifest)
    assert bundle.as_of == bundle["incidents"]["reported_at"].max().date()
    assert bundle.first_day("incidents") == bundle["incidents"]["reported_at"].min().date()
    assert bundle.first_day("patrol_sessions") == bundle["patrol_sessions"]["start_at"].min().date()
    assert bundle.first_day("disputes") == bundle["disputes"]["received_on"].min().date()
    assert emptied.first_day("disputes") is None
