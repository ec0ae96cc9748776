"""Keys that once loaded every article, timed at scale: key to frame and peak memory.

    python benchmarks/scale_keys.py --corpus DIR [--config FILE] [--only KIND] [--runs N]

KIND is one of trail, palette, filter, search, timeline, cold, show (default: each, one process
apiece so that each has its own peak memory). The reader is opened with Pilot at
120×40 on DIR (warm: index it first, e.g. `iranru-reader list DIR --config FILE`;
`cold` uses a fresh cache folder) and, as benchmarks/timeline_draw.py does, a
key is timed from its press to the first frame the app hands its driver that
shows its effect (Pilot's wait for idle not counted):

- trail: `]` from the first article's first passage on "strategic_partnership",
  the first press (its trail is read then) and the next ones;
- palette: Ctrl+P to the palette's first frame, then "tehran" typed, from the
  last letter to the first frame listing a hit; and the longest event-loop gap
  while the palette is up (a stall the keys would feel);
- filter: Tab to the article list, `/` and "tehran" typed at once (a fast
  typist: the filter's fields are still being read), from the last letter to
  the first frame listing only the matching articles; then " ti" typed on; and
  the longest event-loop gap while typing;
- search: `s` (search all) and "sanctions oil" typed, from the last letter to
  the first frame listing its hits, and the longest event-loop gap meanwhile;
- timeline: T to the chart, then Enter to the month's passages listed;
- cold: from the app's start to its first frame, on an empty cache (the files
  are not indexed: the run stops there);
- show: `Library.resolve` of a title prefix that names one article, of one that
  names many (the `show` command's look-up), in the process.

Each prints one JSON line: milliseconds and the process's peak RSS (MB) before
and after the keys. READER_ROOT=DIR measures another copy of the reader (e.g.
an export of main) with this script. Nothing here is a test: it prints numbers.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(os.environ.get("READER_ROOT", Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(ROOT))
KINDS = ("trail", "palette", "filter", "search", "timeline", "cold", "show")
TOPIC = "strategic_partnership"
TICK = 0.005  # seconds between the event loop's samples


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class Frames:
    """The frames the app hands its driver, each with the time and a probe's value then."""

    def __init__(self, app) -> None:
        self.app, self.probe = app, (lambda: True)
        self.shown: list[tuple[float, object]] = []
        display = app._display

        def recording(screen, renderable) -> None:
            display(screen, renderable)
            if renderable is not None:
                self.shown.append((time.perf_counter(), self.probe()))

        app._display = recording

    async def key(self, pilot, keys: tuple[str, ...], probe, limit: float = 120.0) -> float:
        """ms from pressing `keys` to the first frame after which `probe()` is true."""
        self.shown.clear()
        self.probe = probe
        start = time.perf_counter()
        await pilot.press(*keys)
        waited = 0.0
        while not any(value for _, value in self.shown) and waited < limit:
            await pilot.pause(0.02)
            waited += 0.02
        shown = next((t for t, value in self.shown if value), None)
        self.probe = lambda: True
        return float("nan") if shown is None else (shown - start) * 1000


async def loop_gaps(until) -> float:
    """The longest lateness (ms) of a TICK sleep until `until()`."""
    worst = 0.0
    while not until():
        before = time.perf_counter()
        await asyncio.sleep(TICK)
        worst = max(worst, (time.perf_counter() - before - TICK) * 1000)
    return worst


def open_app(library, size=(120, 40)):
    from reader.state import StateStore
    from reader.tui.app import ReaderApp

    return ReaderApp(library, StateStore(Path(tempfile.mkdtemp()) / "state.json"))


async def settle(app, pilot) -> None:
    """Until the first article is on screen and the check of the files is done."""
    while app.view.doc is None or any(w.is_running and w.group == "index" for w in app.workers):
        await pilot.pause(0.1)
    await pilot.pause(0.3)


def in_reader(library, body) -> dict:
    """Open the reader on `library` with Pilot, wait until it settles, note the peak
    memory so far, and run `await body(app, pilot, frames, out)`; return `out`."""
    app = open_app(library)
    frames = Frames(app)
    out: dict = {}

    async def session() -> None:
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(app, pilot)
            out["rss_before_mb"] = peak_mb()
            await body(app, pilot, frames, out)

    asyncio.run(session())
    return out


def run_trail(library, runs: int) -> dict:
    from reader.history import Location

    async def body(app, pilot, frames, out) -> None:
        await app.go(Location(library.rows()[0].id, 0))
        await pilot.pause()
        app.active_topic = TOPIC
        samples = []
        for _ in range(runs + 1):
            before = app._here()
            samples.append(await frames.key(pilot, ("right_square_bracket",), lambda before=before: app._here() != before))
            await pilot.pause()
        out["first_ms"], out["again_ms"] = samples[0], statistics.median(samples[1:])
        out["trail_passages"] = len(app._trails.get(TOPIC, ()))

    return in_reader(library, body)


def run_palette(library, runs: int) -> dict:
    from textual.command import CommandPalette

    async def body(app, pilot, frames, out) -> None:
        opened, typed, gaps = [], [], []
        for _ in range(runs):
            opened.append(await frames.key(pilot, ("ctrl+p",), lambda: isinstance(app.screen, CommandPalette)))
            await pilot.press(*"tehra")
            done = asyncio.Event()
            gap = asyncio.create_task(loop_gaps(done.is_set))

            def listed() -> bool:
                found = app.screen.query("CommandList")
                return bool(found) and found.first().option_count > 0 and app.screen.query_one("Input").value == "tehran"

            typed.append(await frames.key(pilot, ("n",), listed))
            await pilot.pause(0.5)  # the search finishes (its later batches)
            done.set()
            gaps.append(await gap)
            await pilot.press("escape")
            await pilot.pause(0.2)
        out["open_ms"], out["typed_to_hits_ms"] = statistics.median(opened), statistics.median(typed)
        out["longest_loop_gap_ms"] = max(gaps)

    return in_reader(library, body)


async def typed_to_frame(pilot, frames, keys: str, probe) -> tuple[float, float]:
    """ms from the last of `keys` (typed one by one, as fast as Pilot sends them) to the
    first frame after which `probe()` holds, and the longest event-loop gap from the
    first key until then."""
    done = asyncio.Event()
    gap = asyncio.create_task(loop_gaps(done.is_set))
    await pilot.press(*keys[:-1])
    shown = await frames.key(pilot, (keys[-1],), probe)
    done.set()
    return shown, await gap


def run_filter(library, runs: int) -> dict:
    from reader.tui.widgets.sidebar import ArticleList

    async def body(app, pilot, frames, out) -> None:
        articles = app.query_one(ArticleList)
        first, again, gaps = [], [], []
        for _ in range(runs):
            app.library.reload_rows()  # a fresh list: its filter fields unread, as after a start
            app._show_entries()
            await pilot.pause(0.2)
            app.focus_now(articles)
            await pilot.press("slash")
            shown, gap = await typed_to_frame(pilot, frames, "tehran", lambda: (
                app.shown_entries is not None and app.shown_entries.words == ("tehran",)))
            first.append(shown)
            gaps.append(gap)
            shown, gap = await typed_to_frame(pilot, frames, " ti", lambda: (
                app.shown_entries is not None and app.shown_entries.words == ("tehran", "ti")))
            again.append(shown)
            gaps.append(gap)
            out["listed"] = len(app.shown_entries)
            await pilot.press("escape")
            await pilot.pause(0.3)
        out["typed_to_list_ms"], out["typed_on_ms"] = statistics.median(first), statistics.median(again)
        out["longest_loop_gap_ms"] = max(gaps)

    return in_reader(library, body)


def run_search(library, runs: int) -> dict:
    from reader.tui.screens.search import SearchScreen

    async def body(app, pilot, frames, out) -> None:
        typed, gaps = [], []
        for _ in range(runs):
            await pilot.press("s")
            await pilot.pause(0.2)

            def listed() -> bool:
                screen = app.screen
                return isinstance(screen, SearchScreen) and screen._shown_for == "sanctions oil"

            shown, gap = await typed_to_frame(pilot, frames, "sanctions oil", listed)
            typed.append(shown)
            gaps.append(gap)
            await pilot.press("escape")
            await pilot.pause(0.3)
        out["typed_to_hits_ms"], out["longest_loop_gap_ms"] = statistics.median(typed), max(gaps)

    return in_reader(library, body)


def run_timeline(library, runs: int) -> dict:
    from reader.tui.screens.timeline import MonthList, TimelineChart, TimelineScreen

    async def body(app, pilot, frames, out) -> None:
        app.active_topic = TOPIC
        charted, listed = [], []
        for _ in range(runs):
            charted.append(await frames.key(pilot, ("T",), lambda: isinstance(app.screen, TimelineScreen)
                                            and app.screen.query_one(TimelineChart)._built is not None))
            listed.append(await frames.key(pilot, ("enter",), lambda: isinstance(app.screen, TimelineScreen)
                                           and app.screen.query_one(MonthList).option_count > 0))
            await pilot.press("escape", "escape")
            await pilot.pause(0.2)
        out["T_first_ms"], out["T_again_ms"] = charted[0], statistics.median(charted[1:] or charted)
        out["month_first_ms"], out["month_again_ms"] = listed[0], statistics.median(listed[1:] or listed)

    return in_reader(library, body)


def run_cold(library, runs: int) -> dict:
    app = open_app(library)
    out: dict = {"rss_before_mb": peak_mb()}
    shown: list[float] = []
    display = app._display

    def recording(screen, renderable) -> None:
        display(screen, renderable)
        if renderable is not None and not shown:
            shown.append(time.perf_counter())

    app._display = recording
    start = time.perf_counter()

    async def session() -> None:
        async with app.run_test(size=(120, 40)) as pilot:
            while not shown:
                await pilot.pause(0.01)
            out["first_frame_ms"] = (shown[0] - start) * 1000
            app.workers.cancel_all()

    asyncio.run(session())
    return out


def run_show(library, runs: int) -> dict:
    from reader.library import AmbiguousArticle

    out: dict = {"rss_before_mb": peak_mb()}
    title = library.rows()[len(library.rows()) // 2].title
    unique, many = title[:-1], title.split()[0]
    for name, reference in (("unique_prefix", unique), ("ambiguous_prefix", many)):
        samples = []
        for _ in range(runs):
            start = time.perf_counter()
            try:
                library.resolve(reference)
                found = 1
            except AmbiguousArticle as error:
                found = len(error.matches)
            samples.append((time.perf_counter() - start) * 1000)
        out[f"{name}_ms"], out[f"{name}_matches"] = statistics.median(samples), found
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--config", type=Path)
    parser.add_argument("--only", choices=KINDS)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if args.only is None:
        for kind in KINDS:
            command = [sys.executable, __file__, "--corpus", str(args.corpus), "--only", kind, "--runs", str(args.runs)]
            subprocess.run(command + (["--config", str(args.config)] if args.config else []), check=False)
        return
    if args.only == "cold":
        os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="iranru-scale-cold-")
    from reader.config import load_config
    from reader.library import Library

    library = Library(load_config(args.config), [args.corpus])
    if args.only != "cold" and not library.indexed():
        sys.exit(f"{args.corpus} is not indexed in this cache: run `iranru-reader list` on it first")
    started = time.perf_counter()
    out = globals()[f"run_{args.only}"](library, args.runs)
    out.update(kind=args.only, reader=str(ROOT), peak_rss_mb=round(peak_mb(), 1),
               seconds=round(time.perf_counter() - started, 1))
    print(json.dumps({k: round(v, 1) if isinstance(v, float) else v for k, v in out.items()}), flush=True)


if __name__ == "__main__":
    main()
