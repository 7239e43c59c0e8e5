"""The lexicon's sense rules, groups and mirrors: reading them from YAML, describing them, checking symmetry.

A word frames in some company and is neutral in other: "claims" in "his claims
that" but not in "unemployment claims". Sense rules (`unless:` and `only_if:`)
state such neighbourhoods as whole kinds: a list of neighbours before or after
(with word classes from `placeholders:`), a window of a few words, a hyphenated
compound. `groups:` names kinds of framing inside a category with their
references; `mirrors:` pairs the words that name opposite sides, so that the
symmetry table can show every side-naming entry has its mirror. The format is
documented in docs/lexicon.md.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from generator.errors import Problem
from generator.model import Group, Lexicon, LexiconEntry, SenseRule
from generator.yamlsafe import line_of

RULE_KEYS = ("before", "after", "not_before", "not_after", "window", "compound")
GROUP_KEYS = ("id", "category", "label", "description", "references", "unless", "only_if")
COMPOUND_SIDES = ("before", "after", "either")
BUILTIN_CLASSES = ("Number",)
"""Word classes every lexicon has: `{Number}` is a numeral (12, 1,500) or a number word (twelve, dozens)."""
MAX_WINDOW = 5

_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
_GROUP_ID = re.compile(r"[a-z][a-z0-9_]*\Z")
_PLACEHOLDER_NAME = _GROUP_ID


def read_rule_list(
    path: str, raw: Mapping[str, Any], key: str, placeholders: set[str], problems: list[Problem], phrases: bool
) -> tuple[tuple[str, ...], tuple[SenseRule, ...]]:
    """The phrases and rules under `key` (`unless` or `only_if`); phrases only where `phrases` allows them."""
    value = raw.get(key)
    if value is None:
        return (), ()
    line = line_of(raw, key)
    if not isinstance(value, list) or not value:
        problems.append(Problem(path, line, key, "must be a list of phrases or rules, e.g. [claimed responsibility, {after: [aid]}]"))
        return (), ()
    found_phrases: list[str] = []
    rules: list[SenseRule] = []
    for item in value:
        if isinstance(item, str) and item.strip() and phrases:
            found_phrases.append(" ".join(item.split()))
        elif isinstance(item, dict):
            rule = read_rule(path, item, key, placeholders, problems)
            if rule is not None:
                rules.append(rule)
        else:
            wanted = "a phrase containing the term or a rule" if phrases else "a rule such as {before: [only, just]}"
            problems.append(Problem(path, line, key, f"each item must be {wanted}, not {item!r}"))
    return tuple(found_phrases), tuple(rules)


def read_rule(path: str, raw: Mapping[str, Any], key: str, placeholders: set[str], problems: list[Problem]) -> SenseRule | None:
    """One `{before: [...], after: [...], window: N, compound: side}` mapping, checked field by field."""
    faults = len(problems)
    line = getattr(raw, "line", None) or 1
    for name in raw:
        if name not in RULE_KEYS:
            problems.append(Problem(path, line, f"{key}.{name}", f"unknown key in a rule; expected one of {', '.join(RULE_KEYS)}"))
    words = {name: _neighbours(path, line, key, name, raw.get(name), placeholders, problems) for name in RULE_KEYS[:4]}
    window = raw.get("window", 1)
    if isinstance(window, bool) or not isinstance(window, int) or not 1 <= window <= MAX_WINDOW:
        problems.append(Problem(path, line, f"{key}.window", f"must be a whole number of words from 1 to {MAX_WINDOW}"))
    compound = raw.get("compound", "")
    if compound is True:
        compound = "either"
    if compound not in ("", *COMPOUND_SIDES):
        problems.append(Problem(path, line, f"{key}.compound", f"must be one of {', '.join(COMPOUND_SIDES)} (or true for either)"))
    if not (words["before"] or words["after"] or words["not_before"] or words["not_after"] or compound):
        problems.append(Problem(path, line, key, "a rule needs before:, after:, not_before:, not_after: or compound:"))
    if len(problems) != faults:
        return None
    return SenseRule(words["before"], words["after"], words["not_before"], words["not_after"], window, compound)


def _neighbours(
    path: str, line: int, key: str, name: str, value: Any, placeholders: set[str], problems: list[Problem]
) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not value or not all(isinstance(v, str) and v.strip() for v in value):
        hint = " (quote yes, no, on, off, true, false: YAML reads them as true or false)" if isinstance(value, list) and any(isinstance(v, bool) for v in value) else ""
        problems.append(Problem(path, line, f"{key}.{name}", f"must be a non-empty list of words or phrases{hint}"))
        return ()
    for item in value:
        for placeholder in _PLACEHOLDER.findall(item):
            if placeholder not in placeholders and placeholder not in BUILTIN_CLASSES:
                known = ", ".join(sorted(placeholders | set(BUILTIN_CLASSES)))
                problems.append(Problem(path, line, f"{key}.{name}", f"unknown word class {{{placeholder}}}; known: {known}"))
    return tuple(" ".join(v.split()) for v in value)


def read_groups(
    path: str, data: Mapping[str, Any], categories: set[str], placeholders: set[str], seen: set[str], problems: list[Problem]
) -> list[Group]:
    """The `groups:` list: kinds of framing inside a category, each with references and shared rules."""
    raw_list = data["groups"]
    if not isinstance(raw_list, list):
        problems.append(Problem(path, line_of(data, "groups"), "groups", "must be a list of groups"))
        return []
    groups: list[Group] = []
    for raw in raw_list:
        if not isinstance(raw, dict):
            problems.append(Problem(path, line_of(data, "groups"), "groups", "each group must be a mapping with id, category, label, description, references"))
            continue
        faults, line = len(problems), getattr(raw, "line", None) or line_of(data, "groups")
        for name in raw:
            if name not in GROUP_KEYS:
                problems.append(Problem(path, line_of(raw, name), str(name), f"unknown key in a group; expected one of {', '.join(GROUP_KEYS)}"))
        fields = {}
        for name in ("id", "category", "label", "description"):
            value = raw.get(name)
            if not isinstance(value, str) or not value.strip():
                problems.append(Problem(path, line, name, "missing" if value is None else "must be non-empty text"))
            fields[name] = " ".join(str(value or "").split())
        if fields["id"] and not _GROUP_ID.match(fields["id"]):
            problems.append(Problem(path, line, "id", "a group id must be lower-case letters, digits and _"))
        elif fields["id"] in seen:
            problems.append(Problem(path, line, "id", f"group {fields['id']!r} already declared"))
        if fields["category"] and fields["category"] not in categories:
            problems.append(Problem(path, line, "category", f"unknown category {fields['category']!r}"))
        references = raw.get("references")
        if not isinstance(references, list) or not references or not all(isinstance(r, str) and r.strip() for r in references):
            problems.append(Problem(path, line, "references", "must be a non-empty list of citation strings"))
            references = []
        _, unless = read_rule_list(path, raw, "unless", placeholders, problems, phrases=False)
        _, only_if = read_rule_list(path, raw, "only_if", placeholders, problems, phrases=False)
        if len(problems) == faults:
            seen.add(fields["id"])
            groups.append(
                Group(fields["id"], fields["category"], fields["label"], fields["description"],
                      tuple(" ".join(r.split()) for r in references), unless, only_if)
            )
    return groups


def read_mirrors(path: str, data: Mapping[str, Any], problems: list[Problem]) -> list[tuple[str, str]]:
    """The `mirrors:` list of word pairs naming opposite sides, e.g. [[left, right], [Democrat, Republican]]."""
    raw = data["mirrors"]
    pairs: list[tuple[str, str]] = []
    if not isinstance(raw, list):
        problems.append(Problem(path, line_of(data, "mirrors"), "mirrors", "must be a list of pairs of words, e.g. [[left, right]]"))
        return pairs
    for item in raw:
        if not (isinstance(item, list) and len(item) == 2 and all(isinstance(w, str) and w.strip() and " " not in w.strip() for w in item)):
            problems.append(Problem(path, line_of(data, "mirrors"), "mirrors", f"each pair must be two single words, not {item!r}"))
            continue
        pairs.append((item[0].strip(), item[1].strip()))
    return pairs


def expand_placeholder_references(
    placeholders: Sequence[tuple[str, tuple[str, ...]]], lines: Mapping[str, tuple[str, int]], problems: list[Problem]
) -> list[tuple[str, tuple[str, ...]]]:
    """A filler written `{party}` stands for all of that placeholder's fillers, so a class can reuse another."""
    table = dict(placeholders)

    def expand(name: str, trail: tuple[str, ...]) -> tuple[str, ...]:
        result: list[str] = []
        for filler in table[name]:
            inner = _PLACEHOLDER.fullmatch(filler)
            if inner is None:
                result.append(filler)
            elif inner.group(1) in trail:
                problems.append(Problem(*lines[name], name, f"placeholders refer to each other in a circle: {' -> '.join(trail + (inner.group(1),))}"))
            elif inner.group(1) not in table:
                problems.append(Problem(*lines[name], name, f"unknown placeholder {filler} in the fillers of {{{name}}}"))
            else:
                result.extend(expand(inner.group(1), trail + (inner.group(1),)))
        return tuple(dict.fromkeys(result))

    return [(name, expand(name, (name,))) for name, _ in placeholders]


def entry_rules(entry: LexiconEntry, group: Group | None) -> tuple[tuple[SenseRule, ...], tuple[SenseRule, ...]]:
    """(unless, only_if) rules that apply to an entry: its own, then its group's."""
    if group is None:
        return entry.unless_rules, entry.only_if
    return entry.unless_rules + group.unless, entry.only_if + group.only_if


def describe_entry_rules(entry: LexiconEntry, group: Group | None) -> tuple[str, ...]:
    """Each exception of an entry in plain words, for the method page ("Not counted before “aid”")."""
    unless, only_if = entry_rules(entry, group)
    lines = [f"Not counted in {_quoted(entry.unless)}"] if entry.unless else []
    lines += ["Not counted " + describe_rule(rule) for rule in unless]
    lines += ["Counted only " + describe_rule(rule) for rule in only_if]
    return tuple(lines)


def describe_rule(rule: SenseRule) -> str:
    """One rule as a phrase: "after “the”, “a” and before “aid” (up to 2 words away)"."""
    parts: list[str] = []
    for words, wording in (
        (rule.before, "after"), (rule.after, "before"), (rule.not_before, "unless after"), (rule.not_after, "unless before"),
    ):
        if words:
            parts.append(f"{wording} {_quoted(words)}")
    if rule.compound:
        side = {"before": "after a hyphen", "after": "before a hyphen", "either": "next to a hyphen"}[rule.compound]
        parts.append(f"in a hyphenated compound ({side})")
    text = " and ".join(parts)
    return text + (f" (up to {rule.window} words away)" if rule.window > 1 else "")


def _quoted(words: Sequence[str]) -> str:
    return ", ".join(f"“{word}”" for word in words)


@dataclass(frozen=True)
class MirrorRow:
    """One line of the symmetry table: a side-naming entry or filler and its mirror, if the lexicon has it."""

    where: str  # "entry" or "placeholder {name}"
    wording: str
    mirror: str
    found: bool
    same_rules: bool


def symmetry_table(lexicon: Lexicon) -> tuple[MirrorRow, ...]:
    """Every entry and filler that names a side, beside its mirror: a missing or differently ruled one is one-sided."""
    swaps = _swaps(lexicon.mirrors)
    by_wording = {_words(entry.term): entry for entry in lexicon.entries}
    rows: list[MirrorRow] = []
    for entry in lexicon.entries:
        words = _words(entry.term)
        for mirrored in _mirrored(words, swaps):
            other = by_wording.get(mirrored)
            same = other is not None and (other.category, other.group) == (entry.category, entry.group) and (
                _swapped_rules(entry, swaps, mirrored_words=set(mirrored)) == _rule_key(other)
            )
            rows.append(MirrorRow("entry", " ".join(words), " ".join(mirrored), other is not None, same))
    for name, fillers in lexicon.placeholders:
        present = {_words(filler) for filler in fillers}
        for filler in fillers:
            for mirrored in _mirrored(_words(filler), swaps):
                found = mirrored in present
                rows.append(MirrorRow(f"placeholder {{{name}}}", " ".join(_words(filler)), " ".join(mirrored), found, found))
    return tuple(rows)


def _words(text: str) -> tuple[str, ...]:
    return tuple(w for w in re.split(r"[\s\-\u2010\u2011]+", text.replace("\u2019", "'").lower()) if w)


def _swaps(pairs: Sequence[tuple[str, str]]) -> dict[str, tuple[str, ...]]:
    swaps: dict[str, list[str]] = {}
    for left, right in pairs:
        swaps.setdefault(left.lower(), []).append(right.lower())
        swaps.setdefault(right.lower(), []).append(left.lower())
    return {word: tuple(dict.fromkeys(others)) for word, others in swaps.items()}


def _mirrored(words: tuple[str, ...], swaps: Mapping[str, tuple[str, ...]]) -> list[tuple[str, ...]]:
    """Each wording with one side word exchanged for one of its mirrors."""
    results = []
    for position, word in enumerate(words):
        for other in swaps.get(word, ()):
            results.append(words[:position] + (other,) + words[position + 1 :])
    return results


def _rule_key(entry: LexiconEntry) -> tuple:
    return (entry.unless_rules, entry.only_if, len(entry.unless))


def _swapped_rules(entry: LexiconEntry, swaps: Mapping[str, tuple[str, ...]], mirrored_words: set[str]) -> tuple:
    """The entry's rules with side words exchanged, as its mirror should have them."""

    def swap(text: str) -> str:
        return " ".join(next((o for o in swaps.get(w.lower(), ()) if o in mirrored_words), w) for w in text.split(" "))

    def rule(r: SenseRule) -> SenseRule:
        return SenseRule(*(tuple(swap(w) for w in words) for words in (r.before, r.after, r.not_before, r.not_after)), r.window, r.compound)

    return (tuple(rule(r) for r in entry.unless_rules), tuple(rule(r) for r in entry.only_if), len(entry.unless))


def read_placeholders(
    path: str, data: Mapping[str, Any], taken: Mapping[str, tuple[str, int]], problems: list[Problem]
) -> list[tuple[str, tuple[str, ...]]]:
    """The `placeholders:` mapping of word classes; records where each was declared in `taken`."""
    raw = data["placeholders"]
    if not isinstance(raw, dict):
        problems.append(Problem(path, line_of(data, "placeholders"), "placeholders", "must be a mapping of name -> list of fillers"))
        return []
    result: list[tuple[str, tuple[str, ...]]] = []
    for name, fillers in raw.items():
        line = line_of(raw, name)
        if not isinstance(name, str) or not _PLACEHOLDER_NAME.match(name):
            problems.append(Problem(path, line, str(name), "a placeholder name must be lower-case letters, digits and _"))
            continue
        if name in taken:
            problems.append(Problem(path, line, name, "placeholder already declared"))
            continue
        if not isinstance(fillers, list) or not fillers or not all(isinstance(f, str) and f.strip() and _filler_ok(f) for f in fillers):
            problems.append(Problem(path, line, name, "must be a non-empty list of words or phrases (no braces, except a whole {placeholder})"))
            continue
        result.append((name, tuple(dict.fromkeys(" ".join(f.split()) for f in fillers))))
        taken[name] = (path, line)  # type: ignore[index]
    return result


def _filler_ok(filler: str) -> bool:
    """A filler is plain words, or one whole `{name}` standing for another placeholder's fillers."""
    return ("{" not in filler and "}" not in filler) or bool(re.fullmatch(r"\{[a-z][a-z0-9_]*\}", filler.strip()))


def expand_pattern(pattern: str, placeholders: Sequence[tuple[str, tuple[str, ...]]]) -> tuple[str, ...]:
    """Every concrete phrase a pattern stands for, in a stable order."""
    fillers = dict(placeholders)
    results = [pattern]
    while any("{" in item for item in results):
        expanded: list[str] = []
        for item in results:
            match = _PLACEHOLDER.search(item)
            if match is None:
                expanded.append(item)
                continue
            for filler in fillers.get(match.group(1), ()):
                expanded.append(item[: match.start()] + filler + item[match.end() :])
        results = expanded
    return tuple(dict.fromkeys(results))
