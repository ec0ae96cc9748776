"""Find, load and validate `config.yaml` into a typed, frozen `Config`.

Search order (SPEC §7): `--config`, `$IRANRU_READER_CONFIG`, `./config.yaml`,
the user config directory, then the bundled default. The first one found is
the user's config, and it is laid over the bundled one key by key: mappings
merge (a keymap-only config keeps the bundled articles' dates and sources),
anything else (a list, a string, a number) replaces. Paths inside a config are
relative to the file that names them; a relative path that does not exist
there but does among the bundled files (a copied `config.yaml` naming
`gazetteer.yaml`) means the bundled file, with one warning.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from types import MappingProxyType
from typing import Any, Mapping

from platformdirs import user_config_dir

from .cache import APP_NAME, load_parsed
from .keys import normalize_keys
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
    "LOC": "reverse underline #62a0ea",  # regions and seas: a place like GPE, told apart by reverse
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
class Display:
    """`display:` in config: who reorders right-to-left text, `app` (the reader,
    which asks the terminal not to) or `terminal` (VTE, Konsole, mlterm in their
    implicit mode); `shaping` joins Arabic letters for terminals that do not."""

    bidi: str = "app"
    shaping: bool = False

    @property
    def reorders(self) -> bool:
        return self.bidi == "app"


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
    #: The files this config was merged from, the bundled one first.
    files: tuple[Path, ...] = ()
    #: The `articles` named in the top file itself (not inherited from the bundled one).
    own_articles: frozenset[str] = frozenset()
    display: Display = Display()
    entity_model: bool = True  # `entities: {model: false}` turns the statistical recogniser off
    layout: Layout = Layout()

    def override_for(self, path: Path, article_id: str) -> ArticleOverride | None:
        return self.articles.get(path.name) or self.articles.get(article_id)

    def source_name(self, source: str | None) -> str | None:
        """Map a footer domain ("Financialtribune.com") to its display name."""
        if source is None:
            return None
        return self.sources.get(source.lower(), source)


_TOP_KEYS = ("corpus", "gazetteer", "topics", "articles", "sources", "entities", "keymap", "display", "layout")
_ARTICLE_KEYS = ("title", "source", "date", "url")
_ENTITY_KEYS = ("styles", "type_tags", "model")
_DISPLAY_KEYS = ("bidi", "shaping")
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
    """Find and load the config, laid over the bundled one (see the module's docstring).

    Raises ConfigError (file:line:col) when either file is wrong: each file is
    validated on its own, so an error points into the file that has it.
    """
    # Absolute: the parsed file is cached with its path (cache.load_parsed), and a relative one
    # read again from another folder named another file (a second index of the same corpus).
    path = find_config(explicit).absolute()
    if not path.is_file():
        raise ConfigError(path, None, None, "config file not found")
    bundled = bundled_config()
    layers = [load_parsed(path, parse_layer, use_cache)]
    if path.resolve() != bundled.resolve():
        layers.insert(0, load_parsed(bundled, parse_layer, use_cache))
    return merge_layers(layers)


@dataclass(frozen=True)
class Layer:
    """One config file, validated: its settings as written (paths still relative) and its warnings."""

    path: Path
    data: Mapping[str, Any]
    warnings: tuple[str, ...]


def parse_layer(doc: YamlDoc) -> Layer:
    """Validate one file (raising ConfigError located in it) and keep its settings for merging."""
    config = parse_config(doc)
    return Layer(doc.path, doc.data or {}, config.warnings)


_PATH_KEYS = ("gazetteer", "topics")


def merge_layers(layers: list[Layer]) -> Config:
    """The config of `layers` (the bundled one first), each later one laid over the
    earlier key by key. Pure but for `stat` calls: whether a relative path exists."""
    merged: dict[str, Any] = {}
    fell_back: list[str] = []
    for layer in layers:
        merged = deep_merge(merged, _absolute_paths(layer, fell_back))
    top = layers[-1]
    warnings = [w for layer in layers for w in layer.warnings]
    if fell_back:
        warnings.append(f"{top.path}: {', '.join(fell_back)} not found next to this file; using the bundled "
                        f"{'copy' if len(fell_back) == 1 else 'copies'} in {bundled_dir()}")
    config = parse_config(YamlDoc(top.path, merged, None))
    own = top.data.get("articles")
    return replace(config, warnings=tuple(warnings), files=tuple(layer.path for layer in layers),
                   own_articles=frozenset(map(str, own)) if isinstance(own, dict) else frozenset())


def deep_merge(base: Mapping[str, Any], over: Mapping[str, Any]) -> dict[str, Any]:
    """`over` laid on `base`: mappings merge recursively, other values replace, and a
    key left empty (`keymap:` with nothing after it, YAML's null) keeps `base`'s value."""
    result = dict(base)
    for key, value in over.items():
        if value is None:
            continue
        if isinstance(value, Mapping) and isinstance(result.get(key), Mapping):
            result[key] = deep_merge(result[key], value)
        else:
            result[key] = value
    return result


def _absolute_paths(layer: Layer, fell_back: list[str]) -> dict[str, Any]:
    """`layer.data` with its file and corpus paths made absolute; a relative path
    missing next to a user's config but present among the bundled files is the
    bundled one (its name is added to `fell_back`)."""
    base = layer.path.resolve().parent
    bundled = bundled_dir()

    def absolute(value: str) -> str:
        path = Path(value).expanduser()
        if path.is_absolute():
            return str(path)
        here = base / path
        if base != bundled and not here.exists() and (bundled / path).exists():
            fell_back.append(value)
            return str(bundled / path)
        return str(here)

    data = dict(layer.data)
    for key in _PATH_KEYS:
        if isinstance(data.get(key), str) and data[key].strip():
            data[key] = absolute(data[key])
    corpus = data.get("corpus")
    if isinstance(corpus, str):
        data["corpus"] = absolute(corpus)
    elif isinstance(corpus, list):
        data["corpus"] = [absolute(item) for item in corpus]
    return data


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
    entity_model = entities.get("model", True)
    if not isinstance(entity_model, bool):
        raise doc.error(["entities", "model"], "'model' must be true or false")

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
        keymap=MappingProxyType({str(k): normalize_keys(str(v)) for k, v in keymap.items()}),
        warnings=tuple(warnings),
        display=_display(doc, data, warnings),
        entity_model=entity_model,
        layout=_layout(doc, data, warnings),
    )


def _display(doc: YamlDoc, data: dict, warnings: list[str]) -> Display:
    """`display: {bidi: app | terminal, shaping: on | off}` (SPEC §4a)."""
    display = _mapping(doc, data, "display")
    warnings += unknown_keys(doc, display, _DISPLAY_KEYS, "display")
    bidi = display.get("bidi", "app")
    if bidi not in ("app", "terminal"):
        raise doc.error(["display", "bidi"], f"'bidi' must be 'app' or 'terminal', got {bidi!r}")
    # YAML reads a bare on/off as true/false; a quoted "on"/"off" is a string.
    shaping = display.get("shaping", False)
    if isinstance(shaping, str):
        shaping = {"on": True, "off": False}.get(shaping.lower(), shaping)
    if not isinstance(shaping, bool):
        raise doc.error(["display", "shaping"], "'shaping' must be on or off")
    return Display(bidi, shaping)


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
            if key == "date" and value is not None and not valid_date(value):
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


def valid_date(value: str) -> bool:
    """Whether `value` is a YYYY-MM-DD day of the calendar (datetime.date: 2022-02-30 is
    no day, 0000 no year); export.date_bound checks a --from/--to bound with it too."""
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
