"""HTML articles: main text and metadata through trafilatura.

trafilatura (Barbaresi, ACL 2021 demo; the best-scoring open extractor in
its own and in ScrapingHub's benchmarks) keeps the article's text without
the page's navigation, and reads title, date, author, site name and URL from
the page's meta tags and JSON-LD. Its text goes on through `clean`, like any
`.txt`; what the page's metadata states wins over what cleaning guesses.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Extracted:
    """What a page yields: the main text (paragraphs separated by blank lines) and metadata."""

    text: str
    title: str | None = None
    date: str | None = None  # ISO YYYY-MM-DD
    source: str | None = None  # the site's name, else the author
    url: str | None = None


def extract(page: str) -> Extracted:
    """The main text and metadata of an HTML page (`page`: the decoded source).

    Never raises on bad markup: a page trafilatura cannot read yields its
    visible text with tags removed, and no metadata.
    """
    import trafilatura

    try:
        text = trafilatura.extract(page, include_comments=False, include_tables=True, favor_recall=True,
                                   with_metadata=False, deduplicate=False) or ""
        meta = trafilatura.extract_metadata(page)
    except Exception:  # noqa: BLE001 - a third-party parser on hostile input: fall back, never crash
        text, meta = "", None
    if not text.strip():
        text = _visible_text(page)
    text = "\n\n".join(line for line in text.split("\n") if line.strip())
    if meta is None:
        return Extracted(text)
    date = meta.date[:10] if meta.date and len(meta.date) >= 10 else None
    return Extracted(text, meta.title or None, date, meta.sitename or meta.author or None, meta.url or None)


def _visible_text(page: str) -> str:
    import re
    from html import unescape

    page = re.sub(r"(?is)<(script|style|noscript)\b.*?</\1>", " ", page)
    page = re.sub(r"(?i)<br\s*/?>|</p>|</div>|</h\d>|</li>", "\n", page)
    return unescape(re.sub(r"<[^>]+>", " ", page))
