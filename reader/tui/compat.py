"""Guards for Textual 8.2 bugs that crash the reader; each names its reproduction.

Imported once by the app. Remove a guard when the Textual pinned in
pyproject.toml no longer needs it (its test then passes without it).
"""

from __future__ import annotations

from functools import wraps

from textual import work
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


_gather_commands = CommandPalette._gather_commands.__wrapped__  # the method under Textual's @work


@wraps(_gather_commands)
async def _gather_commands_while_open(self: CommandPalette, search_value: str) -> None:
    # Ctrl+C (quit) then Ctrl+P and a letter in one burst: the palette opened as
    # the app closed, and its search worker's query_one(CommandList) raised
    # NoMatches once the palette had lost its children, failing the app.
    # Found by tests/test_fuzz.py; reproduced by test_tui_reading's Ctrl+C test.
    try:
        await _gather_commands(self, search_value)
    except NoMatches:
        return


CommandPalette._gather_commands = work(exclusive=True, group=CommandPalette._GATHER_COMMANDS_GROUP)(
    _gather_commands_while_open)
