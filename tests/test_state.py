import json
import os

import pytest

from reader.history import Location
from reader.state import Bookmark, StateStore, mark_read, set_last, toggle_bookmark

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
