"""Shortcuts of the render stage give what the plain computation gives (speed round 4)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from jinja2 import StrictUndefined, Undefined
from jinja2.sandbox import ImmutableSandboxedEnvironment

from generator.render.environment import make_environment

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class _View:
    """Its fields `pop` and `mro` are safe to read, unlike a dict's `pop` and a class's `mro`."""

    name: object
    pop: object = 3
    mro: object = 4
    _secret: str = "hidden"

    def method(self) -> str:
        return "called"


def _function() -> None:
    """A plain function: its globals and code are internals the sandbox refuses."""


_VALUES = [1, 2.5, "Lee", "{0}", None, (1, 2), [1, 2], {"name": 1, "append": 2}, "{0}".format, "{0}".format_map,
           "x".upper, [].append, _function, _View, str]
_OBJECTS = st.one_of(
    st.builds(_View, st.sampled_from(_VALUES), st.sampled_from(_VALUES), st.sampled_from(_VALUES)),
    st.sampled_from(_VALUES),
)
_NAMES = st.sampled_from(["name", "_secret", "method", "missing", "format", "format_map", "upper", "append",
                          "get", "items", "pop", "mro", "__class__", "__globals__", "__code__", "real", "__self__"])


def _outcome(value: object) -> tuple[str, object]:
    """What a template could do with a read: its value itself, or what an Undefined says and refuses,
    or what a callable Jinja wrapped (`str.format`) answers."""
    if isinstance(value, Undefined):
        return ("undefined", type(value).__name__, value._undefined_hint, value._undefined_name)  # type: ignore[return-value]
    if getattr(value, "__wrapped__", None) is not None:
        try:
            return ("wrapped", value("{0.__class__}"))
        except Exception as error:  # noqa: BLE001 - the refusal is the outcome
            return ("wrapped", type(error).__name__)
    return ("value", value)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.tuples(_OBJECTS, _NAMES), min_size=1, max_size=30))
def test_the_sandbox_reads_attributes_as_jinjas_own_sandbox(reads: list[tuple[object, str]]) -> None:
    """Attribute reads in any order (so decided and undecided types, fields holding methods, missing names
    answered by `obj[name]`) give what Jinja's immutable sandbox gives, with its decisions made afresh each time."""
    ours = make_environment(ROOT / "templates")
    plain = ImmutableSandboxedEnvironment(undefined=StrictUndefined)
    for obj, name in reads:
        assert _outcome(ours.getattr(obj, name)) == _outcome(plain.getattr(obj, name)), (obj, name)
