"""Load: read the files of a content folder, split front matter, parse YAML safely.

Nothing here judges the content beyond "can it be read at all"; every problem
becomes a `Problem` value, and the loader goes on with the other files.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.contained import ReadRefused, TooLarge, read_inside
from generator.errors import Problem
from generator.executor import Executor
from generator.keys import document_key
from generator.pickling import TextPickled
from generator.store import Store
from generator.yamlsafe import LineDict, YamlProblem, load_yaml

MAX_FILE_BYTES = 2_000_000
"""A news article is rarely over 100 kB; anything past 2 MB is almost surely not one."""

_FENCE = re.compile(r"^---[ \t]*$")


@dataclass(frozen=True)
class YamlFile:
    """A YAML file such as site.yaml, parsed; `data` is None when it could not be read."""

    path: str
    data: Any


@dataclass(frozen=True)
class Document(TextPickled):
    """A Markdown file with front matter: the parsed front matter, the body and where it starts."""

    path: str
    relative: str
    meta: Any
    body: str
    meta_line: int
    body_line: int
    meta_escapes: bool = True
    """Whether the front matter holds a backslash: only a YAML escape can make a character that is not text
    (YAML's reader refuses one written raw), so front matter without one needs no character check."""
    text_fields = ("body",)


@dataclass(frozen=True)
class RawContent:
    content_dir: str
    site: YamlFile
    outlets: YamlFile
    events: tuple[Document, ...]
    articles: tuple[Document, ...]
    problems: tuple[Problem, ...]
    unreadable: tuple[str, ...] = ()
    """Content-relative paths of Markdown files that could not be read (their problems are in `problems`)."""


def display_path(path: Path) -> str:
    """Paths in messages are relative to where the user stands when that is shorter. The last part is not
    resolved: a message about a link names the link, not the file it points to."""
    try:
        return str(path.parent.resolve().relative_to(Path.cwd().resolve()) / path.name)
    except ValueError:
        return str(path)


def read_text(path: Path, shown: str, content_dir: Path | None = None) -> tuple[str | None, tuple[Problem, ...]]:
    """Read a UTF-8 file; a byte-order mark and CRLF line endings are accepted and normalised."""
    raw, problems = read_bytes(path, shown, content_dir)
    return decode_text(raw, shown) if raw is not None else (None, problems)


def read_bytes(path: Path, shown: str, content_dir: Path | None = None, real_dir: str | None = None,
               real_parent: str | None = None) -> tuple[bytes | None, tuple[Problem, ...]]:
    """A file's bytes, unless it is too large to be an article, is not a regular file inside the content
    folder (a link out of it, a device, a pipe: see `contained.py`), or cannot be read. Without
    `content_dir`, the file must lie in its own folder (no link anywhere else). A caller that reads many
    files passes the real paths of `content_dir` and of the file's folder (see `read_inside`)."""
    try:
        folder = path.parent if content_dir is None else content_dir
        return read_inside(folder, path, MAX_FILE_BYTES, real_folder=real_dir, real_parent=real_parent), ()
    except TooLarge as error:
        return None, (Problem(shown, 1, "file", f"is {error.size / 1e6:.1f} MB; files over {MAX_FILE_BYTES // 1_000_000} MB are refused as unlikely to be an article (check that it is text and not several articles in one)"),)
    except ReadRefused as error:
        return None, (Problem(shown, 1, "file", str(error)),)
    except OSError as error:
        return None, (Problem(shown, 1, "file", f"cannot be read: {error.strerror or error}"),)


def decode_text(raw: bytes, shown: str) -> tuple[str | None, tuple[Problem, ...]]:
    """`raw` as UTF-8 text, byte-order mark dropped and line endings normalised."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, (Problem(shown, line, "encoding", f"is not valid UTF-8 (byte 0x{raw[error.start]:02x} at offset {error.start}); re-save the file as UTF-8"),)
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        return None, (Problem(shown, line, "encoding", "contains a NUL character; this is not a text file"),)
    return text.replace("\r\n", "\n").replace("\r", "\n"), ()


def load_yaml_file(content_dir: Path, name: str, required: bool = True) -> tuple[YamlFile, tuple[Problem, ...]]:
    path = content_dir / name
    shown = display_path(path)
    if not path.exists():
        if required:
            return YamlFile(shown, None), (Problem(shown, 1, "file", "is missing; create it (see 'The content folder' in README.md)"),)
        return YamlFile(shown, None), ()
    text, problems = read_text(path, shown, content_dir)
    if text is None:
        return YamlFile(shown, None), problems
    try:
        data = load_yaml(text)
    except YamlProblem as error:
        return YamlFile(shown, None), (Problem(shown, error.line, "yaml", error.message),)
    if data is None:  # empty, or only comments: validate it as an empty mapping, so missing fields are named
        data = LineDict()
        data.key_lines = {}
    return YamlFile(shown, data), ()


def split_front_matter(text: str) -> tuple[str, str, int] | None:
    """Split `---\\nYAML\\n---\\nbody`; return (yaml, body, first body line) or None if malformed."""
    lines = text.split("\n")
    if not lines or not _FENCE.match(lines[0]):
        return None
    for index in range(1, len(lines)):
        if _FENCE.match(lines[index]):
            return "\n".join(lines[1:index]), "\n".join(lines[index + 1 :]), index + 2
    return None


def _shown(path: Path, relative: str, shown_dir: str | None) -> str:
    if shown_dir is None:
        return display_path(path)
    return relative if shown_dir == "." else f"{shown_dir.rstrip('/')}/{relative}"


def parse_document(raw: bytes, shown: str, relative: str) -> tuple[Document | None, tuple[Problem, ...]]:
    """A Markdown file with front matter, from the bytes that were read of it."""
    text, problems = decode_text(raw, shown)
    if text is None:
        return None, problems
    return document_of(text, shown, relative)


def document_of(text: str, shown: str, relative: str) -> tuple[Document | None, tuple[Problem, ...]]:
    """A document from a file's text: front matter split off and parsed."""
    if not text.strip():
        return None, (Problem(shown, 1, "file", "is empty; an article needs front matter between '---' lines and a body"),)
    parts = split_front_matter(text)
    if parts is None:
        if text.lstrip().startswith("---"):
            message = "front matter has no closing '---' line; add one after the last field"
        else:
            message = "does not start with front matter; begin the file with a '---' line, the fields, and another '---'"
        return None, (Problem(shown, 1, "front matter", message),)
    meta_text, body, body_line = parts
    try:
        meta = load_yaml(meta_text, first_line=2)
    except YamlProblem as error:
        return None, (Problem(shown, error.line, "front matter", error.message),)
    if meta is None:  # `---` directly followed by `---`: no fields, so each required one is reported missing
        meta = LineDict()
        meta.line = 2
        meta.key_lines = {}
    return Document(shown, relative, meta, body, 2, body_line, "\\" in meta_text), ()


PARALLEL_FILES = 2000
"""Below this many files, starting processes costs more than parsing them here."""


def _documents(
    folder: Path, content_dir: Path, pattern: str, executor: Executor, store: Store[Document], code: str
) -> tuple[tuple[Document, ...], tuple[Problem, ...], tuple[str, ...], tuple[str, ...]]:
    """The documents under `folder`, their problems, the files that could not be used, and the keys
    of the documents (for the store to keep). A file whose bytes were loaded before is taken from
    the store: parsing front matter is the one costly part of loading."""
    documents: list[Document] = []
    problems: list[Problem] = []
    unreadable: list[str] = []
    if not folder.is_dir():
        return (), (), (), ()
    shown_dir = display_path(content_dir)
    paths = [path for path in sorted(folder.glob(pattern)) if not path.is_dir()]  # a pipe or a dangling link is reported, not skipped
    relative = {path: path.relative_to(content_dir).as_posix() for path in paths}
    shown = {path: _shown(path, relative[path], shown_dir) for path in paths}
    # Each file is read once: its key is the hash of the very bytes that are parsed, so a file that changes
    # meanwhile is never stored under the key of other bytes.
    raws: dict[Path, bytes] = {}
    failed: dict[Path, tuple[Problem, ...]] = {}
    real_dir = os.path.realpath(content_dir)
    real_parents = {parent: os.path.realpath(parent) for parent in {path.parent for path in paths}}
    for path in paths:
        raw, failed[path] = read_bytes(path, shown[path], content_dir, real_dir, real_parents[path.parent])
        if raw is not None:
            raws[path] = raw
    wanted = {path: document_key(code, shown[path], raw) for path, raw in raws.items()}
    known = store.get_many(wanted.values())
    todo = [path for path in wanted if wanted[path] not in known]

    def parse(path: Path) -> tuple[Document | None, tuple[Problem, ...]]:
        return parse_document(raws[path], shown[path], relative[path])

    loaded = dict(zip(todo, executor.map(parse, todo, threshold=PARALLEL_FILES)))
    keys: list[str] = []
    fresh: dict[str, Document] = {}
    for path in paths:
        document: Document | None
        if path not in wanted:  # could not be read
            document = None
            problems.extend(failed[path])
        elif path in loaded:
            document, found = loaded[path]
            problems.extend(found)
            if document is not None and not found:
                fresh[wanted[path]] = document
        else:
            document = known[wanted[path]]
        if document is not None:
            documents.append(document)
            keys.append(wanted[path])
        else:
            unreadable.append(relative[path])
    store.put_many(fresh)
    return tuple(documents), tuple(problems), tuple(unreadable), tuple(keys)


def load_content(content_dir: Path, executor: Executor | None = None, store: Store[Document] | None = None, code: str = "") -> RawContent:
    """Read everything under `content_dir`, articles on the executor; never raises for bad content.
    Documents whose bytes are unchanged come from the store (see `_documents`), which then keeps only these."""
    executor = executor or Executor()
    store = store or Store("documents", Document)
    problems: list[Problem] = []
    if not content_dir.is_dir():
        shown = display_path(content_dir)
        missing = YamlFile(shown, None)
        return RawContent(shown, missing, missing, (), (), (Problem(shown, 1, "folder", "does not exist or is not a folder; pass --content DIR"),))
    site, found = load_yaml_file(content_dir, "site.yaml")
    problems.extend(found)
    outlets, found = load_yaml_file(content_dir, "outlets.yaml")
    problems.extend(found)
    events, found, unreadable_events, event_keys = _documents(content_dir / "events", content_dir, "*.md", Executor(), store, code)
    problems.extend(found)
    articles, found, unreadable_articles, article_keys = _documents(content_dir / "articles", content_dir, "**/*.md", executor, store, code)
    problems.extend(found)
    store.keep_only(event_keys + article_keys)
    return RawContent(display_path(content_dir), site, outlets, events, articles, tuple(problems), unreadable_events + unreadable_articles)
