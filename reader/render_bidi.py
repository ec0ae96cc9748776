"""Right-to-left display: wrap in logical order, then reorder each line.

Persian and Arabic text is stored in logical order (the order it is typed
and read). Most terminals (xterm, tmux, Windows Terminal) draw cells left to
right and neither reorder nor shape, so the reader lays out a paragraph that
holds right-to-left letters itself, following the Unicode Bidirectional
Algorithm (UAX #9): the levels are resolved once for the whole paragraph
(rules P–I, python-bidi's `bidi.algorithm`), the paragraph is wrapped to the
width in logical order, and only then each line is reordered (rules L1, L2,
L4). Reordering first and wrapping after would put the paragraph's first
words on its last line. A right-to-left paragraph is right-aligned.

Styles (entity highlights, find matches) are spans on the logical text; each
line's spans are mapped from logical to visual offsets, so a highlight
follows its characters wherever the line puts them.

`shaping` joins Arabic letters with presentation forms (arabic-reshaper) for
terminals that draw isolated letters; it changes only what is drawn, never
the text that is copied or searched.

The terminal is asked not to reorder again: `EXPLICIT_MODE` (BDSM reset,
`CSI 8 l`, ECMA-48 §7.2.1 as the terminal-BiDi recommendation followed by
VTE uses it) on start, `IMPLICIT_MODE` (`CSI 8 h`, that recommendation's
default) on exit. With `display: {bidi: terminal}` the reader neither
reorders nor sends them.
"""

from __future__ import annotations

import re
from functools import lru_cache

from bidi import algorithm as uax9
from bidi.mirror import MIRRORED
from rich._wrap import divide_line  # the word wrap Rich's own Text.wrap uses
from rich.cells import cell_len, set_cell_size
from rich.text import Span, Text

from .config import Display

EXPLICIT_MODE = "\x1b[8l"  # BDSM reset: the terminal shows cells as sent
IMPLICIT_MODE = "\x1b[8h"  # BDSM set: the terminal's default, restored on exit

# Strong right-to-left letters: Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan,
# Arabic Extended and the presentation forms (Bidi_Class R or AL).
_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
_WORD = re.compile(r"[^\W\d_]+")  # a run of letters, in any script
_LINE_END_NEUTRAL = ("WS", "BN", "S", "B")  # reset to the paragraph level at a line end (L1)
# The hyphens of a date ("2025-08-29"): after an Arabic-script letter UAX #9 makes its digits Arabic numbers
# (W2), which only a common separator ("/", ",", ".") joins (W4), so the hyphens split the date into three numbers
# laid out right to left, "29-08-2025" (a newcomer's brief: "تابناک · 2025-08-29"). Read as "/" for the levels
# only, as Persian writes dates ("1403/10/28"): one number, in order. A score or range ("5-3") is left to UAX #9.
_DATE = re.compile(r"(?<!\d)(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}-\d{1,2}-\d{4})(?!\d)")  # not a score or a range, "5-3"
# No-break, figure and narrow no-break spaces: Rich's word wrap (`\s`) breaks at them, the
# line-breaking rules do not (UAX #14, class GL); wrapped as a letter of the same width.
_NO_BREAK = str.maketrans("\u00a0\u2007\u202f", "___")


def has_rtl(text: str) -> bool:
    """Whether `text` holds any right-to-left letter (then it needs reordering)."""
    return _RTL.search(text) is not None


def is_rtl(text: str) -> bool:
    """The paragraph direction: right to left when at least a third of its
    words are.

    UAX #9 (P2) takes the first strong letter; a Persian paragraph that opens
    with a Latin name ("Putin گفت…") would then be laid out left to right.
    Words, not letters, are counted, and a third is enough: a Persian sentence
    carries long Latin names ("گفت Vladimir Putin و Sergei Lavrov آمد"),
    while an English one quotes a short Persian phrase.
    """
    words = _WORD.findall(text)
    rtl = sum(1 for word in words if _RTL.search(word))
    return rtl > 0 and 3 * rtl >= len(words)


@lru_cache(maxsize=512)
def levels(text: str, rtl: bool) -> tuple[tuple[int, ...], tuple[str, ...]]:
    """Resolved embedding levels and original Bidi_Class of each character of
    one paragraph (UAX #9 rules X1–I2, by python-bidi), with the paragraph
    level 1 when `rtl`, else 0. Lengths equal len(text)."""
    storage = uax9.get_empty_storage()
    storage["base_level"] = 1 if rtl else 0
    storage["base_dir"] = "R" if rtl else "L"
    read = _DATE.sub(lambda date: date.group().replace("-", "/"), text)  # one for one: the offsets are the text's
    uax9.get_embedding_levels(read, storage)
    uax9.explicit_embed_and_overrides(storage)
    uax9.resolve_weak_types(storage)
    uax9.resolve_neutral_types(storage, False)
    uax9.resolve_implicit_levels(storage, False)
    # Rule X9 removed the boundary neutrals (ZWNJ, ZWJ…); each takes the level
    # of the character before it (UAX #9 §5.2) and keeps its class BN.
    kept = iter(storage["chars"])
    found = next(kept, None)
    resolved, kinds = [], []
    for char in read:
        if found is not None and found["ch"] == char:
            resolved.append(found["level"])
            kinds.append(found["orig"])
            found = next(kept, None)
        else:
            resolved.append(resolved[-1] if resolved else storage["base_level"])
            kinds.append("BN")
    return tuple(resolved), tuple(kinds)


def visual_order(line_levels: list[int], kinds: list[str], base: int) -> list[int]:
    """The logical index shown at each visual position of one line.

    `line_levels`/`kinds`: that line's resolved levels and Bidi_Classes;
    `base`: the paragraph level. Rule L1 resets separators and trailing
    white space to `base`, rule L2 reverses every run at or above each level
    from the highest down to the lowest odd one (python-bidi's
    `reverse_contiguous_sequence`), and rule L3 puts the combining marks
    (harakat) of a reversed run back after their letter, where a terminal
    draws them on it.
    """
    resolved = list(line_levels)
    trailing = True
    for i in range(len(resolved) - 1, -1, -1):
        if kinds[i] in ("S", "B"):
            resolved[i], trailing = base, True
        elif trailing and kinds[i] in _LINE_END_NEUTRAL:
            resolved[i] = base
        else:
            trailing = False
    if not resolved:
        return []
    chars = [{"level": level, "index": i} for i, level in enumerate(resolved)]
    odd = [level for level in resolved if level % 2]
    if odd:
        uax9.reverse_contiguous_sequence(chars, 0, len(chars) - 1, max(resolved), min(odd))
    order = [c["index"] for c in chars]
    return _marks_after_letters(order, resolved, kinds) if odd else order


def _marks_after_letters(order: list[int], resolved: list[int], kinds: list[str]) -> list[int]:
    """L3: in a right-to-left run, marks reversed before their letter go after it."""
    result: list[int] = []
    marks: list[int] = []
    for logical in order:
        if kinds[logical] == "NSM" and resolved[logical] % 2:
            marks.append(logical)
            continue
        result.append(logical)
        result += reversed(marks)
        marks = []
    return result + marks


def visual_spans(spans: list[Span], order: list[int]) -> list[Span]:
    """Map spans over a line's logical offsets onto its visual offsets.

    A span whose characters land in several visual runs (it crosses a
    change of direction) becomes one span per run.
    """
    position = [0] * len(order)
    for visual, logical in enumerate(order):
        position[logical] = visual
    mapped: list[Span] = []
    for span in spans:
        places = sorted(position[i] for i in range(span.start, min(span.end, len(order))))
        start = previous = None
        for place in places:
            if start is None:
                start = previous = place
            elif place == previous + 1:
                previous = place
            else:
                mapped.append(Span(start, previous + 1, span.style))
                start = previous = place
        if start is not None:
            mapped.append(Span(start, previous + 1, span.style))
    return mapped


def shape(text: str) -> str:
    """Arabic letters replaced by their joined presentation forms, one for one
    (no ligatures, marks kept), so offsets stay valid; display only."""
    shaped = _reshaper().reshape(text)
    return shaped if len(shaped) == len(text) else text


@lru_cache(maxsize=1)
def _reshaper():
    import arabic_reshaper  # only when shaping is on

    return arabic_reshaper.ArabicReshaper(configuration={"delete_harakat": False, "support_ligatures": False})


def visual_lines(text: Text, width: int, shaping: bool = False, rtl: bool | None = None) -> list[Text]:
    """One paragraph (logical order, with spans) as lines of `width` cells in
    visual order.

    `width`: cells per line (at least 1). Lines are wrapped in logical order
    first (Rich's word wrap, long words folded, never at a no-break space), then each line is reordered
    and its spans mapped; a right-to-left paragraph's lines are right-aligned
    (padded on the left to `width`), a left-to-right one's are left as they
    are. Newlines inside `text` start new lines. `rtl`: the paragraph's
    direction, else found by `is_rtl` (a line of the reader's own words
    quoting the article's is left to right however many it quotes).
    """
    plain = text.plain
    rtl = is_rtl(plain) if rtl is None else rtl
    base = 1 if rtl else 0
    para_levels, para_kinds = levels(plain, rtl)
    lines: list[Text] = []
    start = 0
    for piece in text.split("\n", allow_blank=True):
        offsets = divide_line(piece.plain.translate(_NO_BREAK), max(1, width), fold=True)
        for line, line_start in zip(piece.divide(offsets), [0, *offsets], strict=True):
            line.rstrip()
            first = start + line_start
            order = visual_order(list(para_levels[first:first + len(line)]),
                                 list(para_kinds[first:first + len(line)]), base)
            lines.append(_reordered(line, order, para_levels[first:first + len(line)], rtl, width, shaping))
        start += len(piece) + 1
    return lines


def _reordered(line: Text, order: list[int], line_levels: tuple[int, ...], rtl: bool, width: int,
               shaping: bool) -> Text:
    chars = shape(line.plain) if shaping else line.plain
    # L4: a mirrored character at an odd (right-to-left) level shows its mirror image.
    glyphs = "".join(MIRRORED.get(chars[i], chars[i]) if line_levels[i] % 2 else chars[i] for i in order)
    shown = Text(glyphs, style=line.style, spans=visual_spans(line.spans, order), end="")
    if rtl:
        shown.pad_left(max(0, width - cell_len(glyphs)))
    return shown


def display_text(text: Text, width: int, display: Display, rtl: bool | None = None) -> list[Text] | None:
    """`text` laid out for `display`, or None when it needs nothing special
    (no right-to-left letter, or the terminal reorders): the caller wraps it
    as usual. `rtl`: the paragraph's direction, as for `visual_lines`."""
    if not display.reorders or not has_rtl(text.plain):
        return None
    return visual_lines(text, width, display.shaping, rtl)


def display_line(text: str, display: Display, width: int | None = None) -> str:
    """A one-line label (a title, a dateline, a source, a list row) in visual
    order for `display`, neither wrapped nor padded; `text` unchanged when it
    needs nothing (no right-to-left letter, or the terminal reorders).

    With a `width` (cells), a longer label is cut at its logical end first,
    marked "…", and then reordered: a right-to-left title keeps its opening
    words (cutting after reordering would drop them, on the visual right).
    """
    if not display.reorders or not has_rtl(text):
        return text
    if width is not None and cell_len(text) > width:
        text = set_cell_size(text, max(0, width - 1)).rstrip() + "…"
    lines = visual_lines(Text(text), max(1, cell_len(text)), display.shaping)
    return " ".join(line.plain.strip() for line in lines)


def display_snippet(text: str, width: int, display: Display, indent: str = "  ") -> Text | None:
    """A snippet for a list item (panel links) on lines of `width` cells, each
    after `indent`, when it needs laying out for `display`; else None. Too
    narrow a `width` (the list not shown yet) gives None too."""
    room = width - cell_len(indent)
    lines = display_text(Text(text), room, display) if room > 4 else None
    if lines is None:
        return None
    return Text("\n").join(Text(indent) + line for line in lines)
