"""Single sign-on for Streamlit's st.login: its `[auth]` secrets, made from the deployment's settings.

Streamlit reads its OIDC client from an `[auth]` section of its secrets; the dashboard's settings name the same
things (PINGAN_OIDC_*), and app.py hands Streamlit this section when it builds the server, so the deployment
configures single sign-on in one place (lib/settings.py) and the sign-in cookie is signed with the session secret
that the access gate checks it with.
"""
from __future__ import annotations

from lib.server.identity import identifier_for
from lib.settings import SettingsError, read_settings


def server_secrets() -> dict[str, object] | None:
    """`{"auth": {...}}` when single sign-on is configured; None otherwise (or when the settings cannot be read:
    the gate then answers every request with the settings' error)."""
    try:
        settings = read_settings()
    except SettingsError:
        return None
    if settings.oidc is None:
        return None
    oidc = settings.oidc
    return {"auth": {"redirect_uri": oidc.redirect_uri, "cookie_secret": identifier_for(settings).secret,
                     "client_id": oidc.client_id, "client_secret": oidc.client_secret,
                     "server_metadata_url": oidc.metadata_url}}
