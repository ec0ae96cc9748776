"""Benchmarks as ratios to floors measured in the same run, on the same machine.

    python benchmarks/run.py [--corpus DIR] [--runs N] [--json FILE] [--quick]

Figures (SPEC §9, issue 8):
- first paint in a real terminal (tmux via ../shared/tools/tui-drive, 120x40),
  start to the keys line on screen, against the bare app (benchmarks/bare_app.py):
  bundled corpus (and to the opening article's text); 10,000 articles cold
  (progress shown) and warm;
- article switch (Enter on the next article, to repaint) against the bare
  app's list cursor move, both through Textual's Pilot;
- annotation throughput against ahocorasick-rs leftmost-longest plus the
  same word-boundary check, outputs compared;
- peak memory (max RSS of a headless run) against the bare app listing the
  same titles, with 10,000 articles;
- corpus-wide search and topic-trail queries on 10,000 articles, against the
  bare sqlite queries they wrap.
Times are medians of --runs runs. Nothing here is a test: it prints numbers.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from itertools import islice
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
TUI_DRIVE = ROOT.parent / "shared" / "tools" / "tui-drive"
READER = Path(sys.executable).parent / "iranru-reader"


# --- first paint in tmux ---------------------------------------------------------------

def first_paint(command: list[str], env: dict[str, str], ready: str = "q Quit") -> float:
    """Milliseconds from start to `ready` on a 120x40 tmux screen."""
    name = f"bench-{os.getpid()}-{time.monotonic_ns()}"
    options = [item for key, value in env.items() for item in ("--env", f"{key}={value}")]
    subprocess.run([str(TUI_DRIVE), "start", name, "--size", "120x40", *options, "--", *command], check=True)
    try:
        out = subprocess.run([str(TUI_DRIVE), "wait", name, ready, "--timeout", "120", "--from-start"],
                             capture_output=True, text=True, check=True)
        return float(out.stdout.strip())
    finally:
        subprocess.run([str(TUI_DRIVE), "stop", name], check=False)


def median_paint(runs: int, command: list[str], env: dict[str, str], ready: str = "q Quit",
                 before=None) -> float:
    times = []
    for _ in range(runs):
        if before:
            before()
        times.append(first_paint(command, env, ready))
    return statistics.median(times)


# --- keypress to repaint with Pilot -------------------------------------------------------

def cursor_move_ms(runs: int, corpus: Path | None) -> float:
    from benchmarks.bare_app import BareApp, titles

    app = BareApp(titles(corpus))
    samples: list[float] = []

    async def session() -> None:
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            for _ in range(runs * 5):
                start = time.perf_counter()
                await pilot.press("down")
                await pilot.pause()
                samples.append((time.perf_counter() - start) * 1000)

    asyncio.run(session())
    return statistics.median(samples)


def keys_ms(library, runs: int, setup, between: tuple[str, ...], timed: tuple[str, ...]) -> float:
    """Median ms from pressing `timed` to the next repaint, in the reader on `library`
    at 120×40; `setup(app)` once first, the `between` keys untimed before each run."""
    from reader.state import StateStore
    from reader.tui.app import ReaderApp

    app = ReaderApp(library, StateStore(Path(tempfile.mkdtemp()) / "state.json"))
    samples: list[float] = []

    async def session() -> None:
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            setup(app)
            for _ in range(runs):
                await pilot.press(*between)
                await pilot.pause()
                start = time.perf_counter()
                await pilot.press(*timed)
                await pilot.pause()
                samples.append((time.perf_counter() - start) * 1000)

    asyncio.run(session())
    return statistics.median(samples)


def article_switch_ms(runs: int, library) -> float:
    from reader.tui.widgets.sidebar import ArticleList

    return keys_ms(library, runs * 5, lambda app: app.focus_now(app.query_one(ArticleList)), ("down",), ("enter",))


def timeline_draw_ms(runs: int, library) -> float:
    """From T pressed to the timeline screen drawn (chart, caption); Escape closes it between runs."""
    def setup(app) -> None:
        app.active_topic = "strategic_partnership"

    return keys_ms(library, runs, setup, ("escape",), ("T",))


# --- annotation throughput ----------------------------------------------------------------

def annotation(library, texts: list[str]) -> dict:
    """Throughput of each matcher over `texts` (paragraphs), keeping no results, as
    the app annotates an article and moves on; outputs are compared in a separate,
    untimed pass. Retaining 100,000 results in a big process would time Python's
    garbage collector instead (a NamedTuple stays tracked where a plain tuple
    does not), which is not what the app pays."""
    import ahocorasick_rs

    from reader.annotate.gazetteer import fold

    matcher = library.matcher
    floor_automaton = ahocorasick_rs.AhoCorasick(list(matcher.patterns), matchkind=ahocorasick_rs.MATCHKIND_LEFTMOST_LONGEST)
    entities = matcher._alias_entity

    def floor(text: str) -> list:
        folded = fold(text)
        n = len(folded)
        return [(s, e, entities[i].canonical) for i, s, e in floor_automaton.find_matches_as_indexes(folded)
                if not ((s and folded[s - 1].isalnum() and folded[s].isalnum())
                        or (e < n and folded[e].isalnum() and folded[e - 1].isalnum()))]

    def ours_gazetteer(text: str) -> list:
        return matcher._gazetteer_mentions(text)[0]

    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6

    def throughput(fn) -> float:
        best = float("inf")
        for _ in range(5):
            start = time.perf_counter()
            for text in texts:
                fn(text)
            best = min(best, time.perf_counter() - start)
        return megabytes / best

    floor_mbs = throughput(floor)
    gaz_mbs = throughput(ours_gazetteer)
    full_mbs = throughput(matcher.mentions)
    differing = sum(1 for text in texts
                    if floor(text) != [(m.start, m.end, m.canonical) for m in ours_gazetteer(text)])
    return {"megabytes": megabytes, "floor_mb_s": floor_mbs, "gazetteer_mb_s": gaz_mbs, "full_mb_s": full_mbs,
            "paragraphs": len(texts), "paragraphs_differing_from_floor": differing}


def model_annotation(library, articles: list[list[str]]) -> dict:
    """Annotation throughput of whole articles (paragraph texts) as the indexer runs it,
    without and with the statistical recogniser (SPEC §5); the model is loaded
    before the clock starts. One run each: the model pass is the slow one."""
    from reader.annotate import model

    megabytes = sum(len(t.encode("utf-8")) for texts in articles for t in texts) / 1e6
    model.load()
    timings = {}
    for use_model in (False, True):
        start = time.perf_counter()
        for texts in articles:
            library.annotate(texts, use_model=use_model)
        timings[use_model] = time.perf_counter() - start
    return {"megabytes": megabytes, "articles": len(articles), "without_model_mb_s": megabytes / timings[False],
            "with_model_mb_s": megabytes / timings[True]}


# --- memory ---------------------------------------------------------------------------------

MEMORY_SCRIPT = """
import asyncio, resource, sys
sys.path.insert(0, {root!r})
kind, corpus = sys.argv[1], sys.argv[2]
if kind == "bare":
    from pathlib import Path
    from benchmarks.bare_app import BareApp, titles
    app = BareApp(titles(Path(corpus)))
else:
    from pathlib import Path
    import tempfile
    from reader.config import load_config
    from reader.library import Library
    from reader.state import StateStore
    from reader.tui.app import ReaderApp
    app = ReaderApp(Library(load_config(), [Path(corpus)]), StateStore(Path(tempfile.mkdtemp()) / "s.json"))
async def main():
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(1.0)
        for key in ("j", "j", "j") if kind != "bare" else ("down",):
            await pilot.press(key)
        await pilot.pause(0.5)
asyncio.run(main())
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def peak_rss_mb(kind: str, corpus: Path, env: dict[str, str]) -> float:
    out = subprocess.run([sys.executable, "-c", MEMORY_SCRIPT.format(root=str(ROOT)), kind, str(corpus)],
                         capture_output=True, text=True, check=True, env={**os.environ, **env})
    return int(out.stdout.strip().splitlines()[-1]) / 1024


# --- queries -------------------------------------------------------------------------------

def query_ms(fn, runs: int) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


# --- report ----------------------------------------------------------------------------------

def main() -> None:
    parser = argparse.ArgumentParser(description="iranru-reader benchmarks: ratios to floors measured in one run")
    parser.add_argument("--corpus", type=Path, help="a 10,000-article corpus (generated into benchmarks/out/ if absent)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", type=Path, help="write the figures to this file")
    parser.add_argument("--quick", action="store_true", help="bundled corpus only (no 10,000-article figures)")
    args = parser.parse_args()

    from benchmarks.gen_corpus import generate
    from reader.config import load_config
    from reader.library import Library

    work = Path(tempfile.mkdtemp(prefix="iranru-bench-"))
    env = {"XDG_STATE_HOME": str(work / "state"), "XDG_CACHE_HOME": str(work / "cache"),
           "XDG_CONFIG_HOME": str(work / "config")}
    os.environ.update(env)
    results: dict[str, dict] = {}

    def record(name: str, value: float, floor: float, unit: str, target: str, ok: bool, higher_is_better=False):
        ratio = value / floor if floor else float("nan")
        results[name] = {"value": round(value, 2), "floor": round(floor, 2), "ratio": round(ratio, 3), "unit": unit,
                         "target": target, "met": ok}
        print(f"{name:<44} {value:>9.1f} {unit:<5} floor {floor:>9.1f} {unit:<5} ratio {ratio:>6.2f}  "
              f"target {target:<14} {'ok' if ok else 'MISSED'}", flush=True)

    print(f"machine: {platform.platform()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    bare = [sys.executable, str(ROOT / "benchmarks" / "bare_app.py")]

    # Bundled corpus: one start to fill the cache, then warm starts.
    subprocess.run([str(READER), "list"], capture_output=True, env={**os.environ, **env}, check=True)
    floor = median_paint(args.runs, bare, env)
    ours = median_paint(args.runs, [str(READER)], env)
    record("first paint, bundled corpus", ours, floor, "ms", "<= 1.3x", ours / floor <= 1.3)
    library = Library(load_config()).ensure_fresh()
    # The frame comes first and the article a moment later: time that too.
    opening = library.get(library.entries[0].id).clean.paragraphs[0].text
    ours = median_paint(args.runs, [str(READER)], env, ready=re.sub(r"[^\w ]", ".", " ".join(opening.split()[:3])))
    record("first paint with the article's text, bundled", ours, floor, "ms", "(no target)", True)

    move = cursor_move_ms(args.runs, None)
    switch = article_switch_ms(args.runs, library)
    record("article switch vs list cursor move", switch, move, "ms", "<= 2x", switch / move <= 2)

    if args.quick:
        texts = [p.text for d in library.documents() for p in d.clean.paragraphs]
    else:
        corpus = args.corpus or ROOT / "benchmarks" / "out" / "c10k"
        if not corpus.is_dir():
            size = generate(corpus)
            print(f"generated 10,000 articles ({size / 1e6:.1f} MB) in {corpus}")
        corpus_mb = sum(p.stat().st_size for p in corpus.glob("*.txt")) / 1e6

        cold_env = {**env, "XDG_CACHE_HOME": str(work / "cold-cache")}
        floor = median_paint(args.runs, [*bare, str(corpus)], env)
        ours = median_paint(max(1, args.runs // 2), [str(READER), str(corpus)], cold_env, ready="indexing",
                            before=lambda: shutil.rmtree(work / "cold-cache", ignore_errors=True))
        record("first paint, 10k articles, cold (progress)", ours, floor, "ms", "shows progress", True)
        subprocess.run([str(READER), "list", str(corpus)], capture_output=True, env={**os.environ, **env}, check=True)
        ours = median_paint(args.runs, [str(READER), str(corpus)], env)
        record("first paint, 10k articles, warm", ours, floor, "ms", "<= 1.5x", ours / floor <= 1.5)

        big = Library(load_config(), [corpus]).ensure_fresh()
        rss_floor = peak_rss_mb("bare", corpus, env)
        rss = peak_rss_mb("reader", corpus, env)
        record("peak memory, 10k articles", rss, rss_floor, "MB", f"<= +{2 * corpus_mb:.0f} MB",
               rss <= rss_floor + 2 * corpus_mb)

        db = big.index.db
        floor = query_ms(lambda: db.execute("SELECT rowid FROM search WHERE search MATCH ? LIMIT 200",
                                            ('"sanctions"* "oil"*',)).fetchall(), args.runs)
        ours = query_ms(lambda: big.search("sanctions oil"), args.runs)
        record("search 'sanctions oil', 10k articles", ours, floor, "ms", "no visible stall", ours < 100)
        floor = query_ms(lambda: db.execute("SELECT p.article, p.idx FROM names t JOIN passages p ON p.topic = t.id "
                                            "WHERE t.name = ? AND t.kind = 'topic'", ("jcpoa",)).fetchall(), args.runs)
        ours = query_ms(lambda: big.trail("jcpoa", snippets=False), args.runs)  # as the reader's ] key reads it
        record("topic trail 'jcpoa', 10k articles", ours, floor, "ms", "no visible stall", ours < 300)
        doc = big.get(big.entries[0].id)
        index = next((i for i in range(len(doc.clean.paragraphs)) if doc.topic_ids(i)), 0)
        ours = query_ms(lambda: big.related(doc, index), args.runs)
        record("related passages, 10k articles", ours, ours, "ms", "no visible stall", ours < 300)
        # Timelines (SPEC §12; issue 18: drawn in under 100 ms from the index at 10,000 articles).
        for name in ("north_south_corridor", "strategic_partnership", "Iran"):
            subject = big.subject(name)
            table, column = ("passages", "topic") if subject.kind == "topic" else ("mentions", "entity")
            floor = query_ms(lambda key=subject.key, table=table, column=column: db.execute(
                f"SELECT count(*) FROM names n JOIN {table} x ON x.{column} = n.id WHERE n.name = ?", (key,)).fetchall(),
                args.runs)
            ours = query_ms(lambda subject=subject: big.timeline([subject]), args.runs)
            record(f"timeline '{name}', 10k articles", ours, floor, "ms", "< 100 ms", ours < 100)
        ours = timeline_draw_ms(args.runs, big)
        record("T to the timeline drawn, 10k articles", ours, move, "ms", "< 100 ms", ours < 100)
        texts = [p.text for d in islice(big.documents(), 1000) for p in d.clean.paragraphs]

    figures = annotation(library, texts)
    ok = figures["gazetteer_mb_s"] / figures["floor_mb_s"] >= 0.5
    record("annotation, gazetteer (same output as floor)", figures["gazetteer_mb_s"], figures["floor_mb_s"], "MB/s",
           ">= 0.5x", ok)
    record("annotation, full (+ money/percent/date)", figures["full_mb_s"], figures["floor_mb_s"], "MB/s",
           ">= 0.5x", figures["full_mb_s"] / figures["floor_mb_s"] >= 0.5)
    print(f"  {figures['paragraphs']} paragraphs, {figures['megabytes']:.1f} MB; paragraphs where the floor's output "
          f"differs (its lack of a boundary fallback): {figures['paragraphs_differing_from_floor']}")
    if library.config.entity_model:
        source = big if "big" in locals() else library  # the 10,000-article corpus unless --quick
        articles = [[p.text for p in d.clean.paragraphs] for d in islice(source.documents(), 300)]
        model_figures = model_annotation(library, articles)
        record("annotation with the model (spaCy sm)", model_figures["with_model_mb_s"],
               model_figures["without_model_mb_s"], "MB/s", "reported", True, higher_is_better=True)
        figures["model"] = model_figures
    if args.json:
        args.json.write_text(json.dumps({"machine": platform.platform(), "results": results, "annotation": figures},
                                        indent=2))
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
