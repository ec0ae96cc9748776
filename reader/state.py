"""Read marks, bookmarks and the last position, kept in the user state directory.

Each corpus (the set of files and folders opened) has its own file,
`corpora/<key>.json`, keyed like its index (`cache.corpus_key`): opening
another folder never touches this one's marks. The single `state.json` of
earlier versions belongs to the configured corpus: it is moved into that
corpus's file the first time it is opened, and kept as `state.json.migrated`.

Every change is a small operation applied under a file lock to what is on
disk *now*, then written atomically (temp file + rename): two readers open at
once (two ssh sessions) merge their changes instead of overwriting each
other. A corrupt or unreadable file is set aside and reported, never fatal;
a read-only directory means changes stay in memory, with a warning.
"""

from __future__ import annotations

import fcntl
import json
import os
import time
from collections.abc import Callable, Iterable, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

from platformdirs import user_state_dir

from .atomic import write_atomic
from .cache import APP_NAME, corpus_key
from .history import Location

VERSION = 1
POSITIONS_KEPT = 5000  # articles whose last passage is remembered (most recent first out)


@dataclass(frozen=True)
class Bookmark:
    article_id: str
    passage: int
    title: str
    snippet: str
    created: str


@dataclass(frozen=True)
class State:
    read: frozenset[str] = frozenset()
    bookmarks: tuple[Bookmark, ...] = ()
    last: Location | None = None
    #: The last passage read in each article (article id -> 0-based passage), oldest first.
    positions: Mapping[str, int] = field(default_factory=dict)
    #: Pane choices the reader made: "sidebar"/"panel" -> shown (bool), "sidebar_width" -> columns.
    layout: Mapping[str, bool | int] = field(default_factory=dict)

    def position(self, article_id: str) -> int:
        """Where to resume `article_id`: its last passage read, else the first."""
        return self.positions.get(article_id, 0)

    def is_bookmarked(self, location: Location) -> bool:
        return any((b.article_id, b.passage) == (location.article_id, location.passage) for b in self.bookmarks)


def default_path() -> Path:
    """The one state file of versions before state per corpus (see the module's docstring)."""
    return Path(user_state_dir(APP_NAME)) / "state.json"


def corpus_path(paths: Iterable[Path]) -> Path:
    """The state file of the corpus made of `paths` (files and folders)."""
    return Path(user_state_dir(APP_NAME)) / "corpora" / f"{corpus_key(paths)}.json"


# --- pure operations ------------------------------------------------------------

def mark_read(article_id: str) -> Callable[[State], State]:
    return lambda s: s if article_id in s.read else replace(s, read=s.read | {article_id})


def toggle_bookmark(bookmark: Bookmark) -> Callable[[State], State]:
    def apply(state: State) -> State:
        key = (bookmark.article_id, bookmark.passage)
        kept = tuple(b for b in state.bookmarks if (b.article_id, b.passage) != key)
        return replace(state, bookmarks=kept if len(kept) < len(state.bookmarks) else (*state.bookmarks, bookmark))
    return apply


def set_last(location: Location) -> Callable[[State], State]:
    """The reader is at `location`: the place to reopen, and that article's last passage."""
    def apply(state: State) -> State:
        positions = {k: v for k, v in state.positions.items() if k != location.article_id}
        positions[location.article_id] = location.passage
        if len(positions) > POSITIONS_KEPT:
            positions = dict(list(positions.items())[-POSITIONS_KEPT:])
        return replace(state, last=location, positions=positions)
    return apply


def set_layout(key: str, value: bool | int) -> Callable[[State], State]:
    return lambda s: replace(s, layout={**s.layout, key: value})


# --- file format ----------------------------------------------------------------

def to_dict(state: State, corpus: Iterable[str] = ()) -> dict:
    return {
        "version": VERSION,
        "corpus": list(corpus),  # for a person looking into the folder; not read back
        "read": sorted(state.read),
        "bookmarks": [vars(b) for b in state.bookmarks],
        "last": None if state.last is None else {"article": state.last.article_id, "passage": state.last.passage},
        "positions": dict(state.positions),
        "layout": dict(state.layout),
    }


def from_dict(data: object) -> State:
    """Parse the file's JSON; raise ValueError on any unexpected shape."""
    if not isinstance(data, dict):
        raise ValueError("not a JSON object")
    read = data.get("read", [])
    if not isinstance(read, list) or not all(isinstance(r, str) for r in read):
        raise ValueError("'read' is not a list of ids")
    bookmarks = []
    for item in data.get("bookmarks", []):
        try:
            bookmarks.append(Bookmark(str(item["article_id"]), int(item["passage"]), str(item["title"]),
                                      str(item["snippet"]), str(item["created"])))
        except (KeyError, TypeError, ValueError) as error:
            raise ValueError(f"bad bookmark: {error}") from None
    last = data.get("last")
    location = None
    if isinstance(last, dict) and isinstance(last.get("article"), str) and isinstance(last.get("passage"), int):
        location = Location(last["article"], last["passage"])
    # Added later: files without them load as before; odd entries are skipped, not fatal.
    positions = data.get("positions")
    positions = {k: v for k, v in positions.items() if isinstance(v, int) and not isinstance(v, bool) and v >= 0} \
        if isinstance(positions, dict) else {}
    layout = data.get("layout")
    layout = {k: v for k, v in layout.items() if k in _LAYOUT_TYPES and type(v) is _LAYOUT_TYPES[k]} \
        if isinstance(layout, dict) else {}
    return State(frozenset(read), tuple(bookmarks), location, positions, layout)


_LAYOUT_TYPES = {"sidebar": bool, "panel": bool, "sidebar_width": int}


class StateStore:
    """The state file: load once, then apply operations that merge with disk.

    `legacy`: an older single state file whose contents become this file's
    when this one does not exist yet (moved under the lock, so two instances
    starting at once migrate it once). `corpus`: the corpus's paths, written
    into the file for a person to read.
    """

    def __init__(self, path: Path | None = None, legacy: Path | None = None, corpus: Iterable[Path] = ()):
        self.path = path or default_path()
        self.legacy = legacy
        self.corpus = tuple(str(Path(p).resolve()) for p in corpus)
        self.state = State()
        self.warnings: list[str] = []
        self._writable = True

    @classmethod
    def for_corpus(cls, paths: Iterable[Path], configured: Iterable[Path]) -> StateStore:
        """The store of the corpus `paths`; the old single state file is migrated into
        it when it is the `configured` corpus (the one opened without PATH)."""
        paths = tuple(paths)
        legacy = default_path() if corpus_key(paths) == corpus_key(configured) else None
        return cls(corpus_path(paths), legacy=legacy, corpus=paths)

    def load(self) -> State:
        if self.legacy is not None and not self.path.exists() and self.legacy.is_file():
            self._migrate(self.legacy)
        self.state = self._read(report=True)
        return self.state

    def _migrate(self, legacy: Path) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self._locked():
                if self.path.exists():  # another instance migrated it first
                    return
                self._write(self._read(report=True, path=legacy))
                if legacy.exists():  # (a corrupt one has been set aside already)
                    os.replace(legacy, legacy.with_name(legacy.name + ".migrated"))
        except OSError as error:
            self.warnings.append(f"cannot move reading state from {legacy} to {self.path} "
                                 f"({error.strerror or error}); it stays in {legacy.name}")

    def apply(self, operation: Callable[[State], State]) -> State:
        """Apply `operation` to the state on disk (merging other instances' changes) and save."""
        if not self._writable:
            self.state = operation(self.state)
            return self.state
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self._locked():
                current = self._read(report=False)
                self.state = operation(current)
                # Unchanged (an article reopened where it was left): no write, no fsync
                # before the reader's first frame. Positions' order is their age.
                if self.state != current or list(self.state.positions) != list(current.positions):
                    self._write(self.state)
        except OSError as error:
            self._writable = False
            self.warnings.append(f"cannot save reading state in {self.path.parent} ({error.strerror or error}); "
                                 "read marks and bookmarks last only for this session")
            self.state = operation(self.state)
        return self.state

    def _read(self, report: bool, path: Path | None = None) -> State:
        path = path or self.path
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            return State()
        except OSError as error:
            if report:
                self.warnings.append(f"cannot read {path}: {error.strerror or error}")
            return self.state
        try:
            return from_dict(json.loads(raw.decode("utf-8")))
        except (UnicodeDecodeError, ValueError) as error:
            aside = path.with_name(f"{path.name}.corrupt-{time.strftime('%Y%m%d-%H%M%S')}")
            try:
                os.replace(path, aside)
                where = f"moved to {aside.name}"
            except OSError:
                where = "left in place"
            self.warnings.append(f"state file {path} was corrupt ({error}); {where}, starting afresh")
            return State()

    def _write(self, state: State) -> None:
        write_atomic(self.path, json.dumps(to_dict(state, self.corpus), ensure_ascii=False, indent=1), private=True)

    @contextmanager
    def _locked(self):
        with open(self.path.with_name(self.path.name + ".lock"), "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)
