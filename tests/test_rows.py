"""The sidebar's rows, read lazily from the index (reader/rows.py)."""

from __future__ import annotations

import pytest

from reader import rows as rows_module
from reader.rows import Rows, haystack, matches_words


def _matching(entries, words):
    return [e.id for e in entries if matches_words(haystack(e.id, e.title, e.source, e.date, e.language), e.language, words)]


def test_rows_are_the_entries_in_list_order(library):
    rows = Rows(library.index)
    assert len(rows) == len(library.entries) == 5
    assert [e.id for e in rows] == [e.id for e in library.entries]
    assert rows[-1] == library.entries[-1] and rows[1:3] == library.entries[1:3]


def test_only_the_page_of_a_drawn_row_is_read(library, monkeypatch):
    """Drawing row 0 reads its page of entries, not every article's."""
    monkeypatch.setattr(rows_module, "PAGE", 2)
    asked: list[list[int]] = []
    real = library.index.entries_at
    monkeypatch.setattr(library.index, "entries_at", lambda rowids: asked.append(list(rowids)) or real(rowids))
    rows = Rows(library.index)
    assert rows[0].id == library.entries[0].id and rows[1].id == library.entries[1].id
    assert len(asked) == 1 and len(asked[0]) == 2  # one page of two, read once for both rows
    assert rows[4].id == library.entries[4].id
    assert len(asked) == 2 and len(asked[1]) == 1  # the last page, alone


def _whole_order_reads(index, monkeypatch) -> list[int]:
    """Count the reads of the whole list order (`list_order()` without a limit) on `index`."""
    reads: list[int] = []
    real = index.list_order
    monkeypatch.setattr(index, "list_order", lambda limit=-1: (limit < 0 and reads.append(limit)) or real(limit))
    return reads


def _on_another_connection(library, read) -> None:
    """`read(index)` through a second connection to `library`'s index, as a worker does."""
    other = library.connect()
    try:
        read(other)
    finally:
        other.close()


def test_the_first_page_and_the_count_need_not_the_whole_order(library, monkeypatch):
    """The first frame draws the first page and sizes the list: at 100,000 articles,
    reading every rowid in list order first cost 30 ms of CPU before it (issue 17)."""
    monkeypatch.setattr(rows_module, "PAGE", 2)
    reads = _whole_order_reads(library.index, monkeypatch)
    rows = Rows(library.index)
    assert len(rows) == 5
    assert [rows[0].id, rows[1].id] == [e.id for e in library.entries[:2]]
    assert rows.position(library.entries[1].id) == 1
    assert reads == []
    assert rows[2].id == library.entries[2].id  # past the first page: now the whole order is read, once
    assert rows.position(library.entries[4].id) == 4 and reads == [-1]


def test_the_whole_order_read_ahead_on_another_connection_serves_the_list(library, monkeypatch):
    """What the reader's file-checking worker reads after the first frame: then a scroll
    past the first page, or a filter, reads nothing more on the list's own connection."""
    monkeypatch.setattr(rows_module, "PAGE", 2)
    reads = _whole_order_reads(library.index, monkeypatch)
    rows = Rows(library.index)
    _on_another_connection(library, rows.read_order)
    assert [e.id for e in rows] == [e.id for e in library.entries]
    assert [e.id for e in rows.filtered(["tribune"])] == _matching(library.entries, ["tribune"])
    assert reads == []


def test_a_short_list_is_read_whole_at_once(library, monkeypatch):
    """Fewer rows than a page (the seeds): the first read is the whole order; no count."""
    monkeypatch.setattr(library.index, "count", lambda: pytest.fail("counted"))
    reads = _whole_order_reads(library.index, monkeypatch)
    rows = Rows(library.index)
    assert len(rows) == 5 and rows.position(library.entries[4].id) == 4 and reads == []


def test_position_finds_an_article_and_none_when_filtered_out(library):
    rows = Rows(library.index)
    last = library.entries[-1]
    assert rows.position(last.id) == 4
    assert rows.position("no-such-article") is None
    kept = rows.filtered(["tribune"])
    assert 0 < len(kept) < 5
    left_out = next(e for e in library.entries if e.id not in {k.id for k in kept})
    assert kept.position(kept[-1].id) == len(kept) - 1 and kept.position(left_out.id) is None


@pytest.mark.parametrize("typed", [["tribune"], ["2017"], ["lang:en"], ["kayhan", "2022"], ["nothing-like-this"]])
def test_filtering_keeps_the_rows_with_every_word(library, typed):
    assert [e.id for e in Rows(library.index).filtered(typed)] == _matching(library.entries, typed)


def test_typing_on_narrows_and_deleting_widens_again(library):
    rows = Rows(library.index)
    narrowed = rows.filtered(["t"]).filtered(["tr"]).filtered(["tribune"])
    assert [e.id for e in narrowed] == _matching(library.entries, ["tribune"])
    assert [e.id for e in narrowed.filtered(["t"])] == _matching(library.entries, ["t"])  # not a subset of "tribune"
    assert narrowed.filtered([]) is rows


def test_a_language_word_is_matched_exactly_not_narrowed(library):
    """`lang:e` matches no row; typing on to `lang:en` must not narrow that empty result."""
    rows = Rows(library.index)
    assert len(rows.filtered(["lang:e"])) == 0
    assert [e.id for e in rows.filtered(["lang:e"]).filtered(["lang:en"])] == _matching(library.entries, ["lang:en"])


def test_the_filter_fields_read_ahead_on_another_connection_serve_the_first_word(library, monkeypatch):
    """What `/` starts in a worker: the first word typed then reads nothing from the list's index
    (neither the filter's fields nor, when more than a page of rows, the list's order)."""
    monkeypatch.setattr(rows_module, "PAGE", 2)
    rows = Rows(library.index)
    _on_another_connection(library, rows.prepare_filter)
    monkeypatch.setattr(library.index, "list_fields", lambda: pytest.fail("read again on the first word"))
    monkeypatch.setattr(library.index, "list_order", lambda limit=-1: pytest.fail("the order read on the first word"))
    assert [e.id for e in rows.filtered(["tehran"])] == _matching(library.entries, ["tehran"])


def test_the_worker_reads_a_topic_words_articles_too(library, monkeypatch):
    """The app filters a long list in a worker: `topic:` words' articles are read on the
    worker's connection, not on the list's (which belongs to the event loop)."""
    rows = Rows(library.index)
    words = ["topic:syria", "tribune"]
    _on_another_connection(library, lambda index: rows.prepare_filter(index, words))
    real = type(library.index).topic_articles
    monkeypatch.setattr(type(library.index), "topic_articles", lambda index, topic: (
        pytest.fail("read on the list's connection") if index is library.index else real(index, topic)))
    assert [e.id for e in rows.filtered(words)] == _matching(library.entries, words)


def test_a_filter_survives_the_index_changing_under_it(library):
    """A newcomer rebuilt the cache from another shell while the reader was open: the
    next filter keystroke crashed on a row the first read of the haystacks lacked."""
    rows = Rows(library.index)
    assert rows.filtered(["tribune"])  # the haystacks are read now
    gone = rows._haystacks.get().pop(rows._order[0])  # as if that row had been re-indexed since
    assert [e.id for e in rows.filtered(["lang:en"])] == _matching(library.entries, ["lang:en"])
    assert rows._haystacks.get()[rows._order[0]] == gone  # read again from the index


def test_topic_and_source_words_filter_by_the_articles_topics_and_source(library):
    """A newcomer typed `topic:sanctions` and `source:TASS` and got 0 rows: those words
    were looked for as text in the title, source and date."""
    rows = Rows(library.index)
    # a topic some seeds are on and some are not
    topic = next(t for e in library.entries for t in e.topics if not all(t in f.topics for f in library.entries))
    on_topic = [e.id for e in library.entries if topic in e.topics]
    assert 0 < len(on_topic) < 5
    assert [e.id for e in rows.filtered([f"topic:{topic}"])] == on_topic
    assert len(rows.filtered(["topic:no_such_topic"])) == 0
    tribune = [e.id for e in library.entries if "tribune" in (e.source or "").casefold()]
    assert 0 < len(tribune) < 5
    assert [e.id for e in rows.filtered(["source:tribune"])] == tribune
    # "tehran" is in a title but no source: source: looks at the source alone
    assert len(rows.filtered(["source:tehran"])) == len([e for e in library.entries if "tehran" in (e.source or "").casefold()])
    both = rows.filtered([f"topic:{topic}", "source:tribune"])
    assert [e.id for e in both] == [i for i in on_topic if i in tribune]


def test_a_plain_word_typed_on_into_a_filter_word_is_not_narrowed(library):
    """`sou` then `source:x`: the rows of `source:x` need not hold "sou"."""
    rows = Rows(library.index)
    topic = next(t for e in library.entries for t in e.topics if not all(t in f.topics for f in library.entries))
    assert [e.id for e in rows.filtered(["sou"]).filtered([f"topic:{topic}"])] == \
        [e.id for e in library.entries if topic in e.topics]


def test_an_unknown_filter_word_or_topic_is_named():
    from reader.rows import filter_problems

    assert filter_problems(["source:tass", "lang:fa", "iran:", "12:30", "topic:syria"], ["syria"]) == []
    assert filter_problems(["author:smith"], ["syria"]) == ["“author:” is no filter (lang:, topic:, source:)"]
    assert filter_problems(["topic:sanction"], ["sanctions"]) == ["no topic “sanction” (topic ids: iranru-reader topics)"]


def test_one_row_is_matched_by_the_rule_the_list_filters_with():
    """`matches_words` is `_keeping` on one row: `lang:` exact, `source:` in the
    source alone, `topic:` left to `Rows.filtered`, other words in the haystack."""
    text = haystack("a1", "Report from Tehran", "TASS", "2022-01-05", "ru")
    assert matches_words(text, "ru", ["lang:ru", "source:tass", "topic:syria", "tehran"], "tass")
    assert not matches_words(text, "ru", ["lang:r"], "tass")
    assert not matches_words(text, "ru", ["source:tehran"], "tass")  # in the title, not the source
    assert not matches_words(text, "ru", ["moscow"], "tass")


def test_a_topic_word_reads_its_articles_once_while_the_list_stands(library, monkeypatch):
    """Typing on after `topic:ID` queried the passages table again on every keystroke;
    the list read after indexing (and a list that finds the index changed) reads again."""
    topic = next(t for e in library.entries for t in e.topics if not all(t in f.topics for f in library.entries))
    on_topic = [e.id for e in library.entries if topic in e.topics]
    asked: list[str] = []
    real = type(library.index).topic_articles
    monkeypatch.setattr(type(library.index), "topic_articles", lambda index, t: asked.append(t) or real(index, t))
    rows = Rows(library.index)
    typed = [[f"topic:{topic}"], [f"topic:{topic}", "t"], [f"topic:{topic}", "te"], [f"topic:{topic}"]]
    for words in typed:
        assert [e.id for e in rows.filtered(words)] == [i for i in _matching(library.entries, words) if i in on_topic]
    assert asked == [topic]
    gone = rows._haystacks.get().pop(rows._order[0])  # as if that row had been re-indexed since
    assert [e.id for e in rows.filtered([f"topic:{topic}", "lang:en"])] == \
        [e.id for e in library.entries if topic in e.topics and e.language == "en"]
    assert asked == [topic, topic] and rows._haystacks.get()[rows._order[0]] == gone
    assert [e.id for e in Rows(library.index).filtered([f"topic:{topic}"])] == on_topic  # a new list: read again
    assert asked == [topic, topic, topic]


def test_the_filters_fields_let_go_are_read_again(library):
    """Closing the filter lets its fields go (35 MB at 100,000 articles); the next word reads them again."""
    rows = Rows(library.index)
    assert [e.id for e in rows.filtered(["tribune"])] == _matching(library.entries, ["tribune"])
    rows.forget_filter()
    assert rows._haystacks._found is None
    assert [e.id for e in rows.filtered(["tribune"])] == _matching(library.entries, ["tribune"])
