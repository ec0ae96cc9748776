"""Facilities named by a head noun in Persian and Russian (reader.annotate.facilities)."""

from __future__ import annotations

import re

from reader.annotate import facilities
from reader.models import Mention


def places(text: str, pattern: str) -> tuple[Mention, ...]:
    return tuple(Mention(m.start(), m.end(), m.group(), "GPE", m.group(), "gazetteer") for m in re.finditer(pattern, text))


def found(text: str, known: tuple[Mention, ...] = ()) -> list[tuple[str, str]]:
    return [(m.text, m.type) for m in facilities.find([text], [known])[0]]


def test_a_persian_facility_ending_with_a_known_place_a_martyr_or_a_quoted_name():
    text = "کارشناسان از پالایشگاه بندرعباس، پایگاه هوایی شهید نوژه و هتل «اسپیناس» بازدید کردند."
    assert found(text, places(text, "بندرعباس")) == [
        ("پالایشگاه بندرعباس", "FAC"), ("پایگاه هوایی شهید نوژه", "FAC"), ("اسپیناس", "FAC")]


def test_persian_near_misses():
    text = "نیروگاه جدید و نیروگاه اتمی در تهران، نیروگاه‌ها در ایران و سایت خبری تهران تایمز."
    # a head without a name, a place after a word that is no kind ("در"), a plural, a news site
    assert found(text, places(text, "تهران|ایران")) == [("تهران", "GPE"), ("ایران", "GPE"), ("تهران", "GPE")]


def test_a_russian_facility_in_quotes_or_latin_letters_after_its_noun():
    text = "Беседа прошла в отеле Ritz-Carlton, потом на электростанции «Сирик»; отель в 2022 году и «Ура»."
    assert found(text) == [("Ritz-Carlton", "FAC"), ("Сирик", "FAC")]
