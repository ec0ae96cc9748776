"""Entities: a YAML gazetteer and date/money/percent patterns turned into spans.

Matching (SPEC §5): whole words, longest match wins, no overlaps; curly and
straight apostrophes alike; parts of hyphenated compounds match; aliases are
case-sensitive literals (an ALL-CAPS variant is added for aliases of four
letters or more, for datelines and headlines), so "US" never matches "us".
One Aho-Corasick pass per paragraph finds every alias occurrence; a word
boundary check and a leftmost-longest sweep pick the mentions.

Russian and Persian (SPEC §4a, issue 16): the declined forms of Russian
aliases are generated when the file is parsed (annotate.inflect, cached with
the parse); Persian text and aliases are matched in a normalised spelling
(annotate.normalize) with attached suffixes allowed, and the offsets are mapped
back so that highlights land on the original characters. Written aliases win
over generated forms of another entity's alias.

Descriptive aliases (issue 14): an entity may list phrases that describe it
rather than name it ("nuclear deal", «конфликт на Украине», «توافق هسته‌ای»)
under `descriptive:`. They match like aliases, with `source="descriptive"`, so
they count as topic evidence and find the entity from the palette; `named`
then gives a paragraph's mentions as highlighted and listed: such a mention is
replaced by the names inside it ("Ukraine" of "war in Ukraine"). Source: the
blind-6 gold conventions ("Not entities: generic descriptions of a deal").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from operator import itemgetter
from pathlib import Path

import ahocorasick_rs

from ..atomic import write_atomic
from ..cache import load_parsed
from ..models import Mention
from .inflect import has_cyrillic, russian_forms, russian_nominative
from .normalize import ARABIC_SCRIPT, FOREIGN_SCRIPT, SECOND_PASS_CHARACTERS, normalize, normalize_mapped, persian_plurals, persian_prefixed, persian_suffixed, spelling_variants
from ..yamlfile import ConfigError, YamlDoc, unknown_keys

GAZETTEER_TYPES = ("PERSON", "GPE", "ORG", "NORP", "FAC", "EVENT", "LOC")
MAX_ALIAS = 200  # characters: a name, never a paragraph
CUT_STUB = 5  # letters: a shorter stub of an organisation's name is too often another word ("Arte", "Moss")
PATTERN_TYPES = ("MONEY", "PERCENT", "DATE")
DESCRIPTIVE = "descriptive"  # Mention.source of a descriptive alias (module docstring)
DEFAULT_LABELS = {
    "PERSON": "Person", "GPE": "Country or city", "ORG": "Organisation", "NORP": "Nationality or group",
    "FAC": "Facility", "EVENT": "Agreement, process or war", "LOC": "Region", "MONEY": "Money", "PERCENT": "Percent", "DATE": "Date",
}
# Same-length substitutions, so offsets in the folded text are offsets in the original.
_FOLD_PAIRS = (("’", "'"), ("‘", "'"), ("ʼ", "'"), ("‑", "-"), ("‐", "-"), ("–", "-"))


def fold(text: str, pairs: tuple[tuple[str, str], ...] = _FOLD_PAIRS) -> str:
    """Curly apostrophes and odd hyphens made plain (chained replace beats translate)."""
    for before, after in pairs:
        if before in text:
            text = text.replace(before, after)
    return text


@dataclass(frozen=True)
class Entity:
    canonical: str
    type: str
    aliases: tuple[str, ...]
    # Generated Russian case forms: (form, the alias it declines), matched like aliases.
    forms: tuple[tuple[str, str], ...] = ()
    # The aliases (of `aliases`) that describe the entity rather than name it.
    descriptive: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Gazetteer:
    entities: tuple[Entity, ...]
    labels: dict[str, str]
    path: Path | None = None
    warnings: tuple[str, ...] = ()

    @property
    def types(self) -> tuple[str, ...]:
        return tuple(self.labels)

    def names_only(self) -> Gazetteer:
        """This gazetteer without its descriptive aliases (an entity left with none is dropped)."""
        entities = []
        for entity in self.entities:
            aliases = tuple(a for a in entity.aliases if a not in entity.descriptive)
            if aliases:
                forms = tuple(f for f in entity.forms if f[1] not in entity.descriptive)
                entities.append(Entity(entity.canonical, entity.type, aliases, forms))
        return Gazetteer(tuple(entities), self.labels, self.path, self.warnings)


def annotation_sources() -> tuple[Path, ...]:
    """The program files whose change changes an article's cleaned text or its
    mentions (reader/annotate/*.py and reader/ingest/*.py: rules, word lists and
    name tables live in code too, e.g. `names`): part of the index's fingerprint,
    so a changed rule re-annotates the corpus. Paths, sorted."""
    package = Path(__file__).resolve().parent.parent
    return tuple(sorted((*package.joinpath("annotate").glob("*.py"), *package.joinpath("ingest").glob("*.py"))))


def load_gazetteer(path: Path, use_cache: bool = True) -> Gazetteer:
    return load_parsed(path, parse_gazetteer, use_cache)


def user_gazetteer_path() -> Path:
    """The user's own gazetteer (names added from the reader), beside the user config."""
    from platformdirs import user_config_dir

    return Path(user_config_dir("iranru-reader")) / "gazetteer.yaml"


def with_user_gazetteer(gazetteer: Gazetteer, use_cache: bool = True) -> Gazetteer:
    """`gazetteer` plus the entities of the user's gazetteer, if there is one (the
    shipped entries come first, so they win an alias both define). A broken user
    file is a warning, never fatal: the shipped gazetteer still works."""
    path = user_gazetteer_path()
    if not path.is_file() or path.resolve() == (gazetteer.path or Path()).resolve():
        return gazetteer
    try:
        user = load_gazetteer(path, use_cache)
    except ConfigError as error:
        return Gazetteer(gazetteer.entities, gazetteer.labels, gazetteer.path, (*gazetteer.warnings, str(error)))
    return Gazetteer((*gazetteer.entities, *user.entities), {**user.labels, **gazetteer.labels}, gazetteer.path,
                     (*gazetteer.warnings, *user.warnings))


def parse_gazetteer(doc: YamlDoc) -> Gazetteer:
    """Read `types:` (labels) and one mapping per type: canonical name -> aliases,
    a list, or a mapping of `aliases:` and `descriptive:` lists (module docstring).

    Raises ConfigError on a malformed section or alias."""
    data = doc.data
    if data is None:  # empty, or nothing but comments (a user's file before its first name)
        data = {}
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
            descriptive: list = []
            if isinstance(aliases, dict):
                warnings += unknown_keys(doc, aliases, ("aliases", "descriptive"), kind, str(canonical))
                descriptive = _strings(doc, aliases.get("descriptive"), [*where, "descriptive"], canonical)
                aliases = aliases.get("aliases")
            aliases = _strings(doc, aliases, where, canonical) + descriptive
            names = [str(canonical), *aliases]
            for alias in names:
                if len(alias) > MAX_ALIAS:
                    raise doc.error(where, f"alias '{alias[:40]}…' of '{canonical}' is {len(alias)} characters; "
                                           f"{MAX_ALIAS} at most")
                if len(alias.strip()) < 2:
                    raise doc.error(where, f"alias '{alias}' of '{canonical}' is too short to match safely (2 characters at least)")
                previous = owner.get(alias)
                if previous and previous != canonical:
                    line, column = doc.where(*where)
                    warnings.append(str(ConfigError(doc.path, line, column, f"alias '{alias}' belongs to both '{previous}' and '{canonical}'; the first wins")))
                owner.setdefault(alias, str(canonical))
            unique = tuple(dict.fromkeys(a.strip() for a in names))
            entities.append(Entity(str(canonical), kind, unique, _forms(unique, kind),
                                   frozenset(a.strip() for a in descriptive)))
    return Gazetteer(tuple(entities), labels, doc.path, tuple(warnings))


def _strings(doc: YamlDoc, aliases: object, where: list, canonical: object) -> list[str]:
    """A list of aliases as written (None: none; one string: itself). Raises ConfigError."""
    if aliases is None:
        return []
    if isinstance(aliases, str):
        return [aliases]
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise doc.error(where, f"aliases of '{canonical}' must be a list of strings")
    return aliases


def _forms(aliases: tuple[str, ...], kind: str) -> tuple[tuple[str, str], ...]:
    """The declined forms of an entity's Russian aliases (nationalities in the plural
    too); forms equal to one of its own aliases are left out."""
    own = set(aliases)
    forms: dict[str, str] = {}
    for alias in aliases:
        if has_cyrillic(alias):
            for form in russian_forms(alias, person=kind == "PERSON", plural=kind == "NORP"):
                if form not in own:
                    forms.setdefault(form, alias)
    return tuple(forms.items())


# --- patterns ---------------------------------------------------------------

_MONTH = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
_FULL_MONTH = r"(?:January|February|March|April|June|July|August|September|October|November|December)"
_YEAR = r"(?:19[5-9]\d|20[0-4]\d)"
_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+,\d{1,2}(?!\d)|\d+(?:\.\d+)?"  # 1,500; 3,5 (Russian decimal comma); 1.6
_SCALE = r"(?:\s?(?:thousand|million|billion|trillion|bn|bln|mn|mln|m)\b)?"
_SCALE_WORD = (r"(?:thousand|million|billion|trillion|bn|bln|mn|mln"
               r"|тыс\.|млн|млрд|трлн|тысяч[аи]?|миллион(?:а|ов)?|миллиард(?:а|ов)?|триллион(?:а|ов)?"
               r"|هزار|میلیون|میلیارد|تریلیون)")
# "900 million U.S. dollars", "1.6 billion euro", "40 billion rubles", "3.5 mln USD".
_CURRENCY = (r"(?:(?:U\.S\.|US|American|Canadian|Australian|Hong Kong|Singapore)\s)?dollars?|euros?|rubles?|roubles?|rials?"
             r"|tomans?|yuan|rupees?|manats?|tenge|lira|liras|dirhams?|pounds sterling|USD|EUR|RUB|IRR|CNY"
             # Russian and Persian, as the agencies write them ("4 млрд долларов", "5 میلیارد دلار")
             r"|долл\.|доллар(?:а|ов)?|рубл(?:ь|я|ей)|евро|юан(?:ь|я|ей)|риал(?:а|ов)?"
             r"|دلار|یورو|روبل|ریال|تومان|یوان")
_CODE = r"(?:USD|EUR|RUB|IRR|CNY|US\$)"
# Words after which a bare year or month name is a date ("since 2015", "in March"), never a
# count; "the" only before a year ("the 2015 deal", not "the March of ...").
_PREPOSITIONS = "in since until by from of before after during to".split()
_BEFORE_MONTH = "(?:" + "|".join(rf"(?<=\b{w} )" for w in _PREPOSITIONS) + ")"
_AFTER_PREPOSITION = "(?:" + "|".join(rf"(?<=\b{w} )" for w in (*_PREPOSITIONS, "the")) + ")"
_NUMBER_WORD = "(?:two|three|four|five|six|seven|eight|nine|several|few)"  # each is also a trigger
_PATTERNS = [
    ("MONEY", rf"(?:US|C|A)?[$€£¥]\s?(?:{_NUMBER}){_SCALE}"),
    ("MONEY", rf"(?:{_NUMBER})(?:\s?{_SCALE_WORD})?\s(?:{_CURRENCY})(?![\w$-])"),
    ("MONEY", rf"{_CODE}\s?(?:{_NUMBER}){_SCALE}"),
    ("PERCENT", rf"(?:{_NUMBER})\s?(?:%|percent\b|per cent\b|процент(?:а|ов)?\b|درصد)"),
    ("DATE", rf"{_MONTH}\.?\s\d{{1,2}}(?:st|nd|rd|th)?(?:,\s{_YEAR})?\b"),
    # "12 May 2021", "May 2020": capitalised "May" next to a day or a year is the month, never the verb.
    ("DATE", rf"\d{{1,2}}\s(?:{_FULL_MONTH}|May)(?:,?\s{_YEAR})?\b"),
    ("DATE", rf"(?:(?:early|mid|late)[- ])?(?:{_FULL_MONTH}|May)\s{_YEAR}\b|Sept?\.\s{_YEAR}\b"),
    ("DATE", rf"(?=[eml])(?:(?:early|mid|late)[- ])(?:{_FULL_MONTH}|May|{_YEAR})\b"),
    # A month alone after a preposition ("in March", "since May"); "the 1990s"; "three weeks ago".
    ("DATE", rf"(?=[JFMASOND]){_BEFORE_MONTH}(?:{_FULL_MONTH}|May)\b(?!\s\d)"),
    ("DATE", r"(?=[12])(?:19|20)\d0s\b"),
    ("DATE", rf"(?:\d{{1,3}}|{_NUMBER_WORD})\s(?:days?|weeks?|months?|years?|decades?)\sago\b"),
    ("DATE", r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"),
    ("DATE", r"(?:last|next|this) (?:week|month|year|weekend)\b|(?:yesterday|tomorrow)\b"),
    # A bare year only after a word that makes it one ("since 2015", "the 2015 deal").
    ("DATE", rf"(?=[12m]){_AFTER_PREPOSITION}(?:mid-)?{_YEAR}(?!\d|%|,\d)\b"),
]
# Russian calendar dates, month in the genitive ("17 января", "5 мая 2023 года"), and a year with "году"
# ("в 2015 году"); Persian dates in the Solar Hijri months ("۲۸ دی ماه", "۲۶ آبان ۱۴۰۴") and the Gregorian
# ones as the Persian press writes them ("22 نوامبر 1997"; not "می", which is also the verb prefix). Each
# opens with digits, which the matcher's triggers already find (Persian digits are folded to ASCII).
_RU_MONTH = "(?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)"
_FA_MONTH = ("(?:فروردین|اردیبهشت|خرداد|تیر|مرداد|شهریور|مهر|آبان|آذر|دی|بهمن|اسفند"
             "|ژانویه|فوریه|مارس|آوریل|مه|ژوئن|ژوئیه|جولای|اوت|آگوست|سپتامبر|اکتبر|نوامبر|دسامبر)")
# A Russian month without a day, as "in March" in English: in the prepositional after "в" ("в январе 2025
# года", "В марте"), in the genitive after "с", "до" and the parts of a month ("с мая", "в конце июня").
_RU_MONTH_IN = "(?:январе|феврале|марте|апреле|мае|июне|июле|августе|сентябре|октябре|ноябре|декабре)"
_RU_YEAR = r"(?:\s(?:19|20)\d\d(?:\sг(?:ода|\.))?)?(?!\w)"
_RU_BEFORE_MONTH = "(?:" + "|".join(rf"(?<=\b{w} )" for w in "с С до начала конца середины начале конце середине".split()) + ")"
_PATTERNS += [
    ("DATE", rf"\d{{1,2}}\s{_RU_MONTH}{_RU_YEAR}"),
    ("DATE", rf"(?:(?<=\bв )|(?<=\bВ )){_RU_MONTH_IN}{_RU_YEAR}"),
    ("DATE", rf"{_RU_BEFORE_MONTH}{_RU_MONTH}{_RU_YEAR}"),
    ("DATE", r"(?:19|20)\d\d\sгод(?:у|а)(?!\w)"),
    ("DATE", rf"\d{{1,2}}\s{_FA_MONTH}(?:\sماه)?(?:\s\d{{4}})?(?!\w)"),
]
_GROUP_KIND = {f"{kind}{i}": kind for i, (kind, _) in enumerate(_PATTERNS)}
_DATE_WORDS = ("Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec Mon Tue Wed Thu Fri Sat Sun "
               "last next this yesterday tomorrow early mid late two three four five six seven eight nine several "
               "few").split()
_NO_START_AFTER = frozenset("$€£¥.,_")
_start = itemgetter(0)  # Mention.start
_new_tuple = tuple.__new__  # builds a Mention without a Python-level __new__ call (hot loop)


@cache
def _pattern() -> re.Pattern[str]:
    """The MONEY/PERCENT/DATE regex, compiled with the first matcher (not at import:
    a warm start never annotates)."""
    return re.compile("|".join(f"(?P<{kind}{i}>{p})" for i, (kind, p) in enumerate(_PATTERNS)))


def _triggers() -> Iterable[str]:
    """Where a pattern can start: a number or currency sign, or a date word. The
    matcher's automaton finds these with the aliases (a regex scan of every
    position was the slowest step); digit runs are matched in chunks of four."""
    yield from (*"$€£¥", "US$", "C$", "A$", "USD", "EUR", "RUB", "IRR", "CNY", *_DATE_WORDS)
    yield from re.findall(r"[а-я]+", _RU_MONTH + _RU_MONTH_IN)  # "в марте", "с мая" (no day before them)
    yield from "۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩"  # Persian and Arabic-Indic digits (a run's first one starts a pattern; `\d` reads them)
    for width in (1, 2, 3, 4):
        yield from (f"{n:0{width}d}" for n in range(10 ** width))


class Matcher:
    """Finds entity mentions in text; built once per gazetteer.

    One leftmost-longest Aho-Corasick pass runs over each paragraph and finds
    aliases and pattern starts together. A hit that fails the word-boundary check
    cannot hide a valid one except inside its own span, so only that window
    is searched again with every overlapping hit: the result equals the
    leftmost-longest choice among all boundary-respecting matches.
    """

    def __init__(self, gazetteer: Gazetteer):
        self.gazetteer = gazetteer
        self._alias_entity: list[Entity] = []
        sources: list[str] = []  # per pattern: "gazetteer", or DESCRIPTIVE for a descriptive alias's variants
        patterns: list[str] = []
        seen: set[str] = set()
        # Persian alias with an attached suffix or a glued preposition -> the characters
        # trimmed from the mention's (start, end).
        self._trim: dict[str, tuple[int, int]] = {}

        def add(variant: str, entity: Entity, alias: str, trim: int = 0, front: int = 0) -> None:
            folded = normalize(fold(variant))
            if folded not in seen:
                seen.add(folded)
                patterns.append(folded)
                self._alias_entity.append(entity)
                sources.append(DESCRIPTIVE if alias in entity.descriptive else "gazetteer")
                if trim or front:
                    self._trim[folded] = (front, trim)

        # Written aliases first, so they win over generated forms of another entity.
        for entity in gazetteer.entities:
            for alias in entity.aliases:
                for variant in _variants(alias, entity.type):
                    add(variant, entity, alias)
        for entity in gazetteer.entities:
            for form, declined in entity.forms:
                for variant in _variants(form, entity.type):
                    add(variant, entity, declined)
            for alias in entity.aliases:
                for spelling in (alias, *spelling_variants(alias)):
                    add(spelling, entity, alias)
                    base = normalize(fold(spelling))
                    if entity.type == "NORP":
                        for plural, trim in persian_plurals(base):
                            add(plural, entity, alias, trim)
                    for suffixed in persian_suffixed(base):
                        add(suffixed, entity, alias, len(suffixed) - len(base))
                    if entity.type == "GPE":
                        for prefixed, front in persian_prefixed(base):
                            add(prefixed, entity, alias, front=front)
        # Latin-script patterns first: the first pass needs only them (see _scan).
        order = sorted(range(len(patterns)), key=lambda i: FOREIGN_SCRIPT.search(patterns[i]) is not None)
        patterns = [patterns[i] for i in order]
        self._alias_entity = [self._alias_entity[i] for i in order]
        self._sources = [sources[i] for i in order]
        latin = sum(1 for p in patterns if FOREIGN_SCRIPT.search(p) is None)
        self.patterns = tuple(patterns)
        self._longest = max(map(len, patterns), default=0)
        self._overlapping = None
        if patterns:
            self._overlapping = ahocorasick_rs.AhoCorasick(patterns, matchkind=ahocorasick_rs.MATCHKIND_STANDARD)
        self._types = [entity.type for entity in self._alias_entity]
        self._canonicals = [entity.canonical for entity in self._alias_entity]
        self._pattern = _pattern()
        triggers = [t for t in _triggers() if t not in seen]
        # One automaton finds aliases, the places a MONEY/PERCENT/DATE pattern may start
        # (triggers, indexed after the aliases) and, last, the characters that call for
        # a second pass (Cyrillic and Arabic-script letters, characters normalisation
        # changes). The first pass runs on the text as written with the Latin aliases:
        # English meets no such character and its one pass stays as fast as before;
        # the second runs on normalised text with every alias.
        self._first = self._pass_automaton(patterns[:latin], triggers)
        self._triggers = triggers

    @cached_property
    def cut_names(self) -> frozenset[str]:
        """Organisations' one-word Latin aliases less their last one or two letters,
        stubs of CUT_STUB letters or more ("Tasni" of Tasnim): a scraped page cut a name
        there, and the model's reading of the stub is no name (SPEC §5; the blind-6 gold:
        "cut-off names at a truncated end" are not entities). Stubs that are themselves
        aliases are left out."""
        aliases = {a for e in self.gazetteer.entities for a in e.aliases + (e.canonical,)}
        return frozenset(alias[:-cut] for e in self.gazetteer.entities if e.type == "ORG"
                         for alias in (*e.aliases, e.canonical) if alias.isascii() and alias.isalpha()
                         for cut in (1, 2) if len(alias) - cut >= CUT_STUB) - aliases

    @cached_property
    def _second(self) -> tuple[ahocorasick_rs.AhoCorasick, int, int]:
        """Built when the first Russian or Persian paragraph needs it: an English
        corpus never pays for it."""
        return self._pass_automaton(list(self.patterns), self._triggers)

    @staticmethod
    def _pass_automaton(patterns: list[str], triggers: list[str]) -> tuple[ahocorasick_rs.AhoCorasick, int, int]:
        """(automaton, index of the first trigger, index of the first second-pass character)."""
        automaton = ahocorasick_rs.AhoCorasick([*patterns, *triggers, *SECOND_PASS_CHARACTERS],
                                               matchkind=ahocorasick_rs.MATCHKIND_LEFTMOST_LONGEST)
        return automaton, len(patterns), len(patterns) + len(triggers)

    def mentions(self, text: str) -> tuple[Mention, ...]:
        """Every mention in `text`: non-overlapping, leftmost-longest, sorted."""
        found, overlapping, starts = self._scan(text)
        extra = False
        match = self._pattern.match
        for start in starts:
            hit = match(text, start)
            if hit:
                shown = hit.group()
                found.append(_new_tuple(Mention, (start, hit.end(), shown, _GROUP_KIND[hit.lastgroup], shown, "pattern")))
                extra = True
        if not extra and not overlapping:  # the common case: already sorted and disjoint
            return tuple(found)
        # Leftmost, then longest: a stable sort by start keeps equal spans in the
        # order found (aliases first); a longer mention at the same start replaces
        # the one just chosen.
        found.sort(key=_start)
        chosen: list[Mention] = []
        end = chosen_start = -1
        for mention in found:
            if mention.start >= end:
                chosen.append(mention)
                end, chosen_start = mention.end, mention.start
            elif mention.start == chosen_start and mention.end > end:
                chosen[-1] = mention
                end = mention.end
        return tuple(chosen)

    def named(self, text: str, mentions: Sequence[Mention]) -> tuple[Mention, ...]:
        """`mentions` of the paragraph `text` as highlighted and listed: each mention of
        a descriptive alias replaced by the names inside it, found without the
        descriptive aliases ("war in Ukraine" -> Ukraine; "nuclear deal" -> nothing).
        Source: issue 14; the blind-6 gold's "Not entities: generic descriptions"."""
        if all(m.source != DESCRIPTIVE for m in mentions):
            return tuple(mentions)
        out: list[Mention] = []
        for m in mentions:
            if m.source != DESCRIPTIVE:
                out.append(m)
                continue
            out += [inner._replace(start=inner.start + m.start, end=inner.end + m.start)
                    for inner in self._names_only.mentions(text[m.start:m.end])]
        return tuple(out)

    @cached_property
    def _names_only(self) -> Matcher:
        """A matcher without the descriptive aliases, built when `named` first needs it."""
        return Matcher(self.gazetteer.names_only())

    def mentions_many(self, texts: Sequence[str]) -> list[tuple[Mention, ...]]:
        """Mentions for each of an article's paragraphs.

        One automaton call per paragraph: measured faster than one call over
        the joined article, where ahocorasick-rs pays to map offsets back in
        long non-ASCII strings.
        """
        return [self.mentions(text) for text in texts]

    def _alias_at(self, folded: str, source: str, start: int) -> Mention | None:
        """The longest alias that starts at `start` of `folded` and stands as a whole
        word there, or None: the automaton's leftmost-longest pass gave this place to
        a longer pattern trigger."""
        best = None
        for other, s, e in self._overlapping.find_matches_as_indexes(folded[start:start + self._longest], overlapping=True):
            if s == 0 and (best is None or e > best[1]) and _at_boundary(folded, start, start + e):
                best = (other, e)
        if best is None:
            return None
        other, e = best
        return Mention(start, start + e, source[start:start + e], self._types[other], self._canonicals[other],
                       self._sources[other])

    def _gazetteer_mentions(self, text: str) -> tuple[list[Mention], bool]:
        """Gazetteer mentions in order, and whether boundary fallbacks may overlap them."""
        found, overlapping, _ = self._scan(text)
        return found, overlapping

    def _scan(self, text: str, normal: str | None = None) -> tuple[list[Mention], bool, list[int]]:
        """Gazetteer mentions, whether fallbacks may overlap them, and where a
        MONEY/PERCENT/DATE pattern may start.

        One automaton pass on the text as written, with the Latin-script aliases;
        English text never needs more. When that pass meets a Cyrillic or
        Arabic-script letter, or a character that normalisation changes
        (annotate.normalize: half-space, diacritic), `_scan_normalised` matches
        again: this method on the `normal` text, with every alias.
        """
        if normal is None:
            folded = fold(text)
            source, (automaton, first_trigger, first_detector) = text, self._first
        else:
            folded = source = normal
            automaton, first_trigger, first_detector = self._second
        length = len(folded)
        types, canonicals, sources = self._types, self._canonicals, self._sources
        found: list[Mention] = []
        starts: list[int] = []
        overlapping = False
        for index, start, stop in automaton.find_matches_as_indexes(folded):
            before = folded[start - 1] if start else " "
            if index >= first_trigger:  # a pattern may start here: the regex judges the rest
                if index >= first_detector:
                    if normal is None:
                        return self._scan_normalised(text, folded)
                    continue
                if not (before.isalnum() or before in _NO_START_AFTER):
                    starts.append(start)
                if folded[start].isalpha():  # an alias may open a letter-led trigger ("US" in "US$30")
                    alias = self._alias_at(folded, source, start)
                    if alias is not None:  # a pattern that matches here is longer, and wins in `mentions`
                        found.append(alias)
                        overlapping = True
                continue
            # Inline word-boundary test: this loop is the hot path.
            if not (((before.isalnum() or before == "_") and folded[start].isalnum())
                    or (stop < length and (folded[stop].isalnum() or folded[stop] == "_") and folded[stop - 1].isalnum())):
                found.append(_new_tuple(Mention, (start, stop, source[start:stop], types[index], canonicals[index], sources[index])))
                continue
            window = folded[start:stop + self._longest]
            for other, s, e in self._overlapping.find_matches_as_indexes(window, overlapping=True):
                if s < stop - start and _at_boundary(folded, start + s, start + e):
                    found.append(Mention(start + s, start + e, source[start + s:start + e], types[other], canonicals[other],
                                         sources[other]))
                    overlapping = True
        return found, overlapping, starts

    def _scan_normalised(self, text: str, folded: str) -> tuple[list[Mention], bool, list[int]]:
        """`_scan` on the normalised text, offsets mapped back to `text`."""
        normal, offsets = normalize_mapped(folded)
        found, overlapping, starts = self._scan(text, normal)
        found, starts = self._map_back(text, offsets, found, starts)
        return found, overlapping, starts

    def _map_back(self, text: str, offsets: list[int] | None, found: list[Mention],
                  starts: list[int]) -> tuple[list[Mention], list[int]]:
        """Mentions found in the normalised text, as offsets into `text`: an attached
        Persian suffix or glued preposition is trimmed off; `offsets` (None: the
        identity) maps the rest."""
        trims = self._trim
        result = []
        for start, stop, shown, kind, canonical, origin in found:
            front, back = trims.get(shown, (0, 0))
            start += front
            stop -= back
            if offsets is not None:
                start, stop = offsets[start], offsets[stop]
            result.append(Mention(start, stop, text[start:stop], kind, canonical, origin))
        if offsets is not None:
            starts = [offsets[start] for start in starts]
        return result, starts


def _at_boundary(text: str, start: int, stop: int) -> bool:
    """Whole words only: no word character runs on across either end."""
    if start > 0 and _is_word(text[start - 1]) and _is_word(text[start]):
        return False
    return not (stop < len(text) and _is_word(text[stop]) and _is_word(text[stop - 1]))


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"


def _variants(alias: str, kind: str) -> Iterable[str]:
    yield alias
    letters = [c for c in alias if c.isalpha()]
    if len(letters) >= 4 and not alias.isupper():
        yield alias.upper()
    if alias[:1].islower() and has_cyrillic(alias[:1]):
        yield alias[:1].upper() + alias[1:]  # иранский, opening a sentence
    if not alias[-1:].isascii():
        return
    if kind == "NORP" and alias[-1:].isalpha() and not alias.endswith(("s", "ese", "sh", "ch", "i")) and alias[:1].isupper():
        yield alias + "s"
    if kind == "NORP" and alias.endswith("i"):
        yield alias + "s"  # Azeris, Israelis, Saudis


# --- corpus-level views -----------------------------------------------------

_CAPITALISED = re.compile(
    r"(?<![\w'’-])(?:[A-Z][\w'’-]*[a-z][\w'’-]*|[A-Z]{2,}(?:-[A-Z]+)?)"
    r"(?:\s+(?:(?:of|the|al|bin|ibn|de|van|von|for)\s+)?(?:[A-Z][\w'’-]*[a-z][\w'’-]*|[A-Z]{2,}))*"
)
_FUNCTION_WORDS = frozenset(
    "A An The In On At Of For To From By With As But And Or If When While After Before Since During It "
    "Its He She They We I You His Her Their Our This That These Those There Here Not No Yes So Also "
    "Earlier Later Late Last Next Meanwhile However Moreover Although Though Despite Without Among "
    "Mr Mrs Ms Dr President Prime Minister Foreign Leader Supreme Ayatollah Sheikh King Prince General "
    "Chairman Spokesman Secretary Deputy Head Minister's Oil Defense Defence Energy Economy Interior "
    "President-elect Director-General Governor Ambassador Envoy".split()
)
# Never a name on their own: months, weekdays (SPEC §5 "noise").
_CALENDAR_WORDS = frozenset(
    "January February March April May June July August September October November December "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
)
# Capitalised inside a run only in a headline ("Iran Says It Will ..."): the run is a fragment.
_HEADLINE_WORDS = frozenset("On In To With At By From As Is Are Was Were Will Says Said Over After Amid Into".split())
MIN_CANDIDATE = 3  # characters
_TYPE_ENDINGS = (
    ("ORG", ("Company", "Corporation", "Corp", "Bank", "Agency", "Ministry", "Organization", "Organisation", "Council",
             "Group", "Institute", "Party", "Committee", "Service", "Fund", "University", "Co.", "Inc", "Airlines",
             "Air", "News", "Times", "Post", "Authority", "Commission", "Forces", "Guard", "Corps", "Office")),
    ("FAC", ("plant", "Plant", "railway", "Railway", "railroad", "Airport", "airport", "Port", "port", "Base", "base",
             "airbase", "Field", "field", "Reactor", "reactor", "Station", "Stadium", "Bridge", "Pipeline", "pipeline",
             "Cosmodrome", "Facility", "facility", "Terminal", "terminal")),
    ("EVENT", ("Treaty", "Agreement", "Summit", "Conference", "War", "Convention", "Accord", "Initiative", "Process",
               "Forum", "Talks", "Deal", "Plan", "Resolution")),
)


# Russian, Ukrainian, Armenian and Persian surname endings (Sorokin, Kozlov, Pashinyan, Khandouzi).
_SURNAME_ENDINGS = ("ov", "ova", "ev", "eva", "in", "ina", "sky", "skiy", "enko", "yan", "zadeh", "nejad", "pour", "far", "ani")


@dataclass(frozen=True)
class Candidate:
    """A name the gazetteer misses: how many articles and mentions, a guessed type,
    and the articles (ids, in the order first seen)."""

    name: str
    type: str
    count: int
    articles: tuple[str, ...]


def candidates(articles: Iterable[tuple[str, Sequence[str], Sequence[Sequence[Mention]]]],
               gazetteer: Gazetteer | None = None) -> list[Candidate]:
    """Capitalised names that the gazetteer misses, ranked by how many articles hold them.

    `articles`: (article id, paragraph texts, that article's mentions per
    paragraph). Names the gazetteer or a pattern found are masked; names the
    model found count as candidates with the model's type. Left out as noise
    (SPEC §5): function words and titles at either end, a single word that
    just opens a sentence, months and weekdays, headline fragments (a run with
    a capitalised "On", "Says"...), a single word the corpus also writes in
    lower case ("Ambassador", "Treaty"), a plural acronym ("ATMs"), model names with digits (Su-34), and
    aliases of `gazetteer` (a place that context judged a team is still known).
    Names joined by "and" count apart. Sorted by articles, then mentions, then name.
    """
    counts: Counter[str] = Counter()
    where: dict[str, dict[str, None]] = {}
    votes: dict[str, Counter[str]] = {}
    lower_words: set[str] = set()
    guessed: dict[str, str] = {}
    for article, texts, mentions in articles:
        for text, found in zip(texts, mentions, strict=False):
            lower_words.update(_LOWER_WORD.findall(text))
            masked = list(text)
            for mention in found:
                if mention.source == "model":
                    name = mention.text
                    votes.setdefault(name, Counter())[mention.type] += 1
                masked[mention.start:mention.end] = "·" * (mention.end - mention.start)
            masked_text = "".join(masked)
            names = [m.text for m in found if m.source == "model"]
            if not _headline(text):
                names += _capitalised_names(masked_text)
            if has_cyrillic(text):
                lower_words.update(_LOWER_CYRILLIC.findall(normalize(text)))
                for name, kind in _cyrillic_names(masked_text):
                    names.append(name)
                    guessed[name] = kind
            if ARABIC_SCRIPT.search(text):
                for name, kind in _persian_names(masked_text):
                    names.append(name)
                    guessed[name] = kind
            for name in names:
                counts[name] += 1
                where.setdefault(name, {})[article] = None
    known = _known_names(gazetteer) if gazetteer else set()
    ranked = sorted((n for n in counts if _wanted(n, known, lower_words)), key=lambda n: (-len(where[n]), -counts[n], n))
    return [Candidate(name, _guess_type(name, votes.get(name), counts, guessed.get(name)), counts[name],
                      tuple(where[name]))
            for name in ranked]


def _known_names(gazetteer: Gazetteer) -> set[str]:
    """Every alias, generated Russian case form and Persian spelling of `gazetteer`,
    folded and normalised as candidates are."""
    known = set()
    for entity in gazetteer.entities:
        for alias in (*entity.aliases, *(form for form, _ in entity.forms)):
            for spelling in (alias, *spelling_variants(alias)):
                known.add(fold(spelling))
                known.add(normalize(fold(spelling)))
    return known


_LOWER_WORD = re.compile(r"(?<![\w-])[a-z][a-z-]+(?![\w-])")


# A plural acronym ("ATMs", "UAVs", "NGOs") is a common noun, never a name.
PLURAL_ACRONYM = re.compile(r"[A-Z]{2,}s")


def _wanted(name: str, known: set[str], lower_words: set[str]) -> bool:
    if fold(name) in known or normalize(fold(name)) in known or not MIN_CANDIDATE <= len(name) <= MAX_ALIAS:
        return False
    if PLURAL_ACRONYM.fullmatch(name):
        return False
    if has_cyrillic(name) and " " not in name:
        return normalize(name.lower()) not in lower_words
    if " " in name:
        return True
    return not any(c.isdigit() for c in name) and name.lower() not in lower_words and name not in _CALENDAR_WORDS


def _headline(text: str) -> bool:
    """A title-case line without a full stop ("Iran Says It Will Talk To Russia"):
    its capitals are style, not names."""
    words = text.split()
    if len(words) < 4 or text.rstrip().endswith((".", "!", "?", "”", '"')):
        return False
    return sum(word[:1].isupper() for word in words) >= 0.6 * len(words)


def _capitalised_names(masked_text: str) -> list[str]:
    found = []
    for match in _CAPITALISED.finditer(masked_text):
        words = match.group().split()
        if any(word in _HEADLINE_WORDS for word in words[1:]) and len(words) >= 3:
            continue
        while words and words[0].strip("'’") in _FUNCTION_WORDS:
            words = words[1:]
        while words and words[-1].lower() in {"of", "the", "al", "for"}:
            words = words[:-1]
        if not words or (len(words) == 1 and sentence_initial(masked_text, match.start())):
            continue
        if len(words) == 1 and words[0] in _CALENDAR_WORDS:
            continue
        name = " ".join(words).removesuffix("’s").removesuffix("'s")
        if MIN_CANDIDATE <= len(name) <= MAX_ALIAS:
            found.append(name)
    return found


# Cyrillic runs: capitalised words (Лихачёва, Бушерской), hyphenated parts
# (Абдоллахиян-Мохаммади), acronyms (ОДКБ).
_CYRILLIC_CAPITALISED = re.compile(
    r"(?<![\w'’-])(?:[А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё][а-яё]+)*|[А-ЯЁ]{2,6})"
    r"(?:[ \t]+(?:[А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё][а-яё]+)*|[А-ЯЁ]{2,6}))*"
)
_LOWER_CYRILLIC = re.compile(r"(?<![\w-])[а-я][а-я-]+(?![\w-])")
# Titles before a name, by lemma (Президента Ирана ..., министру): stripped like "Mr", "President".
_RUSSIAN_TITLES = frozenset(
    "президент министр премьер-министр вице-премьер вице-президент глава посол замминистра замглавы председатель "
    "спикер генсек генеральный пресс-секретарь представитель депутат губернатор мэр сенатор аятолла шейх господин "
    "госпожа генерал директор руководитель лидер советник помощник заместитель начальник командующий эксперт "
    "политолог профессор доктор министерство".split()
)
# Months and weekdays, by lemma (any case form: 17 мая, в Мае): never names (SPEC §5 "noise").
_RUSSIAN_CALENDAR = frozenset(
    "январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь "
    "понедельник вторник среда четверг пятница суббота воскресенье".split()
)
_RUSSIAN_NAME_POS = frozenset({"NOUN", "ADJF", "PRTF", None})  # None: a word the dictionary does not know
_RUSSIAN_TYPE_WORDS = (  # the head noun comes first in Russian: Банк России, Договор о ...
    ("ORG", ("Банк", "Агентство", "Министерство", "Корпорация", "Компания", "Партия", "Совет", "Комитет", "Фонд",
             "Организация", "Служба", "Академия", "Университет", "Госдума", "Дума", "Центр", "Союз", "Группа")),
    ("FAC", ("АЭС", "Аэропорт", "Порт", "Станция", "Космодром", "Завод", "Комбинат", "База")),
    ("EVENT", ("Договор", "Соглашение", "Саммит", "Форум", "Конференция", "Война", "Конвенция")),
)


def _cyrillic_names(masked_text: str) -> list[tuple[str, str]]:
    """Capitalised Cyrillic runs in `masked_text` (known mentions masked), each as
    (nominative name, guessed type): `cyrillic_spans` without the offsets."""
    return [(name, kind) for _, _, name, kind in cyrillic_spans(masked_text)]


def cyrillic_spans(masked_text: str) -> list[tuple[int, int, str, str]]:
    """Capitalised Cyrillic runs in `masked_text` (known mentions masked), each as
    (start, end, nominative name, guessed type), offsets in characters into the
    text. Filtered like the English ones: words the
    dictionary reads as a preposition, conjunction, pronoun, adverb or verb
    (В, Однако, Это, Вчера), titles (Президент, Посол) and months and weekdays in
    any case form (Мая) split a run and are left out; a single word that opens a
    sentence is no evidence. Each word is put in the nominative
    with pymorphy3 (`inflect.russian_nominative`), so Лихачёва and Лихачёву count
    as one name, Лихачёв."""
    found = []
    for match in _CYRILLIC_CAPITALISED.finditer(masked_text):
        segments: list[list[tuple[str, str | None, str | None, int, int]]] = [[]]
        for word_match in _NON_SPACE.finditer(match.group()):
            word = word_match.group()
            lemma, pos, kind = russian_nominative(word)
            if pos not in _RUSSIAN_NAME_POS or lemma.lower() in _RUSSIAN_TITLES or lemma.lower() in _RUSSIAN_CALENDAR:
                segments.append([])  # a function word, title, month or weekday splits the run
                continue
            if kind == "PERSON" and segments[-1] and segments[-1][-1][2] in ("ORG", "GPE"):
                segments.append([])  # Минтранс | Виталий Савельев: an organisation or place, then a person
            segments[-1].append((lemma, pos, kind, match.start() + word_match.start(), match.start() + word_match.end()))
        for i, segment in enumerate(segments):
            while segment and segment[-1][1] == "ADJF" and segment[-1][2] is None:
                segment.pop()  # Евразийский (экономический союз): an adjective is no name alone
            if not segment or (len(segment) == 1 and i == 0 and sentence_initial(masked_text, match.start())):
                continue
            name = " ".join(word[0] for word in segment)
            if MIN_CANDIDATE <= len(name) <= MAX_ALIAS:
                found.append((segment[0][3], segment[-1][4], name, _russian_type([word[:3] for word in segment])))
    return found


_NON_SPACE = re.compile(r"\S+")


def _russian_type(words: list[tuple[str, str | None, str | None]]) -> str:
    """By the dictionary's marks (a first name or surname: PERSON; a place: GPE; an
    organisation: ORG), then the head noun (Банк, АЭС, Договор), a Russian surname
    ending (-ов, -ев, -ин, -ский, -ян, -енко), an acronym first (ORG); else PERSON
    for two or three words one of which the dictionary does not know, and GPE
    (Исламская Республика, Мумбаи). `words`: (nominative, part of speech, dictionary
    type) as `inflect.russian_nominative` gives them."""
    lemmas = [lemma for lemma, _, _ in words]
    kinds = [kind for _, _, kind in words]
    for kind, heads in _RUSSIAN_TYPE_WORDS:
        if any(lemma in heads for lemma in lemmas):
            return kind
    if "PERSON" in kinds:
        return "PERSON"
    if kinds[0] in ("GPE", "ORG"):
        return kinds[0]
    if lemmas[-1].endswith(("ов", "ев", "ёв", "ин", "ын", "ский", "цкий", "ян", "енко")):
        return "PERSON"
    if lemmas[0].isupper():
        return "ORG"  # МТК, ИА Регнум
    return "PERSON" if 2 <= len(lemmas) <= 3 and any(pos is None for _, pos, _ in words) else "GPE"


# Persian has no capitals. A name is taken only right after a title that precedes a
# person's name in agency copy (IRNA, Tasnim, Mehr, as in the dev set): "آقای",
# "خانم", "رئیس‌جمهور", "وزیر امور خارجه", "سفیر", "سخنگوی ...", ranks and clerical
# titles; after the title, one known mention (masked: "وزیر امور خارجه روسیه") may
# come first. The name is one to three words and ends at punctuation, a digit, a
# masked mention, a Latin word or one of the common words below (و، در، گفت...);
# the noun of a compound verb ("اعتراض کرد") is dropped. Better few good candidates than noise.
_PERSIAN_TITLES = tuple(sorted((normalize(t) for t in (
    "آقای", "خانم", "رئیس‌جمهور", "رئیس جمهور", "رئیس‌جمهوری", "وزیر امور خارجه", "وزیر خارجه", "سفیر", "سخنگوی",
    "سخنگوی وزارت امور خارجه", "سخنگوی وزارت خارجه", "سخنگوی دولت", "معاون وزیر امور خارجه", "سردار", "سرلشکر",
    "سرتیپ", "دریادار", "امیر", "حجت‌الاسلام", "حجت‌الاسلام والمسلمین", "آیت‌الله", "دکتر", "مهندس", "نخست‌وزیر",
    "نخست وزیر", "دبیر", "دبیرکل", "رئیس مجلس", "نماینده")), key=len, reverse=True))
# Offices that follow a name and end it ("سردار سلامی فرمانده کل سپاه": سلامی), stop words below;
# after a quoted name they say it is a person's (`_PERSIAN_ROLE`).
_PERSIAN_OFFICES = ("رئیس", "رییس", "مدیرعامل", "معاون", "مشاور", "فرمانده", "سخنگو")
_PERSIAN_STOP = frozenset(normalize(w) for w in (
    "و در با به از که را این آن برای تا بر یک هم نیز گفت گفته گفتند کرد کرده کند است بود شد شده می‌شود می‌گوید "
    "ما او وی آنها ایشان خود ما ها های هر همه چند پس پیش بین روز سال ماه امروز دیروز هفته اظهار اعلام تاکید "
    "کشور کشورمان ایران روسیه جمهوری اسلامی وزارت امور خارجه دولت مجلس سازمان ملل متحد کل جدید سابق پیشین "
    "فعلی اسبق جهان جهانی کنونی ویژه رسمی ارشد محترم عالی نظام کرده‌است داد دارد دارند نیست باید بیان افزود "
    "همچنین اما ولی اگر چون ضمن طی درباره مورد سوی سفر دیدار گفتگو گفت‌وگو نشست تهران مسکو عنوان "
    "صبح ظهر عصر شب شنبه یکشنبه دوشنبه سه‌شنبه چهارشنبه پنجشنبه جمعه می نمی خبرنگار گروه نوشت نوشته گزارش "
    # adverbs and the first words of fixed expressions ("علاوه بر", in addition to; "بنا بر", according to)
    "علاوه بنا بنابر مبنی طبق براساس سپس اکنون هنوز تنها فقط حتی قبلا بعدا همچنان البته ضمنا "
    # an organisation's head noun: a title before it is the organisation's ("سخنگوی شرکت دولتی ...")
    "شرکت بانک خبرگزاری کمیسیون شورای ستاد نیروی نیروهای ارتش دانشگاه مرکز موسسه اتحادیه دولتی سپاه دفتر "
    "دستگاه هیئت وارد خارج فرودگاه سفارت کنسولگری استان شهر بندر منطقه کمیته مقامات مردم "
    # the offices and ranks that follow a name end it ("سردار سلامی فرمانده کل سپاه": سلامی), and
    # "وقت" (then: "وزیر وقت نفت", the then-minister) is never one (issue 16)
    "کارشناس مدیر سخنگوی وزیر سفیر نماینده دبیر دبیرکل "
    "استاندار عضو نایب سرتیپ سرلشکر سرهنگ دریادار ریاست رهبر وقت"
).split()) | frozenset(normalize(w) for w in _PERSIAN_OFFICES)
# Present-tense verb stems: with the prefix می/نمی written with a half-space they split into
# "می" (a stop word above) and the stem; scraped copy often glues them ("میکند"), so the
# glued forms are stop words too (issue 16: names ran on into "میکند").
_PERSIAN_STEMS = ("کند کنند کنیم شود شوند گوید گویند دهد دهند باشد باشند تواند توانند خواهد خواهند گیرد گیرند "
                  "رود روند آید آیند دارد دارند داند دانند گشاید بیند بینند سازد سازند یابد یابند").split()
_PERSIAN_STOP = _PERSIAN_STOP | frozenset(normalize(prefix + stem) for prefix in ("می", "نمی") for stem in _PERSIAN_STEMS) \
    | frozenset(_PERSIAN_STEMS)
PERSIAN_STOP = _PERSIAN_STOP  # read by `names`: words a Persian name never holds
# Light verbs: a word before one is the noun of a compound verb ("اعتراض کرد"), not a name.
_PERSIAN_LIGHT_VERBS = frozenset(normalize(w) for w in "کرد کرده کردند کند کنند شد شده شود داد داده دهد گرفت زد".split())
# Honorifics, ranks and clerical titles name the person themselves: a known mention after
# them is the name ("آیت‌الله خامنه‌ای رهبر انقلاب": not "رهبر انقلاب").
_PERSIAN_HONORIFICS = frozenset(normalize(w) for w in ("آقای", "خانم", "دکتر", "مهندس", "سردار", "سرلشکر", "سرتیپ",
                                                       "دریادار", "امیر", "حجت‌الاسلام", "حجت‌الاسلام والمسلمین", "آیت‌الله"))
_PERSIAN_TITLE = re.compile(r"(?<![\w])(?:" + "|".join(re.escape(t).replace("\\ ", r"\s+") for t in _PERSIAN_TITLES) + r")(?![\w])")
# Offices that follow a quoted name ("«لئونید اسلوتسکی» رئیس کمیته ..."); before a name they
# would take the organisation after them ("رئیس کمیته ..."), so they are no titles.
_PERSIAN_ROLE = re.compile(r"(?:" + "|".join(normalize(w) for w in _PERSIAN_OFFICES) + r")(?![\w])")
_PERSIAN_WORD = re.compile(r"\s*([\u0621-\u064a\u067e\u0686\u0698\u06a9\u06af\u06cc]{2,})")
_MASKED_RUN = re.compile(r"\s*·+[\w]*")
_MASKED_POST = re.compile(r"\s+در\s*·+[\w]*")  # an envoy's post after the country: "در" and a known place


def _persian_names(masked_text: str) -> list[tuple[str, str]]:
    """Persian names in `masked_text` (known mentions masked), normalised with
    `normalize.normalize`, each as (name, guessed type): `persian_spans` without the offsets."""
    return [(name, kind) for _, _, name, kind in persian_spans(masked_text)]


def persian_spans(masked_text: str) -> list[tuple[int, int, str, str]]:
    """Persian names in `masked_text` (known mentions masked), each as (start, end,
    name normalised with `normalize.normalize`, guessed type), offsets in characters
    into `masked_text`: a PERSON right after a
    person's title (see the notes above `_PERSIAN_TITLES`) or quoted in «» right
    before one ("«الکس میلر» نماینده ویژه ..."); an ORG named as the source of a
    report: after "خبرگزاری" (news agency; the span holds that word), or alone between "به گزارش" /
    "به نقل از" and a comma ("به گزارش ایسنا،")."""
    text, offsets = normalize_mapped(masked_text)
    found = []
    for title in _PERSIAN_TITLE.finditer(text):
        position = title.end()
        skipped = _MASKED_RUN.match(text, position)
        if skipped and title.group() not in _PERSIAN_HONORIFICS:
            position = skipped.end()
            posted = _MASKED_POST.match(text, position)
            position = posted.end() if posted else position  # "سفیر روسیه در عراق البروس کوتراشف"
        words = _persian_word_spans(text, position)
        after = _PERSIAN_WORD.match(text, words[-1][2] if words else position)
        if words and after and after.group(1) in _PERSIAN_LIGHT_VERBS:
            words.pop()
        if words:
            found.append((words[0][1], words[-1][2], " ".join(w for w, _, _ in words), "PERSON"))
    for quoted in _PERSIAN_QUOTED.finditer(text):
        if _PERSIAN_TITLE.match(text, quoted.end()) or _PERSIAN_ROLE.match(text, quoted.end()):
            words = quoted.group(1).split()
            if 1 <= len(words) <= 3 and all(_PERSIAN_WORD.fullmatch(w) and w not in _PERSIAN_STOP for w in words):
                found.append((quoted.start(1), quoted.start(1) + len(quoted.group(1).rstrip()), " ".join(words), "PERSON"))
    for source in _PERSIAN_SOURCE.finditer(text):
        group = 1 if source.group(1) else 2 if source.group(2) else 0
        if group:
            if source.group(group) not in _PERSIAN_STOP:
                found.append((source.start(group), source.end(group), source.group(group), "ORG"))
            continue
        words = _persian_word_spans(text, source.end(), 2)
        if words:
            found.append((source.start(), words[-1][2], " ".join(w for w, _, _ in words), "ORG"))
    if offsets is not None:
        found = [(offsets[start], offsets[end], name, kind) for start, end, name, kind in found]
    return [span for span in found if MIN_CANDIDATE <= len(span[2]) <= MAX_ALIAS]


def _persian_word_spans(text: str, position: int, most: int = 3) -> list[tuple[str, int, int]]:
    """Up to `most` Persian words from `position` that are not common words, each
    with its start and end."""
    words: list[tuple[str, int, int]] = []
    while len(words) < most:
        word = _PERSIAN_WORD.match(text, position)
        if not word or word.group(1) in _PERSIAN_STOP:
            break
        words.append((word.group(1), word.start(1), word.end(1)))
        position = word.end()
    return words


_PERSIAN_QUOTED = re.compile(r"«([^«»·]{3,60})»\s*")
# "به گزارش ایسنا،" / "به نقل از نووستی،" (group 1), or "خبرگزاری" before the agency's name.
# The source of a report: "به گزارش ایسنا،", "به نقل از تابناک،", and the agency of the reporter
# ("به گزارش خبرنگار مهر،", "به گزارش خبرنگار اعزامی مهر به بوشهر"; an adjective in ی after
# "خبرنگار" is the reporter's desk, "خبرنگار سیاسی", not the agency).
_PERSIAN_SOURCE = re.compile(r"(?:به گزارش|به نقل از)\s+([\u0621-\u064a\u067e\u0686\u0698\u06a9\u06af\u06cc]{3,})(?=\s*[،,])"
                             r"|(?:به گزارش|به نقل از)\s+خبرنگار(?:\s+اعزامی)?\s+"
                             r"([\u0621-\u064a\u067e\u0686\u0698\u06a9\u06af\u06cc]{2,}(?<!ی))(?=\s*[،,]|\s+به\s)"
                             r"|خبرگزاری(?=\s)")


def _guess_type(name: str, votes: Counter[str] | None, counts: Counter[str], guess: str | None = None) -> str:
    """The model's most frequent type for the name; else the guess made when a
    Cyrillic or Persian name was read (see `_cyrillic_names`, `_persian_names`);
    else by its last word (an organisation, facility or event word), a
    nationality ending, or its shape: an acronym is an ORG, two to four words a
    PERSON, one word a PERSON if it has a surname ending or ends a longer
    candidate, else a GPE."""
    if votes:
        return votes.most_common(1)[0][0]
    if guess:
        return guess
    words = name.split()
    for kind, endings in _TYPE_ENDINGS:
        if words[-1] in endings:
            return kind
    if name.isupper():
        return "ORG"
    if len(words) == 1 and name.endswith(("ian", "ese", "ish", "ean")):
        return "NORP"
    if len(words) == 1 and name.endswith(_SURNAME_ENDINGS):
        return "PERSON"
    if 2 <= len(words) <= 4:
        return "PERSON"
    if any(other.endswith(" " + name) for other in counts):
        return "PERSON"
    return "GPE"


def sentence_initial(text: str, position: int, openers: str = " \"“‘'(", ends: str = ".!?:—") -> bool:
    """Whether a word at `position` (a character offset) of `text` opens a sentence: only
    `openers` (characters) stand between it and the text's start or one of `ends` (a
    capitalised word there is no evidence of a name). Steps back from `position`, so a
    long paragraph's prefix is not copied for each word."""
    while position and text[position - 1] in openers:
        position -= 1
    return not position or text[position - 1] in ends


# --- the user's gazetteer: names added from the reader -----------------------

class NameRejected(ValueError):
    """A name that cannot be added, with the message a user reads."""


def check_new_name(gazetteer: Gazetteer, name: str, kind: str) -> str:
    """`name` stripped, or NameRejected: too short, too long, an unknown type, or
    already an alias (of which entity)."""
    name = " ".join(name.split())
    if len(name) < 2:
        raise NameRejected(f"'{name}' is too short to match safely (2 characters at least)")
    if len(name) > MAX_ALIAS:
        raise NameRejected(f"'{name[:40]}…' is {len(name)} characters; a name is {MAX_ALIAS} at most")
    if kind not in gazetteer.labels or kind in PATTERN_TYPES:
        raise NameRejected(f"'{kind}' is not an entity type ({', '.join(t for t in gazetteer.labels if t not in PATTERN_TYPES)})")
    folded = fold(name)
    for entity in gazetteer.entities:
        if any(fold(alias) == folded for alias in entity.aliases):
            raise NameRejected(f"'{name}' is already an alias of {entity.canonical} ({entity.type})")
    return name


def add_to_user_gazetteer(gazetteer: Gazetteer, name: str, kind: str, path: Path | None = None) -> Path:
    """Add `name` as a new `kind` entity to the user's gazetteer and return its path.

    The file (default: `user_gazetteer_path()`) is read and written with
    ruamel.yaml's round-trip mode, so its comments and order stay; the write is
    atomic (a temporary file in the same folder, then os.replace). Raises
    NameRejected for a bad name, ConfigError when the existing file is not a
    gazetteer mapping.
    """
    import io

    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    name = check_new_name(gazetteer, name, kind)
    path = path or user_gazetteer_path()
    yaml = YAML()  # round-trip: comments, order and quoting survive
    yaml.preserve_quotes = True
    if path.is_file():
        try:
            data = yaml.load(path.read_text(encoding="utf-8"))
        except YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            raise ConfigError(path, mark.line + 1 if mark else None, mark.column + 1 if mark else None,
                              f"cannot add to this file: {getattr(error, 'problem', None) or error}") from error
        if data is None:
            data = yaml.load("# Names added from the reader (iranru-reader); edit freely.\n{}\n")
        if not hasattr(data, "setdefault"):
            raise ConfigError(path, 1, 1, "expected a mapping of entity types to names")
    else:
        data = yaml.load("# Names added from the reader (iranru-reader); edit freely.\n{}\n")
    section = data.get(kind)
    if section is None:
        data[kind] = {}
        section = data[kind]
    if not hasattr(section, "setdefault"):
        raise ConfigError(path, None, None, f"'{kind}' must map canonical names to lists of aliases")
    section[name] = []
    path.parent.mkdir(parents=True, exist_ok=True)
    text = io.StringIO()
    yaml.dump(data, text)
    write_atomic(path, text.getvalue(), private=True)
    return path


def unused_aliases(gazetteer: Gazetteer, mention_texts: Iterable[str]) -> list[tuple[Entity, str]]:
    """Aliases that no mention was written as, for `check` (the documents already
    carry their mentions: nothing is matched again). Descriptive aliases are not
    judged: they leave no mention in a document (issue 14)."""
    used = {normalize(fold(text)) for text in mention_texts}
    result = []
    for entity in gazetteer.entities:
        declined = {alias for form, alias in entity.forms if normalize(fold(form)) in used}
        for alias in entity.aliases:
            spellings = {normalize(fold(s)) for s in (alias, *spelling_variants(alias))}
            if alias not in declined and alias not in entity.descriptive and not any(s in used or s.upper() in used for s in spellings):
                result.append((entity, alias))
    return result
