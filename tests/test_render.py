from pathlib import Path

import pytest
from rich.cells import cell_len

from reader.config import DEFAULT_STYLES, Display
from reader.models import Mention
from reader.render import contrast, highlight, pilcrow, styles_for, to_ansi, to_json, to_plain


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
    shown = {kind: _attributes(paragraph + contrast(style, base)) for kind, style in styles_for(DEFAULT_STYLES, None).items()}
    assert len(set(shown.values())) == len(shown), shown
    assert _attributes(paragraph) not in shown.values()


def test_a_nationality_in_a_quote_is_upright_only_without_colour(library):
    mention = [Mention(4, 11, "Iranian", "NORP", "Iranian")]
    span = highlight("the Iranian side", mention, styles_for(DEFAULT_STYLES, None), base="italic").spans[0].style
    assert span.italic is False  # else it would look like the quote around it
    span = highlight("the Iranian side", mention, DEFAULT_STYLES, base="italic").spans[0].style
    assert span.italic and span.color is not None  # its colour tells it apart: as the legend shows it


@pytest.mark.parametrize("colour", [True, False], ids=["colour", "no colour"])
def test_inside_a_quote_every_type_but_the_one_it_would_hide_looks_as_in_the_legend(colour):
    """A newcomer's report: in an italic quote an organisation (bold underline) was
    italic too and a nationality (italic) upright, unlike the legend. Each type now
    shows its own attributes only; without colour a nationality alone is upright."""
    from rich.style import Style

    styles = DEFAULT_STYLES if colour else styles_for(DEFAULT_STYLES, None)
    for kind, style in styles.items():
        shown = _attributes(Style.parse("italic") + contrast(style, "italic"))
        legend = _attributes(Style.parse(style))
        if kind == "NORP" and not colour:
            assert shown == (False,) * 5
        else:
            assert shown == legend, kind


def test_passage_numbers_for_people_start_at_one():
    assert pilcrow(0) == "¶1" and pilcrow(17) == "¶18"


_GREYS_256 = {0, 7, 8, 15, 16, 59, 102, 145, 188, 231, *range(232, 256)}


@pytest.mark.parametrize("term", ["xterm", "xterm-256color"])
def test_ansi_on_16_and_256_colours_gives_every_type_a_visible_colour(library, monkeypatch, term):
    """`show --ansi` at TERM=xterm: places were `4;37`, white underline, on white text."""
    import re

    monkeypatch.setenv("TERM", term)
    monkeypatch.delenv("COLORTERM", raising=False)
    doc = library.get("000_f4d4ea7fa12037db")
    assert {"GPE", "PERSON"} <= {m.type for ms in doc.mentions for m in ms}
    ansi = to_ansi(doc, DEFAULT_STYLES, width=80)
    colours = [params for params in re.findall(r"\x1b\[([0-9;]*)m", ansi) if re.search(r"(^|;)(3[0-7]|9[0-7]|38;5)", params)]
    assert colours
    for params in colours:
        numbers = [int(n) for n in params.split(";")]
        assert not {30, 37, 90, 97} & set(numbers), params  # black, white and the greys read as body text
        if 38 in numbers:
            assert numbers[numbers.index(38) + 2] not in _GREYS_256, params


def test_styles_for_keeps_distinct_colours_distinct_and_truecolor_untouched():
    from rich.color import ColorSystem
    from rich.style import Style

    assert styles_for(DEFAULT_STYLES, "truecolor") is DEFAULT_STYLES
    colourless = styles_for(DEFAULT_STYLES, None)  # no colour shown: none kept, the attributes all
    assert all(Style.parse(text).color is None for text in colourless.values())
    assert all(Style.parse(colourless[kind]) == Style.parse(text).without_color for kind, text in DEFAULT_STYLES.items())
    for system, rich_system in (("standard", ColorSystem.STANDARD), ("256", ColorSystem.EIGHT_BIT)):
        styles = styles_for(DEFAULT_STYLES, system)
        by_colour: dict[str, set[int]] = {}
        for kind, text in styles.items():
            old, new = Style.parse(DEFAULT_STYLES[kind]), Style.parse(text)
            assert (old.bold, old.italic, old.underline, old.reverse) == (new.bold, new.italic, new.underline, new.reverse)
            by_colour.setdefault(str(old.color), set()).add(new.color.downgrade(rich_system).number)
        assert all(len(numbers) == 1 for numbers in by_colour.values())  # GPE and LOC still share one
        assert len(set().union(*by_colour.values())) == len(by_colour)  # and no two colours merge


def test_readme_tells_every_entity_type_apart_by_its_attributes_without_colour():
    """The README's no-colour list left out regions (LOC), which the legend names."""
    import re

    from rich.style import Style

    from conftest import ROOT

    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    listed = re.search(r"monochrome terminals\): (.*?)\. ", readme).group(1)
    said = {item.split()[0]: set(item.split()[1:]) for item in listed.split(", ")}
    nouns = {"PERSON": "persons", "GPE": "places", "ORG": "organisations", "NORP": "nationalities",
             "FAC": "facilities", "EVENT": "agreements", "MONEY": "sums", "PERCENT": "percentages",
             "DATE": "dates", "LOC": "regions"}
    words = {"bold": "bold", "italic": "italic", "underline": "underlined", "reverse": "reversed"}
    for kind, style in DEFAULT_STYLES.items():
        parsed = Style.parse(style)
        attributes = {word for attribute, word in words.items() if getattr(parsed, attribute)}
        assert said.get(nouns[kind]) == attributes, (kind, said.get(nouns[kind]), attributes)
