"""Dataset files, one article per record: JSON Lines, JSON documents, CSV and TSV.

JSON Lines and CSV are read one record at a time (flat memory, a progress fraction from the
bytes read). A `.json` file is read whole: one object, an array of objects, objects one after
another (a pretty-printed dump), or an object whose one list holds the records. A bad record
is rejected with its file and line, and the next one is read: invalid JSON, a value nested
too deeply for the parser, a CSV row with the wrong number of cells.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from generator.importer.decoding import text_lines
from generator.importer.draft import ArticleDraft, Rejection
from generator.importer.records import RecordSource, record_to_draft

Item = tuple[ArticleDraft | Rejection, float]
MAX_WHOLE_FILE_BYTES = 512 * 1024 * 1024
"""A .json file, a page or a text is read whole; past this size it is refused (JSON Lines and
CSV are read a record at a time, so they have no such limit)."""
TOO_DEEP = "is nested too deeply to be an article record (more levels of [ and { than the JSON reader allows)"
_WHITESPACE = " \t\n\r"


def _item(result: ArticleDraft | str, where: str, done: float) -> Item:
    return (Rejection(where, result) if isinstance(result, str) else result), done


def _parse_line(line: str) -> Any:
    """A JSON value, or raises ValueError with a message for the rejection."""
    try:
        return json.loads(line)
    except json.JSONDecodeError as error:
        raise ValueError(f"is not valid JSON ({error.msg} at column {error.colno})") from None
    except RecursionError:
        raise ValueError(TOO_DEEP) from None


def read_jsonl(path: Path, source: RecordSource, encoding: str | None) -> Iterator[Item]:
    size = max(path.stat().st_size, 1)
    first_seen = False
    for number, (line, done) in enumerate(text_lines(path, encoding), start=1):
        where = f"{source.shown}:{number}"
        if not line.strip():
            continue
        try:
            record = _parse_line(line)
        except ValueError as error:
            if not first_seen and line.lstrip()[:1] in "[{":
                whole = list(_as_document(path, source, encoding))
                if whole and not any(isinstance(item, Rejection) for item, _ in whole):
                    yield from whole
                    return
                error = ValueError(f"{error}; if the file is one JSON document rather than one object per line, name it .json")
            first_seen = True
            yield Rejection(where, str(error)), done / size
            continue
        first_seen = True
        if not isinstance(record, dict):
            yield Rejection(where, "is not a JSON object ({...}) with one article"), done / size
            continue
        yield _item(record_to_draft(record, number, source), where, done / size)


def _as_document(path: Path, source: RecordSource, encoding: str | None) -> Iterator[Item]:
    if path.stat().st_size > MAX_WHOLE_FILE_BYTES:
        return iter(())
    return read_json(path, source, encoding)


def read_json(path: Path, source: RecordSource, encoding: str | None) -> Iterator[Item]:
    if path.stat().st_size > MAX_WHOLE_FILE_BYTES:
        return iter([(Rejection(source.shown, f"is over {MAX_WHOLE_FILE_BYTES // 2**20} MB, too large to read whole; write it as JSON Lines"), 1.0)])
    text = "".join(line for line, _done in text_lines(path, encoding))
    return read_json_text(text, source)


def _skip_space(text: str, position: int) -> int:
    while position < len(text) and text[position] in _WHITESPACE:
        position += 1
    return position


def skip_value(text: str, position: int) -> int:
    """The end of the JSON value at `position`, by counting brackets outside strings; for
    stepping over a value too deep to parse. Returns len(text) when it never closes."""
    depth = 0
    in_string = False
    index = position
    while index < len(text):
        char = text[index]
        if in_string:
            if char == "\\":
                index += 1
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
        elif char in "]}":
            depth -= 1
            if depth == 0:
                return index + 1
        elif depth == 0 and char in ",":
            return index
        index += 1
    return len(text)


class _Lines:
    """Line numbers of positions met in increasing order, counting each newline once."""

    def __init__(self, text: str) -> None:
        self.text, self.position, self.line = text, 0, 1

    def at(self, position: int) -> int:
        self.line += self.text.count("\n", self.position, position)
        self.position = position
        return self.line


def read_json_text(text: str, source: RecordSource) -> Iterator[Item]:
    """Records of a JSON document; see the module docstring for the shapes understood."""
    decoder = json.JSONDecoder()
    lines = _Lines(text)
    position = _skip_space(text, 0)
    if position == len(text):
        yield Rejection(source.shown, "is empty; a .json file holds one article object or an array of them"), 1.0
        return
    in_array = text[position] == "["
    if in_array:
        position = _skip_space(text, position + 1)
    total = max(len(text), 1)
    count = 0
    while position < len(text):
        if in_array and text[position] == "]":
            return
        line = lines.at(position)
        where = f"{source.shown}:{line}"
        try:
            value, end = decoder.raw_decode(text, position)
        except json.JSONDecodeError as error:
            yield Rejection(where, f"is not valid JSON ({error.msg} at line {error.lineno} column {error.colno}); the rest of the file is skipped"), 1.0
            return
        except RecursionError:
            yield Rejection(where, TOO_DEEP), min(position / total, 1.0)
            end = skip_value(text, position)
        else:
            count += 1
            yield from _records_of(value, line, where, source, single=not in_array and count == 1 and _skip_space(text, end) == len(text), done=end / total)
        position = _skip_space(text, end)
        if in_array:
            if position < len(text) and text[position] == ",":
                position = _skip_space(text, position + 1)
            elif position < len(text) and text[position] != "]":
                yield Rejection(f"{source.shown}:{lines.at(position)}", "is not valid JSON (expected ',' or ']' between records); the rest of the file is skipped"), 1.0
                return
    if in_array:
        yield Rejection(f"{source.shown}:{lines.at(len(text))}", "is not valid JSON (the array is never closed with ']'); the file may be cut short"), 1.0


def _records_of(value: Any, line: int, where: str, source: RecordSource, single: bool, done: float) -> Iterator[Item]:
    if not isinstance(value, dict):
        yield Rejection(where, "is not a JSON object ({...}) with one article"), done
        return
    inner = _record_list(value)
    if inner is not None:
        for index, record in enumerate(inner, start=1):
            place = f"{where} (record {index})"
            if not isinstance(record, dict):
                yield Rejection(place, "is not a JSON object ({...}) with one article"), done
            else:
                yield _item(record_to_draft(record, f"{index} of the list at line {line}", source, "JSON record"), place, done)
        return
    if single:
        yield _item(record_to_draft(value, "", source, "JSON document"), source.shown, done)
    else:
        yield _item(record_to_draft(value, line, source, "JSON record"), where, done)


def _record_list(value: dict[str, Any]) -> list[Any] | None:
    """The records of `{"status": "ok", "articles": [{...}, ...]}`: the one list of objects, when
    the object itself has no article text of its own."""
    from generator.importer.fields import KNOWN_NAMES

    if any(name in value for name in KNOWN_NAMES["body"]):
        return None
    lists = [v for v in value.values() if isinstance(v, list) and v and all(isinstance(item, dict) for item in v)]
    return lists[0] if len(lists) == 1 else None


def _delimiter(path: Path, header: str) -> str:
    if path.suffix.lower() in (".tsv", ".tab"):
        return "\t"
    if "," not in header:
        for candidate in ("\t", ";"):
            if candidate in header:
                return candidate
    return ","


def read_csv(path: Path, source: RecordSource, encoding: str | None) -> Iterator[Item]:
    size = max(path.stat().st_size, 1)
    progress = {"done": 0}
    lines_iter = text_lines(path, encoding)
    first_line = next(lines_iter, None)
    first = f"{source.shown}:1"
    if first_line is None:
        yield Rejection(first, "is empty; a CSV file needs a header row naming its columns"), 1.0
        return

    def lines() -> Iterator[str]:
        yield first_line[0]
        for line, done in lines_iter:
            progress["done"] = done
            yield line

    reader = csv.reader(lines(), delimiter=_delimiter(path, first_line[0]))
    try:
        header = next(reader)
    except csv.Error as error:
        yield Rejection(first, f"header row is not valid CSV ({error})"), 1.0
        return
    names = [h.strip() for h in header]
    body_columns = source.columns.candidates("body")
    if not any(column in names for column in body_columns):
        tried = ", ".join(repr(c) for c in body_columns)
        yield Rejection(first, f"has no column for the article text (looked for {tried}; columns: {', '.join(names)}); name one with --map body=COLUMN"), 1.0
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


def read_records(path: Path, source: RecordSource, encoding: str | None = None) -> Iterator[Item]:
    """Drafts (or rejections) from a dataset file, by its suffix."""
    suffix = path.suffix.lower()
    if suffix in (".csv", ".tsv", ".tab"):
        return read_csv(path, source, encoding)
    if suffix == ".json":
        return read_json(path, source, encoding)
    return read_jsonl(path, source, encoding)
