"""The audit trail: who did what, when, and how it ended (pure: no Streamlit).

One JSON object per line, appended and flushed to disk before the action's answer goes out; lines are never
rewritten or removed by the app. A line holds the time, the user, their role, the action, its detail (the page and
its filters, a file name) and the outcome: never a password, a cookie or a token.
"""
from __future__ import annotations

import fcntl
import json
import os
import threading
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd

from lib.i18n import Lang, t

# what the trail records
SIGN_IN, SIGN_OUT, PAGE_VIEW, DOWNLOAD, BRIEFING, UPLOAD, ROLLBACK, AUDIT_EXPORT, DENIED = (
    "sign-in", "sign-out", "page-view", "download", "briefing", "upload", "rollback", "audit-export", "denied")
OK, REFUSED, LOCKED, FAILED = "ok", "refused", "locked", "failed"
COLUMNS = ("time", "user", "role", "action", "detail", "outcome", "address")
MAX_DETAIL = 600


def _now() -> str:
    return datetime.now(timezone.utc).astimezone().isoformat(timespec="seconds")


@dataclass(frozen=True)
class AuditEvent:
    action: str
    outcome: str
    user: str = ""
    role: str = ""
    detail: str = ""
    address: str = ""
    time: str = field(default_factory=_now)


class AuditLog:
    """The append-only file of the deployment's audit trail."""

    def __init__(self, path: Path):
        self.path = path
        self._lock = threading.Lock()

    def append(self, event: AuditEvent) -> None:
        record = asdict(event)
        record["detail"] = record["detail"][:MAX_DETAIL]
        line = (json.dumps({name: record[name] for name in COLUMNS}, ensure_ascii=False) + "\n").encode("utf-8")
        with self._lock:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX)  # one line at a time, also against another server process
                os.write(fd, line)
                os.fsync(fd)
            finally:
                os.close(fd)

    def read(self) -> pd.DataFrame:
        """Every line, oldest first, as a table of COLUMNS (a torn last line after a crash is skipped)."""
        rows = []
        if self.path.is_file():
            for line in self.path.read_text(encoding="utf-8").splitlines():
                try:
                    record = json.loads(line)
                except ValueError:
                    continue
                if isinstance(record, dict):
                    rows.append({name: str(record.get(name, "")) for name in COLUMNS})
        return pd.DataFrame(rows, columns=list(COLUMNS))


def readable(trail: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """The trail as an administrator reads it: newest first, headers in the reader's language."""
    return trail.iloc[::-1].reset_index(drop=True).rename(columns={c: t(f"audit.{c}", lang) for c in COLUMNS})


def merged(*trails: pd.DataFrame) -> pd.DataFrame:
    """Several trails (the audit file, the database's audit rows) as one, oldest first by time."""
    whole = pd.concat(trails, ignore_index=True)
    order = pd.to_datetime(whole["time"], utc=True, errors="coerce", format="ISO8601")
    return whole.iloc[order.reset_index(drop=True).sort_values(kind="stable", na_position="first").index] \
        .reset_index(drop=True)
