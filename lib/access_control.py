"""The optional password: checking a guess, and slowing down whoever keeps guessing.

Pure (no Streamlit): lib/ui/auth.py shows the form and keeps the throttle for the server's lifetime."""
from __future__ import annotations

import hmac
import time
from collections.abc import Callable
from dataclasses import dataclass, field

MAX_FAILURES = 5  # wrong passwords in a row from one address before it must wait
LOCK_SECONDS = 300.0


def password_matches(given: str, expected: str) -> bool:
    """True when `given` is the password; constant-time, so the answer's timing does not leak the password."""
    return hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


@dataclass
class LoginThrottle:
    """After MAX_FAILURES wrong passwords in a row, an address waits LOCK_SECONDS before it may try again.

    Keyed by client address (not by browser session: a new tab would reset a per-session count)."""
    max_failures: int = MAX_FAILURES
    lock_seconds: float = LOCK_SECONDS
    clock: Callable[[], float] = time.monotonic
    _failures: dict[str, int] = field(default_factory=dict)
    _locked_until: dict[str, float] = field(default_factory=dict)

    def wait_seconds(self, address: str) -> float:
        """Seconds before `address` may try again; 0 when it may try now."""
        remaining = self._locked_until.get(address, 0.0) - self.clock()
        if remaining > 0:
            return remaining
        self._locked_until.pop(address, None)
        return 0.0

    def record(self, address: str, success: bool) -> None:
        """Count a wrong password (locking the address after too many); a right one clears the count."""
        if success:
            self._failures.pop(address, None)
            return
        failures = self._failures.get(address, 0) + 1
        if failures >= self.max_failures:
            self._locked_until[address] = self.clock() + self.lock_seconds
            failures = 0
        self._failures[address] = failures
