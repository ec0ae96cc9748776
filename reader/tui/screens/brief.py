"""`B`: the brief (bookmarks, or the current topic's trail) previewed before it is saved.

The preview is Textual's Markdown widget over the very text `iranru-reader
brief` writes (reader/export.py escapes article text, so it renders as text).
`w` asks where to save it (Enter writes atomically), `t` switches between the
bookmarks and the topic, Esc closes without saving. A long brief is previewed
up to its first articles (`export.preview`) and saved whole.

The file keeps Persian in logical order (a Markdown viewer lays it out); the
preview lays out each paragraph and heading that holds right-to-left letters
as the article view does (reader/render_bidi.py: wrapped at the block's width
in logical order, then each line reordered and right-aligned), since Textual's
Markdown widget draws text in logical order. A citation line is the reader's own
words: it is laid out left to right whatever its title's script, with "¶" kept
on the line of its number (Textual's Markdown widget turns the no-break space a
file could hold into a space, and its wrap breaks at either).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from rich.text import Span as RichSpan
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content, Span
from textual.css.styles import RulesMap
from textual.screen import Screen
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual
from textual.widgets import Input, Markdown, Static

from ...atomic import write_atomic
from ...config import Display
from ...export import CITED, PILCROW, free_path, preview
from ...render_bidi import has_rtl, visual_lines
from ..bindings import BRIEF, MODAL, RAW

# A brief to show: (title, Markdown text, default file name), or a reason there is none.
Brief = tuple[str, str, str]
Source = Callable[[], "Brief | str"]


class BriefScroll(VerticalScroll):
    BINDINGS = RAW  # j/k, g/G, space/PgUp, h/l: as in the raw view


class VisualLines(Visual):
    """A Markdown block's content laid out for `display` at whatever width it is
    given: lines in visual order, right-aligned when right to left (their bold and
    italic spans follow their characters). `rtl`: as for `visual_lines`."""

    def __init__(self, content: Content, display: Display, rtl: bool | None = None) -> None:
        self.content = content
        self.display = display
        self.rtl = rtl
        self._by_width: dict[int, Content] = {}  # height, then drawing: laid out once per width

    def _laid_out(self, width: int) -> Content:
        if width not in self._by_width:
            logical = Text(self.content.plain, spans=[RichSpan(s.start, s.end, s.style) for s in self.content.spans])
            lines = visual_lines(logical, max(1, width), self.display.shaping, self.rtl)
            self._by_width[width] = Content("\n").join(
                Content(line.plain, spans=[Span(s.start, s.end, s.style) for s in line.spans]) for line in lines)
        return self._by_width[width]

    def render_strips(self, width: int, height: int | None, style: Style, options: RenderOptions) -> list[Strip]:
        return self._laid_out(width).render_strips(width, height, style, options)

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return self.content.get_optimal_width(rules, container_width)

    def get_height(self, rules: RulesMap, width: int) -> int:
        return self._laid_out(width).get_height(rules, width)


class _Bidi:
    """For a Markdown block: when the app reorders (display: bidi: app), content
    holding right-to-left letters is drawn as VisualLines, and so is a citation
    line, left to right with its "¶ N" unbroken."""

    def render(self):
        bidi = getattr(self._markdown, "bidi", None)
        if bidi is not None and bidi.reorders:
            if self._cites():
                unbroken = self._content.plain.replace(PILCROW, PILCROW.replace(" ", "\u00a0"))  # one for one
                return VisualLines(Content(unbroken, spans=self._content.spans), bidi, rtl=False)
            if has_rtl(self._content.plain):
                return VisualLines(self._content, bidi)
        return super().render()

    def _cites(self) -> bool:
        return False


# Textual's block classes, from Markdown.BLOCKS (textual.widgets.markdown does not export them).
class BidiParagraph(_Bidi, Markdown.BLOCKS["paragraph_open"]):
    def _cites(self) -> bool:
        """A citation line: a paragraph of its own (a quoted passage is in a block quote) opening with "— "."""
        return self._content.plain.startswith(CITED) and not isinstance(self.parent, Markdown.BLOCKS["blockquote_open"])


class BidiH1(_Bidi, Markdown.BLOCKS["h1"]):
    pass


class BidiH2(_Bidi, Markdown.BLOCKS["h2"]):
    pass


class BriefMarkdown(Markdown):
    """Textual's Markdown widget, with right-to-left paragraphs and headings laid out."""

    BLOCKS = {**Markdown.BLOCKS, "paragraph_open": BidiParagraph, "h1": BidiH1, "h2": BidiH2}

    def __init__(self, bidi: Display = Display(), **kwargs) -> None:
        super().__init__(**kwargs)
        self.bidi = bidi  # `display:` in config (`display` is a widget's CSS display)


class BriefScreen(Screen[Path | None]):
    """Dismissed with the path written, or None."""

    BINDINGS = [*MODAL, *BRIEF]

    def __init__(self, sources: dict[str, Source], first: str, bidi: Display = Display()) -> None:
        super().__init__()
        self.bidi = bidi
        self.sources = sources
        self.source = first
        self.text = ""
        self.file_name = "brief.md"
        self.replace: Path | None = None  # an existing file the user was asked about (Enter again replaces it)

    def compose(self) -> ComposeResult:
        with Vertical(id="brief-body"):
            yield Static(id="brief-title")
            with BriefScroll(id="brief-scroll"):
                yield BriefMarkdown(self.bidi, id="brief-preview")
            yield Input(id="brief-path", placeholder="save the brief as (Enter: save, Esc: cancel)")

    async def on_mount(self) -> None:
        self.query_one("#brief-path", Input).display = False
        await self._load()
        self.set_focus(self.query_one(BriefScroll))

    async def _load(self) -> None:
        made = self.sources[self.source]()
        hints = ("" if isinstance(made, str) else "w: save as… · ") \
            + ("t: other source · " if len(self.sources) > 1 else "") + "Esc: close"  # w: only what there is
        title = Text("Brief preview", style="bold")
        if isinstance(made, str):
            self.text = ""
            title.append(f" — {made}", style="italic")
            await self.query_one(Markdown).update("")
        else:
            name, self.text, self.file_name = made
            title.append(f" — {name}", style="italic")
            shown, kept, articles = preview(self.text)
            if kept < articles:
                shown += f"\n\n---\n\n*The preview stops after {kept} of {articles} articles: w saves them all.*\n"
                title.append(f" (first {kept} of {articles} articles)", style="dim")
            await self.query_one(Markdown).update(shown)
        title.append(f"\n{hints}", style="dim")
        self.query_one("#brief-title", Static).update(title)

    async def action_switch(self) -> None:
        names = list(self.sources)
        if len(names) == 1:
            self.notify("No topic to brief: the passage has no topic (B on a passage with topics offers one)",
                        timeout=4)
            return
        self.source = names[(names.index(self.source) + 1) % len(names)]
        await self._load()

    def action_save(self) -> None:
        if not self.text:
            self.notify("Nothing to save", timeout=3)
            return
        box = self.query_one("#brief-path", Input)
        box.value = str(free_path(Path.cwd(), self.file_name))
        box.display = True
        self.set_focus(box)

    @on(Input.Submitted, "#brief-path")
    def save(self, event: Input.Submitted) -> None:
        if not event.value.strip():
            self.notify("Type a file name to save the brief as", severity="warning", timeout=3)
            return
        path = Path(event.value.strip()).expanduser()
        if path.is_file() and path != self.replace:
            self.replace = path  # a newcomer's `w` replaced an earlier brief without a word
            self.notify(f"{path.name} exists: Enter again replaces it, or change the name", severity="warning",
                        markup=False, timeout=6)
            return
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
