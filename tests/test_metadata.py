"""Datelines and sources through the outlet table (reader.ingest.metadata)."""

from reader.config import bundled_config, load_config
from reader.ingest.metadata import (agency_name, attribution, byline_source, find_dateline, footer_domain,
                                    outlet_opening, outlet_shaped)

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


def test_agency_names_from_datelines():
    assert agency_name("INTERFAX.RU", OUTLETS) == "Interfax"  # the domain's name is in the table
    assert agency_name("خبرگزاری «ریانووستی»", {"ریانووستی": "RIA Novosti"}) == "RIA Novosti"
    assert agency_name("CNN", OUTLETS) == "CNN"
    assert agency_name("said officials", OUTLETS) is None
