"""The optional password gate: when a password is set, nothing of any page (and so no download) runs before it."""
from __future__ import annotations

import streamlit as st

from lib.access_control import LoginThrottle, password_matches
from lib.i18n import Lang, t
from lib.settings import Settings

SIGNED_IN = "auth-signed-in"  # session-state flag; a session is one browser tab


@st.cache_resource
def _throttle() -> LoginThrottle:
    """One throttle for the server's lifetime, shared by every session."""
    return LoginThrottle()


def _client_address() -> str:
    return st.context.ip_address or "unknown"


def _try(password: str, expected: str | None, lang: Lang) -> None:
    throttle, address = _throttle(), _client_address()
    wait = throttle.wait_seconds(address)
    if wait:
        st.session_state["auth-error"] = t("auth.locked", lang, minutes=max(1, round(wait / 60)))
        return
    ok = expected is not None and password_matches(password, expected)
    throttle.record(address, ok)
    if ok:
        st.session_state[SIGNED_IN] = True
        st.session_state.pop("auth-error", None)
    else:
        st.session_state["auth-error"] = t("auth.wrong", lang)


def password_pending(settings: Settings) -> bool:
    """True while a password is configured and this session has not given it."""
    return settings.password is not None and not st.session_state.get(SIGNED_IN)


def require_password(settings: Settings, lang: Lang) -> None:
    """While the password is pending: the sign-in form, then st.stop() (nothing of the page runs).

    Call it after st.navigation, so that the link's page and parameters stay in the address bar and the shared
    view appears once the password is given."""
    if not password_pending(settings):
        return
    st.title(t("app.title", lang))
    with st.form("auth-form", border=True):
        st.subheader(t("auth.heading", lang))
        password = st.text_input(t("auth.password", lang), type="password", key="auth-password")
        if st.form_submit_button(t("auth.submit", lang), type="primary", icon=":material/login:"):
            _try(password, settings.password, lang)
            if st.session_state.get(SIGNED_IN):
                st.rerun()
    if error := st.session_state.get("auth-error"):
        st.error(error, icon=":material/lock:")
    st.caption(t("auth.note", lang))
    st.stop()


def sign_out_button(settings: Settings, lang: Lang) -> None:
    """A sidebar button that ends this session's sign-in (only when a password is configured)."""
    if settings.password is None:
        return
    if st.sidebar.button(t("auth.sign_out", lang), icon=":material/logout:", key="auth-sign-out"):
        st.session_state.pop(SIGNED_IN, None)
        st.rerun()
