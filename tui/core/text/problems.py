"""A problem found in the content store, located by file, line and column."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one file, at a 1-based line and column."""

    path: str
    """The file, relative to the store root, with forward slashes."""
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.message}"


CUT_BY_COMMENT = "stops before this '#'"
"""What the problem of a text that a `#` cut short says after the field's name: a quote whose
'text' has it is not what the source printed, and is never shown or copied as verbatim."""
