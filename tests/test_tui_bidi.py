"""Persian in the reader: passages and panel snippets in visual order, the terminal's BiDi mode."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.cells import cell_len

from reader.annotate.topics import Passage, Related, Topic
from reader.config import Display, load_config
from reader.index import Entry
from reader.library import Library
from reader.render_bidi import EXPLICIT_MODE, IMPLICIT_MODE
from reader.tui.screens.search import result_prompt
from reader.tui.widgets.panel import related_options
from reader.tui.widgets.raw import RawView

from tui_helpers import drive, make_app

FIXTURES = Path(__file__).parent / "fixtures" / "bidi"


def persian_library(folder: Path, display: str = "") -> Library:
    (folder / "fa.txt").write_bytes((FIXTURES / "fa_agency.txt").read_bytes())
    config = folder / "config.yaml"
    config.write_text(f"corpus: [fa.txt]\n{display}")
    return Library(load_config(config), cache=False).ensure_fresh()


def passage_rows(app, index: int) -> list[str]:
    return [line.strip.text for line in app.view.lines if line.owner == index]


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_persian_passage_reads_right_to_left_in_the_article_view(tmp_path, size):
    app = make_app(persian_library(tmp_path), tmp_path)
    seen = {}

    async def scenario(pilot):
        seen["doc"] = app.view.doc
        seen["rows"] = passage_rows(app, 0)

    drive(app, scenario, size=size)
    first = seen["doc"].clean.paragraphs[0].text
    rows = seen["rows"]
    assert len(rows) >= 3
    assert rows[0].rstrip().endswith(first.split()[0][::-1])  # the first word, at the right end
    assert len({cell_len(row.rstrip()) for row in rows}) == 1  # right-aligned: one right edge
    assert first.split()[-1][::-1] in rows[-1]  # the last word on the last row


def test_with_the_terminal_reordering_the_view_keeps_logical_order(tmp_path):
    app = make_app(persian_library(tmp_path, "display: {bidi: terminal}\n"), tmp_path)
    seen = {}

    async def scenario(pilot):
        seen["rows"] = passage_rows(app, 0)
        seen["first"] = app.view.doc.clean.paragraphs[0].text

    drive(app, scenario)
    assert seen["rows"][0].lstrip().startswith(seen["first"].split()[0])  # logical order: first word first


class FakeDriver:
    def __init__(self, headless: bool = False):
        self.is_headless, self.is_web, self.written = headless, False, []

    def write(self, data: str) -> None:
        self.written.append(data)

    def flush(self) -> None:
        pass


@pytest.mark.parametrize("display, headless, expected", [
    ("", False, [EXPLICIT_MODE, IMPLICIT_MODE]),
    ("display: {bidi: terminal}\n", False, []),
    ("", True, []),
])
def test_terminal_is_asked_not_to_reorder_and_restored(tmp_path, display, headless, expected):
    app = make_app(persian_library(tmp_path, display), tmp_path)
    app._driver = FakeDriver(headless)
    app._terminal_bidi(explicit=True)
    app._terminal_bidi(explicit=False)
    assert app._driver.written == expected
    assert EXPLICIT_MODE == "\x1b[8l" and IMPLICIT_MODE == "\x1b[8h"


def test_same_topic_snippet_in_persian_is_laid_out_for_the_panel():
    text = (FIXTURES / "fa_agency.txt").read_text(encoding="utf-8").split("\n\n")[1][:100]
    related = [Related(Passage("fa", 2, "2025-01-17", "پیمان", text), ("strategic_partnership",), 1.0)]
    topics = {"strategic_partnership": Topic("strategic_partnership", "Strategic partnership", "", (), ())}
    prompt = related_options(related, topics, None, width=40, display=Display())[0].prompt.plain
    rows = prompt.split("\n")[2:]  # after the title and the topics line
    assert rows and all(cell_len(row) == 40 for row in rows)
    assert rows[0].endswith(text.split()[0][::-1])
    logical = related_options(related, topics, None, width=40, display=Display(bidi="terminal"))[0].prompt.plain
    assert text in logical


def test_persian_search_result_is_laid_out_with_its_match_highlighted():
    text = (FIXTURES / "fa_agency.txt").read_text(encoding="utf-8").split("\n\n")[3]  # Arabic ي and ك
    entry = Entry("fa", "fa.txt", "پیمان", None, None, 10, (), ())
    prompt = result_prompt(entry, 3, text, "وزیر کشور", width=40, display=Display())
    rows = prompt.plain.split("\n")[1:]
    assert len(rows) > 1 and all(cell_len(row) == 40 and row.startswith("  ") for row in rows)  # right-aligned
    assert rows[0].endswith("وزير"[::-1])
    marked = sorted(prompt.plain[s.start:s.end] for s in prompt.spans if s.style == "bold reverse")
    assert marked == sorted(["وزير"[::-1], "كشور"[::-1]])


def test_a_long_persian_title_in_search_results_wraps_in_reading_order():
    """A newcomer saw the title's end on the first line: it was reordered, then wrapped."""
    title = "وزیر راه و شهرسازی ایران از آغاز ساخت خط آهن رشت آستارا با مشارکت روسیه در سال آینده خبر داد"
    entry = Entry("fa", "fa.txt", title, None, "2025-01-02", 10, (), ())
    prompt = result_prompt(entry, 3, "خط آهن", "خط آهن", width=40, display=Display())
    rows = prompt.plain.split("\n")
    assert all(cell_len(row) <= 40 for row in rows)  # nothing left for the list to wrap
    assert rows[1].endswith(title.split()[0][::-1]) and "¶4" in rows[0]


def test_a_long_persian_source_in_the_sidebar_keeps_its_opening_words(tmp_path):
    """A newcomer saw only 'و سیما صادق' of a long outlet: cut after reordering, it lost its start."""
    from reader.tui.widgets.sidebar import ArticleList

    source = "خبرگزاری صدا و سیمای جمهوری اسلامی ایران در استان گیلان"
    app = make_app(persian_library(tmp_path, f"articles:\n  fa.txt: {{source: {source}}}\n"), tmp_path)
    seen = {}

    async def scenario(pilot):
        article_list = app.query_one(ArticleList)
        seen["width"] = article_list.size.width
        seen["row"] = article_list.render_line(0).text

    drive(app, scenario, size=(120, 40))
    row = seen["row"]
    assert cell_len(row) == seen["width"] and "…" in row
    assert source.split()[0][::-1] in row  # the opening word, at the right of the cut label


def test_raw_view_stays_in_logical_order(tmp_path):
    app = make_app(persian_library(tmp_path), tmp_path)
    seen = {}

    async def scenario(pilot):
        await pilot.press("r")
        await pilot.pause()
        raw = app.query_one(RawView)
        seen["lines"] = [raw.line_text(n).plain for n in range(1, len(raw.lines) + 1)]

    drive(app, scenario)
    body = "\n".join(seen["lines"])
    assert "تهران – ایرنا – رئیس\u200cجمهور" in body and "می\u200cخواهند" in body  # the RLM file's half-space


def _two_persian_stories(tmp_path):
    """A library of the Persian agency fixture and another story sharing its topics, and its app."""
    text = (FIXTURES / "fa_agency.txt").read_text(encoding="utf-8")
    (tmp_path / "fa.txt").write_text(text, encoding="utf-8")
    (tmp_path / "fa2.txt").write_text(text.replace("بیست‌ساله", "بیست ساله و تازه"), encoding="utf-8")  # another story
    (tmp_path / "config.yaml").write_text("corpus: [fa.txt, fa2.txt]\n")
    library = Library(load_config(tmp_path / "config.yaml"), cache=False).ensure_fresh()
    return library, make_app(library, tmp_path)


def _assert_snippets_in_visual_order(seen):
    """seen["prompts"]: the links list's options; seen["paragraphs"]: the article's text."""
    snippets = [p for p in seen["prompts"] if "¶" in p]
    assert snippets, seen["prompts"]
    words = {w for paragraph in seen["paragraphs"] for w in paragraph.split()
             if len(w) >= 3 and w != w[::-1] and not any(c.isdigit() for c in w)}  # digits run left to right
    shown = {w for p in snippets for w in p.split()}
    assert shown & {w[::-1] for w in words}  # visual order: each word's letters right to left
    assert not shown & words, shown & words  # no word in logical order


@pytest.mark.parametrize("size, hide", [((80, 24), False), ((120, 40), True)])
def test_the_panel_shown_later_lays_out_its_persian_snippets(tmp_path, size, hide):
    """At 80×24 the panel starts hidden, so its list had no width when its options were
    built: shown with `p`, a newcomer read its Persian snippets in logical order. At
    120×40 another hid it (`hide`), moved, and pressed `p`: the snippets built while it
    was hidden came back in logical order at the width of before."""
    library, app = _two_persian_stories(tmp_path)
    seen = {}

    async def scenario(pilot):
        from reader.tui.widgets.panel import LinkList

        doc = app.view.doc
        index = next(i for i in range(len(doc.clean.paragraphs)) if library.related(doc, i))
        await pilot.press(*["j"] * (index - app.view.cursor))
        await pilot.pause()
        if hide:
            await pilot.press("p", "k", "j")  # the list is built again while hidden
            await pilot.pause()
        assert app.panel.has_class("-hidden")
        await pilot.press("p")
        await pilot.pause()
        await pilot.pause()
        links = app.panel.query_one(LinkList)
        seen["prompts"] = [str(links.get_option_at_index(i).prompt) for i in range(links.option_count)]
        seen["paragraphs"] = [p.text for p in library.get("fa").clean.paragraphs]

    drive(app, scenario, size=size)
    _assert_snippets_in_visual_order(seen)


def test_an_entitys_other_articles_and_a_months_passages_read_right_to_left(tmp_path):
    """The entity panel's "Other articles" and the timeline's month list showed Persian
    titles and snippets in logical order (reversed on an xterm), where the sidebar,
    the article and the same-topic list reorder them."""
    from reader.history import Location
    from reader.tui.screens.timeline import MonthList, TimelineScreen

    from tui_helpers import option_texts, wait_until

    persian_library(tmp_path)
    (tmp_path / "en.txt").write_text("Putin in Tehran\n\nVladimir Putin met Iranian officials in Tehran on Tuesday.\n")
    (tmp_path / "config.yaml").write_text("corpus: [fa.txt, en.txt]\narticles: {fa.txt: {date: 2025-01-17}}\n")
    library = Library(load_config(tmp_path / "config.yaml"), cache=False).ensure_fresh()
    fa = next(e for e in library.entries if e.id == "fa")
    first_word = fa.title.split()[0]
    seen = {}

    async def scenario(pilot):
        await app.go(Location("en", 0))
        await app.select_entity("Vladimir Putin")
        await pilot.pause()
        seen["others"] = [t for t in option_texts(app.panel.query_one("#links")) if "mention" in t and "×" in t]
        await app.go(Location(fa.id, 0))
        topic = app.view.doc.topic_ids(0)[0]
        app.active_topic = topic
        await pilot.press("T")
        await wait_until(pilot, lambda: isinstance(app.screen, TimelineScreen) and app.screen.cursor is not None)
        await pilot.pause()
        await pilot.press("enter")
        await wait_until(pilot, lambda: "¶" in "".join(option_texts(app.screen.query_one(MonthList))))
        seen["month"] = option_texts(app.screen.query_one(MonthList))
        seen["snippet"] = app.view.doc.clean.paragraphs[0].text

    app = make_app(library, tmp_path)
    drive(app, scenario)
    assert seen["others"] and first_word[::-1] in seen["others"][0] and first_word not in seen["others"][0]
    month = "\n".join(seen["month"])
    assert first_word[::-1] in month and first_word not in month
    assert seen["snippet"].split()[0][::-1] in month  # the ¶ snippet too


def test_a_long_persian_title_beside_its_date_in_the_panel_wraps_in_reading_order():
    """A newcomer read a Persian title in the same-topic list over three rows out of
    order: laid out at the list's width, then put after its date, its first line was
    too long and the list wrapped that reordered line again."""
    title = "مکانیزم رفع تحریم‌ها در برنامه جامع اقدام مشترک و نقش روسیه در آن"
    related = [Related(Passage("fa", 0, "2015-11-19", title, "برجام"), ("jcpoa",), 1.0)]
    topics = {"jcpoa": Topic("jcpoa", "Nuclear deal (JCPOA)", "", (), ())}
    rows = related_options(related, topics, None, width=40, display=Display())[0].prompt.plain.split("\n")
    title_rows = [r for r in rows if "[" not in r and "¶" not in r and r.strip() != "برجام"[::-1]]
    assert len(title_rows) > 1 and all(cell_len(row) <= 40 for row in rows), rows
    assert title_rows[0].startswith("2015-11-19  ") and title_rows[0].endswith(title.split()[0][::-1])
    assert all(row.startswith(" " * 12) for row in title_rows[1:])  # under the title, not the date


@pytest.mark.parametrize("size, resized", [((80, 24), None), ((120, 40), None), ((160, 40), (80, 24))])
def test_a_long_persian_title_in_the_header_keeps_its_opening_words(tmp_path, size, resized):
    """At 80×24 a newcomer's header showed a Persian title's last words: it was reordered,
    then cut by the header on the right, where the title's end had been put."""
    title = "مکانیزم رفع تحریم‌ها در برنامه جامع اقدام مشترک و نقش روسیه و چین در اجرای آن پس از خروج آمریکا"
    app = make_app(persian_library(tmp_path, f"articles:\n  fa.txt: {{title: {title}}}\n"), tmp_path)
    seen = {}

    async def scenario(pilot):
        await pilot.pause()
        if resized:
            await pilot.resize_terminal(*resized)
            await pilot.pause()
            await pilot.pause()
        header = app.query_one("HeaderTitle")
        seen["width"] = header.size.width
        seen["line"] = header.render_line(0).text

    drive(app, scenario, size=size)
    line = seen["line"].rstrip()
    assert "…" in line and cell_len(line) <= seen["width"]
    assert line.endswith(title.split()[0][::-1]), line  # the opening word, at the right of the cut title


def test_why_under_a_persian_passage_reads_left_to_right_with_its_labels_whole(tmp_path):
    """`w` under a Persian passage: the line was laid out with the passage, right to left,
    and a newcomer read "(why: Nuclear deal (JCPOA" and a label split over two lines."""
    from tui_helpers import article_lines

    app = make_app(persian_library(tmp_path), tmp_path)
    seen = {}

    async def scenario(pilot):
        doc = app.view.doc
        index = next(i for i, hits in enumerate(doc.passage_topics) if hits)
        await pilot.press("w")
        await pilot.pause()
        seen["lines"] = article_lines(app, index).split("\n")
        seen["labels"] = [app.view.topic_labels[hit.topic] for hit in doc.passage_topics[index]]

    drive(app, scenario, size=(80, 24))
    why = [line.strip() for line in seen["lines"] if "why:" in line]
    assert len(why) == 1 and why[0].startswith("why: " + seen["labels"][0] + " — "), seen["lines"]


def test_a_persian_entity_in_the_panel_is_in_visual_order():
    """The entity panel listed "شرکت ملی گاز ایران" in logical order, which a terminal
    that does not reorder (xterm, tmux) shows letters reversed; the article beside it was
    reordered. With `bidi: terminal` it stays as it is, for the terminal to reorder."""
    from reader.models import CleanText, Document, Mention, Metadata, Paragraph, RawArticle
    from reader.render_bidi import display_line
    from reader.tui.widgets.panel import entity_options

    name = "شرکت ملی گاز ایران"
    text = f"{name} گفت."
    doc = Document(RawArticle("fa1", Path("fa1.txt"), text, "utf-8"),
                   CleanText(Metadata("عنوان"), (Paragraph(0, "body", text, 1),), ()),
                   ((Mention(0, len(name), name, "ORG", name),),))
    shown = [str(o.prompt) for o in entity_options(doc, {"ORG": "Organisation"}, {}) if o.id]
    assert shown == [f"  {display_line(name, Display())}  ×1"] and display_line(name, Display()) != name
    kept = [str(o.prompt) for o in entity_options(doc, {"ORG": "Organisation"}, {}, Display(bidi="terminal")) if o.id]
    assert kept == [f"  {name}  ×1"]


def test_a_long_persian_entity_wraps_in_reading_order_in_a_narrow_panel():
    """At 80×24 a newcomer's entity pane (about 20 cells) showed "سازمان صداوسیمای جمهوری
    اسلامی ایران" reordered as one line and then wrapped by the list: its last words on
    the first row, its first word on the second."""
    from reader.models import CleanText, Document, Mention, Metadata, Paragraph, RawArticle
    from reader.tui.widgets.panel import entity_options

    name = "سازمان صداوسیمای جمهوری اسلامی ایران"
    text = f"{name} گفت."
    doc = Document(RawArticle("fa1", Path("fa1.txt"), text, "utf-8"),
                   CleanText(Metadata("عنوان"), (Paragraph(0, "body", text, 1),), ()),
                   ((Mention(0, len(name), name, "ORG", name),),))
    rows = [o.prompt.plain for o in entity_options(doc, {"ORG": "Organisation"}, {}, Display(), width=24) if o.id]
    rows = rows[0].split("\n")
    assert len(rows) > 1 and all(cell_len(row) <= 24 for row in rows), rows
    assert rows[0].rstrip().endswith(name.split()[0][::-1])  # the first word first, at the right
    assert rows[-1].endswith(f"{name.split()[-1][::-1]}  ×1")  # the last word, then the count


@pytest.mark.parametrize("pane", ["search", "entities"])
def test_persian_rows_laid_out_for_a_list_still_fit_it_once_the_list_has_focus(tmp_path, pane):
    """At 80x24 a newcomer's Persian search results showed each passage's first word on
    the row after the rest of its line: laid out for the list's width, the rows lost a
    cell to the focus bar when Enter moved to the results, and the list wrapped them again."""
    from textual.widgets import OptionList

    from tui_helpers import wait_until

    app = make_app(persian_library(tmp_path), tmp_path)
    seen = {}

    async def scenario(pilot):
        if pane == "search":
            await pilot.press("s", *"همکاری ایران", "enter")
            await wait_until(pilot, lambda: app.screen.query("#search-results")
                             and app.screen.query_one("#search-results", OptionList).option_count > 0)
            results = app.screen.query_one("#search-results", OptionList)
        else:
            await pilot.press("e")  # the panel shown (below the article at 80x24), its entities focused
            results = app.panel.query_one("#entities", OptionList)
            await wait_until(pilot, lambda: results.has_focus and results.option_count > 0)
            await pilot.pause(0.2)  # laid out again for the width the panel got: a row still highlighted
            assert results.highlighted is not None and not results.get_option_at_index(results.highlighted).disabled
        await pilot.pause(0.2)
        seen["focused"] = results.has_focus
        seen["width"] = results.scrollable_content_region.width - 2  # an option's padding, a cell each side
        seen["rows"] = [row for i in range(results.option_count)
                        for row in results.get_option_at_index(i).prompt.plain.split("\n")]

    drive(app, scenario, size=(80, 24))
    persian = [row for row in seen["rows"] if any("\u0600" <= c <= "\u06ff" for c in row)]
    assert seen["focused"] and persian, seen["rows"]
    assert all(cell_len(row) <= seen["width"] for row in persian), (seen["width"], persian)


def test_a_persian_bookmark_reads_right_to_left_at_80_columns(tmp_path):
    """A newcomer saw a bookmarked Persian title with its two lines swapped (reordered whole,
    then wrapped by the list) and its snippet in logical order."""
    from reader.tui.screens.bookmarks import BookmarksScreen

    from tui_helpers import option_texts, wait_until

    library = persian_library(tmp_path)
    title = library.entries[0].title
    seen = {}

    async def scenario(pilot):
        await pilot.press("j", "m", "M")
        await wait_until(pilot, lambda: isinstance(app.screen, BookmarksScreen))
        await pilot.pause()
        marks = app.screen.query_one("#bookmark-list")
        seen["width"] = marks.scrollable_content_region.width - 2
        seen["rows"] = "\n".join(option_texts(marks)).split("\n")
        seen["snippet"] = app.view.doc.clean.paragraphs[1].text

    app = make_app(library, tmp_path)
    drive(app, scenario, size=(80, 24))
    rows = seen["rows"]
    assert all(cell_len(row) <= seen["width"] for row in rows), rows  # nothing left for the list to wrap
    assert title.split()[0][::-1] in rows[0] or title.split()[0][::-1] in rows[1]  # the opening word comes first
    assert seen["snippet"].split()[0][::-1] in "\n".join(rows) and seen["snippet"].split()[0] not in "\n".join(rows)


def test_a_persian_title_in_the_command_palette_is_in_visual_order(tmp_path):
    """A newcomer's Ctrl+P listed "Article: 2025-01-14 کرملین: …" in logical order (reversed on
    an xterm) where the sidebar reorders it; typing still matches the title as written."""
    from tui_helpers import option_texts, wait_until

    library = persian_library(tmp_path)
    words = library.entries[0].title.split()
    seen = {}

    async def scenario(pilot):
        await pilot.press("ctrl+p", *words[1])
        await wait_until(pilot, lambda: bool(app.screen.query("CommandList"))
                         and app.screen.query_one("CommandList").option_count > 0)
        seen["hits"] = option_texts(app.screen.query_one("CommandList"))
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.screen is app.screen_stack[0])

    app = make_app(library, tmp_path)
    drive(app, scenario)
    article = next(hit for hit in seen["hits"] if hit.startswith("Article:"))
    assert words[1][::-1] in article and words[1] not in article
    assert article.index(words[-1][::-1]) < article.index(words[0][::-1])  # the last word on the left
