"""Writing what `suggest-events --write` decides: event drafts, and `event:` in articles.

An article file is edited in one line only: an empty `event:` line gets the id, or a new
`event:` line is added at the end of the front matter. Every other byte stays as it was, and an
event a person already set is never replaced.
"""

from __future__ import annotations

import re
from pathlib import Path

from generator.importer.draft import slugify, yaml_line
from generator.importer.grouping import Group

_EVENT_LINE = re.compile(r"^event[ \t]*:(?P<value>[^\r\n]*)(?P<eol>\r?\n?)$")
_EMPTY_VALUES = {"", "''", '""', "~", "null", "Null", "NULL"}
ID_MAX = 60


def event_id_for(group: Group, taken: set[str]) -> str:
    """`<start>-<most distinctive name>-<most distinctive term>`, unique among `taken` (-2, -3 ... if not)."""
    words = list(group.label) or list(group.shared_names[:1]) + list(group.shared_terms[:2])
    base = f"{group.start.isoformat()}-{slugify(' '.join(words), words=5)}"[:ID_MAX].strip("-")
    candidate, number = base, 1
    while candidate in taken:
        number += 1
        candidate = f"{base}-{number}"
    return candidate


DESCRIPTION_PLACEHOLDER = "TODO: write a neutral description of the event, stating each incident and its date."


def render_event_draft(group: Group, article_paths: list[str]) -> str:
    """An event file whose unknowns are `TODO:` placeholders; dates come from the articles.

    The description is one placeholder, which `digest check` reports until a person replaces
    it; what the proposal rests on (the articles, what they share) is written as YAML comments
    in the front matter, for the person, and is never published."""
    names = ", ".join(group.shared_names) or "none found"
    terms = ", ".join(group.shared_terms) or "none found"
    fields = {
        "title": f"TODO: a neutral title for the event (shared names: {names})",
        "summary": "TODO: one neutral sentence saying what happened",
        "start": group.start,
        "end": group.end,
        "location": "TODO: where it happened",
        "tags": [],
    }
    comments = [f"Proposed by `digest suggest-events` with confidence {group.confidence:.2f} from these articles:"]
    comments += [f"  - {path}" for path in article_paths]
    comments += [f"Shared names: {names}.", f"Shared terms: {terms}."]
    front = "".join(f"# {_comment(line)}\n" for line in comments) + "".join(yaml_line(key, value) for key, value in fields.items())
    return f"---\n{front}---\n\n{DESCRIPTION_PLACEHOLDER}\n"


def _comment(line: str) -> str:
    """A line safe inside a YAML comment: no line break can end the comment early."""
    return "".join(ch if ch.isprintable() else " " for ch in line)


def current_event(text: str) -> str | None:
    """The `event:` value in the front matter, None when absent or empty."""
    for line in _front_matter_lines(text):
        match = _EVENT_LINE.match(line)
        if match:
            value = match["value"].split(" #")[0].strip()
            if value in _EMPTY_VALUES:
                return None
            return value.strip("'\"") or None
    return None


def _front_matter_lines(text: str) -> list[str]:
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].lstrip("\ufeff").rstrip("\r\n").rstrip() != "---":
        return []
    for index in range(1, len(lines)):
        if lines[index].rstrip("\r\n").rstrip() == "---":
            return lines[1:index]
    return []


def with_event(text: str, event_id: str) -> str | None:
    """The file text with `event: <id>` set, or None if a person already chose an event (or the
    file has no front matter). Only the one line changes; line endings are kept."""
    lines = text.splitlines(keepends=True)
    front = _front_matter_lines(text)
    if not front:
        return None
    closing = len(front) + 1
    newline = "\r\n" if lines[0].endswith("\r\n") else "\n"
    for index in range(1, closing):
        match = _EVENT_LINE.match(lines[index])
        if match:
            value = match["value"].split(" #")[0].strip()
            if value not in _EMPTY_VALUES and not value.strip("'\"").startswith("TODO:"):
                return None
            lines[index] = f"event: {event_id}{match['eol'] or newline}"
            return "".join(lines)
    lines.insert(closing, f"event: {event_id}{newline}")
    return "".join(lines)


def set_event(path: Path, event_id: str) -> bool:
    """Set `event:` in one article file; False when it keeps a person's choice or cannot be read."""
    try:
        raw = path.read_bytes()
        text = raw.decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    updated = with_event(text, event_id)
    if updated is None:
        return False
    path.write_bytes(updated.encode("utf-8"))
    return True
