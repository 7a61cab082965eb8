"""What a new item needs besides its fields: a readable, unique id, and a file to go in."""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from tui.core.model.schema import SCHEMA_FILE, modeline

MAX_ID = 60
"""New ids stop at a word before this length (the model allows 80), so they stay readable."""

_APOSTROPHES = re.compile("['’‘`´ʼ]")
MODELINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)")
SCHEMA_IN_STORE = f".schema/{SCHEMA_FILE}"
"""Where `peacewatch new` puts a store's own copy of the schema (a dot-folder: never loaded)."""


def slug(text: str, words: int | None = None) -> str:
    """Lower-case ASCII words joined by dashes: 'Lavrov’s “press” conférence' -> 'lavrovs-press-conference'."""
    ascii_text = unicodedata.normalize("NFKD", _APOSTROPHES.sub("", text)).encode("ascii", "ignore").decode()
    parts = re.findall(r"[a-z0-9]+", ascii_text.lower())[:words]
    out = ""
    for part in parts:
        longer = f"{out}-{part}" if out else part
        if len(longer) > MAX_ID:
            break
        out = longer
    return out or (parts[0][:MAX_ID] if parts else "")


def unique(base: str, taken: Iterable[str]) -> str:
    """`base`, or `base-2`, `base-3`... whichever is not taken yet."""
    taken = set(taken)
    if base not in taken:
        return base
    n = 2
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"


def _joined(*parts: str) -> str:
    return "-".join(p for p in parts if p)[:MAX_ID].strip("-")


def quote_id(speaker: str, text: str, date: str, medium: str) -> str:
    """Speaker's last name and the first words said: `lavrov-if-the-spirit-and`."""
    name = slug(speaker).split("-")[-1]
    words = slug(text, words=5)
    return _joined(name, words) if words else _joined(name, slug(date), slug(medium)) or "quote"


def event_id(title: str, date: str) -> str:
    return slug(title, words=6) or _joined("event", slug(date))


def source_id(outlet: str, title: str, date: str) -> str:
    """Outlet, date and the headline's first words: `meduza-2025-11-26-russia-says`."""
    return _joined(slug(outlet, words=3), slug(date), slug(title, words=4)) or "source"


def modeline_for(root: Path, relative: str, neighbours: Iterable[str]) -> str | None:
    """The schema modeline for a new file at `relative`, pointing where its neighbours' do."""
    folder = Path(os.path.dirname(root / relative))
    for neighbour in neighbours:
        try:
            with open(root / neighbour, encoding="utf-8-sig") as handle:
                found = MODELINE.match(handle.readline())
        except (OSError, UnicodeDecodeError):
            continue
        if found:
            schema = os.path.normpath((root / neighbour).parent / found.group(1))
            return modeline(Path(os.path.relpath(schema, folder)).as_posix())
    if (root / SCHEMA_IN_STORE).is_file():
        return modeline(Path(os.path.relpath(root / SCHEMA_IN_STORE, folder)).as_posix())
    return None


_HEADERS = {
    "quotes": (
        "# Quotes of {day}: one file per day, named YYYY-MM-DD.yaml, so a day's editors rarely\n"
        "# touch the same file. Quotes the sources do not date go in quotes/undated.yaml."
    ),
    "undated": (
        "# Quotes the sources do not date. Dated quotes go in one file per day, YYYY-MM-DD.yaml;\n"
        "# if a later source dates one, move it into that day's file and add the date."
    ),
    "events": "# Events: the timeline. Keep this file in time order, oldest first.",
    "sources": "# Sources: where every fact and quote in the store comes from.",
    "documents": "# Documents: the texts of the talks, each version its own document (content/README.md).",
}


def header(kind: str, modeline: str | None, newline: str = "\n", day: str = "") -> str:
    """The first lines of a new file holding `kind` items (before the section itself)."""
    text = _HEADERS.get(kind, "")
    lines = ([modeline] if modeline else []) + (text.format(day=day).split("\n") if text else [])
    return newline.join(lines) + newline if lines else ""
