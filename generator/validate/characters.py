"""Characters that are not text: refused in every field of every content file, with the line they are on.

A vertical tab or a U+0001 in a title makes `feed.xml` malformed XML (XML 1.0
allows no C0 control but tab, newline and carriage return), a NUL reaches a page
as a character browsers drop or replace, and U+FFFE, U+FFFF and lone surrogates
are not characters at all (a lone surrogate cannot even be written as UTF-8).
YAML's own reader refuses them written raw, but its escapes (`"\\v"`, `"\\x01"`,
`"\\0"`, `"\\ud800"`) make them, and a Markdown body is not YAML. So the parsed
values are checked, and the bodies as text. Tab and newline are text; a
carriage return is not kept (line endings are normalised when a file is read).
"""

from __future__ import annotations

import re
from typing import Any

from generator.errors import Problem
from generator.yamlsafe import line_of

FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\ufffe\uffff\ud800-\udfff]")
"""C0 controls but tab and newline, the two noncharacters that end the Basic Multilingual Plane, lone surrogates."""

NAMES = {0x00: "NUL", 0x08: "backspace", 0x0B: "vertical tab", 0x0C: "form feed", 0x0D: "carriage return", 0x1B: "escape",
         0xFFFE: "a noncharacter", 0xFFFF: "a noncharacter"}


def describe(character: str) -> str:
    code = ord(character)
    name = "a lone surrogate" if 0xD800 <= code <= 0xDFFF else NAMES.get(code, "a control character")
    return f"U+{code:04X} ({name})"


def message(character: str) -> str:
    return (f"contains {describe(character)}, which is not text: it would make the feed invalid XML and reach "
            "the pages as an invisible character; delete it (in YAML, look for an escape such as \\v, \\x01, \\0 or \\u)")


def text_problems(path: str, text: str, field: str, first_line: int) -> list[Problem]:
    """The first character that is not text in `text` (a body), on its own line."""
    found = FORBIDDEN.search(text)
    if found is None:
        return []
    return [Problem(path, first_line + text.count("\n", 0, found.start()), field, message(found.group()))]


def visible(text: str) -> str:
    """Control, format and line-separator characters made visible (`\\n`, `\\x00`, `\\u202e`), so a problem
    stays one line and cannot disguise itself."""
    if all(ch.isprintable() for ch in text):
        return text
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)


def value_problems(path: str, data: Any, field: str = "", line: int = 1) -> list[Problem]:
    """One problem for each key or text value (at any depth) of parsed YAML that holds a character that
    is not text, at the line of the key it is under (a key is shown with such characters made visible)."""
    problems: list[Problem] = []
    if isinstance(data, dict):
        for key, value in data.items():
            name = visible(str(key))
            key_line = line_of(data, str(key), line)
            if isinstance(key, str) and (found := FORBIDDEN.search(key)):
                problems.append(Problem(path, key_line, name, "the key " + message(found.group())))
            problems.extend(value_problems(path, value, name, key_line))
    elif isinstance(data, list):
        for item in data:
            problems.extend(value_problems(path, item, field, getattr(item, "line", line)))
    elif isinstance(data, str) and (found := FORBIDDEN.search(data)):
        problems.append(Problem(path, line, field or "value", message(found.group())))
    return problems
