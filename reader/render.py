"""Documents -> rich `Text` (spans, never markup), ANSI, plain text and JSON.

Article text is data: every `Text` here is built from plain strings with
`Text.append`/`stylize`, so `[bold]` or `[@click=app.quit]` in an article is
shown literally and runs nothing.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from typing import Any

from rich.console import Console
from rich.style import Style
from rich.text import Text

from .models import Document, Mention
from .sanitize import safe_line

TAGS = {"PERSON": "PER", "GPE": "GPE", "ORG": "ORG", "NORP": "NORP", "EVENT": "EVT",
        "MONEY": "$", "PERCENT": "%", "DATE": "DATE"}


SELECTED_STYLE = "bold underline reverse"


def highlight(text: str, mentions: Sequence[Mention], styles: Mapping[str, str],
              type_tags: bool = False, base: str | Style = "", selected: str | None = None) -> Text:
    """One paragraph as `Text` with a styled span per mention.

    Mentions of the `selected` canonical entity are emphasised on top of
    their type's style.
    """
    result = Text(style=base)
    position = 0
    for mention in mentions:
        result.append(text[position:mention.start])
        style = styles.get(mention.type, "bold")
        if selected is not None and mention.canonical == selected:
            style = f"{style} {SELECTED_STYLE}"
        result.append(text[mention.start:mention.end], style=style)
        if type_tags:
            result.append(f"[{TAGS.get(mention.type, mention.type)}]", style="dim")
        position = mention.end
    result.append(text[position:])
    return result


def meta_line(doc: Document) -> str:
    meta = doc.meta
    parts = [meta.source or "unknown source", meta.date or "undated"]
    if meta.dateline:
        parts.append(meta.dateline)
    parts.append(f"{doc.clean.word_count} words")
    return " · ".join(parts)


def article_text(doc: Document, styles: Mapping[str, str], type_tags: bool = False,
                 topic_labels: Mapping[str, str] | None = None) -> Text:
    """The whole clean article as one `Text`, for `show --ansi` and `--plain`."""
    labels = topic_labels or {}
    out = Text()
    out.append(doc.meta.title, style="bold")
    out.append("\n")
    out.append(meta_line(doc), style="dim")
    out.append("\n")
    if doc.topics:
        out.append("topics: " + ", ".join(labels.get(t, t) for t in doc.topics), style="dim")
        out.append("\n")
    for warning in doc.warnings:
        out.append(f"warning: {warning}\n", style="yellow")
    for paragraph, mentions in zip(doc.clean.paragraphs, doc.mentions or [()] * len(doc.clean.paragraphs), strict=True):
        out.append("\n")
        if paragraph.kind == "subheading":
            out.append("## ", style="bold")
            out.append_text(highlight(paragraph.text, mentions, styles, type_tags, base="bold"))
        else:
            out.append_text(highlight(paragraph.text, mentions, styles, type_tags,
                                      base="italic" if paragraph.kind == "quote" else ""))
        out.append("\n")
    return out


def to_plain(doc: Document, **kwargs: Any) -> str:
    return article_text(doc, {}, **kwargs).plain


def to_ansi(doc: Document, styles: Mapping[str, str], width: int | None = None,
            no_color: bool = False, **kwargs: Any) -> str:
    """The article as ANSI for `less -R`, wrapped to `width` (or the terminal's).

    `no_color` drops colours but keeps bold/underline/italic, which is what
    tells entity types apart on a monochrome terminal.
    """
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=True, width=width, no_color=no_color,
                      legacy_windows=False, emoji=False, highlight=False, markup=False)
    console.print(article_text(doc, styles, **kwargs), soft_wrap=width is None)
    return buffer.getvalue()


def to_json(doc: Document) -> dict[str, Any]:
    """The `show --json` object of SPEC §7 (keys may be added, never removed)."""
    meta = doc.meta
    paragraphs = []
    for i, paragraph in enumerate(doc.clean.paragraphs):
        mentions = doc.mentions[i] if doc.mentions else ()
        paragraphs.append({
            "index": paragraph.index,
            "kind": paragraph.kind,
            "text": paragraph.text,
            "line": paragraph.line,
            "urls": [list(span) for span in paragraph.urls],
            "topics": list(doc.topic_ids(i)),
            "entities": [
                {"start": m.start, "end": m.end, "text": m.text, "type": m.type, "canonical": m.canonical}
                for m in mentions
            ],
        })
    return {
        "id": doc.id,
        "path": safe_line(str(doc.raw.path)),
        "title": meta.title,
        "source": meta.source,
        "date": meta.date,
        "dateline": meta.dateline,
        "url": meta.url,
        "language": meta.language,
        "provenance": meta.origins,
        "encoding": doc.raw.encoding,
        "warnings": list(doc.warnings),
        "word_count": doc.clean.word_count,
        "topics": list(doc.topics),
        "paragraphs": paragraphs,
        "dropped": [{"line": d.line, "text": d.text, "reason": d.reason} for d in doc.clean.dropped],
    }
