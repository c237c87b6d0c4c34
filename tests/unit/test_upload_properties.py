"""Property: no upload of any table dataset, however mutated, raises; a refused one changes nothing; an accepted one
passes the same contract when the app loads it from disk.

The rows come from the current data with cells replaced by hostile and plausible values (tests/upload_mutations.py).
The pages themselves are rendered on accepted uploads by tests/app/test_upload_properties_app.py."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings

from lib.data.location import data_version
from lib.data.store import BUNDLED_DATA_DIR, parse_frame, village_town_problems
from lib.data.templates import contract_text
from lib.data.upload import Places, plan_change, read_upload
from tests.upload_mutations import HOSTILE, PLAUSIBLE, uploads

EXAMPLES = 200
pytest.importorskip("hypothesis")


@pytest.fixture(scope="module")
def places(bundle) -> Places:
    return Places.from_frames(bundle["towns"], bundle["villages"])


def test_mutated_uploads_never_raise_and_what_passes_loads(bundle, places):
    outcomes = {"accepted": 0, "refused": 0}
    version = data_version(BUNDLED_DATA_DIR)

    @settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(uploads(bundle, HOSTILE + PLAUSIBLE))
    def check(upload):
        spec, name, data = upload
        result = read_upload(spec, name, data, places)  # never raises
        assert data_version(BUNDLED_DATA_DIR) == version  # checking writes nothing
        if not result.ok:
            outcomes["refused"] += 1
            assert result.problems and all(p.message("zh") and p.message("en") for p in result.problems)
            return
        outcomes["accepted"] += 1
        written = contract_text(spec, result.frame)  # the file the app would write, read back as the app does
        parse_frame(spec, written.where(written != "", None), first_row=2)
        assert not village_town_problems(spec, result.frame, bundle["villages"])
        for mode in ("append", "replace"):
            plan_change(spec, bundle, result.frame, mode)

    check()
    print(outcomes)
    assert outcomes["accepted"] >= 20 and outcomes["refused"] >= 100, outcomes
