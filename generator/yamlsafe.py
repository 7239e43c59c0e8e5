"""Safe YAML that remembers line numbers and refuses duplicate keys.

PyYAML's safe loader silently keeps the last of two duplicate keys and forgets
where each value came from; both would make error messages vague. Mappings are
returned as `LineDict`, which records the 1-based line of every key.
"""

from __future__ import annotations

from typing import Any

import yaml

try:  # the C parser is several times faster; the constructor stays in Python either way
    _BaseLoader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _BaseLoader = yaml.SafeLoader


class LineDict(dict):
    """A dict that knows the line of its own start and of each key."""

    line: int = 1
    key_lines: dict[str, int]

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class YamlProblem(Exception):
    """A YAML document that cannot be used; `line` is 1-based within the YAML text."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


class _LineLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    """Safe loader that keeps dates as text, so `validate` can check them with line numbers."""


# PyYAML turns 2020-12-22 into a date and raises on 2020-02-30 with no line number;
# keeping timestamps as strings lets validation say which field and line is wrong.
_LineLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
}


def _construct_mapping(loader: Any, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    result = LineDict()
    result.line = node.start_mark.line + loader.first_line
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + loader.first_line
        try:
            hash(key)
        except TypeError:
            raise YamlProblem(line, "a key must be plain text, not a list or mapping") from None
        if key in result:
            first = result.key_lines.get(str(key), result.line)
            raise YamlProblem(line, f"duplicate key {key!r} (first given on line {first}); keep only one")
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[str(key)] = line
    return result


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _explain(error: yaml.YAMLError, source: str, first_line: int) -> YamlProblem:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    relative = mark.line + 1 if mark is not None else 1
    line = relative + first_line - 1
    problem = getattr(error, "problem", None) or str(error)
    context = getattr(error, "context", None)
    text = f"{context}, {problem}" if context else str(problem)
    lines = source.split("\n")
    if 0 < relative <= len(lines) and "\t" in lines[relative - 1]:
        text += " (this line contains a tab character: YAML needs spaces for indentation)"
    return YamlProblem(line, f"YAML syntax error: {text}")


def load_yaml(text: str, first_line: int = 1) -> Any:
    """Parse one YAML document safely; raise `YamlProblem` with a line number on any fault.

    `first_line` is the file line the text starts on (2 for front matter after `---`),
    so every line reported or recorded is a line of the file.
    """
    loader = _LineLoader(text)
    loader.first_line = first_line
    try:
        return loader.get_single_data()
    except YamlProblem:
        raise
    except yaml.YAMLError as error:
        raise _explain(error, text, first_line) from None
    except (ValueError, TypeError, OverflowError, RecursionError) as error:
        raise YamlProblem(first_line, f"YAML value error: {error}") from None
    finally:
        loader.dispose()


def line_of(data: Any, key: str, default: int = 1) -> int:
    """The line of `key` in a mapping loaded by `load_yaml`, or `default`."""
    if isinstance(data, LineDict):
        return data.line_of(key)
    return default
