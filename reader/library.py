"""The corpus as the CLI and the TUI see it: an index of analysed articles.

This is the one place that wires config, corpus, cleaning, entities, topics
and the cached index together. Listing reads the index; a document is
analysed once per change of its file (or of the config) and read back from
the index after that; trails, related passages, search and entity look-ups
are index queries, so 10,000 articles cost what five do.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path
from typing import TypeVar

from .cache import cache_dir, corpus_key
from .ingest.clean import clean_article, masked
from .config import Config
from .ingest.decode import article_id, discover, read_article, read_bytes
from .annotate import context, model
from .annotate.gazetteer import Gazetteer, Matcher, load_gazetteer, user_gazetteer_path, with_user_gazetteer
from .index import CorpusIndex, Entry, Stamp, content_hash, fingerprint
from .models import Document, Mention, Metadata, RawArticle, Skipped
from .annotate.topics import (Passage, Related, TopicMap, TopicMatcher, load_topic_map, snippet,
                              topic_companions)
from .timeline import Subject, Timeline, build_timeline, same_name, suggest

Progress = Callable[[int, int], None]
T = TypeVar("T")
CACHE_SIZE = 32  # analysed documents kept in memory


class AmbiguousArticle(LookupError):
    def __init__(self, reference: str, matches: list[Entry]):
        super().__init__(reference)
        self.reference, self.matches = reference, matches


@dataclass(frozen=True)
class Plan:
    """What a refresh has to do: files to (re)analyse, ids to forget, what to skip."""

    ids: dict[Path, str]
    stamps: dict[Path, Stamp]
    stored: dict[str, tuple[str, Stamp, str]]  # what the index holds, by path
    to_check: list[Path]
    removed: list[str]
    skipped: list[Skipped]


def _scratch() -> tempfile.TemporaryDirectory:
    """A private directory for a throwaway index, deleted with the Library.

    A file, not a shared-cache in-memory database: in shared-cache mode a reader
    blocked by the indexer's write gets SQLITE_LOCKED at once (no busy timeout
    applies; see https://www.sqlite.org/sharedcache.html §2.2), while a file in
    WAL mode lets the reader's connection read while a worker writes."""
    return tempfile.TemporaryDirectory(prefix="iranru-index-")


class Library:
    """Everything loaded for one config and one set of corpus paths."""

    def __init__(self, config: Config, paths: Iterable[Path] | None = None, cache: bool = True):
        self.config = config
        self.paths = tuple(Path(p) for p in paths) if paths else config.corpus
        self.gazetteer: Gazetteer = with_user_gazetteer(load_gazetteer(config.gazetteer, use_cache=cache), cache)
        self.topic_map: TopicMap = load_topic_map(config.topics, use_cache=cache)
        self.version = fingerprint(*(config.files or (config.path,)), config.gazetteer, config.topics, user_gazetteer_path(),
                                   *topic_companions(config.topics))
        self.model_warning: str | None = None  # why the statistical recogniser is not running, if it is not
        # True in the reader before its first paint: analyse without the model (its import and
        # load take seconds) and leave those articles to `model_pass`, run in a worker.
        self.defer_model = False
        self._deferred: list[str] = []
        self.warnings: list[str] = []
        self._scratch: tempfile.TemporaryDirectory | None = None
        self.location = self._location(cache)
        self.index = self._open_index()
        self._entries: list[Entry] | None = None
        self._by_id: dict[str, Entry] = {}
        self._rank: dict[str, int] = {}
        self._entities: list[tuple[str, str]] | None = None
        self._duplicates: dict[str, str] | None = None
        self._skipped: list[Skipped] = []
        self._documents: OrderedDict[str, Document] = OrderedDict()
        self._plan: Plan | None = None

    def reopened(self) -> Library:
        """The same config and corpus loaded again (after the user's gazetteer changed):
        a new index version, so the next refresh re-annotates every article."""
        return Library(self.config, self.paths, cache=self._scratch is None)

    @cached_property
    def matcher(self) -> Matcher:
        """Built when an article is first analysed: a warm start does not need it."""
        return Matcher(self.gazetteer)

    @cached_property
    def topic_matcher(self) -> TopicMatcher:
        return TopicMatcher(self.topic_map)

    # --- the index -------------------------------------------------------------------

    def _location(self, cache: bool) -> Path:
        if cache:
            return cache_dir() / f"index-{corpus_key(self.paths)}.sqlite"
        self._scratch = _scratch()
        return Path(self._scratch.name) / "index.sqlite"

    def _open_index(self) -> CorpusIndex:
        try:
            return CorpusIndex(self.location, self.version)
        except (OSError, sqlite3.Error) as error:
            self.warnings.append(f"cannot use the cache in {cache_dir()} ({error}); indexing in a temporary file")
            self.location = self._location(cache=False)
            return CorpusIndex(self.location, self.version)

    def connect(self) -> CorpusIndex:
        """A second connection to the same index, for a worker thread."""
        return CorpusIndex(self.location, self.version)

    def plan(self) -> Plan:
        """Compare the files on disk with the index (stat only: no file is read)."""
        files, skipped = discover(self.paths)
        ids: dict[Path, str] = {}
        seen: dict[str, int] = {}
        for path in files:
            base = article_id(path)
            count = seen.get(base, 0)
            seen[base] = count + 1
            ids[path] = base if not count else f"{base}~{count + 1}"
        stored = self.index.stamps()
        stamps: dict[Path, Stamp] = {}
        to_check = []
        for path in files:
            try:
                info = path.stat()
            except OSError as error:
                skipped.append(Skipped(path, f"unreadable: {error.strerror or error}"))
                continue
            stamps[path] = Stamp(info.st_size, info.st_mtime_ns)
            known = stored.get(str(path))
            if known is None or known[0] != ids[path] or known[1] != stamps[path]:
                to_check.append(path)
        current = {str(p) for p in stamps}
        removed = [aid for p, (aid, _, _) in stored.items() if p not in current]
        return Plan(ids, stamps, stored, to_check, removed, skipped)

    @property
    def pending(self) -> Plan:
        """The plan for the next refresh, computed once (a stat of every file)."""
        if self._plan is None:
            self._plan = self.plan()
        return self._plan

    @property
    def stale(self) -> bool:
        """Whether some file still has to be (re)analysed."""
        return bool(self.pending.to_check or self.pending.removed)

    def refresh(self, progress: Progress | None = None, index: CorpusIndex | None = None, batch: int = 100) -> None:
        """Bring the index up to date with the files: analyse what changed, forget what went."""
        plan = self.pending
        index = index or self.index
        index.forget(plan.removed)
        skipped = list(plan.skipped)
        pending: list[tuple[Document, Stamp, str]] = []
        total = len(plan.to_check)
        for done, path in enumerate(plan.to_check, start=1):
            stamp, article = plan.stamps[path], plan.ids[path]
            data = read_bytes(path)  # read once: hashed, then decoded if it changed
            known = plan.stored.get(str(path))
            digest = None if isinstance(data, Skipped) else content_hash(data)
            if isinstance(data, Skipped):
                skipped.append(data)
                index.forget([article])
            elif known and known[0] == article and known[2] == digest:
                index.restamp(str(path), stamp)  # touched, not changed
            else:
                raw = read_article(path, data)
                if isinstance(raw, Skipped):
                    skipped.append(raw)
                    index.forget([article])
                else:
                    pending.append((self.analyse(replace(raw, id=article)), stamp, digest))
            if len(pending) >= batch or done == total:
                index.store(pending)
                pending = []
                if progress:
                    progress(done, total)
        index.mark_duplicates()  # after files went too: a duplicate whose original went is kept now
        if self._deferred:
            index.set_model_pending(sorted({*index.model_pending(), *self._deferred}))
            self._deferred = []
        self._skipped = skipped
        self._plan = None
        self._entries = self._entities = self._duplicates = None
        self._documents.clear()

    def ensure_fresh(self) -> Library:
        """Refresh now if anything changed (files that cannot be read are re-checked
        each time, which is how the list of skipped files is known on a warm start);
        outside the reader, also add the model's names the reader left pending."""
        if self.stale:
            self.refresh()
        else:
            self._skipped = list(self._plan.skipped)
        if not self.defer_model and self.config.entity_model and self.index.model_pending():
            self.model_pass()
        return self

    def model_pass(self, progress: Progress | None = None, index: CorpusIndex | None = None, batch: int = 50) -> int:
        """Re-analyse, with the statistical recogniser, the articles indexed without it.

        Returns how many were re-analysed; `progress(done, total)` after each batch.
        """
        index = index or self.index
        pending = index.model_pending()
        if not pending or not self.config.entity_model:
            return 0
        paths = {entry.id: Path(entry.path) for entry in index.entries()}
        stamps = index.stamps()
        done_ids: list[str] = []
        analysed: list[tuple[Document, Stamp, str]] = []
        for done, article in enumerate(pending, start=1):
            path = paths.get(article)
            raw = read_article(path) if path else None
            if isinstance(raw, RawArticle) and str(path) in stamps:
                _, stamp, digest = stamps[str(path)]
                analysed.append((self.analyse(replace(raw, id=article), defer=False), stamp, digest))
            done_ids.append(article)
            if len(analysed) >= batch or done == len(pending):
                index.store(analysed)
                analysed = []
                index.set_model_pending([a for a in index.model_pending() if a not in set(done_ids)])
                if progress:
                    progress(done, len(pending))
        self._documents.clear()
        self._entries = self._entities = self._duplicates = None
        return len(done_ids)

    # --- reading -----------------------------------------------------------------------

    @property
    def entries(self) -> list[Entry]:
        """All indexed articles, sorted by date then title."""
        if self._entries is None:
            self._entries = self.index.entries()
            self._by_id = {e.id: e for e in self._entries}
            self._rank = {e.id: rank for rank, e in enumerate(self._entries)}
        return self._entries

    def _entries_by_id(self) -> dict[str, Entry]:
        self.entries  # noqa: B018 - loading the list builds the dict too
        return self._by_id

    @property
    def ranks(self) -> dict[str, int]:
        """Each article's place in the list (date, then title): the order of trails."""
        self.entries  # noqa: B018 - loading the list builds the ranks too
        return self._rank

    def reload_entries(self) -> list[Entry]:
        """Read the list again (a worker may have indexed more since)."""
        self._entries = self._entities = self._duplicates = None
        return self.entries

    @property
    def skipped(self) -> list[Skipped]:
        return self._skipped

    def get(self, doc_id: str) -> Document | None:
        if doc_id in self._documents:
            self._documents.move_to_end(doc_id)
            return self._documents[doc_id]
        doc = self.index.document(doc_id)
        if doc is not None:
            self._documents[doc_id] = doc
            if len(self._documents) > CACHE_SIZE:
                self._documents.popitem(last=False)
        return doc

    def documents(self) -> Iterator[Document]:
        """Every document, in date order (read one at a time: fine for 10,000)."""
        for entry in self.entries:
            doc = self.index.document(entry.id)
            if doc is not None:
                yield doc

    @staticmethod
    def raw_text(doc: Document) -> str:
        """The file as it is now (documents read from the index do not carry it)."""
        if doc.raw.text:
            return doc.raw.text
        raw = read_article(doc.raw.path)
        return raw.text if isinstance(raw, RawArticle) else f"(cannot read {doc.raw.path}: {raw.reason})"

    def analyse(self, raw: RawArticle, defer: bool | None = None) -> Document:
        """Clean, annotate and assign topics to one raw article (`defer`: leave the
        model's names for `model_pass`; default: `defer_model`)."""
        cleaned = clean_article(raw, self.config.sources)
        cleaned = replace(cleaned, meta=self._metadata(raw, cleaned.meta))
        texts = [masked(p) for p in cleaned.paragraphs]  # web addresses are never annotated
        language = cleaned.meta.language
        deferred = (self.defer_model if defer is None else defer) and self._wants_model(texts, language)
        if deferred:
            self._deferred.append(raw.id)
        mentions, in_field = self.annotate(texts, use_model=not deferred, language=language)
        if in_field:
            topics = tuple(self.topic_matcher.passage_topics(t, m, cleaned.meta.date)
                           for t, m in zip(texts, mentions, strict=True))
        else:
            topics = tuple(() for _ in cleaned.paragraphs)
        return Document(raw, cleaned, mentions, topics, raw.warnings)

    def annotate(self, texts: list[str], use_model: bool = True,
                 language: str | None = None) -> tuple[tuple[tuple[Mention, ...], ...], bool]:
        """One article's mentions per paragraph, and whether it is about the field:
        gazetteer and patterns, then the model's names (if on and `use_model`, and
        the article's `language` is English or unknown), then ambiguous names
        judged in context."""
        mentions = tuple(self.matcher.mentions_many(texts))
        spans = self._model_spans(texts, mentions, language) if use_model else None
        if spans is not None:
            mentions = model.canonicalise([model.merge(t, m, s) for t, m, s in zip(texts, mentions, spans, strict=True)])
        in_field = self.topic_matcher.in_field(mentions)
        return context.resolve(texts, mentions, spans, in_field), in_field

    def _wants_model(self, texts: list[str], language: str | None) -> bool:
        """The model is on, and the article is English (or of unknown language but in
        Latin letters) and not too long for it: the pipeline is English-only, and on
        German it took "Drohnen" for a person."""
        return (self.config.entity_model and language in (None, "en")
                and sum(map(len, texts)) <= model.MAX_ARTICLE_CHARS and model.latin(texts))

    def _model_spans(self, texts: list[str], mentions: tuple, language: str | None) -> list[list[model.Span]] | None:
        """The recogniser's spans for the paragraphs that need it (None: model off,
        not installed, or the article is not English-looking or too long)."""
        if not self._wants_model(texts, language):
            return None
        wanted = [i for i, (t, m) in enumerate(zip(texts, mentions, strict=True)) if model.worth_modelling(t, m)]
        spans: list[list[model.Span]] = [[] for _ in texts]
        if not wanted:
            return spans
        try:
            found = model.predict([texts[i] for i in wanted])
        except (ImportError, OSError) as error:
            self.model_warning = f"names outside the gazetteer are not found: the model cannot load ({error})"
            self.config = replace(self.config, entity_model=False)
            return None
        for i, paragraph_spans in zip(wanted, found, strict=True):
            spans[i] = paragraph_spans
        return spans

    def _metadata(self, raw: RawArticle, found: Metadata) -> Metadata:
        override = self.config.override_for(raw.path, raw.id)
        meta = replace(found, title=found.title or raw.id, source=self.config.source_name(found.source))
        if override:
            origins = meta.origins
            origins.update({key: "config" for key in ("title", "source", "date", "url") if getattr(override, key)})
            meta = replace(meta, title=override.title or meta.title, source=override.source or meta.source,
                           date=override.date or meta.date, url=override.url or meta.url,
                           provenance=tuple(sorted(origins.items())))
        return meta

    # --- queries -------------------------------------------------------------------------

    def related(self, doc: Document, index: int, limit: int = 40) -> list[Related]:
        """Other articles' passages sharing a topic with passage `index` of `doc`, best first."""
        topics = doc.topic_ids(index) if index < len(doc.passage_topics) else ()
        if not topics:
            return []
        rows = self.index.related(doc.id, topics, doc.meta.date, limit)
        return [Related(Passage(aid, idx, when, title, text), shared, strength)
                for aid, idx, when, title, text, shared, strength in rows]

    def trail(self, topic: str) -> list[Passage]:
        """Every passage on `topic`, in the article list's order (date, then title)."""
        entries, rank = self.entries, self.ranks
        rows = sorted((rank[aid], idx, snippet) for aid, idx, snippet in self.index.trail(topic) if aid in rank)
        return [Passage(entries[r].id, idx, entries[r].date, entries[r].title, snippet) for r, idx, snippet in rows]

    def topics_in_corpus(self) -> set[str]:
        """The topics some passage of the corpus is on."""
        return self.index.topics()

    def search(self, query: str, limit: int = 200, index: CorpusIndex | None = None) -> list[tuple[Entry, int, str]]:
        """Passages holding every word of `query` (as word prefixes): (article, passage, text).

        `index`: another connection (see `connect`), for a search in a worker thread.
        """
        by_id = self._entries_by_id()
        rows = (index or self.index).search(query, limit)
        return [(by_id[aid], idx, text) for aid, idx, text in rows if aid in by_id]

    def entity_articles(self, canonical: str) -> list[tuple[str, int, int]]:
        return self.index.entity_articles(canonical)

    def corpus_entities(self) -> list[tuple[str, str]]:
        """Every (canonical name, type) in the corpus; read once per change of the index
        (the command palette asks on every keystroke)."""
        if self._entities is None:
            self._entities = self.index.entities()
        return self._entities

    # --- timelines (SPEC §12) --------------------------------------------------------

    def subject(self, name: str) -> Subject:
        """A topic (by id or label) or an entity (by canonical name, or any alias the
        gazetteer matches in any language: Putin, Путина, پوتین); case, spaces, dashes
        and underscores aside ("North–South corridor" is north_south_corridor).

        Raises LookupError("no such topic: NAME (did you mean X?)") when none matches.
        """
        for topic in self.topic_map.topics:
            if same_name(name, topic.id) or same_name(name, topic.label):
                return Subject("topic", topic.id, topic.label)
        known = {canonical for canonical, _ in self.corpus_entities()}
        for canonical in known:
            if same_name(name, canonical):
                return Subject("entity", canonical, canonical)
        whole = [m for m in self.matcher.mentions(name.strip()) if (m.start, m.end) == (0, len(name.strip()))]
        if whole and whole[0].canonical in known:
            return Subject("entity", whole[0].canonical, whole[0].canonical)
        names = [t.id for t in self.topic_map.topics] + [t.label for t in self.topic_map.topics] + \
            [canonical for canonical, _ in self.corpus_entities()]
        close = suggest(name, names)
        raise LookupError(f"no such topic: {name}" + (f" (did you mean {close}?)" if close else ""))

    def timeline(self, subjects: Iterable[Subject]) -> Timeline:
        """Passages per month for each subject, from the index (two queries each: the
        counts, and the passages of duplicate articles left out of them)."""
        subjects = list(subjects)
        return build_timeline([(s, self.index.subject_months(f"{s.kind}:{s.key}")) for s in subjects],
                              {s: self.subject_duplicates(s) for s in subjects})

    def subject_duplicates(self, subject: Subject, start: str | None = None, end: str | None = None) -> int:
        """Passages on a topic or mentioning an entity in duplicate articles (left out),
        dated within [start, end] if given (YYYY[-MM[-DD]], as export.within)."""
        return self.index.subject_duplicates(f"{subject.kind}:{subject.key}", start, end)

    def duplicates(self) -> dict[str, str]:
        """Duplicate article id -> the id of the article kept for its story (index.story_hash)."""
        if self._duplicates is None:
            self._duplicates = self.index.duplicates()
        return self._duplicates

    def distinct(self, items: Iterable[T], where: Callable[[T], tuple[str, int]]) -> tuple[list[T], int]:
        """`items` with one per passage of a story kept (the first in the article list's
        order; `where(item)` is its (article id, passage)) and how many were left out as
        duplicates: e.g. the same passage bookmarked in two copies of one article."""
        stories, rank = self.duplicates(), self.ranks
        items = list(items)
        kept: dict[tuple[str, int], T] = {}
        for item in sorted(items, key=lambda item: (rank.get(where(item)[0], len(rank)), where(item))):
            article_id, index = where(item)
            kept.setdefault((stories.get(article_id, article_id), index), item)
        chosen = {id(item) for item in kept.values()}
        return [item for item in items if id(item) in chosen], len(items) - len(kept)

    def month_passages(self, subject: Subject, month: str | None) -> list[Passage]:
        """The passages of `subject` in `month` ("YYYY-MM"; None: the undated ones), in
        the article list's order, each with a snippet."""
        rows = self.index.subject_passages(f"{subject.kind}:{subject.key}", "" if month is None else month)
        return self._in_list_order((aid, idx, snippet(text)) for aid, idx, text in rows)

    def subject_passages(self, subject: Subject) -> list[Passage]:
        """Every passage on a topic or mentioning an entity, in the article list's order."""
        return self._in_list_order((aid, idx, "") for aid, idx, _ in self.index.subject_passages(f"{subject.kind}:{subject.key}"))

    def _in_list_order(self, rows: Iterable[tuple[str, int, str]]) -> list[Passage]:
        entries, rank = self.entries, self.ranks
        ranked = sorted((rank[aid], idx, text) for aid, idx, text in rows if aid in rank)
        return [Passage(entries[r].id, idx, entries[r].date, entries[r].title, text) for r, idx, text in ranked]

    def entry(self, doc_id: str) -> Entry | None:
        return self._entries_by_id().get(doc_id)

    def resolve(self, reference: str) -> Document | Skipped:
        """An article by id, id prefix, title prefix, or the path of any text file.

        Raises LookupError when nothing matches, AmbiguousArticle when several do.
        """
        path = Path(reference)
        if path.is_file():
            resolved = str(path.resolve())
            for entry in self.entries:
                if str(Path(entry.path).resolve()) == resolved:
                    return self.get(entry.id)
            raw = read_article(path)
            return self.analyse(raw) if isinstance(raw, RawArticle) else raw
        for exact in (lambda e: e.id == reference, lambda e: e.title.casefold() == reference.casefold()):
            found = [e for e in self.entries if exact(e)]
            if len(found) == 1:
                return self.get(found[0].id)
        lowered = reference.casefold()
        found = [e for e in self.entries if e.id.startswith(reference) or e.title.casefold().startswith(lowered)]
        if len(found) == 1:
            return self.get(found[0].id)
        if found:
            raise AmbiguousArticle(reference, found)
        if path.suffix or os.sep in reference:
            raise LookupError(f"no such file: {reference}")
        raise LookupError(f"no article matches '{reference}' (try an id from `iranru-reader list`)")

