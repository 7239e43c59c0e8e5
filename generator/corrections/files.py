"""Read and validate the corrections files, like every other content file: every problem collected,
each as `path:line: field: message`.

`content/corrections/<article-slug>.yaml` is a list of article corrections;
`content/corrections/events/<event-id>.yaml` a list of event corrections. What
can be checked without the analysis is checked here (keys, one action per item,
a reason, known slugs, event ids and categories); whether the words occur in
the article is checked by `locate`, and what they correct by `apply`.
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path
from generator.corrections.model import UNKNOWN_SPEAKER, ArticleCorrection, Corrections, EventCorrection
from generator.errors import Problem
from generator.load import display_path, read_text
from generator.validate.fields import PLACEHOLDER_PREFIX, Fields, closest, kind_of
from generator.validate.characters import value_problems
from generator.yamlsafe import LineDict, YamlProblem, load_yaml

FOLDER = "corrections"
EVENTS_FOLDER = "events"
ARTICLE_ACTION_KEYS = ("not_framing", "category", "speaker", "voice", "counts")
ARTICLE_KEYS = {"match", "occurrence", "reason", "by", *ARTICLE_ACTION_KEYS}
EVENT_KEYS = {"summary", "actor", "rename", "merge_into", "reason", "by"}
VOICES = ("narration", "quotation")
"""The voices an editor may give words; the headline's words are always the headline's."""
ARTICLE_HINT = "match, occurrence, one of not_framing/category/speaker/voice/counts, reason, by"
EVENT_HINT = "summary or actor (with rename or merge_into), reason, by"


def read_corrections(
    content_dir: Path, slugs: Collection[str], event_ids: Collection[str], categories: Collection[str] | None
) -> tuple[Corrections, tuple[Problem, ...]]:
    """Every corrections file under `content_dir/corrections`, validated against the content's slugs,
    event ids and lexicon categories (None: the lexicon could not be read, so categories are not
    checked). A folder that does not exist holds no corrections."""
    folder = content_dir / FOLDER
    if not folder.is_dir():
        return Corrections(), ()
    problems: list[Problem] = []
    articles: list[tuple[str, tuple[ArticleCorrection, ...]]] = []
    events: list[tuple[str, tuple[EventCorrection, ...]]] = []
    for path, is_event in _files(folder, problems):
        items = _items(path, content_dir, problems)
        shown = display_path(path)
        if is_event:
            if not _known(shown, path.stem, set(event_ids), "event id", "content/events/<event-id>.md", problems):
                continue
            made = [_event_item(shown, path.stem, number, item, problems) for number, item in enumerate(items, start=1)]
            events.append((path.stem, tuple(c for c in made if c is not None)))
        else:
            if not _known(shown, path.stem, set(slugs), "article slug", "the article file's name after its date", problems):
                continue
            made_articles = [_article_item(shown, path.stem, number, item, None if categories is None else set(categories), problems)
                             for number, item in enumerate(items, start=1)]
            articles.append((path.stem, tuple(c for c in made_articles if c is not None)))
    return Corrections(tuple(articles), tuple(events)), tuple(problems)


def _files(folder: Path, problems: list[Problem]) -> list[tuple[Path, bool]]:
    """The corrections files, article files first, each in name order; anything else there is a problem,
    since a file that is silently not read is a correction silently not made."""
    found: list[tuple[Path, bool]] = []
    for place, is_event in ((folder, False), (folder / EVENTS_FOLDER, True)):
        if not place.is_dir():
            continue
        for path in sorted(place.iterdir()):
            if path.name.startswith(".") or (path.is_dir() and path == folder / EVENTS_FOLDER):
                continue
            if path.is_file() and path.suffix == ".yaml":
                found.append((path, is_event))
            else:
                where = "corrections/events/<event-id>.yaml" if is_event else "corrections/<article-slug>.yaml"
                problems.append(Problem(display_path(path), 1, "file", f"is not read: corrections are files named {where}"
                                        + ("; rename it to .yaml" if path.suffix == ".yml" else "")))
    return found


def _items(path: Path, content_dir: Path, problems: list[Problem]) -> list[LineDict]:
    """The file's items: a YAML list of mappings. An empty file holds none. Read as every content file
    is (inside the content folder, a plain file, within the size limit), and refused, like the others,
    where a value holds a character that is not text."""
    shown = display_path(path)
    text, found = read_text(path, shown, content_dir)
    problems.extend(found)
    if text is None:
        return []
    try:
        data = load_yaml(text)
    except YamlProblem as error:
        problems.append(Problem(shown, error.line, "yaml", error.message))
        return []
    if data is None:
        return []
    unreadable = value_problems(shown, data)
    if unreadable:
        problems.extend(unreadable)
        return []
    if not isinstance(data, list):
        problems.append(Problem(shown, getattr(data, "line", 1), "file",
                                f"must be a YAML list of corrections, each starting with '- match:', not {kind_of(data)}"))
        return []
    items = []
    for index, item in enumerate(data, start=1):
        if isinstance(item, LineDict):
            items.append(item)
        else:
            problems.append(Problem(shown, _line_of_item(text, index), "item",
                                    f"correction {index} must be a mapping of fields (match:, reason:, ...), not {kind_of(item)}"))
    return items


def _line_of_item(text: str, index: int) -> int:
    """The line of the `index`-th top-level '- ' item, for an item that is not a mapping (and so has no line)."""
    seen = 0
    for number, line in enumerate(text.split("\n"), start=1):
        if line.startswith("-"):
            seen += 1
            if seen == index:
                return number
    return 1


def _known(shown: str, name: str, known: set[str], what: str, where: str, problems: list[Problem]) -> bool:
    if name in known:
        return True
    close = closest(name, known)
    hint = f"; did you mean '{close}'?" if close else f" (the file's name must be {where})"
    problems.append(Problem(shown, 1, "file", f"{name!r} is not an {what} of this content{hint}"))
    return False


def _reason_and_by(fields: Fields) -> tuple[str, str | None]:
    reason = fields.text("reason", required=True)
    if reason.startswith(PLACEHOLDER_PREFIX):
        fields.problem("reason", f"is still a placeholder ({reason}); write the reason readers will see")
    by = fields.optional_text("by")
    return reason, by


def _article_item(shown: str, slug: str, number: int, item: LineDict, categories: set[str] | None,
                  problems: list[Problem]) -> ArticleCorrection | None:
    fields = Fields(shown, item)
    fields.unknown_keys(ARTICLE_KEYS, ARTICLE_HINT)
    match = _words(fields, "match")
    occurrence = _occurrence(fields)
    reason, by = _reason_and_by(fields)
    actions = [key for key in ARTICLE_ACTION_KEYS if key in item]
    action, value = None, None
    if not actions:
        fields.problems.append(Problem(shown, item.line, "action", "has no action; add exactly one of not_framing: true, "
                                       "category: ID, speaker: NAME, voice: narration|quotation, counts: NOUNS"))
    elif len(actions) > 1:
        fields.problems.append(Problem(shown, item.line_of(actions[1]), actions[1], f"is a second action beside {actions[0]}; "
                                       "an item makes one decision, so write another item with the same match"))
    else:
        action = actions[0]
        value = _action_value(fields, action, categories)
    problems.extend(fields.problems)
    if fields.problems or action is None or not match:
        return None
    return ArticleCorrection(slug, number, match, occurrence, action, value, reason, by, shown, item.line, _lines(item))


def _words(fields: Fields, key: str) -> str:
    """Words to find: required, and read with their spacing collapsed (the text's line breaks are spaces too)."""
    return " ".join(fields.text(key, required=True).split())


def _occurrence(fields: Fields) -> int | None:
    value = fields.data.get("occurrence")
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        fields.problem("occurrence", "must be a whole number from 1 (the first time the words appear), e.g. occurrence: 2")
        return None
    return value


def _action_value(fields: Fields, action: str, categories: set[str] | None) -> str | None:
    """The action's value, checked as far as it can be without the analysis."""
    raw = fields.data.get(action)
    if action == "not_framing":
        if raw is not True:
            fields.problem(action, "must be true (not_framing: true removes the highlights inside the match)")
        return None
    value = fields.text(action, required=True)
    if not value:
        return None
    if value.startswith(PLACEHOLDER_PREFIX):
        fields.problem(action, f"is still a placeholder ({value}); write the value you decided")
        return None
    if action == "category" and categories is not None and value not in categories:
        close = closest(value, categories)
        fields.problem(action, f"{value!r} is not a lexicon category" + (f"; did you mean '{close}'?" if close else "")
                       + f" (known: {', '.join(sorted(categories))})")
    elif action == "voice" and value not in VOICES:
        fields.problem(action, f"must be narration (the outlet's own words) or quotation (someone else's), not {value!r}")
    elif action == "speaker" and value.casefold() == UNKNOWN_SPEAKER:
        return UNKNOWN_SPEAKER
    return value


def _event_item(shown: str, event_id: str, number: int, item: LineDict, problems: list[Problem]) -> EventCorrection | None:
    fields = Fields(shown, item)
    fields.unknown_keys(EVENT_KEYS, EVENT_HINT)
    reason, by = _reason_and_by(fields)
    kinds = [key for key in ("summary", "actor") if key in item]
    changes = [key for key in ("rename", "merge_into") if key in item]
    result: tuple[str, str, str, str | None] | None = None
    if len(kinds) != 1:
        fields.problems.append(Problem(shown, item.line, "item", "needs exactly one of summary: (words of a generated sentence "
                                       "to hide) or actor: (an actor's name as the comparison shows it)"))
    elif kinds[0] == "summary":
        if changes:
            fields.problem(changes[0], "belongs to an actor: item; a summary: item hides its sentence and takes no other action")
        result = ("summary", _words(fields, "summary"), "hide", None)
    elif len(changes) != 1:
        fields.problems.append(Problem(shown, item.line_of("actor"), "actor", "needs exactly one of rename: NEW NAME "
                                       "or merge_into: OTHER ACTOR"))
    else:
        value = " ".join(fields.text(changes[0], required=True).split())
        result = ("actor", _words(fields, "actor"), changes[0], value)
    problems.extend(fields.problems)
    if fields.problems or result is None or not result[1]:
        return None
    kind, subject, action, value = result
    return EventCorrection(event_id, number, kind, subject, action, value, reason, by, shown, item.line, _lines(item))


def _lines(item: LineDict) -> tuple[tuple[str, int], ...]:
    return tuple((str(key), line) for key, line in item.key_lines.items())
