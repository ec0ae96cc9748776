"""Every key of the reader as Textual `Binding`s, each with an id a keymap can remap.

The keys themselves are plain data in `reader/keys.py` (so `check` validates a
keymap without Textual); the help screen is generated from these lists, so it
cannot drift from what the keys do. Remap in config.yaml:
keymap: {trail.next: "right_square_bracket,l"}
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.binding import Binding

from .. import keys


def bindings(rows: Iterable[keys.Key]) -> list[Binding]:
    return [Binding(row.keys, row.action, row.description, id=row.id, show=row.show, priority=row.priority)
            for row in rows]


APP = bindings(keys.APP)
ARTICLE = bindings(keys.ARTICLE)
RAW = bindings(keys.RAW)
LIST = bindings(keys.LIST)
INPUT = bindings(keys.INPUT)
MODAL = bindings(keys.MODAL)
BOOKMARKS = bindings(keys.BOOKMARKS)
HELP = bindings(keys.HELP)
CANDIDATES = bindings(keys.CANDIDATES)
TIMELINE = bindings(keys.TIMELINE)
BRIEF = bindings(keys.BRIEF)

#: (pane, bindings, what that pane is) in the order the help screen shows them.
SECTIONS = [(pane, bindings(rows), text) for pane, rows, text in keys.SECTIONS]
