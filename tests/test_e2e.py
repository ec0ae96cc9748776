"""End to end, as a person would: the installed command in a real terminal (tmux),
and once through a real ssh connection; ../shared/tools/tui-drive does both."""

from __future__ import annotations

import os
import re
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

    def __init__(self, tmp_path: Path, size: str, ssh: bool = False, env: tuple[str, ...] = (),
                 paths: tuple[str, ...] = ()):
        self.name = f"e2e-{uuid.uuid4().hex[:8]}"
        envs = [f"XDG_{kind}_HOME={tmp_path / kind.lower()}" for kind in ("STATE", "CONFIG", "CACHE", "DATA")]
        options = ["--size", size, *(item for pair in (("--env", e) for e in (*envs, *env)) for item in pair)]
        if ssh:
            options.append("--ssh")
        drive("start", self.name, *options, "--", str(COMMAND), *paths)
        self.size = tuple(int(n) for n in size.split("x"))

    def wait_ready(self) -> None:
        """Wait for the footer drawn at the pane's full size; if tmux resized the pane
        before the app listened for SIGWINCH (the app then draws at 80x24, now or a
        moment later), nudge the size so it redraws. The layout depends on the size
        (at 80x24 the panel starts hidden), so a test must see the size it asked for."""
        self.wait("q Quit")
        width, height = self.size
        for _ in range(3):
            time.sleep(0.3)
            lines = self.screen().rstrip("\n").split("\n")
            if len(lines) >= height and len(lines[-1].rstrip()) == width:  # "^p palette" at the right edge
                return
            socket = os.environ.get("TUIDRIVE_SOCKET", "tuidrive")
            for w in (width - 1, width):
                subprocess.run(["tmux", "-L", socket, "resize-window", "-t", f"={self.name}:", "-x", str(w), "-y",
                                str(height)], check=True, timeout=10)
                time.sleep(0.2)
            self.wait("q Quit")

    def pane_title(self) -> str:
        socket = os.environ.get("TUIDRIVE_SOCKET", "tuidrive")
        result = subprocess.run(["tmux", "-L", socket, "display", "-p", "-t", f"={self.name}:", "#{pane_title}"],
                                capture_output=True, text=True, timeout=10)
        return result.stdout.strip()

    def wait(self, regex: str, timeout: float = 20, ansi: bool = False) -> int:
        """Milliseconds until `regex` (grep -E, a line; with `ansi`, of the SGR-coded screen) shows."""
        return int(drive("wait", self.name, regex, "--timeout", str(timeout), *(["--ansi"] if ansi else []),
                         timeout=timeout + 10).strip())

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


def test_open_jump_to_same_topic_and_back_in_a_real_terminal(session_factory, tmp_path):
    # Panes fixed by config: the test is about jumps, and tmux may let the app draw
    # at 80x24 for a moment, where the panel starts hidden.
    config = tmp_path / "layout.yaml"
    config.write_text("layout: {sidebar: show, panel: show}\n", encoding="utf-8")
    reader = session_factory("120x40", env=(f"IRANRU_READER_CONFIG={config}",))
    reader.wait_ready()
    reader.wait("Entities: 20")
    screen = reader.screen()
    assert "5 articles · Rouhani and Putin" in screen and "q Quit" in screen
    for _ in range(7):
        reader.keys("j")
    reader.wait("Same topic as ¶8")  # the 8th passage: numbers shown to a person start at 1
    reader.keys("t", "Enter")
    reader.wait("5 articles · Syria Experience Bodes Well")  # another article, named in the header
    reader.keys("b")
    reader.wait("Same topic as ¶8")
    assert "5 articles · Rouhani and Putin" in reader.screen()
    reader.keys("q")
    assert reader.exit_status() == 0


def test_escape_closes_a_dialog_at_once(session_factory):
    reader = session_factory("100x30")
    reader.wait_ready()
    reader.keys("s")
    reader.wait("Search all articles")
    start = time.monotonic()
    drive("keys", reader.name, "Escape")
    reader.wait("· [0-9]+ words", timeout=5)  # the article's header (at 100x30 the panel starts hidden)
    closed = "Search all articles" not in reader.screen()
    assert closed and time.monotonic() - start < 2.0  # no multi-second Escape delay
    reader.keys("q")
    assert reader.exit_status() == 0


def colours(ansi: str) -> list[str]:
    """The colour-setting SGR parameters on a screen (`tui-drive screen --ansi`):
    30-37, 40-47, 90-97, 100-107 and 38/48 with their arguments; the defaults (39, 49) are not colours."""
    found = []
    for sequence in re.findall(r"\x1b\[([0-9;]*)m", ansi):
        params = [int(p) if p else 0 for p in sequence.split(";")]
        while params:
            code = params.pop(0)
            if code in (38, 48):
                size = 2 if params[:1] == [5] else 4  # 5;N or 2;R;G;B
                found.append(";".join(map(str, [code, *params[:size]])))
                del params[:size]
            elif 30 <= code <= 37 or 40 <= code <= 47 or 90 <= code <= 97 or 100 <= code <= 107:
                found.append(str(code))
    return found


def test_no_color_means_no_colour_with_every_mark_still_shown(session_factory):
    """NO_COLOR on a truecolor terminal (no-color.org): Textual greyed colours by
    luminance (38;5;253 on 48;5;233) instead of dropping them. Without colour, entity
    types, the passage cursor, the sidebar's row and a box's text cursor still show."""
    reader = session_factory("80x24", env=("NO_COLOR=1", "COLORTERM=truecolor"))
    reader.wait_ready()
    screens = [reader.screen(ansi=True)]
    for attribute in ("\x1b[1m", "\x1b[4m", "\x1b[3m", "\x1b[7m"):  # bold, underline, italic, reverse
        assert attribute in screens[0]
    assert "█" in screens[0]  # the passage cursor's bar
    reader.keys("/")
    reader.keys("-l", "Putin")
    reader.wait("find “Putin”")
    for _ in range(8):  # the box's cursor blinks: reversed in one frame of two
        screens.append(reader.screen(ansi=True))
        if re.search(r"Putin\x1b\[7m ", screens[-1]):
            break
        time.sleep(0.15)
    assert re.search(r"Putin\x1b\[7m ", screens[-1]), screens[-1]
    # Ctrl+G closes the box as Esc does: a lone Esc followed by "z" within the terminal parser's
    # wait for an escape sequence (a loaded CI machine) arrived as Alt+Z, and no sidebar showed.
    reader.keys("C-g", "z", "BTab")  # the sidebar, focused: the open article's row reversed
    reader.wait("\x1b\\[[0-9;]*7[0-9;]*m *2017-11-01", ansi=True)
    screens.append(reader.screen(ansi=True))
    assert [colours(screen) for screen in screens] == [[]] * len(screens)
    reader.keys("q")
    assert reader.exit_status() == 0


GREYS_256 = {0, 7, 8, 15, 16, 59, 102, 145, 188, 231, *range(232, 256)}  # black, white and greys of xterm's 256


@pytest.mark.parametrize("term", ["xterm", "xterm-256color"])
def test_without_colorterm_the_configured_colours_show_in_the_terminals_palette(session_factory, library, term):
    """Over ssh COLORTERM is seldom passed on: TERM=xterm (16 colours) or xterm-256color alone.
    Each entity type in the legend carries the colour config.yaml gives it, as the
    terminal's palette has it (render.styles_for), and two configured colours stay two."""
    from rich.color import ColorSystem, ColorType
    from rich.style import Style

    from reader.render import styles_for
    from reader.tui.widgets.legend import compact_label

    styles, labels = library.config.styles, library.gazetteer.labels
    system = ColorSystem.STANDARD if term == "xterm" else ColorSystem.EIGHT_BIT
    mapped = styles_for(styles, "standard" if term == "xterm" else "256")
    reader = session_factory("120x40", env=(f"TERM={term}", "COLORTERM="))  # no COLORTERM: the terminal's palette
    reader.wait_ready()
    screen = reader.screen(ansi=True)
    shown = {}
    for kind, style in styles.items():  # the legend, at the foot: each type's label in its style
        found = re.findall(f"((?:\x1b\\[[0-9;]*m)+){re.escape(compact_label(labels[kind]))}\x1b", screen)
        assert found, (kind, screen)
        shown[kind] = colours(found[-1])
        colour = Style.parse(mapped[kind]).color
        if colour.type == ColorType.STANDARD and system == ColorSystem.EIGHT_BIT:
            # a 16-colour one swapped in for a grey: Textual draws it in its own theme's shade
            assert len(shown[kind]) == 1 and shown[kind][0].startswith("38;5;"), (kind, shown[kind])
        else:
            expected = ";".join(colour.downgrade(system).get_ansi_codes(foreground=True))
            assert shown[kind] == [expected], (kind, style, shown[kind], expected)
    greys = {"30", "37", "90", "97", *(f"38;5;{n}" for n in GREYS_256)}  # read as body text, not as colour
    assert not greys & {code for codes in shown.values() for code in codes}, shown
    assert len(set(map(tuple, shown.values()))) == len({Style.parse(style).color for style in styles.values()})
    reader.keys("q")
    assert reader.exit_status() == 0


def test_no_color_and_16_colours_keep_entity_types_apart(session_factory):
    reader = session_factory("80x24", env=("NO_COLOR=1", "TERM=xterm"))
    reader.wait_ready()
    ansi = reader.screen(ansi=True)
    for attribute in ("\x1b[1m", "\x1b[4m", "\x1b[3m", "\x1b[7m"):  # bold, underline, italic, reverse
        assert attribute in ansi
    reader.keys("r", "j", "BTab", "j")  # the Line-API widgets (raw view, sidebar) under NO_COLOR
    reader.wait("RAW")
    reader.keys("r", "q")
    assert reader.exit_status() == 0


@pytest.fixture(scope="module")
def sshd():
    drive("sshd-up", timeout=300)
    yield


def test_over_ssh_at_80x24(sshd, session_factory):
    reader = session_factory("80x24", ssh=True)
    reader.wait("q Quit", timeout=30)
    reader.wait_ready()
    assert "Rouhani and Putin" in reader.screen()
    reader.keys("e", "Enter")
    reader.wait("mentions here")
    reader.keys("t", "Enter")
    reader.wait("Same topic as")
    reader.keys("q")
    assert reader.exit_status() == 0


def test_hostile_articles_never_reach_the_terminal(session_factory, tmp_path):
    from hostile import make_corpus

    folder = tmp_path / "hostile"
    make_corpus(folder, big=False)
    reader = session_factory("100x30", paths=(str(folder),))
    reader.wait_ready()
    title_before = reader.pane_title()
    reader.keys("BTab")
    for _ in range(16):  # open every article in turn, clean and raw
        reader.keys("Down", "Enter", "r", "r", "BTab")
    screen = reader.screen()
    assert "pwned" not in reader.pane_title() and reader.pane_title() == title_before  # no OSC 0 title change
    assert "iranru-reader" in screen and "q Quit" in screen
    reader.keys("q")
    assert reader.exit_status() == 0


def test_the_first_screen_at_80x24_is_mostly_article_text(session_factory):
    """A new user at 80x24: at least 12 lines of the article's own text on the first screen."""
    reader = session_factory("80x24")
    reader.wait_ready()
    reader.wait("· [0-9]+ words")  # grep -E: no \d
    lines = reader.screen().rstrip("\n").split("\n")
    rule = next(n for n, line in enumerate(lines) if "▁▁▁▁▁▁▁▁▁▁" in line)
    legend = next(n for n, line in enumerate(lines) if line.lstrip().startswith("Person"))
    body = [line for line in lines[rule + 1:legend] if line.strip(" ▏▕▁▂▃▄▅▆▇█▌")]
    assert rule <= 5 and len(body) >= 12, "\n".join(lines)
    reader.keys("q")
    assert reader.exit_status() == 0
