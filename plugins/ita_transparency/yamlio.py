"""YAML reading that remembers where every value came from.

PyYAML alone turns `2568-03-28` into the year 2568 and `2025-13-40` into a crash without a line
number, keeps the last of two duplicate keys silently, and forgets line numbers once the data
is a dict. Here dates stay text (the calendar module reads them), duplicate keys are problems,
and every value's line is kept in a map keyed by its path, e.g. ("publications", 2, "url").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

try:
    import yaml_rs
except ImportError:  # pragma: no cover - the package depends on it
    yaml_rs = None

Loc = tuple[str | int, ...]


# libyaml's parser when PyYAML has it (several times faster on large files), else Python's
_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):  # type: ignore[valid-type,misc]
    """SafeLoader without the timestamp resolver: dates are read by `calendar.parse_date`."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers
            if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool")]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
# YAML 1.2 booleans only: `no`, `on` and `yes` stay text (as in the fast parser)
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"))


@dataclass
class Located:
    """A parsed YAML document with the line of every value. When it was read by the fast
    parser, the lines are found (by reading the file again) only if something asks."""

    value: Any
    lines: dict[Loc, int] = field(default_factory=dict)
    source: Path | None = None

    def line(self, loc: Loc) -> int | None:
        """The line of `loc`, or of its nearest ancestor that has one."""
        if not self.lines and self.source is not None:
            slow, _ = read_yaml(self.source)
            self.lines = slow.lines if slow else {(): 1}
        for end in range(len(loc), -1, -1):
            line = self.lines.get(tuple(loc[:end]))
            if line is not None:
                return line
        return None


@dataclass
class YamlProblem:
    line: int | None
    message: str


def _text(path: Path) -> tuple[str | None, list[YamlProblem]]:
    """The file's text, or the problems that stop it being YAML at all."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as e:
        return None, [YamlProblem(None, f"the file is not UTF-8 text (byte {e.start})")]
    if "\t" in text:
        tabs = [
            YamlProblem(n, "a tab is used for indentation; YAML needs spaces")
            for n, line in enumerate(text.splitlines(), 1)
            if "\t" in line[: len(line) - len(line.lstrip(" \t"))]
        ]
        if tabs:
            return None, tabs
    if not text.strip() or all(
        not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()
    ):
        return None, [YamlProblem(None, "the file is empty")]
    return text, []


def read_fast(path: Path) -> tuple[Located | None, list[YamlProblem]]:
    """Parse with the Rust parser yaml-rs (an order of magnitude faster on a large data
    folder), without line numbers; anything it rejects is read again by `read_yaml` for
    the full diagnosis. Duplicate keys are rejected as in `read_yaml`."""
    if yaml_rs is None:
        return read_yaml(path)
    text, problems = _text(path)
    if text is None:
        return None, problems
    try:
        value = yaml_rs.loads(text)
    except Exception:  # noqa: BLE001 - any rejection: let PyYAML explain it with a line
        return read_yaml(path)
    if value is None:
        return None, [YamlProblem(None, "the file is empty")]
    return Located(value, {}, path), []


def read_yaml(path: Path) -> tuple[Located | None, list[YamlProblem]]:
    """Parse one file; on failure return None and every problem that could be found."""
    text, problems = _text(path)
    if text is None:
        return None, problems
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, [YamlProblem(None, "the file is empty")]
        problems: list[YamlProblem] = []
        located = Located(None)
        located.value = _convert(loader, node, (), located.lines, problems)
        return (None if problems else located), problems
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line = mark.line + 1 if mark else None
        return None, [YamlProblem(line, f"YAML syntax error: {_plain_yaml_error(e)}")]
    except yaml.YAMLError as e:  # pragma: no cover - PyYAML raises marked errors for text input
        return None, [YamlProblem(None, f"YAML syntax error: {e}")]
    finally:
        loader.dispose()


_INT = re.compile(r"^[-+]?(0|[1-9][0-9_]*)$")
_FLOAT = re.compile(r"^[-+]?([0-9][0-9_]*)?\.[0-9_]+([eE][-+][0-9]+)?$")


def _scalar(loader: _Loader, node: yaml.ScalarNode) -> Any:
    """The common scalars without PyYAML's general machinery (a large data folder has
    hundreds of thousands of them); anything unusual goes the long way."""
    tag, value = node.tag, node.value
    if tag == "tag:yaml.org,2002:str":
        return value
    if tag == "tag:yaml.org,2002:int" and _INT.match(value):
        return int(value.replace("_", ""))
    if tag == "tag:yaml.org,2002:float" and _FLOAT.match(value):
        return float(value.replace("_", ""))
    if tag == "tag:yaml.org,2002:null":
        return None
    return loader.construct_object(node, deep=True)


def _convert(loader: _Loader, node: yaml.Node, loc: Loc, lines: dict[Loc, int],
             problems: list[YamlProblem]) -> Any:
    lines.setdefault(loc, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        loader.flatten_mapping(node)  # resolve YAML merge keys (<<)
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = (_scalar(loader, key_node) if isinstance(key_node, yaml.ScalarNode)
                   else loader.construct_object(key_node, deep=True))
            if isinstance(key, list | dict):
                problems.append(YamlProblem(key_node.start_mark.line + 1, "a key must be text"))
                continue
            key_line = key_node.start_mark.line + 1
            if key in result:
                first = lines.get(loc + (key,))
                problems.append(YamlProblem(
                    key_line, f"'{key}' is given twice (first on line {first}); keep one"))
                continue
            result[key] = _convert(loader, value_node, loc + (key,), lines, problems)
            lines[loc + (key,)] = key_line
        return result
    if isinstance(node, yaml.SequenceNode):
        return [
            _convert(loader, child, loc + (i,), lines, problems)
            for i, child in enumerate(node.value)
        ]
    return _scalar(loader, node) if isinstance(node, yaml.ScalarNode) else \
        loader.construct_object(node, deep=True)


_YAML_HINTS = (
    ("expected <block end>", "this line is indented differently from the lines above it"),
    ("did not find expected '-' indicator", "this line is indented differently from the "
     "lines above it"),
    ("did not find expected key", "this line is indented differently from the lines above it"),
    ("mapping values are not allowed", "a ':' where YAML expected none; put text that holds "
     "': ' in quotes"),
    ("could not find expected ':'", "a line without 'key: value' inside a mapping"),
    ("found character that cannot start any token", "a character YAML cannot start a value "
     "with (such as ` or @); put the value in quotes"),
    ("found undefined alias", "an *alias with no matching &anchor"),
    ("while scanning a quoted scalar", "a quote is opened and never closed"),
    ("but found '<stream end>'", "the file ends in the middle of a value (a [ or { that is "
     "never closed?)"),
    ("while parsing a flow node did not find expected node content", "the file ends in the "
     "middle of a value (a [ or { that is never closed?)"),
)


def _plain_yaml_error(e: yaml.MarkedYAMLError) -> str:
    text = f"{e.context or ''} {e.problem or ''}"
    for needle, plain in _YAML_HINTS:
        if needle in text:
            return plain
    return e.problem or "invalid YAML"
