"""Read YAML safely and say exactly where it is wrong.

Only the safe loader is used; aliases are refused outright (a "billion
laughs" document is rejected before it is expanded), and every error carries
the file, line and column a user has to look at.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .sanitize import safe_line

if TYPE_CHECKING:
    import yaml

MAX_BYTES = 4 * 1024 * 1024


class ConfigError(Exception):
    """A config file problem, located for the user: `file:line:col: message`."""

    def __init__(self, file: Path | str, line: int | None, column: int | None, message: str):
        super().__init__(message)
        self.file, self.line, self.column, self.message = str(file), line, column, message

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}:{self.column or 1}"
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class YamlDoc:
    """Parsed data plus the node tree, so validators can point at a line."""

    path: Path
    data: Any
    node: yaml.Node | None

    def where(self, *keys: str | int) -> tuple[int | None, int | None]:
        import yaml

        node = self.node
        for key in keys:
            if isinstance(node, yaml.MappingNode):
                node = next((v for k, v in node.value if k.value == str(key) or k.value == key), None)
            elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
                node = node.value[key]
            else:
                node = None
            if node is None:
                break
        if node is None:
            return (None, None) if self.node is None else (self.node.start_mark.line + 1, 1)
        return node.start_mark.line + 1, node.start_mark.column + 1

    def key_where(self, *keys: str) -> tuple[int | None, int | None]:
        """Location of the last key itself (for unknown or duplicate keys)."""
        import yaml

        node = self.node
        for depth, key in enumerate(keys):
            if not isinstance(node, yaml.MappingNode):
                return None, None
            pair = next(((k, v) for k, v in node.value if k.value == key), None)
            if pair is None:
                return None, None
            if depth == len(keys) - 1:
                return pair[0].start_mark.line + 1, pair[0].start_mark.column + 1
            node = pair[1]
        return None, None

    def error(self, keys: Iterable[str | int], message: str) -> ConfigError:
        line, column = self.where(*keys)
        return ConfigError(self.path, line, column, message)


@cache
def _loader(yaml):
    """The safe loader (the C one where PyYAML has it), except that a timestamp stays
    the string it was written as: an impossible date (2025-02-30) is then a located
    config error from the validator, not a ValueError from inside PyYAML."""
    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class Loader(base):
        pass

    Loader.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))
    return Loader


def load_yaml(path: Path, raw: bytes | None = None) -> YamlDoc:
    """Parse one YAML file (or its bytes, already read) with the safe loader;
    raise ConfigError on any problem.

    PyYAML is imported here, not at start-up: a warm start reads parsed
    files from the cache (`cache.load_parsed`) and never needs it.
    """
    import yaml

    loader_class = _loader(yaml)
    if raw is None:
        try:
            raw = path.read_bytes()
        except OSError as error:
            raise ConfigError(path, None, None, f"cannot read: {error.strerror or error}") from None
    if len(raw) > MAX_BYTES:
        raise ConfigError(path, None, None, f"file is over {MAX_BYTES // (1024 * 1024)} MB; refusing to parse it")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ConfigError(path, None, None, f"not UTF-8 (byte {error.start})") from None
    try:
        if "*" in text:  # every alias has one: no second pass over a file without
            _refuse_aliases(text, loader_class)
        loader = loader_class(text)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = error.problem or error.context or "invalid YAML"
        if error.context and error.problem:
            problem = f"{problem} ({error.context})"
        line, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
        raise ConfigError(path, line, column, f"invalid YAML: {problem}") from None
    except yaml.YAMLError as error:
        raise ConfigError(path, None, None, f"invalid YAML: {error}") from None
    _refuse_duplicate_keys(path, node)
    return YamlDoc(path, _sanitized(data), node)


def _refuse_duplicate_keys(path: Path, node: yaml.Node | None) -> None:
    """PyYAML keeps the last of two equal keys silently; a duplicate id is an error here."""
    import yaml

    stack = [node] if node is not None else []
    while stack:
        current = stack.pop()
        if isinstance(current, yaml.MappingNode):
            seen: dict[str, yaml.Node] = {}
            for key, value in current.value:
                if isinstance(key, yaml.ScalarNode):
                    if key.value in seen:
                        first = seen[key.value].start_mark.line + 1
                        raise ConfigError(path, key.start_mark.line + 1, key.start_mark.column + 1,
                                          f"duplicate key '{key.value}' (first defined on line {first})")
                    seen[key.value] = key
                stack.append(value)
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)


def _sanitized(data: Any) -> Any:
    """Config strings are shown on screen too: no control character gets through.

    Aliases are refused, so the tree is finite and this walk is bounded.
    """
    if isinstance(data, str):
        return safe_line(data) if not data.isprintable() else data
    if isinstance(data, list):
        return [_sanitized(item) for item in data]
    if isinstance(data, dict):
        return {_sanitized(k): _sanitized(v) for k, v in data.items()}
    return data


def _refuse_aliases(text: str, loader_class: type) -> None:
    import yaml

    for event in yaml.parse(text, Loader=loader_class):
        if isinstance(event, yaml.AliasEvent):
            mark = event.start_mark
            raise yaml.MarkedYAMLError(
                problem="YAML aliases (*name) are not allowed in this file", problem_mark=mark
            )


def unknown_keys(doc: YamlDoc, mapping: dict, allowed: Iterable[str], *keys: str) -> list[str]:
    """Warnings for keys not in `allowed`, with a close-match suggestion."""
    from difflib import get_close_matches  # only for a config that has a typo

    allowed = list(allowed)
    warnings = []
    for key in mapping:
        if key not in allowed:
            line, column = doc.key_where(*keys, str(key))
            hint = get_close_matches(str(key), allowed, n=1)
            suggestion = f"; did you mean '{hint[0]}'?" if hint else f" (known: {', '.join(allowed)})"
            warnings.append(str(ConfigError(doc.path, line, column, f"unknown key '{key}'{suggestion}")))
    return warnings
