"""Hostile input end to end: nothing executed, nothing lost, never a crash (SPEC §8)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from hostile import make_configs, make_corpus, make_large_gazetteer, terminal_unsafe
from reader.cli import main
from reader.config import bundled_config, load_config
from reader.library import Library


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    notes = make_corpus(folder)
    yield folder, notes
    (folder / "unreadable.txt").chmod(0o644)


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_list_names_every_skipped_file_and_leaks_nothing(capsys, hostile):
    folder, _ = hostile
    code, out, err = run(capsys, "list", str(folder))
    assert code == 0 and not terminal_unsafe(out) and not terminal_unsafe(err)
    for name in ("binary.txt", "empty.txt", "blank.md"):
        assert name in err
    assert "binary file" in err and "empty file" in err
    ids = [line.split("\t")[0] for line in out.splitlines()]
    assert "inside" in ids and "evil␊name" in ids and "esc␛[31mname" in ids
    assert len(ids) == len(set(ids))  # the symlink loop did not list anything twice


@pytest.mark.parametrize("name", ["markup.txt", "escapes.txt", "controls.txt", "bidi.txt", "invalid-utf8.txt",
                                  "utf16-nobom.txt", "utf16-bom.txt", "latin1.txt", "cp1252.txt", "cp1251.txt",
                                  "[bold]name[@click=app.quit].txt", "evil\nname.txt", "esc\x1b[31mname.txt", "oneline-5mb.txt"])
def test_show_in_every_format_is_terminal_safe(capsys, hostile, name):
    folder, _ = hostile
    path = str(folder / name)
    for fmt in ("--plain", "--ansi", "--json"):
        code, out, err = run(capsys, "show", path, fmt)
        assert code == 0, err
        assert not terminal_unsafe(out, ansi=fmt == "--ansi"), (fmt, terminal_unsafe(out))
        assert not terminal_unsafe(err)
    data = json.loads(run(capsys, "show", path, "--json")[1])
    if name == "markup.txt":
        assert data["title"] == "[bold]Bold?[/bold] [@click=app.quit]Quit[/] [link=file:///etc/passwd]link[/link] [red on red]x"
    if name in ("escapes.txt", "controls.txt", "bidi.txt"):
        assert any("placeholders" in w for w in data["warnings"]), data["warnings"]
    if name in ("invalid-utf8.txt", "latin1.txt", "cp1252.txt", "cp1251.txt", "utf16-nobom.txt"):
        assert any(w.startswith("decoded as") for w in data["warnings"])
    if name == "bidi.txt":
        assert "می\u200cخواهم" in data["paragraphs"][0]["text"]  # Persian ZWNJ kept


def test_big_article_is_opened_truncated_with_a_warning(capsys, hostile):
    folder, _ = hostile
    code, out, _ = run(capsys, "show", str(folder / "big-50mb.txt"), "--json")
    data = json.loads(out)
    assert code == 0 and any("only the first part" in w for w in data["warnings"])
    assert len(data["paragraphs"]) > 1000


def test_check_on_the_hostile_corpus(capsys, hostile):
    folder, _ = hostile
    config = folder.parent / "hostile-config.yaml"
    config.write_text(f"corpus: [{folder.name}]\n", encoding="utf-8")
    code, out, err = run(capsys, "check", "--config", str(config))
    assert code == 0 and "0 errors" in out and not terminal_unsafe(out) and not terminal_unsafe(err)
    # Findings are messages: on stderr, the summary alone on stdout.
    assert "binary.txt: skipped: binary file" in err and "empty.txt: skipped: empty file" in err


@pytest.fixture(scope="module")
def configs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("configs")
    return folder, make_configs(folder)


@pytest.mark.parametrize("name", ["malformed.yaml", "wrong-type.yaml", "bad-date.yaml", "tabs.yaml", "python-tag.yaml",
                                  "bomb.yaml", "duplicate-ids.yaml", "empty-alias.yaml", "one-char-alias.yaml",
                                  "huge-alias.yaml", "bad-topic.yaml", "not-utf8.yaml"])
def test_bad_config_exits_2_with_one_located_line(configs, name):
    folder, cases = configs
    fragment, line = cases[name]
    # A subprocess with a timeout: a hang guard (bounded time), not a timing assertion.
    result = subprocess.run([sys.executable, "-m", "reader.cli", "list", "--config", str(folder / name)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    assert fragment in lines[0], lines[0]
    if line is not None:
        assert f".yaml:{line}:" in lines[0], lines[0]
    assert not (folder.parent / "pwned").exists()


def test_unknown_key_is_a_warning_with_a_suggestion(capsys, write):
    config = write("c.yaml", "gazeteer: gazetteer.yaml\n")
    code, out, err = run(capsys, "list", "--config", str(config))
    assert code == 0 and "unknown key 'gazeteer'; did you mean 'gazetteer'?" in err


def test_a_1mb_alias_list_loads(tmp_path):
    config = load_config(make_large_gazetteer(tmp_path))
    library = Library(config, cache=False)
    assert len(library.gazetteer.entities) == 60_000
    assert [m.canonical for m in library.matcher.mentions("Firm 59999 Ltd met F12X.")] == [
        "Company number 59999", "Company number 12"]


def test_the_tui_opens_every_hostile_article(hostile, tmp_path):
    from reader.state import StateStore
    from reader.tui.app import ReaderApp
    from tui_helpers import article_lines, drive

    folder, _ = hostile
    library = Library(load_config(bundled_config()), [folder], cache=False)
    app = ReaderApp(library, StateStore(tmp_path / "state.json"))

    async def scenario(pilot):
        for entry in library.entries:
            await app.open_article(entry.id)
            await pilot.press("j", "G", "r", "G", "right", "r")
            assert not terminal_unsafe(article_lines(app)), entry.id
            assert not terminal_unsafe(app.sub_title)
        assert app.is_running

    drive(app, scenario)
