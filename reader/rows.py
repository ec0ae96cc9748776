"""The article list as the sidebar reads it: rows fetched from the index as they are shown.

At 100,000 articles, loading every Entry before the first frame cost a second and
some 70 MB (issue 17). `Rows` holds only the articles' rowids in list order (one
int each, read from the index's order index) and reads the entries of a page of
rows when one of them is drawn. Even that order is read whole only when a row past
the first page, a filter or a position needs it (or a worker reads it ahead,
`read_order`): the first frame reads the first page's rowids and a count (at
100,000 articles the whole order took 30 ms of CPU, more on a loaded machine).
Filtering reads (id, title, source, date, language) once, when the first filter
word is typed, and a `topic:` word's articles once, when that word is typed, and
then narrows lists of ints. No Textual here: the sidebar and the tests use it alike.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Collection, Sequence

from .index import CorpusIndex, Entry

PAGE = 100  # rows read from the index at once (a screen shows about 20)
PAGES_KEPT = 20  # pages of entries kept in memory
# A row whose article was re-indexed (a new rowid) since these rows were read: drawn
# as a gap for the moment until the reader shows the list read after that batch.
GONE = Entry("", "", "…", None, None, 0, (), ())


def haystack(article_id: str, title: str, source: str | None, date: str | None, language: str | None) -> str:
    """What the filter looks in: the fields of a row, casefolded, one string."""
    return " ".join([article_id, title, source or "", date or "", language or ""]).casefold()


#: The filter's words with a meaning of their own (the rest are looked for in the row):
#: what `?` and the README show, and what an unknown `word:` is told it could be.
FILTER_PREFIXES = {
    "lang": "lang:fa — articles in that language, exactly (en, ru, fa…)",
    "topic": "topic:sanctions — articles with a passage on that topic id (iranru-reader topics)",
    "source": "source:tass — articles whose source holds that word",
}
FILTER_SYNTAX = ("words in the title, source, date or id, all of them (case aside); "
                 + "; ".join(FILTER_PREFIXES.values()) + "; Down or Enter: to the list, Esc: clear")


def filter_words(typed: str) -> tuple[str, ...]:
    """The filter's words in what was typed in its box: casefolded, split at spaces."""
    return tuple(typed.casefold().split())


def prefix_of(word: str) -> str | None:
    """"topic" for "topic:syria"; None for a word that is no `name:value` pair
    ("iran:", "12:30", "https://…" are words like any other)."""
    name, colon, value = word.partition(":")
    return name if colon and value and name.isalpha() and not value.startswith("//") else None


def filter_problems(words: Sequence[str], topic_ids: Collection[str]) -> list[str]:
    """What is wrong with the filter's `words` (casefolded), one message each: an
    unknown `name:` (it is looked for as text, and finds nothing) or a topic id
    not among `topic_ids` (the topic map's ids: any container)."""
    problems = []
    for word in words:
        name = prefix_of(word)
        if name is None:
            continue
        if name not in FILTER_PREFIXES:
            problems.append(f"“{name}:” is no filter (" + ", ".join(f"{p}:" for p in FILTER_PREFIXES) + ")")
        elif name == "topic" and word[6:] not in topic_ids:
            problems.append(f"no topic “{word[6:]}” (topic ids: iranru-reader topics)")
    return problems


def matches_words(text: str, language: str | None, words: Sequence[str], source: str | None = None) -> bool:
    """Whether a row's `haystack` `text` has every one of the filter's `words`
    (casefolded); a word `lang:xx` asks for language xx exactly, `source:x` for
    x in the row's `source` (casefolded). `topic:` words are not looked at here:
    `Rows.filtered` keeps the rows of their topics. One row through `_keeping`,
    which holds the rule."""
    return bool(_keeping((0,), {0: (text, language, source or "")}, words))


class _Haystacks:
    """Each row's haystack and language, read from the index the first time a filter
    word is typed, and each `topic:` word's articles, read the first time it is typed:
    shared by a list and its filtered views (after indexing the library makes a new
    list, and with it new haystacks)."""

    def __init__(self, index: CorpusIndex):
        self.index = index
        self._found: dict[int, tuple[str, str | None, str]] | None = None
        self._topics: dict[str, set[int]] = {}
        self._reading = threading.Lock()  # one read at a time: a second waits for the first's

    def get(self, index: CorpusIndex | None = None, fresh: bool = False) -> dict[int, tuple[str, str | None, str]]:
        """rowid -> (haystack, language, source casefolded); `index`: another connection to read them
        through (a worker's), else this list's own; `fresh`: read again, not the first read's
        (the topics' articles too)."""
        with self._reading:
            if self._found is None or fresh:
                self._topics = {}
                # one string object per distinct language and source, not one a row: 11 MB less at 100,000 articles
                shared: dict[str, str] = {}
                self._found = {rowid: (haystack(aid, title, source, when, lang), lang and shared.setdefault(lang, lang),
                                       shared.setdefault(folded := (source or "").casefold(), folded))
                               for rowid, aid, title, source, when, lang in (index or self.index).list_fields()}
            return self._found

    def forget(self) -> None:
        """Let go of what was read (read again on the next `get`): 35 MB at 100,000 articles."""
        with self._reading:
            self._found, self._topics = None, {}

    def on_topic(self, topic: str, index: CorpusIndex | None = None) -> set[int]:
        """The rowids of the articles with a passage on `topic` (an id), read once (through
        `index`, a worker's connection, else this list's own): typing on after
        `topic:sanctions` queried the passages table again on every keystroke."""
        found = self._topics.get(topic)
        if found is None:
            found = self._topics[topic] = (index or self.index).topic_articles(topic)
        return found


def _implies(new: Sequence[str], old: Sequence[str]) -> bool:
    """Whether every row matching the words `new` matches `old` too (so a filter
    typed on from `old` narrows the last result)."""
    return all(any(n == o if prefix_of(o) or prefix_of(n) else o in n for n in new) for o in old)


class Rows(Sequence[Entry]):
    """A sequence of Entry in list order (date, then title), read lazily from the index.

    `words`: the filter these rows passed (empty: all articles). A `Rows` is a
    snapshot: after indexing, the library makes a new one."""

    def __init__(self, index: CorpusIndex, order: list[int] | None = None, words: tuple[str, ...] = (),
                 base: Rows | None = None, haystacks: _Haystacks | None = None):
        self._index = index
        self._full = order  # the whole order; None until read (`_order`)
        self._head: list[int] = []  # else its first page, enough for the first frame,
        self._count = 0  # and how many rows there are
        if order is None:
            self._head = index.list_order(PAGE)
            if len(self._head) < PAGE:
                self._full = self._head
            else:
                self._count = index.count()
        self.words = words
        self._base = base or self  # every article, unfiltered
        self._haystacks = haystacks or _Haystacks(index)
        self._pages: OrderedDict[int, dict[int, Entry]] = OrderedDict()

    @property
    def _order(self) -> list[int]:
        """The whole order, read now if no worker has read it (`read_order`)."""
        if self._full is None:
            self._full = self._index.list_order()
        return self._full

    def read_order(self, index: CorpusIndex) -> None:
        """Read the whole order ahead through `index` (a worker's own connection), so
        that the first scroll past the first page, filter word or jump does not wait for it."""
        if self._full is None:
            self._full = index.list_order()

    def __len__(self) -> int:
        return self._count if self._full is None else len(self._full)

    def __getitem__(self, position):  # type: ignore[override]
        if isinstance(position, slice):
            return [self[i] for i in range(*position.indices(len(self)))]
        on_head = self._full is None and 0 <= position < len(self._head)
        order = self._head if on_head else self._order
        rowid = order[position]
        number = (position % len(order)) // PAGE
        page = self._pages.get(number)
        if page is None:
            page = self._index.entries_at(order[number * PAGE:(number + 1) * PAGE])
            self._pages[number] = page
            if len(self._pages) > PAGES_KEPT:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(number)
        return page.get(rowid, GONE)

    def rowids(self) -> Sequence[int]:
        """These rows' articles' rowids, in order (not to be changed)."""
        return self._order

    def position(self, article_id: str | None) -> int | None:
        """Where `article_id` is in these rows (None: not there, or filtered out)."""
        rowid = self._index.rowid(article_id) if article_id else None
        if self._full is None and rowid in self._head:  # the opening article, usually: no need for the whole order
            return self._head.index(rowid)
        try:
            return None if rowid is None else self._order.index(rowid)  # a scan in C: 1 ms at 100,000, no dict kept
        except ValueError:
            return None

    def prepare_filter(self, index: CorpusIndex, words: Sequence[str] = ()) -> None:
        """Read what the filter looks in ahead, through `index` (a worker's own
        connection), so that the first word typed does not wait for it: at 10,000
        articles that read took 435 ms on the first keystroke (issue 17). The list's
        whole order too, if no worker has read it yet (`read_order`), and the articles
        of the topics that `words` name (`topic:ID`), so `filtered(words)` reads nothing."""
        self._base.read_order(index)
        self._haystacks.get(index)
        for word in words:
            if prefix_of(word) == "topic":
                self._haystacks.on_topic(word[6:], index)

    def forget_filter(self) -> None:
        """Let go of the filter's fields (the filter is closed): they are read again,
        by `prepare_filter` or the first word, when it is opened."""
        self._haystacks.forget()

    def filtered(self, words: Sequence[str]) -> Rows:
        """The rows holding every one of `words` (casefolded; see `matches_words`;
        `topic:ID` keeps the articles with a passage on topic ID).
        Typing on narrows the last result instead of scanning every row again."""
        words = tuple(words)
        if not words:
            return self._base
        start = self if self.words and _implies(words, self.words) else self._base
        hay = self._haystacks.get()
        try:
            kept = _keeping(self._on_topics(start._order, words), hay, words)
        except KeyError:  # the index changed under this list (another process re-indexed): read again
            hay = self._haystacks.get(fresh=True)
            kept = _keeping(self._on_topics([rowid for rowid in start._order if rowid in hay], words), hay, words)
        return Rows(self._index, kept, words, self._base, self._haystacks)

    def _on_topics(self, order: Sequence[int], words: Sequence[str]) -> Sequence[int]:
        """The rowids of `order` on every `topic:` word's topic (`_Haystacks.on_topic`)."""
        for word in words:
            if prefix_of(word) == "topic":
                on_topic = self._haystacks.on_topic(word[6:])
                order = [rowid for rowid in order if rowid in on_topic]
        return order


def _keeping(order: Sequence[int], hay: dict[int, tuple[str, str | None, str]], words: Sequence[str]) -> list[int]:
    """The rowids of `order` whose haystack, language and source (`hay`: rowid -> the
    three, as `_Haystacks.get`) have every one of `words` (`matches_words` says which
    rows that is; `topic:` words are kept by `Rows.filtered`),
    narrowed word by word, each pass one comprehension: at 100,000 rows a call of
    `matches_words` per row took 100-190 ms a keystroke."""
    kept = list(order)
    for word in words:
        name = prefix_of(word)
        if name == "lang":
            kept = [rowid for rowid in kept if (hay[rowid][1] or "") == word[5:]]
        elif name == "source":
            kept = [rowid for rowid in kept if word[7:] in hay[rowid][2]]
        elif name != "topic":
            kept = [rowid for rowid in kept if word in hay[rowid][0]]
    return kept
