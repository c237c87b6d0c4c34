"""One county's `IncidentPoints` read from the database: the same arrays as `points_of` on its incidents frame.

The rows stream out through `COPY ... TO STDOUT` in source order and are parsed a batch at a time by pyarrow into
narrow numpy arrays, so reading ten million incidents never holds their text, nor a Python object per row.
"""
from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import sqlalchemy as sa

from lib.data.contracts import INCIDENTS
from lib.data.db.copy import BATCH_BYTES, copy_tables
from lib.data.db.keys import rows_held
from lib.data.db.schema import COUNTY, POSITION, TABLES
from lib.data.incident_points import DAY, FUGITIVES, HOUR, PATROL_STOP, IncidentPoints, position_type, positions

CODE = pa.dictionary(pa.int32(), pa.string())
COLUMN_TYPES = {"lon": pa.float64(), "lat": pa.float64(), "day": pa.int32(), "hour": pa.int8(), "town_code": CODE,
                "village_code": CODE, "patrol_stop": pa.int8(), "fugitives": pa.uint16()}


def points_query(county: str) -> sa.Select:
    """The points' columns of one county's incidents, in source order: day and hour of the report worked out by
    the database, so no timestamp text travels."""
    c = TABLES["incidents"].c
    epoch = sa.cast(sa.literal("1970-01-01"), sa.Date)
    return (
        sa.select(c.lon, c.lat, (sa.cast(c.reported_at, sa.Date) - epoch).label("day"),
                  sa.cast(sa.extract("hour", c.reported_at), sa.Integer).label("hour"), c.town_code, c.village_code,
                  sa.cast(c.discovery == PATROL_STOP, sa.Integer).label("patrol_stop"),
                  sa.func.coalesce(c.fugitives_caught, 0).label("fugitives"))
        .where(c[COUNTY] == county)
        .order_by(c[POSITION])
    )


def _located(column: pa.ChunkedArray, frame_codes: pd.Series) -> np.ndarray:
    """Positions in a frame (whose codes are `frame_codes`) of a dictionary-encoded code column, -1 for none."""
    return np.concatenate([positions(pd.Index(chunk.dictionary.to_pylist(), dtype=object),
                                     pc.fill_null(chunk.indices, -1).to_numpy(), frame_codes)
                           for chunk in column.chunks])


def _arrays(table: pa.Table, towns: pd.DataFrame, villages: pd.DataFrame) -> dict[str, np.ndarray]:
    return {
        "lon": table["lon"].to_numpy().astype(np.float64, copy=False),
        "lat": table["lat"].to_numpy().astype(np.float64, copy=False),
        "day": table["day"].to_numpy().astype(DAY, copy=False),
        "hour": table["hour"].to_numpy().astype(HOUR, copy=False),
        "town": _located(table["town_code"], towns["town_code"]),
        "village": _located(table["village_code"], villages["village_code"]),
        "patrol_stop": table["patrol_stop"].to_numpy() != 0,
        "fugitives": table["fugitives"].to_numpy().astype(FUGITIVES, copy=False),
    }


def incident_points(connection: sa.Connection, county: str, towns: pd.DataFrame, villages: pd.DataFrame,
                    expected_rows: int | None = None) -> IncidentPoints:
    """The points of one county's incidents, positioned in `towns` and `villages` (that county's frames).
    `expected_rows`: how many the caller knows there are (else counted here first)."""
    types = {"lon": np.float64, "lat": np.float64, "day": DAY, "hour": HOUR, "town": position_type(len(towns)),
             "village": position_type(len(villages)), "patrol_stop": bool, "fugitives": FUGITIVES}
    # every batch copied into arrays of the final size: the peak is the points and one batch, not twice the points
    if expected_rows is None:
        expected_rows = rows_held(connection, INCIDENTS, county)
    arrays = {name: np.empty(expected_rows, dtype) for name, dtype in types.items()}
    filled = 0
    for table in copy_tables(connection, points_query(county), COLUMN_TYPES, BATCH_BYTES):
        batch = _arrays(table, towns, villages)
        rows = len(batch["lon"])
        if filled + rows > len(arrays["lon"]):  # rows written since the count (another transaction)
            more = max(filled + rows, 2 * len(arrays["lon"])) - len(arrays["lon"])
            arrays = {name: np.concatenate([values, np.empty(more, values.dtype)])
                      for name, values in arrays.items()}
        for name, values in batch.items():
            arrays[name][filled:filled + rows] = values
        filled += rows
    return IncidentPoints(**{name: values if filled == len(values) else values[:filled].copy()
                             for name, values in arrays.items()})
