"""Find lexicon entries in plain text: whole words, any inflection, longest match first.

Every entry is expanded once, at compile time, into the surface forms it stands
for (inflections, hyphen/space variants, pattern fillers); one Aho-Corasick
automaton then finds all of them in a single pass over a case-folded copy of the
text whose characters stay aligned with the original, so offsets are exact.
Matches of entries with sense rules are then checked against the words around
them (`sense_rules.py`), and `{Name}` patterns read the name that follows.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import ahocorasick

from generator.analysis.results import Match
from generator.analysis.sense_rules import EntryRules, compile_entry_rules, name_after, sense_allows
from generator.lexicon import NAME_CLASS, expand_pattern
from generator.model import Lexicon, LexiconEntry

_FOLD_PAIRS = (
    ("\u2019", "'"), ("\u2018", "'"), ("\u02bc", "'"), ("\u2032", "'"), ("`", "'"),  # apostrophes
    ("\u2010", "-"), ("\u2011", "-"),  # hyphens (not dashes: "Baghdad – one" stays a dash)
    ("\n", " "), ("\r", " "), ("\t", " "), ("\f", " "), ("\v", " "),
    ("\u00a0", " "), ("\u2007", " "), ("\u2009", " "), ("\u202f", " "), ("\u200a", " "),
)
"""One-for-one character replacements, so folding never moves an offset."""
_SPACE_RUN = re.compile(r"  +")
_SHORT_ACRONYM = re.compile(r"(?<![A-Za-z.])[A-Z]{2,3}(?![A-Za-z.])")
"""Short all-capital words (US, UK, UN, IS) must keep their case, or "US-backed" would fire on "us backed"."""

_BE = ("am", "is", "are", "was", "were", "be", "been", "being")
_DO = ("do", "does", "did")
_HAVE = ("have", "has", "had", "having")
_DO_NOT = ("don't", "doesn't", "didn't")
_FUNCTION_WORDS = frozenset(
    "a an the any no to that of on at in into onto out up off back down over about against for from with by as "
    "their his her its our your my them him it".split()
)
_SPACED_HYPHEN_BLOCKERS = frozenset(
    "so would could should will be is was were well all one two self half non re co ex".split()
)
_NO_INFLECTION_ENDINGS = ("ly", "ed", "ing", "ous", "ful", "less", "ish", "ive", "est")
_VOWELS = frozenset("aeiou")
_PLAIN, _NAMED, _CANCEL = 0, 1, 2
"""What a surface found in the text means: an entry's match, the epithet of a `{Name}` pattern, or an `unless` phrase."""


@dataclass(frozen=True)
class _Surface:
    """One concrete string the automaton looks for, and the entry it stands for."""

    key: str
    entry_index: int
    case_checks: tuple[tuple[int, str], ...]


@dataclass(frozen=True)
class Matcher:
    """A compiled lexicon. Picklable (pyahocorasick automata pickle), so it can go to worker processes."""

    entries: tuple[tuple[str, str], ...]  # (entry id, category) by index
    surfaces: int
    lexicon_version: str
    automaton: Any = field(compare=False, repr=False)
    rules: tuple[EntryRules | None, ...] = ()  # by entry index: its sense rules, if any


def compile_matcher(lexicon: Lexicon) -> Matcher:
    """Expand every entry into its surface forms and build one automaton over them.

    A key may stand for several things at once: one entry's match (the best-ranked entry that has it),
    the epithets of `{Name}` patterns, and `unless` phrases; each is checked on its own when found."""
    cancels: dict[str, list[int]] = {}
    for index, entry in enumerate(lexicon.entries):
        for phrase in entry.unless:
            for expanded in expand_pattern(" ".join(_replace_pairs(phrase).split()), lexicon.placeholders):
                for form in inflections(expanded):
                    for variant in hyphen_variants(form):
                        cancels.setdefault(_surface(index, variant).key, []).append(index)
    chosen: dict[str, tuple[int, int, _Surface]] = {}
    named: dict[str, list[_Surface]] = {}
    for index, entry in enumerate(lexicon.entries):
        for rank, surface in _entry_surfaces(index, entry, lexicon.placeholders):
            if index in cancels.get(surface.key, ()):
                continue  # the entry's own `unless` names this very form ("{party}-led")
            if entry.term.endswith(NAME_CLASS):
                named.setdefault(surface.key, []).append(surface)
                continue
            previous = chosen.get(surface.key)
            # An entry's own wording beats another entry's generated inflection; then file order decides.
            if previous is None or (rank, index) < previous[:2]:
                chosen[surface.key] = (rank, index, surface)
    options: dict[str, list[tuple[int, tuple[tuple[int, str], ...], int]]] = {}
    for key, (_rank, index, surface) in chosen.items():
        options.setdefault(key, []).append((index, surface.case_checks, _PLAIN))
    for key, surfaces in named.items():
        options.setdefault(key, []).extend((s.entry_index, s.case_checks, _NAMED) for s in dict.fromkeys(surfaces))
    for key, indices in cancels.items():
        options.setdefault(key, []).extend((index, (), _CANCEL) for index in dict.fromkeys(indices))
    automaton = ahocorasick.Automaton()
    for key, found in sorted(options.items()):
        automaton.add_word(key, (len(key), tuple(found)))
    if options:
        automaton.make_automaton()
    return Matcher(
        entries=tuple((entry.id, entry.category) for entry in lexicon.entries),
        surfaces=len(chosen) + len(named),
        lexicon_version=lexicon.version,
        automaton=automaton,
        rules=tuple(compile_entry_rules(lexicon, entry) for entry in lexicon.entries),
    )


def find_matches(matcher: Matcher, text: str, excluded: tuple[tuple[int, int], ...] = ()) -> tuple[Match, ...]:
    """Non-overlapping whole-word matches in `text`, longest first, none touching an excluded range."""
    if matcher.surfaces == 0 or not text:
        return ()
    folded_text = _fold(text)
    folded, origin = folded_text.text, folded_text.original
    candidates: list[tuple[int, int, int]] = []
    cancelled: list[tuple[int, int, int]] = []
    for last, (length, found) in matcher.automaton.iter(folded):
        start, stop = last + 1 - length, last + 1
        if not _at_word_boundaries(folded, start, stop):
            continue
        begin, end = _original_span(origin, start, stop)
        for entry_index, case_checks, role in found:
            if role == _CANCEL:
                cancelled.append((begin, end, entry_index))
                continue
            if case_checks and not _case_matches(text, origin, start, case_checks):
                continue
            match_end, folded_end = end, stop
            if role == _NAMED:
                name_end = name_after(text, begin, end)
                if name_end is None:
                    continue
                match_end, folded_end = name_end, stop + (name_end - end)  # a name holds no space runs to fold
            if any(begin < ex_end and match_end > ex_start for ex_start, ex_end in excluded):
                continue
            rules = matcher.rules[entry_index] if matcher.rules else None
            if rules is not None and not sense_allows(rules, folded, start, folded_end):
                continue
            candidates.append((begin, match_end, entry_index))
    if cancelled:  # an entry's `unless` phrase around a match means the neutral sense
        candidates = [c for c in candidates if not any(i == c[2] and b <= c[0] and c[1] <= e for b, e, i in cancelled)]
    return tuple(
        Match(start=begin, end=end, entry=matcher.entries[index][0], category=matcher.entries[index][1])
        for begin, end, index in _longest_first(candidates)
    )


def fold_text(text: str) -> tuple[str, tuple[int, ...] | None]:
    """Lower-case, unify apostrophes/hyphens/spaces and collapse space runs; map each folded char to its origin.

    The map is None when folding kept every character in place.
    """
    folded = _fold(text)
    if not folded.shift_starts:
        return folded.text, None
    return folded.text, tuple(folded.original(i) for i in range(len(folded.text)))


@dataclass(frozen=True)
class _Folded:
    """A folded text, and how far each of its characters moved left when space runs collapsed.

    From folded offset shift_starts[k] on, shifts[k] characters were dropped
    before: a few entries per article instead of fold_text's map of every
    character, which cost more to build than the search it serves."""

    text: str
    shift_starts: tuple[int, ...] = ()
    shifts: tuple[int, ...] = ()

    def original(self, offset: int) -> int:
        """The offset in the unfolded text of the folded character at `offset`."""
        k = bisect.bisect_right(self.shift_starts, offset) - 1
        return offset + self.shifts[k] if k >= 0 else offset


def _fold(text: str) -> _Folded:
    lowered = text.lower()
    if len(lowered) != len(text):  # e.g. 'İ' lowers to two characters: fold one by one, keeping the first
        lowered = "".join(ch.lower()[:1] or ch for ch in text)
    folded = _replace_pairs(lowered)
    if "  " not in folded:
        return _Folded(folded)
    shift_starts: list[int] = []
    shifts: list[int] = []
    dropped = 0
    for run in _SPACE_RUN.finditer(folded):  # each run keeps its first space
        dropped += run.end() - run.start() - 1
        shift_starts.append(run.end() - dropped)
        shifts.append(dropped)
    return _Folded(_SPACE_RUN.sub(" ", folded), tuple(shift_starts), tuple(shifts))


def _replace_pairs(text: str) -> str:
    """str.replace per pair present: several times faster than str.translate with a dict."""
    for old, new in _FOLD_PAIRS:
        if old in text:
            text = text.replace(old, new)
    return text


def _original_span(origin: Callable[[int], int], start: int, end: int) -> tuple[int, int]:
    return origin(start), origin(end - 1) + 1


def _at_word_boundaries(folded: str, start: int, end: int) -> bool:
    """Whole words only: no letter or digit may touch the match ("regime" is not in "regimented")."""
    if start > 0 and folded[start - 1].isalnum() and folded[start].isalnum():
        return False
    if end < len(folded) and folded[end].isalnum() and folded[end - 1].isalnum():
        return False
    if start > 1 and folded[start - 1] == "'" and folded[start - 2].isalnum():
        return False  # the tail of a contraction or possessive ("don't" does not contain "t")
    return True


def _case_matches(text: str, origin: Callable[[int], int], start: int, checks: tuple[tuple[int, str], ...]) -> bool:
    for offset, exact in checks:
        begin = origin(start + offset)
        if text[begin : begin + len(exact)] != exact:
            return False
    return True


def _longest_first(candidates: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """Keep the longest candidates that do not overlap a longer (or, at equal length, earlier) one."""
    kept_starts: list[int] = []
    kept: list[tuple[int, int, int]] = []
    for begin, end, index in sorted(set(candidates), key=lambda c: (c[0] - c[1], c[0], c[2])):
        position = bisect.bisect_right(kept_starts, begin)
        if position > 0 and kept[position - 1][1] > begin:
            continue
        if position < len(kept) and kept[position][0] < end:
            continue
        kept_starts.insert(position, begin)
        kept.insert(position, (begin, end, index))
    return kept


def _entry_surfaces(
    index: int, entry: LexiconEntry, placeholders: Sequence[tuple[str, tuple[str, ...]]]
) -> Iterable[tuple[int, _Surface]]:
    """Every (rank, surface) of one entry; rank 0 for its own wording, 1 for generated variants."""
    term = entry.term.removesuffix(NAME_CLASS) if entry.kind == "pattern" else entry.term  # the name is read after
    own = " ".join(_replace_pairs(term).split())
    for form in inflections(own):
        for variant in hyphen_variants(form):
            rank = 0 if variant == own else 1
            phrases = expand_pattern(variant, placeholders) if entry.kind == "pattern" else (variant,)
            for phrase in phrases:
                yield rank, _surface(index, phrase)


def _surface(index: int, phrase: str) -> _Surface:
    phrase = " ".join(phrase.split())
    checks = tuple((m.start(), m.group()) for m in _SHORT_ACRONYM.finditer(phrase))
    return _Surface(key=phrase.lower(), entry_index=index, case_checks=checks)


def hyphen_variants(form: str) -> tuple[str, ...]:
    """"Iran-backed" is also written "Iran backed"; "hard-liner" also "hardliner".

    No spaced variant when a part is a common function word: "would be" and "so called"
    are ordinary English, unlike "would-be" and "so-called".
    """
    if "-" not in form:
        return (form,)
    parts = set(re.split(r"[\s-]+", form.lower()))
    variants = [form]
    if not parts & _FUNCTION_WORDS and not parts & _SPACED_HYPHEN_BLOCKERS:
        variants.append(form.replace("-", " "))
    if form.islower() and "{" not in form:  # "hard-liner" -> "hardliner"; never "UNarmed" from "UN-armed"
        variants.append(form.replace("-", ""))
    return tuple(dict.fromkeys(variants))


def inflections(term: str) -> tuple[str, ...]:
    """Regular English inflections of a word, or of the head word of a phrase, including the term itself."""
    words = term.split(" ")
    first = words[0].lower()
    if len(words) == 1:
        if "-" in term:
            head, _, last = term.rpartition("-")
            return tuple(f"{head}-{form}" for form in _noun_forms(last))
        return _word_forms(term)
    rest = " ".join(words[1:])
    if first in _BE:
        return tuple(dict.fromkeys([term] + [f"{form} {rest}" for form in _BE]))
    if first in _HAVE:
        return tuple(dict.fromkeys([term] + [f"{form} {rest}" for form in _HAVE]))
    if first in _DO:
        forms = [term] + [f"{form} {rest}" for form in _DO]
        if words[1].lower() == "not" and len(words) > 2:
            forms += [f"{form} {' '.join(words[2:])}" for form in _DO_NOT]
        return tuple(dict.fromkeys(forms))
    second = words[1].lower()
    if second in _FUNCTION_WORDS or second == "not":
        return tuple(f"{form} {rest}" for form in _word_forms(words[0]))
    if first.endswith("ly") and len(words) == 2:  # "falsely claim": the verb is the second word
        return tuple(f"{words[0]} {form}" for form in _word_forms(words[1]))
    head = " ".join(words[:-1])
    return tuple(f"{head} {form}" for form in _noun_forms(words[-1]))


def _inflectable(word: str) -> bool:
    """Lower-case words and capitalised names of kinds ("Marxist" -> Marxists); never acronyms ("US")."""
    return len(word) >= 3 and word.isalpha() and word.isascii() and (word.islower() or word.istitle())


def _noun_forms(word: str) -> tuple[str, ...]:
    """The word and its plural, for the head of a noun phrase."""
    if not _inflectable(word) or word.endswith(("s",) + _NO_INFLECTION_ENDINGS):
        return (word,)
    return tuple(dict.fromkeys((word,) + _plurals(word)))


def _word_forms(word: str) -> tuple[str, ...]:
    """A word with its plural/third-person, past and -ing forms; over-generating is harmless, missing forms is not."""
    if not _inflectable(word) or word.endswith(_NO_INFLECTION_ENDINGS):
        return (word,)
    forms = [word, *_plurals(word)]
    stem_y = len(word) > 2 and word.endswith("y") and word[-2] not in _VOWELS
    if word.endswith("e"):
        forms.append(word + "d")
        forms.append(word[:-2] + "ying" if word.endswith("ie") else (word + "ing" if word.endswith("ee") else word[:-1] + "ing"))
    elif stem_y:
        forms += [word[:-1] + "ied", word + "ing"]
    elif word.endswith("c"):
        forms += [word + "ked", word + "king"]
    else:
        forms += [word + "ed", word + "ing"]
        if _ends_consonant_vowel_consonant(word):
            forms += [word + word[-1] + "ed", word + word[-1] + "ing"]
    return tuple(dict.fromkeys(forms))


def _plurals(word: str) -> tuple[str, ...]:
    if word.endswith("sis"):
        return (word[:-2] + "es",)
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return (word + "es",)
    if len(word) > 2 and word.endswith("y") and word[-2] not in _VOWELS:
        return (word[:-1] + "ies",)
    if word.endswith("man"):
        return (word[:-3] + "men",)
    if word.endswith("f"):
        return (word + "s", word[:-1] + "ves")
    if word.endswith("fe"):
        return (word + "s", word[:-2] + "ves")
    return (word + "s",)


def _ends_consonant_vowel_consonant(word: str) -> bool:
    """admit -> admitted, mob -> mobbed; stress is unknown, so both spellings are generated."""
    a, b, c = word[-3], word[-2], word[-1]
    return a not in _VOWELS and b in _VOWELS and c not in _VOWELS and c not in "wxy"
