"""`B`: the brief (bookmarks, or the current topic's trail) previewed before it is saved.

The preview is Textual's Markdown widget over the very text `iranru-reader
brief` writes (reader/export.py escapes article text, so it renders as text).
`w` asks where to save it (Enter writes atomically), `t` switches between the
bookmarks and the topic, Esc closes without saving.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Input, Markdown, Static

from ...atomic import write_atomic
from ..bindings import BRIEF, MODAL, RAW

# A brief to show: (title, Markdown text, default file name), or a reason there is none.
Brief = tuple[str, str, str]
Source = Callable[[], "Brief | str"]


class BriefScroll(VerticalScroll):
    BINDINGS = RAW  # j/k, g/G, space/PgUp, h/l: as in the raw view


class BriefScreen(Screen[Path | None]):
    """Dismissed with the path written, or None."""

    BINDINGS = [*MODAL, *BRIEF]

    def __init__(self, sources: dict[str, Source], first: str) -> None:
        super().__init__()
        self.sources = sources
        self.source = first
        self.text = ""
        self.file_name = "brief.md"

    def compose(self) -> ComposeResult:
        with Vertical(id="brief-body"):
            yield Static(id="brief-title")
            with BriefScroll(id="brief-scroll"):
                yield Markdown(id="brief-preview")
            yield Input(id="brief-path", placeholder="save the brief as (Enter: save, Esc: cancel)")

    async def on_mount(self) -> None:
        self.query_one("#brief-path", Input).display = False
        await self._load()
        self.set_focus(self.query_one(BriefScroll))

    async def _load(self) -> None:
        made = self.sources[self.source]()
        hints = "w: save as… · " + ("t: other source · " if len(self.sources) > 1 else "") + "Esc: close"
        title = Text("Brief preview", style="bold")
        if isinstance(made, str):
            self.text = ""
            title.append(f" — {made}", style="italic")
            await self.query_one(Markdown).update("")
        else:
            name, self.text, self.file_name = made
            title.append(f" — {name}", style="italic")
            await self.query_one(Markdown).update(self.text)
        title.append(f"\n{hints}", style="dim")
        self.query_one("#brief-title", Static).update(title)

    async def action_switch(self) -> None:
        names = list(self.sources)
        self.source = names[(names.index(self.source) + 1) % len(names)]
        await self._load()

    def action_save(self) -> None:
        if not self.text:
            self.notify("Nothing to save", timeout=3)
            return
        box = self.query_one("#brief-path", Input)
        box.value = str(Path.cwd() / self.file_name)
        box.display = True
        self.set_focus(box)

    @on(Input.Submitted, "#brief-path")
    def save(self, event: Input.Submitted) -> None:
        if not event.value.strip():
            self.notify("Type a file name to save the brief as", severity="warning", timeout=3)
            return
        path = Path(event.value.strip()).expanduser()
        try:
            write_atomic(path, self.text)
        except OSError as error:
            self.notify(f"cannot write {path}: {error.strerror or error}", severity="error", markup=False, timeout=8)
            return
        self.dismiss(path)

    def action_close(self) -> None:
        box = self.query_one("#brief-path", Input)
        if box.display:
            box.display = False
            self.set_focus(self.query_one(BriefScroll))
            return
        self.dismiss(None)
