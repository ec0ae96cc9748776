"""Benchmarks as ratios to floors measured in the same run, on the same machine (SPEC §9, issue 17).

    python benchmarks/run.py [--work DIR] [--runs N] [--json FILE] [--quick] [--no-100k]
                             [--corpus COUNT=DIR ...]

The floor for start-up is a bare Textual app (benchmarks/bare_app.py: a header, a
five-item list, a static and a footer) whatever the corpus, started in the same
run, interleaved with the reader, in tmux at 120x40 (../shared/tools/tui-drive).
Figures:
- start to the opening article's text with the passage cursor on screen (and to
  the keys line), for the bundled seeds, 10,000 and 100,000 articles with a warm
  cache, and for 10,000 articles cold (to the progress bar);
- article switch (Enter on the next article, to repaint) against the bare app's
  list cursor move, through Textual's Pilot;
- peak memory (max RSS) at 100,000 articles against the bare app;
- cold indexing of 10,000 articles in MB/s against reading and hashing the same
  files, and the cache's bytes per corpus byte;
- annotation throughput against ahocorasick-rs, and with and without the
  statistical recogniser;
- the sidebar filter, corpus search, trails and timelines on the big corpora.

Corpora are generated once (benchmarks/gen_corpus.py) into --work (default: a
folder in the system's temporary directory, never the repository) and indexed
once there; later runs reuse both (`--corpus 100000=DIR`: a corpus generated
before, e.g. with `gen_corpus.py DIR --count 100000`, and indexed in --work's cache
as this script would: XDG_CACHE_HOME=WORK/cache XDG_CONFIG_HOME=WORK/config
iranru-reader list DIR --config WORK/bench-config.yaml). The big corpora are read with a config that
turns the statistical recogniser off (its pass over 100,000 articles takes hours;
its cost is the annotation figure). Times are medians of --runs starts. Nothing
here is a test: it prints numbers.
"""

from __future__ import annotations

import argparse
import asyncio
import compileall
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
TUI_DRIVE = Path(os.environ.get("TUI_DRIVE", ROOT.parent / "shared" / "tools" / "tui-drive"))
READER = Path(sys.executable).parent / "iranru-reader"
KEYS = "q Quit"  # the keys line, in the reader's bar and the bare app's footer
PROGRESS = "━━━━"  # the sidebar's progress bar (its percentage may be cut off in a narrow sidebar)
BENCH_CONFIG = "entities:\n  model: false\n"
# Issue 17: 10,000 articles (48 MB) indexed cold in 18-28 s, i.e. at most 2.7 MB/s; the target is twice that.
INDEXING_BEFORE_MB_S = 48 / 18


# --- first paint in tmux ---------------------------------------------------------------

def first_paint(command: list[str], env: dict[str, str], ready: tuple[str, ...] = (KEYS,)) -> list[float]:
    """Milliseconds from start to each of `ready` (regexes, in the order they show)
    on a 120x40 tmux screen, from one start."""
    name = f"bench-{os.getpid()}-{time.monotonic_ns()}"
    options = [item for key, value in env.items() for item in ("--env", f"{key}={value}")]
    subprocess.run([str(TUI_DRIVE), "start", name, "--size", "120x40", *options, "--", *command], check=True)
    try:
        times = []
        for regex in ready:
            out = subprocess.run([str(TUI_DRIVE), "wait", name, regex, "--timeout", "120", "--from-start"],
                                 capture_output=True, text=True, check=True)
            times.append(float(out.stdout.strip()))
        return times
    finally:
        subprocess.run([str(TUI_DRIVE), "stop", name], check=False)


def opening_words(text: str, words: int = 3) -> str:
    """A regex for the passage cursor's bar beside the first `words` words of `text`
    (the reader draws the passage under the cursor with a bar at its left)."""
    return "█ " + re.sub(r"[^\w ]", ".", " ".join(text.split()[:words]))


def interleaved(runs: int, starts: dict[str, dict]) -> dict[str, list[list[float]]]:
    """Each start in `starts` (name -> command, env, ready, optional before()) once a
    round, `runs` rounds: the floor and the reader share the machine's moods."""
    samples: dict[str, list[list[float]]] = {name: [] for name in starts}
    for _ in range(runs):
        for name, start in starts.items():
            if start.get("runs", runs) <= len(samples[name]):
                continue
            if start.get("before"):
                start["before"]()
            samples[name].append(first_paint(start["command"], start["env"], start["ready"]))
    return samples


def medians(samples: list[list[float]]) -> list[float]:
    return [statistics.median(column) for column in zip(*samples, strict=True)]


# --- keypress to repaint with Pilot -------------------------------------------------------

def cursor_move_ms(runs: int) -> float:
    """Median ms from a Down key to the repaint in the bare app's five-item list."""
    from benchmarks.bare_app import BareApp

    app = BareApp()
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


def timeline_draw_ms(runs: int, library) -> tuple[float, float, float]:
    """From T pressed to the first frame holding the timeline's chart, and the floor (`?`
    to the help screen's first frame) in the same app: (T wall ms, T CPU ms, floor CPU ms),
    medians of the presses after the first (benchmarks/timeline_draw.py prints the first
    too). CPU time of the process is the steadier figure on a shared machine."""
    from benchmarks.timeline_draw import frame_ms

    samples = frame_ms(library, runs, profile=False)
    return tuple(statistics.median(s[clock] for s in samples[key][1:]) for key, clock in (("T", 0), ("T", 1), ("?", 1)))


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
kind, corpus, config = sys.argv[1], sys.argv[2], sys.argv[3]
if kind == "bare":
    from benchmarks.bare_app import BareApp
    app = BareApp()
else:
    from pathlib import Path
    import tempfile
    from reader.config import load_config
    from reader.library import Library
    from reader.state import StateStore
    from reader.tui.app import ReaderApp
    app = ReaderApp(Library(load_config(config), [Path(corpus)]), StateStore(Path(tempfile.mkdtemp()) / "s.json"))
async def main():
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(1.0)
        while any(worker.is_running for worker in app.workers):  # the reader's check of the files
            await pilot.pause(0.2)
        for key in ("j", "j", "j", "tab", "pagedown", "pagedown") if kind != "bare" else ("down",):
            await pilot.press(key)
        await pilot.pause(0.5)
        if kind != "bare":  # a filter word and a palette query: what they read stays (the filter's fields, the names)
            app.query_one("#articles").focus()
            await pilot.press("slash", *"tehran")
            for _ in range(100):
                if app.shown_entries.words == ("tehran",):
                    break
                await pilot.pause(0.1)
            else:
                sys.exit("the sidebar filter did not show its list")
            await pilot.press("escape", "ctrl+p", *"tehran")
            await pilot.pause(3.0)  # the palette's names are read in a worker
            await pilot.press("escape")
            await pilot.pause(0.5)
asyncio.run(main())
try:  # this process's own peak: ru_maxrss keeps the parent's across fork and exec (getrusage(2))
    with open("/proc/self/status") as status:
        print(next(line.split()[1] for line in status if line.startswith("VmHWM:")))
except OSError:
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def peak_rss_mb(kind: str, corpus: Path, config: Path, env: dict[str, str]) -> float:
    """Max RSS (MB) of a headless 120x40 session: the bare app, or the reader on
    `corpus` (warm) once its check of the files is done, moved about a little, with
    a sidebar filter word and a Ctrl+P query (each reads a field or two of every article).
    Its own high-water mark (VmHWM, proc(5)): the ru_maxrss it read before was at least
    this process's size (65 MB with the corpora loaded), which raised the bare app's floor."""
    out = subprocess.run([sys.executable, "-c", MEMORY_SCRIPT.format(root=str(ROOT)), kind, str(corpus), str(config)],
                         capture_output=True, text=True, check=True, env={**os.environ, **env})
    return int(out.stdout.strip().splitlines()[-1]) / 1024


# --- corpora and indexing --------------------------------------------------------------

def corpus_at(work: Path, count: int, given: dict[int, Path] | None = None) -> Path:
    """The generated corpus of `count` articles in `work` (made the first time), or
    the folder `given` for `count` (--corpus), as it is."""
    from benchmarks.gen_corpus import generate

    if given and count in given:
        return given[count]
    folder = work / f"c{count // 1000}k"
    done = folder / ".complete"
    if not done.exists():
        print(f"generating {count:,} articles in {folder} (once)…", flush=True)
        size = generate(folder, count)
        done.write_text(str(size))
    return folder


def corpus_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.glob("*.txt"))


def index_cold(corpus: Path, config: Path, env: dict[str, str]) -> tuple[float, int]:
    """Seconds to index `corpus` from nothing with `iranru-reader list` (into the
    cache of `env`), and the bytes of the cache it leaves."""
    start = time.perf_counter()
    subprocess.run([str(READER), "list", str(corpus), "--config", str(config)], capture_output=True,
                   env={**os.environ, **env}, check=True)
    seconds = time.perf_counter() - start
    cache = Path(env["XDG_CACHE_HOME"])
    return seconds, sum(p.stat().st_size for p in cache.rglob("index-*") if p.is_file())


def read_and_hash_s(corpus: Path) -> float:
    """The floor for indexing: read and hash every file (no analysis), in seconds."""
    from reader.index import content_hash

    start = time.perf_counter()
    for path in sorted(corpus.glob("*.txt")):
        content_hash(path.read_bytes())
    return time.perf_counter() - start


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
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "iranru-bench",
                        help="where the generated corpora and their warm caches are kept between runs "
                             "(default: %(default)s; never inside the repository)")
    parser.add_argument("--runs", type=int, default=5, help="starts of each kind, interleaved (default 5)")
    parser.add_argument("--json", type=Path, help="write the figures to this file")
    parser.add_argument("--quick", action="store_true", help="a short run: the bundled seeds only, 3 starts each")
    parser.add_argument("--no-100k", action="store_true", help="skip the 100,000-article corpus")
    parser.add_argument("--startup-only", action="store_true",
                        help="first paint and memory only (to compare two versions of the reader quickly)")
    parser.add_argument("--corpus", action="append", default=[], metavar="COUNT=DIR",
                        help="use DIR, a corpus of COUNT (10000 or 100000) articles generated before "
                             "(gen_corpus.py), instead of generating one in --work; its index is reused "
                             "when it is in --work's cache (see above)")
    args = parser.parse_args()
    runs = 3 if args.quick else args.runs
    given: dict[int, Path] = {}
    for item in args.corpus:
        count, _, folder = item.partition("=")
        if not count.isdigit() or int(count) not in (10_000, 100_000) or not Path(folder).is_dir():
            parser.error(f"--corpus {item}: COUNT=DIR, COUNT 10000 or 100000, DIR a folder")
        given[int(count)] = Path(folder).resolve()

    from benchmarks.bare_app import TEXT
    from reader.config import load_config
    from reader.library import Library

    work = args.work.resolve()
    if work == ROOT or ROOT in work.parents:
        parser.error("--work must be outside the repository (the corpora are never committed)")
    work.mkdir(parents=True, exist_ok=True)
    config = work / "bench-config.yaml"
    if not config.exists() or config.read_text() != BENCH_CONFIG:
        config.write_text(BENCH_CONFIG)
    # As `pip install` does: the starts read bytecode, not source (PYTHONDONTWRITEBYTECODE may be set).
    compileall.compile_dir(ROOT / "reader", quiet=1)
    run_dir = Path(tempfile.mkdtemp(prefix="iranru-bench-run-"))
    # The config folder stays put: the index's fingerprint holds the user gazetteer's path in it.
    env = {"XDG_STATE_HOME": str(run_dir / "state"), "XDG_CACHE_HOME": str(work / "cache"),
           "XDG_CONFIG_HOME": str(work / "config")}
    if "PYTHONPATH" in os.environ:  # another copy of the reader to measure (its folder)
        env["PYTHONPATH"] = os.environ["PYTHONPATH"]
    cold_env = {**env, "XDG_CACHE_HOME": str(run_dir / "cold")}
    os.environ.update(env)
    results: dict[str, dict] = {}

    def record(name: str, value: float, floor: float | None, unit: str, target: str, ok: bool) -> None:
        ratio = value / floor if floor else float("nan")
        results[name] = {"value": round(value, 2), "floor": None if floor is None else round(floor, 2),
                         "ratio": round(ratio, 3), "unit": unit, "target": target, "met": ok}
        shown = f"{floor:>9.1f}" if floor is not None else f"{'—':>9}"
        print(f"{name:<48} {value:>9.1f} {unit:<5} floor {shown} {unit:<5} ratio {ratio:>6.2f}  "
              f"target {target:<16} {'ok' if ok else 'MISSED'}", flush=True)

    print(f"machine: {platform.platform()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"load {os.getloadavg()[0]:.1f}; work folder {work}", flush=True)

    # The corpora, indexed once (a no-op when the warm cache is current).
    sizes = [] if args.quick else [10_000] + ([] if args.no_100k else [100_000])
    corpora = {n: corpus_at(work, n, given) for n in sizes}
    subprocess.run([str(READER), "list"], capture_output=True, env={**os.environ, **env}, check=True)
    for count, folder in corpora.items():
        print(f"checking the warm index of {count:,} articles (indexed the first time: minutes)…", flush=True)
        subprocess.run([str(READER), "list", str(folder), "--config", str(config)], capture_output=True,
                       env={**os.environ, **env}, check=True)
    seeds = Library(load_config()).ensure_fresh()
    libraries = {n: Library(load_config(config), [folder]) for n, folder in corpora.items()}

    def opening(library) -> str:
        """The regex for the first article's first passage under the cursor (a query of
        the index, so that an older reader can be measured with this script too)."""
        (first,) = library.index.db.execute("SELECT id FROM articles ORDER BY date IS NULL, date, lower(title), id "
                                            "LIMIT 1").fetchone()
        return opening_words(library.get(first).clean.paragraphs[0].text)

    # First paint, interleaved: the bare app, then each start of the reader, round after round.
    bare = [sys.executable, str(ROOT / "benchmarks" / "bare_app.py")]
    starts = {"bare": {"command": bare, "env": env, "ready": (KEYS, re.escape(" ".join(TEXT.split()[:3])))},
              "seeds": {"command": [str(READER)], "env": env, "ready": (KEYS, opening(seeds))}}
    for count, library in libraries.items():
        starts[f"{count // 1000}k warm"] = {"command": [str(READER), str(corpora[count]), "--config", str(config)],
                                            "env": env, "ready": (KEYS, opening(library))}
    if 10_000 in corpora:
        starts["10k cold"] = {"command": [str(READER), str(corpora[10_000]), "--config", str(config)], "env": cold_env,
                              "ready": (KEYS, PROGRESS), "runs": max(1, runs // 2),
                              "before": lambda: shutil.rmtree(run_dir / "cold", ignore_errors=True)}
    samples = interleaved(runs, starts)
    floor_keys, floor_text = medians(samples.pop("bare"))
    targets = {"seeds": 1.3, "10k warm": 1.4, "100k warm": 1.5}
    cold = samples.pop("10k cold", None)
    for name, found in samples.items():
        keys, text = medians(found)
        limit = targets[name]
        record(f"article text + cursor on screen, {name}", text, floor_text, "ms", f"<= {limit}x",
               text / floor_text <= limit)
        record(f"keys line on screen, {name}", keys, floor_keys, "ms", "(reported)", True)
    if cold:
        keys, progress = medians(cold)
        record("progress shown, 10k cold", progress, floor_text, "ms", "shows progress", True)

    if corpora:
        biggest = max(corpora)
        rss_floor = peak_rss_mb("bare", corpora[biggest], config, env)
        rss = peak_rss_mb("reader", corpora[biggest], config, env)
        record(f"peak memory, {biggest // 1000}k articles", rss, rss_floor, "MB", "<= bare + 150 MB",
               rss <= rss_floor + 150)
    if args.startup_only:
        finish(args.json, results, {}, run_dir)
        return

    move = cursor_move_ms(runs)
    for name, library in [("seeds", seeds), *((f"{n // 1000}k", lib) for n, lib in libraries.items())]:
        switch = article_switch_ms(runs, library)
        record(f"article switch vs list cursor move, {name}", switch, move, "ms", "<= 2x", switch / move <= 2)

    if corpora:
        library = libraries[biggest]
        rows = library.rows()
        # Past FILTER_IN_PLACE articles the reader filters in a worker, and the search dialog
        # searches in one: these are the waits for the list, not stalls of the event loop
        # (benchmarks/scale_keys.py --only filter|search times key to frame and the loop's gaps).
        start = time.perf_counter()
        rows.prepare_filter(library.index)
        fields = (time.perf_counter() - start) * 1000
        record(f"sidebar filter's fields read (a worker, on /), {biggest // 1000}k", fields, None, "ms", "(reported)", True)
        start = time.perf_counter()
        first = rows.filtered(["tehran"])
        typed = (time.perf_counter() - start) * 1000
        record(f"sidebar filter, first word (a worker), {biggest // 1000}k", typed, None, "ms", "< 300 ms to the list",
               typed < 300)
        ours = query_ms(lambda: first.filtered(["tehran", "ti"]), runs)
        record(f"sidebar filter, next word, {biggest // 1000}k", ours, None, "ms", "< 300 ms to the list", ours < 300)
        ours = query_ms(lambda: library.search("sanctions oil"), runs)
        record(f"search 'sanctions oil' (a worker), {biggest // 1000}k", ours, None, "ms", "< 300 ms to the hits",
               ours < 300)

    if 10_000 in corpora:
        corpus, big = corpora[10_000], libraries[10_000]
        megabytes = corpus_bytes(corpus) / 1e6
        shutil.rmtree(run_dir / "cold", ignore_errors=True)
        seconds, cache_bytes = index_cold(corpus, config, cold_env)
        floor_s = read_and_hash_s(corpus)
        record("cold indexing, 10k articles", megabytes / seconds, megabytes / floor_s, "MB/s",
               f">= {2 * INDEXING_BEFORE_MB_S:.1f} MB/s", megabytes / seconds >= 2 * INDEXING_BEFORE_MB_S)
        record("cache bytes per corpus byte, 10k", cache_bytes / 1e6 / megabytes, 1.0, "x", "<= 1.5",
               cache_bytes / 1e6 / megabytes <= 1.5)
        db = big.index.db
        floor = query_ms(lambda: db.execute("SELECT rowid FROM search WHERE search MATCH ? LIMIT 200",
                                            ('"sanctions"* "oil"*',)).fetchall(), runs)
        ours = query_ms(lambda: big.search("sanctions oil"), runs)
        record("search 'sanctions oil', 10k articles", ours, floor, "ms", "no visible stall", ours < 100)
        floor = query_ms(lambda: db.execute("SELECT p.article, p.idx FROM names t JOIN passages p ON p.topic = t.id "
                                            "WHERE t.name = ? AND t.kind = 'topic'", ("jcpoa",)).fetchall(), runs)
        ours = query_ms(lambda: big.trail("jcpoa", snippets=False), runs)  # as the reader's ] key reads it
        record("topic trail 'jcpoa', 10k articles", ours, floor, "ms", "no visible stall", ours < 300)
        doc = big.get(big.rows()[0].id)
        index = next((i for i in range(len(doc.clean.paragraphs)) if doc.topic_ids(i)), 0)
        ours = query_ms(lambda: big.related(doc, index), runs)
        record("related passages, 10k articles", ours, None, "ms", "no visible stall", ours < 300)
        # Timelines (SPEC §12; issue 18: drawn in under 100 ms from the index at 10,000 articles).
        for name in ("north_south_corridor", "strategic_partnership", "Iran"):
            subject = big.subject(name)
            table, column = ("passages", "topic") if subject.kind == "topic" else ("mentions", "entity")
            floor = query_ms(lambda key=subject.key, table=table, column=column: db.execute(
                f"SELECT count(*) FROM names n JOIN {table} x ON x.{column} = n.id WHERE n.name = ?", (key,)).fetchall(),
                runs)
            ours = query_ms(lambda subject=subject: big.timeline([subject]), runs)
            record(f"timeline '{name}', 10k articles", ours, floor, "ms", "< 100 ms", ours < 100)
        wall, cpu, floor = timeline_draw_ms(runs, big)
        record("T to the timeline's first frame (wall), 10k articles", wall, move, "ms", "< 100 ms", wall < 100)
        record("T to the timeline's first frame (CPU), 10k articles", cpu, floor, "ms", "< 100 ms", cpu < 100)
        source = big
    else:
        source = seeds

    texts = [p.text for d in islice(source.documents(), 1000) for p in d.clean.paragraphs]
    figures = annotation(seeds, texts)
    record("annotation, gazetteer (same output as floor)", figures["gazetteer_mb_s"], figures["floor_mb_s"], "MB/s",
           ">= 0.5x", figures["gazetteer_mb_s"] / figures["floor_mb_s"] >= 0.5)
    record("annotation, full (+ money/percent/date)", figures["full_mb_s"], figures["floor_mb_s"], "MB/s",
           ">= 0.5x", figures["full_mb_s"] / figures["floor_mb_s"] >= 0.5)
    print(f"  {figures['paragraphs']} paragraphs, {figures['megabytes']:.1f} MB; paragraphs where the floor's output "
          f"differs (its lack of a boundary fallback): {figures['paragraphs_differing_from_floor']}")
    if seeds.config.entity_model:
        articles = [[p.text for p in d.clean.paragraphs] for d in islice(source.documents(), 300)]
        model_figures = model_annotation(seeds, articles)
        record("annotation with the model (spaCy sm) vs without", model_figures["with_model_mb_s"],
               model_figures["without_model_mb_s"], "MB/s", "(reported)", True)
        figures["model"] = model_figures
    finish(args.json, results, figures, run_dir)


def finish(path: Path | None, results: dict, annotation_figures: dict, run_dir: Path) -> None:
    """Write the figures to `path` (if given) as JSON, and remove this run's folder."""
    if path:
        path.write_text(json.dumps({"machine": platform.platform(), "load": os.getloadavg()[0], "results": results,
                                    "annotation": annotation_figures}, indent=2))
    shutil.rmtree(run_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
