"""Public mode (PINGAN_PUBLIC) through AppTest: every page says so, small counts read "<3", the record-level
download and list are gone, and no URL parameter turns it off. Each test also opens the same view without
public mode and checks the real figure is a small one, so the "<3" is proven to hide it.

The cached figures do not depend on public mode (masking happens when a figure is shown), so the shared
caches of one test process cannot carry one mode's figures into the other."""
import pytest

from apptest import metric_values, open_app

from lib.i18n import t
from lib.page_registry import PAGES
from lib.settings import SettingsError, read_settings

CRIME_SMALL = {"crime_type": "homicide", "town": "511402111", "period": "2020-01-01~2020-12-31"}  # 2 homicides
MEDIATION_SMALL = {"dispute_type": "medical", "town": "511402101", "period": "2020-01-01~2020-12-31"}  # 2 disputes
PATROL_SMALL = {"town": "511402101", "period": "2020-01-01~2020-12-31"}  # 2 stops, 0 fugitives caught
TAMPERING = [{"public": "0"}, {"public": "off"}, {"mode": "internal"}, {"present": "0"}, {"public": "false"}]


@pytest.fixture
def public(monkeypatch):
    monkeypatch.setenv("PINGAN_PUBLIC", "1")


@pytest.fixture
def internal(monkeypatch):
    monkeypatch.delenv("PINGAN_PUBLIC", raising=False)


def has_public_badge(app) -> bool:
    return any(t("pub.caption", "zh") == c.value for c in app.caption)


def table_text(app) -> str:
    return "\n".join(frame.value.to_string() for frame in app.dataframe)


def test_overview_masks_the_small_crackdown_counts(internal, monkeypatch):
    shown = metric_values(open_app(None, year="2020"))
    assert shown[t("ov.gang_cases_judged", "zh")] == "2件"
    assert shown[t("ov.cold_case_fugitives", "zh")] == "2名"
    monkeypatch.setenv("PINGAN_PUBLIC", "yes")
    app = open_app(None, year="2020")
    cards = {m.label: m for m in app.metric}
    assert cards[t("ov.gang_cases_judged", "zh")].value == "<3件"
    assert cards[t("ov.gang_cases_judged", "zh")].delta in ("", None)  # 2 against 3: no change shown
    assert cards[t("ov.cold_case_fugitives", "zh")].value == "<3名"
    assert cards[t("ov.gang_assets_yuan", "zh")].value == "—"  # the sum over 2 judged cases
    assert cards[t("ov.incidents", "zh")].value == shown[t("ov.incidents", "zh")]  # large counts unchanged
    assert has_public_badge(app)


def test_crime_page_masks_two_homicides_and_offers_no_records(internal, monkeypatch):
    app = open_app("views/crime.py", **CRIME_SMALL)
    assert metric_values(app)["案件数"] == "2起"
    assert app.toggle(key="crime_records_prepare") is not None
    monkeypatch.setenv("PINGAN_PUBLIC", "1")
    app = open_app("views/crime.py", **CRIME_SMALL)
    shown = metric_values(app)
    assert shown["案件数"] == "<3起"
    assert shown["每万人案件数"] == "—" and shown["破案率"] == "—" and shown["损失金额"] == "—"
    compstat = app.dataframe[0].value
    assert "<3" in set(compstat.iloc[:, 3]) and "2" not in set(compstat.iloc[:, 3].astype(str))
    assert not [w for w in app.toggle if w.key == "crime_records_prepare"]
    assert any(t("pub.records_off", "zh") == c.value for c in app.caption)
    assert has_public_badge(app)


def test_mediation_page_masks_two_disputes_and_lists_none(internal, monkeypatch):
    app = open_app("views/mediation.py", **MEDIATION_SMALL)
    assert metric_values(app)[t("med.kpi_screened", "zh")] == "2件"
    monkeypatch.setenv("PINGAN_PUBLIC", "1")
    app = open_app("views/mediation.py", **MEDIATION_SMALL)
    shown = metric_values(app)
    assert shown[t("med.kpi_screened", "zh")] == "<3件"
    assert shown[t("med.kpi_rate", "zh")] == "—"
    assert "<3" in table_text(app)
    assert has_public_badge(app)


def test_mediation_page_in_public_mode_has_no_dispute_list(public):
    app = open_app("views/mediation.py", period="2020-01-01~2020-12-31")
    assert not any("dispute_id" in frame.value.columns or "纠纷编号" in frame.value.columns for frame in app.dataframe)
    assert any(t("pub.overdue_list_off", "zh") == c.value for c in app.caption)


def test_patrol_page_masks_small_results(internal, monkeypatch):
    shown = metric_values(open_app("views/patrol.py", **PATROL_SMALL))
    assert shown["巡逻制止违法犯罪"] == "2起" and shown["巡逻抓获逃犯"] == "0名"
    monkeypatch.setenv("PINGAN_PUBLIC", "1")
    app = open_app("views/patrol.py", **PATROL_SMALL)
    shown = metric_values(app)
    assert shown["巡逻制止违法犯罪"] == "<3起" and shown["巡逻抓获逃犯"] == "<3名"
    assert any(t("pub.map_note", "zh") == c.value for c in app.caption)
    assert has_public_badge(app)


def test_satisfaction_page_carries_the_badge(public):
    assert has_public_badge(open_app("views/satisfaction.py"))


@pytest.mark.parametrize("params", TAMPERING)
def test_no_url_parameter_turns_public_mode_off(public, params):
    app = open_app("views/crime.py", **CRIME_SMALL, **params)
    assert metric_values(app)["案件数"] == "<3起"
    assert has_public_badge(app)


@pytest.mark.parametrize("value", ["1", "on", "TRUE", "Yes"])
def test_public_mode_values(value):
    assert read_settings({"PINGAN_PUBLIC": value}, secrets=dict).public


@pytest.mark.parametrize("value", ["0", "off", "", " "])
def test_values_that_leave_public_mode_off(value):
    assert not read_settings({"PINGAN_PUBLIC": value}, secrets=dict).public


@pytest.mark.parametrize("value", ["internal", "maybe", "2"])
def test_a_value_that_is_neither_stops_the_app_with_a_message_naming_it(monkeypatch, value):
    with pytest.raises(SettingsError) as refused:
        read_settings({"PINGAN_PUBLIC": value}, secrets=dict)
    assert "PINGAN_PUBLIC" in refused.value.message("zh") and value in refused.value.message("en")
    monkeypatch.setenv("PINGAN_PUBLIC", value)
    app = open_app(None)
    assert "PINGAN_PUBLIC" in app.error[0].value and not app.title  # no page runs on a misconfigured deployment


def test_public_mode_removes_data_management_and_uploads():
    data_page = next(spec for spec in PAGES if spec.manages_data)
    both = read_settings({"PINGAN_PASSWORD": "secret", "PINGAN_PUBLIC": "1"}, secrets=dict)  # even behind a password
    assert not both.data_management
    internal = read_settings({"PINGAN_PASSWORD": "secret", "PINGAN_PUBLIC": "0"}, secrets=dict)
    assert internal.data_management and internal.uploads and data_page.manages_data
