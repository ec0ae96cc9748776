"""Payment networks named by a common word (issue 14, the blind-8 misses): each named
where its sentence speaks of cards, each near miss (acceleration, a travel visa, a
name's prefix, a longer word) left alone."""

from __future__ import annotations

import pytest

from reader.annotate import payments
from reader.models import Mention


def networks(text: str, known: tuple[Mention, ...] = ()) -> list[tuple[str, str]]:
    return [(m.text, m.canonical) for m in payments.find([text], [known])[0] if m.source == "model"]


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
    assert payments.find([text], [known])[0] == known
