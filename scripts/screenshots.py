"""Screenshots of built pages in headless Chromium, for a person to look at.

    python scripts/screenshots.py SITE_DIR OUT_DIR [PAGE ...]

Takes each page (default: index, the first event, the first article) at phone
(390 px) and desktop (1280 px) widths over file://, with the network blocked.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
WIDTHS = {"phone": (390, 844), "desktop": (1280, 900)}


def default_pages(site: Path) -> list[Path]:
    pages = [site / "index.html"]
    pages += sorted((site / "events").glob("*.html"))[:1]
    pages += sorted((site / "articles").glob("*.html"))[:1]
    return pages


def main(argv: list[str]) -> int:
    site, out = Path(argv[0]), Path(argv[1])
    pages = [site / p for p in argv[2:]] or default_pages(site)
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium"), args=ARGS)
        for name, (width, height) in WIDTHS.items():
            page = browser.new_page(viewport={"width": width, "height": height})
            page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file://") else route.abort())
            for target in pages:
                page.goto(target.resolve().as_uri())
                shot = out / f"{target.parent.name if target.parent != site else 'root'}-{target.stem}-{name}.png"
                page.screenshot(path=str(shot), full_page=False)
                print(shot)
            page.close()
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
