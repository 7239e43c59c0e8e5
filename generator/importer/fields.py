"""Which column of a dataset record feeds which front-matter field.

Datasets name their columns in many ways. Without `--map`, each field is read from the first
of its known names that holds a value in the record: the field's own name, the names that
news-please writes (`maintext`, `date_publish`, `source_domain`, `authors`), the research
format derived from AllSides (`content_original`, the text as published, before `content`,
a tokenised copy) and common names (`headline`, `text`, `link`, `publisher`, `byline`, ...).
`--map field=column` names the one column to use for a field and overrides the list.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

FIELDS = ("title", "published", "body", "url", "outlet", "author", "dateline", "incident_date", "language", "license", "notes")
"""Fields a dataset column can fill; `body` is the article text."""

KNOWN_NAMES: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline", "heading"),
    "published": ("published", "date_publish", "publish_date", "published_at", "pubdate", "date"),
    "body": ("body", "maintext", "content_original", "text", "article", "article_text", "content"),
    "url": ("url", "link", "canonical_url"),
    "outlet": ("outlet", "publisher", "source", "source_name", "source_domain"),
    "author": ("author", "authors", "byline"),
    "dateline": ("dateline",),
    "incident_date": ("incident_date",),
    "language": ("language", "lang"),
    "license": ("license", "licence"),
    "notes": ("notes",),
}
"""Each field's known column names, most specific first. `content` comes last for the body: in
the AllSides-derived research data it is a tokenised copy of `content_original`."""


class MapError(ValueError):
    """A `--map` argument that cannot be used (a usage error, exit code 2)."""


@dataclass(frozen=True)
class ColumnMap:
    """Columns a person named for some fields; the others are found by their known names."""

    pairs: tuple[tuple[str, str], ...] = field(default=())

    def candidates(self, name: str) -> tuple[str, ...]:
        """The columns to try for a field, in order: the mapped one alone, else its known names."""
        mapped = dict(self.pairs).get(name)
        return (mapped,) if mapped is not None else KNOWN_NAMES.get(name, (name,))

    def column(self, name: str) -> str:
        """The column a message should name for a field: the mapped one, else the field's own name."""
        return dict(self.pairs).get(name, name)


def parse_column_map(spec: str | None) -> ColumnMap:
    """`title=headline,published=date` -> ColumnMap; raises MapError with a usable message."""
    if not spec or not spec.strip():
        return ColumnMap()
    pairs: list[tuple[str, str]] = []
    for part in spec.split(","):
        if "=" not in part:
            raise MapError(f"--map: {part.strip()!r} is not field=column (e.g. title=headline)")
        name, column = (s.strip() for s in part.split("=", 1))
        if name not in FIELDS:
            raise MapError(f"--map: unknown field {name!r}; fields are {', '.join(FIELDS)}")
        if not column:
            raise MapError(f"--map: field {name!r} has an empty column name")
        if name in dict(pairs):
            raise MapError(f"--map: field {name!r} is mapped twice")
        pairs.append((name, column))
    return ColumnMap(tuple(pairs))


def has_value(value: Any) -> bool:
    """A value worth reading: not missing, not blank text, not an empty list."""
    if value is None:
        return False
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, list):
        return any(has_value(item) for item in value)
    return not isinstance(value, dict)


def pick(record: Mapping[str, Any], columns: ColumnMap, name: str) -> tuple[str | None, Any]:
    """(the column that feeds `name`, its value), or (None, None) when no candidate holds a value."""
    for column in columns.candidates(name):
        if column in record and has_value(record[column]):
            return column, record[column]
    return None, None


def as_text(value: Any) -> str | None:
    """A record value as one line of text: a list (of authors, say) is joined with commas."""
    if isinstance(value, list):
        items = [str(item).strip() for item in value if isinstance(item, (str, int, float)) and str(item).strip()]
        return ", ".join(items) or None
    if value is None or isinstance(value, (dict, bool)):
        return None
    text = str(value).strip()
    return text or None


def resolve(record: Mapping[str, Any], columns: ColumnMap) -> dict[str, tuple[str, Any]]:
    """Every field that some column of this record feeds: field -> (column, value)."""
    found: dict[str, tuple[str, Any]] = {}
    for name in FIELDS:
        column, value = pick(record, columns, name)
        if column is not None:
            found[name] = (column, value)
    return found


def describe_usage(used: Mapping[tuple[str, str], int], total: int) -> str:
    """`body <- 'content_original', title <- 'title' (12 of 13)`: for the import summary."""
    parts = []
    for (name, column), count in sorted(used.items(), key=lambda kv: (FIELDS.index(kv[0][0]), -kv[1], kv[0][1])):
        share = "" if count == total else f" ({count} of {total})"
        parts.append(f"{name} <- {column!r}{share}")
    return ", ".join(parts)
