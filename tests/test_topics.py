import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.config import bundled_config
from reader.annotate.gazetteer import Matcher, load_gazetteer
from reader.annotate.topics import Passage, TopicMatcher, load_topic_map, parse_topic_map, trail_step
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
    assert trail_step(trail, ranks, article, index, step) == expected
