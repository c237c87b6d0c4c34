"""A warm start loads only what the first page shows: the server (app.py as `streamlit run` imports it) and the
overview's first run leave the database driver, the maps and the briefing renderers unloaded until a page, a
database URL or a click asks for them. Run in a fresh interpreter, so the modules other tests loaded do not count."""
import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
NOT_AT_START = ("sqlalchemy", "folium", "branca", "streamlit_folium", "pptx", "pypdf", "kaleido",
                "lib.briefing.deck", "lib.briefing.document", "lib.briefing.images", "lib.ui.map_component",
                "lib.viz.offline_assets")
SCRIPT = """
import importlib.util, json, sys
spec = importlib.util.spec_from_file_location("pingan_server", "app.py")
spec.loader.exec_module(importlib.util.module_from_spec(spec))
server = sorted(sys.modules)
from streamlit.testing.v1 import AppTest
app = AppTest.from_file("app.py", default_timeout=180).run()
assert not app.exception and app.metric, [e.value for e in app.exception]
print(json.dumps({"server": server, "page": sorted(sys.modules)}))
"""


def loaded(modules: list[str]) -> list[str]:
    return [m for m in modules if any(m == name or m.startswith(name + ".") for name in NOT_AT_START)]


def test_the_server_and_the_first_page_load_no_database_driver_map_or_briefing_renderer():
    env = {k: v for k, v in os.environ.items() if not k.startswith("PINGAN_DATABASE")}
    out = subprocess.run([sys.executable, "-c", SCRIPT], cwd=REPO, env=env, capture_output=True, text=True,
                         timeout=300)
    assert out.returncode == 0, out.stderr[-3000:]
    modules = json.loads(out.stdout.strip().splitlines()[-1])
    assert "streamlit.starlette" in modules["server"] and "lib.server.gate" in modules["server"]
    assert loaded(modules["server"]) == []
    assert "lib.metrics.overview" in modules["page"]
    assert loaded(modules["page"]) == []
