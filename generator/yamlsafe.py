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
# Values no content field takes; refused as unknown tags rather than passed on as odd Python objects.
for _tag in ("binary", "set", "omap", "pairs", "timestamp"):
    _LineLoader.yaml_constructors.pop(f"tag:yaml.org,2002:{_tag}", None)


MAX_DEPTH = 64
"""Content needs a few levels of nesting; far deeper input is refused before it can exhaust the stack."""

_HINTS = (
    ("found unexpected end of stream", "a quoted value is never closed; add the closing quote (or remove the opening one)"),
    ("did not find expected ',' or ']'", "a [list] is not closed, or its items are not separated by commas; check the brackets, or put the value in quotes"),
    ("did not find expected ',' or '}'", "a {mapping} is not closed, or its items are not separated by commas; check the braces, or put the value in quotes"),
    ("mapping values are not allowed", "a ':' where none is expected; put a value that contains ': ' in quotes, and check the indentation"),
    ("did not find expected key", "a line does not fit the lines above it; check its indentation, and put a value that starts with a quote, '-' or '[' entirely in quotes"),
    ("did not find expected '-' indicator", "a list item and a 'key: value' line are mixed at one indentation; indent them consistently"),
    ("cannot start any token", "a value starts with a character YAML reserves (@, `, %, | or a tab); put the value in quotes"),
    ("while scanning an alias", "a value starts with '*', which YAML reads as a reference; put the value in quotes"),
    ("while scanning an anchor", "a value starts with '&', which YAML reads as an anchor; put the value in quotes"),
    ("found undefined alias", "a value starts with '*', which YAML reads as a reference; put the value in quotes"),
    ("found another document", "a second '---' starts another document; a file holds exactly one"),
    ("could not determine a constructor", "tags such as !!python/... or !!binary are not allowed; write plain text, numbers, lists and mappings"),
)


def _plain(value: object) -> str:
    """One line, for `path:line: field: message` output."""
    return " ".join(str(value).split())


def _explain(error: yaml.YAMLError, source: str, first_line: int) -> YamlProblem:
    if isinstance(error, yaml.reader.ReaderError):
        relative = source[: max(error.position, 0)].count("\n") + 1
        return YamlProblem(
            relative + first_line - 1,
            f"YAML syntax error: contains the control character U+{error.character:04X}, which YAML does not allow; remove it",
        )
    problem_mark = getattr(error, "problem_mark", None)
    context_mark = getattr(error, "context_mark", None)
    mark = problem_mark or context_mark
    if problem_mark is not None and context_mark is not None and problem_mark.index >= len(source.rstrip()):
        mark = context_mark  # an unclosed quote or bracket: point at where it was opened, not at the end
    relative = mark.line + 1 if mark is not None else 1
    line = relative + first_line - 1
    problem = _plain(getattr(error, "problem", None) or error)
    context = getattr(error, "context", None)
    text = f"{_plain(context)}, {problem}" if context else problem
    hint = next((advice for needle, advice in _HINTS if needle in text), "")
    lines = source.split("\n")
    if 0 < relative <= len(lines) and "\t" in lines[relative - 1]:
        hint = "this line contains a tab character: YAML needs spaces for indentation"
    return YamlProblem(line, f"YAML syntax error: {text}" + (f" ({hint})" if hint else ""))


def _could_be_odd(text: str) -> bool:
    """Cheap gate for `_check_shape`: every level of nesting needs one of these characters."""
    return "&" in text or "*" in text or sum(text.count(ch) for ch in "[{-?:") >= MAX_DEPTH


def _check_shape(text: str, first_line: int) -> None:
    """Refuse nesting deeper than MAX_DEPTH, and anchors/aliases, before any value is built.

    Walking the parser's events needs no recursion; building values does, and
    PyYAML's C composer overflows the C stack (a segfault, not an exception) on a
    few hundred thousand nested brackets. Aliases are refused so that a few lines
    cannot expand into billions of values ("billion laughs").
    """
    loader = _BaseLoader(text)
    depth = 0
    try:
        while True:
            try:
                event = loader.get_event()
            except yaml.scanner.ScannerError as error:
                # recent libyaml builds (PyYAML 6.0.4 wheels) stop deep brackets themselves, scanning ahead of the events
                if "nesting depth" not in str(error.problem) or error.problem_mark is None:
                    raise
                raise _too_deep(error.problem_mark.line + first_line) from None
            if event is None:
                return
            if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    raise _too_deep(event.start_mark.line + first_line)
            elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                depth -= 1
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                raise YamlProblem(
                    event.start_mark.line + first_line,
                    "anchors and aliases (&name, *name) are not supported; write each value out, and put a value that starts with '&' or '*' in quotes",
                )
    finally:
        loader.dispose()


def _too_deep(line: int) -> YamlProblem:
    return YamlProblem(
        line,
        f"lists and mappings are nested more than {MAX_DEPTH} levels deep; content needs only a few levels, so check the brackets and indentation",
    )


def load_yaml(text: str, first_line: int = 1) -> Any:
    """Parse one YAML document safely; raise `YamlProblem` with a line number on any fault.

    `first_line` is the file line the text starts on (2 for front matter after `---`),
    so every line reported or recorded is a line of the file.
    """
    if _could_be_odd(text):
        try:
            _check_shape(text, first_line)
        except yaml.YAMLError as error:
            raise _explain(error, text, first_line) from None
    loader = _LineLoader(text)
    loader.first_line = first_line
    try:
        return loader.get_single_data()
    except YamlProblem:
        raise
    except yaml.YAMLError as error:
        raise _explain(error, text, first_line) from None
    except RecursionError:
        raise YamlProblem(first_line, "is nested too deeply to read; content needs only a few levels of lists and mappings") from None
    except (ValueError, TypeError, OverflowError) as error:
        if "integer string conversion" in str(error):
            raise YamlProblem(first_line, "a number is too long to read (thousands of digits); put it in quotes") from None
        raise YamlProblem(first_line, f"a value cannot be read ({_plain(error)}); put long numbers and unusual values in quotes") from None
    finally:
        loader.dispose()


def line_of(data: Any, key: str, default: int = 1) -> int:
    """The line of `key` in a mapping loaded by `load_yaml`, or `default`."""
    if isinstance(data, LineDict):
        return data.line_of(key)
    return default
