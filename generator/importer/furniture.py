"""Scraped page furniture: lines a web page puts around an article that are not the article.

Scrapers keep photo captions and credits, slideshow counters, bylines and timestamps, a
dateline set as a line of its own, "Read more" and "Related" links with their lists of
headlines, and "follow us" lines. Left in the body, they feed the analysis: a caption's
credit becomes a speaker, a counter becomes a number. Each rule here matches one *kind* of
line by its form, and a line is removed only when the whole line has that form; a sentence
that mentions a photo, or a real one-line paragraph, stays. Every removed line is returned
word for word, so the draft's notes can list it and an editor can restore it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_AGENCY = r"(?:REUTERS|Reuters|AFP|AP|EPA|EPA-EFE|UPI|Getty Images|Getty|Shutterstock|Bloomberg|Pool|Handout|Xinhua)"
_NAME_WORD = r"(?:[A-Z][\w’'.-]*|[A-Z]\.|de|da|van|von|der|del|la|le|bin|al|and|&)"
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_WEEKDAY = r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?"
_LABELS = (
    r"read more|read also|also read|read next|more|more from [^:»›|]{1,40}|more on this(?: story)?|related|related coverage|"
    r"related (?:stories|articles|content|links|news|reading|topics)|recommended(?: reading| stories)?|see also|"
    r"most read|most popular|trending(?: now)?|top stories|what to read next|editor['’]?s picks|"
    r"you may also like|you might also like|further reading|also on [^:»›|]{1,40}"
)

RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("photo caption", re.compile(r"^(?:FILE PHOTO|FILE|PHOTO|Photo|IMAGE|Image|Caption|CAPTION|Pictured|PICTURED)\s*:\s*\S")),
    ("photo credit", re.compile(r"^(?:Photo(?:graph)?s?|Image|Picture)\s+(?:by|courtesy of|credit:?)\s+[A-Z][^.!?]{0,80}$", re.I)),
    ("photo credit", re.compile(r"^(?:Credit|Photo credit|Image credit|Source)\s*:\s*[^.!?]{0,80}" + _AGENCY + r"[^.!?]{0,40}$")),
    ("photo caption", re.compile(r"^.*\((?:[A-Z]{2,} )?(?:Photo|Photograph|Picture|Image)s?\s*(?::|/|by)\s*[^()]{1,80}\)\s*$")),
    ("photo caption", re.compile(r"^(?:.*\s)?" + _AGENCY + r"/[A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*){0,3}(?:/(?:File(?: Photo)?|Pool|Handout|Illustration))?\)?\s*$")),
    ("photo caption", re.compile(r"^.*\b(?:via|/)\s*Getty Images\)?\s*$")),
    ("slideshow counter", re.compile(r"^(?:Slideshow|Gallery|Photo gallery|Photos|Images)\s*\(\d+\s+(?:Images?|Photos?|Pictures?|Slides?)\)\s*$", re.I)),
    ("slideshow counter", re.compile(r"^(?:(?:Photo|Image|Picture|Slide)\s+)?\d{1,3}\s+of\s+\d{1,3}\s*$", re.I)),
    ("slideshow counter", re.compile(r"^(?:View|See|Open|Launch)\s+(?:the\s+)?(?:full\s+)?(?:photo\s+)?(?:gallery|slideshow|photos|images)\b[^.!?]{0,30}$", re.I)),
    ("byline", re.compile(r"^(?:By|BY)\s+" + _NAME_WORD + r"(?:[ ,]+" + _NAME_WORD + r"){0,9}(?:\s*[,|/–—-]\s*[A-Z][\w’'.&-]*(?: [A-Z][\w’'.&-]*){0,4})*\s*$")),
    ("byline", re.compile(r"^[A-Z][\w’'.-]+(?: [A-Z][\w’'.-]+){1,3}(?:(?:,| and) [A-Z][\w’'.-]+(?: [A-Z][\w’'.-]+){1,3})*,\s+(?:[A-Z]{2,}(?: [A-Z]{2,}){0,3})\s*$")),
    ("timestamp", re.compile(r"^(?:Published|Updated|Posted|Last updated|First published)(?: on| at)?:?\s+(?:\d|" + _MONTH + r"|" + _WEEKDAY + r")[^!?]{0,110}$")),
    ("dateline", re.compile(r"^[A-Z][A-Z’'.-]+(?: [A-Z][A-Z’'.-]+){0,3}(?:, [A-Z][A-Za-z.]+)?(?: \((?:[A-Za-z .-]{2,20})\)\s*(?:—|–|--|-)?|\s*(?:—|–|--|-))\s*$")),
    ("read-more link", re.compile(r"^(?:" + _LABELS + r")\s*[:»›|]\s*\S", re.I)),
    ("read-more link", re.compile(r"^(?:read|continue reading|click|tap|see|watch|listen)\b[^.!?]{0,50}\bhere\s*[.!:…]*\s*$", re.I)),
    ("read-more link", re.compile(r"^(?:read more|continue reading|read the (?:rest|full (?:story|article|report|interview))|full (?:story|coverage))\s*[.!:…»›]*\s*$", re.I)),
    ("follow line", re.compile(r"^(?:Follow|Contact|Email|Reach)\s[^.!?]{0,80}(?:@\w+|\bon (?:Twitter|X|Facebook|Instagram|Threads|Bluesky))[^!?]{0,40}$")),
    ("newsletter line", re.compile(r"^(?:Sign up|Subscribe)\b[^!?]{0,80}\b(?:newsletter|here|today)\b\s*[.!]*\s*$", re.I)),
)
"""(kind, pattern) in order; the first kind whose pattern matches a whole line names it."""

LIST_LABEL = re.compile(r"^(?:" + _LABELS + r")\s*[:»›|]?\s*$", re.I)
"""A label on a line of its own ("Related Coverage") introduces a list of headlines."""
_BULLET = re.compile(r"^[•·▪►▶»–-]\s+")
_INLINE_COUNTER = re.compile(r"\s*\bSlideshow \(\d+ Images?\)\s*")
MIN_BULLET_RUN = 3


def headline_like(line: str) -> bool:
    """A short line that reads as a headline: a capital first, no full stop or comma at the end."""
    bare = _BULLET.sub("", line).strip()
    words = bare.split()
    ends_open = bare.endswith("...") or not bare.endswith((".", ",", ";", ":"))
    return 2 <= len(words) <= 20 and len(bare) <= 160 and bare[:1].isupper() and ends_open


def classify(line: str) -> str | None:
    """The kind of furniture this whole line is, or None for a line of the article."""
    stripped = line.strip()
    if not stripped or len(stripped) > 300:
        return None
    for kind, pattern in RULES:
        if pattern.match(stripped):
            return kind
    if LIST_LABEL.match(stripped):
        return "related headlines"
    return None


@dataclass(frozen=True)
class Furniture:
    """The text with furniture lines taken out, what was taken (kind, line), and a dateline that
    stood on a line of its own at the start, if any."""

    text: str
    removed: tuple[tuple[str, str], ...]
    dateline: str | None = None


def remove_furniture(text: str) -> Furniture:
    """Take out every furniture line, and each list of headlines after a "Related" label."""
    lines = text.split("\n")
    kinds: list[str | None] = [classify(line) for line in lines]
    _mark_headline_lists(lines, kinds)
    removed: list[tuple[str, str]] = []
    kept: list[str] = []
    dateline: str | None = None
    seen_text = False
    for line, kind in zip(lines, kinds):
        if kind is None:
            cleaned = _INLINE_COUNTER.sub(" ", line) if "Slideshow (" in line else line
            if cleaned != line:
                removed.extend(("slideshow counter", m.strip()) for m in _INLINE_COUNTER.findall(line))
                cleaned = " ".join(cleaned.split())
            kept.append(cleaned)
            seen_text = seen_text or bool(line.strip())
            continue
        if kind == "dateline" and not seen_text and dateline is None:
            dateline = re.sub(r"\s*(?:—|–|--|-)\s*$", "", line.strip())
        removed.append((kind, line.strip()))
    return Furniture("\n".join(kept), tuple(removed), dateline)


def _mark_headline_lists(lines: list[str], kinds: list[str | None]) -> None:
    """Headline-like lines after a list label, and runs of bulleted headlines, are a list of links."""
    index = 0
    while index < len(lines):
        if kinds[index] == "related headlines":
            follow = index + 1
            while follow < len(lines) and (not lines[follow].strip() or (kinds[follow] is None and headline_like(lines[follow]))):
                if lines[follow].strip():
                    kinds[follow] = "related headlines"
                follow += 1
            index = follow
            continue
        run = _bullet_run(lines, kinds, index)
        if len(run) >= MIN_BULLET_RUN:
            for number in run:
                kinds[number] = "related headlines"
            index = run[-1] + 1
            continue
        index += 1


def _bullet_run(lines: list[str], kinds: list[str | None], start: int) -> list[int]:
    run: list[int] = []
    index = start
    while index < len(lines):
        line = lines[index].strip()
        if not line:
            index += 1
            continue
        if kinds[index] is not None or not _BULLET.match(line) or not headline_like(line):
            break
        run.append(index)
        index += 1
    return run


def describe_removed(removed: tuple[tuple[str, str], ...]) -> str:
    """One note listing each removed line word for word, so an editor can put one back."""
    listed = "; ".join(f'{kind} "{line}"' for kind, line in removed)
    return f"taken out as page furniture (put back any that belongs to the article): {listed}"
