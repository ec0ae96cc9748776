"""Guards for Textual 8.2 bugs that crash the reader; each names its reproduction.

Imported once by the app. Remove a guard when the Textual pinned in
pyproject.toml no longer needs it (its test then passes without it).
"""

from __future__ import annotations

from functools import wraps

from textual.command import CommandPalette
from textual.css.query import NoMatches
from textual.widgets import OptionList

_move_page = OptionList._move_page


@wraps(_move_page)
def _move_page_when_laid_out(self: OptionList, direction: int) -> None:
    # PgUp/PgDn on an OptionList whose lines are not laid out yet (the command
    # palette right after Ctrl+P, a list at 20x5) raised KeyError in
    # `_index_to_line` (the same crash as kagan-sh/kagan-legacy#31).
    # Found by tests/test_fuzz.py; reproduced by test_tui's palette paging test.
    if (self.highlighted or 0) not in self._index_to_line:
        return
    _move_page(self, direction)


OptionList._move_page = _move_page_when_laid_out


_watch_list_visible = CommandPalette._watch__list_visible


@wraps(_watch_list_visible)
def _watch_list_visible_while_open(self: CommandPalette) -> None:
    # Ctrl+P, a few letters and Escape in one burst: the palette's search worker
    # finished after the palette had removed its children, and this watcher's
    # query_one raised NoMatches inside the worker, ending the app.
    # Found by tests/test_fuzz.py; reproduced by test_tui's palette closing test.
    try:
        _watch_list_visible(self)
    except NoMatches:
        return


CommandPalette._watch__list_visible = _watch_list_visible_while_open


_select_or_command = CommandPalette._select_or_command


@wraps(_select_or_command)
def _select_once(self: CommandPalette, *args, **kwargs):
    # Enter twice in one burst selected twice: the second dismiss found no
    # screen to pop and raised ScreenStackError. Found by tests/test_fuzz.py.
    if not self.is_attached or self.app.screen is not self:
        return None
    return _select_or_command(self, *args, **kwargs)


CommandPalette._select_or_command = _select_once
