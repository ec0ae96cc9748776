"""Datelines and sources through the outlet table (reader.ingest.metadata)."""

from reader.config import bundled_config, load_config
from reader.ingest.metadata import (agency_name, attribution, byline_source, credited_outlet, find_dateline, footer_domain,
                                    domain_outlet, outlet_opening, outlet_shaped, table_name)

OUTLETS = load_config(bundled_config()).sources


def test_dateline_forms():
    found = find_dateline("Moscow, 12 March 2001 (RFE/RL) -- Russia said", OUTLETS)
    assert (found.place, found.agency, found.date) == ("Moscow, 12 March 2001", "RFE/RL", "2001-03-12")
    text = "Москва, 13 января, 2025, 15:08 — ИА Регнум. Президенты подпишут"
    found = find_dateline(text, OUTLETS)
    assert (found.agency, found.date, text[found.end:]) == ("ИА Регнум", "2025-01-13", "Президенты подпишут")
    assert find_dateline("TEHRAN, Iran, Jan. 10", OUTLETS).place == "TEHRAN, Iran, Jan. 10"
    assert find_dateline("MOSCOW (Dispatches) —", OUTLETS).place == "MOSCOW"
    text = "ТЕГЕРАН, 31 авг - ПРАЙМ, Марина Вялова. Объем торговых сделок вырос"  # the agency's reporter after it
    found = find_dateline(text, OUTLETS)
    assert (found.place, found.agency, text[found.end:]) == ("ТЕГЕРАН, 31 авг", "ПРАЙМ", "Объем торговых сделок вырос")


def test_not_datelines():
    for text in ("US-Iran talks resume.", "Iran - the country said.", "June 18 – According to estimates",
                 "Tehran, Moscow may sign strategic deal", "الوقت- روابط ایران و روسیه"):
        assert find_dateline(text, OUTLETS) is None, text


def test_attributions():
    assert attribution("Source: Mehr News", OUTLETS) == "Mehr News"
    assert attribution("(Reuters)", OUTLETS) == "Reuters"
    assert attribution("Trend:", OUTLETS) == "Trend"
    assert attribution("(Some words here)", OUTLETS) is None
    assert attribution("Ordinary sentence about Reuters.", OUTLETS) is None


def test_outlet_openings_and_footer_domains():
    assert outlet_opening("IRNA The three guarantors met.", OUTLETS) == ("IRNA", 5)
    assert outlet_opening("به گزارش خبرنگار مهر، سفیر ایران گفت", OUTLETS) == ("مهر", 0)
    assert outlet_opening("NATO The alliance met.", OUTLETS) is None
    assert footer_domain("www.Tehrantimes.com/") == "Tehrantimes.com"
    assert footer_domain("see tehrantimes.com") is None


def test_outlet_shaped_names_and_bylines():
    assert outlet_shaped("BBC News", OUTLETS) and outlet_shaped("خبرگزاری فارس", OUTLETS)
    assert not outlet_shaped("Vladimir Putin", OUTLETS) and not outlet_shaped("Iranian officials said", OUTLETS)
    assert byline_source("Dana Farouk, Gulf Daily English", OUTLETS) == "Gulf Daily English"
    assert byline_source("Tehran, Iran", OUTLETS) is None
    assert byline_source("Vladimir Putin, Russian President", OUTLETS) is None


def test_a_provincial_centre_of_irib_is_irib_and_fars_has_its_agency_name():
    # "«صدا و سیمای گیلان»" was shown as the source where the eval and readers know IRIB (clean7 notes)
    assert attribution("منبع: صدا و سیمای گیلان", OUTLETS) == "صدا و سیمای"
    assert OUTLETS["صدا و سیمای"] == "IRIB" and OUTLETS["خبرگزاری فارس"] == OUTLETS["fars"] == "Fars"
    assert "فارس" not in OUTLETS  # near miss: alone it is the word of "خلیج فارس", the Persian Gulf
    # near miss: a source outside the table stays as written
    assert attribution("منبع: روزنامه اطلاعات", OUTLETS) == "روزنامه اطلاعات"


def test_an_outlet_before_its_reporters_is_a_byline_and_a_photo_credit_is_none():
    # a BBC page's header (clean8 dev set): "<outlet> by <names>", then the photo's credit
    assert byline_source("Gulf Daily News by Jane Roe and John Doe", OUTLETS) == "Gulf Daily News"
    assert byline_source("photo credit, Reuters", OUTLETS) is None
    assert byline_source("Image source, Reuters", OUTLETS) is None
    # near misses: a headline with "by" and a name, and a reporter's byline with an outlet, stay as they were
    assert byline_source("Talks hosted by Sergei Lavrov", OUTLETS) is None
    assert byline_source("Jane Roe, Reuters", OUTLETS) == "Reuters"


def test_agency_names_from_datelines():
    assert agency_name("INTERFAX.RU", OUTLETS) == "Interfax"  # the domain's name is in the table
    assert agency_name("خبرگزاری «ریانووستی»", {"ریانووستی": "RIA Novosti"}) == "RIA Novosti"
    assert agency_name("CNN", OUTLETS) == "CNN"
    assert agency_name("said officials", OUTLETS) is None


# --- clean6: sources and datelines of a fresh dev set (issue 13) -------------------------

def test_a_persian_dateline_with_its_agency_closed_by_a_colon():
    text = "تهران- ایران پرس: وزیر نفت گفت که قرارداد امضا شد."
    found = find_dateline(text, OUTLETS)
    assert (found.place, found.agency, text[found.end:]) == ("تهران", "ایران پرس", "وزیر نفت گفت که قرارداد امضا شد.")
    found = find_dateline("تهران- وزیر نفت گفت: قرارداد امضا شد.", OUTLETS)  # a sentence's words are no agency
    assert (found.agency, found.end) == (None, len("تهران- "))


def test_an_outlet_and_its_reporter_signing_a_persian_lead():
    text = "باشگاه خبرنگاران جوان؛ مریم احمدی - سفارت اعلام کرد"
    assert outlet_opening(text, OUTLETS) == ("باشگاه خبرنگاران جوان", len(text) - len("سفارت اعلام کرد"))


def test_credits_closing_or_inside_a_paragraph():
    from reader.ingest.metadata import credited_outlet
    assert credited_outlet("Moscow backed the plan, officials said. (Xinhua)", OUTLETS) == "Xinhua"
    assert credited_outlet("The plan was backed (in part) by (Some Group)", OUTLETS) is None  # not in the table
    assert credited_outlet("Talks will resume in May, according to Tasnim.", OUTLETS) == "Tasnim"
    assert credited_outlet("Talks will resume, according to the Caspian News Agency.", OUTLETS) == "Caspian News Agency"
    assert credited_outlet("Talks will resume, according to Ali Rezaei.", OUTLETS) is None  # a person
    assert credited_outlet("وزیر بر همکاری تاکید کرد. به گزارش ایرنا، دو کشور توافق کردند.", OUTLETS) == "ایرنا"


def test_a_site_kind_before_the_outlets_own_kind_and_name():
    from reader.ingest.metadata import outlet_part
    assert outlet_part("پایگاه اطلاع رسانی شبکه خبر", OUTLETS) == "شبکه خبر"
    assert outlet_part("خبرگزاری ایسنا محمد صادق", OUTLETS) == "ایسنا"


def test_words_shaped_as_adjectives_or_outlets_are_not_lead_places():
    from reader.ingest.metadata import caps_place, lead_place
    stop = frozenset({"the", "a"})
    assert lead_place("Moscow: Russian warplanes struck.", stop, OUTLETS).place == "Moscow"
    assert lead_place("Illustrative: The two ministers met.", stop, OUTLETS) is None
    assert lead_place("Mehr: Iranian officials met.", stop, OUTLETS) is None
    assert caps_place("EXCLUSIVE The two ministers met.", stop, OUTLETS) is None
    assert caps_place("TEHRAN The two ministers met.", stop, OUTLETS).place == "TEHRAN"
    assert find_dateline("ILLUSTRATIVE – The two ministers met.", OUTLETS) is None


def test_a_domain_names_its_outlet_through_the_table():
    from reader.ingest.metadata import table_name
    assert table_name("tasnimnews.com", OUTLETS) == "Tasnim"
    assert table_name("www.Tehrantimes.com", OUTLETS) == "Tehran Times"
    assert table_name("example.com", OUTLETS) == "example.com"
    assert table_name("Reuters", OUTLETS) == "Reuters"


def test_an_outlet_named_in_persian_or_russian_has_one_display_name():
    """A newcomer's sidebar showed "رویترز" and "برنا" beside "IRNA" and "TASS"."""
    assert [table_name(name, OUTLETS) for name in ("رویترز", "Рейтер", "خبرگزاری برنا", "Синьхуа")] == [
        "Reuters", "Reuters", "Borna", "Xinhua"]
    assert attribution("منبع: باشگاه خبرنگاران جوان", OUTLETS) == "باشگاه خبرنگاران جوان"
    assert table_name("باشگاه خبرنگاران جوان", OUTLETS) == "Young Journalists Club"


def test_a_russian_credit_sentence_opened_by_a_few_words():
    from reader.ingest.metadata import credited_outlet
    assert credited_outlet("Президент заявил о поддержке. Его слова передает ТАСС.", OUTLETS) == "TASS"
    assert credited_outlet("Министр выступил в Москве. Слова министра приводит РИА Новости.", OUTLETS) == "RIA Novosti"
    assert credited_outlet("Как передает ТАСС, министр выступил.", OUTLETS) == "TASS"
    assert credited_outlet("Министр передает привет коллегам.", OUTLETS) is None  # no outlet's name after the verb


def test_a_dateline_whose_bracketed_tag_holds_two_agencies_and_a_date():
    found = find_dateline("MOSCOW (Caspian News / Sputnik - 06th October, 2021) Moscow and Tehran agreed", OUTLETS)
    assert (found.place, agency_name(found.agency, OUTLETS)) == ("MOSCOW", "Caspian News")


def test_a_label_over_the_news_is_not_an_outlet():
    for label in ("Breaking News", "Latest News", "Top News", "Live Updates Today"):
        assert not outlet_shaped(label, OUTLETS), label
    assert outlet_shaped("Daily News", OUTLETS)  # near miss: an outlet's name with a kind word first


def test_credits_met_on_real_pages():
    assert attribution("Source(s): Xinhua News Agency", OUTLETS) == "Xinhua"  # the table's outlet opening the name
    lead = "The two navies held drills on Tuesday, the semi-official Iranian Fars News Agency reported."
    assert credited_outlet(lead, OUTLETS) == "Fars"  # the table's name, adjectives aside
    assert credited_outlet('Президент прибыл на встречу гарантов, пишет РИА "Новости', OUTLETS) == "RIA Novosti"  # cut quote
    assert credited_outlet('Президент прибыл на встречу гарантов, пишет РИА "Новости".', OUTLETS) == "RIA Novosti"
    assert credited_outlet("Президент прибыл на встречу, пишет Иван Петров", OUTLETS) == "Иван Петров"  # unchanged form


def test_a_brands_glued_name_opening_the_lead():
    assert outlet_opening("АрмИнфо. Президент Ирана провёл переговоры.", OUTLETS) == ("АрмИнфо", 9)
    assert outlet_opening("Москва. Президент Ирана провёл переговоры.", OUTLETS) is None  # near miss: no inner capital


def test_one_domain_lookup_for_footers_timestamps_and_agency_tags():
    table = {"reuters": "Reuters", "tasnim": "Tasnim", "interfax.ru": "Interfax"}
    assert domain_outlet("http://today.reuters.com".split("//")[1], table) == "Reuters"
    assert domain_outlet("www.INTERFAX.RU", table) == "Interfax"
    assert domain_outlet("tasnimnews.com", table) is None and table_name("tasnimnews.com", table) == "Tasnim"  # its kind aside
    assert agency_name("INTERFAX.RU", table) == "Interfax" and domain_outlet("example.com", table) is None


def test_an_agency_signing_a_dateline_after_a_comma_is_its_source_not_its_place():
    found = find_dateline("Moscow, Oct 23, IRNA – Iran's envoy met the deputy minister.", OUTLETS)
    assert (found.where, found.agency) == ("Moscow", "IRNA")
    found = find_dateline("Tehran, IRNA – Iran's envoy met the deputy minister.", OUTLETS)
    assert (found.where, found.agency) == ("Tehran", "IRNA")
    found = find_dateline("Tabriz, May 2, ABNA – The governor said.", OUTLETS)  # an acronym after a date, not in the table
    assert (found.where, found.agency) == ("Tabriz", "ABNA")
    # near misses: a country or a state after the place is the place's, not an agency
    for text, where in (("DUBAI, UAE – The ministers met.", "DUBAI, UAE"), ("AUSTIN, TX – The ministers met.", "AUSTIN, TX"),
                        ("TEHRAN, IRAN – The ministers met.", "TEHRAN, IRAN")):
        found = find_dateline(text, OUTLETS)
        assert (found.where, found.agency) == (where, None), text


def test_a_free_tatweel_is_a_dash_after_an_outlet_or_a_place():
    lead = ("باشگاه خبرنگاران جوان ـ سخنگوی وزارت امور خارجه روسیه روز پنجشنبه در نشست خبری هفتگی خود درباره "
            "همکاری ایران و روسیه در قفقاز جنوبی سخن گفت.")
    assert outlet_opening(lead, OUTLETS) == ("باشگاه خبرنگاران جوان", len("باشگاه خبرنگاران جوان ـ "))
    found = find_dateline("تهران ـ سخنگوی وزارت امور خارجه روسیه روز پنجشنبه سخن گفت.", OUTLETS)
    assert (found.where, found.agency) == ("تهران", None)
    # near miss: a tatweel inside a word only stretches it ("جـوان"): no tag, no dateline
    lead = "باشگاه خبرنگاران جـوان سخنگوی وزارت امور خارجه روسیه روز پنجشنبه سخن گفت."
    assert outlet_opening(lead, OUTLETS) is None and find_dateline(lead, OUTLETS) is None


def test_a_persian_outlet_written_apart_or_run_together_is_found_in_the_table():
    assert table_name("صدا وسیما", OUTLETS) == table_name("صدا و سیما", OUTLETS) == "IRIB"
    # near miss: a name the table lacks stays as written
    assert table_name("روزنامه اطلاعات", OUTLETS) == "روزنامه اطلاعات"


def test_a_russian_dateline_signed_after_a_comma_and_closed_by_a_full_stop():
    text = "МОСКВА, 13 января, ФедералПресс. В День российской печати центр представил новый проект."
    found = find_dateline(text, OUTLETS)
    assert (found.where, agency_name(found.agency, OUTLETS), text[found.end:]) == (
        "МОСКВА", "ФедералПресс", "В День российской печати центр представил новый проект.")
    # near miss: words after the date that are no name (a lower-case word among them) open no agency
    assert find_dateline("ТЕГЕРАН, 5 мая, Иран и Россия. Президенты встретились в Тегеране.", OUTLETS) is None
