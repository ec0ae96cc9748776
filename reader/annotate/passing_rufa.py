"""Passing mentions particular to Russian and Persian copy (SPEC §6, issue 16).

`topics.passing_spans` reads the constructions the three languages share
(series, background adverbials, reporting clauses); the ones here have no
English twin in that reading, or one whose words do not carry over:

- a Russian tail ", а также …" (", as well as …") adds other themes to the
  sentence's news ("Стороны обсудили торговлю, а также ситуацию в Сирии"), as
  English "as well as" does, unless it opens a second predicate ("…, а также
  подписали соглашение"): a finite verb first is news (`_ALSO`);
- a Persian relative clause «که …» set between a sentence's short subject and
  its verb, closed by a comma, describes the subject ("ایران که سال‌ها زیر
  تحریم بوده، …"), as English "Iran, which …, said" does (`_persian_relative`);
- sanctions only threatened or foreseen ("возможность введения санкций",
  "могут быть введены санкции", "ممکن است تحریم‌ها…"): a possibility is not
  the news, as English "the threat of UN sanctions" and "could face sanctions"
  are not (`_MAYBE_RU`, `_MAYBE_FA`).

- a Russian adverbial of time or cause that closes its sentence after the
  verb ("…проект был заморожен из-за введенных США санкций."): its scope is
  known, from the marker to the full stop, as an English one reaching the
  sentence's end is; one that opens a sentence is left to `topics` (a comma
  must close it there, `_TRAILING`);
- the occasion a meeting was held on, "на полях саммита ШОС" / "در حاشیه اجلاس
  شانگهای" (on the sidelines of): the setting, not the theme of what was said
  there; for an item's length (`_SIDELINES_WORDS`), as what follows may be the
  news (`_SIDELINES`).

Each span runs from its marker to the end of its clause (a comma or stronger
punctuation); the «а также» tail to its sentence's end. Source: the misses
of the Russian and Persian dev sets of issue 16 (the lead's blind set 6,
topicsru6's held set, topicsrf7's own pages), read as the English
constructions of `topics.passing_spans` (Quirk et al. 1985) in these languages.
"""

from __future__ import annotations

import re

from .inflect import has_cyrillic, is_finite_verb
from .normalize import ARABIC_SCRIPT

_CLAUSE_END = re.compile(r"[,;:.!?—–،؛؟]")
_SENTENCE_END = re.compile(r"[;.!?؛؟]")
_REACH = 300  # characters a clause runs at most, as `topics._SCOPE`
_ALSO = re.compile(r", а также (\S+)")
# A modal or a noun of possibility or threat, up to two words, then imposing ("возможность введения", "могут быть
# введены"), or sanctions straight after it ("возможных санкций", "угроза санкций"): a word between is what is possible
# ("возможности обхода санкций": evading them, the theme itself).
_MAYBE_RU = re.compile(r"\b(?:(?:может|могут|могла? бы|могли бы|возможн\w*|угроз\w*|грозит|пригрози\w*|рискуе?т\w*)"
                       r"(?:\s+\S+){0,2}?\s+(?:ввести|введ[её]н\w*|введени\w*|наложить|наложени\w*|попасть под)"
                       r"|(?:возможн\w*|угроз\w*|грозит|пригрози\w*)\s+санкци\w*)")
_MAYBE_FA = re.compile(r"(?:(?:ممکن است|تهدید(?: به| کرد)?)(?:\s+\S+){0,2}?\s+(?:تحریم|اعمال تحریم|وضع تحریم)"
                       r"|احتمال(?:اً|ا)?\s+(?:تحریم|اعمال|وضع))")
_TRAILING = re.compile(r"\s(?:из-за|после|на фоне|вследствие|в связи с|несмотря на|в ответ на)\s")
_SENTENCE_START = re.compile(r"[.!?…]\s")
_SIDELINES = re.compile(r"(?:\bна полях|در حاشیه(?:\u200c?ی)?)\s")
_SIDELINES_WORDS = 5  # the event's name: "саммита ШОС в китайском Тяньцзине", "نشست سران سازمان همکاری شانگهای"
_PERSIAN_SENTENCE = re.compile(r"[^.!?؟؛:]+")
_THAT = re.compile(r"(?:^|[\s،,])که\s")
_COMMA = re.compile("[،,]")
_SUBJECT_WORDS = 6  # a subject before «که»: a name with its title ("سرگئی لاوروف، وزیر خارجه روسیه")
# A Persian verb form: the present/continuous prefix می/نمی, or the end of a common verb, auxiliary or participle.
_VERB = (r"^(?:ن?می)[\u200c ]?\S+|.*(?:است|بود|شد|کرد|گفت|افزود|داشت|دارد|کند|شود|نمود|نوشت|دانست|خواهد|کرده|گفته"
         r"|شده|بوده|هست|نیست|دادند|کردند|شدند|داد)")
# What makes «که» no relative pronoun on a subject: a verb before it ("گفت که": a complement clause) or the noun of a
# compound conjunction ("در حالی که", "به طوری که", "زمانی که"), whose clause is an adverbial, not a description.
_NOT_A_SUBJECT = re.compile(rf"(?:{_VERB}|.*(?:حالی|طوری|جایی|زمانی|هنگامی|وقتی|چرا|آنچه|همانطور|همان\u200cطور|این|آن"
                            r"|چنان|چندان|بلکه))$")
_PERSIAN_ITEM_WORDS = 5  # a Persian item joins its words by ezafe: "مسائل مربوط به سوریه", "همکاری‌های اقتصادی دو کشور"
_VERB_END = re.compile(rf"(?:{_VERB})$")


def language_passing_spans(text: str, lower: str | None = None) -> list[tuple[int, int]]:
    """Character spans of `text` (a Russian or Persian paragraph; anything else
    gives []) that are passing mentions by the rules of this module. `lower`:
    `text` in lower case, character for character, when the caller has it
    (`topics.passing_spans` does). Linear in the length of `text`."""
    spans: list[tuple[int, int]] = []
    for sidelines in _SIDELINES.finditer(text):
        end = _end(_CLAUSE_END, text, sidelines.end())
        words = text[sidelines.end():end].split(" ")[:_SIDELINES_WORDS]
        spans.append((sidelines.start(), sidelines.end() + len(" ".join(words))))
    if has_cyrillic(text):
        lower = text.lower() if lower is None else lower
        for tail in _ALSO.finditer(text):
            if not is_finite_verb(tail.group(1).strip("«»\"(),")):
                spans.append((tail.start() + 2, _end(_SENTENCE_END, text, tail.end())))
        spans += [(maybe.start(), _end(_CLAUSE_END, text, maybe.end())) for maybe in _MAYBE_RU.finditer(lower)]
        spans += _trailing_adverbials(text, lower)
    if ARABIC_SCRIPT.search(text):
        spans += [(maybe.start(), _end(_CLAUSE_END, text, maybe.end())) for maybe in _MAYBE_FA.finditer(text)]
        spans += _persian_relative(text)
    return spans


def _trailing_adverbials(text: str, lower: str) -> list[tuple[int, int]]:
    """The Russian adverbials (`_TRAILING`) that run from their marker to their sentence's end with no comma, dash or
    finite verb between (a prepositional phrase, not a clause of its own), after a finite verb of the same sentence
    (pymorphy3's VERB: "был заморожен из-за …")."""
    spans = []
    for marker in _TRAILING.finditer(lower):
        end = _end(_CLAUSE_END, text, marker.end())
        if (text[end:end + 1] not in ".!?" and end < len(text)) or any(
                is_finite_verb(word.strip("«»\"(),")) for word in text[marker.end():end].split()):
            continue  # a comma or a dash first: the sentence goes on; a verb: a clause ("после того как … атаковали")
        starts = [found.end() for found in _SENTENCE_START.finditer(text, max(0, marker.start() - _REACH), marker.start())]
        clause = text[starts[-1] if starts else max(0, marker.start() - _REACH):marker.start()]
        if any(is_finite_verb(word.strip("«»\"(),")) for word in clause.split()):
            spans.append((marker.start() + 1, end))
    return spans


def _end(pattern: re.Pattern[str], text: str, at: int) -> int:
    """Where the clause or sentence running at `at` ends (`pattern`), at most `_REACH` characters on."""
    stop = pattern.search(text, at, at + _REACH)
    return stop.start() if stop else min(len(text), at + _REACH)


def _persian_relative(text: str) -> list[tuple[int, int]]:
    """The «که …» clauses on a sentence's subject: «که» within the sentence's first `_SUBJECT_WORDS` words, after no
    verb and no conjunction noun (`_NOT_A_SUBJECT`), and a comma that closes the clause before the sentence goes on
    ("ایران که … بوده، اکنون …"). A clause no comma closes has no known end and is left alone."""
    spans = []
    for sentence in _PERSIAN_SENTENCE.finditer(text):
        that = _THAT.search(text, sentence.start(), sentence.end())
        if not that:
            continue
        start = that.start() + (that.group()[0] in " \t\n،,")
        subject = text[sentence.start():start].replace("،", " ").replace(",", " ").split()
        if not subject or len(subject) > _SUBJECT_WORDS or _NOT_A_SUBJECT.match(subject[-1]):
            continue
        comma = _COMMA.search(text, that.end(), min(sentence.end(), that.end() + _REACH))
        if comma and text[comma.end():sentence.end()].strip():
            spans.append((start, comma.start()))
    return spans


def is_persian_item(words: list[str]) -> bool:
    """Whether a chunk of a series (its `words`) is a Persian noun phrase: Persian words only, at most
    `_PERSIAN_ITEM_WORDS` of them (an ezafe chain: "مسائل مربوط به سوریه"), the last no verb (a clause ends in its
    verb: "ایران آماده همکاری است") and no object marker را (an object opens a clause whose verb comes later:
    "ایران، روسیه را شریک راهبردی و اساسی خود می‌داند")."""
    return (0 < len(words) <= _PERSIAN_ITEM_WORDS and all(ARABIC_SCRIPT.match(word) for word in words)
            and "را" not in words and not _VERB_END.match(words[-1]))
