"""Figures the database computes with GROUP BY, so the app need not hold every record of a province.

One function per aggregate, each one query on one county's rows. They return small frames of counts that the
metrics turn into their figures (lib/metrics: `crime_cube.cube_from_cells`). On Citus each query names one value
of the distribution column (the county), so it runs whole on the worker that holds that county.
"""
from __future__ import annotations

import pandas as pd
import pyarrow as pa
import sqlalchemy as sa

from lib.data.db.copy import copy_frame
from lib.data.db.schema import COUNTY, TABLES
from lib.data.incidents import CRIME_CELL_COLUMNS


def crime_cells_query(county: str) -> sa.Select:
    """Incidents of one county by day reported x hour x town x crime type: how many, how many solved by now
    (status other than reported), and their losses and recoveries in yuan."""
    incidents = TABLES["incidents"]
    day = sa.cast(incidents.c.reported_at, sa.Date).label("day")
    hour = sa.cast(sa.extract("hour", incidents.c.reported_at), sa.Integer).label("hour")
    return (
        sa.select(day, hour, incidents.c.town_code, incidents.c.crime_type,
                  sa.func.count().label("incidents"),
                  sa.func.count().filter(incidents.c.status != "reported").label("solved"),
                  sa.cast(sa.func.sum(incidents.c.loss_yuan), sa.BigInteger).label("loss_yuan"),
                  sa.cast(sa.func.sum(incidents.c.recovered_yuan), sa.BigInteger).label("recovered_yuan"))
        .where(incidents.c[COUNTY] == county)
        .group_by(incidents.c[COUNTY], day, hour, incidents.c.town_code, incidents.c.crime_type)
    )


def crime_cells(connection: sa.Connection, county: str) -> pd.DataFrame:
    """The crime cube's cells of one county (columns CRIME_CELL_COLUMNS), in no particular order, streamed through
    COPY into typed columns (a row per cell as a Python tuple would cost gigabytes at ten million incidents)."""
    whole, code = pa.int64(), pa.dictionary(pa.int32(), pa.string())  # codes read as categories
    return copy_frame(connection, crime_cells_query(county), {
        "day": pa.timestamp("s"), "hour": whole, "town_code": code, "crime_type": code, "incidents": whole,
        "solved": whole, "loss_yuan": whole, "recovered_yuan": whole})[list(CRIME_CELL_COLUMNS)]
