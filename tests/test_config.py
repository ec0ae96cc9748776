from pathlib import Path

import pytest

from reader.config import bundled_config, find_config, load_config
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


def test_bad_date_is_located(write):
    with pytest.raises(ConfigError) as caught:
        load_config(write("c.yaml", "articles:\n  x.txt:\n    date: 'last tuesday'\n"))
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


def test_bundled_styles_carry_colours():
    """Every bundled style keeps its colour (unquoted, YAML cut ' #e5a50a' as a comment)."""
    from rich.style import Style

    from reader.config import DEFAULT_STYLES

    config = load_config(bundled_config())
    assert set(config.styles) >= {"PERSON", "GPE", "ORG", "NORP", "FAC", "EVENT", "MONEY", "PERCENT", "DATE"}
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
