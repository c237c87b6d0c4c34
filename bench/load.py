"""The first load beside DuckDB, and the warm start: `python -m bench.load [--data DIR ...] [--skip-browser]`.

For each data folder, interleaved in fresh subprocesses (project, DuckDB, project, DuckDB, ...):

- project: `load_bundle(FileStore(dir))`, every file read and checked by its contract (what a cold start does);
- DuckDB: every file of the same folder read into a table (types found by the reader; the boundaries' GeoJSON by
  its own reader, into a geometry column), then the same contract's column checks as SQL aggregates (missing values
  where none may be, codes outside their list, unique columns repeated, numbers below zero where the contract has a
  minimum);

and prints CPU seconds (`time.process_time` of the subprocess, every thread) and peak memory (maxrss above the
resident memory after imports) of each, with project ÷ DuckDB. The median of the runs is kept.

Warm start: the checked-data snapshot read back (`load_bundle_cached` with the snapshot the cold load left), CPU s;
with the browser, also seconds from `streamlit run` to the overview drawn in headless chromium (bench/run.py).

`--warm-only [--cache DIR] [--runs N]`: only the warm start to the first page, N times (default 5), printing each
and the median. The snapshot is kept in DIR (made there by one cold load when DIR has none for this data and code),
so repeated calls skip the ten-million-incident cold load.
"""
from __future__ import annotations

import argparse
import importlib
import importlib.util
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
MARK = "LOAD_BENCH "
RUNS = 3  # the median of three: one busy moment of the machine does not move it


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def project_worker(data_dir: str) -> dict:
    importlib.import_module("pandera.pandas")  # the app imports it at the first check: outside the timing, as duckdb
    if importlib.util.find_spec("hypothesis"):  # pandera imports it at its first schema where installed: a test-only
        importlib.import_module("hypothesis")  # package (requirements-dev.txt) a server does not have (0.1 s)
    from lib.data.store import FileStore, load_bundle

    base = _rss_mb()
    start = time.process_time()
    bundle = load_bundle(FileStore(Path(data_dir)))
    cpu = time.process_time() - start
    return {"cpu_s": cpu, "peak_mb": _peak_mb() - base, "rows": len(bundle["incidents"])}


def duckdb_checks(spec) -> list[str]:
    """The contract's column checks of one table as SQL aggregates (a count of offending rows per check)."""
    checks = []
    for col in spec.columns:
        name = f'"{col.name}"'
        if not col.nullable:
            checks.append(f"count(*) FILTER (WHERE {name} IS NULL)")
        if col.allowed():
            allowed = ", ".join("'" + code.replace("'", "''") + "'" for code in col.allowed())
            checks.append(f"count(*) FILTER (WHERE {name} IS NOT NULL AND CAST({name} AS VARCHAR) NOT IN ({allowed}))")
        if col.unique:
            checks.append(f"count({name}) - count(DISTINCT {name})")
        if col.kind in ("int", "float"):
            checks.append(f"count(*) FILTER (WHERE {name} < 0)")
    return checks


def duckdb_worker(data_dir: str) -> dict:
    import duckdb

    from lib.data.contracts import DATASETS

    base = _rss_mb()
    start = time.process_time()
    con = duckdb.connect()
    rows = 0
    for spec in DATASETS:
        path = Path(data_dir) / spec.file
        if not path.exists() and spec.former_file:
            path = Path(data_dir) / spec.former_file
        reader = f"read_json('{path}')" if spec.geometry else f"read_csv('{path}', header = true)"
        con.execute(f"CREATE TABLE \"{spec.name}\" AS SELECT * FROM {reader}")
        checks = duckdb_checks(spec)
        if checks:
            con.execute(f"SELECT {', '.join(checks)} FROM \"{spec.name}\"").fetchall()
        if spec.name == "incidents":
            rows = con.execute('SELECT count(*) FROM "incidents"').fetchone()[0]
    cpu = time.process_time() - start
    return {"cpu_s": cpu, "peak_mb": _peak_mb() - base, "rows": rows}


def warm_worker(data_dir: str, cache_dir: str) -> dict:
    from lib.data.snapshot import load_bundle_cached

    start_wall, start = time.perf_counter(), time.process_time()
    load_bundle_cached(Path(data_dir), Path(cache_dir))
    return {"cpu_s": time.process_time() - start, "wall_s": time.perf_counter() - start_wall}


def run(kind: str, *args: str) -> dict:
    out = subprocess.run([sys.executable, "-m", "bench.load", "--worker", kind, *args], cwd=REPO,
                         capture_output=True, text=True)
    if out.returncode:
        sys.exit(out.stderr[-3000:])
    return json.loads(next(line for line in out.stdout.splitlines() if line.startswith(MARK))[len(MARK):])


def measure(data_dir: Path, browser: bool) -> dict:
    project, duck = [], []
    for _ in range(RUNS):  # interleaved: a busy moment of the shared machine falls on both
        project.append(run("project", str(data_dir)))
        duck.append(run("duckdb", str(data_dir)))
    result = {key: statistics.median(r[field] for r in runs)
              for key, runs, field in [("cpu_s", project, "cpu_s"), ("peak_mb", project, "peak_mb"),
                                       ("duck_cpu_s", duck, "cpu_s"), ("duck_peak_mb", duck, "peak_mb")]}
    result["rows"] = project[0]["rows"]
    with tempfile.TemporaryDirectory() as cache:
        run("warm", str(data_dir), cache)  # leaves the snapshot (the cold start's)
        warm = [run("warm", str(data_dir), cache) for _ in range(RUNS)]
        result["warm_cpu_s"] = statistics.median(w["cpu_s"] for w in warm)
        result["start_s"] = None
        if browser:
            from bench import run as bench_run
            bench_run.PYTHON = Path(sys.executable)
            result["start_s"] = bench_run.measure_start(REPO / "app.py", data_dir, Path(cache))
    return result


def warm_starts(data_dir: Path, cache: Path, runs: int) -> list[float]:
    """Seconds from `streamlit run` to the first page drawn, `runs` times, with the snapshot in `cache`."""
    from bench import run as bench_run
    from lib.data.snapshot import snapshot_path

    if not snapshot_path(data_dir, cache).exists():
        run("warm", str(data_dir), str(cache))  # the cold load that leaves the snapshot
    bench_run.PYTHON = Path(sys.executable)
    return [bench_run.measure_start(REPO / "app.py", data_dir, cache) for _ in range(runs)]


def warm_only(data_dirs: list[Path], cache: str | None, runs: int) -> None:
    for data_dir in data_dirs:
        with tempfile.TemporaryDirectory() as scratch:
            folder = Path(cache) if cache else Path(scratch)
            folder.mkdir(parents=True, exist_ok=True)
            starts = warm_starts(data_dir, folder, runs)
        shown = ", ".join(f"{s:.2f}" for s in starts)
        print(f"{data_dir.name}: warm start to first page, s: median {statistics.median(starts):.2f} ({shown})",
              flush=True)


HEADER = ("| data | incidents | cold load CPU s: project / DuckDB (ratio ≤ 1.0) | cold load peak MB: project / DuckDB "
          "(ratio ≤ 1.5) | warm: snapshot read CPU s | warm start to first page, s (< 5) |\n"
          "| --- | --- | --- | --- | --- | --- |")


def row(name: str, r: dict) -> str:
    cpu_ratio = r["cpu_s"] / r["duck_cpu_s"]
    mem_ratio = r["peak_mb"] / max(r["duck_peak_mb"], 1.0)
    start = "n/a" if r["start_s"] is None else f"{r['start_s']:.1f}" + (" ⚠" if r["start_s"] >= 5 else "")
    return (f"| {name} | {r['rows']:,} | {r['cpu_s']:.2f} / {r['duck_cpu_s']:.2f} = {cpu_ratio:.1f}×"
            f"{' ⚠' if cpu_ratio > 1.0 else ''} | {r['peak_mb']:,.0f} / {r['duck_peak_mb']:,.0f} = {mem_ratio:.1f}×"
            f"{' ⚠' if mem_ratio > 1.5 else ''} | {r['warm_cpu_s']:.2f} | {start} |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", action="append", help="a data folder (repeatable); default: the bundled data/")
    ap.add_argument("--skip-browser", action="store_true", help="no streamlit start in chromium")
    ap.add_argument("--warm-only", action="store_true", help="only the warm start to the first page, --runs times")
    ap.add_argument("--cache", help="with --warm-only: the snapshot folder to reuse (default: a temporary one)")
    ap.add_argument("--runs", type=int, default=5, help="with --warm-only: how many starts (default 5)")
    ap.add_argument("--worker", nargs="+", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        kind, *rest = args.worker
        worker = {"project": project_worker, "duckdb": duckdb_worker, "warm": warm_worker}[kind]
        print(MARK + json.dumps(worker(*rest)), flush=True)
        return
    data_dirs = [Path(d).resolve() for d in (args.data or [REPO / "data"])]
    if args.warm_only:
        warm_only(data_dirs, args.cache, args.runs)
        return
    lines = [HEADER]
    for data_dir in data_dirs:
        lines.append(row(data_dir.name, measure(data_dir, not args.skip_browser)))
        print(lines[-1], flush=True)
    print("\n" + "\n".join(lines))


if __name__ == "__main__":
    main()
