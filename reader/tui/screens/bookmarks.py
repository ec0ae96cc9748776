"""`M`: the bookmarked passages; Enter jumps, d deletes."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ...history import Location
from ...state import Bookmark
from ..bindings import BOOKMARKS, MODAL


def _option_id(mark: Bookmark) -> str:
    """A bookmark's row id: stable when rows above it are deleted."""
    return f"{mark.article_id}:{mark.passage}"


class BookmarksScreen(ModalScreen[Location | None]):
    BINDINGS = [*MODAL, *BOOKMARKS]

    def __init__(self, bookmarks: Sequence[Bookmark]) -> None:
        super().__init__()
        self.bookmarks = list(bookmarks)
        self.deleted: list[Bookmark] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="bookmarks-body") as body:
            body.border_title = "Bookmarks — Enter: open · d: delete · Esc, q or Ctrl+G: close"
            yield Static(Text("No bookmarks yet: press m on a passage." if not self.bookmarks else "", style="dim"))
            yield OptionList(*self._options(), id="bookmark-list")

    def _options(self) -> list[Option]:
        return [Option(Text.assemble((b.title, "bold"), f"  ¶{b.passage}\n  ", (b.snippet, "dim")),
                       id=_option_id(b))
                for b in self.bookmarks]

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        # A key pressed before the list redrew may name a bookmark deleted meanwhile.
        mark = next((b for b in self.bookmarks if _option_id(b) == event.option.id), None)
        if mark is not None:
            self.dismiss(Location(mark.article_id, mark.passage))

    def action_delete(self) -> None:
        options = self.query_one(OptionList)
        if options.highlighted is None or not self.bookmarks:
            return
        self.deleted.append(self.bookmarks.pop(options.highlighted))
        options.set_options(self._options())

    def action_close(self) -> None:
        self.dismiss(None)
