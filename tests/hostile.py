"""A generator of hostile articles and configs: what scrapers and strangers produce.

`make_corpus(folder)` writes the files and returns what each one is; the
tests push the folder through every subcommand and the TUI.
"""

from __future__ import annotations

import codecs
import os
import random
from pathlib import Path

from conftest import SEEDS

MARKUP = "[bold]Bold?[/bold] [@click=app.quit]Quit[/] [link=file:///etc/passwd]link[/link] [red on red]x"
ESCAPES = ("\x1b[31mred\x1b[0m \x1b]8;;http://evil.example\x07link\x1b]8;;\x07 \x1b]52;c;cHduZWQ=\x07 "
           "\x1bP+q544e\x1b\\ \x1b]0;pwned\x07 \x1b[2J\x1b[H \x07bell")
CONTROLS = "".join(chr(c) for c in range(1, 32) if c not in (9, 10, 13)) + "\x7f" + "".join(chr(c) for c in range(0x80, 0xa0))
BIDI = "Iran \u202eSURPRISE\u202c \u2067isolate\u2069 Tehr\u200ban Pu\u200dtin \ufeffBOM \u200eLRM"
PERSIAN = "می\u200cخواهم"


def _seed_sentences() -> list[str]:
    text = " ".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
    return [s.strip() for s in text.replace("\n", " ").split(". ") if len(s) > 40]


def _varied_text(size: int, seed: int, separator: str) -> str:
    """About `size` characters of seed sentences, each made unique by a counter."""
    rng = random.Random(seed)
    sentences = _seed_sentences()
    parts, total, i = [], 0, 0
    while total < size:
        sentence = f"{rng.choice(sentences)} (no. {i})."
        parts.append(sentence)
        total += len(sentence) + len(separator)
        i += 1
    return separator.join(parts)


def make_corpus(folder: Path, big: bool = True) -> dict[str, str]:
    """Write the hostile articles into `folder`; return {file name: what it tests}."""
    folder.mkdir(parents=True, exist_ok=True)
    notes: dict[str, str] = {}

    def put(name: str, content: str | bytes, note: str) -> None:
        path = folder / name
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
        notes[name] = note

    put("markup.txt", f"{MARKUP}\n\n{MARKUP} in a paragraph about Putin in Tehran.\n", "markup")
    put("escapes.txt", f"Escapes {ESCAPES}\n\nBody with {ESCAPES} and Iran.\n", "escape sequences")
    put("controls.txt", f"Controls\n\nText{CONTROLS}\x00end about Moscow.\n", "C0/C1 controls and NUL")
    put("bidi.txt", f"Bidi {BIDI}\n\n{BIDI} and {PERSIAN}.\n", "bidi and zero-width")
    put("invalid-utf8.txt", b"Broken \xff\xfe bytes\n\nCaf\xe9 \xed\xa0\x80 in Tehran.\n", "invalid UTF-8")
    put("utf16-nobom.txt", "No BOM here\n\nSergei Lavrov met Abbas Araghchi in Moscow.\n".encode("utf-16-le"), "UTF-16 without BOM")
    put("utf16-bom.txt", codecs.BOM_UTF16_LE + "With BOM\n\nTehran and Moscow.\n".encode("utf-16-le"), "UTF-16 with BOM")
    put("latin1.txt", "Caf\xe9 politique\n\nLe pr\xe9sident iranien \xe0 Moscou.\n".encode("latin-1"), "Latin-1")
    put("cp1252.txt", "Iran’s “deal”\n\nIran’s nuclear deal — Moscow’s view.\n".encode("cp1252"), "Windows-1252")
    put("cp1251.txt", ("Россия и Иран\n\n" + "Россия и Иран подписали договор о стратегическом партнёрстве. " * 4).encode("cp1251"),
        "Windows-1251")
    put("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8, "binary")
    put("empty.txt", b"", "empty")
    put("blank.md", b"   \n\n\t\n", "blank")
    put("[bold]name[@click=app.quit].txt", "Markup in the name\n\nPutin in Tehran.\n", "markup in a file name")
    put("evil\nname.txt", "Newline in the name\n\nRaisi in Moscow.\n", "newline in a file name")
    put("esc\x1b[31mname.txt", "Escape in the name\n\nRaisi in Moscow.\n", "escape in a file name")
    (folder / "dir.txt").mkdir(exist_ok=True)
    (folder / "dir.txt" / "inside.txt").write_text("Inside a folder named dir.txt\n\nTehran.\n", encoding="utf-8")
    notes["dir.txt/inside.txt"] = "a folder named like an article"
    loop = folder / "loop"
    if not loop.exists():
        loop.symlink_to(folder)
    unreadable = folder / "unreadable.txt"
    unreadable.write_text("Secret\n\nHidden.\n", encoding="utf-8")
    os.chmod(unreadable, 0)
    notes["unreadable.txt"] = "no read permission (root reads it anyway)"
    if big:
        put("oneline-5mb.txt", "One Long Line\n\n" + _varied_text(5_000_000, 1, " "), "a single 5 MB line")
        put("big-50mb.txt", "A Fifty Megabyte Article\n\n" + _varied_text(50_000_000, 2, "\n\n"), "a 50 MB article")
    return notes


def make_configs(folder: Path) -> dict[str, tuple[str, int | None]]:
    """Write hostile configs; return {file name: (expected message fragment, line or None)}."""
    folder.mkdir(parents=True, exist_ok=True)
    cases: dict[str, tuple[str, str, int | None]] = {
        "malformed.yaml": ("articles:\n  x.txt: {title: [unclosed\n", "invalid YAML", 3),
        "wrong-type.yaml": ("corpus: 42\n", "'corpus' must be a path", 1),
        "bad-date.yaml": ("articles:\n  x.txt: {date: yesterday}\n", "YYYY-MM-DD", 2),
        "tabs.yaml": ("articles:\n\tx.txt: {}\n", "invalid YAML", 2),
        "python-tag.yaml": ("corpus: !!python/object/apply:os.system ['touch /tmp/pwned']\n", "invalid YAML", 1),
        "bomb.yaml": ("a: &a [x, x, x, x, x, x, x, x, x]\n"
                      + "".join(f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
                                for i in range(20)), "aliases", 2),
        "duplicate-ids.yaml": ("gazetteer: dup-gazetteer.yaml\n", "duplicate key 'Vladimir Putin'", 3),
        "empty-alias.yaml": ("gazetteer: empty-alias-gazetteer.yaml\n", "too short", 2),
        "one-char-alias.yaml": ("gazetteer: one-char-gazetteer.yaml\n", "too short", 2),
        "huge-alias.yaml": ("gazetteer: huge-alias-gazetteer.yaml\n", "200 at most", 2),
        "bad-topic.yaml": ("topics: bad-topics.yaml\n", "must be a positive number", 4),
        "not-utf8.yaml": ("", "not UTF-8", None),
    }
    (folder / "dup-gazetteer.yaml").write_text("PERSON:\n  Vladimir Putin: [Putin]\n  Vladimir Putin: [V. Putin]\n")
    (folder / "empty-alias-gazetteer.yaml").write_text("PERSON:\n  Someone: ['']\n")
    (folder / "one-char-gazetteer.yaml").write_text("PERSON:\n  Someone: [S]\n")
    (folder / "huge-alias-gazetteer.yaml").write_text("ORG:\n  Big: ['" + "x" * 1_000_000 + "']\n")
    (folder / "bad-topics.yaml").write_text("topics:\n  x:\n    signals:\n      word: -1\n")
    for name, (content, _, _) in cases.items():
        (folder / name).write_text(content, encoding="utf-8")
    (folder / "not-utf8.yaml").write_bytes("title: caf\xe9\n".encode("latin-1"))
    return {name: (fragment, line) for name, (_, fragment, line) in cases.items()}


def make_large_gazetteer(folder: Path, count: int = 60_000) -> Path:
    """A valid gazetteer with a 1 MB alias list: must load in bounded time."""
    path = folder / "large-gazetteer.yaml"
    lines = ["ORG:"] + [f"  Company number {i}: [Firm {i} Ltd, F{i}X]" for i in range(count)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    config = folder / "large.yaml"
    config.write_text(f"gazetteer: {path.name}\n", encoding="utf-8")
    return config


def terminal_unsafe(output: str, ansi: bool = False) -> list[str]:
    """Characters a terminal would interpret; in ANSI output, SGR colour codes are allowed."""
    import re

    if ansi:
        output = re.sub(r"\x1b\[[0-9;]*m", "", output)
    return sorted({repr(c) for c in output if (ord(c) < 32 and c not in "\n\t") or 0x7f <= ord(c) < 0xa0
                   or c in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"})
