"""Where cold indexing's CPU goes: CPU seconds per MB of corpus for each stage, the
one writer's share, the cost of passing rows between processes, and the pool's
parallel efficiency (issue 17: cold indexing at twice 2.7 MB/s, on every core).

    python benchmarks/index_cost.py CORPUS_DIR [--sample N] [--model] [--pool]

On a machine that others share, wall-clock time says little; CPU time
(time.process_time) in the process that does the work says what the work costs.
Stages are timed in this process over `--sample` files spread through the corpus,
by wrapping the functions the indexer's workers call (`clean` includes language
detection, shown apart too). `--pool` also indexes the whole corpus cold as
`iranru-reader list` does (a process pool over files, one writer) and prints its
wall time, the load average, the workers' and the writer's CPU seconds, and the
parallel efficiency: worker CPU / (wall x workers).
Nothing here is a test: it prints numbers.
"""

from __future__ import annotations

import argparse
import os
import pickle
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SPENT: dict[str, float] = defaultdict(float)  # stage -> CPU seconds
STAGES = ("read", "hash", "decode", "clean", "  of which language", "metadata", "annotate", "topics", "rows",
          "  of which compress", "  of which search rows", "worker total", "pickle", "unpickle", "pickled MB", "writer")


def timed(owner, name: str, stage: str) -> None:
    """Replace `owner.name` by a wrapper that adds its CPU time to SPENT[stage]."""
    inner = getattr(owner, name)

    def wrapper(*args, **kwargs):
        start = time.process_time()
        try:
            return inner(*args, **kwargs)
        finally:
            SPENT[stage] += time.process_time() - start

    setattr(owner, name, wrapper)


def sample_files(corpus: Path, count: int) -> list[Path]:
    files = sorted(corpus.glob("*.txt"))
    step = max(1, len(files) // count)
    return files[::step][:count]


def stage_costs(corpus: Path, count: int, use_model: bool) -> dict[str, float]:
    """CPU seconds per MB of each stage over `count` files of `corpus`, in this process."""
    from reader import index, library as library_module
    from reader.annotate import topics
    from reader.config import load_config
    from reader.index import CorpusIndex
    from reader.ingest import clean
    from reader.library import Job, Library

    config = replace(load_config(), entity_model=use_model)
    library = Library(config, [corpus], store=False)
    dictionary = library.dictionary
    files = sample_files(corpus, count)
    megabytes = sum(p.stat().st_size for p in files) / 1e6
    library.analyse(library_module.read_article(files[0]))  # matchers built, the model loaded: not timed
    timed(library_module, "read_bytes", "read")
    timed(library_module, "content_hash", "hash")
    timed(library_module, "read_article", "decode")
    timed(clean, "detect", "  of which language")
    timed(library_module.Library, "_metadata", "metadata")
    timed(library_module.Library, "annotate", "annotate")
    timed(topics.TopicMatcher, "passage_topics", "topics")
    timed(library_module, "rows", "rows")
    timed(index, "compress", "  of which compress")
    timed(index, "search_row", "  of which search rows")
    # clean_article is imported inside Library.analyse from the module: wrap it there
    timed(clean, "clean_article", "clean")
    results = []
    start = time.process_time()
    for path in files:
        stat = path.stat()
        results.append(library.index_file(Job(path, path.stem, index.Stamp(stat.st_size, stat.st_mtime_ns), None)))
    SPENT["worker total"] = time.process_time() - start
    start = time.process_time()
    packed = [pickle.dumps(r, pickle.HIGHEST_PROTOCOL) for r in results]
    SPENT["pickle"] = time.process_time() - start
    start = time.process_time()
    for blob in packed:
        pickle.loads(blob)
    SPENT["unpickle"] = time.process_time() - start
    SPENT["pickled MB"] = sum(map(len, packed)) / 1e6  # shown per MB: the bytes passed per corpus byte
    with tempfile.TemporaryDirectory() as folder:
        store = CorpusIndex(Path(folder) / "index.sqlite", "bench", dictionary)
        start = time.process_time()
        for at in range(0, len(results), 100):
            store.write([r.rows for r in results[at:at + 100] if r.rows])
        store.mark_duplicates()
        SPENT["writer"] = time.process_time() - start
        store.close()
    return {stage: seconds / megabytes for stage, seconds in SPENT.items()} | {"sample MB": megabytes}


def cpu_of(pids: set[int], seen: dict[int, float]) -> None:
    """Note in `seen` the CPU seconds so far of each process in `pids` (Linux /proc: the
    pool's workers are not reaped when the pool is left, so their rusage never reaches ours)."""
    tick = os.sysconf("SC_CLK_TCK")
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        seen[pid] = (int(fields[11]) + int(fields[12])) / tick  # utime, stime


def pool_run(corpus: Path, use_model: bool) -> dict[str, float]:
    """Index `corpus` cold as the CLI does; wall and CPU seconds, the workers', the writer's
    (the thread that writes: here the main thread) and the rest of this process's."""
    import threading

    from reader import library as library_module
    from reader.config import load_config
    from reader.index import CorpusIndex
    from reader.library import Library, cores

    pools = []

    class Pool(library_module.ProcessPoolExecutor):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            pools.append(self)

    library_module.ProcessPoolExecutor = Pool

    os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="iranru-cost-")
    megabytes = sum(p.stat().st_size for p in corpus.glob("*.txt")) / 1e6
    config = replace(load_config(), entity_model=use_model)
    writing = [0.0]
    write = CorpusIndex.write

    def timed_write(self, articles):
        start = time.thread_time()
        try:
            return write(self, articles)
        finally:
            writing[0] += time.thread_time() - start

    CorpusIndex.write = timed_write
    seen: dict[int, float] = {}
    done = threading.Event()

    def workers() -> set[int]:
        return {pid for pool in pools for pid in (pool._processes or {})}

    def watch() -> None:
        while not done.wait(0.5):
            cpu_of(workers(), seen)

    watcher = threading.Thread(target=watch, daemon=True)
    load = os.getloadavg()
    wall, cpu, main = time.perf_counter(), time.process_time(), time.thread_time()
    watcher.start()
    library = Library(config, [corpus])
    library.refresh()
    wall, cpu, main = time.perf_counter() - wall, time.process_time() - cpu, time.thread_time() - main
    cpu_of(workers(), seen)
    done.set()
    watcher.join()
    workers_cpu = sum(seen.values())
    count = cores()
    return {"MB": megabytes, "wall s": wall, "MB/s": megabytes / wall, "load before": load[0],
            "load after": os.getloadavg()[0], "workers": count, "workers' CPU s": workers_cpu,
            "writer's CPU s (its writes)": writing[0], "main thread's CPU s": main,
            "this process's CPU s (all threads)": cpu,
            "parallel efficiency": workers_cpu / (wall * count), "CPU s per MB, all": (workers_cpu + cpu) / megabytes}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--sample", type=int, default=400, help="files timed stage by stage (default 400)")
    parser.add_argument("--model", action="store_true", help="with the statistical recogniser")
    parser.add_argument("--pool", action="store_true", help="also index the whole corpus cold in the pool")
    args = parser.parse_args()
    costs = stage_costs(args.corpus, args.sample, args.model)
    print(f"CPU seconds per MB of corpus ({costs.pop('sample MB'):.2f} MB sampled, model {'on' if args.model else 'off'}):")
    total = costs["worker total"]
    for stage in STAGES:
        share = f"{100 * costs[stage] / total:5.1f}% of the worker" if "MB" not in stage and stage != "worker total" else ""
        print(f"  {stage:<24} {costs[stage]:8.3f}  {share}")
    print(f"  => one core's ceiling: {1 / total:.2f} MB/s analysing, {1 / costs['writer']:.2f} MB/s writing")
    if args.pool:
        for key, value in pool_run(args.corpus, args.model).items():
            print(f"  {key:<34} {value:10.2f}")


if __name__ == "__main__":
    main()
