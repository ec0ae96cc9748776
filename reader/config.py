"""Find, load and validate `config.yaml` into a typed, frozen `Config`.

Search order (SPEC §7): `--config`, `$IRANRU_READER_CONFIG`, `./config.yaml`,
the user config directory, then the bundled default. Paths inside a config
are relative to the file that names them; what a user config leaves out
(gazetteer, topics, corpus) falls back to the bundled files.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from types import MappingProxyType
from typing import Any, Mapping

from platformdirs import user_config_dir

from .cache import APP_NAME, load_parsed
from .yamlfile import ConfigError, YamlDoc, unknown_keys

ENV_VAR = "IRANRU_READER_CONFIG"
_HERE = Path(__file__).resolve().parent


def bundled_dir() -> Path:
    """Where the shipped config, gazetteer, topic map and seeds live.

    In a wheel they are packed into `reader/_bundled`; in a source checkout
    (editable install, tests) they are the repository root.
    """
    packed = _HERE / "_bundled"
    return packed if packed.is_dir() else _HERE.parent


def bundled_config() -> Path:
    return bundled_dir() / "config.yaml"


DEFAULT_STYLES = {
    # A colour plus a combination of attributes that no other type uses, so types
    # stay apart without colour (NO_COLOR, 16 colours). Inside a quote (italic) or
    # a subheading (bold) the renderer flips the attribute the paragraph already
    # has (reader/render.py: contrast), which keeps every pair apart there too.
    "PERSON": "bold #e5a50a",
    "GPE": "underline #62a0ea",
    "ORG": "bold underline #c061cb",
    "NORP": "italic #57e389",
    "FAC": "reverse italic #99c1f1",
    "EVENT": "reverse #ff7800",
    "MONEY": "bold italic #2ec27e",
    "PERCENT": "bold italic underline #2ec27e",
    "DATE": "italic underline #c0bfbc",  # not dim: Textual draws dim as a colour blend, lost without colour
}

SIDEBAR_WIDTH = 28  # columns, the sidebar's width when the config names none
LAYOUT_CHOICES = ("auto", "show", "hide")


@dataclass(frozen=True)
class Layout:
    """`layout:` in config: whether the sidebar and panel show at start, and the
    sidebar's width in columns. `auto` follows the state file (the last toggle),
    else the terminal's size (reader/tui/app.py: ReaderApp.auto_layout)."""

    sidebar: str = "auto"
    panel: str = "auto"
    sidebar_width: int = SIDEBAR_WIDTH


@dataclass(frozen=True)
class ArticleOverride:
    title: str | None = None
    source: str | None = None
    date: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Config:
    path: Path
    corpus: tuple[Path, ...]
    gazetteer: Path
    topics: Path
    articles: Mapping[str, ArticleOverride] = field(default_factory=lambda: MappingProxyType({}))
    sources: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    styles: Mapping[str, str] = field(default_factory=lambda: MappingProxyType(dict(DEFAULT_STYLES)))
    type_tags: bool = False
    keymap: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    warnings: tuple[str, ...] = ()
    layout: Layout = Layout()

    def override_for(self, path: Path, article_id: str) -> ArticleOverride | None:
        return self.articles.get(path.name) or self.articles.get(article_id)

    def source_name(self, source: str | None) -> str | None:
        """Map a footer domain ("Financialtribune.com") to its display name."""
        if source is None:
            return None
        return self.sources.get(source.lower(), source)


_TOP_KEYS = ("corpus", "gazetteer", "topics", "articles", "sources", "entities", "keymap", "layout")
_ARTICLE_KEYS = ("title", "source", "date", "url")
_ENTITY_KEYS = ("styles", "type_tags")
_LAYOUT_KEYS = ("sidebar", "panel", "sidebar_width")


def find_config(explicit: str | Path | None = None, cwd: Path | None = None) -> Path:
    """The config file to use, in the documented search order."""
    if explicit:
        return Path(explicit)
    if env := os.environ.get(ENV_VAR):
        return Path(env)
    local = (cwd or Path.cwd()) / "config.yaml"
    if local.is_file():
        return local
    user = Path(user_config_dir(APP_NAME)) / "config.yaml"
    if user.is_file():
        return user
    return bundled_config()


def load_config(explicit: str | Path | None = None, use_cache: bool = True) -> Config:
    """Find and load the config; raise ConfigError (file:line:col) when it is wrong."""
    path = find_config(explicit)
    if not path.is_file():
        raise ConfigError(path, None, None, "config file not found")
    return load_parsed(path, parse_config, use_cache)


def parse_config(doc: YamlDoc) -> Config:
    data = doc.data if doc.data is not None else {}
    if not isinstance(data, dict):
        raise doc.error((), f"expected a mapping of settings at the top level, got {_kind(data)}")
    warnings = unknown_keys(doc, data, _TOP_KEYS)
    base = doc.path.resolve().parent
    bundled = bundled_dir()

    def file_setting(key: str, default: Path) -> Path:
        value = data.get(key)
        if value is None:
            return default
        if not isinstance(value, str) or not value.strip():
            raise doc.error([key], f"'{key}' must be a file path, got {_kind(value)}")
        return (base / value).resolve()

    corpus_value = data.get("corpus")
    if corpus_value is None:
        corpus = (bundled / "seeds",)
    else:
        items = [corpus_value] if isinstance(corpus_value, str) else corpus_value
        if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
            raise doc.error(["corpus"], "'corpus' must be a path or a list of paths")
        corpus = tuple((base / i).expanduser().resolve() for i in items)

    entities = _mapping(doc, data, "entities")
    warnings += unknown_keys(doc, entities, _ENTITY_KEYS, "entities")
    styles = dict(DEFAULT_STYLES)
    for kind, style in _mapping(doc, entities, "styles", parent=("entities",)).items():
        if not isinstance(style, str):
            raise doc.error(["entities", "styles", kind], f"style for {kind} must be a string such as 'bold red'")
        styles[str(kind).upper()] = _check_style(doc, style, ["entities", "styles", kind])
        warnings += _lost_colour(doc, str(kind).upper(), style)
    type_tags = entities.get("type_tags", False)
    if not isinstance(type_tags, bool):
        raise doc.error(["entities", "type_tags"], "'type_tags' must be true or false")

    keymap = _mapping(doc, data, "keymap")
    for action, keys in keymap.items():
        if not isinstance(keys, str) or not keys.strip():
            raise doc.error(["keymap", action], f"keys for '{action}' must be a string such as 'j,down'")

    return Config(
        path=doc.path,
        corpus=corpus,
        gazetteer=file_setting("gazetteer", bundled / "gazetteer.yaml"),
        topics=file_setting("topics", bundled / "topics.yaml"),
        articles=MappingProxyType(_articles(doc, data, warnings)),
        sources=MappingProxyType(_sources(doc, data)),
        styles=MappingProxyType(styles),
        type_tags=type_tags,
        keymap=MappingProxyType({str(k): str(v) for k, v in keymap.items()}),
        warnings=tuple(warnings),
        layout=_layout(doc, data, warnings),
    )


def _mapping(doc: YamlDoc, data: dict, key: str, parent: tuple[str, ...] = ()) -> dict:
    value = data.get(key)
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise doc.error([*parent, key], f"'{key}' must be a mapping, got {_kind(value)}")
    return value


def _articles(doc: YamlDoc, data: dict, warnings: list[str]) -> dict[str, ArticleOverride]:
    result = {}
    for name, fields in _mapping(doc, data, "articles").items():
        where = ["articles", name]
        if not isinstance(fields, dict):
            raise doc.error(where, f"article '{name}' must map title/source/date/url to values")
        warnings += unknown_keys(doc, fields, _ARTICLE_KEYS, "articles", str(name))
        values: dict[str, str | None] = {}
        for key in _ARTICLE_KEYS:
            value = fields.get(key)
            if isinstance(value, date):
                value = value.isoformat()
            if value is not None and not isinstance(value, str):
                raise doc.error([*where, key], f"'{key}' must be a string, got {_kind(value)}")
            if key == "date" and value is not None and not _valid_date(value):
                raise doc.error([*where, key], f"date must be YYYY-MM-DD, got '{value}'")
            values[key] = value
        result[str(name)] = ArticleOverride(**values)
    return result


def _sources(doc: YamlDoc, data: dict) -> dict[str, str]:
    result = {}
    for domain, name in _mapping(doc, data, "sources").items():
        if not isinstance(name, str):
            raise doc.error(["sources", domain], f"source name for '{domain}' must be a string")
        result[str(domain).lower()] = name
    return result


def _valid_date(value: str) -> bool:
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return bool(re.fullmatch(r"\d{4}-\d\d-\d\d", value))


def _check_style(doc: YamlDoc, style: str, where: list) -> str:
    from rich.style import Style  # Rich parses styles; the core does not need Textual.

    try:
        Style.parse(style)
    except Exception as error:  # rich raises StyleSyntaxError / ColorParseError
        raise doc.error(where, f"not a valid style: {error}") from None
    return style


def _lost_colour(doc: YamlDoc, kind: str, style: str) -> list[str]:
    """A warning when a style has no colour where the bundled default has one.

    The usual cause is YAML itself: in `PERSON: bold #e5a50a` unquoted, ` #…`
    starts a comment, so the value silently loads as `bold` (YAML 1.2 §6.6).
    """
    from rich.style import Style

    default = DEFAULT_STYLES.get(kind)
    if default is None or Style.parse(default).color is None or Style.parse(style).color is not None:
        return []
    line, column = doc.where("entities", "styles", kind)
    message = (f"style for {kind} is '{style}', without the colour of the default '{default}'; "
               "in YAML an unquoted ' #…' is a comment: quote the value, e.g. "
               f"{kind}: \"{default}\"")
    return [str(ConfigError(doc.path, line, column, message))]


def _layout(doc: YamlDoc, data: dict, warnings: list[str]) -> Layout:
    layout = _mapping(doc, data, "layout")
    warnings += unknown_keys(doc, layout, _LAYOUT_KEYS, "layout")
    values: dict[str, Any] = {}
    for key in ("sidebar", "panel"):
        value = layout.get(key, "auto")
        if isinstance(value, bool):  # YAML reads a bare show/hide as a string, but yes/no as booleans
            value = "show" if value else "hide"
        if value not in LAYOUT_CHOICES:
            raise doc.error(["layout", key], f"'{key}' must be one of {', '.join(LAYOUT_CHOICES)}, got {value!r}")
        values[key] = value
    width = layout.get("sidebar_width", SIDEBAR_WIDTH)
    if isinstance(width, bool) or not isinstance(width, int) or not 10 <= width <= 200:
        raise doc.error(["layout", "sidebar_width"], f"'sidebar_width' must be a number of columns from 10 to 200, got {width!r}")
    return Layout(values["sidebar"], values["panel"], width)


def _kind(value: Any) -> str:
    return {dict: "a mapping", list: "a list", str: "a string", type(None): "nothing"}.get(
        type(value), type(value).__name__
    )
