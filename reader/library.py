"""The corpus as the CLI and the TUI see it: an index of analysed articles.

This is the one place that wires config, corpus, cleaning, entities, topics
and the cached index together. Listing reads the index; a document is
analysed once per change of its file (or of the config) and read back from
the index after that; trails, related passages, search and entity look-ups
are index queries, so 10,000 articles cost what five do.
"""

from __future__ import annotations

import multiprocessing
from array import array
import os
import signal
import sqlite3
import sys
import tempfile
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import closing
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path
from typing import TypeVar

from .cache import cache_dir, corpus_key
from .config import Config
from .ingest.decode import article_id, discover, read_article, read_bytes
from .annotate import model  # context, names and orgs: imported when an article is first analysed (a warm start analyses none)
from .annotate.gazetteer import Gazetteer, Matcher, load_gazetteer, user_gazetteer_path, with_user_gazetteer
from .annotate.gazetteer import annotation_sources
from .index import CorpusIndex, Entry, Stamp, content_hash, fingerprint, preset_dictionary, rows
from .index import Rows as StoredRows
from .models import Document, Mention, Metadata, RawArticle, Skipped
from .annotate.topics import (HEADLINE_SHARE, TRAIL_PASSAGES, Passage, Related, Topic, TopicMap, TopicMatcher,
                              Trail, load_topic_map, snippet, topic_companions)
from .fuzzy import FuzzyNames, article_text, entity_texts, topic_texts
from .timeline import Subject, Timeline, build_timeline, same_name, suggest
from .rows import Rows

Progress = Callable[[int, int], None]
T = TypeVar("T")
CACHE_SIZE = 32  # analysed documents kept in memory
FIRST_BATCH = 16  # articles: the first batch is written this soon (a worker's chunk), so the reader's first article and
# progress show after the first results, not after a whole batch of 200
POOL_FROM = 50  # files: fewer are analysed in the calling process (a worker's start-up costs a second or two);
# more make the reader index in the background (tui.app.SYNC_LIMIT), and then always in the workers
# The reader's workers give way to its own process (its keys stay live). With two busy
# processes on two cores (load 15), a 5 ms sleep of the reader's event loop woke late by
# p99 31-39 ms beside workers at niceness 5, 23-35 ms at 10 and 23-25 ms at 19: little
# gained, while at a load of 11 workers at 10 got 2.4% of a core each (a test's 60-file
# index took minutes), so 5. Only the reader's: on a shared machine a niced worker gives
# way to every other process too (at a load of 12 on two cores, each worker of
# `iranru-reader list` got 4-11% of a core, against 21% for others), so the command
# line's indexing (nothing interactive to keep live) runs at niceness 0.
WORKER_NICENESS = 5


def cores() -> int:
    """The cores this process may run on (the worker processes an index build starts)."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


@dataclass(frozen=True)
class Job:
    """One file for `Library.index_file`: where it is, its article id and stamp, the
    content hash the index holds for it (None: analyse whatever it holds), and
    whether to leave the model's names for later (None: `Library.defer_model`)."""

    path: Path
    article: str
    stamp: Stamp
    known: str | None
    defer: bool | None = None


@dataclass(frozen=True)
class Analysed:
    """What `Library.index_file` made of a job: rows to store, or the file skipped, or
    neither (touched, not changed); `deferred`: analysed without the model;
    `warning`: why the model could not run."""

    rows: StoredRows | None = None
    skipped: Skipped | None = None
    deferred: bool = False
    warning: str | None = None


_WORKER: tuple[Library, bytes] | None = None  # in a worker process: its library and the index's dictionary


def _start_worker(config: Config, paths: tuple[Path, ...], dictionary: bytes, niceness: int = 0) -> None:
    """A worker process's start: an analysing library of its own, no index, at `niceness`
    (added to the parent's). Quiet: the reader owns the terminal, and Ctrl+C is the reader's to handle."""
    global _WORKER
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if niceness:
        os.nice(niceness)
    quiet = os.open(os.devnull, os.O_WRONLY)
    os.dup2(quiet, 1)  # the terminal's stdout and stderr, inherited: nothing may reach the screen
    os.dup2(quiet, 2)
    threading.Thread(target=_exit_with, args=(os.getppid(),), daemon=True).start()
    _WORKER = (Library(config, paths, store=False), dictionary)


def _exit_with(parent: int) -> None:
    """A worker's watch: when the reader is gone (killed, not quit), exit too."""
    while os.getppid() == parent:
        time.sleep(1)
    os._exit(0)


def _start_resource_tracker() -> None:
    """Start multiprocessing's resource tracker (the pool's locks need it) with the real
    stderr: under Textual `sys.stderr` is a capture whose fileno() is -1, which the
    tracker's start passes on and fails with ("bad value(s) in fds_to_keep")."""
    from multiprocessing import resource_tracker

    captured = sys.stderr
    sys.stderr = sys.__stderr__ or captured
    try:
        resource_tracker.ensure_running()
    finally:
        sys.stderr = captured


def _plain(config: Config) -> Config:
    """`config` with plain dicts for its read-only mappings (which cannot be pickled)."""
    return replace(config, **{name: dict(getattr(config, name)) for name in ("articles", "sources", "styles", "keymap")})


def _index_in_worker(job: Job) -> Analysed:
    library, dictionary = _WORKER
    return library.index_file(job, dictionary)


class AmbiguousArticle(LookupError):
    def __init__(self, reference: str, matches: list[Entry]):
        super().__init__(reference)
        self.reference, self.matches = reference, matches


@dataclass(frozen=True)
class Plan:
    """What a refresh has to do: files to (re)analyse, ids to forget, what to skip.

    Only the files to check are described (ids, stamps, stored hashes): the plan is
    kept until the next refresh, and at 100,000 unchanged files a description of
    each held 115 MB (issue 17)."""

    to_check: list[Path]
    ids: dict[Path, str]  # of the files to check
    stamps: dict[Path, Stamp]  # of the files to check
    known: dict[Path, str]  # content hash stored for a file to check under the same id (a touched file is not re-analysed)
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

    def __init__(self, config: Config, paths: Iterable[Path] | None = None, cache: bool = True, store: bool = True):
        """`store=False`: analyse only, without an index (the indexer's worker processes)."""
        self.config = config
        self.paths = tuple(Path(p) for p in paths) if paths else config.corpus
        self.gazetteer: Gazetteer = with_user_gazetteer(load_gazetteer(config.gazetteer, use_cache=cache), cache)
        self.topic_map: TopicMap = load_topic_map(config.topics, use_cache=cache)
        self.version = fingerprint(*(config.files or (config.path,)), config.gazetteer, config.topics, user_gazetteer_path(),
                                   *topic_companions(config.topics), *annotation_sources())
        self.model_warning: str | None = None  # why the statistical recogniser is not running, if it is not
        # True in the reader before its first paint: analyse without the model (its import and
        # load take seconds) and leave those articles to `model_pass`, run in a worker.
        self.defer_model = False
        self._deferred: list[str] = []
        self.warnings: list[str] = []
        self._scratch: tempfile.TemporaryDirectory | None = None
        if store:
            self.location = self._location(cache)
            self.index = self._open_index()
        self._entries: list[Entry] | None = None
        self._by_id: dict[str, Entry] = {}
        self._rank: dict[str, int] | None = None  # article id -> place in the list, read without entries
        self._entities: list[tuple[str, str]] | None = None
        self._duplicates: dict[str, str] | None = None
        self._copies: dict[str, frozenset[str]] = {}  # kept id -> every article of its story (with `_duplicates`)
        self._palette_lock = threading.Lock()
        self._palette_articles: tuple[Rows, array, FuzzyNames, FuzzyNames] | None = None  # rows: rowids, titles, files
        self._palette_entities: tuple[list[tuple[str, str]], FuzzyNames] | None = None
        self._palette_topics: tuple[TopicMap, FuzzyNames] | None = None
        # Per subject ("kind:key"): its month counts, and its passages in duplicates, kept while
        # `_duplicates` is (the same index): the timeline's, the trail's and the brief's count
        self._series: tuple[dict[str, str], dict[str, list[tuple[str, int]]], dict[str, int]] | None = None
        self._skipped: list[Skipped] = []
        self._documents: OrderedDict[str, Document] = OrderedDict()
        self._plan: Plan | None = None
        self._rows: Rows | None = None
        self._kept_order: list[int] | None = None  # the list's order as an indexing thread read it (keep_list_order)

    def reopened(self) -> Library:
        """The same config and corpus loaded again (after the user's gazetteer changed):
        a new index version, so the next refresh re-annotates every article."""
        return Library(self.config, self.paths, cache=self._scratch is None)

    @cached_property
    def matcher(self) -> Matcher:
        """Built when an article is first analysed: a warm start does not need it."""
        return Matcher(self.gazetteer)

    @cached_property
    def given_names(self) -> dict[str, frozenset[str]]:
        """The gazetteer people's given names (`names.own_given_names`): a surname after
        another given name is a namesake."""
        from .annotate import names

        return names.own_given_names(self.gazetteer.entities)

    @cached_property
    def topic_matcher(self) -> TopicMatcher:
        return TopicMatcher(self.topic_map)

    # --- the index -------------------------------------------------------------------

    def _location(self, cache: bool) -> Path:
        if cache:
            # One index per corpus and set of config files: a second config over the same folder (a
            # `list --config other.yaml`, a ./config.yaml) rebuilt the open reader's index under it,
            # which then found nothing (a newcomer's report); an edit of the same files still rebuilds.
            config = self.config
            files = (*(config.files or (config.path,)), config.gazetteer, config.topics)
            return cache_dir() / f"index-{corpus_key(self.paths)}-{corpus_key(files)}.sqlite"
        self._scratch = _scratch()
        return Path(self._scratch.name) / "index.sqlite"

    def _open_index(self) -> CorpusIndex:
        try:
            return CorpusIndex(self.location, self.version, self.dictionary)
        except (OSError, sqlite3.Error) as error:
            self.warnings.append(f"cannot use the cache in {cache_dir()} ({error}); indexing in a temporary file")
            self.location = self._location(cache=False)
            return CorpusIndex(self.location, self.version, self.dictionary)

    @cached_property
    def dictionary(self) -> bytes:
        """The preset dictionary the index compresses documents with: the gazetteer's
        and topic map's words, which every article of the field repeats."""
        words = [w for e in self.gazetteer.entities for w in (*e.aliases, e.canonical)]
        words += [w for t in self.topic_map.topics for w in (t.id, *(phrase for phrase, _ in t.phrases))]
        return preset_dictionary(words)

    def connect(self) -> CorpusIndex:
        """A second connection to the same index, for a worker thread."""
        return CorpusIndex(self.location, self.version, self.dictionary)

    def plan(self, index: CorpusIndex | None = None) -> Plan:
        """Compare the files on disk with the index (stat only: no file is read);
        `index`: another connection (see `connect`), for a worker thread.

        Each file's stored row is looked up as it is stat'ed, and the stored paths are
        read as they come: neither side is held whole (issue 17: at 100,000 files a
        dict of every stored row and of every stamp took 60 MB at the check's peak)."""
        index = index or self.index
        files, skipped = discover(self.paths)
        to_check: list[Path] = []
        ids: dict[Path, str] = {}
        stamps: dict[Path, Stamp] = {}
        hashes: dict[Path, str] = {}
        seen: dict[str, int] = {}
        current: set[str] = set()
        for path in files:
            base = article_id(path)
            count = seen.get(base, 0)
            seen[base] = count + 1
            article = base if not count else f"{base}~{count + 1}"
            try:
                info = path.stat()
            except OSError as error:
                skipped.append(Skipped(path, f"unreadable: {error.strerror or error}"))
                continue
            name = str(path)
            current.add(name)
            known = index.stored(name)
            if known is None or known[0] != article or known[1:3] != (info.st_size, info.st_mtime_ns):
                to_check.append(path)
                ids[path] = article
                stamps[path] = Stamp(info.st_size, info.st_mtime_ns)
                if known is not None and known[0] == article:
                    hashes[path] = known[3]
        removed = [aid for name, aid in index.stored_paths() if name not in current]
        return Plan(to_check, ids, stamps, hashes, removed, skipped)

    @property
    def pending(self) -> Plan:
        """The plan for the next refresh, computed once (a stat of every file)."""
        if self._plan is None:
            self._plan = self.plan()
        return self._plan

    def check_files(self, index: CorpusIndex | None = None) -> bool:
        """Stat every file against the index now (in a worker, on its own connection
        `index`: the reader shows the index as it is first); whether some file has to
        be (re)analysed. Keeps the plan for `refresh` and the list of skipped files."""
        self._plan = self.plan(index)
        self._skipped = list(self._plan.skipped)
        return self.stale

    def indexed(self) -> bool:
        """Whether the index holds any article (a warm start: the reader can show it
        before any file is looked at)."""
        return self.index.db.execute("SELECT 1 FROM articles LIMIT 1").fetchone() is not None

    @property
    def stale(self) -> bool:
        """Whether some file still has to be (re)analysed."""
        return bool(self.pending.to_check or self.pending.removed)

    def refresh(self, progress: Progress | None = None, index: CorpusIndex | None = None, batch: int = 100,
                workers: int | None = None, niceness: int = 0) -> None:
        """Bring the index up to date with the files: analyse what changed, forget what went.

        Files are read and analysed in `workers` processes (None: one per core when
        there are POOL_FROM files or more, else in this process) at `niceness` (the
        reader's: WORKER_NICENESS); their rows are written here, by one writer, `batch`
        articles a transaction, each batch reported as `progress(done, total)`.
        """
        index = index or self.index
        with index.writing() as waited:
            if waited:  # another program indexed these files meanwhile: what is left to do now
                self._plan = self.plan(index)
            self._refresh(self.pending, index, batch, (workers, niceness), progress)

    def _refresh(self, plan: Plan, index: CorpusIndex, batch: int, pool: tuple[int | None, int],
                 progress: Progress | None) -> None:
        """`refresh`'s work, with the cache held (`CorpusIndex.writing`)."""
        index.forget(plan.removed)
        skipped = list(plan.skipped)
        jobs = [Job(path, plan.ids[path], plan.stamps[path], plan.known.get(path)) for path in plan.to_check]
        deferred: list[str] = []
        self._write_analysed(jobs, index, batch, pool, progress, skipped.append, deferred.append)
        if deferred:
            index.set_model_pending(sorted({*index.model_pending(), *deferred}))
        if jobs or plan.removed:  # after files went too: a duplicate whose original went is kept now
            index.mark_duplicates()
        self._skipped = skipped
        self._plan = None
        self._entries = self._entities = self._duplicates = None
        self._rank = None
        self._documents.clear()

    def _write_analysed(self, jobs: list[Job], index: CorpusIndex, batch: int, pool: tuple[int | None, int],
                        progress: Progress | None, on_skipped: Callable[[Skipped], None],
                        on_deferred: Callable[[str], None], after_batch: Callable[[list[str]], None] | None = None) -> int:
        """Analyse `jobs` (see `refresh`; `pool`: its workers and niceness) and write their rows
        in batches; return how many articles were written. `after_batch(ids)` runs after each batch's write."""
        pending: list[StoredRows] = []
        ids: list[str] = []
        written = 0
        with closing(self._analysed(jobs, index.dictionary, *pool)) as results:
            for done, (job, result) in enumerate(zip(jobs, results), start=1):
                ids.append(job.article)
                if result.warning and self.config.entity_model:
                    self.model_warning = result.warning
                    self.config = replace(self.config, entity_model=False)
                if result.skipped is not None:
                    on_skipped(result.skipped)
                    index.forget([job.article])
                elif result.rows is None:
                    index.restamp(str(job.path), job.stamp)  # touched, not changed
                else:
                    pending.append(result.rows)
                    if result.deferred:
                        on_deferred(job.article)
                if len(pending) >= (batch if written else min(batch, FIRST_BATCH)) or done == len(jobs):
                    index.write(pending)
                    written += len(pending)
                    pending = []
                    if after_batch:
                        after_batch(ids)
                    ids = []
                    if progress:
                        progress(done, len(jobs))
        return written

    def _analysed(self, jobs: list[Job], dictionary: bytes, workers: int | None, niceness: int = 0) -> Iterator[Analysed]:
        """`index_file` of each job, in order: in this process, or in a pool of `workers`
        processes at `niceness` (spawned, not forked: the reader's threads must not be copied)."""
        count = (cores() if len(jobs) >= POOL_FROM else 1) if workers is None else workers
        if count <= 1 or not jobs:
            for job in jobs:
                yield self.index_file(job, dictionary)
            return
        _start_resource_tracker()
        pool = ProcessPoolExecutor(count, mp_context=multiprocessing.get_context("spawn"), initializer=_start_worker,
                                   initargs=(_plain(self.config), self.paths, dictionary, niceness))
        try:
            yield from pool.map(_index_in_worker, jobs, chunksize=max(1, min(16, len(jobs) // (4 * count))))
        finally:
            pool.shutdown(wait=False, cancel_futures=True)

    def index_file(self, job: Job, dictionary: bytes = b"") -> Analysed:
        """Read, hash and (if its content is not `job.known`) analyse one file: the part
        of a refresh that needs no index, run in the indexer's worker processes.
        `dictionary`: the index's (`CorpusIndex.dictionary`)."""
        data = read_bytes(job.path)  # read once: hashed, then decoded if it changed
        if isinstance(data, Skipped):
            return Analysed(skipped=data)
        digest = content_hash(data)
        if digest == job.known:
            return Analysed()
        raw = read_article(job.path, data)
        if isinstance(raw, Skipped):
            return Analysed(skipped=raw)
        raw = replace(raw, id=job.article)
        doc = self.analyse(raw) if job.defer is None else self.analyse(raw, defer=job.defer)
        deferred = job.article in self._deferred
        self._deferred.clear()
        return Analysed(rows(doc, job.stamp, digest, dictionary), deferred=deferred, warning=self.model_warning)

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

    def model_pass(self, progress: Progress | None = None, index: CorpusIndex | None = None, batch: int = 50,
                   workers: int | None = None, niceness: int = 0) -> int:
        """Re-analyse, with the statistical recogniser, the articles indexed without it
        (in worker processes at `niceness`, as `refresh` does).

        Returns how many were re-analysed; `progress(done, total)` after each batch.
        """
        index = index or self.index
        pending = index.model_pending()
        if not pending or not self.config.entity_model:
            return 0
        paths = {entry.id: entry.path for entry in index.entries()}
        stamps = index.stamps()
        jobs = [Job(Path(paths[a]), a, stamps[paths[a]][1], None, defer=False)
                for a in pending if a in paths and paths[a] in stamps]

        def forget_done(ids: list[str]) -> None:
            done = set(ids)
            index.set_model_pending([a for a in index.model_pending() if a not in done])

        written = self._write_analysed(jobs, index, batch, (workers, niceness), progress, lambda _: None, lambda _: None,
                                       forget_done)
        forget_done(pending)  # articles gone or unreadable since: nothing left to add
        self._documents.clear()
        self._entries = self._entities = self._duplicates = None
        self._rank = None
        return written

    # --- reading -----------------------------------------------------------------------

    @property
    def entries(self) -> list[Entry]:
        """All indexed articles, sorted by date then title."""
        if self._entries is None:
            self._entries = self.index.entries()
            self._by_id = {e.id: e for e in self._entries}
            self._rank = {e.id: rank for rank, e in enumerate(self._entries)}
        return self._entries

    @property
    def ranks(self) -> dict[str, int]:
        """Each article's place in the list (date, then title): the order of trails.
        Read from the index's order index (ids only) unless the entries are loaded:
        at 100,000 articles a dict of ids, not 100,000 entries (issue 17)."""
        if self._rank is None:
            self._rank = self.index.ranks()
        return self._rank

    def rows(self) -> Rows:
        """The article list, read lazily from the index (what the sidebar draws)."""
        if self._rows is None:
            self._rows = Rows(self.index)
        return self._rows

    def headlines(self, page: int = 500) -> Iterator[list[tuple[str, str | None, str]]]:
        """(id, date, title) of every article in the list's order, `page` articles at a
        time, each page read from the index when it is asked for (the command palette's
        articles: at 100,000 articles, never every entry at once)."""
        order = self.rows().rowids()
        for start in range(0, len(order), page):
            rowids = order[start:start + page]
            found = self.index.headlines_at(rowids)
            yield [found[rowid] for rowid in rowids if rowid in found]

    def reload_rows(self) -> Rows:
        """The list read again (a worker may have indexed more since); entries loaded
        whole before (for trails, the palette) are read again when next asked for.
        The list's order is the one `keep_list_order` kept, if any (taken once)."""
        order, self._kept_order = self._kept_order, None
        self._entries = self._entities = self._rows = self._duplicates = None
        self._rank = None
        if order is not None:
            self._rows = Rows(self.index, order)
        return self.rows()

    def keep_list_order(self, index: CorpusIndex) -> None:
        """Read the list's order through `index` (an indexing thread's own connection, after
        its write) for the next `reload_rows`: so the reader's event loop does not read it
        after every batch (at 100,000 articles 44-82 ms of CPU, against 4 ms at 10,000)."""
        self._kept_order = index.list_order()

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
        from .ingest.clean import clean_article, masked  # not imported before the first frame: a warm start never cleans

        cleaned = clean_article(raw, self.config.sources)
        cleaned = replace(cleaned, meta=self._metadata(raw, cleaned.meta))
        texts = [masked(p) for p in cleaned.paragraphs]  # web addresses are never annotated
        language = cleaned.meta.language
        deferred = (self.defer_model if defer is None else defer) and self._wants_model(texts, language)
        if deferred:
            self._deferred.append(raw.id)
        mentions, in_field = self.annotate(texts, use_model=not deferred, language=language)
        if in_field and self.topic_matcher.in_field(mentions, texts, self._names_in):  # names in passing do not count
            date, title = cleaned.meta.date, cleaned.meta.title
            headline = self.topic_matcher.passage_topics(title, self.matcher.mentions_many([title])[0], date, HEADLINE_SHARE)
            topics = self.topic_matcher.article_hits([self.topic_matcher.passage_topics(t, m, date, headline=headline)
                                                      for t, m in zip(texts, mentions, strict=True)], headline,
                                                     self.topic_matcher.lead_index(texts))
        else:
            topics = tuple(() for _ in cleaned.paragraphs)
        # Descriptive aliases were topic evidence; what is highlighted and listed is names (issue 14).
        named = tuple(self.matcher.named(t, m) for t, m in zip(texts, mentions, strict=True))
        return Document(raw, cleaned, named, topics, raw.warnings)

    def annotate(self, texts: list[str], use_model: bool = True,
                 language: str | None = None) -> tuple[tuple[tuple[Mention, ...], ...], bool]:
        """One article's mentions per paragraph, and whether it is about the field:
        gazetteer and patterns, then the model's names (if on and `use_model`, and
        the article's `language` is English or unknown; else the Russian and Persian
        names of `names.find`), then ambiguous names judged in context."""
        from .annotate import context, facilities, names, orgs, wordnames

        mentions = tuple(self.matcher.mentions_many(texts))
        spans = self._model_spans(texts, mentions, language) if use_model else None
        if spans is not None:
            mentions = model.canonicalise(model.rejoined(
                [model.merge(t, m, s) for t, m, s in zip(texts, mentions, spans, strict=True)], self._known_name))
        joined = spans is None and use_model and self.config.entity_model and names.reads(texts)
        if joined:
            mentions = names.find(texts, mentions, self.given_names)  # Russian and Persian names: the English model does not read them
        if use_model and self.config.entity_model:
            mentions = orgs.find(texts, mentions)  # organisations named by a head noun, in every language
            mentions = wordnames.find(texts, mentions)  # «میر», «شتاب», «غرب»: names that are also ordinary words
            mentions = facilities.find(texts, mentions)  # Persian and Russian facilities named by a head noun
            mentions = model.without_cut_names(mentions, self.matcher.cut_names)  # "news agency Tasni": Tasnim cut
        in_field = self.topic_matcher.in_field(mentions, inside=self._names_in)
        return context.resolve(texts, mentions, spans, in_field, use_model and self.config.entity_model,
                               self.given_names, joined), in_field

    def _names_in(self, text: str) -> list[str]:
        """The canonical names the gazetteer finds in `text` (an organisation's name: "ВМФ России" -> Russia)."""
        return [m.canonical for m in self.matcher.mentions(text)]

    def _known_name(self, text: str) -> tuple[str, str] | None:
        """(type, canonical) of the gazetteer name that is all of `text`, or None."""
        found = self.matcher.mentions(text)
        if len(found) == 1 and (found[0].start, found[0].end) == (0, len(text)) and found[0].source == "gazetteer":
            return found[0].type, found[0].canonical
        return None

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
        pieces = [(i, start, end) for i, runs in enumerate(model.regions(texts, mentions)) for start, end in runs]
        spans: list[list[model.Span]] = [[] for _ in texts]
        if not pieces:
            return spans
        try:
            found = model.predict([texts[i][start:end] for i, start, end in pieces])
        except (ImportError, OSError) as error:
            self.model_warning = f"names outside the gazetteer are not found: the model cannot load ({error})"
            self.config = replace(self.config, entity_model=False)
            return None
        for (i, offset, _), piece_spans in zip(pieces, found, strict=True):
            spans[i] += [(start + offset, end + offset, label) for start, end, label in piece_spans]
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

    def related(self, doc: Document, index: int, limit: int = 40, *, index_db: CorpusIndex | None = None) -> list[Related]:
        """Other articles' passages sharing a topic with passage `index` of `doc`, best
        first; copies of `doc` itself (the same story, Library.duplicates) are not others.
        `index_db`: another connection (see `connect`), for a worker thread."""
        topics = doc.topic_ids(index) if index < len(doc.passage_topics) else ()
        if not topics:
            return []
        copies = self.copies(doc.id) - {doc.id}
        rows = (index_db or self.index).related(doc.id, topics, doc.meta.date, limit + len(copies))
        return [Related(Passage(aid, idx, when, title, text), shared, strength)
                for aid, idx, when, title, text, shared, strength in rows if aid not in copies][:limit]

    def trail(self, topic: str, snippets: bool = True) -> list[Passage]:
        """Every passage on `topic`, in the article list's order (date, then title), each
        with a snippet (`snippets=False`: none, and no stored document is read)."""
        rows = self.index.trail(topic, snippets)
        return self._in_list_order(((aid, idx, text) for aid, idx, text, _, _ in rows),
                                   {aid: (when, title) for aid, _, _, when, title in rows})

    def trail_steps(self, topic: str, index_db: CorpusIndex | None = None) -> Trail:
        """The trail of `topic` to step along (the reader's `]` and `[`): the passages of
        `trail`, in its order, held as ints; each Passage read when it is landed on.
        `index_db`: another connection to read the passages through (see `connect`), for
        a worker thread (the article list's order read through it too, if not read yet)."""
        rows = self.rows()
        rows.read_order(index_db or self.index)
        order = rows.rowids()
        rank = {rowid: place for place, rowid in enumerate(order)}
        keys = sorted(rank[rowid] * TRAIL_PASSAGES + index for rowid, index in (index_db or self.index).trail_keys(topic)
                      if rowid in rank)

        def rank_of(article_id: str) -> int:
            return rank.get(self.index.rowid(article_id), -1)

        def passage_at(place: int, index: int) -> Passage:
            article_id, date, title = self.index.headlines_at([order[place]]).get(order[place], ("", None, ""))
            return Passage(article_id, index, date, title, "")

        return Trail(keys, rank_of, passage_at)

    def topics_in_corpus(self) -> set[str]:
        """The topics some passage of the corpus is on."""
        return self.index.topics()

    def search(self, query: str, limit: int = 200, index: CorpusIndex | None = None) -> list[tuple[Entry, int, str]]:
        """Passages holding every word of `query` (as word prefixes): (article, passage, text).

        `index`: another connection (see `connect`), for a search in a worker thread.
        """
        rows = (index or self.index).search(query, limit)
        by_id = {aid: (index or self.index).entry(aid) for aid in {aid for aid, _, _ in rows}}  # not all 100,000
        return [(by_id[aid], idx, text) for aid, idx, text in rows if by_id[aid] is not None]

    def entity_articles(self, canonical: str) -> list[tuple[str, int, int]]:
        return self.index.entity_articles(canonical)

    def corpus_entities(self, index: CorpusIndex | None = None) -> list[tuple[str, str]]:
        """Every (canonical name, type) in the corpus; read once per change of the index
        (the command palette asks on every keystroke). `index`: another connection
        (see `connect`), for a worker thread."""
        if self._entities is None:
            self._entities = (index or self.index).entities()
        return self._entities

    def entity_named(self, name: str, index: CorpusIndex | None = None) -> str | None:
        """The canonical name of the corpus's entity that `name` names: the canonical name
        itself (case, spaces and dashes aside), or any alias or inflected form the gazetteer
        matches whole, in any language (putin, Путина, پوتین); None when none does. `index`:
        as `corpus_entities`'."""
        known = {canonical for canonical, _ in self.corpus_entities(index)}
        for canonical in known:
            if same_name(name, canonical):
                return canonical
        typed = name.strip()
        for form in dict.fromkeys((typed, " ".join(w[:1].upper() + w[1:] for w in typed.split()))):
            # as typed, and capitalised: the gazetteer's aliases are names ("putin" is Putin)
            whole = [m for m in self.matcher.mentions(form) if (m.start, m.end) == (0, len(form))]
            if whole and whole[0].canonical in known:
                return whole[0].canonical
        return None

    def palette_articles(self, index: CorpusIndex | None = None) -> tuple[array, FuzzyNames, FuzzyNames]:
        """The command palette's look-up of articles: their rowids in the list's order,
        their names (`article_text`, reader.fuzzy) and their files' names (bare: what is
        typed matches the name alone, an id from `list` or a name from `ls`) in that order.
        Read once per article list (two scans of the articles table, through `index`: a
        worker's connection) and kept: at 100,000 articles some 21 MB for
        both, where the palette's candidates were every article's title, scored one by
        one on each keystroke (issue 17). Each is built from its own pass, so one list of
        100,000 strings is alive at a time: building both through dicts of every article
        peaked at 97 MB more than they keep."""
        rows = self.rows()
        index = index or self.index
        rows.read_order(index)  # on the palette's worker, not the event loop's connection
        with self._palette_lock:
            if self._palette_articles is None or self._palette_articles[0] is not rows:
                order = array("q", rows.rowids())
                place = {rowid: at for at, rowid in enumerate(order)}  # an article indexed since is left out
                names = FuzzyNames.placed(len(order), ((place[rowid], article_text(when, title))
                                                       for rowid, when, title, _ in index.list_names() if rowid in place))
                files = FuzzyNames.placed(len(order), ((place[rowid], os.path.basename(path))
                                                       for rowid, _, _, path in index.list_names() if rowid in place))
                self._palette_articles = (rows, order, names, files)
            return self._palette_articles[1:]

    def palette_entities(self, index: CorpusIndex | None = None) -> tuple[list[tuple[str, str]], FuzzyNames]:
        """The command palette's look-up of entities: `corpus_entities` and their names
        (two each: `entity_texts`, reader.fuzzy), kept while those are."""
        entities = self.corpus_entities(index)
        with self._palette_lock:
            if self._palette_entities is None or self._palette_entities[0] is not entities:
                self._palette_entities = (entities, FuzzyNames(text for name, kind in entities
                                                               for text in entity_texts(name, kind)))
            return self._palette_entities

    def palette_topics(self) -> tuple[tuple[Topic, ...], FuzzyNames]:
        """The command palette's look-up of topics: the topic map's topics and their
        names (two each: `topic_texts`, reader.fuzzy), kept while the topic map is (they
        were built anew on every keystroke)."""
        with self._palette_lock:
            if self._palette_topics is None or self._palette_topics[0] is not self.topic_map:
                self._palette_topics = (self.topic_map, FuzzyNames(text for topic in self.topic_map.topics
                                                                   for text in topic_texts(topic.label)))
            return self._palette_topics[0].topics, self._palette_topics[1]

    # --- timelines (SPEC §12) --------------------------------------------------------

    def subject(self, name: str) -> Subject:
        """A topic (by id or label) or an entity (by canonical name, or any alias the
        gazetteer matches in any language: Putin, putin, Путина, پوتین); case, spaces,
        dashes and underscores aside ("North–South corridor" is north_south_corridor).

        Raises LookupError("no such topic: NAME (did you mean X?)") when none matches.
        """
        if not name.strip():
            raise LookupError("no such topic: the name is empty")
        for topic in self.topic_map.topics:
            if same_name(name, topic.id) or same_name(name, topic.label):
                return Subject("topic", topic.id, topic.label)
        if canonical := self.entity_named(name):
            return Subject("entity", canonical, canonical)
        names = [t.id for t in self.topic_map.topics] + [t.label for t in self.topic_map.topics] + \
            [canonical for canonical, _ in self.corpus_entities()]
        close = suggest(name, names)
        raise LookupError(f"no such topic: {name}" + (f" (did you mean {close}?)" if close else ""))

    def timeline(self, subjects: Iterable[Subject], index: CorpusIndex | None = None) -> Timeline:
        """Passages per month for each subject, from the index (two queries each: the
        counts, and the passages of duplicate articles left out of them), kept per
        subject until the index changes: at 100,000 articles a topic's counts take some
        200 ms, and the reader asks again on each T. `index`: another connection (see
        `connect`), for a worker thread (`duplicates` read before, on this one)."""
        subjects = list(subjects)
        months = self._kept_series(index)[1]
        for s in subjects:
            key = f"{s.kind}:{s.key}"
            if key not in months:
                months[key] = (index or self.index).subject_months(key)
        return build_timeline([(s, months[f"{s.kind}:{s.key}"]) for s in subjects],
                              {s: self.subject_duplicates(s, index=index) for s in subjects})

    def subject_duplicates(self, subject: Subject, start: str | None = None, end: str | None = None,
                           index: CorpusIndex | None = None) -> int:
        """Passages on a topic or mentioning an entity in duplicate articles (left out),
        dated within [start, end] if given (YYYY[-MM[-DD]], as export.within). Without
        dates, kept per subject until the index changes (as `timeline`'s counts, which it
        is): the trail's `]` and the timeline asked the same query each. `index`: as `timeline`'s."""
        key = f"{subject.kind}:{subject.key}"
        if start or end:
            return (index or self.index).subject_duplicates(key, start, end)
        kept = self._kept_series(index)[2]
        if key not in kept:
            kept[key] = (index or self.index).subject_duplicates(key)
        return kept[key]

    def _kept_series(self, index: CorpusIndex | None) -> tuple[dict[str, str], dict[str, list[tuple[str, int]]], dict[str, int]]:
        """`_series`, started afresh when the duplicates were read again (the index changed)."""
        stories = self.duplicates() if index is None else self._duplicates
        if self._series is None or self._series[0] is not stories:
            self._series = (stories, {}, {})
        return self._series

    def duplicates(self) -> dict[str, str]:
        """Duplicate article id -> the id of the article kept for its story (index.story_hash)."""
        if self._duplicates is None:
            stories = self.index.duplicates()
            copies: dict[str, set[str]] = {}
            for aid, kept in stories.items():
                copies.setdefault(kept, {kept}).add(aid)
            self._copies = {kept: frozenset(ids) for kept, ids in copies.items()}
            self._duplicates = stories
        return self._duplicates

    def copies(self, article_id: str) -> frozenset[str]:
        """Every article of `article_id`'s story (itself, the one kept and its other
        duplicates), from a reverse map built once with `duplicates`: the same-topic panel
        asks on every cursor move, and scanning the whole map cost O(articles) a move."""
        story = self.duplicates().get(article_id, article_id)
        return self._copies.get(story, frozenset((article_id,)))

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

    def month_passages(self, subject: Subject, month: str | None, until: str | None = None) -> list[Passage]:
        """The passages of `subject` in `month` ("YYYY-MM"; None: the undated ones), or
        in the months from `month` to `until` ("YYYY-MM": a quarter's or a year's bar), in
        the article list's order, each with a snippet."""
        rows = self.index.subject_passages(f"{subject.kind}:{subject.key}", "" if month is None else month, until)
        return self._in_list_order((aid, idx, snippet(text)) for aid, idx, text in rows)

    def subject_passages(self, subject: Subject) -> list[Passage]:
        """Every passage on a topic or mentioning an entity, in the article list's order."""
        return self._in_list_order((aid, idx, "") for aid, idx, _ in self.index.subject_passages(f"{subject.kind}:{subject.key}"))

    def _in_list_order(self, rows: Iterable[tuple[str, int, str]],
                       headings: dict[str, tuple[str | None, str]] | None = None) -> list[Passage]:
        """Passages of (article id, passage, text) rows, in the article list's order, with
        their articles' date and title: from `headings` (article id -> (date, title)), else
        read for those articles only (`CorpusIndex.headings`)."""
        rank = self.ranks
        ranked = sorted((rank[aid], idx, aid, text) for aid, idx, text in rows if aid in rank)
        if headings is None:
            headings = self.index.headings(aid for _, _, aid, _ in ranked)
        return [Passage(aid, idx, *headings[aid], text) for _, idx, aid, text in ranked if aid in headings]

    def entry(self, doc_id: str) -> Entry | None:
        """One article's entry: from the whole list when it is loaded, else from the index."""
        if self._entries is not None:
            return self._by_id.get(doc_id)
        return self.index.entry(doc_id)

    def resolve(self, reference: str) -> Document | Skipped:
        """An article by id, id prefix, title prefix, or the path of any text file.

        Raises LookupError when nothing matches, AmbiguousArticle when several do.
        """
        path = Path(reference)
        if path.is_file():
            resolved = str(path.resolve())
            names = dict.fromkeys((path.name, path.resolve().name))  # not every stored path resolved: those so named
            for aid, stored in (row for name in names for row in self.index.named(name)):
                if str(Path(stored).resolve()) == resolved:
                    return self.get(aid)
            raw = read_article(path)
            return self.analyse(raw) if isinstance(raw, RawArticle) else raw
        if self.index.rowid(reference) is not None:  # an id (ids are unique)
            return self.get(reference)
        # Ids and titles only (issue 17: not every entry); entries for the matches, in list order.
        titles = self.index.titles()
        lowered = reference.casefold()
        found = [aid for _, aid, title in titles if title.casefold() == lowered]
        if len(found) == 1:
            return self.get(found[0])
        prefixed = {rowid: aid for rowid, aid, title in titles
                    if aid.startswith(reference) or title.casefold().startswith(lowered)}
        if len(prefixed) == 1:
            return self.get(next(iter(prefixed.values())))
        if prefixed:
            rowids = [rowid for rowid in self.rows().rowids() if rowid in prefixed]
            entries: dict[int, Entry] = {}
            for start in range(0, len(rowids), 500):
                entries.update(self.index.entries_at(rowids[start:start + 500]))
            raise AmbiguousArticle(reference, [entries[r] for r in rowids if r in entries])
        if path.suffix or os.sep in reference:
            raise LookupError(f"no such file: {reference}")
        raise LookupError(f"no article matches '{reference}' (try an id from `iranru-reader list`)")

