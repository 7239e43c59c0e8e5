"""What imported text must be before it is written: free of characters that do not belong in
text, repaired where a dataset garbled its encoding, and kept literal when read as Markdown.

- Control characters (C0 except tab and newline, Unicode noncharacters such as U+FFFE and
  U+FFFF, lone surrogates) reject the record: they are not text, and a NUL or a lone surrogate
  would reach a page or end the import with a traceback.
- Mojibake (`ObamaÃ¢â‚¬â„¢s`: UTF-8 read as Windows-1252 or Latin-1, once or twice) is repaired with ftfy,
  with only its encoding repairs switched on: curly quotes stay curly (the quotation finder
  needs them), and widths, ligatures, entities and normalisation are left as the source has them.
- Markdown punctuation in plain text is escaped, so `[phish](https://...)`, `*`, `_` and
  backticks render as the characters they were, never as a link or emphasis.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_CONTROL = re.compile(
    "[\x00-\x08\x0b-\x1f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff"
    "\U0001fffe\U0001ffff\U0002fffe\U0002ffff\U0003fffe\U0003ffff\U000efffe\U000effff\U0010fffe\U0010ffff]"
)
"""C0 controls except tab (09) and newline (0A; carriage returns are made newlines before this
check), lone surrogates, and the Unicode noncharacters (U+FDD0-U+FDEF, U+FFFE and U+FFFF, and
the last two code points of the planes in use)."""
_ASCII_CONTROL = re.compile("[\x00-\x08\x0b-\x1f]")
_LATIN1 = re.compile("[\u0080-\u00ff]")
"""UTF-8 read as Latin-1 or Windows-1252 always leaves a character of this range (Ã, Â, â...):
text without one has no such mojibake, and ftfy, the costly check, is spared."""


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def control_character(text: str) -> tuple[int, str] | None:
    """(index, character) of the first character that does not belong in text, or None."""
    if text.replace("\n", " ").replace("\t", " ").isprintable():  # the common case, ten times faster than the regex
        return None
    match = (_ASCII_CONTROL if text.isascii() else _CONTROL).search(text)
    return (match.start(), match.group(0)) if match else None


def describe_character(char: str) -> str:
    code = ord(char)
    if 0xD800 <= code <= 0xDFFF:
        return f"a lone surrogate (U+{code:04X})"
    if code < 0x20:
        return f"a control character (U+{code:04X})"
    return f"a noncharacter (U+{code:04X})"


def _fixer_config():  # type: ignore[no-untyped-def]
    import ftfy

    return ftfy.TextFixerConfig(
        uncurl_quotes=False, fix_latin_ligatures=False, fix_character_width=False, remove_control_chars=False,
        fix_line_breaks=False, normalization=None, unescape_html=False, remove_terminal_escapes=False, explain=True,
    )


@dataclass(frozen=True)
class Repair:
    """Text after mojibake repair, and one example of what changed (empty when nothing did)."""

    text: str
    example: str = ""


def repair_mojibake(text: str) -> Repair:
    """Undo UTF-8 read as a legacy encoding; everything else stays as the source wrote it."""
    if text.isascii() or not _LATIN1.search(text):
        return Repair(text)
    import ftfy

    fixed = ftfy.fix_text(text, config=_fixer_config())
    if fixed == text:
        return Repair(text)
    return Repair(fixed, _example(text, fixed))


def _example(before: str, after: str) -> str:
    """The first word that changed, before and after: `'ObamaÃ¢â‚¬â„¢s' became 'Obama’s'`."""
    old, new = before.split(), after.split()
    if len(old) == len(new):
        for a, b in zip(old, new):
            if a != b:
                return f"{_short(a)!r} became {_short(b)!r}"
    return ""


def _short(word: str, limit: int = 40) -> str:
    return word if len(word) <= limit else word[: limit - 1] + "…"


_INLINE_SPECIAL = re.compile(r"[\\`*_\[\]<]|&(?=#?[A-Za-z0-9]+;)")
"""What can start inline Markdown: a backslash escape, code, emphasis, a link or image, an
autolink, an entity reference (`&amp;` would print `&`). `!` needs no escape once `[` has one,
nor `>` outside a line's start (paragraph starts are escaped in `draft.escape_block_start`).
A backslash before ASCII punctuation prints that punctuation alone (CommonMark), so escaping
never changes the rendered text."""


def escape_inline(text: str) -> str:
    """Plain text as Markdown that renders as exactly this text."""
    return _INLINE_SPECIAL.sub(lambda match: "\\" + match.group(0), text)
