"""One content file's bytes to its content: read by YAML (or taken from the parse cache) and
validated by the model; the problems of a file that does not load, with file, line and column."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from pydantic import ValidationError

from tui.core.disk.limits import Limits
from tui.core.disk.safe_read import NotAFile, OutsideStore, TooLarge, Unstable, read_regular, real_root
from tui.core.model.items import ContentFile, share_fields_set
from tui.core.store.parse_cache import ParseCache
from tui.core.store.parsed_file import ParsedFile, Places
from tui.core.store.schema_errors import problems_from
from tui.core.text.problems import Problem
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
            doc, problems = read_yaml(raw, relative, self.limits)
            if doc is None:
                return None, problems
            parsed, problems = self.validate(relative, doc, digest)
            if parsed is not None and self._cache is not None:
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
        try:
            content = share_fields_set(ContentFile.model_validate(doc.data))
        except ValidationError as exc:
            return None, problems_from(exc, doc, relative, ContentFile)
        # The content loads, but a text cut short by a `#` is a misquote until the editor fixes it.
        reread = (lambda: doc) if unwritten else self.rereader(relative, digest)
        return ParsedFile(relative, content, Places.of(doc, content), reread), cut_texts(doc, relative)

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
                f"'{field}' stops before this '#': YAML reads the rest as a comment, so the text is cut short; "
                "if it belongs to the text, put the whole text in double quotes (\"…\"); if it is a note, "
                "move it to a line of its own",
            ))
    return found
