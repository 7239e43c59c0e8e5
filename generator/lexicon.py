"""Load the framing lexicon (`content/lexicon/*.yaml`) into a validated `Lexicon`.

Users edit these files, so every fault is reported as a `Problem` with the file
and line of the entry at fault, and all faults are collected in one pass: the
loader never raises on bad content. The format is documented in docs/lexicon.md.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import pathlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import yaml

from generator.contained import ReadRefused, read_inside
from generator.errors import Problem
from generator.lexicon_rules import expand_pattern, expand_placeholder_references, read_groups, read_mirrors, read_placeholders, read_rule_list
from generator.model import Category, Group, Lexicon, LexiconEntry
from generator.validate.characters import value_problems
from generator.yamlsafe import YamlProblem, line_of, load_yaml

MAX_LEXICON_BYTES = 2_000_000
"""The largest lexicon file is about 40 kB; a file past 2 MB is not a word list."""

CATEGORY_IDS = (
    "loaded_labels",
    "attribution",
    "hedges",
    "intensifiers",
    "affiliation",
    "conflict",
    "legitimacy",
    "scare_quotes",
)
"""The fixed category ids: templates, styles and other analysers refer to them by name."""

TOP_LEVEL_KEYS = ("categories", "placeholders", "groups", "mirrors", "entries")
CATEGORY_KEYS = ("id", "label", "description", "references")
ENTRY_KEYS = ("term", "pattern", "category", "group", "note", "alternative", "unless", "only_if")
NAME_CLASS = "{Name}"
"""The built-in word class a pattern may end with: a capitalised word, as a person's name is written."""

_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2032": "'"})
_SLUG_WORD = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True)
class _Located:
    """A value from a YAML file with where it came from, for messages."""

    path: str
    line: int


def normalise_term(text: str) -> str:
    """The form two entries are compared by: case, apostrophes, hyphens and spacing ignored."""
    text = text.translate(_APOSTROPHES).lower()
    return " ".join(re.split(r"[\s\-\u2010\u2011]+", text.strip()))


def slugify(text: str) -> str:
    """A URL-safe anchor id from a term or pattern: `{actor}-backed` -> `actor-backed`."""
    folded = text.translate(_APOSTROPHES).lower().replace("'", "")
    return "-".join(_SLUG_WORD.findall(folded)) or "entry"


def lexicon_version(documents: Sequence[tuple[str, Any]]) -> str:
    """A short stable hash of the parsed files in order, so layout and comments do not change it."""
    digest = hashlib.sha256()
    for name, data in documents:
        digest.update(name.encode("utf-8") + b"\0")
        digest.update(json.dumps(data, sort_keys=True, ensure_ascii=False, default=str).encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()[:12]


def load_lexicon(content_dir: pathlib.Path, files: Sequence[str]) -> tuple[Lexicon | None, tuple[Problem, ...]]:
    """Read and validate the lexicon files in order; return the lexicon (None on errors) and every problem."""
    problems: list[Problem] = []
    documents: list[tuple[str, pathlib.Path, Any]] = []
    texts: dict[str, str] = {}
    for name in files:
        path = content_dir / name
        try:
            text = read_inside(content_dir, path, MAX_LEXICON_BYTES).decode("utf-8")
        except FileNotFoundError:
            problems.append(Problem(str(path), 1, "lexicon", "lexicon file not found (listed in site.yaml under lexicon:)"))
            continue
        except ReadRefused as error:
            problems.append(Problem(str(path), 1, "lexicon", f"the file {error}"))
            continue
        except (OSError, UnicodeDecodeError) as error:
            problems.append(Problem(str(path), 1, "lexicon", f"cannot read the file: {error}"))
            continue
        try:
            data = load_yaml(text)
        except YamlProblem as error:
            problems.append(Problem(str(path), error.line, "yaml", error.message))
            continue
        not_text = value_problems(str(path), data)
        if not_text:
            problems.extend(not_text)
            continue
        if data is None:
            data = {}
        if not isinstance(data, dict):
            problems.append(Problem(str(path), 1, "lexicon", "the file must be a mapping with categories:, placeholders:, groups:, mirrors: or entries:"))
            continue
        for key in data:
            if key not in TOP_LEVEL_KEYS:
                problems.append(
                    Problem(str(path), line_of(data, key), str(key), f"unknown key; expected one of {', '.join(TOP_LEVEL_KEYS)}")
                )
        documents.append((name, path, data))
        texts[name] = text

    categories: list[Category] = []
    category_lines: dict[str, _Located] = {}
    placeholders: list[tuple[str, tuple[str, ...]]] = []
    placeholder_lines: dict[str, tuple[str, int]] = {}
    for _name, path, data in documents:
        if "categories" in data:
            categories.extend(_read_categories(str(path), data, category_lines, problems))
        if "placeholders" in data:
            placeholders.extend(read_placeholders(str(path), data, placeholder_lines, problems))
    _check_all_categories_declared(documents, category_lines, problems)
    placeholders = expand_placeholder_references(placeholders, placeholder_lines, problems)
    known_placeholders = {name for name, _ in placeholders}
    groups: list[Group] = []
    mirrors: list[tuple[str, str]] = []
    for _name, path, data in documents:
        if "groups" in data:
            groups.extend(read_groups(str(path), data, set(category_lines), known_placeholders, {g.id for g in groups}, problems))
        if "mirrors" in data:
            mirrors.extend(read_mirrors(str(path), data, problems))
    group_categories = {group.id: group.category for group in groups}

    entries: list[LexiconEntry] = []
    seen_terms: dict[str, _Located] = {}
    seen_slugs: set[str] = set()
    for name, path, data in documents:
        if "entries" not in data:
            continue
        raw_entries = data["entries"]
        if not isinstance(raw_entries, list):
            problems.append(Problem(str(path), line_of(data, "entries"), "entries", "must be a list of entries"))
            continue
        for position, raw in enumerate(raw_entries):
            item_line = getattr(raw, "line", None) or _item_line(texts[name], "entries", position, line_of(data, "entries"))
            entry = _read_entry(name, str(path), raw, item_line, category_lines, known_placeholders, group_categories, problems)
            if entry is None:
                continue
            key = ("pattern " if entry.kind == "pattern" else "term ") + normalise_term(entry.term)
            first = seen_terms.get(key)
            if first is not None:
                problems.append(
                    Problem(
                        str(path),
                        entry.line,
                        "pattern" if entry.kind == "pattern" else "term",
                        f"duplicate entry {entry.term!r}: already given at {first.path}:{first.line}",
                    )
                )
                continue
            seen_terms[key] = _Located(str(path), entry.line)
            entry = _with_unique_id(entry, seen_slugs)
            seen_slugs.add(entry.id)
            entries.append(entry)

    if any(p.severity == "error" for p in problems):
        return None, tuple(problems)
    version = lexicon_version([(name, data) for name, _path, data in documents])
    lexicon = Lexicon(tuple(categories), tuple(entries), tuple(placeholders), version, tuple(groups), tuple(mirrors))
    return lexicon, tuple(problems)


def _item_line(text: str, key: str, position: int, default: int) -> int:
    """The line of item `position` of the top-level list `key`: PyYAML keeps no lines for scalars, so re-read the node tree."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return default
    if not isinstance(root, yaml.MappingNode):
        return default
    for key_node, value_node in root.value:
        if key_node.value == key and isinstance(value_node, yaml.SequenceNode) and position < len(value_node.value):
            return int(value_node.value[position].start_mark.line) + 1
    return default


def _with_unique_id(entry: LexiconEntry, taken: set[str]) -> LexiconEntry:
    """Give the entry its slug, numbered only if two different terms share one (rare, and stable by order)."""
    base = slugify(entry.term)
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    return dataclasses.replace(entry, id=candidate)


def _read_categories(
    path: str, data: Mapping[str, Any], seen: dict[str, _Located], problems: list[Problem]
) -> list[Category]:
    raw_list = data["categories"]
    if not isinstance(raw_list, list):
        problems.append(Problem(path, line_of(data, "categories"), "categories", "must be a list of categories"))
        return []
    result: list[Category] = []
    for raw in raw_list:
        if not isinstance(raw, dict):
            problems.append(Problem(path, line_of(data, "categories"), "categories", "each category must be a mapping with id, label, description, references"))
            continue
        line = getattr(raw, "line", 1)
        faults = len(problems)
        for key in raw:
            if key not in CATEGORY_KEYS:
                problems.append(Problem(path, line_of(raw, key), str(key), f"unknown key in a category; expected one of {', '.join(CATEGORY_KEYS)}"))
        fields = {key: _text_field(path, raw, key, problems, required=True) for key in ("id", "label", "description")}
        references = _references(path, raw, problems)
        category_id = fields["id"]
        if category_id is not None:
            if category_id not in CATEGORY_IDS:
                problems.append(Problem(path, line_of(raw, "id"), "id", f"unknown category id {category_id!r}; the categories are fixed: {', '.join(CATEGORY_IDS)}"))
            elif category_id in seen:
                first = seen[category_id]
                problems.append(Problem(path, line_of(raw, "id"), "id", f"category {category_id!r} already declared at {first.path}:{first.line}"))
            else:
                seen[category_id] = _Located(path, line)
        if len(problems) == faults and category_id is not None:
            result.append(Category(category_id, fields["label"] or "", " ".join((fields["description"] or "").split()), references))
    return result


def _references(path: str, raw: Mapping[str, Any], problems: list[Problem]) -> tuple[str, ...]:
    value = raw.get("references")
    if value is None:
        problems.append(Problem(path, line_of(raw, "id"), "references", "missing: cite the published work the category rests on"))
        return ()
    if not isinstance(value, list) or not value or not all(isinstance(item, str) and item.strip() for item in value):
        problems.append(Problem(path, line_of(raw, "references"), "references", "must be a non-empty list of citation strings"))
        return ()
    return tuple(" ".join(item.split()) for item in value)


def _check_all_categories_declared(
    documents: Sequence[tuple[str, pathlib.Path, Any]], seen: Mapping[str, _Located], problems: list[Problem]
) -> None:
    """Other modules refer to every fixed category, so a lexicon without one of them cannot be used."""
    missing = [category_id for category_id in CATEGORY_IDS if category_id not in seen]
    if not missing or not documents:
        return
    where = next(((p, line_of(d, "categories")) for _n, p, d in documents if "categories" in d), (documents[0][1], 1))
    problems.append(Problem(str(where[0]), where[1], "categories", f"missing categories: {', '.join(missing)}"))


def _text_field(path: str, raw: Mapping[str, Any], key: str, problems: list[Problem], required: bool) -> str | None:
    """A non-empty string field, or None with a problem recorded (when required or malformed)."""
    if key not in raw or raw[key] is None:
        if required:
            problems.append(Problem(path, getattr(raw, "line", 1), key, "missing"))
        return None
    value = raw[key]
    if not isinstance(value, str) or not value.strip():
        problems.append(Problem(path, line_of(raw, key), key, "must be non-empty text"))
        return None
    return value.strip()


def _read_entry(
    name: str,
    path: str,
    raw: Any,
    line: int,
    categories: Mapping[str, _Located],
    placeholders: set[str],
    groups: Mapping[str, str],
    problems: list[Problem],
) -> LexiconEntry | None:
    if not isinstance(raw, dict):
        problems.append(Problem(path, line, "entries", f"each entry must be a mapping with term: or pattern:, not {raw!r}"))
        return None
    faults = len(problems)
    for key in raw:
        if key not in ENTRY_KEYS:
            problems.append(Problem(path, line_of(raw, key), str(key), f"unknown key in an entry; expected one of {', '.join(ENTRY_KEYS)}"))
    has_term, has_pattern = "term" in raw, "pattern" in raw
    if has_term == has_pattern:
        message = "give exactly one of term: or pattern:, not both" if has_term else "missing: give term: (a word or phrase) or pattern: (with a {placeholder})"
        problems.append(Problem(path, line, "term", message))
        term = None
    else:
        key = "term" if has_term else "pattern"
        term = _text_field(path, raw, key, problems, required=True)
        if term is not None:
            term = " ".join(term.split())
            fault = _pattern_fault(term, placeholders) if has_pattern else _term_fault(term)
            if fault:
                problems.append(Problem(path, line_of(raw, key), key, fault))
    category = _text_field(path, raw, "category", problems, required=True)
    if category is not None and category not in categories:
        problems.append(Problem(path, line_of(raw, "category"), "category", f"unknown category {category!r}; declared: {', '.join(sorted(categories)) or 'none'}"))
    if category == "scare_quotes":
        problems.append(Problem(path, line_of(raw, "category"), "category", "scare quotes are found by a rule, not by entries; choose another category"))
    note = _text_field(path, raw, "note", problems, required=True)
    if note is not None and "\n" in note:
        problems.append(Problem(path, line_of(raw, "note"), "note", "must be one line"))
    alternative = _text_field(path, raw, "alternative", problems, required=False)
    unless, unless_rules = _unless(path, raw, term, placeholders, problems)
    _, only_if = read_rule_list(path, raw, "only_if", placeholders, problems, phrases=False)
    group = _text_field(path, raw, "group", problems, required=False)
    if group is not None and groups.get(group) != category:
        where = f"it belongs to {groups[group]!r}" if group in groups else f"declared: {', '.join(sorted(groups)) or 'none'}"
        problems.append(Problem(path, line_of(raw, "group"), "group", f"unknown group {group!r} for category {category!r}; {where}"))
    if len(problems) != faults or term is None or category is None or note is None:
        return None
    kind = "pattern" if has_pattern else ("phrase" if " " in term else "word")
    return LexiconEntry(
        id="", term=term, kind=kind, category=category, note=note, alternative=alternative, path=name, line=line,
        unless=unless, unless_rules=unless_rules, only_if=only_if, group=group,
    )


def _unless(
    path: str, raw: Mapping[str, Any], term: str | None, placeholders: set[str], problems: list[Problem]
) -> tuple[tuple[str, ...], tuple[Any, ...]]:
    """`unless:` phrases must each contain the term, or they could never cancel it; rules are checked on their own."""
    phrases, rules = read_rule_list(path, raw, "unless", placeholders, problems, phrases=True)
    if term is not None and "{" not in term:
        for phrase in phrases:
            if normalise_term(term) not in normalise_term(phrase):
                problems.append(Problem(path, line_of(raw, "unless"), "unless", f"{phrase!r} does not contain the term {term!r}, so it could never cancel it"))
    for phrase in phrases:
        for placeholder in _PLACEHOLDER.findall(phrase):
            if placeholder not in placeholders:
                problems.append(Problem(path, line_of(raw, "unless"), "unless", f"unknown placeholder {{{placeholder}}} in {phrase!r}"))
    return phrases, rules


def _term_fault(term: str) -> str | None:
    if "{" in term or "}" in term:
        return "braces belong in pattern:, not term:"
    if not any(ch.isalnum() for ch in term):
        return "must contain a letter or digit"
    return None


def _pattern_fault(pattern: str, placeholders: set[str]) -> str | None:
    """Why a pattern cannot be expanded, or None: braces must pair up around a declared name."""
    depth = 0
    for ch in pattern:
        depth += {"{": 1, "}": -1}.get(ch, 0)
        if depth not in (0, 1):
            return "unbalanced braces: write placeholders as {name}"
    if depth != 0:
        return "unbalanced braces: write placeholders as {name}"
    names = _PLACEHOLDER.findall(pattern)
    if not names:
        return "a pattern needs a {placeholder}; use term: for plain words"
    if NAME_CLASS in pattern and not (pattern.endswith(" " + NAME_CLASS) and pattern.count(NAME_CLASS) == 1):
        return f"{NAME_CLASS} may stand only once, as the last word of a pattern"
    for placeholder in names:
        if not placeholder:
            return "empty placeholder {}"
        if "{" + placeholder + "}" == NAME_CLASS:
            continue
        if placeholder not in placeholders:
            known = ", ".join(sorted(placeholders)) or "none declared"
            return f"unknown placeholder {{{placeholder}}}; known: {known}"
    if not any(ch.isalnum() for ch in _PLACEHOLDER.sub("", pattern)) and NAME_CLASS not in pattern:
        return "a pattern needs some text beside its placeholder"
    return None


__all__ = ["expand_pattern", "load_lexicon", "lexicon_version", "normalise_term", "slugify"]
