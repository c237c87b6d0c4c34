"""One table of where users wait, per data size: `python -m bench.speed [--sizes demo,1000000] [--skip-browser]`.

    .venv/bin/python -m bench.speed                       # the demo data and 1,000,000 incidents
    .venv/bin/python -m bench.speed --sizes demo,1000000,10000000

Per size (`demo` = the bundled data/; N = N generated incidents in bench/out/data-N, made when missing): server CPU
per filter change on /crime, /patrol and / with the patrol map's payload (bench/reruns.py), then the cold load beside
DuckDB and the warm start (bench/load.py). Targets in the header (design.md, "Performance budgets"; issue 17).
"""
from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from bench import load, reruns

REPO = Path(__file__).resolve().parents[1]
HEADER = ["data", "incidents", "/crime town change, CPU ms (< 120 at 1M)", "/patrol town change, CPU ms (< 250 at 1M)",
          "/ year change, CPU ms (< 200 at 10M)", "patrol map payload: town change / map unchanged (0)",
          "cold load CPU ÷ DuckDB (≤ 1.0)", "cold load peak memory ÷ DuckDB (≤ 1.5)", "warm: snapshot read, CPU s",
          "warm start to first page, s (< 5)"]


def data_dir(size: str, out: Path) -> Path:
    if size == "demo":
        return REPO / "data"
    folder = out / f"data-{int(size)}"
    if not (folder / "manifest.json").exists():
        subprocess.run([sys.executable, "-m", "lib.data.demo", "--out", str(folder), "--incidents", size], cwd=REPO,
                       check=True)
    return folder


def cells(name: str, speed: dict, loaded: dict) -> list[str]:
    def ms(key: str, budget: float) -> str:
        return f"{speed[key]:,.0f}" + (" ⚠" if speed[key] >= budget else "")

    cpu = loaded["cpu_s"] / loaded["duck_cpu_s"]
    memory = loaded["peak_mb"] / max(loaded["duck_peak_mb"], 1.0)
    start = "n/a" if loaded["start_s"] is None else f"{loaded['start_s']:.1f}" + (" ⚠" if loaded["start_s"] >= 5 else "")
    return [name, f"{loaded['rows']:,}", ms("crime_town_ms", 120), ms("patrol_town_ms", 250),
            ms("overview_year_ms", 200),
            f"{speed['map_town_bytes'] / 1e3:,.0f} kB / {speed['map_same_bytes'] / 1e3:,.0f} kB",
            f"{loaded['cpu_s']:.2f} / {loaded['duck_cpu_s']:.2f} s = {cpu:.1f}×" + (" ⚠" if cpu > 1.0 else ""),
            f"{loaded['peak_mb']:,.0f} / {loaded['duck_peak_mb']:,.0f} MB = {memory:.1f}×" + (" ⚠" if memory > 1.5 else ""),
            f"{loaded['warm_cpu_s']:.2f}", start]


def line(values: list[str]) -> str:
    return "| " + " | ".join(values) + " |"


def size_arguments(doc: str) -> argparse.ArgumentParser:
    """The arguments of a bench measured per data size: --sizes (demo, or N generated incidents) and --out."""
    ap = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="demo,1000000")
    ap.add_argument("--out", default=str(REPO / "bench" / "out"))
    return ap


def main() -> None:
    ap = size_arguments(__doc__)
    ap.add_argument("--skip-browser", action="store_true")
    args = ap.parse_args()
    lines = [line(HEADER), line(["---"] * len(HEADER))]
    for size in args.sizes.split(","):
        folder = data_dir(size, Path(args.out))
        lines.append(line(cells(folder.name, reruns.measure(folder), load.measure(folder, not args.skip_browser))))
        print(lines[-1], flush=True)
    print("\n" + "\n".join(lines))


if __name__ == "__main__":
    main()
