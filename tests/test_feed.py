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


def element_tree_feed(corpus, entries, base_url, generator_version) -> str:
    """The feed as ElementTree builds and writes it: what atom_feed, which writes the text directly, must equal."""
    from generator.render.feed import ATOM, NO_DATE, atom_date, page_url, stable_id

    def sub(parent, tag, text=None, **attrs):
        element = ET.SubElement(parent, tag, attrs)
        if text is not None:
            element.text = text
        return element

    site = corpus.site
    feed = ET.Element("feed", {"xmlns": ATOM, "xml:lang": site.language})
    sub(feed, "id", stable_id("feed", site.title))
    sub(feed, "title", site.title)
    if site.description:
        sub(feed, "subtitle", site.description)
    sub(feed, "updated", atom_date(max((e.updated for e in entries), default=NO_DATE)))
    sub(sub(feed, "author"), "name", site.title)
    sub(feed, "generator", "Framing Digest", version=generator_version)
    if base_url:
        sub(feed, "link", rel="self", type="application/atom+xml", href=f"{base_url}feed.xml")
    sub(feed, "link", rel="alternate", type="text/html", href=page_url("index.html", base_url))
    for item in entries:
        entry = sub(feed, "entry")
        sub(entry, "id", item.id)
        sub(entry, "title", item.title)
        sub(entry, "link", rel="alternate", type="text/html", href=page_url(item.path, base_url))
        sub(entry, "published", atom_date(item.published))
        sub(entry, "updated", atom_date(item.updated))
        sub(entry, "summary", item.summary, type="text")
        for term, label in item.categories:
            sub(entry, "category", term=term, label=label)
    ET.indent(feed, space=" ")
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"


@pytest.mark.parametrize("base_url", [None, "https://example.org/a&b\"<c>/"])
@pytest.mark.parametrize("description", ["", "Site & <feed> \"quoted\"\r\n\ttabbed "])
def test_the_feed_text_is_what_element_tree_writes(base_url: str | None, description: str) -> None:
    """Hostile and awkward text in every field (markup, quotes, CR/LF/tab in attributes, empty and blank
    text) comes out escaped exactly as ElementTree escapes it, and the file parses back to the same values."""
    from types import SimpleNamespace

    from generator.render.feed import FeedEntry, atom_feed

    hostile = "<script>alert('x')</script> & \"q\"\r\n\t]]>"
    site = SimpleNamespace(title=hostile, description=description, language='en"<&')
    entries = [
        FeedEntry(f"urn:x:{n}", title, f"articles/{hostile}{n}.html", dt.date(2020, 1, 1 + n), dt.date(2020, 1, 1),
                  f"Summary {hostile}", (("article", "Article"), (f"outlet:{hostile}", hostile)))
        for n, title in enumerate([hostile, "", "  ", "plain"])
    ]
    for items in (entries, []):
        corpus = SimpleNamespace(site=site)
        text = atom_feed(corpus, items, base_url, "1.0<&>")
        assert text == element_tree_feed(corpus, items, base_url, "1.0<&>")
        assert "<script>" not in text
        root = ET.fromstring(text.split("\n", 1)[1])
        assert one(root, "title").text == hostile.replace("\r\n", "\n") and len(root.findall(A + "entry")) == len(items)
