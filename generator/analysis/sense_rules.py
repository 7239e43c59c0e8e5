"""Check a lexicon match against its entry's sense rules, and read the name after a nickname's epithet.

The rules are written in the lexicon (`unless:`, `only_if:`; see docs/lexicon.md)
and compiled here once per build into sets of word tuples, with every word class
(`{party}`, `{Number}`) expanded. A match is then checked by looking at the words
around it in the folded text, within its clause: punctuation other than hyphens
and apostrophes ends the neighbourhood, so "He lied. In 2016 ..." has no word
after "lied".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from generator.lexicon_rules import entry_rules, expand_pattern
from generator.model import Lexicon, LexiconEntry, SenseRule

NUMBER = "{Number}"
_NUMBER_MARK = "0number0"
_NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
    "eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds thousand thousands "
    "million millions billion billions dozen dozens several".split()
)
_NUMERAL = re.compile(r"\d[\d.,]*\Z")
_CLAUSE_BREAK = re.compile(r"[^\w\s'\-]")
_TOKEN_SPLIT = re.compile(r"[\s\-]+")
_REACH = 160
"""Characters looked at on each side of a match: enough for five words and a phrase."""

_NAME = re.compile(r"[A-Z][A-Za-z]*[a-z][A-Za-z]*(?:[-'\u2019][A-Z][a-z]+)?")
_LONG_WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019]{3,}")
_NOT_A_NAME = frozenset(
    "the a an and but or nor if in on at of for with by to from as it he she they we you his her their our its "
    "this that these those there here when while after before about against over under into onto upon than mr mrs ms dr president senator sen rep governor gov "
    "judge justice general gen secretary speaker leader chairman minister prime house senate congress party "
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july august "
    "september october november december".split()
)


@dataclass(frozen=True)
class Neighbours:
    """Phrases as tuples of folded words: a set to look up, and apart the few with a `{Number}` in them."""

    exact: frozenset[tuple[str, ...]] = frozenset()
    numbered: tuple[tuple[str, ...], ...] = ()
    sizes: tuple[int, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.sizes)


@dataclass(frozen=True)
class CompiledRule:
    """A `SenseRule` with its neighbours as tuples of folded words."""

    before: Neighbours
    after: Neighbours
    not_before: Neighbours
    not_after: Neighbours
    window: int
    compound: str


@dataclass(frozen=True)
class EntryRules:
    """The rules of one entry: any `unless` rule cancels a match; when `only_if` is given, one must hold."""

    unless: tuple[CompiledRule, ...]
    only_if: tuple[CompiledRule, ...]


def compile_entry_rules(lexicon: Lexicon, entry: LexiconEntry) -> EntryRules | None:
    """The entry's own rules and its group's, compiled; None when it has none (most entries)."""
    unless, only_if = entry_rules(entry, lexicon.group(entry.group))
    if not unless and not only_if:
        return None
    return EntryRules(
        tuple(_compile(rule, lexicon.placeholders) for rule in unless),
        tuple(_compile(rule, lexicon.placeholders) for rule in only_if),
    )


def _compile(rule: SenseRule, placeholders: Sequence[tuple[str, tuple[str, ...]]]) -> CompiledRule:
    def words(phrases: tuple[str, ...]) -> Neighbours:
        table = tuple(placeholders) + (("Number", (_NUMBER_MARK,)),)  # a mark without braces, or expansion never ends
        found = set()
        for phrase in phrases:
            for concrete in expand_pattern(phrase, table):
                found.add(tuple(NUMBER if t == _NUMBER_MARK else t for t in tokens(concrete)))
        numbered = tuple(sorted(p for p in found if NUMBER in p))
        return Neighbours(frozenset(found - set(numbered)), numbered, tuple(sorted({len(p) for p in found})))

    return CompiledRule(words(rule.before), words(rule.after), words(rule.not_before), words(rule.not_after), rule.window, rule.compound)


def tokens(text: str) -> tuple[str, ...]:
    """Folded words: lower case, straight apostrophes, hyphens as spaces, possessives dropped ("party's" is "party")."""
    text = text.lower().replace("\u2019", "'").replace("\u2010", "-").replace("\u2011", "-")
    words = (t.removesuffix("'s").strip("'") for t in _TOKEN_SPLIT.split(text))
    return tuple(word for word in words if word)


def sense_allows(rules: EntryRules, folded: str, start: int, end: int) -> bool:
    """Whether a match at folded[start:end] is in a sense the entry counts."""
    before = _words_before(folded, start)
    after = _words_after(folded, end)
    if any(_holds(rule, folded, start, end, before, after) for rule in rules.unless):
        return False
    return not rules.only_if or any(_holds(rule, folded, start, end, before, after) for rule in rules.only_if)


def _holds(rule: CompiledRule, folded: str, start: int, end: int, before: tuple[str, ...], after: tuple[str, ...]) -> bool:
    if rule.compound and not _in_compound(rule.compound, folded, start, end):
        return False
    if rule.before and not _near(rule.before, before, rule.window, backwards=True):
        return False
    if rule.after and not _near(rule.after, after, rule.window, backwards=False):
        return False
    if rule.not_before and _near(rule.not_before, before, rule.window, backwards=True):
        return False
    return not (rule.not_after and _near(rule.not_after, after, rule.window, backwards=False))


def _near(phrases: Neighbours, words: tuple[str, ...], window: int, backwards: bool) -> bool:
    """Whether one of the phrases stands within `window` words of the match on that side."""
    for size in phrases.sizes:
        for distance in range(window):
            if backwards:
                stop = len(words) - distance
                found = words[stop - size : stop] if stop - size >= 0 else ()
            else:
                found = words[distance : distance + size]
            if len(found) != size:
                continue
            if found in phrases.exact:
                return True
            if any(len(phrase) == size and all(_same(p, w) for p, w in zip(phrase, found)) for phrase in phrases.numbered):
                return True
    return False


def _same(wanted: str, word: str) -> bool:
    if wanted == NUMBER:
        return bool(_NUMERAL.match(word)) or word in _NUMBER_WORDS
    return wanted == word


def _in_compound(side: str, folded: str, start: int, end: int) -> bool:
    joined_after = end + 1 < len(folded) and folded[end] == "-" and folded[end + 1].isalnum()
    joined_before = start >= 2 and folded[start - 1] == "-" and folded[start - 2].isalnum()
    return {"after": joined_after, "before": joined_before}.get(side, joined_after or joined_before)


def _words_after(folded: str, end: int) -> tuple[str, ...]:
    piece = folded[end : end + _REACH]
    cut = _CLAUSE_BREAK.search(piece)
    piece = piece[: cut.start()] if cut else piece
    words = tokens(piece)
    return words[:-1] if len(piece) == _REACH and words else words  # the last word may be cut off


def _words_before(folded: str, start: int) -> tuple[str, ...]:
    begin = max(0, start - _REACH)
    parts = _CLAUSE_BREAK.split(folded[begin:start])
    words = tokens(parts[-1])
    return words[1:] if begin > 0 and len(parts) == 1 and words else words  # the first word may be cut off


def name_after(text: str, begin: int, end: int) -> int | None:
    """Where a nickname ends: the epithet text[begin:end] is capitalised and a capitalised name follows
    after one space, in a line that is not a headline in title case (there every word has a capital, which
    says nothing).
    Returns the name's end, or None."""
    if any(not word[:1].isupper() for word in text[begin:end].split()):
        return None
    if end + 1 >= len(text) or text[end] != " ":
        return None
    name = _NAME.match(text, end + 1)
    if name is None or name.group().lower() in _NOT_A_NAME:
        return None
    line_start = text.rfind("\n", 0, begin) + 1
    line_end = text.find("\n", name.end())
    line = text[line_start:begin] + " " + text[name.end() : line_end if line_end >= 0 else len(text)]
    if _title_case(line):
        return None
    return name.end()


def _title_case(line: str) -> bool:
    """A headline in title case: no closing punctuation, and most long words capitalised."""
    if line.rstrip().endswith((".", "!", "?", '"', "\u201d", ":", ";")):
        return False
    long_words = _LONG_WORD.findall(line)
    return len(long_words) >= 3 and sum(word[0].isupper() for word in long_words) >= 0.6 * len(long_words)
