"""Dates stated in text, in every common form and language, to ISO (reader.ingest.dates)."""

import pytest

from reader.ingest.dates import date_in_filename, find_date


@pytest.mark.parametrize("text, iso", [
    ("Posted at 6:19 AM, Dec 03, 2015", "2015-12-03"),
    ("Wednesday 5 July 2023 - 02:57", "2023-07-05"),
    ("Last Updated: Sunday, 26 February 2006, 13:32 GMT", "2006-02-26"),
    ("Added On August 9, 2016", "2016-08-09"),
    ("Name34 seconds ago Tue 17th August 2021 | 07:37 PM", "2021-08-17"),
    ("17 мая 2023 года", "2023-05-17"),
    ("Москва, 13 января, 2025, 15:08", "2025-01-13"),
    ("8 janvier 2023", "2023-01-08"),
    ("5. Juli 2023", "2023-07-05"),
    ("۲۶ آبان ۱۴۰۴", "2025-11-17"),  # Solar Hijri, Persian digits
    ("جوزا 4, 1401 09:12", "2022-05-25"),  # Afghan (Dari) month names, month first: Jawza = Khordad
    ("۱۰ حوت ۱۳۹۸", "2020-02-29"),  # Hut = Esfand, day first
    ("عقرب ۳، ۱۴۰۰", "2021-10-25"),
    ("تاریخ انتشار : سه شنبه ۲۸ دی ۱۴۰۰ ساعت ۱۶:۱۴", "2022-01-18"),
    ("13:57 04 / 12 /1403", "2025-02-22"),  # Solar Hijri by its year, day/month/year
    ("date 2018-03-02", "2018-03-02"),
    ("تاریخ انتشار: ۱۹:۵۰ - ۲۷-۱۲-۱۳۸۸", "2010-03-18"),  # day-month-year between dashes
    ("14 ژانویه 2025", "2025-01-14"),  # a Gregorian month in Persian letters (dateparser writes "ژانويه")
    ("۱۱ اکتبر ۲۰۲۴", "2024-10-11"),
    ("12 March 201317:42", "2013-03-12"),  # a clock time glued to the year by the scrape
    ("Tue Mar 12, 201317:42", "2013-03-12"),
    ("12.03.201317:42", "2013-03-12"),
    ("MIN READFeb 23, 2018 | 08:00 GMT", "2018-02-23"),  # a label in capitals glued to the month by the scrape
])
def test_stated_dates(text, iso):
    assert find_date(text)[0] == iso


@pytest.mark.parametrize("text", ["March 02, 11:02 UTC+3 MOSCOW", "February 30, 2017", "he paid 2,000 in 2015",
                                  "on Monday", "15 дек", "1 May", "won 2-1 in 2020", "1-2.2020",
                                  "12 March 2013175", "12.03.20131",
                                  "readFeb 23, 2018",
                                  "میزان 20 درصد در 1400", "سال 1400 میزان 12 درصد"])  # a Dari month's word, not a date  # glued to a lower-case word: not a label  # digits glued to a year, but no clock time
def test_no_date_without_a_full_stated_date(text):
    assert find_date(text) is None


def test_the_span_is_where_the_date_is():
    text = "Posted at 6:19 AM, Dec 03, 2015"
    _, start, end = find_date(text)
    assert text[start:end] == "Dec 03, 2015"


def test_file_name_dates():
    assert date_in_filename("2023-07-05-tass.txt") == "2023-07-05"
    assert date_in_filename("ria_20230705.txt") == "2023-07-05"
    assert date_in_filename("000_f4d4ea7fa12037db.txt") is None
    assert date_in_filename("report-20231345.txt") is None


@pytest.mark.parametrize("word, month", [("Nov.", True), ("мая", True), ("AUGUST", True), ("ژانويه", True),
                                         ("ژانویه.", True), ("Novel", False), ("Mayor", False)])
def test_a_month_name_is_known_however_it_is_written(word, month):
    """`is_month` and the month table key a name alike (`_month_key`): case, a trailing
    full stop and Arabic ي ك for Persian ی ک aside; a longer word is no month."""
    from reader.ingest.dates import is_month

    assert is_month(word) is month


def test_a_named_weekday_tells_a_month_first_numeric_date():
    assert find_date("Tue, 10/06/2020 - 23:35")[0] == "2020-10-06"  # 6 October 2020 was a Tuesday
    # near misses: the weekday of the day-first reading, or none, keeps it
    assert find_date("Wed, 10/06/2020 - 23:35")[0] == "2020-06-10"
    assert find_date("10/06/2020")[0] == "2020-06-10"
