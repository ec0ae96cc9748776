"""Entities: a YAML gazetteer and date/money/percent patterns turned into spans.

Matching (SPEC §5): whole words, longest match wins, no overlaps; curly and
straight apostrophes alike; parts of hyphenated compounds match; aliases are
case-sensitive literals (an ALL-CAPS variant is added for aliases of four
letters or more, for datelines and headlines), so "US" never matches "us".
One Aho-Corasick pass per paragraph finds every alias occurrence; a word
boundary check and a leftmost-longest sweep pick the mentions.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import ahocorasick_rs

from .models import Mention
from .yamlfile import ConfigError, YamlDoc, load_yaml, unknown_keys

GAZETTEER_TYPES = ("PERSON", "GPE", "ORG", "NORP", "EVENT")
PATTERN_TYPES = ("MONEY", "PERCENT", "DATE")
DEFAULT_LABELS = {
    "PERSON": "Person", "GPE": "Country or city", "ORG": "Organisation", "NORP": "Nationality or group",
    "EVENT": "Agreement, process or war", "MONEY": "Money", "PERCENT": "Percent", "DATE": "Date",
}
# Same-length substitutions, so offsets in the folded text are offsets in the original.
_FOLD = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "‑": "-", "‐": "-"})


@dataclass(frozen=True)
class Entity:
    canonical: str
    type: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class Gazetteer:
    entities: tuple[Entity, ...]
    labels: dict[str, str]
    path: Path | None = None
    warnings: tuple[str, ...] = ()

    @property
    def types(self) -> tuple[str, ...]:
        return tuple(self.labels)


def load_gazetteer(path: Path) -> Gazetteer:
    return parse_gazetteer(load_yaml(path))


def parse_gazetteer(doc: YamlDoc) -> Gazetteer:
    """Read `types:` (labels) and one mapping per type: canonical name -> aliases."""
    data = doc.data
    if not isinstance(data, dict):
        raise doc.error((), "expected a mapping: types, then one section per entity type")
    labels = dict(DEFAULT_LABELS)
    types = data.get("types") or {}
    if not isinstance(types, dict):
        raise doc.error(["types"], "'types' must map a type name to its label")
    labels.update({str(k).upper(): str(v) for k, v in types.items()})
    warnings = unknown_keys(doc, data, ["types", *labels])
    entities: list[Entity] = []
    owner: dict[str, str] = {}
    for kind, section in data.items():
        if kind == "types" or kind not in labels:
            continue
        if kind in PATTERN_TYPES:
            raise doc.error([kind], f"{kind} is found by patterns; it takes no gazetteer entries")
        if not isinstance(section, dict):
            raise doc.error([kind], f"'{kind}' must map canonical names to lists of aliases")
        for canonical, aliases in section.items():
            where = [kind, canonical]
            if aliases is None:
                aliases = []
            if isinstance(aliases, str):
                aliases = [aliases]
            if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
                raise doc.error(where, f"aliases of '{canonical}' must be a list of strings")
            names = [str(canonical), *aliases]
            for alias in names:
                if len(alias.strip()) < 2:
                    raise doc.error(where, f"alias '{alias}' of '{canonical}' is too short to match safely (2 characters at least)")
                previous = owner.get(alias)
                if previous and previous != canonical:
                    line, column = doc.where(*where)
                    warnings.append(str(ConfigError(doc.path, line, column, f"alias '{alias}' belongs to both '{previous}' and '{canonical}'; the first wins")))
                owner.setdefault(alias, str(canonical))
            entities.append(Entity(str(canonical), kind, tuple(dict.fromkeys(a.strip() for a in names))))
    return Gazetteer(tuple(entities), labels, doc.path, tuple(warnings))


# --- patterns ---------------------------------------------------------------

_MONTH = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
_FULL_MONTH = r"(?:January|February|March|April|June|July|August|September|October|November|December)"
_YEAR = r"(?:19[5-9]\d|20[0-4]\d)"
_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE = r"(?:\s?(?:thousand|million|billion|trillion|bn|mn|m)\b)?"
_CURRENCY = r"(?:dollars|euros|rubles|roubles|rials|tomans|yuan|rupees|USD|EUR|RUB)"
_PATTERNS = [
    ("MONEY", rf"(?:US|C|A)?[$€£¥]\s?(?:{_NUMBER}){_SCALE}"),
    ("MONEY", rf"(?:{_NUMBER})\s?(?:thousand|million|billion|trillion)?\s{_CURRENCY}\b"),
    ("PERCENT", rf"(?:{_NUMBER})\s?(?:%|percent\b|per cent\b)"),
    ("DATE", rf"{_MONTH}\.?\s\d{{1,2}}(?:st|nd|rd|th)?(?:,\s{_YEAR})?\b"),
    ("DATE", rf"\d{{1,2}}\s{_FULL_MONTH}(?:\s{_YEAR})?\b"),
    ("DATE", rf"(?:(?:early|mid|late)[- ])?{_FULL_MONTH}\s{_YEAR}\b|Sept?\.\s{_YEAR}\b"),
    ("DATE", rf"(?:(?<=\bin )|(?<=\bsince )|(?<=\buntil )|(?<=\bby ))(?:early|mid|late)[- ]{_FULL_MONTH}\b"),
    ("DATE", r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"),
    ("DATE", r"(?:last|next|this) (?:week|month|year|weekend)\b|(?:yesterday|tomorrow)\b"),
    # A bare year only after a word that makes it one ("since 2015", "the 2015 deal").
    ("DATE", rf"(?:(?<=\bin )|(?<=\bsince )|(?<=\buntil )|(?<=\bby )|(?<=\bfrom )|(?<=\bthe )|(?<=\bof )|(?<=\bearly )|(?<=\blate )|(?<=\bbefore )|(?<=\bafter )|(?<=\bduring )|(?<=\bto ))(?:mid-)?{_YEAR}(?!\d|%|,\d)\b"),
]
_PATTERN = re.compile(
    r"(?<![\w$€£¥.])(?:" + "|".join(f"(?P<{kind}{i}>{p})" for i, (kind, p) in enumerate(_PATTERNS)) + ")"
)


class Matcher:
    """Finds entity mentions in text; built once per gazetteer."""

    def __init__(self, gazetteer: Gazetteer):
        self.gazetteer = gazetteer
        self._alias_entity: list[Entity] = []
        patterns: list[str] = []
        seen: set[str] = set()
        for entity in gazetteer.entities:
            for alias in entity.aliases:
                for variant in _variants(alias, entity.type):
                    folded = variant.translate(_FOLD)
                    if folded not in seen:
                        seen.add(folded)
                        patterns.append(folded)
                        self._alias_entity.append(entity)
        self.patterns = tuple(patterns)
        self._automaton = ahocorasick_rs.AhoCorasick(patterns, matchkind=ahocorasick_rs.MATCHKIND_STANDARD) if patterns else None

    def mentions(self, text: str) -> tuple[Mention, ...]:
        """Every mention in `text`: non-overlapping, leftmost-longest, sorted."""
        candidates = [c for c in self._gazetteer_candidates(text)]
        for match in _PATTERN.finditer(text):
            kind = match.lastgroup.rstrip("0123456789") if match.lastgroup else "DATE"
            candidates.append((match.start(), match.end(), kind, match.group()))
        candidates.sort(key=lambda c: (c[0], c[0] - c[1]))
        chosen: list[Mention] = []
        end = -1
        for start, stop, kind, canonical in candidates:
            if start >= end:
                chosen.append(Mention(start, stop, text[start:stop], kind, canonical))
                end = stop
        return tuple(chosen)

    def _gazetteer_candidates(self, text: str):
        if self._automaton is None:
            return
        folded = text.translate(_FOLD)
        length = len(text)
        for index, start, stop in self._automaton.find_matches_as_indexes(folded, overlapping=True):
            if start > 0 and _is_word(folded[start - 1]) and _is_word(folded[start]):
                continue
            if stop < length and _is_word(folded[stop]) and _is_word(folded[stop - 1]):
                continue
            entity = self._alias_entity[index]
            yield start, stop, entity.type, entity.canonical


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"


def _variants(alias: str, kind: str) -> Iterable[str]:
    yield alias
    letters = [c for c in alias if c.isalpha()]
    if len(letters) >= 4 and not alias.isupper():
        yield alias.upper()
    if kind == "NORP" and alias[-1:].isalpha() and not alias.endswith(("s", "ese", "sh", "ch", "i")) and alias[:1].isupper():
        yield alias + "s"
    if kind == "NORP" and alias.endswith("i"):
        yield alias + "s"  # Azeris, Israelis, Saudis


# --- corpus-level views -----------------------------------------------------

_CAPITALISED = re.compile(
    r"(?<![\w'’-])(?:[A-Z][\w'’-]*[a-z][\w'’-]*|[A-Z]{2,}(?:-[A-Z]+)?)"
    r"(?:\s+(?:(?:of|the|al|bin|ibn|de|van|von|for|and)\s+)?(?:[A-Z][\w'’-]*[a-z][\w'’-]*|[A-Z]{2,}))*"
)
_FUNCTION_WORDS = frozenset(
    "A An The In On At Of For To From By With As But And Or If When While After Before Since During It "
    "Its He She They We I You His Her Their Our This That These Those There Here Not No Yes So Also "
    "Earlier Later Late Last Next Meanwhile However Moreover Although Though Despite Without Among "
    "Mr Mrs Ms Dr President Prime Minister Foreign Leader Supreme Ayatollah Sheikh King Prince General "
    "Chairman Spokesman Secretary Deputy Head Minister's Oil Defense Defence Energy Economy Interior".split()
)


def candidates(paragraph_texts: Iterable[str], matcher: Matcher) -> Counter[str]:
    """Capitalised names that the gazetteer misses, with their counts.

    Sentence-initial function words and titles are left out; names that
    overlap a known mention are left out; what remains is what a user may
    want to add to the YAML.
    """
    counts: Counter[str] = Counter()
    for text in paragraph_texts:
        masked = list(text)
        for mention in matcher.mentions(text):  # known names are not candidates
            masked[mention.start:mention.end] = "·" * (mention.end - mention.start)
        masked_text = "".join(masked)
        for match in _CAPITALISED.finditer(masked_text):
            words = match.group().split()
            while words and words[0].strip("'’") in _FUNCTION_WORDS:
                words = words[1:]
            while words and words[-1].lower() in {"of", "the", "al", "and", "for"}:
                words = words[:-1]
            if not words or (len(words) == 1 and _sentence_initial(masked_text, match.start())):
                continue
            name = " ".join(words).removesuffix("’s").removesuffix("'s")
            if len(name) >= 3:
                counts[name] += 1
    return counts


def _sentence_initial(text: str, position: int) -> bool:
    """A capitalised word here may just open a sentence: no evidence of a name."""
    before = text[:position].rstrip(" \"“‘'(")
    return not before or before.endswith((".", "!", "?", ":", "—"))


def unused_aliases(matcher: Matcher, texts: Sequence[str]) -> list[tuple[Entity, str]]:
    """Aliases that match nowhere in `texts`, for `check`."""
    used: set[str] = set()
    for text in texts:
        for mention in matcher.mentions(text):
            used.add(mention.text.translate(_FOLD))
    result = []
    for entity in matcher.gazetteer.entities:
        for alias in entity.aliases:
            folded = alias.translate(_FOLD)
            if folded not in used and folded.upper() not in used:
                result.append((entity, alias))
    return result
