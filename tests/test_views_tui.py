"""The analyst's views in the reader (SPEC §12): T timeline, B brief, palette entries."""

from __future__ import annotations

import asyncio

from pathlib import Path

import pytest
from textual.widgets import Input, Markdown

from reader.config import bundled_config, load_config
from reader.export import Quote, brief_markdown
from reader.library import Library
from reader.render import pilcrow
from reader.render_bidi import has_rtl
from reader.state import Bookmark, toggle_bookmark
from reader.timeline import Subject
from reader.tui.screens.brief import BriefScreen
from reader.tui.screens.timeline import CURSOR, MARKERS, MonthList, SubjectPicker, TimelineChart, TimelineScreen

from tui_helpers import drive, make_app, option_texts, wait_until, where

FIRST = "003_4958d00dca6ef37f"
FIXTURES = Path(__file__).parent / "fixtures"
TOPIC_A = Subject("topic", "a", "a")


@pytest.fixture
def app(library, tmp_path):
    return make_app(library, tmp_path)


def chart_text(screen: TimelineScreen) -> str:
    chart = screen.query_one(TimelineChart)
    return "\n".join(chart.render_line(y).text for y in range(chart.size.height))


def cursor_mark(screen: TimelineScreen) -> tuple[int, str]:
    """(column of the ▲, the month named beside it) under the chart."""
    line = str(screen.query_one("#timeline-cursor").render())
    return line.index(CURSOR), line.replace(CURSOR, "").strip()


def bar_columns(screen: TimelineScreen, month_index: int) -> list[int]:
    """The columns where the chart draws the bar of `month_index`."""
    rows = chart_text(screen).splitlines()
    columns = sorted({x for row in rows[:-2] for x, ch in enumerate(row) if ch in MARKERS})
    runs, run = [], [columns[0]]
    for x in columns[1:]:
        if x == run[-1] + 1:
            run.append(x)
        else:
            runs.append(run)
            run = [x]
    runs.append(run)
    bars = [i for i in screen.timeline.bars]
    return runs[bars.index(month_index)]


def drawn_chart(monthly, size: tuple[int, int]):
    """`monthly` fitted to a chart of `size` alone on a screen and drawn: the timeline,
    the chart's lines, and each period's cursor columns (`TimelineChart.cursor_columns`)."""
    from textual.app import App

    from reader.timeline import fitted
    from reader.tui.screens.timeline import bar_columns

    class Chart(App):
        def compose(self):
            yield TimelineChart()

    async def scenario():
        async with Chart().run_test(size=size) as pilot:
            chart = pilot.app.query_one(TimelineChart)
            timeline = fitted(monthly, bar_columns(size[0], monthly))
            chart.draw(timeline)
            await pilot.pause()
            return (timeline, [chart.render_line(y).text for y in range(chart.size.height)],
                    [dict(chart.cursor_columns(bar)) for bar in range(len(timeline.months))])

    return asyncio.run(scenario())


def test_T_charts_the_passage_topic_and_Enter_on_a_month_lands_on_its_passage(app, library):
    async def scenario(pilot):
        topic = app.active_topic
        assert topic  # the first passage has a topic
        await pilot.press("T")
        screen = app.screen
        assert isinstance(screen, TimelineScreen) and screen.subjects == [Subject("topic", topic, app._topic_label(topic))]
        timeline = library.timeline(screen.subjects)
        assert screen.cursor == timeline.bars[-1]  # the latest month first
        drawn = chart_text(screen)
        # Bars and year labels, and the month under the cursor marked: readable without colour.
        assert MARKERS[0] in drawn and "2018" in drawn and "2022" in drawn  # 2017 (two months) gives way to 2018
        column, month = cursor_mark(screen)
        assert column in bar_columns(screen, timeline.bars[-1]) and month == timeline.months[-1]
        await pilot.press("h")
        assert screen.cursor == timeline.bars[-2]
        month = timeline.months[screen.cursor]
        await pilot.pause()
        column, named = cursor_mark(screen)
        assert column in bar_columns(screen, screen.cursor) and named == month
        caption = str(screen.query_one("#timeline-caption").render())
        assert f"{month}:" in caption and f": {timeline.series[0].counts[screen.cursor]}" in caption
        await pilot.press("l", "h", "h", "h")  # bar to bar, stopping at the first
        assert screen.cursor == timeline.bars[0]
        await pilot.press("end", "enter")
        passages = library.month_passages(screen.subjects[0], timeline.months[timeline.bars[-1]])
        listed = screen.query_one(MonthList)
        assert app.focused is listed and listed.option_count == len(passages) > 0
        assert all(f"{pilcrow(p.index)}: " in text for p, text in zip(passages, option_texts(listed)))
        await pilot.press("enter")
        await wait_until(pilot, lambda: not isinstance(app.screen, TimelineScreen))
        await wait_until(pilot, lambda: where(app) == (passages[0].article_id, passages[0].index))

    drive(app, scenario, size=(160, 40))  # wide enough for a bar a month (57 months)


def test_timeline_compares_a_second_subject_and_drops_it(app, library):
    async def scenario(pilot):
        app.show_timeline(Subject("topic", "north_south_corridor", "North–South corridor"))
        await pilot.pause()
        screen = app.screen
        await pilot.press("a")
        assert isinstance(app.screen, SubjectPicker)
        await pilot.press(*"vladimir putin", "enter")
        await wait_until(pilot, lambda: app.screen is screen)
        assert [s.key for s in screen.subjects] == ["north_south_corridor", "Vladimir Putin"]
        assert len(screen.timeline.series) == 2 and MARKERS[1] in chart_text(screen)
        title = str(screen.query_one("#timeline-title").render())
        assert "North–South corridor" in title and "Vladimir Putin" in title
        await pilot.press("enter")  # both series' passages of the month, under their names
        texts = option_texts(screen.query_one(MonthList))
        assert any(t.startswith("Vladimir Putin ·") for t in texts)
        await pilot.press("escape", "d")  # Esc leaves the list first, then d drops the last
        assert [s.key for s in screen.subjects] == ["north_south_corridor"]
        await pilot.press("d")  # nothing left to drop: said
        assert any("Nothing to drop" in str(n.message) for n in app._notifications)
        await pilot.press("escape")
        assert not isinstance(app.screen, TimelineScreen) and where(app)[0] == FIRST

    drive(app, scenario, size=(80, 24))


def test_the_timeline_screen_is_composed_ahead_and_reused_afresh_for_the_next_topic(app, library):
    async def scenario(pilot):
        await wait_until(pilot, lambda: app._timeline is not None and app._timeline.is_running)  # prepared after start
        prepared = app._timeline
        assert not isinstance(app.screen, TimelineScreen)  # composed off screen, never shown
        app.show_timeline(Subject("topic", "north_south_corridor", "North–South corridor"))
        await pilot.pause()
        assert app.screen is prepared
        await pilot.press("a", *"vladimir putin", "enter")
        await wait_until(pilot, lambda: app.screen is prepared)
        await pilot.press("enter", "escape", "escape")  # a month listed, then closed
        assert not isinstance(app.screen, TimelineScreen)
        app.show_timeline(Subject("topic", "syria", "Syria"))  # the same screen, nothing left of the last
        await pilot.pause()
        screen = app.screen
        assert screen is prepared and [s.key for s in screen.subjects] == ["syria"]
        assert screen.monthly == library.timeline(screen.subjects) and MARKERS[1] not in chart_text(screen)
        title = str(screen.query_one("#timeline-title").render())
        assert "Syria" in title and "Vladimir Putin" not in title
        assert app.focused is screen.query_one(TimelineChart)
        assert "Enter lists the passages" in option_texts(screen.query_one(MonthList))[0]
        column, month = cursor_mark(screen)
        # Under its own bar: not placed by the last topic's axis (another span of months).
        assert month == screen.timeline.label(screen.timeline.bars[-1])
        assert column in bar_columns(screen, screen.timeline.bars[-1])
        app.active_topic = "north_south_corridor"
        await pilot.press("T")  # on the timeline itself: charted in place, not stacked again
        await pilot.pause()
        assert app.screen is prepared and [s.key for s in prepared.subjects] == ["north_south_corridor"]
        await pilot.press("escape")
        assert not isinstance(app.screen, TimelineScreen)

    drive(app, scenario)


def test_the_mark_of_a_chart_given_another_topic_is_placed_on_the_new_axis(library):
    """A chart built for Syria (57 months, 2017-11 to 2022-07) is given the corridor (one
    month) and asked for the mark's column before it is drawn again, as a screen charted
    ahead is: the column is under the corridor's bar, not where Syria's axis had month 0."""
    from textual.app import App

    syria, corridor = (library.timeline([Subject("topic", key, key)]) for key in ("syria", "north_south_corridor"))

    class Chart(App):
        def compose(self):
            yield TimelineChart()

    async def scenario():
        app = Chart()
        async with app.run_test(size=(100, 20)) as pilot:
            chart = app.query_one(TimelineChart)
            chart.draw(syria)
            await pilot.pause()
            chart.draw(corridor)
            (_, column), = chart.cursor_columns(0)
            await pilot.pause()
            rows = [chart.render_line(y).text for y in range(chart.size.height)]
            bar = {x for row in rows for x, ch in enumerate(row) if ch == MARKERS[0]}
            assert bar and column in bar

    asyncio.run(scenario())


@pytest.mark.parametrize("width, series", [(80, 2), (56, 4), (60, 3), (120, 2), (100, 1)])
def test_every_bar_of_several_series_over_100_months_shows(library, width, series):
    """A newcomer's report (issue 18): comparing two topics over some 100 months at
    80×24, two months shared a column and one series' bar hid the other's (the caption
    named 2026-01, the chart had no bar there). Fitted to the width (`fitted`: by
    year here), each series' bar of each period is drawn where the cursor's mark goes."""
    from reader.timeline import build_timeline

    rows = [(f"{2018 + n // 12}-{n % 12 + 1:02d}", 1 + n % 5 + 30 * (n == 70)) for n in range(100)]
    monthly = build_timeline([(Subject("topic", key, key), rows[k::k + 1]) for k, key in enumerate("abcd"[:series])])
    timeline, lines, marks = drawn_chart(monthly, (width, 20))
    bottom = lines[-3]  # the lowest line of bars, above the axis and its labels
    previous: dict[int, int] = {}
    for bar, drawn in enumerate(marks):
        for k, series in enumerate(timeline.series):
            assert (k in drawn) == bool(series.counts[bar])
            if k in drawn:
                assert bottom[drawn[k]] == MARKERS[k], (timeline.label(bar), k)
        if bar and drawn and previous:  # a blank column at least between periods
            assert min(drawn.values()) - max(previous.values()) >= 2
        previous = drawn


@pytest.mark.parametrize("width", [60, 80, 97, 120])
def test_each_years_tick_is_on_the_column_of_its_bars_mark(width):
    """A newcomer's report: at some widths a year's tick (┬) stood a column right of its
    bar (at 80 columns, 2022's beside 2022-Q1's two-column bar). The tick is now the
    column the cursor's ▲ takes under that bar, at every width and number of series."""
    from reader.timeline import build_timeline
    from reader.tui.screens.timeline import BarLayout

    for periods in range(2, 60):
        for series in range(1, 5):
            for inside in range(20, 160, 7):
                layout = BarLayout.of(periods, series, inside)
                for period in range(periods):
                    bars = [column for k in range(series) for column in layout.columns(period, k)]
                    assert layout.middle(period) == bars[(len(bars) - 1) // 2]
                    if series == 1:
                        assert layout.middle(period) == layout.centre(period, 0)

    rows = [("2017-11", 9), ("2018-01", 2), ("2020-01", 1), ("2022-01", 4), ("2022-07", 3)]
    timeline, lines, marks = drawn_chart(build_timeline([(TOPIC_A, rows)]), (width, 20))
    border = next(line for line in lines if "└" in line)
    ticks = [x for x, ch in enumerate(border) if ch == "┬"]
    januaries = [i for i in timeline.bars if timeline.months[i].endswith("-01")]
    assert len(januaries) == 3
    for bar in januaries:
        assert marks[bar][0] in ticks, (timeline.label(bar), marks[bar], ticks)


def test_a_series_with_no_dated_passage_takes_no_room_on_the_chart():
    """A newcomer's report: comparing with a subject that has no passage halved the
    other's bars (and could coarsen months to quarters): it kept a column a period."""
    from reader.timeline import build_timeline

    rows = [(f"2020-{m:02d}", m) for m in range(1, 13)]
    alone = build_timeline([(TOPIC_A, rows)])
    compared = build_timeline([(TOPIC_A, rows), (Subject("entity", "Nobody", "Nobody"), [(None, 2)])])
    assert compared.charted == (0,) and compared.series[1].undated == 2  # named, undated, not drawn
    timeline, lines, marks = drawn_chart(alone, (40, 16))
    assert timeline.step == 1
    assert drawn_chart(compared, (40, 16))[1:] == (lines, marks)


def test_four_series_at_60_by_20_leave_the_passage_list_room(app, library, monkeypatch):
    """A newcomer's report: comparing four subjects at 60×20, the caption's names and
    keys wrapped to five lines and the passage list kept one. Each series is then
    given by its fill (the title's key to them), the keys in short: two lines. And the
    cursor's moves no longer count the chart's room again (by year, each time)."""
    import reader.tui.screens.timeline as timeline_screen

    subjects = [library.subject(name) for name in ("strategic_partnership", "Vladimir Putin", "syria", "Hassan Rouhani")]
    grouped = []
    counting = timeline_screen.by_period
    monkeypatch.setattr(timeline_screen, "by_period", lambda *a: grouped.append(a) or counting(*a))

    async def scenario(pilot):
        app.show_timeline(subjects[0])
        await pilot.pause()
        screen = app.screen
        screen.subjects += subjects[1:]
        screen._replot()
        await pilot.pause()
        caption = str(screen.query_one("#timeline-caption").render()).splitlines()
        label = screen.timeline.label(screen.cursor)
        counts = "  ".join(f"{MARKERS[k]} {s.counts[screen.cursor]}" for k, s in enumerate(screen.timeline.series))
        assert caption == [f"{label}:  {counts}", "←/→: year · Enter: passages · a: add · d: drop · Esc"]
        assert screen.query_one(MonthList).size.height >= 5
        before = len(grouped)
        await pilot.press("left", "left", "right", "end", "home")
        await pilot.pause()
        assert len(grouped) == before  # the room was kept, not counted again
        await pilot.press("d", "d")  # two compared: their names fit the line
        await pilot.pause()
        caption = str(screen.query_one("#timeline-caption").render()).splitlines()
        assert caption[0].startswith(f"{screen.timeline.label(screen.cursor)}:  Strategic partnership: ")
        assert "Vladimir Putin: " in caption[0]

    drive(app, scenario, size=(60, 20))


@pytest.fixture
def corridor_years(write, tmp_path):
    """A reader on three corridor stories: 2016-03 (Astara), 2016-11 (Rasht), 2023-05 (Baku)."""
    story = "Rail deal\n\n{date}\n\nRussia and Iran signed a deal on the North-South corridor railway in {city}.\n"
    for name, date, city in (("a", "March 3, 2016", "Astara"), ("b", "November 9, 2016", "Rasht"),
                             ("c", "May 5, 2023", "Baku")):
        write(f"corpus/{name}.txt", story.format(date=date, city=city))
    library = Library(load_config(bundled_config()), [tmp_path / "corpus"]).ensure_fresh()
    return make_app(library, tmp_path), library


def test_a_timeline_too_long_for_the_width_goes_by_year_and_Enter_lists_the_year(corridor_years):
    """Two topics over 8 years at 80×24 are charted by year: the caption, the mark and
    Enter's list are the year's, every passage of its months listed."""
    app, library = corridor_years

    async def scenario(pilot):
        app.show_timeline(library.subject("north_south_corridor"))
        await pilot.pause()
        screen = app.screen
        assert screen.timeline.step == 3 and screen.timeline.label(screen.cursor) == "2023-Q2"  # 30 quarters fit (a bar and a gap each)
        screen.subjects.append(library.subject("Russia"))
        screen._replot()
        await pilot.pause()
        assert screen.timeline.step == 12 and screen.timeline.label(screen.cursor) == "2023"  # 30 × (2 + 1) do not
        title = str(screen.query_one("#timeline-title").render())
        assert "passages per year" in title
        await pilot.press("left")
        await pilot.pause()
        assert screen.timeline.label(screen.cursor) == "2016"
        assert str(screen.query_one("#timeline-caption").render()).startswith("2016:")
        assert cursor_mark(screen)[1] == "2016" and str(screen.query_one("#timeline-cursor").render()).count(CURSOR) == 2
        await pilot.press("enter")
        texts = option_texts(screen.query_one(MonthList))
        assert sum("Astara" in t for t in texts) == 2 and sum("Rasht" in t for t in texts) == 2  # both series
        assert not any("Baku" in t for t in texts)

    drive(app, scenario, size=(80, 24))


def test_d_with_the_passage_list_open_gives_the_focus_back_to_the_chart(app, library):
    """A newcomer's report: after `d` (or a resize) emptied the open passage list to its
    hint, the list kept the focus, so Enter listed nothing and q only left the list."""
    async def scenario(pilot):
        app.show_timeline(Subject("topic", "north_south_corridor", "North–South corridor"))
        await pilot.pause()
        screen = app.screen
        screen.subjects.append(Subject("entity", "Vladimir Putin", "Vladimir Putin"))
        screen._replot()
        await pilot.press("enter")
        assert app.focused is screen.query_one(MonthList)
        await pilot.press("d")
        assert app.focused is screen.query_one(TimelineChart)
        await pilot.press("enter")
        assert app.focused is screen.query_one(MonthList) and option_texts(screen.query_one(MonthList))

    drive(app, scenario, size=(80, 24))


def test_a_timeline_opened_while_indexing_says_so_and_is_counted_again_when_it_ends(write, tmp_path):
    """A newcomer's report: T during a cold index charted the first articles' counts
    and kept them after indexing ended, with nothing said."""
    story = "Rail deal\n\n{date}\n\nRussia and Iran signed a deal on the North-South corridor railway.\n"
    write("corpus/a.txt", story.format(date="March 3, 2019"))
    library = Library(load_config(bundled_config()), [tmp_path / "corpus"]).ensure_fresh()
    app = make_app(library, tmp_path)

    async def scenario(pilot):
        app._indexing = "indexing 1/2"
        app.show_timeline(library.subject("north_south_corridor"))
        await pilot.pause()
        screen = app.screen
        caption = lambda: str(screen.query_one("#timeline-caption").render())  # noqa: E731
        assert "(indexing: the counts so far)" in caption() and screen.monthly.series[0].total == 1
        write("corpus/b.txt", "Corridor opens\n\nMay 5, 2021\n\nThe North-South Transport Corridor carried its "
                              "first freight train from Russia to Iran on the new railway.\n")
        library.check_files()  # as the reader's background check of the files
        library.refresh()
        app._indexing_done()
        await pilot.pause()
        assert "indexing" not in caption() and screen.monthly.series[0].total == 2 and app.screen is screen

    drive(app, scenario, size=(80, 24))


def test_a_resize_keeps_the_open_list_and_the_quarter_the_cursor_was_put_on(corridor_years):
    """A newcomer's report: at 100 columns on 2019-Q2 with its passages listed, a resize
    to 80 columns (by year) closed the list, and back at 100 the cursor was on 2019-Q1."""
    app, library = corridor_years

    async def scenario(pilot):
        app.show_timeline(library.subject("north_south_corridor"))
        await pilot.pause()
        screen = app.screen
        await pilot.press("left", "enter")
        assert screen.timeline.label(screen.cursor) == "2016-Q4" and app.focused is screen.query_one(MonthList)
        await pilot.resize_terminal(60, 24)  # 30 quarters no longer fit: by year
        await pilot.pause()
        assert screen.timeline.label(screen.cursor) == "2016" and app.focused is screen.query_one(MonthList)
        texts = option_texts(screen.query_one(MonthList))
        assert any("Astara" in t for t in texts) and any("Rasht" in t for t in texts)  # the year's passages
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert screen.timeline.label(screen.cursor) == "2016-Q4"  # not 2016-Q1, the year's first
        texts = option_texts(screen.query_one(MonthList))
        assert any("Rasht" in t for t in texts) and not any("Astara" in t for t in texts)

    drive(app, scenario, size=(80, 24))


def test_the_picker_says_when_nothing_matches(app):
    async def scenario(pilot):
        app.show_timeline(Subject("topic", "north_south_corridor", "North–South corridor"))
        await pilot.pause()
        await pilot.press("a", *"zzzz", "enter")
        assert isinstance(app.screen, SubjectPicker)
        assert any("No topic or entity matches 'zzzz'" in str(n.message) for n in app._notifications)

    drive(app, scenario)


@pytest.mark.parametrize("typed", ["Путина", "پوتین"])
def test_the_picker_and_the_palette_find_an_entity_by_its_russian_or_persian_name(app, typed):
    """A newcomer typed پوتین and Путин in the compare box and in Ctrl+P: nothing (the
    names are listed in English); `iranru-reader timeline پوتین` found him."""
    async def scenario(pilot):
        app.show_timeline(Subject("topic", "north_south_corridor", "North–South corridor"))
        await pilot.pause()
        await pilot.press("a")
        picker = app.screen
        picker.query_one("#picker-input").value = typed
        await wait_until(pilot, lambda: picker.shown == [Subject("entity", "Vladimir Putin", "Vladimir Putin")])
        await pilot.press("escape", "escape")
        await pilot.press("ctrl+p")
        await pilot.pause()
        app.screen.query_one(Input).value = typed
        await wait_until(pilot, lambda: "Vladimir Putin" in " ".join(option_texts(app.screen.query_one("CommandList"))))
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.selected_entity == "Vladimir Putin")

    drive(app, scenario)


def test_the_topic_the_reader_is_on_is_charted_ahead_and_T_makes_no_query(app, library, monkeypatch):
    """The first T at 10,000 articles took 112-153 ms: its query, the chart's build and
    Textual's first render of the screen (issue 18). They are done ahead, off screen,
    for the topic the reader is on; T on it counts nothing again."""
    from reader.index import CorpusIndex

    async def scenario(pilot):
        await wait_until(pilot, lambda: app.view.doc is not None)  # opening it sets the topic: set it after
        await pilot.pause()
        app.active_topic = "syria"
        await wait_until(pilot, lambda: app._timeline is not None and [s.key for s in app._timeline.subjects] == ["syria"])
        prepared = app._timeline
        # laid out and rendered off screen: the chart has its size before it was ever shown
        assert not isinstance(app.screen, TimelineScreen) and prepared.query_one(TimelineChart).size.width > 0
        monkeypatch.setattr(CorpusIndex, "subject_months", lambda *_: pytest.fail("counted again on T"))
        await pilot.press("T")
        await wait_until(pilot, lambda: app.screen is prepared)
        assert MARKERS[0] in chart_text(prepared) and [s.key for s in prepared.subjects] == ["syria"]

    drive(app, scenario)


def test_palette_lists_timelines_for_topics_and_entities(app):
    async def scenario(pilot):
        await pilot.press("ctrl+p")
        await pilot.press(*"corridor timeline")
        await wait_until(pilot, lambda: any("— timeline" in str(o.prompt)
                                            for o in app.screen.query("CommandList").first().options))
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, TimelineScreen))
        assert app.screen.subjects[0].key == "north_south_corridor"

    drive(app, scenario)


def test_T_without_a_topic_says_what_to_do(app):
    async def scenario(pilot):
        await wait_until(pilot, lambda: app.view.doc is not None)  # opening it sets the topic: clear it after
        await pilot.pause()
        app.active_topic = None
        await pilot.press("T")
        assert not isinstance(app.screen, TimelineScreen)
        assert any("Ctrl+P" in str(n.message) for n in app._notifications)

    drive(app, scenario)


def test_B_previews_the_bookmarks_brief_and_w_saves_it_atomically(app, library, tmp_path):
    marks = [("002_c60d12b64ace6e87", 1), (FIRST, 2)]
    for article_id, passage in marks:
        app.store.apply(toggle_bookmark(Bookmark(article_id, passage, "t", "s", "2026-01-01T00:00:00")))
    out = tmp_path / "out" / "brief.md"
    out.parent.mkdir()

    async def scenario(pilot):
        await pilot.press("B")
        await wait_until(pilot, lambda: isinstance(app.screen, BriefScreen))
        screen = app.screen
        await pilot.pause()
        expected = brief_markdown("Brief: bookmarks", [Quote(library.get(a), p) for a, p in marks])
        # The preview is the brief itself (but for its "made" date), in Textual's Markdown widget.
        assert screen.text.split("\n", 3)[3] == expected.split("\n", 3)[3]
        assert screen.query_one(Markdown).source == screen.text
        await pilot.press("w")
        box = screen.query_one("#brief-path", Input)
        assert box.display and app.focused is box and box.value.endswith(".md")
        await pilot.press("escape")  # cancels the save, keeps the preview
        assert not box.display and app.screen is screen
        await pilot.press("t")  # the current topic's brief instead
        assert screen.source == "topic" and "Brief: " + app._topic_label(app.active_topic) in screen.text
        await pilot.press("t", "w")
        box.value = str(out)
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.screen is not screen)
        assert out.read_text(encoding="utf-8") == screen.text
        assert [p.name for p in out.parent.iterdir()] == ["brief.md"]  # no temporary file left

    drive(app, scenario, size=(80, 24))


def test_w_never_replaces_an_earlier_brief_without_a_second_enter(app, tmp_path, monkeypatch):
    """A newcomer's `w` Enter replaced the brief `iranru-reader brief` had written that day."""
    monkeypatch.chdir(tmp_path)

    async def scenario(pilot):
        await pilot.press("B")
        await wait_until(pilot, lambda: isinstance(app.screen, BriefScreen))
        screen = app.screen
        await pilot.pause()
        earlier = tmp_path / screen.file_name
        earlier.write_text("earlier brief", encoding="utf-8")
        await pilot.press("w")
        box = screen.query_one("#brief-path", Input)
        assert box.value == str(tmp_path / earlier.name.replace(".md", "-2.md"))  # a free name proposed
        box.value = str(earlier)
        await pilot.press("enter")  # asks first
        await pilot.pause()
        assert app.screen is screen and earlier.read_text(encoding="utf-8") == "earlier brief"
        assert any("exists: Enter again replaces it" in str(n.message) for n in app._notifications)
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.screen is not screen)
        assert earlier.read_text(encoding="utf-8") == screen.text

    drive(app, scenario, size=(80, 24))


def test_a_long_brief_is_previewed_up_to_its_first_articles_and_saved_whole(app, library, monkeypatch):
    """A newcomer's report: B on a topic of 1,056 passages froze the reader 76 s (and
    Esc 43 s more) while Textual's Markdown widget built the whole 448 KB brief."""
    from functools import partial

    from reader.export import ARTICLE_BREAK, preview

    monkeypatch.setattr("reader.tui.screens.brief.preview", partial(preview, most=1))  # one article only

    async def scenario(pilot):
        assert not app.store.state.bookmarks
        await pilot.press("B")  # no bookmarks: the topic's brief
        await wait_until(pilot, lambda: isinstance(app.screen, BriefScreen))
        screen = app.screen
        await pilot.pause()
        articles = screen.text.count(ARTICLE_BREAK)
        assert articles >= 2 and screen.source == "topic"
        shown = screen.query_one(Markdown).source
        assert shown.count(ARTICLE_BREAK) == 1 and shown.startswith(screen.text.split(ARTICLE_BREAK)[0])
        assert f"The preview stops after 1 of {articles} articles" in shown
        assert f"(first 1 of {articles} articles)" in str(screen.query_one("#brief-title").render())

    drive(app, scenario, size=(80, 24))


def test_B_with_a_hostile_article_previews_its_text_as_text(tmp_path):
    library = Library(load_config(bundled_config()), [FIXTURES / "markdown_hostile.txt"], cache=False).ensure_fresh()
    app = make_app(library, tmp_path)
    doc = library.get(library.entries[0].id)
    for i in range(len(doc.clean.paragraphs)):
        app.store.apply(toggle_bookmark(Bookmark(doc.id, i, "t", "s", "2026-01-01T00:00:00")))

    async def scenario(pilot):
        await pilot.press("B")
        await wait_until(pilot, lambda: isinstance(app.screen, BriefScreen))
        await pilot.pause()
        shown = "\n".join(str(block._content) for block in app.screen.query("MarkdownBlock")
                          if hasattr(block, "_content"))
        assert "[@click=app.quit]a click[/]" in shown
        assert "treaty x with" in shown  # the cleaner drops HTML tags left in a .txt (issue 13)
        assert "[Raisi](http://evil.example)" in shown
        await pilot.press("escape")
        assert app.is_running

    drive(app, scenario)


@pytest.fixture
def lasting_toasts(app, monkeypatch):
    """Toasts that outlast a loaded machine's slow steps: the app's 2 s toasts timed out
    between a burst of keys and the check when the suite ran beside other work."""
    original = app.toast
    monkeypatch.setattr(app, "toast", lambda key, message, timeout: original(key, message, 60))


def test_rapid_trail_steps_show_one_toast_the_latest_not_a_pile(app, library, lasting_toasts):
    """A newcomer's report: toasts piled up on rapid ] (one per press, each for 2 s)."""
    async def scenario(pilot):
        topic = app.active_topic
        trail = library.trail(topic)
        assert len(trail) >= 5
        await pilot.press("]", "]", "]", "]")  # one burst: the toasts' messages come after the keys
        await pilot.pause()
        shown = [n.message for n in app._notifications if "trail" in n.message]
        assert shown == [f"“{app._topic_label(topic)}” trail: {app._trail_position()}/{len(trail)}"]
        await pilot.press("]")  # one more, after the last was shown: it takes that one's place
        await pilot.pause()
        shown = [n.message for n in app._notifications if "trail" in n.message]
        assert shown == [f"“{app._topic_label(topic)}” trail: {app._trail_position()}/{len(trail)}"]
        app.notify("another message")  # other toasts are left alone
        await pilot.press("[")
        await pilot.pause()
        assert ["another message"] == [n.message for n in app._notifications if "trail" not in n.message]

    drive(app, scenario)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_B_previews_persian_passages_right_to_left_in_visual_order(tmp_path, size):
    """A newcomer's report: the preview showed Persian in logical order (the first word
    on the left, its letters left to right). Each line is now in visual order: the
    first word at the right end of the first line, right-aligned."""
    from reader.tui.screens.brief import BidiParagraph, VisualLines

    library = Library(load_config(bundled_config()), [FIXTURES / "entities_fa_irna.txt"], cache=False).ensure_fresh()
    app = make_app(library, tmp_path)
    doc = library.get(library.entries[0].id)
    app.store.apply(toggle_bookmark(Bookmark(doc.id, 1, "t", "s", "2026-01-01T00:00:00")))
    passage = doc.clean.paragraphs[1].text

    async def scenario(pilot):
        await pilot.press("B")
        await wait_until(pilot, lambda: isinstance(app.screen, BriefScreen))
        await pilot.pause()
        quoted = [b for b in app.screen.query(BidiParagraph) if b._content.plain.startswith(passage.split()[0])]
        assert len(quoted) == 1 and isinstance(quoted[0].render(), VisualLines)
        block = quoted[0]
        lines = [block.render_line(y).text for y in range(block.size.height)]
        assert len(lines) > 1  # wrapped: each line reordered on its own
        first_word = passage.split()[0]
        assert lines[0].rstrip().endswith(first_word[::-1]) and not lines[0].startswith(first_word)
        assert all(line.startswith(" ") or len(line.rstrip()) >= block.size.width - 2 for line in lines[:-1])
        assert lines[-1].startswith(" ")  # the last, short line: right-aligned
        english = [b for b in app.screen.query(BidiParagraph) if "Dates:" in b._content.plain]
        assert english and not isinstance(english[0].render(), VisualLines)  # left-to-right text as before

    drive(app, scenario, size=size)


def test_the_citation_of_a_persian_passage_reads_left_to_right_with_its_pilcrow_and_number_together(tmp_path):
    """A newcomer's report: in the preview, a Persian article's citation was laid out
    right to left ("IRNA, undated, ¶ 2 ,<title> —") and "¶" ended one line, its number
    starting the next. The citation is the reader's words: left to right, "¶ 2" whole."""
    from reader.tui.screens.brief import BidiParagraph

    library = Library(load_config(bundled_config()), [FIXTURES / "entities_fa_irna.txt"], cache=False).ensure_fresh()
    app = make_app(library, tmp_path)
    doc = library.get(library.entries[0].id)
    app.store.apply(toggle_bookmark(Bookmark(doc.id, 1, "t", "s", "2026-01-01T00:00:00")))

    async def scenario(pilot):
        await pilot.press("B")
        await wait_until(pilot, lambda: isinstance(app.screen, BriefScreen))
        await pilot.pause()
        cited = [b for b in app.screen.query(BidiParagraph) if b._content.plain.startswith("— ")]
        assert len(cited) == 1
        block = cited[0]
        assert [block.render_line(y).text.strip() for y in range(block.size.height)][0].startswith("— ")
        laid_out = block.render()
        for width in range(10, 80):
            lines = laid_out._laid_out(width).plain.split("\n")
            assert lines[0].startswith("— ")  # left to right, not right-aligned
            assert [("¶" in line) == ("2" in line) for line in lines if "¶" in line] == [True], (width, lines)
        quoted = [b for b in app.screen.query(BidiParagraph) if not b._content.plain.startswith("— ")
                  and has_rtl(b._content.plain) and not b._cites()]
        assert quoted  # the quoted passage itself is no citation

    drive(app, scenario, size=(80, 24))


def test_an_article_off_the_topic_leaves_no_stale_trail_and_t_in_the_brief_says_why(library, tmp_path):
    """A newcomer opened an off-field rugby report after an article on trade: the panel
    said "this passage has no topic" and "]/[ trail: Trade and investment", T charted
    that old topic, and t in the brief did nothing and said nothing."""
    from reader.history import Location

    (tmp_path / "rugby.txt").write_text(
        "Wales edge England in Cardiff\n\nWales beat England 24-10 at the Principality Stadium on Saturday, "
        "with two tries from the wing in the second half sealing the Six Nations win.\n", encoding="utf-8")
    seeds = [str(p) for p in library.paths]
    (tmp_path / "config.yaml").write_text(f"corpus: [{', '.join(seeds)}, rugby.txt]\n", encoding="utf-8")
    both = Library(load_config(tmp_path / "config.yaml"), cache=False).ensure_fresh()
    rugby = next(e.id for e in both.entries if e.path.endswith("rugby.txt"))
    assert both.get(rugby).topics == ()
    app = make_app(both, tmp_path)

    async def scenario(pilot):
        await app.go(Location(FIRST, 0))
        await pilot.pause()
        assert app.active_topic in app.view.doc.topic_ids(0)
        await app.go(Location(rugby, 0))
        await pilot.pause()
        assert app.active_topic is None
        assert "trail:" not in str(app.panel.query_one("#links-title").render())
        await pilot.press("T")
        assert not isinstance(app.screen, TimelineScreen)
        await pilot.press("B")
        await wait_until(pilot, lambda: isinstance(app.screen, BriefScreen))
        await pilot.pause()
        await pilot.press("t")
        assert app.screen.source == "bookmarks"
        assert any("No topic to brief" in str(n.message) for n in app._notifications)

    drive(app, scenario)



def test_the_timeline_title_shows_each_series_fill_in_its_bars_colour(app):
    """A newcomer comparing two subjects saw cyan and orange bars under a title whose █ and ▒
    were both in the text colour: nothing said which colour was which."""
    from rich.style import Style

    from reader.tui.screens.timeline import STYLES

    seen = {}

    async def scenario(pilot):
        app.show_timeline(Subject("topic", "north_south_corridor", "North–South corridor"))
        await pilot.pause()
        screen = app.screen
        await pilot.press("a")
        await pilot.press(*"vladimir putin", "enter")
        await wait_until(pilot, lambda: app.screen is screen and len(screen.timeline.series) == 2)
        await pilot.pause()
        seen["segments"] = list(screen.query_one("#timeline-title").render_line(0))

    drive(app, scenario, size=(120, 40))
    for k in range(2):
        fill = next(s for s in seen["segments"] if MARKERS[k] in s.text)
        assert fill.style.color.get_truecolor() == Style.parse(STYLES[k]).color.get_truecolor(), (k, fill)


def test_rapid_sidebar_width_and_trail_topic_keys_show_one_toast_each(app, lasting_toasts):
    from reader.history import Location

    """A newcomer pressing > four times read four "Sidebar: N columns" toasts piled up,
    and } in turn a pile of "] and [ now follow …"."""
    async def scenario(pilot):
        await pilot.press(">", ">", ">", ">")
        await pilot.pause()
        shown = [n.message for n in app._notifications if n.message.startswith("Sidebar:")]
        assert shown == [f"Sidebar: {app.query_one('Sidebar').styles.width.value:.0f} columns (< and > change it)"]
        doc = app.view.doc
        index = next(i for i in range(len(doc.clean.paragraphs)) if len(doc.topic_ids(i)) > 1)
        await app.go(Location(doc.id, index))
        await pilot.press("}", "}", "}")
        await pilot.pause()
        shown = [n.message for n in app._notifications if "now follow" in n.message]
        assert len(shown) == 1 and app._topic_label(app.active_topic) in shown[0]

    drive(app, scenario)


def test_a_quoted_passage_opening_with_a_dash_is_no_citation():
    """Russian dialogue opens with "— ": quoted in a brief, it is a passage (in its block
    quote), laid out as its words say, not as a citation line."""
    from textual.app import App

    from reader.tui.screens.brief import BidiParagraph, BriefMarkdown

    class Preview(App):
        def compose(self):
            yield BriefMarkdown()

    async def scenario():
        async with Preview().run_test(size=(80, 12)) as pilot:
            await pilot.app.query_one(BriefMarkdown).update("> — Мы подпишем договор.\n\n— *Договор*, ТАСС, undated, ¶ 1\n")
            await pilot.pause()
            return [(b._content.plain, b._cites()) for b in pilot.app.query(BidiParagraph)]

    assert asyncio.run(scenario()) == [("— Мы подпишем договор.", False), ("— Договор, ТАСС, undated, ¶ 1", True)]


def test_B_with_nothing_to_brief_offers_no_save(app):
    """With no bookmarks and no topic the preview said so, yet offered "w: save as…"."""
    async def scenario(pilot):
        app.push_screen(BriefScreen({"bookmarks": lambda: "no bookmarks yet: press m on a passage"}, "bookmarks"))
        await wait_until(pilot, lambda: isinstance(app.screen, BriefScreen))
        await pilot.pause()
        hints = str(app.screen.query_one("#brief-title").render())
        assert "no bookmarks yet" in hints and "Esc: close" in hints and "w: save" not in hints

    drive(app, scenario, size=(80, 24))
