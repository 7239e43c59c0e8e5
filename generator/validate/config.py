"""site.yaml and outlets.yaml."""

from __future__ import annotations

from pathlib import Path

from generator.errors import Problem
from generator.load import YamlFile
from generator.model import Outlet, PublishingPolicy, SiteConfig
from generator.yamlsafe import line_of
from generator.validate.fields import DETECT_KEYS, OUTLET_KEYS, PUBLISHING_KEYS, SITE_KEYS, Fields, Options, check_id, kind_of, placeholder_problems


def validate_site(file: YamlFile) -> tuple[SiteConfig | None, list[Problem]]:
    if file.data is None:
        return None, []
    if not isinstance(file.data, dict):
        return None, [Problem(file.path, 1, "site", f"must be a mapping of settings (title: ..., lexicon: [...]), not {kind_of(file.data)}")]
    fields = Fields(file.path, file.data)
    fields.unknown_keys(SITE_KEYS, ", ".join(sorted(SITE_KEYS)))
    title = fields.text("title", required=True, default="Framing Digest")
    description = fields.text("description")
    language = fields.text("language", default="en")
    base_url = fields.url("base_url")
    if base_url and not base_url.endswith("/"):
        base_url += "/"
    listed = fields.text_list("lexicon")
    if not listed:
        fields.problem("lexicon", "must list at least one lexicon file, e.g. [lexicon/categories.yaml, lexicon/labels.yaml]")
    lexicon = tuple(item for item in listed if is_relative_inside(item))  # a refused path is never opened
    for item in listed:
        if item not in lexicon:
            fields.problem("lexicon", f"{item!r} must be a path inside the content folder, e.g. lexicon/labels.yaml")
    theme = fields.text("theme")
    if theme and not is_relative_inside(theme):
        fields.problem("theme", f"{theme!r} must be a folder inside the content folder, e.g. theme/; templates elsewhere are "
                                "named on the command line with --templates DIR")
    policy = PublishingPolicy()
    publishing = file.data.get("publishing")
    if publishing is not None:
        if not isinstance(publishing, dict):
            fields.problem("publishing", "must be a mapping with full_text_licenses, excerpt_max_sentences, excerpt_max_share")
        else:
            sub = Fields(file.path, publishing)
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


def is_relative_inside(item: str) -> bool:
    """A path written in site.yaml that stays inside the content folder as written (links are checked when
    the file is opened): relative, without `..`, backslashes or characters that are not text."""
    parts = Path(item).parts
    return bool(parts) and not item.startswith(("/", "~")) and ".." not in parts and "\\" not in item and item.isprintable()


def validate_outlets(file: YamlFile, options: Options | None = None) -> tuple[tuple[Outlet, ...], list[Problem]]:
    if file.data is None:
        return (), []
    if not isinstance(file.data, dict):
        return (), [Problem(file.path, 1, "outlets", f"must be a mapping of outlet id to its description (mehr: {{name: ...}}), not {kind_of(file.data)}")]
    outlets: list[Outlet] = []
    problems: list[Problem] = []
    for outlet_id, data in file.data.items():
        line = line_of(file.data, str(outlet_id))
        problems.extend(check_id(file.path, line, str(outlet_id), str(outlet_id), "outlet id"))
        if not isinstance(data, dict):
            problems.append(Problem(file.path, line, str(outlet_id), f"must be a mapping with name, country, ownership, license; not {kind_of(data)}"))
            continue
        fields = Fields(file.path, data)
        fields.unknown_keys(OUTLET_KEYS, ", ".join(sorted(OUTLET_KEYS)))
        placeholder_problems(fields, options, f" in outlet {outlet_id!r}")
        domains: tuple[str, ...] = ()
        signatures: tuple[str, ...] = ()
        detect = data.get("detect")
        if detect is not None:
            if isinstance(detect, dict):
                sub = Fields(file.path, detect)
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
