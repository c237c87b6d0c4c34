"""平安建设数据看板 — the app shell: pages with stable URLs, language, sign-in, presentation mode."""
import streamlit as st

from lib.i18n import t
from lib.ui.shell import open_shell, run_page

st.set_page_config(page_title=t("app.title"), page_icon="assets/icon.png", layout="wide")
shell = open_shell()  # settings, language, sign-in state, presentation mode (?present=1)
page = st.navigation(shell.navigation(), position="hidden" if shell.locked else "sidebar")
run_page(shell, page)  # the sign-in gate, the page, then the playlist, the link, the briefing and sign-out
