"""Russian and Persian names the gazetteer lacks (SPEC §5 and §4a; issues 14 and 16).

The statistical recogniser (`model`) is English-only. For Cyrillic and Persian
text, names come from the same readings that offer the reader's candidates
(`gazetteer.cyrillic_spans`, `gazetteer.persian_spans`): pymorphy3's
dictionary marks (first name, surname, patronymic) and its surname endings for
Russian, and for Persian, which has no capitals, the titles and quotes that
introduce a person in agency copy and the words that introduce a source. Only
the confident readings become mentions:

- Russian: a run of two to four capitalised words with a person's mark
  ("Сергей Рябков", "Ольгой Лут", "Астахов Дмитрий"), or with a common Iranian
  or Arabic first name the dictionary lacks (`_IRANIAN_FIRST_NAMES`: "Мохсен
  Хойстемер", "Казем Джалали"); an organisation, facility or agreement named by
  its head noun ("Банк России", "Бушерская АЭС");
- Persian: a person after a title or quoted before one; an agency after
  "خبرگزاری" or "به گزارش".

Then every other occurrence of a found person's full name or surname in the
article, in any case form ("Рябкова", "Джалали"), is a mention of the same
person. These mentions carry `source="model"` (they stand in for the
statistical recogniser, and `entities: {model: false}` turns them off too);
their canonical name is the full name in the nominative.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from difflib import SequenceMatcher

from ..models import Mention
from .gazetteer import PERSIAN_STOP, cyrillic_spans, persian_spans
from .inflect import has_cyrillic, russian_nominative
from .model import _OPENERS, _TITLES
from .normalize import ARABIC_SCRIPT, normalize, normalize_mapped

# Iranian and Arabic first names as the Russian press writes them (the dictionary knows
# Russian ones only). Source: the Cyrillic spellings in TASS, RIA and Interfax copy of the dev set.
_IRANIAN_FIRST_NAMES = frozenset("""Мохаммад Мохаммед Мухаммед Мухаммад Али Хасан Хассан Хосейн Хоссейн Хусейн Мехди Махди
Казем Мохсен Масуд Аббас Джавад Реза Ахмад Ахмед Эбрахим Ибрахим Хамид Маджид Саид Сейед Сейид Голам Голамреза Исмаил
Эсмаил Амир Бахрам Бижан Бахман Мансур Мортеза Алиреза Хамидреза Мохаммадреза Абдолла Абдоллах Рухолла Фарзад Фархад
Эхсан Махмуд Мустафа Мостафа Насер Насир Камаль Камал Мохаммадбагер Мохаммадджавад Бехруз Бехзад Кадер Шамсаддин
Фатима Фатеме Масуме Марзие Зейнаб Абульфазл Абольфазл Юсеф Юсуф Ахмадреза Голамхосейн Хешматолла Валиолла
Хабибола Хабиболла Хади Шахин""".split())
# First names in Persian script, Iranian, Russian and Western, as IRNA, Tasnim, Mehr and BBC Persian write them:
# one opens a person's name of two or three words ("ماکسیم سوبخ", "سید عباس عراقچی"). Words that are
# also common nouns or titles (حسن goodness, امیر emir, کمال perfection, ناصر, منصور) are left out.
_PERSIAN_FIRST_NAMES = frozenset(normalize(w) for w in """محمد علی حسین مهدی رضا احمد کاظم محسن مسعود عباس جواد ابراهیم
حمید مجید سعید غلامرضا غلامحسین اسماعیل بهرام محمدرضا علیرضا حمیدرضا محمدجواد محمدباقر اسحاق عبدالناصر علاءالدین
منوچهر بیژن فرزاد احسان مصطفی یوسف ابوالفضل مرتضی محمود کامران داوود اکبر علی‌اکبر علی‌اصغر سرگئی الکسی الکساندر
میخائیل دیمیتری دمیتری ولادیمیر ماریا یوری نیکولای آندری آندره ایگور ماکسیم ویتالی والری آناتولی بوریس گنادی اولگ
رومن پاول لوان کنستانتین ویکتور ویاچسلاو یوگنی اوگنی آلکسی ایوان پیوتر دونالد آنتونی رافائل ژوزپ امانوئل
اولاف هادی شاهین نیکلای حبیب‌الله حبیب سرگی سیف‌الله فیلیپ جوزف ژوزف آنتونیو جان جیمز ویلیام رابرت مایکل مارکو
ژان پیتر مارک کامالا هیلاری اورزولا آنالنا کایا ولودیمیر دنیس آرتم والنتینا ویکتوریا شهرام کامبیز بهروز بهزاد
فریدون پرویز جمشید عبدالله عبدالرضا محمدحسن محمدمهدی محمدعلی غلامعلی روح‌الله نصرالله اسدالله مجتبی کیومرث کاوه لئونید صمد استانیسلاو ولادیسلاو یاروسلاو گریگوری مارات
سیامک آرش مهرداد فرهاد فریبرز رحیم جلیل اصغر زهرا فاطمه معصومه مرضیه طاهره""".split())
_PERSIAN_HONORIFIC = normalize("سید")
# Words the candidate reading's stop list lacks that are never in a name: common words after a
# person's title (the offices that follow a name, "ماکسیم سوبخ، مشاور ...", are in that list and end it).
# The nouns of compound verbs after a name ("... دیمیتری آزبروف توافق کردند", agreed) and the adverbs and
# adjectives of a predicate ("وزیر امور خارجه ایران بسیار مهم بود", very important): never a surname. "منتخب"
# (elect), "متن" (text), "برخی" (some) and "الخصوص" ("علی الخصوص", especially: not the first name Ali) from
# Persian pages of the fa/ru dev set (issue 16).
_PERSIAN_COMMON = frozenset(normalize(w) for w in """بار دیگر مدعی دائم اخیر نخست دوم سوم قبلی رغم
توافق دیدار گفتگو ملاقات تاکید تأکید اعلام اشاره سفر رایزنی بسیار مهم منتخب متن برخی الخصوص""".split())
_PERSIAN_LETTERS = "\u0621-\u064a\u067e\u0686\u0698\u06a9\u06af\u06cc"
_PERSIAN_NAME_WORD = re.compile(rf"[{_PERSIAN_LETTERS}]{{2,}}")
_AGENCY = normalize("خبرگزاری")
# Case endings a foreign first name takes in Russian (Мохаммадом, Казема, Резой).
_CASE_ENDINGS = ("", "а", "у", "ом", "е", "ем", "ой", "ы", "ю", "я")
_TYPES = frozenset({"PERSON", "ORG", "FAC", "EVENT"})
_RUSSIAN_HEADS = re.compile(r"(?:Банк|Агентство|Министерство|Корпорация|Компания|Партия|Совет|Комитет|Фонд|Организация|Служба"
                            r"|Академия|Университет|АЭС|Аэропорт|Порт|Станция|Космодром|Завод|Комбинат|Договор|Соглашение"
                            r"|Саммит|Форум|Конференция|Конвенция)")
MAX_WORDS = 4  # words in a name: longer runs are headlines


def find(texts: Sequence[str], paragraphs: Sequence[Sequence[Mention]],
         own: Mapping[str, frozenset[str]] | None = None) -> tuple[tuple[Mention, ...], ...]:
    """Each paragraph's mentions plus the Russian and Persian names no mention covers.

    `texts`: the article's paragraph texts; `paragraphs`: their mentions so far
    (gazetteer, patterns), sorted by start. Paragraphs without Cyrillic or
    Arabic-script letters are returned as they are. Offsets are characters.
    `own`: the gazetteer people's given names (`own_given_names`), which tell a
    namesake from the person (`given_names`).
    """
    if not reads(texts):
        return tuple(map(tuple, paragraphs))
    paragraphs = given_names(texts, [_nisba_surnames(text, _ministries(text, _agencies(text, mentions)))
                                     for text, mentions in zip(texts, paragraphs, strict=True)], own=own)
    found: list[list[Mention]] = []
    for text, mentions in zip(texts, paragraphs, strict=True):
        found.append(_names(text, mentions) if has_cyrillic(text) or ARABIC_SCRIPT.search(text) else [])
    people = {m.text: m.canonical for ms in (*found, *paragraphs) for m in ms
              if m.type == "PERSON" and " " in m.text and not m.text.isascii()}
    result = []
    for text, mentions, names in zip(texts, paragraphs, found, strict=True):
        merged = sorted([*mentions, *names], key=lambda m: m.start)
        if people:
            merged = sorted([*merged, *_again(text, merged, people)], key=lambda m: m.start)
        result.append(tuple(merged))
    return tuple(result)


def _agencies(text: str, mentions: Sequence[Mention]) -> tuple[Mention, ...]:
    """A place right after "خبرگزاری" (news agency) names the agency ("خبرگزاری فرانسه",
    Agence France-Presse): one ORG mention replaces the place; a known agency after it
    takes the word into its mention ("خبرگزاری ریانووستی", as "خبرگزاری تسنیم" is written
    in the gazetteer)."""
    if _AGENCY not in normalize(text):
        return tuple(mentions)
    out = []
    for m in mentions:
        before = normalize(text[max(0, m.start - len(_AGENCY) - 2):m.start]).rstrip()
        if m.type in ("GPE", "ORG") and before.endswith(_AGENCY):
            start = m.start - (len(text[:m.start]) - len(text[:m.start].rstrip())) - len(_AGENCY)
            name = text[start:m.end]
            # the agency's own name takes the word (its canonical name stays); a place becomes the agency
            m = m._replace(start=start, text=name) if m.type == "ORG" else Mention(
                start, m.end, name, "ORG", normalize(name), "model")
        out.append(m)
    return tuple(out)


# The word right before a name: a capitalised Latin word, or a Persian word (half-spaces inside).
_LATIN_WORD_BEFORE = re.compile(r"([A-Z][a-z]{2,}(?:-[A-Za-z][a-z]+)?) $")
_PERSIAN_WORD_BEFORE = re.compile(rf"([{_PERSIAN_LETTERS}\u200c]{{2,}})\s+$")
SAME_NAME_RATIO = 0.6  # difflib ratio of two spellings of one given name: Esmail/Esmaeil 0.92, Aleksey/Alexei 0.62
NOT_GIVEN_NAMES = frozenset("""The A An In On At Of For To From By With As And Or But Under Over Into After Before
Since During Across Between Against Like Via North South East West Northern Southern Eastern Western Central
New Old Greater Upper Lower Then Now Still Yet Only Even Both Such Some Many Most Each Every Why How What Who Where
Whom Whose Which Instead Indeed Moreover Furthermore Nevertheless Nonetheless Otherwise Hence Therefore Perhaps
Asked Told Quoting Citing Unlike Including Despite Although Though Because Whether Until Unless""".split())


def reads(texts: Sequence[str]) -> bool:
    """Whether `find` reads the article (`texts`, its paragraphs): some Cyrillic or
    Arabic-script letter; it then joins the gazetteer people's given names itself."""
    return any(has_cyrillic(t) or ARABIC_SCRIPT.search(t) for t in texts)


def own_given_names(entities) -> dict[str, frozenset[str]]:
    """Each gazetteer person's given names as the gazetteer writes them, normalised: the
    first word of its canonical name and of each alias of two words or more ("Ali
    Shamkhani", "علی شمخانی" -> Ali, علی). `entities`: `gazetteer.Entity` values."""
    return {e.canonical: frozenset(normalize(name.split()[0]) for name in (e.canonical, *e.aliases) if " " in name)
            for e in entities if e.type == "PERSON"}


def given_names(texts: Sequence[str], paragraphs: Sequence[Sequence[Mention]], others: bool = True,
                own: Mapping[str, frozenset[str]] | None = None) -> list[tuple[Mention, ...]]:
    """A gazetteer person written without its given name (a surname alias: "Baghaei",
    "بورل", "امیر عبداللهیان") right after one takes it, in Latin or Persian script.

    The word before must be a given name: in Latin letters a capitalised word that is
    not a title, an opener or a word the article writes in lower case; in Persian one
    of `_PERSIAN_FIRST_NAMES` (or glued to "سید"), where the mention does not open
    with one already. When it is a spelling of the person's own given name (difflib
    ratio `SAME_NAME_RATIO` with one of `own[canonical]`, or the first word of the
    canonical name; Esmail/Esmaeil, Aleksey/Alexei; a person whose Persian given name
    the gazetteer does not write is taken to be the same), the mention takes it,
    then a "سید" before it ("سید عباس عراقچی"), its canonical name unchanged.
    Otherwise it is a namesake ("Vladimir Medvedev" is not Dmitry Medvedev, "محمد
    هادی شمخانی" not Ali Shamkhani): a PERSON of its own, `source="model"`, with a
    second given name and "سید" before (added only when `others`, as the model's
    names are); the surname alone is then the namesake's too, where the article
    never names the gazetteer person in full. Not inside another mention, nor glued
    to a letter."""
    if not any(m.type == "PERSON" and m.source == "gazetteer" for ms in paragraphs for m in ms):
        return list(map(tuple, paragraphs))
    lower = _LowerWords(texts)
    namesakes: dict[tuple[str, str], str] = {}
    result = []
    for text, mentions in zip(texts, paragraphs, strict=True):
        out = list(mentions)
        for i, m in enumerate(mentions):
            if m.type != "PERSON" or m.source != "gazetteer":
                continue
            persian = ARABIC_SCRIPT.match(m.text) is not None
            if not persian and " " in m.text:
                continue  # the name has its given name already
            floor = mentions[i - 1].end if i else 0
            start, same = m.start, True
            before = None if persian and _given(normalize(m.text).split()[0]) else \
                _given_before(text, m.start, floor, persian, lower)  # (a Persian one may still take "سید")
            if before is not None:
                names = {*(own.get(m.canonical, ()) if own else ()), *([m.canonical.split()[0]] if " " in m.canonical else [])}
                names = {name for name in names if (ARABIC_SCRIPT.search(name) is not None) == persian}  # its script's
                word = normalize(before.group(1))
                same = any(_same_name(word, name) for name in names) or persian and not names
                if not same and not others:
                    continue
                start = before.start()
            if persian:
                for wanted in (() if same else (_given,)) + (_PERSIAN_HONORIFIC.__eq__,):
                    earlier = _PERSIAN_WORD_BEFORE.search(text, max(floor, start - 30), start)
                    if earlier is not None and wanted(normalize(earlier.group(1))) \
                            and not text[earlier.start() - 1:earlier.start()].isalpha():
                        start = earlier.start()  # "محمد هادی شمخانی", then "سید عباس عراقچی"
            if start == m.start:
                continue
            name = text[start:m.end]
            out[i] = m._replace(start=start, text=name) if same else Mention(start, m.end, name, "PERSON", name, "model")
            if not same:
                namesakes[(normalize(m.text), m.canonical)] = name
        result.append(tuple(out))
    return _surnames_of_namesakes(result, namesakes) if namesakes else result


def _surnames_of_namesakes(paragraphs: list[tuple[Mention, ...]],
                           namesakes: dict[tuple[str, str], str]) -> list[tuple[Mention, ...]]:
    """The surname alone is the namesake's (`namesakes`: (surname normalised, the
    gazetteer person) -> the namesake's full name) where the article never names the
    gazetteer person in full: "Medvedev said" after "Vladimir Medvedev" alone."""
    named = {m.canonical for ms in paragraphs for m in ms if m.source == "gazetteer" and m.type == "PERSON" and " " in m.text}
    result = []
    for mentions in paragraphs:
        result.append(tuple(
            Mention(m.start, m.end, m.text, "PERSON", namesake, "model")
            if m.source == "gazetteer" and m.canonical not in named
            and (namesake := namesakes.get((normalize(m.text), m.canonical))) else m for m in mentions))
    return result


class _LowerWords:
    """Whether the article writes a word in lower case ("Then", "Spokesman": no given
    names): its words (runs of letters, digits and hyphens) collected once, when a
    given name first needs them."""

    def __init__(self, texts: Sequence[str]):
        self._texts = texts
        self._words: set[str] | None = None

    def __contains__(self, word: str) -> bool:
        if self._words is None:
            self._words = set(_HYPHENATED_WORD.findall(" ".join(self._texts)))
        return word.lower() in self._words


_HYPHENATED_WORD = re.compile(r"[\w-]+")


def _given_before(text: str, start: int, floor: int, persian: bool, lower: _LowerWords) -> re.Match | None:
    """The given name written right before `start` (after `floor`, the previous
    mention's end), or None (see `given_names`)."""
    before = (_PERSIAN_WORD_BEFORE if persian else _LATIN_WORD_BEFORE).search(text, max(floor, start - 30), start)
    if before is None or before.end() != start or text[before.start() - 1:before.start()].isalpha():
        return None
    word = before.group(1)
    if persian:
        return before if _given(normalize(word)) else None
    if word in _TITLES or word in _OPENERS or word in NOT_GIVEN_NAMES or word in lower:
        return None
    if _OPENING_VERB.fullmatch(word) and not text[:before.start()].rstrip(_QUOTES).endswith(_IN_SENTENCE):
        return None  # "Welcoming Pezeshkian as they sat down…": a verb opening the sentence, not a given name
    return before


# A gerund ("Welcoming", "Speaking", "Addressing"): opening a sentence, it is the verb, which the model
# may read as a given name ("Welcoming Pezeshkian" as a person). Given names seldom end so; not "-ed",
# which Ahmed, Mohammed and Saeed do.
_OPENING_VERB = re.compile(r"[A-Z][a-z]{2,}ing")
_QUOTES = " \"'“‘«(\n"
_IN_SENTENCE = tuple("abcdefghijklmnopqrstuvwxyz,;0123456789")  # what ends the text before a word inside a sentence


def _same_name(word: str, name: str) -> bool:
    return SequenceMatcher(None, word.lower(), name.lower()).ratio() >= SAME_NAME_RATIO


def _given(word: str) -> bool:
    """A first name, or one glued to "سید" ("سیدعباس"); `word` normalised."""
    return word in _PERSIAN_FIRST_NAMES or word.startswith(_PERSIAN_HONORIFIC) and word[len(_PERSIAN_HONORIFIC):] in _PERSIAN_FIRST_NAMES


def _nisba_surnames(text: str, mentions: Sequence[Mention]) -> tuple[Mention, ...]:
    """A Persian nationality or place adjective right after a first name is a surname
    (Persian surnames are often such adjectives: "حمیدرضا عراقی", not "Iraqi"): the two
    words are one PERSON (`source="model"`)."""
    if not ARABIC_SCRIPT.search(text) or not any(m.type == "NORP" for m in mentions):
        return tuple(mentions)
    out = []
    for i, m in enumerate(mentions):
        before = _PERSIAN_WORD_BEFORE.search(text, max(mentions[i - 1].end if i else 0, m.start - 30), m.start) \
            if m.type == "NORP" and " " not in m.text and ARABIC_SCRIPT.match(m.text) else None
        if before is not None and normalize(before.group(1)) in _PERSIAN_FIRST_NAMES \
                and not text[before.start() - 1:before.start()].isalpha():
            name = text[before.start():m.end]
            m = Mention(before.start(), m.end, name, "PERSON", normalize(name), "model")
        out.append(m)
    return tuple(out)


# A ministry named by its field, and the country after it if the gazetteer found one
# ("وزارت خارجه اوکراین", Ukraine's Foreign Ministry; "وزارت دفاع").
_MINISTRY = re.compile(normalize("وزارت") + r"(?:\s+" + normalize("امور") + r")?\s+(?:" + "|".join(normalize(w) for w in (
    "خارجه", "دفاع", "نفت", "نیرو", "اقتصاد", "کشور", "بهداشت", "کشاورزی", "ارتباطات", "دارایی", "اطلاعات",
    "دادگستری", "صنعت", "راه")) + r")(?![\w])")


def _ministries(text: str, mentions: Sequence[Mention]) -> tuple[Mention, ...]:
    """Persian ministries the gazetteer lacks: "وزارت [امور] خارجه|دفاع|نفت…", with the
    country the gazetteer found right after it ("وزارت خارجه اوکراین"), one ORG."""
    if not ARABIC_SCRIPT.search(text):
        return tuple(mentions)
    normal, offsets = normalize_mapped(text)
    out = list(mentions)
    for hit in _MINISTRY.finditer(normal):
        start, end = hit.span()
        if offsets is not None:
            start, end = offsets[start], offsets[end]
        if any(m.start < end and start < m.end for m in out):
            continue  # the gazetteer's own ministry (وزارت امور خارجه روسیه)
        country = next((m for m in out if m.type == "GPE" and m.start > end and not text[end:m.start].strip()), None)
        if country is not None:
            out.remove(country)
            end = country.end
        out.append(Mention(start, end, text[start:end], "ORG", normalize(text[start:end]), "model"))
    return tuple(sorted(out, key=lambda m: m.start))


def _names(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    masked = list(text)
    for m in mentions:
        masked[m.start:m.end] = "·" * (m.end - m.start)
    masked_text = "".join(masked)
    found = []
    if has_cyrillic(text):
        for start, end, name, kind in cyrillic_spans(masked_text):
            words = text[start:end].split()
            if kind not in _TYPES or len(words) > MAX_WORDS:
                continue
            if kind == "PERSON" and not (len(words) >= 2 and _person(words)):
                continue
            if kind != "PERSON" and not (len(words) >= 2 and any(_RUSSIAN_HEADS.fullmatch(w) for w in words)):
                continue
            canonical = text[start:end] if kind == "PERSON" and _nominative(words[:1], words[0]) == words[0] \
                and russian_nominative(words[0])[0] == words[0] else _nominative(words, name)
            # (Ольга Смирнова as written: the dictionary's lemma of Смирнова is masculine)
            found.append(Mention(start, end, text[start:end], kind, canonical, "model"))
    if ARABIC_SCRIPT.search(text):
        for start, end, name, kind in persian_spans(masked_text):
            if not _PERSIAN_COMMON.intersection(name.split()):
                found.append(Mention(start, end, text[start:end], kind, name, "model"))
        found += _persian_people(text, masked_text, found)
    return found


def _persian_people(text: str, masked_text: str, found: Sequence[Mention]) -> list[Mention]:
    """Persian names that open with a first name (`_PERSIAN_FIRST_NAMES`, after an
    optional "سید"): the first name and the one or two words after it that are not
    common words, where no mention is."""
    normal, offsets = normalize_mapped(masked_text)
    taken = bytearray(len(text))
    for m in found:
        taken[m.start:m.end] = b"\x01" * (m.end - m.start)
    people = []
    words = list(_PERSIAN_NAME_WORD.finditer(normal))
    for i, word in enumerate(words):
        if word.group() not in _PERSIAN_FIRST_NAMES:
            continue
        first = i - 1 if i and words[i - 1].group() == _PERSIAN_HONORIFIC and _adjacent(normal, words[i - 1], word) else i
        last = i
        while last + 1 < len(words) and last - i < 2 and _adjacent(normal, words[last], words[last + 1]) \
                and words[last + 1].group() not in PERSIAN_STOP and words[last + 1].group() not in _PERSIAN_COMMON:
            last += 1
        if last == i:
            continue  # a first name alone is no evidence
        start, end = words[first].start(), words[last].end()
        if offsets is not None:
            start, end = offsets[start], offsets[end]
        if not any(taken[start:end]):
            taken[start:end] = b"\x01" * (end - start)
            name = " ".join(w.group() for w in words[first:last + 1])
            people.append(Mention(start, end, text[start:end], "PERSON", name, "model"))
    return people


def _adjacent(text: str, left: re.Match, right: re.Match) -> bool:
    """Two words separated by spaces (or a half-space) only."""
    return not text[left.end():right.start()].strip()


def _person(words: list[str]) -> bool:
    """Two or more words of which one has the dictionary's person mark or is a known
    Iranian first name in any case form; or two words the dictionary does not know,
    the second with a Russian surname's case ending ("Замира Кабулова")."""
    return any(russian_nominative(w)[2] == "PERSON" or _iranian_first_name(w) for w in words) or (
        len(words) == 2 and _OBLIQUE_SURNAME.search(words[1]) is not None
        and all(russian_nominative(w)[1] is None for w in words))


# A Russian surname's stem, its case endings other than the nominative, and the nominative
# ending they give back; None where the case is ambiguous (Кабулова is a man's genitive or a
# woman's nominative: left as written).
_SURNAME_ENDINGS = (("[сц]к", "ого|ому|им|ом", "ий"), ("[сц]к", "ой|ую", "ая"), ("[оеё]в|[иы]н", "ым|е", ""),
                    ("[оеё]в|[иы]н", "а|у", None))
# A Russian surname in a case other than the nominative (Кабулова, Кабуловым, Злочевского).
_OBLIQUE_SURNAME = re.compile("|".join(rf"(?:{stem})(?:{endings})$" for stem, endings, _ in _SURNAME_ENDINGS))


def _iranian_first_name(word: str) -> str:
    """`word` as an Iranian first name in the nominative (Мохсеном -> Мохсен), or ""."""
    word = word.replace("-", "").capitalize()  # Голам-Реза is Голамреза
    return next((word[:len(word) - len(ending)] for ending in _CASE_ENDINGS
                 if len(word) > len(ending) and word.endswith(ending) and word[:len(word) - len(ending)] in _IRANIAN_FIRST_NAMES), "")


def _nominative(words: list[str], name: str) -> str:
    """The run's nominative `name` (from the dictionary) with Iranian first names,
    which the dictionary does not know, put in the nominative too."""
    lemmas = name.split()
    if len(lemmas) != len(words):
        return name
    return " ".join(_iranian_first_name(word) or _surname_nominative(lemma)
                    for word, lemma in zip(words, lemmas, strict=True))


# Case endings that say which nominative a surname the dictionary does not know has: the
# unambiguous ones of `_SURNAME_ENDINGS`.
_SURNAME_CASES = tuple((re.compile(rf"({stem})(?:{endings})$"), r"\1" + nominative)
                       for stem, endings, nominative in _SURNAME_ENDINGS if nominative is not None)


def _surname_nominative(word: str) -> str:
    """A Russian surname in the nominative from an unambiguous case ending
    (Злочевского -> Злочевский, Кабуловым -> Кабулов); otherwise `word`."""
    for pattern, replacement in _SURNAME_CASES:
        nominative, count = pattern.subn(replacement, word)
        if count:
            return nominative
    return word


_CYRILLIC_WORD = re.compile(r"(?<![\w-])[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?(?![\w-])")
_PERSIAN_RUN = re.compile(r"[\u0621-\u064a\u067e\u0686\u0698\u06a9\u06af\u06cc]+")


def _again(text: str, mentions: Sequence[Mention], people: dict[str, str]) -> list[Mention]:
    """Other mentions of the article's found people in `text`: their surname (last word)
    alone or in another case form (Рябкова after Сергей Рябков) or, in Persian, the
    same name or surname without its title."""
    covered = bytearray(len(text))
    for m in mentions:
        covered[m.start:m.end] = b"\x01" * (m.end - m.start)
    by_lemma: dict[str, str] = {}
    persian: dict[str, str] = {}
    for surface, canonical in people.items():
        last = surface.split()[-1]
        if has_cyrillic(last):
            by_lemma.setdefault(russian_nominative(last)[0], canonical)
        else:
            persian.setdefault(normalize(last), canonical)
            persian.setdefault(normalize(surface), canonical)
    added = []
    if by_lemma and has_cyrillic(text):
        for word in _CYRILLIC_WORD.finditer(text):
            if covered[word.start()]:
                continue
            canonical = by_lemma.get(word.group()) or by_lemma.get(russian_nominative(word.group())[0])
            if canonical:
                added.append(Mention(word.start(), word.end(), word.group(), "PERSON", canonical, "model"))
    if persian and ARABIC_SCRIPT.search(text):
        normal = normalize(text)
        for name, canonical in sorted(persian.items(), key=lambda item: -len(item[0])):
            for hit in re.finditer(rf"(?<![\w\u200c]){re.escape(name)}(?![\w])", normal):
                start, end = hit.span()
                if len(normal) == len(text) and not any(covered[start:end]):
                    covered[start:end] = b"\x01" * (end - start)
                    added.append(Mention(start, end, text[start:end], "PERSON", canonical, "model"))
    return added
