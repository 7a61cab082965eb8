"""One content file's bytes to its content: read by YAML (or taken from the parse cache) and
validated by the model; the problems of a file that does not load, with file, line and column."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from tui.core.disk.limits import Limits
from tui.core.disk.safe_read import NotAFile, OutsideStore, TooLarge, Unstable, read_regular, real_root
from tui.core.model.items import ContentFile, share_fields_set
from tui.core.model.kinds import LIST_SECTIONS
from tui.core.store.parse_cache import ParseCache
from tui.core.store.parsed_file import SINGLES, ParsedFile, Places
from tui.core.store.schema_errors import problems_from
from tui.core.text.problems import CUT_BY_COMMENT, Problem
from tui.core.yaml.reader import YamlDocument, read_yaml


def file_digest(raw: bytes) -> bytes:
    """What the store remembers of a file's bytes; edits compare it to refuse clobbering a save."""
    return hashlib.blake2b(raw, digest_size=16).digest()


class FileParser:
    """Parses the files of one content folder, within its limits, through its parse cache if any."""

    def __init__(self, root: Path, limits: Limits, cache: ParseCache | None) -> None:
        self.root = root
        self.limits = limits
        self._cache = cache

    def parse(self, relative: str, raw: bytes, digest: bytes) -> tuple[ParsedFile | None, list[Problem]]:
        if not raw.strip():
            return None, [Problem(relative, 1, 1, "file is empty; expected sections such as 'quotes:' (a save in progress?)")]
        try:
            known = self._cache.get(relative, digest) if self._cache is not None else None
            if known is not None:
                try:
                    # Validated again: the cache keeps what YAML read, the model may have changed since.
                    content = share_fields_set(ContentFile.model_validate_json(known.data))
                    return ParsedFile(relative, content, known.places, self.rereader(relative, digest)), known.problems
                except ValidationError:
                    pass  # torn, or invalid under today's model: its problems need every position, so parse the file
            # Only the positions the parsed file keeps, while it reads without a problem: a file
            # with one is read again whole, since saying where each problem is needs every position.
            doc, problems = read_yaml(raw, relative, self.limits, items_only=True)
            if doc is not None and doc.items_only:
                parsed = self._clean(relative, doc, digest)
                if parsed is not None:
                    if self._cache is not None:
                        self._cache.put(relative, digest, doc.data, parsed.places, [])
                    return parsed, []
                doc, problems = read_yaml(raw, relative, self.limits)
            if doc is None:
                return None, problems
            parsed, problems = self.validate(relative, doc, digest)
            # A file with an item left out is not cached: the cache keeps what validates whole.
            if parsed is not None and self._cache is not None and not parsed.broken and not parsed.places.kept:
                self._cache.put(relative, digest, doc.data, parsed.places, problems)
            return parsed, problems
        except Exception as exc:  # noqa: BLE001 - a reader bug must not take the dashboard down
            return None, [Problem(relative, 1, 1, f"could not be read: internal error ({type(exc).__name__}); please report it")]

    def validate(self, relative: str, doc: YamlDocument, digest: bytes, unwritten: bool = False) -> tuple[ParsedFile | None, list[Problem]]:
        """A parsed file (of bytes with `digest`) checked against the model: its content, or what is wrong with it.

        An edit's new content is `unwritten`: its positions are looked up in `doc`, not on disk.
        """
        if not isinstance(doc.data, dict):
            return None, [Problem(relative, 1, 1, "expected sections such as 'quotes:' or 'parties:' at the top of the file")]
        reread = (lambda: doc) if unwritten else self.rereader(relative, digest)
        try:
            content = share_fields_set(ContentFile.model_validate(doc.data))
        except ValidationError as exc:
            problems = problems_from(exc, doc, relative, ContentFile)
            salvaged = without_broken(doc.data, exc)
            if salvaged is None:
                return None, problems
            try:
                content = share_fields_set(ContentFile.model_validate(salvaged.data))
            except ValidationError:
                return None, problems  # what is left still fails: the file's last good version stands
            places = Places.of(doc, content, salvaged.kept)
            return ParsedFile(relative, content, places, reread, salvaged.broken), problems + cut_texts(doc, relative)
        # The content loads, but a text cut short by a `#` is a misquote until the editor fixes it.
        return ParsedFile(relative, content, Places.of(doc, content), reread), cut_texts(doc, relative)

    def _clean(self, relative: str, doc: YamlDocument, digest: bytes) -> ParsedFile | None:
        """`validate` of a file that has no problem, from a document of its items' positions
        alone (`doc.items_only`); None if it has one."""
        if not isinstance(doc.data, dict):
            return None
        try:
            content = share_fields_set(ContentFile.model_validate(doc.data))
        except ValidationError:
            return None
        return ParsedFile(relative, content, Places.of(doc, content), self.rereader(relative, digest))

    def rereader(self, relative: str, digest: bytes) -> Callable[[], YamlDocument | None]:
        """How a parsed file finds a position it did not keep: by parsing its bytes again, if unchanged."""

        def reread() -> YamlDocument | None:
            try:
                raw = read_regular(self.root / relative, real_root(self.root), self.limits.max_file_bytes)
            except (OSError, NotAFile, OutsideStore, TooLarge, Unstable):
                return None
            if file_digest(raw) != digest:
                return None
            return read_yaml(raw, relative, self.limits)[0]

        return reread


@dataclass(frozen=True)
class Salvaged:
    """A file's data without the items that failed validation, so that the rest of the file loads."""

    data: dict[str, Any]
    kept: dict[str, list[int]]
    """Per list section that lost items: the index in the file of each item kept, in order."""
    broken: dict[str, frozenset[str]]
    """Per list section: the ids of the items left out (references to them are not reported again)."""


def without_broken(data: dict[str, Any], error: ValidationError) -> Salvaged | None:
    """`data` less each item (or the story or status section) that an error of `error` lies in;
    None when an error lies outside any item (then nothing of the file can be trusted)."""
    drop: dict[str, set[int]] = {}
    singles: set[str] = set()
    for detail in error.errors():
        loc = detail["loc"]
        section = loc[0] if loc else None
        if not isinstance(section, str):
            return None
        value = data.get(section)
        if section in SINGLES or section not in LIST_SECTIONS:
            singles.add(section)  # the story, the status, or a section that does not exist
        elif len(loc) >= 2 and isinstance(loc[1], int) and isinstance(value, list):
            drop.setdefault(section, set()).add(loc[1])
        else:
            singles.add(section)  # the section itself is not a list: none of its items can be read
    salvaged = {key: value for key, value in data.items() if key not in singles}
    kept: dict[str, list[int]] = {}
    broken: dict[str, frozenset[str]] = {}
    for section, indexes in drop.items():
        items = data[section]
        kept[section] = [i for i in range(len(items)) if i not in indexes]
        salvaged[section] = [items[i] for i in kept[section]]
        ids = {item["id"] for i in indexes if isinstance(item := items[i], dict) and isinstance(item.get("id"), str)}
        if ids:
            broken[section] = frozenset(ids)
    for section in singles & set(SINGLES):
        broken[section] = frozenset({section})  # so that "no file defines it" is not said as well
    for section in singles & set(LIST_SECTIONS):
        items = data.get(section)
        if isinstance(items, list):
            ids = {item["id"] for item in items if isinstance(item, dict) and isinstance(item.get("id"), str)}
            if ids:
                broken[section] = frozenset(ids)
    return Salvaged(salvaged, kept, broken)


PROSE_FIELDS = frozenset({
    "text", "context", "says", "title", "headline", "summary", "why", "what", "note", "when", "place", "covers",
    "speaker", "speaker_role", "name", "outlet", "reported_by",
})
"""Fields that hold words as the sources print them (ids and vocabulary words are not)."""


def cut_texts(doc: YamlDocument, relative: str) -> list[Problem]:
    """A problem for each text field that a `#` cut short: YAML read the rest as a comment."""
    found = []
    for path, (line, column) in doc.cut_by_comment:
        field = next((part for part in reversed(path) if isinstance(part, str)), "")
        if field in PROSE_FIELDS:
            found.append(Problem(
                relative, line, column,
                f"'{field}' {CUT_BY_COMMENT}: YAML reads the rest as a comment, so the text is cut short; "
                "if it belongs to the text, put the whole text in double quotes (\"…\"); if it is a note, "
                "move it to a line of its own",
            ))
    return found


_SECTION = re.compile(r"^([A-Za-z_]+):", re.MULTILINE)
_ITEM_ID = re.compile(r"^[ \t]*-[ \t]+id:[ \t]*[\"']?([a-z0-9][a-z0-9-]*)", re.MULTILINE)


def stand_in_of(relative: str, raw: bytes) -> ParsedFile:
    """A file that does not read: no items, but the ids its text gives each section (`- id: …`
    lines, and `story:`/`status:`), so that what refers to them is not reported as well."""
    text = raw.decode("utf-8", "replace")
    broken: dict[str, set[str]] = {}
    sections = [(m.start(), m.group(1)) for m in _SECTION.finditer(text)]
    for _start, section in sections:
        if section in ("story", "status"):
            broken.setdefault(section, set()).add(section)
    for match in _ITEM_ID.finditer(text):
        section = next((name for start, name in reversed(sections) if start < match.start()), None)
        if section in LIST_SECTIONS:
            broken.setdefault(section, set()).add(match.group(1))
    return ParsedFile(relative, ContentFile(), Places({}, {}), None, {k: frozenset(v) for k, v in broken.items()})
