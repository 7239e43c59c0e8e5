"""Bytes to text for the importer: UTF-8 by default, another encoding only when a person names it.

A file that is not UTF-8 is refused as a whole, before any of it is imported, with a message
that says so, names the encoding it looks like and offers `--encoding NAME`. The name is a
guess (charset-normalizer's, from the bytes): on short texts many encodings fit the bytes
equally well and its first choice is often a rare one (a café's "é" fits Mac Central European as
well as Windows-1252), so among the encodings that fit best the message names the widely used
ones first, and says it is a guess. Nothing is decoded with a guessed encoding: a wrong one
would turn every accented letter into another letter silently.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

CHUNK = 1 << 20
SAMPLE_BYTES = 256 * 1024
"""How much of a file the encoding guess looks at: enough for a confident guess, cheap to read."""
UTF8 = "utf-8"
COMMON = ("cp1252", "cp1250", "cp1251", "iso8859_15", "latin_1", "iso8859_2", "cp1253", "cp1254",
          "cp1256", "shift_jis", "euc_jp", "gb2312", "gb18030", "big5", "euc_kr", "koi8_r")
"""Legacy encodings in the order a guess prefers them when the bytes fit several equally well:
Windows-1252 first (the WHATWG Encoding Standard reads unlabelled Western text, and every
"latin1" label, as windows-1252), then the other Windows and ISO code pages and the East Asian ones."""
_SIMILAR = {"cp1250": "cp1252", "cp1252": "cp1250", "latin_1": "cp1252", "iso8859_2": "cp1252"}
"""Encodings a guess on little text often takes for each other; the message names both."""


@dataclass(frozen=True)
class NotDecodable:
    """Where a file stops being text in the encoding tried, and what it looks like instead."""

    offset: int
    line: int
    byte: int
    guess: str | None

    def message(self, encoding: str) -> str:
        found = f"byte 0x{self.byte:02x} at line {self.line} (byte offset {self.offset})"
        if encoding.replace("_", "-").lower() in ("utf-8", "utf8", "utf-8-sig"):
            head = f"is not UTF-8 text: {found} is not UTF-8"
        else:
            head = f"cannot be read as {encoding}: {found} is not {encoding}"
        if self.guess is None or self.guess.replace("_", "-").lower() in ("utf-8", "ascii"):
            return f"{head}; re-save it as UTF-8, or name its encoding with --encoding NAME (e.g. --encoding cp1252)"
        other = _SIMILAR.get(self.guess)
        also = f" or {other}" if other else ""
        return (
            f"{head}; it looks like {self.guess}{also} (a guess from its bytes, not a certainty): "
            f"import it with --encoding {self.guess}{' (or --encoding ' + other + ')' if other else ''}, "
            f"or re-save it as UTF-8 and import it again"
        )


def known_encoding(name: str) -> str | None:
    """The codec's canonical name, or None when Python does not know `name`."""
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def guess_encoding(sample: bytes) -> str | None:
    """Among the encodings that fit these bytes best (least "chaos" in charset-normalizer's
    measure), the most widely used; charset-normalizer's first choice when none is common."""
    from charset_normalizer import from_bytes  # imported only for files that need a guess

    matches = list(from_bytes(sample))
    if not matches:
        return None
    least_chaos = min(match.chaos for match in matches)
    fitting = {name for match in matches if match.chaos == least_chaos
               for name in (match.encoding, *match.could_be_from_charset)}
    return next((name for name in COMMON if name in fitting), matches[0].encoding)


def _undecodable(path: Path, encoding: str) -> NotDecodable | None:
    """Decode the whole file in chunks (flat memory); where the first undecodable byte is."""
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    offset = 0
    newlines = 0
    sample = b""
    with path.open("rb") as handle:
        while True:
            chunk = handle.read(CHUNK)
            if len(sample) < SAMPLE_BYTES:
                sample += chunk[: SAMPLE_BYTES - len(sample)]
            try:
                decoder.decode(chunk, final=not chunk)
            except UnicodeDecodeError as error:
                held = len(error.object) - len(chunk)  # bytes of an unfinished character kept from the last chunk
                bad = offset - held + error.start
                newlines += chunk[: max(0, error.start - held)].count(b"\n")
                handle.seek(max(0, bad - SAMPLE_BYTES // 2))
                around = handle.read(SAMPLE_BYTES)
                return NotDecodable(bad, newlines + 1, error.object[error.start], guess_encoding(around if bad > len(sample) else sample))
            if not chunk:
                return None
            newlines += chunk.count(b"\n")
            offset += len(chunk)


def check_decodable(path: Path, encoding: str | None) -> NotDecodable | None:
    """None when the whole file decodes (as UTF-8, or as the encoding a person named)."""
    return _undecodable(path, encoding or UTF8)


def decode(data: bytes, encoding: str | None) -> str | NotDecodable:
    """The text of a file read whole; a UTF-8 byte-order mark is dropped."""
    name = encoding or UTF8
    try:
        text = data.decode(name)
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        start = max(0, error.start - SAMPLE_BYTES // 2)
        return NotDecodable(error.start, line, data[error.start], guess_encoding(data[start : start + SAMPLE_BYTES]))
    return text.removeprefix("\ufeff")


def text_lines(path: Path, encoding: str | None) -> Iterator[tuple[str, int]]:
    """(line with its line ending, bytes read so far), decoded incrementally.

    Call `check_decodable` first: a decoding error here is not caught. Lines are split on
    `\\n` after decoding, so any encoding works (UTF-16 too), and only one chunk is held at a time.
    """
    decoder = codecs.getincrementaldecoder(encoding or UTF8)(errors="strict")
    done = 0
    pending = ""
    first = True
    with path.open("rb") as handle:
        for raw in iter(lambda: handle.read(64 * 1024), b""):
            done += len(raw)
            pending += decoder.decode(raw)
            if first and pending:
                pending, first = pending.removeprefix("\ufeff"), False
            *complete, pending = pending.split("\n")
            for line in complete:
                yield line + "\n", done
        pending += decoder.decode(b"", final=True)
        if pending:
            yield pending, done
