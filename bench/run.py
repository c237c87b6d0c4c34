"""Time and memory of the dashboard at the demo size and at scale: `python -m bench.run`.

    .venv/bin/python -m bench.run [--sizes demo,1000000] [--out bench/out] [--skip-browser]

Each size is measured in fresh subprocesses (PINGAN_DATA_DIR set), so caches never mix between sizes.
One Markdown row is printed per size as soon as it is done, then the whole table with the budgets
(design.md, "Performance budgets") in the header. Values over budget are marked with " ⚠".
See bench/README.md for what each column means.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
PYTHON = REPO / ".venv" / "bin" / "python"
APP = REPO / "app.py"
DATA_DIR_ENV = "PINGAN_DATA_DIR"  # = lib.data.store.DATA_DIR_ENV; not imported so this process stays light
CACHE_DIR_ENV = "PINGAN_CACHE_DIR"  # = lib.data.snapshot.CACHE_DIR_ENV (the checked-data snapshot)
RESULT_MARK = "BENCH_RESULT "
WARN = " ⚠"

OVERVIEW_BUDGET_MS = 100
RERUN_BUDGET_MS = 500
START_BUDGET_S = 5
MEMORY_GROWTH_BUDGET_MB = 5  # VmRSS growth over 10 identical reruns: "memory does not grow per rerun"

LOAD_RUNS, OVERVIEW_RUNS, RERUNS, MEMORY_RERUNS, YEAR_CHANGES = 3, 20, 10, 20, 3
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
START_TIMEOUT_S = 120
HEADER = ["size", "incidents", "load s", f"overview ms (< {OVERVIEW_BUDGET_MS})", f"rerun ms (< {RERUN_BUDGET_MS})",
          f"memory MB (growth < {MEMORY_GROWTH_BUDGET_MB})", f"start s (< {START_BUDGET_S})"]


# ---------------------------------------------------------------- helpers

def timed(action: Callable[[], Any]) -> float:
    """Seconds one call of `action` takes."""
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def over(value: float, fmt: str, budget: float) -> str:
    """`value` formatted, marked " ⚠" when it is not under its budget."""
    return format(value, fmt) + (WARN if value >= budget else "")


def vm_rss_mb() -> float:
    """Current resident memory of this process (VmRSS in /proc/self/status)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS in /proc/self/status")


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux


def env_for(data_dir: Path, cache_dir: Path | None = None) -> dict[str, str]:
    env = {**os.environ, DATA_DIR_ENV: str(data_dir)}
    if cache_dir is not None:
        env[CACHE_DIR_ENV] = str(cache_dir)
    return env


def emit(result: dict[str, Any]) -> None:
    """A worker's answer to the parent: one marked JSON line on stdout."""
    print(RESULT_MARK + json.dumps(result), flush=True)


def run_worker(kind: str, data_dir: Path, *extra: str) -> dict[str, Any]:
    """Run `python -m bench.run --worker KIND` in a fresh process on `data_dir`; its JSON answer."""
    proc = subprocess.run([str(PYTHON), "-m", "bench.run", "--worker", kind, *extra], cwd=REPO,
                          env=env_for(data_dir), capture_output=True, text=True)
    lines = [line for line in proc.stdout.splitlines() if line.startswith(RESULT_MARK)]
    if proc.returncode != 0 or not lines:
        raise RuntimeError(f"worker {kind} failed on {data_dir} (exit {proc.returncode}):\n{proc.stderr[-4000:]}")
    return json.loads(lines[-1][len(RESULT_MARK):])


# ---------------------------------------------------------------- data folders

def data_dir_for(size: str, out: Path) -> Path:
    """The bundled data/ for "demo"; otherwise out/data-N, generated with N incidents if it has no manifest yet."""
    if size == "demo":
        return REPO / "data"
    count = int(size)
    target = out / f"data-{count}"
    if not (target / "manifest.json").exists():
        print(f"generating {count:,} incidents into {target} ...", file=sys.stderr, flush=True)
        seconds = timed(lambda: subprocess.run(
            [str(PYTHON), "-m", "lib.data.demo", "--out", str(target), "--incidents", str(count)],
            cwd=REPO, check=True))
        print(f"generated {target} in {seconds:.1f} s", flush=True)
    return target


# ---------------------------------------------------------------- measurements (workers run in fresh processes)

def measure_data() -> dict[str, Any]:
    """Columns 1-3: incidents, load_bundle time (cold and median of 3), overview() time for two years."""
    from lib.data.store import FileStore, load_bundle
    from lib.data.home import home_district
    from lib.data.location import data_folder
    from lib.settings import read_settings
    from lib.metrics.overview import available_years, overview

    loads, bundle = [], None
    for _ in range(LOAD_RUNS):
        start = time.perf_counter()
        bundle = load_bundle(FileStore(data_folder(read_settings())))
        loads.append(time.perf_counter() - start)
    assert bundle is not None
    years = available_years(bundle)
    latest, second = years[-1], years[-2]
    district = home_district(bundle, None).adcode
    overview(bundle, latest, district)  # warm-up: first-call costs (imports, lazy pandas paths) are not a filter change

    def median_ms(year: int) -> float:
        return statistics.median(timed(lambda: overview(bundle, year, district)) for _ in range(OVERVIEW_RUNS)) * 1000

    return {"incidents": len(bundle["incidents"]), "load_cold_s": loads[0], "load_s": statistics.median(loads),
            "years": years, "overview_ms": median_ms(latest), "overview_year": latest,
            "overview_change_ms": median_ms(second), "change_year": second}


def measure_app(app: Path, change_years: list[int]) -> dict[str, Any]:
    """Columns 4-5: AppTest reruns of the default page, a year change (the widget, then a link), and memory.

    Every year change starts with st.cache_data cleared, so the page's figures are really recomputed.
    """
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    def run(at: AppTest) -> AppTest:
        at.run()
        if at.exception:
            raise RuntimeError(f"{app} raised: {[e.message for e in at.exception]}")
        return at

    def new_session(year: int | None = None) -> AppTest:
        at = AppTest.from_file(str(app), default_timeout=120)
        if year is not None:
            at.query_params["year"] = str(year)  # a shared link: a new session opening "/?year=..."
        return at

    def change_year(at: AppTest, year: int) -> AppTest:
        at.selectbox(key="year").set_value(year)  # the year filter, bound to the URL's "year"
        run(at)
        if at.selectbox(key="year").value != year:
            raise RuntimeError(f"the year did not change to {year}")
        return at

    at = run(new_session())  # warm-up: loads the data into st.cache_resource
    after_load = peak_rss_mb()
    reruns, rss_at = [], {}
    for n in range(1, MEMORY_RERUNS + 1):
        seconds = timed(lambda: run(at))
        if n <= RERUNS:
            reruns.append(seconds)
        if n in (RERUNS, MEMORY_RERUNS):
            rss_at[n] = vm_rss_mb()
    after_reruns = peak_rss_mb()
    changes, links = [], []
    for year in change_years:
        st.cache_data.clear()
        changes.append(timed(lambda: change_year(at, year)))
    for year in change_years:
        st.cache_data.clear()
        session = new_session(year)
        links.append(timed(lambda: run(session)))
        if session.selectbox(key="year").value != year:
            raise RuntimeError(f"the link ?year={year} did not show {year}")
    return {"rerun_ms": statistics.median(reruns) * 1000, "change_ms": statistics.median(changes) * 1000,
            "link_ms": statistics.median(links) * 1000, "change_years": change_years,
            "peak_after_load_mb": after_load, "peak_after_reruns_mb": after_reruns,
            "growth_mb": rss_at[MEMORY_RERUNS] - rss_at[RERUNS]}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_healthy(base: str, server: subprocess.Popen[bytes], deadline: float) -> None:
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"streamlit exited with {server.returncode} before it answered")
        try:
            with urllib.request.urlopen(f"{base}/_stcore/health", timeout=1) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.05)
    raise TimeoutError(f"{base} not healthy after {START_TIMEOUT_S} s")


def measure_start(app: Path, data_dir: Path, cache_dir: Path) -> float:
    """Column 6: seconds from `streamlit run` starting to the first page drawn (script idle, a metric visible).

    With an empty `cache_dir` the server reads and checks every file (cold); with the snapshot the
    first start left there, it does not (warm: every later start of the same data)."""
    from playwright.sync_api import sync_playwright

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    command = [str(PYTHON), "-m", "streamlit", "run", str(app), "--server.headless", "true", "--server.port",
               str(port), "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"]
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=shutil.which("chromium"), headless=True, args=CHROMIUM_ARGS)
        page = browser.new_page()  # browser start-up is not part of the server's start time
        start = time.monotonic()
        server = subprocess.Popen(command, cwd=app.parent, env=env_for(data_dir, cache_dir),
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            wait_healthy(base, server, start + START_TIMEOUT_S)
            page.goto(base + "/")
            page.wait_for_selector("[data-testid='stMetric']", state="visible", timeout=START_TIMEOUT_S * 1000)
            page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']",
                                   timeout=START_TIMEOUT_S * 1000)
            return time.monotonic() - start
        finally:
            browser.close()
            server.terminate()
            server.wait(timeout=30)


# ---------------------------------------------------------------- one row per size

def measure_size(size: str, out: Path, skip_browser: bool) -> list[str]:
    """One table row: every column for one data size."""
    data_dir = data_dir_for(size, out)
    data = run_worker("data", data_dir)
    change_years = [str(y) for y in reversed(data["years"][:-1])][:YEAR_CHANGES]  # the years before the default
    ui = run_worker("app", data_dir, "--change-years", ",".join(change_years))
    start = "n/a"
    if not skip_browser:
        with tempfile.TemporaryDirectory() as cache_dir:
            cold = measure_start(APP, data_dir, Path(cache_dir))
            warm = measure_start(APP, data_dir, Path(cache_dir))
        start = f"{over(warm, '.2f', START_BUDGET_S)} (cold {over(cold, '.2f', START_BUDGET_S)})"
    return [
        size,
        f"{data['incidents']:,}",
        f"{data['load_s']:.2f} (cold {data['load_cold_s']:.2f})",
        f"{data['overview_year']}: {over(data['overview_ms'], '.1f', OVERVIEW_BUDGET_MS)}"
        f" / {data['change_year']}: {over(data['overview_change_ms'], '.1f', OVERVIEW_BUDGET_MS)}",
        f"{over(ui['rerun_ms'], '.0f', RERUN_BUDGET_MS)} / year: {over(ui['change_ms'], '.0f', RERUN_BUDGET_MS)}"
        f" / link: {over(ui['link_ms'], '.0f', RERUN_BUDGET_MS)}",
        f"{ui['peak_after_load_mb']:.0f} / {ui['peak_after_reruns_mb']:.0f}"
        f" ({over(ui['growth_mb'], '+.1f', MEMORY_GROWTH_BUDGET_MB)})",
        start,
    ]


def table_line(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="demo,1000000", help='comma-separated: "demo" and/or incident counts')
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "out", help="where generated data goes")
    parser.add_argument("--skip-browser", action="store_true", help='no server start measurement ("n/a")')
    parser.add_argument("--worker", choices=["data", "app"], help=argparse.SUPPRESS)  # internal: one measurement
    parser.add_argument("--change-years", default="", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.worker == "data":
        return emit(measure_data())
    if args.worker == "app":
        return emit(measure_app(APP, [int(y) for y in args.change_years.split(",")]))

    rows = []
    for size in args.sizes.split(","):
        rows.append(measure_size(size.strip(), args.out.resolve(), args.skip_browser))
        print(table_line(rows[-1]), flush=True)
    print()
    print(table_line(HEADER))
    print(table_line(["---"] * len(HEADER)))
    for row in rows:
        print(table_line(row))


if __name__ == "__main__":
    main()
