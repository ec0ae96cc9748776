"""Cleaning rules found on a held-out set of pages (blind12), each on a small made-up text."""

from reader.config import bundled_config, load_config
from reader.ingest.clean import clean

OUTLETS = load_config(bundled_config()).sources
BODY = "Russian and Iranian officials met in Tehran on Monday to discuss the new railway and the gas deal in April."
FA_BODY = ("وزیران خارجه ایران و روسیه روز دوشنبه در تهران درباره راه‌آهن و قرارداد گاز با یکدیگر گفت‌وگو کردند "
           "و بر ادامه همکاری‌ها تأکید کردند.")


def reasons(result):
    return {d.reason for d in result.dropped}


def texts(result):
    return [p.text for p in result.paragraphs]


def test_a_dari_dated_line_with_its_time_zone_is_the_date_not_a_caption():
    """Afghan sites name the Solar Hijri months after the zodiac ("جوزا" is Khordad) and close the
    timestamp with a time zone ("Asia/Kabul"), which is no photo credit's "Name/AGENCY"."""
    result = clean(f"دیدار وزیران خارجه در تهران\nجوزا 4, 1401 09:12 Asia/Kabul\n\n{FA_BODY}", outlets=OUTLETS)
    assert result.meta.date == "2022-05-25"
    assert texts(result) == [FA_BODY]
    assert "photo caption or credit" not in reasons(result)
    assert "timestamp (date metadata)" in reasons(result)


FA_TEASER = ("رئیس جمهور ایران در سفری به مسکو با رئیس جمهور روسیه دیدار کرد و دو طرف توافقی راهبردی "
             "برای همکاری اقتصادی امضا کردند که بخش انرژی را هم در بر می گیرد و تا ده سال اعتبار دارد ...")


def test_a_question_headline_over_a_teaser_is_the_title_not_also_the_first_paragraph():
    """The headline asks its question over a lead cut with "...": no line is body-shaped, the fallback
    made every sentence body, the question too, and the title was derived from that copy."""
    headline = "آیا همکاری ایران و روسیه وارد مرحله تازه ای شده است؟"
    result = clean(f"{headline}\n{FA_TEASER}\nClick\nTo Read Full Article", outlets=OUTLETS, language="fa")
    assert result.meta.title == headline and result.meta.origins["title"] == "text"
    assert texts(result)[0] == FA_TEASER
    assert headline not in texts(result)


def test_the_headline_again_with_arabic_letters_or_half_spaces_is_a_repeat():
    """A copy of the headline differing in ي/ی, ك/ک, a half-space or its closing mark is the same line."""
    headline = "پزشکیان در مسکو با پوتین دیدار کرد"
    copy = "پزشكيان در مسکو با پوتين ديدار کرد."
    result = clean(f"{headline}\n{copy}\n\n{FA_BODY}", outlets=OUTLETS, language="fa")
    assert result.meta.title == headline
    assert texts(result) == [FA_BODY]
    assert copy in {d.text for d in result.dropped}


RU_LEAD = ("МОСКВА, 3 марта. /ТАСС/. Россия и Иран договорились провести переговоры о строительстве железной дороги "
           "в Тегеране 15 апреля, сообщил журналистам министр транспорта.")


def test_a_short_standfirst_under_the_headline_is_kept_as_text():
    """A standfirst of four words under a TASS headline is a clause (a finite verb) sharing the story's words."""
    result = clean(f"Россия и Иран обсудят железную дорогу\n\nПереговоры пройдут 15 апреля\n\n{RU_LEAD}",
                   outlets=OUTLETS, language="ru")
    assert texts(result)[0] == "Переговоры пройдут 15 апреля"
    english = clean(f"Russia and Iran to discuss the railway\n\nTalks may resume in April\n\n{BODY}", outlets=OUTLETS, language="en")
    assert texts(english)[0] == "Talks may resume in April"


def test_a_short_label_under_the_headline_is_still_furniture():
    """No verb, Title Case, a colon or no shared word: a section's or menu's label, not a standfirst."""
    for label in ("Главные новости дня", "Все материалы сюжета:", "Подписывайтесь на наш канал"):
        result = clean(f"Россия и Иран обсудят железную дорогу\n\n{label}\n\n{RU_LEAD}", outlets=OUTLETS, language="ru")
        assert label not in texts(result), label
    for label in ("Latest News From Iran", "More on this story"):
        result = clean(f"Russia and Iran to discuss the railway\n\n{label}\n\n{BODY}", outlets=OUTLETS, language="en")
        assert label not in texts(result), label


def test_a_disclaimer_of_responsibility_for_content_is_a_legal_notice():
    """"X is not responsible for the content of …" under the article (and its Russian and Persian forms)."""
    for language, body, notice in (
            ("en", BODY, "The Daily Example is not responsible for the content of linked stories."),
            ("en", BODY, "This website assumes no responsibility for the content of external sites."),
            ("ru", RU_LEAD, "Редакция не несет ответственности за содержание опубликованных материалов."),
            ("fa", FA_BODY, "این پایگاه در قبال محتوای مطالب منتشرشده از دیگر رسانه‌ها مسئولیتی ندارد.")):
        result = clean(f"Headline of the story here\n\n{body}\n\n{notice}", outlets=OUTLETS, language=language)
        assert notice not in texts(result), notice
        assert "legal notice or disclaimer" in reasons(result)


def test_a_sentence_denying_responsibility_for_an_event_is_article_text():
    """The article's own sentence: no word for what a site publishes (content, material, articles)."""
    quote = "Iran is not responsible for the attack on the tanker, the foreign ministry said on Tuesday evening."
    result = clean(f"Headline of the story here\n\n{BODY}\n\n{quote}", outlets=OUTLETS, language="en")
    assert quote in texts(result)


def test_a_wiki_edit_link_is_cut_from_the_headline_and_from_section_titles():
    """"[ edit ]" beside a wiki page's headings, in any of its languages, goes to `dropped`: the title and
    the text keep the rest, and a line that is only the link goes whole."""
    raw = (f"Россия и Иран обсудят железную дорогу [ Редагувати ]\n\n{RU_LEAD}\n\nИстория [править]\n\n"
           "Первые переговоры о дороге прошли в прошлом году в Баку и закончились подписанием меморандума.\n\n[ edit ]")
    result = clean(raw, outlets=OUTLETS, language="ru")
    assert result.meta.title == "Россия и Иран обсудят железную дорогу"
    assert not any("[" in text for text in texts(result))
    edits = [d.text for d in result.dropped if d.reason == "wiki edit link"]
    assert edits == ["[ Редагувати ]", "[править]", "[ edit ]"]
    persian = clean(f"دیدار وزیران خارجه در تهران [ ویرایش ]\n\n{FA_BODY}", outlets=OUTLETS, language="fa")
    assert persian.meta.title == "دیدار وزیران خارجه در تهران"


def _kept(line: str, before: str = BODY, after: str = "", language: str = "en",
          headline: str = "Russia and Iran to discuss the railway") -> bool:
    """Whether `line`, between `before` and `after` under `headline`, is article text."""
    raw = "\n\n".join(part for part in (headline, before, line, after) if part)
    return line in texts(clean(raw, outlets=OUTLETS, language=language))


def test_a_bracketed_word_that_is_no_edit_link_stays():
    """"[edited]" in a quotation, "[sic]", a reference "[1]": not the wiki's link."""
    assert _kept("The minister said the deal was [edited for length] signed on Monday in Tehran by both sides.")


def test_a_caption_marked_illustrative_or_archive_is_a_caption():
    """A caption closed or opened by its marker ("Иллюстративное фото.", "File photo.", "عکس تزئینی است")."""
    for language, headline, body, caption in (
            ("ru", "Россия и Иран обсудят железную дорогу", RU_LEAD, "Вокзал в Тегеране. Иллюстративное фото."),
            ("ru", "Россия и Иран обсудят железную дорогу", RU_LEAD, "Архивное фото: вокзал в Тегеране"),
            ("ru", "Россия и Иран обсудят железную дорогу", RU_LEAD, "Фото из открытых источников"),
            ("en", "Russia and Iran to discuss the railway", BODY, "A train at a station in Tehran. File photo."),
            ("en", "Russia and Iran to discuss the railway", BODY, "A train at a station in Tehran (Illustrative image)"),
            ("fa", "دیدار وزیران خارجه در تهران", FA_BODY, "ایستگاه راه‌آهن تهران - عکس تزئینی است")):
        result = clean(f"{headline}\n\n{caption}\n\n{body}", outlets=OUTLETS, language=language)
        assert caption not in texts(result), caption
        assert (caption, "photo caption or credit") in {(d.text, d.reason) for d in result.dropped}


def test_a_sentence_about_an_archive_photo_is_article_text():
    """The marker's words inside the article's sentence, not a sentence of their own."""
    assert _kept("The ministry later published an archive photo of the talks, which took place in Moscow in 2019.")
    assert _kept("Позднее министерство опубликовало архивное фото.", RU_LEAD, language="ru",
                 headline="Россия и Иран обсудят железную дорогу")


RU_STORY = ("Москва, 3 марта. Министр транспорта России заявил, что переговоры о строительстве железной дороги "
            "Решт — Астара пройдут в Тегеране в апреле.")


def test_the_sites_tagline_over_the_article_is_neither_its_title_nor_its_text():
    """The site speaking of itself ("… на страницах нашего блога!") over the headline: a full sentence, so it
    was the first paragraph and the derived title, the real headline under it a subheading."""
    tagline = "Главные события дня, новости экономики, спорта и культуры и многое другое на страницах нашего сайта!"
    headline = "Россия и Иран обсудят строительство железной дороги Решт — Астара"
    result = clean(f"{tagline}\n\n{headline}\n\n{RU_STORY}\n\nСтороны также обсудят поставки газа и зерна в ближайшие месяцы.",
                   outlets=OUTLETS, language="ru")
    assert result.meta.title == headline
    assert tagline not in texts(result) and headline not in texts(result)
    assert (tagline, "the site's tagline (it speaks of itself)") in {(d.text, d.reason) for d in result.dropped}
    english = clean(f"All the latest stories from the region, every day, on our website!\n\nRussia and Iran to discuss the railway"
                    f"\n\n{BODY}", outlets=OUTLETS, language="en")
    assert english.meta.title == "Russia and Iran to discuss the railway"


def test_a_sentence_naming_a_site_in_the_article_is_kept():
    """"The US … the site": no "our" before the site's word; a quoted "our site" is speech."""
    assert _kept("The US struck the site near the border on Monday, officials in Tehran and Moscow said in statements.",
                 before="", after=BODY)


def test_a_title_case_city_with_a_date_and_a_full_stop_is_the_dateline():
    """"Москва, 3 марта. Министр…" (a known city, a day and month, a full stop), as "МОСКВА, 3 марта. /ТАСС/." is."""
    result = clean(f"Россия и Иран обсудят железную дорогу\n\n{RU_STORY}", outlets=OUTLETS, language="ru")
    assert result.meta.dateline == "Москва"
    assert texts(result)[0].startswith("Министр транспорта")
    assert ("Москва, 3 марта.", "dateline (dateline metadata)") in {(d.text, d.reason) for d in result.dropped}
    # not a known city's name: the sentence stays whole
    other = "Весна, 3 марта. Министр транспорта России заявил, что переговоры пройдут в Тегеране в апреле."
    kept = clean(f"Россия и Иран обсудят железную дорогу\n\n{other}", outlets=OUTLETS, language="ru")
    assert kept.meta.dateline is None and texts(kept)[0] == other
