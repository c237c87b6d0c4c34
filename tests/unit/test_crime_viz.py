"""The crime page's charts and tables: verdicts, 'new', escaped event names, click codes, string keys."""
from datetime import date

import pandas as pd
import pytest

from lib.audience import Audience
from lib.data.codes import CRIME_TYPES
from lib.metrics.compstat import compstat
from lib.metrics.crime_cube import Selection
from lib.metrics.crime_trends import by_town, trend
from lib.strings.crime import STRINGS
from lib.ui.show import filter_after_click
from lib.viz.crime_charts import town_figure, trend_figure
from lib.viz.crime_tables import compstat_frame, verdict
from tests.unit.crime_frames import TOWN_A, TOWN_B, cube_of
from tests.unit.test_crime_compstat import AS_OF, ROWS

LABELS = {c.code: c.label("zh") for c in CRIME_TYPES}
ZH = Audience.internal("zh")


@pytest.mark.parametrize("current, prior, significant, expected", [
    (2, 0, True, "▲ 新增(显著)"),
    (1, 0, False, "新增"),
    (0, 0, False, "持平"),
    (16, 4, True, "▲ 显著上升"),
    (4, 16, True, "▼ 显著下降"),
    (5, 4, False, "↑ 上升(不显著)"),
    (3, None, False, "无可比数据"),
])
def test_verdicts(current, prior, significant, expected):
    assert verdict(current, prior, significant, "zh") == expected


def test_compstat_frame_shows_new_and_significance_in_words():
    frame = compstat_frame(compstat(cube_of(ROWS), AS_OF), LABELS, ZH)
    fraud = frame[frame["案件类别"] == "电信网络诈骗"].iloc[0]
    assert (fraud["本周"], fraud["本周·去年同期"], fraud["本周·研判"]) == (2, 0, "新增")  # 2 against 0: p = 0.20
    assert fraud["本周·增减%"] == "新增"  # a zero prior: no percentage, never None
    burglary = frame[frame["案件类别"] == "入室盗窃"].iloc[0]
    assert (burglary["近28天·增减%"], burglary["近28天·研判"]) == ("+100.0%", "↑ 上升(不显著)")
    assert frame["本周·增减%"].map(type).eq(str).all() and not frame["本周·增减%"].isin(["None", "nan"]).any()
    assert frame.iloc[0]["案件类别"] == "所选全部类别" and frame.iloc[1]["案件类别"] == "【侵财】"


EVENTS = pd.DataFrame({"date": pd.to_datetime(["2021-01-05"]), "name_zh": ["<img src=x onerror=alert(1)>"],
                       "name_en": ["x"], "crime_type": ["burglary"]})


@pytest.mark.parametrize("layout", ["stacked", "multiples"])
def test_trend_figure_escapes_event_names_and_carries_type_codes(layout):
    data = trend(cube_of(ROWS), Selection(date(2020, 12, 28), AS_OF, types=("telecom_fraud", "burglary")), "day")
    fig = trend_figure(data, EVENTS, layout, LABELS, ZH)
    texts = [a.text for a in fig.layout.annotations] + [a.hovertext or "" for a in fig.layout.annotations]
    assert any("&lt;img src=x onerror=alert(1)&gt;" in text for text in texts)
    assert not any("<img" in text for text in texts)
    assert [a.text for a in fig.layout.annotations if a.hovertext] == ["1"]  # the event's number above the plot
    clickable = [trace for trace in fig.data if trace.customdata is not None]
    assert [trace.customdata[0] for trace in clickable] == ["telecom_fraud", "burglary"]
    assert sum(trace.y.sum() if hasattr(trace.y, "sum") else sum(trace.y) for trace in clickable) == 5  # 3 burglaries (2021-01-02) + 2 frauds
    if layout == "multiples":
        assert [a.text for a in fig.layout.annotations][:2] == ["电信网络诈骗", "入室盗窃"]  # one panel each
        assert len(fig.layout.shapes) == 2  # the event's line in both panels
    else:
        assert fig.data[-1].name == "去年同期合计"


def test_event_numbers_never_overlap_even_on_a_phone():
    from lib.viz.crime_charts import EVENT_MARK_PX, NARROWEST_PLOT_PX, event_lanes
    start, end = pd.Timestamp("2020-01-01"), pd.Timestamp("2020-12-31")
    dates = pd.to_datetime(["2020-03-01", "2020-03-02", "2020-03-20", "2020-04-20", "2020-05-15", "2020-06-01",
                            "2020-12-05"])
    lanes = event_lanes(dates, start, end)
    assert lanes == [0, 1, 2, 0, 1, 0, 0]  # 1 and 2 March, then 20 March within a month of both
    room = EVENT_MARK_PX / NARROWEST_PLOT_PX * (end - start).total_seconds()
    for lane in set(lanes):
        placed = sorted(d for d, l in zip(dates, lanes) if l == lane)
        assert all((b - a).total_seconds() >= room for a, b in zip(placed, placed[1:]))


def test_numbered_events_match_the_numbers_on_the_chart():
    from lib.viz.crime_charts import numbered_events
    two = pd.concat([EVENTS, EVENTS.assign(date=pd.to_datetime(["2021-01-06"]), name_zh=["“12.5”案"])])
    assert numbered_events(two, "zh") == "1 2021-01-05 <img src=x onerror=alert(1)>; 2 2021-01-06 “12.5”案"


def test_dates_read_in_chinese_and_counts_tick_in_whole_numbers():
    data = trend(cube_of(ROWS), Selection(date(2020, 12, 28), AS_OF, types=("telecom_fraud", "burglary")), "day")
    stacked = trend_figure(data, EVENTS.iloc[:0], "stacked", LABELS, ZH)
    stops = {tuple(s.dtickrange): s.value for s in stacked.layout.xaxis.tickformatstops}
    assert stops[("M1", "M12")] == "%Y年%-m月" and stacked.layout.xaxis.hoverformat == "%Y年%-m月%-d日"
    assert stacked.layout.yaxis.dtick == 1 and stacked.layout.yaxis.tickformat == ",d"  # 3 burglaries: never 0.5
    assert "%{x|%Y年%-m月%-d日}" in stacked.data[0].hovertemplate
    multiples = trend_figure(data, EVENTS.iloc[:0], "multiples", LABELS, Audience.internal("en"))
    assert multiples.layout.yaxis2.dtick == 1 and not multiples.layout.xaxis.tickformatstops  # English: Plotly's own


def test_the_thirteen_crime_type_colours_stay_apart_for_colour_blind_readers():
    import itertools

    import numpy as np
    from colorspacious import cspace_convert

    from lib.viz.crime_charts import TYPE_COLORS
    assert set(TYPE_COLORS) == {c.code for c in CRIME_TYPES} and len(set(TYPE_COLORS.values())) == 13
    rgb = {code: np.array([int(h[i:i + 2], 16) for i in (1, 3, 5)]) / 255 for code, h in TYPE_COLORS.items()}
    for vision in (None, "deuteranomaly", "protanomaly", "tritanomaly"):
        seen = {code: c if vision is None else np.clip(cspace_convert(c, {"name": "sRGB1+CVD", "cvd_type": vision,
                                                                             "severity": 100}, "sRGB1"), 0, 1)
                for code, c in rgb.items()}
        ucs = {code: cspace_convert(c, "sRGB1", "CAM02-UCS") for code, c in seen.items()}
        closest = min(np.linalg.norm(ucs[a] - ucs[b]) for a, b in itertools.combinations(ucs, 2))
        assert closest >= 11, (vision, closest)


def test_town_figure_bars_carry_town_codes_in_rank_order():
    towns = by_town(cube_of(ROWS), Selection(date(2020, 12, 1), AS_OF))
    fig = town_figure(towns, {TOWN_A: "通惠街道", TOWN_B: "太和镇"}, ZH)
    assert list(fig.data[0].customdata) == [TOWN_A, TOWN_B]  # 4/10,000 before 2/20,000
    assert list(fig.data[0].y) == ["通惠街道", "太和镇"]


def test_a_click_sets_the_filter_to_the_allowed_codes_clicked_in_their_order():
    allowed = [c.code for c in CRIME_TYPES]
    clicked = ["burglary", "assault", None, "<script>"]
    assert filter_after_click(["drugs"], clicked, allowed) == ["burglary", "assault"]
    assert filter_after_click(["drugs"], clicked, allowed, add=True) == ["drugs", "burglary", "assault"]
    assert filter_after_click(["drugs"], ["<script>", None], allowed) is None  # nothing known clicked: unchanged


def test_crime_strings_are_prefixed_and_have_both_languages():
    assert all(key.startswith("cr.") or key == "page.crime" for key in STRINGS)
    assert STRINGS["page.crime"] == {"zh": "犯罪趋势", "en": "Crime trends"}


def test_compstat_frame_shows_no_change_for_zero_against_zero():
    frame = compstat_frame(compstat(cube_of(ROWS), AS_OF), LABELS, ZH)
    assault = frame[frame["案件类别"] == "故意伤害"].iloc[0]
    assert (assault["本周"], assault["本周·去年同期"], assault["本周·增减%"], assault["本周·研判"]) == (0, 0, "±0.0%", "持平")


def test_downloads_have_chinese_headers_and_open_as_csv_and_xlsx():
    import io

    from lib.export import to_csv_bytes, to_xlsx_bytes
    from lib.data.incidents import FrameIncidents
    from lib.metrics.crime_trends import by_type, hour_weekday
    from lib.viz.crime_tables import hours_table, records_table, town_table, trend_table, types_table
    from tests.unit.crime_frames import incidents_frame

    cube = cube_of(ROWS)
    sel = Selection(date(2020, 12, 1), AS_OF)
    towns = {TOWN_A: "通惠街道", TOWN_B: "太和镇"}
    frame = incidents_frame(ROWS)
    frame["solved_on"] = pd.NaT
    records, matched = FrameIncidents(frame).records(sel.start, sel.end, sel.towns, sel.types, cap=100)
    tables = {
        "trend": trend_table(trend(cube, sel, "week"), LABELS, ZH),
        "compstat": compstat_frame(compstat(cube, AS_OF), LABELS, ZH),
        "towns": town_table(by_town(cube, sel), towns, ZH),
        "types": types_table(by_type(cube, sel), LABELS, ZH),
        "hours": hours_table(hour_weekday(cube, sel), ZH),
        "records": records_table(records, towns, ZH),
    }
    assert matched == 6 and list(tables["records"].columns[:3]) == ["报案时间", "镇(街道)代码", "镇(街道)名称"]
    records_columns = list(tables["records"].columns)
    for label, code in (("案件类别", "案件类别代码"), ("办理状态", "办理状态代码")):  # labels, then their codes
        assert records_columns.index(code) == records_columns.index(label) + 1, records_columns
    assert set(tables["records"]["办理状态代码"]) <= {"reported", "solved", "judged"}
    assert set(tables["records"]["办理状态"]) <= {"已立案", "已破案", "已判决"}
    assert tables["towns"].columns[1] == "镇(街道)" and tables["types"].columns[4] == "破案率%"
    for name, table in tables.items():
        assert to_csv_bytes(table).decode("utf-8-sig").splitlines()[0].split(",")[0] == table.columns[0], name
        assert pd.read_excel(io.BytesIO(to_xlsx_bytes(table))).shape == table.shape, name
