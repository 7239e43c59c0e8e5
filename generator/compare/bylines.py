"""What distinctive words leave out: an outlet's own names and its page's furniture, which tell nothing of framing.

Two kinds of exclusion:
- terms left out of every outlet's counts: the event's outlets' ids, acronyms,
  one-word names and web domains ("cnn", "afp", "politico", "mehrnews"), the
  last word of their longer names ("times", "post", "news": the first, often a
  place, "New York", "Washington", is left out only where the whole name
  stands), honorifics a house
  style puts before every name ("mr", "mrs"), news agencies' tags ("ap",
  "reuters"), plain reporting verbs ("said", "says") and dotted abbreviations
  ("u.s", "u.n"), which are a house's style, not a choice of words;
- occurrences subtracted from the article they are in: the outlets' full
  names ("Fox News", "the Washington Post", "the Times"), the article's
  dateline ("WASHINGTON —", "DES MOINES, Iowa (AP) —") and byline ("By Ann
  Lee", the front matter's `author` and `dateline`), and credit lines
  ("Photo: ...", "(Getty Images)", "Reporting by ...", "Editing by ...").
The rest of the text is counted as before, so "New York" in a story about its
primary still counts where "The New York Times" does not.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cached_property
from itertools import compress, repeat
from collections.abc import Iterable, Mapping

from generator.analysis.terms import term_occurrences
from generator.model import Article, Outlet

AGENCY_TAGS = frozenset(
    "ap afp reuters upi dpa efe ansa xinhua tass ria kyodo yonhap ani pti ians irna isna mna fars tasnim bloomberg cnn".split()
)
"""News agencies' and networks' tags, which bylines and datelines carry ("(AP)", "(CNN)") whatever the story."""
COURTESY = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr"})
"""Honorifics a house style puts before every name ("Mr. Trump"): they tell a house, not a framing."""
NEUTRAL_ATTRIBUTION = frozenset("said says say told tells added adds according".split())
"""Plain reporting verbs: "says" against "said" is a house's tense, not a framing (loaded ones, "claimed",
"insisted", stay)."""
_DOTTED = re.compile(r"^[a-z](?:\.[a-z])+$")
_PAREN_ACRONYM = re.compile(r"\(([A-Z]{2,})\)")
_ACRONYM = re.compile(r"\b[A-Z]{2,}\b")
_DATELINE = re.compile(
    r"^(?:[A-Z][A-Z.'’-]+(?:[ \t]+[A-Z][A-Z.'’-]+)*)(?:,[ \t]+[A-Z][\w.]*(?:[ \t]+[A-Z][\w.]*)*)?"
    r"(?:[ \t]*\([A-Za-z .]+\))?[ \t]*(?:[—–:]|--|-[ \t])"
)
"""An all-capitals place at a paragraph's start, perhaps with its state and an agency tag, then a dash or colon."""
_BYLINE = re.compile(r"^(?:By|BY)[ \t]+[A-Z][^\n]{0,80}$", re.MULTILINE)
_CREDIT_OPENING = (r"(?:Photo|Photos|Image|Images|Video|Credit|Credits|Caption|Reporting|Editing|Additional reporting|"
                   r"Contributing|Writing|Source|Sources|File photo)(?::|\s+by\b)")
_CREDIT_LINE = re.compile(r"(?:^|(?<=[.!?] ))" + _CREDIT_OPENING + r"[^\n]{0,200}$", re.MULTILINE)
"""A credit: a line (or a paragraph's last sentences) that opens with "Photo:", "Reporting by" and the like."""
_CREDIT_WORDS = re.compile(_CREDIT_OPENING)
"""The opening every credit holds, searched for first: a scan for its literal words is far cheaper than one
that tries a line start or a sentence end at every offset, and most texts hold no credit."""
_WORD_CHARACTER = re.compile(r"\w")
_CREDIT_PARENTHESIS = re.compile(r"\((?:[^()\n]{0,60}(?:Photo|Getty Images|AFP|AP|Reuters|EPA|Image)[^()\n]{0,60})\)")


def outlet_terms(outlets: Iterable[Outlet]) -> frozenset[str]:
    """Terms no outlet's distinctive words may be: the outlets' own names and the house style around them."""
    terms: set[str] = set(AGENCY_TAGS | COURTESY | NEUTRAL_ATTRIBUTION)
    for outlet in outlets:
        terms.update(part for part in outlet.id.split("-") if part)
        name_words = [w for w in term_occurrences(re.sub(r"\([^)]*\)", "", outlet.name))[0] if w != "the"]
        if name_words:  # a one-word name, or the last of a longer one ("times", "post"): the outlet's short name
            terms.add(name_words[-1])
        terms.update(m.lower() for m in _PAREN_ACRONYM.findall(outlet.name))
        for domain in outlet.domains:
            labels = domain.lower().split(".")
            terms.update(label for label in labels[:-1] if label not in ("www", "en", "com", "co"))
        for signature in outlet.signatures:
            terms.update(m.lower() for m in _ACRONYM.findall(signature))
    return frozenset(terms)


def excluded(term: str, terms: frozenset[str]) -> bool:
    """Whether a word or phrase is left out: one of `terms`, holds one, or is a dotted abbreviation."""
    if " " in term:
        words = term.split(" ")
        return not terms.isdisjoint(words) or ("." in term and any(_DOTTED.match(word) for word in words))
    return term in terms or ("." in term and _DOTTED.match(term) is not None)


@dataclass(frozen=True)
class OutletNames:
    """The outlets' names as `name_pattern` finds them, with the case-folded names a text must hold for the
    pattern to find anything: most articles name no outlet, and a substring test is far cheaper than the
    pattern's case-insensitive scan."""

    source: str
    folded: tuple[str, ...]

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        """Compiled when a text first holds a name: each event has its own set of outlets, and most of an
        event's articles name none of them."""
        return re.compile(self.source)

    def occurrences(self, text: str) -> list[str]:
        folded = text.casefold()
        if len(folded) == len(text) and not any(name in folded for name in self.folded):
            return []
        return [m.group(0) for m in self.pattern.finditer(text)]


def name_pattern(outlets: Iterable[Outlet]) -> OutletNames | None:
    """The outlets' names in any case ("Fox News", "FOX NEWS"), and "the Times", "the Post" as written."""
    names: set[str] = set()
    short: set[str] = set()
    for outlet in outlets:
        name = re.sub(r"\s*\([^)]*\)", "", outlet.name).strip()
        bare = name[4:] if name.startswith("The ") else name
        names.update({name, bare})
        words = bare.split()
        if len(words) > 1:
            short.add("the " + words[-1])
    names.discard("")
    if not names:
        return None
    full = "|".join(map(re.escape, sorted(names, key=len, reverse=True)))
    shorter = "|".join(map(re.escape, sorted(short, key=len, reverse=True)))
    source = r"(?<!\w)(?:(?i:" + full + r")" + (f"|{shorter}" if shorter else "") + r")(?!\w)"
    return OutletNames(source, tuple(sorted({n.casefold() for n in names | short})))


def furniture_counts(article: Article, text: str, outlets: Iterable[Outlet] | OutletNames | None
                     ) -> tuple[Counter[str], Counter[str]]:
    """The words and phrases of an article's outlet names, dateline, byline and credits, as often as they
    occur: what its counts must lose. `outlets` may be given as their `name_pattern`, made once per event."""
    pieces: list[str] = []
    names = outlets if outlets is None or isinstance(outlets, OutletNames) else name_pattern(outlets)
    if names is not None:
        pieces.extend(names.occurrences(text))
    for paragraph in text.split("\n\n", 3)[1:3]:  # the dateline opens the first paragraph or two of the body
        if m := _DATELINE.match(paragraph):
            pieces.append(m.group(0))
    if "By" in text or "BY" in text:  # what every byline opens with
        pieces.extend(m.group(0) for m in _BYLINE.finditer(text))
    if _CREDIT_WORDS.search(text):
        pieces.extend(m.group(0) for m in _CREDIT_LINE.finditer(text))
    pieces.extend(m.group(0) for m in _CREDIT_PARENTHESIS.finditer(text))
    for known in (article.author, article.dateline):
        if known:
            pieces.extend(known for _ in range(_whole_occurrences(known, text)))
    words: Counter[str] = Counter()
    phrases: Counter[str] = Counter()
    for piece in pieces:
        piece_words, piece_phrases = term_occurrences(piece)
        words.update(piece_words)
        phrases.update(piece_phrases)
    return words, phrases


def _whole_occurrences(part: str, text: str) -> int:
    """How often `part` stands in `text` with no word character just before or after it: what
    `re.finditer(r"(?<!\\w)" + re.escape(part) + r"(?!\\w)", text)` finds, without compiling a pattern per
    article (each article has its own author)."""
    found = 0
    start = text.find(part)
    while start >= 0:
        end = start + len(part)
        if (start == 0 or not _WORD_CHARACTER.match(text, start - 1)) and not _WORD_CHARACTER.match(text, end):
            found += 1
            start = text.find(part, end)
        else:
            start = text.find(part, start + 1)
    return found


def without_furniture(counts: Mapping[str, int], furniture: Mapping[str, int], terms: frozenset[str]) -> Counter[str]:
    """`counts` less the furniture's occurrences, without excluded terms and without terms left at zero.

    This runs for every term of every outlet, so `excluded` is asked in C: of single words, only the few of
    `terms` the counts hold are removed; of phrases, each is split in C (a word's split is the word itself,
    so `isdisjoint` asks the same of both); the dotted-abbreviation test runs only on terms with a full stop."""
    kept: Counter[str] = Counter(counts)
    kept_keys = list(kept)
    listed = "\n".join(kept_keys)
    if " " in listed:
        kept = Counter(dict(compress(kept.items(), map(terms.isdisjoint, map(str.split, kept, repeat(" "))))))
    else:
        for term in terms.intersection(kept):
            del kept[term]
    if "." in listed:  # each term is one line of `listed` unless one holds a line break (none does, but then ask each)
        dotted = _lines_holding(listed, ".") if listed.count("\n") == len(kept_keys) - 1 else [t for t in kept_keys if "." in t]
        for term in dotted:
            if term in kept and any(_DOTTED.match(word) for word in term.split(" ")):
                del kept[term]
    for term, minus in furniture.items():
        if term in kept:
            left = kept[term] - minus
            if left <= 0:
                del kept[term]
            else:
                kept[term] = left
    return kept


def _lines_holding(text: str, mark: str) -> list[str]:
    """The lines of `text` holding `mark`, each found by one `find` and read once."""
    found = []
    at = text.find(mark)
    while at >= 0:
        end = text.find("\n", at)
        end = len(text) if end < 0 else end
        found.append(text[text.rfind("\n", 0, at) + 1 : end])
        at = text.find(mark, end)
    return found
