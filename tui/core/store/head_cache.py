"""The head of a content folder (its story, status, parties and issues) kept between runs, so that
a start shows the story in its first frame, before the store's code is even imported.

A dashboard's start spent ~100 ms importing pydantic and the model, and more reading the store,
before the story could show. The head cache is plain JSON of the head's items, read with the
standard library alone and drawn from `tui.core.model.plain`'s copies until the store is loaded.

Same bytes or nothing: an entry names every file at the top of the folder, and every file the
head's items come from, with the digest of the bytes they were read from (as the loader digests
them). A start reads and digests those files again (a few small files: well under a
millisecond) and uses the entry only if every digest is the same and the folder's top holds the
same files. Sizes and times are not trusted: a file rewritten with the same size within the
same tick of the clock has another digest. An entry is written only when those files read
without a problem, by rename (a torn or foreign entry reads as none), and anything wrong with
one (unreadable, another format, another version of the code) means no entry, never an error.
The entry also names every content file in the folder's subfolders (names only: digesting them
is the load the head goes before), so a file added or taken away there since means no entry;
items of these kinds added to a subfolder file that was already there show with the loaded
store, a moment later.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.core.disk.limits import Limits
from tui.core.disk.paths import is_content_file
from tui.core.disk.safe_read import read_regular, real_root
from tui.core.disk.state_dirs import folder_key, state_base
from tui.core.model.snapshot import Snapshot

if TYPE_CHECKING:
    from tui.core.model.snapshot import Origin

FORMAT = 2
"""Bumped when an entry's layout changes."""
_SHAPING_PACKAGES = ("text", "disk", "yaml", "model", "store")
"""The core's packages whose code shapes what the head's items are (as for the parse cache)."""
MAX_ENTRY_BYTES = 16 * 1024 * 1024
"""An entry larger than this is not one of ours: not read."""
_CORE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def head_cache_path(root: Path | str, state_dir: Path | str | None = None) -> Path:
    """The entry of a content folder, in the user's state directory beside the parse cache."""
    return state_base(state_dir) / "head" / f"{folder_key(root)}.json"


def file_digest(raw: bytes) -> str:
    """As the loader digests a file's bytes (`file_parser.file_digest`), in hex."""
    return hashlib.blake2b(raw, digest_size=16).hexdigest()


def _code_key(limits: Limits) -> str:
    """The code that made an entry: each source file of the shaping packages by size and
    modification time, as Python's own bytecode cache trusts a source (stat only: cheap at start)."""
    found: list[str] = []
    folders = [os.path.join(_CORE, package) for package in _SHAPING_PACKAGES]
    while folders:  # plain scandir and strings: os.walk and pathlib cost more than the stats themselves here
        with os.scandir(folders.pop()) as entries:
            for entry in entries:
                if entry.name.endswith(".py"):
                    st = entry.stat()
                    found.append(f"{entry.path[len(_CORE):]} {st.st_size} {st.st_mtime_ns}")
                elif entry.is_dir() and entry.name != "__pycache__":
                    folders.append(entry.path)
    return hashlib.blake2b("\n".join([f"{FORMAT} {limits!r}", *sorted(found)]).encode(), digest_size=12).hexdigest()


def top_files(root: Path) -> list[str]:
    """The content files at the top of the folder, as the loader's scan finds them."""
    return sorted(entry.name for entry in os.scandir(root) if is_content_file(entry.name) and not entry.is_dir())


def deeper_files(root: Path) -> list[str]:
    """The content files in the folder's subfolders, by their paths in it (names only, no reads:
    a few hundred entries at 100,000 quotes, well under a millisecond)."""
    found: list[str] = []
    folders = [entry.path for entry in os.scandir(root) if entry.is_dir(follow_symlinks=False) and not entry.name.startswith(".")]
    while folders:
        with os.scandir(folders.pop()) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    if not entry.name.startswith("."):
                        folders.append(entry.path)
                elif is_content_file(entry.name):
                    found.append(os.path.relpath(entry.path, root).replace(os.sep, "/"))
    return sorted(found)


def read_head(root: Path | str, limits: Limits = Limits(), state_dir: Path | str | None = None) -> Snapshot | None:
    """The head as it was last kept, if every file it was made from holds the same bytes now; else None."""
    root = Path(root)
    try:
        with open(head_cache_path(root, state_dir), "rb") as handle:
            raw = handle.read(MAX_ENTRY_BYTES + 1)
        if len(raw) > MAX_ENTRY_BYTES:
            return None
        entry = json.loads(raw)
        if entry["code"] != _code_key(limits) or entry["root"] != str(root.resolve()) or entry["top"] != top_files(root):
            return None
        if entry["deeper"] != deeper_files(root):
            return None  # a file added to a subfolder (or taken away) may hold parties or issues
        real = real_root(root)
        for relative, digest in entry["files"].items():
            if relative.startswith(("/", "../")):
                return None  # read_regular keeps to the folder as well; this is not an entry of ours
            if file_digest(read_regular(root / relative, real, limits.max_file_bytes)) != digest:
                return None
        from tui.core.model.plain import plain_snapshot  # the dashboard's start alone reads a head: not a command's import

        return plain_snapshot(entry["head"])
    except Exception:  # noqa: BLE001 — a bad entry (unreadable, torn, of another shape) is no entry, never an error
        return None


def head_files(snapshot: Snapshot) -> set[str]:
    """The files the head's items come from (most often the folder's top)."""
    return {origin.path for (kind, _), origin in snapshot.origins.items() if kind in ("story", "status", "parties", "issues")}


def write_head(root: Path | str, limits: Limits, snapshot: Snapshot, digests: Mapping[str, bytes], state_dir: Path | str | None = None) -> bool:
    """Keep the head of `snapshot`, made from files whose bytes had `digests` (every file at the top
    of the folder and every file of `head_files`, each read whole and without a problem: the caller
    makes sure). Returns whether it was written; a failure is no entry, never an error."""
    from tui.core.model.items import plain_data

    if snapshot.story is None or snapshot.status is None:
        return False
    root = Path(root)
    origins: Mapping[tuple[str, str], Origin] = snapshot.origins
    kinds = ("story", "status", "parties", "issues")
    head: dict[str, Any] = {
        "story": plain_data(snapshot.story),
        "status": plain_data(snapshot.status),
        "parties": [plain_data(p) for p in snapshot.parties],
        "issues": [plain_data(i) for i in snapshot.issues],
        "origins": [[kind, item_id, o.path, o.line] for (kind, item_id), o in origins.items() if kind in kinds],
    }
    entry = {
        "code": _code_key(limits), "root": str(root.resolve()), "top": sorted(p for p in digests if "/" not in p), "deeper": deeper_files(root),
        "files": {path: digest.hex() for path, digest in sorted(digests.items())}, "head": head,
    }
    target = head_cache_path(root, state_dir)
    temp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
    try:
        target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        temp.write_bytes(json.dumps(entry, separators=(",", ":")).encode())
        os.replace(temp, target)  # no fsync: a cache lost in a crash is only a slower start
        return True
    except (OSError, ValueError):
        try:
            temp.unlink(missing_ok=True)
        except OSError:
            pass
        return False
