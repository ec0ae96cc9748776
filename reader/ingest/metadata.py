"""Metadata lifted from the text: datelines, and sources through a table of outlets.

The outlet table is `config.yaml`'s `sources:` mapping (an alias, in any
script, or a domain -> the outlet's display name). Forms recognised (SPEC §4,
issue 13): agency tags "(Reuters)", "/TASS/", "(Xinhua)", "(MNA)", "— ИА
Регнум."; labelled attributions "Source: Mehr News", "منبع: خبرگزاری فارس",
"Источник: …"; a line or a line's opening that is an outlet's name; the
Persian "به گزارش <outlet>،"; a footer domain. Datelines: "MOSCOW, Jan 5
(Reuters) -", "DUBAI, February 13. /TASS/.", "MOSCOW, Aug. 9 (Xinhua) --",
"ASTANA:", "TEHRAN (Realist English).", "Moscow, 12 March 2001 (RFE/RL) --",
"МОСКВА, 5 января. /ТАСС/.", "Москва, 31 августа." (a known city), "ТЕГЕРАН, 31 авг - ПРАЙМ, Марина Вялова." (the agency's
reporter after it), "Tehran, Iran –", "تهران- ایرنا-".
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from .dates import find_date, is_month


@dataclass(frozen=True)
class Dateline:
    """A dateline found at the start of a paragraph; `end` is where the body text resumes (characters)."""

    place: str  # "MOSCOW, Jan 5" (place and stated date, without the agency)
    agency: str | None  # "Reuters", "TASS", or None
    date: str | None  # ISO, when the dateline states a full date
    end: int

    @property
    def where(self) -> str:
        """The place alone, as the dateline writes it ("МОСКВА, 17 мая" -> "МОСКВА", "TEHRAN, Iran, Jan. 10"
        -> "TEHRAN, Iran"): its parts up to the first that holds a digit (a day, a year); the date goes
        to the article's date. A dateline that is a date only ("Nov. 1, 2017") has no place: ""."""
        kept = []
        for position, part in enumerate(_PLACE_PARTS.split(self.place)):
            if _DIGIT.search(part):  # "MOSCOW. Aug 9", "Москва. 12 марта": the place is the first part's opening
                head = part.split(". ")[0]
                kept += [head] if position == 0 and ". " in part and not is_month(head) else []
                break
            kept.append(part)
        return ", ".join(kept)


_PLACE_PARTS = re.compile(r"\s*[,،]\s*")
_DIGIT = re.compile(r"[\d۰-۹]")


_UPPER = r"[A-ZА-ЯЁ][A-ZА-ЯЁ'’.-]*(?: [A-ZА-ЯЁ][A-ZА-ЯЁ'’.-]*){0,3}"
_TITLE = r"[A-ZА-ЯЁ][a-zа-яё'’-]+(?: [A-ZА-ЯЁ][a-zа-яё'’-]+)?"
_WHEN = r"(?:[^()/\n–—:]|:(?=\d)){1,40}?"
# "MOSCOW. Aug 9 (Interfax)": after a full stop, only a day and a month go on with the dateline
_DAY_MONTH = r"(?:[A-Z][a-z]{2,8}\.?\s\d{1,2}|\d{1,2}\s[A-Za-zА-яЁё]{3,9}\.?)(?=\s*[(/–—-])"
# an agency tag in brackets may hold two agencies and a date: "(UrduPoint News / Sputnik - 06th October, 2021)"
_AGENCY_TAIL = r"(?:\((?P<agency>[^()\n]{1,60})\)|/\s*(?P<agency2>[^/\n]{1,25}?)\s*/)"
_DASH = r"(?:\s+[-–—]{1,2}\s*|[-–—]{1,2}\s+|:\s+|\s*[-–—]{1,2}$)"
_LATIN = re.compile(
    rf"^(?P<place>(?:{_UPPER})(?:,\s*{_WHEN}|\.\s*{_DAY_MONTH})?|(?:{_TITLE}),\s*{_WHEN})\.?\s*"
    rf"(?:{_AGENCY_TAIL}\s*\.?\s*(?:[-–—]{{1,2}}\s*)?|{_DASH}(?:(?P<agency3>(?:ИА|РИА|ИТАР)\s[^.\n]{{2,20}}|[А-ЯЁ]{{2,6}}(?: [А-ЯЁ][а-яё]+)?)(?:,\s[А-ЯЁ][а-яё]+(?:\s[А-ЯЁ][а-яё]+){{1,2}})?\.\s+)?)")
# "March 6", "Oct. 3", "8 сентября": a month's name (checked by `_named_month`) and a day
_MONTH_DAY = r"(?:(?P<month>[A-Z][a-z]{2,8})\.?\s\d{1,2}|\d{1,2}\s(?P<month2>[A-Za-zА-яЁё]{3,9}))"
# "TEHRAN, Iran, Jan. 10" alone on its line: a place and a date, no dash; in title case ("Baku, Azerbaijan,
# March 6", Trend's), its last part must be a day and a month.
_ALONE = re.compile(rf"^(?P<place>{_UPPER}(?:,\s*[^,\s]+(?: [^,\s]+){{0,2}}){{1,3}})$"
                    rf"|^{_TITLE}(?:,\s*{_TITLE})?,\s*{_MONTH_DAY}(?:,?\s(?:19|20)\d\d)?$")
# "BAKU, Azerbaijan, October 13. Cooperation in…": a place in capitals, a day and a month, a full stop (Trend's form).
_DATED_STOP = re.compile(rf"^(?P<place>[A-ZА-ЯЁ]{{3,}}(?: [A-ZА-ЯЁ]{{3,}})?(?:,\s*[A-ZА-ЯЁ][a-zа-яё]+){{0,2}},\s*{_MONTH_DAY})"
                         r"\.\s+(?=[A-ZА-ЯЁ«\"“])")
# "Tehran (IP) - Iran's President…": a place in title case, an agency's tag in brackets, a dash.
_TITLE_TAG = re.compile(rf"^(?P<place>{_TITLE})\s*\((?P<agency>[^()\n]{{1,30}})\)\s*[-–—]{{1,2}}\s*(?=\S)")
# A dash in Persian text; a tatweel standing free before a space is one too ("باشگاه خبرنگاران جوان ـ …"),
# one inside a word only stretches it ("جـوان").
_FA_DASH = r"(?:[-–—]|\u0640(?=\s))"
_PERSIAN = re.compile(rf"^(?P<place>[\u0600-\u063F\u0641-\u06FF]{{3,12}})\s*{_FA_DASH}\s*(?:(?P<agency>[\u0600-\u06FF ]{{2,25}}?)\s*(?:{_FA_DASH}\s*|$))?(?=\S|$)")
_PERSIAN_COLON = re.compile(r"(?P<agency>[\u0600-\u06FF\u200c ]{2,25}?)\s*[:：]\s*(?=\S)")
# "Washington CNN—": a place, then an agency's acronym, then a dash (CNN's form).
_ACRONYM_AGENCY = re.compile(rf"^(?P<place>{_UPPER}|{_TITLE})\s+(?P<agency>[A-Z]{{2,6}})\s*[-–—]{{1,2}}\s*")
# "Москва. 12 марта. INTERFAX.RU - ": a place, a day and month, each closed by a full stop, an agency, a dash.
_DOTTED = re.compile(r"^(?P<place>[A-ZА-ЯЁ][a-zа-яё-]+(?: [A-ZА-ЯЁ][a-zа-яё-]+)?\.\s*\d{1,2}\s+[a-zа-яё]{3,10})\.\s*"
                     r"(?:(?P<agency>[A-ZА-ЯЁ][A-ZА-ЯЁa-zа-яё.-]{1,24})\s*)?[-–—]{1,2}\s+")
# "مسکو، 22 مرداد، خبرگزاری «ریانووستی»/": a Persian place, a day and month, an agency, then a slash or dash.
_PERSIAN_DATED = re.compile(r"^(?P<place>[\u0600-\u06FF]{3,12}\s*[،,]\s*[\d۰-۹]{1,2}\s+[\u0600-\u06FF]{2,9})"
                            r"(?:\s*[،,]\s*(?P<agency>[^/\n،,–—-]{2,40}?))?\s*[/–—-]\s*")
# "Nov. 1, 2017 (EIRNS)—": a date and an agency's tag, no place.
_DATED_TAG = re.compile(r"^(?P<place>[A-Z][a-z]{2,8}\.? \d{1,2}, (?:19|20)\d\d)\s*\((?P<agency>[A-Z][A-Za-z/-]{1,12})\)\s*[-–—]{1,2}\s*")
# "August 12, Fineko/abc.az. The Convention…": a date, then an agency (with a slash or as a domain) and a full stop.
_DATED_AGENCY = re.compile(r"^(?P<place>[A-Z][a-z]{2,8}\.? \d{1,2}),\s*(?P<agency>[A-Z][\w-]*(?:/[\w.-]+|\.[a-z]{2,3}))\.\s+(?=[A-Z])")
# "МОСКВА, 13 января, ФедералПресс. В День…": an upper-case place, a day and month, the agency, a full stop.
_DATED_SIGNED = re.compile(r"^(?P<place>[A-ZА-ЯЁ][A-ZА-ЯЁ-]{2,}(?: [A-ZА-ЯЁ][A-ZА-ЯЁ-]{2,})?,\s*\d{1,2}\s+[A-Za-zА-яЁё]{3,10}\.?)"
                           r",\s*(?P<agency>[A-ZА-ЯЁ][\w-]+(?: [A-ZА-ЯЁ][\w-]+){0,2})\.\s+(?=[A-ZА-ЯЁ«\"])")
# "Москва, 31 августа. Пресс-секретарь…", "Tehran, Iran, March 6. The…": `_DATED_STOP` with the place in title case;
# a sentence may open so ("Россия, 5 мая. …" is rare, "Иван, 5 лет…" not dated), so the place must be a known city.
_TITLE_DATED_STOP = re.compile(rf"^(?P<place>{_TITLE}(?:,\s*[A-ZА-ЯЁ][a-zа-яё]+)?,\s*{_MONTH_DAY})\.\s+(?=[A-ZА-ЯЁ«\"“])")
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
    for pattern in (_ACRONYM_AGENCY, _DOTTED, _PERSIAN_DATED, _DATED_TAG, _DATED_AGENCY, _DATED_SIGNED, _TITLE_TAG, _DATED_STOP,
                    _TITLE_DATED_STOP):
        if (match := pattern.match(text)) and not _is_outlet(match.group("place"), outlets) \
                and not glued_outlet(match.group("place").strip()) and _named_month(match) \
                and (pattern is not _TITLE_TAG or agency_name(match.group("agency"), outlets)) \
                and (pattern is not _TITLE_DATED_STOP or is_city(match.group("place").split(",")[0])):
            place, agency = match.group("place").strip(" ,.،"), match.groupdict().get("agency")
            found = find_date(place)
            return Dateline(place, agency.strip() if agency else None, found[0] if found else None, match.end())
    match = _LATIN.match(text)
    if match:
        place = match.group("place").strip(" ,.")
        agency = match.group("agency") or match.group("agency2") or match.group("agency3")
        if not agency and (signed := _signed_place(place, outlets)):
            place, agency = signed  # "Moscow, Oct 23, IRNA –": the agency is the dateline's last part
        head = place.split(",")[0].strip()
        if "," not in place and not agency and _NOT_PLACE.match(head) and not head.isupper():
            return None
        if "," not in place and not agency and len(head) <= 3:
            return None  # "СМИ: …", "US – …": an acronym, not a place
        if "," not in place and not agency and len(head) <= 4 and text[match.end():][:1].islower():
            return None  # "NATO – the alliance…": an acronym, then a sentence
        if (_is_outlet(head, outlets) or glued_outlet(head) or word_shaped(head)) and not agency:
            return None  # "MEHR: …", "SAEDNEWS: …": the outlet opening its lead
        if place == head and not agency and is_country(head):
            return None  # "RUSSIA: Talks on…": a country over the lead is a kicker; datelines name cities
        rest = text[match.end():]
        if rest and not (rest[:1].isupper() or rest[:1] in "«\"“'‘" or not rest[:1].isalpha()):
            return None
        found = find_date(place)
        return Dateline(place, agency.strip() if agency else None, found[0] if found else None, match.end())
    match = _ALONE.match(text)
    if match and any(c.isdigit() for c in text) and _named_month(match):
        found = find_date(text)
        return Dateline(text.strip(" ,."), None, found[0] if found else None, len(text))
    match = _PERSIAN.match(text)
    if match and not _is_outlet(match.group("place"), outlets) and not glued_outlet(match.group("place")):
        agency, end = match.group("agency"), match.end()
        if end == len(text) and agency and is_country(match.group("place")):
            return None  # "ایران-روسیه": two countries, a tag's words; "مسکو- سانا" is a city and its agency
        if agency is None and (colon := _PERSIAN_COLON.match(text, end)) and agency_name(colon.group("agency"), outlets):
            agency, end = colon.group("agency"), colon.end()  # "تهران- ایران پرس: …": the agency closed by a colon
        return Dateline(match.group("place"), agency.strip() if agency else None, None, end)
    return None


def _named_month(match: re.Match) -> bool:
    """Whether the month a dateline pattern's `month` or `month2` group holds, where it has one, is a month's
    name ("October", "янв", "Oct"): "Smith, John 5" is no dateline."""
    groups = match.re.groupindex
    word = next((match.group(g) for g in ("month", "month2") if g in groups and match.group(g)), None)
    return word is None or is_month(word)


# A place in capitals alone on its line over the lead ("TEHRAN", "NEW DELHI"): one or two words of letters.
_CAPS_ALONE = re.compile(r"^[A-ZА-ЯЁ]{3,}(?:[ -][A-ZА-ЯЁ]{3,})?$")


def caps_alone(text: str, outlets: Mapping[str, str]) -> Dateline | None:
    """A place in capitals alone on its line right over the lead ("TEHRAN", "NEW DELHI", as Hürriyet and
    AA print it), or None: not a label ("ANALYSIS"), a word shaped as an adjective or
    abstract noun ("EXCLUSIVE"), an outlet's name ("IRNA") or a country's ("RUSSIA", a kicker). The
    caller vouches for the position: only the line over the lead is a dateline so; elsewhere such a line
    is a section's name."""
    if not _CAPS_ALONE.match(text) or text.lower() in _LABELS or word_shaped(text) \
            or _is_outlet(text, outlets) or glued_outlet(text) or is_country(text):
        return None
    return Dateline(text, None, None, len(text))


def _signed_place(place: str, outlets: Mapping[str, str]) -> tuple[str, str] | None:
    """A dateline's place whose last comma part is the agency signing it, unbracketed, as IRNA
    writes it ("Tehran, IRNA", "Moscow, Oct 23, IRNA") -> (place, agency), or None. The part is an
    outlet of the table, or, after a date ("Oct 23"), an upper-case acronym of three to six letters
    that is no country: "DUBAI, UAE" and "AUSTIN, TX" are a place and its country or state."""
    head, comma, last = place.rpartition(",")
    last = last.strip()
    if not comma or not head.strip() or is_country(last):
        return None
    dated = _DIGIT.search(head.rpartition(",")[2]) is not None
    if _is_outlet(last, outlets) or dated and re.fullmatch(r"[A-Z]{3,6}", last):
        return head.strip(" ,"), last
    return None


def _is_outlet(name: str, outlets: Mapping[str, str]) -> bool:
    return name.lower() in outlets


# One word ending with a word that names a kind of outlet, glued: "SAEDNEWS", "PressTV", "صاحبخبر", "افکارنیوز".
# Words for a kind of outlet that sites glue to their names ("SAEDNEWS", "PressTV", "tasnimnews.com"): one list for
# the glued word, the domain's name without its kind (`domain_outlet`) and the last word of an outlet's name (`outlet_shaped`)
GLUED_KINDS = ("news", "press", "times", "tv", "online")
DOMAIN_KINDS = (*GLUED_KINDS, "daily", "agency")
_GLUED_OUTLET = re.compile(r"[A-Z][A-Za-z]{2,}(?:%s)" % "|".join(
                               sorted({kind.upper() for kind in GLUED_KINDS} | {kind.capitalize() for kind in GLUED_KINDS if len(kind) > 2}))
                           + r"|[\u0600-\u06FF]{3,}(?:نیوز|خبر|پرس|آنلاین)")


def glued_outlet(word: str) -> bool:
    """Whether one word is an outlet's name with its kind glued on ("SAEDNEWS", "صاحبخبر"):
    such a word opening a lead before a colon or dash is the source, never a place."""
    return bool(_GLUED_OUTLET.fullmatch(word))


def is_country(name: str) -> bool:
    """Whether a name is a country's, in English, Russian or Persian (CLDR territory names through
    Babel, trafilatura's own dependency): "RUSSIA", "Россия", "ایران"."""
    return name.casefold() in _countries()


def is_city(name: str) -> bool:
    """Whether a name is a known city's, in English, Russian or Persian: the cities that name time zones
    (CLDR's exemplar cities through Babel, and the zone names themselves: "Москва", "Tehran", "کابل")."""
    return name.strip().casefold() in _cities()


@lru_cache(maxsize=1)
def _cities() -> frozenset[str]:
    import zoneinfo

    from babel import Locale

    names = {zone.rsplit("/", 1)[1].replace("_", " ") for zone in zoneinfo.available_timezones() if "/" in zone}
    names |= {value["city"] for code in ("en", "ru", "fa") for value in Locale(code).time_zones.values() if value.get("city")}
    return frozenset(name.casefold() for name in names)


@lru_cache(maxsize=1)
def _countries() -> frozenset[str]:
    from babel import Locale

    return frozenset(name.casefold() for code in ("en", "ru", "fa")
                     for key, name in Locale(code).territories.items() if key.isalpha())


# "Source: Mehr News", "• source : Mehrnews", "منبع:خبرگزاری فارس", "Источник: ТАСС", "Quelle: dpa"
_LABELLED = re.compile(r"^[•·*\-\s]*(?:source|sources|source\(s\)|via|منبع|منابع|источник|quelle|source de l'article)\s*[:：]\s*(?P<name>.{2,60}?)\.?$",
                       re.IGNORECASE)
# "توسط nastoor.ir", "By example.com": the site signing the article with its address.
_BY_DOMAIN = re.compile(r"^(?:by|توسط|от)\s+(?P<name>(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6})\.?$", re.IGNORECASE)
_LABEL_INSIDE = re.compile(r"(?:^|\s)(?:source|منبع|источник|quelle)\s*[:：]\s*(?P<name>[^:：|]{2,40}?)\s*$", re.IGNORECASE)
_UNCOLONED = re.compile(r"^(?:منبع|источник|по материалам)\s+(?P<name>.{2,40}?)\.?$", re.IGNORECASE)
_AS_REPORTED = re.compile(r"^(?:as\s+)?(?:reported|originally published)\s+by\s+(?P<name>.{2,80}?)\.?$", re.IGNORECASE)
_TAG_LINE = re.compile(r"^(?:[(/]\s*(?P<name>[^()/]{2,30}?)\s*[)/]|[-–—]\s*(?P<dashed>[^-–—]{2,30}?))\.?$")
_OUTLET_COLON = re.compile(r"^(?P<name>[^:：]{2,40}?)\s*[:：]$")
_PERSIAN_REPORT = re.compile(r"^به گزارش (?:خبرنگار |خبرگزاری |(?:گروه|سرویس) [\u0600-\u06FF ]{2,30}?(?:خبرگزاری )?)?(?P<name>[\u0600-\u06FF\u200c ]{2,60}?)"
                             r"\s*(?P<end>[،,؛]|\s(?=به نقل از))")
_FOOTER_DOMAIN = re.compile(r"^(?:https?://)?(?:www\.)?(?P<domain>[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,6})/?$", re.IGNORECASE)


# "© 2021 Tehran Times. All rights reserved.", "Copyright © 2023 PressTV", "© 1999-2024 Lenta.ru": the site's own name
_COPYRIGHT = re.compile(r"^(?:copyright\s*)?(?:©|\(c\)|copyright\b)\s*(?P<rest>.{2,80})$", re.I)
_YEARS = re.compile(r"\b(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?\b")
_RIGHTS = re.compile(r"(?:all rights reserved|все права защищены|کلیه حقوق|تمامی حقوق).*$", re.I)
_PICTURE = re.compile(r"\b(?:photo|image|picture|фото|عکس)", re.I)
COPYRIGHT_WORDS = 12  # a copyright line has at most this many words; a longer one is a notice's sentence


def copyright_holder(line: str, outlets: Mapping[str, str]) -> str | None:
    """The site a copyright line names, its own name (issue 13: the weakest evidence, after an agency's
    tag and a credit in the lead): "© 2021 Tehran Times. All rights reserved." -> "Tehran Times",
    "Copyright © 2023 PressTV" -> "PressTV", "© 1999-2024 Lenta.ru" -> "Lenta.ru"; None for a photo's
    credit ("© Photo: Reuters"), or a holder that reads as no outlet's name (a table's, a domain, or
    capitalised words)."""
    match = _COPYRIGHT.match(line.strip()) if "©" in line or "opyright" in line or "(c)" in line.lower() else None
    if not match or len(line.split()) > COPYRIGHT_WORDS or _PICTURE.search(line):
        return None
    rest = _RIGHTS.sub("", _YEARS.sub(" ", match.group("rest").replace("©", " ")))
    name = re.split(r"\s*\|\s*|\.\s+|,\s*", rest.strip(" .,-–—"))[0].strip(" .,-–—")
    name = re.sub(r"^by\s+", "", name, flags=re.I)
    if _is_outlet(name, outlets) or _DOMAIN.fullmatch(name.lower()) or outlet_shaped(name, outlets) \
            or name and len(name.split()) <= MASTHEAD_WORDS and _OUTLET_NAME.match(name) or glued_outlet(name):
        return name
    return None


MASTHEAD_WORDS = 4  # words at most of an outlet's name standing alone (over the page, a copyright's holder)
# "By Jane Roe | Devdiscourse News Desk | Moscow | Updated: …": a reporter's name, then the outlet's desk.
_BAR_BYLINE = re.compile(r"^by\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}\s*\|\s*(?P<name>[^|]{2,40}?)\s*(?:\||$)", re.I)
_DESK_SUFFIX = re.compile(r"\s+(?:news\s+)?desk$", re.I)


def bar_byline(line: str, outlets: Mapping[str, str]) -> str | None:
    """The outlet a byline whose parts a bar divides names after the reporter ("By Jane Roe | Devdiscourse
    News Desk | Moscow | Updated: …" -> "Devdiscourse"), or None where that part reads as no outlet's
    (a desk's name, the table's, or an outlet-shaped name)."""
    match = _BAR_BYLINE.match(line) if "|" in line else None
    if not match:
        return None
    name = match.group("name")
    bare = _DESK_SUFFIX.sub("", name)
    return bare if bare != name or _is_outlet(name, outlets) or outlet_shaped(name, outlets) else None


def labelled(line: str) -> bool:
    """Whether a line names the source under a label ("Source: Mehr News", "منبع: مهر", "Источник: ТАСС"):
    the strongest evidence of a source, with an agency's tag (issue 13's order)."""
    return bool(_LABELLED.match(line))


def attribution(line: str, outlets: Mapping[str, str]) -> str | None:
    """The source a whole line attributes the article to, or None.

    "Source: X" and "As reported by X" name any X (its opening words that are an outlet of
    the table, as `outlet_part` finds them); "(Reuters)", "/TASS/", "— ТАСС",
    "Trend:" or a bare line need X to be an outlet of the table.
    """
    if match := _LABELLED.match(line) or _AS_REPORTED.match(line) or _BY_DOMAIN.match(line):
        name = match.group("name").strip()  # "منبع: صدا و سیمای گیلان": the table's "صدا و سیمای"
        return name if _is_outlet(name, outlets) else outlet_part(name, outlets)
    for pattern in (_TAG_LINE, _OUTLET_COLON):
        if (match := pattern.match(line)) and _is_outlet((name := (match.group("name") or match.group("dashed")).strip()), outlets):
            return name
    if _is_outlet(line.strip(" .:"), outlets):
        return line.strip(" .:")
    for part in line.split(" | ") if " | " in line else ():  # "نسخه قابل چاپ منبع: افکارنیوز | لینک خبر": a widget's bar
        if match := _LABEL_INSIDE.search(part):
            return match.group("name").strip()
    if (match := _UNCOLONED.match(line)) and outlet_shaped(match.group("name"), outlets):
        return outlet_part(match.group("name"), outlets)  # "منبع خبرگزاری ایرنا": the label without its colon
    if outlet_shaped(line, outlets) and (part := outlet_part(line, outlets)).lower() in outlets:
        return part  # "Tasnim News Agency", "خبرگزاری ایرنا": a name of the table and its kind
    return None


def table_name(name: str, outlets: Mapping[str, str]) -> str:
    """An outlet's display name from the table: as written, or for a domain ("tasnimnews.com",
    "www.Tehrantimes.com") its name without the top-level domain and without a kind glued to
    it ("tasnimnews" -> "tasnim"); else the name as it is."""
    key = name.lower().removeprefix("www.")
    if key in outlets:
        return outlets[key]
    if not _DOMAIN.fullmatch(key):
        # Persian writes a name's parts apart, with a half space or run together ("صدا وسیما", "صدا و سیما")
        joined = {_run_together(alias): shown for alias, shown in outlets.items()}
        return joined.get(_run_together(key), name)
    return domain_outlet(key, outlets, kinds=True) or name


def _run_together(name: str) -> str:
    """A name without its spaces and half spaces, Arabic ي and ك as Persian ی and ک."""
    return persian_letters(re.sub(r"[\s\u200c]+", "", name))


def persian_letters(text: str) -> str:
    """Arabic ي and ك written as Persian ی and ک, as older Persian pages and blogs type them ("ايرنا")."""
    return text.replace("ي", "ی").replace("ك", "ک")


def domain_outlet(host: str, outlets: Mapping[str, str], *, kinds: bool = False) -> str | None:
    """The outlet of the table a web address's host names ("today.reuters.com": that, "reuters.com",
    "today.reuters", "reuters"; "www." aside, any case), or None; with `kinds`, also its name without a
    kind glued to it ("tasnimnews.com" -> "tasnim")."""
    parts = host.lower().removeprefix("www.").split(".")
    keys = [key for i in range(len(parts) - 1) for key in (".".join(parts[i:]), ".".join(parts[i:-1]))]
    if kinds:
        keys.append(_GLUED_KIND.sub("", ".".join(parts[:-1])))
    return next((outlets[key] for key in keys if key and key in outlets), None)


_DOMAIN = re.compile(r"[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,6}")
_GLUED_KIND = re.compile(r"(?:%s)$" % "|".join(DOMAIN_KINDS))


def footer_domain(line: str) -> str | None:
    """"Financialtribune.com" alone on a line -> "Financialtribune.com"."""
    match = _FOOTER_DOMAIN.match(line)
    return match.group("domain") if match else None


def outlet_opening(text: str, outlets: Mapping[str, str]) -> tuple[str, int] | None:
    """An outlet named at a paragraph's start: "IRNA The three…", "به گزارش ایلنا، …",
    "خبرگزاری فارس: …" -> (name, characters to strip: 0 when the words are part of the sentence)."""
    if match := _PERSIAN_REPORT.match(persian_letters(text)):
        # "به گزارش ایرنا از مسکو،": the outlet, then the place it reports from
        name = _REPORTED_FROM.sub("", match.group("name").strip())
        agency = "خبرگزاری " in match.group(0)[:match.start("name") + len(name)]
        if "خبرگزاری " in name:  # "به گزارش سرویس بین الملل خبرگزاری صدا و سیما،": the desk, then the agency
            name = name.split("خبرگزاری ", 1)[1].strip()
        if agency and name:  # named as an agency: its name, whatever it is
            return outlet_part(name, outlets), 0
        words = name.split()
        if match.group(0).startswith(("به گزارش گروه", "به گزارش سرویس")) or _DESK_WORDS.intersection(words):
            # the desk's words, then the outlet's ("به گزارش خبرنگار حوزه … گروه … باشگاه خبرنگاران جوان،")
            for size in range(1, min(DESK_TAIL, len(words)) + 1):
                if _is_outlet(tail := " ".join(words[-size:]), outlets) or outlet_shaped(tail, outlets):
                    return tail, 0
        # "به گزارش تابناک به نقل از …" names the reporting outlet whatever it is; before a comma
        # the name must be in the table or an outlet-shaped name ("خبرگزاری …", "روزنامه …")
        known = _is_outlet(name, outlets) or match.group("end") != "،" and match.group("end") != ","
        # a single word that is not a plural ("به گزارش مشرق،", not "به گزارش رسانه‌ها،") is an outlet's name
        single = " " not in name and not name.endswith(("ها", "ان"))
        return (outlet_part(name, outlets), 0) if known or single or outlet_shaped(name, outlets) else None
    if (wrote := _OUTLET_WROTE.match(text)) and (_is_outlet(name := wrote.group("name").strip(), outlets) or outlet_shaped(name, outlets)):
        return outlet_part(name, outlets), 0  # "ایسنا نوشت: …": the outlet, a verb of writing, a colon
    if signed := _OUTLET_REPORTER.match(text):  # "باشگاه خبرنگاران جوان؛ زهرا نجفی - …": the outlet, its reporter, a dash
        return outlet_part(signed.group("name").strip(), outlets), signed.end()
    if camel := _CAMEL_OUTLET.match(text):  # "АрмИнфо. Президент Ирана…": a brand's glued name and a full stop
        return camel.group("name"), camel.end()
    if tag := _OPENING_TAG.match(text):  # "(UPI/GNA) – Russia is using…", "(AP) — …", "(MENAFN) The…"
        name = tag.group("name") or tag.group("acronym")
        if name.lower() not in _LABELS:  # "(UPDATE) The…", "(VIDEO) …": a label
            return agency_name(name, outlets) or name, tag.end()
    head = re.match(rf"^(?P<name>[A-Z]{{3,6}}|[A-Z][A-Za-z]{{4,15}}|[\u0600-\u06FF\u200c ]{{3,25}}?)\s*(?P<sep>[:：]\s*|\s+(?=[A-Z])|{_FA_DASH}\s*)", text)
    if head and head.group("sep").strip() and (agency := f"خبرگزاری {head.group('name').strip()}") in outlets:
        return outlets[agency], head.end()  # "فارس: سفیر روسیه…": an agency's tag without its "خبرگزاری"
    if head and (_is_outlet(head.group("name").strip(), outlets)
                 or glued_outlet(head.group("name").strip()) and head.group("sep").strip()):
        return head.group("name").strip(), head.end()
    if head and head.group("sep").strip() in "-–—:：\u0640" and outlet_shaped(head.group("name").strip(), outlets):
        # "ایندیپندنت فارسی - …", "خبرگزاری ایسنا: …": an outlet-shaped name and a dash or colon
        return agency_name(outlet_part(head.group("name").strip(), outlets), outlets) or head.group("name").strip(), head.end()
    return None


_REPORTED_FROM = re.compile(r"\s+از\s+[\u0600-\u06FF]+$")  # "… از مسکو": where the outlet reports from
# Words of a newsroom's desk before the outlet's name in "به گزارش …": reporter, beat, group, service.
_DESK_WORDS = frozenset({"خبرنگار", "حوزه", "گروه", "سرویس"})
DESK_TAIL = 4  # words at most of the outlet's name closing such a desk's
# "ایسنا نوشت: …", "تسنیم گزارش داد: …": an outlet, a verb of writing or reporting, a colon.
_OUTLET_WROTE = re.compile(r"^(?P<name>[\u0600-\u06FF\u200c ]{2,30}?)\s+(?:نوشت|گزارش داد|گزارش می‌دهد)\s*[:：]\s*")
# "دیپلماسی ایرانی: «برجام» که…": one to three Persian words and a colon opening a long lead paragraph.
_PERSIAN_TAG = re.compile(r"^(?P<name>[\u0600-\u06FF\u200c]{2,}(?: [\u0600-\u06FF\u200c]{2,}){0,2})\s*:\s*(?=\S)"
                          rf"|^(?P<dashed>[\u0600-\u06FF\u200c]{{2,}}(?: [\u0600-\u06FF\u200c]{{2,}}){{1,2}})\s*{_FA_DASH}\s*(?=\S)")
# …unless its last word is a verb of saying ("وی افزود:", "پوتین گفت:", "وی ادامه داد:"): speech, not an outlet
_SAYING = ("گفت", "افزود", "داد", "کرد", "نوشت", "است", "شد", "کند", "گوید", "افزاید")
TAG_LEAD_WORDS = 15  # the paragraph an outlet's tag opens is a lead of at least this many words (a headline quote is shorter)


def persian_tag(text: str) -> tuple[str, int] | None:
    """The outlet's tag opening a Persian lead ("دیپلماسی ایرانی: …", "دیدارنیوز: …", "عصر بازار- …", as
    Persian sites sign the first paragraph) -> (name, characters to strip), or None. Judged by shape: a lead of
    TAG_LEAD_WORDS words or more, opened by at most three words and a colon (two or three and a dash: one
    word and a dash is a dateline's place, "تهران-"), the last of them not a verb
    of saying. A person quoted this way ("لاوروف: …") stands in a headline, which is shorter."""
    match = _PERSIAN_TAG.match(text)
    name = match and (match.group("name") or match.group("dashed"))
    if not name or name.endswith(_SAYING) or len(text.split()) < TAG_LEAD_WORDS:
        return None
    return name, match.end()


# A Persian lead signed by the outlet and its reporter: the outlet's name, a Persian semicolon, a name, a dash.
_OUTLET_REPORTER = re.compile(r"^(?P<name>[\u0600-\u06FF\u200c ]{3,40}?)\s*؛\s*[\u0600-\u06FF\u200c ]{3,30}?\s[-–—]\s*(?=\S)")
_CAMEL_OUTLET = re.compile(r"^(?P<name>[A-ZА-ЯЁ][a-zа-яё]+[A-ZА-ЯЁ][A-Za-zА-яЁё]*)\.\s+(?=[A-ZА-ЯЁ«\"])")
# "(MENAFN) The Kremlin…": an acronym's tag may open the lead without a dash ("(Updated) The…" is a label)
_OPENING_TAG = re.compile(r"^\((?P<name>[A-Z][A-Za-z.]*(?:/ ?[A-Z][A-Za-z.]*){0,2})\)\s*[-–—]{1,2}\s*(?=\S)"
                          r"|^\((?P<acronym>[A-Z]{2,8})\)\s+(?=[A-Z])")


def outlet_in(line: str, outlets: Mapping[str, str]) -> str | None:
    """An outlet whose name (three or more characters, not a domain) a short furniture line contains."""
    lowered = f" {line.lower()} "
    for alias in outlets:
        if len(alias) > 5 and "." not in alias and f" {alias} " in lowered.replace("!", " ").replace(",", " "):
            return alias
    return None


# Words that name a kind of outlet (a newspaper's or agency's name ends, or in Persian and
# Russian opens, with one): what tells "Al Arabiya English" or "BBC News" from a person's name.
_OUTLET_LAST = {*DOMAIN_KINDS, "post", "tribune", "herald", "journal", "telegraph", "gazette",
                "media", "radio", "english", "today", "review", "monitor", "observer",
                "guardian", "independent", "network", "wire", "service", "services", "international", "weekly",
                "new", "world", "line", "insider", "report", "standard", "chronicle", "express", "mail",
                "newswire", "newswires", "فارسی", "نیوز", "آنلاین", "خبر", "پرس", "новости", "онлайн", "медиа"}  # a language edition: "… English", "… فارسی"
_OUTLET_FIRST = ("خبرگزاری", "روزنامه", "پایگاه", "سایت", "شبکه", "هفته‌نامه", "رادیو", "مجله",
                 "агентство", "газета", "издание", "телеканал", "радио", "журнал", "Вестник", "ИА", "РИА")
_OUTLET_NAME = re.compile(r"^(?:The |the )?(?:[A-Z][\w&'’.-]*|[A-Z]{2,})(?: (?:[A-Z][\w&'’.-]*|of|and|de))*$")


def outlet_shaped(name: str, outlets: Mapping[str, str]) -> bool:
    """Whether a short name reads like an outlet's: one of the table, or capitalised words
    ending with a word that names a kind of outlet ("BBC News", "Al Arabiya English"),
    or a Persian or Russian name opened by one ("خبرگزاری فارس", "ایندیپندنت فارسی")."""
    name = name.strip(" «»\"“”:")
    if _is_outlet(name, outlets):
        return True
    words = name.split()
    if not 1 <= len(words) <= 5:
        return False
    if words[0] in _OUTLET_FIRST and len(words) >= 2:
        return True
    if len(words) < 2 or words[-1].lower() not in _OUTLET_LAST or words[0].lower() in _SECTION_FIRST:
        return False  # "Breaking News", "Latest News", "Top Stories": a page's label over its news, not an outlet
    return bool(_OUTLET_NAME.match(name)) or not name.isascii() and not re.search(r"[a-zA-Z]", name)


_SECTION_FIRST = {"breaking", "latest", "top", "more", "other", "related", "local", "live", "recent", "trending", "popular"}


PERSON_AFTER_OUTLET = 4  # words from which an outlet's name opened by "خبرگزاری" runs on into a reporter's


def outlet_part(name: str, outlets: Mapping[str, str]) -> str:
    """The outlet's own name in a name that runs on into a reporter's, as bylines and
    attributions write them ("خبرگزاری ایسنا محمد صادق" -> "ایسنا", "ایرنا محمد صادق" ->
    "ایرنا"): its longest opening words that are an outlet of the table (with or without
    "خبرگزاری"); outside the table, a name of PERSON_AFTER_OUTLET words or more opened by
    a word naming a kind of outlet keeps its first two words, unless "و" joins them
    ("خبرگزاری صدا و سیما"). Otherwise the name as it is."""
    name = name.strip().rstrip(":：").strip()
    words = name.split()
    agency = ["خبرگزاری"]  # the table may write an agency with this word ("خبرگزاری فارس") or without
    for run in (words, words[1:] if words[:1] == agency else agency + words):
        for end in range(len(run), 0, -1):
            if " ".join(run[:end]).lower() in outlets:
                return " ".join(run[:end])
    if kinds := [i for i, word in enumerate(words) if word in _OUTLET_FIRST][1:]:
        words = words[kinds[-1]:]  # "پایگاه اطلاع رسانی شبکه خبر": a site's kind, then the outlet's own kind and name
        name = " ".join(words)
    if len(words) >= PERSON_AFTER_OUTLET and words[0] in _OUTLET_FIRST and "و" not in words:
        return " ".join(words[:2])
    return name


# "Tuqa Khalid, Al Arabiya English", "By Jane Doe, Reuters": a name, a comma, an outlet;
# "photo credit, Reuters" is a photo's credit, not a byline (BBC pages, clean8 dev set).
_NAME_OUTLET = re.compile(r"^(?:by\s+)?(?!(?:photo|image|picture)\s+(?:credit|source)s?\s*,)(?P<person>[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){1,3}),\s*(?P<name>[^,]{2,50}?)\.?$", re.I)
# "BBC News by Jane Roe and John Doe": the outlet before its reporters' names (clean8 dev set).
_OUTLET_BY = re.compile(r"^(?P<name>[^,]{2,40}?) by (?P<person>[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){1,3}"
                        r"(?:(?:,| and) [A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){1,3})*)$")
# "Items compiled from Tribune news services", "From Reuters and AP news services".
_SERVICES = re.compile(r"(?:^|\b)(?:items compiled |compiled )?from (?P<name>.{2,40}?) (?:news )?(?:services|wire services|reports)\.?$", re.I)
# "For more stories from The Media Line go to themedialine.org": the outlet's own promotion.
_PROMO = re.compile(r"^for more (?:stories|news|articles|reports) (?:from|by) (?P<name>.{2,40}?),? (?:go to|visit|see|at) \S+\.?$", re.I)
# "Читать inosmi.ru в [Telegram]": the site's own promotion, its address.
_READ_US = re.compile(r"^(?:читать|читайте)\s+(?P<name>[\w-]+(?:\.[\w-]+)*\.[a-zа-я]{2,4})\s+в\b.{0,30}$", re.I)


def byline_source(line: str, outlets: Mapping[str, str]) -> str | None:
    """The outlet a byline, a wire-service credit or an outlet's own promotion line names,
    or None: "Tuqa Khalid, Al Arabiya English" -> "Al Arabiya English"; "Items compiled
    from Tribune news services" -> "Tribune"; "For more stories from The Media Line go to
    themedialine.org" -> "The Media Line"; "Читать inosmi.ru в" -> the table's outlet for
    the address, or the address itself."""
    line = line.strip()
    if match := _READ_US.match(line):
        return domain_outlet(match.group("name"), outlets) or match.group("name")
    if match := _PROMO.match(line) or _SERVICES.search(line):
        return match.group("name").strip()
    if (match := _NAME_OUTLET.match(line) or _OUTLET_BY.match(line)) and outlet_shaped(match.group("name"), outlets):
        return match.group("name").strip()
    return None


def agency_name(agency: str, outlets: Mapping[str, str]) -> str | None:
    """The outlet an agency tag of a dateline names, or None when it does not read as one.
    Looked up in the table as written, as a domain ("INTERFAX.RU" -> "interfax.ru", then
    "interfax"), and without a Persian "خبرگزاری" and its quotes ("خبرگزاری «ریانووستی»");
    outside the table an acronym ("CNN") or an outlet-shaped name counts as itself."""
    name = agency.strip(" .«»\"“”")
    bare = re.sub(r"^خبرگزاری\s*", "", name).strip(" «»\"“”")
    for key in (name, bare):
        if key and key.lower() in outlets:
            return outlets[key.lower()]
    if re.search(r"\.[a-zа-я]{2,4}$", name.lower()) and (outlet := domain_outlet(name, outlets)):
        return outlet  # "INTERFAX.RU": "interfax.ru", then "interfax"
    words = name.split()
    for end in range(len(words) - 1, 0, -1):  # "Trend E.Tariverdiyeva": the agency, then its reporter
        if " ".join(words[:end]).lower() in outlets:
            return outlets[" ".join(words[:end]).lower()]
    if re.fullmatch(r"[A-ZА-ЯЁ]{2,6}|[A-ZА-ЯЁ][a-zа-яё]+[A-ZА-ЯЁ][a-zа-яё]+", name) or outlet_shaped(name, outlets):
        return bare or name  # an acronym, a brand's glued name ("ФедералПресс") or an outlet-shaped name
    if re.fullmatch(r"[A-Z][A-Z-]+\.[A-Z]{2,4}|[a-z0-9-]+\.[a-z]{2,4}", name):  # INTERFAX.RU, abc.az: not in the table
        return name
    if "/" in name:  # "UPI/GNA", "Fineko/abc.az": two agencies, the first that reads as one
        return next((found for part in name.split("/") if part.strip() and (found := agency_name(part, outlets))), None)
    return None


# "Moscow: Russian warplanes…": a capitalised place and a colon opening the lead. Words that
# label a line the same way ("Update:", "Analysis:") are not places.
_PLACE_COLON = re.compile(r"^(?P<place>[A-ZА-ЯЁ][a-zа-яё'’-]{3,}(?: [A-ZА-ЯЁ][a-zа-яё'’-]+)?):\s+(?=[A-ZА-ЯЁ\"“«])")
_LABELS = {"update", "updated", "analysis", "opinion", "comment", "exclusive", "breaking", "watch", "video", "photo",
           "photos", "source", "summary", "note", "editorial", "interview", "read", "listen", "related", "explainer",
           "correction", "warning", "background", "context", "live", "obituary", "review", "quote", "headline",
           "обновлено", "мнение", "анализ", "интервью", "видео", "фото", "источник", "комментарий", "справка"}


def lead_place(text: str, stop: frozenset[str], outlets: Mapping[str, str]) -> Dateline | None:
    """A place and a colon opening the lead ("Moscow: Russian warplanes…"), or None when the
    word is a stop word, labels the line ("Update:", "Analysis:"), is shaped as a common word
    rather than a name (`word_shaped`: "Illustrative:") or is an outlet's ("Mehr:")."""
    match = _PLACE_COLON.match(text)
    if not match or match.group("place").lower() in _LABELS or match.group("place").lower() in stop:
        return None
    if word_shaped(match.group("place")) or _is_outlet(match.group("place"), outlets) or glued_outlet(match.group("place")):
        return None
    return Dateline(match.group("place"), None, None, match.end())


# English and Russian endings of adjectives and abstract nouns, which place names do not have
# ("Illustrative", "Exclusive", "Эксклюзивно", "Официально").
_WORD_ENDING = re.compile(r"(?:ive|ous|ful|less|able|ible|ical|ally|ment|ness|tion|sion|ity|ism|ist|ed"
                          r"|ая|ое|ые|[ое]го|ально|енно|ивно|ость|ение|ание)$", re.I)


def word_shaped(name: str) -> bool:
    """Whether a one-word dateline candidate ends as an adjective or abstract noun does
    ("Illustrative", "EXCLUSIVE", "Официально"), not as a place name."""
    return " " not in name and bool(_WORD_ENDING.search(name))


# "TEHRAN The Russian State Duma…": a place in capitals, then a sentence opened by a capitalised stop word.
_CAPS_PLACE = re.compile(r"^(?P<place>[A-ZА-ЯЁ]{4,}(?: [A-ZА-ЯЁ]{3,})?)\s+(?P<next>[A-ZА-ЯЁ][a-zа-яё]*)\s+(?=\S*[a-zа-яё])")


def caps_place(text: str, stop: frozenset[str], outlets: Mapping[str, str]) -> Dateline | None:
    """A dateline in capitals with no punctuation after it, as scrapes that lost the dash
    write it ("TEHRAN The Russian State Duma…"), or None: the word after it must be a
    capitalised stop word of the language ("The", "A", "In"), and the words after it in
    lower case, so that an acronym opening a sentence ("NATO Secretary General…") or a
    headline in capitals ("ПЕРВУЮ ПАРТИЮ С-300 ОТГРУЗЯТ…") is not taken for a place."""
    match = _CAPS_PLACE.match(text)
    if not match or match.group("next").lower() not in stop or _is_outlet(match.group("place"), outlets) \
            or word_shaped(match.group("place")):
        return None  # "IRNA The three guarantors…": an outlet opening the lead, not a place
    return Dateline(match.group("place"), None, None, match.start("next"))


def attribution_end(text: str) -> int:
    """Where the sentence resumes after an opening attribution ("به گزارش خبرنگار مهر، …"),
    in characters; 0 when the text opens without one."""
    match = _PERSIAN_REPORT.match(text)
    if not match:
        return 0
    if match.group("end").strip() in ("،", ","):
        return match.end()
    comma = re.compile(r"[،,]").search(text, match.end(), match.end() + ATTRIBUTION_CHARS)  # "… به نقل از X، …"
    return comma.end() if comma else 0


ATTRIBUTION_CHARS = 80  # how far "به نقل از" may run before its comma

# "…, пишет ТАСС.", "Как передает Report со ссылкой на…", "…, сообщает РИА Новости.": a Russian sentence
# naming the outlet it is taken from.
# A few words may open that sentence ("Его слова передает ТАСС.", "Слова министра приводит РИА Новости."), and a few
# stand between the verb and the kind of outlet ("…, - приводит слова иранского лидера агентство Tasnim.").
_RUSSIAN_CREDIT = re.compile(r"(?:^|[,.]\s*)(?:[-–—]\s*)?(?:[^\W\d][^.!?,«»\"]{0,30}?\s)?(?:[Кк]ак\s+|[Оо]б этом\s+)?"
                             r"(?:передает|передаёт|пишет|сообщает|сообщило|сообщил|приводит|цитирует|информирует)\s+"
                             r"(?:(?:[а-яё]+\s+){0,3}?(?:(?:теле)?канал|(?:информ)?агентство|издание|газета|радиостанция|корреспондент)\s+)?"
                             r"(?P<name>«[^»]{2,30}»|\"[^\"]{2,30}\"|[A-ZА-ЯЁ]{2,5}\s[«\"][^»\"]{2,30}[»\"]?|[«\"][^»\"]{2,30}$"
                             r"|[A-ZА-ЯЁ][\w.-]*(?:\s[A-ZА-ЯЁ][\w.-]*){0,2})"
                             r"(?=\s*(?:[.,]|со ссылкой|$))")


# "…, Azernews reports.": an English sentence (the paragraph's last, or the first of a hard-wrapped lead joined to
# the rest: "…, Trend reports. Speaking at…") ending with the outlet that reports it (one word, or
# an outlet-shaped name: "…, John Smith reported." is a reporter).
_ENGLISH_CREDIT = re.compile(r",\s(?P<name>[A-Z][\w&.'’-]*(?: [A-Z][\w&.'’-]*){0,3}) (?:reports|reported|writes|wrote)(?: citing [^.,]{2,40})?\.(?=\s+[A-Z]|$)")
# "…, Germany’s dpa news agency reported on Saturday": an agency named as one, reporting.
_AGENCY_REPORTED = re.compile(r"(?:,\s|(?:^|[.!?]\s)(?=The\s))(?:[A-Z][\w-]*['’]s\s)?(?:[Tt]he\s)?(?:[a-z][\w-]*\s){0,2}"
                              r"(?P<name>[\w.-]+(?: [A-Z][\w.-]*){0,2}) (?:news agency|News Agency) (?:reported|reports|said)\b")


# "ISNA citing an interview…", "…. Tasnim quoted the minister…", "CNN writes about this…": an outlet (of the table,
# or outlet-shaped) opening a sentence of the lead, citing, quoting or reporting; "he was quoted by the Itar-Tass
# news agency as saying".
_CITING = re.compile(r"(?:^|[.!?]\s+)(?:[Tt]he\s)?(?P<name>[A-Z][\w.-]*(?: [A-Z][\w.-]*){0,3}) (?:citing|quoting|cited|quoted|writes|wrote|reports|reported)\b"
                     r"|\bquoted by (?:the )?(?P<by>[A-Z][\w.-]*(?: [A-Z][\w.-]*){0,2})(?: [Nn]ews [Aa]gency)? as saying\b")
# "To read the original story by Reuters, click here.": the story rewritten from another outlet's.
_ORIGINAL = re.compile(r"\b(?:read|see|view) the original (?:story|article|report|text)(?: in [A-Z]\w+)? (?:by|from|at|on|in) "
                       r"(?:the )?(?P<name>[A-Z][\w.&/-]*(?: [A-Z][\w.&/-]*){0,3})")


# "…, заявил «РИА Новости» посол…", "сообщил ТАСС": the outlet a person told; "В интервью РБК дипломат…",
# "in an interview with Reuters", "در گفت‌وگو با ایرنا": the outlet interviewing. The name must be the table's: a
# person told or met there is no outlet ("заявил Путин").
_TOLD = re.compile(r"\b(?:заявил|заявила|сообщил|сообщила|рассказал|рассказала|сказал|сказала)\s+(?P<told>«[^»]{2,30}»|[A-ZА-ЯЁ][\w.-]*(?:\s[A-ZА-ЯЁ][\w.-]*)?)"
                   r"|\b(?:[Вв] интервью|[Вв] беседе с)\s+(?:(?:теле)?каналу\s+|изданию\s+|газете\s+|агентству\s+|(?:теле)?каналом\s+|изданием\s+|агентством\s+)?"
                   r"(?P<asked>«[^»]{2,30}»|[A-ZА-ЯЁ][\w.-]*(?:\s[A-ZА-ЯЁ][\w.-]*)?)"
                   r"|\b[Ii]n an interview with (?:the )?(?P<with>[A-Z][\w.-]*(?: [A-Z][\w.-]*){0,2})"
                   r"|در گفت(?:\s|\u200c)?و(?:\s|\u200c)?گو با (?P<fa>[\u0600-\u06FF\u200c]+(?: [\u0600-\u06FF\u200c]+)?)")


def told_outlet(text: str, outlets: Mapping[str, str]) -> str | None:
    """The outlet of the table a lead says a person told or gave an interview to ("…, заявил «РИА Новости» посол
    Ирана…", "В интервью РБК дипломат…", "in an interview with Reuters", "در گفت‌وگو با ایرنا") -> its display name,
    or None. Its longest opening words that the table knows ("РБК дипломат" -> "РБК")."""
    for match in _TOLD.finditer(text):
        words = next(group for group in match.groups() if group).strip("«»").rstrip(".").split()
        for end in range(len(words), 0, -1):
            if (name := " ".join(words[:end]).lower()) in outlets:
                return outlets[name]
    return None


def original_story(text: str) -> str | None:
    """The outlet whose story a line says it rewrites ("To read the original story by Reuters, click
    here." -> "Reuters"), or None. RFE/RL closes its rewrites of agency copy so."""
    match = _ORIGINAL.search(text) if "original" in text else None
    return match.group("name") if match else None


# "По сообщению ТАСС, …", "По данным агентства Интерфакс, …": an outlet (of the table, or outlet-shaped) named
# before the sentence's comma as what it reports from.
_RUSSIAN_PER = re.compile(r"(?:^|[.!?]\s+)(?:По сообщению|По данным|По информации)\s+(?:(?:информ)?агентства\s+|издания\s+|газеты\s+|телеканала\s+)?"
                          r"(?P<name>«[^»]{2,30}»|[A-ZА-ЯЁ][\w.-]*(?:\s[A-ZА-ЯЁ][\w.-]*){0,2}),")


# "Ранее News.ru писал о том…": a name in Latin letters with a dot, or in quotes (a capitalised Russian word
# there is a person's: "Ранее Песков сообщал").
_EARLIER = re.compile(r"(?:^|[.!?]\s+)Ранее (?P<name>[A-Za-z][\w-]*\.[a-z]{2,4}|«[^»]{2,30}») (?:писал|писала|писало|сообщал|сообщала|сообщало)\b")
CREDIT_TAIL = 60  # characters at a paragraph's end that hold a closing credit ("… — ТАСС", "… (Xinhua)")
_CLOSING_TAG = re.compile(r"[.!?»\"”]\s*\((?P<name>[^()\d]{2,25})\)\.?$")  # an agency's tag closing the last paragraph
# "according to Tasnim", "according to the Mehr News Agency": an outlet (of the table, or outlet-shaped) named as the source
_ACCORDING = re.compile(r"\b[Aa]ccording to (?:the |an? )?(?P<name>[A-Z][\w-]*(?:\.[\w-]+)*(?: (?:[A-Z][\w-]*|of))*)(?=[\s,.;)]|$)")
# "… . به گزارش ایرنا، …": the Persian attribution opening a later sentence of the paragraph
_PERSIAN_REPORT_INSIDE = re.compile(r"[.!؟:]\s+(?=به گزارش )")
_DASH_CREDIT = re.compile(r"[.!?»\"”]\s*[-–—]\s*(?P<name>[^-–—.\n]{2,30}?)\.?$")


def credited_outlet(text: str, outlets: Mapping[str, str]) -> str | None:
    """The outlet a paragraph says it is taken from ("…, пишет ТАСС.", "Как передает
    Report со ссылкой на…", "Об этом сообщает ТАСС.", "…, Azernews reports.", "…, Germany’s dpa news agency reported…", "… — ТАСС"), or None."""
    tail = max(0, len(text) - CREDIT_TAIL)  # both credits close the paragraph: its end is searched, not all of it
    if (match := _DASH_CREDIT.search(text, tail) or text.endswith((")", ").")) and _CLOSING_TAG.search(text, tail)) \
            and _is_outlet(match.group("name"), outlets):
        return outlets[match.group("name").lower()]  # "… заявил он. — ТАСС", "… international law. (Xinhua)"
    if told := told_outlet(text, outlets):
        return told
    for match in _CITING.finditer(text) if any(verb in text for verb in ("cit", "quot", "writ", "wrot", "report")) else ():
        if (name := match.group("name") or match.group("by")).lower() in outlets or outlet_shaped(name, outlets):
            return outlets.get(name.lower(), name)
    for match in _ACCORDING.finditer(text) if "ccording" in text else ():  # "…, according to Tasnim."
        if (name := match.group("name")).lower() in outlets or outlet_shaped(name, outlets):
            return outlets.get(name.lower(), name)
    if "گزارش" in text and (match := _PERSIAN_REPORT_INSIDE.search(text)) and (opening := outlet_opening(text[match.end():], outlets)):
        return opening[0]  # "… تاکید کرد. به گزارش ایرنا، …"
    if match := _AGENCY_REPORTED.search(text):  # "…, the semi-official Iranian Fars News Agency reported": the table's "Fars"
        words = match.group("name").split()
        return next((outlets[" ".join(words[i:]).lower()] for i in range(len(words)) if " ".join(words[i:]).lower() in outlets),
                    match.group("name"))
    if (match := _ENGLISH_CREDIT.search(text)) and (" " not in match.group("name") and match.end() == len(text)
                                                     or outlet_shaped(match.group("name"), outlets)):
        return outlets.get(match.group("name").lower(), match.group("name"))
    if "Ранее " in text and (match := _EARLIER.search(text)):  # "Ранее News.ru писал…": the outlet recalling its own report
        return outlets.get(match.group("name").strip("«»").lower(), match.group("name").strip("«»"))
    if "По " in text and (match := _RUSSIAN_PER.search(text)) \
            and ((name := match.group("name").strip("«»")).lower() in outlets or outlet_shaped(name, outlets)):
        return outlets.get(name.lower(), name)  # "По сообщению ТАСС, …"
    if not any(verb in text for verb in ("пиш", "перед", "сообщ", "привод", "цитир", "информир")):
        return None
    match = _RUSSIAN_CREDIT.search(text)
    if not match:
        return None
    name = re.sub(r"[«»\"]", "", match.group("name")).rstrip(".")  # 'РИА "Новости' cut by the scrape: РИА Новости
    return outlets.get(name.lower(), name)
