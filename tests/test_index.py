"""The cached index: built once, read back, invalidated per file and per config."""

from __future__ import annotations

import os
import re
import shutil
import sqlite3

import pytest

from reader.cli import main
from reader.config import bundled_config, load_config
from reader.cache import cache_dir
from reader.index import HEADLINE
from reader.library import Library

from conftest import SEEDS


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    shutil.copytree(SEEDS, folder)
    return folder


def counting(library: Library) -> list[str]:
    """Record which articles the library analyses."""
    analysed: list[str] = []
    original = library.analyse

    def analyse(raw):
        analysed.append(raw.id)
        return original(raw)

    library.analyse = analyse
    return analysed


def test_second_start_reads_the_cache(corpus):
    first = Library(load_config(bundled_config()), [corpus])
    assert len(counting(first) or []) == 0 and first.stale
    first.ensure_fresh()
    assert len(first.entries) == 5 and any(cache_dir().glob("index-*.sqlite"))
    second = Library(load_config(bundled_config()), [corpus])
    analysed = counting(second)
    second.ensure_fresh()
    assert analysed == [] and [e.id for e in second.entries] == [e.id for e in first.entries]
    assert second.get("003_4958d00dca6ef37f").clean.paragraphs == first.get("003_4958d00dca6ef37f").clean.paragraphs


def test_a_reader_started_while_another_indexes_waits_and_writes_nothing_twice(corpus):
    """A newcomer started three readers on one corpus at once: two died, "UNIQUE constraint failed:
    articles.path" and "database disk image is malformed". The second waits for the first's
    indexing, then finds nothing left to do (its plan, made before, is made again)."""
    import threading

    first = Library(load_config(bundled_config()), [corpus])
    second = Library(load_config(bundled_config()), [corpus])
    assert len(first.pending.to_check) == len(second.pending.to_check) == 5  # both planned before either indexed
    analysed = counting(second)
    failed: list[BaseException] = []

    def start_second() -> None:
        try:
            second.refresh()
        except BaseException as error:  # noqa: BLE001 - reported below
            failed.append(error)

    with first.index.writing() as waited:
        assert not waited
        later = threading.Thread(target=start_second)
        later.start()
        later.join(timeout=1)
        assert later.is_alive()  # waiting for the first
        first._refresh(first.pending, first.index, 100, (None, 0), None)
    later.join(timeout=60)
    assert not failed and analysed == []
    assert [e.id for e in second.entries] == [e.id for e in first.entries] and len(second.entries) == 5


def test_changed_file_is_reanalysed_and_touched_file_is_not(corpus):
    Library(load_config(bundled_config()), [corpus]).ensure_fresh()
    changed, touched = corpus / "003_4958d00dca6ef37f.txt", corpus / "000_f4d4ea7fa12037db.txt"
    changed.write_text(changed.read_text(encoding="utf-8").replace("Rouhani and Putin", "Raisi and Putin", 1), encoding="utf-8")
    os.utime(touched, ns=(1, 1))
    library = Library(load_config(bundled_config()), [corpus])
    analysed = counting(library)
    library.ensure_fresh()
    assert analysed == ["003_4958d00dca6ef37f"]
    assert library.entry("003_4958d00dca6ef37f").title.startswith("Raisi and Putin")


def test_the_plan_describes_only_the_files_to_check(corpus):
    """Issue 17: a check of 100,000 unchanged files kept a description of each (115 MB)."""
    Library(load_config(bundled_config()), [corpus]).ensure_fresh()
    changed, touched = corpus / "003_4958d00dca6ef37f.txt", corpus / "000_f4d4ea7fa12037db.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    os.utime(touched, ns=(1, 1))
    (corpus / "004_1930e3c77fad4e3e.txt").rename(corpus / "renamed.txt")
    (corpus / "sub").mkdir()
    copy = corpus / "sub" / changed.name  # the same name: a second id
    shutil.copy(changed, copy)
    library = Library(load_config(bundled_config()), [corpus])
    stored = {row[0]: row[1] for row in library.index.db.execute("SELECT id, hash FROM articles")}
    plan = library.plan()
    renamed = corpus / "renamed.txt"
    assert sorted(plan.to_check) == sorted([changed, touched, renamed, copy])
    assert plan.ids == {touched: "000_f4d4ea7fa12037db", changed: "003_4958d00dca6ef37f",
                        copy: "003_4958d00dca6ef37f~2", renamed: "renamed"}
    assert set(plan.stamps) == set(plan.to_check) and plan.stamps[copy].size == copy.stat().st_size
    # Read and hashed, re-analysed only if their content is not what is stored under their id.
    assert plan.known == {touched: stored["000_f4d4ea7fa12037db"], changed: stored["003_4958d00dca6ef37f"]}
    assert plan.removed == ["004_1930e3c77fad4e3e"] and plan.skipped == []
    analysed = counting(library)
    library.ensure_fresh()
    assert sorted(analysed) == ["003_4958d00dca6ef37f", "003_4958d00dca6ef37f~2", "renamed"]
    assert not library.plan().to_check


def test_removed_file_is_forgotten_everywhere(corpus):
    Library(load_config(bundled_config()), [corpus]).ensure_fresh()
    (corpus / "004_1930e3c77fad4e3e.txt").unlink()
    library = Library(load_config(bundled_config()), [corpus]).ensure_fresh()
    assert "004_1930e3c77fad4e3e" not in [e.id for e in library.entries]
    assert all(p.article_id != "004_1930e3c77fad4e3e" for p in library.trail("strategic_partnership"))
    assert not [hit for hit in library.search("Amir-Abdollahian") if hit[0].id == "004_1930e3c77fad4e3e"]
    assert library.entity_articles("Wang Yi") == []


def test_config_change_rebuilds_everything(corpus, write):
    Library(load_config(bundled_config()), [corpus]).ensure_fresh()
    config = write("c.yaml", "sources: {financialtribune.com: The Financial Tribune}\n")
    library = Library(load_config(config), [corpus])
    analysed = counting(library)
    library.ensure_fresh()
    assert len(analysed) == 5


def test_an_index_from_an_older_schema_is_rebuilt(corpus):
    """A cache written by an earlier version (fewer columns) is replaced, not written into."""
    library = Library(load_config(bundled_config()), [corpus])
    location = library.location
    library.index.close()
    old = sqlite3.connect(location)
    with old:
        old.execute("DROP TABLE passages")
        old.execute("CREATE TABLE passages (article_id TEXT, idx INTEGER, date TEXT, topic TEXT, score REAL, snippet TEXT)")
        old.execute("CREATE INDEX passages_topic ON passages (topic, date)")
        old.execute("UPDATE meta SET value = 'an older version' WHERE key = 'version'")
    old.close()
    again = Library(load_config(bundled_config()), [corpus])
    assert again.location == location and not again.warnings  # the cache file itself, not a fallback
    analysed = counting(again)
    again.ensure_fresh()
    assert len(analysed) == 5 and again.trail("jcpoa")


def test_two_configs_over_one_folder_keep_an_index_each(corpus, tmp_path):
    """A newcomer ran `list --config tags.yaml` on the folder their reader had open: the
    index was rebuilt under it, and the reader then found nothing. Each config's files
    have their own index; an edit of them still rebuilds that one."""
    other = tmp_path / "tags.yaml"
    other.write_text("entities: {type_tags: true}\n")
    first = Library(load_config(bundled_config()), [corpus]).ensure_fresh()
    second = Library(load_config(other), [corpus])
    assert second.location != first.location
    second.ensure_fresh()
    again = Library(load_config(bundled_config()), [corpus])
    assert again.location == first.location
    analysed = counting(again)
    again.ensure_fresh()
    assert analysed == []  # the first config's index was left as it was


def test_no_cache_writes_nothing(corpus, capsys):
    assert main(["list", str(corpus), "--no-cache"]) == 0
    assert not cache_dir().exists() or not any(cache_dir().glob("index-*"))


def test_cache_clear(corpus, capsys):
    assert main(["list", str(corpus)]) == 0
    assert any(cache_dir().glob("index-*"))
    capsys.readouterr()
    assert main(["cache", "clear", "--config", str(bundled_config())]) == 0
    out, err = capsys.readouterr()
    # A message, not data: on stderr, in the singular.
    assert out == "" and "removed 1 cached index from" in err and not cache_dir().exists()


def test_search_finds_every_word_as_prefix(library):
    hits = library.search("nuclear deal Trump")
    assert len(hits) >= 3
    for entry, index, _ in hits:
        doc = library.get(entry.id)
        text = doc.meta.title if index == HEADLINE else doc.clean.paragraphs[index].text
        assert all(re.search(rf"\b{word}", text, re.IGNORECASE) for word in ("nuclear", "deal", "trump")), text
    assert library.search('"; DROP TABLE articles; --') == [] and library.entries  # FTS syntax is quoted


def test_two_files_with_one_name_keep_apart(tmp_path):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "same.txt").write_text(f"From {folder}\n\nTehran.\n", encoding="utf-8")
    library = Library(load_config(bundled_config()), [tmp_path / "a", tmp_path / "b"], cache=False).ensure_fresh()
    assert sorted(e.id for e in library.entries) == ["same", "same~2"]


def test_a_running_query_can_be_interrupted_from_another_thread(library):
    """What the search dialog does to the search before the latest keystroke."""
    import threading

    index = library.connect()
    failures = []

    def endless() -> None:
        try:
            index.db.execute("WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT count(*) FROM n")
        except sqlite3.OperationalError as error:
            failures.append(str(error))

    thread = threading.Thread(target=endless)
    thread.start()
    while thread.is_alive():
        index.interrupt()
        thread.join(0.05)
    index.close()
    assert failures == ["interrupted"]


def test_the_reader_reads_while_a_worker_writes(corpus):
    """`--no-cache` too: the indexer's open write transaction (a worker's connection)
    must not make the reader's read fail with "database table is locked"."""
    library = Library(load_config(bundled_config()), [corpus], cache=False).ensure_fresh()
    first = library.entries[0].id
    library._documents.clear()
    worker = library.connect()
    worker.db.execute("BEGIN IMMEDIATE")
    worker.db.execute("UPDATE articles SET words = words + 1")
    try:
        assert library.get(first) is not None
    finally:
        worker.db.rollback()
        worker.close()


def test_search_ranks_by_relevance_not_by_date(tmp_path):
    """bm25: a short passage about the words beats an older, long one that mentions them in passing."""
    filler = " ".join(["The delegation also discussed tourism, culture, football and the weather."] * 8)
    news = tmp_path / "news"
    news.mkdir()
    (news / "old.txt").write_text(f"Old news\n\n{filler} Oil sanctions came up once.\n", encoding="utf-8")
    (news / "new.txt").write_text("New news\n\nOil sanctions: sanctions on oil, and more oil sanctions.\n", encoding="utf-8")
    config = tmp_path / "c.yaml"
    config.write_text("articles:\n  old.txt: {date: 2017-01-01}\n  new.txt: {date: 2022-01-01}\n", encoding="utf-8")
    library = Library(load_config(config), [news], cache=False).ensure_fresh()
    hits = library.search("oil sanctions")
    assert [entry.date for entry, _, _ in hits] == ["2022-01-01", "2017-01-01"]
    assert [entry.id for entry in library.entries] == ["old", "new"]  # while the list is in date order


def test_search_excerpts_mark_their_cuts():
    from reader.index import HEADLINE, excerpt

    text = "Words before the match, " * 4 + "then oil sanctions were tightened, " + "and words after it " * 6
    cut = excerpt(text, "sanctions", width=80, before=20)
    assert cut.startswith("…") and cut.endswith("…") and len(cut) <= 80
    assert 0 < cut.index("sanctions") <= 21 and cut[1:-1].strip() in " ".join(text.split())
    assert excerpt("Short: sanctions on oil.", "oil") == "Short: sanctions on oil."
    long_start = excerpt("Sanctions " + "and more " * 30, "sanctions", width=40)
    assert long_start.startswith("Sanctions") and long_start.endswith("…") and len(long_start) <= 40


def test_worker_processes_index_as_one_process_does(corpus, tmp_path):
    """The pool (issue 17): files analysed in two spawned workers, written by one writer."""
    inline = Library(load_config(bundled_config()), [corpus], cache=False)
    inline.refresh(workers=1)
    pooled = Library(load_config(bundled_config()), [corpus], cache=False)
    progress = []
    pooled.refresh(progress=lambda done, total: progress.append((done, total)), batch=2, workers=2)
    assert progress == [(2, 5), (4, 5), (5, 5)]
    assert pooled.entries == inline.entries
    for entry in inline.entries:
        assert pooled.get(entry.id) == inline.get(entry.id)
    assert pooled.search("nuclear deal") == inline.search("nuclear deal")
    assert pooled.trail("jcpoa") == inline.trail("jcpoa")


def test_the_first_batch_is_written_soon_and_the_list_order_can_be_read_off_the_event_loop(corpus, monkeypatch):
    """Issue 17: the reader's first article and progress come after the first results, not a
    whole batch; an indexing thread reads the list's order for the next reload (the event
    loop read it after every batch: 44-82 ms at 100,000 articles)."""
    from reader import library as library_module

    monkeypatch.setattr(library_module, "FIRST_BATCH", 2)
    library = Library(load_config(bundled_config()), [corpus], cache=False)
    progress = []
    library.refresh(progress=lambda done, total: progress.append((done, total)), batch=3, workers=1)
    assert progress == [(2, 5), (5, 5)]
    order = library.index.list_order()
    assert len(order) == 5
    library._kept_order = order[:2]  # as if read by the indexing thread before the last batch
    assert list(library.reload_rows().rowids()) == order[:2]
    assert list(library.reload_rows().rowids()) == order  # taken once: the next reload reads the index
    second = library.connect()
    library.keep_list_order(second)
    second.close()
    assert list(library.reload_rows().rowids()) == order


def test_the_cache_keeps_no_text_in_plain_or_twice(corpus):
    """Contentless search, snippets cut at query time, documents compressed (issue 17)."""
    library = Library(load_config(bundled_config()), [corpus]).ensure_fresh()
    sentence = library.get("003_4958d00dca6ef37f").clean.paragraphs[3].text[:60]
    library.index.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert sentence.encode() not in library.location.read_bytes()
    hits = library.search(" ".join(sentence.split()[:4]))
    assert ("003_4958d00dca6ef37f", 3) in [(entry.id, index) for entry, index, _ in hits]
    trail = library.trail("jcpoa")
    assert all(p.snippet for p in trail) and not any(p.snippet for p in library.trail("jcpoa", snippets=False))


def test_search_finds_headlines_and_a_result_opens_the_article(tmp_path):
    """A newcomer's report: `s` did not search headlines (a word only in the headline found nothing)."""
    from reader.state import StateStore
    from reader.tui.app import ReaderApp
    from reader.tui.screens.search import SearchScreen, result_prompt

    from tui_helpers import drive

    news = tmp_path / "news"
    news.mkdir()
    (news / "a.txt").write_text("Zangezur corridor talks stall in Yerevan\n\nMarch 3, 2023\n\n"
                                "Iran and Russia discussed a transit route through Armenia on Friday.\n", encoding="utf-8")
    (news / "b.txt").write_text("Tehran Times\n\nIran and Russia met again.\n", encoding="utf-8")
    library = Library(load_config(bundled_config()), [news], cache=False).ensure_fresh()
    hits = library.search("zangezur")
    assert [(entry.id, index) for entry, index, _ in hits] == [("a", HEADLINE)]
    assert "headline" in result_prompt(*hits[0], "zangezur").plain and "¶" not in result_prompt(*hits[0], "zangezur").plain
    assert [index for _, index, _ in library.search("transit Armenia")] == [0]  # the body as before
    app = ReaderApp(library, StateStore(tmp_path / "state.json"))

    async def scenario(pilot):
        await pilot.press("s", *"zangezur", "enter", "enter")
        await pilot.pause()
        assert not isinstance(app.screen, SearchScreen)
        assert (app.view.doc.id, app.view.cursor) == ("a", 0)

    drive(app, scenario, size=(80, 24))


def _news(folder, texts: dict[str, str]):
    folder.mkdir(exist_ok=True)
    for name, text in texts.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return folder


def test_search_rows_follow_their_article_through_changes(tmp_path):
    """Search rows are numbered densely across articles (issue 17, a smaller cache): after an
    article is re-indexed with fewer passages, every hit still names its own article and
    passage, and the old words find nothing."""
    news = _news(tmp_path / "news", {
        "a": "Alpha talks open\n\nAlborz one.\n\nAlborz two.\n\nAlborz three.\n",
        "b": "Bravo talks open\n\nBushehr one.\n\nBushehr two.\n",
        "c": "Charlie talks open\n\nCaspian one.\n\nCaspian two.\n"})
    config = load_config(bundled_config())
    Library(config, [news]).ensure_fresh()
    (news / "a.txt").write_text("Alpha talks open\n\nDamavand only.\n", encoding="utf-8")
    library = Library(config, [news]).ensure_fresh()
    assert library.search("alborz") == []
    assert [(e.id, i) for e, i, _ in library.search("damavand")] == [("a", 0)]
    assert sorted((e.id, i) for e, i, _ in library.search("bushehr")) == [("b", 0), ("b", 1)]
    assert sorted((e.id, i) for e, i, _ in library.search("caspian")) == [("c", 0), ("c", 1)]
    assert [(e.id, i) for e, i, _ in library.search("charlie")] == [("c", HEADLINE)]
    for entry, index, text in library.search("talks"):
        assert index == HEADLINE and text == entry.title


def test_rows_left_by_an_unreadable_document_match_no_other_article(tmp_path):
    """A stored document that cannot be read is forgotten the slow way and its search rows
    stay: they must not turn up as passages of the article stored before it."""
    news = _news(tmp_path / "news", {"a": "Alpha talks\n\nAlborz one.\n",
                                     "b": "Bravo talks\n\nBushehr one.\n\nBushehr two.\n\nBushehr three.\n"})
    library = Library(load_config(bundled_config()), [news]).ensure_fresh()
    with library.index.db:
        library.index.db.execute("UPDATE articles SET doc = x'00' WHERE id = 'b'")
    library.index.forget(["b"])
    assert library.search("bushehr") == [] and library.search("bravo") == []
    assert [(e.id, i) for e, i, _ in library.search("alborz")] == [("a", 0)]


def test_a_cache_of_the_schema_before_is_rebuilt_with_larger_pages(tmp_path):
    """An index written by the version before (16 KiB pages, other rowids) is emptied and
    re-paged on open, and then found by search as a new one is."""
    from reader.index import PAGE_BYTES, CorpusIndex

    location = tmp_path / "index.sqlite"
    old = sqlite3.connect(location)
    old.execute("PRAGMA page_size = 16384")
    old.execute("PRAGMA journal_mode = WAL")
    old.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
    old.execute("INSERT INTO meta VALUES ('version', 'schema 9')")
    old.execute("CREATE TABLE articles (id TEXT PRIMARY KEY, title TEXT)")
    old.commit()
    old.close()
    index = CorpusIndex(location, "schema 10")
    assert index.db.execute("PRAGMA page_size").fetchone()[0] == PAGE_BYTES
    assert index.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert "first" in [row[1] for row in index.db.execute("PRAGMA table_info(articles)")]
    index.close()
