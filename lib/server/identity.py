"""Who a request comes from, read from its cookies: the same answer for the access gate and for every page run.

Password mode: the app's own signed cookie (lib/sessions.py). Single sign-on: the identity cookie that Streamlit's
st.login flow sets after the provider's callback, checked with the same secret, held to the deployment's session
hours, and mapped to a role through the configured claim (lib/roles.py).
"""
from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from streamlit.auth_util import get_cookie_with_chunks
from streamlit.web.server.starlette.starlette_app_utils import decode_signed_value
from streamlit.web.server.starlette.starlette_server_config import USER_COOKIE_NAME

from lib.roles import NOBODY, Identity, identity_from_claims
from lib.sessions import SESSION_COOKIE, PasswordSessions, Revocations, stored_secret
from lib.settings import Settings

SSO_COOKIE = USER_COOKIE_NAME  # Streamlit's st.login identity cookie


@dataclass(frozen=True)
class Visitor:
    """What a request's cookies say: an identity with a role, a provider user that no role was granted to, or nobody."""
    identity: Identity | None
    unauthorised_user: str = ""  # signed in at the provider, but no group of theirs grants a role

    @property
    def signed_in(self) -> bool:
        return self.identity is not None


ANONYMOUS = Visitor(None)


class Identifier:
    """Reads a request's cookies for one deployment's settings."""

    def __init__(self, settings: Settings):
        self.settings = settings
        access_dir = settings.work_dir / "access"
        self.secret = settings.session_secret or stored_secret(access_dir)
        self.revocations = Revocations(access_dir / "revoked.jsonl", settings.session_hours * 3600)
        self.passwords = PasswordSessions(self.secret, settings.session_hours, self.revocations)

    def visitor(self, cookies: Mapping[str, str]) -> Visitor:
        if not self.settings.access_control:
            return Visitor(NOBODY)
        if self.settings.oidc is None:
            return Visitor(self.passwords.read(cookies.get(SESSION_COOKIE)))
        return self._sso_visitor(cookies)

    def _sso_visitor(self, cookies: Mapping[str, str]) -> Visitor:
        raw = cookies.get(SSO_COOKIE)
        if not raw or self.revocations.revoked(raw):
            return ANONYMOUS
        max_age_days = self.settings.session_hours / 24
        payload = get_cookie_with_chunks(
            lambda name: decode_signed_value(self.secret, name, cookies[name].encode("latin-1"), max_age_days)
            if name in cookies else None, SSO_COOKIE)
        try:
            claims = json.loads(payload) if payload else None
        except ValueError:
            claims = None
        if not isinstance(claims, dict) or not claims.get("is_logged_in"):
            return ANONYMOUS
        identity = identity_from_claims(claims, self.settings.oidc)
        if identity is None:
            return Visitor(None, str(claims.get("email") or claims.get("sub") or "?"))
        return Visitor(identity)

    def revoke(self, cookies: Mapping[str, str]) -> None:
        """Sign out: the sign-in cookie this request carries opens nothing from now on, wherever it was copied."""
        for name in (SESSION_COOKIE, SSO_COOKIE):
            if cookies.get(name):
                self.revocations.revoke(cookies[name])


@lru_cache(maxsize=8)
def identifier_for(settings: Settings) -> Identifier:
    """One identifier per deployment settings, shared by the gate and the page runs of this process."""
    return Identifier(settings)
