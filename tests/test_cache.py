"""Parsed YAML kept between runs: read back while the file is unchanged, parsed
afresh after any edit, and never a source of errors of its own."""

from __future__ import annotations

import sys

import pytest

import reader.cache as cache
from reader.cache import cache_dir, load_parsed
from reader.config import load_config
from reader.annotate.gazetteer import load_gazetteer
from reader.annotate.topics import load_topic_map
from reader.yamlfile import ConfigError

GAZETTEER = "PERSON:\n  Vladimir Putin: [Putin]\n"


def stored() -> list[str]:
    folder = cache_dir() / "parsed"
    return sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []


def test_an_unchanged_file_is_read_back_without_parsing(write, monkeypatch):
    path = write("g.yaml", GAZETTEER)
    first = load_gazetteer(path)
    assert len(stored()) == 1
    monkeypatch.setattr(cache, "load_yaml", lambda *a: pytest.fail("parsed again"))
    assert load_gazetteer(path) == first


def test_an_edit_is_parsed_afresh_and_replaces_the_old_entry(write):
    path = write("g.yaml", GAZETTEER)
    assert load_gazetteer(path).entities[0].aliases == ("Vladimir Putin", "Putin")
    path.write_text(GAZETTEER.replace("[Putin]", "[Putin, V. Putin]"))
    assert load_gazetteer(path).entities[0].aliases == ("Vladimir Putin", "Putin", "V. Putin")
    assert len(stored()) == 1


def test_each_parser_and_path_has_its_own_entry(write):
    gazetteer = write("g.yaml", GAZETTEER)
    other = write("other/g.yaml", GAZETTEER)
    load_gazetteer(gazetteer)
    load_gazetteer(other)
    load_topic_map(write("t.yaml", "topics:\n  x:\n    label: X\n    signals: {alpha beta: 3}\n"))
    names = stored()
    assert len(names) == 3 and sum(n.startswith("reader.annotate.gazetteer.parse_gazetteer-") for n in names) == 2


def test_a_config_with_read_only_mappings_round_trips(write):
    path = write("config.yaml", "entities:\n  styles: {PERSON: bold red}\nkeymap: {passage.next: l}\n")
    first = load_config(path)
    again = load_config(path)
    # One entry per file: this config and the bundled one it is laid over.
    assert again == first and again.styles["PERSON"] == "bold red" and len(stored()) == 2
    with pytest.raises(TypeError):
        again.styles["PERSON"] = "blue"  # still read-only after the round trip


def test_a_damaged_entry_is_a_miss_and_is_rewritten(write):
    path = write("g.yaml", GAZETTEER)
    first = load_gazetteer(path)
    entry = cache_dir() / "parsed" / stored()[0]
    entry.write_bytes(b"\x80\x05not a pickle")
    assert load_gazetteer(path) == first
    assert entry.read_bytes() != b"\x80\x05not a pickle"


def test_errors_are_never_cached(write):
    path = write("g.yaml", "PERSON:\n  Someone: [S]\n  Someone: [T]\n")
    for _ in range(2):
        with pytest.raises(ConfigError, match="duplicate key"):
            load_gazetteer(path)
    assert stored() == []


def test_without_the_cache_nothing_is_written(write):
    load_gazetteer(write("g.yaml", GAZETTEER), use_cache=False)
    assert stored() == []


def test_an_unwritable_cache_is_no_error(write, monkeypatch, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert load_gazetteer(write("g.yaml", GAZETTEER)).entities[0].canonical == "Vladimir Putin"


def test_an_unreadable_file_is_reported_by_the_parser(tmp_path):
    with pytest.raises(ConfigError, match="cannot read"):
        load_parsed(tmp_path / "missing.yaml", lambda doc: doc)


def test_a_warm_start_does_not_import_pyyaml(tmp_path):
    """The point of the cache: start-up without PyYAML's import and parse."""
    import subprocess

    script = ("import sys; from reader.config import load_config; from reader.library import Library; "
              "Library(load_config()); print('yaml' in sys.modules)")
    runs = [subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout.strip()
            for _ in range(2)]
    assert runs == ["True", "False"]


def test_two_installs_of_the_program_key_its_shipped_files_alike(tmp_path, monkeypatch):
    """A newcomer's second install (another venv) re-indexed a 100,000-article folder: the
    index's name and fingerprint held where the program's own files lay. Shipped files
    (a wheel's reader/_bundled, a checkout's root files, the package's modules) are keyed
    by their place in the program; two user corpora at two paths stay two."""
    from reader.index import fingerprint

    keys = []
    for install in ("venv-a", "venv-b"):
        package = tmp_path / install / "site-packages" / "reader"
        (package / "_bundled" / "seeds").mkdir(parents=True)
        (package / "annotate").mkdir()
        (package / "_bundled" / "config.yaml").write_text("corpus: seeds\n")
        (package / "annotate" / "topics.py").write_text("RULES = 1\n")
        monkeypatch.setattr(cache, "_PACKAGE", package)
        shipped = [package / "_bundled" / "config.yaml", package / "annotate" / "topics.py"]
        keys.append((cache.corpus_key([package / "_bundled" / "seeds"]), fingerprint(*shipped),
                     cache.place(package / "_bundled" / "config.yaml")))
    assert keys[0] == keys[1] and keys[0][2] == "bundled:config.yaml"
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    assert cache.corpus_key([tmp_path / "one"]) != cache.corpus_key([tmp_path / "two"])
