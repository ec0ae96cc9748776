"""Documents -> rich `Text` (spans, never markup), ANSI, plain text and JSON.

Article text is data: every `Text` here is built from plain strings with
`Text.append`/`stylize`, so `[bold]` or `[@click=app.quit]` in an article is
shown literally and runs nothing.
"""

from __future__ import annotations

import colorsys
import io
from collections.abc import Mapping, Sequence
from typing import Any

from rich._palettes import STANDARD_PALETTE
from rich.color import Color, ColorSystem
from rich.console import Console
from rich.style import Style
from rich.text import Text

from .config import Display
from .models import UNKNOWN_SOURCE, Document, Mention, TopicHit
from .render_bidi import display_line, display_text
from .sanitize import safe_line

TAGS = {"PERSON": "PER", "GPE": "GPE", "ORG": "ORG", "NORP": "NORP", "FAC": "FAC", "EVENT": "EVT",
        "MONEY": "$", "PERCENT": "%", "DATE": "DATE", "LOC": "LOC"}


SELECTED_STYLE = "bold underline reverse"
PLAIN_WIDTH = 80  # cells per line of right-to-left paragraphs in `show --plain`

#: The attributes a paragraph's own style can carry (quote: italic, subheading: bold).
_FLIPPED = ("bold", "dim", "italic", "underline", "reverse", "strike")


def pilcrow(index: int) -> str:
    """A passage number as a person reads it: 0-based `index` -> "¶1" (JSON keeps 0-based)."""
    return f"¶{index + 1}"


def contrast(style: str | Style, base: str | Style) -> Style:
    """`style` (an entity type's) as the legend shows it, inside a paragraph styled
    `base`: the paragraph's attributes the entity does not have are switched off in
    it (an organisation, bold underline, is not italic inside an italic quote).

    Only an entity that would then look like its paragraph, its attributes the
    paragraph's and no colour of its own (`styles_for` leaves none where none is
    shown), has those switched off instead: a nationality, italic, shows upright
    inside an italic quote without colour, a person, bold, plain inside a bold
    subheading. Types that differ in a plain paragraph still differ inside any
    paragraph, with or without colour. Colours are kept as they are.
    """
    style = Style.parse(style) if isinstance(style, str) else style
    base = Style.parse(base) if isinstance(base, str) else base
    own = {name for name in _FLIPPED if getattr(style, name)}
    inherited = {name for name in _FLIPPED if getattr(base, name)}
    coloured = style.color is not None and style.color != base.color
    off = inherited if own == inherited and not coloured else inherited - own
    return style + Style(**dict.fromkeys(off, False)) if off else style


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
        style = contrast(styles.get(mention.type, "bold"), base)
        if selected is not None and mention.canonical == selected:
            style += Style.parse(SELECTED_STYLE)
        result.append(text[mention.start:mention.end], style=style)
        if type_tags:
            result.append(f"[{TAGS.get(mention.type, mention.type)}]", style="dim")
        position = mention.end
    result.append(text[position:])
    return result


def meta_line(doc: Document, display: Display | None = None) -> str:
    """"source · date · dateline · language · N words"; with a `display`, a
    right-to-left source or dateline ("ایرنا", "تهران") is in visual order."""
    meta = doc.meta
    shown = (lambda label: display_line(label, display)) if display else (lambda label: label)
    parts = [shown(meta.source) if meta.source else UNKNOWN_SOURCE, meta.date or "undated"]
    if meta.dateline:
        parts.append(shown(meta.dateline))
    if meta.language:
        parts.append(meta.language)
    parts.append(plural(doc.clean.word_count, "word"))
    return " · ".join(parts)


def article_text(doc: Document, styles: Mapping[str, str], type_tags: bool = False,
                 topic_labels: Mapping[str, str] | None = None, warnings: bool = True,
                 width: int | None = None, display: Display | None = None) -> Text:
    """The whole clean article as one `Text`, for `show --ansi` and `--plain`.

    `warnings=False` leaves the article's warnings out (`show` prints them on stderr).
    With a `width` (cells), paragraphs holding right-to-left letters are laid
    out for `display` (render_bidi: wrapped, reordered per line, right-aligned).
    """
    labels = topic_labels or {}
    out = Text()
    out.append_text(_laid_out(Text(doc.meta.title, style="bold"), width, display))
    out.append("\n")
    out.append(meta_line(doc, display), style="dim")
    out.append("\n")
    if doc.topics:
        out.append("topics: " + ", ".join(labels.get(t, t) for t in doc.topics), style="dim")
        out.append("\n")
    for warning in doc.warnings if warnings else ():
        out.append(f"warning: {warning}\n", style="yellow")
    for paragraph, mentions in zip(doc.clean.paragraphs, doc.mentions or [()] * len(doc.clean.paragraphs), strict=True):
        out.append("\n")
        if paragraph.kind == "subheading":
            shown = Text("## ", style="bold")
            shown.append_text(highlight(paragraph.text, mentions, styles, type_tags, base="bold"))
        else:
            shown = highlight(paragraph.text, mentions, styles, type_tags,
                              base="italic" if paragraph.kind == "quote" else "")
        out.append_text(_laid_out(shown, width, display))
        out.append("\n")
    return out


def evidence_line(hits: Sequence[TopicHit], labels: Mapping[str, str] | None = None) -> Text:
    """Why a passage is on its topics, as one line of `Text`: "why: Sanctions — SWIFT, sanctions · …".

    `hits` are the passage's topic hits (strongest first), `labels` topic id ->
    label. The words come from the article, so they are appended as plain
    strings, never parsed as markup. An empty `Text` when there are no hits.
    """
    labels = labels or {}
    line = Text(style="dim")
    for number, hit in enumerate(hits):
        line.append("why: " if not number else " · ")
        line.append(labels.get(hit.topic, hit.topic), style="italic")
        line.append(" — " + ", ".join(safe_line(word) for word in hit.evidence))
    return line


def _laid_out(text: Text, width: int | None, display: Display | None) -> Text:
    """A paragraph's lines in visual order when it needs it, else `text` itself."""
    lines = display_text(text, width, display) if width and display else None
    return text if lines is None else Text("\n").join(lines)


#: The 16 ANSI colours that read as colour on either a dark or a light background:
#: all but black, white and the two greys (0, 7, 8, 15), which look like body text.
_CHROMATIC = (1, 2, 3, 4, 5, 6, 9, 10, 11, 12, 13, 14)
_SYSTEMS = {"standard": ColorSystem.STANDARD, "windows": ColorSystem.STANDARD, "256": ColorSystem.EIGHT_BIT}


def styles_for(styles: Mapping[str, str], color_system: str | None) -> Mapping[str, str]:
    """Entity `styles` (type -> Rich style string) for a terminal of `color_system`
    (Rich's names: "truecolor", "256", "standard", "windows", or None).

    Rich downgrades a colour to the nearest of the terminal's palette, and a light
    blue (`#62a0ea`) became ANSI white (37) on a 16-colour terminal: no colour
    against body text. Here a colour whose downgrade is grey or black/white
    (ANSI 0, 7, 8, 15; on 256 colours the grey ramp too), or that another colour
    of these styles already downgrades to, is replaced by the nearest
    chromatic ANSI colour (of `_CHROMATIC`) no other type uses (for a grey, which
    has no hue to keep, the free one least like those taken), so that every
    distinct colour stays a distinct visible colour. Types sharing one colour
    (GPE and LOC) keep sharing it. Styles are returned unchanged for
    truecolor or a style without a colour; with no colour (None: NO_COLOR, a
    monochrome terminal), without their colours, so that `contrast` sees what
    is shown.
    """
    if color_system is None:
        return {kind: str(Style.parse(text).without_color) for kind, text in styles.items()}
    system = _SYSTEMS.get(color_system)
    if system is None:
        return styles
    parsed = {kind: Style.parse(text) for kind, text in styles.items()}
    colours = list(dict.fromkeys(s.color for s in parsed.values() if s.color is not None and not s.color.is_default))
    chosen: dict[Color, Color] = {}
    used: set[int | None] = set()
    for colour in colours:  # first pass: Rich's own downgrade, where it is visible and not taken
        down = colour.downgrade(system)
        if _visible(down) and down.number not in used:
            chosen[colour] = down
            used.add(down.number)
    for colour in colours:  # second pass: the nearest free chromatic colour for the rest
        if colour not in chosen:
            triplet = colour.get_truecolor()
            free = [n for n in _CHROMATIC if n not in used] or list(_CHROMATIC)
            if _visible(colour):
                number = min(free, key=lambda n: _distance(STANDARD_PALETTE[n], triplet))
            else:  # a grey has no hue to stay near: the free colour least like those taken
                taken = [STANDARD_PALETTE[n] for n in used if n is not None and n < 16]
                number = max(free, key=lambda n: min((_distance(STANDARD_PALETTE[n], t) for t in taken), default=0))
            chosen[colour] = Color.from_ansi(number)
            used.add(number)
    return {kind: str(style + Style(color=chosen[style.color])) if style.color in chosen else styles[kind]
            for kind, style in parsed.items()}


def _visible(colour: Color) -> bool:
    """Whether a downgraded colour reads as a colour, not as grey, black or white."""
    r, g, b = colour.get_truecolor()
    _, lightness, saturation = colorsys.rgb_to_hls(r / 255, g / 255, b / 255)
    return saturation > 0.2 and 0.1 < lightness < 0.95 and colour.number not in (0, 7, 8, 15)


def _distance(a: Sequence[int], b: Sequence[int]) -> int:
    return sum((x - y) ** 2 for x, y in zip(a, b))


def to_plain(doc: Document, width: int | None = None, **kwargs: Any) -> str:
    """The article as plain text, wrapped at `width` columns (None: one line a
    paragraph); right-to-left paragraphs are laid out at `width` cells (default
    PLAIN_WIDTH) when a `display` is given."""
    text = article_text(doc, {}, width=width or PLAIN_WIDTH, **kwargs)
    if width is None:
        return text.plain
    buffer = io.StringIO()
    Console(file=buffer, force_terminal=False, color_system=None, width=width, legacy_windows=False,
            emoji=False, highlight=False, markup=False).print(text)
    return "".join(line.rstrip(" ") + "\n" for line in buffer.getvalue().splitlines())


def to_ansi(doc: Document, styles: Mapping[str, str], width: int | None = None,
            no_color: bool = False, **kwargs: Any) -> str:
    """The article as ANSI for `less -R`, wrapped to `width` (or the terminal's).

    `no_color` drops colours but keeps bold/underline/italic, which is what
    tells entity types apart on a monochrome terminal.
    """
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=True, width=width, no_color=no_color,
                      legacy_windows=False, emoji=False, highlight=False, markup=False)
    # 16 and 256 colours: each type a visible colour; none shown: none (see `contrast`).
    styles = styles_for(styles, None if no_color else console.color_system)
    # console.width: the terminal's (or 80) when no width is given.
    console.print(article_text(doc, styles, width=console.width, **kwargs), soft_wrap=width is None)
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
            "evidence": {hit.topic: list(hit.evidence) for hit in (doc.passage_topics[i] if doc.passage_topics else ())},
            "entities": [
                {"start": m.start, "end": m.end, "text": m.text, "type": m.type, "canonical": m.canonical,
                 "source": m.source}
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


def plural(count: int, noun: str, nouns: str | None = None) -> str:
    """`1 passage`, `2 passages` (`nouns`: the plural, where adding "s" is wrong)."""
    return f"{count} {noun if count == 1 else nouns or noun + 's'}"
