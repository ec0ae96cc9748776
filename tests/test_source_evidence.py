"""Sources and datelines by issue 13's order of evidence: an agency's tag or a "Source:" line, then an
outlet credited in the first two paragraphs, then the site's own name. Own short texts, one per kind."""

from reader.config import bundled_config, load_config
from reader.ingest.clean import clean
from reader.ingest.metadata import (bar_byline, caps_alone, copyright_holder, credited_outlet, find_dateline,
                                    original_story, outlet_opening)

OUTLETS = load_config(bundled_config()).sources
EN = "The two ministers met on Tuesday to discuss trade, transport and the nuclear file at length."
RU = "Министры встретились во вторник и подробно обсудили торговлю, транспорт и ядерную программу."
FA = "وزیران دو کشور روز سه‌شنبه با یکدیگر دیدار و درباره تجارت و حمل و نقل گفت‌وگو کردند."
HEAD = "Iran and Russia sign a transport deal"
FA_HEAD = "دیدار وزیران ایران و روسیه در مسکو"


def test_agency_datelines_of_every_common_form():
    cases = {
        "Baku, Azerbaijan, March 6": ("Baku, Azerbaijan", None, ""),  # Trend's, alone on its line
        "BAKU, Azerbaijan, October 13. Cooperation grew": ("BAKU, Azerbaijan", None, "Cooperation grew"),
        "Baku, Azerbaijan, Oct. 3 (Trend) - Iran said": ("Baku, Azerbaijan", "Trend", "Iran said"),
        "Tehran (IP) - Iran's President said": ("Tehran", "IP", "Iran's President said"),
        "Москва. 8 сентября. — Информация не подтвердилась": ("Москва", None, "Информация не подтвердилась"),
        "مسکو- سانا": ("مسکو", "سانا", ""),
        "تهران – ایرنا – رئیس جمهور گفت": ("تهران", "ایرنا", "رئیس جمهور گفت"),
        "TEHRAN (Realist English). Iran said": ("TEHRAN", "Realist English", "Iran said"),
    }
    for text, (where, agency, rest) in cases.items():
        found = find_dateline(text, OUTLETS)
        assert (found.where, found.agency, text[found.end:]) == (where, agency, rest), text


def test_near_misses_are_no_datelines():
    # a caption's bracket, a name and a number, a headline with a comma and a figure
    for text in ("Putin (left) - with Raisi", "Smith, John 5", "Iran, Russia sign 20 deals", "Moscow (photo) - x", "ایران-روسیه"):
        assert find_dateline(text, OUTLETS) is None, text


def test_a_place_in_capitals_alone_over_the_lead():
    assert caps_alone("TEHRAN", OUTLETS).where == "TEHRAN"
    for text in ("ANALYSIS", "EXCLUSIVE", "RUSSIA", "IRNA", "Tehran", "TEHRAN TIMES NEWS"):  # label, country, outlet
        assert caps_alone(text, OUTLETS) is None, text
    result = clean(f"{HEAD}\n\nTEHRAN\n\n{EN}\n\n{EN} Again.", outlets=OUTLETS)
    assert (result.meta.title, result.meta.dateline, result.paragraphs[0].text) == (HEAD, "TEHRAN", EN)
    result = clean(f"{HEAD}\n\nWORLD\n\nTEHRAN\n\n{EN}\n\n{EN} Again.", outlets=OUTLETS)
    assert [d.text for d in result.dropped if "dateline" in d.reason] == ["TEHRAN"]  # only the line over the lead


def test_a_dated_line_is_not_the_headline_and_the_lead_keeps_its_text():
    result = clean(f"Baku, Azerbaijan, March 6\nTrend:\n{EN}\n{EN} Again.", outlets=OUTLETS)
    assert (result.meta.source, result.meta.dateline, result.paragraphs[0].text) == ("Trend", "Baku, Azerbaijan", EN)
    assert result.meta.title != "Baku, Azerbaijan, March 6"
    result = clean(f"{HEAD}\n\nМосква. 8 сентября. — {RU}\n\n{RU} Ещё.", outlets=OUTLETS)
    assert (result.meta.dateline, result.paragraphs[0].text) == ("Москва", RU)


def test_credits_in_the_lead():
    assert credited_outlet(f"A senior adviser spoke. ISNA citing an interview quoted him as saying so.", OUTLETS) == "ISNA"
    assert credited_outlet('"We are against it," he was quoted by the Itar-Tass news agency as saying.', OUTLETS) == "TASS"
    assert credited_outlet("«Подход не изменился», — информирует агентство Mehr.", OUTLETS) == "Mehr News"
    assert credited_outlet(f"По сообщению ТАСС, {RU}", OUTLETS) == "TASS"
    # near misses: no outlet citing or quoting, official data
    assert credited_outlet("Russian officials quoted the minister. The minister cited figures.", OUTLETS) is None
    assert credited_outlet(f"По данным Минфина, {RU}", OUTLETS) is None
    assert original_story("Iran did so. To read the original story by Reuters, click here.") == "Reuters"
    assert original_story("To read the story, click here.") is None


def test_persian_openings():
    assert outlet_opening("ایسنا نوشت: سخنگوی وزارت خارجه گفت", OUTLETS) == ("ایسنا", 0)
    assert outlet_opening("لاوروف نوشت: ما آماده‌ایم", OUTLETS) is None  # a person writing, not an outlet
    assert outlet_opening("به گزارش ايرنا از مسكو، اين تفاهم نامه", OUTLETS) == ("ایرنا", 0)  # Arabic letters, a place
    desk = "به گزارش خبرنگار حوزه اخبار داغ گروه فضای مجازی باشگاه خبرنگاران جوان، چند روز"
    assert outlet_opening(desk, OUTLETS) == ("باشگاه خبرنگاران جوان", 0)
    reprint = clean(f"{FA_HEAD}\n\nبه گزارش تابناک به نقل از خبرگزاری مهر، {FA}\n\n{FA}", outlets=OUTLETS)
    assert reprint.meta.source == "Tabnak"  # the reprinting outlet, not the one it quotes


def test_order_of_evidence():
    # a "Source:" line outranks the outlet opening the lead
    result = clean(f"{FA_HEAD}\n\nبه گزارش شهرآرانیوز، {FA}\n\n{FA}\n\nمنبع: خبرگزاری مهر", outlets=OUTLETS)
    assert result.meta.source == "Mehr News"
    # a credit in the lead outranks the site's copyright; the copyright alone names the site
    site = "© 2021 Tehran Times. All rights reserved."
    assert clean(f"{HEAD}\n\n{EN[:-1]}, IRNA reported.\n\n{EN}\n\n{site}", outlets=OUTLETS).meta.source == "IRNA"
    assert clean(f"{HEAD}\n\n{EN}\n\n{EN} Again.\n\n{site}", outlets=OUTLETS).meta.source == "Tehran Times"
    # an outlet quoted in the middle of the story is not the source, and none is invented
    paragraphs = [f"On day {day} of the visit the delegations went on with their talks on trade." for day in range(10)]
    middle = "\n\n".join(paragraphs[:6] + ["Reuters reported that the talks went well."] + paragraphs[6:])
    assert clean(f"{HEAD}\n\n{middle}", outlets=OUTLETS).meta.source is None
    assert clean(f"{HEAD}\n\n{EN}\n\n{EN} Again.", outlets=OUTLETS).meta.source is None


def test_site_names_in_copyright_lines_and_bylines():
    assert copyright_holder("© 2021 Tehran Times. All rights reserved.", OUTLETS) == "Tehran Times"
    assert copyright_holder("Copyright © 2023 PressTV", OUTLETS) == "PressTV"
    assert copyright_holder("© 1999-2024 Lenta.ru", OUTLETS) == "Lenta.ru"
    assert copyright_holder("© Photo: Reuters", OUTLETS) is None  # a photo's credit
    assert copyright_holder("Copyright law protects the rights of every author of a text in this country.", OUTLETS) is None
    byline = "By Jane Roe | Devdiscourse News Desk | Moscow | Updated: 05-01-2023 10:12 IST"
    assert bar_byline(byline, OUTLETS) == "Devdiscourse"
    assert bar_byline("By Jane Roe | Moscow | Updated: 05-01-2023", OUTLETS) is None  # a place, no outlet
    result = clean(f"{HEAD}\n\n{byline}\n\n{EN}\n\n{EN} Again.", outlets=OUTLETS)
    assert (result.meta.source, result.paragraphs[0].text) == ("Devdiscourse", EN)
    assert clean(f"{HEAD}\n\n{EN}\n\n{EN} Again.\n\nCopyright © 2023 PressTV", outlets=OUTLETS).meta.source == "Press TV"


def test_an_outlet_told_or_interviewing_and_closing_credits():
    assert credited_outlet(f"{RU[:-1]}, заявил «РИА Новости» посол Ирана в Москве.", OUTLETS) == "RIA Novosti"
    assert credited_outlet(f"В интервью РБК дипломат подчеркнул, что {RU[0].lower()}{RU[1:]}", OUTLETS) == "RBC"
    assert credited_outlet(f"{EN[:-1]}, the envoy said in an interview with Reuters.", OUTLETS) == "Reuters"
    assert credited_outlet(f"{RU[:-1]}, заявил Путин журналистам.", OUTLETS) is None  # a person told, no outlet
    assert credited_outlet(f"According to an IRIB report, {EN[0].lower()}{EN[1:]}", OUTLETS) == "IRIB"
    assert credited_outlet(f"Officials met. CNN writes about this with reference to satellite images.", OUTLETS) == "CNN"
    assert credited_outlet(f"Officials met. NATO reported nothing new.", OUTLETS) is None  # no outlet of the table
    result = clean(f"Посол поблагодарил Россию\n\n{RU}\n\n{RU} Ещё.\n\nПо материалам ТАСС", outlets=OUTLETS)
    assert result.meta.source == "TASS"
    # "فارس:" opens a paragraph as the agency's tag; alone the word is the Persian Gulf's and no outlet
    result = clean(f"{FA_HEAD}\n\n{FA}\n\nفارس: {FA}", outlets=OUTLETS)
    assert result.meta.source == "Fars"
    assert clean(f"{FA_HEAD}\n\n{FA}\n\nتنش در خلیج فارس ادامه دارد و {FA}", outlets=OUTLETS).meta.source is None


def test_credits_with_words_between_the_verb_and_the_outlet():
    assert credited_outlet(f"«{RU}», - приводит слова иранского лидера агентство Tasnim.", OUTLETS) == "Tasnim"
    assert credited_outlet(f"{EN[:-1]}, Trend reports citing IRNA.", OUTLETS) == "Trend"  # the reporting outlet
    assert credited_outlet(f"«{RU}», - приводит слова иранского лидера.", OUTLETS) is None  # no outlet named
