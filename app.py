"""东坡区平安建设数据看板 — the app shell: pages with stable URLs, language, data status."""
import streamlit as st

from lib.i18n import t
from lib.page_registry import PAGES
from lib.ui.shell import language_switch, presentation_mode, share_link

st.set_page_config(page_title=t("app.title"), page_icon="assets/icon.png", layout="wide")

lang = language_switch()
presentation_mode(lang)  # ?present=1: no sidebar, no widgets, large type
pages = [
    st.Page(spec.script, title=t(spec.title_key, lang), icon=spec.icon, url_path=spec.url_path, default=spec.url_path == "")
    for spec in PAGES
]
page = st.navigation(pages, position="sidebar")
page.run()
share_link(page.url_path, lang)  # after the page: its filters are in the URL by now
