"""The suite's own layout: pytest imports test files by their base name (no packages under tests/), so two files
of the same name in different folders break collection of the whole run (as tests/unit and tests/e2e once did)."""
from collections import Counter
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]


def test_no_two_test_files_share_a_name():
    names = Counter(path.name for path in TESTS.rglob("test_*.py"))
    assert [name for name, count in names.items() if count > 1] == []
