"""Writes the upload corpus and its manifest.csv (file, dataset, outcome, expected).

A refused file's `expected` is a fragment of one of its problems (English); an accepted file's is
`column=code` that its first row must hold once read. Run once from the project root:
.venv/bin/python tests/data_admin_corpus/make_corpus.py
The files over the size and row limits are made by the tests themselves, not committed.
"""
from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from pathlib import Path

import openpyxl

HERE = Path(__file__).resolve().parent
INC_H = "案件编号,报案时间,镇(街道)代码,村(社区)代码,经度,纬度,案件类别,办理状态,破案日期,抓获嫌疑人,批准逮捕,打掉团伙编号,损失金额,挽回损失,查扣涉案资产,发现途径,抓获逃犯"
INC_OK = "AJ2099000001,2020-03-05 08:05,511402107,511402107017,103.78552,30.16127,drugs,solved,2020-03-06,1,0,,0,0,0,investigation,0"
POST_H = "点位编号,点位类别,名称,英文名称,镇(街道)代码,经度,纬度"
POST_OK = "P901,city_gov_post,新岗亭,New post,511402002,103.84926,30.06640"
DIS_H = "dispute_id,received_on,town_code,dispute_type,channel,outcome,closed_on,due_on"
DIS_OK = "JF9000001,2020-03-05,511402001,neighbour,police_mediation,settled,2020-03-20,2020-04-05"
PAT_H = "巡逻编号,巡防力量,巡逻方式,镇(街道)代码,开始时间,结束时间,巡逻路线"
TS_H = "town_code,year,sample_size,overall,security"
ZWSP, BOM, NBSP = "\u200b", "\ufeff", "\u00a0"


def inc(**cells: str) -> str:
    names = ["incident_id", "reported_at", "town_code", "village_code", "lon", "lat", "crime_type", "status", "solved_on",
             "suspects_caught", "arrests_approved", "gang_id", "loss_yuan", "recovered_yuan", "assets_seized_yuan",
             "discovery", "fugitives_caught"]
    values = dict(zip(names, INC_OK.split(",")))
    values.update(cells)
    return ",".join(values[n] for n in names)


def dis(**cells: str) -> str:
    values = dict(zip(DIS_H.split(","), DIS_OK.split(",")))
    values.update(cells)
    return ",".join(values[n] for n in DIS_H.split(","))


def patrol(route: str, start: str = "2020-03-05 09:00", end: str = "2020-03-05 10:00") -> bytes:
    return f'{PAT_H}\nXL9000001,police,vehicle,511402001,{start},{end},"{route}"\n'.encode()


def xlsx(rows: list[list[object]]) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


TOWN_PROPS = {"town_code": "511402001", "town_zh": "通惠街道", "town_en": "Tonghui Subdistrict", "kind": "subdistrict",
              "population": 147431, "illustrative": True}
SQUARE = [[103.80, 30.05], [103.85, 30.05], [103.85, 30.10], [103.80, 30.10], [103.80, 30.05]]


def geojson(rings: list, props: dict | None = None, kind: str = "Polygon", crs: str | None = None) -> bytes:
    """A one-feature FeatureCollection with town properties (or `props`)."""
    collection: dict = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": TOWN_PROPS if props is None else props,
         "geometry": {"type": kind, "coordinates": rings}}]}
    if crs:
        collection["crs"] = {"type": "name", "properties": {"name": crs}}
    return json.dumps(collection, ensure_ascii=False).encode()


def zipped(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


CASES: list[tuple[str, str, bytes, str]] = [
    # file, dataset, content, expected fragment (English message)
    ("empty.csv", "incidents", b"", "the file is empty"),
    ("header_only.csv", "incidents", (INC_H + "\n").encode(), "no data rows"),
    ("binary.csv", "incidents", bytes(range(256)) * 4, "not a text CSV file"),
    ("png_named.csv", "incidents", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64), "not a text CSV file"),
    ("latin1.csv", "posts", ("post_id,kind,name_zh,name_en,town_code,lon,lat\nP901,city_gov_post,Caf\xe9,New post,511402002,103.8,30.0\n").encode("latin-1")
     + bytes([0x81, 0x20, 0xff, 0xfe]), "not a text CSV file"),
    ("utf16.csv", "posts", (POST_H + "\n" + POST_OK + "\n").encode("utf-16"), "not a text CSV file"),
    ("not_zip.xlsx", "incidents", (INC_H + "\n" + INC_OK + "\n").encode(), "not a valid XLSX file"),
    ("truncated.xlsx", "posts", xlsx([POST_H.split(","), POST_OK.split(",")])[:400], "not a valid XLSX file"),
    ("zip_not_workbook.xlsx", "posts", b"", "damaged"),  # filled below
    ("wrong_ext.txt", "posts", (POST_H + "\n" + POST_OK + "\n").encode(), "only .csv or .xlsx"),
    ("missing_column.csv", "incidents", (INC_H.rsplit(",", 1)[0] + "\n" + INC_OK.rsplit(",", 1)[0] + "\n").encode(),
     "this column is missing (header 'Fugitives caught')"),
    ("extra_column.csv", "posts", (POST_H + ",备注\n" + POST_OK + ",x\n").encode(), "an extra or unrecognised column"),
    ("renamed_column.csv", "posts", (POST_H.replace("点位类别", "岗亭类型") + "\n" + POST_OK + "\n").encode(),
     "an extra or unrecognised column"),
    ("repeated_column.csv", "posts", (POST_H + ",post_id\n" + POST_OK + ",P902\n").encode(), "repeats another column"),
    ("wrong_dataset.csv", "posts", (INC_H + "\n" + INC_OK + "\n").encode(), "an extra or unrecognised column"),
    ("bad_date.csv", "incidents", (INC_H + "\n" + inc(solved_on="2020-13-45") + "\n").encode(), "expected a date as YYYY-MM-DD"),
    ("bad_date_text.csv", "incidents", (INC_H + "\n" + inc(solved_on="昨天") + "\n").encode(), "value '昨天'"),
    ("time_without_time.csv", "incidents", (INC_H + "\n" + inc(reported_at="2020-03-05") + "\n").encode(),
     "expected a time as YYYY-MM-DD HH:MM"),
    ("bad_month_cn.csv", "incidents", (INC_H + "\n" + inc(solved_on="2020年2月30日") + "\n").encode(), "value '2020年2月30日'"),
    ("negative_count.csv", "incidents", (INC_H + "\n" + inc(suspects_caught="-3") + "\n").encode(), "expected a value of at least 0"),
    ("negative_yuan_gbk.csv", "incidents", (INC_H + "\n" + inc(loss_yuan="-100") + "\n").encode("gbk"), "column 损失金额, value '-100': expected a value of at least 0"),
    ("not_a_number.csv", "incidents", (INC_H + "\n" + inc(arrests_approved="两") + "\n").encode(), "expected a whole number"),
    ("unknown_town_code.csv", "posts", (POST_H + "\nP901,city_gov_post,岗,Post,511402999,103.8,30.0\n").encode(),
     "not a known town code or name; closest known codes"),
    ("unknown_town_name.csv", "posts", (POST_H + "\nP901,city_gov_post,岗,Post,通惠街,103.8,30.0\n").encode(),
     "511402001 通惠街道"),
    ("unknown_village.csv", "incidents", (INC_H + "\n" + inc(village_code="511402107999") + "\n").encode(),
     "not a known village code or name"),
    ("unknown_code_value.csv", "incidents", (INC_H + "\n" + inc(crime_type="theft") + "\n").encode(), "expected one of these codes or their names: telecom_fraud (Telecom-network fraud)"),
    ("duplicate_ids.csv", "incidents", (INC_H + "\n" + inc() + "\n" + inc() + "\n").encode(), "duplicates another row"),
    ("duplicate_survey.csv", "town_survey", b"town_code,year,sample_size,overall,security\n"
     b"511402001,2020,100,90,91\n511402001,2020,120,92,93\n", "value '511402001, 2020': duplicates another row: one row per town code and year"),
    ("score_out_of_range.csv", "town_survey", b"town_code,year,sample_size,overall,security\n511402001,2020,100,190,91\n",
     "expected a value between 0 and 100"),
    ("zero_sample.csv", "town_survey", b"town_code,year,sample_size,overall,security\n511402001,2020,0,90,91\n",
     "expected a value above 0"),
    ("lon_outside_sichuan.csv", "posts", (POST_H + "\nP901,city_gov_post,岗,Post,511402002,116.4,39.9\n").encode(),
     "expected a value between 97 and 109"),
    ("html_in_name.csv", "posts", (POST_H + "\n<script>alert(1)</script>,city_gov_post,<b>岗</b>,Post,511402002,103.8,30.0\n").encode(),
     "value '<script>alert(1)</script>'"),
    ("html_in_town.csv", "posts", (POST_H + "\nP901,city_gov_post,岗,Post,<img src=x onerror=alert(1)>,103.8,30.0\n").encode(),
     "value '<img src=x onerror=alert(1)>'"),
    ("empty_required.csv", "posts", (POST_H + "\nP901,city_gov_post,,Post,511402002,103.8,30.0\n").encode(), "column 名称, empty cell: a value is required"),
    ("bad_id_format.csv", "posts", (POST_H + "\nP 901!,city_gov_post,岗,Post,511402002,103.8,30.0\n").encode(), "wrong format"),
    ("end_before_start.csv", "patrol_sessions",
     "巡逻编号,巡防力量,巡逻方式,镇(街道)代码,开始时间,结束时间,巡逻路线\n"
     "XL9000001,police,vehicle,511402001,2020-03-05 10:00,2020-03-05 09:00,\"LINESTRING (103.8 30.0, 103.81 30.01)\"\n".encode(),
     "column 结束时间, value '2020-03-05 09:00': the end must be after the start"),
    ("formula_cells.xlsx", "posts", b"", "value '#DIV/0!': expected a number"),  # filled below: a formula whose saved value is text
    ("xlsx_bad_date.xlsx", "disputes", b"", "expected a date as YYYY-MM-DD"),  # filled below
    ("gbk_bad_type.csv", "disputes", (DIS_H + "\nJF9000001,2020/3/5,511402001,邻里,police_mediation,settled,2020-03-20,2020-04-05\n").encode("gbk"),
     "value '邻里'"),
    # boundaries: GeoJSON and zipped Shapefiles
    ("geo_bowtie.geojson", "towns",
     geojson([[[103.80, 30.05], [103.85, 30.10], [103.85, 30.05], [103.80, 30.10], [103.80, 30.05]]]),
     "row 1, column geometry, value 'Self-intersection"),
    ("geo_outside_sichuan.geojson", "towns",
     geojson([[[116.30, 39.90], [116.40, 39.90], [116.40, 40.00], [116.30, 39.90]]]), "outside Sichuan"),
    ("geo_metres_as_degrees.geojson", "towns",
     geojson([[[480000.0, 3330000.0], [485000.0, 3330000.0], [485000.0, 3335000.0], [480000.0, 3330000.0]]],
             crs="urn:ogc:def:crs:EPSG::4326"), "the coordinates are not degrees (they look like metres)"),
    ("geo_zip_without_shp.zip", "villages", b"", "the ZIP holds no Shapefile (.shp file)"),  # filled below
    ("geo_zip_without_dbf.zip", "towns", b"", "the Shapefile lacks its .dbf file"),  # filled below
    ("geo_not_json.geojson", "towns", b"<html><body>not JSON</body></html>\n", "not a valid GeoJSON file"),
    ("geo_not_zip.zip", "towns", b"town_code,town_zh\n511402001,x\n", "not a valid ZIP file"),
    ("geo_json_not_geojson.json", "towns", b'{"rows": [1, 2, 3]}', "not a GeoJSON FeatureCollection"),
    ("geo_missing_property.geojson", "towns",
     geojson([SQUARE], {k: v for k, v in TOWN_PROPS.items() if k != "population"}), "this column is missing (header 'Population')"),
    ("geo_point.geojson", "towns", geojson([103.8, 30.05], kind="Point"), "value 'Point': expected a Polygon or MultiPolygon"),
    ("geo_bad_kind.geojson", "towns", geojson([SQUARE], {**TOWN_PROPS, "kind": "city"}), "row 1, column kind, value 'city'"),
    ("geo_drops_used_towns.geojson", "towns", geojson([SQUARE]), "the other data still use it: Villages and communities (illustrative boundaries) (9 rows), Incidents"),
    ("geo_wrong_ext.shp", "towns", geojson([SQUARE]), "boundaries accept only .geojson, .json or .zip"),
]

# issue 13: exports shaped like real ones, each refused with a message a person can act on
MORE_CASES: list[tuple[str, str, bytes, str]] = [
    ("decimal_in_count_gbk.csv", "incidents", (INC_H + "\n" + inc(suspects_caught="1.5") + "\n").encode("gbk"),
     "column 抓获嫌疑人, value '1.5': expected a whole number, without a fraction"),
    ("nan_longitude.csv", "incidents", (INC_H + "\n" + inc(lon="NaN") + "\n").encode(), "value 'NaN': expected a finite number"),
    ("infinite_loss.csv", "incidents", (INC_H + "\n" + inc(loss_yuan="inf") + "\n").encode(), "value 'inf': expected a finite number"),
    ("huge_loss.csv", "incidents", (INC_H + "\n" + inc(loss_yuan="1e308") + "\n").encode(), "value '1e308': the number is too large"),
    ("implausible_loss.csv", "incidents", (INC_H + "\n" + inc(loss_yuan="2000000000000") + "\n").encode(),
     "too large: expected at most 1,000,000,000,000"),
    ("year_month_date.csv", "incidents", (INC_H + "\n" + inc(solved_on="202003") + "\n").encode(),
     "value '202003': a year and month are not a date"),
    ("year_only_date.csv", "disputes", (DIS_H + "\n" + dis(received_on="2020") + "\n").encode(), "a year alone is not a date"),
    ("day_month_order.csv", "disputes", (DIS_H + "\n" + dis(received_on="03/05/2020") + "\n").encode(),
     "the order of day and month cannot be told"),
    ("future_report.csv", "incidents", (INC_H + "\n" + inc(reported_at="2099-03-05 08:00", solved_on="2099-03-06") + "\n").encode(),
     "value '2099-03-05 08:00': the date must not be after today"),
    ("before_first_year.csv", "incidents", (INC_H + "\n" + inc(reported_at="1999-12-31 08:00") + "\n").encode(),
     "the date must not be before 2000"),
    ("survey_year_1999.csv", "town_survey", f"{TS_H}\n511402001,1999,100,90,91\n".encode(), "expected a year from 2000 to this year"),
    ("fraction_scores.csv", "town_survey", f"{TS_H}\n511402001,2020,100,0.89,0.91\n".encode(),
     "value '0.89': expected a score on the 0–100 scale"),
    ("village_name_of_other_town.csv", "incidents", (INC_H + "\n" + inc(village_code="Baiba Village") + "\n").encode(),
     "no village of this name in the row's town 511402107; the same name is elsewhere: 511402104001 白坝村"),
    ("village_code_of_other_town.csv", "incidents", (INC_H + "\n" + inc(town_code="511402104") + "\n").encode(),
     "this village is in town 511402107, not in the row's town 511402104"),
    ("closed_before_received.csv", "disputes", (DIS_H + "\n" + dis(closed_on="2020-03-01") + "\n").encode(),
     "the closing date must not be before the day received"),
    ("open_but_closed.csv", "disputes", (DIS_H + "\n" + dis(outcome="open") + "\n").encode(), "open ones have none"),
    ("solved_before_reported.csv", "incidents", (INC_H + "\n" + inc(solved_on="2020-03-01") + "\n").encode(),
     "the solved date must not be before the day reported"),
    ("solved_without_date.csv", "incidents", (INC_H + "\n" + inc(solved_on="") + "\n").encode(),
     "破案日期, empty cell: solved and judged cases need a solved date"),
    ("arrests_over_suspects.csv", "incidents", (INC_H + "\n" + inc(arrests_approved="3") + "\n").encode(),
     "arrests approved must not exceed suspects caught"),
    ("recovered_over_loss.csv", "incidents", (INC_H + "\n" + inc(recovered_yuan="500") + "\n").encode(),
     "the amount recovered must not exceed the loss"),
    ("route_broken_wkt.csv", "patrol_sessions", patrol("LINESTRING (103.8 30.0, 103.81"), "not readable WKT"),
    ("route_swapped.csv", "patrol_sessions", patrol("LINESTRING (30.0 103.8, 30.01 103.81)"),
     "longitude and latitude are swapped: WKT gives the longitude first"),
    ("route_3d.csv", "patrol_sessions", patrol("LINESTRING Z (103.8 30.0 400, 103.81 30.01 410)"), "expected 2-D coordinates"),
    ("route_point.csv", "patrol_sessions", patrol("POINT (103.8 30.0)"), "expected a LINESTRING, not a Point"),
    ("route_one_place.csv", "patrol_sessions", patrol("LINESTRING (103.8 30.0, 103.8 30.0)"),
     "it needs at least two different points"),
    ("route_outside_sichuan.csv", "patrol_sessions", patrol("LINESTRING (116.3 39.9, 116.4 39.95)"), "outside Sichuan"),
    ("patrol_two_days.csv", "patrol_sessions", patrol("LINESTRING (103.8 30.0, 103.81 30.01)", end="2020-03-07 10:00"),
     "must not last more than 24 hours"),
    ("post_lon_lat_swapped.csv", "posts", (POST_H + "\nP901,city_gov_post,岗,Post,511402002,30.06640,103.84926\n").encode(),
     "column 经度, value '30.06640': longitude and latitude must not be swapped"),
    ("empty_code_cell.csv", "incidents", (INC_H + "\n" + inc(crime_type="") + "\n").encode(),
     "column 案件类别, empty cell: a value is required"),
    ("unknown_chinese_label.csv", "incidents", (INC_H + "\n" + inc(crime_type="偷东西") + "\n").encode(),
     "value '偷东西': expected one of these codes or their names"),
    ("invisible_in_unknown_code.csv", "incidents", (INC_H + "\n" + inc(crime_type="thef\u200bt") + "\n").encode(),
     "value 'thef<U+200B>t': expected one of these codes"),
    ("geo_lat_lon_swapped.geojson", "towns", geojson([[[y, x] for x, y in SQUARE]]),
     "row 1, column geometry, value '30.0500, 103.8000': longitude and latitude are swapped"),
    ("xlsx_data_on_second_sheet.xlsx", "posts", b"", "only the first sheet, 'Sheet', is read; the workbook's other sheets (岗亭)"),
    ("xlsx_declares_too_many_rows.xlsx", "posts", b"", "too many rows; the limit is 300,000 rows: save a large table as CSV"),
    ("xlsx_zip_bomb.xlsx", "posts", b"", "the workbook is too large once unzipped (401 MB); the limit is 300 MB"),
]

# files shaped like real exports that are read as their author meant: column=code expected in the first row
ACCEPTED: list[tuple[str, str, bytes, str]] = [
    ("ok_chinese_code_names.csv", "incidents",
     (INC_H + "\n" + inc(crime_type="入室盗窃", status="已立案", solved_on="", discovery="110报警") + "\n").encode("gbk"),
     "crime_type=burglary"),
    ("ok_english_code_names.csv", "incidents",
     (INC_H + "\n" + inc(crime_type="Burglary", status="reported", solved_on="", discovery="Walk-in report") + "\n").encode(),
     "discovery=walk_in"),
    ("ok_code_with_its_name.csv", "incidents", (INC_H + "\n" + inc(crime_type="burglary (入室盗窃)") + "\n").encode(),
     "crime_type=burglary"),
    ("ok_invisible_characters.csv", "incidents",
     (BOM + INC_H + "\n" + inc(crime_type=f"drugs{ZWSP}", status=f"{BOM}solved", town_code=f"{NBSP}511402107{NBSP}",
                               suspects_caught="\uff12", arrests_approved="\uff11") + "\n").encode(),
     "crime_type=drugs"),
    ("ok_full_width_date.csv", "disputes", (DIS_H + "\n" + dis(received_on="２０２０年３月５日") + "\n").encode("gb18030"),
     "received_on=2020-03-05"),
    ("ok_village_name_in_its_town.csv", "incidents",
     (INC_H + "\n" + inc(town_code="富牛镇", village_code="Baiba Village") + "\n").encode(), "village_code=511402109010"),
    ("ok_thousands_separators.csv", "incidents",
     (INC_H + "\n" + inc(loss_yuan="\"1,234,567\"", recovered_yuan="\"1,000\"") + "\n").encode(), "loss_yuan=1234567"),
]


def _zip_not_workbook() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "not a workbook")
    return buffer.getvalue()


def with_cached_value(data: bytes, cell: str, value: str, kind: str = "") -> bytes:
    """An XLSX whose formula cell `cell` carries a saved value, as Excel saves it (openpyxl saves none)."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            content = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                # openpyxl writes an empty value as <v/> or, with lxml installed, <v></v>
                content = re.sub(rb'<c r="' + cell.encode() + rb'"[^>]*><f>(.*?)</f>(?:<v ?/>|<v></v>)',
                                 lambda m: b'<c r="' + cell.encode() + b'"' + (b' t="' + kind.encode() + b'"' if kind else b"")
                                 + b"><f>" + m[1] + b"</f><v>" + value.encode() + b"</v>", content)
            dst.writestr(item, content)
    return out.getvalue()


def _formula_cells() -> bytes:
    """A formula whose saved value is an Excel error: read as the value (#DIV/0!), never as the formula."""
    data = xlsx([POST_H.split(","), ["P901", "city_gov_post", "岗", "Post", "511402002", "=1/0", "30.0"]])
    return with_cached_value(data, "F2", "#DIV/0!", "e")


def _second_sheet() -> bytes:
    """The data on the workbook's second sheet; the first is empty, as a report's cover sheet often is."""
    book = openpyxl.Workbook()
    book.active.append(["说明:数据见下一工作表"])
    sheet = book.create_sheet("岗亭")
    sheet.append(POST_H.split(","))
    sheet.append(POST_OK.split(","))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _declares_rows(data: bytes, rows: int) -> bytes:
    """An XLSX whose sheet says it holds `rows` rows (its dimension), as a large export does."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            content = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                content = re.sub(rb'<dimension ref="A1:([A-Z]+)\d+"', lambda m: b'<dimension ref="A1:' + m[1] + str(rows).encode() + b'"', content)
            dst.writestr(item.filename, content)
    return out.getvalue()


def _zip_bomb(data: bytes, unzipped_mb: int = 401) -> bytes:
    """A small XLSX that unzips to `unzipped_mb` MB: a member of zeros that deflates a thousand-fold."""
    out = io.BytesIO(data)
    with zipfile.ZipFile(out, "a", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        with archive.open("xl/media/padding.bin", "w") as member:
            block = bytes(1024 * 1024)
            for _ in range(unzipped_mb):
                member.write(block)
    return out.getvalue()


def main() -> None:
    cases = []
    posts = xlsx([POST_H.split(","), POST_OK.split(",")])
    made = {"xlsx_data_on_second_sheet.xlsx": _second_sheet(), "xlsx_declares_too_many_rows.xlsx": _declares_rows(posts, 400_001),
            "xlsx_zip_bomb.xlsx": _zip_bomb(posts)}
    for name, dataset, content, expected in CASES + MORE_CASES + ACCEPTED:
        content = made.get(name, content)
        if name == "zip_not_workbook.xlsx":
            content = _zip_not_workbook()
        elif name == "formula_cells.xlsx":
            content = _formula_cells()
        elif name == "geo_zip_without_shp.zip":
            content = zipped({"villages/villages.dbf": b"\x03" + bytes(31), "villages/villages.prj": b'GEOGCS["WGS 84"]'})
        elif name == "geo_zip_without_dbf.zip":
            content = zipped({"towns.shp": bytes(100), "towns.shx": bytes(100)})
        elif name == "xlsx_bad_date.xlsx":
            content = xlsx([DIS_H.split(","), ["JF9000001", "下周一", "511402001", "neighbour", "people", "settled", None, "2020-04-05"]])
        (HERE / name).write_bytes(content)
        cases.append((name, dataset, "accepted" if name.startswith("ok_") else "refused", expected))
    with open(HERE / "manifest.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["file", "dataset", "outcome", "expected"])
        writer.writerows(cases)


if __name__ == "__main__":
    main()
