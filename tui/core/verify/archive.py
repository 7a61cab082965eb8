"""The archive: each imported article's bytes, kept in the content folder under their SHA-256.

`archive/<sha256>.<ending>` holds the bytes exactly as captured (a text file, or a web page as
saved); the source that cites them records each capture (see `Capture` in the model). Bytes are
never rewritten in place: the same bytes have the same name, and a newer capture of the same
address is a new file beside the older one. A file whose bytes no longer give its name's digest
has been changed since it was captured, and is reported, never read as the source.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tui.core.disk.atomic_write import write_atomic
from tui.core.disk.safe_read import NotAFile, OutsideStore, TooLarge, Unstable, read_regular, real_root
from tui.core.verify.article import HTML_SUFFIXES, TEXT_SUFFIXES, Article, article_text, is_html

ARCHIVE_FOLDER = "archive"
"""The folder of the content folder that holds the archived copies."""
MAX_ARCHIVE_BYTES = 50 * 1024 * 1024
"""A saved page larger than this is refused (a page with its pictures inlined runs to a few MB)."""

_ENDING = re.compile(r"\.[a-z0-9]{1,10}$")


@dataclass(frozen=True)
class Archived:
    """An article kept in the archive: where, under which digest, and what it says."""

    file: str
    """Store-relative, with forward slashes: archive/<sha256>.html."""
    sha256: str
    captured: dt.date
    url: str | None
    article: Article
    """The article's text, title, outlet, date and address, as far as the file gives them."""
    already: bool = False
    """The same bytes were archived before: nothing was written."""

    def capture(self, note: str = "") -> dict[str, str]:
        """The entry for the source's `archive` list, as an edit writes it (AddSource, AddCapture)."""
        entry = {"file": self.file, "captured": self.captured.isoformat(), "sha256": self.sha256}
        if self.url:
            entry["url"] = self.url
        if note:
            entry["note"] = note
        return entry

    def source_fields(self, note: str = "") -> dict[str, Any]:
        """The fields of a new source for this article (AddSource's arguments): the outlet, title
        and date the page gives (empty where it gives none), its address, and this capture."""
        return {
            "outlet": self.article.outlet, "title": self.article.title, "date": self.article.date,
            "url": self.url or self.article.url, "archive": (self.capture(note),),
        }


def digest(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def archive_name(raw: bytes, name_hint: str) -> str:
    """The store-relative name the bytes are kept under: their digest, and the ending that says
    how to read them (the hint's, if it is one of a text file or a page; else by the bytes)."""
    ending = _ENDING.search(name_hint.lower())
    known = ending.group() if ending and ending.group() in TEXT_SUFFIXES + HTML_SUFFIXES else None
    if known is None:
        known = ".html" if is_html(raw, "") else ".txt"
    return f"{ARCHIVE_FOLDER}/{digest(raw)}{known}"


def archive_article(
    root: Path | str, raw_bytes: bytes, name_hint: str, captured_at: dt.date | dt.datetime, url: str | None = None,
) -> Archived:
    """Keep `raw_bytes` (a file named `name_hint`, captured at `captured_at`, from `url` when
    known) in `root`'s archive and say what to record on its source.

    The file is written atomically, once: bytes already archived are not written again (a copy
    that was changed since is put right). Raises ValueError for bytes over MAX_ARCHIVE_BYTES or
    empty, OSError if the folder cannot be written. Writes no content file: the capture is
    recorded on a source by an edit (AddSource with `archive`, or AddCapture).
    """
    if not raw_bytes:
        raise ValueError("the file is empty: nothing to archive")
    if len(raw_bytes) > MAX_ARCHIVE_BYTES:
        raise ValueError(f"the file is {len(raw_bytes) // (1024 * 1024)} MB, over the archive's {MAX_ARCHIVE_BYTES // (1024 * 1024)} MB")
    root = Path(root)
    relative = archive_name(raw_bytes, name_hint)
    target = root / relative
    already = read_capture(root, relative, digest(raw_bytes)) == raw_bytes
    if not already:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(target, raw_bytes)
    day = captured_at.date() if isinstance(captured_at, dt.datetime) else captured_at
    return Archived(relative, digest(raw_bytes), day, url or None, article_text(raw_bytes, relative), already)


class CaptureFault(Exception):
    """Why an archived copy cannot be trusted: missing, changed, or not a file to read."""


def read_capture(root: Path, relative: str, sha256: str) -> bytes | None:
    """The archived copy's bytes if they are the ones captured; None if the file is not there."""
    try:
        return checked_bytes(root, relative, sha256)
    except CaptureFault:
        return None


def checked_bytes(root: Path, relative: str, sha256: str) -> bytes:
    """The bytes of an archived copy, checked against the digest its capture records.

    Raises CaptureFault saying why they cannot be used.
    """
    try:
        raw = read_regular(root / relative, real_root(root), MAX_ARCHIVE_BYTES)
    except (FileNotFoundError, NotADirectoryError):
        raise CaptureFault("is missing") from None
    except OutsideStore:
        raise CaptureFault("is a link that leads out of the content folder") from None
    except (NotAFile, IsADirectoryError):
        raise CaptureFault("is not a file") from None
    except TooLarge:
        raise CaptureFault(f"is over the archive's {MAX_ARCHIVE_BYTES // (1024 * 1024)} MB") from None
    except Unstable:
        raise CaptureFault("changed while it was read") from None
    except OSError as exc:
        raise CaptureFault(f"cannot be read ({exc.strerror or exc})") from None
    if digest(raw) != sha256:
        raise CaptureFault("no longer matches its SHA-256: it was changed after it was captured")
    return raw


def stat_key(root: Path, relative: str) -> tuple[int, ...] | None:
    """What tells that a file was touched (size, times, inode), to read a copy once until it is."""
    try:
        st = os.stat(root / relative)
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_dev
