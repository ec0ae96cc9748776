"""What a newcomer met reading a folder of real articles, driven with Pilot."""

from __future__ import annotations

import pytest
from rich.color import ColorSystem
from rich.style import Style
from textual import constants

from reader.tui.app import ReaderApp

from tui_helpers import drive, make_app


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
