"""The reader: a thin shell over the core. It renders models and dispatches keys.

Widgets post messages up (an article chosen, the cursor moved, an entity
selected); the app decides and sets attributes down. Every key is declared
in `bindings.py` with an id, so `keymap:` in config.yaml can remap it.
"""

from __future__ import annotations

import gc
import os
import sqlite3
import threading
from collections import OrderedDict
from datetime import datetime
from functools import partial

from rich.cells import cell_len
from rich.text import Text
from textual import events, on
from textual.app import App, ComposeResult
from textual.containers import Horizontal, Vertical
from textual.css.query import NoMatches
from textual.notifications import Notify
from textual.actions import SkipAction
from textual.screen import ModalScreen, Screen
from textual.timer import Timer
from textual.widgets import Header, Input, OptionList
from textual.widgets.option_list import Option
from textual.worker import get_current_worker
from typing import TYPE_CHECKING

from ..annotate.gazetteer import PATTERN_TYPES, NameRejected, add_to_user_gazetteer, candidates
from .. import keys
from ..history import History, Location
from ..ingest.decode import more_than
from ..index import CorpusIndex
from ..library import WORKER_NICENESS, Library
from ..render_bidi import EXPLICIT_MODE, IMPLICIT_MODE, display_line, has_rtl
from ..sanitize import safe_line
from ..render import pilcrow, plural, styles_for
from ..state import Bookmark, StateStore, mark_read, set_last, set_layout, toggle_bookmark
from ..yamlfile import ConfigError
from ..annotate.topics import Related, Trail, snippet
from . import compat  # noqa: F401  (guards for Textual bugs, applied on import)
from .bindings import APP

if TYPE_CHECKING:
    from .screens.timeline import TimelineScreen
from .commands import ReaderCommands
from ..rows import Rows, filter_problems, filter_words
from .toasts import Toasts
from ..timeline import Subject
from .widgets.article import ArticleView, find_hits
from .widgets.keybar import KeyBar
from .widgets.legend import Legend
from .widgets.panel import (SEP, EntityList, LaidOutList, LinkList, PaneList, Panel, dated_title,
                            follow_topic_options, passage_snippet, related_options)
from .widgets.raw import RawView
from .widgets.sidebar import ArticleList, FilterInput, Sidebar

# Where the panes go when `layout:` says auto and the reader has not toggled them:
SIDEBAR_FROM = 100  # columns: below this the sidebar starts hidden (z shows it)
PANEL_BESIDE_FROM = 110  # columns: the panel beside the article (the -wide breakpoint)
PANEL_BELOW_FROM = 40  # lines: on a narrower terminal, the panel below the article from this height
SIDEBAR_MIN = 16  # columns: the narrowest sidebar < makes

# More than this to (re)index, and the app indexes in a worker, with progress.
SYNC_LIMIT = 50  # files
SYNC_BYTES = 1_000_000  # bytes of text (one 50 MB article is enough)
PREPARE_AFTER = 0.5  # seconds after the first article is shown: the timeline screen is composed ahead of T
# Up to this many articles the same-topic list is found at once (about 1 ms for the seeds);
# more, in a worker: at 10,000 articles its query took 150-500 ms, and ] and [ waited for it (issue 17).
RELATED_IN_PLACE = 2_000
FILTER_IN_PLACE = 2_000  # articles: a list this long is filtered at once (a few ms), a longer one in a worker
RELATED_KEPT = 64  # same-topic lists kept, by (article, passage topics): back, forward and j/k reuse them


class IndexingStopped(Exception):
    """The app is quitting: the indexing worker stops between batches."""


class FindInput(FilterInput):
    """The find-in-article box; same keys as the sidebar filter."""

    def on_show(self) -> None:
        self.screen.add_class("-finding")  # toasts stand above the box (reader.tcss)

    def on_hide(self) -> None:
        self.screen.remove_class("-finding")


class ReadingScreen(Screen):
    """The main screen. Its first focus is the article: Textual's default (the first
    focusable widget, the sidebar's filter) was moved to the article at once by
    `on_mount`, and each move restyled the screen (a tenth of the CSS work before the
    first frame; issue 17)."""

    AUTO_FOCUS = "#article"


class ReaderApp(App[None]):
    CSS_PATH = "reader.tcss"
    TITLE = "iranru-reader"
    BINDINGS = APP
    COMMANDS = App.COMMANDS | {ReaderCommands}
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (PANEL_BESIDE_FROM, "-wide")]

    def __init__(self, library: Library, store: StateStore | None = None) -> None:
        # NO_COLOR (no-color.org: no colour at all): Textual 8.2 strips colours (its NoColor
        # filter) only with native ANSI colours; otherwise it greys them by luminance
        # (Monochrome), and the screen still carried 256-colour greys (38;5;253 on 48;5;233).
        # The same test as Textual's (app.py: NO_COLOR present).
        super().__init__(ansi_color=True if "NO_COLOR" in os.environ else None)
        self.library = library
        self.store = store or StateStore.for_corpus(library.paths, library.config.corpus)
        self.history = History()
        self.shown_entries: Rows | None = None  # the sidebar's rows, through the filter
        self._filter_waits: Rows | None = None  # rows a worker is filtering (`_show_rows`)
        self._filtering = threading.Lock()  # held by the worker that filters
        self._active_topic: str | None = None
        self.selected_entity: str | None = None
        self.match_mode = "find"
        self._trails: dict[str, Trail] = {}
        self._save_timer: Timer | None = None
        self._indexing = ""
        self._links_due = False
        self._auto_panes: set[str] = set()  # panes still placed by the terminal's size
        self._find_hits: list[tuple[int, int, int]] = []  # (passage, start, end) of each find match
        self._timeline: TimelineScreen | None = None  # kept installed: see prepare_timeline
        self._warm_timer: Timer | None = None
        self._related: OrderedDict[tuple[str, tuple[str, ...]], list[Related]] = OrderedDict()
        self._related_lock = threading.Lock()  # one same-topic query at a time on `_related_index`
        self._related_pending: tuple[str, tuple[str, ...]] | None = None  # asked of the worker, not answered yet
        self._related_index: tuple[Library, CorpusIndex] | None = None  # the workers' own connection
        self._toasts = Toasts()

    # --- layout ----------------------------------------------------------------

    def compose(self) -> ComposeResult:
        self._apply_breakpoints()  # before any widget exists: no restyle of a mounted tree
        self.store.load()
        sidebar, panel = self._initial_panes()
        yield Header()
        with Horizontal(id="main"):
            side = Sidebar(id="sidebar", classes="" if sidebar else "-hidden")
            side.styles.width = self.store.state.layout.get("sidebar_width", self.library.config.layout.sidebar_width)
            yield side
            with Horizontal(id="content"):
                with Vertical(id="reading"):
                    yield ArticleView(id="article")
                    yield RawView(id="raw")
                    yield FindInput(placeholder="find in this article (Enter: go, n/N: next/prev, Esc: close)", id="find")
                yield Panel(id="panel", classes="" if panel else "-hidden")
        yield Legend(id="legend")
        yield KeyBar(id="keys")

    def get_default_screen(self) -> Screen:
        return ReadingScreen(id="_default")

    def focus_now(self, widget) -> None:
        """Move focus before the next key is handled.

        `Widget.focus()` defers the change with `call_later`, so keys that
        arrive in the same burst (typed fast, or bundled by ssh) would still
        go to the old focus; `Screen.set_focus` takes effect at once. A list gets
        its highlighted row at once too (its Focus event comes after those keys).
        """
        if isinstance(widget, PaneList):
            widget.highlight_a_row()
        self.screen.set_focus(widget)

    @property
    def view(self) -> ArticleView:
        return self.query_one(ArticleView)

    @property
    def raw(self) -> RawView:
        return self.query_one(RawView)

    @property
    def raw_mode(self) -> bool:
        return self.raw.display

    @property
    def panel(self) -> Panel:
        return self.query_one(Panel)

    @staticmethod
    def auto_layout(width: int, height: int) -> tuple[bool, bool]:
        """(sidebar shown, panel shown) for a terminal of `width` x `height` cells:
        at 80x24 the article gets the whole width (SPEC §2: works at 80x24)."""
        return width >= SIDEBAR_FROM, width >= PANEL_BESIDE_FROM or height >= PANEL_BELOW_FROM

    def _initial_panes(self) -> tuple[bool, bool]:
        """Config `show`/`hide` first, then the reader's last toggle (state), then the size."""
        layout, remembered = self.library.config.layout, self.store.state.layout
        auto = self.auto_layout(self.size.width, self.size.height)
        shown = []
        for name, setting, by_size in (("sidebar", layout.sidebar, auto[0]), ("panel", layout.panel, auto[1])):
            if setting != "auto":
                shown.append(setting == "show")
            elif name in remembered:
                shown.append(remembered[name])
            else:
                self._auto_panes.add(name)
                shown.append(by_size)
        return shown[0], shown[1]

    def on_resize(self, event: events.Resize) -> None:
        doc = self.view.doc if self.is_mounted else None
        if doc is not None and has_rtl(doc.meta.title):  # its room in the header changed (display_line)
            self._update_subtitle(event.size.width)
        if not self._auto_panes:
            return
        sidebar, panel = self.auto_layout(event.size.width, event.size.height)  # self.size changes later
        if "sidebar" in self._auto_panes:
            self.query_one(Sidebar).set_class(not sidebar, "-hidden")
        if "panel" in self._auto_panes:
            self.panel.set_class(not panel, "-hidden")

    def _apply_breakpoints(self) -> None:
        """Set the width classes at start: in a real terminal, Textual 8.2 applies
        HORIZONTAL_BREAKPOINTS only on a later resize."""
        width = self.size.width
        names = [name for _, name in self.HORIZONTAL_BREAKPOINTS]
        current = next((name for limit, name in reversed(self.HORIZONTAL_BREAKPOINTS) if width >= limit), names[0])
        self.screen.update_classes({name: name == current for name in names})

    async def on_mount(self) -> None:
        self.call_after_refresh(gc.enable)  # once the first frame is drawn (cli._run_tui disables it until then)
        config = self.library.config
        known = {row.id for row in keys.ALL}  # every pane's and dialog's keys, as `check` knows them
        unknown = sorted(set(config.keymap) - known)
        if unknown:
            self.notify(f"keymap: unknown binding id(s): {', '.join(unknown)} (see ? for ids)", severity="warning",
                        markup=False, timeout=8)
        self.set_keymap(dict(config.keymap))
        view = self.view
        view.bidi = config.display
        self.query_one(ArticleList).display_config = config.display
        self._terminal_bidi(explicit=True)
        # Immediate: the suspend callback must write before the driver lets the terminal go.
        self.app_suspend_signal.subscribe(self, lambda _: self._terminal_bidi(explicit=False), immediate=True)
        self.app_resume_signal.subscribe(self, lambda _: self._terminal_bidi(explicit=True), immediate=True)
        # On 16 and 256 colours each type keeps a visible colour of its own, under NO_COLOR none
        # (render.styles_for: then `contrast` keeps a nationality apart from an italic quote).
        view.entity_styles = styles_for(config.styles, None if self.no_color else self.console.color_system)
        view.type_tags = config.type_tags
        view.topic_labels = {t.id: t.label for t in self.library.topic_map.topics}
        legend = self.query_one(Legend)
        legend.show(self.library.gazetteer.labels, view.entity_styles, config.type_tags)
        legend.refresh(layout=True)
        state = self.store.state
        for warning in self.store.warnings:
            self.notify(warning, severity="warning", markup=False, timeout=10)
        # Warm: show the index as it is, and look for changed files in a worker once the
        # first article is on screen (a stat of 100,000 files must not delay it).
        check = self.library.indexed()
        # Cold with many files: the files are stat'ed in the worker, not before the first
        # frame (100,000 stats took seconds; issue 17); the listing's names tell "many".
        many = not check and more_than(self.library.paths, SYNC_LIMIT)
        in_background = not check and (many or self.library.stale and self._much_to_index())
        if check:
            self._show_entries()
        elif in_background:
            # Said at once: the header read "0 articles" and the article pane was blank for the
            # 6 s a newcomer's cold start took to list its first analysed article.
            self._indexing = "indexing: reading the folder…"
            self._show_entries()
            self.query_one(Sidebar).show_progress(0, None)  # no total until the files are stat'ed
            view.show_empty(Text("Indexing the folder: its articles are listed here as they are analysed "
                                 "(the analysers take a few seconds to start).", style="dim"))
            self.run_worker(self._plan_and_build_index, thread=True, exclusive=True, group="index")
        else:
            self.library.defer_model = True  # the first paint never waits for the model's import
            self.library.ensure_fresh()
            self.library.defer_model = False
            self._report_skipped()
            self._show_entries()
            self._start_model_pass()
        start = state.last if state.last and self.library.entry(state.last.article_id) else None
        rows = self.library.rows()
        if start is None and rows:
            start = Location(rows[0].id, 0)
        self.focus_now(view)
        if start is not None:
            await self._open_first(start, check)
            return
        if not in_background:
            self.call_after_refresh(view.show_empty, self._empty_hint())
        self.set_timer(PREPARE_AFTER, self.prepare_timeline)

    async def _open_first(self, start: Location, check: bool) -> None:
        # The panel a frame after the article's text: the same-topic list's query grows with the
        # corpus (46 ms of 10,000 articles' first frame on a loaded machine, against 1 ms for the
        # seeds), and the entity list's options were a twentieth of the seeds' first frame.
        await self.go(start, panel=False)
        doc = self.view.doc
        if doc is not None:
            self.call_after_refresh(self._show_entities, doc)
        self._follow_passage_topics(doc.topic_ids(self.view.cursor) if doc else ())  # ] works at once
        self._links_after_frame()
        # Counted from the article's first paint, not from the start: on a loaded machine
        # the first paint came later than PREPARE_AFTER, and waited for the screen's compose.
        self.call_after_refresh(self.set_timer, PREPARE_AFTER, self.prepare_timeline)
        if check:
            self.call_after_refresh(self.run_worker, partial(self._check_files, self.library.rows()), thread=True,
                                    exclusive=True, group="index")

    def _check_files(self, rows: Rows) -> None:
        """Worker thread: read the list's whole order ahead (the first frame read its
        first page only), stat every file against the index (on its own connection);
        then index what changed, in the background, as a cold start does."""
        worker = get_current_worker()
        index = self.library.connect()
        try:
            rows.read_order(index)
            stale = self.library.check_files(index)
        finally:
            index.close()
        if not worker.is_cancelled and self.is_running:
            self.call_from_thread(self._files_checked, stale)

    def _files_checked(self, stale: bool) -> None:
        if stale:
            self.query_one(Sidebar).show_progress(0, len(self.library.pending.to_check))
            self.run_worker(self._build_index, thread=True, exclusive=True, group="index")
        else:
            self._report_skipped()
            self._update_subtitle()
            self._start_model_pass()

    def _empty_hint(self) -> Text:
        paths = ", ".join(safe_line(str(p)) for p in self.library.paths)
        hint = Text()
        hint.append("No articles here", style="bold")
        hint.append(f" ({paths})" if paths else "")
        hint.append(".\n\nThe reader opens *.txt, *.md and *.html files, in folders too. Give it some:\n\n"
                    "    iranru-reader ~/news/iran-russia\n\n"
                    "or name them in config.yaml (corpus: [...]). Without a path and a config it opens "
                    "its five bundled articles. q quits.")
        if self.library.skipped:
            hint.append(f"\n\n{plural(len(self.library.skipped), 'file was', 'files were')} skipped: see the message above.", style="dim")
        return hint

    def on_unmount(self) -> None:
        self._terminal_bidi(explicit=False)

    def _terminal_bidi(self, explicit: bool) -> None:
        """Ask a real terminal not to reorder the lines the reader laid out in
        visual order (BiDi mode explicit, `CSI 8 l`), or restore its default
        (`CSI 8 h`) when leaving; only with `display: {bidi: app}`. Terminals
        without BiDi support ignore both (ECMA-48 modes they do not know).
        Written through the driver, as Textual writes OSC 52 for the clipboard."""
        driver = self._driver
        if driver is None or driver.is_headless or driver.is_web or not self.library.config.display.reorders:
            return
        driver.write(EXPLICIT_MODE if explicit else IMPLICIT_MODE)
        driver.flush()

    def on_laid_out_list_relaid(self, event: LaidOutList.Relaid) -> None:
        if isinstance(event.pane, LinkList):
            self._links_after_frame()
        elif self.view.doc is not None:  # the same entities, laid out again: the same row stays highlighted
            highlighted = event.pane.highlighted
            self._show_entities(self.view.doc)
            event.pane.highlighted = highlighted

    def _links_width(self) -> int:
        """Cells of text in one option of the panel's links list (0 before layout)."""
        return self.panel.query_one(LinkList).text_width()

    def _much_to_index(self) -> bool:
        """Enough new or changed text that indexing it before the first frame would show."""
        plan = self.library.pending
        return len(plan.to_check) > SYNC_LIMIT or sum(plan.stamps[p].size for p in plan.to_check) > SYNC_BYTES

    def _report_skipped(self) -> None:
        skipped = self.library.skipped
        if skipped:
            names = "; ".join(f"{safe_line(s.path.name)}: {s.reason}" for s in skipped[:5])
            self.notify(f"{plural(len(skipped), 'file')} skipped — {names}", severity="warning", markup=False, timeout=10)

    def _show_entries(self, reload: bool = True) -> None:
        """Show the article list through the filter, keeping the cursor; `reload` reads
        it from the index again first (after indexing; a filter keystroke needs not:
        reading 10,000 entries took 110 ms a key)."""
        if reload or self.shown_entries is None:
            rows = self.library.reload_rows() if reload else self.library.rows()
            self._trails.clear()
            self._related.clear()
        else:
            rows = self.shown_entries  # typing on narrows what is shown
        self._show_rows(rows)

    def _show_rows(self, rows: Rows, shown: Rows | None = None) -> None:
        """Show `rows` through the filter's words (`shown`: that result, found before).
        A list longer than FILTER_IN_PLACE is filtered in a worker (`_filter`) and shown
        when it is done: at 100,000 articles a first word took 80 ms on the event loop
        (every row looked at), and a fast typist's first letter read the filter's fields
        there too (450 ms, and twice their memory while a worker read them as well)."""
        box = self.query_one(FilterInput)
        words = filter_words(box.value)
        if shown is None and words and len(rows) > FILTER_IN_PLACE:
            self._filter_waits = rows
            self.run_worker(partial(self._filter, rows, words), thread=True, exclusive=True, group="filter")
            self._update_subtitle()
            return
        self._filter_waits = None
        closed = not words and not box.display
        if closed:  # its fields are read again on "/"
            rows.forget_filter()
        unfiltered = closed and self.shown_entries is not None and bool(self.shown_entries.words)
        self.shown_entries = rows.filtered(words) if shown is None else shown
        article_list = self.query_one(ArticleList)
        # Keep the list's own cursor: batches land while the reader may be moving in the list. A
        # closed filter gives the list back with the cursor on the article read, not on the row
        # the filtered list had first (a newcomer's Enter then opened that one).
        reading = self.view.doc.id if self.view.doc else None
        current = (reading if unfiltered else None) or article_list.highlighted_id or reading
        article_list.show_entries(self.shown_entries, self.store.state.read, current, self._filter_note(words))
        self._update_subtitle()

    def _filter_note(self, words: tuple[str, ...]) -> Text | None:
        """What the list says when the filter keeps no article: the words, and what is
        wrong with any of them (`filter_problems`)."""
        if not words or self.shown_entries:
            return None
        problems = filter_problems(words, self.library.topic_map.by_id)
        note = Text()
        # A word the filter cannot use first: "tehran topic:sanktions" blamed every word, tehran too.
        for problem in problems:
            note.append(f"{problem[0].upper()}{problem[1:]}.\n\n", style="bold")
        if not problems:
            note.append(f"No article holds every word of “{' '.join(words)}”.\n\n", style="bold")
        # keys that work where the note is read: in the box, and from the list after Down (a newcomer's
        # Backspace and Esc there did nothing to the filter)
        note.append("Change the words in the filter box (/ from the list); Esc in the box clears it.", style="dim")
        return note

    def _build_index(self) -> None:
        """Worker thread: index new and changed files, showing progress; the UI stays live.

        Quitting cancels the worker: it stops after the batch in hand (what is
        stored stays stored; the rest is indexed on the next start).
        """
        self._run_indexing(self.library, partial(self.library.refresh, batch=200), self._indexed, self._indexing_done,
                           list_order=True)

    def _plan_and_build_index(self) -> None:
        """Worker thread, on a cold start: stat every file against the index (its own
        connection), the article the reader left off in first so it can reopen at once,
        then index as `_build_index` does."""
        index = self.library.connect()
        try:
            self.library.check_files(index)
        finally:
            index.close()
        last, plan = self.store.state.last, self.library.pending
        if last:
            plan.to_check.sort(key=lambda path: plan.ids[path] != last.article_id)  # stable
        if not get_current_worker().is_cancelled and self.is_running:
            self.call_from_thread(self._indexed, 0, len(plan.to_check))
            self._build_index()

    def _run_indexing(self, library: Library, job, on_progress, then, list_order: bool = False) -> None:
        """Worker body: `job(progress=..., index=...)` on a second connection to
        `library`'s index, reporting `on_progress(done, total)` and finally `then()` on
        the UI thread. Quitting cancels it between batches. `list_order`: the job changes
        the list; its order is read here after each batch, off the event loop (Library.keep_list_order)."""
        worker = get_current_worker()

        def progress(done: int, total: int) -> None:
            if worker.is_cancelled or not self.is_running:
                raise IndexingStopped
            if list_order:
                library.keep_list_order(index)
            self.call_from_thread(on_progress, done, total)

        index = library.connect()
        try:
            job(progress=progress, index=index, niceness=WORKER_NICENESS)  # the workers give way to the reader
        except IndexingStopped:
            return
        finally:
            index.close()
        if not worker.is_cancelled and self.is_running:
            self.call_from_thread(then)

    def _prepare_filter(self, rows: Rows) -> None:
        """Worker thread: read the rows' filter fields ahead, on a connection of its own."""
        index = self.library.connect()
        try:
            rows.prepare_filter(index)
        finally:
            index.close()

    def _filter(self, rows: Rows, words: tuple[str, ...]) -> None:
        """Worker thread: `rows` through `words`, shown if no later keystroke has asked
        for another list meanwhile; one at a time (a burst of keys queued one thread
        a key, each over every row, and together they starved the event loop)."""
        with self._filtering:
            if get_current_worker().is_cancelled:
                return
            index = self.library.connect()
            try:
                rows.prepare_filter(index, words)
            finally:
                index.close()
            shown = rows.filtered(words)
        if not get_current_worker().is_cancelled:
            self.call_from_thread(self._filtered, rows, words, shown)

    def _filtered(self, rows: Rows, words: tuple[str, ...], shown: Rows) -> None:
        if self._filter_waits is rows and self.is_mounted and filter_words(self.query_one(FilterInput).value) == words:
            self._show_rows(rows, shown)

    def _start_model_pass(self) -> None:
        """Add the statistical recogniser's names to the articles indexed without it, in a
        worker, with progress in the sidebar (SPEC §5: the model runs in the indexer)."""
        if self.library.config.entity_model and self.library.index.model_pending():
            self.run_worker(self._model_pass, thread=True, exclusive=True, group="index")

    def _model_pass(self) -> None:
        self._run_indexing(self.library, self.library.model_pass, self._show_progress,
                           partial(self._reannotated, self.library))

    def _show_progress(self, done: int, total: int) -> None:
        self.query_one(Sidebar).show_progress(done, total)

    def _indexed(self, done: int, total: int) -> None:
        self.query_one(Sidebar).show_progress(done, total)
        self._indexing = f"indexing {done:,}/{total:,}"
        self._show_entries()
        rows = self.library.rows()
        if self.view.doc is None and rows:
            last = self.store.state.last  # where the reader left off, indexed first (on_mount)
            start = last if last and self.library.entry(last.article_id) else Location(rows[0].id, 0)
            self.call_later(self.go, start)

    @property
    def indexing(self) -> str:
        """"indexing 1,200/10,000" while new or changed files are being indexed, else ""."""
        return self._indexing

    def _indexing_done(self) -> None:
        self._indexing = ""
        self.query_one(Sidebar).hide_progress()
        chart = self._timeline
        if chart is not None and chart.partial and chart in self.screen_stack and chart.library is self.library:
            chart.recount(partial=False)
        self._report_skipped()
        self._show_entries()
        if not self.library.rows():
            self.view.show_empty(self._empty_hint())
            return
        doc = self.view.doc  # the file on screen may have changed: show it as it is now
        fresh = self.library.get(doc.id) if doc is not None else None
        if fresh is not None and fresh != doc:
            self._reshow(fresh, self.view.cursor)

    def _update_subtitle(self, screen_width: int | None = None) -> None:
        total = len(self.library.rows())
        parts = [plural(total, "article")] + ([self._indexing] if self._indexing else [])
        query = self.query_one(FilterInput).value if self.is_mounted else ""
        if query:
            problems = filter_problems(filter_words(query), self.library.topic_map.by_id)
            shown = "filtering…" if self._filter_waits is not None else f"{len(self.shown_entries or ())} shown"
            parts.append(f"filter “{query}”: {shown}" + "".join(f" — {p}" for p in problems))
        if self.is_mounted and self.view.find_query:
            hits, current = self._find_hits, self.view.current_match
            at = f"{hits.index(current) + 1}/{len(hits)}" if current in hits else \
                ("1 match" if len(hits) == 1 else f"{len(hits)} matches")
            parts.append(f"find “{self.view.find_query}”: {at}")
        if self.library.skipped:
            parts.append(f"{len(self.library.skipped)} skipped")
        # Last, so a narrow header cuts the title, not the counts: it keeps the open
        # article named after a jump has scrolled the article's own header away.
        doc = self.view.doc if self.is_mounted else None
        if doc:
            room = self._header_room(f"{self.title} — " + " · ".join(parts + [""]), screen_width)
            parts.append(display_line(doc.meta.title, self.library.config.display, room))
        self.sub_title = " · ".join(parts)

    def _header_room(self, before: str, screen_width: int | None = None) -> int | None:
        """The cells left in the header after `before` for the article's title (None
        before the header is laid out), in a screen `screen_width` wide (a resize: the
        header is laid out again only later). A right-to-left title is cut to it at its
        logical end and then reordered (display_line): cut by the header after
        reordering, it lost its opening words."""
        titles = self.query("HeaderTitle") if self.is_mounted else None  # none while the app closes
        title = titles.first() if titles else None
        if title is None or not title.size.width:
            return None
        width = title.size.width
        if screen_width is not None:
            width += screen_width - self.query_one(Header).size.width
        return max(1, width - cell_len(before))

    # --- navigation --------------------------------------------------------------

    async def go(self, location: Location, record: bool = True, panel: bool = True) -> None:
        """Show `location`: open its article if needed and put the cursor on its passage
        (`panel=False`: leave the panel's entities and same-topic list to the caller)."""
        doc = self.library.get(location.article_id)
        if doc is None:
            self.notify(f"no article {location.article_id}", severity="error", markup=False)
            return
        view = self.view
        if view.doc is None or view.doc.id != doc.id:
            self._remember_position()  # the article left: its last passage, before the timer's save
            if self.selected_entity and not self._mentions_of(doc, self.selected_entity):
                self._clear_entity()
            if self.active_topic not in doc.topics:  # ]/[, T and the brief's t: not the last article's trail
                self.active_topic = None
            view.current_match = None
            self._find_hits = find_hits(doc, view.find_query)
            view.show(doc, location.passage)
            if self.raw_mode:
                self.raw.show(doc, self.library.raw_text(doc))
            if panel:
                self._show_entities(doc)
            self.store.apply(mark_read(doc.id))
            sidebar_list = self.query_one(ArticleList)
            sidebar_list.mark_read(doc.id)
            sidebar_list.point_at(doc.id)
        else:
            view.set_cursor(location.passage, center=True, announce=False)
        here = Location(doc.id, view.cursor)
        self._update_subtitle()
        self.history = self.history.visit(here) if record else self.history.move_within(here)
        self.store.apply(set_last(here))
        if panel:
            self._refresh_links()

    def _show_entities(self, doc) -> None:
        self.panel.show_entities(doc, self.library.gazetteer.labels, self.view.entity_styles, self.library.config.display)

    async def open_article(self, article_id: str) -> None:
        """Open an article where the reader left it (its last passage read), else at the top."""
        doc = self.library.get(article_id)
        passage = self.store.state.position(article_id)
        if doc is not None and passage >= len(doc.clean.paragraphs):  # the file changed since
            passage = 0
        await self.go(Location(article_id, passage))
        self.focus_now(self.view)

    def _here(self) -> Location | None:
        view = self.view
        return None if view.doc is None else Location(view.doc.id, view.cursor)

    @on(ArticleView.CursorMoved)
    def cursor_moved(self, event: ArticleView.CursorMoved) -> None:
        here = self._here()
        if here is not None:
            self.history = self.history.move_within(here)
            # Saved a moment after the cursor settles, not on every keypress.
            if self._save_timer is not None:
                self._save_timer.stop()
            self._save_timer = self.set_timer(1.0, self._remember_position)
        self._links_after_frame()

    def _links_after_frame(self) -> None:
        """Build the panel's same-topic list after the next frame, once however often asked:
        a held j key must not queue one related-passages query (14 ms on 10,000 articles,
        plus the panel's relayout) per passage it moves over, and the start's first frame
        (the list's first width comes with it) must not wait for it."""
        if not self._links_due:
            self._links_due = True
            self.call_after_refresh(self._refresh_due_links)

    def _refresh_due_links(self) -> None:
        self._links_due = False
        try:
            self._refresh_links()
        except NoMatches:  # the app closed before the frame came
            return

    def _remember_position(self) -> None:
        try:
            here = self._here()
        except NoMatches:  # the debounce timer fired while the app was shutting down
            return
        if here is not None and here != self.store.state.last:
            self.store.apply(set_last(here))

    async def action_quit(self) -> None:
        if self._save_timer is not None:
            self._save_timer.stop()
        self._remember_position()
        self.exit()

    @on(ArticleView.LinksRequested)
    def links_requested(self) -> None:
        self.action_same_topic()

    @on(ArticleList.Chosen)
    async def article_chosen(self, event: ArticleList.Chosen) -> None:
        await self.open_article(event.article_id)

    async def action_back(self) -> None:
        await self._travel(self.history.back(), "Nothing to go back to")

    async def action_forward(self) -> None:
        await self._travel(self.history.forward(), "Nothing to go forward to")

    async def _travel(self, history: History | None, message: str) -> None:
        if history is None or history.current is None:
            self.notify(message, timeout=2)
            return
        self.history = history
        await self.go(history.current, record=False)
        self.history = history
        self.focus_now(self.view)

    # --- topics --------------------------------------------------------------------

    def _trail(self, topic_id: str) -> Trail:
        if topic_id not in self._trails:
            self._trails[topic_id] = self.library.trail_steps(topic_id)
        return self._trails[topic_id]

    def _topic_label(self, topic_id: str | None) -> str:
        topic = self.library.topic_map.get(topic_id) if topic_id else None
        return topic.label if topic else (topic_id or "")

    async def action_trail(self, step: int) -> None:
        here = self._here()
        if here is None:
            return
        if self.active_topic is None:
            self.toast("trail", "This passage has no topic yet: move to one with topics, or pick a topic with Ctrl+P",
                       timeout=4)
            return
        trail = self._trail(self.active_topic)
        target = trail.step(here.article_id, here.passage, step)
        label = self._topic_label(self.active_topic)
        if target is None:
            where = "end" if step > 0 else "start"
            self.toast("trail", f"At the {where} of the “{label}” trail ({len(trail)} passages)", timeout=3)
            return
        await self.go(Location(target.article_id, target.index))
        duplicates = self.library.subject_duplicates(Subject("topic", self.active_topic, label))  # counted once
        self.toast("trail", f"“{label}” trail: {self._trail_position()}/{len(trail)}"
                   + (f" ({duplicates} in duplicate articles skipped)" if duplicates else ""), timeout=2)

    def toast(self, key: str, message: str, timeout: float) -> None:
        """`message` (plain text) in place of the last toast under `key`: ] pressed fast
        shows one toast, the latest, not a pile of them (reader/tui/toasts.py)."""
        self._toasts.post(self, key, message, timeout)

    def on_notify(self, event: Notify) -> None:
        if not self._toasts.arrived(event.notification):
            event.prevent_default()  # replaced before it was shown: App._on_notify does not show it

    def _trail_position(self) -> int | None:
        """Where the cursor is on the active topic's trail (1-based), if that trail is loaded."""
        trail, here = self._trails.get(self.active_topic or ""), self._here()
        if trail is None or here is None:
            return None
        return trail.position(here.article_id, here.passage)

    def action_switch_trail(self) -> None:
        """On a passage with several topics, pick the one ] and [ follow (the next, in turn)."""
        doc = self.view.doc
        topics = doc.topic_ids(self.view.cursor) if doc else ()
        if not topics:
            self.notify("This passage has no topic: ] and [ follow the last one chosen", timeout=3)
            return
        if len(topics) == 1 and self.active_topic == topics[0]:
            self.notify(f"This passage has one topic: “{self._topic_label(topics[0])}”", markup=False, timeout=3)
            return
        now = topics.index(self.active_topic) if self.active_topic in topics else -1
        self.active_topic = topics[(now + 1) % len(topics)]
        self._refresh_links()
        self.toast("trail", f"] and [ now follow “{self._topic_label(self.active_topic)}” "
                            f"({len(self._trail(self.active_topic))} passages)", timeout=3)

    async def follow_topic(self, topic_id: str, first: bool = False) -> None:
        """Follow `topic_id`'s trail: from its `first` passage, or from the next one after here."""
        self.active_topic = topic_id
        passages = self._trail(topic_id)
        if not passages:
            self.notify(f"No passage in this corpus is on “{self._topic_label(topic_id)}”", markup=False)
            return
        here = None if first else self._here()
        target = (passages.step(here.article_id, here.passage - 1, 1) if here else None) or passages[0]
        await self.go(Location(target.article_id, target.index))
        self.active_topic = topic_id
        self._refresh_links()

    def _follow_passage_topics(self, passage_topics: tuple[str, ...]) -> None:
        """]/[ follow the topic followed so far if this passage is on it, else its first topic."""
        if passage_topics and self.active_topic not in passage_topics:
            self.active_topic = passage_topics[0]

    def _refresh_links(self, wait: bool = False) -> None:
        """The panel's list for the passage cursor: its same-topic passages, or the
        selected entity's mentions. `wait`: find the same-topic passages now, even in a
        large corpus (else they are looked up in a worker and shown when found)."""
        view, panel = self.view, self.panel
        doc = view.doc
        if doc is None:
            return
        if self.selected_entity:
            self._show_entity_links()
            return
        topics = self.library.topic_map.by_id
        passage_topics = doc.topic_ids(view.cursor)
        self._follow_passage_topics(passage_topics)
        related = self._related_for(doc, view.cursor, passage_topics, wait) if passage_topics else []
        title = Text()
        title.append(f"Same topic as {pilcrow(view.cursor)} · t", style="bold")
        if passage_topics:
            title.append("\n" + ", ".join(topics[t].label for t in passage_topics if t in topics), style="italic")
        else:
            title.append("\nthis passage has no topic", style="dim")
        if self.active_topic:
            title.append(f"\n]/[ trail: {self._topic_label(self.active_topic)}", style="dim")
            position = self._trail_position()
            if position:
                title.append(f" {position}/{len(self._trails[self.active_topic])}", style="dim")
            if len(passage_topics) > 1:
                title.append(" · }: switch", style="dim")
        if related is None:
            options = [Option(Text("finding the passages on the same topic…", style="dim italic"), disabled=True)]
        else:
            options = related_options(related, topics, self.active_topic, width=self._links_width(),
                                      display=self.library.config.display, source_of=self._source_of)
        options += follow_topic_options(passage_topics, topics)
        panel.show_links(title, options)

    def _related_for(self, doc, index: int, topics: tuple[str, ...], wait: bool) -> list[Related] | None:
        """Passage `index` of `doc`'s same-topic passages: kept from before, else found now
        (`wait`, or a small corpus), else None, and looked up in a worker (`_find_related`)
        whose answer is shown if the cursor is still on a passage of these topics."""
        key = (doc.id, topics)
        if key in self._related:
            self._related.move_to_end(key)
            return self._related[key]
        if wait or len(self.library.rows()) <= RELATED_IN_PLACE:
            return self._keep_related(key, self.library.related(doc, index))
        if key == self._related_pending:  # asked already (the panel relaid, say): its answer is coming
            return None
        self._related_pending = key
        self.library.duplicates()  # read here, once: the worker only queries
        held = self._related_index
        if self._related_lock.locked() and held is not None:
            held[1].interrupt()  # the query in hand is for a passage the cursor has left
        self.run_worker(partial(self._find_related, doc, index, key), thread=True, exclusive=True, group="links")
        return None

    def _keep_related(self, key: tuple[str, tuple[str, ...]], related: list[Related]) -> list[Related]:
        self._related[key] = related
        if len(self._related) > RELATED_KEPT:
            self._related.popitem(last=False)
        return related

    def _find_related(self, doc, index: int, key: tuple[str, tuple[str, ...]]) -> None:
        """Worker thread: the same-topic passages of `doc`'s passage `index`, on a connection
        of the workers' own; dropped when a newer passage has asked meanwhile."""
        worker = get_current_worker()
        library = self.library
        with self._related_lock:
            if worker.is_cancelled:
                return
            if self._related_index is None or self._related_index[0] is not library:
                if self._related_index is not None:
                    self._related_index[1].close()
                self._related_index = (library, library.connect())
            try:
                related = library.related(doc, index, index_db=self._related_index[1])
            except sqlite3.OperationalError:  # interrupted (the cursor has moved on), or the index is busy
                related = None
        if not worker.is_cancelled and self.is_running:
            self.call_from_thread(self._related_found, library, key, related)

    def _related_found(self, library: Library, key: tuple[str, tuple[str, ...]], related: list[Related] | None) -> None:
        if self._related_pending == key:
            self._related_pending = None
        if library is not self.library or related is None:
            return
        self._keep_related(key, related)
        doc = self.view.doc
        if doc is not None and not self.selected_entity and (doc.id, doc.topic_ids(self.view.cursor)) == key:
            self._refresh_links()

    def _source_of(self, article_id: str) -> str | None:
        entry = self.library.entry(article_id)
        return entry.source if entry else None

    @on(OptionList.OptionSelected, "#links")
    async def link_chosen(self, event: OptionList.OptionSelected) -> None:
        kind, _, rest = (event.option.id or "").partition(":")
        if kind == "jump":
            article_id, index = rest.rsplit(SEP, 1)
            await self.go(Location(article_id, int(index)))
            self.focus_now(self.view)
        elif kind == "topic":
            await self.follow_topic(rest)
            self.focus_now(self.view)

    def action_same_topic(self) -> None:
        doc = self.view.doc
        if doc is None:
            return
        self._clear_entity()
        self._refresh_links(wait=True)
        links = self.query_one(LinkList)
        if not doc.topic_ids(self.view.cursor):
            self.notify(f"{pilcrow(self.view.cursor)} has no topic, so no same-topic passages: "
                        "move to a passage with topics (the panel names them), or pick a topic with Ctrl+P",
                        markup=False, timeout=4)
            return
        self._show_panel()
        if links.highlighted is None:  # nothing to choose: the focus stays in the article
            self.notify(f"No other article has a passage on the topics of {pilcrow(self.view.cursor)}",
                        markup=False, timeout=4)
            return
        self.focus_now(links)

    # --- entities -------------------------------------------------------------------

    def corpus_entities(self) -> list[tuple[str, str]]:
        return self.library.corpus_entities()

    @staticmethod
    def _mentions_of(doc, name: str) -> list[int]:
        return [i for i, mentions in enumerate(doc.mentions) if any(m.canonical == name for m in mentions)]

    @on(OptionList.OptionSelected, "#entities")
    async def entity_chosen(self, event: OptionList.OptionSelected) -> None:
        name = (event.option.id or "").removeprefix("entity:").partition(":")[2]  # after the type
        if name == self.selected_entity:
            self._clear_entity()
            self._refresh_links()
        else:
            await self.select_entity(name)

    async def select_entity(self, name: str) -> None:
        """Emphasise an entity's mentions here, list them, and the other articles that mention it."""
        doc = self.view.doc
        if doc is None or not self._mentions_of(doc, name):
            elsewhere = self.library.entity_articles(name)
            if not elsewhere:
                self.notify(f"No article mentions {name}", markup=False)
                return
            article_id, _, first = elsewhere[0]
            await self.go(Location(article_id, first))
        self.selected_entity = name
        self.match_mode = "entity"
        self.view.selected_entity = name
        self.view.refresh_passages()
        self._show_panel()
        self._show_entity_links()

    def _clear_entity(self) -> None:
        if self.selected_entity:
            self.selected_entity = None
            self.view.selected_entity = None
            self.view.refresh_passages()
            self.match_mode = "find"

    def _show_entity_links(self) -> None:
        doc, name = self.view.doc, self.selected_entity
        here = self._mentions_of(doc, name)
        title = Text()
        title.append(f"{name}", style="bold")
        count = sum(1 for ms in doc.mentions for m in ms if m.canonical == name)
        title.append(f"\n{plural(count, 'mention')} here"
                     " · n/N · Enter again on it to clear", style="dim")
        options = [Option(Text("In this article", style="bold"), disabled=True)]
        for index in here:
            prompt = passage_snippet(index, snippet(doc.clean.paragraphs[index].text, 70), self._links_width(),
                                     self.library.config.display)
            options.append(Option(prompt, id=f"jump:{doc.id}{SEP}{index}"))
        others = [(aid, count, first) for aid, count, first in self.library.entity_articles(name) if aid != doc.id]
        options.append(Option(Text(f"Other articles ({len(others)})", style="bold"), disabled=True))
        for aid, count, first in others[:200]:  # entries read for the 200 listed, not for all 100,000
            entry = self.library.entry(aid)
            if entry is not None:  # a Persian title in visual order, as the sidebar and same-topic list show it
                prompt = dated_title(entry.date, entry.title, self._links_width(), self.library.config.display)
                prompt.append(f"  ×{plural(count, 'mention')}", style="dim")
                options.append(Option(prompt, id=f"jump:{entry.id}{SEP}{first}"))
        self.panel.show_links(title, options)

    def action_entities(self) -> None:
        entity_list = self.query_one(EntityList)
        if entity_list.has_focus:
            self.focus_now(self.view)
            return
        self._show_panel()
        self.focus_now(entity_list)

    # --- find and search ------------------------------------------------------------

    def typed_elsewhere(self) -> None:
        """For a priority key that opens a box (keys.py: run as it arrives, so the box has
        the focus before the next key of the burst is handed to any widget; Textual hands
        each key to the focus of the moment it arrives): raise SkipAction, so the key goes
        to the focused widget as usual, when a box has the focus (it types the key), a
        dialog is up (its own keys) or any screen but the reader's (whose boxes these are)."""
        if isinstance(self.focused, Input) or isinstance(self.screen, ModalScreen) or \
                self.screen is not self.screen_stack[0]:
            raise SkipAction()

    def action_find(self) -> None:
        self.typed_elsewhere()
        sidebar = self.query_one(Sidebar)
        if sidebar.has_focus_within:
            sidebar.open_filter()
            self.run_worker(partial(self._prepare_filter, self.library.rows()), thread=True, group="filter-fields")
            return
        box = self.query_one(FindInput)
        box.display = True
        self.focus_now(box)

    @on(Input.Changed, "#find")
    def find_changed(self, event: Input.Changed) -> None:
        try:
            view = self.view
        except NoMatches:  # typed in the burst that quit: the screen is going (a traceback on exit)
            return
        self._clear_entity()
        self.match_mode = "find"
        view.find_query = event.value
        view.current_match = None
        self._find_hits = find_hits(view.doc, event.value) if view.doc else []
        view.refresh_passages()
        self._update_subtitle()

    @on(Input.Submitted, "#find")
    def find_submitted(self, event: Input.Submitted) -> None:
        box = self.query_one(FindInput)
        box.display = False
        self.focus_now(self.view)
        if event.value:
            self._next_match(1, include_current=True)

    @on(FilterInput.Cancelled, "#find")
    def find_cancelled(self) -> None:
        box = self.query_one(FindInput)
        box.value = ""
        box.display = False
        self.view.find_query = ""
        self.view.current_match = None
        self._find_hits = []
        self.view.refresh_passages()
        self._update_subtitle()
        self.focus_now(self.view)

    @on(Sidebar.FilterChanged)
    def filter_changed(self, event: Sidebar.FilterChanged) -> None:
        self._show_entries(reload=False)

    def action_next_match(self) -> None:
        self._next_match(1)

    def action_previous_match(self) -> None:
        self._next_match(-1)

    def _next_match(self, step: int, include_current: bool = False) -> None:
        view, doc = self.view, self.view.doc
        if doc is None or self.raw_mode:
            return
        if self.match_mode == "entity" and self.selected_entity:
            hits, what = self._mentions_of(doc, self.selected_entity), self.selected_entity
        elif view.find_query:
            self._next_find_match(step, include_current)
            return
        else:
            self.notify("Nothing to match: press / to find, or select an entity (e)", timeout=3)
            return
        if not hits:
            self.notify(f"No match for {what} in this article", markup=False, timeout=3)
            return
        here = view.cursor
        if step > 0:
            target = next((i for i in hits if i > here or (include_current and i == here)), None)
        else:
            target = next((i for i in reversed(hits) if i < here), None)
        if target is None:
            target = hits[0] if step > 0 else hits[-1]
            self.notify(f"Wrapped around: {len(hits)} passages match {what}", markup=False, timeout=2)
        view.set_cursor(target, center=True)

    def _next_find_match(self, step: int, include_current: bool) -> None:
        """Move match by match (several in one passage too), and say which: "3/6"."""
        view, hits = self.view, self._find_hits
        if not hits:
            self.notify(f"No match for “{view.find_query}” in this article", markup=False, timeout=3)
            return
        current = view.current_match if view.current_match in hits and view.current_match[0] == view.cursor else None
        if current is not None:
            target = hits.index(current) + step
        elif step > 0:
            target = next((n for n, hit in enumerate(hits) if hit[0] > view.cursor or (include_current and hit[0] == view.cursor)),
                          len(hits))
        else:
            target = next((n for n in range(len(hits) - 1, -1, -1) if hits[n][0] < view.cursor), -1)
        if not 0 <= target < len(hits):
            target %= len(hits)
            matches = "1 match" if len(hits) == 1 else f"{len(hits)} matches"
            self.notify(f"Wrapped around: {matches} for “{view.find_query}”", markup=False, timeout=2)
        view.current_match = hits[target]
        view.set_cursor(hits[target][0], center=True)
        view.refresh_passages()
        self._update_subtitle()

    async def action_search_corpus(self) -> None:
        def done(location: Location | None) -> None:
            if location is not None:
                self.call_later(self._go_and_focus, location)

        from .screens.search import SearchScreen  # the screens: imported when first used, not before the first frame

        await self.push_screen(SearchScreen(self.library), done)

    async def _go_and_focus(self, location: Location) -> None:
        await self.go(location)
        self.focus_now(self.view)

    # --- view toggles, bookmarks, clipboard, help ------------------------------------

    def _show_panel(self) -> None:
        self.panel.remove_class("-hidden")

    def _toggle_pane(self, name: str, pane) -> None:
        """Hide or show a pane; the choice is remembered for the next start."""
        pane.toggle_class("-hidden")
        hidden = pane.has_class("-hidden")
        if hidden and pane.has_focus_within:
            self.focus_now(self.view)
        self._auto_panes.discard(name)
        self.store.apply(set_layout(name, not hidden))

    def action_toggle_panel(self) -> None:
        self._toggle_pane("panel", self.panel)

    def action_toggle_sidebar(self) -> None:
        self._toggle_pane("sidebar", self.query_one(Sidebar))

    def action_sidebar_width(self, delta: int) -> None:
        sidebar = self.query_one(Sidebar)
        if sidebar.has_class("-hidden"):
            self._toggle_pane("sidebar", sidebar)
        now = sidebar.styles.width.value if sidebar.styles.width else self.library.config.layout.sidebar_width
        width = int(max(SIDEBAR_MIN, min(now + delta, self.size.width // 2)))  # as its max-width in reader.tcss
        sidebar.styles.width = width
        self.store.apply(set_layout("sidebar_width", width))
        self.toast("sidebar", f"Sidebar: {width} columns (< and > change it)", timeout=2)

    def action_focus_article(self) -> None:
        """Esc from any pane: back to the article (the clean view, from the raw one). A
        find that matched nothing closes with it: its "0 matches" stayed in the header."""
        if self.raw_mode:
            self.action_toggle_raw()
        if self.view.find_query and not self._find_hits:
            self.find_cancelled()
        self.focus_now(self.view)

    def action_toggle_raw(self) -> None:
        """Show the file as it is (every line, dropped ones marked), or the clean view."""
        doc = self.view.doc
        if doc is None:
            return
        raw = self.raw
        if not raw.display:
            raw.show(doc, self.library.raw_text(doc))
        raw.display, self.view.display = not raw.display, raw.display
        self.focus_now(raw if raw.display else self.view)
        self.notify("Raw file: every line as it is" if raw.display else "Clean view", timeout=2)

    def _no_passage(self, verb: str) -> bool:
        """Whether there is no passage to `verb` ("bookmark", "copy"), having said why:
        the keys work from any pane, and a key that does nothing must say so."""
        doc = self.view.doc
        if doc is None:
            self.notify(f"Nothing to {verb}: no article is open yet" + (f" ({self._indexing})" if self._indexing else ""),
                        timeout=3, markup=False)
        elif self.raw_mode:
            self.notify(f"The raw view has no passages to {verb}: r goes back to the clean view", timeout=3)
        elif not doc.clean.paragraphs:
            self.notify(f"This article has no passage to {verb}", timeout=3)
        else:
            return False
        return True

    def action_bookmark(self) -> None:
        doc, view = self.view.doc, self.view
        if self._no_passage("bookmark"):
            return
        mark = Bookmark(doc.id, view.cursor, doc.meta.title, snippet(doc.clean.paragraphs[view.cursor].text, 90),
                        datetime.now().isoformat(timespec="seconds"))
        state = self.store.apply(toggle_bookmark(mark))
        added = state.is_bookmarked(Location(doc.id, view.cursor))
        where = pilcrow(view.cursor)
        self.notify(f"Bookmarked {where} (M lists bookmarks)" if added else f"Bookmark on {where} removed", timeout=3)

    async def action_bookmarks(self) -> None:
        from .screens.bookmarks import BookmarksScreen

        screen = BookmarksScreen(self.store.state.bookmarks, self.library.config.display)

        def done(location: Location | None) -> None:
            for mark in screen.deleted:
                self.store.apply(toggle_bookmark(mark))
            if location is not None:
                self.call_later(self._go_and_focus, location)

        await self.push_screen(screen, done)

    async def action_add_name(self) -> None:
        """Offer the passage's unhighlighted names (and the model's); add the chosen one
        to the user's gazetteer, then re-annotate the corpus in a worker."""
        doc = self.view.doc
        if doc is None or self.raw_mode or not doc.clean.paragraphs:
            return
        index = self.view.cursor
        text = doc.clean.paragraphs[index].text
        mentions = doc.mentions[index] if doc.mentions else ()
        gazetteer = self.library.gazetteer
        names = candidates([(doc.id, [text], [mentions])], gazetteer)
        types = [t for t in gazetteer.labels if t not in PATTERN_TYPES]

        def done(choice: tuple[str, str] | None) -> None:
            if choice is None:
                return
            name, kind = choice
            try:
                path = add_to_user_gazetteer(gazetteer, name, kind)
            except (NameRejected, ConfigError, OSError) as error:
                self.notify(str(error), severity="error", markup=False, timeout=8)
                return
            self.notify(f"Added {name} ({kind}) to {path}; re-annotating the articles…", markup=False, timeout=6)
            self.run_worker(self._reannotate, thread=True, exclusive=True, group="index")

        from .screens.candidates import CandidatesScreen

        await self.push_screen(CandidatesScreen(names, types), done)

    def _reannotate(self) -> None:
        """Worker: a library with the new gazetteer indexes the corpus afresh, with progress."""
        library = self.library.reopened()
        self._run_indexing(library, partial(library.refresh, batch=200), self._show_progress,
                           partial(self._reannotated, library), list_order=True)

    def _reannotated(self, library: Library) -> None:
        """Indexing with new annotations is done: use `library` and redraw the article on screen."""
        here = self._here()
        self.library = library
        self._indexing_done()
        doc = library.get(here.article_id) if here else None
        if doc is not None:  # the article on screen, with the new name highlighted
            self._reshow(doc, here.passage)

    def _reshow(self, doc, passage: int) -> None:
        """Draw `doc` (the article on screen, analysed again) at `passage`."""
        self.view.show(doc, passage)
        self._show_entities(doc)

    def action_copy_passage(self) -> None:
        doc, view = self.view.doc, self.view
        if self._no_passage("copy"):
            return
        meta = doc.meta
        where = pilcrow(view.cursor)
        citation = ", ".join((*meta.cited, where, f"[{doc.id}]"))  # as the brief's: what is missing is said
        self.copy_to_clipboard(f"{doc.clean.paragraphs[view.cursor].text}\n— {citation}")
        self.notify(f"Copied {where} with its citation (OSC 52: works over ssh)", timeout=3)

    def action_help(self) -> None:
        from .screens.help import HelpScreen

        self.push_screen(HelpScreen(dict(self.library.config.keymap)))

    # --- the analyst's views: timeline (T) and brief (B), SPEC §12 --------------------

    def _timeline_subject(self) -> Subject | None:
        """What T charts: the passage's topic, else the selected entity."""
        if self.active_topic:
            topic = self.library.topic_map.get(self.active_topic)
            return Subject("topic", self.active_topic, topic.label if topic else self.active_topic)
        if self.selected_entity:
            return Subject("entity", self.selected_entity, self.selected_entity)
        return None

    def action_timeline(self) -> None:
        """The timeline of the passage's topic (or of the selected entity)."""
        subject = self._timeline_subject()
        if subject is None:
            self.notify("This passage has no topic: move to one with topics, or pick a timeline with Ctrl+P",
                        timeout=4)
            return
        self.show_timeline(subject)

    def show_timeline(self, subject: Subject) -> None:
        def done(location: Location | None) -> None:
            if location is not None:
                self.call_later(self._go_and_focus, location)

        screen = self._timeline_screen()
        screen.partial = bool(self._indexing)
        screen.show([subject])
        if screen not in self.screen_stack:  # T (or the palette) on the timeline: charted in place
            self.push_screen(screen, done)

    def _timeline_screen(self) -> TimelineScreen:
        """The one timeline screen, installed (kept when closed) for this library."""
        screen = self._timeline
        if screen is None or screen.library is not self.library:
            from .screens.timeline import TimelineScreen  # plotext: imported after the first frame (prepare_timeline)

            if screen is not None:
                self.uninstall_screen(screen)
            screen = self._timeline = TimelineScreen(self.library)
            self.install_screen(screen, name="timeline")
        return screen

    async def prepare_timeline(self) -> None:
        """Compose the timeline screen ahead, off screen (after the first paint), so that
        the first T only lays it out and draws: composing it on T took ~60% of T's time.
        `_get_screen` is how Textual's own push_screen starts an installed screen. Then
        count the passage's topic per month in a worker and draw its chart off screen
        (`_warm_timeline`): the first T at 10,000 articles took 112-153 ms, its query,
        the chart's build and Textual's first render of the screen (issue 18). The
        worker reads the topic's trail for ] and [ too. Run again whenever the topic
        followed changes (`active_topic`), once the reader stays on it PREPARE_AFTER."""
        screen = self._timeline_screen()
        if not screen.is_running:
            await self._get_screen(screen)[1]
        subjects = [subject] if (subject := self._timeline_subject()) else []  # none: the screen's render only
        if screen.library is self.library:
            self.library.duplicates()  # read here: the worker only counts
            rows = self.library.rows()
            trail = self.active_topic if self.active_topic not in self._trails else None
            self.run_worker(partial(self._count_timeline, screen, subjects, trail, rows), thread=True, exclusive=True,
                            group="timeline")

    def _count_timeline(self, screen: TimelineScreen, subjects: list[Subject], topic: str | None, rows: Rows) -> None:
        """Worker thread, on a connection of its own: the month counts of `subjects` (kept
        by the library), and the trail of `topic` if given: the first ] on a topic read its
        every passage (at 100,000 articles some 200,000) and waited for them."""
        library = screen.library
        index = library.connect()
        try:
            library.timeline(subjects, index=index)
            trail = library.trail_steps(topic, index_db=index) if topic else None
        finally:
            index.close()
        if not get_current_worker().is_cancelled and self.is_running:
            self.call_from_thread(self._warm_timeline, screen, subjects)
            if trail is not None:
                self.call_from_thread(self._trail_ready, library, rows, topic, trail)

    def _trail_ready(self, library: Library, rows: Rows, topic: str, trail: Trail) -> None:
        if library is self.library and rows is library.rows():  # not read again since
            self._trails.setdefault(topic, trail)

    def _warm_timeline(self, screen: TimelineScreen, subjects: list[Subject]) -> None:
        if screen is self._timeline and screen not in self.screen_stack and screen.is_mounted:
            screen.warm(subjects, self.size)

    @property
    def active_topic(self) -> str | None:
        """The topic ] and [ follow and T charts."""
        return self._active_topic

    @active_topic.setter
    def active_topic(self, topic: str | None) -> None:
        changed = topic != getattr(self, "_active_topic", None)
        self._active_topic = topic
        if changed and getattr(self, "_timeline", None) is not None:  # prepared: chart the new topic ahead too
            if self._warm_timer is not None:
                self._warm_timer.stop()
            self._warm_timer = self.set_timer(PREPARE_AFTER, self.prepare_timeline)

    def action_brief(self) -> None:
        """Preview a brief of the bookmarks (or of the passage's topic) before saving it."""
        sources = {"bookmarks": self._bookmarks_brief}
        if self.active_topic:
            sources["topic"] = self._topic_brief(self.active_topic)

        def done(path) -> None:
            if path is not None:
                self.notify(f"Brief saved to {path}", markup=False, timeout=5)

        from .screens.brief import BriefScreen  # Markdown: imported when first used, not before the first frame

        self.push_screen(BriefScreen(sources, "bookmarks" if self.store.state.bookmarks or not self.active_topic
                                     else "topic", self.library.config.display), done)

    def _brief(self, title: str, wanted, duplicates: int = 0) -> tuple[str, str, str] | str:
        from ..export import brief_markdown, default_name, gather

        quotes, _ = gather(wanted, self.library.get)
        quotes, repeated = self.library.distinct(quotes, lambda q: (q.doc.id, q.index))
        if not quotes:
            return "nothing to quote"
        today = datetime.now().date().isoformat()
        return title, brief_markdown(title, quotes, made=today, duplicates=duplicates + repeated), default_name(title, today)

    def _bookmarks_brief(self) -> tuple[str, str, str] | str:
        marks = self.store.state.bookmarks
        if not marks:
            return "no bookmarks yet: press m on a passage" + (", or t for the topic's brief" if self.active_topic else "")
        return self._brief("Brief: bookmarks", [(b.article_id, b.passage) for b in marks])

    def _topic_brief(self, topic_id: str):
        label = self._topic_label(topic_id)
        left_out = self.library.subject_duplicates(Subject("topic", topic_id, label))  # the trail has none
        trail = self.library.trail(topic_id, snippets=False)  # every passage's article id, not a Trail's ints
        return lambda: self._brief(f"Brief: {label}", [(p.article_id, p.index) for p in trail], left_out)
