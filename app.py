"""东坡区平安建设数据看板 — the app shell: pages with stable URLs, language, data status."""
import streamlit as st

from lib.i18n import t
from lib.page_registry import PAGES
from lib.ui import briefing
from lib.ui.access import DATA_MANAGEMENT, not_offered_page, page_offered
from lib.ui.auth import password_pending, require_password, sign_out_button
from lib.ui.present import advance_playlist, presentation_settings
from lib.ui.shell import current_link, language_switch, page_layout, presentation_mode, share_link

st.set_page_config(page_title=t("app.title"), page_icon="assets/icon.png", layout="wide")
page_layout()  # figures wrap rather than clip; a phone layout below 640 px

lang = language_switch()
locked = password_pending()
if not locked:
    presentation_mode(lang)  # ?present=1: no sidebar, no widgets, large type
presenting = presentation_settings(lang, locked)  # with present=1: theme=dark, playlist, every
pages = [
    st.Page(spec.script, title=t(spec.title_key, lang), icon=spec.icon, url_path=spec.url_path, default=spec.url_path == "")
    if page_offered(spec) else not_offered_page(spec, lang)
    for spec in PAGES
]
page = st.navigation(pages, position="hidden" if locked else "sidebar")
require_password(lang)  # when a password is set: no page runs (and so no download exists) before it is given
briefing.begin_page()  # the page notes its KPIs, charts and tables for its briefing as it draws them
page.run()
advance_playlist(presenting, page.url_path, lang)  # present=1&playlist=...: the next page after `every` seconds
share_link(page.url_path, lang)  # after the page: its filters are in the URL by now
if page.url_path != DATA_MANAGEMENT:  # data management has no briefing
    briefing.briefing_control(current_link(page.url_path), page.title, lang)
sign_out_button(lang)
