"""Ambiguous names (SPEC §5): each trap is not a place, each near-miss stays one."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.annotate.context import resolve
from reader.annotate.gazetteer import Matcher, load_gazetteer
from reader.config import bundled_config, load_config
from reader.library import Library

FIXTURES = Path(__file__).parent / "fixtures" / "ner"


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(load_gazetteer(bundled_config().parent / "gazetteer.yaml", use_cache=False))


def judged(matcher, text, in_field=True, spans=None):
    mentions = matcher.mentions(text)
    paragraph_spans = [[(text.index(n), text.index(n) + len(n), label) for n, label in spans]] if spans else None
    (result,) = resolve([text], [mentions], paragraph_spans, in_field)
    return {(m.text, m.type) for m in result}


@pytest.mark.parametrize("trap, name, near_miss", [
    # the bird; a sea
    ("A Caspian tern dived for fish off the shore.", "Caspian", "Russia and Iran patrol the Caspian with new ships."),
    # the dish (even in a field article); the country
    ("Iran's chefs roast Turkey breast for the Russian guests.", "Turkey", "Iran, Russia and Turkey met in Astana."),
    # the club; the capital
    ("Iran's Esteghlal played FC Astana in Tehran.", "Astana", "Iran and Russia held talks in Astana on Syria."),
    # the surname; the agency
    ("Iranian journalist Hamid Mir met Russian diplomats.", "Mir", "Russian banks joined Mir; Iran's Shetab links to it."),
    # the player; the country
    ("Iran and Russia watched Michael Jordan in Tehran.", "Jordan", "Iran, Russia and Jordan discussed Syria."),
])
def test_a_trap_is_not_a_place_and_the_near_miss_stays_one(matcher, trap, name, near_miss):
    assert not any(text == name and kind in ("GPE", "ORG") for text, kind in judged(matcher, trap)), trap
    assert any(text == name for text, _ in judged(matcher, near_miss)), near_miss


def test_a_team_in_a_sports_sentence_is_not_a_place_even_in_field(matcher):
    text = "Iran's striker scored the winning goal against Georgia in the qualifier."
    assert ("Georgia", "GPE") not in judged(matcher, text)
    assert ("Georgia", "GPE") in judged(matcher, "Iran and Russia backed Georgia's talks with Armenia.")


def test_off_field_ambiguous_names_are_not_places_but_others_stay(matcher):
    text = "Georgia beat Denmark while Jordan watched from Chicago."
    result = judged(matcher, text, in_field=False)
    assert ("Georgia", "GPE") not in result and ("Jordan", "GPE") not in result
    assert ("Georgia", "GPE") in judged(matcher, text, in_field=True)


def test_the_model_s_person_span_replaces_the_place(matcher):
    text = "Iran and Russia watched Michael Jordan score."
    result = judged(matcher, text, spans=[("Michael Jordan", "PERSON")])
    assert ("Michael Jordan", "PERSON") in result and ("Jordan", "GPE") not in result


@pytest.mark.parametrize("fixture, name", [("ner_recipe_turkey.txt", "Turkey"), ("ner_football_georgia.txt", "Georgia")])
def test_off_field_articles_with_the_real_model(fixture, name):
    library = Library(load_config(bundled_config()), cache=False)
    doc = library.resolve(str(FIXTURES / fixture))
    assert not any(m.text == name and m.type == "GPE" for ms in doc.mentions for m in ms)
