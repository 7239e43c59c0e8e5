"""Term -> number mappings packed for pickling: the prior's tally and weights, which the cache keeps.

Pickle remembers every object it writes, so a mapping of hundreds of thousands of terms costs far more
to pickle, and to hold while pickling, as a dict than as two objects: its terms joined by newlines and
its numbers in one array. Terms never hold a newline (term lists are stored one term per line).
"""

from __future__ import annotations

from array import array
from collections.abc import Mapping

Packed = tuple[str, array]


def packed(mapping: Mapping[str, int] | Mapping[str, float], typecode: str) -> Packed:
    """`mapping` packed, its numbers as `typecode` ("q" for counts, "d" for weights: both exact)."""
    return "\n".join(mapping), array(typecode, mapping.values())


def unpacked(value: dict | Packed) -> dict:
    """The mapping `packed` made (a dict is given back as it is)."""
    if isinstance(value, dict):
        return value
    terms, values = value
    return dict(zip(terms.split("\n"), values)) if values else {}
