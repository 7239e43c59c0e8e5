"""Pickling values that carry long text without leaving a second copy of the text behind.

To pickle a str that is not pure ASCII, CPython asks for its UTF-8 form and keeps
that form inside the str for as long as the str lives. The build pickles what it
stores in its cache in the main process, where the same values stay in use until
the end: every article's body and analysed text would be held twice (about 8 MB
per 1,000 articles). A value whose class uses `TextPickled` pickles its long text
fields as UTF-8 bytes, made by `str.encode`, which keeps nothing in the str.
"""

from __future__ import annotations

from dataclasses import fields
from typing import ClassVar

_UTF8 = ("utf-8", "surrogatepass")  # what pickle itself uses: any str goes through, lone surrogates included


class TextPickled:
    """A frozen dataclass mixin: the str fields named in `text_fields` are pickled as UTF-8 bytes."""

    text_fields: ClassVar[tuple[str, ...]] = ()

    def __reduce__(self) -> tuple[object, ...]:
        values = tuple(_encoded(getattr(self, f.name)) if f.name in self.text_fields else getattr(self, f.name)
                       for f in fields(self))  # type: ignore[arg-type]  # the class is a dataclass
        return _rebuilt, (type(self), values)


def _encoded(value: object) -> object:
    return value.encode(*_UTF8) if isinstance(value, str) else value


def _rebuilt(kind: type[TextPickled], values: tuple[object, ...]) -> TextPickled:
    return kind(*(value.decode(*_UTF8) if field.name in kind.text_fields and isinstance(value, bytes) else value
                  for field, value in zip(fields(kind), values)))  # type: ignore[arg-type]
