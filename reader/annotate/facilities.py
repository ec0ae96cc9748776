"""Facilities named by their head noun (SPEC §5 FAC; issues 14 and 16): power
plants, refineries, airports, ports, bases, dams, fields and hotels the gazetteer
does not list, in Persian and Russian.

Persian has no capitals, so a head noun alone never says where a name starts or
ends ("نیروگاه جدید", a new plant, is no name). A name is taken only where its end
is plain:

- the head ("نیروگاه", "پالایشگاه", "فرودگاه", "پایگاه هوایی" …), the adjectives that
  say its kind ("هسته‌ای", "بین‌المللی" …), then a place the gazetteer knows, which
  the name absorbs ("پالایشگاه آبادان", "فرودگاه بین‌المللی کیش");
- or then "شهید" (martyr) and one or two words, as Iran names its ports and bases
  ("پایگاه هوایی شهید نوژه", "بندر شهید رجایی");
- or then a name in «», which alone is the name ("هتل «اسپیناس»").

In Russian, a name in «» or in Latin letters after a facility's common noun
("отель Ritz-Carlton", "электростанцию «Сирик»"). The facility's canonical name is
its text, normalised. These mentions carry `source="model"`, as the organisations
of `orgs` do (`entities: {model: false}` turns them off).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..models import Mention
from .gazetteer import PERSIAN_STOP
from .inflect import has_cyrillic
from .normalize import ARABIC_SCRIPT, normalize, normalize_mapped

_FA_HEADS = tuple(normalize(h) for h in (
    "نیروگاه", "پالایشگاه", "فرودگاه", "بندر", "پایگاه هوایی", "پایگاه دریایی", "پایگاه فضایی", "سد", "میدان گازی",
    "میدان نفتی", "پتروشیمی", "هتل", "تأسیسات", "تاسیسات", "سایت"))
# The adjectives that say a facility's kind between its head and its name.
_FA_KINDS = frozenset(normalize(w) for w in
                      "هسته‌ای اتمی حرارتی گازی نفتی بادی خورشیدی برق‌آبی آبی هوایی دریایی فضایی بین‌المللی نظامی".split())
_FA_MARTYR = normalize("شهید")
_FA_LETTERS = "\u0621-\u064a\u067e\u0686\u0698\u06a9\u06af\u06cc"
_FA_HEAD = re.compile(r"(?<![\w])(?:" + "|".join(re.escape(h) for h in sorted(_FA_HEADS, key=len, reverse=True))
                      + r")(?![\w])(?! ها)")
_FA_WORD = re.compile(rf" ([{_FA_LETTERS}]{{2,}}(?: [{_FA_LETTERS}]{{2,}})?)(?![\w])")
_FA_ONE_WORD = re.compile(rf" ([{_FA_LETTERS}]{{2,}})(?![\w])")
_FA_QUOTED = re.compile(r" «([^«»\n]{2,40})»")

# Russian: the common noun, then the name in «» (group 1) or in Latin letters (group 2).
_RU_NAMED = re.compile(r"(?<![\w])(?:[Оо]тел(?:ь|я|ю|ем|е)|[Гг]остиниц[аеуыой]|[Ээ]лектростанци[яиюей]|[Нн]ефтезавод[аеуом]?"
                       r"|[Мм]есторождени[еяюи]|[Аа]эропорт[аеуом]?)\s+(?:«([^«»\n]{2,40})»"
                       r"|([A-Z][A-Za-z0-9&]*(?:-[A-Za-z0-9&]+)*(?: [A-Z][A-Za-z0-9&]*){0,2})(?![\w-]))")


def find(texts: Sequence[str], paragraphs: Sequence[Sequence[Mention]]) -> tuple[tuple[Mention, ...], ...]:
    """Each paragraph's mentions plus the facilities named by a head noun (see the
    module notes). `texts`: the paragraphs' text; `paragraphs`: their mentions so
    far, sorted by start and never overlapping; offsets are characters. A facility
    overlapping a mention is dropped, but for the one place its Persian name ends with.
    Returns the mentions sorted by start."""
    result = []
    for text, mentions in zip(texts, paragraphs, strict=True):
        if ARABIC_SCRIPT.search(text):
            spans = _persian(text, mentions)
        elif has_cyrillic(text):
            spans = [hit.span(1) if hit.group(1) else hit.span(2) for hit in _RU_NAMED.finditer(text)]
        else:
            spans = []
        result.append(_merged(text, mentions, spans) if spans else tuple(mentions))
    return tuple(result)


def _persian(text: str, mentions: Sequence[Mention]) -> list[tuple[int, int]]:
    """The (start, end) of each Persian facility's name in `text` (see the module notes)."""
    normal, offsets = normalize_mapped(text)
    places = {m.start: m.end for m in mentions if m.type == "GPE"}
    spans = []
    for hit in _FA_HEAD.finditer(normal):
        position = hit.end()
        while (kind := _FA_ONE_WORD.match(normal, position)) and kind.group(1) in _FA_KINDS:
            position = kind.end()
        start = _mapped(offsets, hit.start())
        if _mapped(offsets, position + 1) in places and normal[position:position + 1] == " ":
            spans.append((start, places[_mapped(offsets, position + 1)]))
        elif (martyr := _FA_ONE_WORD.match(normal, position)) and martyr.group(1) == _FA_MARTYR:
            name = _FA_WORD.match(normal, martyr.end())
            words = name.group(1).split() if name else []
            while words and words[-1] in PERSIAN_STOP:
                words.pop()
            if words:
                spans.append((start, _mapped(offsets, name.start(1) + len(" ".join(words)))))
        elif quoted := _FA_QUOTED.match(normal, position):
            spans.append((_mapped(offsets, quoted.start(1)), _mapped(offsets, quoted.end(1))))  # the name, as in Russian
    return spans


def _merged(text: str, mentions: Sequence[Mention], spans: list[tuple[int, int]]) -> tuple[Mention, ...]:
    """`mentions` with each span made a FAC mention, where no mention but a place
    that ends it overlaps it (that place is absorbed)."""
    kept = list(mentions)
    for start, end in spans:
        inside = [m for m in kept if m.start < end and m.end > start]
        if any(m.start < start or m.end > end or m.type != "GPE" or m.end != end for m in inside):
            continue
        kept = [m for m in kept if m not in inside]
        kept.append(Mention(start, end, text[start:end], "FAC", normalize(text[start:end]), "model"))
    return tuple(sorted(kept, key=lambda m: m.start))


def _mapped(offsets: list[int] | None, position: int) -> int:
    return offsets[position] if offsets is not None else position
