"""Sign-in as a page run sees it: who the run's browser is (the same cookie check as the server's access gate), the
note that stops a run without a sign-in, the sign-out button, and the audit lines a page run writes.

The server's gate (lib/server/gate.py) already keeps every page, download and upload from a browser that has not
signed in; a page run checks again on every run, so that a tab left open after signing out elsewhere, or a copied
cookie that has since been revoked, shows nothing more.
"""
from __future__ import annotations

from urllib.parse import quote

import streamlit as st

from lib.access_control import client_address
from lib.audit import PAGE_VIEW, AuditEvent, AuditLog
from lib.i18n import Lang, t
from lib.roles import Identity
from lib.server.identity import Visitor, identifier_for
from lib.settings import Settings

_LAST_VIEW = "_audited_view"  # session state: the last page view written, so reruns of one view write one line


def request_cookies() -> dict[str, str]:
    """The cookies the browser sent when this tab connected."""
    return dict(st.context.cookies)


def visitor(settings: Settings) -> Visitor:
    """Who this tab is: an identity with a role, or nobody signed in (`.identity` is None)."""
    return identifier_for(settings).visitor(request_cookies())


def require_sign_in(settings: Settings, visitor_: Visitor, link: str, lang: Lang) -> None:
    """Without a valid sign-in: a note with the way to the sign-in page, then st.stop() (nothing of the page runs)."""
    if visitor_.identity is not None:
        return
    st.title(t("app.title", lang))
    if visitor_.unauthorised_user:
        st.error(t("auth.not_authorised", lang, user=visitor_.unauthorised_user), icon=":material/lock:")
        st.button(t("auth.sign_out", lang), icon=":material/logout:", key="auth-sign-out", on_click=st.logout)
    else:
        st.warning(t("auth.required", lang, url=f"/-/signin?next={quote(link, safe='')}"), icon=":material/lock:")
    st.stop()


def sign_out_button(settings: Settings, identity: Identity | None, lang: Lang) -> None:
    """Sidebar: who is signed in, in which role, and the sign-out button (only with access control)."""
    if not settings.access_control or identity is None:
        return
    user = t("auth.password_user", lang) if identity.method == "password" else identity.user
    st.sidebar.caption(t("auth.signed_in_as", lang, user=user, role=t(identity.role.label_key, lang)))
    st.sidebar.button(t("auth.sign_out", lang), icon=":material/logout:", key="auth-sign-out", on_click=st.logout)


def audit_log(settings: Settings) -> AuditLog:
    return AuditLog(settings.audit_path)


def audit_event(settings: Settings, identity: Identity | None, action: str, outcome: str,
                detail: str = "") -> AuditEvent:
    """The audit line of an action taken in this page run: who, from which address, now."""
    headers = st.context.headers
    address = client_address(st.context.ip_address, headers.get_all("x-forwarded-for") if headers else [],
                             settings.trusted_proxies) or ""
    return AuditEvent(action, outcome, identity.user if identity else "", identity.role.name.lower() if identity else "",
                      detail, address)


def record(settings: Settings, identity: Identity | None, action: str, outcome: str, detail: str = "") -> None:
    """One line of the audit trail for an action taken in a page run (with access control only: without it nobody
    is signed in, and there is nobody to record)."""
    if not settings.access_control:
        return
    audit_log(settings).append(audit_event(settings, identity, action, outcome, detail))


def record_page_view(settings: Settings, identity: Identity | None, link: str) -> None:
    """The page and its filters (the view's link), once per view: a rerun that changes nothing writes nothing."""
    if st.session_state.get(_LAST_VIEW) == link:
        return
    st.session_state[_LAST_VIEW] = link
    record(settings, identity, PAGE_VIEW, "ok", link)
