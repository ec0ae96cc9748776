"""Payment networks named by a common word (issue 14, the blind-8 misses): each named
where its sentence speaks of cards, each near miss (acceleration, a travel visa, a
name's prefix, a longer word) left alone."""

from __future__ import annotations

import pytest

from reader.annotate import wordnames
from reader.models import Mention


def networks(text: str, known: tuple[Mention, ...] = ()) -> list[tuple[str, str]]:
    return [(m.text, m.canonical) for m in wordnames.find([text], [known])[0] if m not in known]


@pytest.mark.parametrize("text, names", [
    ("شبکه میر روسیه به شبکه بانکی ایران (شتاب) وصل می‌شود.", [("میر", "Mir payment system"), ("شتاب", "Shetab")]),
    ("اتصال میر و شتاب انجام شد.", [("میر", "Mir payment system"), ("شتاب", "Shetab")]),  # each other's cue
    ("سامانه پرداخت MIR، جایگزین روسی برای ویزا و مستر کارت", [("MIR", "Mir payment system"), ("ویزا", "Visa")]),
    ("an alternative to Visa and Mastercard cards", [("Visa", "Visa")]),
])
def test_a_network_in_a_sentence_about_cards_is_named(text, names):
    assert networks(text) == names


@pytest.mark.parametrize("text", [
    "شتاب خودرو در جاده زیاد بود.",          # acceleration
    "لغو ویزا برای گردشگران روسی.",          # a travel visa
    "میر حسین موسوی در تهران سخنرانی کرد.",  # a name's prefix
    "با اتصال میرروسیه و امیر به کارت بانکی",  # inside longer words, even beside a cue
    "Visa-free travel with bank cards",       # the English compound
])
def test_near_misses_stay_common_words(text):
    assert networks(text) == []


def test_the_cue_counts_only_in_its_own_sentence():
    assert networks("کارت شتاب صادر شد. شتاب رشد اقتصادی کم شد.") == [("شتاب", "Shetab")]


def test_a_covered_name_is_left_to_its_mention():
    text = "کارت‌های میر در ایران"
    known = (Mention(0, 13, "کارت\u200cهای میر", "ORG", "Mir payment system", "gazetteer"),)
    assert wordnames.find([text], [known])[0] == known


def named(text: str, known: tuple[Mention, ...] = ()) -> list[tuple[str, str]]:
    return [(m.text, m.type) for m in wordnames.find([text], [known])[0] if m not in known]


@pytest.mark.parametrize("text, names", [
    ("پس از حمله روسیه، غرب تحریم‌هایی را علیه روسیه وضع کرد.", [("غرب", "LOC")]),
    ("تحت تحریم‌های شدید غرب و فشار کشورهای غربی", [("غرب", "LOC"), ("غربی", "NORP")]),
    ("رسانه‌های غربی و مقامات غربی گفتند.", [("غربی", "NORP"), ("غربی", "NORP")]),
])
def test_the_west_and_western_in_persian(text, names):
    assert named(text) == names


@pytest.mark.parametrize("text", [
    "در شمال غرب باران آمد.",        # north-west
    "انفجار در غرب کشور رخ داد.",    # west of the country
    "مرز غربی و بخش غربی شهر",      # the western border: a direction
    "غربت و غربال",                  # longer words
])
def test_the_direction_is_not_the_west(text):
    assert named(text) == []


def test_the_west_of_a_place_and_a_province_named_by_its_side_are_not_the_west():
    text = "در غرب تهران و استان آذربایجان غربی"
    tehran, azerbaijan = text.index("تهران"), text.index("آذربایجان")
    known = (Mention(tehran, tehran + 5, "تهران", "GPE", "Tehran", "gazetteer"),
             Mention(azerbaijan, azerbaijan + 9, "آذربایجان", "GPE", "Azerbaijan", "gazetteer"))
    assert named(text, known) == []


def test_the_reader_names_the_network_not_the_card_phrase():
    """The gazetteer no longer lists «کارت‌های میر» or «شبکه شتاب»: the name is the network's
    word alone (the blind-8 gold); near miss: acceleration in the same article stays a word."""
    from reader.config import bundled_config, load_config
    from reader.library import Library

    library = Library(load_config(bundled_config()), cache=False)
    texts = ["کارت‌های میر در ایران و شبکه شتاب در روسیه پذیرفته می‌شود.", "شتاب رشد اقتصادی کم شد."]
    found, _ = library.annotate(texts, language="fa")
    assert [(m.text, m.canonical) for m in found[0] if m.type == "ORG"] == [
        ("میر", "Mir payment system"), ("شتاب", "Shetab")]
    assert [m for m in found[1] if m.type == "ORG"] == []
