"""The public copy's badge on every page (Streamlit-aware; the policy itself is lib/disclosure.py)."""
from __future__ import annotations

import streamlit as st

from lib.i18n import Lang, t
from lib.ui.access import public_mode


def public_badge(lang: Lang) -> bool:
    """In public mode: a badge and a one-line caption of what the public copy withholds. Returns public_mode()."""
    public = public_mode()
    if public:
        st.badge(t("pub.badge", lang), icon=":material/public:", color="blue")
        st.caption(t("pub.caption", lang))
    return public
