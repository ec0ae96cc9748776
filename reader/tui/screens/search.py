"""`s`: search every article's clean text; Enter jumps to the passage."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from ...history import Location
from ...index import Entry
from ..bindings import MODAL

MAX_RESULTS = 200


def result_prompt(entry: Entry, index: int, text: str, query: str) -> Text:
    folded = text.casefold()
    first = min((folded.find(w) for w in query.casefold().split() if w in folded), default=0)
    start = max(0, first - 30)
    excerpt = ("…" if start else "") + text[start:start + 110]
    prompt = Text()
    prompt.append(entry.date or "—", style="bold")
    prompt.append(f"  {entry.title}  ¶{index}\n  ")
    line = Text(excerpt, style="dim")
    line.highlight_words(query.split(), style="bold reverse", case_sensitive=False)
    prompt.append_text(line)
    return prompt


class SearchScreen(ModalScreen[Location | None]):
    BINDINGS = MODAL

    def __init__(self, searcher: Callable[[str], list[tuple[Entry, int, str]]]):
        super().__init__()
        self.searcher = searcher

    def compose(self) -> ComposeResult:
        with Vertical(id="search-body") as body:
            body.border_title = "Search all articles — Enter: results / open · Esc or Ctrl+G: close"
            yield Input(placeholder="words to find in every article", id="search-input")
            yield Static(id="search-count")
            yield OptionList(id="search-results")

    @on(Input.Changed, "#search-input")
    def run_search(self, event: Input.Changed) -> None:
        hits = self.searcher(event.value)
        results = self.query_one("#search-results", OptionList)
        results.set_options(Option(result_prompt(entry, i, text, event.value), id=f"{entry.id}\x00{i}")
                            for entry, i, text in hits)
        more = "+" if len(hits) >= MAX_RESULTS else ""
        self.query_one("#search-count", Static).update(
            Text(f"{len(hits)}{more} passages" if event.value.strip() else "type to search", style="dim"))

    @on(Input.Submitted, "#search-input")
    def to_results(self) -> None:
        results = self.query_one("#search-results", OptionList)
        if results.option_count:
            self.set_focus(results)  # at once, so a burst of keys lands here
            results.highlighted = 0

    @on(OptionList.OptionSelected, "#search-results")
    def open_result(self, event: OptionList.OptionSelected) -> None:
        article_id, index = event.option.id.split("\x00")
        self.dismiss(Location(article_id, int(index)))

    def action_close(self) -> None:
        self.dismiss(None)

    def key_q(self, event) -> None:
        # `q` closes only when the results, not the search box, have focus.
        if not isinstance(self.focused, Input):
            event.stop()
            self.dismiss(None)
