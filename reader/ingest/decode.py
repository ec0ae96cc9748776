"""Find article files and decode them into `RawArticle`s, never crashing on bad files.

Decoding order (SPEC §4): UTF-8, UTF-8 with BOM, UTF-16 with BOM, UTF-16
without BOM when the NUL pattern gives it away (or, for Cyrillic and Persian,
whose UTF-16 has few NULs, the pattern of its high bytes, tried on what would
otherwise be binary), then an 8-bit encoding that charset-normalizer detects
(falling back to Windows-1252 / Latin-1).
"""

from __future__ import annotations

import codecs
import os
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..models import RawArticle, Skipped
from ..sanitize import safe_line, sanitize, summarize

SUFFIXES = (".txt", ".md", ".html", ".htm")
HTML_SUFFIXES = (".html", ".htm")
SHORT_8BIT = 2048  # bytes: below this, charset detection alone misreads Cyrillic (KOI8-R as Shift-JIS)
LOWERCASE_CYRILLIC = 0.75  # share of lower-case letters in real Cyrillic prose (capitals open sentences and names)
# Articles larger than this are opened truncated, with a warning, so one
# pathological file cannot freeze the reader or exhaust memory.
MAX_BYTES = 8 * 1024 * 1024
_SNIFF = 8192
# Every byte but the C0 controls other than tab, LF, VT, FF, CR and ESC: deleted from a
# sample (bytes.translate, in C), the control bytes are what is left.
_NOT_CONTROL = bytes(b for b in range(256) if not (b < 9 or 13 < b < 27 or 27 < b < 32))


class DecodeError(ValueError):
    """The bytes are not text (binary, or empty)."""


def discover(paths: Iterable[Path]) -> tuple[list[Path], list[Skipped]]:
    """Expand files and folders into article files, sorted, each once.

    Folders are walked without following symlinks (no loops); a folder that
    happens to be named `x.txt` is walked, not read.
    """
    found: dict[Path, None] = {}
    skipped: list[Skipped] = []
    for path in paths:
        path = Path(path)
        if path.is_dir():
            for file in _walk(path):
                found.setdefault(file, None)
        elif path.is_file():
            found.setdefault(path, None)
        else:
            skipped.append(Skipped(path, "no such file or folder"))
    return sorted(found, key=lambda p: (p.name, str(p))), skipped


def _walk(folder: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            file = Path(root, name)
            if name.lower().endswith(SUFFIXES) and not name.startswith(".") and file.is_file():
                yield file


def more_than(paths: Iterable[Path], count: int) -> bool:
    """Whether `paths` (files and folders, as `discover` takes them) hold more than
    `count` article files, judged by their names from directory listings alone (no
    file is stat'ed unless the system does not say its kind) and stopping at the
    first `count + 1`: the reader's cold start asks this before its first frame,
    where `discover`'s stat of every file took seconds at 100,000 (issue 17)."""
    found = 0

    def walk(folder: Path) -> Iterator[os.DirEntry]:
        try:
            with os.scandir(folder) as listing:
                for entry in listing:
                    if entry.name.startswith("."):
                        continue
                    if entry.is_dir(follow_symlinks=False):
                        yield from walk(Path(entry.path))
                    elif entry.name.lower().endswith(SUFFIXES) and entry.is_file():
                        yield entry
        except OSError:
            return

    for path in paths:
        path = Path(path)
        for _ in walk(path) if path.is_dir() else [path] if path.is_file() else []:
            found += 1
            if found > count:
                return True
    return False


def article_id(path: Path) -> str:
    return safe_line(path.stem)


def read_bytes(path: Path) -> bytes | Skipped:
    """The file's bytes, up to one more than MAX_BYTES (so truncation can be told)."""
    try:
        with open(path, "rb") as handle:
            return handle.read(MAX_BYTES + 1)
    except OSError as error:
        return Skipped(path, f"unreadable: {error.strerror or error}")


def read_article(path: Path, data: bytes | None = None) -> RawArticle | Skipped:
    """Read and decode one file (or bytes already read from it by `read_bytes`);
    a file that is not text comes back as `Skipped`."""
    if data is None:
        data = read_bytes(path)
        if isinstance(data, Skipped):
            return data
    warnings = []
    if len(data) > MAX_BYTES:
        data = data[:MAX_BYTES]
        warnings.append(f"file larger than {MAX_BYTES // (1024 * 1024)} MB: only the first part is shown")
    try:
        text, encoding = decode(data)
    except DecodeError as error:
        return Skipped(path, str(error))
    text = unicodedata.normalize("NFC", text.replace("\r\r\n", "\n"))
    text, found = sanitize(text)
    if note := summarize(found):
        warnings.append(note)
    if encoding.endswith("+replaced"):
        encoding = encoding.removesuffix("+replaced")
        bad = text.count("\ufffd")
        warnings.append(f"{bad} byte(s) that are not UTF-8 replaced by \ufffd")
    elif encoding not in ("utf-8", "utf-8-sig"):
        warnings.append(f"decoded as {encoding}")
    return RawArticle(article_id(path), path, text, encoding, tuple(warnings))


def decode(data: bytes) -> tuple[str, str]:
    """Decode article bytes; return the text and the encoding used."""
    if not data.strip():
        raise DecodeError("empty file")
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) and (text := _utf16_with_bom(data)):
        return text, "utf-16"
    if bomless := _utf16_without_bom(data):
        text = data.decode(bomless, errors="replace")
        if _mostly_printable(text):
            return text, bomless
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        # A multi-byte character cut by truncation is still UTF-8.
        if error.start >= len(data) - 3 and error.reason == "unexpected end of data":
            return data.decode("utf-8", errors="replace"), "utf-8"
        if mostly := _mostly_utf8(data):
            return mostly, "utf-8+replaced"
    else:
        if not _looks_binary(data, valid_utf8=True):
            return text, "utf-8"
        return _one_script_utf16(data)
    if _looks_binary(data, valid_utf8=False):
        return _one_script_utf16(data)
    return _decode_8bit(data)


def _utf16_with_bom(data: bytes) -> str | None:
    """The text of BOM-led UTF-16 bytes, or None when the rest is not UTF-16 text: an
    odd byte count or an unpaired surrogate (strict decoding fails), mostly
    unprintable characters, or no whitespace at all (an article has words or lines).
    Two bytes FF FE open binary files too (a newcomer's 12-byte file was listed as
    five CJK characters); those fall through to the binary check."""
    try:
        text = data.decode("utf-16")
    except UnicodeDecodeError:
        return None
    return text if _mostly_printable(text) and any(c.isspace() for c in text) else None


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:_SNIFF]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


HIGH_BYTE_VALUES = 4  # distinct high bytes of one script's UTF-16: 00 (spaces, digits), 04 or 06, 20 (dashes, quotes)
HIGH_BYTE_SHARE = 0.95


def _one_script_utf16(data: bytes) -> tuple[str, str]:
    """BOM-less UTF-16 of Cyrillic or Arabic-script text, which the NUL pattern misses (a
    newcomer's Russian and Persian files, `iconv -t utf-16le`, were skipped as binary): the
    high bytes of one parity take at most HIGH_BYTE_VALUES values in HIGH_BYTE_SHARE of the
    pairs (a code block's page, U+04xx or U+06xx, and 00 for spaces), and the text decodes
    strictly, mostly printable, with spaces. Raises DecodeError("binary file (not text)")
    when it is not."""
    sample = data[:_SNIFF - _SNIFF % 2]
    for encoding, high in (("utf-16-le", sample[1::2]), ("utf-16-be", sample[0::2])):
        counts = sorted((high.count(b) for b in set(high)), reverse=True)
        if len(high) >= 32 and sum(counts[:HIGH_BYTE_VALUES]) >= HIGH_BYTE_SHARE * len(high):
            try:
                text = data[:len(data) - len(data) % 2].decode(encoding)
            except UnicodeDecodeError:
                continue
            if _mostly_printable(text) and " " in text:
                return text, encoding
    raise DecodeError("binary file (not text)")


def _mostly_printable(text: str) -> bool:
    sample = text[:_SNIFF]
    printable = sum(1 for c in sample if c.isprintable() or c in "\n\t\r")
    return printable >= 0.95 * len(sample)


def _looks_binary(data: bytes, valid_utf8: bool) -> bool:
    """An image or archive, not an article.

    As git does, a NUL in the first 8 KB means binary, except in valid UTF-8,
    where a stray NUL or escape is kept and shown as a placeholder; a sample
    that is mostly control bytes is binary either way.
    """
    sample = data[:_SNIFF]
    controls = len(sample.translate(None, _NOT_CONTROL))  # a generator over the bytes was 6% of indexing
    if len(sample) >= 512 and controls > 0.3 * len(sample):
        return True
    return sample.count(0) > 0.02 * len(sample) if valid_utf8 else b"\x00" in sample


def _mostly_utf8(data: bytes) -> str | None:
    """The text, when `data` is UTF-8 but for a few stray bytes from another charset:
    at least as many valid multi-byte characters as bad bytes, and few bad bytes."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    multibyte = sum(1 for c in text if c > "\x7f") - bad
    return text if 0 < bad <= multibyte and bad <= max(3, len(data) // 1000) else None


def _short_cyrillic(data: bytes) -> tuple[str, str] | None:
    """A short Cyrillic text in cp1251 or KOI8-R: the one whose letters are mostly lower case
    (the two code pages swap the cases of each other's letters)."""
    best = None
    for encoding in ("cp1251", "koi8_r"):
        text = data.decode(encoding, errors="replace")
        letters = [c for c in text if c.isalpha()]
        cyrillic = [c for c in letters if "\u0400" <= c <= "\u04ff"]
        if letters and len(cyrillic) >= 0.6 * len(letters):
            share = sum(c.islower() for c in cyrillic) / len(cyrillic)
            if share >= LOWERCASE_CYRILLIC and (best is None or share > best[0]):
                best = (share, text, codecs.lookup(encoding).name)
    return (best[1], best[2]) if best else None


def _decode_8bit(data: bytes) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    if len(data) < SHORT_8BIT and (cyrillic := _short_cyrillic(data)):
        return cyrillic

    best = from_bytes(data[:65536]).best()
    if best is not None and best.encoding not in ("utf_8", "ascii"):
        encoding = codecs.lookup(best.encoding).name
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "iso8859-1"

