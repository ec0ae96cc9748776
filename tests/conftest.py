"""Shared fixtures: the bundled library, and isolation from the developer's own files."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.config import bundled_config, load_config
from reader.library import Library

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory, monkeypatch):
    """Keep the user's config, state and cache out of every test."""
    home = tmp_path_factory.mktemp("home")
    for var in ("XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME"):
        monkeypatch.setenv(var, str(home / var.lower()))
    monkeypatch.delenv("IRANRU_READER_CONFIG", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    # The developer's terminal does not choose the colours the tests see: at TERM=xterm
    # the reader swaps colours for 16-colour ones (render.styles_for), not in snapshots.
    monkeypatch.setenv("COLORTERM", "truecolor")


@pytest.fixture(scope="session")
def library() -> Library:
    """The bundled corpus, config, gazetteer and topic map (loaded once)."""
    return Library(load_config(bundled_config()), cache=False).ensure_fresh()


@pytest.fixture
def write(tmp_path):
    """Write a file under tmp_path (text or bytes) and return its path."""

    def _write(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return _write
