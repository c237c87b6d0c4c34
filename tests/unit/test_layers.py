"""The layers of lib/ and what each may import (README, "Layers"), checked on the source."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
PURE = ("lib/data", "lib/metrics", "lib/viz", "lib/summary", "lib/briefing", "lib/strings")  # no Streamlit, no lib.ui

# what each folder may not import (a prefix of a module name)
FORBIDDEN = {
    "lib/data": ("streamlit", "lib.ui", "lib.viz", "lib.metrics", "lib.briefing", "lib.audience", "lib.headline"),
    "lib/metrics": ("streamlit", "lib.ui", "lib.viz", "lib.briefing", "lib.data.writes", "lib.data.upload"),
    "lib/viz": ("streamlit", "lib.ui", "lib.briefing", "lib.data.store", "lib.data.writes", "lib.data.upload"),
    "lib/summary": ("streamlit", "lib.ui", "lib.briefing", "lib.viz", "lib.data.store", "lib.data.writes",
                    "lib.data.upload"),
    "lib/briefing": ("streamlit", "lib.ui"),
    "lib/strings": ("streamlit", "lib.ui", "lib.data", "lib.metrics", "lib.viz"),
    "lib/server": ("lib.ui", "lib.viz", "lib.metrics", "lib.briefing", "lib.data"),
    "views": ("lib.data.store", "lib.data.snapshot", "lib.data.location", "lib.settings", "lib.ui.data",
              "lib.ui.shell", "lib.ui.briefing", "lib.ui.present", "lib.ui.auth", "os"),
}


def _python_files(folder: str) -> list[Path]:
    return sorted((REPO / folder).rglob("*.py"))


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


@pytest.mark.parametrize("folder", sorted(FORBIDDEN))
def test_each_layer_imports_only_what_it_may(folder):
    found = []
    for path in _python_files(folder):
        if folder == "views" and path.name == "data_admin.py":
            continue  # data management writes data: it imports lib.data by design
        for name in _imports(path):
            if any(name == bad or name.startswith(bad + ".") for bad in FORBIDDEN[folder]):
                found.append(f"{path.relative_to(REPO)} imports {name}")
    assert found == []


def test_only_lib_data_imports_the_demo_generator():
    found = [str(path.relative_to(REPO)) for folder in ("lib", "views", "bench") for path in _python_files(folder)
             if not str(path.relative_to(REPO)).startswith("lib/data/")
             and any(name.startswith("lib.data.demo") for name in _imports(path))]
    found += [str(REPO / "app.py")] if any(n.startswith("lib.data.demo") for n in _imports(REPO / "app.py")) else []
    assert found == []


def test_exactly_one_module_reads_settings_and_nothing_writes_them():
    readers = []
    for path in [*_python_files("lib"), *_python_files("views"), REPO / "app.py"]:
        text = path.read_text(encoding="utf-8")
        if any(word in text for word in ("os.environ", "os.getenv", "st.secrets")):
            readers.append(str(path.relative_to(REPO)))
    assert readers == ["lib/settings.py"]


def test_views_open_with_one_call():
    """Every figure page opens with open_page() before anything else it draws."""
    for path in _python_files("views"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        calls = [node for node in tree.body if isinstance(node, (ast.Assign, ast.Expr))
                 and not isinstance(node.value, ast.Constant)  # the docstring
                 and not (isinstance(node, ast.Assign) and all(isinstance(t, ast.Name) and t.id.isupper()
                                                               for t in node.targets))]  # the page's constants
        first = calls[0].value if calls else None
        assert isinstance(first, ast.Call) and getattr(first.func, "id", None) == "open_page", path.name
