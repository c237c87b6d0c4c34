"""Unknown paths are sent to a page that says so; Streamlit's own routes and files are left to Streamlit."""
import pytest
from starlette.applications import Starlette
from starlette.responses import PlainTextResponse
from starlette.routing import Route
from starlette.testclient import TestClient

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


def test_the_middleware_redirects_gets_only():
    app = Starlette(routes=[Route("/{rest:path}", lambda r: PlainTextResponse("app"), methods=["GET", "POST"])])
    client = TestClient(UnknownPaths(app, files=FILES), follow_redirects=False)
    answer = client.get("/crime/extra?lang=en")
    assert answer.status_code == 302 and answer.headers["location"] == "/crime?lang=en&not_found=/crime/extra"
    assert client.post("/crime/extra").text == "app"
    assert client.get("/crime").text == "app"
