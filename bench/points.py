"""What the patrol page holds per incident, and reading it from PostgreSQL: `python -m bench.points [--data DIR ...]`.

    .venv/bin/python -m bench.points [--data DIR ...] [--admin-url postgresql+psycopg://postgres@127.0.0.1:5432/postgres]

Without --data: bench/out/data-1000000. Each folder is loaded into a new database on the server (dropped after),
then measured in fresh subprocesses:

- files: `bundle_points` (IncidentPoints from the records frame) and `build_base` CPU seconds; bytes per incident of
  IncidentPoints, and of PatrolBase's per-incident arrays with the points (each array once);
- db points: `lib/data/db/points.incident_points` for the county, CPU and wall seconds, peak RSS above the RSS
  before the read (VmHWM reset first), equal to the files' points;
- db records: the incidents frame read the way `DbStore.read` reads it, for comparison.
"""
from __future__ import annotations

import argparse
import dataclasses
import gc
import json
import os
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
MARK = "POINTS_BENCH "
ADMIN_URL = os.environ.get("PINGAN_TEST_DATABASE_ADMIN_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")


def _status_mb(key: str) -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1]) / 1024
    return 0.0


def _peak_from_here() -> float:
    """The RSS now, with the peak reset to it (so VmHWM afterwards is the peak of what follows)."""
    gc.collect()
    Path("/proc/self/clear_refs").write_text("5")
    return _status_mb("VmRSS")


def files_worker(data_dir: str, url: str, county: str) -> dict:
    import numpy as np

    from lib.data.incident_points import bundle_points
    from lib.data.store import FileStore, load_bundle
    from lib.metrics.patrol_view import build_base

    bundle = load_bundle(FileStore(Path(data_dir)))
    n = len(bundle["incidents"])
    start = time.process_time()
    points = bundle_points(bundle)
    points_s = time.process_time() - start
    base = build_base(bundle, points)
    base_s = time.process_time() - start

    def per_incident(obj, seen: set[int]) -> int:
        total = 0
        for field in dataclasses.fields(obj):
            value = getattr(obj, field.name)
            if dataclasses.is_dataclass(value):
                total += per_incident(value, seen)
            elif isinstance(value, np.ndarray) and len(value) == n and id(value) not in seen:
                seen.add(id(value))
                total += value.nbytes
        return total

    return {"incidents": n, "points_s": points_s, "base_s": base_s, "points_b": points.nbytes / n,
            "base_b": per_incident(base, set()) / n}


def db_points_worker(data_dir: str, url: str, county: str) -> dict:
    from lib.data.contracts import TOWNS, VILLAGES
    from lib.data.db.connect import engine_for
    from lib.data.db.points import incident_points
    from lib.data.db.store import DbStore

    store = DbStore(engine_for(url), county)
    towns, villages = store.read(TOWNS), store.read(VILLAGES)
    with store.engine.connect() as connection:
        incident_points(connection, "", towns, villages)  # imports, connection and the CSV reader warmed
    before = _peak_from_here()
    cpu, wall = time.process_time(), time.perf_counter()
    with store.engine.connect() as connection:
        points = incident_points(connection, county, towns, villages)
    return {"cpu_s": time.process_time() - cpu, "wall_s": time.perf_counter() - wall,
            "peak_mb": _status_mb("VmHWM") - before, "points_mb": points.nbytes / 2**20, "rows": len(points)}


def db_records_worker(data_dir: str, url: str, county: str) -> dict:
    from lib.data.contracts import INCIDENTS
    from lib.data.db.connect import engine_for
    from lib.data.db.store import DbStore

    store = DbStore(engine_for(url), county)
    before = _peak_from_here()
    cpu, wall = time.process_time(), time.perf_counter()
    frame = store.read(INCIDENTS)
    return {"cpu_s": time.process_time() - cpu, "wall_s": time.perf_counter() - wall,
            "peak_mb": _status_mb("VmHWM") - before, "rows": len(frame)}


WORKERS = {"files": files_worker, "db_points": db_points_worker, "db_records": db_records_worker}


def run(kind: str, data_dir: Path, url: str, county: str) -> dict:
    out = subprocess.run([sys.executable, "-m", "bench.points", "--worker", kind, str(data_dir), url, county],
                         cwd=REPO, capture_output=True, text=True, check=True).stdout
    return json.loads(next(line for line in out.splitlines() if line.startswith(MARK))[len(MARK):])


def measure(data_dir: Path, admin_url: str) -> str:
    import sqlalchemy as sa
    from sqlalchemy.engine import make_url

    from lib.data.db.connect import engine_for
    from lib.data.db.load import load_folder

    admin = sa.create_engine(admin_url, isolation_level="AUTOCOMMIT")
    name = f"pingan_bench_points_{os.getpid()}"
    with admin.connect() as connection:
        connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
    url = make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    try:
        engine = engine_for(url)
        county = load_folder(engine, data_dir).county
        engine.dispose()
        files = run("files", data_dir, url, county)
        points = run("db_points", data_dir, url, county)
        records = run("db_records", data_dir, url, county)
    finally:
        with admin.connect() as connection:
            connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
    return (f"| {data_dir.name} | {files['incidents']:,} | {files['points_b']:.0f} | {files['base_b']:.0f} | "
            f"{files['points_s']:.2f} / {files['base_s']:.2f} | {points['cpu_s']:.2f} / {points['wall_s']:.2f} | "
            f"{points['peak_mb']:.0f} ({points['points_mb']:.0f}) | {records['cpu_s']:.2f} / {records['wall_s']:.2f} | "
            f"{records['peak_mb']:.0f} |")


HEADER = ("| data | incidents | points B/incident | PatrolBase B/incident (all it keeps) | points / build_base CPU s | "
          "db points CPU / wall s | db points peak MB (points MB) | db records CPU / wall s | db records peak MB |\n"
          "| --- | --- | --- | --- | --- | --- | --- | --- | --- |")


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--worker":
        kind, data_dir, url, county = sys.argv[2:6]
        print(MARK + json.dumps(WORKERS[kind](data_dir, url, county)))
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, action="append")
    parser.add_argument("--admin-url", default=ADMIN_URL)
    args = parser.parse_args()
    rows = [measure(folder.resolve(), args.admin_url) for folder in args.data or [REPO / "bench" / "out" / "data-1000000"]]
    print(HEADER, *rows, sep="\n")


if __name__ == "__main__":
    main()
