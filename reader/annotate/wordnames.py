"""Names written as ordinary words, named where their context says so (SPEC §5;
issue 14, the blind-8 misses). Persian has no capitals, so a name that is also a
common word needs its neighbours.

Payment networks. Persian writes the card networks as ordinary words: «میر» (Mir, also "chief" and
a name's prefix), «شتاب» (Shetab, also "acceleration"), «ویزا» (Visa, also a
travel visa); the Persian press also writes "MIR" in Latin letters, and English
"Visa" opens "Visa-free". The gazetteer cannot list them without lighting up every
acceleration and every visa, so they are named here only where their sentence
speaks of cards or payments (`_CUES`, or another network's name): «شبکه میر
روسیه به شبکه بانکی ایران (شتاب) وصل می‌شود», "Visa and Mastercard". A name
inside a longer word («میرروسیه», «امیر», «ویزای») or already covered by a
mention is left alone. A name of a gazetteer entity (Mir, Shetab, the West)
carries `source="gazetteer"` and the entity's canonical name; Visa, which the
gazetteer cannot list, `source="model"` (a rule standing in for the recogniser, as
in `orgs`).

The West. «غرب» is the West (LOC, as "Запад") unless it is the direction: after
a compass word («شمال غرب», north-west) or before a place or a word for a land
(«غرب تهران», «غرب کشور», west of); «غربی» is Western (NORP) after a plural of
countries, sanctions, media or officials («کشورهای غربی», «تحریم‌های غربی»), not
after a place («آذربایجان غربی», the province) or a common noun («مرز غربی»).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..models import Mention
from .normalize import ARABIC_SCRIPT, normalize_mapped

# Network word (normalised) -> the gazetteer's canonical name.
_NETWORKS = {"میر": "Mir payment system", "شتاب": "Shetab", "ویزا": "Visa", "MIR": "Mir payment system",
             "Visa": "Visa"}
# Words of cards and payments (normalised; Persian ones also as a word's start: «کارتهای», «خودپردازهای»).
_CUES = ("کارت", "پرداخت", "خودپرداز", "بانک", "شبکه", "سامانه", "پذیرنده", "تراکنش", "مسترکارت", "مستر",
         "card", "cards", "payment", "payments", "Mastercard", "MasterCard", "ATM", "ATMs")
_LETTER = r"\w"
_NAME = re.compile(rf"(?<!{_LETTER})(?:{'|'.join(_NETWORKS)})(?!{_LETTER}|-)")
_LATIN_NAME = re.compile(r"MIR|Visa")  # the networks' Latin names: a paragraph without them, or Arabic script, has none
_CUE = re.compile(rf"(?<!{_LETTER})(?:{'|'.join(_CUES)})")
_SENTENCE = re.compile(r"[^.!?؟؛\n]+")


def find(texts: Sequence[str], paragraphs: Sequence[Sequence[Mention]]) -> tuple[tuple[Mention, ...], ...]:
    """Each paragraph's mentions plus the payment networks named in a sentence about
    cards or payments and the West (see the module notes). `texts`: the paragraphs'
    text; `paragraphs`: their mentions, sorted by start; offsets are characters.
    Returns the mentions sorted by start."""
    result = []
    for text, mentions in zip(texts, paragraphs, strict=True):
        if not ARABIC_SCRIPT.search(text) and _LATIN_NAME.search(text) is None:
            result.append(tuple(mentions))  # most English paragraphs: nothing to name, no normalising (half this pass's CPU)
            continue
        normal, offsets = normalize_mapped(text)
        added = _west(text, normal, offsets, mentions) if "غرب" in normal else []
        for sentence in _SENTENCE.finditer(normal):
            names = list(_NAME.finditer(normal, sentence.start(), sentence.end()))
            if not names or len(names) == 1 and not _CUE.search(normal, sentence.start(), sentence.end()):
                continue
            for name in names:
                start, end = (offsets[name.start()], offsets[name.end()]) if offsets else name.span()
                if not any(m.start < end and start < m.end for m in mentions):
                    canonical = _NETWORKS[name.group()]
                    source = "model" if canonical == "Visa" else "gazetteer"
                    added.append(Mention(start, end, text[start:end], "ORG", canonical, source))
        result.append(tuple(sorted([*mentions, *added], key=lambda m: m.start)) if added else tuple(mentions))
    return tuple(result)


_WEST = re.compile(r"(?<!\w)(غرب|غربی)(?!\w)")
_COMPASS = re.compile(r"(?:شمال|جنوب)[\s]*$")
_LAND_AFTER = re.compile(r"\s+(?:کشور|استان|شهر|منطقه|مرز|رود|دریا|سواحل|ساحل|آسیا|اروپا|جهان|خاورمیانه)")
_WESTERN_AFTER = re.compile(r"(?:کشور|تحریم|رسانه|مقام|دولت|قدرت|شرکا|شریک|متحد|همپیمان|کارشناس|سیاستمدار|دیپلمات"
                            r"|ناظر|نهاد|بانک|شرکت)\w*(?:\s+ها|\s+های|ات|ان)?\s+$")


def _west(text: str, normal: str, offsets: list[int] | None, mentions: Sequence[Mention]) -> list[Mention]:
    """The West and Western in a Persian paragraph (see the module notes): mentions no
    other mention overlaps."""
    found = []
    for hit in _WEST.finditer(normal):
        start, end = (offsets[hit.start()], offsets[hit.end()]) if offsets else hit.span()
        if any(m.start < end and start < m.end for m in mentions):
            continue
        before = normal[max(0, hit.start() - 30):hit.start()]
        if hit.group() == "غرب":
            place_after = any(m.start >= end and not text[end:m.start].strip() for m in mentions)
            if _COMPASS.search(before) or place_after or _LAND_AFTER.match(normal, hit.end()):
                continue
            found.append(Mention(start, end, text[start:end], "LOC", "West", "gazetteer"))
        elif _WESTERN_AFTER.search(before) and not any(m.end <= start and not text[m.end:start].strip() for m in mentions):
            found.append(Mention(start, end, text[start:end], "NORP", "Western", "gazetteer"))
    return found
