"""The password check and the sign-in throttle."""
from __future__ import annotations

from lib.access_control import LoginThrottle, password_matches


def test_password_matches_exactly():
    assert password_matches("东坡-密码 1", "东坡-密码 1")
    assert not password_matches("东坡-密码 ", "东坡-密码 1")
    assert not password_matches("", "x")
    assert not password_matches("X", "x")


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_an_address_waits_after_too_many_wrong_passwords_and_others_do_not():
    clock = Clock()
    throttle = LoginThrottle(max_failures=3, lock_seconds=60, clock=clock)
    for _ in range(2):
        throttle.record("10.0.0.1", success=False)
    assert throttle.wait_seconds("10.0.0.1") == 0
    throttle.record("10.0.0.1", success=False)
    assert throttle.wait_seconds("10.0.0.1") == 60
    assert throttle.wait_seconds("10.0.0.2") == 0
    clock.now += 59.5
    assert throttle.wait_seconds("10.0.0.1") == 0.5
    clock.now += 1
    assert throttle.wait_seconds("10.0.0.1") == 0


def test_a_right_password_clears_the_count():
    throttle = LoginThrottle(max_failures=3, lock_seconds=60, clock=Clock())
    throttle.record("a", success=False)
    throttle.record("a", success=False)
    throttle.record("a", success=True)
    throttle.record("a", success=False)
    throttle.record("a", success=False)
    assert throttle.wait_seconds("a") == 0
