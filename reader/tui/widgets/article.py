"""The article pane: header, passages with entities highlighted, a passage cursor.

Text arrives as core models and leaves as `rich.text.Text` built with spans;
nothing from an article is ever parsed as markup. The app sets attributes
(document, find query, selected entity) and the view posts `CursorMoved`
when the reader moves the passage cursor.

Long articles stay responsive: only a window of passages around the cursor
is mounted (a widget costs about half a millisecond to mount), and a
pathological paragraph (a 5 MB single line) is shown truncated, with the
whole of it one key away in the raw view.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from rich.text import Text
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import Static

from ...models import Document
from ...render import highlight, meta_line
from ..bindings import ARTICLE

FIND_STYLE = "bold reverse"
WINDOW = 150  # passages mounted on each side of the cursor in long articles
MAX_SHOWN_CHARS = 20_000  # longer paragraphs are cut in the clean view


class Passage(Static):
    """One paragraph; `-cursor` marks the passage cursor."""

    def __init__(self, index: int, content: Text, kind: str) -> None:
        super().__init__(content, classes=f"passage -{kind}")
        self.index = index


class ArticleHeader(Static):
    pass


class MorePassages(Static):
    """Says how many passages lie outside the mounted window."""


class ArticleView(VerticalScroll, can_focus=True):
    BINDINGS = ARTICLE

    class CursorMoved(Message):
        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    class LinksRequested(Message):
        pass

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.doc: Document | None = None
        self.cursor = 0
        self.entity_styles: Mapping[str, str] = {}
        self.type_tags = False
        self.topic_labels: Mapping[str, str] = {}
        self.find_query = ""
        self.selected_entity: str | None = None
        self._window = (0, 0)
        self._passages: dict[int, Passage] = {}

    # --- content -------------------------------------------------------------

    async def show(self, doc: Document, passage: int = 0) -> None:
        """Replace the content with `doc` and put the cursor on `passage`."""
        self.doc = doc
        self.cursor = max(0, min(passage, self.passage_count - 1))
        await self._mount_window(self.cursor)
        self.set_cursor(self.cursor, center=True, announce=False)

    async def _mount_window(self, around: int) -> None:
        count = self.passage_count
        low, high = (0, count) if count <= 2 * WINDOW else (max(0, around - WINDOW), min(count, around + WINDOW))
        self._window = (low, high)
        self._passages = {i: Passage(i, self._passage_text(i), self.doc.clean.paragraphs[i].kind) for i in range(low, high)}
        widgets: list[Static] = [ArticleHeader(self._header())]
        if low:
            widgets.append(MorePassages(Text(f"… {low} passages above (k / PgUp to go on)", style="dim italic")))
        widgets += self._passages.values()
        if high < count:
            widgets.append(MorePassages(Text(f"… {count - high} passages below (j / PgDn to go on)", style="dim italic")))
        with self.app.batch_update():
            await self.remove_children()
            await self.mount(*widgets)

    def _header(self) -> Text:
        doc = self.doc
        out = Text()
        out.append(doc.meta.title, style="bold")
        out.append("\n")
        out.append(meta_line(doc), style="dim")
        if doc.raw.encoding not in ("utf-8", "utf-8-sig"):
            out.append(f" · {doc.raw.encoding}", style="dim")
        if doc.topics:
            out.append("\n")
            for topic in doc.topics:
                out.append(f" {self.topic_labels.get(topic, topic)} ", style="reverse")
                out.append(" ")
        for warning in doc.warnings:
            out.append(f"\n⚠ {warning}", style="bold")
        return out

    def _passage_text(self, index: int) -> Text:
        doc = self.doc
        paragraph = doc.clean.paragraphs[index]
        mentions = doc.mentions[index] if doc.mentions else ()
        base = {"subheading": "bold", "quote": "italic"}.get(paragraph.kind, "")
        shown = paragraph.text
        if len(shown) > MAX_SHOWN_CHARS:
            shown = shown[:MAX_SHOWN_CHARS]
            mentions = tuple(m for m in mentions if m.end <= MAX_SHOWN_CHARS)
        text = highlight(shown, mentions, self.entity_styles, self.type_tags, base=base,
                         selected=self.selected_entity)
        if self.find_query:
            text.highlight_regex(re.compile(re.escape(self.find_query), re.IGNORECASE), FIND_STYLE)
        if len(paragraph.text) > MAX_SHOWN_CHARS:
            text.append(f" … {len(paragraph.text) - MAX_SHOWN_CHARS:,} more characters (r: raw view shows them all)",
                        style="bold reverse")
        return text

    def refresh_passages(self) -> None:
        """Re-render passages after the find query or selected entity changed."""
        if self.doc is None:
            return
        for index, widget in self._passages.items():
            widget.update(self._passage_text(index))

    # --- passage cursor ------------------------------------------------------

    @property
    def passage_count(self) -> int:
        return 0 if self.doc is None else len(self.doc.clean.paragraphs)

    def set_cursor(self, index: int, center: bool = False, announce: bool = True, scroll: bool = True) -> None:
        if not self.passage_count:
            return
        index = max(0, min(index, self.passage_count - 1))
        low, high = self._window
        if not low <= index < high:
            self.cursor = index
            self.run_worker(self._recentre(index, announce), exclusive=True, group="window")
            return
        if self.cursor in self._passages:
            self._passages[self.cursor].remove_class("-cursor")
        self.cursor = index
        target = self._passages[index]
        target.add_class("-cursor")
        if center:
            self.call_after_refresh(self.scroll_to_center, target, animate=False)
        elif scroll:
            self.call_after_refresh(self.scroll_to_widget, target, animate=False)
        if announce:
            self.post_message(self.CursorMoved(index))

    async def _recentre(self, index: int, announce: bool) -> None:
        """The cursor left the mounted window: mount a new window around it."""
        await self._mount_window(index)
        self.set_cursor(index, center=True, announce=announce)

    def action_cursor(self, delta: int) -> None:
        self.set_cursor(self.cursor + delta)

    def action_cursor_to(self, where: str) -> None:
        self.set_cursor(0 if where == "first" else self.passage_count - 1)

    def action_page(self, direction: int) -> None:
        """Scroll a page, then put the cursor on the first passage in view."""
        before = self.scroll_y
        self.scroll_to(y=self.scroll_y + direction * max(1, self.size.height - 2), animate=False, immediate=True)
        if self.scroll_y == before:  # at an end of the window: move the cursor on instead
            self.set_cursor(self.cursor + direction * max(1, self.size.height // 4))
            return
        first_in_view = next((w for w in self._passages.values() if w.virtual_region.y >= self.scroll_y), None)
        if first_in_view is not None and first_in_view.index != self.cursor:
            self.set_cursor(first_in_view.index, scroll=False)

    def action_open_links(self) -> None:
        self.post_message(self.LinksRequested())
