"""Atomic file writes: a reader of the file never sees half of it."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def _umask() -> int:
    """The process's file-creation mask (read by setting it, then put back)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(path: Path, text: str, private: bool = False) -> None:
    """Write `text` (UTF-8) to `path` through a temporary file in the same folder,
    flushed to disk, then a rename. `private` keeps mkstemp's 0600 (state and the
    user's gazetteer); otherwise the file gets the ordinary mode under the umask
    (a brief). Raises OSError."""
    folder = path.parent if str(path.parent) else Path(".")
    handle, temp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    try:
        if not private:
            os.chmod(temp, 0o666 & ~_umask())
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
