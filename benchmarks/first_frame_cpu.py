"""CPU time to the opening article's text on screen, against the bare app (SPEC §9; issue 17).

    python benchmarks/first_frame_cpu.py [--runs N] [--profile FILE] [PATH... [--config FILE]]

On a shared machine wall-clock starts swing with the load; the CPU time a start
spends is steadier. Each start runs in a fresh process, headless at 120x40:
the reader through its own entry (`reader.cli.main`, PATHs and --config passed
on), the floor benchmarks/bare_app.py. Each frame Textual hands to the terminal
is rendered to text (uncounted) and searched for what benchmarks/run.py waits
for in tmux: the passage cursor's bar beside the opening article's first words,
or the bare app's text. The figure is the process's user + system CPU time (ms,
interpreter start included) when that frame was made. `--profile FILE` writes
a cProfile of one reader start, up to that frame, to FILE (pstats format).
The cache and config folders are the environment's (XDG_*), as the reader's.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CHILD = r"""
import os, re, resource, sys
sys.path.insert(0, {root!r})
kind, target, profile, argv = sys.argv[1], re.compile(sys.argv[2]), sys.argv[3], sys.argv[4:]
if profile:
    import cProfile
    profiler = cProfile.Profile()
    profiler.enable()
from textual.app import App

ESCAPE = re.compile(r"\x1b(?:\[[0-9;?<>=]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[()][0-9A-Za-z]|[=>])")
display = App._display


def _display(self, screen, renderable):
    usage = resource.getrusage(resource.RUSAGE_SELF)
    cpu = (usage.ru_utime + usage.ru_stime) * 1000
    if profile:
        profiler.disable()
    if renderable is not None and hasattr(renderable, "render_segments"):
        if target.search(ESCAPE.sub("", renderable.render_segments(self.console))):
            if profile:
                profiler.dump_stats(profile)
            print(f"{{cpu:.1f}}", flush=True)
            os._exit(0)
    if profile:
        profiler.enable()
    return display(self, screen, renderable)


App._display = _display
run = App.run
App.run = lambda self, **kw: run(self, headless=True, size=(120, 40))
if kind == "bare":
    from benchmarks.bare_app import BareApp
    BareApp().run()
else:
    import reader.cli
    reader.cli._served = lambda: True  # no terminal here: the headless driver is its screen
    reader.cli.main(argv)
print("never shown", file=sys.stderr)
sys.exit(1)
"""


def one_start(kind: str, target: str, argv: list[str], profile: str = "") -> float:
    """CPU ms of one start of `kind` ("bare" or "reader" with `argv`) to the first frame
    holding `target` (a regex)."""
    out = subprocess.run([sys.executable, "-c", CHILD.format(root=str(ROOT)), kind, target, profile, *argv],
                         capture_output=True, text=True, timeout=300)
    if out.returncode:
        raise RuntimeError(f"{kind} start failed: {out.stderr.strip()[-2000:]}")
    return float(out.stdout.strip().splitlines()[-1])


def reader_target(argv: list[str]) -> str:
    """The regex run.py waits for: the cursor's bar beside the opening article's first words."""
    from benchmarks.run import opening_words
    from reader.config import load_config
    from reader.library import Library

    parser = argparse.ArgumentParser()
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--config")
    args = parser.parse_args(argv)
    library = Library(load_config(args.config), args.paths or None).ensure_fresh()
    (first,) = library.index.db.execute("SELECT id FROM articles ORDER BY date IS NULL, date, lower(title), id "
                                        "LIMIT 1").fetchone()
    return opening_words(library.get(first).clean.paragraphs[0].text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="starts of each, interleaved (default 5)")
    parser.add_argument("--profile", metavar="FILE", help="a cProfile of one reader start to its first frame")
    parser.add_argument("--json", action="store_true", help="the figures as JSON")
    args, argv = parser.parse_known_args()
    from benchmarks.bare_app import TEXT
    from benchmarks.run import opening_words

    bare_target = opening_words(TEXT).removeprefix("█ ")
    target = reader_target(argv)
    if args.profile:
        one_start("reader", target, argv, args.profile)
    bare, ours = [], []
    for _ in range(args.runs):
        bare.append(one_start("bare", bare_target, []))
        ours.append(one_start("reader", target, argv))
    floor, value = statistics.median(bare), statistics.median(ours)
    figures = {"bare_cpu_ms": floor, "reader_cpu_ms": value, "ratio": round(value / floor, 3),
               "load": os.getloadavg()[0], "bare": bare, "reader": ours}
    if args.json:
        print(json.dumps(figures))
    else:
        print(f"CPU to the opening article's text: reader {value:.0f} ms, bare app {floor:.0f} ms, "
              f"ratio {value / floor:.2f} (medians of {args.runs}; load {figures['load']:.1f})")


if __name__ == "__main__":
    main()
