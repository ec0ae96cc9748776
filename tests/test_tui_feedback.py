"""What a newcomer met reading a folder of real articles, driven with Pilot."""

from __future__ import annotations

import asyncio

import pytest
from rich.color import ColorSystem
from rich.style import Style
from textual import constants
from textual.widgets._toast import Toast

from reader.tui.app import ReaderApp
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
