"""`+` on a passage: the names in it that nothing highlights (and the model's), one
key from the user's gazetteer. Enter adds the highlighted name with its type;
t changes the type first."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ...annotate.gazetteer import Candidate
from ..widgets.panel import PaneList
from ..bindings import CANDIDATES, MODAL

EMPTY = "No unhighlighted names in this passage."


class CandidatesScreen(ModalScreen[tuple[str, str] | None]):
    BINDINGS = [*MODAL, *CANDIDATES]

    def __init__(self, names: Sequence[Candidate], types: Sequence[str]) -> None:
        super().__init__()
        self.names = [(c.name, c.type if c.type in types else types[0]) for c in names]
        self.types = list(types)

    def compose(self) -> ComposeResult:
        with Vertical(id="candidates-body") as body:
            body.border_title = "Add to your gazetteer — Enter: add · t: change type · Esc: close"
            yield Static(Text(EMPTY if not self.names else "", style="dim"))
            yield PaneList(*self._options(), id="candidate-list")  # j/k/g/G move, as in every list

    def _options(self) -> list[Option]:
        return [Option(Text.assemble((name, "bold"), "  ", (kind, "dim")), id=str(i))
                for i, (name, kind) in enumerate(self.names)]

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.names[int(event.option.id)])

    def action_cycle_type(self) -> None:
        options = self.query_one(OptionList)
        index = options.highlighted
        if index is None or not self.names:
            return
        name, kind = self.names[index]
        self.names[index] = (name, self.types[(self.types.index(kind) + 1) % len(self.types)])
        options.set_options(self._options())
        options.highlighted = index

    def action_close(self) -> None:
        self.dismiss(None)
