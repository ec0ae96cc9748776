"""Candidates in Russian and Persian (issue 16): small texts written for these tests."""

import pytest

from reader.config import bundled_config
from reader.annotate.gazetteer import Matcher, candidates, load_gazetteer


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer(bundled_config().parent / "gazetteer.yaml", use_cache=False)


@pytest.fixture(scope="module")
def matcher(gazetteer):
    return Matcher(gazetteer)


def _found(matcher, gazetteer, *texts):
    return {c.name: c for c in candidates([("a1", list(texts), [matcher.mentions(t) for t in texts])], gazetteer)}


def test_two_case_forms_of_an_unknown_official_are_one_candidate(matcher, gazetteer):
    found = _found(matcher, gazetteer,
                   "В Тегеране вице-премьер Павел Сорокопудов провёл переговоры.",
                   "Иранская сторона вручила Сорокопудову приглашение, а 14 марта о визите Сорокопудова написали газеты.")
    assert "Павел Сорокопудов" in found and found["Павел Сорокопудов"].type == "PERSON"
    assert found["Сорокопудов"].count == 2 and found["Сорокопудов"].type == "PERSON"
    assert not {"Сорокопудову", "Сорокопудова"} & set(found)


def test_sentence_initial_words_months_and_weekdays_are_not_candidates(matcher, gazetteer):
    found = _found(matcher, gazetteer,
                   "Переговоры прошли спокойно. Стороны договорились встретиться в Мае, во Вторник. Июнь был жарким.",
                   "Однако Посол Ваш не приехал.")
    assert not {"Переговоры", "Стороны", "Май", "Мае", "Вторник", "Июнь", "Однако", "Посол", "Ваш"} & set(found)
    assert found == {}


def test_russian_case_forms_of_gazetteer_names_are_not_candidates(gazetteer):
    # No mentions given: the gazetteer check alone must know Лихачёва (ё) is Лихачев.
    article = ("a1", ["Соглашение подписали Лихачёва и Лихачёву.", "Закир Гармсаров приехал."], [(), ()])
    names = [c.name for c in candidates([article], gazetteer)]
    assert "Закир Гармсаров" in names and not any(name.startswith("Лихач") for name in names)


def test_persian_name_after_a_title_is_a_candidate(matcher, gazetteer):
    found = _found(matcher, gazetteer,
                   "به گزارش خبرنگار ما، آقای بهرام کاوه‌نیا روز دوشنبه گفت که سفیر روسیه فرهاد نیک‌روش نیز در نشست حضور داشت.",
                   "خانم کاوه‌نیا اعتراض کرد و رئیس‌جمهور صبح امروز به مسکو رفت.")
    assert found["بهرام کاوه نیا"].type == "PERSON"  # half-space made a space by normalize
    assert "فرهاد نیک روش" in found  # after the title and a known country
    assert found.keys() <= {"بهرام کاوه نیا", "فرهاد نیک روش", "کاوه نیا"}  # no "صبح", no "اعتراض"


def test_latin_candidates_unchanged_beside_cyrillic(matcher, gazetteer):
    found = _found(matcher, gazetteer, "Putin met Yevgeny Primakov; Евгений Примаковский тоже был там.")
    assert "Yevgeny Primakov" in found and "Евгений Примаковский" in found


def test_persian_glued_and_half_space_verbs_end_a_name(matcher, gazetteer):
    """"میکند" (glued), "می‌کند" (half-space) and "می کند" (space) are one verb in
    three spellings: none runs on into the name before it."""
    for verb in ("میکند", "می\u200cکند", "می کند"):
        found = _found(matcher, gazetteer, f"آقای بهرام کاوه {verb} که سفر انجام شد.")
        assert set(found) == {"بهرام کاوه"}, (verb, set(found))


def test_persian_quoted_name_before_a_title_and_a_reporting_agency_are_candidates(matcher, gazetteer):
    found = _found(matcher, gazetteer,
                   "به گزارش نوینپرس، وزیر با «پاول زارکین» نماینده ویژه روسیه دیدار کرد.",
                   "به گزارش خبرنگار ما، خبرگزاری پارسینه نوشت که «صلح پایدار» مهم است.")
    assert found["پاول زارکین"].type == "PERSON"
    assert found["نوینپرس"].type == "ORG" and found["پارسینه"].type == "ORG"
    # near misses: a quoted phrase without a title after it, and a reporter (not a source)
    assert not {"صلح پایدار", "خبرنگار"} & set(found)


def test_plural_acronyms_are_no_candidates(matcher, gazetteer):
    found = _found(matcher, gazetteer, "Customers queued at ATMs in the city while the NGOs met the ZQX Group.")
    assert not {"ATMs", "NGOs"} & set(found)
    assert "ZQX Group" in found  # near miss: an acronym inside a name stays a candidate
