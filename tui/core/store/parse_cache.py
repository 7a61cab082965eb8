"""What YAML read from each content file, kept between runs so a start need not parse again.

An entry is found by the file's path and the digest of its bytes, so it can only ever
stand for exactly those bytes: a file edited, replaced or merely touched is read as usual
and its bytes decide, never its size or time. What is kept is what the YAML reader
produced (plain data, where the items stand, the problems a `#` made), not the models:
the content is validated again on every load, by the model as it is now. The reader's
own code and limits are part of the key, so a changed reader never serves an old parse.

Entries are JSON (nothing is executed on reading one: a line that describes the entry with the
ids of its items, a line of where they stand, then the data) written by rename without fsync: a torn or foreign entry reads as missing, or fails
to validate, and the file is parsed and its entry written again.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import secrets
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from tui.core.disk.limits import Limits
from tui.core.disk.state_dirs import folder_key, state_base
from tui.core.store.parsed_file import Places
from tui.core.text.problems import Problem

_SHAPING_PACKAGES = ("tui.core.text", "tui.core.disk", "tui.core.yaml", "tui.core.model", "tui.core.store")
"""Every package whose code can change what an entry holds (the reader, its limits, the problems it
words, the model that validates it, this cache): named as packages, not modules, so a module added
to any of them is covered the day it is written. Any change to one makes every older entry unused."""


def _reader_fingerprint(limits: Limits) -> str:
    import pydantic
    import yaml

    digest = hashlib.blake2b(repr(limits).encode(), digest_size=12)
    # The libraries' own versions too: another PyYAML or pydantic may read the same bytes otherwise.
    digest.update(f"PyYAML {yaml.__version__} libyaml {yaml.__with_libyaml__} pydantic {pydantic.VERSION}".encode())
    for package in _SHAPING_PACKAGES:
        for source in sorted(_sources(resources.files(package)), key=lambda item: item[0]):
            digest.update(source[0].encode())
            digest.update(source[1])
    return digest.hexdigest()


def _sources(folder: Traversable, prefix: str = "") -> list[tuple[str, bytes]]:
    """Every Python file below `folder`, by its name inside it, with its bytes."""
    found: list[tuple[str, bytes]] = []
    for entry in folder.iterdir():
        if entry.is_dir():
            found.extend(_sources(entry, f"{prefix}{entry.name}/"))
        elif entry.name.endswith(".py"):
            found.append((prefix + entry.name, entry.read_bytes()))
    return found


_OWN_NAME = re.compile(r"[0-9a-f]{24}\.json|\.[0-9a-f]{24}\.json\.[0-9a-f]{8}\.tmp")
"""An entry's name (see `_entry`), or its temp file's."""


@dataclass(frozen=True)
class Parsed:
    """One file as its YAML read: the data (as JSON), where its items stand, what a `#` cut short."""

    data: bytes
    """JSON, which the model validates directly (quicker than making Python objects of it first)."""
    places: Places
    problems: list[Problem]


def default_cache_dir(content_dir: Path | str, state_dir: Path | str | None = None) -> Path:
    return state_base(state_dir) / "parsed" / folder_key(content_dir)


def _ids_of(data: Any) -> dict[str, list[str]]:
    """Per section, the ids its items give (and "story" or "status" for a single section there)."""
    if not isinstance(data, dict):
        return {}
    ids = {section: [section] for section in ("story", "status") if data.get(section) is not None}
    for section, items in data.items():
        if section not in ids and isinstance(items, list):
            ids[section] = [item["id"] for item in items if isinstance(item, dict) and isinstance(item.get("id"), str)]
    return ids


class ParseCache:
    """The entries of one content folder, in a folder of their own."""

    def __init__(self, folder: Path | str, limits: Limits = Limits()) -> None:
        self.folder = Path(folder)
        self._format = _reader_fingerprint(limits)
        self.failed: str | None = None
        """Why the last entry could not be written (the store works on without it)."""

    def _entry(self, relative: str) -> Path:
        name = hashlib.blake2b(relative.encode("utf-8", "surrogateescape"), digest_size=12).hexdigest()
        return self.folder / f"{name}.json"

    def get(self, relative: str, digest: bytes) -> Parsed | None:
        """The entry for exactly these bytes of this file; None if there is none (or it is unreadable).

        The data is not checked here: a torn entry fails to validate, and the file is parsed.
        """
        try:
            head, _, rest = self._entry(relative).read_bytes().partition(b"\n")
            where, _, data = rest.partition(b"\n")
            entry = json.loads(head) | json.loads(where)
            if entry["format"] != self._format or entry["path"] != relative or entry["digest"] != digest.hex():
                return None
            problems = [Problem(relative, int(line), int(column), str(message)) for line, column, message in entry["problems"]]
            return Parsed(data, Places.from_data(entry["places"]), problems)
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            return None

    def ids(self, relative: str, digest: bytes) -> dict[str, frozenset[str]] | None:
        """The ids each section of exactly these bytes of this file defines, as its YAML read them
        (valid items or not), from the entry's first line alone; None if there is no entry."""
        try:
            with open(self._entry(relative), "rb") as handle:
                entry = json.loads(handle.readline())
            if entry["format"] != self._format or entry["path"] != relative or entry["digest"] != digest.hex():
                return None
            return {str(section): frozenset(map(str, ids)) for section, ids in entry["ids"].items()}
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            return None

    def put(self, relative: str, digest: bytes, data: Any, places: Places, problems: list[Problem]) -> None:
        """Keep what these bytes of this file read as; a failure is remembered in `failed`, never raised."""
        entry = {"format": self._format, "path": relative, "digest": digest.hex(), "ids": _ids_of(data)}
        where = {"places": places.as_data(), "problems": [[p.line, p.column, p.message] for p in problems]}
        target = self._entry(relative)
        temp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
        try:
            self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            # A line of what describes the entry, one of where its items stand, then the data: JSON
            # escapes line breaks, so each line is one part.
            # The ids alone on the first line: an edit by a command reads only that of most entries.
            body = [json.dumps(part, ensure_ascii=False, separators=(",", ":")) for part in (entry, where, data)]
            temp.write_bytes("\n".join(body).encode("utf-8", "surrogatepass"))
            os.replace(temp, target)
            self.failed = None
        except (OSError, ValueError, TypeError) as exc:
            with contextlib.suppress(OSError):
                temp.unlink()
            self.failed = f"{self.folder}: {getattr(exc, 'strerror', None) or exc}"

    def keep_only(self, relatives: set[str]) -> None:
        """Remove the entries of files the folder no longer holds (renamed, deleted)."""
        wanted = {self._entry(relative).name for relative in relatives}
        try:
            for entry in self.folder.iterdir():
                # Only names this cache writes: were the folder a link to somewhere the user keeps
                # other files, none of theirs is ever removed.
                if entry.name not in wanted and _OWN_NAME.fullmatch(entry.name):
                    with contextlib.suppress(OSError):
                        entry.unlink()
        except OSError:
            pass
