"""How long `T` takes to draw a timeline, and where the time goes.

    python benchmarks/timeline_draw.py --corpus DIR [--config FILE] [--runs N] [--profile]

Opens the reader on DIR (index it first, e.g. `iranru-reader list DIR`) with
Pilot at 120×40, puts the passage cursor's topic on "strategic_partnership"
and times `T` from the key sent to the first frame that holds the chart (the
frame the app hands its driver; Pilot's own wait for idle is not counted),
the first time in the process and then again (Escape between); a second
after the topic is chosen (the reader charts it ahead), or `--at-once`. The floor,
in the same run: `?` to the first frame of the help screen. Also the index
query alone (`Library.timeline`). `--profile` prints cProfile's top functions
of the second press. Nothing here is a test: it prints numbers (issue 18:
under 100 ms).
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import pstats
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TOPIC = "strategic_partnership"


def query_ms(library, runs: int) -> float:
    subject = library.subject(TOPIC)
    samples = []
    for _ in range(runs):
        library._series = None  # the counts the library keeps per subject: counted afresh
        start = time.process_time()
        library.timeline([subject])
        samples.append((time.process_time() - start) * 1000)
    return statistics.median(samples)


def frame_ms(library, runs: int, profile: bool, size=(120, 40), at_once: bool = False) -> dict[str, list[tuple[float, float]]]:
    """Milliseconds from a key to the first frame of the screen it opens, wall clock
    and CPU time of the process (steadier on a shared machine): {"T": [(wall, cpu)…],
    "?": […]}, the first sample of each the first press. `at_once`: T pressed as soon
    as the topic is chosen (else a second later, as a reader who reads first)."""
    from reader.state import StateStore
    from reader.tui.app import ReaderApp
    from reader.tui.screens.help import HelpScreen
    from reader.tui.screens.timeline import TimelineChart, TimelineScreen

    app = ReaderApp(library, StateStore(Path(tempfile.mkdtemp()) / "state.json"))
    frames: list[tuple[float, float, object]] = []
    display = app._display

    def recording(screen, renderable) -> None:
        display(screen, renderable)
        if renderable is not None:
            drawn = not isinstance(screen, TimelineScreen) or screen.query_one(TimelineChart)._built is not None
            frames.append((time.perf_counter(), time.process_time(), screen if drawn else None))

    app._display = recording
    samples: dict[str, list[tuple[float, float]]] = {"T": [], "?": []}

    async def session() -> None:
        async with app.run_test(size=size) as pilot:
            await pilot.pause(1.0)  # a reader reads before pressing T
            prepared = getattr(app, "_timeline", None)
            print(f"timeline screen composed ahead before the first T: {bool(prepared and prepared.is_running)}")
            app.active_topic = TOPIC
            if not at_once:
                await pilot.pause(1.0)  # and reads on: the reader charts the topic ahead
            for run in range(runs + 1):
                for key, kind in (("T", TimelineScreen), ("question_mark", HelpScreen)):
                    profiler = cProfile.Profile() if profile and run == 1 and key == "T" else None
                    frames.clear()
                    start, cpu = time.perf_counter(), time.process_time()
                    if profiler:
                        profiler.enable()
                    await pilot.press(key)
                    await pilot.pause()
                    if profiler:
                        profiler.disable()
                        pstats.Stats(profiler).sort_stats("cumulative").print_stats(40)
                    shown, used = next((t, c) for t, c, screen in frames if isinstance(screen, kind))
                    samples["T" if key == "T" else "?"].append(((shown - start) * 1000, (used - cpu) * 1000))
                    await pilot.press("escape")
                    await pilot.pause()

    asyncio.run(session())
    return samples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--config", type=Path)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--at-once", action="store_true", help="press T as soon as the topic is chosen")
    args = parser.parse_args()

    from reader.config import load_config
    from reader.library import Library

    library = Library(load_config(args.config), [args.corpus]).ensure_fresh()
    print(f"{len(library.entries)} articles")
    print(f"timeline query '{TOPIC}':      CPU  {query_ms(library, args.runs):7.1f} ms (median of {args.runs})")
    samples = frame_ms(library, args.runs, args.profile, at_once=args.at_once)
    for key, what in (("T", "T to the timeline's first frame"), ("?", "? to the help screen's (floor)")):
        for clock, name in ((0, "wall"), (1, "CPU ")):
            first, later = samples[key][0][clock], statistics.median(s[clock] for s in samples[key][1:])
            print(f"{what:<34} {name} first {first:7.1f} ms, again {later:7.1f} ms (median of {args.runs})")

if __name__ == "__main__":
    main()
