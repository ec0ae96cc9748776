import json
import shutil
from pathlib import Path

import pytest

from reader.config import Display, bundled_config, find_config, load_config
from reader.yamlfile import ConfigError, load_yaml


def test_bundled_config_loads_with_seed_metadata():
    config = load_config(bundled_config())
    assert config.articles["004_1930e3c77fad4e3e.txt"].source == "Kayhan International"
    assert config.sources["financialtribune.com"] == "Financial Tribune"
    assert config.gazetteer.name == "gazetteer.yaml" and config.topics.name == "topics.yaml"
    assert not config.warnings


def test_search_order(tmp_path, monkeypatch):
    explicit, env, local = (tmp_path / n for n in ("explicit.yaml", "env.yaml", "config.yaml"))
    for p in (explicit, env, local):
        p.write_text("{}")
    monkeypatch.setenv("IRANRU_READER_CONFIG", str(env))
    assert find_config(explicit, cwd=tmp_path) == explicit
    assert find_config(None, cwd=tmp_path) == env
    monkeypatch.delenv("IRANRU_READER_CONFIG")
    assert find_config(None, cwd=tmp_path) == local
    empty = tmp_path / "empty"
    empty.mkdir()
    assert find_config(None, cwd=empty) == bundled_config()


def test_user_config_directory_is_searched(tmp_path, monkeypatch):
    user = Path(__import__("platformdirs").user_config_dir("iranru-reader"))
    user.mkdir(parents=True)
    (user / "config.yaml").write_text("{}")
    assert find_config(None, cwd=tmp_path) == user / "config.yaml"


def test_user_config_falls_back_to_bundled_files(write):
    config = load_config(write("c.yaml", "sources: {example.com: Example}\n"))
    assert config.gazetteer == bundled_config().parent / "gazetteer.yaml"
    assert config.corpus[0].name == "seeds"


def test_malformed_yaml_names_file_line_and_column(write):
    path = write("bad.yaml", "articles:\n  a.txt: {title: [unclosed\n")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    error = caught.value
    assert error.file == str(path) and error.line == 3 and error.column is not None
    assert str(error).startswith(f"{path}:3:") and "invalid YAML" in str(error)


def test_wrong_type_is_located(write):
    with pytest.raises(ConfigError) as caught:
        load_config(write("c.yaml", "sources: {a: b}\narticles:\n  - a list\n"))
    assert caught.value.line == 3 and "'articles' must be a mapping" in caught.value.message


@pytest.mark.parametrize("value", ["'last tuesday'", "2025-02-30"])  # the second: YAML's own timestamp form
def test_bad_date_is_located(write, value):
    with pytest.raises(ConfigError) as caught:
        load_config(write("c.yaml", f"articles:\n  x.txt:\n    date: {value}\n"))
    assert caught.value.line == 3 and "YYYY-MM-DD" in caught.value.message


def test_unknown_keys_warn_with_a_suggestion(write):
    config = load_config(write("c.yaml", "sorces: {}\narticles:\n  x.txt: {titel: X}\n"))
    assert any("unknown key 'sorces'; did you mean 'sources'?" in w for w in config.warnings)
    assert any("unknown key 'titel'; did you mean 'title'?" in w and ":3:" in w for w in config.warnings)


def test_invalid_style_is_an_error(write):
    with pytest.raises(ConfigError) as caught:
        load_config(write("c.yaml", "entities:\n  styles:\n    PERSON: 'bold blurple'\n"))
    assert caught.value.line == 3


def test_yaml_alias_bomb_is_refused_quickly(write):
    bomb = "a: &a ['x','x','x','x','x','x','x','x','x']\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)}]\n" for i in range(9)
    )
    with pytest.raises(ConfigError) as caught:
        load_yaml(write("bomb.yaml", bomb))
    assert "aliases" in caught.value.message and caught.value.line == 2


def test_python_tags_are_not_executed(write):
    with pytest.raises(ConfigError):
        load_yaml(write("evil.yaml", "x: !!python/object/apply:os.system ['echo pwned']\n"))


def test_missing_config_file(tmp_path):
    with pytest.raises(ConfigError, match="not found"):
        load_config(tmp_path / "nope.yaml")


def test_non_utf8_config(write):
    with pytest.raises(ConfigError, match="not UTF-8"):
        load_yaml(write("latin.yaml", "title: caf\xe9\n".encode("latin-1")))


def test_duplicate_keys_are_an_error_with_both_lines(write):
    with pytest.raises(ConfigError) as caught:
        load_yaml(write("dup.yaml", "PERSON:\n  Vladimir Putin: [Putin]\n  Ali Khamenei: []\n  Vladimir Putin: [V.P.]\n"))
    assert caught.value.line == 4 and "duplicate key 'Vladimir Putin' (first defined on line 2)" in caught.value.message


def test_control_characters_in_config_strings_are_neutralised(write):
    config = load_config(write("c.yaml", 'articles:\n  x.txt: {title: "Evil \\e]0;pwned\\a title"}\n'))
    assert config.articles["x.txt"].title == "Evil ␛]0;pwned␇ title"


# --- a user config laid over the bundled one (issue 12) ---------------------------

def _readme_keymap() -> str:
    """The keymap example the README gives, as written there."""
    import re

    from conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.search(r"`(keymap: \{[^`]*\})`", readme).group(1)


def _bundled_metadata(capsys, *argv):
    from reader.cli import main

    assert main(["list", "--json", *argv]) == 0
    return {a["id"]: (a["date"], a["source"]) for a in json.loads(capsys.readouterr().out)}


def test_the_readme_keymap_alone_keeps_the_bundled_dates_and_sources(capsys, write):
    expected = _bundled_metadata(capsys)
    assert all(date and source for date, source in expected.values())
    config = write("c.yaml", _readme_keymap() + "\n")
    assert _bundled_metadata(capsys, "--config", str(config)) == expected
    assert load_config(config).keymap  # and the keymap is there too


def test_user_article_fields_merge_with_the_bundled_ones(write):
    config = load_config(write("c.yaml", "articles:\n  001_fb143f89bf631b66.txt: {title: Mine}\n"))
    article = config.articles["001_fb143f89bf631b66.txt"]
    assert (article.title, article.date) == ("Mine", "2017-11-07")
    assert config.articles["004_1930e3c77fad4e3e.txt"].source == "Kayhan International"
    assert config.own_articles == {"001_fb143f89bf631b66.txt"}
    assert config.files == (bundled_config(), config.path)


def test_a_copied_config_in_the_user_directory_works_with_one_warning(capsys, tmp_path, monkeypatch):
    from platformdirs import user_config_dir

    from reader.cli import main

    user = Path(user_config_dir("iranru-reader"))
    user.mkdir(parents=True)
    shutil.copy(bundled_config(), user / "config.yaml")  # as the bundled config's comment advises
    monkeypatch.chdir(tmp_path)  # not the repository, whose config.yaml is the bundled one
    assert main(["list"]) == 0
    out, err = capsys.readouterr()
    assert len(out.splitlines()) == 5 and "—" not in out
    assert len(err.splitlines()) == 1 and "gazetteer.yaml, topics.yaml, seeds not found" in err
    assert str(user / "config.yaml") in err


def test_files_next_to_the_user_config_are_its_own(write):
    gazetteer = write("gazetteer.yaml", "PERSON:\n  Jane Roe: [Roe]\n")
    config = load_config(write("config.yaml", "gazetteer: gazetteer.yaml\ntopics: topics.yaml\n"))
    assert config.gazetteer == gazetteer.resolve()
    assert config.topics == bundled_config().parent / "topics.yaml"
    assert [w for w in config.warnings if "not found next to" in w] == [f"{config.path}: topics.yaml not found "
                                                                       f"next to this file; using the bundled copy "
                                                                       f"in {bundled_config().parent}"]


def test_deep_merge_merges_mappings_and_replaces_the_rest():
    from reader.config import deep_merge

    base = {"a": {"x": 1, "y": {"z": 2}}, "corpus": ["seeds"], "keymap": {"quit": "q"}}
    over = {"a": {"y": {"w": 3}}, "corpus": ["news"], "keymap": None}
    assert deep_merge(base, over) == {"a": {"x": 1, "y": {"z": 2, "w": 3}}, "corpus": ["news"], "keymap": {"quit": "q"}}
    assert base["a"]["y"] == {"z": 2}  # the inputs are left alone


def test_an_error_in_the_user_config_points_into_it(write):
    path = write("c.yaml", "keymap: {quit: q}\nentities:\n  styles:\n    PERSON: 'bold blurple'\n")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert caught.value.file == str(path) and caught.value.line == 4


def test_keymap_keys_are_written_as_textual_names(write):
    config = load_config(write("c.yaml", 'keymap: {trail.next: "], o", find: "ctrl+f"}\n'))
    assert dict(config.keymap) == {"trail.next": "right_square_bracket,o", "find": "ctrl+f"}


def test_display_bidi_and_shaping(write):
    assert load_config(bundled_config()).display == Display(bidi="app", shaping=False)
    config = load_config(write("c.yaml", "display:\n  bidi: terminal\n  shaping: on\n"))
    assert config.display == Display(bidi="terminal", shaping=True) and not config.display.reorders
    assert load_config(write("d.yaml", "display: {shaping: 'off'}\n")).display == Display()


@pytest.mark.parametrize("text, line", [("display:\n  bidi: rtl\n", 2), ("display:\n  shaping: maybe\n", 2),
                                        ("display: [app]\n", 1)])
def test_bad_display_settings_are_located(write, text, line):
    with pytest.raises(ConfigError) as caught:
        load_config(write("c.yaml", text))
    assert caught.value.line == line


def test_bundled_styles_carry_colours():
    """Every bundled style keeps its colour (unquoted, YAML cut ' #e5a50a' as a comment)."""
    from rich.style import Style

    from reader.config import DEFAULT_STYLES

    config = load_config(bundled_config())
    assert set(config.styles) >= {"PERSON", "GPE", "ORG", "NORP", "FAC", "EVENT", "LOC", "MONEY", "PERCENT", "DATE"}
    for kind, style in config.styles.items():
        assert Style.parse(style).color is not None, (kind, style)
        assert style == DEFAULT_STYLES[kind]
    assert not config.warnings


def test_a_style_whose_colour_yaml_cut_off_is_a_warning(write):
    config = load_config(write("c.yaml", "entities:\n  styles:\n    PERSON: bold #e5a50a\n    GPE: \"underline red\"\n"))
    assert config.styles["PERSON"] == "bold"  # what YAML made of it
    [warning] = config.warnings
    assert "c.yaml:3:" in warning and "PERSON" in warning and "comment" in warning and "quote" in warning


def test_layout_setting(write):
    from reader.config import Layout

    assert load_config(bundled_config()).layout == Layout()
    config = load_config(write("c.yaml", "layout: {sidebar: hide, panel: show, sidebar_width: 40}\n"))
    assert config.layout == Layout("hide", "show", 40)
    for bad in ("layout: {sidebar: sometimes}\n", "layout: {sidebar_width: 3}\n", "layout: [auto]\n"):
        with pytest.raises(ConfigError, match="c.yaml:1"):
            load_config(write("c.yaml", bad))


def test_a_config_named_relative_to_one_folder_is_the_same_file_from_another(tmp_path, monkeypatch):
    """`list --config bench.yaml` in its folder, then the reader with the file's full path from
    another: the parsed file came from the cache with its relative path, which the second
    folder resolved to another file, so the one corpus got a second index."""
    home, elsewhere = tmp_path / "home", tmp_path / "elsewhere"
    home.mkdir()
    elsewhere.mkdir()
    (home / "bench.yaml").write_text("entities:\n  model: false\n")
    monkeypatch.chdir(home)
    first = load_config("bench.yaml")
    monkeypatch.chdir(elsewhere)
    again = load_config(home / "bench.yaml")
    assert first.files == again.files and all(path.is_absolute() for path in again.files)
