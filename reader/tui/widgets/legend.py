"""One line naming each entity type in its own style (and tag, when tags are on).

The names are the gazetteer's labels (`types:` in gazetteer.yaml), so a type
added there shows here without a change to the code. A label is shown whole
when the line has room; otherwise in its compact form ("Agreement, process
or war" -> "Agreement/process/war") on two lines if need be, never cut to a
first word that would misname the type.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from rich.text import Text
from textual.geometry import Size
from textual.widget import Widget

from ...render import TAGS

_ALTERNATIVES = re.compile(r",\s*|\s+or\s+")


def compact_label(label: str) -> str:
    """'Country or city' -> 'Country/city'; a label without alternatives is kept."""
    return "/".join(part for part in _ALTERNATIVES.split(label) if part)


def legend_text(labels: Mapping[str, str], styles: Mapping[str, str], type_tags: bool, width: int | None = None) -> Text:
    """The legend in `width` cells: whole labels on one line if they fit, else compact
    ones, on as many lines as they need (wrapped between labels, never inside one)."""
    for shorten in (False, True):
        items = []
        for kind, label in labels.items():
            item = Text(compact_label(label) if shorten else label, style=styles.get(kind, "bold"))
            if type_tags:
                item.append(f"[{TAGS.get(kind, kind)}]", style="dim")
            items.append(item)
        if width is None or sum(item.cell_len for item in items) + 2 * (len(items) - 1) <= width:
            return Text("  ").join(items)
    text, line = Text(), 0
    for item in items:
        if line and line + 2 + item.cell_len > width:
            text.append("\n")
            line = 0
        elif line:
            text.append("  ")
            line += 2
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

    def render(self) -> Text:
        return legend_text(self.labels, self.entity_styles, self.type_tags, self.content_region.width)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(legend_text(self.labels, self.entity_styles, self.type_tags, width).plain.split("\n"))
