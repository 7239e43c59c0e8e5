"""Plain-text articles: the outlet from its signature, the dateline, paragraphs, and the
licence footer or source line moved out of the body into front matter.

What the text cannot tell (title, publication date) stays unknown, so the draft carries
placeholders for a person to fill.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.importer.draft import ArticleDraft, markdown_body
from generator.importer.furniture import describe_removed, remove_furniture
from generator.importer.outlets import Detection, OutletRule, detect_outlet, find_rule
from generator.importer.paragraphs import blocks_of, paragraphs_of

_DATELINE = re.compile(
    r"^(?P<dateline>[A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,3}(?:, [A-Za-z0-9 .]{2,30}?)?(?: \([A-Za-z .-]{2,20}\))?)"
    r"\s*(?:—|–|--| -)\s*"
)
_SOURCE_LINE = re.compile(r"^Source\s*»\s*(?P<source>\S.*?)\s*$")
_INITIALS = re.compile(r"\s+(?P<initials>[A-Z]{1,4}(?:/[A-Z]{1,4})+)\s*$")
_LICENCE_WORD = re.compile(r"licen[cs]|copyright|©|rights reserved", re.IGNORECASE)


def split_dateline(text: str) -> tuple[str | None, str]:
    """`TEHRAN — Iran has...` gives ("TEHRAN", "Iran has..."); otherwise (None, text)."""
    match = _DATELINE.match(text)
    if not match or sum(c.isalpha() for c in match["dateline"].split(",")[0]) < 3:
        return None, text
    return match["dateline"], text[match.end() :]


def strip_footers(text: str, signatures: tuple[str, ...]) -> tuple[str, list[str]]:
    """Remove signatures that end the text or fill a line of their own, and `Source » x` lines.

    A signature inside a sentence ("a source told AFP") is evidence, not a footer, and stays.
    """
    removed: list[str] = []
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    kept: list[str] = []
    for line in lines:
        stripped = line.strip()
        if stripped and (stripped in signatures or _SOURCE_LINE.match(stripped)):
            removed.append(stripped)
        else:
            kept.append(line)
    body = "\n".join(kept).rstrip()
    changed = True
    while changed:
        changed = False
        for signature in sorted(signatures, key=len, reverse=True):
            if body.endswith(signature) and body[: -len(signature)].strip():
                body = body[: -len(signature)].rstrip()
                removed.append(signature)
                changed = True
    return body, removed


def split_initials(body: str) -> tuple[str, str | None]:
    """A staff signature such as `MH/PA` at the very end is a byline, not part of the article."""
    match = _INITIALS.search(body)
    if not match:
        return body, None
    return body[: match.start()].rstrip(), match["initials"]


def describe_footers(removed: list[str], detection: Detection, rules: tuple[OutletRule, ...]) -> tuple[str | None, list[str]]:
    """The licence, from a licence footer of the detected outlet itself, and notes for each line.

    The licence recorded is the outlet's licence id from outlets.yaml (e.g. `CC BY 4.0`), which
    the build compares with the site's list of licences that allow full text; the footer's words
    are kept in the notes. A footer of another outlet (a republisher's, say) licenses nothing here.
    """
    license: str | None = None
    notes: list[str] = []
    owners = {e.matched: e.outlet for e in detection.evidence if e.kind == "signature"}
    for line in removed:
        owner = owners.get(line)
        rule = find_rule(rules, owner)
        if _SOURCE_LINE.match(line):
            notes.append(_quoted("Source line moved out of the body:", line))
        elif _LICENCE_WORD.search(line):
            notes.append(_quoted("Licence footer moved out of the body:", line))
            if owner is not None and owner == detection.outlet:
                license = rule.license if rule and rule.license else line
        else:
            notes.append(_quoted("Signature line moved out of the body:", line))
    return license, notes


def _quoted(prefix: str, line: str) -> str:
    """`prefix "line"`, closed with a full stop unless the quoted line ends a sentence itself."""
    return f'{prefix} "{line}"' + ("" if line.endswith((".", "!", "?")) else ".")


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def detection_notes(detection: Detection, rules: tuple[OutletRule, ...]) -> list[str]:
    if detection.outlet is None:
        return []
    names = {rule.id: rule.name for rule in rules}
    matched = "; ".join(f'{e.kind} "{_short(e.matched)}" ({e.outlet})' for e in detection.evidence)
    if detection.republished_by:
        return [
            f"{names.get(detection.outlet, detection.outlet)} report republished by "
            f"{names.get(detection.republished_by, detection.republished_by)}; outlet detected from {matched}."
        ]
    return [f"Outlet detected from {matched}."]


@dataclass(frozen=True)
class CleanText:
    """A raw text cut into what belongs in the body and what belongs in front matter."""

    paragraphs: tuple[str, ...]
    dateline: str | None
    signature: str | None
    license: str | None
    notes: tuple[str, ...]
    resplit: bool
    byline: str | None = None
    furniture: tuple[tuple[str, str], ...] = ()
    """(kind, line) of each line taken out as page furniture: for the `imported` note, not the
    public `notes`, since a caption or a headline list is the outlet's text, not the editor's."""


def clean_text(text: str, detection: Detection, rules: tuple[OutletRule, ...]) -> CleanText:
    """Page furniture, footers, sign-off and dateline out of the body; the rest cut into paragraphs."""
    signatures = tuple(e.matched for e in detection.evidence if e.kind == "signature")
    furniture = remove_furniture(text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n"))
    body, removed = strip_footers(furniture.text, signatures)
    body, initials = split_initials(body)
    dateline, body = split_dateline(body.strip())
    paragraphs = paragraphs_of(body)
    license, notes = describe_footers(removed, detection, rules)
    notes = detection_notes(detection, rules) + notes
    if initials:
        notes.append(f"The staff signature {initials} at the end of the text was moved into author.")
    bylines = [line for kind, line in furniture.removed if kind == "byline"]
    byline = re.sub(r"^by\s+", "", bylines[0], flags=re.IGNORECASE) if bylines else None
    resplit = len(paragraphs) > len(blocks_of(body))
    return CleanText(tuple(paragraphs), dateline or furniture.dateline, initials, license, tuple(notes), resplit, byline, furniture.removed)


def review_items(clean: CleanText) -> tuple[str, ...]:
    """What the `imported` note asks a person to check because the importer changed it."""
    items = ("paragraph breaks",) if clean.resplit else ()
    return items + ((f"the {len(clean.furniture)} line(s) taken out as page furniture (listed above)",) if clean.furniture else ())


def import_notes(clean: CleanText) -> tuple[str, ...]:
    """Notes for the `imported` line: what the importer took out of the text."""
    return (describe_removed(clean.furniture),) if clean.furniture else ()


def parse_plain_text(text: str, source_file: str, rules: tuple[OutletRule, ...], forced_outlet: str | None = None) -> ArticleDraft:
    """Turn one raw article text into a draft; never fails, unknowns become placeholders."""
    detection = detect_outlet(rules, text)
    clean = clean_text(text, detection, rules)
    outlet = forced_outlet or detection.outlet
    return ArticleDraft(
        body=markdown_body(list(clean.paragraphs)),
        source_file=source_file,
        source_kind="plain text",
        outlet=outlet,
        dateline=clean.dateline,
        author=clean.signature or clean.byline,
        license=clean.license,
        notes=clean.notes,
        review=review_items(clean),
        outlet_hint="" if outlet else detection.reason,
        import_notes=import_notes(clean),
    )
