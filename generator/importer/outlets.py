"""The outlet detection table: which outlet wrote a text, read from `content/outlets.yaml`.

Detection is data, not code: each outlet's `detect` block lists web `domains` and `signatures`
(lines such as a licence footer, or phrases such as "told AFP"). An outlet marked `wire: true` is
a news agency: when its signature appears in a text that another outlet's signature also claims,
the report is the agency's, republished by the other outlet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from generator.errors import Problem
from generator.importer.draft import slugify
from generator.yamlsafe import YamlProblem, line_of, load_yaml


@dataclass(frozen=True)
class OutletRule:
    """One outlet as the importer sees it: how to recognise it, and its licence."""

    id: str
    name: str
    license: str
    domains: tuple[str, ...] = ()
    signatures: tuple[str, ...] = ()
    wire: bool = False


@dataclass(frozen=True)
class Evidence:
    """Why an outlet was suspected: a matched `domain` or `signature`, and what matched."""

    outlet: str
    kind: str
    matched: str


@dataclass(frozen=True)
class Detection:
    """The outcome of outlet detection; `outlet` is None when nothing (or too much) matched."""

    outlet: str | None
    republished_by: str | None
    evidence: tuple[Evidence, ...]
    reason: str


def _text_list(value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list):
        return tuple(str(item) for item in value if isinstance(item, (str, int, float)) and str(item).strip())
    return ()


def load_outlet_rules(path: Path) -> tuple[tuple[OutletRule, ...], tuple[Problem, ...]]:
    """Read the detection table; a missing or broken file gives an empty table and a problem."""
    shown = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        return (), (Problem(shown, 1, "file", f"cannot be read ({error}); outlets cannot be detected"),)
    try:
        data = load_yaml(text)
    except YamlProblem as error:
        return (), (Problem(shown, error.line, "yaml", error.message),)
    if not isinstance(data, dict):
        return (), (Problem(shown, 1, "outlets", "must be a mapping of outlet id to its description"),)
    rules: list[OutletRule] = []
    problems: list[Problem] = []
    for outlet_id, entry in data.items():
        if not isinstance(entry, dict):
            problems.append(Problem(shown, line_of(data, str(outlet_id)), str(outlet_id), "must be a mapping"))
            continue
        detect = entry.get("detect") or {}
        if not isinstance(detect, dict):
            problems.append(Problem(shown, line_of(entry, "detect"), "detect", "must be a mapping with domains and signatures lists"))
            detect = {}
        rules.append(
            OutletRule(
                id=str(outlet_id),
                name=str(entry.get("name") or outlet_id),
                license=str(entry.get("license") or ""),
                domains=tuple(d.lower().removeprefix("www.") for d in _text_list(detect.get("domains"))),
                signatures=_text_list(detect.get("signatures")),
                wire=detect.get("wire") is True,
            )
        )
    return tuple(rules), tuple(problems)


def host_of(url: str | None) -> str:
    """The lower-case host of a URL without `www.`; empty when there is none."""
    if not url:
        return ""
    host = urlsplit(url if "//" in url else "//" + url).hostname or ""
    return host.lower().removeprefix("www.")


def _domain_matches(host: str, domain: str) -> bool:
    return host == domain or host.endswith("." + domain)


def gather_evidence(rules: tuple[OutletRule, ...], text: str, url: str | None = None) -> tuple[Evidence, ...]:
    """Every domain and signature of the table that this text (and its URL) shows."""
    host = host_of(url)
    found: list[Evidence] = []
    for rule in rules:
        for domain in rule.domains:
            if host and _domain_matches(host, domain):
                found.append(Evidence(rule.id, "domain", domain))
                break
        for signature in rule.signatures:
            if signature in text:
                found.append(Evidence(rule.id, "signature", signature))
    return tuple(found)


def detect_outlet(rules: tuple[OutletRule, ...], text: str, url: str | None = None) -> Detection:
    """Decide the outlet from the evidence: a wire agency inside another outlet's text wins."""
    evidence = gather_evidence(rules, text, url)
    wire_ids = {rule.id for rule in rules if rule.wire}
    suspects = list(dict.fromkeys(e.outlet for e in evidence))
    wires = [o for o in suspects if o in wire_ids]
    others = [o for o in suspects if o not in wire_ids]
    by_domain = list(dict.fromkeys(e.outlet for e in evidence if e.kind == "domain" and e.outlet not in wire_ids))
    if not suspects:
        return Detection(None, None, evidence, "no domain or signature from the detect table of outlets.yaml was found")
    if len(wires) > 1 or len(by_domain) > 1 or (not by_domain and len(others) > 1):
        return Detection(None, None, evidence, "several outlets match: " + ", ".join(suspects))
    publisher = by_domain[0] if by_domain else (others[0] if others else None)
    if wires and publisher:
        return Detection(wires[0], publisher, evidence, f"wire report of {wires[0]} republished by {publisher}")
    if wires:
        return Detection(wires[0], None, evidence, f"signature of {wires[0]}")
    kind = "domain" if by_domain else "signature"
    return Detection(publisher, None, evidence, f"{kind} of {publisher}")


def find_rule(rules: tuple[OutletRule, ...], outlet_id: str | None) -> OutletRule | None:
    return next((rule for rule in rules if rule.id == outlet_id), None)


QUALIFIER = re.compile(r"\s*[(\[][^)\]]*[)\]]\s*$")
"""A qualifier a dataset adds to an outlet's name: `CNN (Web News)`, `Valley Times [print]`."""


def outlet_key(name: str) -> str:
    """What spellings of one outlet share: `CNN (Web News)`, `cnn` and `The CNN` all give `cnn`."""
    bare = QUALIFIER.sub("", name.strip())
    bare = re.sub(r"^the\s+", "", bare, flags=re.IGNORECASE)
    return re.sub(r"[^a-z0-9]+", "", slugify(bare, words=12))


def match_outlet_value(rules: tuple[OutletRule, ...], value: str) -> OutletRule | None:
    """A dataset's outlet column may hold an id, a name or a domain; find the outlet it means,
    ignoring case, a leading "The" and a qualifier in brackets."""
    wanted = value.strip().lower()
    host = host_of(wanted) if "." in wanted and " " not in wanted.strip() else ""
    key = outlet_key(value)
    for rule in rules:
        if wanted in (rule.id.lower(), rule.name.lower()) or (key and key in (outlet_key(rule.name), outlet_key(rule.id))):
            return rule
        if host and any(_domain_matches(host, d) for d in rule.domains):
            return rule
    return None
