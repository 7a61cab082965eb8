"""Where peacewatch keeps what it derives from a content folder: one name per folder, in the
user's state directory (the journal of changes, the parse cache), never in the folder itself."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import platformdirs


def state_base(state_dir: Path | str | None = None) -> Path:
    """The user's state directory for peacewatch, or `state_dir` if given."""
    return Path(state_dir) if state_dir is not None else Path(platformdirs.user_state_dir("peacewatch", appauthor=False))


def folder_key(content_dir: Path | str) -> str:
    """A file name for a content folder: readable, and unique to its resolved path."""
    resolved = Path(content_dir).resolve()
    digest = hashlib.sha256(str(resolved).encode("utf-8", "surrogateescape")).hexdigest()[:16]
    name = re.sub(r"[^A-Za-z0-9_-]", "_", resolved.name)[:40] or "root"
    return f"{name}-{digest}"
