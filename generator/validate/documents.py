"""Events and articles: front matter and body."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator.errors import Problem
from generator.load import Document
from generator.model import ActorAlias, Article, Event
from generator.validate.fields import ARTICLE_KEYS, ARTICLE_NAME, ARTICLE_REQUIRED, EVENT_KEYS, PLACEHOLDER_PREFIX, Fields, Options, check_id, kind_of, nesting_problems, with_lines


def _actors(fields: Fields) -> tuple[ActorAlias, ...]:
    value = fields.data.get("actors")
    if value is None:
        return ()
    if not isinstance(value, list):
        fields.problem("actors", "must be a list of {name: ..., aliases: [...]}")
        return ()
    actors = []
    for item in value:
        if not isinstance(item, dict) or not isinstance(item.get("name"), str):
            fields.problem("actors", "each actor needs a name: and optional aliases: [...]")
            continue
        aliases = item.get("aliases") or []
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            fields.problem("actors", f"aliases of {item['name']!r} must be a list of text")
            aliases = []
        actors.append(ActorAlias(item["name"].strip(), tuple(a.strip() for a in aliases)))
    return tuple(actors)


def validate_event(document: Document, options: Options | None = None) -> tuple[Event | None, list[Problem]]:
    if not isinstance(document.meta, dict):
        return None, [Problem(document.path, document.meta_line, "front matter", f"must be a mapping of fields (title: ...), not {kind_of(document.meta)}")]
    fields = Fields(document.path, document.meta)
    event_id = Path(document.relative).stem
    problems = check_id(document.path, 1, "file name", event_id, "event id")
    fields.unknown_keys(EVENT_KEYS, ", ".join(sorted(EVENT_KEYS)))
    severity = "warning" if options is not None and options.allow_placeholders else "error"
    for key, value in document.meta.items():
        if isinstance(value, str) and value.strip().startswith(PLACEHOLDER_PREFIX):
            fields.problem(str(key), f"is still a placeholder ({value.strip()}); replace it with the real value (or build with --allow-placeholders)", severity)
    if PLACEHOLDER_PREFIX in document.body:
        line = document.body_line + document.body[: document.body.index(PLACEHOLDER_PREFIX)].count("\n")
        problems.append(Problem(document.path, line, "description", "still holds a TODO: placeholder; write the event's neutral description", severity))  # type: ignore[arg-type]
    description = document.body.strip()
    if not description:
        problems.append(Problem(document.path, document.body_line, "description", "is empty; write a neutral description of the event below the front matter"))
    problems.extend(nesting_problems(document, "description"))
    start, end = fields.date("start"), fields.date("end")
    if start and end and end < start:
        fields.problem("end", f"{end} is before start {start}")
    event = Event(
        id=event_id,
        title=fields.text("title", required=True),
        summary=fields.text("summary"),
        description=description,
        start=start,
        end=end,
        location=fields.text("location"),
        tags=fields.text_list("tags"),
        actors=_actors(fields),
        path=document.path,
    )
    return event, problems + fields.problems


def validate_article(document: Document, options: Options) -> tuple[Article | None, list[Problem]]:
    path = document.path
    if not isinstance(document.meta, dict):
        return None, [Problem(path, document.meta_line, "front matter", f"must be a mapping of fields (title: ...), not {kind_of(document.meta)}")]
    fields = Fields(path, document.meta)
    problems: list[Problem] = []
    placeholders: list[str] = []
    for key, value in document.meta.items():
        if isinstance(value, str) and value.strip().startswith(PLACEHOLDER_PREFIX):
            placeholders.append(str(key))
            severity = "warning" if options.allow_placeholders else "error"
            fields.problem(str(key), f"is still a placeholder ({value.strip()}); replace it with the real value (or build with --allow-placeholders)", severity)
    meta = {k: (None if k in placeholders else v) for k, v in document.meta.items()}
    fields.data = with_lines(document.meta, meta)
    fields.unknown_keys(ARTICLE_KEYS, ", ".join(sorted(ARTICLE_KEYS)))
    parts = Path(document.relative).parts
    name = ARTICLE_NAME.match(parts[-1])
    slug = ""
    if len(parts) != 3:
        problems.append(Problem(path, 1, "file name", "articles belong in articles/<outlet-id>/<yyyy-mm-dd>-<slug>.md"))
    if name is None:
        problems.append(Problem(path, 1, "file name", "must be <yyyy-mm-dd>-<slug>.md (or undated-<slug>.md), e.g. 2020-12-22-rockets-hit-embassy.md"))
    else:
        slug = name["slug"]
        problems.extend(check_id(path, 1, "file name", slug, "slug"))
    for key in ARTICLE_REQUIRED:
        if key not in document.meta and key not in placeholders:
            fields.problem(key, "is required and missing; add it to the front matter")
    title = fields.text("title", required="title" not in placeholders and "title" in document.meta)
    outlet = fields.text("outlet", required="outlet" not in placeholders and "outlet" in document.meta)
    published = fields.date("published", required="published" not in placeholders and "published" in document.meta)
    if len(parts) == 3 and outlet and parts[1] != outlet:
        fields.problem("outlet", f"is {outlet!r} but the file is in articles/{parts[1]}/; move the file or fix the field")
    if name is not None and published and name["date"] != "undated" and name["date"] != published.isoformat():
        fields.problem("published", f"{published} differs from the date in the file name ({name['date']}); make them agree", "warning")
    body = document.body
    if not body.strip():
        problems.append(Problem(path, document.body_line, "body", "is empty; paste the article text below the front matter"))
    problems.extend(nesting_problems(document, "body"))
    language = fields.text("language", default="en")
    event_value = fields.optional_text("event")
    article = Article(
        slug=slug,
        title=title,
        outlet=outlet,
        published=published or dt.date(1970, 1, 1),
        event=event_value,
        body=body,
        path=path,
        body_line=document.body_line,
        url=fields.url("url"),
        author=fields.optional_text("author"),
        dateline=fields.optional_text("dateline"),
        incident_date=fields.date("incident_date"),
        language=language,
        license=fields.optional_text("license"),
        source_file=fields.optional_text("source_file"),
        notes=fields.text("notes"),
        imported=fields.optional_text("imported"),
        placeholders=tuple(placeholders),
    )
    problems.extend(fields.problems)
    usable = slug and (published or "published" in placeholders) and (title or "title" in placeholders) and outlet
    return (article if usable else None), problems
