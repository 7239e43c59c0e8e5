"""One dataset record (a JSON object, or a CSV row under its header) as an article draft.

Fields are found by their known column names (`fields.py`) unless `--map` names a column.
`body` is required; a missing title or date becomes a placeholder, and so does a date whose
day and month could be swapped. A record is rejected, with a reason, when a value is present
but wrong: a date that is no date, or a character that does not belong in text (a control
character, a lone surrogate). An outlet that outlets.yaml does not know is proposed for
drafting (`newoutlets.py`), not rejected.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from generator.importer.dates import read_date
from generator.importer.draft import ArticleDraft, markdown_body
from generator.importer.fields import ColumnMap, as_text, resolve
from generator.importer.newoutlets import propose
from generator.importer.outlets import OutletRule, detect_outlet, match_outlet_value
from generator.importer.plaintext import clean_text, import_notes, review_items
from generator.importer.textfix import control_character, describe_character, normalise_newlines, repair_mojibake

TEXT_FIELDS = ("title", "body", "url", "outlet", "author", "dateline", "language", "license", "notes")


@dataclass(frozen=True)
class RecordSource:
    """One dataset file and how to read its records."""

    shown: str
    rules: tuple[OutletRule, ...]
    columns: ColumnMap = field(default_factory=ColumnMap)
    forced_outlet: str | None = None


@dataclass(frozen=True)
class Values:
    """A record's text fields after checking and repair, and what was repaired."""

    text: dict[str, str]
    repairs: tuple[str, ...]


def checked_values(found: Mapping[str, tuple[str, Any]]) -> Values | str:
    """Each text field as one string, its mojibake repaired; the reason when one holds a control character."""
    values: dict[str, str] = {}
    repairs: list[str] = []
    for name in TEXT_FIELDS:
        if name not in found:
            continue
        column, raw = found[name]
        text = as_text(raw)
        if text is None:
            continue
        text = normalise_newlines(text)
        bad = control_character(text)
        if bad is not None:
            return (f"{name} (column {column!r}) holds {describe_character(bad[1])} at character {bad[0] + 1}, "
                    "which is not text; remove it from the source and import again")
        repaired = repair_mojibake(text)
        if repaired.text != text:
            repairs.append(f"mojibake in {name}" + (f" ({repaired.example})" if repaired.example else ""))
        values[name] = repaired.text
    return Values(values, tuple(repairs))


def _dates(found: Mapping[str, tuple[str, Any]]) -> tuple[dict[str, dt.date | None], str | None] | str:
    dates: dict[str, dt.date | None] = {"published": None, "incident_date": None}
    unclear: str | None = None
    for name in dates:
        if name not in found:
            continue
        column, raw = found[name]
        if isinstance(raw, str) and control_character(raw):
            return f"{name} (column {column!r}) holds a character that is not text"
        try:
            reading = read_date(raw)
        except ValueError as error:
            return f"{name} (column {column!r}): {error}"
        if reading is None:
            continue
        dates[name] = reading.date
        if reading.date is None and name == "published":
            unclear = reading.unclear
    return dates, unclear


def record_to_draft(record: Mapping[str, Any], line: int | str, source: RecordSource, kind: str = "dataset record") -> ArticleDraft | str:
    """One record as a draft, or the reason it is rejected."""
    found = resolve(record, source.columns)
    if "body" not in found:
        tried = ", ".join(repr(c) for c in source.columns.candidates("body"))
        return f"no article text (looked for a column {tried}; name another with --map body=COLUMN)"
    values = checked_values(found)
    if isinstance(values, str):
        return values
    dated = _dates(found)
    if isinstance(dated, str):
        return dated
    dates, unclear = dated
    text = values.text
    url, body = text.get("url"), text.get("body", "")
    detection = detect_outlet(source.rules, body, url)
    outlet, proposal = source.forced_outlet, None
    outlet_value = text.get("outlet")
    if outlet is None and outlet_value is not None:
        rule = match_outlet_value(source.rules, outlet_value)
        if rule is not None:
            outlet = rule.id
        else:
            proposal = propose(outlet_value, url, source.rules)
    outlet = outlet or (None if proposal else detection.outlet)
    if outlet is None and proposal is None and not detection.evidence:
        proposal = propose(None, url, source.rules)
    clean = clean_text(body, detection, source.rules)
    extra_note = text.get("notes")
    where = f"at line {line}" if isinstance(line, int) else line
    return ArticleDraft(
        body=markdown_body(list(clean.paragraphs)),
        source_file=source.shown,
        source_kind=f"{kind} {where}".strip(),
        title=text.get("title"),
        outlet=outlet,
        published=dates["published"],
        incident_date=dates["incident_date"],
        url=url,
        author=text.get("author") or clean.signature or clean.byline,
        dateline=text.get("dateline") or clean.dateline,
        language=text.get("language"),
        license=text.get("license") or clean.license,
        notes=clean.notes + ((extra_note,) if extra_note else ()),
        review=review_items(clean),
        outlet_hint="" if outlet else detection.reason,
        record=str(line) if isinstance(line, int) else "",
        published_unclear=unclear,
        outlet_proposal=proposal,
        fields_used=tuple((name, column) for name, (column, _value) in found.items()),
        repairs=values.repairs,
        import_notes=import_notes(clean),
    )
