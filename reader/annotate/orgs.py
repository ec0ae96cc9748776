"""Organisations named by their head noun (SPEC §5; issue 14): ministries,
agencies, companies, banks, parliaments, armed forces and news agencies in
English, Russian and Persian, found by a general rule rather than a list.

An organisation's name is built round a head noun ("Ministry", "Navy",
"Министерство", "флот", "وزارت", "نیروی دریایی") with its modifiers and
complements:

- English: an outlet named by what it is or does ("news agency SANA", ", Trend
  reports"); capitalised words ending with a head ("Agriculture Ministry",
  "Russian Navy", "Atomic Energy Organization"), or a head followed by "of" or
  "for" and capitalised words ("Ministry of Foreign Affairs"); two words at
  least, so a sentence-opening "Navy" alone is no name;
- Russian, which capitalises only a name's first word: a capitalised word that
  does not open the sentence, then lower-case adjectives, then the head in any
  case ("Каспийской флотилии", "Национальной иранской газовой компанией"); or a
  capitalised head and its genitive or "по" complement ("Организации по атомной
  энергии"); or an agency acronym, in any case ("МИДа"), before a country or after a
  nationality ("ВМФ России", "МИД РФ", "турецкого МИДа");
- Persian, which has no capitals: a head that is never a common verb or
  adverb ("نیروی دریایی", "ناوگان", "بانک مرکزی", "کمیسیون", "شورای عالی",
  "وزارت") with the adjectives after it, and a news outlet written as one word
  ending in "نیوز" (news).

English agreements are named the same way round their head ("Free Trade Agreement",
"Treaty on the Foundations of Relations"): those mentions are EVENT (SPEC §5), as is
an acronym in brackets made of a name's initials ("(FTA)": the name's type).

The country right after a Russian or Persian name belongs to it ("ВМФ России",
"نیروی دریایی روسیه"): one ORG mention covers both, as the gazetteer's "МИД
России" and "Iranian Foreign Ministry" do (the convention of the released blind
set 6 gold: the whole ministry phrase is the organisation), so Russia's navy and
Iran's are two entities. An English name keeps a place after it as its own
mention (the ORG's canonical name takes it). Mentions the gazetteer or the model found inside a span are
absorbed only when they are places or nationalities (or, before the head, an
event: "Islamic Revolution Guards"), or when the model found them (its shorter
view of the same name, "Navy"); a span overlapping any
other mention is dropped (the gazetteer wins). These mentions carry
`source="model"` (they stand in for the statistical recogniser, and
`entities: {model: false}` turns them off with it).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from ..models import Mention
from .gazetteer import PERSIAN_STOP, sentence_initial
from .inflect import ACRONYM_ENDINGS, DECLINED_ACRONYMS, has_cyrillic, russian_parse
from .model import MAX_ARTICLE_CHARS
from .normalize import ARABIC_SCRIPT, normalize, normalize_mapped

_ABSORBED = frozenset({"GPE", "NORP", "LOC"})  # types a name may hold as its modifier or complement
_MODIFIERS = _ABSORBED | {"EVENT"}  # and before its head: "Islamic Revolution Guards"
# A Russian capitalised word after these opens a sentence (or a quote, a dash-led clause):
# the quotes and dashes of the Russian press besides the gazetteer's.
SENTENCE_OPENERS = " «\"'("
SENTENCE_ENDS = ".!?:—–-\n"

# English heads; the words that open a sentence or a headline are never modifiers.
EN_HEADS = frozenset("""Ministry Agency Company Corporation Council Committee Commission Bank Organization Organisation
Service Navy Army Forces Fleet Flotilla Parliament Assembly Fund Institute Authority Office Department Court Corps Party
Duma Majlis Association Chamber University Academy Center Centre Bureau Directorate Administration Board Staff
Airlines Railways Guard Guards Union Force""".split())  # "Soviet Union": the gazetteer's place covers the head
# Heads of a named agreement (EVENT, SPEC §5: "agreements and treaties are EVENT"): "Free Trade Agreement",
# "Trade and Navigation Treaty", "Treaty on the Foundations of Relations" (the blind-8 gold's EVENT misses).
EN_EVENT_HEADS = frozenset("Treaty Agreement Accord Accords Pact Convention Memorandum Protocol Charter".split())
_EN_NOT_MODIFIERS = frozenset("""A An The In On At Of For To From By With As But And Or If When While After Before Since
During It Its He She They We His Her Their Our This That These Those There Here Not No So Also However Meanwhile
Earlier Later Last Next Today Yesterday Read More News Share Watch Photo Published Updated Said Says Is Are Was Were
Will Would Could Should Has Have Had President Minister Prime Deputy Chief Head Director Spokesman Secretary Ambassador
Mr Mrs Ms Dr General Commander Admiral Rear Vice Acting Former""".split())
# A capitalised word (its possessive "'s" apart: "the Iranian Navy’s warships") or a joiner;
# no full stop: it ends a sentence.
_EN_WORD = re.compile(r"[A-Z](?:[\w&-]|['’](?![sS]\b))*(?:\.[A-Z](?:[\w&-]|['’](?![sS]\b))*)*|of|for|and|the|on")
_EN_JOINERS = frozenset({"of", "for", "and", "the", "on"})
_EN_COMPLEMENT = {False: ("of", "for"), True: ("of", "for", "on")}  # after an organisation's head; after an agreement's
_EN_MAX_WORDS = 8
_EN_MAX_EVENT_WORDS = 12  # "Treaty on the Foundations of Relations and Principles of Cooperation"

# Russian heads, by lemma.
_RU_HEADS = frozenset("""министерство агентство компания корпорация банк флот флотилия штаб сила армия организация совет
комитет комиссия суд фонд служба союз форум партия парламент академия университет институт центр ассоциация палата
биржа концерн холдинг управление ведомство дума собрание гвардия корпус госкорпорация""".split())
# Agency acronyms that name an organisation of the country after them (ВМФ России, МИД РФ), and
# the case forms of those the press declines (МИДа, МИДу: inflect.DECLINED_ACRONYMS).
_RU_ACRONYMS = frozenset({acronym + ending for acronym in DECLINED_ACRONYMS for ending in ACRONYM_ENDINGS.values()}) \
    | frozenset("""ВМФ ВМС ВКС ВВС МИД МВД МЧС ФСБ СВР ЦБ ГРУ СК ВС КСИР Совбез Совбеза Совбезе Совбезу Совбезом
Минобороны Минэнерго Минфин Минфина Минфине Минтранс Минтранса Минпромторг Минпромторга""".split())
_RU_WORD = re.compile(r"[А-ЯЁа-яё]+(?:-[А-ЯЁа-яё]+)*")
_RU_MAX_WORDS = 7

# Persian heads whose name goes on with a noun ("شرکت ملی گاز", "اندیشکده کارنگی"), then adjectives.
_FA_NOUN_HEADS = ("شرکت ملی", "اندیشکده", "پژوهشکده", "پژوهشگاه", "دانشگاه", "موسسه", "مؤسسه", "مرکز مطالعات")
# Persian heads (normalised) and how many adjectives may follow each: never a verb's
# part ("شرکت کرد", took part) or a common noun alone.
_FA_HEADS = tuple(normalize(h) for h in (
    "نیروی دریایی", "نیروی هوایی", "نیروی زمینی", "نیروهای مسلح", "نیروی هوافضا", "ناوگان", "بانک مرکزی", "بانک",
    "کمیسیون", "شورای عالی", "شورای", "وزارت امور", "وزارت", "ستاد کل", "سازمان", "مجمع", "اتحادیه", "ارتش",
    "کمیته", "اتاق بازرگانی", "حزب", "تلویزیون", *_FA_NOUN_HEADS))
_FA_NEEDS_COMPLEMENT = frozenset(normalize(h) for h in ("بانک", "کمیسیون", "شورای", "وزارت", "سازمان", "مجمع", "اتحادیه", "ارتش",
                                                         "وزارت امور", "نیروهای مسلح", "کمیته", "حزب", "تلویزیون"))
# Words a head's name never runs through to reach the place that ends it (`_bridge_to_place`):
# the words a Persian person's name never holds (function words, verbs, offices, "دولت") but those
# an organisation's may ("دانشگاه دوستی ملل روسیه", "شورای عالی"; a plural suffix after a half-space), and heads.
_FA_BRIDGE_STOP = PERSIAN_STOP - frozenset(normalize(w) for w in "ملل متحد ملی عالی کل ویژه اسلامی جهانی ها های".split()) \
    | frozenset(h.split()[0] for h in _FA_HEADS)
_FA_MAX_BRIDGE = 5  # words between a head and the place its name ends with
_FA_NOUN_HEADS_NORMAL = frozenset(normalize(h) for h in _FA_NOUN_HEADS)
_FA_HEAD = re.compile(r"(?<![\w])(?:" + "|".join(re.escape(h).replace("\\ ", " ") for h in sorted(_FA_HEADS, key=len, reverse=True))
                      + r")(?![\w])(?! ها)")
_FA_WORD = re.compile(r" ([\u0621-\u064a\u067e\u0686\u0698\u06a9\u06af\u06cc]{2,})(?![\w])")
# Words ending in ی that are not adjectives after a head: verbs' parts, pronouns, function words.
_FA_STOP = frozenset(normalize(w) for w in """برای وقتی یعنی خیلی کسی چیزی جایی هایی مدتی روزی زمانی سالی طی
می نمی دیگری بعدی قبلی اخیری مشترک""".split())
_FA_PLURAL = (normalize("های"), normalize("هایی"))  # "نیروی دریایی کشورهای": the countries', not a name
_FA_COMPASS = frozenset(normalize(w) for w in ("شمال", "جنوب", "شرق", "غرب"))
_FA_OUTLET = re.compile(r"(?<![\w])[\u0621-\u064a\u067e\u0686\u0698\u06a9\u06af\u06cc]{2,}" + normalize("نیوز") + r"(?![\w])")
_FA_MAX_COMPLEMENT = 3  # words after the head
_FA_AND = re.compile(r"[\s\u200c]+و[\s\u200c]+")  # between two places of one name: "ایران و روسیه"


def find(texts: Sequence[str], paragraphs: Sequence[Sequence[Mention]]) -> tuple[tuple[Mention, ...], ...]:
    """Each paragraph's mentions plus the organisations named by a head noun that
    no mention covers (see the module notes). `texts`: the paragraphs' text;
    `paragraphs`: their mentions so far, sorted by start; offsets are characters.
    Returns the mentions sorted by start."""
    if sum(map(len, texts)) > MAX_ARTICLE_CHARS:
        return tuple(map(tuple, paragraphs))  # as the model: a 50 MB file gets the gazetteer only
    result = []
    for text, mentions in zip(texts, paragraphs, strict=True):
        mentions = _outlets_named_like_places(text, mentions)
        if has_cyrillic(text):
            spans = _russian(text, mentions) + _quoted(text) + _latin_named(text)
        elif ARABIC_SCRIPT.search(text):
            mentions = _persian_known_and_place(text, mentions)
            spans = _persian(text, mentions) + _quoted(text)
        else:
            spans = _english(text, mentions)
        result.append(_bracketed_acronyms(text, _merged(text, mentions, spans) if spans else tuple(mentions)))
    return tuple(result)


# An acronym in brackets right after a name: "Preferential Trade Agreement (PTA)", "National Iranian Gas
# Company (NIGC)", "Федеральной службы по военно-техническому сотрудничеству (ФСВТС)"; 2 to 8 capitals.
_BRACKETED = re.compile(r" ?\(([A-ZА-ЯЁ]{2,8})\)")


def _bracketed_acronyms(text: str, mentions: tuple[Mention, ...]) -> tuple[Mention, ...]:
    """An acronym in brackets right after an organisation's, agreement's or facility's name is
    that entity (its type and canonical name), where it is made of the name's capitalised words'
    initials, or (an organisation) opens with the name's first letter, as a Russian one does
    (ФСВТС). It replaces the model's reading of the same span (the model read "FTA" as an
    organisation, and missed "PTA" and "ФСВТС"); a gazetteer mention of the acronym wins.
    Offsets are characters; `mentions` sorted by start."""
    out = list(mentions)
    for m in mentions:
        hit = _BRACKETED.match(text, m.end)
        if m.type not in ("ORG", "EVENT", "FAC") or hit is None:
            continue
        acronym = hit.group(1)
        initials = "".join(w[0] for w in re.split(r"[\s-]+", m.text) if w[:1].isupper())
        if acronym != initials and not (m.type == "ORG" and acronym[0] == m.text[:1].upper()):
            continue
        start, end = hit.span(1)
        there = [j for j, other in enumerate(out) if other.start < end and start < other.end]
        if all(out[j].source == "model" and (out[j].start, out[j].end) == (start, end) for j in there):
            out = [o for j, o in enumerate(out) if j not in there] + [Mention(start, end, acronym, m.type, m.canonical, "model")]
    return tuple(sorted(out, key=lambda m: m.start))


# A newspaper or channel named like a place: "газете Turkiye", "the daily Iran", "روزنامه ایران".
_OUTLET_BEFORE = re.compile(r"(?:\b(?:newspaper|daily|weekly|magazine|TV channel|broadcaster)|(?<![\w-])(?:[Гг]азет[аеуыой]"
                            r"|[Ее]женедельник[аеуом]?|[Тт]елеканал[аеуом]?|[Жж]урнал[аеуом]?)|روزنامه)\s[«\"“]?$")


def _outlets_named_like_places(text: str, mentions: Sequence[Mention]) -> Sequence[Mention]:
    """A place mention right after a newspaper's or channel's common noun names the
    outlet: an ORG of its own name ("Лавров дал интервью газете Turkiye"), not the
    country; not the first part of a compound ("газета Иран-Россия")."""
    if not any(m.type == "GPE" for m in mentions):
        return mentions
    out = list(mentions)
    for i, m in enumerate(mentions):
        if m.type == "GPE" and _OUTLET_BEFORE.search(text, max(0, m.start - 20), m.start) \
                and not text[m.end:m.end + 1].isalpha() and text[m.end:m.end + 1] not in "-–":
            out[i] = Mention(m.start, m.end, m.text, "ORG", m.text, "model")
    return out


def _merged(text: str, mentions: Sequence[Mention], spans: list[tuple[int, int]]) -> tuple[Mention, ...]:
    """`mentions` (sorted, never overlapping) with each span made an ORG mention where
    the rules allow; bisection keeps it linear on a long paragraph with many names."""
    kept = list(mentions)
    starts = [m.start for m in kept]
    dropped: set[int] = set()
    claimed = bytearray(len(text))  # characters of the names added here
    added = []
    for start, end in sorted(_after_named(text, mentions, start, end) for start, end in spans):
        if any(claimed[start:end]):
            continue
        first = max(0, bisect_right(starts, start) - 1)
        inside = [i for i in range(first, bisect_left(starts, end)) if i not in dropped and kept[i].end > start]
        if any(kept[i].start < start or kept[i].end > end or kept[i].source != "model" and kept[i].type not in (
                _MODIFIERS if kept[i].end < end else _ABSORBED) and not _parent(kept[i], start, end) for i in inside):
            continue
        name = text[start:end]
        kind = "EVENT" if name.split(" ", 1)[0] in EN_EVENT_HEADS or name.rsplit(" ", 1)[-1] in EN_EVENT_HEADS else "ORG"
        if any(kept[i].start == start and kept[i].end == end and (kept[i].source != "model" or kept[i].type == kind)
               for i in inside):
            continue  # the place itself, not a name round it; the model's agreement read as an organisation is retyped
        dropped.update(inside)
        claimed[start:end] = b"\x01" * (end - start)
        place_end = _following_place(text, end, kept, starts)  # English: the place stays its own mention
        added.append(Mention(start, end, name, kind, normalize(text[start:place_end]), "model"))
    if not added:
        return tuple(mentions)
    return tuple(sorted([*(m for i, m in enumerate(kept) if i not in dropped), *added], key=lambda m: m.start))


def _after_named(text: str, mentions: Sequence[Mention], start: int, end: int) -> tuple[int, int]:
    """The span (start, end) from after the last organisation inside it that "and" joins to
    the rest: two names ("Design and Manufacturing of Aircraft Engines and Baharestan Kish
    Company"), the second of which is the head's."""
    cut = max((m.end + len(" and ") for m in mentions
               if m.type == "ORG" and start <= m.start and m.end < end and text.startswith(" and ", m.end)), default=start)
    return cut, end


def _parent(m: Mention, start: int, end: int) -> bool:
    """Whether `m` is a known English organisation opening the span (start, end) before
    its unit's own words: "Islamic Revolutionary Guard Corps Aerospace Force" (the blind-8
    ORG misses; `_english` reaches back to it)."""
    return m.type == "ORG" and m.start == start and m.end < end and m.text.isascii()


def _following_place(text: str, end: int, mentions: Sequence[Mention], starts: list[int]) -> int:
    """The end of the place (GPE) mention right after `end` (spaces between only), or
    `end`. `mentions` sorted by start; `starts` their starts."""
    i = bisect_left(starts, end)
    if i < len(mentions) and mentions[i].type == "GPE" and not text[end:mentions[i].start].strip():
        return mentions[i].end
    return end


def _coverage(text: str, mentions: Sequence[Mention], own: bool = True) -> bytearray:
    """Which characters a mention covers (`own=False`: the model's do not count, a
    longer name may absorb them)."""
    covered = bytearray(len(text))
    for m in mentions:
        if own or m.source != "model":
            covered[m.start:m.end] = b"\x01" * (m.end - m.start)
    return covered


# News outlets named by what they are or what they do: "news agency SANA", "the daily Kommersant",
# ", Trend reports." (the name alone, one to four capitalised words).
_EN_OUTLET = re.compile(r"(?:news agency|agency|newspaper|daily|broadcaster|news website|news outlet|TV channel)"
                        r" ((?:[A-Z][\w&'’-]*)(?: [A-Z][\w&'’-]*){0,3})"
                        r"|, ((?:[A-Z][\w&'’-]*)(?: [A-Z][\w&'’-]*){0,3}) (?:reports|reported)\b")


def _english(text: str, mentions: Sequence[Mention]) -> list[tuple[int, int]]:
    words = list(_EN_WORD.finditer(text))
    spans = [hit.span(1) if hit.group(1) else hit.span(2) for hit in _EN_OUTLET.finditer(text)]
    # A known organisation right before a unit's modifiers: "Islamic Revolutionary Guard Corps Aerospace Force".
    known_ends = {m.end + 1: m.start for m in mentions if m.type == "ORG" and m.source == "gazetteer"}
    covered = None
    for i, word in enumerate(words):
        if word.group() not in EN_HEADS and word.group() not in EN_EVENT_HEADS:
            continue
        if covered is None:
            covered = _coverage(text, mentions, own=False)
        if covered[word.start()]:
            continue
        first = i
        while first > 0 and i - first < _EN_MAX_WORDS and _joined(text, words[first - 1], words[first]):
            if _en_modifier(text, words[first - 1]):
                first -= 1
            elif words[first - 1].group() in ("and", "of") and first > 1 and _joined(text, words[first - 2], words[first - 1]) \
                    and _en_modifier(text, words[first - 2]) and not covered[words[first - 2].start()]:
                first -= 2  # "Construction and Development of Transportation Infrastructure Company"
            else:
                break
        last = i
        event = word.group() in EN_EVENT_HEADS
        reach = _EN_MAX_EVENT_WORDS if event else _EN_MAX_WORDS
        after = i + 2 if i + 3 >= len(words) or words[i + 2].group() != "the" else i + 3  # "Treaty on the Foundations"
        if after < len(words) and words[i + 1].group() in _EN_COMPLEMENT[event] \
                and all(_joined(text, words[j], words[j + 1]) for j in range(i, after)) and words[after].group()[:1].isupper():
            last = after
            while last + 1 < len(words) and last - i < reach and _joined(text, words[last], words[last + 1]) \
                    and not text.startswith(("'s", "’s"), words[last].end()) \
                    and (words[last + 1].group()[:1].isupper() and words[last + 1].group() not in _EN_NOT_MODIFIERS
                         or words[last + 1].group() in ("and", "of") and last + 2 < len(words)
                         and words[last + 2].group()[:1].isupper() and _joined(text, words[last + 1], words[last + 2])):
                last += 1
            while words[last].group() in _EN_JOINERS:
                last -= 1
        parent = known_ends.get(words[first].start()) if first < i and text[words[first].start() - 1] == " " else None
        if last > first:
            spans.append((words[first].start() if parent is None else parent, words[last].end()))
    return spans


# A name in «» right after the common noun that says what it is: "компания «Иран Ходро»",
# "госкорпорации «Ростех»", "شرکت «گازپروم»", "روزنامه «کیهان»".
_QUOTED = re.compile(r"(?<![\w])(?i:(?:гос|авиа)?(?:компани|корпораци)[яиюей]|концерн[аеуом]?|холдинг[аеуом]?|банк[аеуом]?"
                     r"|агентств[оаеу]м?|телеканал[аеуом]?|издани[еяюи]|газет[аеуыой]|фирм[аеуыой]|завод[аеуом]?"
                     r"|شرکت|خبرگزاری|روزنامه|بانک|هلدینگ|گروه|پایگاه خبری)\s+«(?![а-яё])([^«»\n]{2,60})»")  # the noun in any case ("Компания «…»" opening a sentence), the quoted name capitalised


def _quoted(text: str) -> list[tuple[int, int]]:
    """The names in «» after a company, bank, agency or newspaper noun (see `_QUOTED`)."""
    return [hit.span(1) for hit in _QUOTED.finditer(text) if hit.group(1).strip() == hit.group(1)]


# A foreign company the Russian press names in Latin letters after the noun, one or two joined by "и":
# "с иранскими компаниями SAHAB и SpaceOmid", "компания Mapna Group".
_LATIN_NAME = r"([A-Z][A-Za-z0-9&]*(?:-[A-Za-z0-9&]+)*(?: [A-Z][A-Za-z0-9&]*(?:-[A-Za-z0-9&]+)*){0,3})(?![\w-])"
_LATIN_NAMED = re.compile(r"(?<![\w])(?:(?:[Гг]ос|[Аа]виа)?(?:[Кк]омпани|[Кк]орпораци)(?:ями|ям|ях|ей|й|я|и|ю)|[Кк]онцерн[аеуом]?"
                          r"|[Хх]олдинг[аеуом]?|[Фф]ирм[аеуыой])\s+" + _LATIN_NAME + r"(?:\s+и\s+" + _LATIN_NAME + r")?")


def _latin_named(text: str) -> list[tuple[int, int]]:
    """The Latin-lettered names right after a Russian company noun (see `_LATIN_NAMED`):
    each name's (start, end) in characters."""
    return [hit.span(group) for hit in _LATIN_NAMED.finditer(text) for group in (1, 2) if hit.group(group)]


def _en_modifier(text: str, word: re.Match) -> bool:
    """A capitalised word that may stand before an English head: not an opener, title or
    head, and no possessive after it ("Iran's Chamber of Commerce": the name is "Chamber of Commerce")."""
    surface = word.group()
    return surface[:1].isupper() and surface not in _EN_NOT_MODIFIERS and surface not in EN_HEADS \
        and not text.startswith(("'s", "’s"), word.end())


def _joined(text: str, left: re.Match, right: re.Match) -> bool:
    return text[left.end():right.start()] == " "


def _russian(text: str, mentions: Sequence[Mention]) -> list[tuple[int, int]]:
    words = list(_RU_WORD.finditer(text))
    covered = _coverage(text, mentions)
    # "Иранская организация по атомной энергии": a nationality may open a name (merging absorbs it)
    nationalities = {m.start for m in mentions if m.type == "NORP" and m.source == "gazetteer"}
    adjectives = {m.end: m.start for m in mentions if m.type == "NORP" and m.text.islower()}  # "турецкого МИДа"
    starts = [m.start for m in mentions]
    spans = []
    i = 0
    while i < len(words):
        word = words[i]
        surface = word.group()
        if surface in _RU_ACRONYMS:
            start = adjectives.get(word.start() - 1, word.start()) if text[word.start() - 1:word.start()] == " " else word.start()
            spans.append((start, _following_place(text, word.end(), mentions, starts)))
            i += 1
            continue
        if not surface[:1].isupper() or surface.isupper() or (covered[word.start()] and word.start() not in nationalities) \
                or sentence_initial(text, word.start(), SENTENCE_OPENERS, SENTENCE_ENDS):
            i += 1
            continue
        pos, lemma, _ = russian_parse(surface)
        last = None
        if lemma in _RU_HEADS:  # a capitalised head and its complement: Организации по атомной энергии
            last = _russian_complement(text, words, i)
            if last == i and i + 1 < len(words) and _joined(text, word, words[i + 1]) \
                    and words[i + 1].group()[:1].isupper() and not covered[words[i + 1].start()]:
                i += 1  # "Организации Исламского сотрудничества": the name goes on in words this rule cannot read
                continue
        elif pos in ("ADJF", "PRTF"):  # Каспийской флотилии, Национальной иранской газовой компанией
            j = i + 1
            while j < len(words) and j - i < _RU_MAX_WORDS and _joined(text, words[j - 1], words[j]):
                next_pos, next_lemma, _ = russian_parse(words[j].group())
                if next_lemma in _RU_HEADS and next_pos == "NOUN":
                    last = _russian_complement(text, words, j)
                    break
                if next_pos not in ("ADJF", "PRTF"):
                    break
                j += 1
        if last is None:
            i += 1
            continue
        spans.append((word.start(), _following_place(text, words[last].end(), mentions, starts)))
        i = last + 1
    return spans


def _russian_complement(text: str, words: list[re.Match], head: int) -> int:
    """The index of the last word of a Russian head's complement: lower-case
    adjectives and nouns in the genitive ("иностранных дел"), or "по" and the
    words after it ("по атомной энергии"), ending on a noun; `head` if none."""
    last = head
    j = head + 1
    if j < len(words) and words[j].group() == "по" and _joined(text, words[head], words[j]):
        j += 1
    while j < len(words) and j - head <= 4 and _joined(text, words[j - 1], words[j]) and words[j].group().islower():
        pos, _, case = russian_parse(words[j].group())
        if pos == "NOUN" and (case == "gent" or words[head + 1].group() == "по"):
            last = j
        elif pos not in ("ADJF", "PRTF"):
            break
        j += 1
    return last


def _persian(text: str, mentions: Sequence[Mention]) -> list[tuple[int, int]]:
    normal, offsets = normalize_mapped(text)
    starts = {m.start for m in mentions}
    places = {m.start for m in mentions if m.type == "GPE" and " " not in m.text}  # one word: the noun after a head
    mention_starts = [m.start for m in mentions]
    gpe_starts = {m.start for m in mentions if m.type == "GPE"}
    spans = []
    position = 0
    for hit in _FA_HEAD.finditer(normal):
        if hit.start() < position:
            continue  # inside the name before (نیروی دریایی ارتش)
        end, count = hit.end(), 0
        if hit.group() in _FA_NOUN_HEADS_NORMAL:
            noun = _FA_WORD.match(normal, end)
            if noun is None or noun.group(1) in _FA_STOP or noun.group(1) in PERSIAN_STOP and not (
                    _mapped(offsets, noun.start(1), noun.start(1))[0] in places):
                continue  # "دانشگاه" alone: no name here (a known name after it is absorbed or wins, `_merged`)
            end, count = noun.end(), 1  # "دانشگاه تهران", the University of Tehran: the city is its name
        while True:
            for word in _complement(normal, end, starts, offsets):
                end = word.end()
                count += 1
            chained = _FA_HEAD.match(normal, end + 1) if normal[end:end + 1] == " " else None
            if chained is None or _mapped(offsets, end + 1, end + 1)[0] in starts:
                break
            end, count = chained.end(), count + 1
        position = end
        start, end = _mapped(offsets, hit.start(), end)
        places_end = _following_place(text, end, mentions, mention_starts)
        if places_end == end and (bridged := _bridge_to_place(normal, offsets, hit.end(), gpe_starts)) is not None:
            places_end = _following_place(text, bridged, mentions, mention_starts)  # "دانشگاه دوستی ملل روسیه"
        if hit.group() in _FA_NEEDS_COMPLEMENT and not count and places_end == end:
            continue  # "بانک" alone is a bank, not one bank's name
        if places_end > end and (joined := _FA_AND.match(text, places_end)):
            second = _following_place(text, joined.end(), mentions, mention_starts)
            places_end = second if second > joined.end() else places_end
        spans.append((start, places_end))  # "سازمان توسعه تجارت ایران", "شورای تجاری ایران و روسیه": one name
    for hit in _FA_OUTLET.finditer(normal):
        spans.append(_mapped(offsets, *hit.span()))
    return spans


_FA_KNOWN_HEAD = re.compile(r"(?:" + "|".join(re.escape(h) for h in (*_FA_HEADS, normalize("خبرگزاری"))) + r")(?![\w])")
_FA_EZAFE = normalize("ی")
_FA_OBJECT = re.compile(r"[\s\u200c]+" + normalize("را") + r"(?![\w])")


def _persian_known_and_place(text: str, mentions: Sequence[Mention]) -> Sequence[Mention]:
    """A known Persian organisation named by its head ("شورای فدراسیون", "خبرگزاری صدا و
    سیما") and the place right after it are one name, as the gazetteer's "وزارت خارجه
    روسیه" is: "شورای فدراسیون روسیه" (its canonical name stays), and with the ezafe
    written on it, a branch of its own ("خبرگزاری صدا و سیمای گیلان", the provincial
    one: its canonical name is the text). Not where the place is the verb's object
    ("سازمان ملل ایران را محکوم کرد")."""
    out: list[Mention] = []
    skip = -1
    for i, m in enumerate(mentions):
        if i == skip:
            continue
        place = mentions[i + 1] if i + 1 < len(mentions) else None
        if m.type == "ORG" and place is not None and place.type == "GPE" and _FA_KNOWN_HEAD.match(normalize(m.text)):
            between = normalize(text[m.end:place.start])
            if between.strip() in ("", _FA_EZAFE) and between[:1] in (" ", _FA_EZAFE) and not _FA_OBJECT.match(text, place.end):
                name = text[m.start:place.end]
                branch = bool(between.strip())
                out.append(Mention(m.start, place.end, name, "ORG", normalize(name) if branch else m.canonical,
                                   "model" if branch else m.source))
                skip = i + 1
                continue
        out.append(m)
    return out


def _bridge_to_place(normal: str, offsets: list[int] | None, position: int, gpe_starts: set[int]) -> int | None:
    """Where a Persian head's name ends when it runs through up to `_FA_MAX_BRIDGE`
    words (nouns of its own, "و" between two of them) to a place: the character
    (in the original text) right before that place's mention starts, or None when a
    function word or verb, a punctuation mark or another mention comes first
    ("کمیسیون مشترک همکاریهای اقتصادی ایران و جمهوری آذربایجان", "اتحادیه کارآفرینان و
    صنعتگران روسیه"). `gpe_starts`: the place mentions' starts in the original text."""
    words = 0
    previous_and = True  # a place right after the head is `_following_place`'s
    while words <= _FA_MAX_BRIDGE:
        word = _FA_WORD.match(normal, position)
        if word is None:
            return None
        start = _mapped(offsets, word.start(1), word.start(1))[0]
        if start in gpe_starts:
            return None if previous_and else _mapped(offsets, position, position)[0]
        if word.group(1) == "و" or word.group(1) in _FA_BRIDGE_STOP:
            return None  # (and "و" right after the head, or two in a row)
        words += 1
        position = word.end()
        previous_and = normal.startswith(" و ", position)
        if previous_and:
            position += 2


def _complement(normal: str, position: int, starts: set[int], offsets: list[int] | None):
    """The words of a Persian head's complement right after it: adjectives (ending
    in ی, not function words) and compass points ("ناوگان شمال"), up to a mention."""
    count = 0
    while count < _FA_MAX_COMPLEMENT:
        word = _FA_WORD.match(normal, position)
        if not word or _mapped(offsets, word.start(1), word.start(1))[0] in starts:
            return
        if word.group(1) in _FA_STOP or word.group(1).endswith(_FA_PLURAL) or not (word.group(1).endswith("ی") or word.group(1) in _FA_COMPASS):
            return
        yield word
        position = word.end()
        count += 1


def _mapped(offsets: list[int] | None, start: int, end: int) -> tuple[int, int]:
    return (offsets[start], offsets[end]) if offsets is not None else (start, end)
