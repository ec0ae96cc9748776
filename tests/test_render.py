from pathlib import Path

from rich.cells import cell_len

from reader.config import DEFAULT_STYLES, Display
from reader.models import Mention
from reader.render import highlight, to_ansi, to_json, to_plain


def test_highlight_builds_spans_not_markup():
    text = "[bold]Putin[/bold] met [@click=app.quit]Raisi[/]"
    mentions = [Mention(6, 11, "Putin", "PERSON", "Vladimir Putin")]
    result = highlight(text, mentions, DEFAULT_STYLES)
    assert result.plain == text
    assert [(s.start, s.end, str(s.style)) for s in result.spans] == [(6, 11, DEFAULT_STYLES["PERSON"])]


def test_type_tags_for_monochrome_terminals():
    result = highlight("Putin spoke", [Mention(0, 5, "Putin", "PERSON", "Vladimir Putin")], {}, type_tags=True)
    assert result.plain == "Putin[PER] spoke"


def test_plain_show_of_a_seed(library):
    plain = to_plain(library.get("001_fb143f89bf631b66"))
    lines = plain.splitlines()
    assert lines[0] == "Russia's Pursuit of Closer Relations Attests to Iran's Regional Clout"
    assert lines[1] == "Financial Tribune · 2017-11-07 · 708 words"
    assert plain.count(lines[0]) == 1 and "Add new comment" not in plain and "\x1b" not in plain


def test_ansi_show_colours_entities(library):
    ansi = to_ansi(library.get("000_f4d4ea7fa12037db"), DEFAULT_STYLES, width=80)
    assert "\x1b[" in ansi and "Vladimir Putin" in ansi


def test_ansi_without_colour_keeps_attributes(library):
    ansi = to_ansi(library.get("000_f4d4ea7fa12037db"), DEFAULT_STYLES, width=80, no_color=True)
    assert "\x1b[1m" in ansi and "\x1b[38" not in ansi  # bold, but no colour


def test_json_offsets_point_into_the_paragraph(library):
    for doc in library.documents():
        for paragraph in to_json(doc)["paragraphs"]:
            for entity in paragraph["entities"]:
                assert paragraph["text"][entity["start"]:entity["end"]] == entity["text"]


def test_persian_show_reads_right_to_left(library):
    doc = library.resolve(str(Path(__file__).parent / "fixtures" / "bidi" / "fa_agency.txt"))
    first = doc.clean.paragraphs[0].text
    plain = to_plain(doc, width=50, display=Display()).splitlines()
    row = next(i for i, line in enumerate(plain) if line.rstrip().endswith(first.split()[0][::-1]))
    assert all(cell_len(line) == 50 for line in plain[row:row + 3])  # right-aligned
    assert first not in "\n".join(plain)
    ansi = to_ansi(doc, DEFAULT_STYLES, width=50, display=Display())
    assert first.split()[0][::-1] in ansi
    logical = to_plain(doc, display=Display(bidi="terminal"))
    assert first in logical  # the terminal reorders: the text stays in logical order
