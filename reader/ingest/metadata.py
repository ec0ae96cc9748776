"""Metadata lifted from the text: datelines, and sources through a table of outlets.

The outlet table is `config.yaml`'s `sources:` mapping (an alias, in any
script, or a domain -> the outlet's display name). Forms recognised (SPEC §4,
issue 13): agency tags "(Reuters)", "/TASS/", "(Xinhua)", "(MNA)", "— ИА
Регнум."; labelled attributions "Source: Mehr News", "منبع: خبرگزاری فارس",
"Источник: …"; a line or a line's opening that is an outlet's name; the
Persian "به گزارش <outlet>،"; a footer domain. Datelines: "MOSCOW, Jan 5
(Reuters) -", "DUBAI, February 13. /TASS/.", "MOSCOW, Aug. 9 (Xinhua) --",
"ASTANA:", "TEHRAN (Realist English).", "Moscow, 12 March 2001 (RFE/RL) --",
"МОСКВА, 5 января. /ТАСС/.", "Tehran, Iran –", "تهران- ایرنا-".
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from .dates import find_date


@dataclass(frozen=True)
class Dateline:
    """A dateline found at the start of a paragraph; `end` is where the body text resumes (characters)."""

    place: str  # "MOSCOW, Jan 5" (place and stated date, without the agency)
    agency: str | None  # "Reuters", "TASS", or None
    date: str | None  # ISO, when the dateline states a full date
    end: int


_UPPER = r"[A-ZА-ЯЁ][A-ZА-ЯЁ'’.-]*(?: [A-ZА-ЯЁ][A-ZА-ЯЁ'’.-]*){0,3}"
_TITLE = r"[A-ZА-ЯЁ][a-zа-яё'’-]+(?: [A-ZА-ЯЁ][a-zа-яё'’-]+)?"
_WHEN = r"(?:[^()/\n–—:]|:(?=\d)){1,40}?"
_AGENCY_TAIL = r"(?:\((?P<agency>[^()\n]{1,40})\)|/\s*(?P<agency2>[^/\n]{1,25}?)\s*/)"
_DASH = r"(?:\s+[-–—]{1,2}\s*|[-–—]{1,2}\s+|:\s+|\s*[-–—]{1,2}$)"
_LATIN = re.compile(
    rf"^(?P<place>(?:{_UPPER})(?:,\s*{_WHEN})?|(?:{_TITLE}),\s*{_WHEN})\.?\s*"
    rf"(?:{_AGENCY_TAIL}\s*\.?\s*(?:[-–—]{{1,2}}\s*)?|{_DASH}(?:(?P<agency3>(?:ИА|РИА|ИТАР)\s[^.\n]{{2,20}}|[А-ЯЁ]{{2,6}}(?: [А-ЯЁ][а-яё]+)?)\.\s+)?)")
# "TEHRAN, Iran, Jan. 10" alone on its line: a place and a date, no dash.
_ALONE = re.compile(rf"^(?P<place>{_UPPER}(?:,\s*[^,\s]+(?: [^,\s]+){{0,2}}){{1,3}})$")
_PERSIAN = re.compile(r"^(?P<place>[\u0600-\u06FF]{3,12})\s*[-–—]\s*(?:(?P<agency>[\u0600-\u06FF ]{2,25}?)\s*[-–—]\s*)?(?=\S)")
# A word that looks like a dateline place but opens a sentence.
_NOT_PLACE = re.compile(r"^(?:[A-Z]{2,5}|[A-Z][a-z]+)$")


def find_dateline(text: str, outlets: Mapping[str, str]) -> Dateline | None:
    """The dateline opening a paragraph, or None.

    An upper-case place ("MOSCOW", "TEHRAN, Apr. 13"), or a title-case place
    followed by a comma ("Tehran, Iran", "Москва, 13 января, 2025, 15:08"),
    then an agency in brackets or slashes and/or a dash or colon. A Persian
    place before a dash ("تهران-") counts unless the word is an outlet's name.
    An acronym opening a sentence ("NATO is worried - …") is not a dateline.
    """
    match = _LATIN.match(text)
    if match:
        place = match.group("place").strip(" ,.")
        agency = match.group("agency") or match.group("agency2") or match.group("agency3")
        head = place.split(",")[0].strip()
        if "," not in place and not agency and _NOT_PLACE.match(head) and not head.isupper():
            return None
        if "," not in place and not agency and len(head) <= 3:
            return None  # "СМИ: …", "US – …": an acronym, not a place
        if "," not in place and not agency and len(head) <= 4 and text[match.end():][:1].islower():
            return None  # "NATO – the alliance…": an acronym, then a sentence
        if _is_outlet(head, outlets) and not agency:
            return None
        rest = text[match.end():]
        if rest and not (rest[:1].isupper() or rest[:1] in "«\"“'‘" or not rest[:1].isalpha()):
            return None
        found = find_date(place)
        return Dateline(place, agency.strip() if agency else None, found[0] if found else None, match.end())
    match = _ALONE.match(text)
    if match and any(c.isdigit() for c in text):
        found = find_date(text)
        return Dateline(text.strip(" ,."), None, found[0] if found else None, len(text))
    match = _PERSIAN.match(text)
    if match and not _is_outlet(match.group("place"), outlets):
        agency = match.group("agency")
        return Dateline(match.group("place"), agency.strip() if agency else None, None, match.end())
    return None


def _is_outlet(name: str, outlets: Mapping[str, str]) -> bool:
    return name.lower() in outlets


# "Source: Mehr News", "• source : Mehrnews", "منبع:خبرگزاری فارس", "Источник: ТАСС", "Quelle: dpa"
_LABELLED = re.compile(r"^[•·*\-\s]*(?:source|sources|via|منبع|منابع|источник|quelle|source de l'article)\s*[:：]\s*(?P<name>.{2,60}?)\.?$",
                       re.IGNORECASE)
_AS_REPORTED = re.compile(r"^(?:as\s+)?(?:reported|originally published)\s+by\s+(?P<name>.{2,80}?)\.?$", re.IGNORECASE)
_TAG_LINE = re.compile(r"^[(/]\s*(?P<name>[^()/]{2,30}?)\s*[)/]\.?$")
_OUTLET_COLON = re.compile(r"^(?P<name>[^:：]{2,40}?)\s*[:：]$")
_PERSIAN_REPORT = re.compile(r"^به گزارش (?:خبرنگار |خبرگزاری |گروه [\u0600-\u06FF ]{2,30}?(?:خبرگزاری )?)?(?P<name>[\u0600-\u06FF ]{2,30}?)\s*[،,]")
_FOOTER_DOMAIN = re.compile(r"^(?:https?://)?(?:www\.)?(?P<domain>[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,6})/?$", re.IGNORECASE)


def attribution(line: str, outlets: Mapping[str, str]) -> str | None:
    """The source a whole line attributes the article to, or None.

    "Source: X" and "As reported by X" name any X; "(Reuters)", "/TASS/",
    "Trend:" or a bare line need X to be an outlet of the table.
    """
    if match := _LABELLED.match(line) or _AS_REPORTED.match(line):
        return match.group("name").strip()
    for pattern in (_TAG_LINE, _OUTLET_COLON):
        if (match := pattern.match(line)) and _is_outlet(match.group("name").strip(), outlets):
            return match.group("name").strip()
    if _is_outlet(line.strip(" .:"), outlets):
        return line.strip(" .:")
    return None


def footer_domain(line: str) -> str | None:
    """"Financialtribune.com" alone on a line -> "Financialtribune.com"."""
    match = _FOOTER_DOMAIN.match(line)
    return match.group("domain") if match else None


def outlet_opening(text: str, outlets: Mapping[str, str]) -> tuple[str, int] | None:
    """An outlet named at a paragraph's start: "IRNA The three…", "به گزارش ایلنا، …",
    "خبرگزاری فارس: …" -> (name, characters to strip: 0 when the words are part of the sentence)."""
    if match := _PERSIAN_REPORT.match(text):
        name = match.group("name").strip()
        return (name, 0) if _is_outlet(name, outlets) else None
    head = re.match(r"^(?P<name>[A-Z]{3,6}|[\u0600-\u06FF ]{3,25}?)\s*(?P<sep>[:：]\s*|\s+(?=[A-Z])|[-–—]\s*)", text)
    if head and _is_outlet(head.group("name").strip(), outlets):
        return head.group("name").strip(), head.end()
    return None


def outlet_in(line: str, outlets: Mapping[str, str]) -> str | None:
    """An outlet whose name (three or more characters, not a domain) a short furniture line contains."""
    lowered = f" {line.lower()} "
    for alias in outlets:
        if len(alias) > 5 and "." not in alias and f" {alias} " in lowered.replace("!", " ").replace(",", " "):
            return alias
    return None
