"""Issue #21, 10: GitHub Pages serves 404.html at any missing address, at any depth of a project path, and
a bundle's reader may open it from disk. It loaded its stylesheet and script from base_url when that was
set (from the network), or by relative paths that miss at any depth but the top (unstyled). Now it loads
nothing: its stylesheet is inlined, allowed by its hash in the page's policy, and it needs no script."""

from __future__ import annotations

import base64
import functools
import hashlib
import re
import shutil
import threading
from collections.abc import Iterator
from html.parser import HTMLParser
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.security_support import bundle, digest, user, write_site_yaml  # noqa: F401 - fixtures

BASE_URL = "https://example.org/digest/"


class Loads(HTMLParser):
    """What a page would fetch to show itself (stylesheets, scripts, images, frames), and its links."""

    def __init__(self) -> None:
        super().__init__()
        self.loads: list[str] = []
        self.links: list[str] = []
        self.styles: list[str] = []
        self.in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "link" and values.get("rel") in ("stylesheet", "icon", "preload", "modulepreload", "manifest"):
            self.loads.append(values.get("href", ""))
        elif tag in ("script", "img", "iframe", "embed", "source", "video", "audio") and "src" in values:
            self.loads.append(values["src"])
        elif tag == "a":
            self.links.append(values.get("href", ""))
        self.in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self.in_style = False

    def handle_data(self, data: str) -> None:
        if self.in_style:
            self.styles.append(data)


def built(content: Path, out: Path, base_url: bool) -> Path:
    if base_url:
        write_site_yaml(content, f"base_url: {BASE_URL}\n")
    assert digest("build", "--content", content, "--out", out, "--no-cache").code == 0
    return out


@pytest.mark.parametrize("base_url", [True, False], ids=["base_url", "no base_url"])
def test_the_404_page_loads_nothing_and_carries_its_styles(bundle: Path, tmp_path: Path, base_url: bool) -> None:
    site = built(bundle, tmp_path / "site", base_url)
    html = (site / "404.html").read_text(encoding="utf-8")
    page = Loads()
    page.feed(html)
    assert page.loads == [], page.loads
    [style] = page.styles
    assert ".site-header" in style and "</" not in style
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', html).group(1)
    allowed = "'sha256-" + base64.b64encode(hashlib.sha256(style.encode("utf-8")).digest()).decode() + "'"
    assert f"style-src {allowed};" in policy and "'unsafe-inline'" not in policy, policy
    home = f"{BASE_URL}index.html" if base_url else "index.html"
    assert home in page.links and all(not link.startswith("/") for link in page.links), page.links


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from tests.browser.support import launched_chromium

    yield from launched_chromium()


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """(folder, its address on a web server on this machine)."""
    folder = tmp_path / "pages"
    folder.mkdir()
    handler = functools.partial(SimpleHTTPRequestHandler, directory=str(folder))
    handler.log_message = lambda *args: None  # type: ignore[method-assign]
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield folder, f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


WATCH = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(event.violatedDirective + " " + event.blockedURI);
}, true);
"""

STYLED = """() => {
  const header = getComputedStyle(document.querySelector(".site-header"));
  return { header: header.display, body: getComputedStyle(document.body).marginTop, violations: window.__violations };
}"""


@pytest.mark.parametrize("base_url", [True, False], ids=["base_url", "no base_url"])
def test_the_404_page_is_styled_at_any_depth_from_disk_and_a_server(
    bundle: Path, tmp_path: Path, browser, served: tuple[Path, str], base_url: bool
) -> None:
    """As GitHub Pages serves it for a missing /digest/no/such/deep/page.html, over http and from disk: every
    request is the page itself, no policy violation, and the site's styles apply."""
    folder, address = served
    site = built(bundle, tmp_path / "site", base_url)
    shutil.copytree(site, folder / "digest")
    deep = folder / "digest" / "no" / "such" / "deep"
    deep.mkdir(parents=True)
    shutil.copy(site / "404.html", deep / "page.html")
    for url in (address + "digest/no/such/deep/page.html", (deep / "page.html").as_uri(), (folder / "digest" / "404.html").as_uri()):
        context = browser.new_context()
        try:
            requests: list[str] = []
            context.add_init_script(WATCH)
            context.route("**/*", lambda handle: handle.continue_() if handle.request.url.startswith((address, "file:")) else handle.abort())
            page = context.new_page()
            page.on("request", lambda request: requests.append(request.url))
            page.goto(url, wait_until="load")
            found = page.evaluate(STYLED)
        finally:
            context.close()
        assert requests == [url], requests
        assert found == {"header": "flex", "body": "0px", "violations": []}, (url, found)
