import codecs

import pytest

from reader.ingest.decode import DecodeError, decode, discover, read_article
from reader.models import RawArticle, Skipped

from conftest import SEEDS


def test_seeds_are_discovered_in_name_order():
    files, skipped = discover([SEEDS])
    assert [f.name for f in files] == sorted(p.name for p in SEEDS.glob("*.txt"))
    assert len(files) == 5 and not skipped


def test_folders_are_walked_for_article_files_only(write, tmp_path):
    write("a/one.txt", "One\n\nBody.")
    write("a/b/two.md", "Two\n\nBody.")
    write("a/notes.pdf", "x")
    write("a/.hidden.txt", "x")
    (tmp_path / "a" / "dir.txt").mkdir()  # a folder named like an article
    files, _ = discover([tmp_path / "a"])
    assert sorted(f.name for f in files) == ["one.txt", "two.md"]


def test_missing_path_is_reported(tmp_path):
    _, skipped = discover([tmp_path / "nope"])
    assert skipped[0].reason == "no such file or folder"


def test_symlink_loop_does_not_hang(write, tmp_path):
    write("loop/a.txt", "A\n\nBody.")
    (tmp_path / "loop" / "again").symlink_to(tmp_path / "loop")
    files, _ = discover([tmp_path / "loop"])
    assert [f.name for f in files] == ["a.txt"]


def test_utf8():
    assert decode("Iran’s".encode()) == ("Iran’s", "utf-8")


def test_utf8_with_bom():
    assert decode(codecs.BOM_UTF8 + "Iran’s".encode()) == ("Iran’s", "utf-8-sig")


def test_utf16_with_bom_both_orders():
    assert decode("Iran’s ties".encode("utf-16")) == ("Iran’s ties", "utf-16")
    assert decode(codecs.BOM_UTF16_BE + "Iran’s ties".encode("utf-16-be"))[0] == "Iran’s ties"


def test_a_utf16_byte_order_mark_before_binary_bytes_is_no_article(write):
    """FF FE then bytes that are no UTF-16 text (no whitespace; NULs): binary, not CJK mojibake."""
    assert read_article(write("bin.html", b"\xff\xfe\x00garbage\x00\x01")).reason == "binary file (not text)"
    assert read_article(write("odd.txt", b"\xff\xfeT\x00e\x00h\x00 ")).reason == "binary file (not text)"
    assert read_article(write("nul.txt", codecs.BOM_UTF16_LE + b"\x00\x00\x01\x00\x02\x00" * 40)).reason \
        == "binary file (not text)"
    assert decode(codecs.BOM_UTF16_LE + "Тегеран и Москва".encode("utf-16-le")) == ("Тегеран и Москва", "utf-16")


def test_utf16_without_bom_is_recognised():
    assert decode("Moscow and Tehran agreed.".encode("utf-16-le")) == ("Moscow and Tehran agreed.", "utf-16-le")


@pytest.mark.parametrize("text", ["Россия и Иран подписали договор о стратегическом партнёрстве в Москве.\n" * 4,
                                  "ایران و روسیه قرارداد همکاری راهبردی را در مسکو امضا کردند.\n" * 4])
@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_russian_and_persian_utf16_without_bom_are_recognised(text, encoding):
    """Their UTF-16 has NULs only at spaces and points, too few for the NUL pattern: a
    newcomer's `iconv -t utf-16le` files were skipped as binary."""
    assert decode(text.encode(encoding)) == (text, encoding)


@pytest.mark.parametrize("data", [bytes(range(256)) * 8, b"\x04\x10" * 300, b"\x06\x00\x06\x01" * 300 + b"\x00"])
def test_bytes_with_a_narrow_high_byte_but_no_text_stay_binary(data):
    """Near misses: every byte value; one script's letters with no space; an odd length."""
    with pytest.raises(DecodeError):
        decode(data)


def test_windows_1252_fallback():
    # Short samples cannot tell cp1250 from cp1252; both give the same text here.
    text, encoding = decode("Iran’s “deal” — done".encode("cp1252"))
    assert text == "Iran’s “deal” — done" and encoding.startswith("cp125")


def test_cyrillic_8bit_is_detected():
    sample = "Россия и Иран подписали договор о всеобъемлющем стратегическом партнёрстве. " * 5
    text, encoding = decode(sample.encode("cp1251"))
    assert text == sample and encoding == "cp1251"


def test_binary_and_empty_files_are_skipped_with_a_reason(write):
    assert read_article(write("bin.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR")).reason == "binary file (not text)"
    assert read_article(write("empty.txt", b"")).reason == "empty file"
    assert read_article(write("blank.txt", "  \n\n ")).reason == "empty file"


def test_unreadable_path_is_skipped_not_raised(tmp_path):
    folder = tmp_path / "x.txt"
    folder.mkdir()
    result = read_article(folder)
    assert isinstance(result, Skipped) and result.reason.startswith("unreadable")


def test_control_characters_are_sanitised_and_warned(write):
    article = read_article(write("evil.txt", "Title\n\nText \x1b]52;c;ZXZpbA==\x07 here."))
    assert "\x1b" not in article.text and "\x07" not in article.text
    assert any("placeholders" in w for w in article.warnings)


def test_non_utf8_encoding_is_named_in_warnings(write):
    article = read_article(write("latin.txt", "Caf\xe9 in T\xe9h\xe9ran\n\nBody.".encode("latin-1")))
    assert any(w.startswith("decoded as") for w in article.warnings)


def test_discovered_files_split_into_articles_and_skipped(write, tmp_path):
    write("c/good.txt", "Good\n\nBody.")
    write("c/bad.txt", b"\x00\x01\x02\x03")
    files, _ = discover([tmp_path / "c"])
    results = [read_article(f) for f in files]
    assert [r.id for r in results if isinstance(r, RawArticle)] == ["good"]
    assert [r.path.name for r in results if isinstance(r, Skipped)] == ["bad.txt"]


def test_a_stray_nul_in_real_text_is_kept_as_a_placeholder(write):
    body = "Iran and Russia signed the treaty in Moscow. " * 10
    article = read_article(write("nul.txt", ("Title\n\n" + body + "\x00 end.").encode()))
    assert isinstance(article, RawArticle) and "␀" in article.text


# --- input kinds from real scrapes (issue 13), each with its own fixture ----------------

FIXTURES = SEEDS.parent / "tests" / "fixtures" / "ingest"


def test_one_stray_byte_in_utf8_is_replaced_with_one_warning():
    raw = read_article(FIXTURES / "stray_byte_utf8.txt")
    assert raw.encoding == "utf-8"
    assert "Tehran’s envoy" in raw.text and "“strategic”" in raw.text  # not re-read as Latin-1
    assert raw.text.count("\ufffd") == 1
    assert [w for w in raw.warnings if "not UTF-8" in w] == ["1 byte(s) that are not UTF-8 replaced by \ufffd"]


def test_a_latin1_file_without_utf8_is_still_8bit():
    assert decode("Iran’s “deal” — done".encode("cp1252"))[1] != "utf-8"


def test_a_very_short_koi8r_text_decodes_as_cyrillic():
    raw = read_article(FIXTURES / "short_koi8r.txt")
    assert raw.text.strip() == "Путин прибыл в Тегеран." and raw.encoding == "koi8-r"


def test_cr_cr_lf_is_one_line_end():
    raw = read_article(FIXTURES / "crcrlf.txt")
    assert "Sunday, ending\ntwo decades" in raw.text


def test_text_is_nfc_normalised():
    raw = read_article(FIXTURES / "decomposed.txt")
    assert "Téhéran" in raw.text and "\u0301" not in raw.text


def test_zwj_in_an_emoji_sequence_is_not_a_warning():
    raw = read_article(FIXTURES / "emoji_zwj.txt")
    assert raw.warnings == () and "👨\u200d👩\u200d👧" in raw.text


def test_html_files_are_discovered_and_read_as_their_source(tmp_path, write):
    write("a/page.html", "<html><body><p>Text.</p></body></html>")
    write("a/other.htm", "<p>More.</p>")
    files, _ = discover([tmp_path / "a"])
    assert sorted(f.name for f in files) == ["other.htm", "page.html"]
    assert read_article(files[1]).text.startswith("<html>")  # the raw view shows the HTML source
