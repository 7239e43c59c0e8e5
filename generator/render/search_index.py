"""The offline search index: term shards and document chunks, written as plain scripts our search.js reads.

A plain `<script src>` file is the one way to ship data that works from `file://`
(fetch and modules are blocked there, and the page's CSP is `script-src 'self'`).
The build writes, under `assets/search/`:

- `index.js`: `window.SEARCH_INDEX = {...}`, the only file the search page loads
  up front: the document count, the field names, the stop words, the shard keys
  and the first document of each chunk (2 kB at 1,000 articles, 10 kB at 10,000).
- `terms-<key>.js` (and `terms.js` for the empty key): `window.SEARCH_SHARD(key, {term: postings})`.
  A shard holds every term that starts with its key and with no longer key that
  is a shard of its own; a term lives in the shard with the longest key that is
  a prefix of it. Shards are cut by size: a prefix whose terms are too many for
  one file gives its largest next-letter groups shards of their own, recursively
  (`split_shards`), so no shard is much over `SHARD_BYTES` unless one term is.
  A query loads the shards its words need, and nothing else.
- `docs-<n>.js`: `window.SEARCH_DOCS(n, [row, ...])`, chunks of consecutive
  documents of about `CHUNK_BYTES`: what a result shows (link, kind, title, meta
  line) and the text of every field, so the page can show where the words occur.
  Only the chunks of the results shown are loaded.

Words. Both sides cut text the same way (`index_terms` here, `terms` in search.js,
and tests/browser/test_offline.py checks they agree): the text in NFC, runs of
Unicode letters and digits, each run put in NFKC, lower-cased and in NFKC again
(which may cut it further: "½" is "1⁄2"), minus `STOP_WORDS`, through the
S-stemmer (`stem`). The last word of a query of at least `MIN_PREFIX` characters
matches every term it starts; every word must occur (AND).

Postings. For each term, the documents that contain it, in document order, as a
flat list `[doc, code, doc, code, ...]` where `doc` is the difference from the
previous document number (the first is the number itself) and
`code = weight * 32 + fields`. `fields` is a bit mask of the fields the term
occurs in (bit i for `FIELDS[i]`), and

    weight = sum over those fields of boost(field) * saturate(tf in the field)
    saturate(tf) = min(4, bit_length(tf))   # 1; 2-3; 4-7; 8 and more -> 1, 2, 3, 4

with boosts title 10, speakers 5, outlet 3, event 3, body 1 (at most 88). The page
scores a document by the sum, over the query's words, of the best
`weight * idf(term)` of a term that word matches, with
idf = ln(1 + (N - df + 0.5) / (df + 0.5)) (N documents, df with the term).

Everything is compact JSON with sorted keys: two builds of the same content give
the same bytes.

Rights: an article the public site may not show in full is indexed by what its
page shows (headline, outlet, event, the speakers in its quotation table and its
excerpts) and nothing more; otherwise its text could be read back out of the
index. Its `body` here, in the postings and in the chunks, is only its excerpts.
"""

from __future__ import annotations

import json
import operator
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import fields

from generator.render.search_documents import FIELDS, SearchDocument

SHARD_BYTES = 48_000
"""About how large a term shard may grow before its prefix is split."""
CHUNK_BYTES = 16_000
"""About how much text a document chunk holds (at least one document)."""
MIN_PREFIX = 2
"""The last query word matches as a prefix from this many characters on (a single letter would load every shard under it)."""
FORMAT = 2
"""The version of these files (1 was the lunr index in assets/search-index.js)."""

# 124 English function words, never indexed nor searched for (ours, not lunr's list). Not "us", "may", "will" or "can":
# those are also the United States, a month, a name and a noun.
STOP_WORDS = frozenset("""
a about above after again against all also am an and any are as at be been before being below between both but by
could did do does doing down during each few for from further had has have having he her here hers herself him
himself his how i if in into is it its itself just me more most my myself no nor not of off on once only or other
our ours ourselves out over own s same she should so some such t than that the their theirs them themselves then
there these they this those through to too under until up very was we were what when where which while who whom
why with would you your yours yourself
""".split())

WORD = re.compile(r"[^\W_]+")
"""A run of Unicode letters and digits: `\\w` without the underscore, as `[\\p{L}\\p{N}]+` in search.js."""


def stem(word: str) -> str:
    """The "S" stemmer (Harman, "How effective is suffixing?", JASIS 42(1), 1991), for words of four letters or more.

    -ies -> -y (not -eies, -aies); -es -> -e (not -aes, -ees, -oes); -s -> "" (not -us, -ss); only the first rule
    that applies. "rockets" -> "rocket", "embassies" -> "embassy", "James" -> "jame" (the query is stemmed alike).
    """
    if len(word) < 4 or not word.endswith("s"):
        return word
    if word.endswith("ies"):
        if not word.endswith(("eies", "aies")):
            return word[:-3] + "y"
    elif word.endswith("es"):
        if not word.endswith(("aes", "ees", "oes")):
            return word[:-1]
    elif not word.endswith(("us", "ss")):
        return word[:-1]
    return word


def normal_words(token: str) -> list[str]:
    """One run of letters and digits as the index writes it: NFKC, lower case, NFKC, cut again into runs."""
    if token.isascii():
        return [token.lower()]
    return WORD.findall(unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", token).lower()))


ASCII_WORDS = bytes(c | 32 if chr(c).isalpha() else c if chr(c).isdigit() else 32 for c in range(128)) + b" " * 128
"""bytes.translate table: ASCII letters lower-cased, digits kept, anything else a space."""
NON_ASCII_WORD = re.compile(r"[^\W\x00-\x7f]")
ASCII_BYTES = bytes(range(128))


def word_keys(text: str) -> list[bytes] | list[str]:
    """The normalised words of a text, in order, stop words included; as bytes when the text's words are all ASCII.

    That is the common case (English, with curly quotes and dashes around the words), and the fast one: when no
    letter or digit is outside ASCII and NFC changes nothing, the words are the ASCII runs, lower-cased."""
    if text.isascii():
        return text.encode("ascii").translate(ASCII_WORDS).split()
    # Only the non-ASCII characters can be word characters ASCII_WORDS misses: they are few (curly quotes,
    # dashes), and deleting the ASCII bytes from the UTF-8 in C finds them faster than a regex over the text.
    data = text.encode("utf-8", "surrogatepass")
    others = data.translate(None, ASCII_BYTES).decode("utf-8", "surrogatepass")
    if NON_ASCII_WORD.search(others) is None and unicodedata.is_normalized("NFC", text):
        return data.translate(ASCII_WORDS).split()  # every byte of a non-ASCII character is >= 128: a space
    return [word for token in WORD.findall(unicodedata.normalize("NFC", text)) for word in normal_words(token)]


def words(text: str) -> list[str]:
    """The normalised words of a text, in order, stop words included."""
    keys = word_keys(text)
    return [key.decode("ascii") for key in keys] if keys and isinstance(keys[0], bytes) else keys  # type: ignore[return-value]


def index_terms(text: str) -> list[str]:
    """The terms of a text, in order: what is indexed, and what a query searches for (search.js `terms`)."""
    return [stem(word) for word in words(text) if word not in STOP_WORDS]


SATURATE = (0, 1, 2, 2, 3, 3, 3, 3)
"""saturate(tf) for tf < 8; 4 from 8 on (min(4, tf.bit_length()))."""


BODY_CODES = tuple((SATURATE[tf] if tf < 8 else 4) * 32 + 16 for tf in range(9))
"""weight * 32 + fields of a term found only in the body (boost 1, bit 4), by tf (8 for 8 and more)."""


class TermOf(dict):
    """word (str or ASCII bytes) -> its term, or "" for a stop word; each distinct word is stemmed once."""

    def __missing__(self, key: str | bytes) -> str:
        word = key.decode("ascii") if isinstance(key, bytes) else key
        term = self[key] = "" if word in STOP_WORDS else stem(word)
        return term


def postings(documents: tuple[SearchDocument, ...]) -> dict[str, list[int]]:
    """term -> [doc, code, doc, code, ...] with absolute document numbers (see `encoded` and the module docstring)."""
    assert FIELDS[-1][0] == "body"
    table: dict[str, list[int]] = {}
    get = table.get
    term_of = TermOf().__getitem__
    for number, document in enumerate(documents):
        found: dict[str, list[int]] = {}  # term -> [weight, fields] from the short fields
        for bit, (name, boost) in enumerate(FIELDS[:-1]):
            text = getattr(document, name)
            if not text:
                continue
            counts = Counter(map(term_of, word_keys(text)))
            counts.pop("", None)
            mask = 1 << bit
            for term, count in counts.items():
                weight = boost * (SATURATE[count] if count < 8 else 4)
                entry = found.get(term)
                if entry is None:
                    found[term] = [weight, mask]
                else:
                    entry[0] += weight
                    entry[1] |= mask
        if document.body:  # the long field, in one pass: most of its terms are in no other field
            counts = Counter(map(term_of, word_keys(document.body)))
            counts.pop("", None)
            pop = found.pop
            for term, count in counts.items():
                code = BODY_CODES[count] if count < 8 else BODY_CODES[8]
                if found:
                    extra = pop(term, None)
                    if extra is not None:
                        code += extra[0] * 32 + extra[1]
                posting = get(term)
                if posting is None:
                    table[term] = [number, code]
                else:
                    posting += (number, code)
        for term, (weight, field_bits) in found.items():
            posting = get(term)
            if posting is None:
                table[term] = [number, weight * 32 + field_bits]
            else:
                posting += (number, weight * 32 + field_bits)
    return table


def encoded(posting: list[int]) -> list[int]:
    """A posting list as written: each document number as the difference from the one before."""
    out = posting.copy()
    documents = posting[0::2]
    out[2::2] = list(map(operator.sub, documents[1:], documents[:-1]))
    return out


def posting_bytes(term: str, posting: list[int]) -> int:
    """About the size of `"term":[...],` in a shard; close enough to cut shards by, and much cheaper than JSON."""
    return len(term) + 4 + 4 * len(posting)


def split_shards(sizes: Mapping[str, int], limit: int = SHARD_BYTES) -> dict[str, list[str]]:
    """shard key -> its terms (sorted), for terms with the given sizes (see the module docstring)."""

    def split(key: str, terms: list[str], total: int) -> Iterator[tuple[str, list[str]]]:
        if total <= limit:
            yield key, terms
            return
        depth = len(key)
        groups: dict[str, list[str]] = {}
        rest: list[str] = []
        for term in terms:
            if len(term) > depth:
                groups.setdefault(term[depth], []).append(term)
            else:
                rest.append(term)  # the key itself
        group_sizes = {letter: sum(sizes[t] for t in group) for letter, group in groups.items()}
        remaining = total
        for letter in sorted(groups, key=lambda letter: (-group_sizes[letter], letter)):
            if remaining <= limit:
                rest.extend(groups[letter])
            else:
                yield from split(key + letter, groups[letter], group_sizes[letter])
                remaining -= group_sizes[letter]
        if rest:
            yield key, sorted(rest)

    terms = sorted(sizes)
    return dict(sorted(split("", terms, sum(sizes.values()))))


def shard_file(key: str) -> str:
    """`terms.js` for the empty key; otherwise letters a-z and digits as they are, any other character as _<hex>_."""
    if not key:
        return "terms.js"
    return "terms-" + "".join(c if c in "abcdefghijklmnopqrstuvwxyz0123456789" else f"_{ord(c):x}_" for c in key) + ".js"


ROW_FIELDS = tuple(f.name for f in fields(SearchDocument))


def document_row(document: SearchDocument) -> dict:
    """What a result shows, with every field's text in NFC (the form search.js finds words in)."""
    row: dict[str, str | bool] = {}
    for name in ROW_FIELDS:
        value = getattr(document, name)
        row[name] = value if not isinstance(value, str) or value.isascii() else unicodedata.normalize("NFC", value)
    return row


def chunk_starts(documents: tuple[SearchDocument, ...], limit: int = CHUNK_BYTES) -> list[int]:
    """The first document of each chunk: consecutive documents until about `limit` characters of text."""
    starts, size = [], limit
    for number, document in enumerate(documents):
        length = len(document.body) + len(document.title) + len(document.speakers) + len(document.event) + 200
        if size + length > limit and size:
            starts.append(number)
            size = 0
        size += length
    return starts


def json_text(value: object) -> str:
    """Compact, deterministic JSON that is also JavaScript (U+2028 and U+2029 escaped for older engines)."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def script(call: str, *arguments: object) -> bytes:
    body = ",".join(json_text(a) for a in arguments)
    return f"/* Framing Digest search index: generated, do not edit. */\n{call}({body});\n".encode()


def search_pages(
    documents: tuple[SearchDocument, ...], shard_bytes: int = SHARD_BYTES, chunk_bytes: int = CHUNK_BYTES
) -> Iterator[tuple[str, bytes]]:
    """(path, bytes) of every search file: `assets/search/index.js`, the term shards, the document chunks.

    A generator, so that besides the postings only one file is held at a time."""
    table = postings(documents)
    shards = split_shards({term: posting_bytes(term, posting) for term, posting in table.items()}, shard_bytes)
    starts = chunk_starts(documents, chunk_bytes)
    manifest = {
        "chunks": starts,
        "count": len(documents),
        "fields": [name for name, _ in FIELDS],
        "format": FORMAT,
        "minPrefix": MIN_PREFIX,
        "shards": list(shards),
        "stopWords": sorted(STOP_WORDS),
    }
    text = json_text(manifest)
    yield "assets/search/index.js", f"/* Framing Digest search index: generated, do not edit. */\nwindow.SEARCH_INDEX = {text};\n".encode()
    for key, terms in shards.items():
        yield f"assets/search/{shard_file(key)}", script("window.SEARCH_SHARD", key, {term: encoded(table[term]) for term in terms})
    del table
    for n, start in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(documents)
        yield f"assets/search/docs-{n}.js", script("window.SEARCH_DOCS", n, [document_row(d) for d in documents[start:end]])
