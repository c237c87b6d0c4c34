"""The database from the command line (`make db-load` runs the first):

    python -m lib.data.db load [--url URL] [FOLDER]   check FOLDER (default: the bundled data/) and load it as its
                                                      county's data; prints the rows written per dataset
    python -m lib.data.db upgrade [--url URL]         create or migrate the tables only

URL defaults to the deployment's PINGAN_DATABASE_URL.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import sqlalchemy as sa

from lib.data.contracts import DATASETS_BY_NAME
from lib.data.db import migrate
from lib.data.db.connect import engine_for, shown_url
from lib.data.db.load import load_folder
from lib.data.location import BUNDLED_DATA_DIR
from lib.data.problems import DataLoadError
from lib.settings import DATABASE_URL_SETTING, SettingsError, read_settings


def _url(given: str | None) -> str:
    if given:
        return given
    url = read_settings().database_url
    if url is None:
        raise SystemExit(f"no database: pass --url or set {DATABASE_URL_SETTING}")
    return url


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m lib.data.db", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=("load", "upgrade"))
    parser.add_argument("folder", nargs="?", type=Path, default=BUNDLED_DATA_DIR)
    parser.add_argument("--url", help=f"SQLAlchemy URL (default: {DATABASE_URL_SETTING})")
    args = parser.parse_intermixed_args(argv)
    try:
        url = _url(args.url)
        engine = engine_for(url)
        if args.command == "upgrade":
            migrate.upgrade(engine)
            print(f"{shown_url(url)}: schema up to date")
            return 0
        report = load_folder(engine, args.folder)
    except SettingsError as err:
        print(err.message("en"), file=sys.stderr)
        return 2
    except DataLoadError as err:
        print(f"{args.folder}: not loaded, {len(err.problems)} problem(s):", file=sys.stderr)
        for problem in err.problems:
            print(f"  {problem.message('en')}", file=sys.stderr)
        return 1
    except sa.exc.OperationalError as err:
        print(f"cannot reach the database: {err.orig}", file=sys.stderr)
        return 2
    print(f"{args.folder} -> {shown_url(url)}, county {report.county}, data version {report.version}")
    width = max(map(len, report.rows))
    for name, count in report.rows.items():
        print(f"  {name:<{width}}  {count:>10,}  {DATASETS_BY_NAME[name].zh}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
