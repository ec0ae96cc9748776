"""The bottom line: the keys that work where the focus is, as one widget.

Textual's Footer mounts a widget per key, re-mounts them all after every
focus change, and shows its first keys a frame after the first paint (40 to
70 ms at start here). This bar draws the same bindings as one line of text
in the first frame, and re-renders, without mounting anything, when the
bindings change. A click on a key presses it, as in Textual's Footer.
"""

from __future__ import annotations

from typing import NamedTuple

from rich.text import Text
from textual import events
from textual.screen import Screen
from textual.widget import Widget


class Key(NamedTuple):
    key: str
    display: str
    description: str
    enabled: bool


def shown_keys(screen: Screen, palette_key: str) -> tuple[list[Key], Key | None]:
    """The bindings to show (first binding of each action, in binding order), and
    the command palette's, which the bar puts at its right end."""
    app = screen.app
    keys: list[Key] = []
    palette: Key | None = None
    actions: set[str] = set()
    for _, binding, enabled, _ in screen.active_bindings.values():
        if binding.key == palette_key:
            palette = Key(binding.key, app.get_key_display(binding), binding.description, enabled)
        elif binding.show and binding.action not in actions:
            actions.add(binding.action)
            keys.append(Key(binding.key, app.get_key_display(binding), binding.description, enabled))
    return keys, palette


class KeyBar(Widget):
    COMPONENT_CLASSES = {"keybar--key", "keybar--description"}

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._hit: list[tuple[int, int, str]] = []  # (start, end, key) of each key drawn

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen) -> None:
        self.refresh()

    def _item(self, key: Key) -> Text:
        dim = "" if key.enabled else "dim"
        item = Text.assemble((f" {key.display} ", self.get_component_rich_style("keybar--key")),
                             (key.description, self.get_component_rich_style("keybar--description")))
        item.stylize(dim)
        return item

    def render(self) -> Text:
        """Whole keys from the left while they fit, the palette key at the right."""
        keys, palette = shown_keys(self.screen, self.app.COMMAND_PALETTE_BINDING)
        width = self.size.width
        right = self._item(palette) if palette and self.app.ENABLE_COMMAND_PALETTE else Text()
        line = Text(no_wrap=True, overflow="crop")
        self._hit = []
        for key in keys:
            item = self._item(key)
            if line.cell_len + item.cell_len + 1 + (right.cell_len + 1 if right else 0) > width:
                break
            self._hit.append((line.cell_len, line.cell_len + item.cell_len, key.key))
            line.append_text(item)
            line.append(" ")
        if right and line.cell_len + right.cell_len <= width:
            start = width - right.cell_len
            line.pad_right(start - line.cell_len)
            self._hit.append((start, width, palette.key))
            line.append_text(right)
        return line

    def on_click(self, event: events.Click) -> None:
        key = next((key for start, end, key in self._hit if start <= event.x < end), None)
        if key is not None:
            event.stop()
            self.app.simulate_key(key)
