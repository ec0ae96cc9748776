from pathlib import Path

import pytest
from rich.cells import cell_len

from reader.config import DEFAULT_STYLES, Display
from reader.models import Mention
from reader.render import contrast, highlight, pilcrow, to_ansi, to_json, to_plain


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
    assert lines[1] == "Financial Tribune · 2017-11-07 · en · 708 words"
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


def _attributes(style) -> tuple:
    """What a monochrome terminal shows of a style: its attributes, no colour (nor dim,
    which Textual draws by blending colours)."""
    return tuple(bool(getattr(style, name)) for name in ("bold", "italic", "underline", "reverse", "strike"))


@pytest.mark.parametrize("base", ["", "italic", "bold", "bold #3584e4"], ids=["body", "quote", "subheading", "accent"])
def test_entity_types_stay_distinct_inside_every_paragraph_kind(base):
    """Without colour, inside a quote (italic) or a subheading (bold), no two types look
    alike and none looks like the paragraph around it."""
    from rich.style import Style

    paragraph = Style.parse(base)
    shown = {kind: _attributes(paragraph + contrast(style, base)) for kind, style in DEFAULT_STYLES.items()}
    assert len(set(shown.values())) == len(shown), shown
    assert _attributes(paragraph) not in shown.values()


def test_a_nationality_in_a_quote_is_upright_and_keeps_its_colour(library):
    text = highlight("the Iranian side", [Mention(4, 11, "Iranian", "NORP", "Iranian")], DEFAULT_STYLES, base="italic")
    span = text.spans[0].style
    assert span.italic is False and span.color is not None


def test_passage_numbers_for_people_start_at_one():
    assert pilcrow(0) == "¶1" and pilcrow(17) == "¶18"
