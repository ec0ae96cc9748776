"""`T`: a topic's (or an entity's) passages per month, as bars; a way into its trail.

The chart is textual-plotext (Textualize's Plotext widget). The cursor moves
from bar to bar (months with passages; ←/→, h/l, Home/End); Enter lists that
month's passages below the chart and Enter on one lands on it. `a` adds
another topic or entity to compare on the same chart, `d` drops the last one.
Without colour the series stay apart by their fill (█ ▒ ░ ▚); a ▲ under each
of the cursor's bars marks the month under the cursor, and the line below
names it with its counts. Where the months do not fit the width (each series'
bar a column of its own), a bar is a quarter or a year.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.strip import Strip
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option
from textual_plotext import PlotextPlot

from ...history import Location
from ...library import Library
from ...render import plural
from ...timeline import Subject, Timeline, by_period, fits, fitted, year_ticks
from ..bindings import LIST, MODAL, TIMELINE
from ..widgets.panel import dated_title, passage_snippet

SEP = "\x00"
MARKERS = ("█", "▒", "░", "▚")  # one fill per series: apart without colour
STYLES = ("cyan", "dark_orange", "green", "magenta")  # Rich styles, one per series
_ANSI = re.compile(r"\x1b\[[0-9;]*m")
_RUNS = re.compile("|".join(f"{re.escape(m)}+" for m in MARKERS) + "|[^" + "".join(MARKERS) + "]+")
CURSOR = "▲"
BAR_WIDTH = 0.8  # of a period, shared by the series compared
MAX_SERIES = len(MARKERS)
MAX_BAR = 6  # columns
LABEL_ROOM = 3  # columns kept left of the first period for its year's label


def plot_columns(width: int, largest: int) -> int:
    """Columns inside Plotext's frame in a chart `width` columns wide whose y axis goes
    up to `largest`: the y labels take as many columns as `largest` has digits, the
    axis and the right border one each (measured on plotext 5.3's build)."""
    return max(1, width - len(str(largest)) - 2)


def bar_columns(width: int, monthly: Timeline) -> int:
    """Columns a chart `width` columns wide has for the bars of `monthly` by any period
    (what `fitted` shares out): those inside the frame with the y axis labelled up to a
    year's count at most (`plot_columns`), less the room for the first year's label."""
    return max(1, plot_columns(width, by_period(monthly, 12).largest) - LABEL_ROOM)


@dataclass(frozen=True)
class BarLayout:
    """Where the bars go, in columns inside the chart's frame: LABEL_ROOM columns, then
    one slot of `slot` columns a period, holding each series' bar of `width` columns
    side by side, centred. With `slot` ≥ series + 1 (`fitted`'s share), every bar has
    columns of its own and a blank column parts each period from the next."""

    slot: float
    width: int
    series: int

    @classmethod
    def of(cls, periods: int, series: int, inside: int) -> BarLayout:
        """The layout of `periods` × `series` bars in `inside` columns: a bar is
        BAR_WIDTH of its slot's share, at most MAX_BAR columns, leaving a column free."""
        series = max(1, series)
        slot = max(1.0, (inside - LABEL_ROOM) / periods)
        width = max(1, min(MAX_BAR, int((slot - 1) / series), int(BAR_WIDTH * slot / series)))
        return cls(slot, width, series)

    def _start(self, period: int) -> int:
        return round(LABEL_ROOM + period * self.slot + (self.slot - self.series * self.width) / 2)

    def columns(self, period: int, series: int) -> range:
        """The columns of series `series`' bar in period `period` (0-based)."""
        first = self._start(period) + series * self.width
        return range(first, first + self.width)

    def centre(self, period: int, series: int) -> int:
        """The middle column of that bar (the left one of two)."""
        return self._start(period) + series * self.width + (self.width - 1) // 2

    def middle(self, period: int) -> int:
        """The middle column of period `period`'s bars (the left one of two): where its
        tick goes, so a single series' tick is the column of its bar's cursor mark (the
        slot's own middle, rounded apart from the bars' start, was a column off)."""
        return self._start(period) + (self.series * self.width - 1) // 2


class MonthList(OptionList):
    BINDINGS = LIST


def _y_ticks(largest: int) -> list[int]:
    step = max(1, -(-largest // 4))
    return list(range(0, largest + 1, step)) + ([largest] if largest % step else [])


def chart_title(timeline: Timeline) -> Text:
    """The chart's title, naming each series after its fill, the fill in the
    series' colour (`STYLES`), as its bars are drawn: the key to which is which."""
    title = Text(f"Timeline · passages per {timeline.unit} · ", style="bold")
    for k, series in enumerate(timeline.series):
        if k:
            title.append("  vs  ", style="dim")
        title.append(MARKERS[k], style=f"bold {STYLES[k]}")
        title.append(f" {series.subject.label}", style="bold")
        title.append(f" ({series.total})", style="dim")
    return title


class TimelineChart(PlotextPlot):
    """The bars of a `Timeline`, built once per timeline and size.

    Each bar is drawn as one vertical line per terminal column it spans, all
    of a series in one Plotext line broken by NaNs: the same picture as
    Plotext's `bar`, which fills a rectangle per bar and took 160 ms for 132
    months; this takes a fifth of that. The cursor is not in
    the plot (moving it redraws nothing here): `cursor_columns` says where the
    screen puts its mark under the chart.
    """

    can_focus = True  # the keys of the screen (←/→, Enter) act on it

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.timeline: Timeline | None = None
        self._layout: BarLayout | None = None  # where the bars of the chart last built are
        self._built: tuple[object, list[str]] | None = None
        self._strips: dict[int, Strip] = {}
        self._fill_styles = {marker: Style.parse(style) for marker, style in zip(MARKERS, STYLES)}

    def draw(self, timeline: Timeline) -> None:
        self.timeline = timeline
        self.refresh()

    def _draw_bars(self, timeline: Timeline) -> None:
        plt = self.plt
        plt.clear_figure()
        months = timeline.months
        if not months:
            plt.title("no dated passage")
            return
        largest = max(1, timeline.largest)
        inside = plot_columns(self.size.width, largest)
        charted = timeline.charted  # a series with no dated passage takes no room
        layout = self._layout = BarLayout.of(len(months), len(charted), inside)
        for place, k in enumerate(charted):
            xs: list[float] = []
            ys: list[float] = []
            for i, value in enumerate(timeline.series[k].counts):
                if value:
                    for x in layout.columns(i, place):
                        xs += [x, x, math.nan]  # NaN ends a segment: one plot call per series
                        ys += [0, value, math.nan]
            if xs:
                plt.plot(xs, ys, marker=MARKERS[k])  # no Plotext legend: it hid bars; the title names each fill
        # x in columns inside the frame: Plotext puts x = c in column c exactly.
        plt.xlim(0, inside - 1)
        # A year label takes 4 columns and wants 2 more of space.
        positions, labels = year_ticks(months, most=max(2, self.size.width // 8), gap=math.ceil(6 / layout.slot))
        plt.xticks([layout.middle(p - 1) for p in positions], labels)
        plt.yticks(_y_ticks(largest))
        plt.ylim(0, largest)

    def _lines(self) -> list[str]:
        """The chart's lines at the widget's size, built once per timeline and size."""
        key = (self.size, self.timeline)  # equal timelines (T again on one topic) are not rebuilt
        if self._built is None or self._built[0] != key:
            plt = self.plt
            plt.clear_figure()
            if self.timeline is not None:
                self._draw_bars(self.timeline)
            width, height = self.size
            plt.plotsize(width, height)
            plt._set_size(width, height)  # as PlotextPlot.render does (textual-plotext issue #5)
            # Built without colour and coloured here, by fill: parsing Plotext's ANSI
            # (an escape per bar) cost as much as building the plot.
            plt.theme("clear")
            self._built = (key, _ANSI.sub("", plt.build()).splitlines())
            self._strips.clear()
        return self._built[1]

    def render_line(self, y: int) -> Strip:
        """Line API: each line's runs of a series' fill get its style, the rest the
        widget's. A `Text` of the whole chart cost as much again as building it."""
        lines = self._lines()
        base = self.rich_style
        if y >= len(lines):
            return Strip.blank(self.size.width, base)
        if y not in self._strips:
            fills = self._fill_styles
            segments = [Segment(run, base + fills[run[0]] if run[0] in fills else base) for run in _RUNS.findall(lines[y])]
            self._strips[y] = Strip(segments).adjust_cell_length(self.size.width, base)
        return self._strips[y]

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()

    def cursor_columns(self, bar: int) -> list[tuple[int, int]]:
        """(series, column 0-based in this widget) of each series' bar in period `bar`
        that has passages, from the plot's own frame (its bottom border, └…┘, spans the
        x axis), built for the timeline and size it has now: the chart last built may be
        another topic's (a screen charted ahead is given a new topic before it is drawn),
        whose axis spans other months. Empty before the chart has a size."""
        if self.timeline is None or not self.timeline.months or not self.size.width or not self.size.height:
            return []
        for line in reversed(self._lines()):
            if "└" in line and self._layout is not None:
                left = line.index("└") + 1
                return [(k, left + self._layout.centre(bar, place))
                        for place, k in enumerate(self.timeline.charted) if self.timeline.series[k].counts[bar]]
        return []


class TimelineScreen(Screen[Location | None]):
    BINDINGS = [*MODAL, *TIMELINE]

    def __init__(self, library: Library, subjects: Sequence[Subject] = ()) -> None:
        super().__init__()
        self.library = library
        self._warmed = False  # laid out and rendered off screen once (`warm`)
        self.partial = False  # charted while the corpus was being indexed: the counts so far
        self._load(subjects)

    def _load(self, subjects: Sequence[Subject]) -> None:
        self._anchor: str | None = None  # the first month of the bar the cursor was last put on (by a key)
        self.subjects = list(subjects)
        self.monthly = self.library.timeline(self.subjects)
        self._fit(None)

    def _fit(self, month: str | None) -> None:
        """The monthly counts by month, quarter or year, as many bars as the screen's
        width holds (`fitted`), and the cursor on the bar nearest the period holding
        `month` ("YYYY-MM"; None or off the axis: the latest bar)."""
        self._room = self._columns()  # kept for the caption: counting it groups the months by year
        self.timeline = fitted(self.monthly, self._room) if self.monthly.months else self.monthly
        bars = self.timeline.bars
        here = self.timeline.period_of(month) if month else None
        self.cursor: int | None = (None if not bars else bars[-1] if here is None
                                   else min(bars, key=lambda i: abs(i - here)))

    def _columns(self) -> int:
        """`bar_columns` of the chart: the screen's width (the app's before the screen is
        laid out) less its padding."""
        return bar_columns((self.size.width or self.app.size.width) - 2, self.monthly)

    def show(self, subjects: Sequence[Subject]) -> None:
        """Chart `subjects` on this screen, mounted or not: the app keeps one timeline
        screen installed and composed ahead of the first `T`, because composing and
        laying out a new screen took most of T's time (benchmarks/timeline_draw.py)."""
        self._load(subjects)
        if self.is_mounted:
            self._hint()
            self._replotted()
            self.set_focus(self.query_one(TimelineChart))

    def warm(self, subjects: Sequence[Subject], size) -> None:
        """Off screen (installed, mounted, not shown): chart `subjects`, lay the screen
        out at `size` (the app's) and render it once, so that T on them finds the plot
        built and Textual's first layout and render of this screen done: they took most
        of the first T (benchmarks/timeline_draw.py). Textual's own steps on a screen's
        resume (Screen._refresh_layout) and on a full update (its compositor's). Laid
        out and rendered the first time only: that render took some 100 ms of the
        event loop, and the reader warms the screen again whenever the topic it
        follows changes (the counts, from the library, are what later T's wanted)."""
        self.show(subjects)
        if not self._warmed:
            self._warmed = True
            self._refresh_layout(size)
            self._compositor.render_update(full=True)

    def compose(self) -> ComposeResult:
        with Vertical(id="timeline-body"):
            yield Static(id="timeline-title")
            yield TimelineChart(id="timeline-chart")
            yield Static(id="timeline-cursor")
            yield Static(id="timeline-caption")
            yield MonthList(id="timeline-passages")

    def on_mount(self) -> None:
        if not self.query(TimelineChart):  # composed ahead while the app was closing: nothing to draw on
            return
        self._replotted()
        self._hint()
        self.set_focus(self.query_one(TimelineChart))

    def _hint(self) -> None:
        """The passage list emptied to its hint (a new chart or period): the chart takes
        the focus back from it, else Enter and the close keys went to a list of nothing."""
        passages = self.query_one(MonthList)
        if self.focused is passages:
            self.set_focus(self.query_one(TimelineChart))
        passages.set_options(
            [Option(Text(f"Enter lists the passages of the {self.timeline.unit} under the cursor ▶", style="dim"),
                    disabled=True)])

    # --- drawing ------------------------------------------------------------------

    def _redraw(self) -> None:
        self.query_one("#timeline-title", Static).update(chart_title(self.timeline))
        self.query_one("#timeline-caption", Static).update(self._caption())
        self.call_after_refresh(self._mark)

    def _replotted(self) -> None:
        self.query_one(TimelineChart).draw(self.timeline)
        self._redraw()

    def _mark(self) -> None:
        """The cursor's mark under each bar of its period that has passages, in its
        series' colour (once the chart is laid out and built), and the period's name."""
        if not self.is_attached:
            return
        columns = self.query_one(TimelineChart).cursor_columns(self.cursor) if self.cursor is not None else []
        mark = Text()
        if columns:
            label = self.timeline.label(self.cursor)
            first, last = columns[0][1], columns[-1][1]
            fits = last + len(label) + 2 <= self.query_one("#timeline-cursor").size.width
            start = first if fits else max(0, first - len(label) - 1)
            mark.append(" " * start)
            if not fits:
                mark.append(f"{label} ", style="bold")
            for k, column in columns:
                mark.append(" " * (column - mark.cell_len))
                mark.append(CURSOR, style=f"bold {STYLES[k]}")
            if fits:
                mark.append(f" {label}", style="bold")
        self.query_one("#timeline-cursor", Static).update(mark)

    def on_resize(self) -> None:
        step = self.timeline.step
        if self.cursor is not None:  # the period the cursor was put on, if it is still in the bar
            anchor = self._anchor if self._anchor and self.timeline.period_of(self._anchor) == self.cursor else None
            self._fit(anchor or self.timeline.months[self.cursor])
        if self.timeline.step != step:  # a month a bar no longer fits, or fits again
            passages = self.query_one(MonthList)
            listing, focused = passages.highlighted is not None, self.focused is passages
            self._hint()
            self._replotted()
            if listing:  # the list stays open, on the bar's period now
                self._list_month(focus=focused)
        else:
            self._redraw()  # the caption's form follows the width

    def _caption(self) -> Text:
        """The cursor's period with each series' count, the notes, and the keys: two
        lines where the width allows. When the series' names do not fit one line
        (four compared at 60 columns took five lines and left the list no room), each
        is given by its fill, as the title names them; the keys, in short."""
        width = (self.size.width or self.app.size.width) - 2  # the body's padding
        named = self._counts(named=True)
        caption = named if named.cell_len <= width else self._counts(named=False)
        unit = self.timeline.unit
        keys = f"←/→ h/l: {unit} · Enter: passages · a: compare · d: drop · Esc: close"
        caption.append("\n" + (keys if len(keys) <= width else f"←/→: {unit} · Enter: passages · a: add · d: drop · Esc"),
                       style="dim")
        return caption

    def _counts(self, named: bool) -> Text:
        """The caption's first line, each series `named` ("Syria: 4") or, when several
        are compared and not `named`, given by its fill ("░ 4")."""
        timeline = self.timeline
        several = len(timeline.series) > 1

        def each(k: int, count: int, style: str) -> Text:
            if named or not several:
                return Text(f"{timeline.series[k].subject.label}: {count}", style=style)
            return Text.assemble((MARKERS[k], f"{style} {STYLES[k]}"), (f" {count}", style))

        caption = Text()
        if self.cursor is None:
            caption.append("No dated passage on this in the corpus.", style="bold")
        else:
            caption.append(f"{timeline.label(self.cursor)}:", style="bold")
            for k, series in enumerate(timeline.series):
                caption.append("  ")
                caption.append_text(each(k, series.counts[self.cursor], "bold"))
        undated = [s.undated for s in timeline.series]
        if any(undated):  # whose, when several are compared
            caption.append(f"  (+{sum(undated)} undated{', not on the axis' if named else ''}", style="dim")
            if several:
                caption.append(": ", style="dim")
                caption.append_text(Text(", " if named else " ", style="dim").join(
                    each(k, n, "dim") for k, n in enumerate(undated)))
            caption.append(")", style="dim")
        duplicates = sum(s.duplicates for s in timeline.series)
        if duplicates:
            caption.append(f"  ({plural(duplicates, 'duplicate passage')} not counted)", style="dim")
        if self.partial:
            caption.append("  (indexing: the counts so far)", style="dim")
        if timeline.months and not fits(timeline, self._room):
            caption.append("  (too narrow to part every bar: widen the terminal)", style="dim")
        return caption

    # --- keys ---------------------------------------------------------------------

    def action_month(self, step: int) -> None:
        bars = self.timeline.bars
        if self.cursor is None or not bars:
            return
        here = bars.index(self.cursor) if self.cursor in bars else 0
        self.cursor = bars[max(0, min(len(bars) - 1, here + step))]
        self._anchor = self.timeline.months[self.cursor]
        self._redraw()
        if self.query_one(MonthList).highlighted is not None:  # a month is listed: follow the cursor
            self._list_month(focus=False)

    def action_month_to(self, where: str) -> None:
        bars = self.timeline.bars
        if bars:
            self.cursor = bars[0] if where == "first" else bars[-1]
            self._anchor = self.timeline.months[self.cursor]
            self._redraw()

    def action_open_month(self) -> None:
        self._list_month(focus=True)

    def _list_month(self, focus: bool) -> None:
        if self.cursor is None:
            return
        month, until = self.timeline.months[self.cursor], self.timeline.last_month(self.cursor)
        several = len(self.subjects) > 1
        options: list[Option] = []
        passages_list = self.query_one(MonthList)
        width, display = max(0, passages_list.scrollable_content_region.width - 2), self.library.config.display
        for k, subject in enumerate(self.subjects):
            passages = self.library.month_passages(subject, month, until)
            if several and passages:
                options.append(Option(Text(f"{subject.label} · {len(passages)}", style="bold"), disabled=True))
            for p in passages:  # Persian titles and snippets in visual order, as the panel lists them
                prompt = dated_title(p.date, p.title, width, display)
                prompt.append("\n")
                prompt.append_text(passage_snippet(p.index, p.snippet, width, display, label_style="dim"))
                # The series number first: one passage may be listed under two subjects.
                options.append(Option(prompt, id=f"{k}{SEP}{p.article_id}{SEP}{p.index}"))
        passages_list.set_options(options)
        passages_list.highlighted = next((i for i, o in enumerate(options) if not o.disabled), None)
        if focus:
            self.set_focus(passages_list)

    @on(OptionList.OptionSelected, "#timeline-passages")
    def passage_chosen(self, event: OptionList.OptionSelected) -> None:
        _, article_id, index = (event.option.id or "").split(SEP)
        self.dismiss(Location(article_id, int(index)))

    def action_add_subject(self) -> None:
        if len(self.subjects) >= MAX_SERIES:
            self.notify(f"At most {MAX_SERIES} on one chart: d drops the last", timeout=3)
            return

        def add(subject: Subject | None) -> None:
            if subject is not None and subject not in self.subjects:
                self.subjects.append(subject)
                self._replot()

        self.app.push_screen(SubjectPicker(self.library), add)

    def action_drop_subject(self) -> None:
        if len(self.subjects) > 1:
            self.subjects.pop()
            self._replot()
        else:
            self.notify("Nothing to drop: d drops the last one compared (a adds one)", timeout=3)

    def recount(self, partial: bool) -> None:
        """Chart the subjects again from the index as it is now (`partial`: indexing goes
        on), the cursor kept on its period: a chart opened while indexing kept the counts
        of the first articles indexed (a newcomer's report)."""
        self.partial = partial
        self._replot()

    def _replot(self) -> None:
        month = self.timeline.months[self.cursor] if self.cursor is not None else None
        self.monthly = self.library.timeline(self.subjects)
        self._fit(month)
        self._hint()
        self._replotted()

    def action_close(self) -> None:
        if self.focused is self.query_one(MonthList):
            self.set_focus(self.query_one(TimelineChart))
            return
        self.dismiss(None)


class SubjectPicker(ModalScreen[Subject | None]):
    """Type to find a topic or an entity; Enter picks it."""

    BINDINGS = MODAL
    LIMIT = 60

    def __init__(self, library: Library) -> None:
        super().__init__()
        self.library = library
        self.candidates = [Subject("topic", t.id, t.label) for t in library.topic_map.topics] + \
            [Subject("entity", name, name) for name, _ in library.corpus_entities()]

    def compose(self) -> ComposeResult:
        with Vertical(id="picker-body") as body:
            body.border_title = "Compare with — type, ↓: the list, Enter: add · Esc: cancel"
            yield Input(placeholder="a topic or an entity", id="picker-input")
            yield MonthList(id="picker-list")

    def on_mount(self) -> None:
        self._fill(self._matching(""))

    def _matching(self, query: str) -> list[Subject]:
        words = query.casefold().split()
        return [s for s in self.candidates if all(w in s.label.casefold() for w in words)][:self.LIMIT]

    def _fill(self, shown: list[Subject]) -> None:
        self.shown = shown
        options = [Option(Text.assemble((s.label, "bold"), (f"  {s.kind}", "dim")), id=str(i))
                   for i, s in enumerate(self.shown)]
        picker = self.query_one(MonthList)
        picker.set_options(options)
        picker.highlighted = 0 if options else None

    @on(Input.Changed, "#picker-input")
    def typed(self, event: Input.Changed) -> None:
        self._fill(self._matching(event.value))
        if not self.shown and event.value.strip():
            self._find_named(event.value)

    @work(thread=True, exclusive=True, group="picker-alias")
    def _find_named(self, query: str) -> None:
        """No name holds what was typed: the entity it names by an alias or inflected form in
        any language (Путина, پوتین: a newcomer found nothing), looked up off the event loop
        (the first look-up builds the gazetteer's matcher, a second or more)."""
        named = self.library.entity_named(query)
        if named:
            self.app.call_from_thread(self._named_found, query, Subject("entity", named, named))

    def _named_found(self, query: str, subject: Subject) -> None:
        if self.query_one("#picker-input", Input).value == query and not self.shown:
            self._fill([subject])

    @on(Input.Submitted, "#picker-input")
    def submitted(self, event: Input.Submitted) -> None:
        picker = self.query_one(MonthList)
        if picker.highlighted is not None:
            self.dismiss(self.shown[picker.highlighted])
        else:
            self.notify(f"No topic or entity matches {event.value.strip()!r}: try fewer letters", severity="warning",
                        markup=False, timeout=4)

    def key_down(self) -> None:
        if isinstance(self.focused, Input):
            self.set_focus(self.query_one(MonthList))

    @on(OptionList.OptionSelected, "#picker-list")
    def chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.shown[int(event.option.id)])

    def action_close(self) -> None:
        self.dismiss(None)
