"""Command palette (Ctrl+P): jump to any article, entity or topic by fuzzy name.

Candidates come from articles, so they are displayed as plain `Content`:
Textual's `Matcher.highlight` and the palette's `help` line both parse their
input as markup, which an article title or source must never be. The help
line therefore only ever holds this module's own fixed strings.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from ..timeline import Subject


class ReaderCommands(Provider):
    async def _candidates(self) -> AsyncIterator[tuple[str, str, Callable[[], object]]]:
        """Every article (in list order), topic and entity as (text, help, callback).
        Articles are read a page of ids, dates and titles at a time (never all their
        entries: issue 17), and the keys and screen get a turn between pages."""
        app = self.app
        library = app.library
        for page in library.headlines():
            for article_id, date, title in page:
                yield f"Article: {date or '—'} {title}", "Open this article", partial(app.open_article, article_id)
            await asyncio.sleep(0)
        for topic in library.topic_map.topics:
            yield f"Topic: {topic.label}", "Go to the first passage on this topic", partial(app.follow_topic, topic.id, first=True)
            yield (f"Topic: {topic.label} — timeline", "Its passages per month across the corpus",
                   partial(app.show_timeline, Subject("topic", topic.id, topic.label)))
        for name, kind in app.corpus_entities():
            yield f"Entity: {name} ({kind})", "Show its mentions and the articles that mention it", partial(app.select_entity, name)
            yield (f"Entity: {name} ({kind}) — timeline", "The passages that mention it, per month",
                   partial(app.show_timeline, Subject("entity", name, name)))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        async for text, help_text, callback in self._candidates():
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, Content(text), callback, text=text, help=help_text)

    async def discover(self) -> Hits:
        async for text, help_text, callback in self._candidates():
            if not text.startswith("Entity:"):
                yield DiscoveryHit(Content(text), callback, text=text, help=help_text)
