"""The raw file, line by line, on Textual's Line API: only visible lines are rendered,
so an 8 MB file or a 5 MB single line scrolls as fast as a short one.

Lines that cleaning dropped are dimmed and struck through, with the reason.
Long lines are not wrapped: scroll sideways (← →), as in `less -S`.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ...models import Document
from ..bindings import RAW


def line_strip(segments: Iterable[Segment], width: int, base: Style) -> Strip:
    """One Line-API line: every segment carries a style (NO_COLOR's monochrome
    filter fails on a segment whose style is None), padded or cut to `width`."""
    return Strip(Segment.apply_style(segments, base)).adjust_cell_length(width, base)


class RawView(ScrollView, can_focus=True):
    BINDINGS = RAW

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.lines: list[str] = []
        self.dropped: dict[int, str] = {}
        self._gutter = 1

    def show(self, doc: Document, text: str) -> None:
        self.lines = text.split("\n")
        self.dropped = {d.line: d.reason for d in doc.clean.dropped}
        self._gutter = len(str(len(self.lines))) + 3
        longest = max(map(len, self.lines), default=0)
        self.border_title = f"RAW · {doc.raw.path.name if doc.raw.path.name.isprintable() else doc.id} · {doc.raw.encoding}"
        self.border_subtitle = "dropped lines struck through, with the reason · ← → scroll · r: clean view"
        self.virtual_size = Size(self._gutter + longest + 40, len(self.lines))
        self.scroll_to(0, 0, animate=False, immediate=True)
        self.refresh()

    def line_text(self, number: int) -> Text:
        """Raw line `number` (1-based) as shown: gutter, text, and a drop reason."""
        text = Text(f"{number:>{self._gutter - 3}} │ ", style="dim")
        line = self.lines[number - 1]
        if number in self.dropped:
            text.append(line, style="dim strike")
            text.append(f"  ← {self.dropped[number]}", style="italic")
        else:
            text.append(line)
        return text

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        index = scroll_y + y
        width = self.size.width
        if index >= len(self.lines):
            return Strip.blank(width, self.rich_style)
        text = self.line_text(index + 1)
        gutter, body = text.divide([self._gutter])
        # Crop the body by characters before rendering: a 5 MB line renders as one screen width.
        body = body[scroll_x: scroll_x + width]
        return line_strip([*gutter.render(self.app.console), *body.render(self.app.console)], width, self.rich_style)

    # Immediate, not animated: over ssh an animation is only extra redraw traffic.
    def action_scroll_home(self) -> None:
        self.scroll_home(animate=False)

    def action_scroll_end(self) -> None:
        self.scroll_end(animate=False)

    def action_page_down(self) -> None:
        self.scroll_page_down(animate=False)

    def action_page_up(self) -> None:
        self.scroll_page_up(animate=False)

    def action_scroll_right(self) -> None:
        self.scroll_relative(x=max(8, self.size.width // 4), animate=False)

    def action_scroll_left(self) -> None:
        self.scroll_relative(x=-max(8, self.size.width // 4), animate=False)
