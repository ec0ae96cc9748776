"""Persian and Russian normalisation for matching, and Russian inflection (issue 16)."""

from hypothesis import given, strategies as st

from reader.annotate.inflect import russian_forms
from reader.annotate.normalize import needs_normalizing, normalize, normalize_mapped, spelling_variants

ZWNJ, RLM = "\u200c", "\u200f"


def test_arabic_letters_are_written_as_persian_ones():
    assert normalize("پوتين") == "پوتین"  # Arabic yeh
    assert normalize("كرملين") == "کرملین"  # Arabic kaf and yeh
    assert normalize("اسرائيل") == normalize("اسرائیل") == "اسراییل"


def test_half_spaces_become_spaces_and_diacritics_go():
    assert normalize(f"تحریم{ZWNJ}ها") == "تحریم ها"
    assert normalize(f"روس{RLM}اتم") == "روس اتم"
    assert normalize("برجامِ") == "برجام"
    assert normalize("تـهران") == "تهران"  # tatweel


def test_russian_yo_is_ye():
    assert normalize("Лихачёв") == "Лихачев"


def test_english_is_left_alone():
    text = "Iran’s deal — “quoted” café"
    assert not needs_normalizing(text)
    assert normalize(text) is text
    assert normalize_mapped("Iran") == ("Iran", None)


def test_offsets_point_at_the_original_characters():
    text = "در برجامِ و پوتينّ"
    normal, offsets = normalize_mapped(text)
    assert normal == "در برجام و پوتین"
    assert len(offsets) == len(normal) + 1 and offsets[-1] == len(text)
    start = normal.index("پوتین")
    # The span ends where the next kept character starts: a mark on the last letter
    # is highlighted with it.
    assert text[offsets[start]:offsets[start + len("پوتین")]] == "پوتينّ"


@given(st.text(alphabet=st.sampled_from(list("ابپتثیيکكهةۀ ё\u064e\u0650\u0640\u200c\u200f\u200daZ"))))
def test_every_kept_character_maps_back_to_its_original(text):
    normal, offsets = normalize_mapped(text)
    offsets = offsets or list(range(len(text) + 1))
    assert len(offsets) == len(normal) + 1 and offsets == sorted(offsets)
    for i, char in enumerate(normal):
        assert normalize(text[offsets[i]]) == char


def test_a_half_space_may_be_dropped_in_scraped_copy():
    assert spelling_variants(f"رئیس{ZWNJ}جمهور") == ["رئیسجمهور"]
    assert spelling_variants("پوتین") == []


def test_russian_names_are_declined():
    assert {"Путина", "Путину", "Путиным", "Путине"} <= set(russian_forms("Путин", person=True))
    assert "Владимира Путина" in russian_forms("Владимир Путин", person=True)
    assert {"Тегерана", "Тегеране"} <= set(russian_forms("Тегеран"))
    # Adjectives agree with an acronym head that does not decline itself.
    assert {"Бушерской АЭС", "Бушерскую АЭС"} <= set(russian_forms("Бушерская АЭС"))
    # Only the head declines; the rest of the name stays as written.
    assert "Договора о всеобъемлющем стратегическом партнёрстве" in russian_forms(
        "Договор о всеобъемлющем стратегическом партнёрстве")
    assert "Совместного всеобъемлющего плана действий" in russian_forms("Совместный всеобъемлющий план действий")


def test_an_acronym_read_as_a_word_declines_and_is_kept_as_written_too():
    assert {"МИДа России", "МИДе России", "МИДом России"} <= set(russian_forms("МИД России"))
    assert {"российского МИДа", "российского МИД"} <= set(russian_forms("российский МИД"))
    assert russian_forms("ВМФ России") == []  # near miss: an acronym read letter by letter stays as written


def test_what_russian_does_not_decline_gives_no_forms():
    assert russian_forms("Аракчи", person=True) == []  # a foreign name ending in a vowel
    assert russian_forms("СВПД") == []  # an acronym
    assert russian_forms("Putin") == []  # not Cyrillic


def test_topic_words_decline_in_both_numbers():
    forms = russian_forms("ядерная сделка", plural=True)
    assert {"ядерной сделки", "ядерную сделку", "ядерные сделки"} <= set(forms)
    assert "ядерная сделка" not in forms
