"""feed.xml is valid Atom (RFC 4287) with stable ids and content dates; sitemap.xml only with a base_url."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from generator.build import BuildOptions, build

A = "{http://www.w3.org/2005/Atom}"
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
BASE = "https://example.org/digest/"


def set_base_url(content: Path, base_url: str) -> None:
    site_yaml = content / "site.yaml"
    site_yaml.write_text(site_yaml.read_text(encoding="utf-8") + f"base_url: {base_url}\n", encoding="utf-8")


def build_site(content: Path, out: Path) -> Path:
    build(BuildOptions(content=content, out=out))
    return out


def one(parent: ET.Element, tag: str) -> ET.Element:
    found = parent.findall(A + tag)
    assert len(found) == 1, f"<{parent.tag}> must have exactly one <{tag}>, has {len(found)}"
    return found[0]


def atom_date(text: str) -> dt.datetime:
    """RFC 3339 date-time with a time zone, as Atom requires."""
    value = dt.datetime.fromisoformat(text)
    assert value.tzinfo is not None, text
    return value


def check_atom(root: ET.Element) -> list[ET.Element]:
    """The RFC 4287 rules a feed reader relies on; returns the entries."""
    assert root.tag == A + "feed"
    assert urlsplit(one(root, "id").text or "").scheme, "feed id must be an absolute IRI"
    assert (one(root, "title").text or "").strip()
    atom_date(one(root, "updated").text or "")
    entries = root.findall(A + "entry")
    if not all(e.findall(A + "author") for e in entries):
        assert one(one(root, "author"), "name").text
    for entry in entries:
        assert urlsplit(one(entry, "id").text or "").scheme, "entry id must be an absolute IRI"
        assert (one(entry, "title").text or "").strip()
        atom_date(one(entry, "updated").text or "")
        alternates = [link for link in entry.findall(A + "link") if link.get("rel", "alternate") == "alternate"]
        assert len(alternates) == 1 and alternates[0].get("href")
        summary = one(entry, "summary")
        assert summary.get("type", "text") == "text" and summary.text
    return entries


@pytest.fixture
def site(minimal_content: Path, tmp_path: Path) -> Path:
    return build_site(minimal_content, tmp_path / "site")


def test_feed_is_valid_atom_with_content_dates(site: Path) -> None:
    root = ET.parse(site / "feed.xml").getroot()
    entries = check_atom(root)
    by_link = {e.find(A + "link").get("href"): e for e in entries}
    assert set(by_link) == {"articles/harbour-fire.html", "articles/fire-at-harbour.html", "events/harbour-fire.html", "digests/2021-03.html"}
    # dates are the articles' publication dates, never the build time
    for entry in entries:
        assert entry.find(A + "updated").text == "2021-03-02T00:00:00Z"
    assert root.find(A + "updated").text == "2021-03-02T00:00:00Z"
    ids = [e.find(A + "id").text for e in entries]
    assert len(set(ids)) == len(ids) and all(i.startswith("urn:uuid:") for i in ids)


def test_feed_links_are_relative_without_base_url_and_resolve(site: Path) -> None:
    root = ET.parse(site / "feed.xml").getroot()
    hrefs = [link.get("href") for link in root.iter(A + "link")]
    assert not [h for h in hrefs if urlsplit(h).scheme], hrefs
    assert all((site / h).is_file() for h in hrefs), hrefs
    assert not [link for link in root.iter(A + "link") if link.get("rel") == "self"]
    assert not (site / "sitemap.xml").exists()


def test_feed_says_when_an_article_is_excerpts_only(site: Path) -> None:
    root = ET.parse(site / "feed.xml").getroot()
    summaries = {e.find(A + "link").get("href"): e.find(A + "summary").text for e in root.iter(A + "entry")}
    assert "Not licensed for republication" in summaries["articles/fire-at-harbour.html"]
    assert "Not licensed" not in summaries["articles/harbour-fire.html"]


def test_entry_ids_and_bytes_are_stable_across_builds_and_base_urls(minimal_content: Path, tmp_path: Path) -> None:
    first = (build_site(minimal_content, tmp_path / "one") / "feed.xml").read_bytes()
    again = (build_site(minimal_content, tmp_path / "two") / "feed.xml").read_bytes()
    assert first == again
    set_base_url(minimal_content, BASE)
    published = ET.fromstring((build_site(minimal_content, tmp_path / "three") / "feed.xml").read_bytes())
    ids = lambda root: sorted(e.find(A + "id").text for e in root.iter(A + "entry"))  # noqa: E731
    assert ids(published) == ids(ET.fromstring(first))


def test_with_base_url_links_are_absolute_and_a_sitemap_lists_every_page(minimal_content: Path, tmp_path: Path) -> None:
    set_base_url(minimal_content, BASE)
    site = build_site(minimal_content, tmp_path / "site")
    root = ET.parse(site / "feed.xml").getroot()
    check_atom(root)
    links = list(root.iter(A + "link"))
    assert all(link.get("href", "").startswith(BASE) for link in links)
    assert [link.get("href") for link in links if link.get("rel") == "self"] == [BASE + "feed.xml"]

    sitemap = ET.parse(site / "sitemap.xml").getroot()
    assert sitemap.tag == SM + "urlset"
    locs = [url.find(SM + "loc").text for url in sitemap.iter(SM + "url")]
    assert len(locs) == len(set(locs))
    listed = {loc.removeprefix(BASE) for loc in locs}
    pages = {p.relative_to(site).as_posix() for p in site.rglob("*.html")} - {"404.html"}
    assert listed == pages
    for url in sitemap.iter(SM + "url"):
        lastmod = url.find(SM + "lastmod")
        if lastmod is not None:
            dt.date.fromisoformat(lastmod.text)
    assert f"Sitemap: {BASE}sitemap.xml" in (site / "robots.txt").read_text()


def test_seed_feed_has_every_article_and_the_event(seed_site: Path) -> None:
    root = ET.parse(seed_site / "feed.xml").getroot()
    entries = check_atom(root)
    links = {e.find(A + "link").get("href") for e in entries}
    articles = {p.relative_to(seed_site).as_posix() for p in (seed_site / "articles").glob("*.html")}
    assert articles <= links
    assert "events/baghdad-embassy-rocket-attacks.html" in links
    # newest first
    updated = [e.find(A + "updated").text for e in entries]
    assert updated == sorted(updated, reverse=True)
