"""A light reader for articles already in `content/articles/`, for duplicate checks and event
suggestions. It is forgiving on purpose: a file the validator would reject is still read as far
as it can be, because `digest check` is where such files are reported, not here.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

_FENCE = re.compile(r"^---[ \t]*\r?$")
_LOADER: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class StoredArticle:
    """One article file: its path, the front matter as read, and its body."""

    path: Path
    meta: dict[str, Any]
    body: str

    @property
    def slug(self) -> str:
        return slug_of(self.path.name)

    def text(self, key: str) -> str | None:
        value = self.meta.get(key)
        if value is None or (isinstance(value, str) and (not value.strip() or value.strip().startswith("TODO:"))):
            return None
        return str(value)

    def date(self, key: str) -> dt.date | None:
        value = self.meta.get(key)
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value.strip())
            except ValueError:
                return None
        return None


def slug_of(file_name: str) -> str:
    """`2020-12-21-iran-rejects.md` and `undated-iran-rejects.md` both give `iran-rejects`."""
    stem = file_name.removesuffix(".md")
    match = re.match(r"^(?:\d{4}-\d{2}-\d{2}|undated)-(.+)$", stem)
    return match.group(1) if match else stem


def split_front_matter(text: str) -> tuple[str, str] | None:
    """(front matter, body) of `---\\nYAML\\n---\\nbody`, or None when there is no front matter."""
    lines = text.split("\n")
    if not lines or not _FENCE.match(lines[0]):
        return None
    for index in range(1, len(lines)):
        if _FENCE.match(lines[index]):
            return "\n".join(lines[1:index]), "\n".join(lines[index + 1 :])
    return None


def read_article(path: Path) -> StoredArticle | None:
    """The article at `path`, or None if it cannot be read as front matter plus body."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None
    parts = split_front_matter(text)
    if parts is None:
        return None
    try:
        meta = yaml.load(parts[0], Loader=_LOADER)  # noqa: S506 - a safe loader
    except (yaml.YAMLError, ValueError, TypeError):
        return None
    return StoredArticle(path, meta if isinstance(meta, dict) else {}, parts[1])


def article_paths(content: Path) -> list[Path]:
    folder = content / "articles"
    return sorted(p for p in folder.glob("**/*.md") if p.is_file()) if folder.is_dir() else []


def iter_articles(content: Path) -> Iterator[StoredArticle]:
    """Every readable article under `content/articles/`, in path order."""
    for path in article_paths(content):
        article = read_article(path)
        if article is not None:
            yield article
