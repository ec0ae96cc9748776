"""Random keys and resizes, with a fixed seed: the reader never crashes (SPEC §8)."""

from __future__ import annotations

import random

from textual.events import Key

from reader.tui.bindings import SECTIONS

from tui_helpers import drive, make_app

SEED = 20261124
KEYS = sorted({key for _, bindings, _ in SECTIONS for b in bindings for key in b.key.split(",")} - {"q"}
              | {"tab", "shift+tab", "enter", "escape", "ctrl+p", "a", "x", "1", "space", "backspace", "delete",
                 "left", "right", "h", "l", "d", "ctrl+g"})


def test_thousands_of_random_keys_and_resizes(library, tmp_path):
    rng = random.Random(SEED)
    actions = [("resize", (rng.randint(20, 200), rng.randint(5, 60))) if rng.random() < 0.03
               else ("key", rng.choice(KEYS)) for _ in range(2000)]
    remaining = actions[::-1]  # a stack: each session pops what it plays

    async def scenario(pilot):
        # Keys are posted in bursts, as a driver delivers them (and as ssh bundles
        # them), with a pause between bursts. The palette's own Quit command may
        # end a session: that is allowed, and a new session plays the rest.
        played = 0
        while remaining:
            kind, value = remaining.pop()
            if kind == "resize":
                await pilot.resize_terminal(*value)
            else:
                pilot.app.post_message(Key(value, value if len(value) == 1 else None))
            played += 1
            if played % 25 == 0:
                await pilot.pause()
                if not pilot.app.is_running:
                    return
        await pilot.pause()

    sessions = 0
    while remaining:  # an exception inside the app is re-raised by run_test: the test fails
        sessions += 1
        drive(make_app(library, tmp_path), scenario)
    assert sessions >= 1 and not remaining
