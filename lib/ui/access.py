"""What this deployment allows. Settings come from the environment or .streamlit/secrets.toml, never from a URL."""
from __future__ import annotations

import os

import streamlit as st

from lib.i18n import Lang, t
from lib.page_registry import PageSpec

UPLOADS_SETTING = "PINGAN_UPLOADS"
PASSWORD_SETTING = "PINGAN_PASSWORD"
PUBLIC_SETTING = "PINGAN_PUBLIC"
OFF_VALUES = {"0", "off", "false", "no"}
ON_VALUES = {"1", "on", "true", "yes"}


def _setting(name: str, default: str) -> str:
    if name in os.environ:
        return os.environ[name]
    try:
        return str(st.secrets.get(name, default))
    except Exception:  # no secrets file: the default holds
        return default


def public_mode() -> bool:
    """The public copy (PINGAN_PUBLIC=1/on/true/yes): small counts shown as "<3", areas only on maps, no data
    management. Only the deployment sets it: no URL parameter, session state or widget reaches this setting."""
    return _setting(PUBLIC_SETTING, "off").strip().lower() in ON_VALUES


def uploads_allowed() -> bool:
    """Uploads and rollbacks on the data page: on by default (a local run); PINGAN_UPLOADS=off turns them off,
    and so does public mode."""
    return not public_mode() and _setting(UPLOADS_SETTING, "on").strip().lower() not in OFF_VALUES


def configured_password() -> str | None:
    """The access password (PINGAN_PASSWORD), or None when the deployment sets none (an empty value sets none)."""
    password = _setting(PASSWORD_SETTING, "")
    return password or None


DATA_MANAGEMENT = "data"  # url_path of the data-management page


def data_management_offered() -> bool:
    """The data-management page (uploads, rollbacks) exists only behind the password, and never in public mode."""
    return configured_password() is not None and not public_mode()


def page_offered(spec: PageSpec) -> bool:
    """Whether this deployment offers the page; a link to one it does not offer gets a notice instead."""
    return spec.url_path != DATA_MANAGEMENT or data_management_offered()


def not_offered_page(spec: PageSpec, lang: Lang) -> st.Page:
    """A page kept out of the menu that answers the page's link with why it is not offered here."""
    def explain() -> None:
        st.title(t(spec.title_key, lang))
        reason = "access.not_offered_public" if public_mode() else "access.not_offered"
        st.warning(t(reason, lang), icon=":material/lock:")

    return st.Page(explain, title=t(spec.title_key, lang), url_path=spec.url_path, visibility="hidden")
