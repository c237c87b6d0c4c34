"""Speed of the patrol coverage page at the demo size and at 1,000,000 incidents: `python -m bench.patrol`.

    .venv/bin/python -m bench.patrol [--data DIR ...]

Without --data: the bundled data/ and bench/out/data-1000000 (generated with the demo generator into
/tmp/data-1m when that folder is missing). Each data folder is measured in a fresh subprocess.
Columns: base s (routes sampled, incidents projected; once per data folder), coverage ms (patrol_figures,
median over 3 filter states, uncached), payload (the map's HTML+JS as streamlit-folium sends it; budget 2 MB),
rerun ms via AppTest (median of 5 reruns of a session; then a filter change: shift set to night).
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
MARK = "PATROL_BENCH "
PAYLOAD_BUDGET = 2_000_000
RERUN_BUDGET_MS = 500


def _ms(action) -> float:
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


def worker(data_dir: str) -> dict:
    from streamlit.testing.v1 import AppTest
    from streamlit_folium import _get_header, _get_html, _get_map_string

    from lib.data.incident_points import bundle_points
    from lib.data.store import FileStore, load_bundle
    from lib.metrics.patrol_view import PatrolFilters, build_base, patrol_figures, post_reach
    from lib.viz.basemap import TileConfig
    from lib.audience import Audience
    from lib.viz.offline_assets import localize
    from lib.viz.patrol_map import patrol_map

    bundle = load_bundle(FileStore(data_dir))
    start = time.perf_counter()
    base = build_base(bundle, bundle_points(bundle))
    reach = post_reach(base, 10)
    base_s = time.perf_counter() - start
    year = (date(2020, 1, 1), date(2020, 12, 31))
    states = [PatrolFilters(*year), PatrolFilters(*year, shift="night", towns=("511402003",)), PatrolFilters(*year, dosage_min=30, cell_m=250)]
    coverage = [_ms(lambda f=f: patrol_figures(bundle, base, reach, f)) for f in states]
    payloads = []
    for f in states[:2]:
        fig = patrol_figures(bundle, base, reach, f)
        m = localize(patrol_map(fig, bundle["towns"], bundle["villages"], bundle["posts"], bundle["patrol_sessions"], reach,
                                Audience.internal("zh"), TileConfig()), "/app/static/vendor")
        payloads.append(len((_get_map_string(m) + _get_header(m) + _get_html(m)).encode()))

    app = AppTest.from_file(str(REPO / "app.py"), default_timeout=300)
    app.switch_page("views/patrol.py")
    first = _ms(app.run)
    reruns = statistics.median(_ms(app.run) for _ in range(5))
    app.selectbox(key="shift").set_value("night")
    changed = _ms(app.run)
    assert not app.exception, [e.value for e in app.exception]
    return {"incidents": len(bundle["incidents"]), "base_s": base_s, "coverage_ms": statistics.median(coverage),
            "coverage_max_ms": max(coverage), "payload": payloads, "first_ms": first, "rerun_ms": reruns, "changed_ms": changed}


def default_dirs() -> list[Path]:
    big = REPO / "bench" / "out" / "data-1000000"
    if not (big / "manifest.json").exists():
        big = Path("/tmp/data-1m")
        if not (big / "manifest.json").exists():
            subprocess.run([sys.executable, "-m", "lib.data.demo", "--out", str(big), "--incidents", "1000000"], cwd=REPO, check=True)
    return [REPO / "data", big]


def row(name: str, r: dict) -> str:
    payload = " / ".join(f"{p / 1e6:.2f} MB" + (" ⚠" if p >= PAYLOAD_BUDGET else "") for p in r["payload"])
    rerun = f"{r['rerun_ms']:.0f}" + (" ⚠" if r["rerun_ms"] >= RERUN_BUDGET_MS else "")
    changed = f"{r['changed_ms']:.0f}" + (" ⚠" if r["changed_ms"] >= RERUN_BUDGET_MS else "")
    return (f"| {name} | {r['incidents']:,} | {r['base_s']:.2f} | {r['coverage_ms']:.0f} (max {r['coverage_max_ms']:.0f}) | "
            f"{payload} | {r['first_ms']:.0f} | {rerun} | {changed} |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", action="append", help="a data folder (repeatable); default: data/ and 1,000,000 incidents")
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        print(MARK + json.dumps(worker(args.worker)), flush=True)
        return
    dirs = [Path(d) for d in args.data] if args.data else default_dirs()
    lines = ["| data | incidents | base s (once) | coverage ms (uncached) | map payload: district / night Suci (< 2 MB) "
             f"| first run ms | rerun ms (< {RERUN_BUDGET_MS}) | filter change ms (< {RERUN_BUDGET_MS}) |",
             "| --- | --- | --- | --- | --- | --- | --- | --- |"]
    for data_dir in dirs:
        env = {**os.environ, "PINGAN_DATA_DIR": str(data_dir)}
        out = subprocess.run([sys.executable, "-m", "bench.patrol", "--worker", str(data_dir)], cwd=REPO, env=env,
                             capture_output=True, text=True, check=True).stdout
        result = json.loads(next(line for line in out.splitlines() if line.startswith(MARK))[len(MARK):])
        lines.append(row(data_dir.name, result))
        print(lines[-1], flush=True)
    print("\n" + "\n".join(lines))


if __name__ == "__main__":
    main()
