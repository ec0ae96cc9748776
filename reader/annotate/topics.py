"""Topic map: passages get topics on evidence; passages link across articles.

A topic has weighted signals: phrases (case-insensitive literal words, a
trailing `*` allows word endings: `sanction*`) and entity names (canonical
names from the gazetteer). A passage is on a topic when the weights of the
distinct signals it contains reach the topic's threshold and, where the topic
says so, one of its `requires` signals is present too. An article is only
considered when it belongs to the field at all (`field:` entities), so a
football report from Astana gets no topics.

Evidence is counted the way a reader weighs it (issue 15):

- one stretch of words is one piece of evidence: overlapping signals
  ("uranium enrichment" and "enrich*", the entity Caspian Sea and the word
  "caspian") count once, at the heaviest weight;
- a passing mention counts a third (`PASSING`): a signal inside a series of
  three or more coordinated items ("Afghanistan, Belarus and Mongolia have
  observer status"), inside a background adverbial that opens with a
  subordinator of time or cause ("after … a warrant over the war in
  Ukraine", "since Moscow's invasion of Ukraine") or a consequence only
  foreseen ("a move that could bring the imposition of sanctions") or an
  addition ("in addition to helping Moscow wage war against Ukraine"),
  inside an English participle clause of more than three words after a
  comma ("…, depriving it of funds for its war in Ukraine"), or in a reporting clause's
  speaker ("…, Chinese President Xi Jinping said"); in English also a relative
  clause on the sentence's subject ("Iran, which sought to save the nuclear
  deal…, signed"), the examples after "including" (an item's length), an
  addition after "as well as", a purpose told as a reaction ("to counter the
  sanctions"), a date told by an event ("the anniversary of the invasion"), a threat or
  a possibility ("the threat of UN sanctions", "…, which can impose sanctions", "a resolution
  that could impose sanctions"), an appositive on the subject ("Iran, site of the world's
  second-largest gas reserves, …"), a clause on a place ("…, where they back Assad"), the target of a strike or of
  sanctions ("targets of the Islamic State", "sanctions on Iran's oil sector"), and a
  sentence dated `_HISTORY_YEARS` or more before the article (`_history`), or an agreement named by such a year
  ("Iran signed the 2015 nuclear deal, which…": `_NAMED_BY_YEAR`); in English too a party's
  condition ("both of which are under US sanctions": `_CONDITION`), what a sentence on the standing
  ties adds after them ("have close ties, including in Syria where…": `_STANDING`), what an agenda
  names (`_AGENDA_ITEMS`, `_AGENDA_SUBJECT`), and an opening attribution is not a list item
  ("According to Reuters, Iran and Russia signed…": `_ENGLISH_OPENER`); in Russian
  also a wire story's recap, "Напомним, …", to its paragraph's end (`_RECAP`) and in Russian
  and Persian the constructions of `passing_rufa` (a ", а также …" tail, a «که …» clause on the
  subject, sanctions only threatened or foreseen);
- a word or a name inside the name of an office is not evidence at all ("assistant
  secretary of the Treasury for Terrorism…", "envoy for Afghanistan": `_OFFICE`).
  A theme carried by its own words still adds up: three listed signals of one
  topic make a whole, but asides in different clauses do not add up
  (`_passage_score`).
  Sources: SPEC §6 ("a passing mention in a list … is not a topic"); the
  three constituents are the grammar's own (Quirk et al., *A Comprehensive
  Grammar of the English Language*, 1985: coordination, adverbial
  subordinate clauses, reporting clauses), the ones that enumerate,
  background or attribute rather than assert the news; checked against
  the project's English development set (/work/devset, issue 15);
- a topic may say `one_passage_share`: an article with one passage on it keeps
  it only when that passage weighs enough beside the article's main topic
  (`TopicMatcher.article_hits`; strategic_partnership, the catch-all, and the topics whose
  words often set the scene), unless the headline is on it too;
- with the paragraphs' texts, a field name in a passing mention counts
  `FIELD_PASSING` towards the field (`TopicMatcher.in_field`);
- a topic may say `since: YYYY-MM-DD`: an article dated before it cannot be
  on it (the JCPOA did not exist before 14 July 2015), and `until: YYYY-MM-DD`:
  an article dated after it cannot be (the nuclear dispute of 2003–2015 ended
  with the deal; a 2025 report on snapback that names the Security Council and
  the IAEA is on the deal); undated articles are judged on their words alone.

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
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import NamedTuple

import ahocorasick_rs

from ..cache import load_parsed
from .gazetteer import fold
from .inflect import has_cyrillic, is_finite_verb, is_participle, russian_forms
from .frames_ru import genitive_complement_frames, inserted_adjective_frames, relationship_frames, three_leaders_frames
from .passing_rufa import is_persian_item, language_passing_spans
from .normalize import (needs_normalizing, normalize, normalize_mapped, persian_head_numbers, persian_suffixed,
                        spelling_variants)
from ..models import Document, Mention, TopicHit
from ..yamlfile import ConfigError, YamlDoc, unknown_keys

DEFAULT_THRESHOLD = 3.0
FIELD_PASSING = 2 / 3  # a field name in a passing mention: three listed names weigh two asserted ones
PASSING = 1 / 3  # a passing mention's share of its signal's weight: a decisive 3 becomes context 1
HEADLINE_SHARE = 0.5  # a headline names a theme in few words: half a passage's evidence ("…will include military programmes")
# An English passage on a theme its headline names needs this share of the threshold: one asserted weight-2 signal
# ("…in the Caspian Sea" under "Joint Naval Drills in Caspian Sea"), as the headline's own evidence (at least
# HEADLINE_SHARE) and the passage's add up to a whole; checked on /work/devset7/topicsen8 (issue 15).
HEADLINE_SUPPORT = 2 / 3
_TOPIC_KEYS = ("label", "description", "signals", "entities", "threshold", "requires", "related", "since",
               "until", "undated_requires", "one_passage_share")
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
    since: str | None = None  # ISO date: articles dated before it are not on this topic
    until: str | None = None  # ISO date: articles dated after it are not on this topic
    # Signals of which an undated English passage needs one to be on this topic: a period's own words
    # (`TopicMatcher.passage_topics`); the other languages' files do not extend it.
    undated_requires: tuple[str, ...] = ()
    # Other spellings of phrases (Russian case forms, Persian without half-spaces):
    # (form, the phrase it stands for), matched with that phrase's weight.
    phrase_forms: tuple[tuple[str, str], ...] = ()
    # An article with only one passage on this topic is on it when that passage's score is at least this share of
    # the article's strongest topic's evidence (`TopicMatcher.article_hits`); 0: one passage is always enough.
    one_passage_share: float = 0.0


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
    with their head noun in the other number (`persian_head_numbers`), written
    with half-spaces also without them, and each with its attached
    suffixes written without a half-space ("تحریمهای", "روابط دوجانبهای":
    plural, ezafe, object marker; normalize.PERSIAN_SUFFIXES)."""
    forms: dict[str, str] = {}
    for phrase, _ in phrases:
        if has_cyrillic(phrase) and not phrase.endswith("*"):
            for form in russian_forms(phrase, plural=True):
                forms.setdefault(form, phrase)
        numbers = [] if phrase.endswith("*") else persian_head_numbers(phrase)
        variants = [*spelling_variants(phrase), *numbers, *(v for number in numbers for v in spelling_variants(number))]
        spellings = [] if phrase.endswith("*") else [phrase, *variants]
        for spelling in [*variants, *(s for written in spellings for s in persian_suffixed(written))]:
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
        undated = _strings(doc, spec, "undated_requires", where)
        known = {p for p, _ in phrases} | {e for e, _ in entities}
        for key, names in (("requires", requires), ("undated_requires", undated)):
            for required in names:
                if required not in known:
                    raise doc.error([*where, key], f"'{required}' in {key} is not one of this topic's signals or entities")
        share = spec.get("one_passage_share", 0.0)
        if not isinstance(share, (int, float)) or isinstance(share, bool) or not 0 <= share <= 1:
            raise doc.error([*where, "one_passage_share"], "'one_passage_share' must be a number from 0 to 1")
        since, until = (_date(doc, spec, key, where) for key in ("since", "until"))
        topics.append(Topic(
            id=str(topic_id), label=str(spec.get("label") or topic_id), description=str(spec.get("description") or ""),
            phrases=phrases, entities=entities, threshold=float(threshold), requires=requires,
            related=_strings(doc, spec, "related", where), since=since, until=until, undated_requires=undated,
            one_passage_share=float(share),
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


def _date(doc: YamlDoc, spec: dict, key: str, where: list) -> str | None:
    """`spec[key]` as an ISO date string (YAML may have read it as a date), or None when absent."""
    value = spec.get(key)
    if value is None:
        return None
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(value)):
        raise doc.error([*where, key], f"'{key}' must be a date, YYYY-MM-DD")
    return str(value)


def _strings(doc: YamlDoc, spec: dict, key: str, where: list) -> tuple[str, ...]:
    value = spec.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise doc.error([*where, key], f"'{key}' must be a list of names")
    return tuple(value)


# Passing mentions (see the module docstring). No backtracking pattern: a passage is
# cut once at its punctuation, and the pieces are inspected in one linear pass.
_STRONG = re.compile(r"[;:.!?()\[\]\"“”؛؟]|\s[—–]\s")
_REACH = 300  # characters looked back from a conjunction for its series
_ITEM_WORDS = 6  # a list item is a name (up to six words: "Indian Prime Minister Narendra Modi")…
_NOUN_WORDS = 3  # … or a short noun phrase ("drug trafficking", "oil refineries")
_NOT_ITEM_START = frozenset("according which who whom whose that while as when where if but because although though "
                            "said says told added including to in on at by for with from into after since "
                            "который которая которое которые что как когда где если но в во на по с со из для после "
                            "که در به از با برای تا اما "
                            "گفت می\u200cگوید میگوید افزود".split())  # Persian verbs of saying open a clause too
_NAME_WORD = re.compile(r"(?:[A-ZА-ЯЁ]\S*|of|the|al|bin|da|de|van|von|and)$")
# Background adverbials of time and cause. English closes an opening adverbial with a comma or reaches the
# sentence's end; Russian and Persian press copy often leaves it unpunctuated ("после введения санкций Москва
# прекратила поставки"), so there one counts only when a comma closes it ("…, после снятия санкций, Россия…";
# "پس از امضای توافقنامه، پوتین گفت"): its scope is then known.
_SUBORDINATORS = ("after", "since", "following", "amid", "amidst", "despite", "ahead of", "in the wake of",
                  "in response to", "because of", "due to", "in the face of",
                  # a consequence only foreseen ("…, a move that could lead to the imposition of sanctions")
                  "could lead to", "would lead to", "may lead to", "might lead to", "could bring", "could trigger",
                  "could result in", "would result in", "in addition to",
                  # a threat or a possibility, not the news ("the threat of UN sanctions has not changed its position";
                  # "…referred to the Security Council, which can impose sanctions")
                  "threat of", "prospect of", "could face", "may face", "might face", "would face",
                  "which can", "which could", "which may", "which might", "which would",
                  # a power to punish, not its use ("a third resolution that could impose additional sanctions on
                  # Iran"; "…the Security Council, which has the power to impose sanctions")
                  "could impose", "can impose", "may impose", "might impose", "would impose", "power to impose",
                  "as well as",  # an addition too ("…, as well as issues related to the next summit of the SCO")
                  # a date told by an event ("in a package marking the second anniversary of Russia's invasion of Ukraine")
                  "anniversary of",
                  # examples that enumerate ("cooperation in various fields including energy, industry and transport"):
                  # an item's length only (`_ITEM_WORDS`), as what follows may be the news ("including from Russia in
                  # Vienna to help resurrect the 2015 nuclear deal"; "including cutting Russian banks off from SWIFT")
                  "including",
                  # a purpose told as a reaction ("closer cooperation to counter the foreign sanctions imposed against
                  # their energy exports", "to negate the effect of unilateral western sanctions")
                  "to counter", "to negate", "to offset", "to mitigate", "to cushion", "to blunt")
_PERSIAN_SUBORDINATORS = ("پس از", "بعد از", "در پی", "به دلیل", "به خاطر", "به علت", "با وجود", "در پاسخ به")
_CLOSED_SUBORDINATORS = ("после", "на фоне", "из-за", "в связи с", "несмотря на", "в ответ на", "вследствие",
                         *{form for marker in _PERSIAN_SUBORDINATORS  # also written with a half-space or glued
                           for form in (marker, marker.replace(" ", "\u200c", 1), marker.replace(" ", "", 1))})
_CLOSING_COMMAS = frozenset(",،")
_PERSIAN_LETTER = re.compile("[\u0600-\u06ff]")
_NOT_LATIN = re.compile("[\u0400-\u04ff\u0600-\u06ff]")  # a Cyrillic or an Arabic-script letter
# An English paragraph that ends as a sentence does ("…the semi-official Fars News Agency reported."), unlike the page
# furniture and standfirsts a saved page opens with ("Skip to main content", a byline, "Drill in Caspian Sea comes
# during 3-day visit…", a caption's "(YouTube/rianews)")
_ENDS_AS_SENTENCE = re.compile(r"[.!?][\"'\u201d\u2019]*\s*$")
LEAD_REACH = 4  # furniture before the lead runs to a few lines; past these the article has no clear lead
FURNITURE_WORDS = 25  # a standfirst or a byline is a line; a longer paragraph without a full stop (a caption) is no furniture
_SPEECH = ("said", "says", "told", "added", "noted", "stated", "explained",  # verbs of a reporting clause
           "заявил", "заявила", "сказал", "сказала", "сообщил", "сообщила", "отметил", "отметила", "подчеркнул",
           "подчеркнула", "добавил", "добавила")
_CONJUNCTIONS = ("and", "or", "и", "или", "و", "یا")
_MARKER_LIST = [*_SUBORDINATORS, *_CLOSED_SUBORDINATORS, *_SPEECH, *_CONJUNCTIONS]
_MARKERS = ahocorasick_rs.AhoCorasick(_MARKER_LIST, matchkind=ahocorasick_rs.MATCHKIND_LEFTMOST_LONGEST)
_INCLUDING_SLOT = _SUBORDINATORS.index("including")
_CLOSED_SLOTS = range(len(_SUBORDINATORS), len(_SUBORDINATORS) + len(_CLOSED_SUBORDINATORS))
_SPEECH_SLOTS = range(_CLOSED_SLOTS.stop, _CLOSED_SLOTS.stop + len(_SPEECH))
_CONJUNCTION_SLOTS = range(_SPEECH_SLOTS.stop, len(_MARKER_LIST))
# A clause, never more than 300 characters. The periods of an initialism ("the U.S.'s withdrawal", "U.N. sanctions
# on Iran") do not end it: a period between two capitals, or after "X.Y" when a possessive or a lower-case word
# follows, is inside the word (issue 15: "following the U.S.'s withdrawal from the 2015 nuclear deal" was read as
# "following the U" and the deal as the news).
_SCOPE = re.compile(r"(?:[^,;:.!?—–،؛؟]|(?<=\b[A-Z])\.(?=[A-Z]\.)|(?<=\.[A-Z])\.(?=['’]|\s[a-z])){1,300}")
_NOT_A_CLAUSE = re.compile(r"\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b", re.IGNORECASE)
# An English participle clause after a comma comments on the sentence's news ("…, depriving it of funds for its
# war in Ukraine"; "…, raising fears of…") unless it is short ("…, bypassing SWIFT" tells how the news was done);
# "including" opens a series, read as one.
_PARTICIPLE = re.compile(r", ((?!including\b)[a-z]{3,}ing) ")
# A non-restrictive relative clause set between a sentence's subject and its verb describes the subject, it does
# not tell the news ("Iran, which sought to save the nuclear deal with European signatories, …"). At the end of a
# sentence it often does ("…a summit with Aliyev, which largely focused on road and rail links"; "Shahed drones,
# which Moscow has used in its strikes on Ukraine"), so only a clause on a short subject at the sentence's start
# and closed by a comma counts. English only: Russian "…, который" is left to that file's reviewers.
_RELATIVE = re.compile(r", (?:which|who|whom|whose|where|a|an|the|site of|home to|one of) ")
# "…in Syria, where they back Assad": a clause on a place describes the place, wherever it stands.
_WHERE = re.compile(r", where ")
# The object of a strike or of sanctions is their target, not a theme of its own ("strikes against targets of the
# Islamic State"; "sanctions on Iran's oil sector"): what follows the marker, up to the clause's end, is passing.
_TARGET = re.compile(r"\b(?:targets? (?:of|belonging to)|positions of|to bomb|air ?strikes? (?:on|against)"
                     r"|sanctions (?:on|against|targeting)\b"
                     r"|sanction(?:ed|ing)? (?=those |the |an? |its |their |\d))")  # matched in lower case
# A party's condition, not the news: sanctions as the complement of a state ("Moscow and Tehran, both of which are
# under US sanctions", "both being under the sanctions imposed by the United States", "Both Iran and Russia have been
# hit by Western sanctions", "both subject to international sanctions", "as both nations face increasing isolation and
# sanctions"). The marker and its noun phrase are passing; the news about sanctions is told by verbs that impose,
# lift, evade or bypass them, which stay asserted (issue 15). Matched in lower case; English only.
_CONDITION = re.compile(r"\b(?:under|subject to|hit by|(?:both|two|who|which|that) (?:nations |countries )?fac(?:e|es|ing))"
                        r" (?:(?!(?:to|on|for|against|with|of|that|which)\b)[\w.'’-]+ ){0,4}?(?:sanctions|embargo)\b")
# The standing relationship, as wire copy recalls it in a sentence of background: "Moscow and Tehran have strong
# political, economic, and military ties and are key allies of President Bashar al-Assad in Syria's…", "Iran and
# Russia have close ties, including in Syria where they both back…", "…have traditionally been strong trading
# partners, particularly in the fields of military hardware and gas and oil exports". What the sentence adds after
# the ties, to its end, when it opens as an illustration ("including", "particularly", "and are…"), illustrates
# them; it is not the news ("…have close ties with Tehran and sold it jets last year" is; issue 15). Matched in
# lower case; English only.
_STANDING = re.compile(r"\b(?:have|has|had|enjoy|enjoys|maintain|maintains)(?: long| traditionally| long been| been)?"
                       r"(?: (?!but\b)[\w-]+,?){0,5} (?:ties|relations|partners|allies)\b"
                       r"(?=,? (?:including|particularly|especially|notably|such as)\b| and (?:are|were|have been|both)\b)")
# An agenda names what talks will cover, it does not report on it: "Other topics on the agenda include Syria,
# Afghanistan, Yemen and broadening trade and economic cooperation"; "He said the serious developments in Afghanistan
# will also be on the agenda of his Monday talks". The items after "the agenda includes" to the sentence's end, and
# the subject of "… be on the agenda" from its sentence's start, are passing (issue 15). Matched in lower case.
_AGENDA_ITEMS = re.compile(r"\b(?:agenda|topics|issues)(?: [a-z]+){0,3} (?:include|includes|included|will include) ")
_AGENDA_SUBJECT = re.compile(r"\b(?:is|are|was|were|be)(?: also)? on the agenda\b")
# Every match of _TARGET holds one of these: a passage without any is not searched (substring tests, 3x cheaper).
_TARGET_WORDS = ("target", "positions of", "to bomb", "strike", "sanction")
# History told as background: a sentence dated two years or more before the article ("Moscow suspended the contract
# in 2010, citing a resolution…" in a 2015 report), unless it also tells today's news ("on Monday", "this week").
_PAST = re.compile(r"\b(?i:in|by|until|during|from|early|late|mid-)\s+(?:[A-Z][a-z]{2,8}\.?\s+)?(?:\d{1,2},?\s+)?"
                   r"((?:19|20)\d\d)\b|\b[A-Z][a-z]{2,8}\.? \d{1,2}, ((?:19|20)\d\d)\b")
_NOW = re.compile(r"\b(?:today|now|currently|this (?:week|month|year)|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\b",
                  re.IGNORECASE)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# An agreement named by the year it was made ("the 2015 nuclear deal", "the 2001 treaty") years before the article is
# a reference to the past, a passing mention wherever it stands ("Iran signed the 2015 nuclear deal, which…", "…under
# sanctions since the 2015 nuclear deal collapsed"), unless the sentence tells today's news (`_NOW`) or the agreement
# is what is being restored ("negotiate … to help resurrect the 2015 nuclear deal": its talks are the news); what the
# sentence says about it in its own words ("snapback") is still evidence (issue 15). English only.
_NAMED_BY_YEAR = re.compile(r"\b((?:19|20)\d\d)\s+(?:[A-Za-z-]+\s+){0,2}(?:deal|accord|agreement|treaty|pact|contract)s?\b")
_RESTORED = re.compile(r"\b(?i:revive|reviving|resurrect|resurrecting|restore|restoring|salvage|salvaging|save|saving"
                       r"|rejoin|rejoining|return to|returning to)\s+the\s+$")
_HISTORY_YEARS = 2  # how many years before the article a dated sentence is history
# A Russian wire story's recap: "Напомним, …" ("let us recall") opens a sentence that retells earlier news as
# background, and the recap runs to its paragraph's end ("Напомним, в условиях антииранских санкций США исламская
# республика стремится к укреплению связей…"; "Напомним, ранее эксперт заявил… Он обратил внимание…").
_RECAP_WORD = "Напомним"
_RECAP = re.compile(rf"(?:^|(?<=[.!?…»\"] )){_RECAP_WORD}\b")
_DATED_WORDS = 10  # a date that dates a sentence begins among its first words
_SENTENCE = re.compile(r"[^.!?]+(?:[.!?]+|$)")
# The name of an office or a post: a head noun with the capitalised words before it and its "for/of/on/to" complement
# ("assistant secretary of the Treasury for Terrorism and Financial Intelligence", "Treasury Terrorism Under
# Secretary", "special envoy for Afghanistan", "Caspian Environmental Protection Centre"). English only.
_CAPITAL = r"[A-Z][\w'’.&-]*"
_OFFICE_HEADS = ("secretary", "envoy", "representative", "ambassador", "coordinator", "commissioner", "department",
                 "office", "bureau", "directorate", "ministry", "minister", "committee", "desk", "division", "institute",
                 "centre", "center")
_OFFICE = re.compile(rf"\b(?:under[- ]?secretary|{'|'.join(_OFFICE_HEADS)})\b")  # matched in lower case
# what follows the head: its "for/of/on/to" complement in capitals, then a remit in lower case after "for", up to four
# words ("undersecretary for terrorism and financial intelligence")
_OFFICE_OF = re.compile(rf"(?:(?:\s+(?:for|of|on|to|and|the))*\s+{_CAPITAL})*(?:\s+for\s+[a-z]+(?:\s+[a-z]+){{0,3}}\b)?")
_SENTENCE_END = re.compile(r"[.!?;:]\s")


def _opens_sentence(text: str, at: int) -> bool:
    """Whether `at` is at most `_ITEM_WORDS` words after its sentence's start."""
    start = 0
    for start_match in _SENTENCE_END.finditer(text, max(0, at - 120), at):
        start = start_match.end()
    if start == 0 and at > 120:
        return False
    return len(text[start:at].split()) <= _ITEM_WORDS
_ASIDE = re.compile(r"\([^()\n]{1,30}\)")
_ADVERB_SINCE = ("have ", "has ", "had ")  # "have since agreed": since the adverb, not the subordinator
_INVERSION = tuple(',"”’\'»—')  # what ends a quotation before an inverted "said X"
_NAME_AFTER = re.compile(r"[A-ZА-ЯЁ][^\s,;:.!?]*(?: [A-ZА-ЯЁ][^\s,;:.!?]*){0,5}")


def passing_spans(text: str, year: int | None = None, lower: str | None = None) -> list[tuple[int, int]]:
    """Character spans of `text` whose signals are passing mentions, in no order.

    The items of a series of three or more ("A, B and C", "A, B, or C"; the
    first and last items are trimmed to the middle items' length plus one
    word, so the clause around a list is not swallowed), the scope of a
    background adverbial ("since Moscow's invasion of Ukraine", up to the
    next comma or sentence end; a bare date after the subordinator is not
    one) and the speaker of a reporting clause ("Xi Jinping said", "said
    Xi Jinping"; Russian "…», — заявил Лавров"), and a Russian recap from its
    "Напомним" to the paragraph's end (`_RECAP`). Series and speakers are read
    in English, Russian and Persian (the Arabic comma separates a series);
    a Russian or Persian background adverbial only when a comma closes it.
    `lower`: `text` as `_lowered` gives it, when the caller has it already.
    Linear in the length of `text`.
    """
    lower = _lowered(text) if lower is None else lower
    spans: list[tuple[int, int]] = []
    conjunctions: list[tuple[int, int]] = []
    for slot, start, end in _MARKERS.find_matches_as_indexes(lower):
        if (start and lower[start - 1].isalnum()) or (end < len(text) and lower[end].isalnum()):
            continue  # whole words only
        if slot in _SPEECH_SLOTS:
            spans += _speakers(text, start, end)
        elif end == len(text) or text[end] != " ":
            continue  # a conjunction or a subordinator is followed by its clause
        elif slot in _CONJUNCTION_SLOTS:
            conjunctions.append((start, end + 1))
        elif not _NOT_A_CLAUSE.match(text, end + 1) and not text.endswith(_ADVERB_SINCE, 0, start):
            scope = _SCOPE.match(text, end + 1)
            if slot in _CLOSED_SLOTS and (not scope or text[scope.end():scope.end() + 1] not in _CLOSING_COMMAS
                                          or _runs_into_its_clause(scope.group())):
                continue  # a Russian or Persian adverbial that no comma closes: its scope is unknown
            stop = scope.end() if scope else end
            if slot == _INCLUDING_SLOT:
                stop = min(stop, end + 1 + len(" ".join(text[end + 1:stop].split(" ")[:_ITEM_WORDS])))
            spans.append((start, stop))
    for clause in _PARTICIPLE.finditer(text):  # "…, depriving it of funds for its war in Ukraine."
        scope = _SCOPE.match(text, clause.end())
        if scope and len(scope.group().split()) > _NOUN_WORDS:  # "…, bypassing SWIFT": a short one tells how
            spans.append((clause.start(1), scope.end()))
    for clause in _RELATIVE.finditer(text):  # on the sentence's subject, closed by a comma: "Iran, which …, said"
        scope = _SCOPE.match(text, clause.end())
        if scope and text.startswith(",", scope.end()) and _opens_sentence(text, clause.start()):
            spans.append((clause.start() + 2, scope.end()))
    for clause in _WHERE.finditer(text):
        scope = _SCOPE.match(text, clause.end())
        spans.append((clause.start() + 2, scope.end() if scope else clause.end()))
    spans += [condition.span() for condition in _CONDITION.finditer(lower)]  # "under US sanctions", to its noun
    for standing in _STANDING.finditer(lower):
        end = text.find(". ", standing.end())
        spans.append((standing.end(), len(text) if end < 0 else end))
    for items in _AGENDA_ITEMS.finditer(lower):
        end = _SENTENCE_END.search(text, items.end())
        spans.append((items.end(), end.start() if end else len(text)))
    for subject in _AGENDA_SUBJECT.finditer(lower):
        start = 0
        for start_match in _SENTENCE_END.finditer(text, 0, subject.start()):
            start = start_match.end()
        spans.append((start, subject.start()))
    for target in _TARGET.finditer(lower) if any(word in lower for word in _TARGET_WORDS) else ():
        scope = _SCOPE.match(text, target.end())
        if scope:  # what follows the marker, for an item's length: "sanctions on" stays the news, and so does
            # what the target is told by ("sanctions against entities complicit in Russia's war in Ukraine")
            words = " ".join(scope.group().split(" ")[:_ITEM_WORDS + 1])
            spans.append((scope.start(), scope.start() + len(words)))
    if year is not None:
        spans += _history(text, year)
    recap = _RECAP.search(text) if _RECAP_WORD in text else None  # a substring test first: 50x cheaper than the search
    if recap:
        spans.append((recap.start(), len(text)))
    spans += language_passing_spans(text, lower)
    commas = text.replace("،", ",")  # the Arabic comma separates a Persian series: one character for one
    # a short aside in brackets is part of its item ("the United Arab Emirates (UAE), Iran, Ethiopia and Egypt")
    commas = _ASIDE.sub(lambda aside: " " * len(aside.group()), commas)
    if conjunctions and ", " in commas:
        spans += _series_items(commas, conjunctions)
    return spans


def _runs_into_its_clause(scope: str) -> bool:
    """Whether a Russian prepositional adverbial's scope up to a comma holds a finite verb: then the comma
    closes the sentence's own clause, not the adverbial ("после введения санкций Москва прекратила поставки,
    заявил министр": the news is "Москва прекратила поставки"), and the adverbial's end is unknown. A clause
    after "того" ("после того как Израиль атаковал Иран,") has its verb by right."""
    words = scope.split()
    return bool(words) and words[0] != "того" and any(is_finite_verb(word.strip("«»\"()")) for word in words)


def _lowered(text: str) -> str:
    """`text` in lower case, character for character (offsets stay those of `text`)."""
    lower = text.lower()
    return lower if len(lower) == len(text) else "".join(c.lower()[:1] for c in text)


def _office_names(text: str, lower: str) -> list[tuple[int, int]]:
    """The words of the names of offices in `text` around their head nouns (`_OFFICE`): the capitalised words
    before the head and its complement after it (`_OFFICE_OF`). The head itself names the office, and a signal or
    a name on it is evidence ("Russian Defence Ministry", "Treasury Department"), while what the name is of is not
    ("Terrorism" in "Treasury Terrorism Under Secretary", "Afghanistan" in "envoy for Afghanistan"); a possessive
    before the head is its holder, not its name ("China's representative said"). `lower`: `_lowered(text)`."""
    spans: list[tuple[int, int]] = []
    if not any(head in lower for head in _OFFICE_HEADS):  # substring tests first: 4x cheaper than the search
        return spans
    for head in _OFFICE.finditer(lower):
        start = head.start()
        for word in reversed(text[max(0, start - 120):start].split(" ")[:-1]):
            if not word[:1].isupper() or not all(c.isalnum() or c in ".&-" for c in word):
                break
            start -= len(word) + 1
        spans += [(start, head.start()), (head.end(), _OFFICE_OF.match(text, head.end()).end())]
    return spans


def _history(text: str, year: int) -> list[tuple[int, int]]:
    """The sentences of `text` dated `_HISTORY_YEARS` or more before `year` (the article's) and not also told
    as today's news (`_NOW`): background history (see `passing_spans`). The date must come early, where it dates
    the sentence's action ("In 2011, Iran sued Russia…", "Moscow refused to deliver the systems in 2010…"); a
    date at the end often only names a thing ("…opposes snapback under the nuclear deal signed in 2015")."""
    spans: list[tuple[int, int]] = []
    if ("19" not in text and "20" not in text) or not _YEAR.search(text):  # substring tests first: 2.7x cheaper
        return spans
    for sentence in _SENTENCE.finditer(text):
        words = sentence.group().split(" ")
        opening = sentence.start() + len(" ".join(words[:_DATED_WORDS]))
        dated = [int(match.group(1) or match.group(2)) for match in _PAST.finditer(text, sentence.start(), opening)]
        if _NOW.search(sentence.group()):
            continue
        if dated and max(dated) <= year - _HISTORY_YEARS:
            spans.append(sentence.span())
            continue
        spans += [named.span() for named in _NAMED_BY_YEAR.finditer(text, sentence.start(), sentence.end())
                  if int(named.group(1)) <= year - _HISTORY_YEARS
                  and not _RESTORED.search(text, max(0, named.start() - 30), named.start())]
    return spans


def _series_items(text: str, conjunctions: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The items of each series "A, B and C" / "A, B, or C" in `text` (see `passing_spans`).

    `conjunctions` are the (start, end) of each "and " / "or ". Each one's
    comma-separated chunks are read backwards to the previous strong
    punctuation.
    """
    strong: list[int] | None = None
    spans: list[tuple[int, int]] = []
    for at, after in conjunctions:
        if strong is None:
            strong = [m.end() for m in _STRONG.finditer(text)]
        low = strong[bisect_right(strong, at) - 1] if strong and strong[0] <= at else 0
        # Items are short: the comma before the conjunction is near it, and a first chunk
        # is read back at most `_REACH` characters (bounded work on a 5 MB one-line text).
        comma = text.rfind(", ", max(low, at - _REACH), at)
        if comma < 0:
            continue
        chunks = [(comma + 2, at)]  # backwards from the conjunction: B, then the chunks before it
        while True:
            floor = max(low, chunks[-1][0] - 2 - _REACH)
            previous = text.rfind(", ", floor, chunks[-1][0] - 2)
            chunks.append((previous + 2 if previous >= 0 else floor, chunks[-1][0] - 2))
            if previous < 0 or not _is_item(text[chunks[-1][0]:chunks[-1][1]]):
                break
        chunks.reverse()
        if _PERSIAN_OPENER.match(text, chunks[0][0]) or _ENGLISH_OPENER.fullmatch(text, chunks[0][0], chunks[0][1]):
            chunks = chunks[1:]  # "به گزارش ایرنا، A و B…", "According to Reuters, A and B…": the comma closes an attribution
        high = strong[bisect_right(strong, after)] - 1 if strong and strong[-1] > after else len(text)
        following = text.find(", ", after, high)
        spans += _items_of(text, chunks, after, following if following >= 0 else high)
    return spans


# A Persian sentence opens with an attribution or a demonstrative adverbial closed by a comma ("به گزارش ایرنا،",
# "به نقل از تاس،", "در این دیدار،", "با این حال،"): that chunk is no list item, so "به گزارش تسنیم، تحریم‌های
# آمریکا و اروپا…" is the news, not a series of three. Source: the lead of nearly every IRNA, Tasnim, Mehr and ISNA
# story (the Persian dev set of issue 16); a real list inside a prepositional phrase ("با حضور ایران، روسیه و
# ترکیه") opens with no such words and stays one.
# The same in English: an attribution that opens the sentence and ends at its comma ("According to Reuters, Iran and
# Russia signed…", "As reported by TASS, …", "Citing sources, …", "In a statement, …") is not a first list item, nor
# is its outlet a party to what follows (issue 15).
_ENGLISH_OPENER = re.compile(r"\s*(?i:according to|as reported by|as quoted by|as cited by|citing|quoting|in a statement"
                             r"|in an interview)\b[^,]*")
_PERSIAN_OPENER = re.compile(r"\s*(?:به گزارش|به نقل از|به گفته|بنا ?بر|طبق|بر ?اساس"
                             r"|(?:در|از|با|به|بر)[ \u200c](?:این|آن|همین|همان))(?![\w\u200c])")


def _items_of(text: str, chunks: list[tuple[int, int]], final_start: int, final_end: int) -> list[tuple[int, int]]:
    """The items of one series, or [] when the chunks do not make one.

    `chunks` are the comma-separated chunks before the conjunction (the first
    one ends with the first item, the last one is the item just before the
    conjunction, empty after an Oxford comma); the final item runs from
    `final_start` to `final_end`. The first and final items are trimmed to the
    middle items' length plus one word, so the clause around a list is not
    swallowed.
    """
    middle = [(a, b) for a, b in chunks[1:] if text[a:b].strip()]
    if not middle or not all(_is_item(text[a:b]) for a, b in middle):
        return []
    longest = max(len(text[a:b].split()) for a, b in middle) + 1
    first_start, first_end = chunks[0]
    words = text[first_start:first_end].split()
    # The extra word is for what precedes a first item ("the UAE", "с Ираном"); a Persian ezafe joins the head
    # noun with none ("نشست ایران، روسیه و ترکیه": the summit of Iran, Russia and Turkey), so it is not taken.
    first = longest - 1 if words and _PERSIAN_LETTER.search(words[-1]) else longest
    if len(words) > first:
        first_start = first_end - len(" ".join(words[-first:]))
    words = text[final_start:final_end].split()
    final_end = final_start + len(" ".join(words[:longest]))
    opening = _range_opening(text, chunks[0][0], first_end, longest)
    return [(first_start if opening is None else opening, first_end), *middle, (final_start, final_end)]


# "areas ranging from trade and military cooperation to science, education and culture": a range whose end
# opens a series enumerates too, from its start ("от торговли и военного сотрудничества до науки, …"; "از … تا …").
_RANGE_FROM = re.compile(r"(?:^|\s)(?:from|от|از)\s", re.IGNORECASE)
_RANGE_TO = re.compile(r"\s(?:to|до|تا)\s", re.IGNORECASE)


def _range_opening(text: str, low: int, end: int, words: int) -> int | None:
    """Where a range "from A to B" opens when B is a series' first item, or None.

    The first chunk of the series runs from `low` to `end` and ends with its
    first item B (at most `words` words); A is a short phrase (up to two
    items of `_NOUN_WORDS` words and a conjunction).
    """
    chunk = text[low:end]
    to = None
    for to in _RANGE_TO.finditer(chunk):
        pass
    if to is None or len(chunk[to.end():].split()) > words:
        return None
    opener = None
    for opener in _RANGE_FROM.finditer(chunk, 0, to.start() + 1):
        pass
    if opener is None or len(chunk[opener.end():to.start()].split()) > 2 * _NOUN_WORDS + 1:
        return None
    return low + opener.end() - len(opener.group().lstrip())


def _is_item(chunk: str) -> bool:
    """A short noun phrase, or a name: words that are all capitalised or name particles, or a Persian ezafe
    chain (`passing_rufa.is_persian_item`).

    A chunk that opens like a clause or an adjunct ("according to…", "which…",
    "said…") is not a list item, nor is a Russian participial clause between
    commas ("санкции, введенные против Ирана и России, побудили…").
    """
    words = chunk.split()
    if not words or len(words) > _ITEM_WORDS or words[0].lower() in _NOT_ITEM_START:
        return False
    if len(words) > 1 and is_participle(words[0]):
        return False
    return len(words) <= _NOUN_WORDS or all(_NAME_WORD.match(word) for word in words) or is_persian_item(words)


def _speakers(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The capitalised name (up to six words) just before the verb of saying at start:end, or just after it
    in an inverted attribution ('…," said Xi Jinping'; not 'diplomats said Afghanistan will…')."""
    spans = []
    after = _NAME_AFTER.match(text, end + 1) if text[max(0, start - 4):start].rstrip()[-1:] in _INVERSION else None
    if after:
        spans.append(after.span())
    words = text[max(0, start - 120):start].rsplit(" ", _ITEM_WORDS + 1)[:-1]
    length = 0
    for word in reversed(words):
        if not word[:1].isupper() or word[-1:] in ",;:.!?":
            break
        length += len(word) + 1
    if length:
        spans.append((start - length, start - 1))
    return spans


# What joins two names for one referent: nothing but a space between two entities ("премьер-министром Израиля
# Биньямином Нетаньяху", Israel's prime minister by name; never a word and a name, "arch-enemy Israel"), or titles, after a possessive or a comma ("Chinese President Xi Jinping",
# "Israel's Prime Minister…", "نتانیاهو، نخست‌وزیر اسرائیل"). A comma alone is a list, not a title.
_TITLE_WORDS = (r"President|Prime|Minister|Foreign|Defen[cs]e|Deputy|Vice|Premier|Supreme|Leader|Ayatollah"
                r"|Chancellor|King|Crown|Prince|Secretary|General|Spokes(?:man|woman)|Ambassador|Envoy|Chief"
                r"|(?:президент|премьер-министр|министр|глав|лидер|посл|посол|госсекретар|верховн|заместител|председател"
                r"|канцлер|корол|принц|наследн|пресс-секретар|спикер)\w*"
                r"|رئیس[\u200c ]?جمهور(?:ی)?|نخست[\u200c ]?وزیر|وزیر|رهبر|سفیر|معاون|دبیر|سخنگوی?|ولیعهد|پادشاه|امور|خارجه|دفاع")
_TITLES = re.compile(rf"(?:['’]s)?[,،]?\s(?:(?:{_TITLE_WORDS})\s)+", re.IGNORECASE)
_SPACE = re.compile(r"\s+")
_HYPHENS = frozenset("-‑‐")


# What separates the items of one series: spans with only this between them are one passing mention.
_SEPARATOR = re.compile(r"[\s,،]*(?:(?:and|or|и|или|و|یا)[\s,،]+)?")


class _Intervals:
    """Spans merged into sorted disjoint intervals: does [start, end) touch one? in log time.

    With `text`, spans that only a series' separators part (", ", " and ",
    ", or ") are merged too: the items of one list make one interval.
    """

    def __init__(self, spans: Iterable[tuple[int, int]], text: str = ""):
        self.starts: list[int] = []
        self.ends: list[int] = []
        for a, b in sorted(spans):
            if self.ends and (a <= self.ends[-1] or (text and _SEPARATOR.fullmatch(text, self.ends[-1], a))):
                self.ends[-1] = max(self.ends[-1], b)
            elif b > a:
                self.starts.append(a)
                self.ends.append(b)

    def overlaps(self, start: int, end: int) -> bool:
        return self.touching(start, end) >= 0

    def within(self, start: int, end: int) -> bool:
        """Whether [start, end) lies inside one interval."""
        at = self.touching(start, end)
        return at >= 0 and self.starts[at] <= start and end <= self.ends[at]

    def touching(self, start: int, end: int) -> int:
        """The number of the last interval that [start, end) touches, or -1."""
        at = bisect_left(self.starts, end) - 1  # the last interval starting before `end`
        return at if at >= 0 and self.ends[at] > start else -1


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
        self._slots = index  # folded phrase -> slot, for the Russian frames (`frames_ru`)
        self._automaton = (
            ahocorasick_rs.AhoCorasick([p for p, _ in self._phrases], matchkind=ahocorasick_rs.MATCHKIND_STANDARD)
            if self._phrases else None
        )
        # Per topic map, not per passage: lookups the scoring loop would otherwise rebuild.
        self._topics = topic_map.by_id
        self._order = {t.id: i for i, t in enumerate(topic_map.topics)}
        self._keys = {name: name.lower().rstrip("*") for t in topic_map.topics for name, _ in (*t.phrases, *t.entities)}
        self._required = {t.id: frozenset(r.lower().rstrip("*") for r in t.requires) for t in topic_map.topics}
        self._undated_required = {t.id: frozenset(r.lower().rstrip("*") for r in t.undated_requires)
                                  for t in topic_map.topics if t.undated_requires}
        self._entity_keys = frozenset(self._keys[name] for t in topic_map.topics for name, _ in t.entities)
        self._entity_signals: dict[str, list[tuple[str, str, float]]] = {}  # canonical -> (topic id, key, weight)
        for topic in topic_map.topics:
            for name, weight in topic.entities:
                self._entity_signals.setdefault(name, []).append((topic.id, self._keys[name], weight))
        self._slot_signals = [tuple((topic.id, self._keys[name], weight) for topic, name, weight in self._phrase_topics[slot])
                              for slot in range(len(self._phrases))]

    def in_field(self, mentions: Iterable[Iterable[Mention]], texts: Sequence[str] | None = None,
                 inside: Callable[[str], Iterable[str]] | None = None) -> bool:
        """Whether an article's `mentions` (one iterable per paragraph) name the field's
        entities at least `field_min_mentions` times.

        With the paragraphs' `texts`, a name in a passing mention (`passing_spans`)
        counts `FIELD_PASSING`: "the Caspian, bordered by Azerbaijan, Iran,
        Kazakhstan, Russia, and Turkmenistan" does not put a report on dying seals
        in the field, while the five presidents who signed the Caspian convention,
        Putin and Rouhani among them, do (issue 15).

        With `inside` (an organisation's name -> the canonical names the gazetteer
        finds in it), an organisation named by a field entity counts as one mention
        of it: annotate.orgs takes the country after a Russian or Persian name into
        the name ("ВМФ России", "ВМС Ирана", "نیروی دریایی روسیه"), and a Caspian drill
        told by the two navies was out of the field (issue 16).
        """
        wanted = self.topic_map.field_entities
        if not wanted:
            return True
        count = 0
        for at, paragraph in enumerate(mentions):
            named = [m for m in paragraph if m.canonical in wanted or (
                inside is not None and m.type == "ORG" and not wanted.isdisjoint(inside(m.text)))]
            if named and texts is not None:
                passing = _Intervals(passing_spans(texts[at]), texts[at])
                count += sum(FIELD_PASSING if passing.overlaps(m.start, m.end) else 1 for m in named)
            else:
                count += len(named)
            if count >= self.topic_map.field_min_mentions:
                return True
        return False

    def passage_topics(self, text: str, mentions: Sequence[Mention], date: str | None = None,
                       share: float = 1.0, headline: Iterable[TopicHit] = ()) -> tuple[TopicHit, ...]:
        """The topics of one passage, strongest first, each with its evidence.

        `text` is the paragraph, `mentions` its entity mentions (character
        offsets into `text`), `date` the article's ISO date or None; `share`
        of each topic's threshold is needed (a headline is terse: `HEADLINE_SHARE`).
        `headline` holds the hits of the article's headline: an English passage
        needs only `HEADLINE_SUPPORT` of the threshold for the topics the headline
        reaches in full (one word there, "…seals found on Caspian coast", is a
        place, not a theme), so a theme the headline states is carried by the body's own words
        ("Joint Naval Drills in Caspian Sea" over "…exercises in the Caspian
        Sea"; issue 15). Russian and Persian passages (`_NOT_LATIN`) are judged
        on their own words. Each hit's `evidence` lists the words of `text`
        that counted, in reading order.
        """
        named = () if _NOT_LATIN.search(text) else {hit.topic for hit in headline
                                                    if hit.score >= self._topics[hit.topic].threshold - 1e-9}
        # topic id -> its pieces of evidence (start, end, key, weight), and key -> heaviest weight (a bound on its score)
        pieces: dict[str, list[tuple[int, int, str, float]]] = {}
        bound: dict[str, dict[str, float]] = {}
        starts = [m.start for m in mentions]  # mentions never overlap (SPEC §5): one bisection finds the name around a word
        found = [(signals, start, stop) for slot, start, stop in self._phrase_matches(text)
                 for signals in (self._slot_signals[slot],)]
        lower = _lowered(text) if found else None  # once per passage, for offices and passing mentions alike
        names = _office_names(text, lower) if lower is not None else None
        offices = _Intervals(names) if names else None
        for at, (signals, start, stop) in enumerate(found):
            if offices and offices.within(start, stop):  # a word in the name of an office is not that word (issue 15)
                found[at] = ((), start, stop)
                continue
            inside = bisect_right(starts, start) - 1
            name = mentions[inside] if inside >= 0 else None
            # A word inside a known name ("security" in "UN Security Council") is not that word; inside a name only
            # the statistical model found ("Bushehr Nuclear Power Plant", "Comprehensive Strategic Partnership
            # Agreement"), which no topic lists, its words are the evidence.
            if name and name.source != "model" and stop <= name.end and name.end - name.start > stop - start:
                found[at] = ((), start, stop)
        # a Russian frame reads as the set phrase it means ("история взаимоотношений Ирана и России"): that phrase's
        # slot, for each topic that has no listed phrase as heavy inside the frame's stretch ("удары США и Израиля по
        # Ирану" read as "удары по Ирану" must not outweigh the listed "удары США и Израиля" by containing it)
        listed = [(topic_id, weight, start, stop) for signals, start, stop in found for topic_id, _, weight in signals]
        found += [(signals, start, stop)
                  for phrase, start, stop in (*relationship_frames(text, mentions), *inserted_adjective_frames(text),
                                              *genitive_complement_frames(text), *three_leaders_frames(text, mentions))
                  if (slot := self._slots.get(normalize(fold(phrase, _FOLD_PAIRS)))) is not None
                  for signals in (tuple(signal for signal in self._slot_signals[slot]
                                        if not any(topic_id == signal[0] and weight >= signal[2] and start <= a and b <= stop
                                                   for topic_id, weight, a, b in listed)),)
                  if signals]
        # a name inside the name of an office is not evidence either ("envoy for Afghanistan"); the office itself is
        found += [(self._entity_signals[m.canonical], m.start, m.end) for m in mentions if m.canonical in self._entity_signals
                  and not (offices and offices.within(m.start, m.end))]
        for signals, start, stop in found:
            for topic_id, key, weight in signals:
                if topic_id in pieces:
                    pieces[topic_id].append((start, stop, key, weight))
                    keys = bound[topic_id]
                    if weight > keys.get(key, 0.0):
                        keys[key] = weight
                else:
                    pieces[topic_id] = [(start, stop, key, weight)]
                    bound[topic_id] = {key: weight}
        if not pieces:
            return ()
        passing: _Intervals | None = None
        hits = []
        for topic_id, found in pieces.items():
            topic = self._topics[topic_id]
            keys, required = bound[topic_id], self._required[topic_id]
            # `requires` asks for one of its signals anywhere in the passage, merged or not; a topic
            # that cannot reach its threshold before damping never will after it.
            needed = topic.threshold * share * (HEADLINE_SUPPORT if topic_id in named else 1.0) - 1e-9
            if (sum(keys.values()) < needed or (required and required.isdisjoint(keys))
                    or (date and ((topic.since and date < topic.since) or (topic.until and date > topic.until)))
                    or (not date and self._undated_unmet(topic_id, keys, text))):
                continue
            merged = _merged(found, text, self._entity_keys)
            signals: dict[str, float] = {}
            for _, _, key, weight in merged:
                if weight > signals.get(key, 0.0):
                    signals[key] = weight
            if sum(signals.values()) < needed:
                continue  # damping only lowers a score: no need to look for passing mentions
            if passing is None:
                passing = _Intervals(passing_spans(text, int(date[:4]) if date else None, lower), text)
            score = _passage_score(merged, passing)
            if score >= needed:
                words: dict[str, str] = {}
                for start, end, key, _ in merged:
                    words.setdefault(key, text[start:end])
                hits.append(TopicHit(topic_id, round(score, 2), tuple(words.values())))
        hits.sort(key=lambda h: (-h.score, self._order[h.topic]))
        return tuple(hits)

    def _undated_unmet(self, topic_id: str, keys: dict[str, float], text: str) -> bool:
        """Whether an undated passage lacks the period's own words its topic asks for (`undated_requires`):
        "Iran's nuclear programme was discussed at the UN Security Council" could be told in 2006 or in 2025, so an
        undated article is on the dispute before the deal only with words of that time ("resolution 1737", "EU3",
        "the Russian proposal"; issue 15). English passages only: the list is English, and a Russian or Persian
        passage (`_NOT_LATIN`) is judged on its words alone."""
        wanted = self._undated_required.get(topic_id)
        return bool(wanted) and wanted.isdisjoint(keys) and not _NOT_LATIN.search(text)

    def article_hits(self, passages: Sequence[tuple[TopicHit, ...]],
                     headline: Iterable[TopicHit] = (), lead_at: int = 0) -> tuple[tuple[TopicHit, ...], ...]:
        """One article's passage hits (one tuple per paragraph, as `passage_topics` gives them)
        without the topics the article is not on.

        A topic with `one_passage_share` is dropped from an article where only one
        passage is on it, that passage is not the lead (passage `lead_at`, or one of the
        furniture before it: `lead_index`), and its score
        is below that share of the article's strongest topic's evidence (the sum
        of its passages' scores), unless the `headline` (its hits, as
        `passage_topics` gives them for the title) is on it too:
        "Moscow and Tehran have made progress in all areas of bilateral relations"
        as one line of a report on Syria is not the overall relationship, while a
        report whose one passage on it carries most of its evidence is (issue 15).
        """
        totals: dict[str, float] = {}
        counts: dict[str, int] = {}
        lead = {hit.topic for hits in passages[:lead_at + 1] for hit in hits}
        lead.update(hit.topic for hit in headline)  # a headline names what the article is about
        for hits in passages:
            for hit in hits:
                totals[hit.topic] = totals.get(hit.topic, 0.0) + hit.score
                counts[hit.topic] = counts.get(hit.topic, 0) + 1
        if not totals:
            return tuple(passages)
        strongest = max(totals.values())
        dropped = {topic for topic, total in totals.items() if counts[topic] == 1 and topic not in lead
                   and total < self._topics[topic].one_passage_share * strongest}
        if not dropped:
            return tuple(passages)
        return tuple(tuple(hit for hit in hits if hit.topic not in dropped) for hits in passages)

    @staticmethod
    def lead_index(texts: Sequence[str]) -> int:
        """The index of an English article's lead among its paragraphs' `texts`: the first
        of the first `LEAD_REACH` that ends as a sentence (`_ENDS_AS_SENTENCE`) after lines of
        furniture (under `FURNITURE_WORDS` words each); 0 when none does, when a longer
        paragraph comes first (a photo caption that names a minister's office is not
        where the lead is), or when a Russian or Persian paragraph (`_NOT_LATIN`) does
        (their leads are judged as they stand). A saved page often opens with furniture or a standfirst
        ("Drill in Caspian Sea comes during 3-day visit by Russian warships…") before
        the lead that carries the story (issue 15; Times of Israel, 2015, in
        /work/devset7/topicsen7/b6en).
        """
        for at, text in enumerate(texts[:LEAD_REACH]):
            if _NOT_LATIN.search(text):
                break
            if _ENDS_AS_SENTENCE.search(text):
                return at
            if len(text.split()) >= FURNITURE_WORDS:
                break
        return 0

    def _phrase_matches(self, text: str):
        """(slot, start, end) of each whole-word phrase match in `text`, overlaps included.

        Every overlapping match is kept: each topic keeps the longest of its
        own (`_merged`), so "uranium enrichment" and "enrich*" are one piece
        of evidence, and a topic listing only "enrich*" still has it.
        """
        if self._automaton is None:
            return
        folded = fold(text.lower(), _FOLD_PAIRS)
        if len(folded) != len(text):  # a case mapping that changes length: keep offsets into `text`
            folded = fold("".join(c.lower() if len(c.lower()) == 1 else c for c in text), _FOLD_PAIRS)
        # Normalising drops diacritics and the tatweel ("تهران ـ ایرنا": a dash in agency copy): offsets map back
        folded, offsets = normalize_mapped(folded) if needs_normalizing(folded) else (folded, None)
        length = len(folded)
        phrases = self._phrases
        for slot, start, stop in self._automaton.find_matches_as_indexes(folded, overlapping=True):
            if start > 0 and folded[start - 1].isalnum():
                continue
            if phrases[slot][1]:  # a prefix: the match runs to the end of the word
                while stop < length and folded[stop].isalnum():
                    stop += 1
            elif stop < length and folded[stop].isalnum():
                continue
            yield (slot, start, stop) if offsets is None else (slot, offsets[start], offsets[stop - 1] + 1)

    def unused_signals(self, corpus: Iterable[Document], described: Collection[str] = ()) -> list[tuple[str, str]]:
        """(topic id, signal) pairs that no passage of `corpus` contains, for `check`.
        Entities named in `described` (canonical names with descriptive aliases, which
        leave no mention in a document: annotate.gazetteer, issue 14) are not judged."""
        used: set[tuple[str, str]] = set()
        for doc in corpus:
            for paragraph, mentions in zip(doc.clean.paragraphs, doc.mentions, strict=True):
                used.update((topic.id, signal) for slot, _, _ in self._phrase_matches(paragraph.text)
                            for topic, signal, _ in self._phrase_topics[slot])
                canonicals = {m.canonical for m in mentions}
                used.update((t.id, name) for t in self.topic_map.topics for name, _ in t.entities if name in canonicals)
        used.update((t.id, name) for t in self.topic_map.topics for name, _ in t.entities if name in described)
        return [(t.id, s) for t in self.topic_map.topics for s, _ in (*t.phrases, *t.entities) if (t.id, s) not in used]


def _passage_score(merged: list[tuple[int, int, str, float]], passing: _Intervals) -> float:
    """One topic's score in a passage from its `merged` pieces (start, end, key, weight).

    Each signal counts once, at its heaviest piece; a piece inside a passing
    span (`passing`) counts `PASSING` of its weight, and passing pieces add up
    only within one span: a list of three of the topic's words is a whole, but
    "…, citing a resolution that placed an arms embargo" and "after … reached
    a deal to remove sanctions against Tehran" are two asides, not one theme
    (issue 15: weak signals must not add up across unrelated clauses).
    """
    signals: dict[str, tuple[float, int]] = {}  # key -> (weight, passing span or -1)
    for start, end, key, weight in merged:
        span = passing.touching(start, end)
        if span >= 0:
            weight *= PASSING
        if weight > signals.get(key, (0.0, -1))[0]:
            signals[key] = (weight, span)
    asserted = sum(weight for weight, span in signals.values() if span < 0)
    asides: dict[int, float] = {}
    for weight, span in signals.values():
        if span >= 0:
            asides[span] = asides.get(span, 0.0) + weight
    return asserted + max(asides.values(), default=0.0)


def _merged(pieces: list[tuple[int, int, str, float]], text: str,
            names: frozenset[str] = frozenset()) -> list[tuple[int, int, str, float]]:
    """Overlapping pieces of one topic made one, in reading order: (start, end, key, weight).

    A signal inside a longer one is subsumed by it, as the gazetteer's longest
    match is: "uranium enrichment" over "enrich*", "energy-rich" over
    "energy", the entity Caspian Sea and the word "caspian" as one piece.
    Signals that only share words ("disputed nuclear" and "nuclear
    programme") are one piece at the heavier weight, and so are the parts of one
    hyphenated word ("trade-economic"). Pieces joined only by titles are one
    referent ("Chinese President Xi Jinping") and merge too, unless a phrase comes
    before the name (entity keys in `names`): "Трехсторонний саммит президентов
    Азербайджана, Ирана и России" is a summit and a list of its countries, not one
    passing name (issue 16, topicsru9). Two names with nothing but a space between
    them merge as well ("премьер-министром Израиля Биньямином Нетаньяху").
    """
    if len(pieces) == 1:
        return pieces
    result: list[tuple[int, int, str, float]] = []
    best = (0, 0, 0.0)  # (start, end, weight) of the signal that speaks for the last stretch
    for start, end, key, weight in sorted(pieces):
        if result and (start < result[-1][1] or text[result[-1][1]:start] in _HYPHENS  # one compound word: "trade-economic ties"
                       or ((key not in names or result[-1][2] in names) and _TITLES.fullmatch(text, result[-1][1], start))
                       or (key in names and result[-1][2] in names and _SPACE.fullmatch(text, result[-1][1], start))):
            first, last, best_key, best_weight = result[-1]
            same = (start, end) == best[:2]
            inside = not same and best[0] <= start and end <= best[1]
            contains = not same and start <= best[0] and best[1] <= end
            if contains or (not inside and weight > best[2]):
                best, best_key, best_weight = (start, end, weight), key, weight
            result[-1] = (first, max(last, end), best_key, best_weight)
        else:
            best = (start, end, weight)
            result.append((start, end, key, weight))
    return result


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


TRAIL_PASSAGES = 1 << 20  # passages an article may have on a trail's key (rank * TRAIL_PASSAGES + passage)


class Trail(Sequence[Passage]):
    """A topic's passages in the article list's order, to step along (`]` and `[`) at any
    corpus size: each is one int, its article's place in the list times TRAIL_PASSAGES
    plus its index, and a Passage is made only for one asked for (at 100,000 articles
    a trail of Passages held 187,000 of them, built in seconds: issue 17).

    `keys`: sorted; `rank_of(article id)`: its place in the list (-1 when not in it);
    `passage_at(rank, index)`: the Passage of that key.
    """

    def __init__(self, keys: list[int], rank_of: Callable[[str], int], passage_at: Callable[[int, int], Passage]):
        self._keys, self._rank_of, self._passage_at = keys, rank_of, passage_at

    def __len__(self) -> int:
        return len(self._keys)

    def __getitem__(self, position):  # type: ignore[override]
        if isinstance(position, slice):
            return [self[i] for i in range(*position.indices(len(self)))]
        rank, index = divmod(self._keys[position], TRAIL_PASSAGES)
        return self._passage_at(rank, index)

    def _key(self, article_id: str, index: int) -> int:
        return self._rank_of(article_id) * TRAIL_PASSAGES + index  # index -1 (before the first) stays below

    def step(self, article_id: str, index: int, step: int) -> Passage | None:
        """The passage after (step=1) or before (step=-1) passage `index` of `article_id`;
        the position need not be on the trail (a jump from an off-topic passage lands on
        the nearest trail passage that way). A binary search."""
        here = self._key(article_id, index)
        if step > 0:
            after = bisect_right(self._keys, here)
            return self[after] if after < len(self) else None
        before = bisect_left(self._keys, here)
        return self[before - 1] if before else None

    def position(self, article_id: str, index: int) -> int | None:
        """Where passage `index` of `article_id` is on the trail (1-based; None: not on it)."""
        here = self._key(article_id, index)
        at = bisect_left(self._keys, here)
        return at + 1 if at < len(self) and self._keys[at] == here else None
