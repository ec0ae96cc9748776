"""The command palette's look-up (reader/fuzzy.py): the best few names, best first."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reader.fuzzy import FuzzyNames, in_order

NAMES = [
    "Article: 2017-03-01 Putin meets Rouhani",        # 0: "teh" nowhere
    "Article: 2018-01-02 Flights to Tehran resume",   # 1: "tehran" at a word's start
    "Article: 2018-05-06 Pro-Tehran militias",        # 2: at a word's start, after a dash
    "Article: 2019-01-01 Antehrana, a made-up word",  # 3: inside a word
    "Article: 2020-01-01 The Eh Ran party",           # 4: its letters in order only (t…e…h…r…a…n)
]


def _subsequence(query: str, text: str) -> bool:
    rest = iter(text)
    return all(char in rest for char in query)


def test_whole_at_a_word_start_then_inside_then_letters_in_order():
    names = FuzzyNames(NAMES)
    assert names.best("TEHRAN", 10) == [1, 2, 3, 4]
    assert names.best("tehran", 2) == [1, 2]  # the limit keeps the best
    assert names.best("putin", 10) == [0]


def test_nothing_for_a_blank_query_or_no_match():
    names = FuzzyNames(NAMES)
    assert names.best("   ", 10) == [] and names.best("xyz", 10) == [] and names.best("a", 0) == []
    assert FuzzyNames([]).best("a", 5) == []


def test_case_is_ignored_in_any_script():
    names = FuzzyNames(["Путин в Тегеране", "پوتین در تهران", "Putin"])
    assert names.best("тегеран", 5) == [0]
    assert names.best("تهران", 5) == [1]


def test_a_stopped_search_ends_with_what_it_had():
    names = FuzzyNames(NAMES * 5000)  # more than one chunk
    asked = []

    def stop() -> bool:
        asked.append(1)
        return len(asked) > 1

    assert names.best("zzz", 10, stop) == [] and len(asked) == 2


def test_a_name_with_a_line_break_is_one_name():
    names = FuzzyNames(["two\nlines", "other"])
    assert len(names) == 2 and names.best("o l", 5) == [0] and names.best("other", 5) == [1]


@given(st.lists(st.text(alphabet="abcé -Ж", max_size=12), max_size=30), st.text(alphabet="abcé -Ж", min_size=1, max_size=4))
def test_every_name_with_the_query_s_letters_in_order_is_found(names, query):
    found = FuzzyNames(names).best(query, len(names) + 1)
    expected = {i for i, name in enumerate(names) if _subsequence(query.lower(), name.lower())}
    assert len(found) == len(set(found))
    assert set(found) == (expected if query.strip() else set())


@given(st.text(alphabet="abc -", max_size=20), st.text(alphabet="abc -", min_size=1, max_size=5))
def test_in_order_gives_places_that_spell_the_query(text, query):
    places = in_order(query, text)
    if _subsequence(query, text):
        assert "".join(text[i] for i in places) == query and places == sorted(set(places))
    else:
        assert places == []


def test_a_hyphen_typed_finds_a_name_written_with_a_dash():
    """A newcomer typed "North-South" in Ctrl+P: the topic "North–South Transport Corridor" (an
    en dash) was not offered; the near miss, a name without it, still is not."""
    names = FuzzyNames(["Topic: North–South Transport Corridor", "Topic: Syria", "Entity: North Korea (GPE)"])
    assert names.best("north-south", 5) == [0]
    assert names.best("north–south", 5) == [0]


def test_names_given_by_place_in_any_order_are_the_names_in_that_order():
    """The palette reads its names from an unordered scan, each with its place in the
    list: they must be searched as the same names given in order, and a place no pair
    names (an article gone since) matches nothing."""
    titles = ["Tehran talks", "Moscow – Tehran corridor", "Caspian summit", "Oil deal in Tehran"]
    ordered = FuzzyNames(titles)
    placed = FuzzyNames.placed(5, [(3, titles[3]), (0, titles[0]), (2, titles[2]), (1, titles[1])])
    for query in ("tehran", "moscow-tehran", "cs", "oil"):
        assert placed.best(query, 10) == ordered.best(query, 10)
    assert len(placed) == 5 and sorted(placed.best("a", 10)) == [0, 1, 2, 3]  # place 4: ""
