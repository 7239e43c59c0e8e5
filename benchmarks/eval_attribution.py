"""Score quotations, speakers, scare quotes and voice against PolNeAR's human attributions.

"Whose words are these?" is what the site promises: a loaded word inside a
quotation is the speaker's framing, not the outlet's. PolNeAR (Newell, Margolin
and Ruths 2018, LREC) annotates every attribution in 840 real political news
articles from 7 publishers: who (source) is said (cue) to have said what
(content). Each article goes through the real pipeline (Article -> Markdown ->
analyse_article with the project's lexicon) and is scored, overall and per
publisher. The data is read in place and never copied (../shared/eval/README.md).

Gold quotations are the stretches between quotation marks (double marks, ''
written as two straight single marks, curly single marks, and straight single
marks used as quotation marks) of which more than half lies inside some
attribution's content; nested marks belong to the outer stretch, and a
quotation that runs over paragraphs (each reopened with a mark) is one stretch.
"Inside" and "matches" always mean "more than half of the characters", so a
boundary that differs by a mark or a comma does not matter.

- quotations: a found quotation matches a gold stretch when it covers more than
  half of it; matching is one to one, largest overlap first. Precision is over
  all the project's quotations, recall over all gold stretches (those that
  cannot be aligned with the analysed text count as missed, and are counted).
- speaker accuracy: over matched gold quotations whose source names someone
  (`surname` below says what a name is), the share whose found speaker has the
  same surname; no speaker, or a speaker with no name ("officials"), is wrong.
- no-speaker share: matched quotations the project left without any speaker.
- scare quotes: the share of the project's scare quotes that lie inside a gold
  attribution's content (so they are someone's words, not the outlet's label).
- voice: of the framing highlights outside the headline, the share whose voice
  (quotation or narration) agrees with whether they lie inside a gold quotation.
- speakers across boundaries: of all the project's quotations with a speaker,
  how many speakers hold a line break or two all-capitals words, or are written
  in the text only across a line break (a headline, caption or subhead glued to
  a name); there should be none.

The articles are split once, by a hash of each article's id, into a development
set (four fifths of each publisher's articles) and a held-out set (the other
fifth, `held_out_ids`): rules are developed on the first, and the second is
only measured, never read for errors (`--errors` refuses it).

Usage: python benchmarks/eval_attribution.py [--jsonl PATH] [--content DIR] [--split dev|held-out|all]
       [--limit N] [--publisher NAME] [--errors N] [--write-results]
"""

from __future__ import annotations

import argparse
import datetime as dt
import difflib
import hashlib
import json
import pathlib
import re
import sys
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, fields

REPO = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import yaml  # noqa: E402

from generator.analysis.article import analyse_article  # noqa: E402
from generator.analysis.matcher import Matcher, compile_matcher  # noqa: E402
from generator.analysis.results import ArticleAnalysis  # noqa: E402
from generator.lexicon import load_lexicon  # noqa: E402
from generator.model import Article  # noqa: E402

DEFAULT_JSONL = REPO.parent / "shared" / "eval" / "polnear" / "train.jsonl"
RESULTS_PATH = REPO / "generator" / "measured" / "attribution.json"
CITATION = "Newell, Margolin and Ruths (2018), An Attribution Relations Corpus for Political News, LREC 2018"

# ------------------------------------------------------------------ the article


_MARKDOWN_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")
"""All ASCII punctuation: CommonMark lets a backslash escape any of it, and it then stands for itself."""
_BLANK_LINE = re.compile(r"\n[ \t\u00a0]*\n")


def escape_markdown(paragraph: str) -> str:
    """The paragraph as Markdown whose text is the paragraph itself: no emphasis, links, lists or headings."""
    return _MARKDOWN_PUNCTUATION.sub(r"\\\1", paragraph)


def blocks_of(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of the headline (the first line) and of each paragraph (separated by blank lines)."""
    first_line = text.find("\n")
    if first_line == -1:
        return ((0, len(text)),) if text.strip() else ()
    found = [(0, first_line)]
    start = first_line + 1
    for separator in [*_BLANK_LINE.finditer(text, first_line), None]:
        end = separator.start() if separator else len(text)
        while start < end and text[start].isspace():
            start += 1
        stop = end
        while stop > start and text[stop - 1].isspace():
            stop -= 1
        if stop > start:
            found.append((start, stop))
        if separator:
            start = separator.end()
    return tuple(found)


def article_from_record(record: Mapping[str, object]) -> Article:
    """A PolNeAR record as the pipeline's Article: the first line is the title, the paragraphs the Markdown body."""
    text = str(record["text"])
    blocks = blocks_of(text)
    title = text[blocks[0][0] : blocks[0][1]] if blocks else ""
    body = "\n\n".join(escape_markdown(text[start:end]) for start, end in blocks[1:])
    return Article(
        slug=str(record["id"]),
        title=title,
        outlet=str(record["publisher"]),
        published=dt.date.fromisoformat(str(record["date"])),
        event=None,
        body=body,
        path=f"polnear/{record['id']}",
        body_line=1,
    )


# ------------------------------------------------------------- gold quotations


@dataclass(frozen=True)
class Stretch:
    """The characters between an opening and a closing quotation mark (marks excluded)."""

    start: int
    end: int
    mark: str  # "double", "single" (curly) or "straight single"


_MARKS = re.compile(r"''|[“”\"‘’']")
"""Two straight single marks are one double mark: the New York Times texts in PolNeAR write ''quotations'' so."""
_OPENS_AFTER = frozenset(" \t\n\u00a0([{—–-/")


def _can_open(text: str, i: int, block_start: int, first: int | None = None) -> bool:
    """A mark (ending at i, starting at `first`) opens at the start of a block or after a space, an opening
    bracket or a dash, and before a non-space."""
    first = i if first is None else first
    before_ok = first == block_start or text[first - 1] in _OPENS_AFTER
    return before_ok and i + 1 < len(text) and not text[i + 1].isspace()


def _can_close(text: str, i: int, block_end: int) -> bool:
    """A single mark closes after a non-space and before a non-letter (so "don't" and "’90s" are not marks)."""
    return not text[i - 1].isspace() and (i + 1 >= block_end or not text[i + 1].isalnum())


def quote_stretches(text: str, blocks: Sequence[tuple[int, int]] | None = None) -> tuple[Stretch, ...]:
    """Top-level quotation stretches, block by block (the whole text is one block unless `blocks` says otherwise).

    Double marks (“…”, "…", ''…'', mixed) pair with each other; single marks pair only
    outside double marks and inside one block. A block that ends inside a double
    quotation continues it when the next block starts with an opening double
    mark (the typographic convention for a quotation over several paragraphs);
    otherwise the stretch ends with the block.
    """
    blocks = ((0, len(text)),) if blocks is None else blocks
    found: list[Stretch] = []
    carried: int | None = None
    for index, (block_start, block_end) in enumerate(blocks):
        double: int | None = carried
        single: tuple[int, str] | None = None
        carried = None
        for m in _MARKS.finditer(text, block_start, block_end):
            i, mark = m.start(), m.group()
            width = len(mark) if mark == "''" or mark in "“”\"" else 0
            if double is not None:
                if i == block_start and double < block_start:
                    continue  # the mark that reopens a quotation carried over from the last block
                if mark in ("”", '"', "''"):
                    if i > double:
                        found.append(Stretch(double, i, "double"))
                    double = None
                continue  # marks nested inside a double quotation belong to it
            if width:
                if mark == "“" or (mark != "”" and _can_open(text, i + width - 1, block_start, i)):
                    double, single = i + width, None  # an open single mark before it was an apostrophe
                continue
            if mark in "‘'" and single is None and _can_open(text, i, block_start):
                single = (i + 1, "single" if mark == "‘" else "straight single")
            elif single is not None and mark == ("’" if single[1] == "single" else "'") and _can_close(text, i, block_end):
                if i > single[0]:
                    found.append(Stretch(single[0], i, single[1]))
                single = None
        if double is not None:
            following = blocks[index + 1][0] if index + 1 < len(blocks) else None
            if following is not None and text.startswith(("“", '"', "''"), following):
                carried = double
            elif block_end > double:
                found.append(Stretch(double, block_end, "double"))
    return tuple(found)


@dataclass(frozen=True)
class GoldQuotation:
    start: int
    end: int
    mark: str
    source: str  # the annotated source's words ("" when the annotators gave none)
    cue: str
    source_at: int | None  # where the source starts in the text, if there is one
    surname: str | None  # the source's name, by `surname`; None when it names no one


def _spans(attribution: Mapping[str, Sequence[Mapping[str, object]]], role: str) -> list[tuple[int, int]]:
    return [(int(span["start"]), int(span["end"])) for span in attribution.get(role, ())]  # type: ignore[call-overload]


def overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    return max(0, min(a_end, b_end) - max(a_start, b_start))


def covered(start: int, end: int, ranges: Iterable[tuple[int, int]]) -> int:
    """How many characters of [start, end) lie in the union of `ranges`."""
    marks = bytearray(end - start)
    for s, e in ranges:
        for k in range(max(s, start), min(e, end)):
            marks[k - start] = 1
    return sum(marks)


def mostly_inside(start: int, end: int, ranges: Iterable[tuple[int, int]]) -> bool:
    """More than half of [start, end) lies in the union of `ranges`."""
    return end > start and 2 * covered(start, end, ranges) > end - start


def lowercase_words(text: str) -> frozenset[str]:
    return frozenset(w for w in re.findall(r"[a-z][a-z'’\-]*", text))


def gold_quotations(record: Mapping[str, object]) -> tuple[GoldQuotation, ...]:
    """The stretches of which more than half is inside some attribution's content, each with that attribution.

    Where several attributions hold a stretch (one reported inside another), the
    one covering most of it wins, and among equals the one with the shortest
    content: the innermost, whose source spoke the words."""
    text = str(record["text"])
    attributions = list(record["attributions"])  # type: ignore[call-overload]
    contents = [_spans(a, "content") for a in attributions]
    everything = [span for spans in contents for span in spans]
    common = lowercase_words(text)
    out: list[GoldQuotation] = []
    for stretch in quote_stretches(text, blocks_of(text)):
        if not mostly_inside(stretch.start, stretch.end, everything):
            continue
        best = min(
            range(len(attributions)),
            key=lambda k: (-covered(stretch.start, stretch.end, contents[k]), sum(e - s for s, e in contents[k])),
        )
        source = " ".join(text[s:e] for s, e in _spans(attributions[best], "source"))
        cue = " ".join(text[s:e] for s, e in _spans(attributions[best], "cue"))
        source_at = min((s for s, _ in _spans(attributions[best], "source")), default=None)
        out.append(GoldQuotation(stretch.start, stretch.end, stretch.mark, source, cue, source_at, surname(source, common)))
    return tuple(out)


# ---------------------------------------------------------------------- names

_ROLE_WORDS = frozenset(
    "president vice senator sen sens representative rep reps congressman congresswoman governor gov mayor mr mrs ms "
    "miss dr secretary speaker chairman chairwoman chair director chief leader leaders judge justice attorney general "
    "gen lt col sgt adm rev prime minister former then ex first lady candidate candidates nominee "
    "spokesman spokeswoman spokesperson aide aides adviser advisers advisor advisors official officials source sources "
    "critic critics supporter supporters voter voters analyst analysts expert experts people staff staffer staffers "
    "strategist strategists operative operatives delegate delegates donor donors member members".split()
)
"""Titles and roles: they say what someone is, not who."""
_GROUP_WORDS = frozenset(
    "democrat democrats democratic republican republicans gop conservative conservatives liberal liberals progressive "
    "progressives independent independents libertarian libertarians evangelical evangelicals american americans".split()
)
"""Parties, movements and nationalities as groups: "the Wisconsin Republican" names no one."""
_NOT_NAMES = _ROLE_WORDS | _GROUP_WORDS | frozenset(
    # pronouns, determiners and quantifiers that start a sentence
    "i he she it we they you him her his hers its our their them us me my your who whom which what that this these "
    "those someone somebody anyone everyone everybody nobody one both each all many some most few several others other "
    "another neither either none the a an and or but of for in on at to by with from as if when while after before "
    "us u.s usa uk "
    # days and months
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july august "
    "september october november december".split()
)
_PARTICLES = frozenset(("de", "da", "di", "van", "von", "der", "la", "le", "bin", "al", "del", "du", "st."))
_SUFFIXES = frozenset(("jr", "jr.", "sr", "sr.", "ii", "iii", "iv"))
_PERSON_HEADS = _ROLE_WORDS | _GROUP_WORDS | frozenset(
    "spokespeople surrogate surrogates lawyer lawyers attorneys manager managers pollster pollsters friend friends "
    "son daughter wife husband ally allies loyalist loyalists backer backers fan fans representatives person "
    "insider insiders senators governors congressmen lawmaker lawmakers legislator legislators".split()
)
"""Words for a person: "a Trump aide" or "the Florida senator" is someone unnamed there, not Trump or Florida."""
_PARENTHESES = re.compile(r"\([^)]*\)")
_TOKEN = re.compile(r"[^\s,;:]+|[,;:]")
_POSSESSIVE = re.compile(r"['’]s?$")


def _bare(token: str) -> str:
    return token.strip("\"“”‘’'.()[]!?").rstrip("'’")


def is_name_word(token: str) -> bool:
    """A capitalised word (or an acronym like CNN) that is not a pronoun, a title, a role or a group."""
    word = _POSSESSIVE.sub("", _bare(token))
    if not word or not word[0].isupper():
        return False
    if word.lower().rstrip(".") in _NOT_NAMES | _SUFFIXES or word.lower() in _NOT_NAMES:
        return False
    return any(c.islower() for c in word) or (len(word) >= 2 and word.isalpha())


_LINKS = frozenset(
    "of from at in on for with who whose which that and or but as , ; : ( - — – himself herself itself".split()
)


def _stands_alone_before(token: str) -> bool:
    """Whether a name followed by `token` stands on its own ("Baldwin of Wisconsin", "Cruz, who") rather than
    modifying a noun ("Clinton spokesman", "Florida Gov.")."""
    return token.lower() in _LINKS


def surname(phrase: str, common_words: frozenset[str] = frozenset()) -> str | None:
    """The name a source phrase gives, reduced to its last word ("Sen. Ted Cruz (R-Texas)" -> "Cruz"), or None.

    Names are runs of `is_name_word` words (particles such as "de" inside them,
    suffixes such as "Jr." skipped). A run that only modifies what follows
    ("Clinton spokesman Brian Fallon", "Trump's campaign manager") gives way to a
    later run that stands alone ("Brian Fallon"); with no such run, the phrase
    names an organisation after the modifier ("the Trump campaign" -> "Trump")
    unless it ends in a word for a person ("a Trump spokeswoman": someone
    unnamed). The first word counts as a name only if its lower-case form is
    not a word of the article (`common_words`): "Critics" starting a sentence
    is not a name.
    """
    tokens = _TOKEN.findall(_PARENTHESES.sub(" ", phrase))
    runs: list[tuple[list[str], bool]] = []  # (words, whether the run only modifies what follows it)
    complements: set[int] = set()  # runs (by index) inside a prepositional phrase: "at Lehigh", "of the Federal Bureau"
    current: list[str] = []
    for index, token in enumerate(tokens):
        bare = _bare(token)
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        is_name = is_name_word(token) and not (index == 0 and bare.lower() in common_words)
        if is_name:
            if not current and _after_preposition(tokens, index):
                complements.add(len(runs))
            current.append(token)
            possessive = bool(_POSSESSIVE.search(token.rstrip(".,")))
            if possessive or following is None:
                runs.append((current, possessive))
                current = []
            continue
        lower = bare.lower()
        if current and lower in _SUFFIXES:
            continue
        if current and lower in _PARTICLES and following is not None and is_name_word(following):
            current.append(token)
            continue
        if current:
            runs.append((current, not _stands_alone_before(token)))
            current = []
    if current:
        runs.append((current, False))  # a name the phrase ends with, after a suffix such as "Jr."
    standing = [words for words, modifier in runs if not modifier]
    heads = [words for index, (words, modifier) in enumerate(runs) if not modifier and index not in complements]
    if heads:
        words = heads[0]  # "his best friend at Lehigh, Bruce Turry" -> "Turry", not "Lehigh"
    elif standing:
        words = standing[0]
    elif runs and _POSSESSIVE.sub("", _bare(tokens[-1])).lower().rstrip(".") not in _PERSON_HEADS:
        words = runs[-1][0]
    else:
        return None
    return _POSSESSIVE.sub("", _bare(words[-1])) or None


_PREPOSITIONS = frozenset("of at for from in with by on to".split())
_DETERMINERS = frozenset("the a an".split())


def _after_preposition(tokens: list[str], index: int) -> bool:
    """Whether the name word at `index` opens a prepositional phrase ("at Lehigh", "of the Federal Bureau"):
    such a name says where or what the source belongs to, while a name outside one is the source itself."""
    before = index - 1
    if before >= 0 and tokens[before].lower() in _DETERMINERS:
        before -= 1
    return before >= 0 and tokens[before].lower() in _PREPOSITIONS


def same_surname(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and a.casefold().replace("’", "'") == b.casefold().replace("’", "'")


# ------------------------------------------------------------------ alignment


def align(source: str, target: str) -> tuple[int | None, ...]:
    """For each character of `source`, its offset in `target`, or None where it has no counterpart.

    The analysed text is the source with whitespace moved about (blank lines,
    line ends), so a walk that skips unmatched whitespace aligns it; anything
    else is resynchronised with difflib on what is left."""
    mapping: list[int | None] = [None] * len(source)
    i = j = 0
    while i < len(source) and j < len(target):
        if source[i] == target[j]:
            mapping[i] = j
            i += 1
            j += 1
        elif source[i].isspace():
            i += 1
        elif target[j].isspace():
            j += 1
        else:
            break
    if i < len(source) and j < len(target):
        matcher = difflib.SequenceMatcher(None, source[i:], target[j:], autojunk=False)
        for block in matcher.get_matching_blocks():
            for k in range(block.size):
                mapping[i + block.a + k] = j + block.b + k
    return tuple(mapping)


def map_span(mapping: Sequence[int | None], source: str, target: str, start: int, end: int) -> tuple[int, int] | None:
    """[start, end) of `source` in `target`, or None when the two texts do not say the same there."""
    first = next((k for k in range(start, end) if mapping[k] is not None and not source[k].isspace()), None)
    last = next((k for k in range(end - 1, start - 1, -1) if mapping[k] is not None and not source[k].isspace()), None)
    if first is None or last is None:
        return None
    lead = len(source[start:first])
    mapped_start, mapped_end = mapping[first], mapping[last]
    assert mapped_start is not None and mapped_end is not None
    mapped_end += 1 + (end - 1 - last)
    mapped_start -= lead
    if mapped_start < 0 or mapped_end > len(target) or mapped_end <= mapped_start:
        return None
    if "".join(source[start:end].split()) != "".join(target[mapped_start:mapped_end].split()):
        return None
    return mapped_start, mapped_end


# ------------------------------------------------------------------- matching


def match_one_to_one(gold: Sequence[tuple[int, int]], found: Sequence[tuple[int, int]]) -> dict[int, int]:
    """gold index -> found index: a found span matches a gold one when it covers more than half of it;
    each is used once, the largest overlaps first."""
    pairs = sorted(
        (
            (-overlap(gs, ge, fs, fe), g, f)
            for g, (gs, ge) in enumerate(gold)
            for f, (fs, fe) in enumerate(found)
            if 2 * overlap(gs, ge, fs, fe) > ge - gs
        ),
    )
    matched: dict[int, int] = {}
    used: set[int] = set()
    for _, g, f in pairs:
        if g not in matched and f not in used:
            matched[g] = f
            used.add(f)
    return matched


# -------------------------------------------------------------------- scoring


@dataclass(frozen=True)
class Tally:
    """Counts from which every figure is computed; adding two tallies pools their articles."""

    articles: int = 0
    gold_quotations: int = 0
    gold_unaligned: int = 0
    found_quotations: int = 0
    matched: int = 0
    matched_without_speaker: int = 0
    named: int = 0  # matched gold quotations whose source names someone
    speaker_correct: int = 0
    speaker_other_name: int = 0
    speaker_unnamed: int = 0  # a speaker with no name in it ("officials", "a spokesman")
    speaker_none: int = 0
    scare_quotes: int = 0
    scare_quotes_attributed: int = 0
    voiced_spans: int = 0
    voice_agrees: int = 0
    voiced_lexicon_spans: int = 0  # the same two, scare quotes left out
    voice_agrees_lexicon: int = 0
    speakers_found: int = 0  # the project's quotations (someone's words) with a speaker, matched or not
    speakers_across_boundaries: int = 0  # of those, speakers glued across a line (see crosses_a_boundary)
    person_speakers: int = 0  # confident speakers the project calls a person
    person_speakers_not_a_name: int = 0  # of those, strings that are not one name (see is_a_name)

    def __add__(self, other: Tally) -> Tally:
        return Tally(**{f.name: getattr(self, f.name) + getattr(other, f.name) for f in fields(self)})


@dataclass(frozen=True)
class Example:
    """One error, for the terminal only (never written to a file: it holds a few words of the article)."""

    kind: str
    publisher: str
    article: str
    offset: int
    detail: str


@dataclass(frozen=True)
class ArticleScore:
    publisher: str
    tally: Tally
    examples: tuple[Example, ...]


def _words_around(text: str, start: int, end: int, before: int = 6, after: int = 8) -> str:
    """A few words either side of [start, end) and the first words inside, on one line."""
    head = " ".join(text[:start].split()[-before:])
    inner = text[start:end].split()
    inside = " ".join(inner[:5]) + (" …" if len(inner) > 5 else "")
    tail = " ".join(text[end:].split()[:after])
    return f"…{head} [{inside}] {tail}…"


_SPEAKER_ERRORS = {
    "speaker_none": "speaker: found none",
    "speaker_unnamed": "speaker: found no name",
    "speaker_other_name": "speaker: found a different name",
}


def score_article(record: Mapping[str, object], analysis: ArticleAnalysis) -> ArticleScore:
    """Compare one analysed article with its gold attributions."""
    source, target = str(record["text"]), analysis.text.text
    publisher, article_id = str(record["publisher"]), str(record["id"])
    mapping = align(source, target)
    gold = gold_quotations(record)
    placed = [map_span(mapping, source, target, g.start, g.end) for g in gold]
    aligned = tuple((g, span) for g, span in zip(gold, placed) if span is not None)
    contents = [span for a in record["attributions"] for span in _spans(a, "content")]  # type: ignore[attr-defined]
    placed_contents = [p for p in (map_span(mapping, source, target, s, e) for s, e in contents) if p is not None]
    examples: list[tuple[str, int, str]] = [
        ("gold quotation not aligned", g.start, f"source offsets {g.start}-{g.end}") for g, span in zip(gold, placed) if span is None
    ]
    quotation_counts = _score_quotations(aligned, analysis, examples)
    span_counts = _score_spans(analysis, [span for _, span in aligned], placed_contents, examples)
    tally = Tally(articles=1, gold_quotations=len(gold), gold_unaligned=len(gold) - len(aligned), **quotation_counts, **span_counts)
    return ArticleScore(publisher, tally, tuple(Example(kind, publisher, article_id, offset, detail) for kind, offset, detail in examples))


def _score_quotations(
    aligned: Sequence[tuple[GoldQuotation, tuple[int, int]]], analysis: ArticleAnalysis, examples: list[tuple[str, int, str]]
) -> Counter[str]:
    """Quotations found and matched, and their speakers; errors go to `examples` as (kind, offset, detail)."""
    target = analysis.text.text
    found = tuple(q for q in analysis.quotations if q.use == "quotation")  # scare quotes and titles are no one's words
    matched = match_one_to_one([span for _, span in aligned], [(q.start, q.end) for q in found])
    counts: Counter[str] = Counter(found_quotations=len(found))
    for position, (g, (start, end)) in enumerate(aligned):
        if position not in matched:
            examples.append((f"quotation missed ({g.mark} marks)", start, f"{_words_around(target, start, end)}  gold source: {g.source!r}"))
            continue
        quotation = found[matched[position]]
        counts["matched"] += 1
        counts["matched_without_speaker"] += quotation.speaker is None
        if g.surname is None:
            continue
        counts["named"] += 1
        found_surname = surname(quotation.speaker) if quotation.speaker else None
        if same_surname(found_surname, g.surname):
            counts["speaker_correct"] += 1
            continue
        kind = "speaker_none" if quotation.speaker is None else "speaker_unnamed" if found_surname is None else "speaker_other_name"
        counts[kind] += 1
        detail = f"gold source: {g.source!r} (cue {g.cue!r})  found: {quotation.speaker!r} (cue {quotation.cue!r})"
        examples.append((_SPEAKER_ERRORS[kind], start, f"{_words_around(target, start, end)}  {detail}"))
    common = lowercase_words(target)
    for quotation in found:
        if quotation.speaker and quotation.speaker_kind == "person" and quotation.confident:
            counts["person_speakers"] += 1
            if not is_a_name(quotation.speaker, common):
                counts["person_speakers_not_a_name"] += 1
                examples.append(("speaker: not a name", quotation.start, f"{quotation.speaker!r} (cue {quotation.cue!r})"))
        if quotation.speaker:
            counts["speakers_found"] += 1
            if crosses_a_boundary(quotation.speaker, target):
                counts["speakers_across_boundaries"] += 1
                examples.append(("speaker: across a boundary", quotation.start, f"{quotation.speaker!r} (cue {quotation.cue!r})"))
    unmatched = set(range(len(found))) - set(matched.values())
    for index in sorted(unmatched):
        extra = found[index]
        examples.append(("quotation not in gold", extra.start, f"{_words_around(target, extra.start, extra.end)}  rule: {extra.rule or '-'}, speaker {extra.speaker!r}"))
    return counts


_SHOUTED = re.compile(r"[A-Z][A-Z’'\-]*[A-Z]")
_INITIAL = re.compile(r"[A-Z]\.?")


def is_a_name(phrase: str, common_words: frozenset[str] = frozenset()) -> bool:
    """Whether a person's speaker string is one name, by this benchmark's own word rules: at most five words,
    each a name word (`is_name_word`: not a title, role, group, pronoun or function word), a particle, a
    suffix or an inner initial; no possessive before its last word; no word the article writes in lower
    case ("Journalist Ann Lee", "Maybe Trump" and "Hillary Clinton Slams Donald Trump" are not)."""
    tokens = _PARENTHESES.sub(" ", phrase).split()
    if not tokens or len(tokens) > 5:
        return False
    if any(_POSSESSIVE.search(t.rstrip(".,")) and t.rstrip(".,")[-2:] in ("'s", "’s") for t in tokens[:-1]):
        return False
    if _INITIAL.fullmatch(tokens[-1].rstrip(",")):
        return False
    for token in tokens:
        bare = _bare(token).lower()
        if not (is_name_word(token) or bare in _PARTICLES or bare in _SUFFIXES or _INITIAL.fullmatch(token)):
            return False
        if bare in common_words and bare not in _PARTICLES and not _INITIAL.fullmatch(token):
            return False  # a word of prose inside ("Slams"); now and then a name that is also a word ("Will")
    return True


def crosses_a_boundary(speaker: str, text: str) -> bool:
    """Whether a speaker's name runs across a paragraph, headline, caption or subhead: it holds a line break
    or two all-capitals words ("CITES TAX Ryan"), or every place the text writes its words has a line break
    between them ("Over Zika Virus" + line break + "Chris Christie")."""
    words = speaker.split()
    if "\n" in speaker or sum(1 for w in words if _SHOUTED.fullmatch(w)) >= 2:
        return True
    if len(words) < 2:
        return False
    written = [m.group() for m in re.finditer(r"\s+".join(re.escape(w) for w in words), text)]
    return bool(written) and all("\n" in w for w in written)


def _score_spans(
    analysis: ArticleAnalysis,
    gold_spans: Sequence[tuple[int, int]],
    contents: Sequence[tuple[int, int]],
    examples: list[tuple[str, int, str]],
) -> Counter[str]:
    """Scare quotes inside attributed content, and the voice of every highlight outside the headline."""
    target = analysis.text.text
    counts: Counter[str] = Counter()
    for span in analysis.spans:
        scare = span.category == "scare_quotes"
        inner_start, inner_end = (span.start + 1, span.end - 1) if scare else (span.start, span.end)  # a scare quote's marks
        if scare:
            counts["scare_quotes"] += 1
            if mostly_inside(inner_start, inner_end, contents):
                counts["scare_quotes_attributed"] += 1
                examples.append(("scare quote inside an attribution", span.start, _words_around(target, inner_start, inner_end)))
        if span.voice == "headline":
            continue
        gold_voice = "quotation" if mostly_inside(inner_start, inner_end, gold_spans) else "narration"
        agrees = gold_voice == span.voice
        counts["voiced_spans"] += 1
        counts["voice_agrees"] += agrees
        counts["voiced_lexicon_spans"] += not scare
        counts["voice_agrees_lexicon"] += agrees and not scare
        if not agrees:
            examples.append((f"voice: {gold_voice} taken for {span.voice}", span.start, f"{span.category}: {_words_around(target, span.start, span.end)}"))
    return counts


# -------------------------------------------------------------------- figures

FIGURES = (
    "quotation_f1",
    "quotation_precision",
    "quotation_recall",
    "speaker_accuracy",
    "no_speaker_share",
    "scare_quotes_attributed_share",
    "voice_agreement",
)
EXPLANATIONS = {
    "quotation_f1": "How well the quotations found agree with the quotations people marked, balancing the two figures below (1 is perfect).",
    "quotation_precision": "Of the passages the site shows as quotations, the share that people also marked as someone's quoted words.",
    "quotation_recall": "Of the quotations that people marked as someone's words, the share the site also finds as quotations.",
    "speaker_accuracy": "Of the found quotations whose speaker people named, the share where the site names the same person (same surname); no name counts as wrong.",
    "no_speaker_share": "Of the found quotations that people also marked, the share for which the site names no speaker at all.",
    "scare_quotes_attributed_share": "Of the words the site calls scare quotes (the outlet's own label in quotation marks), the share that people marked as a source's quoted words instead.",
    "voice_agreement": "Of the highlighted framing words outside the headline, the share whose voice (the outlet's narration or a quotation) matches what people marked.",
}


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def figures(t: Tally) -> dict[str, float | None]:
    """Every figure of FIGURES from a tally; None where there is nothing to divide."""
    precision = _share(t.matched, t.found_quotations)
    recall = _share(t.matched, t.gold_quotations)
    f1 = 2 * precision * recall / (precision + recall) if precision and recall else (0.0 if precision is not None and recall is not None else None)
    return {
        "quotation_f1": f1,
        "quotation_precision": precision,
        "quotation_recall": recall,
        "speaker_accuracy": _share(t.speaker_correct, t.named),
        "no_speaker_share": _share(t.matched_without_speaker, t.matched),
        "scare_quotes_attributed_share": _share(t.scare_quotes_attributed, t.scare_quotes),
        "voice_agreement": _share(t.voice_agrees, t.voiced_spans),
    }


def _fraction(part: int, whole: int) -> str:
    return f"{part / whole:.3f} ({part}/{whole})" if whole else f"n/a (0/{whole})"


def report(t: Tally, label: str) -> str:
    f = figures(t)
    f1 = f"{f['quotation_f1']:.3f}" if f["quotation_f1"] is not None else "n/a"
    return "\n".join(
        [
            f"{label}: {t.articles} articles, {t.gold_quotations} gold quotations ({t.gold_unaligned} not aligned, counted as missed), "
            f"{t.found_quotations} found",
            f"  quotations: precision {_fraction(t.matched, t.found_quotations)}, recall {_fraction(t.matched, t.gold_quotations)}, F1 {f1}",
            f"  speaker accuracy (gold source names someone): {_fraction(t.speaker_correct, t.named)}; "
            f"wrong: other name {t.speaker_other_name}, a speaker with no name {t.speaker_unnamed}, none {t.speaker_none}",
            f"  matched quotations without a speaker: {_fraction(t.matched_without_speaker, t.matched)}",
            f"  scare quotes inside a gold attribution: {_fraction(t.scare_quotes_attributed, t.scare_quotes)}",
            f"  voice agreement (highlights outside the headline): {_fraction(t.voice_agrees, t.voiced_spans)}; "
            f"lexicon highlights alone (scare quotes left out): {_fraction(t.voice_agrees_lexicon, t.voiced_lexicon_spans)}",
            f"  speakers across a line or with two all-caps words: {t.speakers_across_boundaries} of {t.speakers_found} speakers found",
            f"  confident person speakers that are not one name: {_fraction(t.person_speakers_not_a_name, t.person_speakers)}",
        ]
    )


def table(rows: Sequence[tuple[str, Tally]]) -> str:
    """A Markdown table, counts beside shares, one row per group."""
    lines = [
        "| publisher | articles | gold quotations | found | precision | recall | F1 | speaker accuracy | no speaker | scare quotes attributed | voice agreement |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for name, t in rows:
        f = figures(t)
        f1 = f"{f['quotation_f1']:.3f}" if f["quotation_f1"] is not None else "n/a"
        lines.append(
            f"| {name} | {t.articles} | {t.gold_quotations} | {t.found_quotations} | {_fraction(t.matched, t.found_quotations)} | "
            f"{_fraction(t.matched, t.gold_quotations)} | {f1} | {_fraction(t.speaker_correct, t.named)} | "
            f"{_fraction(t.matched_without_speaker, t.matched)} | {_fraction(t.scare_quotes_attributed, t.scare_quotes)} | "
            f"{_fraction(t.voice_agrees, t.voiced_spans)} |"
        )
    return "\n".join(lines)


def _rounded(values: Mapping[str, float | None]) -> dict[str, float | None]:
    return {name: (round(value, 4) if value is not None else None) for name, value in values.items()}


SPLIT_LABELS = {"dev": "development set (4/5)", "held-out": "held-out set (1/5)"}


def results_document(
    total: Tally, groups: Mapping[str, Tally], command: str, today: dt.date, splits: Mapping[str, Tally] | None = None
) -> dict[str, object]:
    """The results file's content (generator/measured/attribution.json): the whole data set, the two
    splits (`splits`, by SPLITS name) as their own groups, then each publisher."""
    splits = splits or {}
    per_group = {SPLIT_LABELS[name]: _rounded(figures(t)) for name, t in splits.items()}
    per_group.update({name: _rounded(figures(t)) for name, t in sorted(groups.items())})
    return {
        "benchmark": "eval_attribution",
        "dataset": f"PolNeAR train ({total.articles} articles, {len(groups)} publishers)",
        "dataset_citation": CITATION,
        "date": today.isoformat(),
        "command": command,
        "figures": _rounded(figures(total)),
        "explanations": dict(EXPLANATIONS),
        "per_group": per_group,
        "counts": {
            "overall": _counts(total),
            "split": {name: _counts(t) for name, t in splits.items()},
            "publisher": {name: _counts(t) for name, t in sorted(groups.items())},
        },
    }


def _counts(t: Tally) -> dict[str, int]:
    return {f.name: getattr(t, f.name) for f in fields(t)}


# ----------------------------------------------------------------------- main


HELD_OUT_SHARE = 5
"""One article in this many of each publisher's is held out."""
SPLITS = ("dev", "held-out", "all")


def held_out_ids(records: Iterable[Mapping[str, object]]) -> frozenset[str]:
    """The held-out fifth: of each publisher's articles, those whose id hashes lowest (sha1), one in HELD_OUT_SHARE.

    Chosen by the ids alone, so the split is the same on every run and for every version of the analysis."""
    by_publisher: dict[str, list[str]] = {}
    for record in records:
        by_publisher.setdefault(str(record["publisher"]), []).append(str(record["id"]))
    held: set[str] = set()
    for ids in by_publisher.values():
        ranked = sorted(ids, key=lambda i: hashlib.sha1(i.encode("utf-8")).hexdigest())
        held.update(ranked[: len(ranked) // HELD_OUT_SHARE])
    return frozenset(held)


def read_all(path: pathlib.Path) -> list[dict[str, object]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def select_records(
    records: Sequence[dict[str, object]], split: str, publisher: str | None, limit: int | None
) -> Iterator[dict[str, object]]:
    """The records of one split (SPLITS), perhaps of one publisher, at most `limit` of them, in file order."""
    held = held_out_ids(records)
    taken = 0
    for record in records:
        if limit is not None and taken >= limit:
            return
        if publisher is not None and record["publisher"] != publisher:
            continue
        if split != "all" and (str(record["id"]) in held) != (split == "held-out"):
            continue
        taken += 1
        yield record


def load_matcher(content: pathlib.Path) -> tuple[Matcher, str, tuple[str, ...]]:
    """The project's lexicon as the build loads it (site.yaml's list of files), compiled."""
    files = yaml.safe_load((content / "site.yaml").read_text(encoding="utf-8"))["lexicon"]
    lexicon, problems = load_lexicon(content, files)
    if lexicon is None:
        raise SystemExit("\n".join(str(p) for p in problems))
    return compile_matcher(lexicon), lexicon.version, tuple(c.id for c in lexicon.categories)


def _sample(examples: Sequence[Example], n: int) -> list[Example]:
    """n examples spread over the articles, the same ones every run."""
    return sorted(examples, key=lambda e: hashlib.sha1(f"{e.article}:{e.offset}".encode()).hexdigest())[:n]


def _print_errors(examples: Sequence[Example], n: int) -> None:
    kinds = Counter(e.kind for e in examples)
    print("\nerrors by kind:")
    for kind, count in kinds.most_common():
        by_publisher = Counter(e.publisher for e in examples if e.kind == kind)
        print(f"  {count:5}  {kind}   ({', '.join(f'{p} {c}' for p, c in sorted(by_publisher.items()))})")
    if n:
        for kind, _ in kinds.most_common():
            print(f"\n== {kind}")
            for e in _sample([e for e in examples if e.kind == kind], n):
                print(f"  [{e.publisher}] {e.detail}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--jsonl", type=pathlib.Path, default=DEFAULT_JSONL, help="PolNeAR train.jsonl (read in place)")
    parser.add_argument("--content", type=pathlib.Path, default=REPO / "content", help="content folder with site.yaml and lexicon/")
    parser.add_argument("--split", choices=SPLITS, default="dev", help="the development set (default), the held-out fifth, or all")
    parser.add_argument("--limit", type=int, default=None, metavar="N", help="only the first N articles (after --split and --publisher)")
    parser.add_argument("--publisher", default=None, metavar="NAME", help="only this publisher's articles (e.g. nyt)")
    parser.add_argument("--errors", type=int, default=0, metavar="N", help="print N examples of each kind of error (terminal only; dev set only)")
    parser.add_argument("--write-results", action="store_true", help="write generator/measured/attribution.json (whole data set, both splits)")
    args = parser.parse_args(argv)
    if not args.jsonl.is_file():
        parser.error(f"{args.jsonl}: not found (see ../shared/eval/README.md)")
    if args.write_results and (args.limit is not None or args.publisher is not None):
        parser.error("--write-results measures the whole data set: leave out --limit and --publisher")
    split = "all" if args.write_results else args.split
    if args.errors and split != "dev":
        parser.error("--errors shows the development set only: the held-out fifth is measured, never read")
    matcher, version, categories = load_matcher(args.content)
    records = read_all(args.jsonl)
    held = held_out_ids(records)
    total = Tally()
    groups: dict[str, Tally] = {}
    by_split: dict[str, dict[str, Tally]] = {"dev": {}, "held-out": {}}
    examples: list[Example] = []
    for record in select_records(records, split, args.publisher, args.limit):
        analysis = analyse_article(article_from_record(record), matcher, version, categories)
        scored = score_article(record, analysis)
        part = by_split["held-out" if str(record["id"]) in held else "dev"]
        total += scored.tally
        groups[scored.publisher] = groups.get(scored.publisher, Tally()) + scored.tally
        part[scored.publisher] = part.get(scored.publisher, Tally()) + scored.tally
        if str(record["id"]) not in held:
            examples.extend(scored.examples)
    print(f"lexicon version {version}")
    for name, part in by_split.items():
        if not part:
            continue
        pooled = sum(part.values(), Tally())
        print(f"\n## {name} set\n")
        print(report(pooled, name))
        print()
        print(table([*sorted(part.items()), ("all", pooled)]))
    if split == "all":
        print("\n## both sets\n")
        print(report(total, "all"))
    if split == "dev":
        _print_errors(examples, args.errors)
    if args.write_results:
        command = "python benchmarks/eval_attribution.py " + " ".join(sys.argv[1:] if argv is None else argv)
        splits = {name: sum(part.values(), Tally()) for name, part in by_split.items() if part}
        document = results_document(total, groups, command.strip(), dt.date.today(), splits)
        RESULTS_PATH.parent.mkdir(parents=True, exist_ok=True)
        RESULTS_PATH.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"\nwrote {RESULTS_PATH}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
