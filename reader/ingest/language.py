"""Language of an article, and the stop words of a language.

Detection: py3langid (the maintained, numpy-only fork of langid.py; a
97-language model shipped in the package, about 0.5 ms for a 500-character
sample). Stop words: the per-language lists that jusText ships (Russian and
Persian included); they are read from the package's data folder, without
importing jusText itself.
"""

from __future__ import annotations

import importlib.util
import re
from functools import lru_cache
from pathlib import Path

SAMPLE = 250  # characters the detector looks at (py3langid's cost grows with them; 250 told every article of the dev set apart)
MIN_LETTERS = 12  # fewer letters than this: too short to tell
_LETTER = re.compile(r"[^\W\d_]")
_PERSIAN_LETTERS = re.compile("[\u067e\u0686\u0698\u06af]")  # پ چ ژ گ: in Persian, not in Arabic
_PASHTO_URDU_LETTERS = re.compile("[\u067c\u0689\u0693\u069a\u0696\u0681\u0685\u06bc\u06d0\u06cd"
                                  "\u0679\u0688\u0691\u06ba\u06d2\u06c1]")
# ISO 639-1 code -> jusText's stop-list file name.
_STOPLISTS = {"en": "English", "ru": "Russian", "fa": "Persian", "de": "German", "fr": "French",
              "ar": "Arabic", "uk": "Ukrainian", "tr": "Turkish", "az": "Azerbaijani", "it": "Italian",
              "es": "Spanish", "pl": "Polish", "pt": "Portuguese", "nl": "Dutch", "ur": "Urdu"}


def detect(text: str) -> str | None:
    """The ISO 639-1 code of `text`'s language, or None when it has too few letters.

    Looks at up to SAMPLE characters of the three longest lines. Persian typed with Arabic ي/ك
    reads to the model as Arabic, Pashto or Urdu; where it says one of those, a text with the
    four letters Persian adds to the Arabic alphabet (پ چ ژ گ) and none of the letters only
    Pashto or Urdu have (ټ ډ ړ ښ ږ ځ څ ڼ ې ۍ; ٹ ڈ ڑ ں ے ہ) is Persian. A text under
    MIN_LETTERS letters is too short to tell.
    """
    lines = sorted(text.split("\n"), key=len, reverse=True)[:3]  # the body's longest lines, not its menus
    sample = "\n".join(lines)[:SAMPLE]
    if len(_LETTER.findall(sample, 0, 4 * MIN_LETTERS)) < MIN_LETTERS:
        return None
    if (by_letters := _by_alphabet(sample)) is not None:
        return by_letters
    language = _identifier().classify(sample)[0]
    if language in ("ar", "ps", "ur") and _PERSIAN_LETTERS.search(sample) and not _PASHTO_URDU_LETTERS.search(sample):
        return "fa"
    return language


# Letters that tell Cyrillic and Arabic-script languages apart (their alphabets, as Unicode
# lists them): Russian writes ы and э, which Bulgarian, Serbian and Macedonian never do, and
# none of і ї є ґ ў (Ukrainian, Belarusian), ј љ њ ћ ђ ќ ѓ ѕ (Serbian, Macedonian) or
# ә ғ қ ң ө ұ ү һ (Kazakh and other Turkic alphabets).
_CYRILLIC = re.compile("[\u0400-\u04ff]")
_RUSSIAN_ONLY = re.compile("[ыэ]")
_OTHER_CYRILLIC = re.compile("[іїєґўјљњћђќѓѕәғқңөұүһІЇЄҐЎЈЉЊЋЂЌЃЅӘҒҚҢӨҰҮҺ]")
_ARABIC_SCRIPT = re.compile("[\u0600-\u06ff]")
_KURDISH_LETTERS = re.compile("[\u0695\u06c6\u06ce\u06b5\u06d5]")  # ڕ ۆ ێ ڵ ە (Sorani)
ALPHABET_SHARE = 0.8  # share of a sample's letters in one script for its letters alone to decide


def _by_alphabet(sample: str) -> str | None:
    """Russian or Persian told by their letters alone, without the model (a third of the
    cost of cleaning went to it): a sample of ALPHABET_SHARE Cyrillic letters with ы or э
    and no letter only another Cyrillic alphabet has is Russian; one of Arabic-script
    letters with one of پ چ ژ گ and no letter only Pashto, Urdu or Kurdish has is Persian.
    None: the model decides."""
    letters = len(_LETTER.findall(sample))
    if len(_CYRILLIC.findall(sample)) >= ALPHABET_SHARE * letters:
        return "ru" if _RUSSIAN_ONLY.search(sample) and not _OTHER_CYRILLIC.search(sample) else None
    if len(_ARABIC_SCRIPT.findall(sample)) >= ALPHABET_SHARE * letters:
        persian = _PERSIAN_LETTERS.search(sample)
        other = _PASHTO_URDU_LETTERS.search(sample) or _KURDISH_LETTERS.search(sample)
        return "fa" if persian and not other else None
    return None


#: Languages of the model that no article of this reader is written in, and that it takes for
#: those they are: pidgins and creoles of English and French words (a name-heavy English lead,
#: "Ayatollah Seyyed Ali Khamenei receives Russian President…", read as Nigerian Pidgin in 48
#: of 100,000 generated articles, and left them out of `lang:en`), dead and constructed
#: languages, and py3langid's "no linguistic content". The model ranks the rest.
NOT_NEWS = frozenset({"pcm", "gcf", "gcr", "ht", "hbo", "grc", "la", "vo", "eo", "zxx"})


@lru_cache(maxsize=1)
def _identifier():
    """py3langid's identifier with the NOT_NEWS languages left out of its candidates."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE)
    identifier.set_languages([code for code in identifier.nb_classes if code not in NOT_NEWS])
    return identifier


@lru_cache(maxsize=None)
def stopwords(language: str | None) -> frozenset[str]:
    """jusText's stop words for an ISO 639-1 code, lower-cased; empty for an unknown language."""
    name = _STOPLISTS.get(language or "")
    spec = importlib.util.find_spec("justext")
    if not name or spec is None or not spec.submodule_search_locations:
        return frozenset()
    path = Path(spec.submodule_search_locations[0], "stoplists", f"{name}.txt")
    try:
        return frozenset(w.strip().lower() for w in path.read_text(encoding="utf-8").split())
    except OSError:
        return frozenset()
