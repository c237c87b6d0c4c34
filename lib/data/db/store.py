"""`DbStore`: one county's datasets read from the database, as the very frames `FileStore` reads from files.

Rows come out in their source order through `COPY ... TO STDOUT` as CSV in the contract's own text formats, and
go through the same parsing and checks as a file (`parse_frame`), so every figure is the same on either store.
The incidents are the exception: they are never read whole, but counted and selected by the database
(lib/data/db/incidents.py, with the GROUP BY queries in lib/data/db/aggregates.py).
"""
from __future__ import annotations

import pandas as pd
import shapely
import sqlalchemy as sa

from lib.data.contracts import DATASETS, DatasetSpec
from lib.data.db.connect import engine_for
from lib.data.db.copy import as_contract_text, copy_csv
from lib.data.db.incidents import DbIncidents
from lib.data.db.schema import COUNTY, GEOMETRY, POSITION, TABLES, dataset_loads, per_county
from lib.data.problems import DataLoadError, DataProblem
from lib.data.store import DataBundle, Manifest, geo_frame, load_bundle, parse_frame, read_csv_fast


class DbStore:
    """The datasets of one county (its adcode) in a database made by lib/data/db/load.py."""

    def __init__(self, engine: sa.Engine, county: str):
        self.engine, self.county = engine, county

    def _rows(self, spec: DatasetSpec, *extra: sa.ColumnElement) -> sa.Select:
        table = TABLES[spec.name]
        columns = [as_contract_text(table.c[col.name], col).label(col.name) for col in spec.columns]
        query = sa.select(*columns, *extra).order_by(table.c[POSITION])
        return query.where(table.c[COUNTY] == self.county) if per_county(spec) else query

    def _loaded(self, spec: DatasetSpec) -> None:
        """Raise a clear problem when the dataset was never loaded for this county."""
        query = sa.select(dataset_loads.c.rows).where(dataset_loads.c[COUNTY] == self.county,
                                                      dataset_loads.c.dataset == spec.name)
        with self.engine.connect() as connection:
            if connection.execute(query).first() is None:
                raise DataLoadError([DataProblem(
                    spec.name, spec.name, None, None, None,
                    f"数据库中没有区县 {self.county} 的这一数据集(用 make db-load 载入)",
                    f"the database holds no such dataset for county {self.county} (load it with make db-load)")])

    def read(self, spec: DatasetSpec) -> pd.DataFrame:
        self._loaded(spec)
        if spec.geometry:
            return self._read_geo(spec)
        with self.engine.connect() as connection:
            text = copy_csv(connection, self._rows(spec))
        return parse_frame(spec, read_csv_fast(text, spec), first_row=2)

    def _read_geo(self, spec: DatasetSpec) -> pd.DataFrame:
        table = TABLES[spec.name]
        with self.engine.connect() as connection:
            rows = connection.execute(self._rows(spec, table.c[GEOMETRY])).all()
        properties = pd.DataFrame([row[:-1] for row in rows], columns=spec.column_names)
        return geo_frame(spec, properties, shapely.from_wkb([bytes(row[-1]) for row in rows]), spec.name)

    def manifest(self) -> Manifest:
        query = sa.select(dataset_loads.c.dataset, dataset_loads.c.demo, dataset_loads.c.schema_version).where(
            dataset_loads.c[COUNTY] == self.county)
        with self.engine.connect() as connection:
            rows = connection.execute(query).all()
        known = {spec.name for spec in DATASETS}
        return Manifest(max((row.schema_version for row in rows), default=1),
                        {row.dataset: bool(row.demo) for row in rows if row.dataset in known})

    def incident_source(self) -> DbIncidents:
        """The incidents are counted and selected by the database, never read whole (lib/data/db/incidents.py)."""
        return DbIncidents(self.engine, self.county)


def load_county(url: str, county: str) -> DataBundle:
    """Every dataset of one county, read from the database and checked (raises DataLoadError)."""
    return load_bundle(DbStore(engine_for(url), county))
