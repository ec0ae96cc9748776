"""Make untrusted text safe to show: no control byte ever reaches a terminal.

Article text and file names come from scrapers and strangers. Every character
that a terminal or a bidi algorithm would interpret is replaced by a visible
placeholder, and counted so the article's warnings can name it.
"""

from __future__ import annotations

import re
from collections import Counter

# C0 controls (but tab and newline), DEL, C1 controls, bidi embeddings,
# overrides and isolates, invisible separators and stray BOMs, and the
# zero-width joiners ZWNJ/ZWJ and the right-to-left mark RLM except between
# two Arabic-script letters, where Persian spelling needs a half-space
# ("می‌خواهم"): typed as ZWNJ, or as RLM by older Persian keyboard layouts.
_ARABIC = "\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufefe"
_HALF_SPACE = "\u200c\u200d\u200f"
# A ZWJ inside an emoji sequence (👨‍👩‍👧, 🏳️‍🌈) joins pictographs: kept too.
_EMOJI = "\u2600-\u27bf\u2b00-\u2bff\ufe0f\U0001f000-\U0001faff"
_CONTROLS = ("\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b\u200e\u2028\u2029"
             "\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb\ud800-\udfff")
_UNSAFE = re.compile(
    f"[{_CONTROLS}]"
    f"|(?<![{_ARABIC}{_EMOJI}])[{_HALF_SPACE}]|[{_HALF_SPACE}](?![{_ARABIC}{_EMOJI}])"
    f"|(?<=[{_EMOJI}])[\u200c\u200f]|[\u200c\u200f](?=[{_EMOJI}])"
)
# Every character _UNSAFE can match: a text without one (most English and Russian text) needs
# no substitution. One character class is searched 16 times as fast as _UNSAFE's alternatives
# with their look-arounds (benchmarks/index_cost.py: 0.005 against 0.08 CPU s per MB).
_SUSPECT = re.compile(f"[{_CONTROLS}{_HALF_SPACE}]")
_NAMES = {0x1B: "ESC", 0x7F: "DEL", 0x202E: "RLO", 0x202D: "LRO", 0x200B: "ZWSP", 0x200C: "ZWNJ",
          0x200D: "ZWJ", 0xFEFF: "BOM", 0x200E: "LRM", 0x200F: "RLM", 0x202A: "LRE", 0x202B: "RLE",
          0x202C: "PDF", 0x2066: "LRI", 0x2067: "RLI", 0x2068: "FSI", 0x2069: "PDI", 0x061C: "ALM"}


def placeholder(char: str) -> str:
    """The visible stand-in for one unsafe character."""
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)  # Unicode control pictures: ␀ ␛ …
    if code == 0x7F:
        return "\u2421"  # ␡
    return f"⟨U+{code:04X}⟩"


def describe(char: str) -> str:
    code = ord(char)
    return _NAMES.get(code, f"U+{code:04X}")


def sanitize(text: str) -> tuple[str, Counter[str]]:
    """Return `text` with unsafe characters replaced, and a count of them by name.

    Line endings are normalised first, so CR is not reported as a control.
    ZWNJ, ZWJ and RLM between two Arabic-script letters are half-spaces of
    Persian spelling, kept (an RLM becomes a ZWNJ) and not counted; anywhere
    else, and every embedding, override or isolate (LRE…PDF, LRI…PDI), they
    are replaced and counted (SPEC §4a, §8).
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    found: Counter[str] = Counter()
    if _SUSPECT.search(text) is None:
        return text, found

    def _swap(match: re.Match[str]) -> str:
        found[describe(match.group())] += 1
        return placeholder(match.group())

    # An RLM kept as a half-space is written as the half-space character itself
    # (ZWNJ): same length, and it breaks the joining of the letters as the writer
    # meant, where RLM would not (it is transparent to Arabic joining). str.replace, not
    # str.translate with a one-entry table: translate looks every character up (a third
    # of a file's decoding, benchmarks/index_cost.py), replace scans in C.
    return _UNSAFE.sub(_swap, text).replace("\u200f", "\u200c"), found


def safe_line(text: str) -> str:
    """A one-line, terminal-safe rendering of a name (file names may hold newlines)."""
    cleaned, _ = sanitize(text.replace("\n", "\u240a"))
    return cleaned


def summarize(found: Counter[str]) -> str | None:
    """One warning line for the characters `sanitize` replaced, or None."""
    if not found:
        return None
    parts = ", ".join(f"{name}×{count}" for name, count in sorted(found.items()))
    total = sum(found.values())
    return f"{total} control or invisible character(s) shown as placeholders: {parts}"
