"""Figures the database computes with GROUP BY, so the app need not hold every record of a province.

One function per aggregate, each query on one county's rows. They return small frames of counts that the
metrics turn into their figures (lib/metrics: `crime_cube.cube_from_cells`; the overview reads the case facts as
they are). On Citus each query names one value of the distribution column (the county) and groups by it, so it runs
whole on the worker that holds that county.
"""
from __future__ import annotations

from collections.abc import Iterator

import pandas as pd
import pyarrow as pa
import sqlalchemy as sa

from lib.data.case_facts import COLD_CASE_DAYS, COLUMNS, CaseFacts, facts_from_tables
from lib.data.db.copy import copy_tables
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


def crime_cells(connection: sa.Connection, county: str) -> Iterator[pd.DataFrame]:
    """The crime cube's cells of one county (columns CRIME_CELL_COLUMNS), in no particular order, a batch at a time:
    streamed through COPY into typed columns, as ten million incidents make some three million cells."""
    whole, code = pa.int64(), pa.dictionary(pa.int32(), pa.string())  # codes read as categories
    types = {"day": pa.timestamp("s"), "hour": pa.int8(), "town_code": code, "crime_type": code, "incidents": whole,
             "solved": whole, "loss_yuan": whole, "recovered_yuan": whole}
    assert tuple(types) == CRIME_CELL_COLUMNS
    for table in copy_tables(connection, crime_cells_query(county), types):
        yield table.to_pandas()


def case_facts_queries(county: str) -> dict[str, sa.Select]:
    """One query per table of the case facts of one county (lib.data.case_facts.COLUMNS), counted as
    `case_facts_of` counts them."""
    incidents = TABLES["incidents"]
    county_rows = incidents.c[COUNTY] == county
    reported_day = sa.cast(incidents.c.reported_at, sa.Date)
    solved_day = sa.cast(incidents.c.solved_on, sa.Date)
    is_solved = incidents.c.status != "reported"
    patrol = incidents.c.discovery == "patrol_stop"

    def total(column: sa.ColumnElement, label: str, where: sa.ColumnElement | None = None) -> sa.Label:
        summed = sa.func.sum(column) if where is None else sa.func.sum(column).filter(where)
        return sa.cast(sa.func.coalesce(summed, 0), sa.BigInteger).label(label)

    solved_rows = sa.and_(county_rows, is_solved, incidents.c.solved_on.is_not(None))
    return {
        "reported": sa.select(reported_day.label("day"), incidents.c.crime_type, sa.func.count().label("incidents"),
                              sa.func.count().filter(patrol).label("patrol_stops"),
                              total(incidents.c.fugitives_caught, "patrol_fugitives", patrol),
                              sa.func.count().filter(incidents.c.discovery == "admin_transfer").label("admin_transfers"))
        .where(county_rows, incidents.c.reported_at.is_not(None))
        .group_by(incidents.c[COUNTY], reported_day, incidents.c.crime_type),
        "solved": sa.select(solved_day.label("day"), incidents.c.crime_type, sa.func.count().label("cases"),
                            sa.func.count().filter(incidents.c.status == "judged").label("judged"),
                            *(total(incidents.c[c], c) for c in ("suspects_caught", "arrests_approved",
                                                                  "recovered_yuan", "assets_seized_yuan")))
        .where(solved_rows)
        .group_by(incidents.c[COUNTY], solved_day, incidents.c.crime_type),
        "gangs": sa.select(solved_day.label("day"), incidents.c.crime_type, incidents.c.gang_id)
        .where(solved_rows, incidents.c.gang_id.is_not(None))
        .group_by(incidents.c[COUNTY], solved_day, incidents.c.crime_type, incidents.c.gang_id),
        "cold_homicides": sa.select(solved_day.label("day"), sa.func.count().label("cases"),
                                    total(incidents.c.fugitives_caught, "fugitives_caught"))
        .where(solved_rows, incidents.c.crime_type == "homicide",
               solved_day - reported_day >= COLD_CASE_DAYS)  # date - date: whole days
        .group_by(incidents.c[COUNTY], solved_day),
        "solving": sa.select(reported_day.label("reported_day"),
                             sa.case((is_solved, solved_day)).label("solved_day"),
                             is_solved.label("solved"), sa.func.count().label("incidents"))
        .where(county_rows, incidents.c.reported_at.is_not(None))
        .group_by(incidents.c[COUNTY], reported_day, sa.case((is_solved, solved_day)), is_solved),
    }


def case_facts(connection: sa.Connection, county: str) -> CaseFacts:
    """The case facts of one county, counted by the database: equal to `case_facts_of` its incidents."""
    tables = {name: pd.DataFrame(connection.execute(query).all(), columns=list(COLUMNS[name]))
              for name, query in case_facts_queries(county).items()}
    return facts_from_tables(tables)
