"""平安建设数据看板 — the app: its server, and the shell every page runs in.

`streamlit run app.py` finds the `App` below and serves it: Streamlit's own server with the access gate
(lib/server/gate.py) in front of every route, and before it the redirect of unknown paths to a page that says so
(lib/server/unknown_paths.py). Streamlit then runs this same file as each browser tab's script
(as `__main__`): the shell with pages at stable URLs, language, sign-in state and presentation mode.
"""
if __name__ == "__main__":
    import streamlit as st

    from lib.i18n import t
    from lib.ui.shell import open_shell, run_page

    st.set_page_config(page_title=t("app.title"), page_icon="assets/icon.png", layout="wide")
    shell = open_shell()  # settings, language, who is signed in, presentation mode (?present=1)
    page = st.navigation(shell.navigation(), position="hidden" if shell.locked else "sidebar")
    run_page(shell, page)  # the sign-in check, the page, then the playlist, the link, the briefing and sign-out
else:
    from starlette.middleware import Middleware
    from streamlit.starlette import App

    from lib.server.sso import server_secrets
    from lib.server.gate import AccessGate
    from lib.server.unknown_paths import UnknownPaths
    from lib.ui.warm_up import lifespan

    # outermost first: an unknown path is sent to a page saying so before the gate asks anyone to sign in
    # the lifespan warms the first page's data while the browser loads the app (lib/ui/warm_up.py)
    app = App(__file__, middleware=[Middleware(UnknownPaths), Middleware(AccessGate)], secrets=server_secrets(),
              lifespan=lifespan)
