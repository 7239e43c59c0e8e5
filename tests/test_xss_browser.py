"""Open every page built from tests/fixtures/xss/content in headless Chromium: no payload ever runs.

Each page is opened twice: as shipped (its Content-Security-Policy in force), and
with the policy bypassed, so that escaping alone is tested too; either layer must
stop every payload on its own. An init script installs a recorder before any page
script runs: `__xss(n)` (what every payload calls), `alert`, `confirm`, `prompt`
and `print`, plus every CSP violation (the site's own files never cause one, so a
violation means injected markup was found and blocked). Dialogs, uncaught page
errors and navigation away from the page are recorded too. After loading, every
element is hovered, focused and clicked-free toggled (mouseover/focus events,
details opened) so that event-handler payloads would fire. A canary page proves
the recorder sees a script that does run.

Skips when Chromium or Playwright is missing, except with CI=true, where it fails.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.build import BuildOptions, build
from tests.browser.support import launched_chromium
from tests.conftest import FIXTURES

XSS_CONTENT = FIXTURES / "xss" / "content"

RECORDER = """
(() => {
  const hits = [];
  Object.defineProperty(window, "__xssHits", { value: hits, writable: false });
  window.__xss = (n) => { hits.push("executed:" + n); };
  for (const name of ["alert", "confirm", "prompt", "print"]) {
    window[name] = (message) => { hits.push(name + ":" + message); };
  }
  document.addEventListener("securitypolicyviolation", (event) => {
    hits.push("csp-violation:" + event.violatedDirective + ":" + event.blockedURI + ":" + (event.sample || ""));
  }, true);
})();
"""

PROVOKE = """
async () => {
  for (const element of document.querySelectorAll("*")) {
    for (const type of ["mouseover", "mouseenter", "mousemove", "pointerover"]) {
      element.dispatchEvent(new MouseEvent(type, { bubbles: true }));
    }
    if (typeof element.focus === "function") { element.focus(); }
    if (element.tagName === "DETAILS") { element.open = true; }
  }
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  return { hits: Array.from(window.__xssHits || []), recorder: typeof window.__xss, url: location.href };
}
"""


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    yield from launched_chromium()


@pytest.fixture(scope="module", params=["public", "private"])
def xss_site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp(f"xss-browser-{request.param}") / "site"
    build(BuildOptions(content=XSS_CONTENT, out=out, full_text=request.param == "private", force=True))
    return out


def open_and_provoke(browser, url: str, bypass_csp: bool) -> dict:
    """Load `url` with the recorder installed and the network blocked; return what happened."""
    context = browser.new_context(bypass_csp=bypass_csp)
    try:
        context.add_init_script(RECORDER)
        blocked: list[str] = []

        def route(handle) -> None:
            if handle.request.url.startswith(("file:", "about:")):
                handle.continue_()
            else:
                blocked.append(handle.request.url)
                handle.abort()

        context.route("**/*", route)
        page = context.new_page()
        dialogs: list[str] = []
        errors: list[str] = []
        page.on("dialog", lambda dialog: (dialogs.append(f"{dialog.type}:{dialog.message}"), dialog.dismiss()))
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(url, wait_until="load")
        result = page.evaluate(PROVOKE)
        result.update(dialogs=dialogs, errors=errors, blocked=blocked, requested=url)
        return result
    finally:
        context.close()


def assert_nothing_ran(result: dict) -> None:
    """No payload ran, nothing was refused by the policy (not even one of the site's own files: every page,
    404.html too, loads only what it may), no dialog, no error, no navigation away."""
    assert result["recorder"] == "function", "the recorder was not installed, so this test could not see anything"
    assert result["hits"] == [], result
    assert result["dialogs"] == [], result
    assert result["errors"] == [], result
    assert result["url"].split("?")[0].split("#")[0] == result["requested"].split("?")[0].split("#")[0], f"navigated away: {result}"
    assert not [u for u in result["blocked"] if u.lower().startswith(("javascript:", "data:", "vbscript:"))], result


def test_the_recorder_sees_a_script_that_runs(browser, tmp_path: Path) -> None:
    """The canary: the same harness reports an inline script (blocked by the policy, run without it)."""
    page = tmp_path / "canary.html"
    page.write_text(
        '<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="default-src \'none\'; script-src \'self\'">'
        "</head><body><p>canary</p><script>__xss('canary')</script><img src=x onerror=\"alert('img')\"></body></html>",
        encoding="utf-8",
    )
    enforced = open_and_provoke(browser, page.as_uri(), bypass_csp=False)
    assert [h for h in enforced["hits"] if h.startswith("csp-violation:")], enforced
    assert not [h for h in enforced["hits"] if h.startswith("executed:")], enforced
    bypassed = open_and_provoke(browser, page.as_uri(), bypass_csp=True)
    assert "executed:canary" in bypassed["hits"], bypassed
    assert "alert:img" in bypassed["hits"] or "alert:img" in " ".join(bypassed["dialogs"]), bypassed


@pytest.mark.parametrize("bypass_csp", [False, True], ids=["csp-enforced", "csp-bypassed"])
def test_no_payload_runs_on_any_page(browser, xss_site: Path, bypass_csp: bool) -> None:
    pages = sorted(xss_site.rglob("*.html"))
    assert len(pages) >= 8
    failures = {}
    for page in pages:
        result = open_and_provoke(browser, page.as_uri(), bypass_csp)
        try:
            assert_nothing_ran(result)
        except AssertionError as error:
            failures[page.relative_to(xss_site).as_posix()] = str(error)[:2000]
    assert not failures, failures


@pytest.mark.parametrize("query", ["regime", "harbour", "onerror", "img", "svg"])
def test_search_results_show_payloads_as_text(browser, xss_site: Path, query: str) -> None:
    """Search builds results from the index in the browser; hostile titles and snippets stay text."""
    url = (xss_site / "search.html").as_uri() + f"?q={query}"
    context = browser.new_context()
    try:
        context.add_init_script(RECORDER)
        context.route("**/*", lambda handle: handle.continue_() if handle.request.url.startswith("file:") else handle.abort())
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.on("dialog", lambda dialog: (errors.append("dialog " + dialog.message), dialog.dismiss()))
        page.goto(url, wait_until="load")
        page.locator("#search-results li").first.wait_for()
        result = page.evaluate(PROVOKE)
        text = page.evaluate("document.getElementById('search-results').textContent")
        injected = page.evaluate("document.querySelectorAll('#search-results script, #search-results img, #search-results iframe, #search-results svg').length")
    finally:
        context.close()
    assert result["hits"] == [] and errors == [], (result, errors)
    assert injected == 0
    assert "__xss(" in text, text[:500]
