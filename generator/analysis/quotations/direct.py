"""Direct quotations with their speakers.

Speakers, in order of precedence:
1. a cue after or before the quotation in its sentence (see `cues`);
2. a quotation with no cue that directly follows another quotation (same or next
   sentence) continues the previous speaker;
3. otherwise, when the quotation opens its sentence, the last person named in the
   previous sentence, outside quotations.
`Quotation.start`/`end` cover the words between the outer marks, marks excluded,
so `text[start:end] == quotation.text`; `words` leaves out editorial [insertions].
"""

from __future__ import annotations

from generator.analysis.quotations.facts import TextFacts
from generator.analysis.quotations.marks import raw_quotations
from generator.analysis.quotations.scare import is_scare_quote
from generator.analysis.quotations.speakers import last_person_before, resolve
from generator.analysis.results import ArticleText, Quotation
from generator.analysis.text.tokens import count_spoken_words


def find_quotations(text: ArticleText, facts: TextFacts | None = None) -> tuple[Quotation, ...]:
    """Every top-level direct quotation with its speaker, in text order.

    `facts`, if given, must be of this text; it is shared with later steps."""
    raws = raw_quotations(text)
    if not raws:
        return ()
    body = text.text
    facts = TextFacts.of(text, facts)
    sentences = facts.sentences
    ctx, cues = facts.context(raws)
    out: list[Quotation] = []
    previous: tuple[Quotation, int] | None = None  # the last quotation and its sentence index
    for raw, cue in zip(raws, cues):
        sentence_index = sentences.index(raw.start - 1)
        speaker, anonymous, affiliation, cue_text = None, False, None, ""
        if cue is not None:
            speaker, anonymous, affiliation = resolve(cue.subject, cue.start, ctx, sentences, sentence_index)
            cue_text = cue.cue
        elif previous is not None and previous[1] >= sentence_index - 1 and previous[0].speaker and not is_scare_quote(previous[0], text, sentences):
            speaker, anonymous, affiliation = previous[0].speaker, previous[0].anonymous, previous[0].affiliation
            cue_text = "(continues the previous quotation)"
        elif sentence_index > 0 and facts.first_words[sentence_index] >= raw.start - 1:
            s, e = sentences[sentence_index - 1]
            speaker = last_person_before(ctx, e, not_before=s)
            if speaker:
                affiliation = ctx.affiliation_of(speaker)
                cue_text = "(named in the previous sentence)"
        quotation = Quotation(
            start=raw.start,
            end=raw.end,
            text=body[raw.start : raw.end],
            speaker=speaker,
            anonymous=anonymous,
            cue=cue_text,
            words=count_spoken_words(body[raw.start : raw.end]),
            affiliation=affiliation,
        )
        out.append(quotation)
        previous = (quotation, sentences.index(raw.end))
    return tuple(out)
