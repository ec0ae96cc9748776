"""Dates stated in text, in any common form and language, to ISO `YYYY-MM-DD`.

A fast regular expression finds candidate spans (a day, a month name or
number and a four-digit year, in either order); the month names come from
dateparser's own locale data, so every language dateparser knows is covered.
Gregorian candidates are handed to dateparser (which knows genitive months such
as "17 мая 2023 года"); Solar Hijri ones (a year 1300-1499, Persian month names
or digits, e.g. "۲۶ آبان ۱۴۰۴", "04 / 12 /1403") are converted with jdatetime.
A date without a stated year is never completed: it is not found.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

LANGUAGES = ("en", "ru", "fa", "de", "fr", "ar", "uk", "tr", "it", "es")
_PERSIAN_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")
_SOLAR_MONTHS = ("فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور", "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند")
# The same months as Afghanistan (Dari) names them, after the zodiac: "سرطان 10, 1399" is 10 Tir 1399. Most are
# also common words ("میزان" a measure, "حمل" transport, "جدی" serious): read only between a day and a Solar year.
_DARI_MONTHS = ("حمل", "ثور", "جوزا", "سرطان", "اسد", "سنبله", "میزان", "عقرب", "قوس", "جدی", "دلو", "حوت")
_SOLAR_NUMBER = {**{name: number for number, name in enumerate(_SOLAR_MONTHS, start=1)},
                 **{name: number for number, name in enumerate(_DARI_MONTHS, start=1)}, "جوزاء": 3}
_ARABIC_LETTERS = str.maketrans("يك", "یک")
# A year ends at a non-digit, or runs into a clock time the scrape glued to it ("12 March 201317:42"
# is 12 March 2013, 17:42: a year has four digits and a time two, a colon and two).
_YEAR_END = r"(?:(?!\d)|(?=\d{1,2}:\d\d(?!\d)))"
_YEAR = re.compile(rf"(?<!\d)(?:1[34]|19|20)\d\d{_YEAR_END}|[۰-۹٠-٩]{{4}}")


@lru_cache(maxsize=1)
def _month_names() -> dict[str, int]:
    """Month name (any language dateparser knows, lower-cased) -> month number."""
    from dateparser.languages.loader import default_loader

    names: dict[str, int] = {}
    keys = ("january", "february", "march", "april", "may", "june", "july", "august",
            "september", "october", "november", "december")
    for code in LANGUAGES:
        info = default_loader.get_locale(code).info
        for number, key in enumerate(keys, start=1):
            for name in info.get(key, ()):
                name = _month_key(name)  # dateparser's Persian "ژانويه": as texts write it, "ژانویه"
                if len(name) >= 3 and not name.isdigit():
                    names.setdefault(name, number)
    return names


def _month_key(word: str) -> str:
    """A month name as `_month_names` keys it: lower case, no trailing full stop, Arabic ي ك as Persian ی ک."""
    return word.lower().rstrip(".").translate(_ARABIC_LETTERS)


def is_month(word: str) -> bool:
    """Whether `word` (any case, a trailing full stop aside) names a month in a language of LANGUAGES
    ("Nov.", "мая", "August"; dateparser's locale data)."""
    return _month_key(word) in _month_names()


@lru_cache(maxsize=1)
def _weekdays() -> dict[str, int]:
    """Weekday name (lower case, any language of LANGUAGES; dateparser's locale data) -> 0 (Monday) to 6."""
    from dateparser.languages.loader import default_loader

    keys = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
    names: dict[str, int] = {}
    for code in LANGUAGES:
        for number, key in enumerate(keys):
            for name in default_loader.get_locale(code).info.get(key, ()):
                names.setdefault(name.lower().rstrip("."), number)
    return names


@lru_cache(maxsize=1)
def weekday_names() -> frozenset[str]:
    """Weekday names, lower case, in every language of LANGUAGES (dateparser's locale data)."""
    return frozenset(_weekdays())


def _by_weekday(iso: str, match: re.Match, text: str) -> str:
    """A numeric date read day first ("10/06/2020": 10 June) read month first instead (6 October)
    when the text names the weekday of that reading and not of this one ("Tue, 10/06/2020": 6
    October 2020 was a Tuesday, 10 June a Wednesday), as US sites write dates."""
    if match.group("d2") is None:
        return iso
    try:
        swapped = date(int(match.group("y2")), int(match.group("d2")), int(match.group("m2")))
    except ValueError:
        return iso
    named = {_weekdays()[word] for word in re.findall(r"[^\W\d_]+", text.lower()) if word in _weekdays()}
    if len(named) == 1 and swapped.weekday() in named and date.fromisoformat(iso).weekday() not in named:
        return swapped.isoformat()
    return iso


# A month's name glued to a label in capitals before it by the scrape ("MIN READFeb 23, 2018"):
# two capitals, then the month's capital and a lower-case letter (dev set clean11, issue 13).
_GLUED_LABEL = r"(?<=(?-i:[A-Z]{2}))(?=(?-i:[A-Z][a-z]))"


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    months = "|".join(sorted((re.escape(m) for m in _month_names()), key=len, reverse=True))
    solar = "|".join(sorted(_SOLAR_NUMBER, key=len, reverse=True))
    d, y = r"(?P<d>\d{1,2})(?:st|nd|rd|th|er|-?е|-?го)?", rf"(?P<y>\d{{4}}){_YEAR_END}"
    named = re.compile(
        rf"(?:(?<!\w)|{_GLUED_LABEL})(?:{d}\.?\s*(?P<m>{months})\.?,?\s*(?:\s*[-/]\s*)?{y}|(?P<m2>{months})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{{4}})){_YEAR_END}",
        re.IGNORECASE)
    numeric = re.compile(r"(?<![\d.:/])(?:(?P<y>\d{4})\s*[-/.]\s*(?P<m>\d{1,2})\s*[-/.]\s*(?P<d>\d{1,2})"
                         r"|(?P<d2>\d{1,2})\s*(?P<sep>[/.-])\s*(?P<m2>\d{1,2})\s*(?P=sep)\s*(?P<y2>\d{4}))"
                         r"(?:(?![\d:])|(?<=[/.-]\d{4})(?=\d{1,2}:\d\d(?!\d)))")
    # "۲۶ آبان ۱۴۰۴", "26/آبان/1404"; month first as Afghan sites write it: "سرطان 10, 1399"
    persian = re.compile(rf"(?:(?P<d>\d{{1,2}})\s*/?\s*(?P<m>{solar})\s*/?\s*(?P<y>1[34]\d\d)"
                         rf"|(?<!\w)(?P<m2>{solar})\s+(?P<d2>\d{{1,2}})\s*[,،]?\s+(?P<y2>1[34]\d\d)){_YEAR_END}")
    return named, numeric, persian


def find_date(text: str) -> tuple[str, int, int] | None:
    """The first full date stated in `text`: (ISO date, start, end) in characters, or None.

    Accepts "Dec 03, 2015", "Wednesday 5 July 2023", "17 мая 2023 года",
    "۲۸ دی ۱۴۰۰", "سرطان 10, 1399" (Dari month names), "2018-03-02", "05.08.2024", "04 / 12 /1403", "۲۷-۱۲-۱۳۸۸" (Solar
    Hijri by its year). Impossible dates (February 30) and dates without a year are not found;
    of two numeric dates, one written year first wins ("3/1/2006 … 2006-03-01": March 1).
    """
    if not _YEAR.search(text):  # no four-digit year, no full date: most lines stop here
        return None
    plain = text.translate(_PERSIAN_DIGITS).translate(_ARABIC_LETTERS)  # same length: spans still fit
    named, numeric, persian = _patterns()
    found = []
    for pattern, kind in ((persian, "solar"), (named, "named"), (numeric, "numeric")):
        matches = list(pattern.finditer(plain))
        if kind == "numeric":  # year first ("2006-03-01") before day-month-year ("3/1/2006" may be March 1)
            matches.sort(key=lambda m: m.group("y") is None)
        for match in matches:
            iso = _convert(match, kind)
            if iso and kind == "numeric":
                iso = _by_weekday(iso, match, plain)
            if iso:
                found.append((match.start(), match.end(), iso))
                break
    if not found:
        return None
    start, end, iso = min(found)
    return iso, start, end


def _convert(match: re.Match, kind: str) -> str | None:
    group = match.groupdict()
    day, month, year = (group.get("d") or group.get("d2"), group.get("m") or group.get("m2"),
                        group.get("y") or group.get("y2"))
    try:
        if kind == "solar":
            return _solar(int(year), _SOLAR_NUMBER[month], int(day))
        number = _month_names()[_month_key(month)] if kind == "named" else int(month)
        y, d = int(year), int(day)
        if 1300 <= y < 1500:
            return _solar(y, number, d)
        if not 1900 <= y <= 2100:
            return None
        return date(y, number, d).isoformat()
    except (ValueError, KeyError):
        return None


def _solar(year: int, month: int, day: int) -> str | None:
    import jdatetime

    try:
        return jdatetime.date(year, month, day).togregorian().isoformat()
    except ValueError:
        return None


_FILENAME = re.compile(r"(?<![0-9A-Za-z])((?:19|20)\d\d)[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\d|3[01])(?![0-9A-Za-z])")


def date_in_filename(name: str) -> str | None:
    """A date in a file name ("2023-07-05-tass.txt", "ria_20230705.txt") as ISO, or None."""
    match = _FILENAME.search(name)
    if not match:
        return None
    try:
        return date(*(int(g) for g in match.groups())).isoformat()
    except ValueError:
        return None
