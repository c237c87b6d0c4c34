"""The demo generator regenerates the committed data byte for byte; the contract doc is current."""
import filecmp

from lib.data import contract_doc
from lib.data.demo.__main__ import generate
from lib.data.store import BUNDLED_DATA_DIR


def test_committed_demo_data_regenerates_byte_for_byte(tmp_path):
    generate(tmp_path)
    committed = sorted(p.relative_to(BUNDLED_DATA_DIR) for p in BUNDLED_DATA_DIR.rglob("*.*")
                       if p.suffix in (".csv", ".geojson", ".json"))
    assert committed, "no committed data found"
    for name in committed:
        assert filecmp.cmp(BUNDLED_DATA_DIR / name, tmp_path / name, shallow=False), f"{name} differs"


def test_data_readme_is_generated_from_the_contract():
    assert contract_doc.README.read_text(encoding="utf-8") == contract_doc.render()
