"""`?`: every key, generated from the bindings (and the user's keymap), so it cannot drift."""

from __future__ import annotations

from collections.abc import Mapping

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.keys import key_to_character
from textual.screen import ModalScreen
from textual.widgets import Static

from ...rows import FILTER_SYNTAX
from ..bindings import HELP, MODAL, SECTIONS

# Named keys as a keyboard shows them; a printable key is its character (Textual's key_to_character).
_KEY_NAMES = {
    "space": "Space", "pagedown": "PgDn", "pageup": "PgUp", "backspace": "Backspace", "escape": "Esc",
    "enter": "Enter", "down": "↓", "up": "↑", "home": "Home", "end": "End", "delete": "Delete",
    "left": "←", "right": "→", "plus": "+", "slash": "/",
}


def key_label(keys: str) -> str:
    """Textual key names ("right_curly_bracket,ctrl+g") as a person reads them ("} / Ctrl+G")."""
    names = []
    for key in keys.split(","):
        key = key.strip()
        if key.startswith("ctrl+"):
            names.append("Ctrl+" + key[5:].upper())
        else:
            names.append(_KEY_NAMES.get(key) or key_to_character(key) or key)
    return " / ".join(names)


MOUSE = ("a click on a passage puts the cursor there; on an article in the list, opens it; "
         "on a key in the bottom line, presses it")


def help_table(keymap: Mapping[str, str]) -> Group:
    """Each section: its title and note, then a grid of keys and what they do."""
    parts = []
    for title, bindings, note in SECTIONS:
        parts.append(Text.assemble((title, "bold underline"), "  ", (note, "italic")))
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        for binding in bindings:
            keys = keymap.get(binding.id, binding.key) if binding.id else binding.key
            table.add_row(Text(key_label(keys)), Text(f"{binding.description}  ({binding.id})"))
        parts += [table, Text("")]
    parts += [Text.assemble(("Sidebar filter (/ in the sidebar)", "bold underline"), "  ", (FILTER_SYNTAX, "italic")),
              Text("")]
    parts.append(Text.assemble(("Mouse", "bold underline"), "  ", (MOUSE, "italic")))
    return Group(*parts)


class HelpBody(VerticalScroll):
    """The help text; it has the focus, so j/k/g/G/Space/PgUp scroll it."""

    BINDINGS = HELP


class HelpScreen(ModalScreen[None]):
    BINDINGS = MODAL

    def __init__(self, keymap: Mapping[str, str]) -> None:
        super().__init__()
        self.keymap = keymap

    def compose(self) -> ComposeResult:
        with HelpBody(id="help-body") as body:
            body.border_title = "Keys — j k g G Space PgUp scroll · Esc, q or Ctrl+G closes"
            yield Static(help_table(self.keymap))

    def on_mount(self) -> None:
        self.set_focus(self.query_one(HelpBody))

    def action_close(self) -> None:
        self.dismiss(None)
