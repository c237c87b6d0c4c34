"""The file store beside the database store, per data size: `python -m bench.stores [--sizes 1000000,10000000]`.

    .venv/bin/python -m bench.stores --sizes demo,1000000 [--server postgresql+psycopg://postgres@127.0.0.1:5432]

Per size (`demo` = the bundled data/; N = N generated incidents in bench/out/data-N, made when missing) and per
store: server CPU per filter change on /crime, /patrol and / (bench/reruns.py: AppTest, the process's CPU around one
rerun), then the process's resident memory after it has served every page, and its peak. The database of size N is
`pingan_bench_N` on the server, created and loaded with `python -m lib.data.db load` when it holds no data yet (the
time is printed). Issue 18's target: a 10M-incident database served with the app process under 1 GB.
"""
from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import sqlalchemy as sa

from bench import reruns
from bench.speed import data_dir, line, size_arguments

REPO = Path(__file__).resolve().parents[1]
HEADER = ["data", "store", "/crime town change, CPU ms", "/patrol town change, CPU ms", "/ year change, CPU ms",
          "memory after every page, MB (< 1,024 at 10M in the database)", "peak memory, MB"]


def database_for(server: str, size: str, folder: Path) -> str:
    """The URL of the bench database of `size`, loaded from `folder` when it holds no data yet."""
    name = f"pingan_bench_{size}"
    admin = sa.create_engine(f"{server}/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        if not connection.execute(sa.text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": name}).first():
            connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    url = f"{server}/{name}"
    with sa.create_engine(url).connect() as connection:
        loaded = connection.execute(sa.text("SELECT to_regclass('dataset_loads') IS NOT NULL")).scalar_one() and \
            connection.execute(sa.text("SELECT count(*) FROM dataset_loads")).scalar_one() > 0
    if not loaded:
        start = time.monotonic()
        subprocess.run([sys.executable, "-m", "lib.data.db", "load", "--url", url, str(folder)], cwd=REPO, check=True)
        print(f"{name}: loaded in {time.monotonic() - start:,.0f} s", flush=True)
    return url


def cells(name: str, store: str, r: dict) -> list[str]:
    memory = f"{r['rss_mb']:,.0f}" + (" ⚠" if store == "database" and r["rss_mb"] >= 1024 else "")
    return [name, store, f"{r['crime_town_ms']:,.0f}", f"{r['patrol_town_ms']:,.0f}", f"{r['overview_year_ms']:,.0f}",
            memory, f"{r['peak_mb']:,.0f}"]


def main() -> None:
    ap = size_arguments(__doc__)
    ap.add_argument("--server", default="postgresql+psycopg://postgres@127.0.0.1:5432",
                    help="a PostgreSQL server's URL without the database name")
    ap.add_argument("--stores", default="files,database")
    args = ap.parse_args()
    lines = [line(HEADER), line(["---"] * len(HEADER))]
    for size in args.sizes.split(","):
        folder = data_dir(size, Path(args.out))
        for store in args.stores.split(","):
            result = reruns.measure(folder) if store == "files" else \
                reruns.measure(database_url=database_for(args.server, size, folder))
            lines.append(line(cells(folder.name, store, result)))
            print(lines[-1], flush=True)
    print("\n" + "\n".join(lines))


if __name__ == "__main__":
    main()
