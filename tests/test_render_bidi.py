"""Right-to-left layout: wrapped in logical order, each line reordered, spans mapped."""

from __future__ import annotations

from pathlib import Path

import pytest
from bidi import algorithm as reference
from rich.cells import cell_len
from rich.text import Text

from reader.config import Display
from reader.models import Mention
from reader.render import highlight
from reader.render_bidi import display_line, display_snippet, display_text, has_rtl, is_rtl, visual_lines

FIXTURES = Path(__file__).parent / "fixtures" / "bidi"


def paragraphs(name: str) -> list[str]:
    return [p.strip() for p in (FIXTURES / name).read_text(encoding="utf-8").split("\n\n") if p.strip()]


PERSIAN = paragraphs("fa_agency.txt")[1]  # half-spaces (ZWNJ) and Persian digits
MIXED = paragraphs("mixed.txt")[0]  # Persian with Latin names, ASCII digits, brackets
ENGLISH_WITH_PERSIAN = paragraphs("mixed.txt")[1]


def test_first_word_is_at_the_right_end_of_the_first_line():
    lines = visual_lines(Text(PERSIAN), 40)
    first_word = PERSIAN.split()[0]
    assert len(lines) > 3
    assert lines[0].plain.endswith(first_word[::-1])
    last_word = PERSIAN.split()[-1]
    assert lines[-1].plain.lstrip().startswith(last_word[::-1][:1])  # the full stop, mirrored nowhere


def test_wrapped_in_logical_order_then_each_line_reversed():
    """Reading each line right to left, top to bottom gives the paragraph back:
    reordering first and wrapping after would start with its last words."""
    text = paragraphs("fa_agency.txt")[3]  # no digits, marks or Latin: every line is one right-to-left run
    width = 30
    lines = visual_lines(Text(text), width)
    assert all(cell_len(line.plain) == width for line in lines)  # right-aligned: padded on the left
    read = " ".join(line.plain.strip()[::-1] for line in lines)
    assert read.split() == text.split()


def test_one_line_matches_the_reference_algorithm():
    """A paragraph on one line is exactly what python-bidi's full algorithm shows
    (which drops the half-space ZWNJ, a boundary neutral, where the reader keeps it)."""
    line = visual_lines(Text(MIXED), 500)[0].plain.strip()
    assert "\u200c" in line
    assert line.replace("\u200c", "") == reference.get_display(MIXED, base_dir="R")


def test_mixed_paragraph_keeps_latin_names_and_numbers_left_to_right():
    text = visual_lines(Text(MIXED), 500)[0].plain
    for run in ("Vladimir Putin", "Kremlin", "2024", "4.8"):
        assert run in text
    assert "(کرمگ هتفگ هب)" in text  # brackets mirrored around the reversed Persian words
    assert text.rstrip().endswith("به گزارش"[::-1])


def test_entity_spans_follow_their_characters():
    start = MIXED.index("Vladimir Putin")
    persian = MIXED.index("مسعود پزشکیان")
    mentions = [Mention(start, start + 14, "Vladimir Putin", "PERSON", "Vladimir Putin"),
                Mention(persian, persian + 13, "مسعود پزشکیان", "PERSON", "Masoud Pezeshkian")]
    styled = highlight(MIXED, mentions, {"PERSON": "bold"})
    line = visual_lines(styled, 500)[0]
    assert sorted(line.plain[s.start:s.end] for s in line.spans) == sorted(["Vladimir Putin", "مسعود پزشکیان"[::-1]])
    # Wrapped so that a name is cut between two lines: each line highlights its part.
    parts = [line.plain[s.start:s.end] for line in visual_lines(styled, 45) for s in line.spans]
    assert "دوعسم" in parts and "نایکشزپ" in parts and "Vladimir Putin" in parts


def test_a_span_across_a_change_of_direction_is_split_but_covers_the_same_characters():
    text = Text("سلام Putin دنیا")
    text.stylize("underline", 1, 7)  # "لام Pu"
    line = visual_lines(text, 80)[0]
    covered = sorted(line.plain[i] for span in line.spans for i in range(span.start, span.end))
    assert len(line.spans) == 2 and covered == sorted("لام Pu")


def test_marks_stay_after_their_letter():
    line = visual_lines(Text("کِتاب"), 10)[0].plain.strip()
    assert line == "باتکِ"  # kasra drawn on its letter, after it in the cell stream


def test_left_to_right_paragraph_with_a_persian_quote():
    line = visual_lines(Text(ENGLISH_WITH_PERSIAN), 200)[0].plain
    assert not is_rtl(ENGLISH_WITH_PERSIAN) and line.startswith("The treaty is called «")
    assert "پیمان جامع راهبردی"[::-1] in line


@pytest.mark.parametrize("text, rtl", [("Putin گفت که ایران و روسیه همکاری می‌کنند", True),
                                       ("گفت (Vladimir Putin) و [Sergei Lavrov] آمد", True),
                                       ("Putin said Iran", False), ("Tehran (تهران) is the capital", False),
                                       ("The treaty, «پیمان جامع», was signed by Putin and Pezeshkian", False)])
def test_paragraph_direction_follows_the_words(text, rtl):
    assert is_rtl(text) is rtl


def test_nothing_to_do_without_right_to_left_letters_or_when_the_terminal_reorders():
    assert display_text(Text("Putin and Pezeshkian"), 40, Display()) is None
    assert display_text(Text(PERSIAN), 40, Display(bidi="terminal")) is None
    assert not has_rtl("Москва, 17 января") and has_rtl(PERSIAN)


def test_shaping_is_display_only_and_keeps_offsets():
    plain = visual_lines(Text(PERSIAN), 40)
    shaped = visual_lines(Text(PERSIAN), 40, shaping=True)
    assert [len(line) for line in shaped] == [len(line) for line in plain]
    joined = "".join(line.plain for line in shaped)
    assert any("\ufe70" <= char <= "\ufefc" or "\ufb50" <= char <= "\ufdff" for char in joined)
    assert "ت" not in joined  # every teh became a presentation form


def test_snippet_for_a_list_is_indented_and_right_aligned():
    snippet = display_snippet(PERSIAN[:100], 40, Display())
    lines = snippet.plain.split("\n")
    assert all(line.startswith("  ") and cell_len(line) == 40 for line in lines)
    assert lines[0].endswith(PERSIAN.split()[0][::-1])
    assert display_snippet("Putin", 40, Display()) is None and display_snippet(PERSIAN, 3, Display()) is None


def test_a_one_line_label_is_shown_in_visual_order_unpadded():
    from reader.render_bidi import display_line

    title = "پیمان ایران و روسیه"
    shown = display_line(title, Display())
    assert shown == reference.get_display(title) and cell_len(shown) == cell_len(title)
    assert display_line(title, Display(bidi="terminal")) == title  # the terminal reorders
    assert display_line("Iran and Russia", Display()) == "Iran and Russia"



def test_a_label_too_long_keeps_its_opening_words():
    """Cut at the logical end, then reordered: the first word stays (on the right)."""
    from reader.render_bidi import display_line

    title = "امضای توافقنامه واردات گاز از روسیه به ایران"
    shown = display_line(title, Display(), width=20)
    assert cell_len(shown) <= 20 and shown.startswith("…")  # the cut end is on the visual left
    assert shown.rstrip().endswith(title.split()[0][::-1])  # the opening word, reversed into cells, on the right


def test_a_no_break_space_keeps_its_words_on_one_line():
    """A newcomer's report: the brief preview's citation had "¶" at one line's end
    and its number on the next. Rich's wrap breaks at any `\\s`, a no-break space too."""
    text = f"— {PERSIAN.split('.')[0]}, IRNA, undated, ¶\u00a012"
    for width in range(8, len(text)):
        for line in visual_lines(Text(text), width, rtl=False):
            assert ("¶" in line.plain) == ("12" in line.plain), (width, line.plain)
    ordinary = [line.plain for line in visual_lines(Text("a b ¶ 12"), 5, rtl=False)]  # a space still breaks
    assert ordinary == ["a b ¶", "12"]


def test_a_date_after_persian_letters_keeps_its_order():
    """A newcomer's brief showed "تابناک · 2025-08-29" as "29-08-2025 · کانبات": after an Arabic-script
    letter UAX #9 makes the digits Arabic numbers, which a hyphen does not join (W2, W4)."""
    assert display_line("تابناک · 2025-08-29", Display()) == "2025-08-29 · کانبات"
    assert display_line("— تابناک, 29-08-2025, ¶ 2", Display()) == "2 ¶ ,29-08-2025 ,کانبات —"
    assert display_line("تابناک 5-3 برد", Display()) == "درب 3-5 کانبات"  # near miss: a score, as UAX #9 lays it out
