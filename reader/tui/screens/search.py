"""`s`: search every article's clean text; Enter jumps to the passage."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from ...history import Location
from ...models import Document
from ..bindings import MODAL

MAX_RESULTS = 200


def search_passages(docs: Sequence[Document], query: str, limit: int = MAX_RESULTS) -> list[tuple[Document, int]]:
    """Passages containing every word of `query` (case-insensitive), in corpus order."""
    words = query.casefold().split()
    if not words:
        return []
    hits = []
    for doc in docs:
        for paragraph in doc.clean.paragraphs:
            folded = paragraph.text.casefold()
            if all(word in folded for word in words):
                hits.append((doc, paragraph.index))
                if len(hits) >= limit:
                    return hits
    return hits


def result_prompt(doc: Document, index: int, query: str) -> Text:
    text = doc.clean.paragraphs[index].text
    first = min((text.casefold().find(w) for w in query.casefold().split() if w in text.casefold()), default=0)
    start = max(0, first - 30)
    excerpt = ("…" if start else "") + text[start:start + 110]
    prompt = Text()
    prompt.append(doc.meta.date or "—", style="bold")
    prompt.append(f"  {doc.meta.title}  ¶{index}\n  ")
    line = Text(excerpt, style="dim")
    for word in query.split():
        line.highlight_words([word], style="bold reverse", case_sensitive=False)
    prompt.append_text(line)
    return prompt


class SearchScreen(ModalScreen[Location | None]):
    BINDINGS = MODAL

    def __init__(self, docs: Sequence[Document], searcher: Callable[[str], list[tuple[Document, int]]] | None = None):
        super().__init__()
        self.docs = docs
        self.searcher = searcher or (lambda q: search_passages(self.docs, q))

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
        results.set_options(Option(result_prompt(doc, i, event.value), id=f"{doc.id}\x00{i}") for doc, i in hits)
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
