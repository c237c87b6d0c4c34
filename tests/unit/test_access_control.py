"""The password check, the sign-in throttle, the client's address, roles, sign-in cookies and the audit trail."""
from __future__ import annotations

import time

import pandas as pd
import pytest

from lib.access_control import LoginThrottle, client_address, password_matches
from lib import audit
from lib.audit import AuditEvent, AuditLog
from lib.roles import Identity, Role, role_from_claims
from lib.sessions import PasswordSessions, Revocations
from lib.settings import SettingsError, read_settings


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


# ---------------------------------------------------------------- the client's address, roles, cookies, the audit trail


@pytest.mark.parametrize("peer, forwarded, trusted, address", [
    ("198.51.100.7", ["203.0.113.1"], (), "198.51.100.7"),  # no trusted proxy: the header is the client's own word
    ("::ffff:127.0.0.1", [], (), "127.0.0.1"),  # IPv4 written as IPv6 is IPv4
    ("127.0.0.1", ["203.0.113.1"], ("127.0.0.1",), "203.0.113.1"),  # a trusted proxy passed the client on
    ("127.0.0.1", ["10.1.1.1, 203.0.113.1"], ("127.0.0.1",), "203.0.113.1"),  # what the client wrote first is ignored
    ("127.0.0.1", ["203.0.113.1, 10.0.0.5"], ("127.0.0.1", "10.0.0.0/8"), "203.0.113.1"),  # two proxies in a row
    ("127.0.0.1", ["not-an-address"], ("127.0.0.1",), None),
    ("127.0.0.1", [], ("127.0.0.1",), "127.0.0.1"),  # the proxy itself, with no header
    (None, ["203.0.113.1"], (), None),  # no address at all: nobody's bucket
])
def test_the_client_address_believes_forwarded_for_only_from_trusted_proxies(peer, forwarded, trusted, address):
    assert client_address(peer, forwarded, trusted) == address


def _oidc(**env):
    base = {"PINGAN_OIDC_METADATA_URL": "https://sso/.well-known/openid-configuration", "PINGAN_OIDC_CLIENT_ID": "c",
            "PINGAN_OIDC_CLIENT_SECRET": "s", "PINGAN_OIDC_REDIRECT_URI": "https://app/oauth2callback"}
    return read_settings({**base, **env}, secrets=dict).oidc


def test_groups_map_to_the_highest_role_they_grant():
    oidc = _oidc(PINGAN_VIEWER_GROUPS="leaders", PINGAN_ANALYST_GROUPS="analysts, data", PINGAN_ADMIN_GROUPS="it")
    assert role_from_claims({"groups": ["leaders"]}, oidc) == Role.VIEWER
    assert role_from_claims({"groups": "staff data"}, oidc) == Role.ANALYST  # a space-separated string claim
    assert role_from_claims({"groups": ["leaders", "it"]}, oidc) == Role.ADMINISTRATOR
    assert role_from_claims({"groups": ["staff"]}, oidc) is None and role_from_claims({}, oidc) is None
    assert Role.ANALYST.uploads and not Role.ANALYST.rolls_back and not Role.VIEWER.uploads
    assert Role.ADMINISTRATOR.reads_audit and not Role.ANALYST.reads_audit


def test_single_sign_on_settings_are_whole_and_never_beside_a_password():
    assert _oidc().role_claim == "groups" and dict(_oidc().role_groups)["viewer"] == ("viewer",)
    with pytest.raises(SettingsError, match="PINGAN_OIDC_CLIENT_SECRET"):
        read_settings({"PINGAN_OIDC_METADATA_URL": "https://x", "PINGAN_OIDC_CLIENT_ID": "c",
                       "PINGAN_OIDC_REDIRECT_URI": "https://app/oauth2callback"}, secrets=dict)
    with pytest.raises(SettingsError, match="PINGAN_PASSWORD"):
        read_settings({"PINGAN_PASSWORD": "p", "PINGAN_OIDC_METADATA_URL": "https://x"}, secrets=dict)
    with pytest.raises(SettingsError, match="PINGAN_TRUSTED_PROXIES"):
        read_settings({"PINGAN_TRUSTED_PROXIES": "127.0.0.1, proxy.local"}, secrets=dict)
    with pytest.raises(SettingsError, match="PINGAN_PASSWORD_ROLE"):
        read_settings({"PINGAN_PASSWORD_ROLE": "root"}, secrets=dict)
    with pytest.raises(SettingsError, match="PINGAN_SESSION_HOURS"):
        read_settings({"PINGAN_SESSION_HOURS": "0"}, secrets=dict)
    assert read_settings({"PINGAN_TRUSTED_PROXIES": "127.0.0.1 10.0.0.0/8"}, secrets=dict).trusted_proxies == \
        ("127.0.0.1", "10.0.0.0/8")


def test_a_sign_in_cookie_is_signed_expires_and_can_be_revoked(tmp_path, monkeypatch):
    clock = Clock()
    revocations = Revocations(tmp_path / "revoked.jsonl", 3600, clock=clock)
    sessions = PasswordSessions("secret", 1, revocations)
    analyst = Identity("password", Role.ANALYST, "password")
    cookie = sessions.issue(analyst)
    assert sessions.read(cookie) == analyst
    assert sessions.read(cookie[:-2] + "xx") is None and sessions.read("") is None and sessions.read(None) is None
    assert PasswordSessions("another secret", 1, revocations).read(cookie) is None
    issued = time.time()
    monkeypatch.setattr(time, "time", lambda: issued + 3500)
    assert sessions.read(cookie) == analyst  # within its hour
    monkeypatch.setattr(time, "time", lambda: issued + 3700)
    assert sessions.read(cookie) is None  # expired
    monkeypatch.undo()
    revocations.revoke(cookie)
    assert sessions.read(cookie) is None
    again = Revocations(tmp_path / "revoked.jsonl", 3600, clock=clock)  # after a restart
    assert PasswordSessions("secret", 1, again).read(cookie) is None
    assert "password" not in (tmp_path / "revoked.jsonl").read_text() and cookie not in (tmp_path / "revoked.jsonl").read_text()


def test_the_audit_trail_appends_and_reads_back_and_survives_a_torn_line(tmp_path):
    path = tmp_path / "audit.jsonl"
    trail = AuditLog(path)
    trail.append(AuditEvent("sign-in", "refused", detail="wrong password", address="203.0.113.1"))
    trail.append(AuditEvent("page-view", "ok", "王 <b>", "viewer", "/crime?town=511402003"))
    with open(path, "a", encoding="utf-8") as out:
        out.write('{"time": "2026-')  # a crash in the middle of a line
    read = AuditLog(path).read()
    assert read["action"].tolist() == ["sign-in", "page-view"] and read.loc[1, "user"] == "王 <b>"
    assert list(read.columns) == ["time", "user", "role", "action", "detail", "outcome", "address"]
    assert oct(path.stat().st_mode & 0o777) == "0o600"


def test_two_trails_merge_in_time_order_whatever_their_time_zone():
    from_file = pd.DataFrame([AuditEvent("sign-in", "ok", "a", time="2026-11-30T22:00:00+08:00").__dict__,
                              AuditEvent("download", "ok", "a", time="2026-11-30T22:05:00+08:00").__dict__])
    from_database = pd.DataFrame([AuditEvent("upload", "ok", "b", time="2026-11-30T14:02:00+00:00").__dict__])
    merged = audit.merged(from_file[list(audit.COLUMNS)], from_database[list(audit.COLUMNS)])
    assert merged["action"].tolist() == ["sign-in", "upload", "download"]
    assert list(merged.columns) == list(audit.COLUMNS) and merged.index.tolist() == [0, 1, 2]
