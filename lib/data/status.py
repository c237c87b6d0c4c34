"""The state of every dataset in a data folder: rows, period covered, last update, demo or real, schema version."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path

import pandas as pd

from lib.data.contracts import DATASETS, INCIDENTS, DatasetSpec
from lib.data.store import DataBundle
from lib.i18n import Lang, t

BEIJING = timezone(pd.Timedelta(hours=8).to_pytimedelta())


@dataclass(frozen=True)
class DatasetStatus:
    name: str
    file: str
    rows: int
    first: date | None  # the period the dataset's first date column covers (None: no dates)
    last: date | None
    updated: datetime | None  # the file's modification time, Beijing time
    demo: bool
    schema_version: int


def _period(spec: DatasetSpec, frame: pd.DataFrame) -> tuple[date | None, date | None]:
    dated = [c.name for c in spec.columns if c.kind in ("date", "datetime")]
    if dated:
        values = pd.to_datetime(frame[dated[0]]).dropna()
        return (values.min().date(), values.max().date()) if len(values) else (None, None)
    if "year" in frame.columns and len(frame):
        return date(int(frame["year"].min()), 1, 1), date(int(frame["year"].max()), 12, 31)
    return None, None


def dataset_status(bundle: DataBundle, root: Path, written: Mapping[str, datetime] | None = None) -> list[DatasetStatus]:
    """One status per dataset of the contract, in contract order. Last updated: when `written` says (a database's
    record of its writes), else the file's modification time."""
    out = []
    for spec in DATASETS:
        path = Path(root) / spec.file
        if written is not None:
            updated = written[spec.name].astimezone(BEIJING) if spec.name in written else None
        else:
            updated = (datetime.fromtimestamp(path.stat().st_mtime, tz=timezone.utc).astimezone(BEIJING)
                       if path.exists() else None)
        first, last = bundle.incidents.span() if spec.name == INCIDENTS.name else _period(spec, bundle[spec.name])
        out.append(DatasetStatus(spec.name, spec.file, bundle.rows(spec.name), first, last, updated,
                                 bundle.manifest.is_demo(spec.name), bundle.manifest.schema_version))
    return out


def status_table(statuses: list[DatasetStatus], lang: Lang) -> pd.DataFrame:
    """The statuses as a table with headers and values in `lang`."""
    specs = {d.name: d for d in DATASETS}
    return pd.DataFrame([{
        t("da.col.dataset", lang): specs[s.name].zh if lang == "zh" else specs[s.name].en,
        t("da.col.file", lang): s.file,
        t("da.col.rows", lang): s.rows,
        t("da.col.period", lang): f"{s.first.isoformat()} – {s.last.isoformat()}" if s.first and s.last else "—",
        t("da.col.updated", lang): s.updated.strftime("%Y-%m-%d %H:%M") if s.updated else "—",
        t("da.col.source", lang): t("da.demo" if s.demo else "da.real", lang),
        t("da.col.schema", lang): s.schema_version,
    } for s in statuses])
