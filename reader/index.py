"""The cached corpus index: sqlite3 (WAL) in the user cache directory.

Per article: metadata, the analysed document (compressed JSON), its passage
topics (for trails and related passages), its entity mentions (for "other
articles that mention it") and an FTS5 table of clean paragraphs (for
corpus-wide search). A file is re-analysed when its size or mtime changed
and its content hash too; the whole index is dropped when the config, the
gazetteer, the topic map or the program version change. `--no-cache` uses
the same code on an in-memory database.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from . import __version__
from .models import (
    CleanText,
    Document,
    Dropped,
    Mention,
    Metadata,
    Paragraph,
    RawArticle,
    TopicHit,
)
from .annotate.topics import snippet
from .searchtext import indexed, match_expression, match_pattern

SCHEMA = 9  # 9: articles.story and the duplicates table, headlines in the search table (issue 18)
           # 8: the timeline table (SPEC §12), the search table's folded column, issue-15 topic
           # evidence, each stored mention's source, articles.language, provenance and URL spans
_WORDS = re.compile(r"\w+")
_PER_ARTICLE = 1_000_000  # search rowid = article rowid * this + passage index
HEADLINE = -1  # the passage index of an article's headline in the search table (its rowid: the range's last)

_TABLES = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY, path TEXT UNIQUE, size INTEGER, mtime_ns INTEGER, hash TEXT,
    title TEXT, source TEXT, date TEXT, words INTEGER, topics TEXT, warnings TEXT, doc BLOB, language TEXT,
    story TEXT);
-- Articles whose story (story_hash) an earlier one in the list already tells: `kept` is that one.
-- Timelines, trails and briefs leave them out (and say how many); the same-topic panel lists each once with its outlets.
CREATE TABLE IF NOT EXISTS duplicates (id TEXT PRIMARY KEY, kept TEXT) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS passages (
    article_id TEXT, idx INTEGER, date TEXT, day REAL, topic TEXT, score REAL, snippet TEXT);
-- Covers the related-passages and trail queries: no table row is read for them.
CREATE INDEX IF NOT EXISTS passages_topic ON passages (topic, article_id, idx, score, day, date);
CREATE INDEX IF NOT EXISTS passages_article ON passages (article_id, idx);
CREATE TABLE IF NOT EXISTS mentions (canonical TEXT, type TEXT, article_id TEXT, count INTEGER, first INTEGER);
CREATE INDEX IF NOT EXISTS mentions_canonical ON mentions (canonical);
CREATE INDEX IF NOT EXISTS mentions_article ON mentions (article_id);
-- Timelines: per subject ("topic:<id>" or "entity:<canonical>") and article, its passages
-- (count, and their indexes as "3,7,12"); date '' when unknown. In subject and date order,
-- so a month count reads one subject's rows (one per article), not one per passage.
CREATE TABLE IF NOT EXISTS timeline (subject TEXT NOT NULL, date TEXT NOT NULL, article_id TEXT NOT NULL,
    passages INTEGER, idx TEXT, PRIMARY KEY (subject, date, article_id)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS timeline_article ON timeline (article_id);
-- `folded`: the paragraph with Persian letters, digits and half-spaces written one
-- way (searchtext.fold), or '' when that changes nothing; queries match either column.
CREATE VIRTUAL TABLE IF NOT EXISTS search USING fts5(
    text, article_id UNINDEXED, idx UNINDEXED, folded, tokenize = 'unicode61 remove_diacritics 2');
"""


@dataclass(frozen=True)
class Entry:
    """What the sidebar and `list` need of an article, without its text."""

    id: str
    path: str
    title: str
    source: str | None
    date: str | None
    words: int
    topics: tuple[str, ...]
    warnings: tuple[str, ...]
    language: str | None = None


@dataclass(frozen=True)
class Stamp:
    size: int
    mtime_ns: int


def fingerprint(*files: Path) -> str:
    """Changes whenever any of `files` or the program changes: then the index is rebuilt."""
    digest = hashlib.blake2b(f"{__version__}/{SCHEMA}".encode(), digest_size=16)
    for file in files:
        digest.update(str(file).encode())
        try:
            digest.update(file.read_bytes())
        except OSError:
            digest.update(b"-")
    return digest.hexdigest()


def content_hash(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def story_hash(doc: Document) -> str | None:
    """What makes two articles one story: the words of their clean paragraphs, case,
    punctuation and spacing aside (so the same text under two file names, in another
    encoding or line ending, or with other page furniture around it, is one story),
    paragraph by paragraph (so their passages line up). None for an article with no words."""
    paragraphs = [" ".join(_WORDS.findall(p.text.casefold())) for p in doc.clean.paragraphs]
    if not any(paragraphs):
        return None
    return hashlib.blake2b("\n".join(paragraphs).encode(), digest_size=16).hexdigest()


class CorpusIndex:
    """One sqlite database of analysed articles; safe to open from several processes."""

    def __init__(self, location: Path, version: str):
        self.location = location
        location.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(str(location), timeout=30, check_same_thread=False)
        self.db.execute("PRAGMA journal_mode = WAL")
        self.db.execute("PRAGMA synchronous = NORMAL")
        self.db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
        current = self.db.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
        if current is None or current[0] != version:
            # Another program version or config: start afresh. Dropped, not emptied: an
            # older schema's tables may lack columns this version writes.
            with self.db:
                for table in ("articles", "passages", "mentions", "search", "timeline", "duplicates"):
                    self.db.execute(f"DROP TABLE IF EXISTS {table}")
                self.db.execute("INSERT OR REPLACE INTO meta VALUES ('version', ?)", (version,))
        self.db.executescript(_TABLES)

    def close(self) -> None:
        self.db.close()

    def interrupt(self) -> None:
        """Abort the query running on this connection (from any thread); it raises
        sqlite3.OperationalError there."""
        self.db.interrupt()

    # --- what is stored ----------------------------------------------------------

    def stamps(self) -> dict[str, tuple[str, Stamp, str]]:
        """path -> (article id, size/mtime, content hash) of every stored article."""
        rows = self.db.execute("SELECT path, id, size, mtime_ns, hash FROM articles")
        return {path: (aid, Stamp(size, mtime), digest) for path, aid, size, mtime, digest in rows}

    def restamp(self, path: str, stamp: Stamp) -> None:
        with self.db:
            self.db.execute("UPDATE articles SET size = ?, mtime_ns = ? WHERE path = ?", (stamp.size, stamp.mtime_ns, path))

    def forget(self, article_ids: Iterable[str]) -> None:
        """Remove articles and everything derived from them."""
        found = [self.db.execute("SELECT rowid, id FROM articles WHERE id = ?", (i,)).fetchone() for i in article_ids]
        found = [row for row in found if row is not None]
        if not found:
            return
        with self.db:
            for rowid, aid in found:
                self.db.execute("DELETE FROM passages WHERE article_id = ?", (aid,))
                self.db.execute("DELETE FROM mentions WHERE article_id = ?", (aid,))
                self.db.execute("DELETE FROM timeline WHERE article_id = ?", (aid,))
                # Search rows are keyed by the article's rowid: a range delete, not a table scan.
                self.db.execute("DELETE FROM search WHERE rowid BETWEEN ? AND ?",
                                (rowid * _PER_ARTICLE, rowid * _PER_ARTICLE + _PER_ARTICLE - 1))
                self.db.execute("DELETE FROM articles WHERE rowid = ?", (rowid,))

    def store(self, docs: Sequence[tuple[Document, Stamp, str]]) -> None:
        """Write analysed documents (replacing earlier versions) in one transaction."""
        self.forget(doc.id for doc, _, _ in docs)
        with self.db:
            for doc, stamp, digest in docs:
                meta = doc.meta
                cursor = self.db.execute(
                    "INSERT INTO articles (id, path, size, mtime_ns, hash, title, source, date, words, topics, warnings, doc, "
                    "language, story) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (doc.id, str(doc.raw.path), stamp.size, stamp.mtime_ns, digest, meta.title, meta.source, meta.date,
                     doc.clean.word_count, json.dumps(doc.topics), json.dumps(doc.warnings),
                     zlib.compress(json.dumps(_document_dict(doc), ensure_ascii=False).encode(), 3), meta.language,
                     story_hash(doc)))
                base = cursor.lastrowid * _PER_ARTICLE
                self.db.executemany("INSERT INTO passages VALUES (?, ?, ?, julianday(?), ?, ?, ?)", [
                    (doc.id, i, meta.date, meta.date, hit.topic, hit.score, snippet(doc.clean.paragraphs[i].text))
                    for i, hits in enumerate(doc.passage_topics) for hit in hits])
                counts: dict[tuple[str, str], list[int]] = {}
                for i, mentions in enumerate(doc.mentions):
                    for m in mentions:
                        if m.type in ("MONEY", "PERCENT", "DATE"):
                            continue
                        entry = counts.setdefault((m.canonical, m.type), [0, i])
                        entry[0] += 1
                self.db.executemany("INSERT INTO mentions VALUES (?, ?, ?, ?, ?)",
                                    [(name, kind, doc.id, c, first) for (name, kind), (c, first) in counts.items()])
                self.db.executemany("INSERT INTO timeline VALUES (?, ?, ?, ?, ?)",
                                    [(subject, meta.date or "", doc.id, len(found), ",".join(map(str, found)))
                                     for subject, found in _subjects(doc).items()])
                self.db.executemany("INSERT INTO search (rowid, text, article_id, idx, folded) VALUES (?, ?, ?, ?, ?)",
                                    [(base + p.index, p.text, doc.id, p.index, indexed(p.text))
                                     for p in doc.clean.paragraphs if p.index < _PER_ARTICLE - 1])
                if meta.origins.get("title") != "derived":  # a derived title is the lead's words
                    self.db.execute("INSERT INTO search (rowid, text, article_id, idx, folded) VALUES (?, ?, ?, ?, ?)",
                                    (base + _PER_ARTICLE - 1, meta.title, doc.id, HEADLINE, indexed(meta.title)))
        self.mark_duplicates()

    def mark_duplicates(self) -> None:
        """Note which articles retell an earlier one's story (same story_hash): the
        first in the article list's order (date, title, id) is kept. Run after every
        store (and by Library.refresh after files went): 10,000 articles take a few ms."""
        with self.db:
            self.db.execute("DELETE FROM duplicates")
            self.db.execute(
                "INSERT INTO duplicates SELECT id, kept FROM (SELECT id, first_value(id) OVER (PARTITION BY story "
                "ORDER BY date IS NULL, date, lower(title), id) AS kept FROM articles WHERE story IS NOT NULL) "
                "WHERE id != kept")

    def duplicates(self) -> dict[str, str]:
        """Article id -> the id of the article kept for its story, for every duplicate."""
        return dict(self.db.execute("SELECT id, kept FROM duplicates"))

    # --- the model's second pass ----------------------------------------------------

    def model_pending(self) -> list[str]:
        """Articles indexed without the statistical recogniser (the reader's first paint
        does not wait for it): the indexer's background pass adds its names."""
        row = self.db.execute("SELECT value FROM meta WHERE key = 'model_pending'").fetchone()
        return json.loads(row[0]) if row else []

    def set_model_pending(self, article_ids: Sequence[str]) -> None:
        with self.db:
            self.db.execute("INSERT OR REPLACE INTO meta VALUES ('model_pending', ?)", (json.dumps(list(article_ids)),))

    # --- queries -------------------------------------------------------------------

    def entries(self) -> list[Entry]:
        rows = self.db.execute("SELECT id, path, title, source, date, words, topics, warnings, language FROM articles "
                               "ORDER BY date IS NULL, date, lower(title), id")
        return [Entry(aid, path, title, source, when, words, tuple(json.loads(topics)), tuple(json.loads(warnings)), lang)
                for aid, path, title, source, when, words, topics, warnings, lang in rows]

    def document(self, article_id: str) -> Document | None:
        row = self.db.execute("SELECT doc FROM articles WHERE id = ?", (article_id,)).fetchone()
        return None if row is None else _document_from(json.loads(zlib.decompress(row[0])))

    def related(self, article_id: str, topics: Sequence[str], date: str | None, limit: int) -> list[tuple]:
        """(article id, passage, date, title, snippet, shared topics, strength), best first.
        Duplicate articles stay: the panel lists a wire text once with every outlet that ran it."""
        marks = ",".join("?" * len(topics))
        # Rank from the covering index alone; titles and snippets only for the `limit` kept.
        order = "{0}n DESC, {0}strength DESC, coalesce(abs({0}day - julianday(?)), 1e9), {0}date, {0}article_id, {0}idx"
        query = f"""
            WITH best AS (
                SELECT article_id, idx, day, date, group_concat(topic) AS shared, count(*) AS n, sum(score) AS strength
                FROM passages WHERE topic IN ({marks}) AND article_id != ?
                GROUP BY article_id, idx ORDER BY {order.format('')} LIMIT ?)
            SELECT b.article_id, b.idx, b.date, a.title,
                   (SELECT p.snippet FROM passages p WHERE p.article_id = b.article_id AND p.idx = b.idx LIMIT 1),
                   b.shared, b.strength
            FROM best b JOIN articles a ON a.id = b.article_id ORDER BY {order.format('b.')}"""
        return [(aid, idx, when, title, snippet, tuple(shared.split(",")), strength)
                for aid, idx, when, title, snippet, shared, strength
                in self.db.execute(query, (*topics, article_id, date, limit, date))]

    def trail(self, topic: str) -> list[tuple[str, int, str]]:
        """(article id, passage, snippet) of every passage on `topic` outside duplicate articles, unordered (the
        library orders them as its article list: a join and sort here cost 4x more)."""
        return self.db.execute("SELECT article_id, idx, snippet FROM passages WHERE topic = ? "
                               "AND article_id NOT IN (SELECT id FROM duplicates)", (topic,)).fetchall()

    def search(self, query: str, limit: int) -> list[tuple[str, int, str]]:
        """(article id, passage, excerpt) of the passages and headlines (passage HEADLINE) holding every word of `query`
        (as word prefixes; Persian folded, Russian stemmed: searchtext.match_expression),
        most relevant first (FTS5's bm25: rare words, short passages), ties in date
        order. The excerpt is `excerpt(text, query)`."""
        expression = match_expression(query)
        if expression is None:
            return []
        rows = self.db.execute(
            "SELECT s.article_id, s.idx, s.text FROM search s JOIN articles a ON a.id = s.article_id "
            "WHERE search MATCH ? ORDER BY bm25(search), a.date IS NULL, a.date, a.id, s.idx LIMIT ?",
            (expression, limit))
        return [(aid, int(idx), excerpt(text, query)) for aid, idx, text in rows]

    def entity_articles(self, canonical: str) -> list[tuple[str, int, int]]:
        """(article id, mentions, first passage) of every article that mentions `canonical`."""
        return list(self.db.execute(
            "SELECT m.article_id, m.count, m.first FROM mentions m JOIN articles a ON a.id = m.article_id "
            "WHERE m.canonical = ? ORDER BY a.date IS NULL, a.date, a.id", (canonical,)))

    def entity_counts(self) -> list[tuple[str, str, str, int]]:
        """(canonical, type, article id, mentions) for every entity and article."""
        return list(self.db.execute("SELECT canonical, type, article_id, count FROM mentions"))

    def topics(self) -> set[str]:
        """The topics at least one passage is on (read from the covering index)."""
        return {topic for (topic,) in self.db.execute("SELECT DISTINCT topic FROM passages")}

    def entities(self) -> list[tuple[str, str]]:
        return list(self.db.execute("SELECT DISTINCT canonical, type FROM mentions ORDER BY canonical"))

    # --- timelines (SPEC §12) --------------------------------------------------------

    def subject_months(self, subject: str) -> list[tuple[str, int]]:
        """(month "YYYY-MM", or "" for undated articles, passages) of `subject`
        ("topic:<id>" or "entity:<canonical>"), duplicate articles left out, unordered: one row read per article."""
        return self.db.execute("SELECT substr(date, 1, 7), sum(passages) FROM timeline WHERE subject = ? "
                               "AND article_id NOT IN (SELECT id FROM duplicates) GROUP BY 1", (subject,)).fetchall()

    def subject_duplicates(self, subject: str, start: str | None = None, end: str | None = None) -> int:
        """Passages of `subject` in duplicate articles (left out of its timeline, trail and
        brief), dated within [start, end] when given (as export.within: YYYY[-MM[-DD]] bounds)."""
        where, args = "", [subject]
        if start or end:
            where += " AND t.date != ''"
        if start:
            where, args = where + " AND t.date >= ?", [*args, start]
        if end:
            where, args = where + " AND substr(t.date, 1, ?) <= ?", [*args, len(end), end]
        # From the (few) duplicates through the timeline's article index: no scan of the subject's rows.
        return self.db.execute("SELECT coalesce(sum(t.passages), 0) FROM duplicates d JOIN timeline t "
                               f"ON t.article_id = d.id WHERE t.subject = ?{where}", args).fetchone()[0]

    def subject_passages(self, subject: str, month: str | None = None) -> list[tuple[str, int, str]]:
        """(article id, passage, passage text) of `subject` in `month` ("YYYY-MM"; "" the
        undated articles; None every month), duplicate articles left out, unordered."""
        where, args = "", ()
        if month == "":
            where = " AND t.date = ''"
        elif month is not None:
            where, args = " AND t.date >= ? AND t.date < ?", (month, month + "~")
        rows = self.db.execute("SELECT t.article_id, a.rowid, t.idx FROM timeline t JOIN articles a ON a.id = t.article_id "
                               f"WHERE t.subject = ?{where} AND t.article_id NOT IN (SELECT id FROM duplicates)",
                               (subject, *args)).fetchall()
        found = []
        for article_id, rowid, indexes in rows:
            for index in map(int, indexes.split(",")):
                text = self.db.execute("SELECT text FROM search WHERE rowid = ?", (rowid * _PER_ARTICLE + index,)).fetchone()
                found.append((article_id, index, text[0] if text else ""))
        return found


def _subjects(doc: Document) -> dict[str, list[int]]:
    """"topic:<id>" / "entity:<canonical>" -> the passages of `doc` on it, in order;
    pattern types (money, percent, dates) are not entities here."""
    found: dict[str, list[int]] = {}
    for i, hits in enumerate(doc.passage_topics):
        for hit in hits:
            found.setdefault(f"topic:{hit.topic}", []).append(i)
    for i, mentions in enumerate(doc.mentions):
        for name in dict.fromkeys(m.canonical for m in mentions if m.type not in ("MONEY", "PERCENT", "DATE")):
            found.setdefault(f"entity:{name}", []).append(i)
    return found


def excerpt(text: str, query: str, width: int = 100, before: int = 30) -> str:
    """At most `width` characters of `text` (whitespace runs made one space) around
    the first word starting with a word of `query` (case-insensitive), which begins
    at most `before` characters in; a cut at either end is marked with "…".
    Without a match (FTS5 also matches without diacritics) it is the start of `text`."""
    text = " ".join(text.split())
    pattern = match_pattern(query)  # what the index matched: Persian folded, Russian stems
    found = pattern.search(text) if pattern else None
    first = found.start() if found else 0
    space = text.find(" ", first - before, first) if first > before else -1
    start = 0 if first <= before else space + 1 if space >= 0 else first
    if not start:
        return snippet(text, width)
    return "…" + snippet(text[start:], width - 1)


# --- Document <-> JSON -------------------------------------------------------------

def _document_dict(doc: Document) -> dict:
    raw, meta = doc.raw, doc.meta
    return {
        # The raw text is not stored: the raw view reads the file when asked (Library.raw_text).
        "raw": {"id": raw.id, "path": str(raw.path), "encoding": raw.encoding, "warnings": list(raw.warnings)},
        "meta": [meta.title, meta.source, meta.date, meta.dateline, meta.url, meta.language, meta.provenance],
        "paragraphs": [[p.kind, p.text, p.line, p.urls] for p in doc.clean.paragraphs],
        "dropped": [[d.line, d.text, d.reason] for d in doc.clean.dropped],
        "mentions": [[[m.start, m.end, m.type, m.canonical, m.source] for m in ms] for ms in doc.mentions],
        "topics": [[[h.topic, h.score, list(h.evidence)] for h in hits] for hits in doc.passage_topics],
        "warnings": list(doc.warnings),
    }


def _document_from(data: dict) -> Document:
    r = data["raw"]
    raw = RawArticle(r["id"], Path(r["path"]), "", r["encoding"], tuple(r["warnings"]))
    paragraphs = tuple(Paragraph(i, kind, text, line, tuple(map(tuple, urls)))
                       for i, (kind, text, line, urls) in enumerate(data["paragraphs"]))
    *fields, language, provenance = data["meta"]
    meta = Metadata(*fields, language=language, provenance=tuple(map(tuple, provenance)))
    clean = CleanText(meta, paragraphs, tuple(Dropped(*d) for d in data["dropped"]))
    mentions = tuple(tuple(Mention(s, e, paragraphs[i].text[s:e], kind, name, *source) for s, e, kind, name, *source in ms)
                     for i, ms in enumerate(data["mentions"]))
    topics = tuple(tuple(TopicHit(t, score, tuple(ev)) for t, score, ev in hits) for hits in data["topics"])
    return Document(raw, clean, mentions, topics, tuple(data["warnings"]))
