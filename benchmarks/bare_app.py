"""The floor for first paint, cursor moves and memory (SPEC §9; issue 17): a bare
Textual app with a header, a five-item list, a static and a footer, whatever the
corpus size. What a reader waits for is an article's text on screen; this is the
least any Textual app shows before it.

    python benchmarks/bare_app.py [TEXT]

TEXT (default: a fixed sentence) is shown in the static, so the benchmark can wait
for the same words it waits for in the reader.
"""

from __future__ import annotations

import sys

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Header, OptionList, Static

TEXT = "TEHRAN – The bare app's article text stands here."
ITEMS = [f"Article {i}" for i in range(5)]


class BareApp(App[None]):
    BINDINGS = [Binding("q", "quit", "Quit")]

    def __init__(self, text: str = TEXT) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        yield Header()
        yield OptionList(*(Text(item) for item in ITEMS), id="list")
        yield Static(Text(self.text), id="text")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()


if __name__ == "__main__":
    BareApp(sys.argv[1] if len(sys.argv) > 1 else TEXT).run()
