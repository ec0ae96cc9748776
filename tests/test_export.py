"""Briefs (SPEC §12): every quote and citation checked by parsing the Markdown."""

import os
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from reader.cli import main
from reader.config import bundled_config, load_config
from reader.atomic import write_atomic
from reader.export import Quote, brief_markdown, citation, date_bound, escape_markdown, ordered, within
from reader.library import Library
from reader.models import CleanText, Document, Mention, Metadata, Paragraph, RawArticle
from reader.render import meta_line
from reader.state import Bookmark, StateStore, toggle_bookmark

FIXTURES = Path(__file__).parent / "fixtures"
PARSER = MarkdownIt("commonmark").enable("table").enable("strikethrough")  # GFM's extras too


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def inline_text(inline) -> tuple[str, list[str], set[str]]:
    """(plain text, strong runs, every other kind of inline token) of an inline token."""
    text, strong, kinds, current = [], [], set(), None
    for child in inline.children:
        if child.type == "strong_open":
            current = []
        elif child.type == "strong_close":
            strong.append("".join(current))
            current = None
        elif child.type in ("text", "softbreak"):
            piece = child.content if child.type == "text" else " "
            text.append(piece)
            if current is not None:
                current.append(piece)
        else:
            kinds.add(child.type)
            if child.type == "link_open" and child.markup == "autolink":
                continue
    return "".join(text), strong, kinds


def parse_brief(markdown: str) -> dict:
    """The brief as a reader of the rendered page sees it: title, range line, and per
    quote its article heading, text, bold runs and the citation line after it."""
    tokens = PARSER.parse(markdown)
    brief = {"title": None, "quotes": [], "kinds": set()}
    heading, quote = None, None
    for i, token in enumerate(tokens):
        if token.type == "heading_open":
            text = tokens[i + 1].content
            if token.tag == "h1":
                brief["title"] = inline_text(tokens[i + 1])[0]
            else:
                heading = inline_text(tokens[i + 1])[0]
            del text
        elif token.type == "blockquote_open":
            inline = tokens[i + 2]
            text, strong, kinds = inline_text(inline)
            brief["kinds"] |= kinds
            quote = {"heading": heading, "text": text, "strong": strong}
            brief["quotes"].append(quote)
        elif token.type == "blockquote_close":
            citation, _, kinds = inline_text(tokens[i + 2])
            brief["kinds"] |= kinds - {"em_open", "em_close", "link_open", "link_close"}
            quote["citation"] = citation
        elif token.type == "paragraph_open" and not brief["quotes"] and brief["title"] and "range" not in brief:
            brief["range"] = inline_text(tokens[i + 1])[0]
    return brief


def expected_citation(doc: Document, index: int) -> str:
    meta = doc.meta
    parts = [meta.title, meta.source or "unknown source", meta.date or "undated"] + ([meta.url] if meta.url else [])
    return "— " + ", ".join(parts + [f"¶ {index + 1}"])


def check_brief(markdown: str, quotes: list[Quote]) -> dict:
    brief = parse_brief(markdown)
    assert len(brief["quotes"]) == len(quotes)
    assert brief["kinds"] <= {"strong_open", "strong_close"}, "article text made Markdown syntax"
    for got, quote in zip(brief["quotes"], ordered(quotes)):
        doc, index = quote.doc, quote.index
        paragraph = doc.clean.paragraphs[index].text
        assert got["heading"] == doc.meta.title
        assert got["text"] == " ".join(paragraph.split("\n")).strip()
        assert got["strong"] == [m.text for m in sorted(doc.mentions[index], key=lambda m: m.start)]
        assert got["citation"] == expected_citation(doc, index)
    return brief


def make_doc(doc_id: str, date: str | None, texts: list[str], names: list[list[tuple[str, str]]], **meta) -> Document:
    paragraphs = tuple(Paragraph(i, "body", t, i + 1) for i, t in enumerate(texts))
    mentions = tuple(tuple(Mention(t.index(n), t.index(n) + len(n), n, kind, n) for n, kind in ns)
                     for t, ns in zip(texts, names))
    raw = RawArticle(doc_id, Path(f"{doc_id}.txt"), "", "utf-8")
    return Document(raw, CleanText(Metadata(meta.pop("title", doc_id.title()), date=date, **meta), paragraphs, ()),
                    mentions)


# --- pure ------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "*not em* _nor this_ **nor bold** `code` [link](http://x) ![img](y) <b>html</b> &amp; &copy;",
    "# not a heading", "- not a list", "+ nor this", "1986. not ordered", "3) nor this", "> not a quote",
    "= not an underline", "a | table | row", "~~not struck~~", "back\\slash \\* and trailing \\",
    "[bold]Rich[/bold] [@click=app.quit]x[/]", "<https://autolink.example>", "    four spaces",
])
def test_escape_markdown_renders_as_the_text_itself(text):
    tokens = PARSER.parse(escape_markdown(text))
    assert [t.type for t in tokens] == ["paragraph_open", "inline", "paragraph_close"]
    rendered, strong, kinds = inline_text(tokens[1])
    assert rendered == text.strip() and not strong and not kinds


def test_brief_quotes_cites_and_bolds_in_date_order():
    late = make_doc("late", "2022-07-19", ["Putin met Raisi in Tehran."], [[("Putin", "PERSON"), ("Raisi", "PERSON"), ("Tehran", "GPE")]],
                    source="TASS", url="https://tass.example/a_(b)?c=1&d=2")
    early = make_doc("early", "2017-11-01", ["Iran's *crude* sales to [Russia](x) grew 5%.", "Not quoted.", "Third ¶."],
                     [[("Iran", "GPE"), ("Russia", "GPE"), ("5%", "PERCENT")], [], []], title="Oil *and* [gas] #1")
    undated = make_doc("undated", None, ["U.S.-made parts"], [[("U.S.", "GPE")]])
    quotes = [Quote(late, 0), Quote(undated, 0), Quote(early, 2), Quote(early, 0)]
    markdown = brief_markdown("Brief: test", quotes, made="2026-01-01")
    brief = check_brief(markdown, quotes)
    assert [q["heading"] for q in brief["quotes"]] == ["Oil *and* [gas] #1", "Oil *and* [gas] #1", "Late", "Undated"]
    assert brief["title"] == "Brief: test"
    assert brief["range"].startswith("Dates: 2017-11-01 to 2022-07-19 · 4 passages from 3 articles (1 undated) · made")
    assert "<https://tass.example/a_(b)?c=1&d=2>" in markdown


def test_an_article_without_a_source_is_said_alike_in_its_header_and_its_citation():
    """The header and the list said "unknown source", a brief's citation "source unknown"."""
    doc = make_doc("nameless", "2020-01-02", ["A line."], [[]])
    assert meta_line(doc).startswith("unknown source · 2020-01-02")
    assert citation(doc, 0) == "— *Nameless*, unknown source, 2020-01-02, ¶ 1"


def test_a_name_ending_in_punctuation_glued_to_a_letter_stays_plain_rather_than_breaking():
    doc = make_doc("x", "2020-01-01", ["the U.S.led talks with Iran"], [[("U.S.", "GPE"), ("Iran", "GPE")]])
    brief = parse_brief(brief_markdown("t", [Quote(doc, 0)]))
    assert brief["quotes"][0]["text"] == "the U.S.led talks with Iran"
    assert brief["quotes"][0]["strong"] == ["Iran"]
    assert brief["range"] == "Dates: 2020-01-01 · 1 passage from 1 article"


def test_date_bounds_and_within():
    assert date_bound("2017") == "2017" and date_bound("2017-11-30") == "2017-11-30"
    assert date_bound("2024-02-29") == "2024-02-29"  # a leap day
    for bad in ("17", "2017-13", "2017-11-32", "2022-02-30", "2023-02-29", "2017-04-31", "yesterday", "2017/11", "0000", ""):
        with pytest.raises(ValueError):
            date_bound(bad)
    assert within("2017-11-01", "2017", "2017") and within("2017-12-31", None, "2017")
    assert not within("2018-01-01", None, "2017") and not within("2016-12-31", "2017", None)
    assert within(None, None, None) and not within(None, "2017", None)


def test_write_atomic_replaces_whole_and_leaves_no_temp(tmp_path):
    target = tmp_path / "brief.md"
    target.write_text("old")
    write_atomic(target, "new ¶")
    assert target.read_text(encoding="utf-8") == "new ¶" and os.listdir(tmp_path) == ["brief.md"]


def test_write_atomic_gives_an_ordinary_file_mode(tmp_path):
    import os

    old = os.umask(0o022)
    try:
        target = tmp_path / "brief.md"
        write_atomic(target, "text")
    finally:
        os.umask(old)
    assert target.stat().st_mode & 0o777 == 0o644  # not mkstemp's 0600


# --- on articles, through the library ---------------------------------------------------

def test_brief_of_a_hostile_article_renders_every_quote_and_citation(tmp_path):
    library = Library(load_config(bundled_config()), [FIXTURES / "markdown_hostile.txt"], cache=False).ensure_fresh()
    doc = library.get(library.entries[0].id)
    quotes = [Quote(doc, i) for i in range(len(doc.clean.paragraphs))]
    check_brief(brief_markdown(f"Brief: {doc.meta.title}", quotes), quotes)


def test_cli_brief_of_a_topic_prints_every_passage_cited(capsys, library):
    code, out, err = run(capsys, "brief", "--topic", "north_south_corridor", "--out", "-")
    assert code == 0, err
    quotes = [Quote(library.get(p.article_id), p.index) for p in library.trail("north_south_corridor")]
    brief = check_brief(out, quotes)
    assert brief["title"] == f"Brief: {library.topic_map.get('north_south_corridor').label}"


def test_cli_brief_of_bookmarks_with_dates_written_to_a_file(capsys, library, tmp_path):
    store = StateStore.for_corpus(library.paths, library.config.corpus)  # where the reader keeps them
    marks = [("002_c60d12b64ace6e87", 1), ("003_4958d00dca6ef37f", 2), ("000_f4d4ea7fa12037db", 0)]
    for article_id, passage in marks:
        store.apply(toggle_bookmark(Bookmark(article_id, passage, "t", "s", "2026-01-01T00:00:00")))
    out = tmp_path / "brief.md"
    code, stdout, err = run(capsys, "brief", "--bookmarks", "--from", "2017-11", "--to", "2017", "--out", str(out))
    assert code == 0 and stdout == "" and str(out) in err
    quotes = [Quote(library.get(a), p) for a, p in marks[1:]]  # the 2022 one is outside the range
    brief = check_brief(out.read_text(encoding="utf-8"), quotes)
    assert brief["range"].startswith("Dates: 2017-11-01 to 2017-12-31 · 2 passages from 2 articles")


def test_preview_keeps_the_head_and_whole_articles_within_the_size(library):
    from reader.export import ARTICLE_BREAK, preview

    quotes = [Quote(library.get(p.article_id), p.index) for p in library.trail("syria")]
    brief = brief_markdown("Brief: Syria", quotes)
    articles = brief.split(ARTICLE_BREAK)
    assert len(articles) - 1 == len({q.doc.id for q in quotes}) >= 3  # the break is before every article
    assert preview(brief, most=len(brief)) == (brief, len(articles) - 1, len(articles) - 1)
    assert preview(brief, most=1) == (articles[0] + ARTICLE_BREAK + articles[1], 1, len(articles) - 1)
    two = len(articles[0]) + 2 * len(ARTICLE_BREAK) + len(articles[1]) + len(articles[2])
    assert preview(brief, most=two)[1] == 2 and preview(brief, most=two - 1)[1] == 1


def test_a_bound_is_shown_as_the_day_it_starts_or_ends():
    """`brief --to 2017` printed "Dates: 2017-11-01 to 2017" (a newcomer's report): a
    year or month bound reads as its first or last day, beside a quoted day."""
    from reader.export import bound_day

    assert bound_day("2017", last=False) == "2017-01-01" and bound_day("2017", last=True) == "2017-12-31"
    assert bound_day("2016-02", last=True) == "2016-02-29" and bound_day("2017-02", last=True) == "2017-02-28"
    assert bound_day("2017-02-13", last=True) == "2017-02-13" and bound_day("2017-02", last=False) == "2017-02-01"


def test_cli_brief_without_bookmarks_exits_1_and_says_so(capsys):
    code, out, err = run(capsys, "brief", "--bookmarks", "--out", "-")
    assert code == 1 and out == "" and "no bookmarks" in err


@pytest.mark.parametrize("argv, message", [
    (["--topic", "siria"], "no such topic: siria (did you mean syria?)"),
    (["--topic", "syria", "--from", "2017-13"], "not a date: '2017-13'"),
    (["--topic", "syria", "--out", "/nonexistent/dir/brief.md"], "cannot write /nonexistent/dir/brief.md"),
    # A newcomer's reversed range was "nothing to brief" (exit 1), as if the corpus lacked it.
    (["--topic", "syria", "--from", "2030", "--to", "2020"], "--from 2030 is after --to 2020"),
    (["--topic", "syria", "--from", "2018-01", "--to", "2017-12-31"], "--from 2018-01 is after --to 2017-12-31"),
])
def test_cli_brief_bad_input_exits_2_with_one_line(capsys, argv, message):
    code, out, err = run(capsys, "brief", *argv)
    assert code == 2 and out == "" and message in err and len(err.strip().splitlines()) == 1


def test_cli_brief_out_on_a_folder_exits_2_and_leaves_nothing_behind(capsys, tmp_path):
    folder = tmp_path / "briefs"
    folder.mkdir()
    (folder / "old.md").write_text("kept")
    code, out, err = run(capsys, "brief", "--topic", "syria", "--out", str(folder))
    assert code == 2 and out == "" and f"cannot write {folder}" in err
    assert sorted(os.listdir(folder)) == ["old.md"] and sorted(os.listdir(tmp_path)) == ["briefs"]


def test_cli_brief_prints_into_a_pipe_and_never_replaces_an_earlier_file(capsys, tmp_path, monkeypatch):
    """A newcomer's `brief … | head` printed nothing (it wrote a file), and a default name
    replaced the brief written before it."""
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "brief", "--topic", "north_south_corridor")  # capsys: stdout is not a terminal
    assert code == 0 and out.startswith("# Brief: ") and os.listdir(tmp_path) == []
    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    for _ in range(2):
        code, out, err = run(capsys, "brief", "--topic", "north_south_corridor")
        assert code == 0 and out == "" and "wrote " in err
    first, second = sorted(os.listdir(tmp_path), key=len)
    assert second == first.replace(".md", "-2.md")


def test_cli_brief_out_never_replaces_a_file_unless_forced(capsys, tmp_path):
    """A newcomer's `--out mine.md` replaced their notes without a word."""
    notes = tmp_path / "mine.md"
    notes.write_text("MY NOTES", encoding="utf-8")
    code, out, err = run(capsys, "brief", "--topic", "north_south_corridor", "--out", str(notes))
    assert code == 2 and f"{notes} exists: --force replaces it" in err and notes.read_text(encoding="utf-8") == "MY NOTES"
    code, out, err = run(capsys, "brief", "--topic", "north_south_corridor", "--out", str(notes), "--force")
    assert code == 0 and notes.read_text(encoding="utf-8").startswith("# Brief: ")
