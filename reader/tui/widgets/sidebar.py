"""The article list: date, source, title and an unread marker; filtered as you type."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Group
from rich.padding import Padding
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option, OptionDoesNotExist

from ...models import Document
from ..bindings import INPUT, LIST


def matches(doc: Document, words: Sequence[str]) -> bool:
    haystack = " ".join([doc.id, doc.meta.title, doc.meta.source or "", doc.meta.date or ""]).casefold()
    return all(word in haystack for word in words)


class ArticleList(OptionList):
    """One option per article; ids are article ids."""

    BINDINGS = LIST

    def show_documents(self, docs: Sequence[Document], read: frozenset[str], current: str | None) -> None:
        self.set_options(Option(self._prompt(doc, doc.id in read), id=doc.id) for doc in docs)
        self.point_at(current)

    def point_at(self, doc_id: str | None) -> None:
        """Highlight `doc_id`, or the first article when it is filtered out of view."""
        try:
            self.highlighted = self.get_option_index(doc_id) if doc_id else 0
        except OptionDoesNotExist:
            self.highlighted = 0 if self.option_count else None

    def mark_read(self, doc: Document) -> None:
        try:
            self.replace_option_prompt(doc.id, self._prompt(doc, True))
        except OptionDoesNotExist:
            return

    @staticmethod
    def _prompt(doc: Document, read: bool) -> Group:
        """Marker, date and source on one line; the title below, indented when it wraps."""
        line = Text(no_wrap=True, overflow="ellipsis")
        line.append("  " if read else "● ", style="bold")
        line.append(doc.meta.date or "—", style="bold")
        line.append(f"  {doc.meta.source or 'unknown source'}", style="dim")
        if doc.warnings:
            line.append(" ⚠", style="bold")
        return Group(line, Padding(Text(doc.meta.title), (0, 0, 0, 2)))


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
    """A filter box over the article list; messages go up, documents come down."""

    class FilterChanged(Message):
        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    def compose(self) -> ComposeResult:
        yield FilterInput(placeholder="filter: words in title, source, date", id="filter")
        yield ArticleList(id="articles")

    def open_filter(self) -> None:
        box = self.query_one(FilterInput)
        box.display = True
        self.screen.set_focus(box)  # at once: see ReaderApp.focus_now

    @on(Input.Changed, "#filter")
    def filter_typed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.FilterChanged(event.value))

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
