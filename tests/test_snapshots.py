"""SVG snapshots of the main screens; `pytest --snapshot-update` after a deliberate change."""

from __future__ import annotations

import pytest

from reader.state import StateStore
from reader.tui.app import ReaderApp


@pytest.fixture(autouse=True)
def _nothing_read_ahead(monkeypatch):
    """No timeline or trail read ahead while a snapshot is taken: once the trail is read,
    the panel names the passage's place on it ("2/11"), and whether that happened
    before the picture would depend on the machine's load."""
    monkeypatch.setattr("reader.tui.app.PREPARE_AFTER", 3600.0)


@pytest.fixture
def app(library, tmp_path):
    return ReaderApp(library, StateStore(tmp_path / "state.json"))


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
def test_main_screen(snap_compare, app, size):
    assert snap_compare(app, terminal_size=size, press=["j", "j"])


def test_entity_selected_120x40(snap_compare, app):
    assert snap_compare(app, terminal_size=(120, 40), press=["e", "enter", "tab", "n"])


def test_help_screen(snap_compare, app):
    assert snap_compare(app, terminal_size=(120, 40), press=["question_mark"])


def test_main_screen_no_color_80x24(snap_compare, library, tmp_path, monkeypatch):
    """NO_COLOR: entity types still apart by attributes, the passage cursor by its bar."""
    monkeypatch.setenv("NO_COLOR", "1")  # Textual reads it when the app is made
    app = ReaderApp(library, StateStore(tmp_path / "state.json"))
    assert snap_compare(app, terminal_size=(80, 24), press=["j", "j"])
