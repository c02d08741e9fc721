"""YAML reading that remembers where every value came from.

PyYAML alone turns `2568-03-28` into the year 2568 and `2025-13-40` into a crash without a line
number, keeps the last of two duplicate keys silently, and forgets line numbers once the data
is a dict. Here dates stay text (the calendar module reads them), duplicate keys are problems,
and every value's line is kept in a map keyed by its path, e.g. ("publications", 2, "url").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

Loc = tuple[str | int, ...]


# libyaml's parser when PyYAML has it (several times faster on large files), else Python's
_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):  # type: ignore[valid-type,misc]
    """SafeLoader without the timestamp resolver: dates are read by `calendar.parse_date`."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass
class Located:
    """A parsed YAML document with the line of every value."""

    value: Any
    lines: dict[Loc, int] = field(default_factory=dict)

    def line(self, loc: Loc) -> int | None:
        """The line of `loc`, or of its nearest ancestor that has one."""
        for end in range(len(loc), -1, -1):
            line = self.lines.get(tuple(loc[:end]))
            if line is not None:
                return line
        return None


@dataclass
class YamlProblem:
    line: int | None
    message: str


def read_yaml(path: Path) -> tuple[Located | None, list[YamlProblem]]:
    """Parse one file; on failure return None and every problem that could be found."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as e:
        return None, [YamlProblem(None, f"the file is not UTF-8 text (byte {e.start})")]
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


def _convert(loader: _Loader, node: yaml.Node, loc: Loc, lines: dict[Loc, int],
             problems: list[YamlProblem]) -> Any:
    lines.setdefault(loc, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        loader.flatten_mapping(node)  # resolve YAML merge keys (<<)
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
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
    return loader.construct_object(node, deep=True)


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
