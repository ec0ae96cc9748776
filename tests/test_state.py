import json
import os

import pytest

from reader.history import Location
from reader.state import Bookmark, State, StateStore, mark_read, set_last, toggle_bookmark

MARK = Bookmark("003", 4, "Rouhani and Putin", "Rouhani also pointed…", "2026-01-01T00:00:00")


def test_round_trip(tmp_path):
    store = StateStore(tmp_path / "state.json")
    store.load()
    store.apply(mark_read("003"))
    store.apply(toggle_bookmark(MARK))
    store.apply(set_last(Location("003", 4)))
    again = StateStore(tmp_path / "state.json").load()
    assert again.read == {"003"} and again.bookmarks == (MARK,) and again.last == Location("003", 4)


def test_toggle_bookmark_removes_it(tmp_path):
    store = StateStore(tmp_path / "state.json")
    store.apply(toggle_bookmark(MARK))
    assert store.apply(toggle_bookmark(MARK)).bookmarks == ()


def test_two_instances_lose_nothing(tmp_path):
    first, second = StateStore(tmp_path / "s.json"), StateStore(tmp_path / "s.json")
    first.load(), second.load()
    first.apply(mark_read("a"))
    second.apply(mark_read("b"))  # second never saw 'a' in memory
    second.apply(toggle_bookmark(MARK))
    first.apply(mark_read("c"))
    final = StateStore(tmp_path / "s.json").load()
    assert final.read == {"a", "b", "c"} and final.bookmarks == (MARK,)


@pytest.mark.parametrize("content", [b"{not json", b"\xff\xfe\x00garbage", b'{"read": 5}', b"[1, 2]"])
def test_corrupt_file_is_set_aside_and_reported(tmp_path, content):
    path = tmp_path / "state.json"
    path.write_bytes(content)
    store = StateStore(path)
    assert store.load().read == frozenset()
    assert "corrupt" in store.warnings[0]
    assert any(p.name.startswith("state.json.corrupt-") for p in tmp_path.iterdir())


def test_write_is_atomic_json(tmp_path):
    store = StateStore(tmp_path / "state.json")
    store.apply(mark_read("x"))
    assert json.loads((tmp_path / "state.json").read_text())["read"] == ["x"]
    assert not [p for p in tmp_path.iterdir() if p.suffix == ".tmp"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write to read-only directories")
def test_read_only_directory_warns_and_keeps_state_in_memory(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    store = StateStore(folder / "state.json")
    assert store.apply(mark_read("x")).read == {"x"}
    assert "cannot save" in store.warnings[0]
    folder.chmod(0o700)


def test_unwritable_location_warns_and_keeps_state_in_memory(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    store = StateStore(blocker / "sub" / "state.json")  # parent is a file: mkdir fails even as root
    assert store.apply(mark_read("x")).read == {"x"}
    assert "cannot save" in store.warnings[0]
    assert store.apply(mark_read("y")).read == {"x", "y"} and len(store.warnings) == 1


# --- state per corpus (issue 12) ---------------------------------------------------

def test_two_corpora_keep_their_own_marks_position_and_bookmarks(tmp_path):
    from reader.state import corpus_path

    news, other = tmp_path / "news", tmp_path / "other"
    first = StateStore.for_corpus([news], configured=[news])
    first.load()
    first.apply(mark_read("003"))
    first.apply(toggle_bookmark(MARK))
    first.apply(set_last(Location("003", 4)))
    second = StateStore.for_corpus([other], configured=[news])
    second.load()
    second.apply(mark_read("xyz"))
    second.apply(set_last(Location("xyz", 1)))
    again = StateStore.for_corpus([news], configured=[news]).load()
    assert again.read == {"003"} and again.bookmarks == (MARK,) and again.last == Location("003", 4)
    assert StateStore.for_corpus([other], configured=[news]).load().read == {"xyz"}
    # The same corpus named another way (order, relative path) is the same corpus.
    assert corpus_path([news, other]) == corpus_path([other, news / ".." / "news"])
    assert json.loads(first.path.read_text())["corpus"] == [str(news.resolve())]


def test_the_old_single_state_file_moves_to_the_configured_corpus(tmp_path):
    from reader.state import default_path

    legacy = default_path()
    legacy.parent.mkdir(parents=True)
    legacy.write_text(json.dumps({"version": 1, "read": ["003"], "bookmarks": [vars(MARK)],
                                  "last": {"article": "003", "passage": 4}}))
    configured = [tmp_path / "seeds"]
    elsewhere = StateStore.for_corpus([tmp_path / "other"], configured)
    assert elsewhere.load() == State() and legacy.exists()  # another corpus does not take it
    migrated = StateStore.for_corpus(configured, configured).load()
    assert migrated.read == {"003"} and migrated.bookmarks == (MARK,) and migrated.last == Location("003", 4)
    assert not legacy.exists() and legacy.with_name("state.json.migrated").exists()
    assert StateStore.for_corpus(configured, configured).load() == migrated  # once, and kept


def test_the_reader_keeps_state_per_corpus(library):
    from reader.state import corpus_path
    from reader.tui.app import ReaderApp

    assert ReaderApp(library).store.path == corpus_path(library.paths)


def test_each_article_remembers_its_last_passage(tmp_path):
    store = StateStore(tmp_path / "state.json")
    store.apply(set_last(Location("003", 4)))
    store.apply(set_last(Location("001", 2)))
    again = StateStore(tmp_path / "state.json").load()
    assert again.position("003") == 4 and again.position("001") == 2 and again.position("002") == 0
    assert again.last == Location("001", 2)


def test_a_state_file_from_before_positions_and_layout_loads(tmp_path):
    path = tmp_path / "state.json"
    path.write_text(json.dumps({"version": 1, "read": ["003"], "bookmarks": [],
                                "last": {"article": "003", "passage": 7}}))
    store = StateStore(path)
    state = store.load()
    assert state.last == Location("003", 7) and state.positions == {} and state.layout == {} and not store.warnings


def test_pane_choices_are_kept_and_odd_ones_skipped(tmp_path):
    from reader.state import set_layout

    store = StateStore(tmp_path / "state.json")
    store.apply(set_layout("sidebar", False))
    store.apply(set_layout("sidebar_width", 40))
    assert StateStore(tmp_path / "state.json").load().layout == {"sidebar": False, "sidebar_width": 40}
    data = json.loads((tmp_path / "state.json").read_text())
    data["layout"] = {"sidebar": "yes", "panel": True, "other": 1}
    data["positions"] = {"003": -1, "001": 3}
    (tmp_path / "state.json").write_text(json.dumps(data))
    state = StateStore(tmp_path / "state.json").load()
    assert state.layout == {"panel": True} and state.positions == {"001": 3}


def test_an_operation_that_changes_nothing_writes_nothing(tmp_path, monkeypatch):
    """Reopening an article where it was left (every warm start does) costs no write and
    no fsync before the first frame; a position that moves to the newest still writes."""
    import reader.state

    writes = []
    write = reader.state.write_atomic
    monkeypatch.setattr(reader.state, "write_atomic", lambda path, text, private: (writes.append(text),
                                                                                  write(path, text, private)))
    store = StateStore(tmp_path / "state.json")
    store.apply(set_last(Location("003", 4)))
    store.apply(mark_read("003"))
    assert len(writes) == 2
    store.apply(set_last(Location("003", 4)))
    store.apply(mark_read("003"))
    assert len(writes) == 2
    store.apply(set_last(Location("001", 2)))
    store.apply(set_last(Location("003", 4)))  # the same place, now the newest: its age changed
    assert len(writes) == 4 and list(json.loads(writes[-1])["positions"]) == ["001", "003"]
