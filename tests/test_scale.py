"""At 100,000 articles nothing may load every entry or stat every file on a key
(issue 17): trails, timelines' month lists, bookmarks' duplicates, `show` and
the command palette read ids, titles and pages from the index; a cold start
stats the files in a worker. Each test forbids the whole list (CorpusIndex.entries)
and checks the result against the order and fields that list gives."""

from __future__ import annotations

import threading

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.annotate.topics import TRAIL_PASSAGES, Passage, Trail
from reader.config import bundled_config, load_config
from reader.index import CorpusIndex
from reader.ingest.decode import more_than
from reader.history import Location
from reader.library import AmbiguousArticle, Library
from reader.state import StateStore
from reader.timeline import Subject
from reader.tui.app import SYNC_LIMIT, ReaderApp
from reader.tui.widgets.sidebar import Sidebar
from tui_helpers import drive, wait_until



@pytest.fixture
def seeds() -> tuple[Library, list]:
    """A fresh library on the seeds (cached in the test's own cache), and its whole
    list read by another library: the order and fields to check against."""
    expected = Library(load_config(bundled_config())).ensure_fresh().entries
    return Library(load_config(bundled_config())), expected


@pytest.fixture
def no_whole_list(monkeypatch):
    monkeypatch.setattr(CorpusIndex, "entries", lambda self: pytest.fail("every entry was loaded"))


def _in_list_order(passages, entries) -> None:
    rank = {e.id: i for i, e in enumerate(entries)}
    by_id = {e.id: e for e in entries}
    keys = [(rank[p.article_id], p.index) for p in passages]
    assert keys == sorted(keys) and len(set(keys)) == len(keys)
    assert all((p.date, p.title) == (by_id[p.article_id].date, by_id[p.article_id].title) for p in passages)


def test_a_trail_is_in_list_order_without_the_whole_list(seeds, no_whole_list):
    library, entries = seeds
    trail = library.trail("strategic_partnership")
    assert len({p.article_id for p in trail}) >= 3 and all(p.snippet for p in trail)
    _in_list_order(trail, entries)
    assert [(p.article_id, p.index) for p in library.trail("strategic_partnership", snippets=False)] == \
        [(p.article_id, p.index) for p in trail]


def test_a_month_and_a_subject_list_their_passages_without_the_whole_list(seeds, no_whole_list):
    library, entries = seeds
    subject = library.subject("Vladimir Putin")
    passages = library.subject_passages(subject)
    assert len({p.article_id for p in passages}) >= 2
    _in_list_order(passages, entries)
    month = passages[0].date[:7]
    listed = library.month_passages(subject, month)
    assert listed and all(p.date.startswith(month) and p.snippet for p in listed)
    _in_list_order(listed, entries)


def test_ranks_are_the_list_order_without_the_whole_list(seeds, no_whole_list):
    library, entries = seeds
    assert library.ranks == {e.id: i for i, e in enumerate(entries)}
    last, first = entries[-1].id, entries[0].id
    assert library.distinct([(last, 0), (first, 2), (first, 1)], lambda pair: pair) == \
        ([(last, 0), (first, 2), (first, 1)], 0)


def test_show_resolves_ids_titles_and_paths_without_the_whole_list(seeds, no_whole_list):
    library, entries = seeds
    target = entries[2]
    assert library.resolve(target.id).id == target.id
    assert library.resolve(target.id[:5]).id == target.id  # an id prefix
    assert library.resolve(target.title.upper()).id == target.id  # a title, case aside
    assert library.resolve(target.title[:12].lower()).id == target.id  # a title prefix
    assert library.resolve(target.path).id == target.id  # its file: the indexed article
    with pytest.raises(AmbiguousArticle) as found:
        library.resolve("00")
    assert found.value.matches == entries  # every article, in list order, each a whole entry
    with pytest.raises(LookupError, match="no article matches"):
        library.resolve("no-such-thing")


def test_show_finds_a_file_named_otherwise_through_its_stored_path(tmp_path, write, no_whole_list):
    """A corpus file given by another spelling of its path (a relative path here) is the
    indexed article, not a fresh analysis."""
    write("corpus/x.txt", "Rail deal\n\nMarch 3, 2019\n\nRussia and Iran signed a railway deal.\n")
    library = Library(load_config(bundled_config()), [tmp_path / "corpus"]).ensure_fresh()
    relative = (tmp_path / "corpus" / ".." / "corpus" / "x.txt")
    doc = library.resolve(str(relative))
    assert doc.id == "x" and not doc.raw.text  # read back from the index (documents there carry no raw text)


def test_headlines_are_every_article_in_list_order_a_page_at_a_time(seeds, no_whole_list):
    library, entries = seeds
    pages = list(library.headlines(page=2))
    assert [len(page) for page in pages] == [2, 2, 1]
    assert [row for page in pages for row in page] == [(e.id, e.date, e.title) for e in entries]


def test_the_palette_opens_an_article_without_the_whole_list(seeds, no_whole_list, tmp_path):
    library, _ = seeds
    app = ReaderApp(library, StateStore(tmp_path / "state.json"))

    async def scenario(pilot):
        await wait_until(pilot, lambda: app.view.doc is not None)
        await pilot.press("ctrl+p", *"new chapter")
        await wait_until(pilot, lambda: bool(app.screen.query("CommandList"))
                         and app.screen.query_one("CommandList").option_count > 0)
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.view.doc.id == "004_1930e3c77fad4e3e")

    drive(app, scenario)


def test_a_trail_step_in_the_reader_reads_no_whole_list(seeds, no_whole_list, tmp_path):
    library, entries = seeds
    app = ReaderApp(library, StateStore(tmp_path / "state.json"))
    trail = library.trail("strategic_partnership", snippets=False)

    async def scenario(pilot):
        await wait_until(pilot, lambda: app.view.doc is not None)
        await app.follow_topic("strategic_partnership", first=True)
        await pilot.press("right_square_bracket")
        await wait_until(pilot, lambda: (app.view.doc.id, app.view.cursor) == (trail[1].article_id, trail[1].index))

    drive(app, scenario)


def test_more_than_counts_article_names_and_stops_early(tmp_path, write):
    for n in range(3):
        write(f"c/{n}.txt", "x")
    write("c/sub/deep.md", "x")
    write("c/.hidden.txt", "x")
    write("c/.git/ignored.txt", "x")
    write("c/notes.pdf", "x")
    write("single.html", "x")
    assert more_than([tmp_path / "c"], 3) and not more_than([tmp_path / "c"], 4)
    assert more_than([tmp_path / "c", tmp_path / "single.html"], 4)
    assert not more_than([tmp_path / "missing"], 0) and more_than([tmp_path / "single.html"], 0)


def test_a_cold_start_with_many_files_paints_before_any_file_is_stated(tmp_path, write, monkeypatch):
    """The frame and its progress bar are up while the stat of every file is still held
    back in the worker; then the corpus is indexed and the first article opens."""
    for n in range(SYNC_LIMIT + 1):
        write(f"cold/{n:03d}.txt", f"Article {n}\n\nJanuary 1, 2020\n\nTEHRAN – Putin met Raisi, item {n}.\n")
    library = Library(load_config(bundled_config()), [tmp_path / "cold"])
    release, checking = threading.Event(), threading.Event()
    plan = Library.plan

    def held_plan(self, index=None):
        checking.set()
        assert release.wait(20), "the test never released the check"
        return plan(self, index)

    monkeypatch.setattr(Library, "plan", held_plan)
    app = ReaderApp(library, StateStore(tmp_path / "state.json"))

    async def scenario(pilot):
        await wait_until(pilot, lambda: checking.is_set())
        assert app.query_one(Sidebar).query("ProgressBar")  # on screen, the stat still held
        # and said: a newcomer's header read "0 articles" over a blank pane for 6 s
        assert "indexing: reading the folder" in app.sub_title and "Indexing the folder" in app.view.empty_hint.plain
        release.set()
        await wait_until(pilot, lambda: app.view.doc is not None, limit=60)
        assert app.view.doc.id == "000"

    try:
        drive(app, scenario)
    finally:
        release.set()


@given(st.lists(st.tuples(st.integers(0, 5), st.integers(0, 5)), unique=True), st.integers(-1, 6), st.integers(0, 6))
def test_a_trail_position_is_the_passage_s_place_on_the_trail(points, rank, index):
    ranks = {f"a{r}": r for r in range(7)}
    trail = [Passage(f"a{r}", i, None, "title", "snippet") for r, i in sorted(points)]
    article = f"a{rank}" if rank >= 0 else "not-in-the-list"
    expected = next((n for n, p in enumerate(trail, 1) if (p.article_id, p.index) == (article, index)), None)
    steps = Trail([ranks[p.article_id] * TRAIL_PASSAGES + p.index for p in trail], lambda a: ranks.get(a, -1),
                  lambda rank, i: Passage(f"a{rank}", i, None, "title", "snippet"))
    assert steps.position(article, index) == expected


def test_trail_steps_count_the_skipped_duplicates_once_per_trail(seeds, tmp_path, monkeypatch):
    """Each `]` told the duplicates skipped with a query over the topic's every passage;
    then the trail and the topic's timeline each asked that query (one count, kept once)."""
    library, _ = seeds
    counted: list[str] = []
    real = CorpusIndex.subject_duplicates
    monkeypatch.setattr(CorpusIndex, "subject_duplicates", lambda self, key, *rest: counted.append(key)
                        or real(self, key, *rest))
    app = ReaderApp(library, StateStore(tmp_path / "state.json"))
    trail = library.trail("strategic_partnership", snippets=False)

    async def scenario(pilot):
        await wait_until(pilot, lambda: app.view.doc is not None)
        await app.follow_topic("strategic_partnership", first=True)
        for step in (1, 2, 3):
            await pilot.press("right_square_bracket")
            await wait_until(pilot, lambda step=step: (app.view.doc.id, app.view.cursor)
                             == (trail[step].article_id, trail[step].index))
        assert counted.count("topic:strategic_partnership") == 1
        topic = library.topic_map.get("strategic_partnership")
        left_out = library.timeline([Subject("topic", topic.id, topic.label)]).series[0].duplicates
        assert counted.count("topic:strategic_partnership") == 1
        assert left_out == real(library.index, "topic:strategic_partnership")

    drive(app, scenario)


def test_the_reader_s_trail_is_the_library_s_trail_without_passages_built(seeds, no_whole_list):
    """The trail `]` steps along holds ints; each passage it gives is the trail's own."""
    library, _ = seeds
    for topic in ("strategic_partnership", "jcpoa", "syria"):
        trail = library.trail(topic, snippets=False)
        steps = library.trail_steps(topic)
        assert len(steps) == len(trail) > 0 and list(steps) == trail
        last = trail[-1]
        assert steps.position(last.article_id, last.index) == len(trail)
        assert steps.step(last.article_id, last.index, 1) is None and steps.step(last.article_id, last.index, -1) == trail[-2]


def test_the_reader_s_trail_leaves_duplicate_articles_out(write, tmp_path):
    story = ("Rail deal\n\nMarch 3, 2019\n\nRussia and Iran signed a deal on the North-South corridor railway.\n\n"
             "Vladimir Putin said the International North-South Transport Corridor will carry freight to India.\n")
    write("corpus/a.txt", story)
    write("corpus/copy of a.txt", story)
    write("corpus/other.txt", "Corridor opens\n\nMay 5, 2021\n\nThe North-South Transport Corridor carried its "
                              "first freight train from Russia to Iran on the new railway.\n")
    library = Library(load_config(bundled_config()), [tmp_path / "corpus"]).ensure_fresh()
    steps = library.trail_steps("north_south_corridor")
    assert list(steps) == library.trail("north_south_corridor", snippets=False)
    assert len(steps) == 3 and not {p.article_id for p in steps} & set(library.duplicates())


def test_copies_are_read_from_a_reverse_map_built_once(write, tmp_path, monkeypatch):
    """The same-topic panel asked for an article's copies on every cursor move, and each
    ask scanned the whole duplicates map (issue 17)."""
    story = "Rail deal\n\nMarch 3, 2019\n\nRussia and Iran signed a deal on the North-South corridor railway.\n"
    for name in ("a", "b", "c"):
        write(f"corpus/{name}.txt", story)
    write("corpus/other.txt", "Corridor opens\n\nMay 5, 2021\n\nThe North-South Transport Corridor carried "
                              "its first freight train from Russia to Iran.\n")
    library = Library(load_config(bundled_config()), [tmp_path / "corpus"]).ensure_fresh()
    reads = []
    real = CorpusIndex.duplicates
    monkeypatch.setattr(CorpusIndex, "duplicates", lambda self: reads.append(1) or real(self))
    assert library.copies("b") == library.copies("a") == {"a", "b", "c"} and library.copies("other") == {"other"}
    doc = library.get("a")
    related = [r.passage.article_id for i in range(3) for r in library.related(doc, 0)]
    assert related and set(related) == {"other"} and reads == [1]


def _listed(app) -> list[str]:
    """The command palette's hits as listed (the first line of each)."""
    found = app.screen.query("CommandList")
    if not found:
        return []
    return [str(o.prompt).split("\n")[0] for o in found.first().options]


def test_the_palette_builds_the_topics_names_once(seeds, tmp_path, monkeypatch):
    """The palette's topic look-up was built anew for every query typed."""
    from reader.fuzzy import FuzzyNames

    library, _ = seeds
    built: list[int] = []
    real = FuzzyNames.__init__

    def counted(self, names):
        names = list(names)
        if names and names[0].startswith("Topic:"):
            built.append(len(names))
        real(self, names)

    monkeypatch.setattr(FuzzyNames, "__init__", counted)
    app = ReaderApp(library, StateStore(tmp_path / "state.json"))

    async def scenario(pilot):
        await wait_until(pilot, lambda: app.view.doc is not None)
        for keys in (["ctrl+p", *"syr"], [*"ia"], ["backspace"]):  # a query a key
            await pilot.press(*keys)
            await wait_until(pilot, lambda: "Topic: Syria" in _listed(app))
        await pilot.pause(0.3)
        assert "Topic: Syria — timeline" in _listed(app)
        assert built == [2 * len(library.topic_map.topics)]

    drive(app, scenario)


def test_the_palette_lists_at_most_its_limit_of_each_kind_best_first(seeds, tmp_path, monkeypatch):
    """At 100,000 articles the palette froze: every article was a hit, and Textual rebuilt
    its list of them every 0.25 s (issue 17). A search now yields the best few."""
    from reader.tui import commands

    library, entries = seeds
    monkeypatch.setattr(commands, "LIMIT", 2)
    app = ReaderApp(library, StateStore(tmp_path / "state.json"))

    async def scenario(pilot):
        await wait_until(pilot, lambda: app.view.doc is not None)
        await pilot.press("ctrl+p", *"article")  # every article's entry says "Article:"
        await wait_until(pilot, lambda: any(text.startswith("Article:") for text in _listed(app)))
        await pilot.pause(0.3)
        articles = [text for text in _listed(app) if text.startswith("Article:")]
        assert len(articles) == 2 and len(entries) == 5
        assert articles == [f"Article: {e.date or '—'} {e.title}" for e in entries[:2]]  # ties: the list's order

    drive(app, scenario)


def test_a_trail_step_does_not_wait_for_the_same_topic_list(seeds, tmp_path, monkeypatch):
    """At 10,000 articles the same-topic query took 150-500 ms and ] waited for it (issue 17):
    in a large corpus it runs in a worker, and an answer for a passage left since is dropped."""
    from reader.tui import app as app_module
    from reader.tui.widgets.panel import LinkList
    from tui_helpers import option_texts

    library, _ = seeds
    monkeypatch.setattr(app_module, "RELATED_IN_PLACE", 0)  # the seeds, treated as a large corpus
    release = threading.Event()
    asked: list[tuple[str, int]] = []
    real = Library.related

    def slow_related(self, doc, index, *args, **kwargs):
        asked.append((doc.id, index))
        if threading.current_thread() is not threading.main_thread():
            release.wait(20)
        return real(self, doc, index, *args, **kwargs)

    monkeypatch.setattr(Library, "related", slow_related)
    app = ReaderApp(library, StateStore(tmp_path / "state.json"))
    trail = library.trail("strategic_partnership", snippets=False)

    async def scenario(pilot):
        await wait_until(pilot, lambda: app.view.doc is not None)
        await app.follow_topic("strategic_partnership", first=True)
        for step in (1, 2):
            await pilot.press("right_square_bracket")
            await wait_until(pilot, lambda: (app.view.doc.id, app.view.cursor) ==
                             (trail[step].article_id, trail[step].index))
        links = app.query_one(LinkList)
        assert "finding" in option_texts(links)[0] and not release.is_set()  # moved while the query waits
        release.set()
        doc, cursor = app.view.doc, app.view.cursor
        expected = {f"jump:{r.passage.article_id}\x00{r.passage.index}" for r in real(library, doc, cursor)}
        await wait_until(pilot, lambda: expected and expected <= {o.id for o in links.options})
        await pilot.pause(0.3)  # the earlier passage's answer, if it comes now, is not shown
        assert {o.id for o in links.options if (o.id or "").startswith("jump:")} == expected

    drive(app, scenario)


def test_the_trail_of_the_topic_the_reader_stays_on_is_read_ahead(seeds, tmp_path, monkeypatch):
    """The first ] on a topic read its every passage (some 200,000 at 100,000 articles)
    while the key waited (issue 17): it is read in a worker once the reader stays on the topic."""
    library, _ = seeds
    app = ReaderApp(library, StateStore(tmp_path / "state.json"))
    trail = library.trail("syria", snippets=False)

    async def scenario(pilot):
        await wait_until(pilot, lambda: app.view.doc is not None)
        await app.go(Location(trail[0].article_id, trail[0].index))
        app.active_topic = "syria"
        await wait_until(pilot, lambda: "syria" in app._trails)
        monkeypatch.setattr(CorpusIndex, "trail_keys", lambda *_: pytest.fail("the trail was read on ]"))
        await pilot.press("right_square_bracket")
        await wait_until(pilot, lambda: (app.view.doc.id, app.view.cursor) == (trail[1].article_id, trail[1].index))

    drive(app, scenario)
