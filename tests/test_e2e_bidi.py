"""Persian in a real terminal (tmux): the first word of a paragraph at the right end
of its first row, and the terminal asked not to reorder (CSI 8 l), then restored."""

from __future__ import annotations

import re
import shlex
import uuid
from pathlib import Path

import pytest

from test_e2e import COMMAND, Session, drive, pytestmark  # noqa: F401  (the same skip condition)

FIXTURE = Path(__file__).parent / "fixtures" / "bidi" / "fa_agency.txt"
BORDERS = "▏▕│▁▂▃▄▅▆▇█"


class RecordedSession(Session):
    """A reader run under `script`, which records every byte it sends to the terminal."""

    def __init__(self, tmp_path: Path, size: str, log: Path):
        self.name = f"e2e-rtl-{uuid.uuid4().hex[:8]}"
        envs = [f"XDG_{kind}_HOME={tmp_path / kind.lower()}" for kind in ("STATE", "CONFIG", "CACHE", "DATA")]
        options = ["--size", size, *(item for e in envs for item in ("--env", e))]
        command = shlex.join([str(COMMAND), str(FIXTURE)])
        drive("start", self.name, *options, "--", "script", "-q", "-f", "-e", "-c", command, str(log))
        self.size = tuple(int(n) for n in size.split("x"))


@pytest.mark.parametrize("size", ["80x24", "120x40"])
def test_persian_paragraph_reads_right_to_left_in_a_real_terminal(tmp_path, size):
    log = tmp_path / "typescript"
    reader = RecordedSession(tmp_path, size, log)
    try:
        reader.wait_ready()
        # The first passage's first word (the dateline "تهران –" is lifted into the header),
        # as its cells read left to right.
        logical = "رئیس\u200cجمهور"
        first_word = logical[::-1]
        reader.wait(first_word)
        screen = reader.screen()
        row = next(line for line in screen.splitlines() if first_word in line)
        after = row.split(first_word, 1)[1].lstrip(" ")
        assert after == "" or after[0] in BORDERS, row  # nothing of the text to its right
        assert logical not in screen and "تهران" not in screen  # nowhere in logical order, header included
        assert re.search(r"\S+ \S+", row.split(first_word)[0]), row  # the words after it, to its left
        reader.keys("q")
        assert reader.exit_status() == 0
    finally:
        reader.stop()
    sent = log.read_bytes()
    assert b"\x1b[8l" in sent and sent.rindex(b"\x1b[8h") > sent.index(b"\x1b[8l")
