"""Topic map: passages get topics on evidence; passages link across articles.

A topic has weighted signals: phrases (case-insensitive literal words, a
trailing `*` allows word endings: `sanction*`) and entity names (canonical
names from the gazetteer). A passage is on a topic when the weights of the
distinct signals it contains reach the topic's threshold and, where the topic
says so, one of its `requires` signals is present too. An article is only
considered when it belongs to the field at all (`field:` entities), so a
football report from Astana gets no topics.

Other languages' signals live beside the map, one file per language
(topics.ru.yaml, topics.fa.yaml: `load_topic_map` merges them by topic id), so
each language's words are kept and reviewed together and the English map stays
as it is. Russian signals are declined when the file is parsed (annotate.inflect)
and Persian ones matched in normalised spelling (annotate.normalize).
"""

from __future__ import annotations

import re
from dataclasses import replace
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import NamedTuple

import ahocorasick_rs

from ..cache import load_parsed
from .gazetteer import fold
from .inflect import has_cyrillic, russian_forms
from .normalize import normalize, spelling_variants
from ..models import Document, Mention, TopicHit
from ..yamlfile import ConfigError, YamlDoc, unknown_keys

DEFAULT_THRESHOLD = 3.0
_TOPIC_KEYS = ("label", "description", "signals", "entities", "threshold", "requires", "related")
_FOLD_PAIRS = (("’", "'"), ("‘", "'"), ("‑", "-"), ("‐", "-"), ("–", "-"))


@dataclass(frozen=True)
class Topic:
    id: str
    label: str
    description: str
    phrases: tuple[tuple[str, float], ...]
    entities: tuple[tuple[str, float], ...]
    threshold: float = DEFAULT_THRESHOLD
    requires: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    # Other spellings of phrases (Russian case forms, Persian without half-spaces):
    # (form, the phrase it stands for), matched with that phrase's weight.
    phrase_forms: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class TopicMap:
    topics: tuple[Topic, ...]
    field_entities: frozenset[str]
    field_min_mentions: int
    path: Path | None = None
    warnings: tuple[str, ...] = ()

    @cached_property
    def by_id(self) -> dict[str, Topic]:
        return {t.id: t for t in self.topics}

    def get(self, topic_id: str) -> Topic | None:
        return self.by_id.get(topic_id)

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(t.id for t in self.topics)


def load_topic_map(path: Path, use_cache: bool = True) -> TopicMap:
    """The topic map at `path` with its language companions (`topic_companions`) merged in."""
    topic_map = load_parsed(path, parse_topic_map, use_cache)
    additions = [load_parsed(companion, parse_topic_additions, use_cache) for companion in topic_companions(path)]
    return merge_topic_additions(topic_map, additions) if additions else topic_map


def topic_companions(path: Path) -> list[Path]:
    """The per-language files beside a topic map: topics.yaml -> topics.ru.yaml,
    topics.fa.yaml… (a two- or three-letter ISO 639 code between name and suffix)."""
    pattern = re.compile(rf"{re.escape(path.stem)}\.[a-z]{{2,3}}{re.escape(path.suffix)}")
    try:
        return sorted(p for p in path.parent.iterdir() if pattern.fullmatch(p.name))
    except OSError:
        return []


@dataclass(frozen=True)
class TopicAdditions:
    """One language's signals for topics of the main map, by topic id."""

    topics: tuple[Topic, ...]
    path: Path | None = None
    warnings: tuple[str, ...] = ()


def parse_topic_additions(doc: YamlDoc) -> TopicAdditions:
    """`topics:` id -> signals, entities, requires (weights as in the main map)."""
    data = doc.data
    if not isinstance(data, dict) or not isinstance(data.get("topics"), dict):
        raise doc.error((), "expected a mapping with 'topics:' (id -> signals, entities, requires)")
    warnings = unknown_keys(doc, data, ["topics"])
    topics = []
    for topic_id, spec in data["topics"].items():
        where = ["topics", topic_id]
        if not isinstance(spec, dict):
            raise doc.error(where, f"topic '{topic_id}' must be a mapping (signals, entities, requires)")
        warnings += unknown_keys(doc, spec, ("signals", "entities", "requires"), "topics", str(topic_id))
        phrases = _weights(doc, spec, "signals", where)
        entities = _weights(doc, spec, "entities", where)
        requires = _strings(doc, spec, "requires", where)
        known = {p for p, _ in phrases} | {e for e, _ in entities}
        for required in requires:
            if required not in known:
                raise doc.error([*where, "requires"], f"'{required}' in requires is not one of this file's signals or entities for '{topic_id}'")
        topics.append(Topic(id=str(topic_id), label=str(topic_id), description="", phrases=phrases, entities=entities,
                            requires=requires, phrase_forms=_phrase_forms(phrases)))
    return TopicAdditions(tuple(topics), doc.path, tuple(warnings))


def _phrase_forms(phrases: tuple[tuple[str, float], ...]) -> tuple[tuple[str, str], ...]:
    """Russian phrases without a `*` in every case and number; Persian phrases
    written with half-spaces also without them."""
    forms: dict[str, str] = {}
    for phrase, _ in phrases:
        if has_cyrillic(phrase) and not phrase.endswith("*"):
            for form in russian_forms(phrase, plural=True):
                forms.setdefault(form, phrase)
        for spelling in spelling_variants(phrase):
            forms.setdefault(spelling, phrase)
    return tuple(forms.items())


def merge_topic_additions(topic_map: TopicMap, additions: Sequence[TopicAdditions]) -> TopicMap:
    """`topic_map` with each language's signals added to the topics of the same id.

    A topic's `requires` grows only where the main map has one: a topic that needs
    no particular signal in English needs none in another language either. An id
    the main map lacks is reported and skipped.
    """
    merged = {topic.id: topic for topic in topic_map.topics}
    warnings = list(topic_map.warnings)
    for addition in additions:
        warnings += addition.warnings
        for extra in addition.topics:
            topic = merged.get(extra.id)
            if topic is None:
                warnings.append(f"{addition.path}: topic '{extra.id}' is not in {topic_map.path}; its signals are skipped")
                continue
            merged[extra.id] = replace(
                topic, phrases=topic.phrases + extra.phrases, entities=topic.entities + extra.entities,
                requires=topic.requires + extra.requires if topic.requires else (),
                phrase_forms=topic.phrase_forms + extra.phrase_forms)
    return replace(topic_map, topics=tuple(merged.values()), warnings=tuple(warnings))


def parse_topic_map(doc: YamlDoc) -> TopicMap:
    data = doc.data
    if not isinstance(data, dict) or not isinstance(data.get("topics"), dict):
        raise doc.error((), "expected a mapping with 'topics:' (id -> label, signals, …)")
    warnings = unknown_keys(doc, data, ["field", "topics"])
    field = data.get("field") or {}
    if not isinstance(field, dict) or not isinstance(field.get("entities", []), list):
        raise doc.error(["field"], "'field' must have 'entities' (a list of canonical names) and 'min_mentions'")
    min_mentions = field.get("min_mentions", 1)
    if not isinstance(min_mentions, int) or min_mentions < 0:
        raise doc.error(["field", "min_mentions"], "'min_mentions' must be a whole number")
    topics = []
    for topic_id, spec in data["topics"].items():
        where = ["topics", topic_id]
        if not isinstance(spec, dict):
            raise doc.error(where, f"topic '{topic_id}' must be a mapping (label, description, signals…)")
        if not re.fullmatch(r"[a-z][a-z0-9_]*", str(topic_id)):
            raise doc.error(where, f"topic id '{topic_id}' must be lower_snake_case")
        warnings += unknown_keys(doc, spec, _TOPIC_KEYS, "topics", str(topic_id))
        phrases = _weights(doc, spec, "signals", where)
        entities = _weights(doc, spec, "entities", where)
        if not phrases and not entities:
            raise doc.error(where, f"topic '{topic_id}' needs 'signals' or 'entities' to ever match")
        threshold = spec.get("threshold", DEFAULT_THRESHOLD)
        if not isinstance(threshold, (int, float)) or threshold <= 0:
            raise doc.error([*where, "threshold"], "'threshold' must be a positive number")
        requires = _strings(doc, spec, "requires", where)
        known = {p for p, _ in phrases} | {e for e, _ in entities}
        for required in requires:
            if required not in known:
                raise doc.error([*where, "requires"], f"'{required}' in requires is not one of this topic's signals or entities")
        topics.append(Topic(
            id=str(topic_id), label=str(spec.get("label") or topic_id), description=str(spec.get("description") or ""),
            phrases=phrases, entities=entities, threshold=float(threshold), requires=requires,
            related=_strings(doc, spec, "related", where),
        ))
    ids = {t.id for t in topics}
    for topic in topics:
        for other in topic.related:
            if other not in ids:
                line, column = doc.where("topics", topic.id, "related")
                warnings.append(str(ConfigError(doc.path, line, column, f"topic '{topic.id}' is related to unknown topic '{other}'")))
    return TopicMap(tuple(topics), frozenset(field.get("entities", [])), min_mentions, doc.path, tuple(warnings))


def _weights(doc: YamlDoc, spec: dict, key: str, where: list) -> tuple[tuple[str, float], ...]:
    value = spec.get(key) or {}
    if not isinstance(value, dict):
        raise doc.error([*where, key], f"'{key}' must map a phrase or entity name to a weight, e.g. 'nuclear deal: 3'")
    result = []
    for name, weight in value.items():
        if not isinstance(weight, (int, float)) or isinstance(weight, bool) or weight <= 0:
            raise doc.error([*where, key, name], f"weight of '{name}' must be a positive number")
        text = str(name).strip()
        if len(text.rstrip("*")) < 2:
            raise doc.error([*where, key, name], f"signal '{name}' is too short to be evidence")
        result.append((text, float(weight)))
    return tuple(result)


def _strings(doc: YamlDoc, spec: dict, key: str, where: list) -> tuple[str, ...]:
    value = spec.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise doc.error([*where, key], f"'{key}' must be a list of names")
    return tuple(value)


class TopicMatcher:
    """Scores passages against every topic in one automaton pass per passage."""

    def __init__(self, topic_map: TopicMap):
        self.topic_map = topic_map
        self._phrases: list[tuple[str, bool]] = []  # (folded phrase, is prefix)
        index: dict[str, int] = {}
        self._phrase_topics: dict[int, list[tuple[Topic, str, float]]] = {}
        for topic in topic_map.topics:
            weights = dict(topic.phrases)
            spellings = [(phrase, phrase, weight) for phrase, weight in topic.phrases]
            spellings += [(form, phrase, weights[phrase]) for form, phrase in topic.phrase_forms]
            for written, phrase, weight in spellings:
                prefix = written.endswith("*")
                key = normalize(fold(written.rstrip("*").lower(), _FOLD_PAIRS))
                slot = index.setdefault(f"{key}{'*' if prefix else ''}", len(self._phrases))
                if slot == len(self._phrases):
                    self._phrases.append((key, prefix))
                self._phrase_topics.setdefault(slot, []).append((topic, phrase, weight))
        self._automaton = (
            ahocorasick_rs.AhoCorasick([p for p, _ in self._phrases], matchkind=ahocorasick_rs.MATCHKIND_STANDARD)
            if self._phrases else None
        )
        # Per topic map, not per passage: lookups the scoring loop would otherwise rebuild.
        self._topics = topic_map.by_id
        self._order = {t.id: i for i, t in enumerate(topic_map.topics)}
        self._keys = {name: name.lower().rstrip("*") for t in topic_map.topics for name, _ in (*t.phrases, *t.entities)}
        self._required = {t.id: frozenset(r.lower().rstrip("*") for r in t.requires) for t in topic_map.topics}
        self._entity_signals: dict[str, list[tuple[str, str, float]]] = {}
        for topic in topic_map.topics:
            for name, weight in topic.entities:
                self._entity_signals.setdefault(name, []).append((topic.id, name, weight))

    def in_field(self, mentions: Iterable[Iterable[Mention]]) -> bool:
        wanted = self.topic_map.field_entities
        if not wanted:
            return True
        count = sum(1 for paragraph in mentions for m in paragraph if m.canonical in wanted)
        return count >= self.topic_map.field_min_mentions

    def passage_topics(self, text: str, mentions: Sequence[Mention]) -> tuple[TopicHit, ...]:
        # Keyed case-insensitively: "Afghan" the word and Afghan the entity are one piece of evidence.
        found: dict[str, dict[str, float]] = {}  # topic id -> signal key -> weight
        evidence = [(topic.id, signal, weight) for topic, signal, weight in self._phrase_hits(text)]
        for canonical in {m.canonical for m in mentions}:
            evidence += self._entity_signals.get(canonical, ())
        for topic_id, signal, weight in evidence:
            signals = found.setdefault(topic_id, {})
            key = self._keys[signal]
            signals[key] = max(weight, signals.get(key, 0.0))
        hits = []
        for topic_id, signals in found.items():
            topic, required = self._topics[topic_id], self._required[topic_id]
            score = sum(signals.values())
            if score >= topic.threshold and (not required or not required.isdisjoint(signals)):
                hits.append(TopicHit(topic_id, score, tuple(signals)))
        hits.sort(key=lambda h: (-h.score, self._order[h.topic]))
        return tuple(hits)

    def _phrase_hits(self, text: str):
        if self._automaton is None:
            return
        folded = normalize(fold(text.lower(), _FOLD_PAIRS))
        length = len(folded)
        for slot, start, stop in self._automaton.find_matches_as_indexes(folded, overlapping=True):
            phrase, prefix = self._phrases[slot]
            if start > 0 and folded[start - 1].isalnum():
                continue
            if not prefix and stop < length and folded[stop].isalnum():
                continue
            yield from self._phrase_topics[slot]

    def unused_signals(self, corpus: Iterable[Document]) -> list[tuple[str, str]]:
        """(topic id, signal) pairs that no passage of `corpus` contains, for `check`."""
        used: set[tuple[str, str]] = set()
        for doc in corpus:
            for paragraph, mentions in zip(doc.clean.paragraphs, doc.mentions, strict=True):
                used.update((topic.id, signal) for topic, signal, _ in self._phrase_hits(paragraph.text))
                canonicals = {m.canonical for m in mentions}
                used.update((t.id, name) for t in self.topic_map.topics for name, _ in t.entities if name in canonicals)
        return [(t.id, s) for t in self.topic_map.topics for s, _ in (*t.phrases, *t.entities) if (t.id, s) not in used]


# --- links across the corpus --------------------------------------------------

class Passage(NamedTuple):
    """A reference to one paragraph of one article, for trails and links.

    A NamedTuple, not a frozen dataclass: a trail on 10,000 articles holds
    tens of thousands, and a tuple is several times cheaper to build.
    """

    article_id: str
    index: int
    date: str | None
    title: str
    snippet: str


@dataclass(frozen=True)
class Related:
    passage: Passage
    shared: tuple[str, ...]
    score: float


def snippet(text: str, width: int = 100) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rsplit(" ", 1)[0] + "…"


def trail_step(passages: Sequence[Passage], ranks: dict[str, int], article_id: str, index: int,
               step: int) -> Passage | None:
    """The passage after (step=1) or before (step=-1) a position, along a trail.

    `passages` are in the order `ranks` gives their articles (date order),
    then by passage; the position need not be on the trail itself (a jump
    from an off-topic passage lands on the nearest trail passage in that
    direction). A binary search: a trail on 10,000 articles is long.
    """
    here = (ranks.get(article_id, -1), index)

    def key(passage: Passage) -> tuple[int, int]:
        return ranks.get(passage.article_id, -1), passage.index

    if step > 0:
        after = bisect_right(passages, here, key=key)
        return passages[after] if after < len(passages) else None
    before = bisect_left(passages, here, key=key)
    return passages[before - 1] if before else None
