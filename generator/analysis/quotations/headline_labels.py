"""The speaker a headline names before a colon when Title Case hides where the name starts.

Why: headlines put a speaker's description and name before a colon ("Port Challenger Ann Lee: Close the
Ferry, ‘…’", "Hacker Guccifer: …"), and since a headline capitalises every word, the description cannot be
told from the name by its case. The article's own prose can tell them apart: the speaker is the longest end of
the label that the body writes as it stands ("Ann Lee", "Guccifer"), and each word left out before it is one the
body writes in lower case (a description: "challenger", "hacker") or capitalised as a name ("McCain"). A label
holding any other word ("Report Debunks Lee: …"), or a function word before the name ("Board Chair On Lee:
…", where Lee is the topic), is a clause, not a speaker's label, and names no one here.
"""

from __future__ import annotations

import re

from generator.analysis.quotations.subjects import FUNCTION_WORDS

_LABEL = re.compile(r"\s*(?P<label>[A-Z][\w.’'\-]*(?:\s+[A-Z][\w.’'\-]*){1,5}):\s")
"""Two to six capitalised words that open the headline before a colon."""


def _written(word: str, body: str) -> bool:
    return re.search(rf"(?<![\w’'\-]){re.escape(word)}(?![\w’'\-])", body) is not None


def labelled_name(text: str, line_start: int, open_mark: int, line_end: int) -> tuple[int, int] | None:
    """Where the name in a headline's colon label starts and ends, when description words stand before it;
    None when the label is a name as it stands, or holds a word the body neither writes in lower case nor as a
    capitalised name."""
    label = _LABEL.match(text, line_start, open_mark)
    if label is None:
        return None
    body = text[line_end:]
    words = list(re.finditer(r"\S+", label.group("label")))
    if _written(label.group("label"), body):
        return None  # the whole label is a name the article writes: the ordinary colon rule reads it
    for first in range(1, len(words)):
        name = label.group("label")[words[first].start() :]
        dropped = [w.group() for w in words[:first]]
        if any(w.lower() in FUNCTION_WORDS for w in dropped):
            return None  # "Board Chair On Lee": the name after a preposition is the topic, not the speaker
        if _written(name, body) and all(_written(w.lower(), body) or _written(w, body) for w in dropped):
            return label.start("label") + words[first].start(), label.end("label")
    return None
