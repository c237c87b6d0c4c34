"""AppTest as the bench uses it: the page scripts compiled once, as a server does.

AppTest makes a new script cache on every run, so each rerun it measures would also read, rewrite (Streamlit's
"magic") and compile app.py and the page's script: 10–30 ms that a server spends once per script, not per rerun."""
from __future__ import annotations

from streamlit.runtime.scriptrunner.script_cache import ScriptCache
from streamlit.testing.v1 import AppTest, app_test, local_script_runner

_SHARED = ScriptCache()


def compiled_once() -> None:
    """Every AppTest in this process shares one script cache (a bench process never edits the scripts)."""
    app_test.ScriptCache = local_script_runner.ScriptCache = lambda: _SHARED


__all__ = ["AppTest", "compiled_once"]
