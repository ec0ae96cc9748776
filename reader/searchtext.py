"""Corpus search in Russian and Persian: one folding for the index and the query.

SQLite's `unicode61` tokenizer already folds case in every script (ПУТИН is
путин) but sees Persian text as the scrapers typed it: Arabic ي/ك and Persian
ی/ک are different letters, a half-space (ZWNJ) or a vowel mark (kasra…)
splits a word in two, and ۱۴۰۳ is not 1403. `fold` writes every such variant
one way; the index stores the folded paragraph beside the original (only when
they differ) and `match_expression` folds the query the same way.

A Russian query word finds its inflected forms as a prefix query on its
Snowball stem (snowballstemmer, the Russian algorithm of snowballstem.org):
Москва -> москв* finds Москве, Москвой. Lemmas indexed with a morphological
analyser (pymorphy3, one parse per distinct word) find the same forms but,
measured on the shared Russian development set (1,370 paragraphs, 189,000
characters), took 5 times the indexing time (340 ms against 67 ms) and grew
the index by 85% (1,008 KiB against 544 KiB); a query stem costs nothing at
indexing.

The commonest function words of the three languages (STOP_WORDS) are left out
of the index and of queries: they are in nearly every passage, so bm25 gives
them almost no weight, yet each (word, passage) pair cost the index a row. On
the 10,000 generated articles of benchmarks/gen_corpus.py the thirty English
ones are 28% of the words, and leaving them out made the search table 5.5 MB
(26%) smaller.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import filterfalse

# Arabic letter forms -> the Persian ones; Persian and Arabic-Indic digits -> ASCII.
_LETTERS = str.maketrans({
    "\u064a": "\u06cc", "\u0649": "\u06cc",  # ي ى -> ی
    "\u0643": "\u06a9",  # ك -> ک
    "\u0629": "\u0647", "\u06c0": "\u0647",  # ة ۀ -> ه
    "\u0623": "\u0627", "\u0625": "\u0627", "\u0671": "\u0627",  # أ إ ٱ -> ا
    "\u0624": "\u0648",  # ؤ -> و
    "ё": "е", "Ё": "Е",
    **{chr(0x06F0 + d): str(d) for d in range(10)},
    **{chr(0x0660 + d): str(d) for d in range(10)},
})
# Vowel marks and hamza/alef marks (U+064B–U+065F, U+0670), tatweel, and the
# half-spaces (ZWNJ, ZWJ, RLM): gone, so "می‌خواهم", "میخواهم" and "کِتاب"
# are one word each.
_DROPPED = re.compile("[\u064b-\u065f\u0670\u0640\u200c\u200d\u200f]")
# Every character `fold` changes: a text without one (English, Russian without ё) is its own
# folded form, found with one search of a character class at a tenth of a translation's cost
# (benchmarks/index_cost.py: 0.006 against 0.06 CPU s per MB).
_FOLDED = re.compile("[" + "".join(map(chr, _LETTERS)) + _DROPPED.pattern[1:])
# Each folded character -> a class of every character `fold` writes as it.
_VARIANTS = {
    folded: "[" + re.escape(folded + "".join(chr(c) for c, f in _LETTERS.items() if f == folded)) + "]"
    for folded in set(_LETTERS.values())
}
_CYRILLIC_WORD = re.compile(r"[а-яА-ЯёЁ]+")
# A folded Persian (Arabic-script) word. Persian writes a compound or a prefix three ways: with
# a half-space (رئیس‌جمهور, می‌شود: the standard), joined (رئیسجمهور) or with a space (رئیس جمهور);
# `fold` makes the first two one word, and `match_expression` joins the third to them.
_PERSIAN_WORD = re.compile("[\u0600-\u06ff]+")
_MIN_PART = 2  # letters on each side of where a joined Persian word may be split (می|شود)
_MIN_STEM = 4  # shorter stems would match other words: Иран -> ира* finds Ирак
# Words neither indexed nor searched for (casefolded, as `fold` writes them): the commonest
# function words of English, Russian and Persian (from the frequency lists of the Snowball
# project's stop-word lists, snowballstem.org, and the shared development set), a few a
# language, none of them a name. The index's search rows are deleted by giving back what was
# stored, so changing this set needs a new index.SCHEMA.
STOP_WORDS = frozenset("""
the of and to in on s is for that with by as has its was at an be from it said have this which will are he his
и в во на с со что не по к у из за от о об как для это его же но а
و در به از که این را با است آن برای
""".split())
# Each run of word characters, kept with the text between: a stop word is a whole run (it
# stands between word boundaries and is all word characters), so dropping the runs that are
# STOP_WORDS is what a regex of them between \b's did, at 1.4 times its speed.
_RUNS = re.compile(r"(\w+)")
WORD_RUN = re.compile(r"\w+")  # a word: letters and digits (index.py and ingest.clean read it too)


def fold(text: str) -> str:
    """`text` with Persian/Arabic letter variants, digits, marks and half-spaces
    (and ё) written one way. May be shorter than `text`: for the index and the
    query only, never for offsets."""
    if _FOLDED.search(text) is None:
        return text
    return _DROPPED.sub("", text.translate(_LETTERS))


def indexed(text: str) -> str:
    """What the index stores beside a paragraph: its folded form, or "" when
    folding changes nothing (English text costs no extra space)."""
    folded = fold(text)
    return "" if folded == text else folded


def unstopped(text: str) -> str:
    """`text` lower-cased, without its STOP_WORDS (whole words): what the index's
    tokenizer (which folds case anyway) is given. The words left keep their order, so a
    phrase of them still matches (the query drops the same words: `match_expression`)."""
    return "".join(filterfalse(STOP_WORDS.__contains__, _RUNS.split(text.lower())))


def search_row(text: str) -> tuple[str, str]:
    """The two columns the search index gets for a paragraph: its words and its folded
    form ('' when folding changes nothing), each without STOP_WORDS."""
    folded = indexed(text)
    return unstopped(text), unstopped(folded) if folded else ""


@lru_cache(maxsize=1)
def _russian():
    import snowballstemmer

    return snowballstemmer.stemmer("russian")


def query_terms(query: str) -> list[str]:
    """The prefixes to look for, one per word of `query`: folded, and a
    Russian word cut to its Snowball stem (when that leaves 4 letters or more).
    Words that are only STOP_WORDS (the index leaves them out) are dropped, unless
    the query has nothing else."""
    words = fold(query).split()
    kept = [word for word in words if WORD_RUN.search(unstopped(word)) or not WORD_RUN.search(word)]
    terms = []
    for word in kept or words:
        if _CYRILLIC_WORD.fullmatch(word):
            stem = _russian().stemWord(word.lower())
            if len(stem) >= _MIN_STEM:
                word = stem
        terms.append(word)
    return terms


def match_pattern(query: str) -> re.Pattern[str] | None:
    """A regex that finds in the original (unfolded) text what `match_expression`
    finds in the index: each query term at the start of a word, in any of the
    letter and digit variants `fold` joins, with marks and half-spaces between
    letters allowed; for highlighting results. None for an empty query."""
    terms = query_terms(query)
    if not terms:
        return None
    words = ((_PERSIAN_BETWEEN if _PERSIAN_WORD.fullmatch(term) else _BETWEEN).join(
        _VARIANTS.get(char, re.escape(char)) for char in term) for term in terms)
    return re.compile(r"(?<!\w)(?:" + "|".join(words) + ")", re.IGNORECASE)


_BETWEEN = f"{_DROPPED.pattern}*"  # marks and half-spaces, which `fold` drops, between a term's letters
_PERSIAN_BETWEEN = f"[{_DROPPED.pattern[1:-1]} ]*"  # and in a Persian term a space too: رئیس جمهور


def _without_stop_words(term: str) -> str:
    """A query term less the STOP_WORDS inside it, as the index has it (the term
    itself when it has none, or nothing else)."""
    kept = unstopped(term)
    return kept if kept != term.lower() and WORD_RUN.search(kept) else term


def _persian_spellings(term: str, following: str | None) -> tuple[str, int]:
    """The FTS5 expression for a Persian `term` in its three spellings, and how many
    query terms it takes (1 or 2). With a Persian `following` term, the two are also
    one joined word (توافق نامه finds توافقنامه); a term of 5 letters or more alone is
    also each split of it into two words of `_MIN_PART` letters or more, as a phrase
    (رئیسجمهور finds رئیس جمهور)."""
    if following is not None and _PERSIAN_WORD.fullmatch(following):
        return f'(("{term}"* AND "{following}"*) OR "{term}{following}"*)', 2
    if len(term) < 2 * _MIN_PART + 1:
        return f'"{term}"*', 1
    splits = (f'"{term[:cut]} {term[cut:]}"*' for cut in range(_MIN_PART, len(term) - _MIN_PART + 1))
    return "(" + " OR ".join((f'"{term}"*', *splits)) + ")", 1


def match_expression(query: str) -> str | None:
    """An FTS5 MATCH expression: every word of `query` as a quoted prefix
    (so FTS syntax in a query is text), a Persian word in its joined, half-spaced and
    spaced spellings alike (`_persian_spellings`), or None for an empty query."""
    # Within a word ("Iran's", "Tehran-to-Moscow": a phrase to FTS5) the stop words go, as in the index.
    terms = [_without_stop_words(t).replace('"', '""') for t in query_terms(query)]
    parts, at = [], 0
    while at < len(terms):
        if _PERSIAN_WORD.fullmatch(terms[at]):
            part, taken = _persian_spellings(terms[at], terms[at + 1] if at + 1 < len(terms) else None)
        else:
            part, taken = f'"{terms[at]}"*', 1
        parts.append(part)
        at += taken
    # Explicit AND: FTS5 joins phrases by a space, but not a parenthesised group and what
    # follows it ('((a AND b) OR ab) c' is a syntax error; two Persian word pairs were one).
    return " AND ".join(parts) if parts else None
