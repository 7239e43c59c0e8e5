"""Validate: turn loaded YAML and front matter into frozen model objects, collecting every problem.

Each checker returns `(value, problems)`; nothing raises for bad content. The
messages say what is wrong and how to fix it, and carry the file's line.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.errors import Problem
from generator.load import RawContent
from generator.model import Article, Event, Outlet, SiteConfig
from generator.yamlsafe import line_of
from generator.validate.characters import text_problems, value_problems, visible as _visible
from generator.validate.config import validate_outlets, validate_site
from generator.validate.documents import validate_article, validate_event
from generator.validate.fields import Options


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
    problems: list[Problem] = list(raw.problems) + _character_problems(raw)
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


def _character_problems(raw: RawContent) -> list[Problem]:
    """Characters that are not text, in every field of every file (see `characters.py`)."""
    problems = value_problems(raw.site.path, raw.site.data) + value_problems(raw.outlets.path, raw.outlets.data)
    for kind, documents in (("description", raw.events), ("body", raw.articles)):
        for document in documents:
            if document.meta_escapes:
                problems += value_problems(document.path, document.meta, line=document.meta_line)
            problems += text_problems(document.path, document.body, kind, document.body_line)
    return problems


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


__all__ = ["Options", "ValidContent", "validate_article", "validate_content", "validate_event", "validate_outlets", "validate_site"]
