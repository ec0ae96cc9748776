"""Russian inflected forms of gazetteer aliases and topic signals, generated once.

Russian names decline (Путин, Путина, Путину, Путиным, Путине; Тегеран,
Тегеране). Rather than analyse every word of every article, the forms of each
alias are generated when the gazetteer or topic map is parsed, with pymorphy3
and its OpenCorpora dictionary (pymorphy3-dicts-ru), and cached with the parsed
file (reader.cache): matching stays one Aho-Corasick pass. Measured on this
machine: the analyser loads in 0.2 s and one word's forms take 0.2 ms, so the
whole shipped gazetteer's forms cost well under a second, once per edit of
the file.

Rules (a name is a noun phrase): adjectives before the first noun agree with
it (Бушерская АЭС -> Бушерской АЭС); the first noun is the head and declines;
what follows the head stays as written (Договор о стратегическом партнёрстве
-> Договора о стратегическом партнёрстве); in a person's name every noun
declines (Владимира Путина). Acronyms (АЭС, ОДКБ), words the dictionary
marks as indeclinable, and names it does not know that end in a vowel (Арагчи,
Раиси: Russian does not decline these) stay as written; an acronym read as a
word declines as a masculine noun (`DECLINED_ACRONYMS`: МИДа России, российского
МИДа), its indeclinable form kept too ("в МИД России" is written as well).
"""

from __future__ import annotations

import re
from functools import cache

CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
_CYRILLIC = re.compile("[а-яёА-ЯЁ]")
_INDECLINABLE_ENDINGS = ("и", "о", "у", "ю", "е", "э")
# Acronyms read as a word (МИД, "мид"), which the press declines as a masculine noun
# (МИДа, МИДу, МИДом, МИДе; Rosenthal's handbook allows both uses), and their case endings.
DECLINED_ACRONYMS = frozenset({"МИД"})
ACRONYM_ENDINGS = {"gent": "а", "datv": "у", "ablt": "ом", "loct": "е"}
_ACRONYM = object()  # a plan's step: the acronym takes `ACRONYM_ENDINGS`


@cache
def _analyzer():
    """The pymorphy3 analyser, loaded on first use (never at import: a warm start
    reads the cached gazetteer and never needs it)."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


@cache
def russian_parse(word: str) -> tuple[str | None, str, str | None]:
    """(part of speech, lemma, case) of a Cyrillic word by the dictionary's first
    reading (pymorphy3 tags: "NOUN", "ADJF", "gent"…; None where it has none),
    the lemma in lower case. Cached per word."""
    parse = _analyzer().parse(word)[0]
    return parse.tag.POS, parse.normal_form, parse.tag.case


def has_cyrillic(text: str) -> bool:
    return _CYRILLIC.search(text) is not None


def russian_forms(phrase: str, person: bool = False, plural: bool = False) -> list[str]:
    """The case forms of a Russian noun phrase, without `phrase` itself.

    `person`: every noun declines (first name, patronymic, surname). `plural`:
    plural forms too (nationalities, topic words). Capitalisation of each word
    is kept. Words the analyser cannot read as a noun or adjective in the
    nominative stay as written; a phrase with no Cyrillic gives no forms.
    """
    if not has_cyrillic(phrase):
        return []
    words = phrase.split(" ")
    if len(words) == 1 and has_cyrillic(words[0]) and words[0].islower():
        adjective = _pick(_analyzer().parse(words[0]), "ADJF")
        if adjective is not None and _pick(_analyzer().parse(words[0]), "NOUN") is None:
            # A lone adjective (иранский): every full form, all genders and numbers.
            return list(dict.fromkeys(f.word for f in adjective.lexeme if f.tag.POS == "ADJF" and f.word != phrase))
    plan = _plan(words, person)
    if plan is None:
        return []
    numbers = ("sing", "plur") if plural else (None,)
    acronym = any(step is not None and step[0] is _ACRONYM for step in plan[0])
    forms: list[str] = []
    for declined in (True, False) if acronym else (True,):  # "российского МИДа" and "российского МИД"
        for number in numbers:
            for case in CASES:
                form = _decline(words, plan, case, number, declined)
                if form and _plain(form) != _plain(phrase) and form not in forms:
                    forms.append(form)
    return forms


def _plan(words: list[str], person: bool):
    """Per word: (parse, is_adjective) for the words that decline, None for the rest;
    and the head noun's parse. None when nothing declines."""
    morph = _analyzer()
    plan: list = [None] * len(words)
    head = None
    for i, word in enumerate(words):
        stem = word.rsplit("-", 1)[-1]
        if not has_cyrillic(stem):
            if head is None and i:
                break  # "Бушерская ..." followed by Latin: stop before it
            continue
        parses = morph.parse(stem)
        is_last = i == len(words) - 1
        adjective = None if is_last else _pick(parses, "ADJF")
        if adjective is not None and head is None:
            plan[i] = (adjective, True)
            continue
        noun = _pick(parses, "NOUN")
        if stem.isupper() and len(stem) > 1:  # an acronym: gives its gender, never declines (but МИД)
            if stem in DECLINED_ACRONYMS and word == stem:
                plan[i] = (_ACRONYM, False)
            if head is None:
                head = noun
                if not person:
                    break
            continue
        if noun is None or "Fixd" in noun.tag or (stem.lower().endswith(_INDECLINABLE_ENDINGS) and not noun.is_known):
            if head is None and noun is not None:
                head = noun
                if not person:
                    break
            continue
        plan[i] = (noun, False)
        if head is None:
            head = noun
            if not person:
                break
    if head is None or not any(plan):
        return None
    return plan, head


def _pick(parses, pos: str):
    """The best nominative parse of part of speech `pos` (ADJF takes participles too:
    Соединённые): singular first, then plural."""
    wanted = ("ADJF", "PRTF") if pos == "ADJF" else (pos,)
    for number in ("sing", "plur"):
        for parse in parses:
            tag = parse.tag
            if tag.POS in wanted and tag.case == "nomn" and tag.number == number:
                return parse
    return None


def _decline(words: list[str], plan_and_head, case: str, number: str | None, acronyms: bool = True) -> str | None:
    """The phrase in `case` and `number` (None: the head's own); `acronyms`: whether a
    `DECLINED_ACRONYMS` word takes its case ending."""
    plan, head = plan_and_head
    head_number = number or head.tag.number or "sing"
    out = []
    for word, step in zip(words, plan, strict=True):
        if step is None:
            out.append(word)
            continue
        parse, adjective = step
        if parse is _ACRONYM:
            out.append(word + ACRONYM_ENDINGS.get(case, "") if acronyms and head_number == "sing" else word)
            continue
        grammemes = {case, head_number}
        if adjective:
            if head_number == "sing" and head.tag.gender:
                grammemes.add(head.tag.gender)
            if case == "accs" and head.tag.animacy:
                grammemes.add(head.tag.animacy)
        elif "Pltm" in parse.tag and head_number == "sing":
            grammemes = {case}
        inflected = parse.inflect(grammemes) or parse.inflect(grammemes - {"anim", "inan"})
        if inflected is None:
            return None
        prefix, _, stem = word.rpartition("-")
        out.append((prefix + "-" if prefix else "") + _shape(inflected.word, stem))
    return " ".join(out)


def _plain(text: str) -> str:
    """ё written as е: the dictionary writes ё where the press mostly does not."""
    return text.replace("ё", "е").replace("Ё", "Е")


def _shape(form: str, like: str) -> str:
    """`form` (lower case, from the dictionary) written with `like`'s capitals."""
    if like.isupper():
        return form.upper()
    if like[:1].isupper():
        return form[:1].upper() + form[1:]
    return form


@cache
def is_participle(word: str) -> bool:
    """Whether a lower-case Russian word reads first as a full participle (PRTF in
    pymorphy3's best parse): введенные, подписанное, направленные; not военные,
    государственные, настоящий (adjectives). Cached per word. A participle opens
    a participial clause (причастный оборот: "санкции, введенные против Ирана и
    России, …"), set off by commas like a list item but never one."""
    return has_cyrillic(word) and word.islower() and russian_parse(word)[0] == "PRTF"


@cache
def is_finite_verb(word: str) -> bool:
    """Whether a Russian word reads first as a finite verb (VERB in pymorphy3's best
    parse, any person, tense or case of its letters): прекратила, выросли, призвал; not
    удары, санкций, введения (nouns), введенные (a participle). A finite verb is a
    clause's predicate; a prepositional phrase ("после введения санкций") has none.
    Cached per word."""
    return has_cyrillic(word) and russian_parse(word.lower())[0] == "VERB"


# The dictionary's marks for proper names, as OntoNotes types.
_NAME_MARKS = (("Surn", "PERSON"), ("Name", "PERSON"), ("Patr", "PERSON"), ("Geox", "GPE"), ("Orgn", "ORG"))
_NOMINATIVE_SURNAME = ("ов", "ев", "ёв", "ин", "ын", "ский", "цкий")


@cache
def russian_nominative(word: str) -> tuple[str, str | None, str | None]:
    """(`word` in the nominative, its part of speech, the OntoNotes type its
    dictionary marks give) for one capitalised Cyrillic word, cached per word.

    Лихачёва, Лихачёву -> Лихачёв (a surname under its masculine lemma, as the
    dictionary lists it); Сергея -> Сергей; Государственной -> Государственная
    (an adjective keeps its gender). Acronyms (ОДКБ) and words already ending as a
    nominative surname (Закиров: the dictionary would read a plural of Закир, Кабулов one of the
    city Кабул; Евразийский is an
    adjective it knows) stay
    as written. The part of speech is pymorphy3's (None: a word it does not know;
    "Apro": a pronoun-adjective such as Ваш).
    """
    if word.isupper() or "-" in word:
        return word, "NOUN", None
    parse = _analyzer().parse(word)[0]
    tag = parse.tag
    kind = next((name for mark, name in _NAME_MARKS if mark in tag), None)
    if word.lower().endswith(_NOMINATIVE_SURNAME) and (kind == "PERSON" or not parse.is_known
                                                       or kind == "GPE" and {"plur", "gent"} in tag):
        return word, "NOUN", "PERSON"  # (Кабулов: a surname, not "of the Kabuls")
    if not parse.is_known:  # the analyser's guess from the ending: trusted for surnames and first names only
        return (_shape(parse.normal_form, word), "NOUN", kind) if kind == "PERSON" else (word, None, None)
    if "Apro" in tag:
        return word, "Apro", None  # Ваш, Наша: pronouns, never names
    if tag.POS in ("ADJF", "PRTF"):
        inflected = parse.inflect({"nomn"})
        return _shape(inflected.word if inflected else word.lower(), word), "ADJF", kind
    if tag.POS == "NOUN" and tag.case != "nomn":
        return _shape(parse.normal_form, word), "NOUN", kind
    return (_shape(parse.normal_form, word) if kind == "PERSON" else word), tag.POS, kind
