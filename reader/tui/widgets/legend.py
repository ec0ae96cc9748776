"""One line naming each entity type in its own style (and tag, when tags are on).

The names are the gazetteer's labels (`types:` in gazetteer.yaml), so a type
added there shows here without a change to the code. A label is shown whole
when the line has room; otherwise in its compact form ("Agreement, process
or war" -> "Agreement/process/war") on two lines if need be, never cut to a
first word that would misname the type; where that takes more lines than a
small terminal can spare, each type is named by its tag ("PER GPE ORG …") in
its own style.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from rich.text import Text
from textual.geometry import Size
from textual.widget import Widget

from ...render import TAGS

_ALTERNATIVES = re.compile(r",\s*|\s+or\s+")
# Terminal lines under which the legend takes one line (its types' tags, if need be), not two: at 60x20
# its labels took three lines and at 40x12 four, a third of the screen (a newcomer's report).
SMALL_HEIGHT = 24


def compact_label(label: str) -> str:
    """'Country or city' -> 'Country/city'; a label without alternatives is kept."""
    return "/".join(part for part in _ALTERNATIVES.split(label) if part)


def legend_text(labels: Mapping[str, str], styles: Mapping[str, str], type_tags: bool, width: int | None = None,
                max_lines: int | None = None) -> Text:
    """The legend in `width` cells: whole labels on one line if they fit, else compact
    ones, on as many lines as they need (wrapped between labels, never inside one). When
    those need more than `max_lines` lines (a small terminal), each type is named by its
    tag in its own style ("PER GPE ORG …", as `type_tags` marks the text), wrapped too."""
    def item(kind: str, name: str, tag: bool) -> Text:
        shown = Text(name, style=styles.get(kind, "bold"))
        if tag:
            shown.append(f"[{TAGS.get(kind, kind)}]", style="dim")
        return shown

    whole = [item(kind, label, type_tags) for kind, label in labels.items()]
    if width is None or sum(i.cell_len for i in whole) + 2 * (len(whole) - 1) <= width:
        return Text("  ").join(whole)
    compact = _wrapped([item(kind, compact_label(label), type_tags) for kind, label in labels.items()], width, "  ")
    if max_lines is None or len(compact.plain.split("\n")) <= max_lines:
        return compact
    return _wrapped([item(kind, TAGS.get(kind, kind), False) for kind in labels], width, " ")


def _wrapped(items: list[Text], width: int, gap: str) -> Text:
    """`items` joined by `gap`, on lines of `width` cells, broken between items only."""
    text, line = Text(), 0
    for item in items:
        if line and line + len(gap) + item.cell_len > width:
            text.append("\n")
            line = 0
        elif line:
            text.append(gap)
            line += len(gap)
        text.append_text(item)
        line += item.cell_len
    return text


class Legend(Widget):
    """The legend line; the app calls `show` with the labels, entity styles and tag setting."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.labels: Mapping[str, str] = {}
        self.entity_styles: Mapping[str, str] = {}
        self.type_tags = False

    def show(self, labels: Mapping[str, str], styles: Mapping[str, str], type_tags: bool) -> None:
        self.labels, self.entity_styles, self.type_tags = labels, styles, type_tags
        self.refresh()

    def _max_lines(self) -> int:
        """Lines the legend may take: two, one on a terminal under SMALL_HEIGHT lines."""
        return 1 if self.app.size.height < SMALL_HEIGHT else 2

    def render(self) -> Text:
        return legend_text(self.labels, self.entity_styles, self.type_tags, self.content_region.width, self._max_lines())

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(legend_text(self.labels, self.entity_styles, self.type_tags, width, self._max_lines()).plain.split("\n"))
