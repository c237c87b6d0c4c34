"""Unknown paths are sent to a page that says so; Streamlit's own routes and files are left to Streamlit."""
import asyncio

import pytest

from lib.server.unknown_paths import UnknownPaths, redirect_for

PAGES = {"", "crime", "mediation", "data"}
FILES = {"index.html", "favicon.png", "manifest.json", "static"}


@pytest.mark.parametrize("path,query,target", [
    ("/crime/extra", "", "/crime?not_found=/crime/extra"),
    ("/crime/extra/more", "lang=en&town=1", "/crime?lang=en&town=1&not_found=/crime/extra/more"),
    ("/nope/a/b", "", "/?not_found=/nope/a/b"),
    ("/nope", "lang=en", "/?lang=en&not_found=/nope"),
    ("//evil.example/x", "", "/?not_found=//evil.example/x"),  # a path, never an address to go to
    ("/crime/<b>x</b>", "", "/crime?not_found=/crime/%3Cb%3Ex%3C/b%3E"),
])
def test_unknown_paths_go_to_the_nearest_page_with_the_path_asked_for(path, query, target):
    assert redirect_for(path, query, PAGES, FILES) == target


@pytest.mark.parametrize("path", ["/", "/crime", "/crime/", "/data", "/favicon.png", "/manifest.json",
                                  "/_stcore/health", "/_stcore/stream", "/crime/_stcore/health", "/nope/_stcore/host-config",
                                  "/static/js/index.js", "/media/abc.png", "/component/streamlit_folium/index.html",
                                  "/app/static/vendor/leaflet.js", "/-/signin", "/-/sso", "/auth/login", "/oauth2callback"])
def test_pages_files_and_server_routes_are_left_alone(path):
    assert redirect_for(path, "", PAGES, FILES) is None


def _answer(method: str, path: str, query: bytes = b"") -> tuple[int, dict[bytes, bytes]]:
    """The status and headers the middleware answers with, in front of an app that answers 200 "app"."""
    async def app(scope, receive, send):
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"app"})

    sent: list[dict] = []

    async def receive():
        return {"type": "http.request", "body": b""}

    async def send(message):
        sent.append(message)

    scope = {"type": "http", "method": method, "path": path, "query_string": query, "headers": []}
    asyncio.run(UnknownPaths(app, files=FILES)(scope, receive, send))
    return sent[0]["status"], dict(sent[0]["headers"])


def test_the_middleware_redirects_gets_only():
    status, headers = _answer("GET", "/crime/extra", b"lang=en")
    assert status == 302 and headers[b"location"] == b"/crime?lang=en&not_found=/crime/extra"
    assert _answer("POST", "/crime/extra")[0] == 200
    assert _answer("GET", "/crime")[0] == 200
