"""The corpus as the CLI and the TUI see it: analysed documents, looked up by id.

This is the one place that wires config, corpus, cleaning, entities and
topics together; everything it returns is a frozen model.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import cached_property
from pathlib import Path

from .clean import clean
from .config import Config
from .corpus import article_id, load, read_article
from .entities import Gazetteer, Matcher, load_gazetteer
from .models import Document, Metadata, RawArticle, Skipped
from .topics import TopicMap, TopicMatcher, date_order, load_topic_map


class AmbiguousArticle(LookupError):
    def __init__(self, reference: str, matches: Sequence[Document]):
        super().__init__(reference)
        self.reference, self.matches = reference, matches


class Library:
    """Everything loaded for one config and one set of corpus paths."""

    def __init__(self, config: Config, paths: Iterable[Path] | None = None):
        self.config = config
        self.paths = tuple(paths) if paths else config.corpus
        self.gazetteer: Gazetteer = load_gazetteer(config.gazetteer)
        self.topic_map: TopicMap = load_topic_map(config.topics)
        self.matcher = Matcher(self.gazetteer)
        self.topic_matcher = TopicMatcher(self.topic_map)

    @cached_property
    def _loaded(self) -> tuple[list[Document], list[Skipped]]:
        raws, skipped = load(self.paths)
        seen: dict[str, int] = {}
        documents = []
        for raw in raws:
            count = seen.get(raw.id, 0)
            seen[raw.id] = count + 1
            if count:  # same file name in two folders: keep both, apart
                raw = replace(raw, id=f"{raw.id}~{count + 1}")
            documents.append(self.analyse(raw))
        return date_order(documents), skipped

    @property
    def documents(self) -> list[Document]:
        """All articles, sorted by date then title."""
        return self._loaded[0]

    @property
    def skipped(self) -> list[Skipped]:
        return self._loaded[1]

    def get(self, doc_id: str) -> Document | None:
        return next((d for d in self.documents if d.id == doc_id), None)

    def analyse(self, raw: RawArticle) -> Document:
        """Clean, annotate and assign topics to one raw article."""
        cleaned = clean(raw.text)
        cleaned = replace(cleaned, meta=self._metadata(raw, cleaned.meta))
        mentions = tuple(self.matcher.mentions_many([p.text for p in cleaned.paragraphs])) if cleaned.paragraphs else ()
        if self.topic_matcher.in_field(mentions):
            topics = tuple(
                self.topic_matcher.passage_topics(p.text, m) for p, m in zip(cleaned.paragraphs, mentions)
            )
        else:
            topics = tuple(() for _ in cleaned.paragraphs)
        return Document(raw, cleaned, mentions, topics, raw.warnings)

    def _metadata(self, raw: RawArticle, found: Metadata) -> Metadata:
        override = self.config.override_for(raw.path, raw.id)
        meta = replace(found, title=found.title or raw.id, source=self.config.source_name(found.source))
        if override:
            meta = replace(
                meta,
                title=override.title or meta.title,
                source=override.source or meta.source,
                date=override.date or meta.date,
                url=override.url or meta.url,
            )
        return meta

    def resolve(self, reference: str) -> Document | Skipped:
        """An article by id, id prefix, title prefix, or the path of any text file.

        Raises LookupError when nothing matches, AmbiguousArticle when several do.
        """
        path = Path(reference)
        if path.is_file():
            resolved = path.resolve()
            for doc in self.documents:
                if doc.raw.path.resolve() == resolved:
                    return doc
            raw = read_article(path)
            return self.analyse(raw) if isinstance(raw, RawArticle) else raw
        for exact in (lambda d: d.id == reference, lambda d: d.meta.title.casefold() == reference.casefold()):
            found = [d for d in self.documents if exact(d)]
            if len(found) == 1:
                return found[0]
        lowered = reference.casefold()
        found = [d for d in self.documents
                 if d.id.startswith(reference) or d.meta.title.casefold().startswith(lowered)]
        if len(found) == 1:
            return found[0]
        if found:
            raise AmbiguousArticle(reference, found)
        if path.suffix or "/" in reference:
            raise LookupError(f"no such file: {reference}")
        raise LookupError(f"no article matches '{reference}' (try an id from `iranru-reader list`)")


__all__ = ["Library", "AmbiguousArticle", "article_id"]
