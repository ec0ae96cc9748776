"""`s`: search every article's headline and clean text; Enter jumps to the passage (a headline: the first).

Each keystroke searches in a worker thread on the dialog's own database
connection, and interrupts the search before it: a one-letter prefix on
10,000 articles takes a third of a second, and typing must not wait for it.
Enter before the results have come searches at once, so typed-ahead keys
still land where they would have.
"""

from __future__ import annotations

import sqlite3
import threading

from rich.cells import cell_len
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from ...config import Display
from ...history import Location
from ...index import HEADLINE, Entry
from ...library import Library
from ...render_bidi import display_line, display_snippet, display_text
from ...searchtext import match_pattern
from ...render import pilcrow
from ..bindings import MODAL
from ..widgets.panel import PaneList

MAX_RESULTS = 200


def passage_prompt(prompt: Text, title: str, label: str, excerpt: Text, width: int = 0,
                   display: Display = Display(), title_style: str = "") -> Text:
    """A list item naming a passage: `prompt` (its date, or empty), `title` (in `title_style`)
    and `label` (the passage's pilcrow) on the first line, `excerpt` under it. A right-to-left
    title or excerpt is laid out for `display` on lines of `width` cells (the list's), each
    line in visual order: reordered whole and then wrapped by the list, its end came first."""
    item, gap = prompt.copy(), "  " if prompt.plain else ""
    # A right-to-left title too long for the line is wrapped first, then each line reordered (as the panel's titles).
    head = display_line(title, display)
    wide = cell_len(f"{prompt.plain}{gap}{head}  {label}") > width > 6
    laid_title = display_snippet(title, width, display) if wide else None
    if laid_title is None:
        item.append_text(Text.assemble(gap, (head, title_style), f"  {label}\n  "))
    else:
        laid_title.stylize(title_style)
        item.append_text(Text.assemble(f"{gap}{label}\n", laid_title, "\n  "))
    laid_out = display_text(excerpt, width - 2, display) if width > 6 else None
    item.append_text(excerpt if laid_out is None else Text("\n  ").join(laid_out))
    return item


def result_prompt(entry: Entry, index: int, text: str, query: str, width: int = 0,
                  display: Display = Display()) -> Text:
    """One result: date, title, passage (or "headline"), and `text`, its excerpt around the first
    match (index.excerpt), highlighted; laid out as `passage_prompt`."""
    # What the index matched (Persian letters folded, Russian stems): searchtext.match_pattern.
    pattern = match_pattern(query)
    line = Text(text, style="dim")  # already cut around the match (index.excerpt)
    if pattern:
        line.highlight_regex(pattern, style="bold reverse")
    label = "headline" if index == HEADLINE else pilcrow(index)
    return passage_prompt(Text(entry.date or "—", style="bold"), entry.title, label, line, width, display)


class SearchScreen(ModalScreen[Location | None]):
    BINDINGS = MODAL

    def __init__(self, library: Library):
        super().__init__()
        self.library = library
        self.index = library.connect()
        # One thread at a time on the connection, and none once it is closed: closing it
        # while a worker's query ran on it crashed the process (Esc during a slow search).
        self._using = threading.Lock()
        self._closed = False
        self._shown_for: str | None = None  # the query whose results are listed

    def compose(self) -> ComposeResult:
        with Vertical(id="search-body") as body:
            body.border_title = "Search all articles — Enter: results / open · Esc or Ctrl+G: close"
            yield Input(placeholder="words to find in every article", id="search-input")
            yield Static(id="search-count")
            yield PaneList(id="search-results")

    def search(self, query: str) -> list[tuple[Entry, int, str]]:
        """The hits for `query` on the dialog's connection; none once the dialog has closed it.
        Raises sqlite3.Error when interrupted."""
        with self._using:
            return [] if self._closed else self.library.search(query, MAX_RESULTS, index=self.index)

    @on(Input.Changed, "#search-input")
    def run_search(self, event: Input.Changed) -> None:
        self.index.interrupt()  # the search before this one is of no use now
        if event.value.strip():
            self.query_one("#search-count", Static).update(Text("searching…", style="dim"))
        self._search_in_background(event.value, self._width())

    def _width(self) -> int:
        """Cells of text in one result (an option's padding: a cell each side)."""
        return self.query_one("#search-results", OptionList).scrollable_content_region.width - 2

    def _options(self, query: str, hits: list[tuple[Entry, int, str]], width: int) -> list[Option]:
        display = self.library.config.display
        return [Option(result_prompt(entry, i, text, query, width, display), id=f"{entry.id}\x00{i}")
                for entry, i, text in hits]

    @work(thread=True, exclusive=True, group="search")
    def _search_in_background(self, query: str, width: int) -> None:
        """The hits for `query` and their options, laid out here: on the event loop, 200
        of them took 25-85 ms a keystroke at 100,000 articles (issue 17)."""
        try:
            hits = self.search(query)
        except sqlite3.Error:  # interrupted by the next keystroke, or the dialog closed
            return
        options = self._options(query, hits, width)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show, query, hits, options)

    def _show(self, query: str, hits: list[tuple[Entry, int, str]], options: list[Option] | None = None) -> None:
        """List `hits` for `query` (`options`: laid out already, else here)."""
        if not self.is_attached or len(self.query("#search-input, #search-count, #search-results")) < 3:
            return  # the dialog is closing (Esc came before the results): its children are going
        if query != self.query_one("#search-input", Input).value:
            return  # a later query has been typed: its results are on their way
        results = self.query_one("#search-results", OptionList)
        results.set_options(self._options(query, hits, self._width()) if options is None else options)
        more = "+" if len(hits) >= MAX_RESULTS else ""
        # While the corpus is being indexed, what is found is what is indexed so far: say so, not a bare "0 passages".
        indexing = getattr(self.app, "indexing", "")
        self.query_one("#search-count", Static).update(
            Text(f"{len(hits)}{more} passage{'s' * (len(hits) != 1 or bool(more))}" if query.strip() else "type to search",
                 style="dim") + (Text(f" — so far: {indexing}", style="dim") if indexing else Text()))
        self._shown_for = query

    def on_unmount(self) -> None:
        self.index.interrupt()  # a running query stops soon, and gives the connection back
        with self._using:
            self._closed = True
            self.index.close()

    @on(Input.Submitted, "#search-input")
    def to_results(self, event: Input.Submitted) -> None:
        if self._shown_for != event.value:  # Enter came before the results: search now
            self.index.interrupt()  # the worker's search gives the connection back
            self._show(event.value, self.search(event.value))
        results = self.query_one("#search-results", OptionList)
        if results.option_count:
            self.set_focus(results)  # at once, so a burst of keys lands here
            results.highlighted = 0

    @on(OptionList.OptionSelected, "#search-results")
    def open_result(self, event: OptionList.OptionSelected) -> None:
        article_id, index = event.option.id.split("\x00")
        self._close(Location(article_id, max(0, int(index))))  # a headline: the article's first passage

    def action_close(self) -> None:
        self._close(None)

    def _close(self, location: Location | None) -> None:
        """Dismiss, once: two Enters, or Enter and Esc, in one burst each dismissed, and
        the second found no dialog to pop (ScreenStackError; found by tests/test_fuzz.py)."""
        if self.is_attached and self.app.screen is self:
            self.dismiss(location)

    def key_q(self, event) -> None:
        # `q` closes only when the results, not the search box, have focus.
        if not isinstance(self.focused, Input):
            event.stop()
            self._close(None)
