"""Direct quotations, their speakers, scare quotes and attributed (indirect) sources.

Why: a loaded word inside a quotation is the speaker's framing, not the outlet's,
so voice assignment needs every quotation's exact span and its speaker.

One job per module:
- `marks`: pair quotation marks into quotations;
- `lines`: lines written like a headline or subhead (Title Case), where names and cues follow headline rules;
  `headline_labels`: the name in a headline's colon label when Title Case hides where it starts;
- `subjects`: the subject phrase before a speech verb, and what kind of source it names; `described`: a
  source described, not named ("an angry Lee retorted"); `open_description`: a description left open by a
  missing comma;
- `names`: the people an article names, their full names and where they are mentioned; `name_shape`: the
  last check that a person's speaker is one name;
- `verbs`, `clauses`, `lead`, `frames`: speech verbs found once per article, subjects apart from their verb,
  the head of a sentence, and clauses of purpose, manner and aspect around a speech verb;
- `cues`: the words that introduce a quotation (after it, before it, a tweet's signature);
- `speakers`: who a cue's subject is (names, pronouns, "the statement", institutions);
- `facts`: what the steps share for one article (`TextFacts`);
- `sentence_sources`, `introductions`, `whose_words`: sources a quotation's sentence or the one before gives
  without a cue beside it (a colon, a statement introduced, a holder's noun of speech);
- `scare`: scare quotes; `uses`: what a stretch in marks is (someone's words, a scare quote, a title);
  `scare_evidence`: a scare quote read in its neighbourhood, made someone's words when anything says so;
- `direct`: quotations with speakers; `attributions`: indirect sources.
"""

from generator.analysis.quotations.attributions import find_attributions
from generator.analysis.quotations.direct import find_quotations
from generator.analysis.quotations.facts import TextFacts
from generator.analysis.quotations.names import canonical_name
from generator.analysis.quotations.scare import find_scare_quotes, is_scare_quote
from generator.analysis.quotations.subjects import analyse_subject

__all__ = [
    "TextFacts",
    "analyse_subject",
    "canonical_name",
    "find_attributions",
    "find_quotations",
    "find_scare_quotes",
    "is_scare_quote",
]
