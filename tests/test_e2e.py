"""End to end, as a person would: the installed command in a real terminal (tmux),
and once through a real ssh connection; ../shared/tools/tui-drive does both."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from conftest import ROOT

TUI_DRIVE = ROOT.parent / "shared" / "tools" / "tui-drive"
COMMAND = Path(sys.executable).parent / "iranru-reader"

pytestmark = pytest.mark.skipif(
    not TUI_DRIVE.exists() or shutil.which("tmux") is None or not COMMAND.exists(),
    reason="needs ../shared/tools/tui-drive, tmux and the installed iranru-reader command",
)


def drive(*args: str, timeout: float = 30) -> str:
    result = subprocess.run([str(TUI_DRIVE), *args], capture_output=True, text=True, timeout=timeout)
    if result.returncode != 0:
        raise AssertionError(f"tui-drive {' '.join(args)} failed:\n{result.stderr}")
    return result.stdout


class Session:
    """One reader in its own tmux session, with its own XDG folders."""

    def __init__(self, tmp_path: Path, size: str, ssh: bool = False, env: tuple[str, ...] = ()):
        self.name = f"e2e-{uuid.uuid4().hex[:8]}"
        envs = [f"XDG_{kind}_HOME={tmp_path / kind.lower()}" for kind in ("STATE", "CONFIG", "CACHE", "DATA")]
        args = ["start", self.name, "--size", size]
        for item in (*envs, *env):
            args += ["--env", item]
        if ssh:
            args.append("--ssh")
        drive(*args, "--", str(COMMAND))

    def wait(self, regex: str, timeout: float = 20) -> int:
        return int(drive("wait", self.name, regex, "--timeout", str(timeout), timeout=timeout + 10).strip())

    def keys(self, *keys: str) -> None:
        drive("keys", self.name, "--delay", "0.15", *keys)

    def screen(self, ansi: bool = False) -> str:
        return drive("screen", self.name, *(["--ansi"] if ansi else []))

    def exit_status(self) -> int:
        return int(drive("wait-exit", self.name, "--timeout", "10").strip())

    def stop(self) -> None:
        drive("stop", self.name)


@pytest.fixture
def session_factory(tmp_path):
    sessions: list[Session] = []

    def make(size: str, **kwargs) -> Session:
        session = Session(tmp_path, size, **kwargs)
        sessions.append(session)
        return session

    yield make
    for session in sessions:
        session.stop()


def test_open_jump_to_same_topic_and_back_in_a_real_terminal(session_factory):
    reader = session_factory("120x40")
    reader.wait("Entities: 20")
    reader.wait("q Quit")  # the footer paints just after the panes
    screen = reader.screen()
    assert "Rouhani and Putin" in screen and "5 articles" in screen and "q Quit" in screen
    for _ in range(7):
        reader.keys("j")
    reader.wait("Same topic as ¶7")
    reader.keys("t", "Enter")
    reader.wait("iranru-reader — Syria Experience Bodes Well")  # another article, named in the header
    reader.keys("b")
    reader.wait("Same topic as ¶7")
    assert "iranru-reader — Rouhani and Putin" in reader.screen()
    reader.keys("q")
    assert reader.exit_status() == 0


def test_escape_closes_a_dialog_at_once(session_factory):
    reader = session_factory("100x30")
    reader.wait("Entities")
    reader.keys("s")
    reader.wait("Search all articles")
    start = time.monotonic()
    drive("keys", reader.name, "Escape")
    reader.wait("Entities", timeout=5)
    closed = "Search all articles" not in reader.screen()
    assert closed and time.monotonic() - start < 2.0  # no multi-second Escape delay
    reader.keys("q")
    assert reader.exit_status() == 0


def test_no_color_and_16_colours_keep_entity_types_apart(session_factory):
    reader = session_factory("80x24", env=("NO_COLOR=1", "TERM=xterm"))
    reader.wait("Entities")
    ansi = reader.screen(ansi=True)
    for attribute in ("\x1b[1m", "\x1b[4m", "\x1b[3m", "\x1b[7m"):  # bold, underline, italic, reverse
        assert attribute in ansi
    reader.keys("q")
    assert reader.exit_status() == 0


@pytest.fixture(scope="module")
def sshd():
    drive("sshd-up", timeout=300)
    yield


def test_over_ssh_at_80x24(sshd, session_factory):
    reader = session_factory("80x24", ssh=True)
    reader.wait("Entities", timeout=30)
    assert "Rouhani and Putin" in reader.screen()
    reader.keys("e", "Down", "Enter")
    reader.wait("mentions here")
    reader.keys("t", "Enter")
    reader.wait("Same topic as")
    reader.keys("q")
    assert reader.exit_status() == 0
