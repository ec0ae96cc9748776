"""Start-up does only what the first frame needs (SPEC §9; issue 17).

The opening article's text and passage cursor are in the first frame the reader
draws (not a frame later), and a warm start imports none of the modules that
later work uses: the statistical recogniser, YAML, plotting, Markdown, serving,
cleaning and analysis, the screens behind keys. Nothing here is timed.
"""

from __future__ import annotations

import asyncio
import gc
import json
import re
import subprocess
import sys

from textual.app import App

from reader.state import StateStore
from reader.tui.app import ReaderApp

ESCAPE = re.compile(r"\x1b(?:\[[0-9;?<>=]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[()][0-9A-Za-z]|[=>])")

#: What the first frame of a warm start must not have imported: each is for later work.
LATER = ("yaml", "spacy", "pymorphy3", "dateparser", "trafilatura", "justext", "plotext", "textual_plotext",
         "textual_serve", "markdown_it", "reader.ingest.clean", "reader.annotate.names", "reader.annotate.context",
         "reader.export", "reader.tui.screens.help", "reader.tui.screens.search", "reader.tui.screens.bookmarks",
         "reader.tui.screens.candidates", "reader.tui.screens.timeline", "reader.tui.screens.brief",
         "textual.widgets._progress_bar")


def frame_text(renderable, console) -> str:
    """A frame Textual hands to the terminal, as the text it shows (escapes removed)."""
    return ESCAPE.sub("", renderable.render_segments(console))


def opening_line(library) -> str:
    """The passage cursor's bar beside the opening article's first three words."""
    doc = library.get(library.rows()[0].id)
    return "█ " + " ".join(doc.clean.paragraphs[0].text.split()[:3])


def test_the_first_frame_holds_the_opening_articles_text_and_cursor(library, tmp_path, monkeypatch):
    app = ReaderApp(library, StateStore(tmp_path / "state.json"))
    frames: list[str] = []
    display = App._display

    def recording(self, screen, renderable):
        if self is app and hasattr(renderable, "render_segments"):
            frames.append(frame_text(renderable, self.console))
        return display(self, screen, renderable)

    monkeypatch.setattr(App, "_display", recording)

    async def session() -> None:
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()

    asyncio.run(session())
    assert frames, "the reader drew nothing"
    assert opening_line(library) in frames[0]
    assert "q Quit" in frames[0]  # and the keys line with it


def test_the_start_focuses_the_article_only(library, tmp_path, monkeypatch):
    """Textual's default first focus (the sidebar's filter), moved to the article at once,
    restyled the screen twice before the first frame; the article has it from the start,
    and the panel's entities follow a frame after the text."""
    from textual.screen import Screen

    from reader.tui.widgets.article import ArticleView
    from reader.tui.widgets.panel import EntityList

    app = ReaderApp(library, StateStore(tmp_path / "state.json"))
    focused: list[str] = []
    set_focus = Screen.set_focus

    def recording(self, widget, *args, **kwargs):
        if self.id == "_default" and widget is not None:  # the reading screen (not the timeline's, composed ahead)
            focused.append(type(widget).__name__)
        return set_focus(self, widget, *args, **kwargs)

    monkeypatch.setattr(Screen, "set_focus", recording)
    entities: list[int] = []

    async def session() -> None:
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            entities.append(app.query_one(EntityList).option_count)

    asyncio.run(session())
    assert set(focused) == {ArticleView.__name__}
    assert entities and entities[0] > 0


def test_garbage_collection_resumes_after_the_first_frame(library, tmp_path):
    """`iranru-reader` starts the app with the collector off (reader/cli.py); the app
    turns it on once its first frame is drawn, or a session's cycles would pile up."""
    app = ReaderApp(library, StateStore(tmp_path / "state.json"))
    seen = []

    async def session() -> None:
        gc.disable()
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            seen.append(gc.isenabled())

    try:
        asyncio.run(session())
    finally:
        gc.enable()
    assert seen == [True]


FIRST_FRAME = r"""
import json, os, re, sys
from textual.app import App
import reader.cli
escape, wanted = re.compile(sys.argv[1]), sys.argv[2]
display = App._display
def first_frame(self, screen, renderable):
    if hasattr(renderable, "render_segments") and wanted in escape.sub("", renderable.render_segments(self.console)):
        print(json.dumps(sorted(sys.modules)), flush=True)
        os._exit(0)
    return display(self, screen, renderable)
App._display = first_frame
run = App.run
App.run = lambda self, **options: run(self, headless=True, size=(120, 40))
reader.cli._served = lambda: True  # no terminal here: the headless driver is the screen
sys.exit(reader.cli.main(sys.argv[3:]))
"""


def test_a_warm_start_imports_nothing_for_later_before_its_first_frame(library, tmp_path):
    """Through the reader's own entry, as a user starts it: index once, then start warm."""
    config = tmp_path / "config.yaml"
    config.write_text("entities:\n  model: false\n")  # indexing without the model's import: the test is of the start
    subprocess.run([sys.executable, "-m", "reader.cli", "list", "--config", str(config)], capture_output=True,
                   check=True)
    out = subprocess.run([sys.executable, "-c", FIRST_FRAME, ESCAPE.pattern, opening_line(library),
                          "--config", str(config)], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    modules = set(json.loads(out.stdout))
    assert "reader.tui.app" in modules  # the frame was the reader's
    assert [name for name in LATER if name in modules] == []
