"""Paths the app does not know are sent to a page, with the path they asked for, so that the app shell says
"page not found" (lib/ui/shell.py `not_found_notice`) instead of the browser showing a blank page.

Streamlit's page loads its scripts by relative URLs: at a path of two or more parts (`/crime/extra`) they resolve
under `/crime/static/...`, which does not exist, and the page stays white. At an unknown one-part path (`/nope`)
Streamlit's own English dialog runs the main page. So every path that is neither Streamlit's own route, a file
of Streamlit's front end, nor a page goes to the page named by its first part (or the overview), as
`<page>?<its query>&not_found=<path>` (a 302, for GET and HEAD only: nothing else is a browser opening a page).
"""
from __future__ import annotations

import os
from collections.abc import Awaitable, Callable, Collection, MutableMapping
from typing import Any
from urllib.parse import quote

from starlette.responses import RedirectResponse

from lib.page_registry import PAGES

Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]
Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

NOT_FOUND_PARAM = "not_found"
# Streamlit 1.67's routes (streamlit/web/server/starlette/*_routes.py) and the access gate's (lib/server/gate.py)
SERVER_PREFIXES = ("/_stcore/", "/media/", "/component/", "/static/", "/app/static/", "/-/", "/auth/")
SERVER_PATHS = ("/oauth2callback",)
# The front end looks for the server under the page's path first (`/crime/_stcore/health`): Streamlit answers 404
# there, and the front end falls back to the root. Redirected to a page, the probe would "succeed" and the page
# would never connect.
CORE = "_stcore"
MAX_PATH_SHOWN = 200  # characters of the path carried to the notice


def front_end_files() -> frozenset[str]:
    """Names at the root of Streamlit's front end (index.html, favicon.png, manifest.json, ...): served as files."""
    from streamlit import file_util  # here: importing streamlit is not needed to read this module

    folder = file_util.get_static_dir()
    return frozenset(os.listdir(folder)) if os.path.isdir(folder) else frozenset()


def redirect_for(path: str, query: str, pages: Collection[str], files: Collection[str]) -> str | None:
    """Where a browser asking for `path?query` is sent; None when the server answers the path itself.

    `pages` are the pages' URL paths without the slash ("" the overview), `files` the front end's root files."""
    parts = [part for part in path.split("/") if part]
    if path.startswith(SERVER_PREFIXES) or path in SERVER_PATHS or CORE in parts:
        return None
    if not parts or (len(parts) == 1 and (parts[0] in pages or parts[0] in files)):
        return None  # a page (a trailing slash is Streamlit's to take off), or a file
    target = "/" + parts[0] if parts[0] in pages else "/"
    asked = quote(path[:MAX_PATH_SHOWN], safe="/")
    return f"{target}?{query + '&' if query else ''}{NOT_FOUND_PARAM}={asked}"


class UnknownPaths:
    """ASGI middleware: an unknown path is redirected to a page that says so (see the module's doc)."""

    def __init__(self, app: ASGIApp, files: Collection[str] | None = None):
        self.app = app
        self.pages = frozenset(spec.url_path for spec in PAGES)
        self.files = front_end_files() if files is None else frozenset(files)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] in ("GET", "HEAD"):
            query = scope.get("query_string", b"").decode("latin-1")
            target = redirect_for(scope["path"], query, self.pages, self.files)
            if target is not None:
                response = RedirectResponse(target, status_code=302, headers={"Cache-Control": "no-cache"})
                return await response(scope, receive, send)
        await self.app(scope, receive, send)
