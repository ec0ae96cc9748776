"""One line naming each entity type in its own style (and tag, when tags are on).

The names are the gazetteer's labels (`types:` in gazetteer.yaml), so a type
added there shows here without a change to the code. A label is shown whole
when the line has room; otherwise in its compact form ("Agreement, process
or war" -> "Agreement/process/war"), never cut to a first word that would
misname the type.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from rich.text import Text
from textual.widget import Widget

from ...render import TAGS

_ALTERNATIVES = re.compile(r",\s*|\s+or\s+")


def compact_label(label: str) -> str:
    """'Country or city' -> 'Country/city'; a label without alternatives is kept."""
    return "/".join(part for part in _ALTERNATIVES.split(label) if part)


def legend_text(labels: Mapping[str, str], styles: Mapping[str, str], type_tags: bool, width: int | None = None) -> Text:
    """The legend in `width` cells: whole labels if they fit, else compact ones (then cut with "…")."""
    for shorten in (False, True):
        text = Text(no_wrap=True, overflow="ellipsis")
        for kind, label in labels.items():
            if text:
                text.append("  ")
            text.append(compact_label(label) if shorten else label, style=styles.get(kind, "bold"))
            if type_tags:
                text.append(f"[{TAGS.get(kind, kind)}]", style="dim")
        if width is None or text.cell_len <= width:
            break
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
