"""The article pane: header, passages with entities highlighted, a passage cursor.

Text arrives as core models and leaves as `rich.text.Text` built with spans;
nothing from an article is ever parsed as markup. The app sets attributes
(document, find query, selected entity) and the view posts `CursorMoved`
when the reader moves the passage cursor.
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


class Passage(Static):
    """One paragraph; `-cursor` marks the passage cursor."""

    def __init__(self, index: int, content: Text, kind: str) -> None:
        super().__init__(content, classes=f"passage -{kind}")
        self.index = index


class ArticleHeader(Static):
    pass


class RawText(Static):
    pass


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
        self.raw = False
        self.entity_styles: Mapping[str, str] = {}
        self.type_tags = False
        self.topic_labels: Mapping[str, str] = {}
        self.find_query = ""
        self.selected_entity: str | None = None

    # --- content -------------------------------------------------------------

    async def show(self, doc: Document, passage: int = 0) -> None:
        """Replace the content with `doc` and put the cursor on `passage`."""
        self.doc = doc
        await self.remove_children()
        if self.raw:
            await self.mount(ArticleHeader(self._header()), RawText(self._raw_text()))
            self.scroll_home(animate=False)
            return
        await self.mount(ArticleHeader(self._header()),
                         *(Passage(p.index, self._passage_text(p.index), p.kind) for p in doc.clean.paragraphs))
        self.set_cursor(passage, center=True, announce=False)

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
        if self.raw:
            out.append("\nRAW VIEW — the file as it is; dropped lines are dimmed with the reason (r: back to clean)",
                       style="bold reverse")
        return out

    def _passage_text(self, index: int) -> Text:
        doc = self.doc
        paragraph = doc.clean.paragraphs[index]
        mentions = doc.mentions[index] if doc.mentions else ()
        base = {"subheading": "bold", "quote": "italic"}.get(paragraph.kind, "")
        text = highlight(paragraph.text, mentions, self.entity_styles, self.type_tags, base=base,
                         selected=self.selected_entity)
        if self.find_query:
            text.highlight_regex(re.compile(re.escape(self.find_query), re.IGNORECASE), FIND_STYLE)
        return text

    def _raw_text(self) -> Text:
        doc = self.doc
        dropped = {d.line: d.reason for d in doc.clean.dropped}
        lines = doc.raw.text.split("\n")
        width = len(str(len(lines)))
        out = Text()
        for number, line in enumerate(lines, start=1):
            out.append(f"{number:>{width}} │ ", style="dim")
            if number in dropped:
                out.append(line, style="dim strike")
                out.append(f"  ← {dropped[number]}", style="italic")
            else:
                out.append(line)
            out.append("\n")
        return out

    def refresh_passages(self) -> None:
        """Re-render passages after the find query or selected entity changed."""
        if self.doc is None or self.raw:
            return
        for widget in self.query(Passage):
            widget.update(self._passage_text(widget.index))

    # --- passage cursor ------------------------------------------------------

    @property
    def passage_count(self) -> int:
        return 0 if self.doc is None or self.raw else len(self.doc.clean.paragraphs)

    def set_cursor(self, index: int, center: bool = False, announce: bool = True, scroll: bool = True) -> None:
        if not self.passage_count:
            return
        index = max(0, min(index, self.passage_count - 1))
        passages = list(self.query(Passage))
        if self.cursor < len(passages):
            passages[self.cursor].remove_class("-cursor")
        self.cursor = index
        target = passages[index]
        target.add_class("-cursor")
        if center:
            self.call_after_refresh(self.scroll_to_center, target, animate=False)
        elif scroll:
            self.call_after_refresh(self.scroll_to_widget, target, animate=False)
        if announce:
            self.post_message(self.CursorMoved(index))

    def action_cursor(self, delta: int) -> None:
        if self.raw:
            self.scroll_relative(y=delta, animate=False)
            return
        self.set_cursor(self.cursor + delta)

    def action_cursor_to(self, where: str) -> None:
        if self.raw:
            self.scroll_home(animate=False) if where == "first" else self.scroll_end(animate=False)
            return
        self.set_cursor(0 if where == "first" else self.passage_count - 1)

    def action_page(self, direction: int) -> None:
        """Scroll a page, then put the cursor on the first passage in view."""
        self.scroll_to(y=self.scroll_y + direction * max(1, self.size.height - 2), animate=False, immediate=True)
        if self.raw:
            return
        first_in_view = next((w for w in self.query(Passage) if w.virtual_region.y >= self.scroll_y), None)
        if first_in_view is not None and first_in_view.index != self.cursor:
            self.set_cursor(first_in_view.index, scroll=False)

    def action_open_links(self) -> None:
        self.post_message(self.LinksRequested())
