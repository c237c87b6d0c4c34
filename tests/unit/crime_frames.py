"""Small hand-made incident frames for the crime-page unit tests (a helper module, not a test file)."""
from __future__ import annotations

import pandas as pd

from lib.data.codes import CRIME_TYPES, INCIDENT_STATUSES, codes_of
from lib.metrics.crime_cube import CrimeCube, build_cube

TOWN_A, TOWN_B = "511402001", "511402100"


def towns_frame() -> pd.DataFrame:
    return pd.DataFrame({"town_code": [TOWN_A, TOWN_B], "population": [10_000, 20_000]})


def incidents_frame(rows: list[tuple]) -> pd.DataFrame:
    """rows: (reported_at 'YYYY-MM-DD HH:MM', town, crime_type[, status, loss_yuan, recovered_yuan]); typed like the store's."""
    full = [(r + ("reported", 0, 0)[len(r) - 3:]) for r in rows]
    frame = pd.DataFrame(full, columns=["reported_at", "town_code", "crime_type", "status", "loss_yuan", "recovered_yuan"])
    frame["reported_at"] = pd.to_datetime(frame["reported_at"], format="%Y-%m-%d %H:%M")
    frame["town_code"] = pd.Categorical(frame["town_code"], categories=[TOWN_A, TOWN_B])
    frame["crime_type"] = pd.Categorical(frame["crime_type"], categories=codes_of(CRIME_TYPES))
    frame["status"] = pd.Categorical(frame["status"], categories=codes_of(INCIDENT_STATUSES))
    frame["loss_yuan"] = frame["loss_yuan"].astype("int64")
    frame["recovered_yuan"] = frame["recovered_yuan"].astype("int64")
    frame["incident_id"] = [f"T{i}" for i in range(len(frame))]
    return frame


def cube_of(rows: list[tuple]) -> CrimeCube:
    return build_cube(incidents_frame(rows), towns_frame())
