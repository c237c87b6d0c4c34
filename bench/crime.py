"""Time the crime-trends page at scale: `python -m bench.crime [--data DIR]`.

    .venv/bin/python -m bench.crime                                  # the bundled demo data
    .venv/bin/python -m bench.crime --data bench/out/data-1000000    # 1,000,000 generated incidents

Prints one Markdown table: loading the data, building the cube, recomputing every figure of the page from the
cube for several filter changes (median of 20; budget < 100 ms), the page through AppTest (reruns, a filter
changed in its widget, a link opened in a new session; budget < 500 ms), and the size of each chart's JSON.
"""
from __future__ import annotations

import argparse
import os
import statistics
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
RUNS, RERUNS = 20, 10
FIGURES_BUDGET_MS, RERUN_BUDGET_MS = 100, 500


def median_ms(action: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def mark(value: float, budget: float) -> str:
    return f"{value:,.1f}" + (" ⚠" if value >= budget else "")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", default=str(REPO / "data"), help="data folder (default: the bundled demo data)")
    args = parser.parse_args()
    os.environ["PINGAN_DATA_DIR"] = str(Path(args.data).resolve())  # before lib and streamlit are imported

    from lib.audience import Audience
    from lib.data.codes import CRIME_TYPES
    from lib.data.labels import town_labels
    from lib.data.store import FileStore, load_bundle
    from lib.metrics.compstat import compstat
    from lib.metrics.crime_cube import Selection, build_cube
    from lib.metrics.crime_trends import by_town, by_type, chosen_types, events_in, hour_weekday, summary, trend
    from lib.metrics.periods import latest_full_year
    from lib.viz.crime_charts import heatmap_figure, losses_figure, solved_figure, town_figure, trend_figure
    from lib.viz.crime_tables import compstat_frame, compstat_styler

    rows: list[tuple[str, str]] = []
    start = time.perf_counter()
    bundle = load_bundle(FileStore(Path(args.data)))
    rows.append(("data loaded (read + checked), s", f"{time.perf_counter() - start:.2f}"))
    incidents = bundle["incidents"]
    rows.append(("incidents", f"{len(incidents):,}"))
    start = time.perf_counter()
    cube = build_cube(incidents, bundle["towns"])
    rows.append(("cube build, s (once per process)", f"{time.perf_counter() - start:.2f}"))
    size = sum(a.nbytes for a in (cube.counts, cube.solved, cube.loss, cube.recovered, cube.hourly)) / 1e6
    rows.append(("cube size, MB", f"{size:.1f} ({cube.counts.shape[0]:,} days × {len(cube.towns)} towns × {len(cube.types)} types, × 24 h)"))

    lang = "zh"
    audience = Audience.internal(lang)
    names = {c.code: c.label(lang) for c in CRIME_TYPES}
    towns_shown = town_labels(bundle["towns"], lang)
    as_of = bundle.as_of
    default = Selection(date(latest_full_year(cube.first_day, as_of), 1, 1), as_of, (), chosen_types([], []))

    def figures(sel: Selection, grain: str, layout: str) -> dict[str, object]:
        """Every figure the page shows, recomputed from the cube (what a filter change costs before Streamlit)."""
        summary(cube, sel)
        comp = compstat(cube, as_of, sel.towns, sel.types)
        compstat_styler(compstat_frame(comp, names, audience), comp, audience)._compute()
        per_type = by_type(cube, sel)
        return {
            "trend": trend_figure(trend(cube, sel, grain), events_in(bundle["events"], sel), layout, names, audience),
            "towns": town_figure(by_town(cube, sel), towns_shown, audience),
            "hours": heatmap_figure(hour_weekday(cube, sel), audience),
            "solved": solved_figure(per_type, names, audience),
            "losses": losses_figure(per_type, names, audience),
        }

    changes = [
        ("default (this year and last, weekly, stacked)", default, "week", "stacked"),
        ("one town", replace(default, towns=("511402003",)), "week", "stacked"),
        ("crime group violent", replace(default, types=chosen_types(["violent"], [])), "week", "stacked"),
        ("grain day", default, "day", "stacked"),
        ("small multiples, month", default, "month", "multiples"),
        ("period 2019, one type", replace(default, start=date(2019, 1, 1), end=date(2019, 12, 31), types=("burglary",)), "week", "stacked"),
        ("whole range, day, small multiples", replace(default, start=cube.first_day), "day", "multiples"),
    ]
    for name, sel, grain, layout in changes:
        rows.append((f"figures recomputed, ms (< {FIGURES_BUDGET_MS}): {name}",
                     mark(median_ms(lambda: figures(sel, grain, layout), RUNS), FIGURES_BUDGET_MS)))
    for name, sel, grain, layout in (changes[0], changes[-1]):
        sizes = {key: len(fig.to_json()) / 1024 for key, fig in figures(sel, grain, layout).items()}
        rows.append((f"chart JSON, kB: {name}", ", ".join(f"{k} {v:,.0f}" for k, v in sizes.items())))

    from streamlit.testing.v1 import AppTest

    def open_crime(**params: str) -> AppTest:
        app = AppTest.from_file(str(REPO / "app.py"), default_timeout=300)
        app.run()
        for key, value in params.items():
            app.query_params[key] = value
        return app.switch_page("views/crime.py").run()

    start = time.perf_counter()
    app = open_crime()
    assert not app.exception, [e.value for e in app.exception]
    rows.append(("AppTest: first open of /crime in this process (app.py, data through the app cache, cube), ms", f"{(time.perf_counter() - start) * 1000:,.0f}"))
    rows.append((f"AppTest: rerun, same filters, ms (< {RERUN_BUDGET_MS})", mark(median_ms(app.run, RERUNS), RERUN_BUDGET_MS)))
    town_changes = []
    for town in ("511402001", "511402100", "511402003", "511402112", "511402105"):
        app.multiselect(key="town").set_value([town])
        town_changes.append(median_ms(app.run, 1))
    rows.append((f"AppTest: town changed in its widget, ms (< {RERUN_BUDGET_MS}), median of 5", mark(statistics.median(town_changes), RERUN_BUDGET_MS)))
    grain_changes = []
    for grain in ("day", "month", "week", "day", "month"):
        app.selectbox(key="grain").set_value(grain)
        grain_changes.append(median_ms(app.run, 1))
    rows.append((f"AppTest: grain changed, ms (< {RERUN_BUDGET_MS}), median of 5", mark(statistics.median(grain_changes), RERUN_BUDGET_MS)))
    links = [median_ms(lambda: open_crime(crime_group=group, grain="month"), 1) for group in ("property", "violent", "vice")]
    rows.append(("AppTest: a link opened (new session: app.py run, then /crime), ms", f"{statistics.median(links):,.0f}"))

    print(f"\n### bench.crime — {args.data}\n")
    print("| measure | value |\n| --- | --- |")
    for name, value in rows:
        print(f"| {name} | {value} |")


if __name__ == "__main__":
    main()
