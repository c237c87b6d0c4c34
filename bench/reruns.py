"""Server CPU per filter change on each page, and the patrol map's payload per change: `python -m bench.reruns`.

    .venv/bin/python -m bench.reruns [--data DIR ...]

Each data folder is measured in a fresh subprocess (PINGAN_DATA_DIR set). The page runs in AppTest (the script in
this process), and the CPU of the process (`time.process_time`, every thread) is taken around one rerun after a
filter is changed in its widget: a town on /crime and /patrol, the year on the overview. The scripts are compiled
once, as a server does (bench/apptest.py). Each value is the median
over several values never chosen before in the session, so the figures of the new filter state are really computed
(cached ones are not reused).

The map payload is what the browser receives for the patrol map after a change: Streamlit sends an element whose
bytes equal those of the previous run as a reference to the browser's copy (its ForwardMsg cache), so the payload
is 0 when the map's element is unchanged, else its size.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
MARK = "RERUNS_BENCH "
CRIME_TOWNS = ("511402001", "511402100", "511402003", "511402112", "511402105")
PATROL_TOWNS = ("511402001", "511402100", "511402003")
BUDGET_MS = {"crime": 120, "patrol": 250, "overview": 200}
OTHER_PAGES = ("views/satisfaction.py", "views/mediation.py")  # the data page needs a sign-in, and reads no figures


def cpu_ms(action: Callable[[], object]) -> float:
    start = time.process_time()
    action()
    return (time.process_time() - start) * 1000


def map_bytes(app) -> bytes:
    """The serialized element of the patrol map (the streamlit-folium component) in the last run."""
    from streamlit.proto.Components_pb2 import ComponentInstance

    def walk(node):
        proto = getattr(node, "proto", None)
        if isinstance(proto, ComponentInstance):
            yield proto
        for child in getattr(node, "children", {}).values():
            yield from walk(child)

    found = [p for p in walk(app._tree) if "folium" in p.component_name]
    return found[0].SerializeToString(deterministic=True) if found else b""


def worker() -> dict:
    from bench.apptest import AppTest, compiled_once

    compiled_once()

    def open_page(script: str | None) -> AppTest:
        app = AppTest.from_file(str(REPO / "app.py"), default_timeout=600)
        if script:
            app.switch_page(script)
        app.run()
        assert not app.exception, [e.value for e in app.exception]
        return app

    result: dict[str, object] = {}
    crime = open_page("views/crime.py")
    result["crime_same_ms"] = statistics.median(cpu_ms(crime.run) for _ in range(3))
    changes = []
    for town in CRIME_TOWNS:
        crime.multiselect(key="town").set_value([town])
        changes.append(cpu_ms(crime.run))
    result["crime_town_ms"] = statistics.median(changes)

    patrol = open_page("views/patrol.py")
    before = map_bytes(patrol)
    same = cpu_ms(patrol.run)
    after = map_bytes(patrol)
    result["patrol_same_ms"] = same
    result["map_same_bytes"] = 0 if after == before else len(after)
    changes, payloads = [], []
    for town in PATROL_TOWNS:
        patrol.multiselect(key="town").set_value([town])
        before = map_bytes(patrol)
        changes.append(cpu_ms(patrol.run))
        after = map_bytes(patrol)
        payloads.append(0 if after == before else len(after))
    result["patrol_town_ms"] = statistics.median(changes)
    result["map_town_bytes"] = statistics.median(payloads)

    overview = open_page(None)
    years = [o for o in overview.selectbox(key="year").options][::-1][1:4]
    changes = []
    for year in years:
        overview.selectbox(key="year").set_value(int(year) if str(year).isdigit() else year)
        changes.append(cpu_ms(overview.run))
    assert not overview.exception, [e.value for e in overview.exception]
    result["overview_year_ms"] = statistics.median(changes)
    for script in OTHER_PAGES:  # every page served once: the memory below is that of a process serving them all
        open_page(script)
    result["rss_mb"] = resident_mb()
    result["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return result


def resident_mb() -> float:
    """The process's resident memory now (VmRSS), in MB."""
    status = Path("/proc/self/status").read_text().splitlines()
    return next(int(line.split()[1]) for line in status if line.startswith("VmRSS:")) / 1024


def measure(data_dir: Path | None = None, database_url: str | None = None) -> dict:
    """Every measure of one data folder, or of the one county of a database, in a fresh process (its own caches)."""
    env = {key: value for key, value in os.environ.items()
           if key not in ("PINGAN_CACHE_DIR", "PINGAN_DATA_DIR", "PINGAN_DATABASE_URL")}
    env.update({"PINGAN_DATABASE_URL": database_url} if database_url else {"PINGAN_DATA_DIR": str(data_dir)})
    with tempfile.TemporaryDirectory() as cache:  # the first open reads and checks the files: no old snapshot
        out = subprocess.run([sys.executable, "-m", "bench.reruns", "--worker"], cwd=REPO,
                             env={**env, "PINGAN_CACHE_DIR": cache}, capture_output=True, text=True)
    if out.returncode:
        sys.exit(out.stderr[-3000:])
    return json.loads(next(line for line in out.stdout.splitlines() if line.startswith(MARK))[len(MARK):])


def row(name: str, r: dict) -> str:
    def mark(key: str, page: str) -> str:
        return f"{r[key]:,.0f}" + (" ⚠" if r[key] >= BUDGET_MS[page] else "")
    return (f"| {name} | {mark('crime_town_ms', 'crime')} | {mark('patrol_town_ms', 'patrol')} | "
            f"{mark('overview_year_ms', 'overview')} | {r['map_town_bytes'] / 1e3:,.0f} kB / {r['map_same_bytes'] / 1e3:,.0f} kB |")


HEADER = ("| data | /crime town change, CPU ms (< 120 at 1M) | /patrol town change, CPU ms (< 250 at 1M) "
          "| / year change, CPU ms (< 200 at 10M) | patrol map payload: town change / map unchanged (0) |\n"
          "| --- | --- | --- | --- | --- |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", action="append", help="a data folder (repeatable); default: the bundled data/")
    ap.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        print(MARK + json.dumps(worker()), flush=True)
        return
    lines = [HEADER]
    for data_dir in [Path(d).resolve() for d in (args.data or [REPO / "data"])]:
        result = measure(data_dir)
        lines.append(row(data_dir.name, result))
        print(lines[-1], json.dumps(result), flush=True)
    print("\n" + "\n".join(lines))


if __name__ == "__main__":
    main()
