"""The pages' largest tables of numbers, written in Python rather than by templates.

The framing profile (categories x outlets x voice) and the distinctive-word
tables are most of the numbers on an event page, and the counts table is on
every article and outlet page: as template expressions each
number cost an `escape` call and an attribute lookup through Jinja. Here numbers
are printed as the template printed them (`str`, or the same `%` format) and
every text (outlet names, category labels, terms) is escaped exactly once.
The rest of the section (headings, explanations) stays in the template.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from markupsafe import Markup, escape

from generator.compare.types import EventComparison
from generator.render.views import CountRow, EventCard, date_html


def _names(names: Mapping[str, str]) -> dict[str, str]:
    """Each outlet's name, escaped once for the whole table."""
    return {outlet: str(escape(name)) for outlet, name in names.items()}


def profile_table(comparison: EventComparison, names: Mapping[str, str]) -> Markup:
    """Rates per 1,000 words by category (rows) and outlet and voice (columns), with the counts. Each outlet's
    name heads its two columns with its word count, so no figure sits under a column it does not belong to."""
    shown = _names(names)
    profile = comparison.profile
    outlets = "".join(
        f'<th scope="colgroup" colspan="2">{shown[rates.outlet]} <span class="rate">({rates.words:,} words)</span></th>'
        for rates in profile
    )
    voices = '<th scope="col" class="num">own words</th><th scope="col" class="num">quotations</th>' * len(profile)
    out = [
        '<table class="data" id="profile-table">\n'
        "    <caption>Framing highlights per 1,000 words (and how many)</caption>\n"
        f'    <thead><tr><th scope="col" rowspan="2">Category</th>{outlets}</tr>\n'
        f"    <tr>{voices}</tr></thead>\n"
        "    <tbody>\n"
    ]
    for row, (_, label) in enumerate(comparison.categories):
        cells = []
        for rates in profile:
            r = rates.rates[row]
            cells.append(
                f'<td class="num" data-value="{r.own_words}">{"%.1f" % r.own_words} <span class="rate">({r.own_words_count})</span></td>'
                f'<td class="num" data-value="{r.quotation}">{"%.1f" % r.quotation} <span class="rate">({r.quotation_count})</span></td>'
            )
        out.append(f'      <tr><th scope="row">{escape(label)}</th>{"".join(cells)}</tr>\n')
    out.append("    </tbody>\n  </table>")
    return Markup("".join(out))


def distinctive_tables(comparison: EventComparison, names: Mapping[str, str]) -> Markup:
    """One table per outlet of the terms that most distinguish it from the others, highest z first, side by side."""
    shown = _names(names)
    out = ['<div class="table-row">\n']
    for item in comparison.distinctive:
        out.append(
            '  <table class="data">\n'
            f"    <caption>{shown[item.outlet]} against the others</caption>\n"
            '    <thead><tr><th scope="col">Term</th><th scope="col" class="num">z</th><th scope="col" class="num">Uses</th>'
            '<th scope="col" class="num">Uses by the others</th></tr></thead>\n'
            "    <tbody>\n"
        )
        if item.terms:
            out.extend(
                f'<tr><td>{escape(term.term)}</td><td class="num">{"%.2f" % term.z}</td><td class="num">{term.count}</td>'
                f'<td class="num">{term.other_count}</td></tr>\n'
                for term in item.terms
            )
        else:
            out.append('<tr><td colspan="4">No distinctive terms.</td></tr>')
        out.append("    </tbody>\n  </table>\n")
    out.append("  </div>")
    return Markup("".join(out))


def counts_table(rows: Sequence[CountRow], caption: str, id: str | None = None) -> Markup:
    """Highlights by category (rows) and voice, with rates per 1,000 words: an article's or an outlet's."""
    attribute = f' id="{escape(id)}"' if id else ""
    body = "".join(
        f'    <tr><th scope="row">{escape(row.label)}</th><td>{row.narration_count} <span class="rate">({"%.1f" % row.narration_rate})</span></td>'
        f'<td>{row.quotation_count} <span class="rate">({"%.1f" % row.quotation_rate})</span></td><td>{row.headline_count}</td></tr>'
        for row in rows
    )
    return Markup(
        f'<table class="data"{attribute}>\n  <caption>{escape(caption)}</caption>\n'
        '  <thead><tr><th scope="col">Category</th><th scope="col">Narration</th><th scope="col">Quotation</th><th scope="col">Headline</th></tr></thead>\n'
        f"  <tbody>{body}  </tbody>\n</table>"
    )


def event_cards(cards: Sequence[EventCard], root: str) -> Markup:
    """The index's and digests' list of event cards (thousands at 10,000 articles, once on the index
    and again in the digests): each event's title, summary, incident dates and one line per outlet."""
    root = escape(root)
    out = ['<ul class="cards">\n']
    for card in cards:
        event = card.event
        summary = f"<p>{escape(event.summary)}</p>" if event.summary else ""
        incidents = "; ".join(map(date_html, card.incidents)) if card.incidents else "not stated"
        badge = ' <span class="badge">different incidents</span>' if card.different_incidents else ""
        out.append(
            f'  <li class="card" data-event="{escape(event.id)}">\n'
            f'    <h3><a href="{root}events/{escape(event.id)}.html">{escape(event.title)}</a></h3>\n'
            f'{summary}    <p class="muted">Incidents: {incidents}{badge}</p>\n'
            '    <ul class="card-outlets">\n'
        )
        for row in card.outlets:
            rate = (
                f", {'%.1f' % row.rate} framing highlights per 1,000 words ({'%.1f' % row.narration_rate} in its own narration)"
                if row.rate is not None
                else ""
            )
            words = f"; distinctive words: {escape(', '.join(row.top_words))}" if row.top_words else ""
            out.append(
                f'      <li><a href="{root}outlets/{escape(row.outlet.id)}.html">{escape(row.outlet.name)}</a>: '
                f'{row.articles} article{"" if row.articles == 1 else "s"}{rate}{words}</li>\n'
            )
        out.append("    </ul>\n  </li>\n")
    out.append("</ul>")
    return Markup("".join(out))
