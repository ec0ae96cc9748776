"""SVG snapshots of the main screens; `pytest --snapshot-update` after a deliberate change."""

from __future__ import annotations

import pytest

from reader.state import StateStore
from reader.tui.app import ReaderApp


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
