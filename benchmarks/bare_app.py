"""The floor for first paint, cursor moves and memory: a bare Textual app with a
header, a list and a footer, listing the same article titles as the reader.

    python benchmarks/bare_app.py [FOLDER]
"""

from __future__ import annotations

import sys
from pathlib import Path

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Header, OptionList


def titles(folder: Path | None) -> list[str]:
    if folder is None:
        return [f"Article {i}" for i in range(5)]
    result = []
    for path in sorted(folder.glob("*.txt")):
        with open(path, encoding="utf-8", errors="replace") as handle:
            result.append(handle.readline().strip())
    return result


class BareApp(App[None]):
    BINDINGS = [Binding("q", "quit", "Quit")]

    def __init__(self, items: list[str]) -> None:
        super().__init__()
        self.items = items

    def compose(self) -> ComposeResult:
        yield Header()
        yield OptionList(*(Text(item) for item in self.items), id="list")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()


if __name__ == "__main__":
    BareApp(titles(Path(sys.argv[1]) if len(sys.argv) > 1 else None)).run()
