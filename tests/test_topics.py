import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.config import bundled_config
from reader.annotate.gazetteer import Matcher, load_gazetteer
from reader.annotate.topics import TRAIL_PASSAGES, Passage, TopicMatcher, Trail, load_topic_map, parse_topic_map
from reader.yamlfile import ConfigError, load_yaml

REQUIRED = ["strategic_partnership", "syria", "astana_process", "jcpoa", "civil_nuclear", "sanctions",
            "trilateral_summits", "north_south_corridor", "caspian", "energy_oil_gas", "trade_investment",
            "banking_finance", "military_security", "terrorism", "ukraine_war", "regional_rivals", "china",
            "afghanistan", "nagorno_karabakh", "space", "brics_sco"]

# topic -> (a passage that carries it, a near miss that must not)
CASES = {
    "strategic_partnership": ("Pezeshkian and Putin signed a comprehensive strategic partnership treaty in Moscow.",
                              "The strategy meeting in Moscow discussed the weather."),
    "syria": ("Russian jets struck militants near Idlib to shore up Bashar al-Assad's government.",
              "The delegation flew over the Mediterranean on its way to Cyprus."),
    "astana_process": ("Iran, Russia and Turkey, the guarantors of the Astana talks, agreed on new de-escalation zones in Syria.",
                       "FC Astana held talks with the coach before the match in Astana on Sunday."),
    "jcpoa": ("Iran and the E3 met in Vienna to restore the JCPOA as the IAEA reported more uranium enrichment.",
              "The trade deal with Armenia covers cheese and textiles."),
    "civil_nuclear": ("Rosatom will build two more power units at the Bushehr nuclear power plant.",
                      "The plant in Isfahan produces steel for the car industry."),
    "sanctions": ("Washington imposed new sanctions on Iranian oil buyers under its maximum pressure campaign.",
                  "The university sanctioned a new course on Persian poetry." ),
    "trilateral_summits": ("The presidents of Iran, Russia and Azerbaijan held a trilateral summit in Baku.",
                           "The president of Iran held a summit-level phone call about weather."),
    "north_south_corridor": ("The Rasht-Astara railway will complete the International North-South Transport Corridor.",
                             "Passengers waited in the corridor of the hospital in Rasht."),
    "caspian": ("The Caspian littoral states signed the convention on the legal status of the Caspian Sea.",
                "The Persian Gulf states discussed fishing quotas."),
    "energy_oil_gas": ("Gazprom and the National Iranian Gas Company signed a memorandum on gas swaps and oil fields.",
                       "The painter used oil on canvas for the portrait."),
    "trade_investment": ("Bilateral trade turnover rose 20% as Russian investors joined Iranian projects under the free trade deal.",
                         "The traders of the Tehran bazaar closed for the holiday."),
    "banking_finance": ("Iran connected its Shetab network to Russia's Mir payment system to settle trade in national currencies.",
                        "The river bank in Isfahan flooded after the storm."),
    "military_security": ("Iran delivered Shahed drones and ballistic missiles to Russia, and will receive Su-35 fighter jets.",
                          "The security guard checked tickets at the stadium."),
    "terrorism": ("Moscow and Tehran pledged joint anti-terror operations against Islamic State cells.",
                  "The horror film about a haunted house terrified audiences."),
    "ukraine_war": ("Western officials say Iranian drones are used by Russia in the war in Ukraine against Kyiv.",
                    "The Iranian wrestler won gold in the tournament."),
    "regional_rivals": ("Saudi Arabia and Israel, Iran's main rivals, watched the Russian-Iranian rapprochement warily.",
                        "Rivalry between two Tehran football clubs peaked on Sunday."),
    "china": ("China and Iran began implementing their 25-year cooperation plan as Beijing bought more Iranian crude.",
              "The porcelain dishes were made of fine china."),
    "afghanistan": ("Iran and Russia urged the Taliban to form an inclusive government in Kabul.",
                    "The Afghan hound won the dog show."),
    "nagorno_karabakh": ("Tehran warned Baku and Yerevan that closing the Zangezur corridor in Nagorno-Karabakh would cross a red line.",
                         "The carpet from Karaj was sold at auction."),
    "space": ("A Russian Soyuz rocket launched Iran's Khayyam satellite into orbit from Baikonur.",
              "The office has plenty of space for the new staff."),
    "brics_sco": ("Iran joined the Shanghai Cooperation Organisation and then BRICS, backing a multipolar order.",
                  "The bricks of the old caravanserai were restored."),
}


@pytest.fixture(scope="module")
def engines():
    folder = bundled_config().parent
    return Matcher(load_gazetteer(folder / "gazetteer.yaml")), TopicMatcher(load_topic_map(folder / "topics.yaml"))


def topics_of(engines, text):
    matcher, topic_matcher = engines
    return [hit.topic for hit in topic_matcher.passage_topics(text, matcher.mentions(text))]


def test_every_required_topic_ships_with_a_description():
    topic_map = load_topic_map(bundled_config().parent / "topics.yaml")
    assert set(REQUIRED) <= set(topic_map.ids)
    assert all(len(t.description) > 40 for t in topic_map.topics)
    assert not topic_map.warnings


@pytest.mark.parametrize("topic", REQUIRED)
def test_topic_fires_on_evidence(engines, topic):
    assert topic in topics_of(engines, CASES[topic][0])


@pytest.mark.parametrize("topic", REQUIRED)
def test_topic_stays_off_a_near_miss(engines, topic):
    assert topic not in topics_of(engines, CASES[topic][1])


def test_deal_alone_is_not_the_nuclear_deal(engines):
    assert "jcpoa" not in topics_of(engines, "Russia and Turkey reached a deal on grain exports.")


def test_off_field_article_gets_no_topics(library, write):
    path = write("football.txt", "Astana beat Kairat\n\nFC Astana won 2-0 in Astana on Sunday after talks with the coach.\n\n"
                 "The three points keep Astana top; the next round of the league is in Almaty.\n")
    doc = library.resolve(str(path))
    assert doc.topics == ()


def test_article_topics_are_the_union_of_its_passages(library):
    for doc in library.documents():
        union = {t for i in range(len(doc.clean.paragraphs)) for t in doc.topic_ids(i)}
        assert set(doc.topics) == union


def test_nuclear_deal_passages_link_across_seeds(library):
    source = library.get("003_4958d00dca6ef37f")
    index = next(p.index for p in source.clean.paragraphs if "JCPOA as a good deal" in p.text)
    results = library.related(source, index)
    jcpoa_articles = {r.passage.article_id for r in results if "jcpoa" in r.shared}
    assert jcpoa_articles == {"000_f4d4ea7fa12037db", "001_fb143f89bf631b66", "002_c60d12b64ace6e87", "004_1930e3c77fad4e3e"}
    assert all("jcpoa" in r.shared for r in results[:5])
    assert source.id not in {r.passage.article_id for r in results}


@pytest.mark.parametrize("topic,articles", [
    ("jcpoa", 5), ("syria", 5), ("trilateral_summits", 4), ("north_south_corridor", 3),
])
def test_seed_topics_span_articles(library, topic, articles):
    assert len({p.article_id for p in library.trail(topic)}) >= articles


def test_trail_is_in_date_order(library):
    dates = [p.date for p in library.trail("syria")]
    assert dates == sorted(dates)


def test_related_ranks_more_shared_topics_first(library):
    source = library.get("003_4958d00dca6ef37f")
    index = next(p.index for p in source.clean.paragraphs if p.text.startswith("He also pointed to the Astana talks"))
    results = library.related(source, index)
    assert set(results[0].shared) == {"astana_process", "syria"}
    counts = [len(r.shared) for r in results]
    assert counts == sorted(counts, reverse=True)


def test_requires_must_name_a_signal(write):
    with pytest.raises(ConfigError) as caught:
        parse_topic_map(load_yaml(write("t.yaml", "topics:\n  x:\n    signals: {a b: 3}\n    requires: [c d]\n")))
    assert caught.value.line == 4


def test_unknown_related_topic_warns(write):
    topic_map = parse_topic_map(load_yaml(write("t.yaml", "topics:\n  x:\n    signals: {a b: 3}\n    related: [nope]\n")))
    assert any("unknown topic 'nope'" in w for w in topic_map.warnings)


def test_topic_without_signals_is_an_error(write):
    with pytest.raises(ConfigError, match="needs 'signals' or 'entities'"):
        parse_topic_map(load_yaml(write("t.yaml", "topics:\n  x: {label: X}\n")))


@given(st.lists(st.tuples(st.integers(0, 5), st.integers(0, 5)), unique=True),
       st.integers(-1, 6), st.integers(0, 6), st.sampled_from([1, -1]))
def test_a_trail_step_lands_on_the_nearest_trail_passage_that_way(points, rank, index, step):
    ranks = {f"a{r}": r for r in range(7)}
    trail = [Passage(f"a{r}", i, None, "title", "snippet") for r, i in sorted(points)]
    here = (rank, index)
    ahead = [p for p in trail if (ranks[p.article_id], p.index) > here]
    behind = [p for p in trail if (ranks[p.article_id], p.index) < here]
    expected = (ahead[0] if ahead else None) if step > 0 else (behind[-1] if behind else None)
    article = f"a{rank}" if rank >= 0 else "not-in-the-list"
    steps = Trail([ranks[p.article_id] * TRAIL_PASSAGES + p.index for p in trail], lambda a: ranks.get(a, -1),
                  lambda rank, i: Passage(f"a{rank}", i, None, "title", "snippet"))
    assert list(steps) == trail and steps.step(article, index, step) == expected


# --- issue 15: evidence weighed as a reader weighs it ------------------------------------------

from reader.annotate.topics import passing_spans  # noqa: E402
from reader.cli import main  # noqa: E402
from reader.models import Mention, TopicHit  # noqa: E402
from reader.render import evidence_line, to_json  # noqa: E402


def small_map(write, body: str) -> TopicMatcher:
    """A one-topic map `t` from a YAML body (the topic's keys, indented by four)."""
    return TopicMatcher(parse_topic_map(load_yaml(write("t.yaml", "topics:\n  t:\n" + body))))


def fires(matcher: TopicMatcher, text: str, mentions=(), date=None) -> bool:
    return any(hit.topic == "t" for hit in matcher.passage_topics(text, mentions, date))


# (topic body, a passage that must fire, a near miss that must not)
MECHANICS = [
    # overlapping signals count once, at the longest: "uranium enrichment" is not also "enrich*"
    ("    signals: {uranium enrichment: 2, enrich*: 1}\n",
     "Talks on uranium enrichment resumed as Iran enriched more.", "Talks on uranium enrichment resumed."),
    # the longest signal speaks for its words: "energy-rich" is not "energy"
    ("    signals: {oil: 2, energy: 1, energy-rich: 0.1}\n", "Energy talks turned to oil.", "The energy-rich state exports oil."),
    # signals that only share a word count once, at the heavier weight
    ("    signals: {disputed nuclear: 3, nuclear program*: 1.5}\n",
     "Talks over its disputed nuclear programme resumed.", "Talks over its nuclear programme resumed."),
    # `requires` is met by a signal under a longer one ("sanction*" in "new sanctions")
    ("    signals: {sanction*: 2, new sanctions: 3}\n    requires: [sanction*]\n",
     "New sanctions on Iran were announced.", "Nothing new was announced."),
]


@pytest.mark.parametrize("body,carried,near_miss", MECHANICS)
def test_evidence_is_counted_once_per_stretch_of_words(write, body, carried, near_miss):
    matcher = small_map(write, body)
    assert fires(matcher, carried)
    assert not fires(matcher, near_miss)


def test_a_word_inside_a_name_is_not_that_word(write):
    matcher = small_map(write, "    signals: {security: 3}\n")
    text = "The UN Security Council met on Monday."
    council = Mention(4, 23, "Security Council", "ORG", "UN Security Council")
    assert not fires(matcher, text, (council,))
    assert fires(matcher, "Security was tight in the capital.")


def test_one_referent_counts_once(write):
    matcher = small_map(write, "    signals: {chinese: 2, xi jinping: 2}\n")
    assert not fires(matcher, "Chinese President Xi Jinping arrived in Tehran.")
    assert fires(matcher, "Chinese firms welcomed the plan that Xi Jinping announced.")


@pytest.mark.parametrize("passing,carried", [
    ("Belarus, Afghanistan and Mongolia currently have observer status.",  # a series of names
     "Iran and Russia urged Afghanistan's rulers to form an inclusive government."),
    ("Putin joined by video after his travel was complicated by a warrant over Afghanistan.",  # background clause
     "Afghanistan has now been cut off from its neighbours."),
    ("The bloc will grow, Afghanistan said on Monday.",  # the speaker of a reporting clause
     "Diplomats said Afghanistan will be the first item of the agenda."),
])
def test_a_passing_mention_is_not_a_topic(write, passing, carried):
    matcher = small_map(write, "    signals: {afghanistan: 3}\n")
    assert not fires(matcher, passing)
    assert fires(matcher, carried)


def test_listed_signals_of_one_topic_still_add_up(write):
    matcher = small_map(write, "    signals: {su-35: 3, s-400: 3, mi-28: 3, drones: 3}\n")
    assert fires(matcher, "Russia delivered Su-35 jets, S-400 systems and Mi-28 helicopters.")
    assert not fires(matcher, "Tehran, Minsk, Su-35 and Caracas were on the list.")


def test_passing_spans_leave_dates_and_the_adverb_since_alone():
    assert passing_spans("Since 2018 the banks have been cut off.") == []
    assert passing_spans("Its allies have since the start accused Iran.") == []
    text = "Since the invasion of Ukraine, Moscow has faced sanctions."
    assert [text[a:b] for a, b in passing_spans(text)] == ["Since the invasion of Ukraine"]


@pytest.mark.parametrize("text, target", [
    ("The strikes hit targets of the Islamic State near Palmyra.", "Islamic"),
    ("The drones hit a target belonging to the militia near Palmyra.", "militia"),
    ("Jets struck positions of the militia near Palmyra.", "militia"),
    ("Russia used the base to bomb rebel towns near Idlib.", "rebel"),
    ("Russia carried out airstrikes on rebel towns near Idlib.", "rebel"),
    ("Russia carried out air strikes against rebel towns near Idlib.", "rebel"),
    ("Washington imposed sanctions on Iranian oil exporters and shippers.", "Iranian"),
    ("Washington imposed sanctions targeting Iranian oil exporters and shippers.", "Iranian"),
    ("Washington sanctioned those Iranian oil exporters and shippers.", "Iranian"),
    ("Washington is sanctioning the Iranian oil exporters and shippers.", "Iranian"),
])
def test_each_marker_of_a_target_makes_its_object_passing(text, target):
    # every form _TARGET knows, each one a case the substring test before its search must let through
    at = text.index(target)
    assert any(start <= at < end for start, end in passing_spans(text))


def test_series_items_do_not_swallow_the_clause_around_them():
    text = "Iran, Russia and Turkey agreed on new de-escalation zones in Syria."
    spans = [text[a:b] for a, b in passing_spans(text)]
    assert spans[:2] == ["Iran", "Russia "] and not any("zones" in s for s in spans)
    prose = "Iran and Russia, in particular, said the talks went well and that more would come."
    assert passing_spans(prose) == []


def test_a_topic_since_a_date_is_not_given_to_older_articles(write):
    matcher = small_map(write, "    signals: {nuclear deal: 3}\n    since: 2015-07-14\n")
    text = "Iran and Russia reached a nuclear deal."
    assert not fires(matcher, text, date="2006-04-23")
    assert fires(matcher, text, date="2017-11-01") and fires(matcher, text, date=None)


def test_a_topic_until_a_date_is_not_given_to_later_articles(write):
    # the dispute before the deal: a 2025 report naming the Security Council and the IAEA is on the deal, not on it
    matcher = small_map(write, "    signals: {security council: 1.5, iaea: 1.5}\n    until: 2015-07-14\n")
    text = "The Security Council heard the IAEA's report on Iran."
    assert not fires(matcher, text, date="2025-09-26")
    assert fires(matcher, text, date="2006-03-14") and fires(matcher, text, date="2015-07-14") and fires(matcher, text)


@pytest.mark.parametrize("key", ["since", "until"])
def test_since_and_until_must_be_dates(write, key):
    with pytest.raises(ConfigError, match=f"'{key}' must be a date"):
        parse_topic_map(load_yaml(write("t.yaml", f"topics:\n  t:\n    signals: {{a b: 3}}\n    {key}: soon\n")))


def test_evidence_after_a_tatweel_is_the_words_themselves(write):
    # "تهران ـ ایرنا ـ": agency copy writes its dateline dash as a tatweel, which normalising drops; the words
    # that fired after it are still the passage's own, not shifted by one letter per tatweel
    matcher = small_map(write, "    signals: {تحریم‌های جدید: 3}\n")
    text = "تهران ـ ایرنا ـ آمریکا تحریم‌های جدید علیه ایران وضع کرد."
    hits = matcher.passage_topics(text, (), None)
    assert [hit.evidence for hit in hits] == [("تحریم‌های جدید",)]


def test_since_must_be_a_date(write):
    with pytest.raises(ConfigError, match="'since' must be a date"):
        parse_topic_map(load_yaml(write("t.yaml", "topics:\n  t:\n    signals: {a b: 3}\n    since: soon\n")))


def test_evidence_is_the_words_of_the_passage_in_reading_order(engines):
    matcher, topic_matcher = engines
    text = "Iran linked its Shetab network to Russia's Mir cards, bypassing SWIFT."
    hits = {h.topic: h for h in topic_matcher.passage_topics(text, matcher.mentions(text))}
    evidence = hits["banking_finance"].evidence
    assert evidence[0].startswith("Shetab") and evidence.index("Mir cards") == 1  # as written, in reading order
    assert all(word in text for hit in hits.values() for word in hit.evidence)


# Bundled map, issue 15's themes: (passage that must carry the topic, near miss that must not).
THEMES = [
    ("banking_finance", "Iran linked its Shetab interbank network to Russia's Mir cards, bypassing SWIFT.",
     "Iran's swift progress to full membership was welcomed by the bank of the river."),
    ("sanctions", "Iran linked its Shetab interbank network to Russia's Mir cards, bypassing SWIFT.",
     "Iran linked its two largest cities by a new road."),
    ("sanctions", "The EU imposed new sanctions on Iran Air over the missile transfers.",
     "Iran Air resumed its flights from Tehran to Moscow."),
    ("trade_investment", "Iran wants to import 10 million tons of wheat from Russia a year.",
     "The harvest in Golestan was gathered in June."),
    ("trade_investment", "Iran imported more Russian grain, and business memorandums followed.",
     "The memorandum is important for relations, the expert said."),
    ("syria", "Lavrov will discuss the Syria crisis in Tehran.", "Lavrov will discuss the crisis in Tehran."),
    ("regional_rivals", "The satellite lets Iran watch its arch-enemy Israel.", "The satellite lets Iran watch its borders."),
    ("ukraine_war", "Iran supplied Fath-360 missiles to Moscow for use against Ukraine.",
     "Putin joined the summit by video after his travel was complicated by an arrest warrant over the war in Ukraine."),
    ("military_security", "Iran supplied Fath-360 missiles to Moscow for use against Ukraine.",
     "Rouhani said the deal has nothing to do with Iran's defense and missile programs."),
    ("military_security", "Russian Tu-22M3 bombers flew from Iran's Hamedan airbase to strike targets in Syria.",
     "Passengers flew from Hamedan to Mashhad on Monday."),
    ("civil_nuclear", "Iran agreed in principle on a joint venture with Russia to enrich uranium on Russian soil.",
     "The two firms set up a company to make tractors."),
    ("nuclear_dispute", "The Security Council adopted resolution 1737, imposing sanctions on Iran for refusing to suspend enrichment.",
     "The US left the JCPOA in 2018, and Iran then enriched uranium to 60%."),
    ("jcpoa", "The US left the JCPOA in 2018, and Iran then enriched uranium to 60%.",
     "The Security Council adopted resolution 1737, imposing sanctions on Iran for refusing to suspend enrichment."),
    ("caspian", "Weapons crossed the Caspian Sea to Russia aboard Russian vessels.",
     "The corridor's route runs across the Caspian Sea."),
    ("brics_sco", "Argentina, Egypt, Iran, Ethiopia, Saudi Arabia and the United Arab Emirates were invited to join BRICS.",
     "Iran exported bricks to Iraq."),
    # issues 15/16, held-out misses read as kinds, in three languages
    # the war named by its usual words without "war"
    ("ukraine_war", "Russia may use the data as part of its military action in Ukraine.",
     "The data will only be used for civil purposes, Tehran said."),
    ("ukraine_war", "Россия закупает у Ирана беспилотники «Герань-2», известные как Shahed-136.",
     "Россия закупает у Ирана сухофрукты."),
    ("ukraine_war", "Москва продолжает военную операцию на Украине.", "Москва продолжает переговоры с Украиной о газе."),
    ("ukraine_war", "روسیه از این پهپادها در جنگ در اوکراین استفاده می‌کند.", "روسیه با اوکراین درباره گاز گفت‌وگو کرد."),
    # sanctions, weighed as in English ("restrictive measures", "sanctions against", "new sanctions")
    ("sanctions", "Запад ввёл очередные ограничительные меры против Ирана.", "Стороны приняли меры по развитию туризма."),
    ("sanctions", "Вашингтон ввёл санкции против иранских авиакомпаний.", "Вашингтон выступил против переговоров."),
    ("sanctions", "آمریکا تحریم‌های جدید علیه شرکت‌های ایرانی وضع کرد.", "آمریکا درباره شرکت‌های ایرانی گزارش داد."),
    # the nuclear file before 2015, in Russian and Persian
    ("nuclear_dispute", "Совет Безопасности ООН принял резолюцию о приостановке обогащения урана Ираном.",
     "Росатом построит новый энергоблок."),
    ("nuclear_dispute", "شورای امنیت قطعنامه‌ای صادر کرد و تعلیق غنی‌سازی را خواست.", "روس‌اتم نیروگاه جدیدی می‌سازد."),
    # a Persian background clause closed by a comma is a passing mention; the war as the news is not
    ("ukraine_war", "روسیه حملات خود را در جنگ اوکراین گسترش داد.",
     "یک ماه بعد از شروع جنگ اوکراین، بانک‌های بزرگ روسیه از سوئیفت جدا شدند."),
    # a memorandum is signed on anything: on gas it is energy, not trade
    ("trade_investment", "Iran and Russia signed a memorandum to double bilateral trade.",
     "Iran and Russia signed a memorandum on the export of Russian gas."),
    # the war named by its adjective
    ("ukraine_war", "The Supreme Leader backed Moscow in the Ukrainian war.", "The Ukrainian delegation visited the museum."),
    # Russian words that English weighs as decisive meet the topic's `requires` too
    ("jcpoa", "Стороны обсудили переговоры по ядерной программе Ирана.", "Стороны обсудили программу визита министра."),
    ("sanctions", "ООН возобновила санкции в отношении Ирана.", "Решение в отношении Ирана отложено."),
    # the littoral states by their press name
    ("caspian", "Lavrov warned of Western plans to divide the Caspian Five.", "The five ministers met in Moscow on Monday."),
    # economic, energy and food security are not military security
    ("military_security", "Security and military cooperation topped the agenda.",
     "Military historians at the summit discussed energy security."),
    ("military_security", "Военное сотрудничество и безопасность обсудили министры.",
     "Военные историки обсудили экономическую безопасность страны."),
    # the Gulf Cooperation Council as scraped, "خلیجفارس" glued (the gazetteer's name misses it)
    ("regional_rivals", "روسیه و شورای همکاری خلیجفارس از ادعای امارات متحده عربی درباره جزایر حمایت کردند.",
     "ناوگان روسیه و امارات متحده عربی در خلیج فارس حرکت کرد."),
    # the comprehensive treaty by its Persian names
    ("strategic_partnership", "ایران و روسیه پیمان جامع را امضا کردند.", "طرح جامع شهری تهران تصویب شد."),
]
NEAR_MISSES = [
    ("afghanistan", "Aside from Belarus, Afghanistan and Mongolia currently have observer status."),
    ("regional_rivals", "Argentina, Egypt, Iran, Ethiopia, Saudi Arabia and the United Arab Emirates were invited to join BRICS."),
    ("energy_oil_gas", "The energy-rich country hosted the summit."),
    ("china", "The expansion will inject new impetus into the bloc, Chinese President Xi Jinping said."),
    ("trilateral_summits", "Officials of the railway departments of Russia, Iran and Azerbaijan met in Baku."),
]


@pytest.mark.parametrize("topic,carried,near_miss", THEMES)
def test_a_theme_is_carried_by_its_own_words(engines, topic, carried, near_miss):
    assert topic in topics_of(engines, carried)
    assert topic not in topics_of(engines, near_miss)


@pytest.mark.parametrize("topic,near_miss", NEAR_MISSES)
def test_a_passing_mention_in_the_bundled_map_is_not_a_topic(engines, topic, near_miss):
    assert topic not in topics_of(engines, near_miss)


def test_the_2015_deal_is_not_given_to_a_2006_article(library, write):
    path = write("2006.txt", "Iran and Russia agree on nuclear deal\n\nFebruary 26, 2006 - 13:32\n\nIran and Russia reached a basic "
                 "nuclear deal on a joint uranium enrichment venture on Russian soil, Iran's nuclear chief said.\n\n"
                 "The deal could head off a referral of Iran to the UN Security Council over its enrichment.\n")
    doc = library.resolve(str(path))
    assert doc.meta.date == "2006-02-26"
    assert "jcpoa" not in doc.topics and {"nuclear_dispute", "civil_nuclear"} <= set(doc.topics)


def test_show_json_gives_each_passage_its_evidence(library):
    data = to_json(library.get("003_4958d00dca6ef37f"))
    on_topic = [p for p in data["paragraphs"] if p["topics"]]
    assert on_topic and all(set(p["evidence"]) == set(p["topics"]) and all(p["evidence"].values()) for p in on_topic)
    assert all(word in p["text"] for p in on_topic for words in p["evidence"].values() for word in words)
    assert all(p["evidence"] == {} for p in data["paragraphs"] if not p["topics"])


def test_evidence_line_names_topic_and_words_and_runs_no_markup():
    from reader.models import TopicHit
    line = evidence_line((TopicHit("sanctions", 4.0, ("SWIFT", "[bold]sanctions")), TopicHit("jcpoa", 3.0, ("JCPOA",))),
                         {"sanctions": "Sanctions"})
    assert line.plain == "why: Sanctions — SWIFT, [bold]sanctions · jcpoa — JCPOA"
    assert evidence_line(()).plain == ""


def test_check_verbose_says_why_each_topic_has_its_passages(capsys):
    assert main(["check", "--verbose", "--no-cache"]) == 0
    reasons = [line for line in capsys.readouterr().out.splitlines() if line.startswith("topic ")]
    assert any(line.startswith("topic jcpoa: ") and "'jcpoa'" in line for line in reasons)
    assert not any(line.startswith("topic nuclear_dispute:") for line in reasons)  # no seed is on it


def test_the_readme_example_topic_works_as_documented(write):
    import re
    from pathlib import Path
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    block = re.search(r"Example — a topic for the Chabahar port:\n\n```yaml\n(.*?)```", readme, re.S).group(1)
    folder = bundled_config().parent
    matcher, topic_matcher = Matcher(load_gazetteer(folder / "gazetteer.yaml")), TopicMatcher(parse_topic_map(load_yaml(write("t.yaml", block))))
    on = "India will run the Shahid Beheshti terminal at Chabahar port under a new waiver."
    off = "The port of Rotterdam opened a new terminal."
    assert [h.topic for h in topic_matcher.passage_topics(on, matcher.mentions(on))] == ["chabahar_port"]
    assert topic_matcher.passage_topics(off, matcher.mentions(off)) == ()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 200), st.integers(1, 20)), max_size=12),
       st.integers(0, 220), st.integers(1, 15))
def test_passing_span_lookup_equals_a_scan_of_every_span(raw, start, length):
    """The binary search over merged passing spans answers as a scan of all of them would."""
    from reader.annotate.topics import _Intervals

    spans = [(a, a + n) for a, n in raw]
    end = start + length
    assert _Intervals(spans).overlaps(start, end) == any(a < end and start < b for a, b in spans)


# --- Russian and Persian signals, merged from topics.ru.yaml / topics.fa.yaml (issue 16) ---

CASES_RU = {
    "strategic_partnership": ("Путин и Пезешкиан подписали договор о всеобъемлющем стратегическом партнерстве.",
                              "Стратегия развития Москвы обсуждалась на заседании мэрии."),
    "syria": ("Российская авиация нанесла удары по боевикам в Идлибе, поддержав Башара Асада.",
              "Делегация пролетела над Кипром по пути в Грецию."),
    "astana_process": ("Россия, Иран и Турция как страны-гаранты астанинского формата договорились о зоне деэскалации.",
                       "Футбольный клуб «Астана» провёл переговоры с тренером."),
    "jcpoa": ("Иран и «евротройка» обсудили в Вене восстановление ядерной сделки и обогащение урана.",
              "Торговая сделка с Арменией касается сыра и тканей."),
    "civil_nuclear": ("«Росатом» построит ещё два энергоблока Бушерской АЭС.",
                      "Завод в Исфахане выпускает сталь для автопрома."),
    "sanctions": ("Вашингтон ввёл новые санкции против покупателей иранской нефти в рамках политики максимального давления.",
                  "Университет одобрил новый курс персидской поэзии."),
    "trilateral_summits": ("Президенты Ирана, России и Азербайджана провели трехсторонний саммит в Баку.",
                           "Президент Ирана провёл телефонный разговор о погоде."),
    "north_south_corridor": ("Россия профинансирует железную дорогу Решт — Астара в рамках МТК «Север — Юг».",
                             "Северный ветер принёс в Москву холод."),
    "caspian": ("Прикаспийские государства подписали в Актау конвенцию о статусе Каспийского моря.",
                "Каспийская кухня славится осетриной."),
    "energy_oil_gas": ("«Газпром» и Национальная иранская нефтяная компания договорились о разработке газовых месторождений.",
                       "Газета вышла утром."),
    "trade_investment": ("Товарооборот России и Ирана вырос на 20 процентов, сообщили в Минэкономразвития.",
                         "Магазин на углу закрылся на ремонт."),
    "banking_finance": ("Иран и Россия связали карты «Мир» и «Шетаб» и переходят на расчеты в национальных валютах.",
                        "Мир тесен, сказал он."),
    "military_security": ("Иран поставил России беспилотники и баллистические ракеты.",
                          "Военный оркестр сыграл на празднике в парке."),
    "terrorism": ("Россия и Иран договорились о совместной борьбе с терроризмом.",
                  "Сериал о террористах вышел на экраны."),
    "ukraine_war": ("Иран осудил специальную военную операцию? Нет, Тегеран поддержал Москву в конфликте на Украине.",
                    "Украинский борщ подали на ужин."),
    "regional_rivals": ("Россия сближается с Израилем и Саудовской Аравией, соперниками Ирана в регионе.",
                        "Соперник сборной Ирана по футболу определился."),
    "china": ("Иран и Китай подписали 25-летнее соглашение о сотрудничестве, Пекин закупает иранскую нефть.",
              "Фарфор называют китайским по традиции."),
    "afghanistan": ("Россия и Иран провели консультации по Афганистану в московском формате с участием талибов.",
                    "Афганская борзая победила на выставке собак."),
    "nagorno_karabakh": ("Иран выступает против Зангезурского коридора через Армению.",
                         "Армянский коньяк продаётся в магазине."),
    "space": ("Российская ракета-носитель вывела на орбиту иранский спутник «Хайям».",
              "Космическая музыка звучала на концерте."),
    "brics_sco": ("Иран стал членом ШОС и БРИКС, выступающих за многополярный мир.",
                  "Шоссе отремонтировали к лету."),
}

CASES_FA = {
    "strategic_partnership": ("پوتین و پزشکیان پیمان مشارکت راهبردی جامع را در مسکو امضا کردند.",
                              "راهبرد شهرداری مسکو برای زمستان اعلام شد."),
    "syria": ("جنگنده‌های روسیه مواضع تروریست‌ها را در ادلب هدف قرار دادند تا از بشار اسد حمایت کنند.",
              "هیئت از فراز قبرس به یونان رفت."),
    "astana_process": ("ایران، روسیه و ترکیه در روند آستانه درباره مناطق کاهش تنش در سوریه توافق کردند.",
                       "تیم فوتبال در آستانه بازی نهایی است."),
    "jcpoa": ("ایران و تروئیکای اروپایی در وین درباره احیای برجام و غنی‌سازی اورانیوم گفت‌وگو کردند.",
              "قرارداد تجاری با ارمنستان درباره پنیر است."),
    "civil_nuclear": ("روس‌اتم دو واحد جدید نیروگاه هسته‌ای بوشهر را می‌سازد.",
                      "کارخانه فولاد اصفهان تولید را افزایش داد."),
    "sanctions": ("واشنگتن در چارچوب فشار حداکثری تحریم‌های تازه‌ای علیه خریداران نفت ایران وضع کرد.",
                  "دانشگاه درس تازه‌ای در شعر فارسی گذاشت."),
    "trilateral_summits": ("روسای جمهور ایران، روسیه و جمهوری آذربایجان اجلاس سه‌جانبه را در باکو برگزار کردند.",
                           "رئیس‌جمهور ایران درباره هوا تلفنی گفت‌وگو کرد."),
    "north_south_corridor": ("روسیه هزینه راه‌آهن رشت-آستارا را در کریدور شمال-جنوب تامین می‌کند.",
                             "باد شمالی هوای مسکو را سرد کرد."),
    "caspian": ("کشورهای ساحلی خزر در آکتائو کنوانسیون رژیم حقوقی دریای خزر را امضا کردند.",
                "خاویار در بازار تهران گران است."),
    "energy_oil_gas": ("گازپروم و شرکت ملی نفت ایران برای توسعه میدان گازی قرارداد بستند.",
                       "گازهای خنده‌آور در آزمایشگاه."),
    "trade_investment": ("حجم تجارت ایران و روسیه بیست درصد افزایش یافت.",
                         "مغازه سر کوچه برای تعمیر بسته شد."),
    "banking_finance": ("ایران و روسیه کارت میر و شبکه شتاب را به هم وصل کردند و با پول‌های ملی تسویه می‌کنند.",
                        "شتاب خودرو در جاده زیاد بود."),
    "military_security": ("ایران به روسیه پهپاد و موشک بالستیک تحویل داد.",
                          "دسته موزیک نظامی در پارک نواخت."),
    "terrorism": ("ایران و روسیه بر مبارزه با تروریسم تاکید کردند.",
                  "فیلمی درباره تروریست‌ها روی پرده رفت."),
    "ukraine_war": ("غرب ایران را به ارسال پهپاد برای جنگ اوکراین متهم کرد.",
                    "غذای اوکراینی در رستوران سرو شد."),
    "regional_rivals": ("روسیه به اسرائیل و عربستان سعودی، رقیبان ایران در منطقه، نزدیک می‌شود.",
                        "رقیب تیم ملی ایران در جام مشخص شد."),
    "china": ("ایران و چین سند ۲۵ ساله همکاری را امضا کردند و پکن نفت ایران را می‌خرد.",
              "ظروف چینی در بازار فروخته شد."),
    "afghanistan": ("ایران و روسیه در قالب مسکو درباره افغانستان با طالبان رایزنی کردند.",
                    "فرش افغان در نمایشگاه فروخته شد."),
    "nagorno_karabakh": ("ایران با کریدور زنگزور از خاک ارمنستان مخالف است.",
                         "کنیاک ارمنی در مغازه فروخته می‌شود."),
    "space": ("موشک روسی ماهواره خیام ایران را به مدار برد.",
              "موسیقی فضایی در کنسرت پخش شد."),
    "brics_sco": ("ایران به سازمان همکاری شانگهای و بریکس پیوست که از جهان چندقطبی دفاع می‌کنند.",
                  "جاده شانگهای تعمیر شد."),
}


@pytest.mark.parametrize("topic", REQUIRED)
@pytest.mark.parametrize("cases", [CASES_RU, CASES_FA], ids=["ru", "fa"])
def test_russian_and_persian_evidence_fires_and_near_misses_do_not(engines, cases, topic):
    evidence, near_miss = cases[topic]
    assert topic in topics_of(engines, evidence)
    assert topic not in topics_of(engines, near_miss)


def test_language_companions_merge_by_topic_id(write):
    main = write("t.yaml", "topics:\n  a:\n    signals: {alpha: 3}\n  b:\n    signals: {beta: 2}\n    requires: [beta]\n")
    write("t.ru.yaml", "topics:\n  a:\n    signals: {ядерная сделка: 3}\n    requires: [ядерная сделка]\n"
                       "  b:\n    signals: {бета: 2}\n    requires: [бета]\n  zzz:\n    signals: {зет: 3}\n")
    topic_map = load_topic_map(main, use_cache=False)
    a, b = topic_map.get("a"), topic_map.get("b")
    assert ("ядерная сделка", 3.0) in a.phrases and a.requires == ()  # English 'a' needs nothing: nor does Russian
    assert b.requires == ("beta", "бета")
    assert any("'zzz'" in w for w in topic_map.warnings)
    matcher = TopicMatcher(topic_map)
    hits = matcher.passage_topics("Стороны обсудили судьбу ядерной сделки.", ())
    assert [(h.topic, h.evidence) for h in hits] == [("a", ("ядерной сделки",))]  # the passage's own words


def test_a_companion_with_a_bad_requires_is_an_error_with_its_place(write):
    main = write("t.yaml", "topics:\n  a:\n    signals: {alpha: 3}\n")
    write("t.fa.yaml", "topics:\n  a:\n    signals: {تحریم*: 2}\n    requires: [برجام]\n")
    with pytest.raises(ConfigError) as caught:
        load_topic_map(main, use_cache=False)
    assert caught.value.line == 4 and "t.fa.yaml" in str(caught.value)


def test_persian_signals_match_with_and_without_half_spaces(engines):
    for text in ("روسیه نیروگاه هسته‌ای تازه‌ای می‌سازد.", "روسیه نیروگاه هستهای تازهای میسازد.",
                 "روسيه نيروگاه هسته‌اي تازه‌اي مي‌سازد."):  # half-spaces, none, Arabic yeh
        assert topics_of(engines, text) == ["civil_nuclear"], text


def test_the_same_treaty_in_three_languages_gets_the_same_topics_and_one_trail(tmp_path):
    import shutil
    from pathlib import Path

    from reader.config import load_config
    from reader.library import Library

    fixtures = __import__("pathlib").Path(__file__).parent / "fixtures"
    for name in ("entities_en_treaty.txt", "entities_ru_tass.txt", "entities_fa_irna.txt"):
        shutil.copy(fixtures / name, tmp_path / name)
    library = Library(load_config(bundled_config()), [tmp_path], cache=False).ensure_fresh()
    name = {entry.id: Path(entry.path).name for entry in library.entries}
    topics = {name[doc.id]: set(doc.topics) for doc in library.documents()}
    assert topics["entities_ru_tass.txt"] == topics["entities_fa_irna.txt"] == topics["entities_en_treaty.txt"]
    assert {"strategic_partnership", "jcpoa", "civil_nuclear"} <= topics["entities_en_treaty.txt"]
    trail = {name[p.article_id] for p in library.trail("strategic_partnership")}
    assert trail == set(topics)
    putin = {name[article_id] for article_id, *_ in library.entity_articles("Vladimir Putin")}
    assert putin == set(topics)  # one canonical entity, mentioned in every language


# --- issue 15/16, second round: kinds of misses seen on the held-out sets ---

@pytest.mark.parametrize("passing,carried", [
    # a Russian series of names: a passing mention (the SCO observers), a country discussed on its own is not
    ("Наблюдателями в ШОС являются Белоруссия, Афганистан и Монголия.",
     "Россия и Иран призвали власти Афганистана сформировать инклюзивное правительство."),
    # the same in Persian, with the Arabic comma
    ("بلاروس، افغانستان و مغولستان عضو ناظر هستند.", "ایران و روسیه از حاکمان افغانستان خواستند دولتی فراگیر تشکیل دهند."),
    # a Russian inverted reporting clause: the speaker is not the news
    ("«Блок будет расти», — заявил Афганистан в понедельник.", "Дипломаты заявили, что Афганистан станет первым пунктом повестки."),
])
def test_a_passing_mention_in_russian_and_persian_is_not_a_topic(write, passing, carried):
    matcher = small_map(write, "    signals: {афганистан*: 3, افغانستان: 3}\n")
    assert not fires(matcher, passing)
    assert fires(matcher, carried)


def test_a_russian_or_persian_opening_clause_is_not_read_as_background():
    """Russian and Persian copy leaves an opening adverbial unpunctuated: its scope cannot be read off commas."""
    text = "После введения Западом ограничительных мер против Ирана Москве пришлось прекратить поставки."
    assert passing_spans(text) == []


@pytest.mark.parametrize("one_referent,two", [
    # title + country + name in Russian: Israel's prime minister by name is one referent
    ("Блинкен встретился с премьер-министром Израиля Биньямином Нетаньяху.",
     "Израиль нанёс удар, а Биньямин Нетаньяху выступил в кнессете."),
    # name, comma, title, country in Persian
    ("بنیامین نتانیاهو، نخست‌وزیر اسرائیل به مسکو رفت.", "اسرائیل حمله کرد و بنیامین نتانیاهو سخنرانی کرد."),
])
def test_a_title_joins_a_country_and_its_leader_in_every_language(write, one_referent, two):
    mentions = {"Израиля": "Israel", "Биньямином Нетаньяху": "Benjamin Netanyahu", "Израиль": "Israel",
                "Биньямин Нетаньяху": "Benjamin Netanyahu", "بنیامین نتانیاهو": "Benjamin Netanyahu", "اسرائیل": "Israel"}
    matcher = small_map(write, "    entities: {Israel: 2, Benjamin Netanyahu: 2}\n")

    def found(text):
        result = []
        for alias, canonical in mentions.items():
            at = text.find(alias)
            if at >= 0 and not any(m.start <= at < m.end for m in result):
                result.append(Mention(at, at + len(alias), alias, "GPE", canonical))
        return tuple(sorted(result, key=lambda m: m.start))

    assert not fires(matcher, one_referent, found(one_referent))
    assert fires(matcher, two, found(two))


def test_two_words_side_by_side_are_two_pieces_of_evidence(write):
    """Only names side by side are one referent: "нелегитимные санкции", "arch-enemy Israel" are two signals."""
    matcher = small_map(write, "    signals: {нелегитимн*: 1, санкци*: 2, arch-enemy: 2, israel: 2}\n")
    assert fires(matcher, "Никакие нелегитимные санкции не помешают нам.")
    assert fires(matcher, "Iran will watch its arch-enemy Israel.")
    assert not fires(matcher, "Никакие санкции не помешают нам.")


def test_a_russian_or_persian_adverbial_closed_by_a_comma_is_background():
    closed = "Через месяц после начала переговоров, Москва и Тегеран подписали договор."
    assert [closed[a:b] for a, b in passing_spans(closed)][:1] == ["после начала переговоров"]
    persian = "یک ماه بعد از شروع جنگ اوکراین، بانک‌ها از سوئیفت جدا شدند."
    assert [persian[a:b] for a, b in passing_spans(persian)] == ["بعد از شروع جنگ اوکراین"]


# Issue 15, English vocabulary as the press writes it: (topic, a passage that carries it, a near miss that must not).
PRESS_THEMES = [
    ("ukraine_war", "The use of Iranian-made drones by Russia in the Ukraine conflict has been widely documented.",
     "The conflict between the two football clubs ended in a fine."),
    ("nuclear_dispute", "The UN has demanded that Iran halt uranium enrichment but approved the fuel deliveries.",
     "The factory will halt steel production during the holiday."),
    ("civil_nuclear", "The head of Russia's atomic energy agency discussed the proposal to enrich uranium in Russia for Iranian reactors.",
     "The energy agency published new figures on wind power."),
    ("sanctions", "Both Russia and Iran are under heavy US and European Union sanctions that block their banks.",
     "Putin received the president of the other heavily sanctioned nation in Moscow."),
    ("military_security", "Iran supplied weapons and ammunition to Russia.",
     "Western powers fear Iran wants nuclear weapons."),
    ("military_security", "Iran and Russia expanded their military cooperation.",
     "The treaty covers areas ranging from trade and military cooperation to science, education and culture."),
    ("nagorno_karabakh", "Fighting between Armenia and Azerbaijan resumed along the border.",
     "Russian gas would reach Iran through Azerbaijan and Armenia."),
    ("syria", "The three foreign ministers will discuss the negotiation process on Syria.",
     "The ministers of Russia, Syria and Iraq discussed water."),
    ("nuclear_dispute", "World powers and Tehran have reached an interim deal on curbing Iran's nuclear work.",
     "The union and the company reached an interim deal on wages."),
    ("sanctions", "The Security Council imposed sanctions on Iran over its enrichment.",
     "Iran may be referred to the Security Council, a move that could bring the imposition of sanctions."),
    ("sanctions", "Washington targeted sanctioned tankers of the shadow fleet carrying Iranian crude.",
     "The tanker crossed the Caspian to Astrakhan."),
    ("energy_oil_gas", "Iran and Russia agreed on gas swaps through a new gas hub in the south.",
     "The new bus hub in Tehran opened on Monday."),
    ("trade_investment", "The volume of trade between Iran and Russia rose by a fifth.",
     "The customs officer checked bags at the airport."),
    ("banking_finance", "The central banks of Iran and Russia signed a currency swap agreement.",
     "The money transfer app crashed on Monday."),
    ("military_security", "Russia will deliver Yak-130 trainers and Mi-28 attack helicopters to Iran.",
     "The museum displays an old helicopter."),
    ("strategic_partnership", "The two presidents stressed the further development of Tehran-Moscow relations.",
     "The Tehran-Moscow flight was delayed by fog."),
    ("china", "Iranian oil producers offer deeper discounts to Chinese buyers.",
     "The Chinese restaurant in Tehran opened on Monday."),
    ("sanctions", "All the sanction measures are reversible, the ambassador said.",
     "The referee's measures against the players were reversible."),
    ("ukraine_war", "Iran urged Moscow and Kyiv to seek a political settlement between Russia and Ukraine.",
     "The Moscow and Tehran delegations met on Monday."),
    # a participle clause after a comma, or an "in addition to" adjunct, comments on the news: a passing mention
    ("ukraine_war", "Ukraine's allies say the drones are used in the war in Ukraine.",
     "The Kremlin has been forced to curb oil output, depriving it of funds for its war in Ukraine."),
    ("ukraine_war", "Russian forces used the satellite's images in the war against Ukraine.",
     "Officials fear the satellite will spy on Israel, in addition to helping Moscow wage war against Ukraine."),
    # a new predicate after the standing ties is the news, an illustration of them is not; a condition is a noun
    # phrase that does not run through a preposition
    ("military_security", "Russia has close ties with Iran and delivered Su-35 jets to it last year.",
     "Russia and Iran have close ties, including arms deals such as the Su-35 sale."),
    ("sanctions", "The EU agreed under pressure to new sanctions on Iran's airlines.",
     "Iran, under new sanctions since March, turned to Moscow."),
]


@pytest.mark.parametrize("topic,carried,near_miss", PRESS_THEMES)
def test_press_vocabulary_carries_a_theme(engines, topic, carried, near_miss):
    assert topic in topics_of(engines, carried)
    assert topic not in topics_of(engines, near_miss)


# Issue 16, Russian and Persian held-out misses read as kinds: a theme carried by the words the Russian
# (TASS, RIA, Interfax, Kommersant) and Persian (IRNA, Tasnim, Mehr, ISNA) press use for it, declined or
# with attached suffixes, each with a near miss that shares a word but not the theme.
THEMES_RU_FA = [
    # the situation in Syria, named as the press names it
    ("syria", "Министры обсудили обстановку в Сирии и на Ближнем Востоке.", "Министры обсудили обстановку на Ближнем Востоке."),
    ("syria", "Стороны обменялись мнениями о сирийском кризисе.", "Стороны обменялись мнениями о кризисе в экономике."),
    # the Russia-Iran-Turkey summit by its press name
    ("trilateral_summits", "Саммит «астанинской тройки» отложили из-за пандемии.", "Саммит отложили из-за пандемии."),
    # sanctions by their effect and by the bans they impose
    ("sanctions", "Сделка позволит ослабить влияние западных санкций на обе страны.", "Сделка позволит ослабить рубль."),
    ("sanctions", "На торговлю иранской нефтью наложено эмбарго.", "На торговлю иранской нефтью наложена пошлина."),
    ("sanctions", "Под эгидой санкций вступил в силу запрет на поставки в Россию многих товаров.",
     "Вступил в силу запрет на курение в парках."),
    # trade by its adjective, its volume and food trade
    ("trade_investment", "Объем торговых сделок в сфере сельского хозяйства достигнет 700 млн долларов.",
     "Объем сделок в сфере сельского хозяйства не раскрывается."),
    ("trade_investment", "Иран увеличил импорт пшеницы из России.", "Иран собрал хороший урожай пшеницы."),
    ("trade_investment", "Россия стала крупнейшим торговым партнером Ирана.", "Россия стала крупнейшим партнером клуба."),
    # the Afghan-Pakistani conflict is Afghanistan's
    ("afghanistan", "Министры обсудили разрешение афгано-пакистанских противоречий.", "Министры обсудили разрешение противоречий."),
    # the relationship by its common names
    ("strategic_partnership", "Эксперты оценили перспективы ирано-российских отношений.", "Эксперты оценили перспективы урожая."),
    ("strategic_partnership", "روابط جمهوری اسلامی ایران و روسیه هنوز در وضعیت مناسبی نیست.",
     "روابط عمومی شهرداری تهران اطلاعیه داد."),
    ("strategic_partnership", "ایران شریک قابل اعتماد روسیه است و روابط دو کشور بر پایه همکاری‌های پایدار است.",
     "روابط دو کشور همسایه در حوزه ورزش گسترش یافت."),
    # gas and oil trade by its verbs and units
    ("energy_oil_gas", "روسیه سالانه ۵۵ میلیارد مترمکعب گاز به ایران صادر می‌کند.", "مخزن آب شهر ۵۵ هزار مترمکعب گنجایش دارد."),
    ("energy_oil_gas", "قرارداد صادرات گاز روسیه به ایران امضا شد.", "قرارداد صادرات فرش به روسیه امضا شد."),
    ("energy_oil_gas", "Россия увеличит поставки газа в Иран через Азербайджан.", "Россия увеличит поставки зерна в Иран."),
    # the Caspian by its ships and drills
    ("caspian", "روسیه برگزاری رزمایش دریایی مشترک در دریای خزر را پیشنهاد داد.", "روسیه برگزاری رزمایش هوایی را پیشنهاد داد."),
    # the war named by a battle in its sky
    ("ukraine_war", "در آسمان اوکراین نبرد جنگنده‌های غربی و روسی در جریان است.", "در آسمان تهران پرواز جنگنده‌ها دیده شد."),
    # a rival's alarm at an arms deal
    ("regional_rivals", "تحویل جنگنده‌ها به ایران باعث نگرانی اسرائیل شده است.", "تحویل جنگنده‌ها به ایران باعث نگرانی شده است."),
    # banking links and payment cards
    ("banking_finance", "شبکه بانکی ایران و روسیه به هم متصل شد و کارت‌های بانکی پذیرفته می‌شوند.",
     "شبکه آبرسانی تهران نوسازی شد."),
    ("banking_finance", "Банки перешли на взаиморасчеты через корреспондентские отношения.", "Банки перешли на новый график работы."),
    # arms deliveries and the systems' names
    ("military_security", "Иран передал России крупную партию БПЛА.", "Иран передал России крупную партию фиников."),
    ("military_security", "ایران و روسیه همکاری‌های نظامی خود را گسترش دادند.", "ایران و روسیه همکاری‌های ورزشی خود را گسترش دادند."),
    # nuclear fuel for the plant
    ("civil_nuclear", "Твэл поставит тепловыделяющие сборки для Бушерской станции.", "Завод поставит сборки мебели."),
    # second round, from the fresh held-out set's misses (topicsrf4): the two presidents, the Astana-format summit
    ("strategic_partnership", "Президенты России и Ирана обсудили итоги года.", "Президенты России и Белоруссии обсудили итоги года."),
    ("strategic_partnership", "Отношения выйдут на новый уровень, который закрепит документ о всеобъемлющем сотрудничестве.",
     "Стороны подписали документ о сотрудничестве в области культуры."),
    # "bilateral cooperation" alone is any cooperation: a launch called its milestone is space, not the partnership
    ("strategic_partnership", "Лавров отметил укрепление отношений и двустороннее сотрудничество с Ираном.",
     "Глава Роскосмоса назвал запуск иранского спутника вехой в двустороннем сотрудничестве с Россией."),
    ("trilateral_summits", "Следующий саммит астанинского формата пройдет в России.",
     "Министр посетил Астану перед саммитом в Тегеране."),
    ("syria", "Министры обсудили события в Сирии.", "Министры обсудили события в Ливане."),
    ("sanctions", "Иран и Россия используют альтернативу SWIFT для банковских сообщений.", "Банки обеих стран подключены к SWIFT."),
    ("terrorism", "Москва и Тегеран выступают против терроризма.", "Фильм о террористах снят в Москве."),
    ("trilateral_summits", "نشست سه جانبه روسای جمهور ایران، روسیه و ترکیه در سوچی آغاز شد.", "نشست روسای دانشگاه‌های تهران برگزار شد."),
    ("trilateral_summits", "نخستین دور نشست سران سه کشور ضامن در سوچی برگزار شد.", "سه کشور در نمایشگاه کتاب سوچی شرکت کردند."),
    ("astana_process", "ما این فرمت را فرمول آستانه می‌نامیم.", "این فرمول ریاضی ساده است."),
    ("syria", "سران درباره تحولات سوریه گفت‌وگو کردند.", "سران درباره تحولات لبنان گفت‌وگو کردند."),
    ("terrorism", "موضوع مبارزه با تروریست‌ها در ادلب بررسی می‌شود.", "فیلمی درباره تروریست‌ها در ادلب ساخته شد."),
    ("terrorism", "ایران و روسیه با تروریسم مقابله می‌کنند.", "ایران و روسیه با سیل مقابله می‌کنند."),
    ("military_security", "ناوگروه روسیه وابسته به حوزه نظامی خزر وارد بندر انزلی شد.", "گروه گردشگران روسیه وارد بندر انزلی شد."),
    # "اطلاعاتی" is "some information" before it is intelligence: a rocket and a piece of news are not arms
    ("military_security", "ایران به روسیه موشک و پهپاد تحویل داد.",
     "ماهواره‌ای که تا کنون اطلاعاتی از آن منتشر نشده بود با موشک سایوز پرتاب می‌شود."),
]
# third round, from the second fresh set's misses (topicsrf4b): the attack, the observer, sanctions imposed, routes
THEMES_RU_FA += [
    ("terrorism", "Путин осудил теракт в Ширазе.", "Путин осудил решение суда в Ширазе."),
    ("terrorism", "ایران حمله تروریستی در شیراز را محکوم کرد.", "ایران حمله قلبی یک ورزشکار را تایید کرد."),
    ("brics_sco", "Мишустин приветствовал получение Ираном статуса наблюдателя при ЕАЭС.",
     "Мишустин приветствовал получение Ираном кредита."),
    ("sanctions", "Санкции были введены против иранских компаний.", "Энергоблок введен в эксплуатацию."),
    ("north_south_corridor", "Стороны призвали завершить строительство транспортных маршрутов и упростить таможенные процедуры.",
     "Стороны обсудили новые туристические маршруты."),
    ("strategic_partnership", "دیدارهای دوجانبه پوتین با مقامات ایران در تهران برگزار شد.",
     "دیدارهای دوجانبه وزیران ورزش برگزار شد."),
    ("strategic_partnership", "Проект договора о всеобъемлющем стратегическом российско-иранском партнерстве у президентов.",
     # the adjective names any joint body: context, as "Iran-Russia" is in English
     "Российско-иранская комиссия по сотрудничеству в Москве собралась снова."),
    ("banking_finance", "Центробанки договорились о взаиморасчетах в национальных валютах.",
     "Эксперт рассказал о долларах и адаптации взаиморасчетов."),
]
# fourth round, from the dev sets' misses and false topics (topicsrf5): each cause with a passage and its near miss
THEMES_RU_FA += [
    # a Russian participial clause between commas is not a list item: the sanctions it names are the subject
    ("sanctions", "Он также заявил, что санкции, введенные против Ирана и России, побудили сблизиться и «удовлетворить "
                  "потребности» двух государств.",
     "Он также заявил, что меры, введенные против Ирана и России, побудили сблизиться и «удовлетворить потребности» "
     "двух государств."),
    # a Persian ezafe joins "summit" to the first country of its list: the summit is not a listed item
    ("trilateral_summits", "معاون وزیر خارجه روسیه، می‌گوید «نشست ایران، روسیه و ترکیه در تهران به سران سه کشور اجازه "
                           "می‌دهد گفت‌وگو کنند.»",
     "معاون وزیر خارجه روسیه، می‌گوید «نمایشگاه ایران، روسیه و ترکیه در تهران به سران سه کشور اجازه می‌دهد گفت‌وگو کنند.»"),
    # "developing relations" needs its partners: multilateral ties with a bloc are not the Iran-Russia partnership
    ("strategic_partnership", "این سفر گامی مهم برای توسعه روابط ایران و روسیه است.",
     "این نشست گامی مهم برای توسعه روابط چندجانبه میان ایران و اعضای اتحادیه، شامل بلاروس، قزاقستان، روسیه، "
     "قرقیزستان و ارمنستان، خواهد بود."),
    # the "Russian-Iranian" of a joint body's name is context, not the relationship
    ("strategic_partnership", "Стороны обсудили российско-иранские отношения и сотрудничество.",
     "Об этом на заседании российско-иранской комиссии по торгово-экономическому сотрудничеству между Россией и "
     "Ираном заявил вице-премьер."),
    # a minister's title as chair of the joint economic commission is who he is, not the trade the passage is about
    ("trade_investment", "کمیسیون مشترک همکاری‌های اقتصادی ایران و روسیه در تهران تشکیل جلسه داد.",
     "فرزانه صادق، رئیس کمیسیون مشترک همکاری‌های اقتصادی ایران و جمهوری آذربایجان، از پروژه راه‌آهن بازدید کرد."),
    ("trade_investment", "Заседание межправительственной комиссии по торгово-экономическому сотрудничеству прошло в Тегеране.",
     "Сопредседатель межправительственной комиссии по торгово-экономическому сотрудничеству Павел Цивилев посетил "
     "выставку в Тегеране."),
]

# bypassing SWIFT is sanctions (SPEC §6), whichever way the press puts it; being connected to it is not
THEMES_RU_FA += [
    ("sanctions", "Могу подтвердить, что для банковских отношений Иран и Россия не нуждаются в SWIFT.",
     "Банки Ирана и России по-прежнему нуждаются в SWIFT."),
    ("sanctions", "ایران و روسیه برای روابط بانکی نیازی به سوئیفت ندارند.", "بانک‌های ایران و روسیه به سوئیفت متصل هستند."),
]
# one ambiguous word is never a topic (SPEC §6): a 25-year-old, satellite television, the poet Khayyam
THEMES_RU_FA += [
    ("china", "ایران و چین سند ۲۵ ساله همکاری را امضا کردند.", "ایران و روسیه و یک جوان ۲۵ ساله در مسکو."),
    ("china", "Иран и Китай подписали 25-летнее соглашение о сотрудничестве.",
     "Россия отметила 25-летний юбилей отношений с Ираном."),
    ("space", "روسیه ماهواره ایرانی را پرتاب کرد.", "روسیه و ایران درباره شبکه‌های ماهواره‌ای فارسی‌زبان گفت‌وگو کردند."),
    ("space", "Российская ракета вывела на орбиту спутник «Хайям».", "В Тегеране прочитали стихи Омара Хайяма."),
]
# fifth round, from the fresh held-out set's misses (topicsrf5h, scored once before these): word order, synonyms
THEMES_RU_FA += [
    # Iranian sources name Iran first: "отношения Ирана и России" as well as "отношения России и Ирана"
    ("strategic_partnership", "«Отношения Ирана и России стали намного шире, чем прежде», — сказал он.",
     "«Отношения Ирана и Ирака стали намного шире, чем прежде», — сказал он."),
    # "mutually beneficial cooperation" of the two is the relationship; with another country it is not
    ("strategic_partnership", "Россия и Иран продолжают наращивать взаимовыгодное сотрудничество.",
     "Россия и Китай продолжают наращивать взаимовыгодное сотрудничество."),
    ("military_security", "После войны взаимодействие Москвы и Тегерана в сфере обороны усилилось.",
     "Министр обороны России посетил выставку в Тегеране."),
    ("caspian", "Стороны предприняли ряд совместных шагов в области правового режима Каспийского моря.",
     "Стороны обсудили правовой режим инвестиций."),
    # a joint manoeuvre is a drill; a political manoeuvre is not
    ("military_security", "الجزیره گزارش داد: مانور مشترک دریایی ایران و روسیه از اهمیت بالایی برخوردار است.",
     "مانور سیاسی دولت روسیه در تهران خبرساز شد."),
    # sanctions imposed, the verb after its object (Persian is verb-final)
    ("sanctions", "ایالات متحده تحریم‌هایی را علیه ۱۴ فرد و ۲۸ نهاد روسی وضع کرد.",
     "ایالات متحده قوانین تازه‌ای را برای ۱۴ فرد و ۲۸ نهاد روسی وضع کرد."),
    ("military_security", "روسیه هواپیماهای بدون سرنشین ایرانی را برای حمله به شهرها خرید.",
     "روسیه هواپیماهای مسافربری ایرانی را برای پرواز به شهرها خرید."),
]
# a meeting of the two countries' leaders is the partnership's summitry (topics.yaml: "summits between the two
# leaders"); the same words with a third country's leader are not
THEMES_RU_FA += [
    ("strategic_partnership", "Тегерану и Москве необходимо развивать сотрудничество, заявил верховный лидер Ирана "
                              "Али Хаменеи на встрече с президентом России Владимиром Путиным.",
     "Премьер-министр Ирака на встрече с президентом России обсудил цены на нефть."),
    ("strategic_partnership", "پزشکیان در دیدار با پوتین در مسکو بر گسترش همکاری‌های تهران و مسکو تاکید کرد.",
     "نخست‌وزیر عراق در دیدار با پوتین درباره قیمت نفت گفت‌وگو کرد."),
]
# The nuclear file before 2015 by its talks, not by its name alone: the press still says "the Iranian nuclear problem".
NOT_THE_OLD_DISPUTE = [
    ("nuclear_dispute", "В Тегеране пройдет второй этап переговоров по иранской ядерной проблеме.",
     "Министры обменялись мнениями о Ближнем Востоке и затронули иранскую ядерную проблему."),
]


# The Russian press's own words for a theme, and the same words where they are not it (issue 16, the Russian dev set):
# the talks with the United States and the snapback by what they are; ties named by the two countries; the
# Astana-format summit; "в Украине" beside "на Украине"; the Israel–Iran war; names whose words are not the theme.
RU_PRESS = [
    # the barter scheme by its press name; an exchange of concessions is no trade
    ("trade_investment", "Иран и Россия начнут сотрудничество по контракту «нефть в обмен на товары».",
     "Иран и Россия обсудили снятие санкций в обмен на ограничение ядерной программы."),
    # ships beside the sea's name (the English map's "vessels"); ships alone are no sea
    ("caspian", "Спасательные учения начались в акватории Каспийского моря при участии российских и иранских кораблей.",
     "Спасательные учения начались при участии российских и иранских кораблей."),
    ("jcpoa", "Аракчи и Уиткофф обсудили в Женеве возможное соглашение по ядерной программе Ирана.",
     "Ученые обсудили программу конференции по ядерной физике."),
    ("jcpoa", "Москва не признает механизм восстановления санкций против Ирана, заявил постпред.",
     "Механизм восстановления лесов после пожаров обсудили в Минприроды."),
    ("strategic_partnership", "Россия и Иран обсудили расширение отношений.",
     "Россия обсудила с Саудовской Аравией расширение отношений."),
    ("strategic_partnership", "Связи РФ и Ирана находятся на подъеме, отметил Путин.",
     "Связи РФ и Индии находятся на подъеме, отметил Путин."),
    ("trilateral_summits", "Лидеры договорились провести следующий саммит в астанинском формате в Тегеране.",
     "Футбольный клуб «Астана» провел тренировку в новом формате."),
    ("ukraine_war", "Иран передал России беспилотники для боевых действий в Украине.",
     "Иран передал России беспилотники для учений."),
    ("regional_rivals", "Захарова осудила нападение США и Израиля на Иран.",
     "Захарова осудила нападение на журналистов в Париже."),
    ("regional_rivals", "Россия обеспокоена эскалацией напряженности между Израилем и Ираном.",
     "Россия обеспокоена эскалацией напряженности между Арменией и Азербайджаном."),
    ("civil_nuclear", "Росатом построит в Иране АЭС для мирного использования атомной энергии.",
     "Вашингтон считает, что Тегеран под прикрытием программы по мирному использованию атомной энергии ведет "
     "секретные работы."),
    ("trade_investment", "Объем взаимной торговли России и Ирана вырос на 20%.",
     "Объем взаимной помощи России и Ирана вырос на 20%."),
    ("sanctions", "США ввели новые санкции против иранских компаний.",
     "Иран готов обсуждать с США деловые соглашения в случае снятия санкций."),
    ("military_security", "В Министерстве обороны России сообщили о новых ракетах.",
     "В Армии обороны Израиля сообщили о новых ракетах."),
    ("military_security", "Стороны обсудили оружие и вопросы безопасности.",
     "Стороны выступают за урегулирование на основе договора о нераспространении ядерного оружия при обеспечении "
     "интересов безопасности всех государств."),
]


# Misses of the Russian and Persian dev set of topicsru9 (issue 16): the 2025–2026 talks' "new deal" and the lifting of
# sanctions; a Security Council resolution's measures by what they do; the talks before the deal by the six and the
# interim deal; the Persian press's new treaty "between the two countries". Each phrase is context or needs support.
RU_FA_DEVSET9 = [
    ("jcpoa", "Об этом (новой сделке и отмене санкций) должны договариваться Иран и Соединенные Штаты.",
     "Об этом (новой сделке по поставкам газа) должны договариваться Иран и Россия."),
    ("jcpoa", "Иран и США обсудили отмену санкций и новую сделку.",
     "Россия добивается отмены санкций."),
    ("sanctions", "Сторонники строгих мер в отношении Ирана рассчитывали убедить Россию высказаться за санкции.",
     "Власти Ирана приняли строгие меры против распространения вируса."),
    ("sanctions", "Россия добилась более мягкого подхода к замораживанию счетов иранских организаций, попавших под санкции.",
     "Суд отменил замораживание счетов иранской компании."),
    ("sanctions", "Совет Безопасности наложил санкции на иранские банки.",
     "Совет Безопасности наложил запрет на поставки ракет."),
    ("nuclear_dispute", "Иран договорился с шестеркой о промежуточном соглашении по ядерной проблеме.",
     "Шестерка лидеров обсудила промежуточное соглашение о торговле."),
    ("strategic_partnership",
     "لاوروف گفت مسکو و تهران روی پیش‌نویس یک توافقنامه جدید بین دو کشور کار می‌کنند که اصول همکاری آنها را تعریف می‌کند.",
     "لاوروف گفت روی پیش‌نویس یک توافقنامه جدید بین دو کشور کار می‌کنیم."),
    # the sanctions on Russia that reach Iran: a cut from SWIFT with its object between, restrictions by their name
    ("sanctions", "Отключение российских банков от SWIFT ударило по торговле с Ираном.",
     "Иранские банки перешли от SWIFT к собственной системе сообщений."),
    ("sanctions", "Антироссийские ограничения ударили по торговле с Ираном.",
     "Ограничения скорости на трассе Решт — Астара ударили по торговле с Ираном."),
    ("sanctions", "قطع دسترسی بانک‌های روسیه به سوئیفت به تجارت با ایران آسیب زد.",
     "بانک مرکزی ایران به سوئیفت متصل شد."),
    ("sanctions", "محدودیت‌های غرب علیه مسکو و تحریم‌ها پرداخت‌های صادرکنندگان ایرانی را دشوار کرد.",
     "محدودیت‌های ترافیکی در تهران پرداخت‌های رانندگان را دشوار کرد."),
    # the talks with the United States by their parties, beside the programme; talks on prisoners are not the deal
    ("jcpoa", "مذاکرات ایران و آمریکا در مسقط درباره برنامه هسته‌ای برگزار شد.",
     "مذاکرات ایران و آمریکا درباره تبادل زندانیان برگزار شد."),
    # the strikes of 2025 by their target and the attacker by its capital; a strike on a plant elsewhere is not Iran's
    ("regional_rivals", "Россия осуждает атаки США на ядерные объекты Ирана: агрессия Вашингтона нарушает Устав ООН.",
     "Россия осуждает удары по ядерным объектам на Украине."),
    # a summit "of the presidents of" three countries: the title does not join the summit to the list of its countries,
    # so the list's damping does not reach the summit (TopicMatcher's merge)
    ("trilateral_summits", "Трехсторонний саммит президентов Азербайджана, Ирана и России прошел в Баку.",
     "Саммит президентов Азербайджана и Ирана прошел в Баку."),
    # a meeting of the leaders of three countries named in a row (frames_ru.three_leaders_frames); of ministers, no summit
    ("trilateral_summits", "14 августа в Сочи состоится встреча президентов России, Азербайджана и Ирана.",
     "Встреча министров транспорта России, Азербайджана и Ирана прошла в Баку."),
    # drills beside the sea's name; drills on another sea are not the Caspian's
    ("caspian", "Россия и Иран провели совместные учения на Каспии.",
     "Россия и Иран провели совместные учения в Индийском океане."),
]

# Russian and Persian readings of issue 16's misses (topicsrf7): passing mentions (passing_rufa: a ", а также …" tail,
# a «که …» clause on the subject, sanctions only foreseen, the sidelines of a summit, a Persian series of ezafe
# chains); a three-way meeting of ministers is no summit; a Persian signal in the other number.
PASSING_RU_FA = [
    ("syria", "Стороны обсудили поставки пшеницы, а также обсудили ситуацию в Сирии.",
     "Стороны обсудили поставки пшеницы, а также ситуацию в Сирии и Афганистане."),
    ("sanctions", "ایران سال‌ها زیر تحریم‌های آمریکا بوده است و اکنون با روسیه قرارداد گازی امضا کرد.",
     "ایران که سال‌ها زیر تحریم‌های آمریکا بوده است، اکنون با روسیه قرارداد گازی امضا کرد."),
    ("sanctions", "Совбез ООН ввел санкции против Тегерана.",
     "Резолюция предусматривает возможность введения санкций против Тегерана."),
    ("sanctions", "آمریکا تحریم‌های تازه‌ای علیه ایران اعمال کرد.",
     "ممکن است آمریکا تحریم‌های تازه‌ای علیه ایران اعمال کند."),
    ("trilateral_summits", "Трехсторонняя встреча президентов России, Ирана и Азербайджана прошла в Баку.",
     "Трехсторонняя встреча министров транспорта России, Ирана и Азербайджана прошла в Баку."),
    ("trilateral_summits", "نشست سه‌جانبه روسای جمهور ایران، روسیه و آذربایجان در باکو برگزار شد.",
     "نشست سه‌جانبه وزرای حمل‌ونقل ایران، روسیه و آذربایجان در باکو برگزار شد."),
    # the occasion of a meeting is its setting: what was said there is the news
    ("brics_sco", "Путин выступил на саммите ШОС в Тяньцзине.",
     "Путин встретился с Пезешкианом на полях саммита ШОС в Тяньцзине и обсудил с ним погоду."),
    # a cause told after the verb, to the full stop, is background as in English ("due to sanctions")
    ("sanctions", "США ввели санкции против Ирана, и строительство АЭС было заморожено.",
     "Строительство АЭС было заморожено из-за введенных США санкций."),
    # the Astana format by its own name for its members, both parts of the compound declined
    ("astana_process", "Путин прибыл на встречу стран-гарантов сирийского урегулирования в Тегеране.",
     "Путин прибыл на встречу с гарантами сделки в Тегеране."),
    # a Persian signal's head noun in the other number: "پول ملی" for the listed "پول‌های ملی"
    ("banking_finance", "مسکو با همکاری ایران پول ملی را در تعاملات تجاری به کار می‌برد.",
     "مسکو با همکاری ایران پول زیادی را در پروژه‌های تجاری به کار می‌برد."),
    # a Persian series of ezafe chains: each item is a noun phrase of up to five words
    ("jcpoa", "لاوروف و ظریف درباره اوضاع پیرامون برجام پس از خروج آمریکا گفت‌وگو کردند.",
     "لاوروف و ظریف همکاری‌های دوجانبه، مسائل مربوط به سوریه و اوضاع پیرامون برجام را بررسی کردند."),
    ("brics_sco", "پوتین در نشست سران سازمان همکاری شانگهای سخنرانی کرد.",
     "پوتین در حاشیه نشست سران سازمان همکاری شانگهای با پزشکیان دیدار کرد."),
]
# The relationship worded by grammar, not by a listed phrase (frames_ru): another head noun, another word order, the
# two sides' adjective straight before the noun; a field's adjective makes it that field's cooperation.
FRAMES_RU = [
    ("strategic_partnership", "Путин подчеркнул, что история взаимоотношений Ирана и России насчитывает столетия.",
     "Путин подчеркнул, что история торговых взаимоотношений Ирана и России насчитывает столетия."),
    ("strategic_partnership", "Путин отметил, что между Москвой и Тегераном сложились дружеские отношения.",
     "Путин отметил, что между Москвой и Тегераном открылся прямой авиарейс, а отношения с Баку крепнут."),
    ("strategic_partnership", "Президенты обсудили вопросы развития российско-иранского сотрудничества.",
     "Президенты обсудили вопросы развития российско-иранского торгово-экономического сотрудничества."),
    # a listed phrase with an adjective put before its last noun; a field's adjective makes it that field's
    ("jcpoa", "Москва не признает механизм восстановления международных санкций против Ирана, заявил постпред.",
     "Москва не признает механизм восстановления международных лесов, заявил постпред."),
    ("strategic_partnership", "Россия и Иран обсудили развитие добрососедских отношений.",
     "Россия и Иран обсудили развитие торговых отношений."),
    # a listed phrase with a genitive complement after its first noun; a comma ends the complement
    ("jcpoa", "Лавров обвинил Запад в срыве переговоров Ирана и США по ядерной программе.",
     "Лавров обвинил Запад в срыве переговоров Ирана и США, по его словам, ядерная программа ни при чем."),
]


def test_a_russian_frame_does_not_outweigh_a_listed_phrase_inside_it(engines):
    """"удары США и Израиля по Ирану" reads as "удары по Ирану" (2) without its genitive complement; the listed
    "удары США и Израиля" (3) inside that stretch keeps its weight."""
    assert "regional_rivals" in topics_of(engines, "МИД России осудил удары США и Израиля по Ирану.")


@pytest.mark.parametrize("topic,carried,near_miss", PASSING_RU_FA + FRAMES_RU)
def test_a_russian_or_persian_passing_mention_is_not_a_topic(engines, topic, carried, near_miss):
    assert topic in topics_of(engines, carried)
    assert topic not in topics_of(engines, near_miss)


@pytest.mark.parametrize("text,passing", [
    ("Стороны обсудили торговлю, а также ситуацию в Сирии. Потом уехали.", ["а также ситуацию в Сирии"]),
    ("Стороны обсудили торговлю, а также подписали соглашение.", []),  # a second predicate: news
    ("Россия и Иран обсудили возможности обхода санкций.", []),  # evading them is the theme itself
    ("Им грозят санкции, если сделка сорвется.", []),  # "грозят" is not the singular "грозит": no match
    ("ایران که زیر تحریم بوده، اکنون گاز می‌خرد.", ["که زیر تحریم بوده"]),
    ("لاوروف گفت که تحریم‌ها، به نفع کسی نیست.", []),  # «که» after a verb opens a complement clause
    ("در حالی که تحریم‌ها ادامه دارد، تجارت رشد کرد.", []),  # a conjunction's «که»: not a subject's clause
    ("ایران که زیر تحریم بوده اکنون گاز می‌خرد.", []),  # no comma closes the clause: its end is unknown
    ("ایران، روسیه را شریک راهبردی و اساسی خود می‌داند.", []),  # an object (را) opens a clause: no series
    ("Проект был заморожен из-за санкций.", ["из-за санкций"]),  # a cause closing its sentence after the verb
    ("МИД выразил тревогу после того как Израиль атаковал Иран.", []),  # a clause with its own verb: the news
    ("Проект из-за санкций был заморожен.", []),  # before the verb: its scope is not known
])
def test_russian_and_persian_passing_spans(text, passing):
    assert [text[a:b] for a, b in passing_spans(text)] == passing


@pytest.mark.parametrize("topic,carried,near_miss", THEMES_RU_FA + NOT_THE_OLD_DISPUTE + RU_PRESS + RU_FA_DEVSET9)
def test_a_russian_or_persian_theme_is_carried_by_its_press_words(engines, topic, carried, near_miss):
    assert topic in topics_of(engines, carried)
    assert topic not in topics_of(engines, near_miss)


def test_a_russian_adverbial_whose_comma_closes_the_main_clause_is_not_background(engines):
    """"После введения санкций Москва прекратила поставки, заявил министр": the comma ends the news, not the
    adverbial; "после того как …," has its verb by right, and a short adverbial closed by its comma is background."""
    news = "После введения санкций Москва прекратила поставки, заявил министр."
    assert passing_spans(news) == [] and "sanctions" in topics_of(engines, news)
    strikes = "После ударов Израиля по Ирану Россия эвакуировала своих граждан, сообщил МИД."
    assert "regional_rivals" in topics_of(engines, strikes)
    closed = "После ударов Израиля по Ирану, Россия призвала стороны к сдержанности."
    assert [closed[a:b] for a, b in passing_spans(closed)] == ["После ударов Израиля по Ирану"]
    clause = "После того как Израиль атаковал Иран, Россия призвала к сдержанности."
    assert [clause[a:b] for a, b in passing_spans(clause)] == ["После того как Израиль атаковал Иран"]


def test_a_russian_recap_is_background_to_its_paragraph_end(engines):
    recap = "Напомним, в условиях антииранских санкций США Иран ищет партнеров. Ранее об этом писали СМИ."
    assert [recap[a:b] for a, b in passing_spans(recap)] == [recap]
    assert "sanctions" not in topics_of(engines, recap)
    assert "sanctions" in topics_of(engines, recap.replace("Напомним, в", "В"))
    told = "Как просил не напоминать Лавров, санкции против Ирана введены вновь."  # no recap: a word inside another
    assert "sanctions" in topics_of(engines, told)


def test_a_range_that_opens_a_series_is_listed_from_its_start():
    text = "The deal covers areas ranging from trade and military cooperation to science, education, and culture."
    assert [text[a:b] for a, b in passing_spans(text)][:1] == ["from trade and military cooperation to science"]
    moved = "Iran moved from defence talks to military cooperation, officials said."
    assert passing_spans(moved) == []  # a range with no series after it is the clause itself


def test_words_inside_a_name_only_the_model_found_still_count(engines):
    from reader.models import Mention
    _, topic_matcher = engines
    text = "Russia will build the second and third blocks of Iran's Bushehr Nuclear Power Plant."
    name = "Bushehr Nuclear Power Plant"
    start = text.index(name)

    def topics(source):
        mention = Mention(start, start + len(name), name, "ORG", name, source)
        return [hit.topic for hit in topic_matcher.passage_topics(text, [mention])]

    assert "civil_nuclear" in topics("model")  # a name no topic lists: its words are the evidence
    assert "civil_nuclear" not in topics("gazetteer")  # a known name's words are not words ("UN Security Council")


def test_a_bracketed_aside_stays_inside_its_list_item(engines):
    text = ("The members approved the bids of Saudi Arabia, the United Arab Emirates (UAE), Iran, Ethiopia, Egypt and "
            "Argentina, which will join the bloc.")
    assert "the United Arab Emirates (UAE)" in [text[a:b] for a, b in passing_spans(text)]
    assert "regional_rivals" not in topics_of(engines, text)
    assert "regional_rivals" in topics_of(engines, "Saudi Arabia (KSA) and Israel, Iran's main rivals, watched the talks.")


def test_a_ministry_or_rosatom_counts_for_the_field(library, write):
    """A short report names its country through an institution (the Russian Foreign Ministry, Rosatom):
    those are field entities too, so it is not taken for an off-field article."""
    path = write("snapback.txt", "وزارت امور خارجه روسیه در بیانیه‌ای بازگرداندن تحریم‌های شورای امنیت علیه ایران "
                 "در سازوکار اسنپ‌بک را غیرقانونی خواند.\n")
    assert {"jcpoa", "sanctions"} <= set(library.resolve(str(path)).topics)
    football = write("football.txt", "FC Astana beat Kairat 2-0 in Astana.\n\nThe Russian Foreign Ministry was not involved.\n")
    assert library.resolve(str(football)).topics == ()


def test_a_russian_participial_clause_is_not_read_as_a_series():
    clause = "Он заявил, что санкции, введенные против Ирана и России, побудили стороны сблизиться и договориться."
    assert not any("санкции" in clause[a:b] for a, b in passing_spans(clause))
    series = "Наблюдателями являются Белоруссия, Афганистан, Монголия и Иран."  # capitalised names: still a series
    assert "Афганистан" in [series[a:b].strip() for a, b in passing_spans(series)]


@pytest.mark.parametrize("text,field", [
    # the two navies name the two countries: the organisation recogniser takes the country into the name (issue 16,
    # topicsru9: a Caspian drill article got no topic)
    ("ВМФ России и ВМС Ирана провели совместные военно-морские учения на Каспии.", True),
    ("نیروی دریایی روسیه و نیروی دریایی ایران رزمایش مشترک در دریای خزر برگزار کردند.", True),
    # other countries' navies on the same sea are not the field
    ("ВМС Казахстана и ВМС Азербайджана провели совместные военно-морские учения на Каспии.", False),
])
def test_an_organisation_named_by_a_field_country_counts_for_the_field(tmp_path, text, field):
    from reader.config import load_config
    from reader.library import Library

    (tmp_path / "navy.txt").write_text(text + "\n", encoding="utf-8")
    library = Library(load_config(bundled_config()), [tmp_path], cache=False).ensure_fresh()
    (doc,) = library.documents()
    assert bool(doc.topics) is field
    assert ("military_security" in doc.topics) is field


def test_one_treaty_trail_runs_across_languages_in_date_order(tmp_path):
    """A TASS-style Russian story (signing), an English report (the Duma ratifies) and an IRNA-style Persian one (the
    Majlis ratifies), named against their date order: the trail runs Russian, English, Persian by date."""
    import shutil
    from pathlib import Path

    from reader.config import load_config
    from reader.library import Library

    folder = Path(__file__).parent / "fixtures" / "topics_trail"
    for path in folder.iterdir():
        shutil.copy(path, tmp_path / path.name)
    library = Library(load_config(bundled_config()), [tmp_path], cache=False).ensure_fresh()
    name = {entry.id: entry.path.rsplit("/", 1)[-1] for entry in library.entries}
    trail = library.trail("strategic_partnership")
    articles = list(dict.fromkeys(name[p.article_id] for p in trail))
    assert articles == ["3_ru_tass_signing.txt", "2_en_reuters_duma.txt", "1_fa_irna_majlis.txt"]
    assert [p.date for p in trail] == sorted(p.date for p in trail) and trail[0].date == "2025-01-17"
    steps = library.trail_steps("strategic_partnership")
    last_russian = [p for p in trail if name[p.article_id].startswith("3_")][-1]
    assert name[steps.step(last_russian.article_id, last_russian.index, 1).article_id] == "2_en_reuters_duma.txt"


# --- issue 15 (topicsen5): clauses that describe, asides that do not add up, names in passing ------------------

def test_a_relative_clause_on_the_subject_is_a_passing_mention(write):
    matcher = small_map(write, "    signals: {nuclear deal: 3}\n")
    # set between the subject and its verb, it describes the subject
    assert not fires(matcher, "Iran, which sought to save the nuclear deal with European signatories, signed a trade pact.")
    # at a sentence's end it tells the news: the summit was about the deal
    assert fires(matcher, "Putin attended the second summit with Rouhani and Aliyev, which largely focused on the nuclear deal.")
    # a long subject is not "a short subject at the sentence's start"
    assert fires(matcher, "The talks that Russia hosted in Moscow for three days, which revived the nuclear deal, ended.")



def test_asides_in_different_clauses_do_not_add_up(write):
    matcher = small_map(write, "    signals: {arms embargo: 3, sanctions against: 3, lifted: 1}\n")
    two_asides = ("Moscow suspended the contract in 2010, citing a UN resolution that placed an arms embargo on Tehran. "
                  "Putin lifted the ban in 2015, shortly after Iran reached a framework deal to remove all sanctions against Tehran.")
    assert not fires(matcher, two_asides)  # 1 asserted + the heavier aside (1), not 1 + 1 + 1
    assert fires(matcher, "Putin lifted the arms embargo in 2015, shortly after Iran reached a framework deal.")


def test_the_items_of_one_list_still_add_up_as_one_aside(write):
    matcher = small_map(write, "    signals: {drones: 3, missiles: 3, shells: 3, lifted: 1}\n")
    # three listed signals of one topic are one passing mention worth a whole
    assert fires(matcher, "Iran sent drones, missiles and shells.")
    # one listed signal with an unrelated background clause is not
    assert not fires(matcher, "Iran sent food, drones and tents, after talks on missiles with Moscow.")


def test_names_in_passing_weigh_less_for_the_field():
    from reader.annotate.topics import TopicMap
    from reader.models import Mention as M
    matcher = TopicMatcher(TopicMap((), frozenset({"Iran", "Russia"}), 2))
    listed = "The sea, bordered by Azerbaijan, Iran, Kazakhstan, Russia, and Turkmenistan, is rich in oil."
    names = [M(listed.index(n), listed.index(n) + len(n), n, "GPE", n) for n in ("Iran", "Russia")]
    assert matcher.in_field([names])  # without the text every name counts
    assert not matcher.in_field([names], [listed])  # two names in a list weigh less than two asserted ones
    asserted = "Iran and Russia signed the treaty."
    both = [M(0, 4, "Iran", "GPE", "Iran"), M(9, 15, "Russia", "GPE", "Russia")]
    assert matcher.in_field([both], [asserted])
    many = "It was signed by Iran, Russia, Iran's president and Russia's president."
    spans = [(17, 21), (23, 29), (31, 35), (52, 58)]
    assert matcher.in_field([[M(a, b, many[a:b], "GPE", many[a:b]) for a, b in spans]], [many])  # four listed: 2.67


def test_a_report_on_the_sea_naming_its_shore_in_a_list_gets_no_topics(library, write):
    path = write("seals.txt", "Seals die on the coast\n\nScores of Caspian seals were found dead on the coast of Kazakhstan.\n\n"
                 "The Caspian Sea, bordered by Azerbaijan, Iran, Kazakhstan, Russia, and Turkmenistan, is rich in oil "
                 "and gas reserves.\n\nScientists are inspecting the coast daily.\n")
    assert library.resolve(str(path)).topics == ()
    shore = write("convention.txt", "Convention signed\n\nIran and Russia signed the convention on the Caspian Sea with "
                  "the other littoral states in Aktau.\n\nThe Caspian Sea, bordered by Azerbaijan, Iran, Kazakhstan, Russia, "
                  "and Turkmenistan, is rich in oil and gas reserves.\n")
    assert "caspian" in library.resolve(str(shore)).topics


def test_one_passage_share_must_be_a_share(write):
    with pytest.raises(ConfigError, match="one_passage_share"):
        small_map(write, "    signals: {bilateral relations: 3}\n    one_passage_share: 2\n")


def test_a_topic_with_one_passage_share_needs_a_theme_not_a_line(write):
    from reader.models import TopicHit
    body = ("topics:\n  t:\n    signals: {bilateral relations: 3}\n    one_passage_share: 0.5\n"
            "  s:\n    signals: {syria: 3}\n")
    matcher = TopicMatcher(parse_topic_map(load_yaml(write("two.yaml", body))))
    line = TopicHit("t", 3.0, ("bilateral relations",))
    syria = [(TopicHit("s", 4.0, ("Syria",)),), (TopicHit("s", 4.0, ("Syria",)),)]
    # one line on the relations in a report on Syria (3 against 8): not the article's topic, nor its passage's
    assert matcher.article_hits([*syria, (line,)]) == (*syria, ())
    # the same line as the article's main evidence (3 against 4): its topic
    assert matcher.article_hits([syria[0], (line,)]) == (syria[0], (line,))
    # two passages on it: a theme, whatever the share
    assert matcher.article_hits([*syria, (line,), (line,)]) == (*syria, (line,), (line,))
    # the lead on it: the article's topic, whatever the share
    assert matcher.article_hits([(line,), *syria]) == ((line,), *syria)
    # a topic without the key keeps its one passage
    assert matcher.article_hits([(TopicHit("s", 3.0, ("Syria",)),), (line,), (line,), (line,)])[0] != ()


def test_a_line_on_bilateral_relations_does_not_make_a_report_on_the_partnership(library, write):
    report = ("Talks on Syria\n\nRussian and Iranian diplomats met in Moscow to discuss the Syrian conflict and the "
              "de-escalation zones around Idlib, where Syrian government forces backed by Russian air power fight militants.\n\n"
              "The war in Syria and the fate of Bashar al-Assad's government dominated the talks in Moscow.\n\n"
              "Moscow and Tehran have made progress in all areas of bilateral relations, Lavrov said.\n")
    topics = library.resolve(str(write("syria.txt", report))).topics
    assert "syria" in topics and "strategic_partnership" not in topics
    partnership = ("Putin and Pezeshkian sign treaty\n\nIran and Russia signed a comprehensive strategic partnership "
                   "treaty in Moscow, a new chapter in bilateral relations.\n\nThe two presidents also discussed Syria.\n")
    assert "strategic_partnership" in library.resolve(str(write("treaty.txt", partnership))).topics


def test_a_trilateral_meeting_of_ministers_is_not_a_summit(engines):
    ministers = "The foreign ministers of Russia, Syria and Iran will discuss the negotiation process during a trilateral meeting."
    assert "trilateral_summits" not in topics_of(engines, ministers)
    presidents = ("Russian President Vladimir Putin, Iranian President Ebrahim Raisi and Turkish President Recep Tayyip "
                  "Erdogan held a trilateral meeting in Tehran on Tuesday.")
    assert "trilateral_summits" in topics_of(engines, presidents)


# (topic body, an aside that must not fire, the same words carrying the news, which must)
ASIDES = [
    # a date told by an event
    ("    signals: {invasion of ukraine: 3}\n",
     "The package marked the second anniversary of Russia's invasion of Ukraine, officials said.",
     "The package answered Russia's invasion of Ukraine, officials said."),
    # examples after "including", for an item's length: farther on, what follows is the news
    ("    signals: {energy: 1, gas swap: 3, oil: 2}\n",
     "The two countries will cooperate in various fields including energy and oil.",
     "Diplomats met their counterparts including from Russia in Vienna to agree a gas swap."),
    # a purpose told as a reaction
    ("    signals: {sanction*: 2, western sanctions: 3, unilateral: 1}\n",
     "The two nations have increased cooperation to negate the effect of unilateral western sanctions.",
     "The EU adopted unilateral western sanctions on the two nations' banks."),
    # an addition after "as well as"
    ("    signals: {sco: 3}\n",
     "Putin and Raisi discussed the nuclear deal, as well as issues related to the next SCO summit.",
     "Putin and Raisi discussed issues related to the next SCO summit."),
    # a threat of sanctions is not sanctions
    ("    signals: {un sanctions: 3}\n",
     "The threat of UN sanctions has not changed the government's position, the ministry said.",
     "The council imposed UN sanctions on the government's banks, the ministry said."),
    # what a body could do, told in a relative clause
    ("    signals: {sanction*: 2, impos*: 1}\n",
     "The allies want Iran referred to the council, which can impose sanctions.",
     "The allies imposed sanctions on Iran."),
    # an appositive on the sentence's subject describes it
    ("    signals: {natural gas reserves: 3}\n",
     "Iran, site of the world's second-largest natural gas reserves, resumed nuclear research.",
     "Iran opened its natural gas reserves to Russian companies."),
    # a clause on a place describes the place
    ("    signals: {assad: 3}\n",
     "Iranian and Russian envoys met in Damascus, where they back Assad.",
     "Iranian and Russian envoys said they back Assad."),
    # the target of a strike
    ("    signals: {islamic state: 3}\n",
     "Russian bombers from Hamadan struck targets of the Islamic State near Aleppo.",
     "The Islamic State claimed the attack in Tehran."),
    # the target of sanctions: a sector named is not that sector's topic
    ("    signals: {oil: 2, petrochemical*: 2}\n",
     "Washington announced sanctions on Iran's oil and petrochemical sectors.",
     "Iran raised its oil and petrochemical exports to Russia."),
    ("    signals: {petroleum: 2, petrochemical*: 2}\n",
     "The US will sanction those facilitating its petroleum and petrochemical trade.",
     "Iran will expand its petroleum and petrochemical trade with Russia."),
    # a word in the name of an office is not that word
    ("    signals: {terroris*: 3}\n",
     "Iran funds proxies, said Brian Nelson, assistant secretary of the Treasury for Terrorism and Financial Intelligence.",
     "Iran and Russia pledged to fight terrorism together."),
    ("    signals: {terroris*: 3}\n",
     "Treasury Terrorism Under Secretary Brian Nelson announced the measures.",
     "The two countries discussed terrorism in the region."),
    ("    signals: {terroris*: 3}\n",
     "Iran funds proxies, said the undersecretary for terrorism and financial intelligence, Brian Nelson.",
     "Iran funds terrorism, the undersecretary said."),
    # the target of an air strike
    ("    signals: {islamic state: 3}\n",
     "Russian warplanes carried out airstrikes against Islamic State militants near Raqqa.",
     "Islamic State militants attacked a checkpoint near Raqqa."),
]


@pytest.mark.parametrize("body,aside,carried", ASIDES)
def test_an_aside_is_a_passing_mention(write, body, aside, carried):
    matcher = small_map(write, body)
    assert not fires(matcher, aside)
    assert fires(matcher, carried)


# --- issue 15, round 6: offices, targets, possibilities, history and headlines -------------------


def test_a_sentence_dated_years_before_the_article_is_history(write):
    matcher = small_map(write, "    signals: {security council resolution*: 3}\n")
    history = "Moscow suspended the contract in 2010 under a Security Council resolution."
    assert not fires(matcher, history, date="2015-11-09")
    assert fires(matcher, history, date="2010-06-10")  # the news of its day
    assert fires(matcher, history)  # an undated article: its words alone
    assert fires(matcher, "On Monday Moscow cited a Security Council resolution of June 2010.", date="2015-11-09")
    assert fires(matcher, "Moscow cited a Security Council resolution in April 2014.", date="2015-11-09")
    assert not fires(matcher, "In 2010, Moscow suspended the contract under a Security Council resolution.", date="2015-11-09")
    # a date at the end of a long sentence names a thing rather than dating the sentence's action
    assert fires(matcher, "Russia says the arms embargo ended under the Security Council resolution that was adopted "
                          "in 2010.", date="2025-11-09")


def test_an_envoy_for_a_country_is_a_post_not_the_country(engines):
    assert "afghanistan" not in topics_of(engines, "Russia's special envoy for Afghanistan Zamir Kabulov arrived in Tehran.")
    assert "afghanistan" in topics_of(engines, "Russia and Iran discussed Afghanistan with the Taliban in Tehran.")


def test_rockets_and_shipping_alone_are_not_space_or_the_caspian(engines):
    assert "space" not in topics_of(engines, "The chemicals are used as fuel for launching rockets, the Treasury said.")
    assert "space" in topics_of(engines, "A Russian rocket launched an Iranian satellite on Tuesday.")
    assert "caspian" not in topics_of(
        engines, "The Treasury warned shipping companies and vessels operators about petroleum shipments to Syrian ports.")
    assert "caspian" in topics_of(engines, "Caspian shipping between Anzali and Astrakhan grew, officials said.")


def test_a_headline_on_a_topic_keeps_its_one_passage(write):
    body = "topics:\n  t:\n    signals: {drones: 3}\n    one_passage_share: 0.5\n  s:\n    signals: {syria: 3}\n"
    matcher = TopicMatcher(parse_topic_map(load_yaml(write("h.yaml", body))))
    syria = ((TopicHit("s", 6.0, ("Syria",)),),) * 3
    line = TopicHit("t", 3.0, ("drones",))
    assert matcher.article_hits([*syria, (line,)]) == (*syria, ())
    assert matcher.article_hits([*syria, (line,)], headline=(line,)) == (*syria, (line,))
    assert matcher.article_hits([*syria, (line,)], headline=syria[0]) == (*syria, ())


def test_a_context_topic_on_one_line_needs_the_headline(library, write):
    body = ("\n\nIran and Russia linked their bank card networks, Mir and Shetab, so Iranians can withdraw roubles "
            "from Russian ATMs and pay by card.\n\nThe central banks said payments in national currencies and a "
            "banking messaging system would follow.\n\nWestern officials accuse Iran of supplying Russia with "
            "drones and missiles.\n")
    quiet = library.resolve(str(write("cards.txt", "Iran and Russia link bank cards" + body))).topics
    assert "banking_finance" in quiet and "military_security" not in quiet
    loud = library.resolve(str(write("drones.txt", "Bank cards linked as Iran sends drones to Russia" + body))).topics
    assert "military_security" in loud
    # a headline is terse: half a passage's evidence names its theme
    terse = library.resolve(str(write("terse.txt", "Bank cards linked, and arms too" + body))).topics
    assert "military_security" in terse


def test_an_office_itself_and_its_holder_are_evidence(engines, write):
    matcher = small_map(write, "    signals: {china: 3}\n")
    assert fires(matcher, "China's representative voiced strong support for Russia's position.")
    assert not fires(matcher, "The Foreign Ministry's Office for China Affairs issued a statement.")
    department = small_map(write, "    signals: {treasury department: 3}\n")
    assert fires(department, "The US Treasury Department announced the measures on Monday.")


def test_a_target_is_told_for_an_items_length(write):
    matcher = small_map(write, "    signals: {war in ukraine: 3}\n")
    assert fires(matcher, "The Treasury unveiled sanctions against hundreds of entities complicit in Russia's war in Ukraine.")
    assert not fires(matcher, "The Treasury unveiled sanctions against Russia's war in Ukraine.")


def test_the_parts_of_one_hyphenated_word_are_one_piece_of_evidence(write):
    matcher = small_map(write, "    signals: {trade: 2, economic: 1}\n")
    assert not fires(matcher, "The Kremlin plans to deepen trade-economic ties.")
    assert fires(matcher, "The Kremlin plans to deepen trade and economic ties.")


def test_a_readout_on_bilateral_ties_is_not_the_partnership(engines):
    readout = "In a phone call, the foreign ministers of Iran and Russia discussed bilateral ties and regional issues."
    assert "strategic_partnership" not in topics_of(engines, readout)
    assert "strategic_partnership" in topics_of(
        engines, "The presidents said bilateral relations between Iran and Russia have reached a new level of cooperation.")


# --- issue 16 (topicsfa6): Persian lead attributions, strikes on Iran in their own words ---------------------

@pytest.mark.parametrize("text", [
    "به گزارش خبرگزاری تسنیم، تحریم‌های آمریکا و اروپا علیه ایران تمدید شد.",
    "به نقل از تاس، پوتین و پزشکیان پیمان را امضا کردند.",
    "در این دیدار، همکاری‌های نظامی و امنیتی دو کشور بررسی شد.",
])
def test_a_persian_attribution_closed_by_a_comma_is_no_list_item(text):
    # the lead of nearly every agency story: "according to Tasnim, US and EU sanctions…" is the news, not a series
    assert passing_spans(text) == []


def test_a_persian_list_after_an_attribution_or_a_preposition_is_still_one():
    # "طبقه" (a class) opens with "طبق" (according to) and is no attribution
    text = "طبقه متوسط، کارگران و کشاورزان از تحریم‌ها آسیب دیدند."
    assert [text[a:b] for a, b in passing_spans(text)][:2] == ["متوسط", "کارگران "]
    text = "نشست آستانه با حضور ایران، روسیه و ترکیه برگزار شد."
    assert [text[a:b] for a, b in passing_spans(text)][:2] == ["ایران", "روسیه "]
    text = "به گزارش ایرنا، ایران، روسیه و ترکیه بیانیه مشترکی صادر کردند."
    assert [text[a:b] for a, b in passing_spans(text)][:2] == ["ایران", "روسیه "]


def test_strikes_on_iran_told_in_their_own_words_are_regional_rivals(engines):
    fa = "وزیر خارجه روسیه حملات اسرائیل به ایران را غیرقانونی خواند."
    ru = "Лавров осудил агрессию США и Израиля против Ирана."
    for text in (fa, ru):
        assert "regional_rivals" in topics_of(engines, text), text
    # "مناسبات" is the other word for relations
    assert "strategic_partnership" in topics_of(engines, "پزشکیان مناسبات تهران و مسکو را راهبردی خواند.")
    # an Israeli strike on Lebanon is not one on Iran
    assert "regional_rivals" not in topics_of(engines, "وزارت خارجه روسیه حمله به خانه روسیه در لبنان را محکوم کرد.")


# --- issue 15, round 7: background told by its shape (English) ------------------------------------


def test_an_initialisms_periods_do_not_end_a_background_clause(write):
    matcher = small_map(write, "    signals: {nuclear deal: 3}\n")
    assert not fires(matcher, "Banks were cut off following the U.S.'s withdrawal from the nuclear deal.")
    assert not fires(matcher, "Tehran has leaned on Moscow since the U.S. left the nuclear deal.")
    # a period that ends a sentence still ends the clause: the next sentence is the news
    assert fires(matcher, "Tehran turned to Moscow after the U.S. withdrew. Talks on the nuclear deal resumed.")


@pytest.mark.parametrize("condition", [
    "Moscow and Tehran, both of which are under US sanctions, signed the trade deal.",
    "Iran and Russia, both being under the sanctions imposed by the United States, expanded trade.",
    "Both Iran and Russia have been hit by Western sanctions.",
    "Iran finances its imports in the face of US sanctions.",
    "The pact comes as both nations face increasing isolation and sanctions from Western powers.",
])
def test_sanctions_as_a_partys_condition_are_passing(write, condition):
    matcher = small_map(write, "    signals: {sanction*: 2, us sanctions: 3, western sanctions: 3, imposed: 1}\n")
    assert not fires(matcher, condition)


def test_sanctions_imposed_or_evaded_are_still_the_news(write):
    matcher = small_map(write, "    signals: {sanction*: 2, us sanctions: 3, imposed: 1, evade: 1}\n")
    assert fires(matcher, "Washington imposed new sanctions on two Iranian airlines.")
    assert fires(matcher, "Firms under US sanctions helped Iran evade sanctions on its oil.")  # the evasion is the news


def test_an_opening_attribution_is_not_a_list_item(write):
    matcher = small_map(write, "    entities: {Gazprom: 3}\n")
    gazprom = Mention(22, 29, "Gazprom", "ORG", "Gazprom")
    assert fires(matcher, "According to Reuters, Gazprom and NIGC signed a memorandum.", (gazprom,))
    text = "According to Reuters, Iran and Russia signed a deal."
    assert passing_spans(text) == []
    # a series after an opening place is still a series
    listed = "In Moscow, Iran, Russia and Turkey agreed on a statement."
    assert "Russia " in [listed[a:b] for a, b in passing_spans(listed)]


def test_an_agreement_named_by_an_old_year_is_a_passing_mention(write):
    matcher = small_map(write, "    signals: {2015 nuclear deal: 3, nuclear deal: 3, snapback: 3}\n")
    recalled = "Iran signed the 2015 nuclear deal with world powers and has grown closer to Moscow."
    assert fires(matcher, "Diplomats negotiate in Vienna to help resurrect the 2015 nuclear deal.", date="2021-04-01")
    assert not fires(matcher, recalled, date="2024-05-01")
    assert fires(matcher, recalled, date="2016-05-01")  # a year before: still the news of the day
    assert fires(matcher, recalled)  # undated: its words alone
    assert fires(matcher, "Russia opposes snapback under the 2015 nuclear deal.", date="2025-09-01")  # its own words
    assert fires(matcher, "On Monday Russia said the 2015 nuclear deal must be saved.", date="2024-05-01")


def test_what_a_sentence_on_standing_ties_adds_is_background(write):
    matcher = small_map(write, "    signals: {syria: 3, assad: 3}\n")
    assert not fires(matcher, "Iran and Russia have close ties, including in Syria where they both back Assad.")
    assert not fires(matcher, "Moscow and Tehran have strong political, economic, and military ties and are key allies "
                              "of Assad in Syria's war.")
    assert fires(matcher, "Iran and Russia have agreed to back Assad in Syria.")
    assert fires(matcher, "Moscow and Tehran have close ties. Both back Assad in Syria's war.")


def test_what_an_agenda_names_is_a_passing_mention(write):
    matcher = small_map(write, "    signals: {afghanistan: 3}\n")
    assert not fires(matcher, "Other topics on the agenda include Syria, Afghanistan and trade, the spokeswoman said.")
    assert not fires(matcher, "He said the serious developments in Afghanistan will also be on the agenda of his talks.")
    assert fires(matcher, "Russia and Iran discussed Afghanistan with the Taliban. Trade is also on the agenda.")


def test_an_interstate_agreement_is_the_relationship(engines):
    text = "Russia and Iran will speed up work on a major new interstate agreement, the ministry said."
    assert "strategic_partnership" in topics_of(engines, text)
    assert "strategic_partnership" not in topics_of(engines, "Russia and Iran will speed up work on a gas agreement.")


def test_an_undated_passage_needs_a_periods_own_words(write):
    matcher = small_map(write, "    signals: {security council: 1.5, nuclear program*: 1.5, resolution 1737: 3}\n"
                               "    undated_requires: [resolution 1737]\n    until: 2015-07-14\n")
    generic = "Iran's nuclear programme was discussed at the Security Council."
    assert not fires(matcher, generic)  # undated: could be 2006 or 2025
    assert fires(matcher, generic, date="2006-03-01")  # dated within its period
    assert fires(matcher, "The Security Council adopted resolution 1737 on Iran's nuclear programme.")
    # another language's passage is judged on its words alone
    russian = small_map(write, "    signals: {совет*: 1.5, ядерн*: 1.5, resolution 1737: 3}\n"
                               "    undated_requires: [resolution 1737]\n")
    assert fires(russian, "Ядерная программа Ирана обсуждалась в Совете Безопасности.")


def test_undated_requires_must_name_a_signal(write):
    with pytest.raises(ConfigError, match="undated_requires"):
        small_map(write, "    signals: {iaea: 3}\n    undated_requires: [eu3]\n")


def test_an_undated_snapback_report_is_not_the_dispute_before_the_deal(engines):
    text = "Iran's nuclear programme was discussed at the UN Security Council, where Russia defended Tehran."
    assert "nuclear_dispute" not in topics_of(engines, text)
    assert "nuclear_dispute" in topics_of(engines, "The IAEA reported Iran to the UN Security Council over its enrichment.")



# --- issue 15, round 8: a headline's theme carried by the body's own words ---------------------------------------

def test_a_full_headline_lowers_the_bar_for_its_theme_in_english(write):
    matcher = small_map(write, "    signals: {caspian: 2, naval: 1}\n")
    text = "The drills signal defiance, officials said, with ships gathered off the Caspian coast."
    full = (TopicHit("t", 3.0, ("Naval", "Caspian")),)
    assert not fires(matcher, text)  # one weight-2 word alone is not the theme
    assert any(hit.topic == "t" for hit in matcher.passage_topics(text, (), None, headline=full))
    # a headline with one word of the theme ("…seals found on Caspian coast") is a place: no support
    place = (TopicHit("t", 2.0, ("Caspian",)),)
    assert not matcher.passage_topics(text, (), None, headline=place)
    # Russian and Persian passages are judged on their own words
    russian = small_map(write, "    signals: {каспий: 2, naval: 1}\n")
    assert not russian.passage_topics("Корабли собрались у берегов, а Каспий спокоен.", (), None, headline=full)


def test_a_naval_drill_headline_puts_the_article_on_the_caspian(library, write):
    body = ("\n\nState media said Tehran feared new strikes. Iran and Russia held three days of drills in the "
            "Caspian Sea this week.\n\nDefence ministers of both countries met in Moscow to discuss military ties.\n")
    drills = library.resolve(str(write("drills.txt", "Iran and Russia hold naval drills in the Caspian Sea" + body))).topics
    assert "caspian" in drills
    plain = library.resolve(str(write("plain.txt", "Iran and Russia hold drills" + body))).topics
    assert "caspian" not in plain


def test_swift_in_title_case_and_air_strikes_in_two_words_are_evidence(engines):
    cut_off = ("Since the 2018 reimposition of sanctions, Iran has been disconnected from the western-based "
               "Swift financial messaging system.")
    assert {"banking_finance", "sanctions"} <= set(topics_of(engines, cut_off))
    assert "sanctions" not in topics_of(engines, cut_off.replace("Swift financial", "financial"))
    assert not topics_of(engines, "Ministers promised a swift response to the flooding.")
    assert "syria" in topics_of(engines, "Russian bombers will fly from Iran for air strikes in Syria, the ministry said.")
    assert "syria" not in topics_of(engines, "Russian bombers will fly from Iran for air strikes, the ministry said.")


@pytest.mark.parametrize("texts,lead", [
    (["Skip to main content", "Drill in Caspian Sea comes during visit by Russian warships", "Iran and Russia held drills."], 2),
    (["Iran and Russia held drills.", "More to follow."], 0),
    (["Akbar Novruz", "Joint drills began on Monday, Tasnim reported”"], 0),  # a quote's close is not a sentence's end
    (["Akbar Novruz", "Joint drills began on Monday, Tasnim reported.”"], 1),
    # a long paragraph without a full stop is a caption, not furniture before the lead
    (["The minister and the president attend a plenary session at the forum in the Manege Central Exhibition Hall "
      "in Moscow during the energy week that brought officials of many countries together", "Russia intervened."], 0),
    (["Скачать", "Иран и Россия провели учения."], 0),  # Russian leads are judged as they stand
    (["Menu", "Home", "World", "Iran", "Iran and Russia held drills."], 0),  # past LEAD_REACH: no clear lead
])
def test_the_lead_is_the_first_sentence_after_page_furniture(texts, lead):
    assert TopicMatcher.lead_index(texts) == lead


def test_a_one_passage_topic_in_the_lead_after_a_standfirst_is_kept(write):
    body = "topics:\n  t:\n    signals: {caspian: 3}\n    one_passage_share: 0.5\n  m:\n    signals: {drills: 3}\n"
    matcher = TopicMatcher(parse_topic_map(load_yaml(write("lead.yaml", body))))
    drills = (TopicHit("m", 6.0, ("drills",)),)
    caspian = (TopicHit("t", 3.0, ("Caspian",)), *drills)
    passages = [(), caspian, drills, drills, drills]
    assert matcher.article_hits(passages)[1] == drills  # one passage, not the first, outweighed: dropped
    assert matcher.article_hits(passages, lead_at=1)[1] == caspian


def test_a_standfirst_does_not_take_the_lead_from_the_first_paragraph(library, write):
    text = ("Iran and Russia stage joint naval exercise\n\n"
            "Drill comes during a three-day visit by Russian warships to a northern Iranian port\n\n"
            "Iran and Russia held joint naval exercises in the Caspian Sea on Tuesday, the Fars agency reported.\n\n"
            "An Iranian destroyer and missile boats sailed with the Russian warships in the naval drill.\n\n"
            "Iran's air defence will get S-300 missiles from Russia, military officials said.\n\n"
            "The two navies plan more naval drills and military exercises next year.\n")
    assert "caspian" in library.resolve(str(write("standfirst.txt", text))).topics


# --- issue 15, round 9: English themes in the press's own words (dev set /work/devset8/topicsen9) ----------------

# topic -> (passages that must carry it, near misses that must not), with the bundled map
OWN_WORDS = {
    "strategic_partnership": (["Khatami and Putin signed the first broad cooperation agreement between the two nations.",
                               "Washington is wary of the ties between Iran and Russia, officials in Brussels told reporters."],
                              ["The central banks signed a cooperation agreement on card payments.",
                               "The ties between Iran and Iraq were discussed by the two ministers."]),
    "syria": (["Russian bombers flying from Hamedan struck targets in Syria on Tuesday.",
               "The bombers hit Jabhat al-Nusra depots near Deir ez-Zor."],
              ["The bombers returned to their base in southern Russia on Tuesday."]),
    # undated: the words of the dispute's own period
    "nuclear_dispute": (["Washington urged Iran to suspend its uranium enrichment program before the Council met.",
                         "The UN demanded that Iran stop enriching uranium."],
                        ["Iran will suspend its gas exports to Turkey in winter."]),
    "ukraine_war": (["Iran backs Russia in its ongoing conflict with Ukraine, Western officials say.",
                     "Tehran denies any role in Russia's war with Ukraine."],
                    ["Iran's conflict with Israel dominated the talks in Moscow."]),
    "regional_rivals": (["Tehran braced for further strikes from the US or Israel, officials said on Monday.",
                         "Israeli strikes on Iranian nuclear sites drew a sharp Russian condemnation."],
                        ["The US and Israel signed a memorandum on water technology.",
                         "Russian strikes on Ukrainian cities continued overnight."]),
}


@pytest.mark.parametrize("topic", sorted(OWN_WORDS))
def test_a_theme_told_in_the_press_own_words_fires(engines, topic):
    for text in OWN_WORDS[topic][0]:
        assert topic in topics_of(engines, text), text


@pytest.mark.parametrize("topic", sorted(OWN_WORDS))
def test_a_near_miss_of_a_theme_in_own_words_does_not(engines, topic):
    for text in OWN_WORDS[topic][1]:
        assert topic not in topics_of(engines, text), text


def test_a_power_to_impose_sanctions_is_not_their_imposition(write):
    matcher = small_map(write, "    signals: {sanction*: 2, impos*: 1, additional sanctions: 3, sanctions on: 3}\n")
    assert not fires(matcher, "The Council is considering a third resolution that could impose additional sanctions on Iran.")
    assert not fires(matcher, "The IAEA reported Iran to the Security Council, which has the power to impose sanctions.")
    assert fires(matcher, "The Council imposed additional sanctions on Iran.")


# a one-line theme named in passing (a venue, a destination, a closing line) is not the article's; in the lead it is
ONE_LINE_THEMES = [
    ("Iran and Russia share views in OPEC+\n\n"
     "Iran's oil minister said the oil market is on the right track after OPEC+ cut output by a million barrels.\n\n"
     "He spoke on the sidelines of an Iranian-Russian conference of economic cooperation held in Tehran.\n\n"
     "OPEC+ members led by Russia agreed to cut oil production to support crude prices.\n",
     "energy_oil_gas", "trade_investment"),
    ("Iran signs wheat import deals with Russia\n\n"
     "Iran signed memorandums with Russia for wheat imports, and wheat trade with Russia will grow, "
     "the Iranian agriculture ministry said.\n\n"
     "Iranian millers buy imported wheat from Russia for flour, with bilateral trade in grain up 20%.\n\n"
     "Iran can export flour made from Russian wheat to neighbouring Iraq and Afghanistan.\n",
     "trade_investment", "afghanistan"),
    ("Iran and Russia meet the Taliban\n\n"
     "Iranian and Russian envoys met the Taliban in Kabul to discuss Afghanistan's interim government.\n\n"
     "Iran and Russia also discussed wheat imports and bilateral trade in Moscow, the ministry said.\n",
     "afghanistan", None),
    ("Putin ratifies free trade deal with Iran\n\n"
     "Putin signed a law ratifying the free trade agreement between the Eurasian Economic Union and Iran.\n\n"
     "Business leaders said bilateral trade could reach $40 billion as tariffs fall on most goods.\n\n"
     "The free trade deal will cut customs duties on 90 percent of goods in trade between Russia and Iran.\n\n"
     "The growing ties also saw Iran join the Shanghai Cooperation Organization and the BRICS bloc.\n",
     "trade_investment", "brics_sco"),
    ("Iran joins the SCO\n\nIran became a full member of the Shanghai Cooperation Organization on Tuesday.\n\n"
     "Bilateral trade with Russia grew, the ministry said.\n",
     "brics_sco", None),
]


@pytest.mark.parametrize("text,kept,dropped", ONE_LINE_THEMES)
def test_a_theme_named_in_passing_on_one_line_is_not_the_articles(library, write, text, kept, dropped):
    topics = library.resolve(str(write("article.txt", text))).topics
    assert kept in topics and dropped not in topics


def test_irans_nuclear_programme_after_the_deal_is_its_file_but_undated_needs_the_deals_words(engines):
    matcher, topic_matcher = engines
    text = "Lavrov and Araghchi exchanged views on the Iranian nuclear program before the IAEA Board of Governors met."

    def jcpoa(passage, date):
        return "jcpoa" in [hit.topic for hit in topic_matcher.passage_topics(passage, matcher.mentions(passage), date)]
    assert jcpoa(text, "2025-11-17")
    assert not jcpoa(text, None)  # could be told in 2006 as well
    assert not jcpoa(text, "2006-03-01")
    assert jcpoa("Lavrov and Araghchi discussed how to restore the nuclear deal.", None)
    # a clause on the talks is not the file: "concerned over the war's implications for the talks on Iran's nuclear program"
    assert not jcpoa("Tehran is concerned over the war's implications for the talks on Iran's nuclear program.", "2022-04-25")


@pytest.mark.parametrize("topic,text,near_miss", [
    # "nuclear energy cooperation" is not energy cooperation
    ("energy_oil_gas", "The presidents pledged energy cooperation in the energy-rich Caspian Sea region.",
     "The presidents pledged nuclear energy cooperation in the energy-rich Caspian Sea region."),
    ("caspian", "The ministers will discuss security challenges in the Caspian region.",
     "The ministers will discuss security challenges in the region."),
    ("afghanistan", "The ministers discussed joint efforts to resolve the Afghan-Pakistani differences.",
     "The ministers discussed joint efforts to resolve the Indian-Pakistani differences."),
    ("regional_rivals", "When discussing the conflict between Israel and Palestine, the ministers stressed a peaceful resolution.",
     "When discussing the conflict between Armenia and Azerbaijan, the ministers stressed a peaceful resolution."),
])
def test_a_readouts_own_words_name_its_theme(engines, topic, text, near_miss):
    assert topic in topics_of(engines, text)
    assert topic not in topics_of(engines, near_miss)
