"""Validate: turn loaded YAML and front matter into frozen model objects, collecting every problem.

Each checker returns `(value, problems)`; nothing raises for bad content. The
messages say what is wrong and how to fix it, and carry the file's line.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.errors import Problem
from generator.load import Document, RawContent, YamlFile
from generator.markdown import MAX_NESTING, nesting_overflow
from generator.model import ActorAlias, Article, Event, Outlet, PublishingPolicy, SiteConfig
from generator.yamlsafe import line_of

ID_PATTERN = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$")
"""Ids and slugs become file names: lower-case letters, digits and inner hyphens only."""

ARTICLE_NAME = re.compile(r"^(?P<date>\d{4}-\d{2}-\d{2}|undated)-(?P<slug>.+)\.md$")
DATE_PATTERN = re.compile(r"^\d{4}-\d{2}-\d{2}$")
PLACEHOLDER_PREFIX = "TODO:"
URL_PATTERN = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.IGNORECASE)
URL_FORBIDDEN = frozenset('"<>`\\')
"""Never valid in a URL (RFC 3986) and the characters that end an HTML attribute or start a tag."""
RESERVED_NAMES = frozenset(
    {"con", "prn", "aux", "nul", "index", "assets", "data"} | {f"{port}{n}" for port in ("com", "lpt") for n in range(10)}
)
"""Windows device names (a file `nul.html` cannot be created there) and the site's own folders."""

SITE_KEYS = {"title", "description", "language", "base_url", "lexicon", "publishing"}
PUBLISHING_KEYS = {"full_text_licenses", "excerpt_max_sentences", "excerpt_max_share"}
OUTLET_KEYS = {"name", "country", "ownership", "homepage", "license", "license_url", "notes", "detect"}
DETECT_KEYS = {"domains", "signatures", "wire"}
EVENT_KEYS = {"title", "summary", "start", "end", "location", "tags", "actors"}
ARTICLE_REQUIRED = ("title", "outlet", "published")
ARTICLE_KEYS = {
    "title", "outlet", "published", "event", "url", "author", "dateline", "incident_date",
    "language", "license", "source_file", "notes", "imported",
}


@dataclass(frozen=True)
class Options:
    allow_placeholders: bool = False


class _Fields:
    """Typed reads of one mapping, each recording a problem instead of raising."""

    def __init__(self, path: str, data: Any) -> None:
        self.path = path
        self.data = data
        self.problems: list[Problem] = []

    def line(self, key: str) -> int:
        return line_of(self.data, key, 1)

    def problem(self, key: str, message: str, severity: str = "error") -> None:
        self.problems.append(Problem(self.path, self.line(key), key, message, severity))  # type: ignore[arg-type]

    def unknown_keys(self, allowed: set[str], hint: str) -> None:
        for key in self.data:
            if key not in allowed:
                close = _closest(str(key), allowed)
                suggestion = f"; did you mean '{close}'? Allowed keys are" if close else "; allowed keys are"
                self.problem(str(key), f"unknown key{suggestion} {hint}")

    def text(self, key: str, required: bool = False, default: str = "") -> str:
        value = self.data.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.problem(key, "is required and missing or empty; write a value")
            return default
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            self.problem(key, f"must be text, not {_kind(value)}; put the value in quotes if needed")
            return default
        if not isinstance(value, str):
            self.problem(key, f"must be text, not a number; write it in quotes, e.g. {key}: \"{value}\"")
            return str(value)
        return value.strip()

    def optional_text(self, key: str) -> str | None:
        return self.text(key) or None

    def date(self, key: str, required: bool = False) -> dt.date | None:
        value = self.data.get(key)
        if value is None or value == "":
            if required:
                self.problem(key, "is required; write the date as YYYY-MM-DD")
            return None
        if not isinstance(value, str) or not DATE_PATTERN.match(value):
            self.problem(key, f"must be a date written YYYY-MM-DD, not {_show(value)}")
            return None
        try:
            return dt.date.fromisoformat(value)
        except ValueError as error:
            self.problem(key, f"{value} is not a real date ({error}); check the day and month")
            return None

    def url(self, key: str) -> str | None:
        value = self.optional_text(key)
        if value is None:
            return None
        if not URL_PATTERN.match(value):
            self.problem(key, "must be an http:// or https:// address")
            return None
        if not value.isprintable() or not URL_FORBIDDEN.isdisjoint(value):
            self.problem(key, "must be an http:// or https:// address without spaces, quotes, angle brackets, backticks or backslashes; write them as %20, %22, %3C, %3E")
            return None
        return value

    def text_list(self, key: str) -> tuple[str, ...]:
        value = self.data.get(key)
        if value is None:
            return ()
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, (str, int, float)) and not isinstance(v, bool) for v in value):
            self.problem(key, "must be a list of text items, e.g. [a, b]")
            return ()
        return tuple(str(v).strip() for v in value if str(v).strip())


def _kind(value: Any) -> str:
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, (int, float)):
        return "a number"
    return type(value).__name__


def _show(value: Any) -> str:
    if isinstance(value, str):
        return repr(value)
    return _kind(value)


def _closest(word: str, choices: set[str]) -> str | None:
    import difflib

    found = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=0.75)
    return found[0] if found else None


def _check_id(path: str, line: int, field: str, value: str, what: str) -> list[Problem]:
    if "\x00" in value or "/" in value or "\\" in value or value.startswith(".") or ".." in value:
        return [Problem(path, line, field, f"{what} {value!r} could escape the output folder; use only a-z, 0-9 and '-'")]
    if not ID_PATTERN.match(value):
        return [Problem(path, line, field, f"{what} {value!r} is not allowed; use lower-case letters, digits and inner hyphens (at most 80 characters)")]
    if value in RESERVED_NAMES:
        return [Problem(path, line, field, f"{what} {value!r} is a reserved name; choose another")]
    return []


def validate_site(file: YamlFile) -> tuple[SiteConfig | None, list[Problem]]:
    if file.data is None:
        return None, []
    if not isinstance(file.data, dict):
        return None, [Problem(file.path, 1, "site", f"must be a mapping of settings (title: ..., lexicon: [...]), not {_kind(file.data)}")]
    fields = _Fields(file.path, file.data)
    fields.unknown_keys(SITE_KEYS, ", ".join(sorted(SITE_KEYS)))
    title = fields.text("title", required=True, default="Framing Digest")
    description = fields.text("description")
    language = fields.text("language", default="en")
    base_url = fields.url("base_url")
    if base_url and not base_url.endswith("/"):
        base_url += "/"
    lexicon = fields.text_list("lexicon")
    if not lexicon:
        fields.problem("lexicon", "must list at least one lexicon file, e.g. [lexicon/categories.yaml, lexicon/labels.yaml]")
    for item in lexicon:
        if item.startswith("/") or ".." in Path(item).parts:
            fields.problem("lexicon", f"{item!r} must be a path inside the content folder")
    policy = PublishingPolicy()
    publishing = file.data.get("publishing")
    if publishing is not None:
        if not isinstance(publishing, dict):
            fields.problem("publishing", "must be a mapping with full_text_licenses, excerpt_max_sentences, excerpt_max_share")
        else:
            sub = _Fields(file.path, publishing)
            sub.unknown_keys(PUBLISHING_KEYS, ", ".join(sorted(PUBLISHING_KEYS)))
            licenses = sub.text_list("full_text_licenses") if "full_text_licenses" in publishing else policy.full_text_licenses
            sentences = publishing.get("excerpt_max_sentences", policy.excerpt_max_sentences)
            share = publishing.get("excerpt_max_share", policy.excerpt_max_share)
            if not isinstance(sentences, int) or isinstance(sentences, bool) or sentences < 0:
                sub.problem("excerpt_max_sentences", "must be a whole number of sentences, 0 or more")
                sentences = policy.excerpt_max_sentences
            if not isinstance(share, (int, float)) or isinstance(share, bool) or not 0 <= share <= 1:
                sub.problem("excerpt_max_share", "must be a share between 0 and 1, e.g. 0.12 for 12%")
                share = policy.excerpt_max_share
            policy = PublishingPolicy(licenses, sentences, float(share))
            fields.problems.extend(sub.problems)
    return SiteConfig(title, description, language, base_url, lexicon, policy), fields.problems


def validate_outlets(file: YamlFile, options: Options | None = None) -> tuple[tuple[Outlet, ...], list[Problem]]:
    if file.data is None:
        return (), []
    if not isinstance(file.data, dict):
        return (), [Problem(file.path, 1, "outlets", f"must be a mapping of outlet id to its description (mehr: {{name: ...}}), not {_kind(file.data)}")]
    outlets: list[Outlet] = []
    problems: list[Problem] = []
    for outlet_id, data in file.data.items():
        line = line_of(file.data, str(outlet_id))
        problems.extend(_check_id(file.path, line, str(outlet_id), str(outlet_id), "outlet id"))
        if not isinstance(data, dict):
            problems.append(Problem(file.path, line, str(outlet_id), f"must be a mapping with name, country, ownership, license; not {_kind(data)}"))
            continue
        fields = _Fields(file.path, data)
        fields.unknown_keys(OUTLET_KEYS, ", ".join(sorted(OUTLET_KEYS)))
        _placeholder_problems(fields, options, f" in outlet {outlet_id!r}")
        domains: tuple[str, ...] = ()
        signatures: tuple[str, ...] = ()
        detect = data.get("detect")
        if detect is not None:
            if isinstance(detect, dict):
                sub = _Fields(file.path, detect)
                sub.unknown_keys(DETECT_KEYS, ", ".join(sorted(DETECT_KEYS)))
                domains, signatures = sub.text_list("domains"), sub.text_list("signatures")
                if "wire" in detect and not isinstance(detect["wire"], bool):
                    sub.problem("wire", "must be true or false")
                fields.problems.extend(sub.problems)
            else:
                fields.problem("detect", "must be a mapping with domains and signatures lists")
        outlets.append(
            Outlet(
                id=str(outlet_id),
                name=fields.text("name", required=True, default=str(outlet_id)),
                country=fields.text("country", required=True),
                ownership=fields.text("ownership", required=True),
                homepage=fields.url("homepage"),
                license=fields.text("license", required=True, default="All rights reserved"),
                license_url=fields.url("license_url"),
                notes=fields.text("notes"),
                domains=domains,
                signatures=signatures,
            )
        )
        problems.extend(fields.problems)
    return tuple(outlets), problems


def _placeholder_problems(fields: _Fields, options: Options | None, whose: str = "") -> None:
    """Each `TODO:` value the importer left: an error, or a warning with --allow-placeholders."""
    severity = "warning" if options is not None and options.allow_placeholders else "error"
    for key, value in fields.data.items():
        if isinstance(value, str) and value.strip().startswith(PLACEHOLDER_PREFIX):
            fields.problem(str(key), f"is still a placeholder{whose} ({value.strip()}); replace it with the real value (or build with --allow-placeholders)", severity)


def _actors(fields: _Fields) -> tuple[ActorAlias, ...]:
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
        return None, [Problem(document.path, document.meta_line, "front matter", f"must be a mapping of fields (title: ...), not {_kind(document.meta)}")]
    fields = _Fields(document.path, document.meta)
    event_id = Path(document.relative).stem
    problems = _check_id(document.path, 1, "file name", event_id, "event id")
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
    problems.extend(_nesting_problems(document, "description"))
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
        return None, [Problem(path, document.meta_line, "front matter", f"must be a mapping of fields (title: ...), not {_kind(document.meta)}")]
    fields = _Fields(path, document.meta)
    problems: list[Problem] = []
    placeholders: list[str] = []
    for key, value in document.meta.items():
        if isinstance(value, str) and value.strip().startswith(PLACEHOLDER_PREFIX):
            placeholders.append(str(key))
            severity = "warning" if options.allow_placeholders else "error"
            fields.problem(str(key), f"is still a placeholder ({value.strip()}); replace it with the real value (or build with --allow-placeholders)", severity)
    meta = {k: (None if k in placeholders else v) for k, v in document.meta.items()}
    fields.data = _with_lines(document.meta, meta)
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
        problems.extend(_check_id(path, 1, "file name", slug, "slug"))
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
    problems.extend(_nesting_problems(document, "body"))
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


def _nesting_problems(document: Document, field: str) -> list[Problem]:
    line = nesting_overflow(document.body)
    if line is None:
        return []
    return [Problem(
        document.path, document.body_line + line, field,
        f"Markdown is nested more than {MAX_NESTING} levels deep here (quotes '>' or lists inside each other); "
        "the text from this line on would be lost, so flatten the nesting",
    )]


def _with_lines(original: Any, replacement: dict) -> Any:
    from generator.yamlsafe import LineDict

    copy = LineDict(replacement)
    copy.line = getattr(original, "line", 1)
    copy.key_lines = dict(getattr(original, "key_lines", {}))
    return copy


def _duplicates(items: list, key: Callable[[Any], str], what: str) -> list[Problem]:
    seen: dict[str, str] = {}
    problems = []
    for item in items:
        value = key(item)
        if value in seen:
            problems.append(Problem(item.path, 1, "slug" if what == "slug" else "id", f"{what} {value!r} is also used by {seen[value]}; rename one of the files"))
        else:
            seen[value] = item.path
    return problems


@dataclass(frozen=True)
class ValidContent:
    site: SiteConfig | None
    outlets: tuple[Outlet, ...]
    events: tuple[Event, ...]
    articles: tuple[Article, ...]


def validate_content(raw: RawContent, options: Options = Options()) -> tuple[ValidContent, tuple[Problem, ...]]:
    """Check everything and cross-check references; the lexicon is validated by `generator.lexicon`."""
    problems: list[Problem] = list(raw.problems)
    site, found = validate_site(raw.site)
    problems.extend(found)
    outlets, found = validate_outlets(raw.outlets, options)
    problems.extend(found)
    events: list[Event] = []
    for document in raw.events:
        event, found = validate_event(document, options)
        problems.extend(found)
        if event is not None:
            events.append(event)
    problems.extend(_duplicates(events, lambda e: e.id, "event id"))
    articles: list[Article] = []
    for document in raw.articles:
        article, found = validate_article(document, options)
        problems.extend(found)
        if article is not None:
            articles.append(article)
    problems.extend(_duplicates(articles, lambda a: a.slug, "slug"))
    outlet_ids = {o.id for o in outlets}
    event_ids = {e.id for e in events}
    # an event file that could not be read has already been reported; do not also call every reference to it unknown
    event_ids |= {Path(relative).stem for relative in raw.unreadable if relative.startswith("events/")}
    if raw.outlets.data is not None:
        for article in articles:
            if article.outlet not in outlet_ids:
                problems.append(Problem(article.path, 1, "outlet", f"{article.outlet!r} is not an outlet in outlets.yaml (known: {', '.join(sorted(outlet_ids)) or 'none'})"))
    for article in articles:
        if article.event and article.event not in event_ids:
            problems.append(Problem(article.path, 1, "event", f"{article.event!r} is not an event in events/ (known: {', '.join(sorted(event_ids)) or 'none'})"))
    problems = [_printable(p) for p in _relocate_reference_lines(problems, raw)]
    return ValidContent(site, outlets, tuple(events), tuple(articles)), tuple(sorted(set(problems), key=_problem_order))


def _visible(text: str) -> str:
    """Control, format and line-separator characters from the content, made visible (`\\n`, `\\x00`, `\\u202e`)."""
    if all(ch.isprintable() for ch in text):
        return text
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)


def _printable(problem: Problem) -> Problem:
    """One problem, one line: a newline or a right-to-left override in a key must not break or disguise the output."""
    path, field, message = _visible(problem.path), _visible(problem.field), _visible(problem.message)
    if not field.strip():  # an empty or blank key from the YAML: show it as such, not as nothing
        field = repr(field)
    if (path, field, message) == (problem.path, problem.field, problem.message):
        return problem
    return Problem(path, problem.line, field, message, problem.severity)


def _problem_order(problem: Problem) -> tuple:
    return (problem.path, problem.line, problem.field, problem.message)


def _relocate_reference_lines(problems: list[Problem], raw: RawContent) -> list[Problem]:
    """Cross-reference problems are found without the YAML at hand; give them the field's real line."""
    by_path = {d.path: d for d in raw.articles}
    fixed = []
    for problem in problems:
        document = by_path.get(problem.path)
        if document is not None and problem.line == 1 and problem.field in ("outlet", "event") and isinstance(document.meta, dict):
            problem = Problem(problem.path, line_of(document.meta, problem.field), problem.field, problem.message, problem.severity)
        fixed.append(problem)
    return fixed
