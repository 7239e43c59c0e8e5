"""Headless Chromium (Debian's, through Playwright) and the seed site, for the browser tests.

Without Chromium these tests skip, except in CI (CI=true), where a missing
browser is a failure: the point of them is to prove the site in a real browser.
Every page is opened with the network blocked; requests that would leave the
machine, console errors and failed local loads are recorded for the test to check.
"""

from __future__ import annotations

import shutil
import stat
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.browser.support import LOCAL_SCHEMES, PageLog, launched_chromium


@pytest.fixture(scope="module")
def chromium_browser() -> Iterator[object]:
    """One Chromium per test module (see `launched_chromium`)."""
    yield from launched_chromium()


OpenPage = Callable[..., tuple[object, PageLog]]


@pytest.fixture
def open_offline(chromium_browser) -> Iterator[OpenPage]:
    """`open_offline(url, width=1280, height=900, color_scheme="light")` -> (page, log), with the network blocked."""
    contexts = []

    def opener(url: str, width: int = 1280, height: int = 900, color_scheme: str = "light") -> tuple[object, PageLog]:
        log = PageLog()
        context = chromium_browser.new_context(viewport={"width": width, "height": height}, color_scheme=color_scheme)
        contexts.append(context)

        def route(handle) -> None:
            # every request is seen by the `request` listener below; here the off-machine ones are stopped
            if handle.request.url.startswith(LOCAL_SCHEMES):
                handle.continue_()
            else:
                handle.abort()

        context.route("**/*", route)
        page = context.new_page()
        page.on("console", lambda message: log.console_errors.append(message.text) if message.type == "error" else None)
        page.on("pageerror", lambda error: log.console_errors.append(str(error)))
        page.on("request", lambda request: None if request.url.startswith(LOCAL_SCHEMES) else log.blocked.append(request.url))
        page.on("requestfailed", lambda request: log.failed.append(request.url) if request.url.startswith("file:") else None)
        page.goto(url)
        page.wait_for_load_state("load")
        return page, log

    yield opener
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def site(seed_site: Path) -> Path:
    """The seed site (built once per session by tests/conftest.py)."""
    return seed_site


@pytest.fixture(scope="session")
def readable_site(seed_site: Path) -> Iterator[Path]:
    """A copy of the seed site that any user can read: linkchecker run as root drops to `nobody`."""
    holder = Path(tempfile.mkdtemp(prefix="framing-digest-site-"))
    holder.chmod(0o755)
    copy = holder / "site"
    shutil.copytree(seed_site, copy)
    for path in [copy, *copy.rglob("*")]:
        path.chmod(path.stat().st_mode | stat.S_IROTH | (stat.S_IXOTH if path.is_dir() else 0))
    yield copy
    shutil.rmtree(holder, ignore_errors=True)
