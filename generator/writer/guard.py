"""Output folders a build must not replace as asked.

A private full-text build must not land in the folder the GitHub Pages
workflow publishes: that would publish texts the licences do not allow.
"""

from __future__ import annotations

from pathlib import Path

import yaml


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
