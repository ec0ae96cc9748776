"""The Iran–Russia relationship in Russian told by its grammar, not by a listed phrase (issue 16).

topics.ru.yaml lists the press's set phrases ("отношения между Россией и
Ираном", "российско-иранские отношения"), declined by pymorphy3; real copy
words the same relationship in more ways than a list can hold: another head
noun ("история взаимоотношений Ирана и России", "развития российско-иранского
сотрудничества") or another word order ("между Москвой и Тегераном сложились
дружеские отношения"). A frame reads such a stretch as the set phrase it
means, so the topic map keeps its weights and its `requires`:

- a relation noun (by its lemma: отношение, взаимоотношение, связь,
  сотрудничество, партнёрство, взаимодействие) within `_REACH` words of a pair
  of the two sides' names joined by "и" / "с" (Russia or Moscow, Iran or
  Tehran, as the gazetteer resolves them: "РФ", "ИРИ", "Москвой"), in one
  clause, reads as `RELATIONS` ("отношения между россией и ираном"), unless
  an adjective of a field qualifies the noun ("торгово-экономические
  отношения", "военное сотрудничество": that field's topic, `_FIELDS`);
- the two sides' compound adjective straight before a relation noun
  ("российско-иранского сотрудничества", "ирано-российских связей") reads as
  `BILATERAL` ("российско-иранские отношения"); with a word between, the
  adjective names a body or a field ("российско-иранской комиссии по
  сотрудничеству", "торгово-экономического сотрудничества") and stays context.

A listed phrase of several words also reads with one adjective or participle
put before its last noun ("механизма восстановления международных санкций"
is "механизм восстановления санкций", "введения новых санкций" is "введение
санкций"), unless it is a field's ("развитие торговых отношений" is trade, not
"развитие отношений"): `inserted_adjective_frames`. One also reads with a
genitive complement put after its first noun, before its preposition
("переговоров Ирана и США по ядерной программе" is "переговоры по ядерной
программе"): `genitive_complement_frames`.

Source: the misses of the Russian dev sets of issue 16 (the lead's blind set 6,
ru/02, ru/03, ru/07), where the relationship was the story and no listed
phrase matched; the genitive complement: topicsru8's dev set (Kommersant,
"срыве переговоров Ирана и США по ядерной программе").

A meeting or summit of the leaders of three countries named in a row reads as
"трехсторонняя встреча" (`three_leaders_frames`): "встреча президентов России,
Азербайджана и Ирана" is the three-way summit without its adjective.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..models import Mention
from .inflect import has_cyrillic, russian_parse

RELATIONS = "отношения между россией и ираном"
BILATERAL = "российско-иранские отношения"
_RELATION_LEMMAS = frozenset({"отношение", "взаимоотношение", "связь", "сотрудничество", "партнерство",
                              "взаимодействие"})
_SIDES = {"Russia": 0, "Moscow": 0, "Iran": 1, "Tehran": 1}
_JOIN = re.compile(r"\s+(?:и|с|со)\s+")
_BILATERAL_ADJECTIVES = ("российско-иранск", "ирано-российск", "русско-иранск")
_WORD = re.compile(r"[а-яёА-ЯЁ][а-яёА-ЯЁ-]*")
_CLAUSE_END = re.compile(r"[,;:.!?—–«»()\"]")
# Stems of the adjectives that give cooperation a field ("экономическое сотрудничество", "торгово-экономические
# отношения"), matched anywhere in the adjective so compounds count ("военно-техническое").
_FIELDS = re.compile(r"экономич|торгов|военн|оборон|энергетич|нефт|газов|ядерн|атомн|банковск|финансов|транспортн"
                     r"|культурн|гуманитарн|научн|техническ|технологич|промышлен|инвестицион|таможен|космич"
                     r"|образовательн|туристич|сельскохоз|аграрн|межрегиональн|парламентск")
_REACH = 3  # words from the pair to the relation noun ("отношения между …", "… сложились дружеские отношения")


def relationship_frames(text: str, mentions: Sequence[Mention]) -> list[tuple[str, int, int]]:
    """(phrase of topics.ru.yaml, start, end) for each stretch of `text` that
    words the Iran–Russia relationship by a frame of this module; `mentions`
    are the paragraph's entity mentions in reading order (offsets into
    `text`). [] for text without Cyrillic."""
    if not has_cyrillic(text):
        return []
    frames = []
    sided = [m for m in mentions if m.canonical in _SIDES]
    for first, second in zip(sided, sided[1:]):
        if _SIDES[first.canonical] != _SIDES[second.canonical] and _JOIN.fullmatch(text, first.end, second.start):
            noun = _relation_near(text, first.start, second.end)
            if noun:
                frames.append((RELATIONS, min(noun[0], first.start), max(noun[1], second.end)))
    for word in _WORD.finditer(text):
        if word.group().lower().startswith(_BILATERAL_ADJECTIVES):
            head = _WORD.match(text, word.end() + 1)
            if head and text[word.end()] == " " and _is_relation(head.group()):
                frames.append((BILATERAL, word.start(), head.end()))
    return frames


def _is_relation(word: str) -> bool:
    return russian_parse(word.lower())[1].replace("ё", "е") in _RELATION_LEMMAS


def _relation(text: str, word: re.Match[str], offset: int) -> tuple[int, int] | None:
    """The span of `word` (a match in text[offset:]) when it is a relation noun that no field adjective just before
    it qualifies."""
    if not _is_relation(word.group()):
        return None
    start = offset + word.start()
    previous = text[max(0, start - 40):start].split()
    if previous and _FIELDS.search(previous[-1].lower()):
        return None
    return start, offset + word.end()


def _relation_near(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of a relation noun (`_relation`) at most `_REACH` words before `start` or after `end`, in the same
    clause; the nearest before first."""
    before = text[max(0, start - 120):start]
    clause = _CLAUSE_END.split(before)[-1]
    offset = start - len(clause)
    nouns = [_relation(text, word, offset) for word in reversed(list(_WORD.finditer(clause))[-_REACH:])]
    after = _CLAUSE_END.split(text[end:end + 120])[0]
    nouns += [_relation(text, word, end) for word in list(_WORD.finditer(after))[:_REACH]]
    return next((noun for noun in nouns if noun), None)


_PHRASE_WORDS = 3  # words of a listed phrase before its last noun ("механизм восстановления" + "санкций")


def inserted_adjective_frames(text: str) -> list[tuple[str, int, int]]:
    """(words without the adjective, start, end) for each adjective or participle (pymorphy3's ADJF, PRTF) of
    `text` set between one to `_PHRASE_WORDS` words and a noun in one clause, its field aside (`_FIELDS`): the
    stretch read without it, for the topic map to look up as a listed phrase's form (most are no phrase at all).
    [] for text without Cyrillic."""
    if not has_cyrillic(text):
        return []
    words = list(_WORD.finditer(text))
    frames = []
    for at in range(1, len(words) - 1):
        word, noun = words[at], words[at + 1]
        if (text[word.end():noun.start()] != " " or _FIELDS.search(word.group().lower())
                or russian_parse(word.group().lower())[0] not in ("ADJF", "PRTF")
                or russian_parse(noun.group().lower())[0] != "NOUN"):
            continue
        start = at
        while start > max(0, at - _PHRASE_WORDS) and text[words[start - 1].end():words[start].start()] == " ":
            start -= 1
            before = text[words[start].start():word.start()]
            frames.append((f"{before}{noun.group()}".lower(), words[start].start(), noun.end()))
    return frames


THREE_WAY = "трехсторонняя встреча"
# A meeting or summit of the leaders right before the first of three countries ("встреча президентов России,
# Азербайджана и Ирана", "саммит глав государств …"), read backwards from that country's mention.
_LEADERS_BEFORE = re.compile(r"(?:встреч|саммит|переговор)\w*\s+(?:президентов|лидеров|глав(?:\s+государств)?)\s+$",
                             re.IGNORECASE)
_LIST_COMMA = re.compile(r",\s*")
_LIST_AND = re.compile(r"\s+и\s+")


def three_leaders_frames(text: str, mentions: Sequence[Mention]) -> list[tuple[str, int, int]]:
    """(`THREE_WAY`, start, end of the meeting's noun) for each meeting or summit of the leaders of three countries
    named in a row ("встреча президентов России, Азербайджана и Ирана"): a three-way summit told without the word
    "трехсторонний" (topicsru9's dev set, REGNUM 2019). `mentions` are the paragraph's entity mentions in reading order; three
    distinct places (GPE) joined by a comma and "и". [] for text without Cyrillic."""
    if not has_cyrillic(text):
        return []
    places = [m for m in mentions if m.type == "GPE"]
    frames = []
    for first, second, third in zip(places, places[1:], places[2:]):
        lead = _LEADERS_BEFORE.search(text, max(0, first.start - 60), first.start)
        if (lead and len({first.canonical, second.canonical, third.canonical}) == 3
                and _LIST_COMMA.fullmatch(text, first.end, second.start) and _LIST_AND.fullmatch(text, second.end, third.start)):
            # the meeting's noun alone: the countries are a list whose first item takes the leaders' word with it
            # ("президентов России"), and its passing damping must not reach the meeting
            frames.append((THREE_WAY, lead.start(), lead.start() + len(lead.group().split()[0])))
    return frames


_COMPLEMENT_WORDS = 4  # genitive words between a phrase's noun and its preposition ("переговоров Ирана и США по …")
# Prepositions that open a listed phrase's object ("переговоры по …", "санкции против …", "соглашение о …").
_PREPOSITIONS = frozenset({"по", "о", "об", "против", "в", "на", "с", "между"})


def genitive_complement_frames(text: str) -> list[tuple[str, int, int]]:
    """(noun, preposition and one to `_PHRASE_WORDS` words after it, start, end) for each noun of `text` followed by
    a genitive complement of one to `_COMPLEMENT_WORDS` words (pymorphy3's case "gent"; "и" between two of them)
    and a preposition (`_PREPOSITIONS`), all set off by single spaces: the stretch read without the complement, for
    the topic map to look up as a listed phrase's form ("переговоров Ирана и США по ядерной программе" ->
    "переговоров по ядерной программе"; most are no phrase at all). [] for text without Cyrillic."""
    if not has_cyrillic(text):
        return []
    words = list(_WORD.finditer(text))

    def joined(at: int) -> bool:  # words[at] follows words[at - 1] after one space
        return text[words[at - 1].end():words[at].start()] == " "

    frames = []
    for at, noun in enumerate(words):
        if russian_parse(noun.group().lower())[0] != "NOUN":
            continue
        run = at + 1
        while (run < len(words) and run - at <= _COMPLEMENT_WORDS and joined(run)
               and (words[run].group().lower() == "и" and run > at + 1
                    or russian_parse(words[run].group().lower())[2] == "gent")):
            run += 1
        if run == at + 1 or run >= len(words) or not joined(run) or words[run - 1].group().lower() == "и" \
                or words[run].group().lower() not in _PREPOSITIONS:
            continue
        for last in range(run + 1, min(run + 1 + _PHRASE_WORDS, len(words))):
            if not joined(last):
                break
            frames.append((f"{noun.group()} {text[words[run].start():words[last].end()]}".lower(), noun.start(),
                           words[last].end()))
    return frames
