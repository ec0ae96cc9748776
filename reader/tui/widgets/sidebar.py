"""The article list: date, source, title and an unread marker; filtered as you type.

On Textual's Line API: each article is two lines and only the visible lines
are rendered, and their entries are read from the index a page at a time as
they come into view (reader.rows), so 100,000 articles scroll as fast as five.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len
from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widgets import Input

from ...config import Display
from ...index import Entry
from ...models import UNKNOWN_SOURCE
from ...rows import Rows
from ...render_bidi import display_line
from ..bindings import INPUT, LIST
from .raw import line_strip

ROW_HEIGHT = 2


class ArticleList(ScrollView, can_focus=True):
    """One two-line row per article; Enter posts `Chosen`."""

    BINDINGS = [
        *LIST,
        Binding("down", "cursor_down", "Down", show=False),
        Binding("up", "cursor_up", "Up", show=False),
        Binding("home", "first", "First", show=False),
        Binding("end", "last", "Last", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("enter", "select", "Open", show=False),
    ]

    class Chosen(Message):
        def __init__(self, article_id: str) -> None:
            super().__init__()
            self.article_id = article_id

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.entries: Sequence[Entry] = ()  # Rows once shown: read from the index as drawn
        self.empty_note: Text | None = None  # shown, wrapped, where no row is (a filter that keeps none)
        self._note_lines: tuple[int, list[Text]] = (0, [])  # the note wrapped, and the width it was wrapped for
        self.read: set[str] = set()
        self.cursor = 0
        self.display_config = Display()  # `display:` config: right-to-left titles in visual order

    # --- content -----------------------------------------------------------------

    def show_entries(self, entries: Rows, read: frozenset[str] | set[str], current: str | None,
                     empty_note: Text | None = None) -> None:
        """Show `entries`, the cursor on `current` if listed; `empty_note`: what the list
        says when it has no row (the header's filter note was cut at 80 columns)."""
        self.entries = entries
        self.empty_note, self._note_lines = empty_note, (0, [])
        self.read = set(read)
        self.virtual_size = Size(self.size.width, len(self.entries) * ROW_HEIGHT)
        self.point_at(current)
        self.refresh()

    def point_at(self, article_id: str | None) -> None:
        """Put the cursor on `article_id`, or on the first article when it is filtered out."""
        index = self.entries.position(article_id) if isinstance(self.entries, Rows) else None
        self._move(index or 0)

    def mark_read(self, article_id: str) -> None:
        self.read.add(article_id)
        self.refresh()

    def row_text(self, index: int) -> str:
        """Both lines of row `index` as plain text (what a reader sees)."""
        width = self._row_width
        return "\n".join(self._line(index, part, width).plain for part in range(ROW_HEIGHT))

    @property
    def highlighted_id(self) -> str | None:
        return self.entries[self.cursor].id if self.entries else None

    # --- rendering -----------------------------------------------------------------

    def _line(self, index: int, part: int, width: int | None = None) -> Text:
        """Line `part` of row `index`, cut to `width` cells (the caller's `_row_width`, else read)."""
        entry = self.entries[index]
        if width is None:
            width = self._row_width
        if part == 0:
            line = Text(no_wrap=True, overflow="ellipsis")
            line.append("  " if entry.id in self.read else "● ", style="bold")
            line.append(entry.date or "—", style="bold")
            after = (f" · {entry.language}" if entry.language else "") + (" ⚠" if entry.warnings else "")
            # A right-to-left source too long for the row is cut at its logical end, then
            # reordered (display_line), so that it keeps its opening words, as titles do.
            room = max(1, width - 1 - line.cell_len - 2 - cell_len(after))
            line.append(f"  {display_line(entry.source, self.display_config, room) if entry.source else UNKNOWN_SOURCE}",
                        style="dim")
            if entry.language:
                line.append(f" · {entry.language}", style="dim")
            if entry.warnings:
                line.append(" ⚠", style="bold")
            return line
        room = max(1, width - 3)  # the row's two-cell indent and a cell of margin
        return Text("  " + display_line(entry.title, self.display_config, room), no_wrap=True, overflow="ellipsis")

    @property
    def _row_width(self) -> int:
        """The cells a row shows: the list's width less its scrollbar, which is drawn
        over the rows' last cells (and hid the "…" of a row cut short)."""
        return self.scrollable_content_region.width

    def render_line(self, y: int) -> Strip:
        width = self._row_width
        line_number = self.scroll_offset.y + y
        index, part = divmod(line_number, ROW_HEIGHT)
        if index >= len(self.entries):
            if not self.entries and self.empty_note is not None:
                lines = self._wrapped_note(max(1, width - 2))
                if line_number < len(lines):
                    return line_strip(Text(" ").append_text(lines[line_number]).render(self.app.console), width,
                                      self.rich_style)
            return Strip.blank(width, self.rich_style)
        text = self._line(index, part, width)  # the row's width, looked up once a line
        text.truncate(width, overflow="ellipsis", pad=True)
        if index == self.cursor:
            text.stylize("reverse" if self.has_focus else "bold underline")
        return line_strip(text.render(self.app.console), width, self.rich_style)

    def _wrapped_note(self, width: int) -> list[Text]:
        """`empty_note`'s lines at `width` cells, wrapped once per note and width, not for every line drawn."""
        if self._note_lines[0] != width:
            self._note_lines = (width, list(self.empty_note.wrap(self.app.console, width)))
        return self._note_lines[1]

    def on_resize(self) -> None:
        self.virtual_size = Size(self.size.width, len(self.entries) * ROW_HEIGHT)

    # --- keys ----------------------------------------------------------------------

    def _move(self, index: int) -> None:
        if not self.entries:
            self.cursor = 0
            return
        self.cursor = max(0, min(index, len(self.entries) - 1))
        top = self.cursor * ROW_HEIGHT
        height = max(ROW_HEIGHT, self.size.height)
        if top < self.scroll_offset.y:
            self.scroll_to(y=top, animate=False, immediate=True)
        elif top + ROW_HEIGHT > self.scroll_offset.y + height:
            self.scroll_to(y=top + ROW_HEIGHT - height, animate=False, immediate=True)
        self.refresh()

    def action_cursor_down(self) -> None:
        self._move(self.cursor + 1)

    def action_cursor_up(self) -> None:
        self._move(self.cursor - 1)

    def action_first(self) -> None:
        self._move(0)

    def action_last(self) -> None:
        self._move(len(self.entries) - 1)

    def action_page(self, direction: int) -> None:
        self._move(self.cursor + direction * max(1, self.size.height // ROW_HEIGHT - 1))

    def action_select(self) -> None:
        if self.entries:
            self.post_message(self.Chosen(self.entries[self.cursor].id))

    def on_click(self, event: events.Click) -> None:
        """A click on a row opens that article, as Enter on it would."""
        index = (event.y + self.scroll_offset.y) // ROW_HEIGHT
        if 0 <= index < len(self.entries):
            self._move(index)
            self.action_select()


class FilterInput(Input):
    BINDINGS = INPUT

    class Cancelled(Message):
        """Escape or Ctrl+G in the box: clear it and close it."""

        def __init__(self, box: FilterInput) -> None:
            super().__init__()
            self.box = box

        @property
        def control(self) -> FilterInput:
            return self.box

    def action_cancel(self) -> None:
        self.post_message(self.Cancelled(self))

    def key_escape(self) -> None:
        self.action_cancel()


class Sidebar(Vertical):
    """A filter box, and while a worker indexes a progress bar, over the article list."""

    class FilterChanged(Message):
        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    def compose(self) -> ComposeResult:
        yield FilterInput(placeholder="filter: words; lang:ru topic:syria source:tass", id="filter")
        yield ArticleList(id="articles")

    def show_progress(self, done: int, total: int) -> None:
        """Mounted only while indexing: a hidden bar with no total yet would still
        animate itself 15 times a second for the whole session. Imported here: a warm
        start never shows it, and its module (with its ETA and bar) is not imported before it."""
        from textual.widgets import ProgressBar

        bars = self.query(ProgressBar)
        bar = bars.first() if bars else ProgressBar(id="indexing", show_eta=False)
        bar.update(total=total, progress=done)
        if not bars:
            self.mount(bar, before=self.query_one(ArticleList))

    def hide_progress(self) -> None:
        self.query("#indexing").remove()

    def open_filter(self) -> None:
        box = self.query_one(FilterInput)
        box.display = True
        self.screen.set_focus(box)  # at once: see ReaderApp.focus_now

    @on(Input.Changed, "#filter")
    def filter_typed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.FilterChanged(event.value))

    def key_down(self, event: events.Key) -> None:
        """Down in the filter box goes to the list, its cursor on the first row shown (a
        newcomer's Down stayed in the box: only Enter left it)."""
        if self.screen.focused is self.query_one(FilterInput):
            event.stop()
            self.screen.set_focus(self.query_one(ArticleList))

    @on(Input.Submitted, "#filter")
    def filter_done(self, event: Input.Submitted) -> None:
        event.stop()
        self.screen.set_focus(self.query_one(ArticleList))
        if not event.value:
            self.query_one(FilterInput).display = False

    @on(FilterInput.Cancelled, "#filter")
    def close_filter(self, event: FilterInput.Cancelled) -> None:
        event.stop()
        box = event.box
        box.value = ""
        box.display = False
        self.screen.set_focus(self.query_one(ArticleList))
