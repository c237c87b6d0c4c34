"""Property: an upload that passes the checks keeps every page rendering.

Uploads of every table dataset made from real rows with plausible changes (tests/upload_mutations.py); each one the
checks accept is appended to a copy of the data (replaced, for the yearly tables), and every page runs on it."""
from __future__ import annotations

import shutil

from hypothesis import HealthCheck, assume, given, settings
from streamlit.testing.v1 import AppTest

from lib.data.store import BUNDLED_DATA_DIR, FileStore, load_bundle
from lib.data.upload import Places, read_upload
from lib.data.writes import append_rows
from tests.app.apptest import APP, sign_in_as
from tests.upload_mutations import PLAUSIBLE, uploads

PAGES = ["views/overview.py", "views/satisfaction.py", "views/mediation.py", "views/crime.py", "views/patrol.py",
         "views/data_admin.py"]
EXAMPLES = 5


def test_accepted_uploads_keep_every_page_rendering(bundle, tmp_path, monkeypatch):
    sign_in_as(monkeypatch, "administrator")  # data management is offered behind a sign-in
    places = Places.from_frames(bundle["towns"], bundle["villages"])
    runs = []

    @settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.data_too_large])
    @given(uploads(bundle, PLAUSIBLE, max_changes=2))
    def check(upload):
        spec, name, data = upload
        result = read_upload(spec, name, data, places)
        assume(result.ok)
        root = tmp_path / f"data-{len(runs)}"
        shutil.copytree(BUNDLED_DATA_DIR, root)
        monkeypatch.setenv("PINGAN_DATA_DIR", str(root))
        append_rows(spec, result.frame, root)
        load_bundle(FileStore(root))
        app = AppTest.from_file(APP, default_timeout=240)
        app.run()
        for page in PAGES:
            app.switch_page(page)
            app.run()
            assert not app.exception, (spec.name, page, [e.value for e in app.exception])
        runs.append(spec.name)

    check()
    assert len(runs) >= 3, runs
