"""Timelines (SPEC §12): passages per month on a topic or about an entity."""

import json

import pytest

from reader.cli import main
from reader.timeline import (Subject, build_timeline, by_period, fitted, month_range, suggest, text_bar, text_lines,
                             to_json, year_ticks)

TOPIC = Subject("topic", "syria", "Syria")
OTHER = Subject("entity", "Vladimir Putin", "Vladimir Putin")


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_month_range_crosses_years():
    assert month_range("2017-11", "2018-02") == ("2017-11", "2017-12", "2018-01", "2018-02")
    assert month_range("2020-05", "2020-05") == ("2020-05",)


def test_build_timeline_fills_empty_months_and_counts_undated_apart():
    timeline = build_timeline([(TOPIC, [("2018-02", 3), (None, 2), ("2017-12", 1), ("garbage", 1)]),
                               (OTHER, [("2018-01", 4)])])
    assert timeline.months == ("2017-12", "2018-01", "2018-02")
    assert timeline.series[0].counts == (1, 0, 3) and timeline.series[0].undated == 3
    assert timeline.series[1].counts == (0, 4, 0) and timeline.series[1].total == 4
    assert timeline.bars == (0, 1, 2) and timeline.count(1) == 4
    assert not timeline.empty


def test_by_period_sums_months_into_calendar_quarters_and_years():
    """A first month mid-quarter still starts its calendar quarter (2017-11 is in 2017-Q4)."""
    monthly = build_timeline([(TOPIC, [("2017-11", 1), ("2017-12", 2), ("2018-02", 4), ("2018-04", 8)]),
                              (OTHER, [("2018-03", 16), (None, 5)])])
    quarters = by_period(monthly, 3)
    assert quarters.months == ("2017-10", "2018-01", "2018-04") and quarters.unit == "quarter"
    assert [quarters.label(i) for i in range(3)] == ["2017-Q4", "2018-Q1", "2018-Q2"]
    assert quarters.series[0].counts == (3, 4, 8) and quarters.series[1].counts == (0, 16, 0)
    assert quarters.series[1].undated == 5 and quarters.last_month(1) == "2018-03"
    assert quarters.period_of("2018-03") == 1 and quarters.period_of("2017-09") is None
    years = by_period(monthly, 12)
    assert years.months == ("2017-01", "2018-01") and [years.label(i) for i in range(2)] == ["2017", "2018"]
    assert years.series[0].counts == (3, 12) and years.last_month(0) == "2017-12" and years.bars == (0, 1)
    assert by_period(monthly, 1) == monthly and monthly.label(0) == "2017-11" and monthly.last_month(0) == "2017-11"
    with pytest.raises(ValueError):
        by_period(quarters, 12)  # only months are grouped


def test_fitted_keeps_months_while_every_bar_has_a_column_of_its_own_and_a_gap():
    """100 months (34 quarters, 9 years): by month in 200 columns for one series (a bar
    and a gap a month); by quarter for two series (3 columns a period) in 102 columns;
    by year when even quarters do not fit."""
    rows = [(f"{2015 + n // 12}-{n % 12 + 1:02d}", 1) for n in range(100)]
    one = build_timeline([(TOPIC, rows)])
    assert fitted(one, 200).step == 1 and fitted(one, 199).step == 3
    two = build_timeline([(TOPIC, rows), (OTHER, rows)])
    assert fitted(two, 102).step == 3 and fitted(two, 101).step == 12
    assert fitted(two, 1).step == 12 and two.largest == 1  # nothing fits: the coarsest


def test_a_subject_without_passages_gives_an_empty_timeline():
    timeline = build_timeline([(TOPIC, [])])
    assert timeline.empty and timeline.months == () and timeline.bars == ()


def test_year_ticks_one_per_year_and_thinned_on_long_axes():
    months = month_range("2017-11", "2019-03")
    assert year_ticks(months) == ([1, 3, 15], ["2017", "2018", "2019"])
    long = month_range("2000-01", "2025-12")
    positions, labels = year_ticks(long, most=10)
    assert len(labels) <= 10 and labels[0] == "2000" and positions == sorted(positions)
    # Two months from 2017-11 to 2018: with a gap of 4 months, 2017's part of a year gives way to 2018
    # (a newcomer's report: a chart from 2015-Q3 was labelled 2015, 2017, 2018, without 2016).
    assert year_ticks(months, gap=4) == ([3, 15], ["2018", "2019"])
    assert year_ticks(month_range("2018-01", "2020-12"), gap=13) == ([1, 25], ["2018", "2020"])


def test_text_lines_shorten_a_long_name_with_an_ellipsis():
    """A newcomer's report: 'North–South Transport Co' was cut mid-word with no sign."""
    long = Subject("topic", "n", "North–South Transport Corridor")
    lines = text_lines(build_timeline([(long, [("2023-05", 2)]), (TOPIC, [("2023-05", 1)])]), bars=True, width=4)
    assert "North–South Transport C…" in lines[0] and "Syria" in lines[1]


def test_text_bars_scale_to_the_largest_in_eighths():
    assert text_bar(10, 10, 4) == "████"
    assert text_bar(5, 10, 4) == "██"
    assert text_bar(1, 10, 4) == "▍"  # 3.2 eighths rounds to 3
    assert text_bar(0, 10, 4) == "" and text_bar(3, 0, 4) == ""


def test_text_lines_show_months_with_passages_and_a_gap_between_years():
    timeline = build_timeline([(TOPIC, [("2017-11", 6), ("2022-07", 3)])])
    lines = text_lines(timeline, bars=True, width=6)
    assert lines[0].startswith("2017-11") and lines[0].endswith("██████")
    assert lines[1] == "" and lines[2].startswith("2022-07") and lines[2].endswith("███")
    assert text_lines(timeline, bars=False) == ["2017-11\t6", "2022-07\t3"]


def test_suggest_finds_typos_words_and_separators():
    names = ["north_south_corridor", "North–South Transport Corridor", "Vladimir Putin", "syria", "brics_sco"]
    assert suggest("north south coridor", names) == "north_south_corridor"
    assert suggest("Putni", names) == "Vladimir Putin"
    assert suggest("nsc", names) == "north_south_corridor"  # its initials (a newcomer got brics_sco)
    assert suggest("zzzz", names) is None


# --- from the index -------------------------------------------------------------

def test_library_timeline_counts_the_corridor_passages(library):
    subject = library.subject("North–South corridor")
    assert subject == Subject("topic", "north_south_corridor", library.topic_map.get("north_south_corridor").label)
    timeline = library.timeline([subject])
    trail = library.trail("north_south_corridor")
    # Every passage of the trail is counted once, in its article's month.
    assert sum(timeline.series[0].counts) + timeline.series[0].undated == len(trail) > 0
    for i in timeline.bars:
        month = timeline.months[i]
        passages = library.month_passages(subject, month)
        assert len(passages) == timeline.series[0].counts[i]
        assert all(p.date.startswith(month) for p in passages)
        assert {(p.article_id, p.index) for p in passages} <= {(p.article_id, p.index) for p in trail}


def test_library_entity_timeline_counts_passages_that_mention_it(library):
    subject = library.subject("vladimir putin")
    assert subject.kind == "entity"
    timeline = library.timeline([subject])
    expected: dict[str, int] = {}
    for doc in library.documents():
        n = sum(1 for ms in doc.mentions if any(m.canonical == "Vladimir Putin" for m in ms))
        if n:
            expected[doc.meta.date[:7]] = expected.get(doc.meta.date[:7], 0) + n
    got = {m: c for m, c in zip(timeline.months, timeline.series[0].counts) if c}
    assert got == expected
    month = min(expected)
    passages = library.month_passages(subject, month)
    assert len(passages) == expected[month]
    doc = library.get(passages[0].article_id)
    assert any(m.canonical == "Vladimir Putin" for m in doc.mentions[passages[0].index])
    assert passages[0].snippet  # the passage's text, shortened


def test_unknown_subject_names_the_closest(library):
    with pytest.raises(LookupError, match=r"no such topic: Rouhanni \(did you mean Hassan Rouhani\?\)"):
        library.subject("Rouhanni")


# --- command line -----------------------------------------------------------------

def test_cli_timeline_text_and_json(capsys, library):
    code, out, _ = run(capsys, "timeline", "north_south_corridor")
    assert code == 0
    rows = [line.split("\t") for line in out.splitlines()]
    expected = library.timeline([library.subject("north_south_corridor")])
    # A header names the count column for one subject too (a newcomer's report: only comparing had one).
    assert rows[0] == ["month", expected.series[0].subject.label]
    assert rows[1:] == [[expected.months[i], str(expected.series[0].counts[i])] for i in expected.bars]
    code, out, _ = run(capsys, "timeline", "north_south_corridor", "Vladimir Putin", "--json")
    data = json.loads(out)
    assert code == 0 and [s["id"] for s in data["series"]] == ["north_south_corridor", "Vladimir Putin"]
    assert all(len(s["counts"]) == len(data["months"]) for s in data["series"])
    assert data == to_json(library.timeline([library.subject("north_south_corridor"), library.subject("Vladimir Putin")]))


def test_cli_timeline_on_a_terminal_says_what_it_counts_when_comparing_too(capsys, library, monkeypatch):
    import sys

    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    code, out, _ = run(capsys, "timeline", "north_south_corridor", "Vladimir Putin")
    subjects = [library.subject("north_south_corridor"), library.subject("Vladimir Putin")]
    series = library.timeline(subjects).series
    assert code == 0
    assert out.splitlines()[0] == f"{series[0].subject.label} ({series[0].total}) vs Vladimir Putin ({series[1].total}): passages per month"
    code, out, _ = run(capsys, "timeline", "north_south_corridor")
    assert out.splitlines()[0] == f"{series[0].subject.label}: passages per month ({series[0].total} in all)"


def test_cli_timeline_unknown_topic_exits_2_with_a_suggestion(capsys):
    code, out, err = run(capsys, "timeline", "north_south_coridor")
    assert code == 2 and out == ""
    assert err.strip() == "iranru-reader: error: no such topic: north_south_coridor (did you mean north_south_corridor?)"


def test_cli_timeline_says_every_unknown_name_and_charts_a_repeated_one_once(capsys):
    """A newcomer's report: `timeline syria nsc bogus` named nsc only (bogus after it),
    `timeline syria syria` drew the same series twice, `timeline ""` said '. is a folder'."""
    code, out, err = run(capsys, "timeline", "syria", "sanctionz", "bogus")
    assert code == 2 and out == "" and "no such topic: sanctionz" in err and "no such topic: bogus" in err
    code, out, _ = run(capsys, "timeline", "syria", "Syria", "--json")
    assert code == 0 and [s["id"] for s in json.loads(out)["series"]] == ["syria"]
    code, _, err = run(capsys, "timeline", "")
    assert code == 2 and "no such topic: the name is empty" in err
    code, out, err = run(capsys, "timeline", "Putin", "", "seeds")  # not the current folder as a corpus
    assert code == 2 and out == "" and "no such topic: the name is empty" in err
    code, out, err = run(capsys, "list", "")
    assert code == 2 and out == "" and "an empty PATH names no file or folder" in err


def test_cli_timeline_of_a_topic_with_no_passage_exits_1(capsys, library):
    absent = next(t.id for t in library.topic_map.topics if t.id not in library.topics_in_corpus())
    code, _, err = run(capsys, "timeline", absent)
    assert code == 1 and "no passage" in err


def test_the_timeline_follows_edits_and_deletions(write, tmp_path):
    from reader.config import bundled_config, load_config
    from reader.library import Library

    text = "Russia and Iran signed a deal on the North-South corridor railway.\n\nMarch 3, {year}\n\n" \
           "Vladimir Putin said the International North-South Transport Corridor will carry freight in {year}.\n"
    first = write("corpus/a.txt", "Corridor deal\n\n" + text.format(year=2019))
    write("corpus/b.txt", "Corridor again\n\n" + text.format(year=2021))
    config = load_config(bundled_config())

    def months(subject: str) -> dict[str, int]:
        library = Library(config, [tmp_path / "corpus"]).ensure_fresh()
        timeline = library.timeline([library.subject(subject)])
        return {timeline.months[i]: timeline.count(i) for i in timeline.bars}

    assert months("north_south_corridor") == {"2019-03": 2, "2021-03": 2}
    assert months("Vladimir Putin") == {"2019-03": 1, "2021-03": 1}
    first.write_text("Corridor deal\n\n" + text.format(year=2020), encoding="utf-8")
    assert months("north_south_corridor") == {"2020-03": 2, "2021-03": 2}
    first.unlink()
    assert months("Vladimir Putin") == {"2021-03": 1}


def test_an_entity_is_found_by_any_alias_in_any_language(library):
    """`timeline Путин` or `timeline پوتین` charts Vladimir Putin (a newcomer's report)."""
    for name in ("Putin", "putin", "Путин", "путин", "Путина", "پوتین"):
        assert library.subject(name) == Subject("entity", "Vladimir Putin", "Vladimir Putin"), name
    with pytest.raises(LookupError):
        library.subject("Putin visited")  # a phrase that only contains a name is not that name


def test_duplicate_articles_count_once_in_timelines_trails_and_briefs(write, tmp_path, capsys):
    """A newcomer's report: one story saved under two names (and again with other line
    endings and page furniture) was counted two and three times."""
    from reader.cli import main
    from reader.config import bundled_config, load_config
    from reader.library import Library

    story = ("Rail deal\n\nMarch 3, 2019\n\nRussia and Iran signed a deal on the North-South corridor railway.\n\n"
             "Vladimir Putin said the International North-South Transport Corridor will carry freight to India.\n")
    write("corpus/a.txt", story)
    write("corpus/copy of a.txt", story)  # the same bytes under another name
    write("corpus/a-again.txt", story.replace("Rail deal", "Rail deal signed").replace("\n", "\r\n")
          + "\r\nAdvertisement\r\n")  # the same story: another headline, CRLF, page furniture
    write("corpus/other.txt", "Corridor opens\n\nMay 5, 2021\n\nThe North-South Transport Corridor carried its "
                              "first freight train from Russia to Iran on the new railway.\n")
    library = Library(load_config(bundled_config()), [tmp_path / "corpus"]).ensure_fresh()
    kept = library.entries[0].id  # the first of the copies in the list's order
    copies = {e.id for e in library.entries if e.id != "other"} - {kept}
    assert len(copies) == 2 and set(library.duplicates()) == copies and set(library.duplicates().values()) == {kept}

    corridor = library.subject("north_south_corridor")
    timeline = library.timeline([corridor])
    per_story = len(library.trail("north_south_corridor"))
    assert {timeline.months[i]: timeline.count(i) for i in timeline.bars} == {"2019-03": 2, "2021-05": 1} and per_story == 3
    assert timeline.series[0].duplicates == 4  # said, not counted: two passages in each of two copies
    putin = library.timeline([library.subject("Putin")])  # an entity's rows are read another way
    assert {putin.months[i]: putin.count(i) for i in putin.bars} == {"2019-03": 1} and putin.series[0].duplicates == 2
    assert not {p.article_id for p in library.trail("north_south_corridor")} & copies
    assert not {p.article_id for p in library.month_passages(corridor, "2019-03")} & copies
    marks = [(kept, 1), (sorted(copies)[0], 1), (kept, 0)]
    assert library.distinct(marks, lambda pair: pair) == ([(kept, 1), (kept, 0)], 1)

    assert main(["brief", "--topic", "north_south_corridor", str(tmp_path / "corpus"), "--out", "-"]) == 0
    out = capsys.readouterr().out
    assert out.count("will carry freight to") == 1 and "4 duplicate passages left out" in out
    assert main(["timeline", "north_south_corridor", str(tmp_path / "corpus")]) == 0
    assert "4 passages of duplicate articles not counted" in capsys.readouterr().err


def test_a_passage_that_names_an_entity_under_two_types_counts_once(tmp_path):
    """The index keeps a row per type an entity has in an article ("Georgia" the country
    and, by the model, a PERSON in one passage): its timeline counts that passage once."""
    from reader.index import CorpusIndex, Rows, Stamp

    index = CorpusIndex(tmp_path / "index.sqlite", "test")

    def article(aid: str, date: str, mentions: list) -> Rows:
        return Rows(aid, f"/{aid}.txt", Stamp(1, 1), aid, ("T", None, date, 10, "[]", "[]", b"", "en", aid),
                    [], mentions, [])

    index.write([article("a", "2020-01-05", [("Georgia", "GPE", 3, "0,2,4"), ("Georgia", "PERSON", 1, "2")]),
                 article("b", "2020-01-20", [("Georgia", "GPE", 1, "1")]),
                 article("c", "2021-03-01", [("Georgia", "PERSON", 2, "5,6")])])
    assert sorted(index.subject_months("entity:Georgia")) == [("2020-01", 4), ("2021-03", 2)]


def test_text_lines_compare_several_series_with_bars_in_a_terminal():
    """A newcomer's `timeline caspian "Vladimir Putin"` in a terminal printed bare columns."""
    putin = Subject("entity", "Vladimir Putin", "Vladimir Putin")
    timeline = build_timeline([(TOPIC, [("2017-11", 6), ("2022-07", 3)]), (putin, [("2017-11", 2)])])
    lines = text_lines(timeline, bars=True, width=6)
    label = TOPIC.label
    assert lines[0].startswith("2017-11") and label in lines[0] and lines[0].endswith("  6  ██████")
    assert lines[1].startswith(" " * 7) and "Vladimir Putin" in lines[1] and lines[1].endswith("  2  ██")
    assert lines[2] == "" and lines[3].startswith("2022-07") and lines[3].endswith("  3  ███")
    assert lines[4].rstrip().endswith("Vladimir Putin      0")
    assert text_lines(timeline, bars=False) == ["2017-11\t6\t2", "2022-07\t3\t0"]


def test_cli_timeline_given_a_folder_and_no_topic_says_the_topic_comes_first(capsys, tmp_path):
    """A newcomer's `timeline ~/news` said "no such topic: /home/…/news"."""
    code, out, err = run(capsys, "timeline", str(tmp_path))
    assert code == 2 and out == ""
    assert err.strip() == (f"iranru-reader: error: {tmp_path} is a folder, not a topic: give the TOPIC first "
                           "(timeline TOPIC... [PATH...]; the ids: iranru-reader topics)")


def test_cli_timeline_of_a_topic_named_like_a_folder_here_is_the_topic(capsys, tmp_path, monkeypatch):
    (tmp_path / "north_south_corridor").mkdir()
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, "timeline", "north_south_corridor")
    assert code == 0 and out
