"""Longest event-loop gap in the reader while it indexes a corpus cold (issue 17: under 50 ms).

    python benchmarks/loop_gap.py CORPUS_DIR [--no-model]

Runs the reader headless (Textual's run_test, 120x40) on a fresh cache
folder and samples its event loop: a task sleeps 5 ms at a time and notes
how late each wake-up is. From the first frame until the indexing worker is
done it prints the longest gap, the 99th percentile and the indexing time,
in two phases: until the opening article is on screen (its first render
falls inside indexing: the first batch holds it), and after;
then, as the floor on a machine that others share, the same figures for the
idle reader over as many seconds (at most IDLE_S).
Nothing here is a test: it prints numbers.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
TICK = 0.005  # seconds between samples
IDLE_S = 30.0  # seconds: the longest idle floor


async def sample(until) -> list[float]:
    """Milliseconds late of each TICK-long sleep until `until()` is true, sorted."""
    gaps = []
    while not until():
        before = time.perf_counter()
        await asyncio.sleep(TICK)
        gaps.append((time.perf_counter() - before - TICK) * 1000)
    return sorted(gaps)


def summary(gaps: list[float]) -> dict:
    if not gaps:
        return {"samples": 0}
    return {"samples": len(gaps), "max_gap_ms": round(gaps[-1], 1), "p99_gap_ms": round(gaps[int(len(gaps) * 0.99)], 1),
            "median_gap_ms": round(statistics.median(gaps), 1)}


async def measure(corpus: Path, model: bool) -> dict:
    from reader.config import load_config
    from reader.library import Library
    from reader.state import StateStore
    from reader.tui.app import ReaderApp

    config = replace(load_config(), entity_model=model)
    app = ReaderApp(Library(config, [corpus]), StateStore(Path(tempfile.mkdtemp()) / "state.json"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        start = time.perf_counter()
        def indexed() -> bool:
            return not any(w.group == "index" and w.is_running for w in app.workers)

        opening = await sample(lambda: app.view.doc is not None or indexed())
        indexing = await sample(indexed)
        seconds = time.perf_counter() - start
        idle_until = time.perf_counter() + min(seconds, IDLE_S)
        idle = await sample(lambda: time.perf_counter() >= idle_until)
    return {"articles": len(app.library.entries), "indexing_s": round(seconds, 1), "until_article": summary(opening),
            "indexing_after_article": summary(indexing), "idle": summary(idle)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--no-model", action="store_true", help="index without the statistical recogniser")
    args = parser.parse_args()
    os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="iranru-gap-")  # cold: a fresh cache
    print(asyncio.run(measure(args.corpus, not args.no_model)))


if __name__ == "__main__":
    main()
