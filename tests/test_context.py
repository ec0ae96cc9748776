"""Ambiguous names (SPEC §5): each trap is not a place, each near-miss stays one."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.annotate.context import propagate, resolve
from reader.models import Mention
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
    # the bird; the country
    ("A Turkey vulture circled over Iran and Russia.", "Turkey", "Iran signed a deal with Turkey in Ankara."),
    # the surname; the agency
    ("NIOC chief Mohsen Khojasteh Mehr said Iran and Russia agreed.", "Mehr", "Mehr reported that Iran and Russia agreed."),
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


def test_a_country_that_plays_in_an_off_field_sports_report_is_a_team_but_the_venue_stays_a_place(matcher):
    texts = ["After three draws against France, the coach praised the goalkeeper.",
             "The away match in France ended in a defeat for the visitors' striker."]
    (first, second) = resolve(texts, [matcher.mentions(t) for t in texts], None, in_field=False)
    assert [(m.text, m.type) for m in first if m.text == "France"] == [("France", "ORG")]
    assert [(m.text, m.type) for m in second if m.text == "France"] == [("France", "GPE")]
    # near miss: in a field article an unambiguous country in a sports sentence stays a place
    (field,) = resolve(texts[:1], [matcher.mentions(texts[0])], None, in_field=True)
    assert ("France", "GPE") in {(m.text, m.type) for m in field}


def test_an_ambiguous_team_in_a_sports_sentence_is_an_organisation_not_dropped(matcher):
    assert ("Astana", "ORG") in judged(matcher, "Astana lost the Champions League qualifier and the cup tie.", in_field=False)
    team = judged(matcher, "Kazan beat Spartak in the league match, scoring two goals.")
    assert ("Kazan", "ORG") in team and ("Kazan", "GPE") not in team
    assert ("Kazan", "GPE") in judged(matcher, "Iran and Russia met in Kazan for the BRICS summit.")


def test_a_short_name_after_the_person_s_full_name_is_that_person(matcher):
    texts = ["Michael Jordan scored for the Bulls.", "Then Jordan hit a jumper to win the game."]
    spans = [[(0, 14, "PERSON")], []]
    result = resolve(texts, [matcher.mentions(t) for t in texts], spans, in_field=False)
    assert [(m.text, m.type, m.canonical) for m in result[1] if m.text == "Jordan"] == [("Jordan", "PERSON", "Michael Jordan")]
    # near miss: with no "... Jordan" person in the article, the country stays (field article)
    assert ("Jordan", "GPE") in judged(matcher, "Iran and Russia met Jordan's king in Amman.")


def test_the_model_relabelling_the_same_word_is_no_evidence(matcher):
    text = "Astana lost the Champions League qualifier and the cup tie."
    assert ("Astana", "PERSON") not in judged(matcher, text, in_field=False, spans=[("Astana", "PERSON")])


def _model(text, name, kind="PERSON", start=None):
    start = text.index(name) if start is None else start
    return Mention(start, start + len(name), name, kind, name, "model")


def test_a_repeated_name_is_highlighted_whole_and_everywhere():
    texts = ["Envoy Walter Brandt spoke.", "Reporters shouted Brandt Brandt as Brandt left."]
    paragraphs = [(_model(texts[0], "Walter Brandt"),), (_model(texts[1], "Brandt Brandt"),)]
    result, changed = propagate(texts, paragraphs)
    assert changed
    assert [(m.start, m.end) for m in result[1]] == [(18, 24), (25, 31), (35, 41)]
    assert all(m.type == "PERSON" and m.source == "model" for m in result[1])


def test_propagation_leaves_gazetteer_names_and_word_parts_alone():
    texts = ["Brandt met Putin.", "Brandtner and Putin spoke; UAVs flew."]
    gazetteer_putin = Mention(11, 16, "Putin", "PERSON", "Vladimir Putin", "gazetteer")
    paragraphs = [(_model(texts[0], "Brandt"), gazetteer_putin), (_model(texts[1], "UAVs", "ORG"),)]
    result, changed = propagate(texts, paragraphs)
    assert changed  # the plural acronym went
    assert result[0] == paragraphs[0]
    assert result[1] == ()  # "Brandtner" is another word; "UAVs" is a common noun


def test_designations_and_products_are_not_names_and_a_named_company_is_an_organisation():
    texts = ["Iran sent Shahed-136 and Shahed drones; analytical company Prozerno said Prozerno Petrov agreed.",
             "Iran bought Sukhoi Su-35 jets from Sukhoi."]
    t, t1 = texts
    paragraphs = [(_model(t, "Shahed-136", "ORG"), _model(t, "Shahed", "ORG", t.index("Shahed drones")),
                   _model(t, "Prozerno"), _model(t, "Prozerno Petrov")),
                  (_model(t1, "Sukhoi", "ORG"), _model(t1, "Sukhoi", "ORG", t1.rindex("Sukhoi")))]
    result, changed = propagate(texts, paragraphs)
    assert changed
    assert [(m.text, m.type) for m in result[0]] == [("Prozerno", "ORG"), ("Prozerno Petrov", "PERSON")]
    # the maker before its product's designation goes; the near-miss, the maker alone, stays a company
    assert [(m.text, m.start) for m in result[1]] == [("Sukhoi", t1.rindex("Sukhoi"))]


def test_a_model_word_the_article_writes_in_lower_case_is_no_name_unless_part_of_one():
    texts = ["The Resolution passed; the resolution binds Iran.", "Ned Price spoke; Price said the price rose.",
             "The International Chamber of Commerce (ICC) met."]
    t0, t1, t2 = texts
    paragraphs = [(_model(t0, "Resolution", "EVENT"),),
                  (_model(t1, "Ned Price"), _model(t1, "Price", start=t1.index("Price said"))),
                  (_model(t2, "International Chamber of Commerce (ICC", "ORG"),)]
    result, _ = propagate(texts, paragraphs)
    assert result[0] == ()
    assert [m.text for m in result[1]] == ["Ned Price", "Price"]
    assert [m.text for m in result[2]] == ["International Chamber of Commerce"]


@pytest.mark.parametrize("title, event, near_miss", [
    ("پوتین به دیدار رهبر معظم انقلاب اسلامی رفت.", "انقلاب اسلامی", "در سالگرد انقلاب اسلامی، پوتین پیام داد."),
    ("Putin met the Leader of the Islamic Revolution in Tehran.", "Islamic Revolution",
     "Putin spoke on the anniversary of the Islamic Revolution in Tehran."),
])
def test_a_revolution_in_a_leader_s_title_is_no_event_but_the_anniversary_is(matcher, title, event, near_miss):
    assert not any(kind == "EVENT" for _, kind in judged(matcher, title))
    assert (event, "EVENT") in judged(matcher, near_miss)


def test_a_model_organisation_or_place_whose_surname_is_a_person_s_is_a_person():
    texts = ["Walter Brandtov, Ruritania's Permanent Representative, spoke.", "Brandtov left; Anna Kovar and Kovar Bank met."]
    t0, t1 = texts
    paragraphs = [(_model(t0, "Walter Brandtov", "ORG"),),
                  (_model(t1, "Brandtov", "GPE"), _model(t1, "Anna Kovar"), _model(t1, "Kovar Bank", "ORG"))]
    result, changed = propagate(texts, paragraphs)
    assert changed
    assert [(m.text, m.type) for m in result[0]] == [("Walter Brandtov", "PERSON")]  # a title after a comma
    # the surname alone follows; the near-miss, an organisation with a head noun, stays one
    assert [(m.text, m.type) for m in result[1]] == [("Brandtov", "PERSON"), ("Anna Kovar", "PERSON"), ("Kovar Bank", "ORG")]


def test_a_model_organisation_with_no_title_after_its_comma_stays_one():
    text = "Zenith Holdings, a trading firm, and Omega Trust, based in Dubai, were named."
    result, _ = propagate([text], [(_model(text, "Zenith Holdings", "ORG"), _model(text, "Omega Trust", "ORG"))])
    assert [(m.text, m.type) for m in result[0]] == [("Zenith Holdings", "ORG"), ("Omega Trust", "ORG")]


def test_a_one_word_model_person_after_a_word_of_place_is_a_place():
    text = "Turkish forces entered Al-Bab after weeks of fighting, and Brandtov said according to Kovar it held."
    paragraphs = [(_model(text, "Al-Bab"), _model(text, "Brandtov"), _model(text, "Kovar"))]
    result, _ = propagate([text], paragraphs)
    assert [(m.text, m.type) for m in result[0]] == [("Al-Bab", "GPE"), ("Brandtov", "PERSON"), ("Kovar", "PERSON")]


def test_a_model_person_with_a_number_and_the_singular_of_a_plural_acronym_are_no_names():
    text = "Under Articles 36 and 37, one UAV and two UAVs flew; Walter Brandt spoke."
    paragraphs = [(_model(text, "Articles 36"), _model(text, "UAV", "ORG"), _model(text, "Walter Brandt"))]
    result, _ = propagate([text], paragraphs)
    assert [m.text for m in result[0]] == ["Walter Brandt"]


def test_a_gazetteer_surname_takes_its_given_name_or_is_another_person(matcher):
    text = ("Spokesperson Esmail Baghaei spoke in Tehran. Vladimir Medvedev, a deputy, agreed. "
            "Then Baghaei left; Foreign Minister Lavrov stayed.")
    result = resolve([text], [tuple(matcher.mentions(text))], None, True)[0]
    people = [(m.text, m.canonical, m.source) for m in result if m.type == "PERSON"]
    assert ("Esmail Baghaei", "Esmaeil Baghaei", "gazetteer") in people  # a spelling of the gazetteer's given name
    assert ("Vladimir Medvedev", "Vladimir Medvedev", "model") in people  # not Dmitry Medvedev
    # near misses: an adverb or a title before the surname is no given name
    assert ("Baghaei", "Esmaeil Baghaei", "gazetteer") in people and ("Lavrov", "Sergei Lavrov", "gazetteer") in people


def test_a_gerund_opening_a_sentence_is_no_given_name(matcher):
    """A newcomer saw "Welcoming Pezeshkian" as a person of its own, lost to Masoud Pezeshkian."""
    text = "Welcoming Pezeshkian as they sat down, Putin spoke. “Addressing Lavrov, he smiled.”"
    result = resolve([text], [tuple(matcher.mentions(text))], None, True)[0]
    people = [(m.text, m.canonical) for m in result if m.type == "PERSON"]
    assert ("Pezeshkian", "Masoud Pezeshkian") in people and ("Lavrov", "Sergei Lavrov") in people
    # near misses: a given name ending so inside a sentence, and a given name opening one, are given names
    for text, name in (("He met Sterling Baghaei there.", "Sterling Baghaei"), ("Ahmed Baghaei spoke.", "Ahmed Baghaei")):
        result = resolve([text], [tuple(matcher.mentions(text))], None, True)[0]
        assert name in [m.text for m in result if m.type == "PERSON"], text


def test_the_surname_alone_follows_a_namesake_the_article_names_in_full(matcher):
    text = "Vladimir Medvedev, a deputy, agreed. Later Medvedev left."
    result = resolve([text], [tuple(matcher.mentions(text))], None, True)[0]
    assert [(m.text, m.canonical) for m in result if m.type == "PERSON"] == [
        ("Vladimir Medvedev", "Vladimir Medvedev"), ("Medvedev", "Vladimir Medvedev")]
    text = "Vladimir Medvedev, a deputy, met Dmitry Medvedev. Later Medvedev left."  # near miss: both named in full
    result = resolve([text], [tuple(matcher.mentions(text))], None, True)[0]
    assert [(m.text, m.canonical) for m in result if m.type == "PERSON"][-1] == ("Medvedev", "Dmitry Medvedev")


def test_a_numbered_document_is_no_event():
    text = "Under Resolution 2231 and UNSC 2231, after 9/11 and World War II, the resolution held."
    paragraphs = [tuple(_model(text, name, "EVENT") for name in ("Resolution 2231", "UNSC 2231", "9/11", "World War II"))]
    result, _ = propagate([text], paragraphs)
    assert [m.text for m in result[0]] == ["9/11", "World War II"]  # near misses: events with and without a number


def test_in_an_off_field_match_report_every_place_but_the_venue_and_dateline_is_a_team(matcher):
    text = ("Tbilisi, September 6 - Georgia lost 3-2 to Turkey in Tbilisi. Georgia finished fourth in their group, "
            "behind Austria, and the coach blamed a 6-1 defeat to Austria and the match in Ukraine.")
    found = judged(matcher, text, in_field=False)
    assert {("Georgia", "ORG"), ("Turkey", "ORG"), ("Austria", "ORG")} <= found
    # near misses: the venue after "in", and the dateline before its date, stay places
    assert {("Tbilisi", "GPE"), ("Ukraine", "GPE")} <= found and ("Tbilisi", "ORG") not in found


def test_a_ship_named_after_its_kind_is_no_place_or_name(matcher):
    """Ships are products, not entities (the blind-6 gold): "destroyer Damavand", "warships
    Volgodonsk and Makhachkala", "Peykan-class"; near miss: the city after "for"."""
    text = ("Russian warships Volgodonsk and Makhachkala berthed. The Peykan-class warships and the destroyer Damavand "
            "sailed for Makhachkala.")
    paragraphs = [tuple(sorted([*matcher.mentions(text), _model(text, "Volgodonsk", "PERSON"), _model(text, "Peykan", "NORP"),
                                _model(text, "Damavand", "ORG")], key=lambda m: m.start))]
    result = resolve([text], paragraphs, None, True)[0]
    assert [(m.text, m.start > text.index("sailed")) for m in result if m.type != "NORP"] == [("Makhachkala", True)]


def test_a_russian_compound_adjective_is_no_nationality(matcher):
    text = "Вопросы российско-иранского сотрудничества и ирано-американских переговоров; иранская сторона и американских партнеров."
    result = resolve([text], [tuple(matcher.mentions(text))], None, True)[0]
    # near misses: the same adjectives standing alone
    assert [m.text for m in result if m.type == "NORP"] == ["иранская", "американских"]


def test_a_model_organisation_opening_with_a_known_given_name_is_a_person():
    """"Mohsen Karimi" read as an organisation (the blind-8 gold): a given name of the
    gazetteer's people opens it; near misses: an organisation with a head noun, a name
    whose first word is no given name, a given name in a longer capitalised run."""
    text = "Mohsen Karimi met Mohsen Bank staff, Zenith Rostami and Ali Reza Karimi Trading Co."
    paragraphs = [(_model(text, "Mohsen Karimi", "ORG"), _model(text, "Mohsen Bank", "ORG"),
                   _model(text, "Zenith Rostami", "ORG"), _model(text, "Ali Reza Karimi Trading", "ORG"))]
    result, _ = propagate([text], paragraphs, frozenset({"Mohsen", "Ali"}))
    assert [(m.text, m.type) for m in result[0]] == [
        ("Mohsen Karimi", "PERSON"), ("Mohsen Bank", "ORG"), ("Zenith Rostami", "ORG"), ("Ali Reza Karimi Trading", "ORG")]


def test_a_place_name_before_a_ship_s_kind_is_the_ship(matcher):
    """"Russia's Makhachkala battleship" (the fresh dev-set 8 trap); near misses: the city's
    port, and the city before a common word."""
    assert ("Makhachkala", "GPE") not in judged(matcher, "Russia's Makhachkala battleship took part")
    assert ("Makhachkala", "GPE") in judged(matcher, "ships left Makhachkala port for Iran")
    assert ("Astrakhan", "GPE") in judged(matcher, "the Astrakhan shipyard sailed")
