"""The user cache folder: the corpus indexes, and parsed YAML files.

Parsing config.yaml, the gazetteer and the topic map (PyYAML's import and
three parses) was a tenth of the reader's start-up. A warm start reads the
parsed, validated objects back instead, keyed by the file's bytes and path
and by the program's own source, so an edit to any of them parses afresh.
Only successful parses are kept: errors always come from the file itself.
The folder is the user's own, like the index beside it.
"""

from __future__ import annotations

import copyreg
import hashlib
import os
import pickle
import shutil
import tempfile
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import TypeVar

from platformdirs import user_cache_dir

from . import __version__
from .yamlfile import YamlDoc, load_yaml

APP_NAME = "iranru-reader"
T = TypeVar("T")


def cache_dir() -> Path:
    return Path(user_cache_dir(APP_NAME))


def clear_cache() -> int:
    """Delete the cache folder; return how many corpus indexes it held."""
    folder = cache_dir()
    count = len(list(folder.glob("index-*.sqlite"))) if folder.is_dir() else 0
    shutil.rmtree(folder, ignore_errors=True)
    return count


_PACKAGE = Path(__file__).resolve().parent
#: What a wheel packs into reader/_bundled (pyproject.toml's force-include); in a source
#: checkout these lie at the repository's root, beside the package.
SHIPPED = ("seeds", "config.yaml", "gazetteer.yaml", "topics.yaml", "topics.ru.yaml", "topics.fa.yaml")


def place(path: Path) -> str:
    """`path` as the cache's keys name it: a file shipped with the program (the package's
    modules, the bundled config, gazetteer, topic maps and seeds) by its place in the
    program, any other resolved. Another install of the same program (another venv, a
    fresh clone) then finds the same index and reading state: keyed by where the program
    lay, a newcomer's second install re-indexed a 100,000-article folder."""
    resolved = Path(path).resolve()
    for root in (_PACKAGE / "_bundled", _PACKAGE.parent):  # a wheel's place for them, a checkout's
        if resolved.is_relative_to(root) and (inside := resolved.relative_to(root)).parts and inside.parts[0] in SHIPPED:
            return f"bundled:{inside.as_posix()}"
    if resolved.is_relative_to(_PACKAGE):
        return f"reader:{resolved.relative_to(_PACKAGE).as_posix()}"
    return str(resolved)


def corpus_key(paths: Iterable[Path]) -> str:
    """A corpus's identity: 16 hex digits from its paths (`place`), in any order.

    Names its index in the cache folder and its reading state (read marks,
    bookmarks, last position) in the state folder.
    """
    return _digest_hex("\n".join(sorted(place(p) for p in paths)).encode(), size=8)


@cache
def _program_stamp() -> bytes:
    """Changes when any module of the package changes (an edited parser, a new
    field in a dataclass), not only with the version number."""
    package = Path(__file__).parent
    parts = [__version__, str(package)]
    for module in sorted(package.rglob("*.py")):
        info = module.stat()
        parts.append(f"{module.relative_to(package)}:{info.st_size}:{info.st_mtime_ns}")
    return "\n".join(parts).encode()


def load_parsed(path: Path, parse: Callable[[YamlDoc], T], use_cache: bool = True) -> T:
    """`parse(load_yaml(path))`, or its result from an earlier run on the same bytes."""
    try:
        data = path.read_bytes()
    except OSError:
        return parse(load_yaml(path))  # which reports why the file cannot be read
    if not use_cache:
        return parse(load_yaml(path, data))
    name = f"{parse.__module__}.{parse.__qualname__}-{_digest(str(path.resolve()).encode())}"
    stored = cache_dir() / "parsed" / f"{name}-{_digest(_program_stamp(), data)}.pickle"
    try:
        with open(stored, "rb") as handle:
            return pickle.load(handle)
    except Exception:  # missing, truncated or from another version: a miss, never an error
        pass
    result = parse(load_yaml(path, data))
    _store(stored, result, stale=stored.parent.glob(f"{name}-*.pickle"))
    return result


def _digest(*parts: bytes) -> str:
    return _digest_hex(*parts, size=12)


def _digest_hex(*parts: bytes, size: int) -> str:
    digest = hashlib.blake2b(digest_size=size)
    for part in parts:
        digest.update(part)
    return digest.hexdigest()


def _store(target: Path, value: object, stale: Iterable[Path]) -> None:
    """Write atomically, replacing earlier parses of the same file; a cache that
    cannot be written is no error."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        for old in stale:
            old.unlink(missing_ok=True)
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".parsed-")
        try:
            with os.fdopen(handle, "wb") as out:
                pickler = pickle.Pickler(out, protocol=pickle.HIGHEST_PROTOCOL)
                pickler.dispatch_table = {**copyreg.dispatch_table, MappingProxyType: _reduce_proxy}
                pickler.dump(value)
            os.replace(temporary, target)
        except BaseException:
            os.unlink(temporary)
            raise
    except Exception:  # unwritable folder, full disk, an object pickle refuses
        pass


def _reduce_proxy(proxy: MappingProxyType) -> tuple:
    return _mapping_proxy, (dict(proxy),)


def _mapping_proxy(items: dict) -> MappingProxyType:
    """Read-only mappings in the config (pickle has no reducer of its own for them)."""
    return MappingProxyType(items)
