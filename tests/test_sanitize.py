from reader.sanitize import safe_line, sanitize, summarize


def test_escape_sequences_become_visible_placeholders():
    text, found = sanitize("red \x1b[31mALERT\x1b[0m and a bell\x07")
    assert "\x1b" not in text and "\x07" not in text
    assert "␛[31mALERT" in text
    assert found["ESC"] == 2 and found["U+0007"] == 1


def test_c1_controls_bidi_overrides_and_zero_width_are_replaced():
    text, found = sanitize("a\x9b31mb \u202eevil\u202c c\u200bd e\ufeff")
    for char in "\x9b\u202e\u202c\u200b\ufeff":
        assert char not in text
    assert "⟨U+202E⟩" in text and found["RLO"] == 1


def test_persian_joiners_and_ordinary_text_are_kept():
    persian = "می\u200cخواهم"
    text, found = sanitize(f"Tehran’s “strategic partner” — {persian}\n")
    assert text == f"Tehran’s “strategic partner” — {persian}\n" and not found


def test_line_endings_are_normalised_not_reported():
    text, found = sanitize("one\r\ntwo\rthree")
    assert text == "one\ntwo\nthree" and not found


def test_lone_surrogates_are_replaced():
    text, _ = sanitize("bad \udc80 byte")
    assert "\udc80" not in text


def test_file_names_with_newlines_stay_on_one_line():
    assert safe_line("evil\nname\x1b]0;title\x07.txt") == "evil␊name␛]0;title␇.txt"


def test_summary_names_what_was_replaced():
    _, found = sanitize("\x1b\x1b\x00")
    assert summarize(found) == "3 control or invisible character(s) shown as placeholders: ESC×2, U+0000×1"
    assert summarize(sanitize("clean")[1]) is None


def test_zero_width_joiners_outside_arabic_script_are_shown():
    text, found = sanitize("Pu\u200ctin and \u200dIran")
    assert "\u200c" not in text and "\u200d" not in text and found["ZWNJ"] == 1 and found["ZWJ"] == 1


def test_rlm_between_persian_letters_is_a_half_space_not_a_warning():
    text, found = sanitize("دو کشور می\u200fخواهند همکاری\u200fهای اقتصادی")
    assert text == "دو کشور می\u200cخواهند همکاری\u200cهای اقتصادی" and not found


def test_bidi_marks_and_overrides_outside_persian_words_are_still_warnings():
    text, found = sanitize("رفت\u200f. متن \u202eخطرناک\u202c و \u2067جدا\u2069 x\u200cy")
    assert "\u200f" not in text and "\u202e" not in text and "\u2067" not in text
    assert "⟨U+200F⟩" in text and "⟨U+202E⟩" in text and "⟨U+200C⟩" in text
    assert found == {"RLM": 1, "RLO": 1, "PDF": 1, "RLI": 1, "PDI": 1, "ZWNJ": 1}


def test_a_text_without_a_suspect_character_is_returned_as_it_is():
    """The quick path (no character sanitize could replace: no substitution at all) gives
    what the full substitution gives, for every character in every context it looks at."""
    from reader.sanitize import _SUSPECT, _UNSAFE

    others = _SUSPECT.sub("", "".join(map(chr, range(0x110000))))
    assert len(others) > 0x10F000  # all but the few suspects
    for between in ("a", "\u0628", "\u2600"):  # a Latin letter, an Arabic one, a pictograph
        assert _UNSAFE.search(between.join(others)) is None
    text = "Iran and Russia signed a treaty.\nОни подписали договор. ۱۴۰۳"
    assert sanitize(text) == (text, {})
