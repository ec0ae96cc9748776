"""Cleaning rules found on a held-out set of pages (blind12), each on a small made-up text."""

from reader.config import bundled_config, load_config
from reader.ingest.clean import clean

OUTLETS = load_config(bundled_config()).sources
FA_BODY = ("وزیران خارجه ایران و روسیه روز دوشنبه در تهران درباره راه‌آهن و قرارداد گاز با یکدیگر گفت‌وگو کردند "
           "و بر ادامه همکاری‌ها تأکید کردند.")


def reasons(result):
    return {d.reason for d in result.dropped}


def texts(result):
    return [p.text for p in result.paragraphs]


def test_a_dari_dated_line_with_its_time_zone_is_the_date_not_a_caption():
    """Afghan sites name the Solar Hijri months after the zodiac ("جوزا" is Khordad) and close the
    timestamp with a time zone ("Asia/Kabul"), which is no photo credit's "Name/AGENCY"."""
    result = clean(f"دیدار وزیران خارجه در تهران\nجوزا 4, 1401 09:12 Asia/Kabul\n\n{FA_BODY}", outlets=OUTLETS)
    assert result.meta.date == "2022-05-25"
    assert texts(result) == [FA_BODY]
    assert "photo caption or credit" not in reasons(result)
    assert "timestamp (date metadata)" in reasons(result)
