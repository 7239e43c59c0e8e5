"""What the quotation, attribution and number steps each work out from one article's text, worked out once.

Each fact is worked out on first use and kept, so steps given the same TextFacts
share them: analyse_article passes one to find_quotations and find_attributions
(and its sentences to find_numbers). Every fact follows from the text alone, so
sharing changes no result; without one, each step makes its own.
"""

from __future__ import annotations

from functools import cached_property

from generator.analysis.quotations.cues import Cue, find_cue
from generator.analysis.quotations.marks import RawQuote, raw_quotations
from generator.analysis.quotations.name_shape import NameCheck
from generator.analysis.quotations.names import NamePool, canonical_name, people_named, person_mentions
from generator.analysis.quotations.speakers import Context
from generator.analysis.quotations.verbs import SpeechVerbs
from generator.analysis.results import ArticleText
from generator.analysis.text.sentences import Sentences, article_sentences
from generator.analysis.text.tokens import WORD


class TextFacts:
    """Sentences, named people and quotation cues of one article, each found on first use."""

    def __init__(self, text: ArticleText) -> None:
        self.text = text
        self.affiliations: dict[str, str | None] = {}  # full name -> title before it, found on request
        self._cues: dict[RawQuote, Cue | None] = {}
        self._contexts: dict[tuple[RawQuote, ...], tuple[Context, list[Cue | None]]] = {}

    @cached_property
    def sentences(self) -> Sentences:
        return article_sentences(self.text)

    @cached_property
    def first_words(self) -> tuple[int, ...]:
        """Where each sentence's first word starts (its end when it has none)."""
        text = self.text.text
        found = []
        for start, end in self.sentences.bounds:
            m = WORD.search(text, start, end)
            found.append(m.start() if m else end)
        return tuple(found)

    @cached_property
    def _speech_words(self) -> tuple[SpeechVerbs, SpeechVerbs]:
        return SpeechVerbs.both(self.text.text, [(raw.start, raw.end) for raw in self.raws])

    @property
    def verbs(self) -> SpeechVerbs:
        return self._speech_words[0]

    @property
    def attributing(self) -> SpeechVerbs:
        """Words outside quotations that attribute their sentence's content to someone (nouns of speech, belief)."""
        return self._speech_words[1]

    @cached_property
    def raw_starts(self) -> list[int]:
        """Where each quotation of `raws` starts, in order, for binary search."""
        return [raw.start for raw in self.raws]

    @cached_property
    def raws(self) -> list[RawQuote]:
        """Every top-level quotation of the text, before speakers are known."""
        return raw_quotations(self.text)

    @cached_property
    def names(self) -> NameCheck:
        """What the text says about names, for the last check of person speakers (name_shape)."""
        return NameCheck(self.text.text)

    @cached_property
    def pool(self) -> NamePool:
        return NamePool(self.text.text, self.names.is_whole_name, tuple((raw.start, raw.end) for raw in self.raws))

    @cached_property
    def people(self) -> dict[str, str]:
        """Each way a person is written outside quotation cues, to their full name."""
        names: dict[str, str] = {}
        for written in people_named(self.text.text):
            if written not in names:
                key = canonical_name(written, self.pool)
                names[written] = key
                names.setdefault(key, key)
        return names

    def context(self, raws: list[RawQuote]) -> tuple[Context, list[Cue | None]]:
        """The resolution context for these quotations and their cues, built once: find_quotations and
        find_attributions usually ask for the same ones."""
        key = tuple(raws)
        if key not in self._contexts:
            self._contexts[key] = self._build_context(raws)
        return self._contexts[key]

    def _build_context(self, raws: list[RawQuote]) -> tuple[Context, list[Cue | None]]:
        """Every quotation's cue; the people named in cues and elsewhere give the mentions pronouns refer to.

        A name maps to canonical_name(name) wherever it was found, so the people
        named in cues and elsewhere can be merged in any order."""
        cues = [self.cue(raw) for raw in raws]
        names = dict(self.people)
        for cue in cues:
            if cue and cue.subject.name:
                key = canonical_name(cue.subject.name, self.pool)
                names[cue.subject.name] = names[key] = key
        text = self.text.text
        positions, found = person_mentions(text, names, [(r.start, r.end) for r in raws])
        return Context(text, self.pool, positions, found, self.affiliations, tuple((r.start, r.end) for r in raws)), cues

    def cue(self, raw: RawQuote) -> Cue | None:
        """The cue that introduces a quotation, if any."""
        if raw not in self._cues:
            self._cues[raw] = find_cue(self.text.text, raw, self.sentences, self.verbs, self.text.headline_end, self.attributing)
        return self._cues[raw]

    @classmethod
    def of(cls, text: ArticleText, facts: TextFacts | None) -> TextFacts:
        """The facts a step was given, checked to be of `text`; new ones if it was given none."""
        if facts is None:
            return cls(text)
        if facts.text != text:
            raise ValueError("these TextFacts are of another text")
        return facts
