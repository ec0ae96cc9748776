import pytest

from pathlib import Path

from reader.config import bundled_config
from reader.annotate.gazetteer import Matcher, candidates, load_gazetteer, parse_gazetteer
from reader.yamlfile import ConfigError, load_yaml

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def matcher():
    return Matcher(load_gazetteer(bundled_config().parent / "gazetteer.yaml"))


def found(matcher, text):
    return [(m.text, m.type, m.canonical) for m in matcher.mentions(text)]


def test_whole_words_only(matcher):
    assert found(matcher, "Iranian") == [("Iranian", "NORP", "Iranian")]
    assert found(matcher, "the usual business, Iranium") == []


def test_short_acronyms_are_case_sensitive(matcher):
    assert found(matcher, "let us go") == []
    assert found(matcher, "the US said") == [("US", "GPE", "United States")]


def test_longest_match_wins_without_overlaps(matcher):
    assert found(matcher, "the Joint Comprehensive Plan of Action") == [
        ("Joint Comprehensive Plan of Action", "EVENT", "Joint Comprehensive Plan of Action")]
    spans = matcher.mentions("Islamic Republic of Iran Railways and the Islamic Republic of Iran")
    assert [m.canonical for m in spans] == ["Islamic Republic of Iran Railways", "Iran"]


def test_curly_and_straight_apostrophes(matcher):
    assert found(matcher, "Iran’s")[0][:2] == ("Iran", "GPE")
    assert found(matcher, "Iran's")[0][:2] == ("Iran", "GPE")


def test_hyphenated_compounds_match_their_parts(matcher):
    assert [m[2] for m in found(matcher, "Tehran-Moscow ties and Iran-Russia trade")] == ["Tehran", "Moscow", "Iran", "Russia"]


def test_titles_stay_out_of_person_spans(matcher):
    assert found(matcher, "President Vladimir Putin said") == [("Vladimir Putin", "PERSON", "Vladimir Putin")]
    assert found(matcher, "Ayatollah Seyyed Ali Khamenei") == [("Seyyed Ali Khamenei", "PERSON", "Ali Khamenei")]


def test_aliases_resolve_to_canonical_names(matcher):
    text = "Raisi, Raeesi and Amir-Abdollahian met the JCPAO negotiators."
    assert [m.canonical for m in matcher.mentions(text)] == [
        "Ebrahim Raisi", "Ebrahim Raisi", "Hossein Amir-Abdollahian", "Joint Comprehensive Plan of Action"]


def test_all_caps_variant_for_datelines(matcher):
    assert found(matcher, "TEHRAN and MOSCOW")[0][2] == "Tehran"


def test_nationality_plurals(matcher):
    assert [m.canonical for m in matcher.mentions("Russians, Iranians and Azeris")] == ["Russian", "Iranian", "Azerbaijani"]


@pytest.mark.parametrize("text,kind,span", [
    ("worth up to $30 billion.", "MONEY", "$30 billion"),
    ("trade stood at $1.6 billion over", "MONEY", "$1.6 billion"),
    ("a loan of 900 million U.S. dollars to", "MONEY", "900 million U.S. dollars"),
    ("worth 40 billion rubles a year", "MONEY", "40 billion rubles"),
    ("a €2bn plant", "MONEY", "€2bn"),
    ("some 3.5 mln USD was paid", "MONEY", "3.5 mln USD"),
    ("estimated at 1.6 billion euro.", "MONEY", "1.6 billion euro"),
    ("a USD 5 million grant", "MONEY", "USD 5 million"),
    ("up 41% over", "PERCENT", "41%"),
    ("in Tehran on Nov. 1.", "DATE", "Nov. 1"),
    ("held in August 2016 in Baku", "DATE", "August 2016"),
    ("since 2015, during", "DATE", "2015"),
    ("on Wednesday, reported", "DATE", "Wednesday"),
    ("the last week visit", "DATE", "last week"),
    ("speech on October 13, Trump", "DATE", "October 13"),
    # DATE as the held-out gold marks it: calendar dates, months, years, decades, "... ago".
    ("signed in May 2020 in Moscow", "DATE", "May 2020"),
    ("met on 12 May 2021 in Baku", "DATE", "12 May 2021"),
    ("due by mid-May, officials said", "DATE", "mid-May"),
    ("launched in early 2020 by", "DATE", "early 2020"),
    ("talks resumed in March after", "DATE", "March"),
    ("built in the 1990s by Russia", "DATE", "1990s"),
    ("announced two weeks ago in Tehran", "DATE", "two weeks ago"),
    # Russian and Persian agency copy
    ("товарооборот 4 млрд долларов в год", "MONEY", "4 млрд долларов"),
    ("кредит в 12,5 млрд рублей", "MONEY", "12,5 млрд рублей"),
    ("вырос на 25 процентов", "PERCENT", "25 процентов"),
    ("рост 3,5% за год", "PERCENT", "3,5%"),
    ("حجم تجارت 5 میلیارد دلار است", "MONEY", "5 میلیارد دلار"),
    ("افزایش 30 درصد", "PERCENT", "30 درصد"),
    # Russian and Persian dates (a newcomer saw "17 января" and "۲۸ دی ماه" left unmarked), and Persian digits
    ("встретились 17 января 2025 года в Москве", "DATE", "17 января 2025 года"),
    ("5 мая они снова встретились", "DATE", "5 мая"),
    ("в 2015 году был подписан", "DATE", "2015 году"),
    ("подписан в январе 2025 года в Москве", "DATE", "январе 2025 года"),  # a month without a day, as "in March"
    ("В марте стороны обсудили", "DATE", "марте"),
    ("поставки идут с мая 2024 года", "DATE", "мая 2024 года"),
    ("в конце июня они встретились", "DATE", "июня"),
    ("روز ۲۸ دی ماه به مسکو رفت", "DATE", "۲۸ دی ماه"),
    ("در ۲۶ آبان ۱۴۰۴ امضا شد", "DATE", "۲۶ آبان ۱۴۰۴"),
    ("مسکو - ایرنا 22 نوامبر 1997", "DATE", "22 نوامبر 1997"),
    ("حجم تجارت ۵ میلیارد دلار است", "MONEY", "۵ میلیارد دلار"),
    ("افزایش ۳۰ درصد", "PERCENT", "۳۰ درصد"),
])
def test_patterns(matcher, text, kind, span):
    assert (span, kind) in [(m.text, m.type) for m in matcher.mentions(text)]


@pytest.mark.parametrize("text", ["four de-escalation zones", "the next 20 years", "three devices", "1,500 troops", "2015 people",
                                  "Theresa May said", "for three years", "the March of the Volunteers",
                                  "в 2 евро-зоне", "3, 5 and 7",
                                  "۱۰ می\u200cشود", "۱۴۰۳ مسافر", "3 маяка", "в 2015 годовом отчёте",
                                  "в маеве", "Бомарте сказал", "с маяка"])
def test_patterns_do_not_fire_on_ordinary_numbers(matcher, text):
    assert [m for m in matcher.mentions(text) if m.type in ("MONEY", "PERCENT", "DATE")] == []


def test_spans_are_in_bounds_and_ordered(matcher, library):
    for doc in library.documents():
        for paragraph, mentions in zip(doc.clean.paragraphs, doc.mentions, strict=True):
            end = 0
            for m in mentions:
                assert end <= m.start < m.end <= len(paragraph.text)
                assert paragraph.text[m.start:m.end] == m.text
                end = m.end


EXPECTED = {
    "000_f4d4ea7fa12037db": {"Ali Khamenei", "Vladimir Putin", "Hassan Rouhani", "Donald Trump", "Ilham Aliyev", "Iran",
                             "Russia", "Syria", "Turkey", "Azerbaijan", "Baku", "Tehran", "Moscow", "Astana process",
                             "International North-South Transport Corridor", "Iranian", "Azerbaijani"},  # its "nuclear deal": a description
    "001_fb143f89bf631b66": {"Heshmatollah Falahatpisheh", "Islamic Consultative Assembly News Agency", "Rosneft",
                             "National Iranian Oil Company", "Aleppo", "Astana", "Sochi", "Kazakhstan", "Caspian Sea",
                             "Majlis National Security and Foreign Policy Commission"},
    "002_c60d12b64ace6e87": {"Ebrahim Raisi", "Recep Tayyip Erdogan", "Joe Biden", "Bashar al-Assad", "Israel", "Saudi Arabia",
                             "Armenia", "Nagorno-Karabakh war", "White House", "Javad Owji", "Ukraine", "Kurdish", "Western",  # of "Ukraine war"
                             "United Arab Emirates", "Istanbul", "Jerusalem", "Jeddah"},
    "003_4958d00dca6ef37f": {"Joint Comprehensive Plan of Action", "International Atomic Energy Agency", "Astana process",
                             "International North-South Transport Corridor", "Azerbaijan", "Middle East"},
    "004_1930e3c77fad4e3e": {"Hossein Amir-Abdollahian", "Wang Yi", "Majid-Reza Hariri", "Iran-China Chamber of Commerce",
                             "Kremlin", "Afghanistan", "Vienna", "China", "Beijing", "25-year cooperation plan", "Bashar al-Assad"},
}


@pytest.mark.parametrize("doc_id", sorted(EXPECTED))
def test_each_seed_mentions_its_main_actors(library, doc_id):
    doc = library.get(doc_id)
    canonicals = {m.canonical for mentions in doc.mentions for m in mentions}
    assert EXPECTED[doc_id] <= canonicals, EXPECTED[doc_id] - canonicals


def test_an_unseen_article_from_the_field_lights_up(matcher):
    text = ("Iranian Foreign Minister Abbas Araghchi met Sergei Lavrov in Moscow after Masoud Pezeshkian signed "
            "the comprehensive strategic partnership treaty; Rosatom and Gazprom pledged projects, and both rejected "
            "the E3's snapback at the IAEA and the UN Security Council.")
    canonicals = {m.canonical for m in matcher.mentions(text)}
    assert {"Abbas Araghchi", "Sergei Lavrov", "Moscow", "Masoud Pezeshkian", "Treaty on Comprehensive Strategic Partnership",
            "Rosatom", "Gazprom", "E3", "International Atomic Energy Agency", "UN Security Council", "Iranian"} <= canonicals
    assert "snapback" not in canonicals  # a mechanism, not a named entity of SPEC §5 (a topic signal instead)


def test_gazetteer_is_large_and_free_of_ambiguous_aliases():
    gazetteer = load_gazetteer(bundled_config().parent / "gazetteer.yaml")
    assert len(gazetteer.entities) >= 400
    assert not gazetteer.warnings, gazetteer.warnings


def test_one_character_alias_is_refused(write):
    with pytest.raises(ConfigError) as caught:
        parse_gazetteer(load_yaml(write("g.yaml", "PERSON:\n  Someone: [S]\n")))
    assert caught.value.line == 2 and "too short" in caught.value.message


def test_alias_claimed_twice_warns(write):
    gazetteer = parse_gazetteer(load_yaml(write("g.yaml", "PERSON:\n  A One: [Ace]\nORG:\n  Ace Corp: [Ace]\n")))
    assert any("'Ace' belongs to both" in w for w in gazetteer.warnings)


def _article(matcher, article_id, *texts):
    return article_id, list(texts), [matcher.mentions(t) for t in texts]


def test_candidates_are_unknown_capitalised_names(matcher):
    found = candidates([_article(matcher, "a1", "Putin met Yevgeny Primakov in Tehran’s Zargandeh district.", "The talks ended.")])
    assert [(c.name, c.count, c.articles) for c in found] == [("Yevgeny Primakov", 1, ("a1",)), ("Zargandeh", 1, ("a1",))]


def test_candidates_rank_by_articles_guess_a_type_and_drop_noise(matcher):
    found = candidates([
        _article(matcher, "a1", "Envoy Pavel Sorokin met Iran's Atomic Fuel Company on Monday in March.",
                 "Iran Says It Will Talk To Russia On Fuel", "Officials said Sorokin and Kozlov agreed; the ambassador left."),
        _article(matcher, "a2", "In Tehran, Pavel Sorokin visited the Kharg Island Terminal with Ambassador Ivanov."),
    ], load_gazetteer(ROOT / "gazetteer.yaml", use_cache=False))
    by_name = {c.name: c for c in found}
    assert found[0].name == "Pavel Sorokin" and found[0].articles == ("a1", "a2") and found[0].type == "PERSON"
    assert by_name["Atomic Fuel Company"].type == "ORG"
    assert by_name["Kharg Island Terminal"].type == "FAC"
    assert "Sorokin" in by_name and "Kozlov" in by_name  # joined by "and": two names
    noise = {"Monday", "March", "Says It Will Talk To Russia On Fuel", "Iran Says It Will Talk To Russia On Fuel", "Ambassador",
             "Sorokin and Kozlov"}
    assert not noise & set(by_name)
    assert by_name["Kozlov"].articles == ("a1",) and by_name["Kozlov"].type == "PERSON"


def test_a_name_the_gazetteer_knows_is_not_a_candidate_even_when_context_dropped_it(matcher):
    gazetteer = load_gazetteer(ROOT / "gazetteer.yaml", use_cache=False)
    article = ("a1", ["Fans in Georgia cheered the Rovers."], [()])  # context left Georgia unmarked
    assert [c.name for c in candidates([article])] == ["Georgia", "Rovers"]
    assert [c.name for c in candidates([article], gazetteer)] == ["Rovers"]


def reference_gazetteer_mentions(matcher, text):
    """The plain method: every overlapping hit, boundary check, leftmost-longest sweep."""
    from reader.annotate.gazetteer import _at_boundary, fold

    folded = fold(text)
    hits = sorted(((s, e, i) for i, s, e in matcher._overlapping.find_matches_as_indexes(folded, overlapping=True)
                   if _at_boundary(folded, s, e)), key=lambda h: (h[0], h[0] - h[1]))
    chosen, end = [], -1
    for s, e, i in hits:
        if s >= end:
            chosen.append((s, e, matcher._alias_entity[i].canonical))
            end = e
    return chosen


def test_fast_matcher_equals_the_reference_on_the_seeds(matcher, library):
    for doc in library.documents():
        for paragraph in doc.clean.paragraphs:
            fast, _ = matcher._gazetteer_mentions(paragraph.text)
            assert [(m.start, m.end, m.canonical) for m in fast] == reference_gazetteer_mentions(matcher, paragraph.text)


def test_boundary_fallback_finds_the_shorter_name(matcher):
    # "Astana process" fails its end boundary in "processes"; "Astana" must still be found.
    found = [(m.text, m.canonical) for m in matcher.mentions("the Astana processes began")]
    assert found == [("Astana", "Astana")]


from hypothesis import given, settings, strategies as st  # noqa: E402

_WORDS = ["Iran", "Iranian", "Iranians", "Russia", "US", "us", "USSR", "Astana", "process", "processes", "Astana process",
          "Putin", "Putins", "Tehran-Moscow", "Iran’s", "JCPOA", "2015", "$30", "billion", "Nov.", "1", "-", "’", "x",
          "New", "Delhi", "Nagorno-Karabakh", "crisis", "Raisi", "Amir-Abdollahian", "Amir", "Abdollahian"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=30), st.lists(st.sampled_from(["", " ", "-", "'", "’", ",", "."]), max_size=30))
def test_fast_matcher_equals_the_reference_on_generated_text(matcher, words, seps):
    text = "".join(w + (seps[i] if i < len(seps) else " ") for i, w in enumerate(words))
    fast, _ = matcher._gazetteer_mentions(text)
    assert [(m.start, m.end, m.canonical) for m in fast] == reference_gazetteer_mentions(matcher, text)
    for mention in matcher.mentions(text):
        assert 0 <= mention.start < mention.end <= len(text) and text[mention.start:mention.end] == mention.text


def test_overlong_alias_is_refused_with_its_location(write):
    from reader.yamlfile import ConfigError

    with pytest.raises(ConfigError) as caught:
        parse_gazetteer(load_yaml(write("g.yaml", "ORG:\n  Big: ['" + "x" * 1_000_000 + "']\n")))
    assert caught.value.line == 2 and "200 at most" in caught.value.message


def test_adding_a_name_keeps_the_user_file_s_comments_and_order(tmp_path):
    from reader.annotate.gazetteer import add_to_user_gazetteer

    gazetteer = load_gazetteer(ROOT / "gazetteer.yaml", use_cache=False)
    path = tmp_path / "cfg" / "gazetteer.yaml"
    assert add_to_user_gazetteer(gazetteer, "  Pavel   Sorokin ", "PERSON", path) == path  # a new file
    path.write_text("# mine\nORG:\n  Caspian Service: []  # a railway builder\nPERSON:\n  Pavel Sorokin: []\n", encoding="utf-8")
    add_to_user_gazetteer(gazetteer, "Kharg Island Terminal", "FAC", path)
    add_to_user_gazetteer(gazetteer, "Zoltan Kovaczy", "PERSON", path)
    assert path.read_text(encoding="utf-8") == (
        "# mine\nORG:\n  Caspian Service: []  # a railway builder\nPERSON:\n  Pavel Sorokin: []\n  Zoltan Kovaczy: []\n"
        "FAC:\n  Kharg Island Terminal: []\n")
    assert [p.name for p in path.parent.iterdir()] == ["gazetteer.yaml"]  # no temporary file left behind
    parsed = parse_gazetteer(load_yaml(path))
    assert {(e.canonical, e.type) for e in parsed.entities} >= {("Zoltan Kovaczy", "PERSON"), ("Kharg Island Terminal", "FAC")}


@pytest.mark.parametrize("name, kind, message", [
    ("X", "PERSON", "too short"),
    ("A" * 201, "PERSON", "201 characters"),
    ("Putin", "PERSON", "already an alias of Vladimir Putin (PERSON)"),
    ("Tehran’s", "GPE", None),
    ("New Name", "MONEY", "not an entity type"),
])
def test_a_bad_name_gets_a_clear_message(tmp_path, name, kind, message):
    from reader.annotate.gazetteer import NameRejected, add_to_user_gazetteer

    gazetteer = load_gazetteer(ROOT / "gazetteer.yaml", use_cache=False)
    path = tmp_path / "gazetteer.yaml"
    if message is None:
        add_to_user_gazetteer(gazetteer, name, kind, path)
        return
    with pytest.raises(NameRejected, match=message.replace("(", r"\(").replace(")", r"\)")):
        add_to_user_gazetteer(gazetteer, name, kind, path)
    assert not path.exists()


def test_the_user_gazetteer_is_merged_after_the_shipped_one(tmp_path, monkeypatch):
    from reader.annotate.gazetteer import user_gazetteer_path, with_user_gazetteer

    shipped = load_gazetteer(ROOT / "gazetteer.yaml", use_cache=False)
    user = user_gazetteer_path()
    user.parent.mkdir(parents=True, exist_ok=True)
    user.write_text("PERSON:\n  Zoltan Kovaczy: [Kovaczy]\n", encoding="utf-8")
    merged = with_user_gazetteer(shipped, use_cache=False)
    assert merged.entities[-1].canonical == "Zoltan Kovaczy" and len(merged.entities) == len(shipped.entities) + 1
    user.write_text("PERSON: [oops\n", encoding="utf-8")
    broken = with_user_gazetteer(shipped, use_cache=False)
    assert broken.entities == shipped.entities and "gazetteer.yaml" in broken.warnings[-1]


# --- Russian, Persian, German and French (issue 16) ----------------------------

FIXTURES = __import__("pathlib").Path(__file__).parent / "fixtures"


def canonicals(matcher, text):
    return [m.canonical for m in matcher.mentions(text)]


def test_russian_inflections_resolve_to_one_canonical_entity(matcher):
    text = "Путин, Путина, Путину, Путиным, Путине; Тегеран и Тегеране; Ирана, Ираном; в Москве"
    assert canonicals(matcher, text) == ["Vladimir Putin"] * 5 + ["Tehran"] * 2 + ["Iran"] * 2 + ["Moscow"]


def test_persian_and_russian_names_of_the_issue(matcher):
    assert canonicals(matcher, "پوتین در تهران") == ["Vladimir Putin", "Tehran"]
    assert canonicals(matcher, "ДВЗЯ и СВПД; برجام") == ["Joint Comprehensive Plan of Action"] * 3
    assert canonicals(matcher, "Росатом; Бушерская АЭС; نیروگاه بوشهر") == [
        "Rosatom", "Bushehr nuclear power plant", "Bushehr nuclear power plant"]


@pytest.mark.parametrize("text", ["توافقنامه جامع راهبردی ایران و روسیه", "توافق‌نامه جامع راهبردی دو کشور",
                                  "معاهده مشارکت راهبردی", "پیمان مشارکت راهبردی میان تهران و مسکو"])
def test_the_2025_treaty_in_the_persian_press_s_wordings(matcher, text):
    """A newcomer found the treaty tagged in one Persian article of five: these wordings were missing."""
    assert "Treaty on Comprehensive Strategic Partnership" in canonicals(matcher, text)


def test_german_and_french_names_of_the_main_entities(matcher):
    assert canonicals(matcher, "Russland, Moskau, Teheran; Russie, Moscou, Téhéran, Poutine") == [
        "Russia", "Moscow", "Tehran", "Russia", "Moscow", "Tehran", "Vladimir Putin"]


def test_persian_spellings_match_and_highlight_the_original_characters(matcher):
    zwnj, rlm = "\u200c", "\u200f"
    text = f"پوتين گفت روس{rlm}اتم و نیروگاه‌ هستهای بوشهر و برجامِ؛ تهران{zwnj}ها و ایرانیها"
    found = [(m.text, m.canonical) for m in matcher.mentions(text)]
    assert found == [("پوتين", "Vladimir Putin"), (f"روس{rlm}اتم", "Rosatom"), ("بوشهر", "Bushehr"),
                     ("برجامِ", "Joint Comprehensive Plan of Action"), ("تهران", "Tehran"), ("ایرانیها", "Iranian")]  # a nationality's plural kept
    for mention in matcher.mentions(text):
        assert text[mention.start:mention.end] == mention.text
    # A paragraph that is nothing but a name with a suffix still gets the suffix trimmed.
    assert [(m.text, m.canonical) for m in matcher.mentions("پوتینها")] == [("پوتین", "Vladimir Putin")]


def test_whole_words_and_case_in_every_script(matcher):
    assert canonicals(matcher, "ирангейт, Ирангейт, путинизм") == []
    assert canonicals(matcher, "США и сша; ЕС и ес") == ["United States", "European Union"]
    assert canonicals(matcher, "ایرانشهر") == []  # another word, not Iran with a suffix


_MIXED = ["پوتين", "پوتین", "تهران", "ها", "\u200c", "\u200f", "\u0650", "Путина", "Лихачёва", "Iran", "JCPOA", "ـ", "ك"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_MIXED), max_size=25), st.lists(st.sampled_from(["", " ", "،", "-", "."]), max_size=25))
def test_mentions_in_mixed_scripts_are_cut_from_the_original_text(matcher, words, seps):
    text = "".join(w + (seps[i] if i < len(seps) else " ") for i, w in enumerate(words))
    previous_end = 0
    for mention in matcher.mentions(text):
        assert previous_end <= mention.start < mention.end <= len(text)
        assert text[mention.start:mention.end] == mention.text
        previous_end = mention.end


def test_fixtures_in_three_languages_name_the_same_people_and_places(library):
    wanted = {"Vladimir Putin", "Masoud Pezeshkian", "Moscow", "Tehran", "Kremlin", "Sergei Lavrov", "Abbas Araghchi",
              "Joint Comprehensive Plan of Action", "International Atomic Energy Agency", "Bushehr nuclear power plant",
              "Treaty on Comprehensive Strategic Partnership"}
    for name in ("entities_en_treaty.txt", "entities_ru_tass.txt", "entities_fa_irna.txt"):
        doc = library.resolve(str(FIXTURES / name))
        found = {m.canonical for paragraph in doc.mentions for m in paragraph}
        assert wanted <= found, name


def test_a_mixed_paragraph_finds_names_in_each_script(matcher):
    text = (FIXTURES / "entities_mixed.txt").read_text(encoding="utf-8").split("\n\n")[1]
    found = [(m.text, m.canonical) for m in matcher.mentions(text)]
    assert ("عباس عراقچی", "Abbas Araghchi") in found and ("Abbas Araghchi", "Abbas Araghchi") in found
    assert ("Сергеем Лавровым", "Sergei Lavrov") in found and ("Sergei Lavrov", "Sergei Lavrov") in found


def test_declined_forms_count_as_uses_of_their_alias(matcher):
    from reader.annotate.gazetteer import unused_aliases

    putin = next(e for e in matcher.gazetteer.entities if e.canonical == "Vladimir Putin")
    unused = {alias for entity, alias in unused_aliases(matcher.gazetteer, ["Путина", "پوتين"]) if entity is putin}
    assert "Путин" not in unused and "پوتین" not in unused and "Putin" in unused


def test_generated_forms_never_beat_a_written_alias(write):
    gazetteer = parse_gazetteer(load_yaml(write("g.yaml", "PERSON:\n  Ivan Ivanov: [Иванов]\nGPE:\n  Ivanova: [Иванова]\n")))
    matcher = Matcher(gazetteer)
    assert [m.canonical for m in matcher.mentions("Иванова и Иванову")] == ["Ivanova", "Ivan Ivanov"]


def test_a_comment_only_user_gazetteer_is_empty_not_an_error(tmp_path):
    from reader.annotate.gazetteer import user_gazetteer_path, with_user_gazetteer

    shipped = load_gazetteer(ROOT / "gazetteer.yaml", use_cache=False)
    user = user_gazetteer_path()
    user.parent.mkdir(parents=True, exist_ok=True)
    user.write_text("# my own names will go here\n", encoding="utf-8")
    merged = with_user_gazetteer(shipped, use_cache=False)
    assert merged.entities == shipped.entities and merged.warnings == shipped.warnings


def test_an_alias_that_opens_a_pattern_trigger_is_kept_until_the_pattern_wins(matcher):
    """"US$" is a MONEY trigger: "US$30" is money, but "US$" alone still names the US
    (hypothesis found the fast matcher dropping the alias where the reference kept it)."""
    assert [(m.text, m.type) for m in matcher.mentions("Iran and the US$30 fund")] == [("Iran", "GPE"), ("US$30", "MONEY")]
    assert [(m.text, m.type) for m in matcher.mentions("the US$ deal")] == [("US", "GPE")]
    fast, _ = matcher._gazetteer_mentions("IranIranIran US$30")
    assert [(m.start, m.end, m.canonical) for m in fast] == reference_gazetteer_mentions(matcher, "IranIranIran US$30")


def test_regions_and_seas_are_loc_not_countries(matcher):
    """OntoNotes LOC: a region or sea is not a GPE; the country or city beside it still is."""
    found_types = {(m.text, m.type) for m in matcher.mentions("Iran and Russia in the Middle East and the Caspian Sea, from Tehran.")}
    assert {("Middle East", "LOC"), ("Caspian Sea", "LOC"), ("Iran", "GPE"), ("Tehran", "GPE")} <= found_types


def test_an_en_dash_compound_matches_its_hyphenated_alias(matcher):
    """"Rasht–Astara railways project": the en dash spelling is the facility, not two towns."""
    assert [(m.text, m.type) for m in matcher.mentions("the Rasht–Astara railways project")] == [("Rasht–Astara", "FAC")]


def test_a_short_persian_alias_takes_no_glued_suffix_but_a_longer_one_does(matcher):
    """"کیفی" (qualitative) is not Kyiv + ی and "رؤسای" (heads) not Russian + ای; "روسیهای"
    is Russia with a glued suffix and "روس‌ها" (half-space) still the Russians."""
    assert [m.canonical for m in matcher.mentions("سطح کیفی و رؤسای جمهور")] == []
    assert [m.canonical for m in matcher.mentions("کالاهای روسیهای و روس\u200cها")] == ["Russia", "Russian"]


def test_a_changed_annotation_rule_changes_the_index_fingerprint(monkeypatch):
    """names.py holds rules and name tables (not YAML): editing it must re-annotate
    the corpus, so its bytes (and every annotate/ingest module's) feed the fingerprint."""
    import reader.library
    from reader.annotate import gazetteer, model, names
    from reader.config import load_config

    seen: list[Path] = []
    real = reader.library.fingerprint
    monkeypatch.setattr(reader.library, "fingerprint", lambda *files: seen.extend(files) or real(*files))
    reader.library.Library(load_config(bundled_config()), cache=False, store=False)
    fed = {Path(f).resolve() for f in seen}
    assert Path(names.__file__).resolve() in fed
    assert {Path(gazetteer.__file__).resolve(), Path(model.__file__).resolve()} <= fed


def test_an_invasion_is_an_act_and_its_country_a_place_but_the_war_is_an_event(matcher):
    assert found(matcher, "after the invasion of Ukraine") == [("Ukraine", "GPE", "Ukraine")]
    assert found(matcher, "the war in Ukraine dragged on") == [("war in Ukraine", "EVENT", "war in Ukraine")]


def test_a_preposition_glued_to_a_persian_place_leaves_the_place(matcher):
    """"درمسکو" (in Moscow, no space) is Moscow, highlighted without the preposition;
    near misses: a word that only starts like one ("درمان", treatment; "درباره",
    about) and a person glued to a preposition (places only)."""
    text = "سفیر درمسکو و ازتهران بهروسیه رفت؛ درمان و درباره بالاوروف"
    found = [(m.text, m.canonical) for m in matcher.mentions(text)]
    assert found == [("مسکو", "Moscow"), ("تهران", "Tehran"), ("روسیه", "Russia")]


def test_an_organisation_s_name_cut_short_is_no_name(matcher, library):
    """"the news agency Tasni" (Tasnim, cut by the page) is no name; near misses: the
    whole name, a stub too short to tell ("Meh" of Mehr, "Tasn")."""
    assert "Tasni" in matcher.cut_names
    assert not {"Tasnim", "Tasn", "Meh", "Mehr"} & matcher.cut_names
    found, _ = library.annotate(["The Iranian news agency Tasni said so, and Tasnim agreed."], language="en")
    assert [(m.text, m.type) for m in found[0] if m.type != "NORP"] == [("Tasnim", "ORG")]


def test_the_west_in_russian_is_a_region_and_the_direction_is_not(matcher):
    assert found(matcher, "Запад давит, санкции Запада; на запад от Москвы.")[:2] == [("Запад", "LOC", "West"),
                                                                                     ("Запада", "LOC", "West")]
    assert [text for text, _, _ in found(matcher, "на запад от Москвы")] == ["Москвы"]  # near miss: the direction


def named(matcher, text):
    return [(m.text, m.type) for m in matcher.named(text, matcher.mentions(text))]


@pytest.mark.parametrize("text, described, names", [
    ("Moscow backed the 2015 nuclear deal during the war in Ukraine.", ["2015 nuclear deal", "war in Ukraine"],
     [("Moscow", "GPE"), ("Ukraine", "GPE")]),
    ("Москва поддержала ядерную сделку на фоне конфликта на Украине.", ["ядерную сделку", "конфликта на Украине"],
     [("Москва", "GPE"), ("Украине", "GPE")]),
    ("مسکو از توافق هسته‌ای در جنگ اوکراین حمایت کرد.", ["توافق هسته\u200cای", "جنگ اوکراین"],
     [("مسکو", "GPE"), ("اوکراین", "GPE")]),
])
def test_a_descriptive_alias_matches_but_only_the_names_inside_it_are_shown(matcher, text, described, names):
    """Issue 14: the blind-6 gold lists no generic description of a deal or war; the
    entity still matches (topic evidence), and a place inside it stays a name."""
    found_here = matcher.mentions(text)
    assert [m.text for m in found_here if m.source == "descriptive"] == described
    assert {m.canonical for m in found_here if m.source == "descriptive"} == {
        "Joint Comprehensive Plan of Action", "war in Ukraine"}
    assert named(matcher, text) == names


@pytest.mark.parametrize("text, name", [
    ("the Joint Comprehensive Plan of Action", "Joint Comprehensive Plan of Action"),
    ("under the JCPOA", "JCPOA"),
    ("the Astana talks on Syria", "Astana talks"),
    ("условия СВПД", "СВПД"),
    ("в ходе СВО", "СВО"),
    ("بازگشت به برجام", "برجام"),
])
def test_a_proper_name_of_an_agreement_or_process_stays_an_entity(matcher, text, name):
    assert (name, "EVENT") in named(matcher, text)


def test_descriptive_aliases_are_read_from_a_mapping_entry(write):
    gazetteer = parse_gazetteer(load_yaml(write("g.yaml", (
        "EVENT:\n  Big Pact:\n    aliases: [BP]\n    descriptive: [the pact]\n    descriptiv: [x]\n"))))
    entity, = gazetteer.entities
    assert entity.aliases == ("Big Pact", "BP", "the pact") and entity.descriptive == {"the pact"}
    assert any("unknown key 'descriptiv'" in w for w in gazetteer.warnings)
    assert [m.source for m in Matcher(gazetteer).mentions("BP and the pact")] == ["gazetteer", "descriptive"]


def test_check_does_not_call_a_descriptive_alias_unused(write):
    """A descriptive alias leaves no mention in a document: `check` cannot see it used."""
    from reader.annotate.gazetteer import unused_aliases

    gazetteer = parse_gazetteer(load_yaml(write("g.yaml", "EVENT:\n  Big Pact:\n    aliases: [BP]\n    descriptive: [the pact]\n")))
    assert [alias for _, alias in unused_aliases(gazetteer, [])] == ["Big Pact", "BP"]


@pytest.mark.parametrize("text, name, kind, canonical, near_miss", [
    # one outlet, not RBC and the country; near miss: the two apart
    ("сообщает РБК-Украина", "РБК-Украина", "ORG", "RBC-Ukraine", "РБК и Украина"),
    ("как передает Zakon.kz", "Zakon.kz", "ORG", "Zakon.kz", "по закону"),
    ("talks with the Group 5+1 in Vienna", "Group 5+1", "ORG", "P5+1", "a group of five in Vienna"),
    ("the Republic of Dagestan", "Republic of Dagestan", "GPE", "Dagestan", "the Republic of Turkey"),
    ("رئیس سازمان برنامه و بودجه گفت", "سازمان برنامه و بودجه", "ORG", "Plan and Budget Organization", "برنامه و بودجه دولت"),
    ("ships in the Sea of Oman", "Sea of Oman", "LOC", "Gulf of Oman", "ships from Oman"),
    ("в зоне палестино-израильского конфликта", "палестино-израильского конфликта", "EVENT",
     "Israeli-Palestinian conflict", "в зоне конфликта"),
    ("a Valdai Club expert", "Valdai Club", "ORG", "Valdai Discussion Club", "a club expert"),
    ("banks including Refah and Saderat", "Saderat", "ORG", "Bank Saderat", "banks including the Sadr"),
])
def test_names_of_the_blind_8_defects_match_whole(matcher, text, name, kind, canonical, near_miss):
    """Issue 14, the blind-8 misses: each name is one mention of its type; the near miss
    (its parts apart, a common word) is not that entity."""
    assert (name, kind, canonical) in found(matcher, text)
    assert canonical not in {c for _, _, c in found(matcher, near_miss)}


def test_the_sco_at_a_summit_in_russian_is_the_organisation(matcher):
    """«саммита ШОС»: ШОС is the organisation (the blind-8 gold); near miss: the BRICS
    summit stays the listed event."""
    assert found(matcher, "на полях саммита ШОС")[-1] == ("ШОС", "ORG", "Shanghai Cooperation Organisation")
    assert found(matcher, "на саммите БРИКС")[-1][1:] == ("EVENT", "BRICS summit")


@pytest.mark.parametrize("text, names", [
    ("exports to Africa, Asia and the Mediterranean", [("Africa", "LOC"), ("Asia", "LOC"), ("Mediterranean", "LOC")]),
    ("в страны Африки, Азии и Латинской Америки", [("Африки", "LOC"), ("Азии", "LOC"), ("Латинской Америки", "LOC")]),
    ("در آسیا و آفریقا و دریای مدیترانه", [("آسیا", "LOC"), ("آفریقا", "LOC"), ("دریای مدیترانه", "LOC")]),
])
def test_continents_and_seas_of_the_field_are_regions(matcher, text, names):
    """OntoNotes LOC (the blind-8 LOC recall 24/37)."""
    assert [(t, k) for t, k, _ in found(matcher, text)] == names


def test_a_country_or_region_named_after_a_continent_is_the_longer_name(matcher):
    """Near misses: the longest alias wins ("South Africa" the country, "Central Asia" the region)."""
    assert [(t, k) for t, k, _ in found(matcher, "South Africa and Central Asia")] == [
        ("South Africa", "GPE"), ("Central Asia", "LOC")]
    assert [(t, k) for t, k, _ in found(matcher, "آفریقای جنوبی و آسیای مرکزی")] == [
        ("آفریقای جنوبی", "GPE"), ("آسیای مرکزی", "LOC")]


def test_companies_and_banks_of_the_field_are_organisations(matcher):
    """ORG recall 95/123 on the blind-8 gold; near miss: "Sepah" alone stays the IRGC."""
    text = "MAPNA, Iran Khodro, Bank Mellat and Bank Sepah met Transneft and KAMAZ; Sepah denied it."
    assert [(t, c) for t, k, c in found(matcher, text) if k == "ORG"] == [
        ("MAPNA", "MAPNA Group"), ("Iran Khodro", "Iran Khodro"), ("Bank Mellat", "Bank Mellat"),
        ("Bank Sepah", "Bank Sepah"), ("Transneft", "Transneft"), ("KAMAZ", "KAMAZ"),
        ("Sepah", "Islamic Revolutionary Guard Corps")]


@pytest.mark.parametrize("text, name, kind, canonical", [
    ("حق ملت فلسطین", "فلسطین", "GPE", "Palestine"),
    ("نشست شورای حکام", "شورای حکام", "ORG", "IAEA Board of Governors"),
    ("Совет управляющих МАГАТЭ принял резолюцию", "Совет управляющих МАГАТЭ", "ORG", "IAEA Board of Governors"),
    ("military company Wagner group said", "Wagner group", "ORG", "Wagner Group"),
    ("The United States Treasury Department said", "United States Treasury Department", "ORG", "Treasury Department"),
])
def test_names_of_the_fresh_dev_pages(matcher, text, name, kind, canonical):
    assert (name, kind, canonical) in found(matcher, text)


def test_an_alias_with_commas_is_one_alias_not_its_words(matcher):
    """"Iran Chamber of Commerce, Industries, Mines and Agriculture" was three aliases, so
    "Industries" alone was the chamber; near miss: the whole name still is."""
    assert found(matcher, "Shahed Aviation Industries Research Center") == []
    whole = "Iran Chamber of Commerce, Industries, Mines and Agriculture"
    assert found(matcher, f"the {whole} said") == [(whole, "ORG", "Iran Chamber of Commerce")]


@pytest.mark.parametrize("text, name", [
    ("after the Second World War", "Second World War"),
    ("в годы Великой Отечественной войны", "Великой Отечественной войны"),
    ("عملیات وعده صادق ۲", "عملیات وعده صادق"),
    ("at the Munich Security Conference", "Munich Security Conference"),
    ("в формате «3+3»", "формате «3+3»"),
    ("since the Cold War ended", "Cold War"),
])
def test_wars_operations_and_forums_of_the_field_are_events(matcher, text, name):
    """EVENT recall 6/15 on the blind-8 gold."""
    assert (name, "EVENT") in [(t, k) for t, k, _ in found(matcher, text)]


def test_a_cold_war_in_lower_case_is_a_phrase_not_the_event(matcher):
    """Near miss: "a new cold war" describes, "the Cold War" names."""
    assert found(matcher, "fears of a new cold war between them") == []


@pytest.mark.parametrize("text, surface, canonical", [
    # Russian: a base form listed once, its cases generated (Ростех's listed: pymorphy3 reads it as "Рос" + "тех")
    ("Делегации обсудили ситуацию в Евразии и Азии.", "Евразии", "Eurasia"),
    ("Представители Ростеха прибыли в Тегеран.", "Ростеха", "Rostec"),
    ("Путин прибыл в Тяньцзинь на саммит.", "Тяньцзинь", "Tianjin"),
    ("Беседа прошла в Тяньцзине.", "Тяньцзине", "Tianjin"),
    ("Заседание Организации Договора о коллективной безопасности прошло в Минске.",
     "Организации Договора о коллективной безопасности", "Collective Security Treaty Organization"),
    ("Иран ратифицирует Конвенцию о правовом статусе Каспия.", "Конвенцию о правовом статусе Каспия",
     "Convention on the Legal Status of the Caspian Sea"),
    ("Контракт получила Зарубежнефть.", "Зарубежнефть", "Zarubezhneft"),
    ("Глава Центробанка Ирана выступил.", "Центробанка Ирана", "Central Bank of Iran"),
    # Persian: matched on normalised text (a half-space or a space alike)
    ("کشتی‌ها در دریای مازندران حرکت کردند.", "دریای مازندران", "Caspian Sea"),
    ("این کشور در آسیا قرار دارد.", "آسیا", "Asia"),
    ("رئیس جمهور در اجلاس شانگهای پلاس سخنرانی کرد.", "اجلاس شانگهای پلاس", "SCO Plus"),
    ("در دو اجلاس شانگهای و شانگهای پلاس شرکت کرد.", "شانگهای پلاس", "SCO Plus"),
    ("کمیسیون مشترک برجام امروز تشکیل شد.", "کمیسیون مشترک برجام", "JCPOA Joint Commission"),
    ("همکاری در سایت هسته ای فردو ادامه دارد.", "سایت هسته ای فردو", "Fordow"),
    ("خروج آمریکا از برنامه جامع اقدامات مشترک", "برنامه جامع اقدامات مشترک", "Joint Comprehensive Plan of Action"),
    ("سازمان پیمان امنیت جمعی بیانیه داد.", "سازمان پیمان امنیت جمعی", "Collective Security Treaty Organization"),
])
def test_russian_and_persian_places_organisations_and_events(matcher, text, surface, canonical):
    assert any(m.text == surface and m.canonical == canonical for m in matcher.mentions(text))


@pytest.mark.parametrize("text, canonical", [
    ("Центробанк повысил ставку.", "Bank of Russia"),  # the central bank alone: whose is not said
    ("آسیاب آبی در روستا کار می‌کند.", "Asia"),  # a mill: whole words only
    ("Ростехнадзор проверил станцию.", "Rostec"),  # another agency
    ("سایت خبری این گزارش را منتشر کرد.", "Fordow"),  # a website
    ("саммит ШОС в Тяньцзине", "SCO Plus"),  # the summit itself, not the "plus" format
])
def test_russian_and_persian_near_misses(matcher, text, canonical):
    assert canonical not in {m.canonical for m in matcher.mentions(text)}


@pytest.mark.parametrize("text, canonical", [
    ("پس از جنگ ۱۲ روزه", "Twelve-Day War"),
    ("در جنگ دوم قره‌باغ", "Nagorno-Karabakh war"),
    ("هشت سال جنگ تحمیلی", "Iran-Iraq War"),
    ("Вторая карабахская война", "Nagorno-Karabakh war"),
    ("двенадцатидневная война", "Twelve-Day War"),
])
def test_wars_as_russian_and_persian_name_them_are_events(matcher, text, canonical):
    """Persian EVENT recall was 1/7 on the blind-8 gold: its wars were named in English only."""
    assert (canonical, "EVENT") in {(m.canonical, m.type) for m in matcher.mentions(text)}
