"""The optional password: checking a guess, slowing down whoever keeps guessing, and telling who is guessing.

Pure (no Streamlit): the server's access gate (lib/server/gate.py) shows the form and keeps the throttle."""
from __future__ import annotations

import hmac
import ipaddress
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


def client_address(peer: str | None, forwarded_for: list[str], trusted_proxies: tuple[str, ...]) -> str | None:
    """The address a request comes from: the connection's peer, unless the peer is one of the deployment's trusted
    proxies; then the nearest address in X-Forwarded-For that is not itself a trusted proxy.

    A client can write anything into X-Forwarded-For, so the header counts only when a trusted proxy passes it on,
    and only the entries that trusted proxies appended (read from the right). None when no address can be told."""
    networks = [ipaddress.ip_network(p, strict=False) for p in trusted_proxies]

    def trusted(ip: ipaddress.IPv4Address | ipaddress.IPv6Address | None) -> bool:
        return ip is not None and any(ip in network for network in networks)

    peer_ip = _ip(peer)
    if peer_ip is None:
        return None
    if not trusted(peer_ip):
        return str(peer_ip)
    hops = [hop.strip() for header in forwarded_for for hop in header.split(",") if hop.strip()]
    for hop in reversed(hops):
        ip = _ip(hop)
        if ip is None:
            return None  # a proxy we trust passed on something that is not an address
        if not trusted(ip):
            return str(ip)
    return str(peer_ip)


def _ip(address: str | None) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    """An address, IPv4 when it is an IPv4 address written as IPv6 (::ffff:127.0.0.1); None when it is not one."""
    if not isinstance(address, str):
        return None
    try:
        ip = ipaddress.ip_address(address.strip())
    except ValueError:
        return None
    return ip.ipv4_mapped or ip if isinstance(ip, ipaddress.IPv6Address) else ip
