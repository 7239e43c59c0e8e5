"""An imported article before it is written: what we know, what a person must fill in, and
how it becomes a `content/articles/<outlet>/<date>-<slug>.md` file.

Anything the importer cannot know is written as a placeholder, a string starting with `TODO:`,
which `digest check` reports until a person replaces it; so nothing half-known is published
silently.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

import yaml

from generator.importer.textfix import escape_inline

PLACEHOLDER = "TODO:"
PLACEHOLDERS = {
    "title": "TODO: write a neutral descriptive title",
    "published": "TODO: yyyy-mm-dd (the day the outlet published it)",
    "outlet": "TODO: an outlet id from content/outlets.yaml",
}
UNKNOWN_OUTLET_DIR = "unknown-outlet"
"""Where drafts go when the outlet is unknown; `digest check` then flags the outlet field."""

SLUG_WORDS = 6
SLUG_MAX = 60
_SLUG_STOPWORDS = frozenset(
    "a an the of in on at to for and or but is are was were be been has have had it its this that "
    "with by from as says said will would after over into about than who which what".split()
)
_BLOCK_MARKER = re.compile(r"^(#{1,6}(?=\s|$)|>|[-+*](?=\s|$)|\d{1,9}[.)](?=\s|$)|={3,}|-{3,}|`{3,}|~{3,})")


@dataclass(frozen=True)
class Rejection:
    """An input (a file, or a record of a dataset) that cannot be imported, and why, in words a
    person can act on; `where` is `file` or `file:line`."""

    where: str
    reason: str


@dataclass(frozen=True)
class ArticleDraft:
    """The front matter fields we could fill, the Markdown body, and notes for the reviewer."""

    body: str
    source_file: str
    source_kind: str
    title: str | None = None
    outlet: str | None = None
    published: dt.date | None = None
    url: str | None = None
    author: str | None = None
    dateline: str | None = None
    language: str | None = None
    license: str | None = None
    notes: tuple[str, ...] = ()
    review: tuple[str, ...] = ()
    outlet_hint: str = ""
    record: str = ""
    incident_date: dt.date | None = None
    published_unclear: str | None = None
    """Why the source's date was not taken (an ambiguous `04/11/2018`): shown in the placeholder."""
    outlet_proposal: object | None = None
    """An `newoutlets.OutletProposal` when the outlet is not in outlets.yaml but the source names it."""
    fields_used: tuple[tuple[str, str], ...] = ()
    """(field, column) pairs a dataset record was read through, for the import summary."""
    repairs: tuple[str, ...] = ()
    """What was repaired in the source's text (mojibake), for the `imported` note."""
    import_notes: tuple[str, ...] = ()
    """What the importer did that an editor may want to undo (lines taken out, an outlet drafted);
    kept in the `imported` note, which the site does not show, unlike `notes`."""

    @property
    def where(self) -> str:
        """`file` or `file:line` for messages about this draft."""
        return f"{self.source_file}:{self.record}" if self.record else self.source_file

    def missing(self) -> tuple[str, ...]:
        """Fields that will be written as placeholders."""
        values = {"title": self.title, "outlet": self.outlet, "published": self.published}
        return tuple(name for name, value in values.items() if not value)


def slugify(text: str, words: int = SLUG_WORDS) -> str:
    """A short file-name slug of the meaningful words of `text` (a-z, 0-9, inner hyphens)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    ascii_text = re.sub(r"(?<=\b[a-z])\.(?=[a-z]\b)", "", ascii_text.replace("'", ""))  # u.s. -> us
    tokens = re.findall(r"[a-z0-9]+", ascii_text)
    meaningful = [t for t in tokens if t not in _SLUG_STOPWORDS] or tokens
    slug = "-".join(meaningful[:words])[:SLUG_MAX].strip("-")
    return slug or "article"


def slug_seed(draft: ArticleDraft) -> str:
    """What the slug is made from: the title when known, else the first words of the text."""
    if draft.title:
        return draft.title
    body = re.sub(r"[\\#>*_`]", " ", draft.body)
    return " ".join(body.split()[:20])


def file_name(draft: ArticleDraft, slug: str) -> str:
    prefix = draft.published.isoformat() if draft.published else "undated"
    return f"{prefix}-{slug}.md"


def outlet_dir(draft: ArticleDraft) -> str:
    return draft.outlet or UNKNOWN_OUTLET_DIR


def escape_block_start(paragraph: str) -> str:
    """Keep a paragraph a paragraph: a leading `# `, `> `, `- `, `1. ` would start another block."""
    match = _BLOCK_MARKER.match(paragraph)
    if not match:
        return paragraph
    marker = match.group(0)
    if marker[0].isdigit():  # `1. x` -> `1\. x`: a backslash before a digit would be printed
        return marker[:-1] + "\\" + paragraph[len(marker) - 1 :]
    return "\\" + paragraph


def markdown_body(paragraphs: list[str]) -> str:
    """Plain-text paragraphs as Markdown that renders as exactly that text: inline punctuation
    escaped (a `[link](...)` in the text stays text), one blank line between paragraphs, the
    file ending with a newline."""
    cleaned = [escape_block_start(escape_inline(p.strip())) for p in paragraphs if p.strip()]
    return "\n\n".join(cleaned) + "\n"


_DUMPER: type = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def yaml_line(key: str, value: object) -> str:
    """One `key: value` line; PyYAML chooses the quoting, so any text round-trips safely."""
    return yaml.dump({key: value}, Dumper=_DUMPER, allow_unicode=True, width=10**9, sort_keys=False, default_flow_style=False)


def imported_note(draft: ArticleDraft) -> str:
    """One deterministic line (no timestamp) so re-importing the same file gives the same bytes."""
    review = ", ".join(draft.missing() + draft.review) or "the text against the source"
    repaired = f"; repaired: {'; '.join(draft.repairs)}" if draft.repairs else ""
    done = "".join(f"; {note}" for note in draft.import_notes)
    return f"digest import from {draft.source_file} ({draft.source_kind}){repaired}{done}; review: {review}"


def _published_placeholder(draft: ArticleDraft) -> str:
    if draft.published_unclear:
        return f"{PLACEHOLDERS['published']}; {draft.published_unclear}"
    return PLACEHOLDERS["published"]


def render_article(draft: ArticleDraft) -> str:
    """The whole file: front matter in a fixed order, placeholders for what is unknown, body."""
    outlet_placeholder = PLACEHOLDERS["outlet"] + (f" ({draft.outlet_hint})" if draft.outlet_hint else "")
    fields: list[tuple[str, object]] = [
        ("title", draft.title or PLACEHOLDERS["title"]),
        ("outlet", draft.outlet or outlet_placeholder),
        ("published", draft.published or _published_placeholder(draft)),
        ("event", ""),
        ("url", draft.url),
        ("author", draft.author),
        ("dateline", draft.dateline),
        ("incident_date", draft.incident_date),
        ("language", draft.language),
        ("license", draft.license),
        ("source_file", draft.source_file),
        ("notes", " ".join(draft.notes) or None),
        ("imported", imported_note(draft)),
    ]
    front = "".join(yaml_line(key, value) for key, value in fields if value is not None)
    return f"---\n{front}---\n{draft.body}"
