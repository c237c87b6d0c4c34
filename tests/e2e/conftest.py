"""Real-browser fixtures: `streamlit run` on a free port, driven by Debian's chromium through Playwright.

Fixtures
    app_server        base URL ("http://127.0.0.1:<port>") of the app, started once per session
    start_app(env, port=None)  start another server with extra environment (e.g. {"PINGAN_DATA_DIR": ...}); -> base URL
    browser           Playwright chromium (Debian's binary: $CHROMIUM or `chromium` on PATH)
    open_page(path)   a fresh page on app_server, opened and idle (password=... signs in); -> OpenedPage
    admin_server      base URL of an app started with PINGAN_PASSWORD=ADMIN_PASSWORD (data management offered)
    admin_on_a_copy   (base URL, data folder) of such an app on its own copy of the data, for uploads
    fresh_tab(url)    a tab in a new browser context on `url`, not waiting for the app (e.g. a sign-in page)
    wait_idle         the `wait_idle(page)` helper, for tests that click
    cjk_glyphs_render the `cjk_glyphs_render(page)` helper
Screenshots and server logs go to one folder per session, printed at the end of the run
($E2E_SCREENSHOTS chooses it). A missing or broken browser fails the tests; nothing is skipped.
"""
from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect, sync_playwright

REPO = Path(__file__).resolve().parents[2]
PYTHON = REPO / ".venv" / "bin" / "python"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
# A request "leaves localhost" unless it goes to 127.0.0.1, localhost or [::1], or is a data:/blob:/about: URL.
# A regex (not a function) so that Playwright matches routes in the browser driver, without a round trip.
OUTSIDE_URL = re.compile(r"^(?!(https?|wss?)://(127\.0\.0\.1|localhost|\[::1\])[:/])(?!(data|blob|about):)")
START_TIMEOUT_S = 60
IDLE_TIMEOUT_MS = 60_000
# Assertions poll for the state they check; on a machine whose cores are busy, drawing can take many seconds.
expect.set_options(timeout=30_000)

_screens: list[Path] = []  # the session's screenshot folder, for the end-of-run summary
_starts: list[str] = []  # "port N healthy after S s", for the end-of-run summary


# ---------------------------------------------------------------- helpers (also exposed as fixtures)

# Counts finished script runs (transitions of stApp's data-test-script-state to "notRunning"), so that
# wait_idle can tell a rerun that already finished from one that has not started yet.
_RUN_COUNTER_JS = """
window.__stRuns = 0;
new MutationObserver((records) => {
  for (const r of records) {
    if (r.target.getAttribute('data-test-script-state') === 'notRunning' && r.oldValue !== 'notRunning') {
      window.__stRuns += 1;
    }
  }
}).observe(document, {subtree: true, attributes: true, attributeOldValue: true,
                      attributeFilter: ['data-test-script-state']});
"""


def wait_idle(page, settle_ms: int = 500, rerun_grace_ms: int = 3000) -> None:
    """Wait until the app is connected and its script has finished running, then let the page draw.

    Call it after every action (click, fill, goto). If no script run has finished since the last
    wait_idle on this page, it gives the action `rerun_grace_ms` to start one, then waits for it to end.
    """
    page.wait_for_selector("[data-testid='stAppViewContainer']", timeout=IDLE_TIMEOUT_MS)
    page.wait_for_selector("[data-testid='stApp'][data-test-connection-state='CONNECTED']",
                           timeout=IDLE_TIMEOUT_MS)
    seen = page.evaluate("window.__stSeen || 0")
    try:  # a run that finished after the last wait_idle (the first load, or the rerun after a click)
        page.wait_for_function("(seen) => window.__stRuns > seen", arg=seen, timeout=rerun_grace_ms)
    except PlaywrightTimeout:  # no run finished yet; one may still be running (waited for below)
        pass
    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']",
                           timeout=IDLE_TIMEOUT_MS)
    wait_drawn(page)
    page.wait_for_timeout(settle_ms)  # plotly and component frames draw their content after the element mounts
    page.evaluate("window.__stSeen = window.__stRuns")


_SKELETONS = "[data-testid='stMain'] :is([data-testid='stSkeleton'], [data-testid='stSkeletonElement'])"
# What is still loading, for a failure message: each placeholder's element and the app's state.
_LOADING_JS = """
(selector) => ({
  placeholders: [...document.querySelectorAll(selector)].map((el) => {
    const box = el.closest("[data-testid='stElementContainer']");
    return box ? (box.className.split(' ').filter((c) => c.startsWith('st') && !c.startsWith('st-emotion')).join(' ')
                  + ' > ' + [...box.querySelectorAll('[data-testid]')].map((e) => e.dataset.testid).slice(0, 4).join(' '))
               : el.parentElement?.className || '?';
  }),
  app: [...document.querySelectorAll("[data-testid='stApp']")].map((el) =>
    `${el.dataset.testConnectionState} / ${el.dataset.testScriptState}`),
  scriptsLoaded: performance.getEntriesByType('resource').filter((r) => r.initiatorType === 'script').length,
})
"""


def wait_drawn(page, timeout_ms: int = IDLE_TIMEOUT_MS) -> None:
    """Wait until the page body has drawn every element: no loading placeholder left. Fails saying which remain."""
    try:
        page.wait_for_function("(s) => document.querySelectorAll(s).length === 0", arg=_SKELETONS,
                               timeout=timeout_ms)
    except PlaywrightTimeout:
        raise AssertionError(f"placeholders still loading after {timeout_ms / 1000:.0f} s: "
                             f"{page.evaluate(_LOADING_JS, _SKELETONS)}") from None


_GLYPH_PROBE_JS = """
async ([chars, selector]) => {
  await document.fonts.ready;
  const el = document.querySelector(selector) || document.body;
  const style = getComputedStyle(el);
  const font = `${style.fontWeight} 64px ${style.fontFamily}`;
  const draw = (ch) => {
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 96;
    const ctx = canvas.getContext('2d');
    ctx.font = font;
    ctx.fillStyle = '#000';
    ctx.textBaseline = 'top';
    ctx.fillText(ch, 8, 8);
    return ctx.getImageData(0, 0, 96, 96).data;
  };
  const [a, b] = chars.map(draw);
  let inkA = 0, inkB = 0, differ = 0;
  for (let i = 3; i < a.length; i += 4) {  // alpha channel
    if (a[i]) inkA++;
    if (b[i]) inkB++;
    if (a[i] !== b[i]) differ++;
  }
  return {font, inkA, inkB, differ};
}
"""


def glyph_probe(page, chars=("总", "览"), selector="[data-testid='stMain'] h1") -> dict:
    """Draw two characters on a canvas in the font of `selector` (else the page body); pixel counts."""
    return page.evaluate(_GLYPH_PROBE_JS, [list(chars), selector])


def cjk_glyphs_render(page, chars=("总", "览"), selector="[data-testid='stMain'] h1") -> bool:
    """True when this browser really draws Chinese: two different characters leave ink and differ.

    Missing CJK fonts draw the same "tofu" box for every character (or nothing at all)."""
    p = glyph_probe(page, chars, selector)
    return p["inkA"] > 0 and p["inkB"] > 0 and p["differ"] > 0


def sign_in(page, password: str, settle_ms: int = 1000, *, accepted: bool = True) -> None:
    """Give the password in the server's sign-in page (a server started with PINGAN_PASSWORD) and wait for the
    outcome: the page the link named, idle (accepted), or the sign-in page's refusal (not accepted)."""
    form = page.locator("form#signin")
    form.locator("input[name='password']").fill(password)
    with page.expect_navigation(timeout=IDLE_TIMEOUT_MS):
        form.locator("button[type='submit']").click()
    if accepted:
        assert "/-/signin" not in page.url, f"still on the sign-in page: {page.url}"
        wait_idle(page, settle_ms=settle_ms)
    else:
        page.locator("p.error").wait_for(state="visible", timeout=IDLE_TIMEOUT_MS)


@dataclass
class OpenedPage:
    page: object  # playwright.sync_api.Page
    shots: Path
    outside_requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)

    def screenshot(self, name: str) -> Path:
        """Save a full-page PNG named after `name` in the session's screenshot folder; its path."""
        path = self.shots / (re.sub(r"[^\w.-]+", "_", name).strip("_")[:100] + ".png")
        self.page.screenshot(path=str(path), full_page=True)
        return path

    def wait_idle(self, **kw) -> None:
        wait_idle(self.page, **kw)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _healthy(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=1) as r:
            return r.read().strip() == b"ok"
    except OSError:
        return False


# ---------------------------------------------------------------- fixtures

@pytest.fixture(scope="session")
def shots_dir(tmp_path_factory) -> Path:
    """The session's folder for screenshots and server logs."""
    chosen = os.environ.get("E2E_SCREENSHOTS")
    path = Path(chosen) if chosen else tmp_path_factory.mktemp("e2e-screens", numbered=False)
    path.mkdir(parents=True, exist_ok=True)
    _screens.append(path)
    return path


@pytest.fixture(scope="session")
def start_app(shots_dir):
    """Factory: start_app(env) starts `streamlit run app.py` with os.environ plus `env`; -> base URL.

    Every server started is terminated at the end of the session."""
    if not (REPO / "app.py").is_file():
        pytest.fail(f"no app.py in {REPO}: nothing to start", pytrace=False)
    python = str(PYTHON) if PYTHON.exists() else sys.executable
    servers: list[tuple[subprocess.Popen, object]] = []

    def start(env: dict | None = None, port: int | None = None) -> str:
        port = port or free_port()
        log_path = shots_dir / f"streamlit-{port}.log"
        log = open(log_path, "w")
        proc = subprocess.Popen(
            [python, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
             "--server.port", str(port), "--browser.gatherUsageStats", "false",
             "--server.fileWatcherType", "none"],
            cwd=REPO, env={**os.environ, **{k: str(v) for k, v in (env or {}).items()}},
            stdout=log, stderr=subprocess.STDOUT)
        servers.append((proc, log))
        t0 = time.monotonic()
        while not _healthy(port):
            if proc.poll() is not None or time.monotonic() - t0 > START_TIMEOUT_S:
                state = f"exited with code {proc.returncode}" if proc.poll() is not None else "is not healthy"
                tail = log_path.read_text(errors="replace")[-3000:]
                pytest.fail(f"streamlit {state} after {time.monotonic() - t0:.1f}s; log {log_path}:\n{tail}",
                            pytrace=False)
            time.sleep(0.2)
        _starts.append(f"streamlit on port {port} healthy {time.monotonic() - t0:.1f}s after start")
        return f"http://127.0.0.1:{port}"

    yield start
    for proc, log in servers:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


@pytest.fixture(scope="session")
def app_server(start_app) -> str:
    """Base URL of the app started with this process's environment (PINGAN_DATA_DIR passes through)."""
    return start_app({})


ADMIN_PASSWORD = "东坡-e2e-密码 <b>&"  # non-ASCII and HTML characters on purpose


@pytest.fixture(scope="session")
def admin_server(start_app) -> str:
    """Base URL of the app behind a password, so that data management is offered; sign in with ADMIN_PASSWORD."""
    return start_app({"PINGAN_PASSWORD": ADMIN_PASSWORD})


@pytest.fixture
def admin_on_a_copy(start_app, tmp_path) -> tuple[str, Path]:
    """(base URL, data folder) of an app behind ADMIN_PASSWORD that reads and writes its own copy of the data."""
    data = tmp_path / "data"
    shutil.copytree(REPO / "data", data)
    base = start_app({"PINGAN_DATA_DIR": str(data), "PINGAN_WORK_DIR": str(tmp_path / "work"),
                      "PINGAN_CACHE_DIR": str(tmp_path / "cache"), "PINGAN_PASSWORD": ADMIN_PASSWORD})
    return base, data


@pytest.fixture(scope="session")
def browser():
    chromium = os.environ.get("CHROMIUM") or shutil.which("chromium")
    if not chromium:
        pytest.fail("no Chromium: run scripts/ensure_chromium_and_fonts.sh (installs Debian's chromium), "
                    "or set CHROMIUM to a Chromium binary", pytrace=False)
    pw = sync_playwright().start()
    try:
        b = pw.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
    except Exception as e:  # noqa: BLE001 - any launch failure must fail the tests, with its reason
        pw.stop()
        pytest.fail(f"Chromium at {chromium} did not launch: {e}", pytrace=False)
    yield b
    b.close()
    pw.stop()


@pytest.fixture
def open_page(app_server, browser, shots_dir):
    """Factory: open_page(path, viewport=(1440, 900), base_url=app_server) -> OpenedPage, idle.

    Requests leaving localhost are recorded in .outside_requests and aborted (as on an offline network)."""
    contexts = []

    def open_(path: str = "/", viewport=(1440, 900), base_url: str | None = None,
              settle_ms: int = 1000, password: str | None = None, device: dict | None = None) -> OpenedPage:
        # device: more browser-context options, e.g. a phone's {"is_mobile": True, "device_scale_factor": 3}
        ctx = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]}, **(device or {}))
        contexts.append(ctx)
        ctx.add_init_script(_RUN_COUNTER_JS)
        page = ctx.new_page()
        opened = OpenedPage(page, shots_dir)
        ctx.on("request", lambda r: opened.outside_requests.append(r.url) if OUTSIDE_URL.match(r.url) else None)
        ctx.route(OUTSIDE_URL, lambda route: route.abort())
        page.on("console", lambda m: opened.console_errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: opened.page_errors.append(str(e)))
        page.goto((base_url or app_server) + path)
        if password is not None:  # a server with a password sends the browser to its sign-in page first
            sign_in(page, password, settle_ms=settle_ms)
        else:
            wait_idle(page, settle_ms=settle_ms)
        return opened

    yield open_
    for ctx in contexts:
        ctx.close()


@pytest.fixture
def fresh_tab(browser):
    """Factory: fresh_tab(url) -> a page in a new browser context (no cookies) on `url`, not waiting for the app (a
    server with access control shows its sign-in page). Requests leaving localhost are refused, as offline."""
    contexts = []

    def open_(url: str):
        context = browser.new_context(viewport={"width": 1440, "height": 900})
        contexts.append(context)
        context.add_init_script(_RUN_COUNTER_JS)
        context.route(OUTSIDE_URL, lambda route: route.abort())
        page = context.new_page()
        page.goto(url)
        return page

    yield open_
    for context in contexts:
        context.close()


@pytest.fixture(name="wait_idle")
def _wait_idle_fixture():
    return wait_idle


@pytest.fixture(name="cjk_glyphs_render")
def _cjk_glyphs_render_fixture():
    return cjk_glyphs_render


def pytest_terminal_summary(terminalreporter):
    for path in _screens:
        terminalreporter.write_sep("-", "e2e screenshots and server logs")
        terminalreporter.write_line(str(path))
        for line in _starts:
            terminalreporter.write_line(line)
