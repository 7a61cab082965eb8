"""The limits a store is read within: set by the command line, held by the desk, obeyed by the reader."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    """Bounds that keep a hostile or mistaken file from hanging the app or eating memory."""

    max_file_bytes: int = 5 * 1024 * 1024
    """A file larger than this is refused before it is parsed."""
    max_values: int = 200_000
    """Values in one file, counting each alias as the values it stands for."""
    max_depth: int = 40
    """How deeply mappings and lists may nest."""
