"""Read YAML into plain Python values while keeping the line of every value.

PyYAML's constructors drop line numbers and silently keep the last of two duplicate
keys, so we compose the node tree with the C parser and build the values ourselves.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from .problems import Problem

Path = tuple[Any, ...]

try:  # the C loader is ten times faster; the pure one is kept only as a fallback
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - libyaml missing
    _Loader = yaml.SafeLoader

_TAB_INDENT = re.compile(r"^[ ]*\t")
_STR = "tag:yaml.org,2002:str"
_IMPLICIT = {"tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp"}


@dataclass
class Source:
    """Parsed YAML plus where each value came from."""

    data: Any
    lines: dict[Path, int] = field(default_factory=dict)
    # paths of scalars that YAML 1.1 turned into booleans or dates without quotes
    implicit: dict[Path, str] = field(default_factory=dict)

    def line(self, path: Path) -> int:
        """Line of the value at path, or of its nearest ancestor that exists."""
        path = tuple(path)
        while path and path not in self.lines:
            path = path[:-1]
        return self.lines.get(path, 1)


def read_yaml(text: str, display_path: str) -> tuple[Source | None, list[Problem]]:
    tabs = [
        Problem(display_path, n, "QB002", "tab character in indentation")
        for n, line in enumerate(text.splitlines(), start=1)
        if _TAB_INDENT.match(line)
    ] if "\t" in text else []
    if tabs:
        return None, tabs
    try:
        loader = _Loader(text)
        try:
            root = loader.get_single_node()
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        what = exc.problem or str(exc)
        return None, [Problem(display_path, line, "QB001", f"YAML syntax error: {what}")]
    if root is None:
        return Source(None), []
    builder = _Builder(_Loader(""), display_path)
    data = builder.build(root, ())
    return Source(data, builder.lines, builder.implicit), builder.problems


class _Builder:
    def __init__(self, constructor: yaml.SafeLoader, display_path: str):
        self.constructor = constructor
        self.display_path = display_path
        self.lines: dict[Path, int] = {}
        self.implicit: dict[Path, str] = {}
        self.problems: list[Problem] = []

    def build(self, node: yaml.Node, path: Path) -> Any:
        self.lines[path] = node.start_mark.line + 1
        if isinstance(node, yaml.MappingNode):
            out: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                key = self.constructor.construct_object(key_node, deep=True)
                if key == "<<":
                    self.problems.append(Problem(
                        self.display_path, key_node.start_mark.line + 1, "QB001",
                        "YAML merge keys (<<) are not supported; write the fields out"))
                    continue
                if key in out:
                    self.problems.append(Problem(
                        self.display_path, key_node.start_mark.line + 1, "QB003",
                        f"duplicate key '{key}' (first at line {self.lines[path + (key,)]})"))
                    continue
                out[key] = self.build(value_node, path + (key,))
                # a problem with a field as a whole points at its key, not at where the
                # value happens to start (a block scalar starts on the next line)
                self.lines[path + (key,)] = key_node.start_mark.line + 1
            return out
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, path + (i,)) for i, item in enumerate(node.value)]
        if node.tag == _STR:  # the constructor would return node.value, at length
            return node.value
        value = self.constructor.construct_object(node, deep=True)
        # plain (unquoted) scalars have no style; the C parser reports '' and the pure one None
        if node.tag in _IMPLICIT and not node.style:
            self.implicit[path] = node.value
        return value
