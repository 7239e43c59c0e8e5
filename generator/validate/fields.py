"""Typed reads of one YAML mapping, each recording a problem instead of raising, and the rules every content file shares."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from generator.errors import Problem
from generator.load import Document
from generator.markdown import MAX_NESTING, nesting_overflow
from generator.yamlsafe import line_of


ID_PATTERN = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$")
"""Ids and slugs become file names: lower-case letters, digits and inner hyphens only."""

ARTICLE_NAME = re.compile(r"^(?P<date>\d{4}-\d{2}-\d{2}|undated)-(?P<slug>.+)\.md$")
DATE_PATTERN = re.compile(r"^\d{4}-\d{2}-\d{2}$")
PLACEHOLDER_PREFIX = "TODO:"
URL_PATTERN = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.IGNORECASE)
URL_FORBIDDEN = frozenset('"<>`\\')
"""Never valid in a URL (RFC 3986) and the characters that end an HTML attribute or start a tag."""
RESERVED_NAMES = frozenset(
    {"con", "prn", "aux", "nul", "index", "assets", "data"} | {f"{port}{n}" for port in ("com", "lpt") for n in range(10)}
)
"""Windows device names (a file `nul.html` cannot be created there) and the site's own folders."""

SITE_KEYS = {"title", "description", "language", "base_url", "lexicon", "publishing", "theme"}
PUBLISHING_KEYS = {"full_text_licenses", "excerpt_max_sentences", "excerpt_max_share"}
OUTLET_KEYS = {"name", "country", "ownership", "homepage", "license", "license_url", "notes", "detect"}
DETECT_KEYS = {"domains", "signatures", "wire"}
EVENT_KEYS = {"title", "summary", "start", "end", "location", "tags", "actors"}
ARTICLE_REQUIRED = ("title", "outlet", "published")
ARTICLE_KEYS = {
    "title", "outlet", "published", "event", "url", "author", "dateline", "incident_date",
    "language", "license", "source_file", "notes", "imported",
}


@dataclass(frozen=True)
class Options:
    allow_placeholders: bool = False


class Fields:
    """Typed reads of one mapping, each recording a problem instead of raising."""

    def __init__(self, path: str, data: Any) -> None:
        self.path = path
        self.data = data
        self.problems: list[Problem] = []

    def line(self, key: str) -> int:
        return line_of(self.data, key, 1)

    def problem(self, key: str, message: str, severity: str = "error") -> None:
        self.problems.append(Problem(self.path, self.line(key), key, message, severity))  # type: ignore[arg-type]

    def unknown_keys(self, allowed: set[str], hint: str) -> None:
        for key in self.data:
            if key not in allowed:
                close = closest(str(key), allowed)
                suggestion = f"; did you mean '{close}'? Allowed keys are" if close else "; allowed keys are"
                self.problem(str(key), f"unknown key{suggestion} {hint}")

    def text(self, key: str, required: bool = False, default: str = "") -> str:
        value = self.data.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.problem(key, "is required and missing or empty; write a value")
            return default
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            self.problem(key, f"must be text, not {kind_of(value)}; put the value in quotes if needed")
            return default
        if not isinstance(value, str):
            self.problem(key, f"must be text, not a number; write it in quotes, e.g. {key}: \"{value}\"")
            return str(value)
        return value.strip()

    def optional_text(self, key: str) -> str | None:
        return self.text(key) or None

    def date(self, key: str, required: bool = False) -> dt.date | None:
        value = self.data.get(key)
        if value is None or value == "":
            if required:
                self.problem(key, "is required; write the date as YYYY-MM-DD")
            return None
        if not isinstance(value, str) or not DATE_PATTERN.match(value):
            self.problem(key, f"must be a date written YYYY-MM-DD, not {shown_value(value)}")
            return None
        try:
            return dt.date.fromisoformat(value)
        except ValueError as error:
            self.problem(key, f"{value} is not a real date ({error}); check the day and month")
            return None

    def url(self, key: str) -> str | None:
        value = self.optional_text(key)
        if value is None:
            return None
        if not URL_PATTERN.match(value):
            self.problem(key, "must be an http:// or https:// address")
            return None
        if not value.isprintable() or not URL_FORBIDDEN.isdisjoint(value):
            self.problem(key, "must be an http:// or https:// address without spaces, quotes, angle brackets, backticks or backslashes; write them as %20, %22, %3C, %3E")
            return None
        return value

    def text_list(self, key: str) -> tuple[str, ...]:
        value = self.data.get(key)
        if value is None:
            return ()
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, (str, int, float)) and not isinstance(v, bool) for v in value):
            self.problem(key, "must be a list of text items, e.g. [a, b]")
            return ()
        return tuple(str(v).strip() for v in value if str(v).strip())


def kind_of(value: Any) -> str:
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, (int, float)):
        return "a number"
    return type(value).__name__


def shown_value(value: Any) -> str:
    if isinstance(value, str):
        return repr(value)
    return kind_of(value)


def closest(word: str, choices: set[str]) -> str | None:
    import difflib

    found = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=0.75)
    return found[0] if found else None


def check_id(path: str, line: int, field: str, value: str, what: str) -> list[Problem]:
    if "\x00" in value or "/" in value or "\\" in value or value.startswith(".") or ".." in value:
        return [Problem(path, line, field, f"{what} {value!r} could escape the output folder; use only a-z, 0-9 and '-'")]
    if not ID_PATTERN.match(value):
        return [Problem(path, line, field, f"{what} {value!r} is not allowed; use lower-case letters, digits and inner hyphens (at most 80 characters)")]
    if value in RESERVED_NAMES:
        return [Problem(path, line, field, f"{what} {value!r} is a reserved name; choose another")]
    return []


def placeholder_problems(fields: Fields, options: Options | None, whose: str = "") -> None:
    """Each `TODO:` value the importer left: an error, or a warning with --allow-placeholders."""
    severity = "warning" if options is not None and options.allow_placeholders else "error"
    for key, value in fields.data.items():
        if isinstance(value, str) and value.strip().startswith(PLACEHOLDER_PREFIX):
            fields.problem(str(key), f"is still a placeholder{whose} ({value.strip()}); replace it with the real value (or build with --allow-placeholders)", severity)


def nesting_problems(document: Document, field: str) -> list[Problem]:
    line = nesting_overflow(document.body)
    if line is None:
        return []
    return [Problem(
        document.path, document.body_line + line, field,
        f"Markdown is nested more than {MAX_NESTING} levels deep here (quotes '>' or lists inside each other); "
        "the text from this line on would be lost, so flatten the nesting",
    )]


def with_lines(original: Any, replacement: dict) -> Any:
    from generator.yamlsafe import LineDict

    copy = LineDict(replacement)
    copy.line = getattr(original, "line", 1)
    copy.key_lines = dict(getattr(original, "key_lines", {}))
    return copy
