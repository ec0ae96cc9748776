"""Cleaning: scrape residue out, paragraphs in, metadata lifted from the text.

Conservative and reversible: every raw line ends up either in a paragraph or
in `dropped` with the rule that removed it, so the raw view loses nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ..models import CleanText, Dropped, Metadata, Paragraph

_MONTHS = {
    name: number
    for number, names in enumerate(
        [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
         ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
         ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
         ("dec", "december")],
        start=1,
    )
    for name in names
}
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))

# A line that is only a publication timestamp: "November 1, 2017 - 22:14".
_TIMESTAMP = re.compile(
    rf"^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(?P<month>{_MONTH_RE})\.?\s+(?P<day>\d{{1,2}}),?\s+"
    r"(?P<year>(?:19|20)\d\d)(?:\s*[-–—|,]?\s*\d{1,2}:\d\d(?:\s*[ap]\.?m\.?)?)?$",
    re.IGNORECASE,
)
_ISO_TIMESTAMP = re.compile(r"^(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)(?:[ T]\d\d:\d\d(?::\d\d)?)?$")
# "TEHRAN –", "MOSCOW (Dispatches) —", "WASHINGTON (AP) -": an upper-case place
# and an optional agency, then a dash; alone on its line or opening a paragraph.
_DATELINE = re.compile(
    r"^(?P<dateline>[A-Z][A-Z.'’ -]{1,30}[A-Z.](?:,\s*[A-Z][A-Za-z.]+)?(?:\s*\([^()\n]{1,30}\))?)\s*[–—-]+\s*"
)
_AS_REPORTED = re.compile(r"^(?:as\s+)?(?:reported|originally published)\s+by\s+(?P<source>.{2,80}?)\.?$", re.IGNORECASE)
_FOOTER_DOMAIN = re.compile(r"^(?:https?://)?(?:www\.)?(?P<domain>[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,6})/?$", re.IGNORECASE)
_COUNTER = re.compile(r"^\d{1,5}$")
_CAPTCHA = re.compile(r"^\d{1,3}\s*[-+x×*]\s*\d{1,3}\s*=\s*\??$")

# Whole lines that are site furniture, not article text.
_RESIDUE = [
    (re.compile(p, re.IGNORECASE), reason)
    for p, reason in [
        (r"^add (a )?new comment$", "comment widget"),
        (r"^(leave|post|add) a (comment|reply)$", "comment widget"),
        (r"^\d*\s*comments?(\s*\(\d+\))?$", "comment counter"),
        (r"^read our comment policy\b.*$", "comment policy"),
        (r"^(comments|your comment) (are|is) (subject to|moderated)\b.*$", "comment policy"),
        (r"^(share|share this|share on (facebook|twitter|x))$", "share widget"),
        (r"^(tags?|related|related articles|read more|advertisement)\s*:?$", "site furniture"),
        (r"^(©|\(c\)|copyright\b).{0,120}$", "site footer"),
        (r"^all rights reserved\.?$", "site footer"),
    ]
]

_TERMINAL = ('.', '!', '?', '"', '”', '’', "'", ':', ')', '…', '»')
_OPEN_QUOTES = ('"', '“', '‘', "'", '«')
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"‘'])")


@dataclass
class _Line:
    number: int  # 1-based raw line number
    text: str  # stripped, non-breaking spaces folded


def clean(raw: str) -> CleanText:
    """Clean a sanitised raw article text."""
    lines = [_Line(n, _fold_spaces(t)) for n, t in enumerate(raw.split("\n"), start=1)]
    dropped: list[Dropped] = []
    meta: dict[str, str] = {}

    def drop(line: _Line, reason: str) -> None:
        dropped.append(Dropped(line.number, line.text, reason))

    content = [ln for ln in lines if ln.text]
    _drop_top_furniture(content, drop)
    title_line = content[0] if content else None
    title = title_line.text if title_line else ""

    kept: list[_Line | None] = []  # None marks a paragraph break
    for line in lines:
        if not line.text:
            kept.append(None)
            continue
        if line is title_line:
            kept.append(None)
            continue
        if any(d.line == line.number for d in dropped):
            kept.append(None)
            continue
        reason = _residue_reason(line, title, meta, is_last=line is content[-1])
        if reason:
            drop(line, reason)
            kept.append(None)
        else:
            kept.append(line)

    paragraphs = _paragraphs(kept)
    paragraphs = _lift_dateline(paragraphs, meta, drop)
    paragraphs = _collapse_duplicates(paragraphs, drop)
    result = tuple(
        Paragraph(i, _kind(text, i, len(paragraphs)), text, number)
        for i, (number, text) in enumerate(paragraphs)
    )
    return CleanText(
        Metadata(title=title, source=meta.get("source"), date=meta.get("date"), dateline=meta.get("dateline")),
        result,
        tuple(sorted(dropped, key=lambda d: d.line)),
    )


def _fold_spaces(text: str) -> str:
    return re.sub(r"[ \u00a0\u2007\u202f\u3000]+", " ", text).strip()


def _drop_top_furniture(content: list[_Line], drop) -> None:
    """Section label and comment counter above the title ("National" / "0")."""
    while len(content) > 1:
        first, second = content[0], content[1]
        if _COUNTER.match(first.text):
            drop(first, "comment counter")
            del content[0]
        elif _COUNTER.match(second.text) and len(first.text.split()) <= 3 and not first.text.endswith(_TERMINAL):
            drop(first, "section label")
            drop(second, "comment counter")
            del content[:2]
        else:
            break


def _residue_reason(line: _Line, title: str, meta: dict[str, str], is_last: bool) -> str | None:
    text = line.text
    if text == title:
        return "repeated title"
    for pattern, reason in _RESIDUE:
        if pattern.match(text):
            return reason
    if _CAPTCHA.match(text):
        return "captcha"
    if when := _parse_timestamp(text):
        meta.setdefault("date", when)
        return "timestamp (date metadata)"
    if reported := _AS_REPORTED.match(text):
        meta.setdefault("source", reported.group("source").strip())
        return "source attribution (source metadata)"
    if is_last and (domain := _FOOTER_DOMAIN.match(text)):
        meta.setdefault("source", domain.group("domain"))
        return "footer domain (source metadata)"
    return None


def _parse_timestamp(text: str) -> str | None:
    if match := _TIMESTAMP.match(text):
        month = _MONTHS[match.group("month").lower()]
        day, year = int(match.group("day")), int(match.group("year"))
    elif match := _ISO_TIMESTAMP.match(text):
        year, month, day = (int(match.group(k)) for k in ("year", "month", "day"))
    else:
        return None
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _paragraphs(kept: list[_Line | None]) -> list[tuple[int, str]]:
    """Join kept lines into paragraphs.

    A blank line ends a paragraph, and so does a single newline after a
    complete sentence (files written one line per paragraph). A line that
    stops mid-sentence and is followed by one starting in lower case is a
    broken sentence, and is rejoined.
    """
    paragraphs: list[tuple[int, str]] = []
    current: list[_Line] = []
    for line in kept + [None]:
        if line is None:
            if current:
                paragraphs.append((current[0].number, " ".join(ln.text for ln in current)))
                current = []
            continue
        if current and not _continues(current[-1].text, line.text):
            paragraphs.append((current[0].number, " ".join(ln.text for ln in current)))
            current = []
        current.append(line)
    return paragraphs


def _continues(previous: str, following: str) -> bool:
    return not previous.endswith(_TERMINAL) and following[:1].islower()


def _lift_dateline(paragraphs: list[tuple[int, str]], meta: dict[str, str], drop) -> list[tuple[int, str]]:
    """Turn the dateline opening the first body paragraph into metadata."""
    for position, (number, text) in enumerate(paragraphs[:3]):
        match = _DATELINE.match(text)
        if not match or not any(c.isalpha() for c in match.group("dateline")):
            continue
        meta["dateline"] = match.group("dateline").strip()
        drop(_Line(number, match.group(0).strip()), "dateline (dateline metadata)")
        rest = text[match.end():].strip()
        if rest:
            paragraphs[position] = (number, rest)
        else:
            del paragraphs[position]
        break
    return paragraphs


def _collapse_duplicates(paragraphs: list[tuple[int, str]], drop) -> list[tuple[int, str]]:
    """Collapse a sentence repeated back to back (a duplicated photo caption)
    and drop a paragraph identical to an earlier one."""
    seen: set[str] = set()
    result = []
    for number, text in paragraphs:
        sentences = _SENTENCE_SPLIT.split(text)
        unique = sentences[:1]
        for sentence in sentences[1:]:
            if sentence == unique[-1]:
                drop(_Line(number, sentence), "duplicated sentence")
            else:
                unique.append(sentence)
        if len(unique) < len(sentences):
            text = " ".join(unique)
        if text in seen:
            drop(_Line(number, text), "duplicated paragraph")
            continue
        seen.add(text)
        result.append((number, text))
    return result


def _kind(text: str, index: int, total: int) -> str:
    if _is_subheading(text, index, total):
        return "subheading"
    if text.startswith(_OPEN_QUOTES):
        return "quote"
    return "body"


def _is_subheading(text: str, index: int, total: int) -> bool:
    """A short line, not a sentence, with body text after it."""
    words = text.split()
    if index == total - 1 or not 1 <= len(words) <= 14 or len(text) > 110:
        return False
    inner = text.strip("\"“”‘’'")
    if inner.endswith((".", ",", ";", ":", "!", "?", "…")) or not inner[:1].isupper():
        return False
    return True
