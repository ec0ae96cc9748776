"""Briefs (SPEC §12): passages quoted and cited, as a Markdown string.

`brief_markdown` is pure: documents and passage indexes in, CommonMark out.
Article text is data: every Markdown metacharacter in it is backslash-escaped
(CommonMark 0.31, §2.4: any ASCII punctuation may be), so a title holding
`[x](y)`, `*`, `#` or `<b>` shows literally in any viewer. Entities are set in
bold (`**…**`) where CommonMark's flanking rules (§6.2) let the delimiters
close; elsewhere (a name ending in punctuation glued to a letter) they stay
plain rather than breaking the line; briefs are written with `atomic.write_atomic`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from .config import valid_date
from .models import Document

# Escaped wherever they stand: inline syntax (emphasis, code, links, HTML,
# entities, GFM tables and strike-through) and heading marks.
_ALWAYS = frozenset("\\`*_[]<>&|~#")
# Escaped only at the start of a line: block syntax (lists, setext underlines).
_LINE_START = frozenset("+-=")
_ORDERED = re.compile(r"^(\d{1,9})([.)])")
_LINE_BREAK = re.compile(r"[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")
_DATE_BOUND = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")


@dataclass(frozen=True)
class Quote:
    """One passage to quote: paragraph `index` (0-based) of `doc`."""

    doc: Document
    index: int


def escape_markdown(text: str) -> str:
    """`text` with every Markdown metacharacter backslash-escaped, newlines as spaces.

    The result, parsed as CommonMark, renders as exactly `text` (newlines turned
    into spaces, surrounding whitespace dropped) and makes no emphasis, link, code,
    HTML, heading, list or quote.
    """
    return _line_start(_escape_inline(" ".join(text.splitlines()).strip()))


def _escape_inline(text: str) -> str:
    return "".join("\\" + ch if ch in _ALWAYS else ch for ch in text)


def _line_start(line: str) -> str:
    """Escape what would open a block (list item, setext underline) at a line's start."""
    if line[:1] in _LINE_START:
        line = "\\" + line
    return _ORDERED.sub(r"\1\\\2", line)


def _punctuation(ch: str) -> bool:
    """CommonMark's "Unicode punctuation character": categories P* and S*."""
    return unicodedata.category(ch)[0] in "PS"


def _can_bold(before: str, text: str, after: str) -> bool:
    """Whether `**text**` between `before` and `after` (single characters, "" at a
    line's ends) opens and closes as strong emphasis (CommonMark §6.2 flanking)."""
    if not text or text[0].isspace() or text[-1].isspace():
        return False
    opens = not _punctuation(text[0]) or not before or before.isspace() or _punctuation(before)
    closes = not _punctuation(text[-1]) or not after or after.isspace() or _punctuation(after)
    return opens and closes


def passage_markdown(doc: Document, index: int) -> str:
    """Paragraph `index` of `doc` on one line, escaped, with its entity mentions in bold."""
    raw = _LINE_BREAK.sub(" ", doc.clean.paragraphs[index].text)  # one for one: offsets hold
    text = raw.strip()
    offset = len(raw) - len(raw.lstrip())
    mentions = doc.mentions[index] if index < len(doc.mentions) else ()
    parts: list[str] = []
    pos = 0
    for mention in sorted(mentions, key=lambda m: m.start):
        start, end = mention.start - offset, mention.end - offset
        if start < pos or end > len(text):
            continue
        name = text[start:end]
        parts.append(_escape_inline(text[pos:start]))
        bold = _can_bold(text[start - 1:start], name, text[end:end + 1])
        parts.append(f"**{_escape_inline(name)}**" if bold else _escape_inline(name))
        pos = end
    parts.append(_escape_inline(text[pos:]))
    return _line_start("".join(parts))


CITED = "— "  # opens each citation line of a brief (`citation`)
PILCROW = "¶ "  # before the 1-based passage number in a citation


def citation(doc: Document, index: int) -> str:
    """"— *Title*, Source, 2017-11-01, <URL>, ¶ 3": ¶ is 1-based, as a reader counts;
    what the article does not state is said (`Metadata.cited`)."""
    meta = doc.meta
    title, source, date = meta.cited
    parts = [f"*{_escape_inline(meta.title)}*" if meta.title.strip() else title,
             escape_markdown(source), date]
    if meta.url:
        parts.append(_link(meta.url))
    parts.append(f"{PILCROW}{index + 1}")
    return CITED + ", ".join(parts)


def _link(url: str) -> str:
    """An autolink where CommonMark allows one (no spaces, no < >), escaped text otherwise."""
    if re.fullmatch(r"[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>\x00-\x1f\x7f]*", url):
        return f"<{url}>"
    return escape_markdown(url)


def date_bound(text: str) -> str:
    """Validate a --from/--to bound: YYYY, YYYY-MM or YYYY-MM-DD, in the calendar
    (datetime.date: 2022-02-30 is no day, 0000 no year). Raises ValueError."""
    if not _DATE_BOUND.match(text) or not valid_date(bound_day(text, last=False)):
        raise ValueError(f"not a date: {text!r} (use YYYY, YYYY-MM or YYYY-MM-DD)")
    return text


def within(date: str | None, start: str | None, end: str | None) -> bool:
    """Whether an ISO `date` falls in [start, end]; bounds are YYYY, YYYY-MM or
    YYYY-MM-DD prefixes (`end` "2017" takes all of 2017). Undated passages fall
    outside any bound and inside none."""
    if date is None:
        return start is None and end is None
    return (start is None or date >= start) and (end is None or date[:len(end)] <= end)


def ordered(quotes: Iterable[Quote]) -> list[Quote]:
    """In date order (undated last), then by article, then by passage; duplicates dropped."""
    unique = {(q.doc.id, q.index): q for q in quotes}
    return sorted(unique.values(), key=lambda q: (q.doc.meta.date is None, q.doc.meta.date or "",
                                                  q.doc.meta.title.casefold(), q.doc.id, q.index))


def gather(wanted: Iterable[tuple[str, int]], get: Callable[[str], Document | None],
           start: str | None = None, end: str | None = None) -> tuple[list[Quote], list[tuple[str, int]]]:
    """The quotes for (article id, 0-based passage) pairs dated within [start, end]
    (see `within`), and the pairs whose article or passage is no longer there.
    `get`: article id -> analysed document or None (e.g. `Library.get`)."""
    quotes, missing = [], []
    for article_id, index in wanted:
        doc = get(article_id)
        if doc is None or not 0 <= index < len(doc.clean.paragraphs):
            missing.append((article_id, index))
        elif within(doc.meta.date, start, end):
            quotes.append(Quote(doc, index))
    return quotes, missing


def default_name(title: str, today: str) -> str:
    """"brief-north-south-transport-corridor-2026-11-30.md" for a brief titled "Brief: North–South…"."""
    return f"brief-{slug(title.removeprefix('Brief: '))}-{today}.md"


def free_path(folder: Path, name: str) -> Path:
    """`folder / name`, or with "-2", "-3"… before its suffix when that file exists: a
    default name never replaces an earlier brief (a newcomer's `w` in the reader replaced
    the brief `iranru-reader brief` had written that day)."""
    path = folder / name
    stem, suffix = path.stem, path.suffix
    number = 1
    while path.exists():
        number += 1
        path = folder / f"{stem}-{number}{suffix}"
    return path


def bound_day(bound: str, last: bool) -> str:
    """A YYYY, YYYY-MM or YYYY-MM-DD bound (as `within` takes them) as the day it
    starts or, with `last`, ends on: "2017" -> "2017-01-01" or "2017-12-31",
    "2016-02" -> "2016-02-29" (the calendar's, from `calendar.monthrange`)."""
    import calendar

    parts = bound.split("-")
    if len(parts) == 3:
        return bound
    year, month = int(parts[0]), int(parts[1]) if len(parts) == 2 else (12 if last else 1)
    day = calendar.monthrange(year, month)[1] if last else 1
    return f"{year:04d}-{month:02d}-{day:02d}"


def brief_markdown(title: str, quotes: Sequence[Quote], start: str | None = None, end: str | None = None,
                   made: str | None = None, duplicates: int = 0) -> str:
    """The brief: a title, the date range, then under each article's heading its
    passages quoted (`>`) in date order, each followed by its citation.

    `start`/`end`: the bounds asked for (shown as the range, as days: `bound_day`;
    otherwise the first and last dates quoted). `made`: a date to state as the brief's own.
    `duplicates`: passages left out because another article tells the same story (said).
    """
    quotes = ordered(quotes)
    dates = [q.doc.meta.date for q in quotes if q.doc.meta.date]
    first = bound_day(start, last=False) if start else min(dates) if dates else None
    last = bound_day(end, last=True) if end else max(dates) if dates else None
    span = first if first and first == last else f"{first or '…'} to {last or '…'}" if (first or last) else "undated"
    articles = len({q.doc.id for q in quotes})
    undated = len(quotes) - len(dates)  # outside the span: said, so that the count adds up
    lines = [f"# {escape_markdown(title)}", "",
             f"**Dates:** {span} · {len(quotes)} passage{'s' * (len(quotes) != 1)} "
             f"from {articles} article{'s' * (articles != 1)}"
             + (f" ({undated} undated)" if undated and dates else "") + (f" · made {made}" if made else "")
             + (f" · {duplicates} duplicate passage{'s' * (duplicates != 1)} left out" if duplicates else ""), ""]
    current = None
    for quote in quotes:
        doc = quote.doc
        if doc.id != current:
            current = doc.id
            meta = doc.meta
            about = [escape_markdown(x) for x in (meta.source, meta.date) if x] + ([_link(meta.url)] if meta.url else [])
            lines += ["---", "", f"## {escape_markdown(meta.title)}", ""]
            if about:
                lines += [" · ".join(about), ""]
        lines += [f"> {passage_markdown(doc, quote.index)}", "", citation(doc, quote.index), ""]
    return "\n".join(lines)


ARTICLE_BREAK = "\n---\n\n## "  # before each article's heading in `brief_markdown` (its text escapes "#")


def preview(markdown: str, most: int = 12_000) -> tuple[str, int, int]:
    """The head of a brief (`brief_markdown`'s text) and its first articles, whole,
    within `most` characters (one at least); the number of articles kept, and of all.
    Textual's Markdown widget built some 75 blocks a second on this machine: the whole
    brief of a topic at 1,056 passages (448 KB) took 76 s to preview (issue 18)."""
    head, *articles = markdown.split(ARTICLE_BREAK)
    kept = head
    for shown, article in enumerate(articles):
        if shown and len(kept) + len(ARTICLE_BREAK) + len(article) > most:
            return kept, shown, len(articles)
        kept += ARTICLE_BREAK + article
    return kept, len(articles), len(articles)


def slug(text: str, most: int = 40) -> str:
    """A file-name-safe lower-case slug of `text` (letters, digits, '-'), at most `most` characters."""
    words = re.findall(r"\w+", unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower())
    return "-".join(words)[:most].strip("-") or "brief"
