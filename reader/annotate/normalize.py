"""Text made comparable for matching in Persian and Russian, with offsets kept.

Persian (SPEC §4a, issue 16): Arabic yeh/kaf/teh marbuta and hamza forms are
written as their Persian letters (ي ى ئ -> ی, ك -> ک, ة ۀ ە ھ -> ه, أ إ آ ٱ -> ا,
ؤ -> و); zero-width non-joiners, right-to-left and left-to-right marks and
zero-width spaces used as half-spaces become spaces, so "تحریم‌ها" is the word
"تحریم" followed by a suffix; short vowels and other diacritics (U+064B–U+065F,
U+0670) and the tatweel (U+0640) and zero-width joiner are dropped. Russian:
ё is е (press copy writes either). Every other character is kept as it is.

Replacements are one character for one; only deletions shift offsets, and
`normalize_mapped` returns where each kept character came from so that a match
in the normalised text is highlighted on the original characters.
"""

from __future__ import annotations

import re

# One character for one: offsets unchanged.
_SAME_LENGTH = {
    "ي": "ی", "ى": "ی", "ئ": "ی", "ك": "ک", "ة": "ه", "ۀ": "ه", "ە": "ه", "ھ": "ه",
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ؤ": "و",
    "\u200c": " ", "\u200f": " ", "\u200e": " ", "\u200b": " ",
    "ё": "е", "Ё": "Е",
}
# Dropped: diacritics (harakat, superscript alef), tatweel, zero-width joiner.
_DELETED = frozenset([*map(chr, range(0x064B, 0x0660)), "\u0670", "\u0640", "\u200d"])
_TABLE = str.maketrans({**_SAME_LENGTH, **dict.fromkeys(_DELETED)})
# Cyrillic and Arabic script: aliases in them are matched in the matcher's second pass.
FOREIGN_SCRIPT = re.compile("[\u0400-\u04ff\u0600-\u06ff]")
# Where the matcher makes that second, normalised pass: every Cyrillic and
# Arabic-script character (Persian text needs its suffixes trimmed even when
# already normal) and every character the normalisation changes.
SECOND_PASS_CHARACTERS = tuple(sorted({*map(chr, range(0x0400, 0x0500)), *map(chr, range(0x0600, 0x0700)),
                                       *_SAME_LENGTH, *_DELETED}))
# Whether a text needs this at all: English text never does, and the test is one
# C-level scan (the matcher's hot path runs it on every non-ASCII paragraph).
_NEEDS = re.compile("[\u0600-\u06ff\u200b-\u200fёЁ]")
ARABIC_SCRIPT = re.compile("[\u0600-\u06ff]")
# Attached Persian suffixes written without a half-space (plural, ezafe/indefinite,
# object marker): "تحریمها", "روسیهای", "ایرانرا". Source: the ZWNJ-less spellings
# in the dev set's scraped IRNA/Tasnim/Mehr copy (issue 16).
PERSIAN_SUFFIXES = ("ها", "های", "هایی", "ی", "ای", "یی", "را")


def needs_normalizing(text: str) -> bool:
    """True when `text` holds Arabic-script letters, half-space marks or ё."""
    return not text.isascii() and _NEEDS.search(text) is not None


def normalize(text: str) -> str:
    """`text` with Persian and Cyrillic spellings made uniform (see the module notes)."""
    return text.translate(_TABLE) if needs_normalizing(text) else text


def normalize_mapped(text: str) -> tuple[str, list[int] | None]:
    """(normalised text, offsets): offsets[i] is the index in `text` of normalised
    character i, with one more entry, len(text), for the end; None when nothing was
    deleted (the offsets are then the identity)."""
    out = text.translate(_TABLE)
    if len(out) == len(text):
        return out, None
    offsets = [i for i, char in enumerate(text) if char not in _DELETED]
    offsets.append(len(text))
    return out, offsets


def spelling_variants(alias: str) -> list[str]:
    """Other ways the press writes a Persian alias: a half-space may be dropped
    altogether ("رئیس‌جمهور" scraped as "رئیسجمهور")."""
    if "\u200c" in alias:
        return [alias.replace("\u200c", "")]
    return []


# Shortest alias (letters) that takes a glued suffix: a shorter one glued to "ی" or "ای"
# is another word ("کیف" Kyiv in "کیفی" qualitative, "روس" in "رؤسای" heads); its
# half-space spelling ("روس‌ها") still matches, the suffix being a word of its own.
MIN_SUFFIXED = 4


def persian_suffixed(alias: str) -> list[str]:
    """`alias` (normalised) with each attached suffix: its trimmed length is len(alias).
    None for an alias of fewer than MIN_SUFFIXED letters (see there)."""
    if not ARABIC_SCRIPT.search(alias) or sum(c.isalpha() for c in alias) < MIN_SUFFIXED:
        return []
    return [alias + suffix for suffix in PERSIAN_SUFFIXES]


def persian_head_numbers(phrase: str) -> list[str]:
    """A Persian phrase of several words with its head noun (the first word) in the other number: the plural suffix
    "های" (ezafe plural, with a half-space) added to a singular head ("پول ملی" -> "پول‌های ملی") or dropped from a
    plural one ("ارزهای ملی", "پول‌های ملی" -> "ارز ملی", "پول ملی"), so a topic signal written in one number matches
    the other. [] for one word, a non-Persian phrase, or a glued head too short to read ("رهای"). Source: issue 16
    (topicsrf7's Persian dev set: "پول ملی" missed where "پول‌های ملی" was listed)."""
    head, _, rest = phrase.partition(" ")
    if not rest or not ARABIC_SCRIPT.search(head):
        return []
    for plural in ("\u200cهای", "\u200cها", "های"):
        if head.endswith(plural):
            stem = head[:-len(plural)]
            return [f"{stem} {rest}"] if sum(c.isalpha() for c in stem) >= 2 else []
    return [f"{head}\u200cهای {rest}"]


def persian_plurals(alias: str) -> list[tuple[str, int]]:
    """A nationality's Persian plural forms, each with how many trailing characters
    the mention leaves off: "روس‌ها" (normalised "روس ها"), "روسها" and "روس ها" are
    the Russians, a mention as written (the plural suffix kept); the ezafe form
    "روس‌های" keeps "روس‌ها". Unlike `persian_suffixed`, short aliases take it too:
    a nationality's stem glued to "ها" is no other word. [] for a non-Persian alias.
    Source: issue 16 (the gold of the Persian dev and held sets writes "روس‌ها")."""
    if not ARABIC_SCRIPT.search(alias):
        return []
    return [(alias + joint + suffix, len(suffix) - 2) for joint in (" ", "") for suffix in ("ها", "های")]


# Prepositions the press glues to the next word without a space or half-space: "درمسکو"
# (in Moscow), "بهتهران" (to Tehran), "ازروسیه" (from Russia). Source: the scraped IRNA
# and Mehr copy of the nerfa6 and ner7 dev sets ("سفیر ایران درمسکو").
GLUED_PREPOSITIONS = ("در", "به", "از")


def persian_prefixed(alias: str) -> list[tuple[str, int]]:
    """A Persian place name (normalised) with each glued preposition before it, and
    how many leading characters the mention leaves off (the preposition: the mention
    is the place). [] for a non-Persian alias."""
    if not ARABIC_SCRIPT.search(alias):
        return []
    return [(preposition + alias, len(preposition)) for preposition in GLUED_PREPOSITIONS]

