"""Assertions that an edit changed exactly the lines it should, and every other byte stayed."""

from __future__ import annotations

import difflib
import re
from pathlib import Path

from tui.core.store.loader import ContentStore


def _lines(raw: bytes) -> list[str]:
    return raw.decode("utf-8-sig").splitlines()


def _breaks_kept(old: bytes, new: bytes) -> None:
    """The new text breaks lines as the old did, keeps its BOM, and ends (or not) with a break as it did."""
    if b"\r\n" in old:
        assert new.count(b"\n") == new.count(b"\r\n"), "an LF crept into a CRLF file"
    else:
        assert b"\r" not in new
    assert new.startswith(b"\xef\xbb\xbf") == old.startswith(b"\xef\xbb\xbf")
    assert new.endswith((b"\n", b"\r")) == old.endswith((b"\n", b"\r"))


def assert_inserted(old: bytes, new: bytes, lines: list[str]) -> None:
    """`new` is `old` with exactly `lines` inserted, in one place, and not a byte else changed."""
    a, b = _lines(old), _lines(new)
    opcodes = {tag for tag, *_ in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()}
    assert opcodes <= {"equal", "insert"}, "\n".join(difflib.unified_diff(a, b, lineterm=""))
    assert any(b == a[:k] + lines + a[k:] for k in range(len(a) + 1)), "\n".join(
        difflib.unified_diff(a, b, lineterm="")
    )
    # Bytes: the old file is a prefix and a suffix of the new one, with nothing in between lost.
    prefix = next((i for i, (x, y) in enumerate(zip(old, new)) if x != y), min(len(old), len(new)))
    suffix = next((i for i, (x, y) in enumerate(zip(reversed(old), reversed(new))) if x != y), len(old))
    assert prefix + min(suffix, len(old) - prefix) == len(old)
    _breaks_kept(old, new)


def changes(old: bytes, new: bytes) -> tuple[list[str], list[str]]:
    """The lines removed and the lines added, in order, as difflib sees them."""
    removed, added = [], []
    for line in difflib.ndiff(_lines(old), _lines(new)):
        if line.startswith("- "):
            removed.append(line[2:])
        elif line.startswith("+ "):
            added.append(line[2:])
    return removed, added


def assert_changed(old: bytes, new: bytes, removed: list[str], added: list[str]) -> None:
    """Only `removed` lines went and only `added` lines came; the rest is the same bytes."""
    assert changes(old, new) == (removed, added)
    _breaks_kept(old, new)


def problems(root: Path) -> list[str]:
    return [str(p) for p in ContentStore(root).load().problems]


def line_of(path: Path, line: int) -> str:
    return path.read_text(encoding="utf-8-sig").splitlines()[line - 1]


def set_headline(store: Path, headline: str) -> str:
    """The status file's text with a new one-line headline (the rest byte for byte)."""
    text = (store / "status.yaml").read_text(encoding="utf-8")
    new, count = re.subn(r"(?m)^  headline: (?:>-\n(?:    .*\n)+|.*\n)", f"  headline: {headline}\n", text, count=1)
    assert count == 1, "the shipped status.yaml changed shape; update this helper"
    return new
