"""`iranru-reader serve`: the reader in a real headless Chromium (SPEC §12).

Chromium comes from the system packages (Debian's `chromium`; .ci/run installs
it) and is driven by Playwright pointed at that binary: Playwright's own
browser download is never used. Off CI, the browser test skips with its
reason when either is missing; on CI (CI=true) it fails instead.
"""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reader.cli import main

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
# Entity colours of the test config, as drawn: PERSON amber, GPE blue.
PERSON, GPE = (0xE5, 0xA5, 0x0A), (0x62, 0xA0, 0xEA)
DEADLINE = 40.0  # seconds for the whole browser session


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_port_in_use_exits_2_naming_the_port(capsys):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        code, out, err = run(capsys, "serve", "--port", str(port))
    assert code == 2 and out == ""
    assert err.strip() == f"iranru-reader: error: port {port} is in use on 127.0.0.1: pick another with --port"


def test_bad_port_exits_2(capsys):
    code, _, err = run(capsys, "serve", "--port", "70000")
    assert code == 2 and "70000" in err


def browser_or_skip():
    """Playwright's sync API, or a skip (a failure on CI) naming what is missing."""
    missing = []
    if not os.access(CHROMIUM, os.X_OK):
        missing.append(f"{CHROMIUM} (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing.append("the playwright package (pip install '.[test]')")
    if missing:
        message = "no browser to test `serve` in: missing " + " and ".join(missing)
        if os.environ.get("CI"):
            pytest.fail(message + "; CI installs them (.ci/run)")
        pytest.skip(message)
    return sync_playwright


@pytest.fixture
def server(tmp_path):
    """`iranru-reader serve` on a free port of 127.0.0.1, with entity colours set;
    stopped (its whole process group: the server and each app it started) after."""
    # The bundled config beside links to the bundled files, with these two colours set.
    for name in ("seeds", "gazetteer.yaml", "topics.yaml"):
        (tmp_path / name).symlink_to(ROOT / name)
    text = (ROOT / "config.yaml").read_text(encoding="utf-8")
    for kind, style in (("PERSON", "bold #e5a50a"), ("GPE", "underline #62a0ea")):
        text, count = re.subn(rf"^(\s+){kind}: .*$", rf"\g<1>{kind}: '{style}'", text, count=1, flags=re.M)
        assert count == 1, f"no {kind} style in config.yaml"
    config = tmp_path / "config.yaml"
    config.write_text(text, encoding="utf-8")
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "reader.cli", "serve", "--port", str(port), "--config", str(config)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tmp_path, start_new_session=True)
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(f"serve did not listen: {process.stderr.read().decode()}") from None
                time.sleep(0.1)
        yield port, process
    finally:
        for sig in (signal.SIGTERM, signal.SIGKILL):
            try:
                os.killpg(process.pid, sig)
                process.wait(timeout=5)
                break
            except (ProcessLookupError, subprocess.TimeoutExpired):
                continue
        process.stdout.close()
        process.stderr.close()


def colour_pixels(page, colour: tuple[int, int, int], tolerance: int = 12) -> list[int]:
    """The y of every pixel of the terminal's text layer within `tolerance` of `colour`."""
    return page.evaluate("""([r, g, b, tol]) => {
        const canvas = document.querySelector('canvas.xterm-text-layer');
        const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
        const ys = [];
        for (let i = 0; i < data.length; i += 4)
            if (Math.abs(data[i] - r) + Math.abs(data[i + 1] - g) + Math.abs(data[i + 2] - b) <= tol)
                ys.push(Math.floor(i / 4 / canvas.width));
        return ys;
    }""", [*colour, tolerance])


def test_the_reader_in_headless_chromium(server, tmp_path):
    port, process = server
    said = process.stderr.readline().decode()  # written before it listens
    assert said.startswith(f"iranru-reader: serving the reader on http://127.0.0.1:{port} — only this machine")
    sync_playwright = browser_or_skip()
    received: list[bytes] = []
    started = time.monotonic()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True, timeout=30_000)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.set_default_timeout(20_000)
            # Nothing leaves this machine (the page asks for a web font).
            page.route("**/*", lambda route: route.continue_() if re.match(r"(http|ws)://127\.0\.0\.1[:/]", route.request.url)
                       else route.abort())
            page.on("websocket", lambda ws: ws.on("framereceived",
                                                  lambda frame: received.append(frame) if isinstance(frame, bytes) else None))
            page.goto(f"http://127.0.0.1:{port}/", wait_until="load")

            def screen_text() -> str:
                return re.sub(r"\x1b\[[0-9;?<>]*[A-Za-z]", "", b"".join(received).decode("utf-8", "replace"))

            def wait_for(check, what: str) -> None:
                while not check():
                    if time.monotonic() - started > DEADLINE:
                        ARTIFACTS.mkdir(exist_ok=True)
                        page.screenshot(path=ARTIFACTS / "serve-chromium-failed.png")
                        raise AssertionError(f"the browser never showed {what} (screenshot in {ARTIFACTS}); "
                                             f"it received: {screen_text()[-2000:]!r}")
                    page.wait_for_timeout(100)  # lets Playwright deliver websocket frames

            # The sidebar (dates and sources of the seeds) and the opening article.
            wait_for(lambda: all(s in screen_text() for s in ("2017-11-02", "2022-07-19", "Vladimir Putin")),
                     "the sidebar and the article")
            page.wait_for_selector("body.-first-byte canvas.xterm-text-layer")
            # The entities are drawn in their colours (from the ANSI the app sent, to the pixels).
            ansi = b"".join(received).decode("utf-8", "replace")
            assert "38;2;229;165;10" in ansi and "38;2;98;160;234" in ansi
            wait_for(lambda: len(colour_pixels(page, PERSON)) > 50 and len(colour_pixels(page, GPE)) > 50,
                     "coloured entities")
            before = page.screenshot()

            # A key press in the page reaches the app and moves the passage cursor.
            page.focus("textarea.xterm-helper-textarea")
            states = Path(os.environ["XDG_STATE_HOME"]) / "iranru-reader" / "corpora"  # one file per corpus

            def passage() -> int | None:
                try:
                    [state] = states.glob("*.json")  # the seeds' only
                    return json.loads(state.read_text())["last"]["passage"]
                except (OSError, ValueError, KeyError, TypeError):
                    return None

            wait_for(lambda: passage() == 0, "the first passage saved as the position")
            page.keyboard.press("j")
            page.keyboard.press("j")
            wait_for(lambda: passage() == 2, "the cursor moved by the keys")  # saved a second after it settles
            after = page.screenshot()
            assert after != before

            ARTIFACTS.mkdir(exist_ok=True)
            shot = ARTIFACTS / "serve-chromium.png"
            shot.write_bytes(after)
            print(f"\nscreenshot of the reader in Chromium: {shot}")
        finally:
            browser.close()
    assert process.poll() is None  # the server kept serving


def test_ctrl_c_right_after_the_address_is_shown_stops_cleanly(capsys, monkeypatch):
    """A newcomer's Ctrl+C just after "serving the reader on …" landed inside the event
    loop's construction: "Exception ignored in BaseEventLoop.__del__ … no attribute
    '_debug'", exit 130. Here the Ctrl+C comes exactly there, every time."""
    import asyncio.coroutines
    import gc

    real = asyncio.coroutines._is_debug_mode
    pressed = []

    def ctrl_c_now():  # BaseEventLoop.__init__ asks this half-way through
        if not pressed:
            pressed.append(True)
            os.kill(os.getpid(), signal.SIGINT)
        return real()

    unraisable = []
    monkeypatch.setattr(sys, "unraisablehook", unraisable.append)
    monkeypatch.setattr(asyncio.coroutines, "_is_debug_mode", ctrl_c_now)
    before = signal.getsignal(signal.SIGINT)
    code, out, err = run(capsys, "serve", "--port", str(free_port()))
    gc.collect()
    assert pressed and code == 0 and out == ""
    assert err.splitlines() == [line for line in err.splitlines() if line.startswith("iranru-reader: serving the reader on")]
    assert unraisable == []
    assert signal.getsignal(signal.SIGINT) is before  # Ctrl+C is the caller's again


def test_serve_on_every_address_says_so_and_names_the_machine(capsys, monkeypatch):
    """`serve --host 0.0.0.0` told a newcomer "anyone who can reach 0.0.0.0 can read the corpus"."""
    import reader.serve

    monkeypatch.setattr(reader.serve, "serve", lambda command, host, port, announce: announce() or 0)
    port = free_port()
    code, out, err = run(capsys, "serve", "--host", "0.0.0.0", "--port", str(port))
    assert code == 0 and out == ""
    assert err.strip() == (f"iranru-reader: serving the reader on http://0.0.0.0:{port} — on every network of this "
                           f"machine ({socket.gethostname()}): anyone who can reach it can read the corpus; Ctrl+C stops")


def test_serve_help_says_what_its_paths_are(capsys):
    assert main(["serve", "--help"]) == 0
    assert "PATH           article files or folders (default: the configured corpus)" in capsys.readouterr().out
