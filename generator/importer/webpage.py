"""Saved web pages: the article's main text and metadata, with menus, share buttons, related
links and cookie banners left behind. Extraction is trafilatura's; this module only decides
how its result becomes a draft (paragraphs, outlet from the page's domain, placeholders).
"""

from __future__ import annotations

import datetime as dt

from generator.importer.draft import ArticleDraft, markdown_body
from generator.importer.newoutlets import propose
from generator.importer.outlets import OutletRule, detect_outlet, host_of, match_outlet_value
from generator.importer.plaintext import clean_text, import_notes, review_items
from generator.importer.textfix import repair_mojibake

MIN_WORDS = 25
"""Fewer words than this is a menu or an error page, not an article; the page is rejected."""

DATE_OPTIONS = {"extensive_search": False, "original_date": True, "outputformat": "%Y-%m-%d"}
"""Only dates the page states in its metadata or URL: a guess from the page's text would be
presented as fact. `original_date` prefers the first publication over the last update."""


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def drop_repeated_title(text: str, title: str | None) -> str:
    """Pages often repeat the headline as the first line of the article; it belongs in `title`."""
    first, _, rest = text.strip().partition("\n")
    if title and " ".join(first.split()).lower() == " ".join(title.split()).lower():
        return rest
    return text


def parse_web_page(html: bytes | str, source_file: str, rules: tuple[OutletRule, ...], forced_outlet: str | None = None) -> ArticleDraft:
    """A draft from one saved page; an empty body if no article text can be found."""
    import trafilatura  # imported here: it takes about a second, and only web pages need it

    document = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        favor_precision=True,
        date_extraction_params=DATE_OPTIONS,
    )
    if document is None or len((document.text or "").split()) < MIN_WORDS:
        return ArticleDraft(body="", source_file=source_file, source_kind="saved web page")
    title = (document.title or "").strip() or None
    repaired = repair_mojibake(document.text or "")
    repairs = ("mojibake" + (f" ({repaired.example})" if repaired.example else ""),) if repaired.text != (document.text or "") else ()
    if title:
        title = repair_mojibake(title).text
    text = drop_repeated_title(repaired.text, title)
    url = document.url or None
    detection = detect_outlet(rules, text, url)
    outlet = forced_outlet or detection.outlet
    if outlet is None and document.sitename:
        rule = match_outlet_value(rules, document.sitename)
        outlet = rule.id if rule else None
    proposal = propose(document.sitename, url, rules) if outlet is None and not detection.evidence else None
    clean = clean_text(text, detection, rules)
    site = ", ".join(x for x in (document.sitename, host_of(url)) if x)
    notes = (f"Extracted from a saved web page ({site})." if site else "Extracted from a saved web page."),
    return ArticleDraft(
        body=markdown_body(list(clean.paragraphs)),
        source_file=source_file,
        source_kind="saved web page",
        title=title,
        outlet=outlet,
        published=_date(document.date),
        url=url,
        author=(document.author or "").strip() or clean.signature,
        dateline=clean.dateline,
        license=clean.license,
        notes=notes + clean.notes,
        review=("title, date and author as extracted", "the text against the page") + tuple(i for i in review_items(clean) if "furniture" in i),
        outlet_hint="" if outlet else (f"site: {site}; " if site else "") + detection.reason,
        outlet_proposal=proposal,
        repairs=repairs,
        import_notes=import_notes(clean),
    )
