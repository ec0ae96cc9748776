"""The article pane: header, passages with entities highlighted, a passage cursor.

Text arrives as core models and leaves as `rich.text.Text` built with spans;
nothing from an article is ever parsed as markup. The app sets attributes
(document, find query, selected entity) and the view posts `CursorMoved`
when the reader moves the passage cursor.

On Textual's Line API: an article is laid out once per width into lines,
and only the lines on screen are drawn. Opening an article or moving the
cursor repaints this pane alone; with a widget per passage, every opening
re-laid-out and repainted the whole screen (about 100 ms on 10,000
articles). Long articles stay cheap: only a window of passages around the
cursor is laid out, and a pathological paragraph (a 5 MB single line) is
shown truncated, with the whole of it one key away in the raw view.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import NamedTuple

from rich.segment import Segment
from rich.text import Text
from textual import events
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ...config import Display
from ...models import Document
from ...render import evidence_line, highlight, meta_line
from ...render_bidi import display_text
from ..bindings import ARTICLE
from .raw import line_strip

FIND_STYLE = "bold reverse"
CURRENT_FIND_STYLE = "bold reverse underline"  # the match n/N is on
WINDOW = 150  # passages laid out on each side of the cursor in long articles
MAX_SHOWN_CHARS = 20_000  # longer paragraphs are cut in the clean view
HEADER, NOTE = -1, -2  # what a line belongs to when it is not a passage
MARGIN = 3  # columns left of the text: a space, the cursor bar, a space
BAR, BAR_BLURRED = "█", "▌"  # the cursor's gutter mark, focused / not: told apart by shape, not colour
CHIP_STYLE = "reverse"


def find_pattern(query: str) -> re.Pattern:
    """What `/` finds: the query as typed (never a regex), in any case."""
    return re.compile(re.escape(query), re.IGNORECASE)


def find_hits(doc: Document, query: str) -> list[tuple[int, int, int]]:
    """Every match of `query` in `doc` as (passage, start, end), in reading order (character offsets)."""
    if not query:
        return []
    pattern = find_pattern(query)
    return [(p.index, m.start(), m.end()) for p in doc.clean.paragraphs for m in pattern.finditer(p.text)]


def chip_lines(labels: list[str], width: int, expanded: bool) -> list[Text]:
    """Topic chips in `width` cells, never split mid-chip.

    Collapsed: one line, and "+N" for the chips that did not fit. Expanded:
    as many lines as needed, wrapped between chips. A chip wider than the
    line is cut with "…" (width in terminal cells).
    """
    lines: list[Text] = []
    line = Text(no_wrap=True, overflow="crop")
    for n, label in enumerate(labels):
        chip = Text(f" {label} ", style=CHIP_STYLE)
        chip.truncate(max(1, width), overflow="ellipsis")
        rest = len(labels) - n - 1
        room = width - line.cell_len - (1 if line else 0)
        more = len(f" +{rest}") if rest and not expanded else 0
        if chip.cell_len + more > room and line:
            if not expanded:
                line.append(f" +{len(labels) - n}", style="bold")
                return [line]
            lines.append(line)
            line = Text(no_wrap=True, overflow="crop")
        if line:
            line.append(" ")
        line.append_text(chip)
    return [*lines, line] if line else lines


class Line(NamedTuple):
    """One laid-out line: the passage it belongs to (or HEADER/NOTE), its text."""

    owner: int
    strip: Strip


class ArticleView(ScrollView, can_focus=True):
    BINDINGS = ARTICLE
    COMPONENT_CLASSES = {"article--cursor", "article--bar", "article--subheading", "article--rule", "article--hint"}

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
        self.current_match: tuple[int, int, int] | None = None  # (passage, start, end) of the match n/N is on
        self.selected_entity: str | None = None
        self.show_evidence = False  # `w`: a line under each passage saying why it is on its topics
        self.bidi = Display()  # `display:` config: how right-to-left passages are laid out
        self.chips_expanded = False
        self.empty_hint: Text | None = None  # shown when there is no article to show
        self._window = (0, 0)
        self.lines: list[Line] = []
        self._tops: dict[int, int] = {}  # passage -> its first line
        self._laid_out_width = 0

    # --- content -------------------------------------------------------------

    def show(self, doc: Document, passage: int = 0) -> None:
        """Replace the content with `doc` and put the cursor on `passage`."""
        self.doc = doc
        self.cursor = max(0, min(passage, self.passage_count - 1))
        self._set_window(self.cursor)
        self._lay_out()
        self._scroll_to_cursor(center=True)

    def refresh_passages(self) -> None:
        """Lay out again after the find query or the selected entity changed."""
        if self.doc is not None:
            top = self.scroll_offset.y
            self._lay_out()
            self.scroll_to(y=top, animate=False, immediate=True)

    def _set_window(self, around: int) -> None:
        count = self.passage_count
        self._window = (0, count) if count <= 2 * WINDOW else (max(0, around - WINDOW), min(count, around + WINDOW))

    def _lay_out(self) -> None:
        """Wrap the header and the window's passages to the current width."""
        width = self.scrollable_content_region.width
        self._laid_out_width = width
        self.lines, self._tops = [], {}
        if width <= MARGIN + 2 or (self.doc is None and self.empty_hint is None):
            self.virtual_size = Size(0, 0)
            self.refresh()
            return
        console = self.app.console
        text_width = width - MARGIN - 2  # a column of padding each side of the text
        options = console.options.update(width=text_width, highlight=False, markup=False)
        blank = Line(NOTE, Strip([]))

        def add(owner: int, text: Text) -> None:
            self.lines.extend(Line(owner, Strip(segments)) for segments in console.render_lines(text, options, pad=False))

        if self.doc is None:
            add(NOTE, self.empty_hint)
            self.virtual_size = Size(width, len(self.lines))
            self.refresh()
            return
        title = Text(self.doc.meta.title, style="bold")
        # A right-to-left title is wrapped, then each line put in visual order, as passages are.
        for line in display_text(title, text_width, self.bidi) or [title]:
            add(HEADER, line)
        add(HEADER, self._details())
        labels = [self.topic_labels.get(topic, topic) for topic in self.doc.topics]
        for line in chip_lines(labels, text_width, self.chips_expanded):
            add(HEADER, line)
        rule_style = self.get_component_rich_style("article--rule")
        self.lines.append(Line(HEADER, Strip([Segment("▁" * text_width, rule_style)])))
        low, high = self._window
        count = self.passage_count
        if low:
            add(NOTE, Text(f"… {low} passages above (k / PgUp to go on)", style="dim italic"))
            self.lines.append(blank)
        for index in range(low, high):
            self._tops[index] = len(self.lines)
            text = self._passage_text(index)
            # Right-to-left passages come as lines already wrapped and in visual order.
            for line in display_text(text, text_width, self.bidi) or [text]:
                add(index, line)
            if self.show_evidence and self.doc.passage_topics and self.doc.passage_topics[index]:
                # The reader's words ("why: Sanctions — …") quoting the article's: left to
                # right under a Persian passage too (laid out with it, its labels and
                # brackets came apart).
                why = evidence_line(self.doc.passage_topics[index], self.topic_labels)
                for line in display_text(why, text_width, self.bidi, rtl=False) or [why]:
                    add(index, line)
            self.lines.append(blank)
        if high < count:
            add(NOTE, Text(f"… {count - high} passages below (j / PgDn to go on)", style="dim italic"))
        self.virtual_size = Size(width, len(self.lines))
        self.refresh()

    def _details(self) -> Text:
        """The header's lines under the title: source, date, dateline, language, words; warnings."""
        doc = self.doc
        out = Text()
        out.append(meta_line(doc, self.bidi), style="dim")
        if doc.raw.encoding not in ("utf-8", "utf-8-sig"):
            out.append(f" · {doc.raw.encoding}", style="dim")
        for warning in doc.warnings:
            out.append(f"\n⚠ {warning}", style="bold")
        return out

    def _passage_text(self, index: int) -> Text:
        doc = self.doc
        paragraph = doc.clean.paragraphs[index]
        mentions = doc.mentions[index] if doc.mentions else ()
        if paragraph.kind == "subheading":
            base = self.get_component_rich_style("article--subheading")
        else:
            base = "italic" if paragraph.kind == "quote" else ""
        shown = paragraph.text
        if len(shown) > MAX_SHOWN_CHARS:
            shown = shown[:MAX_SHOWN_CHARS]
            mentions = tuple(m for m in mentions if m.end <= MAX_SHOWN_CHARS)
        text = highlight(shown, mentions, self.entity_styles, self.type_tags, base=base,
                         selected=self.selected_entity)
        if self.find_query:
            text.highlight_regex(find_pattern(self.find_query), FIND_STYLE)
            if self.current_match and self.current_match[0] == index:
                text.stylize(CURRENT_FIND_STYLE, *self.current_match[1:])
        if len(paragraph.text) > MAX_SHOWN_CHARS:
            text.append(f" … {len(paragraph.text) - MAX_SHOWN_CHARS:,} more characters (r: raw view shows them all)",
                        style="bold reverse")
        return text

    # --- drawing -------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        index = self.scroll_offset.y + y
        base = self.rich_style
        if index >= len(self.lines):
            return Strip.blank(width, base)
        owner, strip = self.lines[index]
        if owner != self.cursor or self.doc is None:
            return line_strip([Segment(" " * MARGIN), *strip], width, base)
        # The passage under the cursor: a bar at its left (which shows without colour and
        # on 16 colours, where the tinted background may not) and a tinted background.
        cursor_style = base + self.get_component_rich_style("article--cursor")
        bar_style = cursor_style + self.get_component_rich_style("article--bar", partial=True)
        bar = BAR if self.has_focus else BAR_BLURRED
        segments = [Segment(" ", cursor_style), Segment(bar, bar_style), Segment(" ", cursor_style),
                    *Segment.apply_style(strip, cursor_style)]
        return line_strip(segments, width, cursor_style)

    def render_lines(self, crop: Region) -> list[Strip]:
        # Laid out for the width the compositor gives, before the lines are drawn: the
        # Resize event comes after the first frame, and the article's text would wait
        # for a second frame (a third of the start's time after the imports; issue 17).
        self.on_resize()
        return super().render_lines(crop)

    def on_resize(self) -> None:
        if (self.doc or self.empty_hint) and self.scrollable_content_region.width != self._laid_out_width:
            self._lay_out()
            self._scroll_to_cursor(center=True)

    def on_click(self, event: events.Click) -> None:
        """A click on a passage puts the cursor there."""
        index = event.y + self.scroll_offset.y
        if 0 <= index < len(self.lines) and self.lines[index].owner >= 0:
            self.set_cursor(self.lines[index].owner, scroll=False)

    # --- passage cursor ------------------------------------------------------

    @property
    def passage_count(self) -> int:
        return 0 if self.doc is None else len(self.doc.clean.paragraphs)

    def passage_region(self, index: int) -> Region:
        """Where passage `index` lies in the laid-out article (virtual lines)."""
        top = self._tops[index]
        bottom = top
        while bottom < len(self.lines) and self.lines[bottom].owner == index:
            bottom += 1
        return Region(0, top, self._laid_out_width, bottom - top)

    def set_cursor(self, index: int, center: bool = False, announce: bool = True, scroll: bool = True) -> None:
        if not self.passage_count:
            return
        index = max(0, min(index, self.passage_count - 1))
        low, high = self._window
        self.cursor = index
        if not low <= index < high:  # the cursor left the laid-out window: lay out a new one
            self._set_window(index)
            self._lay_out()
            center, scroll = True, True
        if scroll or center:
            self._scroll_to_cursor(center)
        self.refresh()
        if announce:
            self.post_message(self.CursorMoved(index))

    def _scroll_to_cursor(self, center: bool) -> None:
        if self.cursor not in self._tops:
            return
        region = self.passage_region(self.cursor)
        # force: right after the first lay-out Textual has not yet decided that the view
        # scrolls (no scrollbar yet) and would ignore the scroll; a reopened article then
        # showed its top, without the cursor, instead of the saved passage.
        if center:
            top = region.y - max(0, (self.scrollable_content_region.height - region.height) // 2)
            self.scroll_to(y=max(0, top), animate=False, immediate=True, force=True)
        else:
            self.scroll_to_region(region, animate=False, immediate=True, force=True)

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
        first_in_view = next((i for i, top in self._tops.items() if top >= self.scroll_y), None)
        if first_in_view is not None and first_in_view != self.cursor:
            self.set_cursor(first_in_view, scroll=False)

    def action_toggle_evidence(self) -> None:
        """Show or hide, under each passage, the words that put it on its topics."""
        self.show_evidence = not self.show_evidence
        self.refresh_passages()

    def action_open_links(self) -> None:
        self.post_message(self.LinksRequested())

    def action_toggle_chips(self) -> None:
        """All the article's topic chips, or one line of them."""
        if self.doc is None or not self.doc.topics:
            self.notify("This article has no topics", timeout=2)
            return
        self.chips_expanded = not self.chips_expanded
        self.refresh_passages()

    def show_empty(self, hint: Text) -> None:
        """No article to show (an empty folder): say what to do instead."""
        self.doc, self.empty_hint = None, hint
        self._lay_out()
