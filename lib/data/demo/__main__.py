"""Write the demo datasets: `python -m lib.data.demo [--out DIR] [--incidents N] [--county ADCODE]`.

Deterministic: the same arguments give byte-identical files. The committed data/ folder is
`python -m lib.data.demo --out data`; the benchmarks use `--incidents 1000000` into a temp folder.
The real boundaries (counties, district outline) are read from the output folder, or from the
bundled data/ when the output folder has none. `--county 511403` draws Pengshan instead of Dongpo
(lib/data/demo/counties.py): its outline is cut from the province's counties.
"""
from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

import geopandas as gpd
import pandas as pd

from lib.data.contracts import (COUNTIES, COUNTY_SURVEY, DATASETS, DISPUTES, DISTRICT_OUTLINE, EVENTS, INCIDENTS,
                                INDICATORS, PATROL_SESSIONS, POLICE_ASSISTANTS, POSTS, SCHEMA_VERSION, TOWN_SURVEY,
                                TOWNS, VILLAGES, DatasetSpec)
from lib.data.dates import DATE_FORMAT, DATETIME_FORMAT
from lib.data.demo import disputes, geography, incidents, patrols, reference, surveys
from lib.data.demo.counties import DONGPO, PROFILES, CountyProfile
from lib.data.geojson_writer import feature_line, write_collection
from lib.data.location import BUNDLED_DATA_DIR, MANIFEST_FILE

REAL_DATASETS = {COUNTIES.name, DISTRICT_OUTLINE.name}
FLOAT_DECIMALS = {"lon": 5, "lat": 5}


def _text(frame: pd.DataFrame, spec: DatasetSpec) -> pd.DataFrame:
    """Every column as the text the contract specifies, so files are identical run after run."""
    out = pd.DataFrame(index=frame.index)
    for col in spec.columns:
        values = frame[col.name]
        if col.kind == "datetime":
            out[col.name] = pd.to_datetime(values).dt.strftime(DATETIME_FORMAT)
        elif col.kind == "date":
            out[col.name] = pd.to_datetime(values).dt.strftime(DATE_FORMAT)
        elif col.kind == "float":
            digits = FLOAT_DECIMALS.get(col.name, 2)
            out[col.name] = values.map(lambda v, d=digits: "" if pd.isna(v) else f"{v:.{d}f}")
        elif col.kind == "int":
            out[col.name] = values.map(lambda v: "" if pd.isna(v) else str(int(v)))
        else:
            out[col.name] = values.map(lambda v: "" if v is None or pd.isna(v) else str(v))
    return out.fillna("")


def write_table(out: Path, spec: DatasetSpec, frame: pd.DataFrame) -> None:
    _text(frame, spec).to_csv(out / spec.file, index=False, lineterminator="\n", encoding="utf-8")


def write_geo(out: Path, spec: DatasetSpec, frame: gpd.GeoDataFrame) -> None:
    lines = [feature_line({c.name: (int(row[c.name]) if c.kind == "int" else row[c.name]) for c in spec.columns}, geom)
             for (_, row), geom in zip(frame.iterrows(), frame.geometry)]
    write_collection(out / spec.file, lines)


def write_manifest(out: Path, incident_count: int, county: CountyProfile) -> None:
    which = "" if county is DONGPO else f" --county {county.adcode}"
    manifest = {
        "schema_version": SCHEMA_VERSION,
        "generated_by": f"python -m lib.data.demo{which} --incidents {incident_count}",
        "datasets": {spec.name: {"demo": spec.name not in REAL_DATASETS} for spec in DATASETS},
    }
    (out / MANIFEST_FILE).write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def _copy_boundaries(out: Path, county: CountyProfile) -> None:
    """The real boundaries: the province's counties, and the county's outline (Dongpo's as bundled, another's cut
    from the counties)."""
    for spec in (COUNTIES, DISTRICT_OUTLINE):
        target = out / spec.file
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(BUNDLED_DATA_DIR / spec.file, target)
    if county is not DONGPO:
        counties = gpd.read_file(out / COUNTIES.file)
        write_geo(out, DISTRICT_OUTLINE, counties[counties["adcode"] == county.adcode].reset_index(drop=True))


def generate(out: Path, incident_count: int | None = None, county: CountyProfile = DONGPO) -> None:
    incident_count = incident_count or county.default_incidents
    out.mkdir(parents=True, exist_ok=True)
    _copy_boundaries(out, county)
    counties = gpd.read_file(out / COUNTIES.file)
    geo = geography.build(gpd.read_file(out / DISTRICT_OUTLINE.file), county)
    write_geo(out, TOWNS, geography.public_towns(geo.towns))
    write_geo(out, VILLAGES, geo.villages)
    write_table(out, INCIDENTS, incidents.incidents(geo, incident_count))
    write_table(out, PATROL_SESSIONS, patrols.patrol_sessions(geo))
    write_table(out, POSTS, patrols.posts(geo))
    write_table(out, POLICE_ASSISTANTS, patrols.police_assistants(geo))
    write_table(out, COUNTY_SURVEY, surveys.county_survey(counties))
    write_table(out, TOWN_SURVEY, surveys.town_survey(geo.towns))
    write_table(out, DISPUTES, disputes.disputes(geo.towns, county))
    write_table(out, INDICATORS, reference.indicators(county.own_report))
    write_table(out, EVENTS, reference.events(county.own_report))
    write_manifest(out, incident_count, county)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=BUNDLED_DATA_DIR, help="output folder (default: data/)")
    parser.add_argument("--incidents", type=int, help="at least this many incidents (default: 30000 for Dongpo)")
    parser.add_argument("--county", choices=sorted(PROFILES), default=DONGPO.adcode, help="the county drawn")
    args = parser.parse_args()
    generate(args.out, args.incidents, PROFILES[args.county])


if __name__ == "__main__":
    main()
