"""One engine per database and process, and the data version every replica reads."""
from __future__ import annotations

import functools

import sqlalchemy as sa
from sqlalchemy.engine import make_url

from lib.data.db.schema import COUNTY, data_version, dataset_loads
from lib.data.problems import DataLoadError, DataProblem


@functools.lru_cache(maxsize=4)
def engine_for(url: str) -> sa.Engine:
    """The engine of a database URL; a plain postgresql:// URL is driven by psycopg (version 3)."""
    parsed = make_url(url)
    if parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    return sa.create_engine(parsed, pool_pre_ping=True, pool_size=4, max_overflow=4)


def shown_url(url: str) -> str:
    """The database's address as a page or a log may show it (password hidden)."""
    return make_url(url).render_as_string(hide_password=True)


def database_state(url: str) -> tuple[str, int, list[str]]:
    """The database's address (password hidden), its data version and the counties it holds, in one round trip.

    The version is raised by every load, so caches keyed by it follow a change made by any process or replica."""
    counties = sa.select(sa.func.array_agg(sa.distinct(dataset_loads.c[COUNTY]))).scalar_subquery()
    try:
        with engine_for(url).connect() as connection:
            version, loaded = connection.execute(sa.select(data_version.c.version, counties)).one()
    except sa.exc.SQLAlchemyError as err:  # unreachable, or no tables yet: said plainly, never a traceback
        reason = str(getattr(err, "orig", None) or err).splitlines()[0][:200]
        raise DataLoadError([DataProblem("database", shown_url(url), None, None, None,
                                         f"无法读取数据库(未运行,或尚未用 make db-load 载入数据):{reason}",
                                         f"the database cannot be read (not running, or no data loaded yet with "
                                         f"make db-load): {reason}")]) from err
    return shown_url(url), int(version), sorted(loaded or [])
