"""Command palette (Ctrl+P): jump to any article, entity or topic by fuzzy name.

Candidates come from articles, so they are displayed as plain `Content`:
Textual's `Matcher.highlight` and the palette's `help` line both parse their
input as markup, which an article title or source must never be. The help
line therefore only ever holds this module's own fixed strings.

At 100,000 articles the palette must stay fluid (issue 17): Textual scores every
hit a provider yields and rebuilds its whole list every 0.25 s, so a search yields
at most LIMIT hits of each kind, the best (reader.fuzzy), found in a worker thread
on a connection of its own; the article names are read once, on the first search.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from functools import partial

from rich.cells import cell_len
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import Matcher

from ..annotate.topics import Topic
from ..fuzzy import DASHES, article_text, entity_texts, file_text, in_order, topic_texts
from ..library import Library
from ..render_bidi import display_line
from ..sanitize import safe_line
from ..timeline import Subject

LIMIT = 50  # hits of each kind (articles, topics, entities) a search yields, best first
Found = tuple[str, str, str, Callable[[], object]]  # text (matched), shown (text in visual order), help, callback


def score(matcher: Matcher, text: str) -> float:
    """Textual's score of `text` for the query; without the query as one piece in it,
    scored at the leftmost places of its characters (`in_order`): Textual's matcher
    tries every way they fall in the text, which on a long title takes seconds."""
    text = text.translate(DASHES)  # as FuzzyNames reads names: "North-South" typed finds "North–South"
    lowered, query = text.lower(), matcher.query.lower()
    if query in lowered:
        return matcher.match(text)
    offsets = in_order(query, lowered)
    return matcher.fuzzy_search.score(lowered, offsets) if offsets else 0.0


class ReaderCommands(Provider):
    def _found(self, query: str, stop: Callable[[], bool]) -> tuple[list[Found], bool]:
        """Worker thread: the best LIMIT articles, topics and entries of entities for
        `query`, as (text, help, callback), and whether no entity's name matched; read on
        a connection of the thread's own."""
        app = self.app
        library: Library = app.library
        index = library.connect()
        try:
            rowids, names, files = library.palette_articles(index)
            best = [rowids[place] for place in names.best(query, LIMIT, stop)]
            # By its file too (an id from `list`, a name from `ls`): those the headline did not find.
            by_file = [r for r in dict.fromkeys(rowids[place] for place in files.best(query, LIMIT, stop)) if r not in best]
            headlines = index.headlines_at([*best, *by_file])
            file_names = index.file_names(by_file)
            entities, entity_names = library.palette_entities(index)
        finally:
            index.close()
        # Topics and entities first: the palette keeps equal scores in this order, and "putin"
        # scores the same in fifty titles as in "Entity: Vladimir Putin", listed after them all.
        topics, topic_names = library.palette_topics()
        found: list[Found] = [self._topic(topics[place // 2], timeline=bool(place % 2))
                              for place in topic_names.best(query, LIMIT)]
        places = entity_names.best(query, LIMIT, stop)
        found += [self._entity(*entities[place // 2], timeline=bool(place % 2)) for place in places]
        found += [self._article(*headlines[r]) for r in best if r in headlines]
        found += [self._article(*headlines[r], file=file_names[r]) for r in by_file if r in headlines and r in file_names]
        return found, not places

    def _named(self, query: str) -> tuple[str, str] | None:
        """Worker thread: (name, type) of the entity `query` names by an alias or inflected
        form in any language (Путина, پوتین, JCPOA; a newcomer found nothing by them), or
        None. The first call builds the gazetteer's matcher (a warm start has none): the
        other hits are shown before it."""
        library: Library = self.app.library
        index = library.connect()
        try:
            named = library.entity_named(query, index) if query.strip() else None
            return next(((name, kind) for name, kind in library.corpus_entities(index) if name == named), None)
        finally:
            index.close()

    def _article(self, article_id: str, date: str | None, title: str, file: str | None = None) -> Found:
        """An article's entry, its right-to-left title shown in visual order (display_line) after the
        left-to-right "Article: date", and cut to the palette's width at its logical end first.
        Found by its `file`'s name: "File: name · date title", matched on "File: name"."""
        app = self.app
        text = article_text(date, title) if file is None else file_text(file)
        head = article_text(date, "") if file is None else f"{file_text(safe_line(file))} · {date or '—'} "
        room = max(10, app.size.width - 20 - cell_len(head))  # the palette's margins and padding
        shown = head + display_line(title, app.library.config.display, room)
        return text, shown, "Open this article", partial(app.open_article, article_id)

    def _topic(self, topic: Topic, timeline: bool) -> Found:
        """A topic's entry: its first passage, or (`timeline`) its passages per month."""
        app = self.app
        texts = topic_texts(topic.label)
        if timeline:
            return (texts[1], texts[1], "Its passages per month across the corpus",
                    partial(app.show_timeline, Subject("topic", topic.id, topic.label)))
        return texts[0], texts[0], "Go to the first passage on this topic", partial(app.follow_topic, topic.id, first=True)

    def _entity(self, name: str, kind: str, timeline: bool, alias: str = "") -> Found:
        """An entity's entry: its mentions, or (`timeline`) the passages that mention it per
        month; `alias`: the form it was found by (a right-to-left one shown in visual order)."""
        app = self.app
        texts = entity_texts(name, kind, alias)
        shown = entity_texts(name, kind, display_line(alias, app.library.config.display, app.size.width) if alias else "")
        if timeline:
            return (texts[1], shown[1], "The passages that mention it, per month",
                    partial(app.show_timeline, Subject("entity", name, name)))
        return texts[0], shown[0], "Show its mentions and the articles that mention it", partial(app.select_entity, name)

    async def search(self, query: str) -> Hits:
        stop = threading.Event()
        try:
            found, no_entity = await asyncio.to_thread(self._found, query, stop.is_set)
        finally:
            stop.set()  # a newer query cancelled this search: its thread stops at its next chunk
        matcher = self.matcher(query)
        for text, shown, help_text, callback in found:
            yield Hit(score(matcher, text), Content(shown), callback, text=text, help=help_text)
        # Only a query with letters can name one ("002", an id, cannot): the list is final sooner.
        named = await asyncio.to_thread(self._named, query) if no_entity and sum(map(str.isalpha, query)) >= 2 else None
        if named:
            for timeline in (False, True):
                text, shown, help_text, callback = self._entity(*named, timeline, alias=query.strip())
                yield Hit(score(matcher, text), Content(shown), callback, text=text, help=help_text)

    async def discover(self) -> Hits:
        """With nothing typed: every topic, then the first LIMIT articles of the list."""
        topics = (self._topic(topic, timeline) for topic in self.app.library.topic_map.topics for timeline in (False, True))
        articles = (self._article(*headline) for headline in next(self.app.library.headlines(page=LIMIT), []))
        for text, shown, help_text, callback in (*topics, *articles):
            yield DiscoveryHit(Content(shown), callback, text=text, help=help_text)
