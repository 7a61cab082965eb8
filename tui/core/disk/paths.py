"""Which files in a content folder are content: shared by the loader and the watcher."""

from __future__ import annotations

YAML_SUFFIXES = (".yaml", ".yml")

RESCAN = None
"""Yielded by the watcher instead of paths when the whole folder must be scanned again (here, not
in the watcher's module, so that naming it does not import watchfiles)."""


def is_content_file(relative: str) -> bool:
    """Whether a store-relative path names a content file (not hidden, not an editor's temp)."""
    parts = relative.split("/")
    return relative.endswith(YAML_SUFFIXES) and not any(p.startswith(".") for p in parts)
