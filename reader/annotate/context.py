"""Ambiguous names: a place name used as something else is not a place (SPEC §5).

"Turkey" in a roast recipe, "Georgia" in a football report, "Jordan" the
basketball player, the "Caspian tern" bird, "FC Astana" the club, "Mehr" in a
surname. Three kinds of evidence, cheapest first:

1. the neighbouring word: a bird or dish after the name ("Caspian tern",
   "Turkey breast"), a club prefix before it ("FC Astana"), a capitalised
   given name before it ("Michael Jordan", "Ali Mehr");
2. the article's field: in an article that is not about Iran and Russia
   (`TopicMatcher.in_field`), an ambiguous name is never a place;
3. the model's view: where the recogniser calls the larger span a PERSON or
   ORG, that span replaces the place ("Michael Jordan" PERSON).

Only names listed in `AMBIGUOUS` are judged; every other mention is left
alone, and in a field article an ambiguous name stays a place unless a
neighbouring word says otherwise (the near-misses of tests/test_context.py).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from ..models import Mention
from .model import LABELS, Span, canonicalise, trim
from .gazetteer import PLURAL_ACRONYM
from .names import NOT_GIVEN_NAMES, given_names
from .orgs import EN_HEADS

# Place (or agency) names that are also a bird, a dish, a team, a player or a surname.
AMBIGUOUS = frozenset({"Turkey", "Georgia", "Jordan", "Chad", "Caspian", "Astana", "Mehr", "Aktau", "Kazan", "Sochi", "Tabriz", "Mir"})
# Words right after the name that make it a thing, not a place ("Caspian tern", "Turkey breast").
_THING_AFTER = frozenset("""tern terns gull gulls seal seals plover roast breast breasts legs leg thigh thighs wing wings
gravy stuffing dinner sandwich sandwiches burger burgers bacon meat recipe recipes space station vulture vultures
sturgeon caviar horse horses sneakers shoes""".split())
# Words right before the name that make it a club ("FC Astana", "Dinamo Tbilisi").
_CLUB_BEFORE = frozenset("FC SC AFC CF Dynamo Dinamo Sporting Real Atletico".split())
# Sports words: two of them in the sentence make a country name a team.
_SPORT = frozenset("""goal goals striker midfielder defender goalkeeper coach match fixture qualifier qualifying
league cup scored score penalty squad unbeaten draw tournament points rebounds assists game games season
basketball football soccer NBA UEFA FIFA Euro draws victory victories defeat defeated beat fixtures goalkeeper
captain minnows""".split())
# Before a country these make it the place, even in a match report ("the away match in Romania").
# A leader's title ends right before the revolution it names: the words are the title ("the Leader of
# the Islamic Revolution" is Khamenei), not a mention of the event.
_LEADER_BEFORE = re.compile(r"(?:[Ll]eader of the|رهبر(?:[\s\u200c]+معظم)?|[Лл]идер|[Рр]уководитель)[\s\u200c]+$")
# The first part of a Russian compound adjective ("российско-", "ирано-") before a nationality: the
# compound is no entity (the blind-6 gold: "российско-иранский, ирано-американских").
_COMPOUND_ADJECTIVE = re.compile(r"(?<![\w-])[а-яё]+о-$")
_PLACE_PREPOSITIONS = frozenset("in of from at to near into across".split())
_WORD = re.compile(r"[\w’'-]+")
_PLACE_TYPES = frozenset({"GPE", "LOC", "ORG", "NORP", "FAC"})


def resolve(texts: Sequence[str], paragraphs: Sequence[Sequence[Mention]],
            spans: Sequence[Sequence[Span]] | None, in_field: bool,
            use_model: bool = True, own: Mapping[str, frozenset[str]] | None = None,
            joined: bool = False) -> tuple[tuple[Mention, ...], ...]:
    """Each paragraph's mentions with ambiguous place names judged in context.

    `texts`: the paragraphs' text; `paragraphs`: their mentions (gazetteer,
    pattern, model), sorted; `spans`: the model's raw spans per paragraph, or
    None when the model is off; `in_field`: whether the article is about the
    field. An event named in a leader's title ("Leader of the Islamic
    Revolution") is dropped. A place name that is something else is dropped, replaced by the
    model's longer PERSON/ORG span that contains it ("Michael Jordan"), read as
    the person the article names in full ("Jordan" after "Michael Jordan"), or
    typed ORG where it is a team (a sports sentence; in an off-field sports
    report every place that is not its venue or dateline, "a defeat to Austria",
    "Georgia finished fourth", not "in Romania", `_fields_a_team`).
    Renamed mentions then take the article's longest full name
    (`model.canonicalise`). A gazetteer surname takes the given name written
    before it (`names.given_names`, `own`: the gazetteer people's given names;
    `use_model=False`, the model is off: no names of its own are added; `joined`: `names.find`
    already did it, for a Russian or Persian article).
    """
    if not joined:
        paragraphs = given_names(texts, paragraphs, use_model, own)
    people = {m.text for ms in paragraphs for m in ms if m.type == "PERSON" and " " in m.text}
    people.update(text[s:e] for text, ss in zip(texts, spans or (), strict=False)
                  for s, e, label in ss if LABELS.get(label) == "PERSON" and " " in text[s:e])
    sporting = None  # whether the article is a sports report: counted when an off-field place first needs it
    result = []
    changed_any = False
    for i, (text, mentions) in enumerate(zip(texts, paragraphs, strict=True)):
        model_spans = spans[i] if spans else ()
        out: list[Mention] = []
        changed = False
        for m in mentions:
            if m.type == "EVENT" and _LEADER_BEFORE.search(text, max(0, m.start - 30), m.start):
                changed = True  # "رهبر معظم انقلاب اسلامی", "Leader of the Islamic Revolution": a title, not the event
                continue
            if m.type == "NORP" and _COMPOUND_ADJECTIVE.search(text, max(0, m.start - 30), m.start):
                changed = True  # "российско-иранского", "ирано-американских": a compound adjective, no nationality
                continue
            if m.type == "GPE" and (_VESSEL_BEFORE.search(text, max(0, m.start - 60), m.start)
                                    or _VESSEL_AFTER.match(text, m.end)):
                changed = True  # "warships Volgodonsk and Makhachkala", "the Makhachkala battleship": the ship, not the city
                continue
            if m.type not in _PLACE_TYPES:
                out.append(m)
                continue
            if m.text not in AMBIGUOUS:
                if in_field or m.type != "GPE":
                    out.append(m)
                    continue
                if sporting is None:
                    sporting = len(_sport_words(" ".join(texts))) >= 3
                team = _fields_a_team(text, m, mentions) if sporting else _plays(text, m, 2)
                out.append(m._replace(type="ORG", canonical=m.text) if team else m)
                changed = changed or team
                continue
            replacement = None if _thing_after(text, m) else _model_replacement(text, m, model_spans)
            if replacement is None and any(name.endswith(" " + m.text) for name in people):
                replacement = Mention(m.start, m.end, m.text, "PERSON", m.text, "model")
            verdict = "model" if replacement is not None else _judge(text, m, in_field)
            if verdict == "off-field":
                if sporting is None:
                    sporting = len(_sport_words(" ".join(texts))) >= 3
                if sporting and _fields_a_team(text, m, mentions):
                    verdict = "team"  # "Georgia finished fourth" in a match report: the team, not nothing
            if verdict is None:
                out.append(m)
                continue
            changed = True
            if verdict == "club":
                start = text.rfind(" ", 0, m.start - 1) + 1
                name = text[start:m.end]
                replacement = Mention(start, m.end, name, "ORG", name, "gazetteer")
            elif verdict == "team":
                replacement = m._replace(type="ORG", canonical=m.text)
            if replacement is not None and not any(o.start < replacement.end and replacement.start < o.end for o in out):
                out.append(replacement)
        if changed:
            changed_any = True
            out = _without_overlaps(sorted(out, key=lambda m: (m.start, -m.end)))
        result.append(tuple(out))
    result, propagated = propagate(texts, result, frozenset(n for names in (own or {}).values() for n in names if n.isascii()))
    if not in_field:
        result, dropped = _without_list_names(texts, result)
        propagated = propagated or dropped
    return canonicalise(result) if changed_any or propagated else result


FRAGMENT_WORDS = 8  # words: a shorter paragraph without a sentence's end is a list item or a label


def _without_list_names(texts: Sequence[str],
                        paragraphs: Sequence[Sequence[Mention]]) -> tuple[tuple[tuple[Mention, ...], ...], bool]:
    """In an article off the field, the model's names in list items and labels
    ("- 2 cups Kosher Salt", "- 1 tbsp Thyme": a recipe's ingredients read as a
    person and a country) are dropped: a fragment of fewer than FRAGMENT_WORDS
    words that does not end a sentence gives the model no context to go on.
    Names in sentences, and every gazetteer mention, stay."""
    result, dropped = [], False
    for text, mentions in zip(texts, paragraphs, strict=True):
        if any(m.source == "model" for m in mentions) and _fragment(text):
            mentions = tuple(m for m in mentions if m.source != "model")
            dropped = True
        result.append(tuple(mentions))
    return tuple(result), dropped


def _fragment(text: str) -> bool:
    stripped = text.rstrip(" \"'”’)")
    return len(text.split()) < FRAGMENT_WORDS and not stripped.endswith((".", "!", "?"))


# Model "names" that are not: a plural acronym ("UAVs", "NGOs") is a common noun; a
# designation with a number ("Shahed-136", "Su-35", "S-400") is a product (OntoNotes PRODUCT).
_DESIGNATION = re.compile(r"[\w-]*[A-Za-z]-\d[\w-]*")
_NOT_A_NAME = re.compile(PLURAL_ACRONYM.pattern + "|" + _DESIGNATION.pattern)
# A word after a model name that makes it a product ("Shahed drones", "Kinzhal missile").
_PRODUCT_AFTER = frozenset("""drone drones missile missiles jet jets fighter fighters helicopter helicopters rifle rifles
destroyer destroyers frigate frigates corvette corvettes warship warships submarine submarines class""".split())
# A ship named after its kind ("destroyer Damavand", "warships Volgodonsk and Makhachkala", "a frigate,
# dubbed Derafsh"): a product (OntoNotes PRODUCT; the blind-6 gold: ship names are no entities), even
# where the name is also a city's.
_VESSEL_BEFORE = re.compile(r"\b(?:destroyers?|frigates?|corvettes?|warships?|submarines?|vessels?)(?:,? (?:dubbed|named|called))?"
                            r" (?:[A-Z][\w-]* and )?$")
# After a place name, a ship's kind makes it the ship: "Russia's Makhachkala battleship" (the fresh dev-set 8 trap).
_VESSEL_AFTER = re.compile(r" (?:battleships?|destroyers?|frigates?|corvettes?|warships?|submarines?|cruisers?|"
                           r"missile boats?|landing ships?)\b")
# A word before a model PERSON that makes it an organisation ("analytical company Prozerno").
_ORG_BEFORE = frozenset("company firm agency group bank operator carrier airline consultancy".split())
# Words before a one-word model PERSON that make it a place ("fighting near Al-Bab", "entered Manbij");
# "to" and "from" are left out: "according to Nebenzya", "a letter from Lavrov".
_PLACE_VERBS = frozenset("in near into around outside inside entered captured seized recaptured toward towards besieged".split())
_POSSESSIVE_AFTER = re.compile(r"['’]s?\b")
# A document by its number (OntoNotes LAW, not an event of SPEC §5): "Resolution 2231", "UNSC 2231", "Article 36".
_NUMBERED_DOCUMENT = re.compile(r"(?:(?:UN |UNSC |UNSCR |(?:UN )?Security Council )?(?:Resolutions?|Articles?|Paragraphs?"
                                r"|Sections?|Decree|Law|No\.) ?\d|(?:UNSC|UNSCR) \d|\d+$)")
_PLURAL_ACRONYM = re.compile(r"(?<![\w-])" + PLURAL_ACRONYM.pattern + r"(?![\w-])")
# Titles that, after a comma, say the name before them is a person's ("Vasily Nebenzya, Russia's
# Permanent Representative"; "X, the spokesperson"), where the model saw an organisation or place.
_APPOSITIVE_TITLES = frozenset("""ambassador envoy representative minister spokesman spokeswoman spokesperson president
director chairman chief head secretary adviser advisor aide deputy commander general admiral governor senator
analyst researcher fellow professor""".split())
_APPOSITIVE_REACH = 4  # words between the comma and the title ("Russia's Permanent Representative")


def _person_words(paragraphs: Sequence[Sequence[Mention]]) -> set[str]:
    """Surnames of the article's people: the last word of every PERSON mention, and
    every one-word model PERSON ("Nebenzya")."""
    return {m.text.split()[-1] for ms in paragraphs for m in ms if m.type == "PERSON"}


def _retyped(text: str, m: Mention, people: set[str], given: frozenset[str] = frozenset()) -> Mention:
    """A model organisation, place or nationality in Latin letters that is a person:
    its last word is the surname of a person in the article ("Vasily Nebenzya" ORG
    where "Nebenzya" is a PERSON; "Bonnafont" GPE after "Jérôme Bonnafont"), or a
    person's title follows it after a comma ("Vasily Nebenzya, Russia's Permanent
    Representative"), or, for a two-word name, an affiliation ("Hanna Notte of the
    James Martin Center"), or its first word is one of `given`, the gazetteer
    people's given names ("Mohsen Karimi" read as an organisation, the blind-8
    gold). Organisations with a head noun ("Lavrov Foundation") stay."""
    if m.type not in ("ORG", "GPE", "NORP") or not m.text[:1].isascii() or not m.text[:1].isalpha():
        return m
    words = m.text.split()
    if len(words) > 3 or any(word in EN_HEADS for word in words):
        return m
    if words[-1] in people or (len(words) >= 2 and (_title_follows(text, m.end) or words[0] in given
                                                    and all(_NAME_WORD.fullmatch(w) for w in words))) \
            or (len(words) == 2 and all(_NAME_WORD.fullmatch(w) for w in words) and _AFFILIATION.match(text, m.end)):
        return m._replace(type="PERSON")
    return m


_NAME_WORD = re.compile(r"[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?")
# A person's affiliation after a two-word name: "Hanna Notte of the James Martin Center".
_AFFILIATION = re.compile(r",? (?:of|at|from) the [A-Z]")


def _title_follows(text: str, end: int) -> bool:
    """A person's title within `_APPOSITIVE_REACH` words after a comma at `end`."""
    if not text.startswith(",", end):
        return False
    after = _WORD.findall(text[end + 1:end + 80])[:_APPOSITIVE_REACH + 1]
    return any(word.lower() in _APPOSITIVE_TITLES for word in after)


def propagate(texts: Sequence[str], paragraphs: Sequence[Sequence[Mention]],
              given: frozenset[str] = frozenset()) -> tuple[tuple[tuple[Mention, ...], ...], bool]:
    """Model names cleaned and made consistent across the article (the recogniser
    tags a name in one sentence and misses it in the next, or reads "Brandt
    Brandt" as one name). Each model span is first cleaned (`_cleaned`); then
    every other whole-word occurrence of a model name that no mention covers
    becomes a mention of the same type and canonical name. Gazetteer and
    pattern mentions are left as they are. `texts` and `paragraphs` as in
    `resolve`; `given`: the gazetteer people's given names in Latin letters (`_retyped`);
    returns the mentions and whether any changed."""
    if not any(m.source == "model" for ms in paragraphs for m in ms):
        return tuple(map(tuple, paragraphs)), False  # model off, or nothing found: no work
    common = {w for t in texts for w in _LOWER_WORD.findall(t)}
    common.update(w[:-1] for t in texts for w in _PLURAL_ACRONYM.findall(t))  # "UAV" where the article writes "UAVs"
    parts = {w for ms in paragraphs for m in ms if " " in m.text for w in (m.text.split()[0], m.text.split()[-1])}
    names: dict[str, Mention] = {}
    split: list[list[Mention]] = []
    changed = False
    for text, mentions in zip(texts, paragraphs, strict=True):
        out = []
        for m in mentions:
            if m.source != "model":
                out.append(m)
                continue
            cleaned = _cleaned(text, m, common, parts)
            changed = changed or cleaned != [m]
            out.extend(cleaned)
        split.append(out)
    for _ in range(2):  # twice: a name retyped in the first pass ("Vasily Nebenzya") makes its surname a person's
        people = _person_words(split)
        retyped = [[_retyped(text, m, people, given) if m.source == "model" else m for m in out]
                   for text, out in zip(texts, split, strict=True)]
        changed = changed or retyped != split
        split = retyped
    for out in split:
        for m in out:
            if m.source == "model" and len(m.text) >= 3:
                names.setdefault(m.text, m)
    if not names:
        return tuple(map(tuple, split)), changed
    finder = re.compile(r"(?<![\w'’-])(?:" + "|".join(map(re.escape, sorted(names, key=len, reverse=True))) + r")(?![\w-])")
    result = []
    for text, mentions in zip(texts, split, strict=True):
        added = []
        for hit in finder.finditer(text):
            start, end = hit.span()
            if not any(m.start < end and start < m.end for m in mentions) and not _names_a_product(text, start, end):
                known = names[hit.group()]
                added.append(known._replace(start=start, end=end))
        if added:
            changed = True
            mentions = sorted([*mentions, *added], key=lambda m: m.start)
        result.append(tuple(mentions))
    return tuple(result), changed


def _judge(text: str, m: Mention, in_field: bool) -> str | None:
    """Why `m` is not a place here, or None when it is one."""
    if _thing_after(text, m):
        return "thing"
    before = _word_before(text, m.start)
    if before in _CLUB_BEFORE:
        return "club"
    if before and before[0].isupper() and before.isalpha() and before not in NOT_GIVEN_NAMES \
            and not text[max(0, m.start - 8):m.start].rstrip().endswith((".", ",", ";", ":")) \
            and _is_name_position(text, m.start):
        return "surname"
    if _plays(text, m):
        return "team"
    if not in_field:
        return "off-field"
    return None


def _plays(text: str, m: Mention, need: int = 2) -> bool:
    """`m` stands for a team: its sentence has `need` sports words (one in an
    off-field sports report, two elsewhere), and no place preposition comes
    right before it ("a match in Romania" is a place)."""
    if _word_before(text, m.start).lower() in _PLACE_PREPOSITIONS:
        return False
    return len(_sport_words(_sentence(text, m.start))) >= need


# Before a place name, these make it the venue even in a match report ("in Tbilisi", "at Wembley").
_VENUE_PREPOSITIONS = frozenset("in at near into inside outside across".split())


def _fields_a_team(text: str, m: Mention, mentions: Sequence[Mention]) -> bool:
    """In an off-field sports report, a place name is a team ("a 6-1 defeat to
    Austria", "behind Spain, Scotland and Norway") unless a venue preposition
    comes before it ("in Tbilisi") or it is a dateline (all capitals, or a date
    right after its comma: "Tbilisi, September 6")."""
    if m.text.isupper() or _word_before(text, m.start).lower() in _VENUE_PREPOSITIONS:
        return False
    return not any(o.type == "DATE" and 0 < o.start - m.end <= 3 and text[m.end:o.start].strip() == "," for o in mentions)


def _sport_words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text) if w in _SPORT or w.lower() in _SPORT}


def _thing_after(text: str, m: Mention) -> bool:
    return _word_after(text, m.end).lower() in _THING_AFTER


def _model_replacement(text: str, m: Mention, spans: Sequence[Span]) -> Mention | None:
    """The model's PERSON or ORG span over `m` and more ("Michael Jordan"), if it has
    one: the same span relabelled is no evidence ("Astana" the club read as a person)."""
    for start, end, label in spans:
        if start <= m.start and m.end <= end and (start, end) != (m.start, m.end) and LABELS.get(label) in ("PERSON", "ORG"):
            trimmed = trim(text, start, end)
            if trimmed and trimmed[0] <= m.start and m.end <= trimmed[1] and trimmed != (m.start, m.end):
                name = text[trimmed[0]:trimmed[1]]
                return Mention(trimmed[0], trimmed[1], name, LABELS[label], name, "model")
    return None


def _without_overlaps(mentions: list[Mention]) -> list[Mention]:
    kept: list[Mention] = []
    end = -1
    for m in mentions:
        if m.start >= end:
            kept.append(m)
            end = m.end
    return kept


_LOWER_WORD = re.compile(r"(?<![\w-])[a-z]+(?![\w-])")


def _cleaned(text: str, m: Mention, common: set[str], parts: set[str]) -> list[Mention]:
    """One model mention as it should stand: none when it is no name (a plural
    acronym "UAVs", or its singular "UAV" where the article writes the plural;
    a person's name with a number, "Articles 36"; an event that is a numbered document,
    "Resolution 2231", "UNSC 2231", "2231"; a designation "Shahed-136"; a word before "drones",
    "missiles" or a designation, a product (`_names_a_product`); one word the article also writes in lower case,
    "Resolution", "Agency", unless it ends or opens a longer name there, as
    "Price" after "Ned Price"); an ORG when a person follows "company" or
    "agency" ("analytical company Prozerno"); a place when a one-word person
    follows a word of place or movement ("entered Al-Bab", `_PLACE_VERBS`); cut before an unclosed bracket
    ("International Chamber of Commerce (ICC"); split into its words when it
    repeats one word ("Brandt Brandt")."""
    name = m.text
    if _NOT_A_NAME.fullmatch(name) or _names_a_product(text, m.start, m.end):
        return []
    if " " not in name and (name.lower() in common or name in common) and name not in parts:
        return []
    if m.type == "PERSON" and any(c.isdigit() for c in name) or m.type == "EVENT" and _NUMBERED_DOCUMENT.match(name):
        return []  # "Articles 36": a person's name has no number; "Resolution 2231" is a document, not an event
    if m.type == "PERSON" and " " not in name and _word_before(text, m.start).lower() in _PLACE_VERBS \
            and not _POSSESSIVE_AFTER.match(text, m.end):
        m = m._replace(type="GPE")  # "entered Al-Bab", "near Manbij": a place, where the model saw a person
    if m.type == "PERSON" and _word_before(text, m.start).lower() in _ORG_BEFORE:
        m = m._replace(type="ORG")
    if "(" in name and ")" not in name:
        name = name[:name.index("(")].rstrip()
        if not name:
            return []
        m = m._replace(end=m.start + len(name), text=name, canonical=name)
    words = name.split()
    if len(words) > 1 and len(set(words)) == 1:
        result, position = [], m.start
        for word in words:
            start = text.index(word, position)
            position = start + len(word)
            result.append(m._replace(start=start, end=position, text=word, canonical=word))
        return result
    return [m]


def _names_a_product(text: str, start: int, end: int) -> bool:
    """A name from `start` to `end` names a product: "drones", "missile" or a ship's kind
    follows it ("Peykan-class"), a ship's kind comes before it (`_VESSEL_BEFORE`), or a
    designation ("Sukhoi Su-35", "Shahed 136" written "Shahed-136")."""
    after = _word_after(text, end)
    return after.lower().lstrip("-") in _PRODUCT_AFTER or _DESIGNATION.fullmatch(after) is not None \
        or _VESSEL_BEFORE.search(text, max(0, start - 60), start) is not None


def _word_after(text: str, position: int) -> str:
    after = _WORD.match(text, _skip_space(text, position))
    return after.group() if after else ""


def _skip_space(text: str, position: int) -> int:
    while position < len(text) and text[position] == " ":
        position += 1
    return position


def _word_before(text: str, position: int) -> str:
    words = _WORD.findall(text[max(0, position - 40):position])
    return words[-1] if words and text[position - 1:position] == " " else ""


def _is_name_position(text: str, position: int) -> bool:
    """The word before the name is not itself the start of a sentence's verb phrase:
    it directly precedes with one space ("Michael Jordan", not "Michael. Jordan")."""
    return text[position - 1:position] == " " and text[position - 2:position - 1].isalpha()


SENTENCE_REACH = 400  # characters each side: a sentence, never a whole 5 MB line


def _sentence(text: str, position: int) -> str:
    low, high = max(0, position - SENTENCE_REACH), min(len(text), position + SENTENCE_REACH)
    start = max(text.rfind(". ", low, position), text.rfind("! ", low, position), text.rfind("? ", low, position), low - 1)
    end = min((i for i in (text.find(". ", position, high), text.find("! ", position, high), text.find("? ", position, high))
               if i >= 0), default=high)
    return text[start + 1:end]
