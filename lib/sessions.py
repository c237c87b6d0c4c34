"""Sign-ins that survive a reload and end when they should (pure: no Streamlit).

A sign-in is a cookie whose value is signed with the deployment's secret and carries its own issue time: the server
keeps no session table, so a reload or a restart keeps the sign-in while the cookie is younger than the deployment's
session hours. Signing out revokes the cookie's value: its fingerprint goes into a revocation file that outlives
restarts, so a copy of the cookie taken before the sign-out opens nothing afterwards either.
"""
from __future__ import annotations

import hashlib
import json
import os
import secrets
import threading
import time
from collections.abc import Callable
from pathlib import Path

from itsdangerous import BadSignature, URLSafeTimedSerializer

from lib.roles import Identity, Role

SESSION_COOKIE = "pingan_session"
_SALT = "pingan-session"


def fingerprint(cookie_value: str) -> str:
    """A cookie value's fingerprint: what the revocation file keeps (never the value itself)."""
    return hashlib.sha256(cookie_value.encode("utf-8")).hexdigest()[:32]


def stored_secret(folder: Path) -> str:
    """The secret that signs sign-in cookies when the deployment names none: made once, kept (mode 600) in `folder`."""
    path = folder / "session-secret"
    folder.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text(encoding="ascii").strip()
    with os.fdopen(fd, "w", encoding="ascii") as out:
        out.write(secrets.token_urlsafe(48))
    return path.read_text(encoding="ascii").strip()


class Revocations:
    """Fingerprints of signed-out cookies, in an append-only file; entries older than the session lifetime are moot."""

    def __init__(self, path: Path, lifetime_s: float, clock: Callable[[], float] = time.time):
        self.path, self.lifetime_s, self.clock = path, lifetime_s, clock
        self._lock = threading.Lock()
        self._known: dict[str, float] = {}
        self._seen_size = -1

    def _refresh(self) -> None:
        try:
            size = self.path.stat().st_size
        except FileNotFoundError:
            return
        if size == self._seen_size:
            return
        known: dict[str, float] = {}
        for line in self.path.read_text(encoding="utf-8").splitlines():
            try:
                entry = json.loads(line)
                known[str(entry["fp"])] = float(entry["at"])
            except (ValueError, KeyError, TypeError):
                continue  # a torn last line after a crash
        self._known, self._seen_size = known, size

    def revoke(self, cookie_value: str) -> None:
        line = json.dumps({"fp": fingerprint(cookie_value), "at": self.clock()}) + "\n"
        with self._lock:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with open(self.path, "a", encoding="utf-8") as out:
                out.write(line)
            self._seen_size = -1

    def revoked(self, cookie_value: str) -> bool:
        with self._lock:
            self._refresh()
            at = self._known.get(fingerprint(cookie_value))
        return at is not None and self.clock() - at < self.lifetime_s + 3600


class PasswordSessions:
    """Issues and reads the signed, expiring cookie of a password sign-in."""

    def __init__(self, secret: str, hours: float, revocations: Revocations):
        self._serializer = URLSafeTimedSerializer(secret, salt=_SALT)
        self.max_age_s = hours * 3600
        self.revocations = revocations

    def issue(self, identity: Identity) -> str:
        return self._serializer.dumps({"sid": secrets.token_urlsafe(16), "user": identity.user,
                                       "role": identity.role.name})

    def read(self, cookie_value: str | None) -> Identity | None:
        """The identity a cookie carries; None when it is missing, forged, expired or signed out."""
        if not cookie_value:
            return None
        try:
            claims = self._serializer.loads(cookie_value, max_age=self.max_age_s)
            identity = Identity(str(claims["user"]), Role[claims["role"]], "password")
        except (BadSignature, KeyError, TypeError):
            return None
        return None if self.revocations.revoked(cookie_value) else identity
