"""The command palette's look-up: the few best names for what was typed, out of 100,000.

Textual's palette scores every candidate with its fuzzy matcher (every way the
query's letters can fall in the name: slow on long titles) and rebuilds its list
of hits every 0.25 s; with every article of a large corpus as a candidate, typing
froze (issue 17). Here the names are one string, a name a line, searched by
regular expressions that start with a literal (so their scans run in C, in
time linear in the text), and only the best `limit` are kept, best first:

1. names holding the query as typed, from the start of a word;
2. names holding it elsewhere;
3. names holding its characters in order, as Textual's matcher asks.

Within each, the names keep their given order (the article list's: date, then
title). Case is ignored as Textual ignores it (`str.lower` of both). No Textual here.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from collections.abc import Callable, Iterable
from itertools import accumulate

CHUNK = 4_096  # names searched by one call of a regular expression
DASHES = str.maketrans("‐‑‒–—―−", "-------")  # Unicode's dashes and minus, typed as a hyphen-minus


def _line(name: str) -> str:
    """A name as searched: lower-cased as Textual's matcher does (lower() is not always
    as long: "İ"), dashes as one ("North-South" finds "North–South"), on one line."""
    return " ".join(name.lower().translate(DASHES).splitlines())


class FuzzyNames:
    """Names searched for a query's characters; each found as its place in the given order."""

    def __init__(self, names: Iterable[str]):
        """`names`: any text (a line break in a name is read as a space). Only their
        lower-cased text is kept (with an int per name): at 100,000 titles about 11 MB."""
        self._keep([_line(name) for name in names])

    @classmethod
    def placed(cls, count: int, named: Iterable[tuple[int, str]]) -> FuzzyNames:
        """`count` names given as (place, name) pairs in any order ("" where no pair is
        given): no list of the names in their order is made first (20 MB at 100,000
        titles, alive beside the copy read here)."""
        lines = [""] * count
        for at, name in named:
            lines[at] = _line(name)
        found = cls.__new__(cls)
        found._keep(lines)
        return found

    def _keep(self, lines: list[str]) -> None:
        self._text = "\n" + "\n".join(lines) + "\n" if lines else "\n"  # no copy of each line with its "\n"
        self._starts = array("q", accumulate((len(line) + 1 for line in lines[:-1]), initial=0))  # each line's "\n"
        self._count = len(lines)

    def __len__(self) -> int:
        return self._count

    def best(self, query: str, limit: int, stop: Callable[[], bool] = lambda: False) -> list[int]:
        """The places of at most `limit` names matching `query` (see the module's
        docstring), best first; [] for a blank query or one of several lines.

        The text is searched CHUNK names at a time (about 5 ms each at 100,000 names), so
        that a search in a worker thread gives the event loop its turns (a regular
        expression holds the GIL for as long as it runs); `stop()` is asked between
        chunks (e.g. a newer query came) and ends the search with what was found."""
        query = query.lower().translate(DASHES)
        if not query.strip() or "\n" in query or limit <= 0:
            return []
        found: dict[int, None] = {}
        bounds = [*self._starts[::CHUNK], len(self._text)] if self._count else []
        for pattern in _patterns(query):
            for start, end in zip(bounds, bounds[1:]):
                if stop():
                    return list(found)
                for match in pattern.finditer(self._text, start, end):
                    found.setdefault(bisect_right(self._starts, match.start()) - 1)
                    if len(found) == limit:
                        return list(found)
        return list(found)


def _patterns(query: str) -> tuple[re.Pattern, ...]:
    """The three searches of the module's docstring, each starting with a literal (the
    scan for it runs in C). The first checks after its first character that none of
    letters or digits came before it. The third matches a whole line at most once: from
    the line's start, each step skips possessively to the next character's first
    occurrence (leftmost is enough to tell, and nothing is retried)."""
    first, rest = re.escape(query[0]), re.escape(query[1:])
    steps = "".join(f"[^\\n{re.escape(c)}]*+{re.escape(c)}" for c in query)
    return re.compile(f"{first}(?<![^\\W_].){rest}"), re.compile(first + rest), re.compile(f"\\n{steps}")


def in_order(query: str, text: str) -> list[int]:
    """Places in `text` of `query`'s characters in order ([] if it lacks them), found
    word by word: each word of the query (and each space) where it first appears
    whole after the last, at a word's start if it can, else whole anywhere, else
    letter by letter; when that leaves no room for the rest, every character at its
    leftmost. A cheap stand-in for Textual's matcher, which tries every way the
    letters can fall (seconds on a long title)."""
    places: list[int] = []
    at = 0
    for piece in filter(None, re.split("( )", query)):
        start = re.compile(f"(?<![^\\W_]){re.escape(piece)}").search(text, at)
        found = start.start() if start else text.find(piece, at)
        if found == -1:
            return _leftmost(query, text)
        places += range(found, found + len(piece))
        at = found + len(piece)
    return places


def _leftmost(query: str, text: str) -> list[int]:
    places: list[int] = []
    at = 0
    for char in query:
        at = text.find(char, at)
        if at == -1:
            return []
        places.append(at)
        at += 1
    return places


def article_text(date: str | None, title: str) -> str:
    """An article as the command palette names it (and matches what is typed against)."""
    return f"Article: {date or '—'} {title}"


def file_text(name: str) -> str:
    """An article as the command palette names it by its file (`name`: the file's name,
    its id with the extension): what is matched when an id or a file name is typed."""
    return f"File: {name}"


def entity_texts(name: str, kind: str, alias: str = "") -> tuple[str, str]:
    """An entity's two entries in the command palette: its mentions, its timeline; with
    the `alias` it was found by, when that is not its name ("Entity: Vladimir Putin
    (PERSON) · Путина")."""
    named = f"Entity: {name} ({kind})" + (f" · {alias}" if alias else "")
    return named, f"{named} — timeline"


def topic_texts(label: str) -> tuple[str, str]:
    """A topic's two entries in the command palette: its first passage, its timeline."""
    return f"Topic: {label}", f"Topic: {label} — timeline"
