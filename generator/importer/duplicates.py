"""Duplicate detection: the same URL, the same text, or near-identical text.

Near-identical means a Jaccard similarity of at least 0.9 between the sets of word 5-shingles.
Comparing every pair would be quadratic, so each text gets a bottom-k sketch (the k smallest
shingle hashes, a MinHash variant): the first few values of the sketch are the keys of an
inverted index, which proposes candidates; only candidates are compared, by the Jaccard
estimate of their sketches. Indexing is done once per run, from `content/articles/` and then
from each record as it is accepted.

Hashes are deterministic across runs (words are numbered in the order they are met, and a
shingle's hash is the hash of a tuple of ints, which Python does not randomise), so the same
content folder and inputs always give the same decisions.
"""

from __future__ import annotations

import hashlib
import heapq
import re
import unicodedata
from array import array
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

SHINGLE_WORDS = 5
SKETCH_SIZE = 128
INDEXED_VALUES = 8
NEAR_DUPLICATE = 0.9
_TRACKING = re.compile(r"^(utm_.*|fbclid|gclid|mc_cid|mc_eid|ref|cmpid|ocid)$")


def normalise_url(url: str | None) -> str | None:
    """One spelling per page: no scheme, no `www.`, no fragment, no tracking query, no final `/`."""
    if not url or not url.strip():
        return None
    parts = urlsplit(url.strip() if "//" in url else "//" + url.strip())
    host = (parts.hostname or "").lower().removeprefix("www.")
    if not host:
        return None
    query = urlencode(sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(k)))
    path = parts.path.rstrip("/") or ""
    return urlunsplit(("", host, path, query, "")).lstrip("/")


def words_of(text: str) -> list[str]:
    return re.findall(r"\w+", unicodedata.normalize("NFKC", text).lower())


def text_hash(words: list[str]) -> bytes:
    return hashlib.blake2b(" ".join(words).encode("utf-8"), digest_size=16).digest()


def sketch_of(words: list[str], vocabulary: dict[str, int] | None = None) -> array:
    """The SKETCH_SIZE smallest hashes of the text's word 5-shingles, ascending.

    Words become numbers through `vocabulary` (grown as new words appear; one per index, so a
    run numbers words in input order) and a shingle's hash is the hash of its tuple of numbers,
    which Python does not randomise: the same inputs always give the same sketches. Numbering
    words through a dict is several times faster than hashing each word's bytes.
    """
    vocabulary = {} if vocabulary is None else vocabulary
    for word in [w for w in dict.fromkeys(words) if w not in vocabulary]:  # in order: a set's order varies by run
        vocabulary[word] = len(vocabulary) + 1
    ids = list(map(vocabulary.__getitem__, words))
    if len(ids) < SHINGLE_WORDS:
        shingles = {hash(tuple(ids))} if ids else set()
    else:
        shingles = set(map(hash, zip(*(ids[i:] for i in range(SHINGLE_WORDS)))))
    return array("q", heapq.nsmallest(SKETCH_SIZE, shingles))


def estimate_jaccard(first: array, second: array) -> float:
    """Jaccard estimate from two bottom-k sketches: the share of the union's k smallest in both."""
    if not first or not second:
        return 0.0
    a, b = set(first), set(second)
    union = heapq.nsmallest(SKETCH_SIZE, a | b)
    return sum(1 for value in union if value in a and value in b) / len(union)


@dataclass(frozen=True)
class Fingerprint:
    """What the index compares: the normalised text's hash and its shingle sketch."""

    digest: bytes | None
    sketch: array


def fingerprint(text: str, vocabulary: dict[str, int] | None = None) -> Fingerprint:
    words = words_of(text)
    return Fingerprint(text_hash(words) if words else None, sketch_of(words, vocabulary))


@dataclass(frozen=True)
class Match:
    """Why a text is a duplicate: of which article, and how (url, text, or near-identical text)."""

    of: str
    how: str
    similarity: float = 1.0

    def __str__(self) -> str:
        if self.how == "near-identical text":
            return f"{self.how} (Jaccard {self.similarity:.2f}) to {self.of}"
        return f"{self.how} as {self.of}"


@dataclass
class DuplicateIndex:
    """URLs, text hashes and sketches of every article seen; grows one article at a time.

    Mutable on purpose and local to one import run: it is the run's memory of what exists.
    """

    threshold: float = NEAR_DUPLICATE
    _names: list[str] = field(default_factory=list)
    _urls: dict[str, int] = field(default_factory=dict)
    _hashes: dict[bytes, int] = field(default_factory=dict)
    _sketches: list[array] = field(default_factory=list)
    _buckets: dict[int, list[int]] = field(default_factory=dict)
    _vocabulary: dict[str, int] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self._names)

    def fingerprint(self, text: str) -> Fingerprint:
        """The fingerprint to pass to `find` and `add`, numbered with this index's vocabulary."""
        return fingerprint(text, self._vocabulary)

    def add(self, name: str, url: str | None, text: str | Fingerprint) -> None:
        """Remember one article; pass the Fingerprint from `find` to avoid computing it twice."""
        fingerprinted = text if isinstance(text, Fingerprint) else self.fingerprint(text)
        number = len(self._names)
        self._names.append(name)
        normal = normalise_url(url)
        if normal:
            self._urls.setdefault(normal, number)
        if fingerprinted.digest is not None:
            self._hashes.setdefault(fingerprinted.digest, number)
        self._sketches.append(fingerprinted.sketch)
        for value in fingerprinted.sketch[:INDEXED_VALUES]:
            self._buckets.setdefault(value, []).append(number)

    def find(self, url: str | None, text: str | Fingerprint, ignore: str | None = None) -> Match | None:
        """The first article this one duplicates, or None; `ignore` names a file being replaced."""
        normal = normalise_url(url)
        if normal and normal in self._urls and self._names[self._urls[normal]] != ignore:
            return Match(self._names[self._urls[normal]], "same URL")
        fingerprinted = text if isinstance(text, Fingerprint) else self.fingerprint(text)
        if fingerprinted.digest is None:
            return None
        exact = self._hashes.get(fingerprinted.digest)
        if exact is not None and self._names[exact] != ignore:
            return Match(self._names[exact], "same text")
        candidates = sorted({n for value in fingerprinted.sketch[:INDEXED_VALUES] for n in self._buckets.get(value, ())})
        best: Match | None = None
        for number in candidates:
            if self._names[number] == ignore:
                continue
            similarity = estimate_jaccard(fingerprinted.sketch, self._sketches[number])
            if similarity >= self.threshold and (best is None or similarity > best.similarity):
                best = Match(self._names[number], "near-identical text", similarity)
        return best
