"""Drive the reader with Pilot the way a user would: keys in, what is shown out."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path

from reader.library import Library
from reader.state import StateStore
from reader.tui.app import ReaderApp
from reader.tui.widgets.article import HEADER


def make_app(library: Library, state_dir: Path) -> ReaderApp:
    return ReaderApp(library, StateStore(state_dir / "state.json"))


def drive(app: ReaderApp, scenario: Callable[..., Awaitable[None]], size=(120, 40)) -> None:
    async def session() -> None:
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            await scenario(pilot)

    asyncio.run(session())


def where(app: ReaderApp) -> tuple[str, int]:
    return app.view.doc.id, app.view.cursor


def marked(app: ReaderApp) -> list[int]:
    """Passages drawn on screen with the cursor bar."""
    view = app.view
    shown = set()
    for y in range(view.size.height):
        index = view.scroll_offset.y + y
        if index < len(view.lines) and view.render_line(y).text[1:2] == "█":
            shown.add(view.lines[index].owner)
    return sorted(shown)


def article_lines(app: ReaderApp, owner: int | None = None) -> str:
    """The article as laid out for the screen (all of it, or one passage or the header)."""
    return "\n".join(line.strip.text for line in app.view.lines if owner is None or line.owner == owner)


def header_text(app: ReaderApp) -> str:
    return article_lines(app, HEADER)


def option_texts(option_list) -> list[str]:
    result = []
    for i in range(option_list.option_count):
        prompt = option_list.get_option_at_index(i).prompt
        parts = getattr(prompt, "renderables", [prompt])  # a Group of Text and Padding(Text)
        result.append("\n".join(getattr(getattr(p, "renderable", p), "plain", str(p)) for p in parts))
    return result


async def wait_until(pilot, condition, limit: float = 10.0) -> None:
    """Let the app work until `condition()` holds (a hang guard, not a timing assertion)."""
    loop_time = 0.0
    while not condition() and loop_time < limit:
        await pilot.pause(0.05)
        loop_time += 0.05
    assert condition(), "the app did not get there"
