"""Datasets: JSON Lines and CSV files with one article per record, read one record at a time.

Columns are mapped to front-matter fields with `--map field=column,...`; a field not mapped is
read from the column of the same name. `body` is the article text and is required; a missing
title or date becomes a placeholder; a value that is present but wrong (a date that is not a
date, an outlet not in outlets.yaml) rejects the record with a reason naming `file:line`.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.importer.draft import ArticleDraft, Rejection, markdown_body
from generator.importer.outlets import OutletRule, detect_outlet, match_outlet_value
from generator.importer.plaintext import clean_text

FIELDS = ("title", "published", "body", "url", "outlet", "author", "dateline", "incident_date", "language", "license", "notes")
"""Fields a dataset column can fill; `body` is the article text."""


class MapError(ValueError):
    """A `--map` argument that cannot be used (a usage error, exit code 2)."""


@dataclass(frozen=True)
class ColumnMap:
    """Which column holds each field; fields not listed are read from the column of their name."""

    pairs: tuple[tuple[str, str], ...] = field(default=())

    def column(self, name: str) -> str:
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


def parse_date(value: Any) -> dt.date | None:
    """YYYY-MM-DD or an ISO date-time (the date part); None when empty; ValueError otherwise."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    text = str(value).strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return dt.date.fromisoformat(text)
    if re.match(r"\d{4}-\d{2}-\d{2}[T ]", text):
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    raise ValueError(f"{text!r} is not a date (write YYYY-MM-DD)")


def _text(record: dict[str, Any], columns: ColumnMap, name: str) -> str | None:
    value = record.get(columns.column(name))
    if value is None or isinstance(value, (dict, list)):
        return None
    text = str(value).strip()
    return text or None


@dataclass(frozen=True)
class RecordSource:
    """One dataset file and how to read its records."""

    shown: str
    rules: tuple[OutletRule, ...]
    columns: ColumnMap = field(default_factory=ColumnMap)
    forced_outlet: str | None = None


Item = tuple[ArticleDraft | Rejection, float]


def record_to_draft(record: dict[str, Any], line: int, source: RecordSource) -> ArticleDraft | str:
    """One record as a draft, or the reason it is rejected."""
    columns, rules = source.columns, source.rules
    body = _text(record, columns, "body")
    if body is None:
        return f"no article text in column {columns.column('body')!r} (map another column with --map body=COLUMN)"
    dates: dict[str, dt.date | None] = {}
    for name in ("published", "incident_date"):
        try:
            dates[name] = parse_date(record.get(columns.column(name)))
        except ValueError as error:
            return f"{name} (column {columns.column(name)!r}): {error}"
    url = _text(record, columns, "url")
    detection = detect_outlet(rules, body, url)
    outlet = source.forced_outlet
    outlet_value = _text(record, columns, "outlet")
    if outlet is None and outlet_value is not None:
        rule = match_outlet_value(rules, outlet_value)
        if rule is None:
            return f"outlet {outlet_value!r} is not an id, name or domain in content/outlets.yaml (add it there, or pass --outlet)"
        outlet = rule.id
    outlet = outlet or detection.outlet
    clean = clean_text(body, detection, rules)
    extra_note = _text(record, columns, "notes")
    return ArticleDraft(
        body=markdown_body(list(clean.paragraphs)),
        source_file=source.shown,
        source_kind=f"dataset record at line {line}",
        title=_text(record, columns, "title"),
        outlet=outlet,
        published=dates["published"],
        incident_date=dates["incident_date"],
        url=url,
        author=_text(record, columns, "author") or clean.signature,
        dateline=_text(record, columns, "dateline") or clean.dateline,
        language=_text(record, columns, "language"),
        license=_text(record, columns, "license") or clean.license,
        notes=clean.notes + ((extra_note,) if extra_note else ()),
        review=("paragraph breaks",) if clean.resplit else (),
        outlet_hint="" if outlet else detection.reason,
        record=str(line),
    )


def _lines(path: Path) -> Iterator[tuple[int, str, int]]:
    """(line number, decoded line, bytes read so far); an undecodable line comes back as U+FFFD."""
    done = 0
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            done += len(raw)
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError:
                line = "\ufffd"
            if number == 1:
                line = line.lstrip("\ufeff")
            yield number, line, done


def _item(result: ArticleDraft | str, where: str, done: float) -> Item:
    return (Rejection(where, result) if isinstance(result, str) else result), done


def read_jsonl(path: Path, source: RecordSource) -> Iterator[Item]:
    size = max(path.stat().st_size, 1)
    for number, line, done in _lines(path):
        where = f"{source.shown}:{number}"
        if not line.strip():
            continue
        if line == "\ufffd":
            yield Rejection(where, "is not UTF-8 text"), done / size
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield Rejection(where, f"is not valid JSON ({error.msg} at column {error.colno})"), done / size
            continue
        if not isinstance(record, dict):
            yield Rejection(where, "is not a JSON object ({...}) with one article"), done / size
            continue
        yield _item(record_to_draft(record, number, source), where, done / size)


def read_csv(path: Path, source: RecordSource) -> Iterator[Item]:
    size = max(path.stat().st_size, 1)
    progress = {"done": 0}

    def lines() -> Iterator[str]:
        for _number, line, done in _lines(path):
            progress["done"] = done
            yield line

    reader = csv.reader(lines())
    first = f"{source.shown}:1"
    try:
        header = next(reader)
    except StopIteration:
        yield Rejection(first, "is empty; a CSV file needs a header row naming its columns"), 1.0
        return
    except csv.Error as error:
        yield Rejection(first, f"header row is not valid CSV ({error})"), 1.0
        return
    names = [h.strip() for h in header]
    body_column = source.columns.column("body")
    if body_column not in names:
        yield Rejection(first, f"has no column {body_column!r} for the article text (columns: {', '.join(names)}); map one with --map body=COLUMN"), 1.0
        return
    while True:
        start = reader.line_num + 1
        where = f"{source.shown}:{start}"
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            yield Rejection(where, f"is not valid CSV ({error}); the rest of the file is skipped"), 1.0
            return
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(names):
            yield Rejection(where, f"has {len(row)} cells but the header has {len(names)} columns"), progress["done"] / size
            continue
        yield _item(record_to_draft(dict(zip(names, row)), start, source), where, progress["done"] / size)


def read_records(path: Path, source: RecordSource) -> Iterator[Item]:
    """Drafts (or rejections) from a .jsonl/.ndjson or .csv file, one record at a time."""
    if path.suffix.lower() == ".csv":
        return read_csv(path, source)
    return read_jsonl(path, source)
