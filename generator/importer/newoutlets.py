"""Outlets that are not yet in `outlets.yaml`: drafted, not rejected.

When a record names an outlet the table does not know (or only its URL's domain says who
published it), the importer drafts an entry: an id from the name or the domain, the name as
the source gives it, `detect.domains` from the URLs, and `TODO:` placeholders for what it
cannot know (country, ownership, licence). `digest check` reports the placeholders until a
person fills them; meanwhile the licence placeholder matches no licence that allows full
text, so a public build shows only excerpts of these articles.

`outlets.yaml` is a file people write, with comments and an order of their own. It is never
re-serialised: drafted entries are appended as text after what was there, and the result is
parsed and validated before it replaces the file (atomically), or the draft is refused.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from generator.importer.draft import slugify, yaml_line
from generator.importer.outlets import QUALIFIER, OutletRule, host_of, outlet_key

PLACEHOLDERS = {
    "country": "TODO: the country the outlet is based in",
    "ownership": "TODO: who owns the outlet",
    "license": "TODO: the licence of its articles (until then only excerpts are published)",
}
_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "ac", "gov", "edu", "or", "ne", "go"})
_HOST_NAME = re.compile(r"(?:www\.)?[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.[a-z]{2,}")
"""An outlet value that is a lower-case host name (news-please's `source_domain`, `www.example.com`):
a domain, not a name. Names with capitals and dots ("U.S. News") stay names."""
_RESERVED = frozenset({"con", "prn", "aux", "nul", "index", "assets", "data", "unknown-outlet"})


def site_domain(host: str) -> str:
    """The registrable part of a host, without a list of suffixes: `edition.cnn.com` gives `cnn.com`,
    `news.bbc.co.uk` gives `bbc.co.uk`. Subdomains of it match in the detect table anyway."""
    labels = host.lower().removeprefix("www.").split(".")
    keep = 3 if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL else 2
    return ".".join(labels[-keep:])


def _id_from(name: str | None, domain: str | None) -> str:
    if name and outlet_key(name):
        return slugify(QUALIFIER.sub("", name), words=4)
    if domain:
        labels = domain.split(".")
        stem = labels[-3] if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL else labels[-2] if len(labels) >= 2 else labels[0]
        return slugify(stem, words=4)
    return "outlet"


@dataclass(frozen=True)
class OutletProposal:
    """What a record says about an outlet the table does not know: a name, a domain, or both."""

    name: str | None
    domain: str | None


def propose(name: str | None, url: str | None, rules: tuple[OutletRule, ...]) -> OutletProposal | None:
    """A proposal from a record's outlet value and URL; None when neither says anything.
    An outlet value that is a host name is read as the domain (when there is no URL), never as a name.
    A domain another outlet already claims is left out: two outlets on one domain make
    detection ambiguous."""
    name = name.strip() if name and name.strip() else None
    if name is not None and _HOST_NAME.fullmatch(name):
        host = host_of(url) or name.removeprefix("www.")
        name = None
    else:
        host = host_of(url)
    domain = site_domain(host) if host and "." in host else None
    if domain and any(host == d or host.endswith("." + d) or d.endswith("." + domain) or d == domain for r in rules for d in r.domains):
        domain = None
    if name is None and domain is None:
        return None
    return OutletProposal(name, domain)


@dataclass
class DraftedOutlet:
    id: str
    name: str
    domains: list[str]
    first_source: str


@dataclass
class OutletDrafts:
    """The outlets drafted in one import run, and `outlets.yaml` as it was before the run.

    Mutable and local to one run, like the duplicate index: it is the run's record of what
    it added. Each change rewrites the file as the original text plus the drafted entries.
    """

    path: Path
    known: tuple[OutletRule, ...]
    dry_run: bool = False
    original: str | None = None
    drafted: list[DraftedOutlet] = field(default_factory=list)

    def resolve(self, proposal: OutletProposal, where: str) -> tuple[str | None, str]:
        """(outlet id, message): a drafted outlet that matches, or a new one; (None, reason) if refused."""
        found = self._match(proposal)
        if found is not None:
            if proposal.domain and proposal.domain not in found.domains:
                found.domains.append(proposal.domain)
                refused = self._save()
                if refused:
                    found.domains.remove(proposal.domain)
                    return None, refused
            return found.id, ""
        entry = DraftedOutlet(self._free_id(_id_from(proposal.name, proposal.domain)),
                              proposal.name or proposal.domain or "TODO: the outlet's name",
                              [proposal.domain] if proposal.domain else [], where)
        self.drafted.append(entry)
        refused = self._save()
        if refused:
            self.drafted.pop()
            return None, refused
        return entry.id, self.describe(entry)

    def describe(self, entry: DraftedOutlet) -> str:
        verb = "would draft" if self.dry_run else "drafted"
        return f"{verb} outlet {entry.id!r} ({entry.name}) in {self.path}: fill in its TODO placeholders"

    def rules(self) -> tuple[OutletRule, ...]:
        return tuple(OutletRule(d.id, d.name, PLACEHOLDERS["license"], tuple(d.domains)) for d in self.drafted)

    def _match(self, proposal: OutletProposal) -> DraftedOutlet | None:
        for entry in self.drafted:
            if proposal.name and outlet_key(proposal.name) in (outlet_key(entry.name), entry.id.replace("-", "")):
                return entry
        if proposal.name is None and proposal.domain:
            return next((entry for entry in self.drafted if proposal.domain in entry.domains), None)
        return None

    def _free_id(self, base: str) -> str:
        taken = {rule.id for rule in self.known} | {entry.id for entry in self.drafted} | _RESERVED
        base = base if base not in _RESERVED else f"{base}-outlet"
        candidate, number = base, 1
        while candidate in taken:
            number += 1
            candidate = f"{base}-{number}"
        return candidate

    def _save(self) -> str:
        """Write the file (unless a dry run); the reason when the result would not be valid."""
        if self.original is None:
            try:
                self.original = self.path.read_text(encoding="utf-8") if self.path.exists() else ""
            except (OSError, UnicodeDecodeError) as error:
                return f"{self.path} cannot be read to add an outlet ({error})"
        text = self.text()
        problem = check_outlets_text(text, self.path, [d.id for d in self.drafted])
        if problem:
            return problem
        if not self.dry_run:
            temporary = self.path.with_name(f".{self.path.name}.importing")
            temporary.write_text(text, encoding="utf-8", newline="")
            os.replace(temporary, self.path)
        return ""

    def text(self) -> str:
        """The original file, then one block per drafted outlet, in the file's own line endings."""
        original = self.original or ""
        newline = "\r\n" if "\r\n" in original else "\n"
        head = original if not original or original.endswith("\n") else original + newline
        added = "\n".join(entry_text(entry) for entry in self.drafted).replace("\n", newline)
        return head + (newline if head.strip() and added else "") + added


def entry_text(entry: DraftedOutlet) -> str:
    """One outlet entry as YAML text, its values quoted by PyYAML so any name is safe."""
    lines = [f"# Drafted by `digest import` from {_one_line(entry.first_source)}: fill in the TODO placeholders.\n",
             f"{entry.id}:\n", "  " + yaml_line("name", entry.name)]
    lines += ["  " + yaml_line(key, value) for key, value in PLACEHOLDERS.items()]
    if entry.domains:
        lines += ["  detect:\n", "    domains:\n"] + ["      - " + _scalar(domain) for domain in sorted(entry.domains)]
    return "".join(lines)


def _scalar(value: str) -> str:
    """A YAML scalar for `value` on one line, quoted as PyYAML decides."""
    return yaml_line("x", value)[len("x: "):]


def _one_line(text: str) -> str:
    return "".join(ch if ch.isprintable() else "?" for ch in text)


def check_outlets_text(text: str, path: Path, drafted_ids: list[str]) -> str:
    """The reason the new file would not do (not YAML, an entry lost or invalid), or ''."""
    from generator.load import YamlFile
    from generator.validate import validate_outlets
    from generator.yamlsafe import YamlProblem, load_yaml

    try:
        data = load_yaml(text)
    except YamlProblem as error:
        return f"{path} would not be valid YAML after adding an outlet ({error.message}); add the outlet by hand"
    if not isinstance(data, dict) or any(outlet_id not in data for outlet_id in drafted_ids):
        return f"{path} is not a plain mapping of outlet ids that an entry can be appended to; add the outlet by hand"
    outlets, problems = validate_outlets(YamlFile(str(path), data))
    lines = {data.line_of(outlet_id) for outlet_id in drafted_ids} if hasattr(data, "line_of") else set()
    first_line = min(lines) if lines else 0
    serious = [p for p in problems if p.line >= first_line and "placeholder" not in p.message]
    if serious:
        return f"{path}: the drafted outlet would not be valid ({serious[0].field}: {serious[0].message}); add it by hand"
    return ""

