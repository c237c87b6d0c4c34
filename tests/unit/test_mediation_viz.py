"""The mediation page's texts, charts and export table (lib.viz.mediation)."""
from datetime import date

import pandas as pd
import pytest

from lib.audience import Audience
from lib.export import to_csv_bytes, to_xlsx_bytes
from lib.headline import Versus, change_text
from lib.measures import measure
from lib.metrics.mediation_detail import CloseTimes, Quarter, channel_rates
from lib.metrics.periods import Change
from lib.viz import mediation as viz

YEAR_2020 = (date(2020, 1, 1), date(2020, 12, 31))
SPRING = (date(2021, 1, 1), date(2021, 3, 11))
ZH, EN = Audience.internal("zh"), Audience.internal("en")


@pytest.mark.parametrize("change,kind,audience,expected", [
    (Change(2780, 3278), "pct", ZH, "-15.2% 较2019年"),
    (Change(2780, 3278), "pct", EN, "-15.2% vs 2019"),
    (Change(3, 0), "pct", ZH, "新增(2019年为0)"),
    (Change(0, 0), "pct", EN, "±0 vs 2019"),
    (Change(80.07, 79.95), "points", ZH, "+0.1个百分点 较2019年"),
    (Change(81.5, 80.0), "points", ZH, "+1.5个百分点 较2019年"),
    (Change(14.0, 14.0), "days", ZH, "±0天 较2019年"),
    (Change(31.0, 51.7), "days", EN, "-20.7 days vs 2019"),
    (Change(5, None), "pct", ZH, None),
])
def test_change_text_for_a_calendar_year(change, kind, audience, expected):
    versus = Versus.of_period(*YEAR_2020)
    assert versus == Versus(2019)
    assert change_text(change, versus, audience, kind=kind) == expected


def test_change_text_for_another_period_names_the_same_dates_a_year_earlier():
    versus = Versus.of_period(*SPRING)
    assert versus == Versus()
    assert change_text(Change(94, 144), versus, ZH) == "-34.7% 较上年同期"
    assert change_text(Change(3, 0), versus, ZH) == "新增(上年同期为0)"
    assert viz.period_text(*SPRING, "en") == "2021-01-01 to 2021-03-11"
    assert viz.period_text(*YEAR_2020, "zh") == "2020年"


def _close_card(now: CloseTimes, before: CloseTimes, audience: Audience, attribute: str = "median_days"):
    days = measure("close_days", "days", audience)
    return viz.close_kpi(days, now, before, attribute, audience, Versus(2019))


def test_days_and_quarters():
    assert _close_card(CloseTimes(5, 0, 0.0, 0.0), CloseTimes(5, 0, 0.0, 0.0), ZH).value == "0天"
    assert _close_card(CloseTimes(5, 0, 14.5, 20.0), CloseTimes(5, 0, 14.5, 20.0), EN).value == "14.5 days"
    assert viz.quarter_label(Quarter(2020, 3, date(2020, 9, 30)), "zh") == "2020年第3季度"
    no_close = CloseTimes(0, 2, None, None)
    assert viz.close_change(no_close, CloseTimes(3, 0, 10.0, 20.0), "median_days").previous is None
    card = _close_card(no_close, CloseTimes(3, 0, 10.0, 20.0), ZH)
    assert (card.value, card.delta) == ("—", None)  # nothing of the period closed yet: no days, no change
    card = _close_card(CloseTimes(9, 0, 14.0, 37.0), CloseTimes(9, 0, 14.0, 40.0), ZH, "p90_days")
    assert (card.value, card.delta, card.good) == ("37天", "-3天 较2019年", "down")
    public = Audience.public_copy("zh")  # over 2 closed disputes the days are withheld
    card = _close_card(CloseTimes(2, 0, 14.0, 37.0), CloseTimes(9, 0, 10.0, 20.0), public)
    assert (card.value, card.delta) == ("—", None)


def _channel_frame() -> pd.DataFrame:
    disputes = pd.DataFrame({
        "received_on": pd.to_datetime(["2020-01-01"] * 5),
        "channel": ["individual_room", "individual_room", "police_mediation", "police_mediation", "police_mediation"],
        "outcome": ["settled", "failed", "settled", "settled", "open"],
    })
    return channel_rates(disputes, *YEAR_2020)


def test_channel_figure_shows_each_base_and_interval():
    channels = _channel_frame()  # police 2/3, individual room 1/2 (code-list order: police first)
    fig = viz.channel_figure(channels, ZH)
    bar = fig.data[0]
    assert list(bar.y) == ["公调对接<br>受理3件", "个人调解室<br>受理2件"]
    assert list(bar.customdata) == ["police_mediation", "individual_room"]
    assert bar.text[0] == "66.7%(2/3)"
    assert list(bar.error_x.array) == pytest.approx(list(channels["ci_high"] - channels["rate"]))
    assert list(bar.error_x.arrayminus) == pytest.approx(list(channels["rate"] - channels["ci_low"]))


def test_channel_table_in_english():
    table = viz.channel_table(_channel_frame(), EN)
    assert list(table.columns) == ["Channel", "Received", "Settled", "Not settled", "Open", "Success rate", "95% interval"]
    assert table.iloc[1].tolist()[:6] == ["Individual mediation rooms", 2, 1, 1, 0, "50.00%"]


def test_town_figure_sorts_by_rate_and_labels_counts():
    by_town = pd.DataFrame({"town_code": ["1", "2"], "population": [20_000, 5_000], "received": [2, 2],
                            "prev_received": [1, 1], "per_10k": [1.0, 4.0], "prev_per_10k": [0.5, 2.0]})
    bar = viz.town_figure(by_town, {"1": "通惠街道", "2": "<b>太和镇</b>"}, ZH).data[0]
    assert list(bar.y) == ["&lt;b&gt;太和镇&lt;/b&gt;", "通惠街道"] and list(bar.customdata) == ["2", "1"]  # shown as text
    assert list(bar.text) == ["4.0(2件)", "1.0(2件)"]


def _listing() -> pd.DataFrame:
    return pd.DataFrame({
        "quarter": ["2020Q1"], "as_at": pd.to_datetime(["2020-03-31"]), "town_code": ["511402001"],
        "dispute_id": ["=HYPERLINK(1)"], "dispute_type": ["neighbour"], "channel": ["pretrial_delegated"],
        "received_on": pd.to_datetime(["2020-03-01"]), "due_on": pd.to_datetime(["2020-03-20"]), "days_overdue": [11],
        "closed_on": pd.to_datetime([None]), "outcome": ["open"],
    })


def test_overdue_export_has_chinese_headers_and_labels():
    frame = viz.overdue_export(_listing(), [Quarter(2020, 1, date(2020, 3, 31))], {"511402001": "通惠街道"}, ZH)
    assert list(frame.columns) == ["季度", "清单截至", "镇(街道)代码", "镇(街道)", "纠纷编号", "纠纷类别", "纠纷类别代码",
                                   "化解渠道", "化解渠道代码", "受理日期", "化解时限", "超期天数", "办结日期",
                                   "目前调处结果", "调处结果代码"]
    first = frame.iloc[0].tolist()
    assert first[:10] == ["2020年第1季度", "2020-03-31", "511402001", "通惠街道", "=HYPERLINK(1)", "邻里纠纷",
                          "neighbour", "诉前委派", "pretrial_delegated", "2020-03-01"]
    assert first[10:13] == ["2020-03-20", 11, ""] and first[13] == "办理中"
    csv = to_csv_bytes(frame).decode("utf-8-sig")
    assert csv.splitlines()[0].startswith("季度,清单截至,镇(街道)代码")
    assert "'=HYPERLINK(1)" in csv  # inert in a spreadsheet
    assert to_xlsx_bytes(frame)[:2] == b"PK"


def test_overdue_counts_table_has_a_total_row():
    counts = pd.DataFrame({"2020Q1": [1, 2], "2020Q2": [0, 3]}, index=pd.Index(["1", "2"], name="town_code"))
    quarters = [Quarter(2020, 1, date(2020, 3, 31)), Quarter(2020, 2, date(2020, 6, 30))]
    table = viz.overdue_counts_table(counts, quarters, {"1": "A", "2": "B"}, EN)
    assert list(table.columns) == ["Town", "2020 Q1", "2020 Q2"]
    assert table.iloc[-1].tolist() == ["Total", 3, 3]


def test_the_public_copy_masks_small_counts_and_has_no_dispute_list():
    public = Audience.public_copy("en")
    table = viz.channel_table(_channel_frame(), public)  # police 2 of 3 settled, individual room 1 of 2
    # 3 received by the police is withheld too: with the total of 5 shown elsewhere it would give the 2
    assert table.iloc[0].tolist()[1:] == ["—", "<3", "<3", "<3", "—", "—"]
    assert table.iloc[1].tolist()[1:] == ["<3", "<3", "<3", "<3", "—", "—"]
    bar = viz.channel_figure(_channel_frame(), public).data[0]
    assert list(bar.x) == [None, None]
    with pytest.raises(PermissionError):
        viz.overdue_export(_listing(), [Quarter(2020, 1, date(2020, 3, 31))], {"511402001": "通惠街道"}, public)
