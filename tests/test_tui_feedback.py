"""What a newcomer met reading a folder of real articles, driven with Pilot."""

from __future__ import annotations

import asyncio

import pytest
from rich.color import ColorSystem
from rich.style import Style
from textual import constants
from textual.widgets._toast import Toast

from reader.tui.app import ReaderApp
from reader.tui.screens.help import HelpScreen
from reader.tui.widgets.keybar import KeyBar
from reader.tui.widgets.legend import Legend

from tui_helpers import drive, make_app, wait_until


@pytest.fixture
def app(library, tmp_path) -> ReaderApp:
    return make_app(library, tmp_path)


def test_on_16_colours_every_entity_type_keeps_a_visible_colour_of_its_own(library, tmp_path, monkeypatch):
    """TERM=xterm: places came out white underlined (4;37) on white body text (97)."""
    monkeypatch.setattr(constants, "COLOR_SYSTEM", "standard")
    app = make_app(library, tmp_path)

    async def scenario(pilot):
        assert app.console.color_system == "standard"
        styles = app.view.entity_styles
        colours = {}
        for kind, text in styles.items():
            colour = Style.parse(text).color
            number = colour.downgrade(ColorSystem.STANDARD).number
            assert number not in (0, 7, 8, 15), f"{kind} ({text}) is grey, black or white on 16 colours"
            colours.setdefault(str(Style.parse(library.config.styles[kind]).color), set()).add(number)
        # one configured colour, one terminal colour, and no two configured colours alike
        assert all(len(numbers) == 1 for numbers in colours.values())
        assert len({n for numbers in colours.values() for n in numbers}) == len(colours)

    drive(app, scenario)


@pytest.mark.parametrize("system", ["256", "standard"])
def test_under_no_color_every_entity_type_stays_light_on_the_dark_background(library, tmp_path, monkeypatch, system):
    """A newcomer saw dates (legend and text) near black, grey 237 on 233, under NO_COLOR on 256
    colours: the red swapped in for their grey was then greyed by its luminance."""
    from textual.color import Color

    monkeypatch.setattr(constants, "COLOR_SYSTEM", system)
    monkeypatch.setenv("NO_COLOR", "1")  # Textual reads it when the app is made
    app = make_app(library, tmp_path)

    async def scenario(pilot):
        for kind, text in app.view.entity_styles.items():
            colour = Style.parse(text).color  # none: the terminal's own foreground; else what Textual's filter shows
            grey = None if colour is None else Color.from_rich_color(colour).monochrome
            assert grey is None or grey.brightness > 0.45, f"{kind} ({text}) is {grey.hex} without colour"

    drive(app, scenario)


def test_toasts_stand_clear_of_the_article_and_the_key_bar(app):
    """At 120x40 the trail, copy and bookmark toasts hid the article's title and metadata."""
    async def scenario(pilot):
        await pilot.press("m")
        await wait_until(pilot, lambda: app.screen.query(Toast))
        toast = app.screen.query_one(Toast).region
        article = app.view.region
        assert toast.x >= article.right, (toast, article)  # beside the article: over the panel's last lines
        assert toast.bottom <= app.query_one(Legend).region.y <= app.query_one(KeyBar).region.y
        await pilot.press("slash")  # the find box open (keys type into it): toasts stand above it
        app.notify("a toast while finding")
        await pilot.pause()
        await wait_until(pilot, lambda: app.screen.query(Toast))
        box = app.query_one("#find").region
        assert all(t.region.bottom <= box.y or t.region.x >= box.right for t in app.screen.query(Toast))

    async def session() -> None:
        async with app.run_test(size=(120, 40), notifications=True) as pilot:  # run_test hides toasts by default
            await pilot.pause()
            await scenario(pilot)

    asyncio.run(session())


def test_toasts_stand_above_the_open_find_box_at_80x24(app):
    async def scenario(pilot):
        await pilot.press("slash")
        app.notify("a toast while finding")
        await wait_until(pilot, lambda: app.screen.query(Toast))
        await pilot.pause()
        box = app.query_one("#find").region
        assert box.height and all(t.region.bottom <= box.y for t in app.screen.query(Toast))

    async def session() -> None:
        async with app.run_test(size=(80, 24), notifications=True) as pilot:
            await pilot.pause()
            await scenario(pilot)

    asyncio.run(session())


def test_the_sidebar_filter_reads_topic_and_source_and_names_an_unknown_word(app, library):
    topic = next(t for e in library.entries for t in e.topics if not all(t in f.topics for f in library.entries))

    async def scenario(pilot):
        app.query_one("#articles").focus()
        await pilot.press("slash", *f"topic:{topic}")
        await pilot.pause()
        assert len(app.shown_entries) == sum(topic in e.topics for e in library.entries)
        assert "—" not in app.sub_title.split("·")[-2]
        box = app.query_one("#filter")
        box.value = "author:smith"
        await pilot.pause()
        assert "0 shown — “author:” is no filter (lang:, topic:, source:)" in app.sub_title

    drive(app, scenario)


def test_help_explains_the_sidebar_filter(app):
    async def scenario(pilot):
        await pilot.press("question_mark")
        await wait_until(pilot, lambda: isinstance(app.screen, HelpScreen))
        group = app.screen.query_one("#help-body Static").content  # the help's Group
        shown = " ".join(getattr(part, "plain", "") for part in group.renderables)
        assert "topic:sanctions" in shown and "source:tass" in shown and "lang:fa" in shown

    drive(app, scenario)


def test_m_and_y_say_why_they_do_nothing_from_any_pane(app, library, tmp_path):
    """m with the focus in the entity panel did nothing and said nothing (the raw view,
    or no article open yet while the first index was built)."""
    async def scenario(pilot):
        await pilot.press("r", "e")
        assert app.raw_mode and app.focused is app.query_one("#entities")
        await pilot.press("m", "y")
        assert app.store.state.bookmarks == ()
        said = [str(n.message) for n in app._notifications]
        assert any("raw view has no passages to bookmark" in m for m in said)
        assert any("raw view has no passages to copy" in m for m in said)

    drive(app, scenario)
    empty = tmp_path / "empty"
    empty.mkdir()
    from reader.library import Library

    nothing = make_app(Library(library.config, [empty], cache=False).ensure_fresh(), tmp_path)

    async def no_article(pilot):
        await pilot.press("e", "m")
        assert any("Nothing to bookmark: no article is open" in str(n.message) for n in nothing._notifications)

    drive(nothing, no_article)


def test_a_filter_that_keeps_no_article_says_why_in_the_list(app):
    """At 80 columns the header's note was cut ("filter “topic:sanktions”: 0…"): the empty
    list says which words kept nothing and what is wrong with them."""
    async def scenario(pilot):
        app.query_one("#articles").focus()
        await pilot.press("slash", *"tehran topic:sanktions")
        await pilot.pause()
        articles = app.query_one("#articles")
        assert len(app.shown_entries) == 0
        shown = " ".join("".join(segment.text for y in range(12) for segment in articles.render_line(y)).split())
        assert shown.startswith("No topic “sanktions”") and "(/ from the list); Esc in the box clears it" in shown
        assert "No article holds" not in shown  # tehran alone is in articles: the topic is what is wrong
        for _ in "topic:sanktions":
            await pilot.press("backspace")
        await pilot.press(*"zzz")
        await pilot.pause()
        shown = " ".join("".join(segment.text for y in range(12) for segment in articles.render_line(y)).split())
        assert shown.startswith("No article holds every word of “tehran zzz”.")
        await pilot.press("down", "slash")  # from the list, / goes back to the box, its words kept
        assert app.focused is app.query_one("#filter") and app.query_one("#filter").value == "tehran zzz"
        await pilot.press("escape")
        await pilot.pause()
        assert len(app.shown_entries) == 5 and articles.empty_note is None

    drive(app, scenario)
