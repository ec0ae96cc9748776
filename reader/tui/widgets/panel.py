"""The side panel: this article's entities by type, and where to go from here.

The links list shows either the same-topic passages for the passage cursor
(and the related topics to follow) or, once an entity is selected, its
mentions here and the other articles that mention it. Option ids carry the
target: `jump:<article>SEP<passage>`, `topic:<id>`, `entity:<name>`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ...config import Display
from ...models import Document
from ...annotate.topics import Related, Topic
from ...render_bidi import display_line, display_snippet
from ...render import pilcrow
from ..bindings import LIST

SEP = "\x00"  # separates fields in option ids (article ids may hold ':')


class PaneList(OptionList):
    """A list in the panel or a dialog: j/k/g/G move, and a row is highlighted
    as soon as it has focus (its first rows may be headers, which Enter skips)."""

    BINDINGS = LIST

    def on_focus(self) -> None:
        self.highlight_a_row()

    def highlight_a_row(self) -> None:
        """The first enabled row, unless an enabled row is highlighted already."""
        current = self.highlighted
        if current is None or self.get_option_at_index(current).disabled:
            self.highlighted = first_enabled(self)


def first_enabled(options: OptionList) -> int | None:
    return next((i for i in range(options.option_count) if not options.get_option_at_index(i).disabled), None)


class LaidOutList(PaneList):
    """A panel list whose right-to-left rows are laid out for its width, which is 0
    while the panel is hidden (at 80×24 it starts hidden): shown at a width its options
    were not built for, it asks the app to build them again (`Relaid`). Options built
    while hidden and shown at the width of before were left in logical order (a
    newcomer's `p` after moving with the panel hidden)."""

    class Relaid(Message):
        """The list's width changed: its options want laying out again."""

        def __init__(self, pane: LaidOutList) -> None:
            super().__init__()
            self.pane = pane

    _built_for = 0

    def text_width(self) -> int:
        """Cells of text in one of its options (0 before layout or while hidden); the
        options about to be built are laid out for it."""
        self._built_for = max(0, self.scrollable_content_region.width - 2)
        return self._built_for

    def on_resize(self, _: events.Resize) -> None:
        if max(0, self.scrollable_content_region.width - 2) != self._built_for:
            self.post_message(self.Relaid(self))


class EntityList(LaidOutList):
    """The article's entities; a long right-to-left name is wrapped before it is reordered."""


class LinkList(LaidOutList):
    """Same-topic passages, or an entity's mentions: right-to-left snippets laid out."""


def entity_options(doc: Document, labels: Mapping[str, str], styles: Mapping[str, str],
                   display: Display = Display(), width: int = 0) -> list[Option]:
    """Entities of `doc` grouped by type (in gazetteer order), most mentioned first, a
    right-to-left name in visual order for `display`; each option's id is
    "entity:TYPE:canonical name". `width`: the list's cells of text. A name and its
    count too long for it are wrapped, then each line reordered (display_snippet): the
    list wrapped the reordered line, and "سازمان صداوسیمای جمهوری اسلامی ایران" at
    80×24 showed its last four words on the first line, its first on the second."""
    counts: Counter[tuple[str, str]] = Counter(
        (m.type, m.canonical) for mentions in doc.mentions for m in mentions
    )
    options: list[Option] = []
    for kind in labels:
        group = sorted(((c, name) for (t, name), c in counts.items() if t == kind), key=lambda x: (-x[0], x[1]))
        if not group:
            continue
        header = Text()
        header.append(f"{labels[kind]}", style=styles.get(kind, "bold"))
        header.append(f"  {len(group)}", style="dim")
        options.append(Option(header, disabled=True))
        for count, name in group:
            # the type in the id: a name of two types in one article ("Georgia" GPE and PERSON)
            # is listed under both, and two options with one id crashed the panel
            times = f"  ×{count}"
            laid_out = display_snippet(name, width - cell_len(times), display)
            shown = Text.assemble("  ", display_line(name, display)) if laid_out is None else laid_out
            options.append(Option(shown.append(times, style="dim"), id=f"entity:{kind}:{name}"))
    return options


def same_text_groups(related: Sequence[Related]) -> list[list[Related]]:
    """Related passages grouped by their text, in rank order: a wire story printed by
    two outlets is one entry (the snippet, folded, stands for the text)."""
    groups: dict[str, list[Related]] = {}
    for rel in related:
        groups.setdefault(" ".join(rel.passage.snippet.casefold().split()), []).append(rel)
    return list(groups.values())


COPIES_NAMED = 3  # outlets named in a "same text in N articles" line; the rest counted


def copies_line(copies: Sequence[str]) -> str:
    """ "same text in N articles: A; B; C; +M more" for the labels of a group's copies:
    forty outlets, every one named, took fifteen lines of the panel (a newcomer's report)."""
    named = "; ".join(copies[:COPIES_NAMED]) + (f"; +{len(copies) - COPIES_NAMED} more" if len(copies) > COPIES_NAMED else "")
    return f"same text in {len(copies)} articles: {named}"


def related_options(related: Sequence[Related], topics: Mapping[str, Topic], active: str | None,
                    limit: int = 40, width: int = 0, display: Display = Display(),
                    source_of: Callable[[str], str | None] = lambda _: None) -> list[Option]:
    """One option per distinct passage text; `source_of(article_id)` names the outlet,
    so a passage that several articles share lists every source. `width`: the
    list's width in cells, for laying out right-to-left snippets."""
    options: list[Option] = []
    for group in same_text_groups(related)[:limit]:
        rel = group[0]
        p = rel.passage
        prompt = dated_title(p.date, p.title, width, display)
        prompt.append("\n")
        prompt.append("  " + " ".join(f"[{topics[t].label if t in topics else t}]" for t in rel.shared), style="italic")
        prompt.append_text(passage_snippet(p.index, p.snippet, width, display, label_style="dim"))
        if len(group) > 1:
            # Each copy by its outlet, else its id (the titles are one text's), then its date if known.
            outlets = [(source_of(r.passage.article_id) or r.passage.article_id)
                       + (f" ({r.passage.date})" if r.passage.date else "") for r in group]
            prompt.append("\n  " + copies_line(outlets), style="dim italic")
        options.append(Option(prompt, id=f"jump:{p.article_id}{SEP}{p.index}"))
    return options


def dated_title(date: str | None, title: str, width: int, display: Display) -> Text:
    """"DATE  title" for a row of a list `width` cells wide (date "—" when unknown); a
    right-to-left title is wrapped first, then each line reordered (display_snippet),
    as snippets are, every line within `width`, the later ones under the first. Used by the panel's lists and the timeline's month list."""
    label = date or "—"
    prompt = Text()
    prompt.append(label, style="bold")
    # Laid out beside the date, later lines under the title's first: laid out at the
    # list's full width, the first line was the date's width too long, and the list
    # wrapped that reordered line again (its words then read out of order).
    laid_out = display_snippet(title, width, display, indent=" " * (cell_len(label) + 2))
    if laid_out is None:
        prompt.append(f"  {title}")
    else:
        prompt.append_text(laid_out[len(label):])
    return prompt


def passage_snippet(index: int, snippet: str, width: int, display: Display, label_style: str = "") -> Text:
    """"  ¶N: snippet" (the snippet dim) for a list `width` cells wide; a
    right-to-left snippet goes on lines of its own, in visual order."""
    laid_out = display_snippet(snippet, width, display, indent="    ")
    if laid_out is None:
        return Text.assemble((f"  {pilcrow(index)}: ", label_style), (snippet, "dim"))
    laid_out.stylize("dim")
    return Text.assemble((f"  {pilcrow(index)}:\n", label_style), laid_out)


def follow_topic_options(topic_ids: Sequence[str], topics: Mapping[str, Topic]) -> list[Option]:
    """Options to follow a passage's topics and their related topics."""
    options: list[Option] = []
    seen: set[str] = set()
    for topic_id in topic_ids:
        topic = topics.get(topic_id)
        if topic is None:
            continue
        for related in topic.related:
            if related in topics and related not in seen and related not in topic_ids:
                seen.add(related)
                options.append(Option(Text.assemble("  → related topic: ", (topics[related].label, "bold")),
                                      id=f"topic:{related}"))
    if options:
        options.insert(0, Option(Text("Related topics", style="bold"), disabled=True))
    return options


class Panel(Vertical):
    """Two panes, each a title over a list: stacked beside the article, side by
    side below it (reader.tcss), so each list keeps the panel's whole height."""

    def compose(self) -> ComposeResult:
        with Vertical(id="entity-pane"):
            yield Static(id="entities-title", classes="panel-title")
            yield EntityList(id="entities")
        with Vertical(id="link-pane"):
            yield Static(id="links-title", classes="panel-title")
            yield LinkList(id="links")

    def show_entities(self, doc: Document, labels: Mapping[str, str], styles: Mapping[str, str],
                      display: Display = Display()) -> None:
        options = entity_options(doc, labels, styles, display, self.query_one(EntityList).text_width())
        total = sum(len(m) for m in doc.mentions)
        distinct = sum(1 for o in options if o.id)
        self.query_one("#entities-title", Static).update(Text(f"Entities: {distinct} ({total} mentions) · e"))
        self.query_one(EntityList).set_options(options)

    _links_shown: tuple[str, list[str | None]] = ("", [])

    def show_links(self, title: Text, options: Sequence[Option]) -> None:
        """Show `options` under `title`, the first enabled row highlighted; the same list
        built again (title and row ids unchanged: laid out for a new width, or rebuilt
        after a frame for a cursor move) keeps the row the user is on. An Enter on a
        "related topic" row once followed the first row's jump instead."""
        self.query_one("#links-title", Static).update(title)
        links = self.query_one(LinkList)
        shown = (title.plain, [option.id for option in options])
        kept = links.highlighted if shown == self._links_shown else None
        self._links_shown = shown
        links.set_options(options)
        links.highlighted = first_enabled(links) if kept is None else kept
