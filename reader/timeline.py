"""Topic and entity timelines (SPEC §12): passages per month across the corpus.

Pure functions over the month counts the index returns (`CorpusIndex.topic_months`,
`entity_months`): the months from the first to the last with a passage, with
the empty ones in between (so the time axis is honest), one series per topic
or entity compared. The TUI draws a `Timeline` with textual-plotext; the CLI
prints it as text bars or JSON.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

PERIODS = {1: "month", 3: "quarter", 12: "year"}  # months per bar, as `fitted` coarsens an axis
BAR = "█"
PARTIAL = " ▏▎▍▌▋▊▉"  # eighths of a cell, for text bars


@dataclass(frozen=True)
class Subject:
    """What a timeline counts: a topic (`key` = topic id) or an entity (`key` = canonical name)."""

    kind: str  # "topic" | "entity"
    key: str
    label: str


@dataclass(frozen=True)
class Series:
    subject: Subject
    counts: tuple[int, ...]  # passages per month, aligned with Timeline.months
    undated: int = 0  # passages of articles without a date (not on the axis)
    duplicates: int = 0  # passages of duplicate articles (index.story_hash), not counted at all

    @property
    def total(self) -> int:
        return sum(self.counts) + self.undated


@dataclass(frozen=True)
class Timeline:
    months: tuple[str, ...]  # "YYYY-MM", consecutive: the first month of each bar's period
    series: tuple[Series, ...]
    step: int = 1  # months per bar (a key of PERIODS): 1, 3 (calendar quarters) or 12 (years)

    @property
    def unit(self) -> str:
        """"month", "quarter" or "year": what one bar counts."""
        return PERIODS[self.step]

    def label(self, index: int) -> str:
        """Bar `index`'s period as people write it: "2021-05", "2021-Q2" or "2021"."""
        month = self.months[index]
        if self.step == 12:
            return month[:4]
        if self.step == 3:
            return f"{month[:4]}-Q{(int(month[5:]) - 1) // 3 + 1}"
        return month

    def last_month(self, index: int) -> str:
        """The last month ("YYYY-MM") of bar `index`'s period."""
        return _month_name(_month_number(self.months[index]) + self.step - 1)

    def period_of(self, month: str) -> int | None:
        """The index of the bar whose period holds `month` ("YYYY-MM"), or None off the axis."""
        if not self.months or not _valid_month(month):
            return None
        index = (_month_number(month) - _month_number(self.months[0])) // self.step
        return index if 0 <= index < len(self.months) else None

    def count(self, month_index: int) -> int:
        """Passages of every series in one month."""
        return sum(s.counts[month_index] for s in self.series)

    @property
    def bars(self) -> tuple[int, ...]:
        """Indexes of the months that have at least one passage: where the cursor can stop."""
        return tuple(i for i in range(len(self.months)) if self.count(i))

    @property
    def charted(self) -> tuple[int, ...]:
        """Indexes of the series with a dated passage: those that have bars (and take
        room on the axis); a series with none is named, not drawn."""
        return tuple(k for k, s in enumerate(self.series) if any(s.counts))

    @property
    def largest(self) -> int:
        """The most passages in one bar of one series (0 without any)."""
        return max((c for s in self.series for c in s.counts), default=0)

    @property
    def empty(self) -> bool:
        return not any(s.total for s in self.series)


def _month_number(month: str) -> int:
    year, number = month.split("-")
    return int(year) * 12 + int(number) - 1


def _month_name(number: int) -> str:
    return f"{number // 12:04d}-{number % 12 + 1:02d}"


def month_range(first: str, last: str) -> tuple[str, ...]:
    """Every month from `first` to `last` inclusive ("YYYY-MM" strings)."""
    return tuple(_month_name(n) for n in range(_month_number(first), _month_number(last) + 1))


def _valid_month(month: str | None) -> bool:
    return bool(month) and len(month) == 7 and month[4] == "-" and month[:4].isdigit() and month[5:].isdigit() \
        and 1 <= int(month[5:]) <= 12


def build_timeline(counted: Sequence[tuple[Subject, Iterable[tuple[str | None, int]]]],
                   duplicates: Mapping[Subject, int] | None = None) -> Timeline:
    """One series per subject over the months from the first to the last with a passage.

    `counted`: (subject, rows of (month "YYYY-MM" or None, passages)) as the index
    returns them, in any order. A month that is None or not a valid month counts
    as undated. `duplicates`: per subject, the passages left out as duplicates (said, not drawn).
    """
    tallies: list[tuple[Subject, dict[str, int], int]] = []
    for subject, rows in counted:
        per_month: dict[str, int] = {}
        undated = 0
        for month, count in rows:
            if _valid_month(month):
                per_month[month] = per_month.get(month, 0) + count
            else:
                undated += count
        tallies.append((subject, per_month, undated))
    known = sorted({m for _, per_month, _ in tallies for m, c in per_month.items() if c})
    months = month_range(known[0], known[-1]) if known else ()
    left_out = duplicates or {}
    return Timeline(months, tuple(Series(subject, tuple(per_month.get(m, 0) for m in months), undated,
                                         left_out.get(subject, 0))
                                  for subject, per_month, undated in tallies))


def by_period(timeline: Timeline, step: int) -> Timeline:
    """`timeline` (one bar a month) with one bar per `step` months (a key of PERIODS),
    periods aligned on the calendar (quarters start in January, April, July, October;
    years in January), each bar the sum of its months. Raises ValueError for a
    timeline already coarsened or a step not in PERIODS."""
    if timeline.step != 1 or step not in PERIODS:
        raise ValueError(f"cannot group a timeline of {timeline.step}-month bars by {step} months")
    if step == 1 or not timeline.months:
        return replace(timeline, step=step)
    first = _month_number(timeline.months[0])
    start = first - first % step
    periods = range(start, _month_number(timeline.months[-1]) + 1, step)
    return Timeline(tuple(_month_name(n) for n in periods),
                    tuple(replace(s, counts=tuple(sum(s.counts[max(0, n - first):n + step - first]) for n in periods))
                          for s in timeline.series),
                    step)


def fitted(timeline: Timeline, columns: int) -> Timeline:
    """`timeline` by months, else by quarters, else by years: the finest in which every
    period gets a column for each series' bar and one more between it and the next, in
    `columns`: a month sharing its column with the next was drawn over and lost (issue
    18: 100 months and two series at 80 columns), and periods side by side read as one
    wide bar."""
    for step in PERIODS:
        grouped = by_period(timeline, step)
        if fits(grouped, columns):
            return grouped
    return grouped


def fits(timeline: Timeline, columns: int) -> bool:
    """Whether `columns` hold a column for each charted series' bar of every period
    (`Timeline.charted`) and one between periods (see `fitted`)."""
    return len(timeline.months) * (max(1, len(timeline.charted)) + 1) <= columns


def year_ticks(months: Sequence[str], most: int = 12, gap: int = 1) -> tuple[list[int], list[str]]:
    """Positions (1-based, as plotted) and labels for the x axis: one per year (the
    first month, then each January), at most `most` of them (every second, fifth…
    year on a long axis), none closer than `gap` bars to the one before (so that
    labels do not collide: the first month's year, a part of a year, gives way to
    the next January's, else a later one gives way to an earlier)."""
    firsts = [(i + 1, m[:4]) for i, m in enumerate(months) if i == 0 or m.endswith("-01")]
    if len(firsts) > 1 and firsts[1][0] - firsts[0][0] < gap and not months[0].endswith("-01"):
        firsts = firsts[1:]
    spaced: list[tuple[int, str]] = []
    for position, label in firsts:
        if not spaced or position - spaced[-1][0] >= gap:
            spaced.append((position, label))
    step = max(1, -(-len(spaced) // most))
    kept = spaced[::step]
    return [p for p, _ in kept], [label for _, label in kept]


def text_bar(count: int, largest: int, width: int) -> str:
    """A bar of `count` scaled so that `largest` fills `width` cells, in eighths of a cell."""
    if largest <= 0 or count <= 0:
        return ""
    eighths = max(1, round(count * width * 8 / largest))
    return BAR * (eighths // 8) + (PARTIAL[eighths % 8] if eighths % 8 else "")


def text_lines(timeline: Timeline, bars: bool, width: int = 40) -> list[str]:
    """The timeline as lines: each month with passages (and a blank line between years),
    one count column per series; `bars` (a terminal) adds text bars on one scale, and
    with several series gives each its own line under the month, named."""
    lines: list[str] = []
    largest = timeline.largest
    several = bars and len(timeline.series) > 1
    names = [s.subject.label if len(s.subject.label) <= 24 else s.subject.label[:23] + "…" for s in timeline.series]
    name_width = max(map(len, names), default=0)
    year = None
    for i in timeline.bars:
        month = timeline.months[i]
        if bars and year is not None and month[:4] != year:
            lines.append("")
        year = month[:4]
        counts = [s.counts[i] for s in timeline.series]
        if several:
            lines += [f"{month if k == 0 else '':<7}  {name:<{name_width}}  {count:>5}  {text_bar(count, largest, width)}".rstrip()
                      for k, (name, count) in enumerate(zip(names, counts))]
        elif bars:
            lines.append(f"{month}  {counts[0]:>5}  {text_bar(counts[0], largest, width)}")
        else:
            lines.append("\t".join([month, *map(str, counts)]))
    undated = [s.undated for s in timeline.series]
    if any(undated):
        if several:
            lines += [f"{'undated' if k == 0 else '':<7}  {name:<{name_width}}  {count:>5}"
                      for k, (name, count) in enumerate(zip(names, undated))]
        elif bars:
            lines.append(f"undated  {undated[0]:>5}")
        else:
            lines.append("\t".join(["undated", *map(str, undated)]))
    return lines


def to_json(timeline: Timeline) -> dict:
    """{"months": [...], "series": [{"kind", "id", "label", "counts", "undated", "total", "duplicates"}]};
    `duplicates`: passages of duplicate articles, left out of the counts."""
    return {
        "months": list(timeline.months),
        "series": [{"kind": s.subject.kind, "id": s.subject.key, "label": s.subject.label, "counts": list(s.counts),
                    "undated": s.undated, "total": s.total, "duplicates": s.duplicates} for s in timeline.series],
    }


def _folded_key(text: str) -> str:
    """"North–South corridor" and "north_south_corridor" alike: lower case, words joined by _."""
    return "_".join(re.findall(r"\w+", text.casefold()))


def same_name(name: str, candidate: str) -> bool:
    """Whether a typed `name` names `candidate` (case, spaces, dashes and underscores aside)."""
    return _folded_key(name) == _folded_key(candidate)


def suggest(name: str, candidates: Iterable[str]) -> str | None:
    """The closest candidate to a mistyped `name`, or None: the candidate whose words'
    initials `name` is ("nsc" → "north_south_corridor"), else difflib's ratio ≥ 0.6 on
    the whole name (case and separators aside), else on any one word of a candidate
    ("Putni" → "Vladimir Putin"), else a candidate containing `name`."""
    by_key: dict[str, str] = {}
    for candidate in candidates:
        by_key.setdefault(_folded_key(candidate), candidate)
    key = _folded_key(name)
    if not key:
        return None
    if "_" not in key and len(key) >= 2:
        initials = next((c for k, c in by_key.items() if "_" in k and "".join(w[:1] for w in k.split("_")) == key), None)
        if initials:
            return initials
    close = difflib.get_close_matches(key, list(by_key), n=1)
    if close:
        return by_key[close[0]]
    by_word: dict[str, str] = {}
    for folded, candidate in by_key.items():
        for word in folded.split("_"):
            by_word.setdefault(word, candidate)
    close = difflib.get_close_matches(key, list(by_word), n=1)
    if close:
        return by_word[close[0]]
    return next((c for k, c in by_key.items() if key in k), None)
