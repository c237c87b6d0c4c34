"""Two replicas of the app on one database, behind the shipped nginx configuration (deploy/nginx/pingan.conf): a
browser stays on one replica through nginx (its websocket included), an upload through one replica is seen through
the other on its next run, and so is a rollback made through the other.

nginx is Debian's (scripts/ensure_chromium_and_fonts.sh --with-nginx installs it); it runs as this user with its
own prefix and a main configuration that includes the shipped file, changed only in its ports."""
from __future__ import annotations

import os
import shutil
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import expect

from lib.data.contracts import INCIDENTS
from lib.data.store import BUNDLED_DATA_DIR
from lib.data.templates import contract_text
from lib.settings import DATABASE_URL_SETTING
from tests.database import fresh_database
from tests.e2e.conftest import ADMIN_PASSWORD, REPO, START_TIMEOUT_S, free_port

pytestmark = pytest.mark.e2e

SHIPPED = REPO / "deploy" / "nginx" / "pingan.conf"
LABEL = "刑事治安案件"  # the overview's count of incidents in the year
REPLICA_HEADER = "x-pingan-replica"


def nginx_binary() -> str:
    found = shutil.which("nginx") or next((p for p in ("/usr/sbin/nginx", "/sbin/nginx") if os.access(p, os.X_OK)), None)
    if not found:
        pytest.fail("no nginx: run scripts/ensure_chromium_and_fonts.sh --with-nginx (installs Debian's nginx)",
                    pytrace=False)
    return found


def site_config(replica_ports: tuple[int, int], listen: int) -> str:
    """The shipped configuration with the replicas' ports and the port to listen on: nothing else changes."""
    text = SHIPPED.read_text(encoding="utf-8")
    for old, new in (("127.0.0.1:8501", f"127.0.0.1:{replica_ports[0]}"), ("127.0.0.1:8502", f"127.0.0.1:{replica_ports[1]}"),
                     ("listen 8080;", f"listen 127.0.0.1:{listen};")):
        assert text.count(old) == 1, f"{SHIPPED} no longer holds {old!r} once"
        text = text.replace(old, new)
    return text


def main_config(prefix: Path) -> str:
    """A main configuration for an nginx run by this user in `prefix` (nothing written outside it)."""
    user = "user root;\n" if os.geteuid() == 0 else ""  # workers as root only when the test runs as root
    temp = "\n".join(f"    {kind}_temp_path {prefix / 'temp' / kind};" for kind in
                     ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    return (f"{user}worker_processes 1;\nerror_log {prefix / 'error.log'} info;\npid {prefix / 'nginx.pid'};\n"
            f"events {{ worker_connections 256; }}\n"
            f"http {{\n    access_log {prefix / 'access.log'};\n{temp}\n    include {prefix / 'pingan.conf'};\n}}\n")


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=1) as response:
            return response.status == 200
    except OSError:
        return False


@pytest.fixture
def start_nginx(tmp_path, shots_dir):
    """Factory: start_nginx(base_a, base_b) -> the base URL of nginx in front of the two replicas."""
    processes: list[subprocess.Popen] = []

    def start(*replicas: str) -> str:
        prefix = tmp_path / "nginx"
        (prefix / "temp").mkdir(parents=True)
        port = free_port()
        ports = tuple(int(base.rsplit(":", 1)[1]) for base in replicas)
        (prefix / "pingan.conf").write_text(site_config(ports, port), encoding="utf-8")
        (prefix / "nginx.conf").write_text(main_config(prefix), encoding="utf-8")
        binary = nginx_binary()
        checked = subprocess.run([binary, "-t", "-p", str(prefix), "-c", str(prefix / "nginx.conf")],
                                 capture_output=True, text=True)
        assert checked.returncode == 0, checked.stderr
        log = open(shots_dir / f"nginx-{port}.log", "w")
        process = subprocess.Popen([binary, "-p", str(prefix), "-c", str(prefix / "nginx.conf"), "-g", "daemon off;"],
                                   stdout=log, stderr=subprocess.STDOUT)
        processes.append(process)
        base = f"http://127.0.0.1:{port}"
        started = time.monotonic()
        while not _answers(base + "/_stcore/health"):  # nginx up and a replica reached through it
            if process.poll() is not None or time.monotonic() - started > START_TIMEOUT_S:
                pytest.fail(f"nginx did not answer: {(prefix / 'error.log').read_text(errors='replace')[-2000:]}",
                            pytrace=False)
            time.sleep(0.2)
        return base

    yield start
    for process in processes:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture
def replicas(start_app, tmp_path):
    """Two app processes on one fresh database holding the demo, with the same sign-in secret."""
    with fresh_database("replicas", BUNDLED_DATA_DIR) as url:
        shared = {DATABASE_URL_SETTING: url, "PINGAN_PASSWORD": ADMIN_PASSWORD,
                  "PINGAN_SESSION_SECRET": "one-secret-for-every-replica", "PINGAN_TRUSTED_PROXIES": "127.0.0.1"}
        yield tuple(start_app({**shared, "PINGAN_WORK_DIR": str(tmp_path / name / "work"),
                               "PINGAN_CACHE_DIR": str(tmp_path / name / "cache")}) for name in ("a", "b"))


def _incidents_value(opened):
    return opened.page.locator("[data-testid='stMetric']").filter(has_text=LABEL).first \
        .locator("[data-testid='stMetricValue']")


def _incidents(opened) -> int:
    return int("".join(ch for ch in _incidents_value(opened).inner_text() if ch.isdigit()))


def _replica_of(opened, base: str) -> str:
    """Which replica nginx sends this browser to (its cookies sent, as the page's own requests send them)."""
    answers = {opened.page.request.get(base + path).headers[REPLICA_HEADER]
               for path in ("/_stcore/health", "/_stcore/host-config", "/data", "/_stcore/health")}
    assert len(answers) == 1, f"one browser was sent to several replicas: {answers}"
    return answers.pop()


def _new_incident_csv(bundle, folder: Path) -> Path:
    row = contract_text(INCIDENTS, bundle["incidents"].head(1)).assign(
        incident_id="AJ2099REPLICA1", reported_at="2020-06-01 10:00", status="reported", solved_on="",
        suspects_caught="0", arrests_approved="0", fugitives_caught="0")
    path = folder / "one-more-incident.csv"
    path.write_bytes(row.to_csv(index=False).encode("utf-8"))
    return path


def test_an_upload_and_a_rollback_through_one_replica_are_seen_through_the_other(replicas, start_nginx, open_page,
                                                                                  bundle, tmp_path):
    proxy = start_nginx(*replicas)
    via_nginx = open_page("/?year=2020", base_url=proxy, password=ADMIN_PASSWORD)
    answered = _replica_of(via_nginx, proxy)
    pinned = next(base for base in replicas if base.endswith(answered.rsplit(":", 1)[1]))
    other = next(base for base in replicas if base != pinned)
    before = _incidents(via_nginx)  # the page ran through nginx: its websocket went through it to one replica

    direct = open_page("/?year=2020", base_url=other, password=ADMIN_PASSWORD)
    assert _incidents(direct) == before  # the other replica has read (and cached) the same version

    # an append through nginx, on the replica this browser is pinned to
    data = via_nginx.page
    data.goto(proxy + "/data?dataset=incidents")
    via_nginx.wait_idle()
    data.get_by_text("追加(如新一个月)").click()
    via_nginx.wait_idle()
    data.locator("[data-testid='stFileUploader'] input[type='file']").set_input_files(
        str(_new_incident_csv(bundle, tmp_path)))
    via_nginx.wait_idle()
    added = data.locator("[data-testid='stMetric']").filter(has_text="新增行")
    expect(added.locator("[data-testid='stMetricValue']")).to_have_text("1")
    data.get_by_role("button", name="确认写入").click()
    via_nginx.wait_idle()
    expect(data.get_by_text("已写入 警情案件")).to_be_visible()
    via_nginx.screenshot("replicas-data-page-after-the-upload")
    assert _replica_of(via_nginx, proxy) == answered  # still the same replica after the upload

    # the other replica sees it on its next run
    shown_before = _incidents_value(direct).inner_text()
    direct.page.reload()
    direct.wait_idle()
    expect(_incidents_value(direct)).not_to_have_text(shown_before)
    assert _incidents(direct) == before + 1
    direct.screenshot("replicas-other-sees-the-upload")

    # a rollback through the other replica, seen through nginx
    direct.page.goto(other + "/data?dataset=incidents")
    direct.wait_idle()
    direct.page.get_by_role("button", name="回退到此版本").click()
    direct.wait_idle()
    expect(direct.page.get_by_text("警情案件 已回退到")).to_be_visible()
    data.goto(proxy + "/?year=2020")
    via_nginx.wait_idle()
    expect(_incidents_value(via_nginx)).to_have_text(shown_before)
    assert _incidents(via_nginx) == before
    via_nginx.screenshot("replicas-nginx-sees-the-rollback")
    assert not via_nginx.page_errors and not direct.page_errors
    assert via_nginx.outside_requests == [] and direct.outside_requests == []
