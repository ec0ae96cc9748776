"""One line naming each entity type in its own style (and tag, when tags are on)."""

from __future__ import annotations

from collections.abc import Mapping

from rich.text import Text
from textual.widgets import Static

from ...render import TAGS


def legend_text(labels: Mapping[str, str], styles: Mapping[str, str], type_tags: bool) -> Text:
    text = Text(no_wrap=True, overflow="ellipsis")
    for kind, label in labels.items():
        short = label.split(",")[0].split(" or ")[0]
        text.append(short, style=styles.get(kind, "bold"))
        if type_tags:
            text.append(f"[{TAGS.get(kind, kind)}]", style="dim")
        text.append("  ")
    return text


class Legend(Static):
    pass
