"""Output folders a build must not replace as asked.

A build replaces its whole output folder, so `--out` must name a folder that
is a site: one that does not exist yet, is empty, or carries the marker file
(`SITE_MARKER`) an earlier build left. A folder built before the marker existed
is recognised by its shape (an `index.html` and a `.nojekyll`, and nothing but
the names a site has at its top). Anything else (a folder with a thesis in it)
is refused unless `--force`; the content folder, the templates, the project
checkout, the home folder and any folder that holds one of them are refused
always. And a private full-text build must not land in the folder the GitHub
Pages workflow publishes: that would publish texts the licences do not allow.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

import yaml

from generator.keys import PACKAGE

SITE_MARKER = ".framing-digest-site"
MARKER_TEXT = b"A site built by Framing Digest. A later build into this folder replaces all of it.\n"
"""Harmless where it is published (GitHub Pages serves it as this one line of text)."""

SITE_NAMES = frozenset({"index.html", "404.html", ".nojekyll", "robots.txt", "method.html", "search.html", "feed.xml",
                        "sitemap.xml", "articles", "events", "outlets", "digests", "data", "assets", SITE_MARKER})
"""What a site holds at its top: a folder of only these, with index.html and .nojekyll, is a site built before the marker."""


class BuildRefused(Exception):
    """The build will not run as asked; the message says why and what to do instead."""


def deployed_folders(project_root: Path) -> set[Path]:
    """Folders the project's GitHub Pages workflows upload (the `path:` of each upload-pages-artifact step),
    and `site/`, the default."""
    folders = {(project_root / "site").resolve()}
    for workflow in sorted((project_root / ".github" / "workflows").glob("*.y*ml")):
        try:
            data = yaml.safe_load(workflow.read_text(encoding="utf-8", errors="replace"))
        except (OSError, yaml.YAMLError):
            continue
        for step in _steps(data):
            if str(step.get("uses", "")).startswith("actions/upload-pages-artifact"):
                given = (step.get("with") or {}).get("path", "_site")
                folders.add((project_root / str(given)).resolve())
    return folders


def _steps(workflow: object) -> list[dict]:
    jobs = workflow.get("jobs") if isinstance(workflow, dict) else None
    if not isinstance(jobs, dict):
        return []
    return [step for job in jobs.values() if isinstance(job, dict)
            for step in job.get("steps") or [] if isinstance(step, dict)]


def refuse_private_into_deployed(out: Path, project_root: Path) -> None:
    if out.resolve() in deployed_folders(project_root):
        raise BuildRefused(
            f"refusing to write a private full-text build into {out}, the folder the Pages workflow publishes; "
            "choose another --out (make site FULL_TEXT=1 uses private-site/) or pass --force"
        )


def refuse_unsafe_output(out: Path, content: Path, templates: Path, force: bool) -> None:
    """Raise BuildRefused unless a build may replace `out` (see the module's docstring)."""
    target = Path(os.path.realpath(out))
    for folder, name in protected_folders(content, templates):
        if target == folder or folder.is_relative_to(target):
            which = "is" if target == folder else "contains"
            raise BuildRefused(f"refusing to build into {out}: it {which} {name}, and a build replaces its whole output folder; "
                               "choose --out a new folder, e.g. --out site")
    if not os.path.lexists(target):
        return
    if not target.is_dir():
        raise BuildRefused(f"refusing to build into {out}: it is a file, not a folder; choose --out a new folder, e.g. --out site")
    entries = set(os.listdir(target))
    if force or not entries or SITE_MARKER in entries or is_old_site(entries):
        return
    shown = ", ".join(sorted(entries)[:3]) + (", ..." if len(entries) > 3 else "")
    raise BuildRefused(f"refusing to build into {out}: it is not empty ({shown}) and no build of Framing Digest made it "
                       f"(it has no {SITE_MARKER}), and a build replaces the whole folder; choose --out a new folder, "
                       "or pass --force to replace it and everything in it")


def protected_folders(content: Path, templates: Path) -> list[tuple[Path, str]]:
    folders = [(content, "the content folder")]
    if (PACKAGE.parent / "pyproject.toml").is_file():
        folders.append((PACKAGE.parent, "the project folder (this checkout of Framing Digest)"))
    try:
        folders.append((Path.home(), "your home folder"))
    except RuntimeError:  # no home folder known
        pass
    folders.append((templates, "the templates folder"))
    return [(Path(os.path.realpath(folder)), name) for folder, name in folders]


def is_old_site(entries: Iterable[str]) -> bool:
    """A site built before the marker file: index.html and .nojekyll, and only the names a site has."""
    names = set(entries)
    return {"index.html", ".nojekyll"} <= names and names <= SITE_NAMES
