"""`M`: the bookmarked passages; Enter jumps, d deletes."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ...config import Display
from ...history import Location
from ...render import pilcrow
from ...state import Bookmark
from ..bindings import BOOKMARKS, MODAL
from ..widgets.panel import PaneList
from .search import passage_prompt


def _option_id(mark: Bookmark) -> str:
    """A bookmark's row id: stable when rows above it are deleted."""
    return f"{mark.article_id}:{mark.passage}"


class BookmarksScreen(ModalScreen[Location | None]):
    """`deleted` holds what the reader deleted (the app removes it on close); `u` puts
    the last one back where it was."""

    BINDINGS = [*MODAL, *BOOKMARKS]

    def __init__(self, bookmarks: Sequence[Bookmark], display: Display = Display()) -> None:
        super().__init__()
        self.bookmarks = list(bookmarks)
        self.bidi = display  # `display:` config (not `display`: Textual owns that name)
        self.deleted: list[Bookmark] = []
        self._undo: list[tuple[int, Bookmark]] = []  # (row, bookmark) of each delete, last one last

    def compose(self) -> ComposeResult:
        with Vertical(id="bookmarks-body") as body:
            body.border_title = "Bookmarks — Enter: open · d: delete · u: undo · Esc: close"
            yield Static(self._note(), id="bookmarks-note")
            yield PaneList(id="bookmark-list")

    def on_mount(self) -> None:
        self.set_focus(self.query_one(PaneList))
        self.call_after_refresh(self._show, 0)  # once the list has its width (right-to-left titles wrap to it)

    def on_resize(self) -> None:
        self.call_after_refresh(self._show, self.query_one(PaneList).highlighted or 0)

    def _note(self) -> Text:
        return Text("" if self.bookmarks else "No bookmarks yet: press m on a passage.", style="dim")

    def _options(self) -> list[Option]:
        width = self.query_one(PaneList).scrollable_content_region.width - 2  # an option's padding: a cell each side
        return [Option(passage_prompt(Text(), b.title, pilcrow(b.passage), Text(b.snippet, style="dim"), width,
                                      self.bidi, title_style="bold"), id=_option_id(b))
                for b in self.bookmarks]

    def _show(self, highlight: int) -> None:
        options = self.query_one(PaneList)
        options.set_options(self._options())
        options.highlighted = min(highlight, len(self.bookmarks) - 1) if self.bookmarks else None
        self.query_one("#bookmarks-note", Static).update(self._note())

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        # A key pressed before the list redrew may name a bookmark deleted meanwhile.
        mark = next((b for b in self.bookmarks if _option_id(b) == event.option.id), None)
        if mark is not None:
            self.dismiss(Location(mark.article_id, mark.passage))

    def action_delete(self) -> None:
        """Delete the highlighted bookmark; the one after it is highlighted next."""
        row = self.query_one(PaneList).highlighted
        if row is None or not self.bookmarks:
            return
        mark = self.bookmarks.pop(row)
        self.deleted.append(mark)
        self._undo.append((row, mark))
        self._show(row)
        self.notify(f"Bookmark deleted: {mark.title} {pilcrow(mark.passage)} (u undoes)", markup=False, timeout=3)

    def action_undo(self) -> None:
        if not self._undo:
            self.notify("Nothing to undo", timeout=2)
            return
        row, mark = self._undo.pop()
        self.deleted.remove(mark)
        self.bookmarks.insert(row, mark)
        self._show(row)

    def action_close(self) -> None:
        self.dismiss(None)
