"""Problems found in content are values, collected across the whole content folder.

Nothing in the pipeline raises on bad content: each stage returns the problems it
found, and the build prints them all at once as `path:line: field: message`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the content, located as precisely as we can."""

    path: str
    line: int
    field: str
    message: str
    severity: Severity = "error"

    def __str__(self) -> str:
        prefix = "warning: " if self.severity == "warning" else ""
        message = " ".join(self.message.split())  # one problem, one line, whatever the parser said
        return f"{self.path}:{self.line}: {self.field}: {prefix}{message}"


class ContentError(Exception):
    """Raised by the build when the content has problems; carries every one of them."""

    def __init__(self, problems: tuple[Problem, ...]) -> None:
        super().__init__(f"{len(problems)} problem(s) in content")
        self.problems = problems


def errors_only(problems: tuple[Problem, ...] | list[Problem], strict: bool = False) -> tuple[Problem, ...]:
    """The problems that stop a build: errors, and warnings too under --strict."""
    return tuple(p for p in problems if p.severity == "error" or strict)


@dataclass(frozen=True)
class InternalError:
    """A bug met while analysing one file: that part of its page is shown as unavailable."""

    path: str
    step: str
    error: str

    def __str__(self) -> str:
        return f"{self.path}: internal error in {self.step} ({self.error}): please report this"
