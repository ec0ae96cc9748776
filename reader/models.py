"""Small frozen dataclasses shared by the core, the CLI and the TUI.

They carry no behaviour beyond trivial properties, so every layer can build
and compare them without importing any other layer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple


@dataclass(frozen=True)
class RawArticle:
    """A decoded file, before cleaning. `text` is already sanitised."""

    id: str
    path: Path
    text: str
    encoding: str
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Skipped:
    """A file that could not be read as an article, and why."""

    path: Path
    reason: str


@dataclass(frozen=True)
class Dropped:
    """A raw line (1-based) removed from the clean view, with the rule that removed it."""

    line: int
    text: str
    reason: str


@dataclass(frozen=True)
class Paragraph:
    """One passage of the clean view; `line` is the raw line it starts on."""

    index: int
    kind: str  # "body" | "subheading" | "quote"
    text: str
    line: int
    urls: tuple[tuple[int, int], ...] = ()  # web addresses (character offsets): never annotated


#: What the reader shows for an article whose source is not known: the article's
#: header, its row in the list and a citation (`Metadata.cited`) say it alike.
UNKNOWN_SOURCE = "unknown source"


@dataclass(frozen=True)
class Metadata:
    title: str
    source: str | None = None
    date: str | None = None  # ISO YYYY-MM-DD
    dateline: str | None = None
    url: str | None = None
    language: str | None = None  # ISO 639-1, detected
    # Where each field came from: (field, "text" | "html" | "config" | "file name" | "derived").
    provenance: tuple[tuple[str, str], ...] = ()

    @property
    def origins(self) -> dict[str, str]:
        return dict(self.provenance)

    @property
    def cited(self) -> tuple[str, str, str]:
        """Title, source and date as a citation gives them (a brief's, `y`'s), each
        said when the article does not state it: "untitled", `UNKNOWN_SOURCE`, "undated"."""
        return self.title.strip() or "untitled", self.source or UNKNOWN_SOURCE, self.date or "undated"


@dataclass(frozen=True)
class CleanText:
    """What cleaning makes of a raw text: metadata, passages and what it set aside."""

    meta: Metadata
    paragraphs: tuple[Paragraph, ...]
    dropped: tuple[Dropped, ...]

    @property
    def word_count(self) -> int:
        return sum(len(p.text.split()) for p in self.paragraphs)


class Mention(NamedTuple):
    """An entity mention: character offsets into one paragraph's text.

    Immutable like the dataclasses here, but a NamedTuple: tens of thousands
    are built per megabyte of text, and a tuple is several times cheaper to
    construct than a frozen dataclass.
    """

    start: int
    end: int
    text: str
    type: str
    canonical: str
    # "gazetteer" | "model" | "pattern": what found it; "descriptive": a gazetteer alias that
    # describes the entity, topic evidence only (annotate.gazetteer; never in a Document)
    source: str = "gazetteer"


@dataclass(frozen=True)
class TopicHit:
    """A passage is on `topic` with this score, because of these signals."""

    topic: str
    score: float
    evidence: tuple[str, ...]


@dataclass(frozen=True)
class Document:
    """A fully analysed article: what `show`, `related` and the TUI present."""

    raw: RawArticle
    clean: CleanText
    mentions: tuple[tuple[Mention, ...], ...] = ()  # one tuple per paragraph
    passage_topics: tuple[tuple[TopicHit, ...], ...] = ()  # one tuple per paragraph, strongest first
    warnings: tuple[str, ...] = field(default=())

    @property
    def id(self) -> str:
        return self.raw.id

    @property
    def meta(self) -> Metadata:
        return self.clean.meta

    @property
    def topics(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for hits in self.passage_topics:
            seen.update(dict.fromkeys(hit.topic for hit in hits))
        return tuple(seen)

    def topic_ids(self, index: int) -> tuple[str, ...]:
        return tuple(hit.topic for hit in self.passage_topics[index]) if self.passage_topics else ()
